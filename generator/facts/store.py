"""``briefs/<id>.yaml``: make a Brief from an Extraction, merge it with the file a
person may have edited, load with validation and save atomically."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import atomic
from generator.facts.ids import brief_id, slugify, unique
from generator.facts.schema import (
    Brief,
    EntityFact,
    FactFileError,
    MetricFact,
    Provenance,
    QuoteFact,
    SourceInfo,
    fingerprint,
    parse_brief,
)
from generator.models import Extraction
from generator.extract.sentences import split as split_sentences


def _period_slug(period: str | None) -> str:
    return slugify(period.replace("/", "-to-")) if period else ""


def _metric_anchor(m) -> str:
    parts = [slugify(m.subject, 30), slugify(m.metric, 30), _period_slug(m.period)]
    return "-".join(p for p in parts if p) or "figure"


def _quote_anchor(q) -> str:
    speaker = slugify(q.speaker or "unattributed", 30)
    words = slugify(" ".join(q.text.split()[:5]), 40)
    return f"quote-{speaker}-{words}".strip("-")


def _summary(extraction: Extraction) -> str | None:
    for para in extraction.body.split("\n\n"):
        sents = split_sentences(para)
        if sents and len(sents[0].text) > 40:
            return sents[0].text
    return None


def from_extraction(extraction: Extraction, *, id: str, seed: str, seed_sha256: str, extractor_version: str) -> Brief:
    """A fresh Brief, every item fingerprinted as machine-made."""
    taken: set[str] = set()
    metrics = []
    for m in extraction.metrics:
        item = MetricFact(
            id=unique(_metric_anchor(m), taken), subject=m.subject, metric=m.metric, value=m.value,
            value_high=m.value_high, unit=m.unit, period=m.period, approximate=m.approximate,
            source=m.source, evidence=m.evidence,
        )
        metrics.append(item)
    quotes = [
        QuoteFact(id=unique(_quote_anchor(q), taken), speaker=q.speaker, role=q.role, text=q.text, evidence=q.evidence)
        for q in extraction.quotes
    ]
    entities = [
        EntityFact(id=unique("entity-" + (slugify(e.name, 50) or "x"), taken), name=e.name, type=e.type,
                   aliases=list(e.aliases), role=e.role)
        for e in extraction.entities
    ]
    for item in (*metrics, *quotes, *entities):
        item.fingerprint = item.current_fingerprint()
    src = extraction.source
    url = src.url if src.url and src.url.startswith(("http://", "https://")) else None
    brief = Brief(
        id=id,
        headline=src.title,
        summary=_summary(extraction),
        source=SourceInfo(title=src.title, published=src.published, authors=list(src.authors),
                          publisher=src.publisher, url=url),
        metrics=metrics, quotes=quotes, entities=entities,
        provenance=Provenance(seed=seed, seed_sha256=seed_sha256, extractor_version=extractor_version),
    )
    brief.fingerprints = {k: fingerprint(getattr(brief, k)) for k in ("headline", "summary") if getattr(brief, k) is not None}
    brief.fingerprints["source"] = fingerprint(brief.source.model_dump(mode="json"))
    return brief


def _merge_items(old: list, new: list, key) -> list:
    """Edited old items win; machine items are replaced by the new extraction,
    keeping the old anchor of the same fact so permalinks don't move."""
    edited = [o for o in old if o.edited]
    edited_keys = {key(o) for o in edited}
    edited_fps = {o.fingerprint for o in edited if o.fingerprint}
    machine_ids = {key(o): o.id for o in old if not o.edited}
    taken = {o.id for o in edited}
    out = list(edited)
    for n in new:
        if key(n) in edited_keys or n.fingerprint in edited_fps:
            continue  # a person's version of this fact stands in for it
        n = n.model_copy()
        wanted = machine_ids.get(key(n), n.id)
        n.id = unique(wanted, taken)
        out.append(n)
    order = {o.id: i for i, o in enumerate(old)}
    return sorted(out, key=lambda x: order.get(x.id, len(order)))


