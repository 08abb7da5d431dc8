"""The one way to read a folder of fact files: each file parsed at most once per build.

Parsing a fact file (YAML, then validation) costs about 1.5 ms; most builds
read every file unchanged since the last one. ``load_all`` gives the same
results as ``store.load_all`` (same order, same briefs, same errors) through
two shortcuts, both keyed by the SHA-256 of the bytes read now, so an edited
file is always parsed again:

1. **The hand-over.** ``briefs build`` syncs the fact files, then runs MkDocs
   in the same process. The sync has just read every file; inside
   ``handover(facts)`` a ``load_all`` of the same folder (the plugin's, in
   ``on_files``) takes each file's result from the sync instead of validating it
   again, when the file's bytes are still the ones the sync read. Files the
   sync wrote, or anything changed since, do not match and are read as usual.
   Outside ``with handover(...)`` (a plain ``mkdocs build``) nothing is handed
   over.
2. **The parse cache** (``cache_file``, ``.briefs-cache/site-facts.json``):
   each valid file's ``Brief`` as JSON next to the SHA-256 of its bytes; a file
   whose bytes are unchanged is validated from that JSON (~0.1 ms) instead of
   parsed. The key also holds a hash of the fact-file code (schema, store, this
   module) and the pydantic version, so a change of either re-parses
   everything. Broken files are never cached: they are parsed (and reported)
   whenever they are read without a hand-over.
"""
from __future__ import annotations

import functools
import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from generator import atomic
from generator.facts import schema, store
from generator.facts.schema import Brief


CACHE_NAME = "site-facts.json"  # in the cache folder, beside the charts cache


@dataclass
class Facts:
    """The fact files of ``folder`` as read once: ``loaded`` in file-name order,
    the SHA-256 of the bytes each result comes from (None: unreadable)."""

    folder: Path
    loaded: list[store.Loaded]
    shas: dict[str, str | None] = field(default_factory=dict)
    cache_file: Path | None = None
    entries: dict[str, list] = field(default_factory=dict)  # the cache file's entries after this read


@functools.cache
def code_version() -> str:
    """Hash of the code that turns a fact file into a ``Brief`` (and of pydantic)."""
    import pydantic

    h = hashlib.sha256(pydantic.VERSION.encode())
    for path in (schema.__file__, store.__file__, __file__):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:16]


def _key(path: Path | None) -> str | None:
    return None if path is None else str(Path(path).resolve())


# folder (resolved) -> the Facts a sync of this process handed over
_handed: dict[str, Facts] = {}


@contextmanager
def handover(facts: Facts | None) -> Iterator[None]:
    """While in the block, ``load_all`` of ``facts.folder`` reuses ``facts`` for
    every file whose bytes are unchanged. ``None``: nothing handed over."""
    if facts is None:
        yield
        return
    key = _key(facts.folder)
    before = _handed.get(key)
    _handed[key] = facts
    del facts  # held by _handed only: load() lets it go once it has taken the briefs
    try:
        yield
    finally:
        if before is None:
            _handed.pop(key, None)
        else:
            _handed[key] = before


def _read_cache(cache_file: Path, version: str) -> dict:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        entries = data["entries"] if data.get("version") == version else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        entries = {}
    return entries if isinstance(entries, dict) else {}


def _moved_error(error: str, was: str, now: Path) -> str | None:
    """The error ``store.load(now)`` would give, from the one it gave for ``was``."""
    return str(now) + error[len(was):] if error.startswith(was + ": ") else None


def load(folder: Path, cache_file: Path | None = None) -> Facts:
    """Every ``folder/*.yaml``, as ``store.load_all`` gives them, through the
    hand-over and the parse cache (``None``: no cache file)."""
    folder = Path(folder)
    handed = _handed.get(_key(folder))
    handed_files = {l.path.name: l for l in handed.loaded} if handed else {}
    version = code_version() if cache_file is not None else ""
    if cache_file is None:
        entries: dict = {}
    elif handed is not None and handed.cache_file is not None and _key(handed.cache_file) == _key(cache_file):
        entries = handed.entries  # what the sync left in that file: no need to read it again
    else:
        entries = _read_cache(cache_file, version)
    out: list[store.Loaded] = []
    shas: dict[str, str | None] = {}
    fresh: dict[str, list] = {}
    changed = False
    for p in sorted(folder.glob("*.yaml")):
        try:
            raw = p.read_bytes()
            sha = hashlib.sha256(raw).hexdigest()
        except OSError:
            raw = sha = None
        shas[p.name] = sha
        hit = entries.get(p.name)
        cached = hit if isinstance(hit, list) and len(hit) == 2 and sha is not None and hit[0] == sha else None
        given = handed_files.get(p.name)
        if given is not None and sha is not None and handed.shas.get(p.name) == sha:
            if given.brief is not None:
                out.append(store.Loaded(p, given.brief, None))
                if cache_file is not None:
                    fresh[p.name] = cached or [sha, given.brief.model_dump_json()]
                    changed = changed or cached is None
                continue
            error = _moved_error(given.error or "", str(given.path), p)
            if error is not None:
                out.append(store.Loaded(p, None, error))
                changed = changed or p.name in entries
                continue
        if cached is not None:
            try:
                out.append(store.Loaded(p, Brief.model_validate_json(cached[1]), None))
                fresh[p.name] = cached
                continue
            except ValueError:
                pass
        try:
            brief = store.load(p, raw)
        except store.FactFileError as exc:
            out.append(store.Loaded(p, None, str(exc)))
            changed = changed or p.name in entries
            continue
        out.append(store.Loaded(p, brief, None))
        if cache_file is not None and sha is not None:
            fresh[p.name] = [sha, brief.model_dump_json()]
            changed = True
    if cache_file is not None and (changed or set(fresh) != set(entries)):
        atomic.write_cache(cache_file, json.dumps({"version": version, "entries": fresh}, ensure_ascii=False,
                                                  separators=(",", ":")), "the fact-file cache")
        if handed is not None and entries is handed.entries:
            handed.entries = fresh  # the file now holds these
    if handed is not None:  # taken: the caller holds the briefs now, the hand-over need not (memory)
        _handed.pop(_key(folder), None)
    return Facts(folder, out, shas, cache_file, fresh)


def load_all(folder: Path, cache_file: Path | None = None) -> list[store.Loaded]:
    """Like ``store.load_all(folder)`` (same order, same results), through the
    hand-over and the parse cache."""
    return load(folder, cache_file).loaded
