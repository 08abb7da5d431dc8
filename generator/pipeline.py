"""seeds/ -> briefs/*.yaml: read, extract (cached, in parallel), merge with the
fact files people may have edited, save. Bad seeds are quarantined, never fatal.

Nothing here deletes a fact file: a brief stays published when its seed goes
bad or away, and a person's edits are merged, never overwritten.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator import atomic
from generator.extract import EXTRACTOR_VERSION, extract_path
from generator.extract import load as load_extractors
from generator.facts import loader, store
from generator.facts.cache import ExtractionCache
from generator.facts.schema import Brief
from generator.models import Extraction, extraction_from_contract

SEED_SUFFIXES = {".txt", ".text", ".html", ".htm"}
MAX_SEED_BYTES = 10 * 1024 * 1024
_PARALLEL_FROM = 8  # fewer new seeds than this: extract in this process


@dataclass
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class SyncReport:
    seeds: int = 0
    extracted: int = 0
    cached: int = 0
    written: list[str] = field(default_factory=list)  # fact files written (or, dry run: that would be)
    briefs: list[str] = field(default_factory=list)  # ids of the seeds' briefs this run
    problems: list[Problem] = field(default_factory=list)
    published: dict[str, str] = field(default_factory=dict)  # id -> publication date, every valid fact file
    # the fact files as this sync read them, and those it wrote as it wrote them:
    # ``briefs build`` hands them to the MkDocs plugin (``loader.handover``) so
    # that it does not read them again
    facts: Optional[loader.Facts] = field(default=None, repr=False, compare=False)

    @property
    def quarantined(self) -> list[str]:
        return [p.path for p in self.problems]


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Every file under seeds/ (hidden files and READMEs aside), sorted."""
    out = []
    # os.walk never follows a symlinked folder (a link to / must not be walked);
    # a symlinked file or folder is listed, and _screen refuses links out of seeds/
    for folder, dirs, files in os.walk(seeds_dir, followlinks=False):
        here = Path(folder)
        links = [d for d in dirs if (here / d).is_symlink()]
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in links]
        for name in [*files, *links]:
            if name.startswith(".") or name.lower() in {"readme", "readme.md", "readme.txt"}:
                continue
            out.append(here / name)
    return sorted(out)


@dataclass
class _Prepared:
    """A new seed's fact file as a worker made it, so that the sync's single
    process only writes it: for a seed without a fact file yet, the brief made
    from its extraction (``from_extraction`` + ``merge`` with nothing), dumped,
    in the form the file parses to (``store.loaded_form``: what the plugin gets
    through the hand-over) and checked for the next sync's memo. With a fact
    file, or if anything here fails, the sync makes the brief itself as before."""
    article: str      # _article_key
    brief_id: str     # store.new_id
    text: str         # store.dump of the brief
    brief_json: str   # what that text parses to (store.loaded_form), as JSON
    same: bool        # merging the same seed into it again changes nothing


def _prepare(ex: Extraction, name: str, sha: str) -> _Prepared:
    brief_id = store.new_id(ex, sha)
    new = store.from_extraction(ex, id=brief_id, seed=name, seed_sha256=sha, extractor_version=EXTRACTOR_VERSION)
    text = store.dump(new)  # merge(None, new) is new
    parsed = store.loaded_form(new, text, Path(f"{brief_id}.yaml"))
    return _Prepared(_article_key(ex), brief_id, text, parsed.model_dump_json(), store.merge(parsed, new) == parsed)