def merge(old: Brief | None, new: Brief) -> Brief:
    """Re-extraction result ``new`` merged into the file ``old`` a person may have edited."""
    if old is None:
        return new
    merged = new.model_copy(deep=True)
    merged.id = old.id  # ids never change once published
    merged.redirect_from = list(old.redirect_from)
    merged.tags = list(old.tags) if old.tags else new.tags
    for name in ("headline", "summary"):
        cleared = getattr(old, name) is None and name in old.fingerprints  # a person deleted it
        if old.field_edited(name) or cleared:
            setattr(merged, name, getattr(old, name))
    source_fp = old.fingerprints.get("source")
    if source_fp is not None and source_fp != fingerprint(old.source.model_dump(mode="json")):
        merged.source = old.source.model_copy(deep=True)  # a person corrected the source: theirs wins
    merged.metrics = _merge_items(old.metrics, new.metrics, lambda m: (m.subject, m.value, m.unit, m.period))
    merged.quotes = _merge_items(old.quotes, new.quotes, lambda q: q.text)
    merged.entities = _merge_items(old.entities, new.entities, lambda e: e.name)
    return merged


@dataclass
class Loaded:
    path: Path
    brief: Brief | None
    error: str | None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster, same result


def load(path: Path, raw: bytes | None = None) -> Brief:
    """Parse and validate ``path``; ``raw``: its bytes, when already read (so the
    result is that of exactly those bytes, whatever the file holds meanwhile)."""
    try:
        if raw is None:
            text = path.read_text(encoding="utf-8")
        else:  # as read_text: UTF-8, universal newlines
            text = raw.decode("utf-8")
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        data = yaml.load(text, Loader=_Loader)
    except (OSError, UnicodeDecodeError) as exc:
        raise FactFileError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise FactFileError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    return _named_for(parse_brief(data, str(path)), path)


def _named_for(brief: Brief, path: Path) -> Brief:
    """``brief``, if its id is the name of its file ``path``; else a FactFileError."""
    if brief.id != path.stem:
        raise FactFileError(f"{path}: id {brief.id!r} does not match the file name")
    return brief


# characters YAML reads as a line break: written raw in a block scalar, they do not read back as written
_YAML_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def loaded_form(brief: Brief, text: str, path: Path) -> Brief:
    """What ``load(path)`` gives once ``text``, which is ``dump(brief)``, is in
    the file, without parsing the YAML back (~20x faster): safe YAML reads
    every string, number, boolean and null back as it wrote it, so validating
    the dict it was dumped from gives the same brief. Only a string holding a
    character YAML reads as a line break can come back changed; then ``text``
    is parsed."""
    if _YAML_BREAKS.search(text):
        return load(path, text.encode("utf-8"))
    return _named_for(parse_brief(brief.to_yaml_dict(), str(path)), path)


def load_all(folder: Path) -> list[Loaded]:
    out = []
    for p in sorted(folder.glob("*.yaml")):
        try:
            out.append(Loaded(p, load(p), None))
        except FactFileError as exc:
            out.append(Loaded(p, None, str(exc)))
    return out


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when present: ~10x faster
    pass


def _str_presenter(dumper, data: str):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)

HEADER = (
    "# Fact file made by `briefs` from {seed}. You may edit it: change or add facts,\n"
    "# set `suppressed: true` on one to hide it, write a headline, summary or tags.\n"
    "# Edits survive re-extraction. Schema: docs/fact-files.md\n"
)


def dump(brief: Brief) -> str:
    body = yaml.dump(brief.to_yaml_dict(), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(seed=brief.provenance.seed) + body


def needs_saving(brief: Brief, folder: Path, text: str | None = None) -> str | None:
    """The new text of ``folder/<id>.yaml`` (``text`` if already dumped), or None when the file already says it."""
    path = folder / f"{brief.id}.yaml"
    text = dump(brief) if text is None else text
    try:
        if path.read_text(encoding="utf-8") == text:
            return None
    except (OSError, UnicodeDecodeError):
        pass
    return text


def save(brief: Brief, folder: Path, text: str | None = None) -> Path:
    """Write ``folder/<id>.yaml`` atomically (temp file + rename); ``text`` if already dumped."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{brief.id}.yaml"
    if text is None:
        text = needs_saving(brief, folder)
        if text is None:
            return path
    atomic.write_text(path, text)
    return path


def new_id(extraction: Extraction, seed_sha256: str) -> str:
    return brief_id(extraction.source.published, extraction.source.title, seed_sha256[:12])