def _extract_worker(path: str, name: str | None = None, sha: str | None = None, cache_dir: str | None = None
                    ) -> tuple[str, Optional[dict], Optional[str], bool, Optional[_Prepared]]:
    """Runs in a worker process: (path, contract dict, error, whether the error
    is for good, the prepared fact file). With ``cache_dir`` the worker also
    keeps the extraction in the cache, and with ``name``/``sha`` prepares the
    fact file of a seed that has none (``_Prepared``)."""
    try:
        ex = extract_path(path)
    except MemoryError:
        return path, None, "out of memory while reading it", False, None
    except RecursionError:
        return path, None, "too deeply nested to read", True, None
    except OSError as exc:  # may be passing (a file being written, a full disk): not cached
        return path, None, f"cannot read: {exc.strerror or exc}", False, None
    except Exception as exc:  # any failure quarantines this seed only
        return path, None, _one_line(exc), True, None
    data = ex.to_contract()
    prepared = None
    try:
        if cache_dir is not None and sha is not None:
            ExtractionCache(Path(cache_dir), EXTRACTOR_VERSION).put(sha, data)
        if name is not None and sha is not None:
            prepared = _prepare(ex, name, sha)
    except Exception:  # noqa: BLE001 - only work moved off the main process is lost: it is done there
        prepared = None
    return path, data, None, True, prepared


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def inert(text: str) -> str:
    """One printable line: control characters (newlines too) shown as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    msg = text.splitlines()[0].strip() if text else type(exc).__name__
    if type(exc).__name__ not in ("ReadError", "DecodeError", "FactFileError", "ValueError") and text:
        msg = f"{type(exc).__name__}: {msg}"
    return inert(msg)[:300]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _article_key(ex: Extraction) -> str:
    """Same article twice (different bytes, e.g. re-saved): same title and body words."""
    words = re.findall(r"\w+", ((ex.source.title or "") + " " + ex.body).lower())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _display(path: Path, root: Path) -> str:
    try:
        shown = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        shown = path.as_posix()
    return inert(shown)


def _screen(p: Path, seeds_dir: Path) -> str | None:
    """Why ``p`` cannot be a seed, before reading it; None when it may be one."""
    if p.is_symlink():
        target = Path(os.path.realpath(p))
        if not target.is_relative_to(Path(os.path.realpath(seeds_dir))):
            return "symbolic link to something outside seeds/ (not read)"
    if p.is_dir():
        return "a linked folder (not read: put the files themselves in seeds/)"
    if not p.is_file():
        return "not a regular file"
    if p.suffix.lower() not in SEED_SUFFIXES:
        return f"not a seed: expected one of {', '.join(sorted(SEED_SUFFIXES))}"
    size = p.stat().st_size
    if size == 0:
        return "empty file"
    if size > MAX_SEED_BYTES:
        return f"file too large ({size / 2**20:.1f} MB; the limit is {MAX_SEED_BYTES // 2**20} MB)"
    return None


def _extract_all(todo: list[Path], jobs: int, progress: Callable[[int, int], None] | None,
                 extra: Callable[[Path], tuple] = lambda p: ()) -> Iterable[tuple]:
    """``_extract_worker(p, *extra(p))`` for each of ``todo``, in any order:
    in a pool of processes from ``_PARALLEL_FROM`` seeds on, else in this one."""
    if jobs <= 1 or len(todo) < _PARALLEL_FROM:
        for i, p in enumerate(todo, 1):
            yield _extract_worker(str(p))
            if progress:
                progress(i, len(todo))
        return
    done: set[str] = set()
    load_extractors()  # once, before the workers are forked
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_extract_worker, str(p), *extra(p)) for p in todo]
            for fut in as_completed(futures):
                res = fut.result()
                done.add(res[0])
                yield res
                if progress:
                    progress(len(done), len(todo))
    except BrokenProcessPool:
        # a worker died (killed, out of memory): finish one by one, so only the
        # seed that kills its reader is lost
        for p in todo:
            if str(p) in done:
                continue
            res = _extract_worker(str(p))
            done.add(res[0])
            yield res
            if progress:
                progress(len(done), len(todo))


class _SameMemo:
    """Which fact files the last syncs found already up to date with their seed.

    Re-making a brief (``from_extraction`` + ``merge``) only to find it equal to
    its fact file is most of a sync's work when nothing changed. That outcome
    is a pure function of the fact file's bytes, the seed's name and bytes and
    the code (extractor, schema, store, this module), so it is kept per fact
    file with those as the key, and the seed's article key (``_article_key``)
    with it: ``{file name: [file sha256, seed name, seed sha256, article key]}``.
    A seed found there is not even loaded from the extraction cache. Any
    difference and the brief is made and compared again. Only ever a
    shortcut: a missing or foreign memo file is an empty memo.
    """

    def __init__(self, path: Path):
        self.path = path
        self.version = self._version()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            old = data["same"] if data.get("version") == self.version else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            old = {}
        self.old: dict = old if isinstance(old, dict) else {}
        self.new: dict[str, list] = {}

    @staticmethod
    def _version() -> str:
        from generator.facts import ids

        h = hashlib.sha256(f"{EXTRACTOR_VERSION} {loader.code_version()}".encode())
        for mod in (ids, store):
            h.update(Path(mod.__file__).read_bytes())
        h.update(Path(__file__).read_bytes())
        return h.hexdigest()[:16]

    def article(self, key: list) -> str | None:
        """The article key kept for ``key`` (article key left out), if it is there."""
        hit = self.old.get(key[0]) if key[0] is not None else None
        if isinstance(hit, list) and len(hit) == 4 and hit[:3] == key[1:4] and isinstance(hit[3], str):
            return hit[3]
        return None

    def same(self, key: list) -> bool:
        return key[0] is not None and self.old.get(key[0]) == key[1:]

    def keep(self, key: list) -> None:
        if key[0] is not None:
            self.new[key[0]] = key[1:]

    def save(self) -> None:
        if self.new != self.old:
            atomic.write_cache(self.path, json.dumps({"version": self.version, "same": self.new},
                                                     ensure_ascii=False, separators=(",", ":")), "the sync memo")


def _read_back(facts: loader.Facts | None, briefs_dir: Path, wrote: list, memo: _SameMemo) -> loader.Facts:
    """The fact files this sync wrote, in the form their very bytes parse to
    (``store.loaded_form``; the one parse of each in this build: the plugin
    gets them through the hand-over) and checked once for what the next sync
    would do with them: when merging the same seed into the file changes
    nothing, the memo says so and the next sync skips it. ``facts`` (as read
    before the writes) plus those."""
    got: dict[str, tuple[str, store.Loaded]] = {}
    for target, text, merged, new, same, key in wrote:
        file_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()  # of what atomic.write_text wrote
        if same is not None:  # parsed back and checked by the worker (``_Prepared``)
            brief = merged
        else:
            try:
                brief = store.loaded_form(merged, text, target)
            except store.FactFileError:
                continue  # cannot be: the plugin will say so when it reads the file
            try:
                same = store.merge(brief, new) == brief
            except Exception:  # only a shortcut lost: the next sync makes the brief again
                same = False
        got[target.name] = (file_sha, store.Loaded(target, brief, None))
        if same:
            memo.keep([key[0], file_sha, *key[2:]])
    if facts is None:  # there was no fact file before: no parse cache entry to hand over either
        facts = loader.Facts(briefs_dir, [], {})
    loaded = {l.path.name: l for l in facts.loaded}
    shas = dict(facts.shas)
    for name, (file_sha, l) in got.items():
        loaded[name], shas[name] = l, file_sha
    return loader.Facts(facts.folder, [loaded[n] for n in sorted(loaded)], shas, facts.cache_file, facts.entries)


def sync(
    seeds_dir: Path,
    briefs_dir: Path,
    cache_dir: Path,
    *,
    root: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    dry_run: bool = False,
) -> SyncReport:
    """Bring ``briefs_dir`` up to date with ``seeds_dir``. ``dry_run``: change no fact file."""
    root = root or seeds_dir.parent
    report = SyncReport()
    cache = ExtractionCache(cache_dir, EXTRACTOR_VERSION)
    seeds = list_seeds(seeds_dir) if seeds_dir.is_dir() else []
    report.seeds = len(seeds)
    shown = {p: _display(p, root) for p in seeds}  # each seed's name in reports and fact files

    # the fact files, through the loader the MkDocs plugin uses (a file unchanged
    # since it was last read is not parsed again)
    facts = loader.load(briefs_dir, cache_dir / loader.CACHE_NAME) if briefs_dir.is_dir() else None
    existing = facts.loaded if facts else []
    report.facts = facts
    memo = _SameMemo(cache_dir / "sync-same.json")
    broken = {l.path.stem: l.error for l in existing if l.error}
    by_seed = {l.brief.provenance.seed: l.brief for l in existing if l.brief}
    by_sha = {l.brief.provenance.seed_sha256: l.brief for l in existing if l.brief}
    shas: dict[Path, str] = {}  # seed -> sha256 of its bytes (step 1)

    def old_brief(p: Path):
        return by_seed.get(shown[p]) or by_sha.get(shas[p])

    def memo_key(p: Path, brief_id: str, article: str | None) -> list:
        """[fact file, its sha256, seed name, seed sha256, article key], the key of ``_SameMemo``."""
        old = old_brief(p)
        file_sha = facts.shas.get(f"{brief_id}.yaml") if facts and old is not None and old.id == brief_id else None
        return [f"{brief_id}.yaml" if file_sha else None, file_sha, shown[p], shas[p], article]

    # 1. screen, hash and look up the cache
    results: dict[Path, Extraction] = {}
    known: dict[Path, str] = {}  # seeds whose fact file is up to date (memo): their article key
    todo: list[Path] = []
    first_by_sha: dict[str, Path] = {}
    for p in seeds:
        name = shown[p]
        try:
            why = _screen(p, seeds_dir)
            sha = None if why else _sha256(p)
        except OSError as exc:
            why = f"cannot read: {exc.strerror or exc}"
        if why:
            report.problems.append(Problem(name, why))
            continue
        if sha in first_by_sha:
            report.problems.append(Problem(name, f"duplicate seed: same bytes as {shown[first_by_sha[sha]]}"))
            continue
        first_by_sha[sha] = p
        shas[p] = sha
        old = old_brief(p)
        article = memo.article(memo_key(p, old.id, None)) if old is not None else None
        if article is not None and cache.touch(sha):  # up to date: its extraction is not even needed
            known[p] = article
            report.cached += 1
            continue
        cached = cache.get(sha)
        if isinstance(cached, str):  # this content failed before with this extractor
            report.problems.append(Problem(name, cached))
            report.cached += 1
        elif cached is not None:
            results[p] = cached
            report.cached += 1
        else:
            todo.append(p)

    # 2. extract what is new, in parallel over cores
    jobs = jobs or os.cpu_count() or 1
    failed: dict[Path, str] = {}
    prepared: dict[Path, _Prepared] = {}  # fact files the workers made (seeds without one)

    def extra(p: Path) -> tuple:  # in workers: the cache entry, and the fact file of a seed without one
        return (None if old_brief(p) else shown[p], shas[p], str(cache_dir))

    for path, data, error, for_good, prep in _extract_all(todo, jobs, progress, extra):
        p = Path(path)
        if error:
            failed[p] = error
            if for_good:
                cache.put_failure(shas[p], error)
            continue
        try:
            ex = extraction_from_contract(data)
        except (KeyError, TypeError, ValueError) as exc:
            failed[p] = f"extraction result unusable: {_one_line(exc)}"
            continue
        if not cache.touch(shas[p]):  # the worker kept it in the cache (or could not: then here)
            cache.put(shas[p], data)
        if prep is not None:
            prepared[p] = prep
        results[p] = ex
        report.extracted += 1
    for p in seeds:  # seeds order, whatever order the workers finished in
        if p in failed:
            report.problems.append(Problem(shown[p], failed[p]))

    # 3. ids, merge with existing fact files, save
    owner_of_id = {l.brief.id: l.brief.provenance.seed for l in existing if l.brief}
    report.published = {l.brief.id: l.brief.source.published for l in existing if l.brief and l.brief.source.published}
    for stem, error in sorted(broken.items()):
        path = _display(briefs_dir / f"{stem}.yaml", root)
        msg = error.split(": ", 1)[-1] if error.startswith(str(briefs_dir)) else error
        report.problems.append(Problem(path, inert(msg)))

    # seeds that already have a fact file first: of two copies of one article the
    # published one keeps its brief, whatever the new copy is called
    ordered = sorted((p for p in seeds if p in results or p in known), key=lambda p: old_brief(p) is None)
    seen_articles: dict[str, str] = {}
    # fact files written: path, text, the brief written (as parsed back by a worker), the fresh
    # extraction's brief (None when a worker made the file), the worker's memo check, memo key
    wrote: list[tuple[Path, str, Brief, Brief | None, bool | None, list]] = []
    for p in ordered:
        # popped: each extraction and prepared brief is let go once its fact file is made
        ex, sha, name, prep = results.pop(p, None), shas[p], shown[p], prepared.pop(p, None)
        key = known[p] if ex is None else prep.article if prep is not None else _article_key(ex)
        if key in seen_articles:
            report.problems.append(Problem(name, f"duplicate article: same text as {seen_articles[key]}"))
            continue
        seen_articles[key] = name
        old = old_brief(p)
        try:
            brief_id = old.id if old else store.new_id(ex, sha)
            if brief_id in broken:
                report.problems.append(Problem(name, f"not updated: its fact file briefs/{brief_id}.yaml is invalid"))
                continue
            owner = owner_of_id.get(brief_id)
            if owner is not None and owner != name and not (old and old.id == brief_id):
                report.problems.append(Problem(
                    name, f"would get id {brief_id!r}, already used by {owner} "
                          f"(same headline and date: if it is another article, edit its headline)"))
                continue
            owner_of_id[brief_id] = name
            mkey = memo_key(p, brief_id, key)
            if memo.same(mkey):  # an earlier sync found this very file up to date with this very seed
                memo.keep(mkey)
                report.briefs.append(brief_id)
                continue
            if ex is None:  # not reached (``known`` holds what the memo holds), but never guess
                ex = cache.get(sha)
                if not isinstance(ex, Extraction):
                    raise RuntimeError("its extraction is no longer in the cache: build again")
            if prep is not None and old is None and prep.brief_id == brief_id:  # made by the worker
                new, merged, text = None, Brief.model_validate_json(prep.brief_json), prep.text
            else:
                new = store.from_extraction(ex, id=brief_id, seed=name, seed_sha256=sha,
                                            extractor_version=EXTRACTOR_VERSION)
                merged, text = store.merge(old, new), None
            report.published.pop(brief_id, None)
            if merged.source.published:
                report.published[brief_id] = merged.source.published
            target = briefs_dir / f"{brief_id}.yaml"
            if old is not None and old.id == brief_id and merged == old:
                memo.keep(mkey)  # same facts: the file stays as it is (a person's layout and comments too)
            elif (text := store.needs_saving(merged, briefs_dir, text)) is not None:
                report.written.append(_display(target, root))
                if not dry_run:
                    store.save(merged, briefs_dir, text)
                    wrote.append((target, text, merged, new, None if new is not None else prep.same,
                                  [target.name, None, name, sha, key]))
        except Exception as exc:  # a bug or a surprise in one brief must not stop the others
            report.problems.append(Problem(name, f"cannot make its fact file: {_one_line(exc)}"))
            continue
        report.briefs.append(brief_id)
    if wrote:
        report.facts = _read_back(facts, briefs_dir, wrote, memo)
    report.briefs.sort()
    order = {shown[p]: i for i, p in enumerate(seeds)}
    report.problems.sort(key=lambda pr: (order.get(pr.path, len(order)), pr.path))
    memo.save()
    if not dry_run:
        cache.prune()
    return report
