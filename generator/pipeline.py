"""seeds/ -> briefs/*.yaml: read, extract (cached, in parallel), merge with the
fact files people may have edited, save. Bad seeds are quarantined, never fatal.
"""
from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.extract import EXTRACTOR_VERSION, extract_path
from generator.facts import store
from generator.facts.cache import ExtractionCache
from generator.models import Extraction, extraction_from_contract

SEED_SUFFIXES = {".txt", ".text", ".html", ".htm"}
MAX_SEED_BYTES = 10 * 1024 * 1024


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
    written: list[str] = field(default_factory=list)
    briefs: list[str] = field(default_factory=list)  # ids of the seeds' briefs this run
    problems: list[Problem] = field(default_factory=list)


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Every regular file under seeds/ (hidden files and READMEs aside), sorted."""
    out = []
    for p in sorted(seeds_dir.rglob("*")):
        rel = p.relative_to(seeds_dir)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        if p.name.lower() in {"readme", "readme.md", "readme.txt"}:
            continue
        out.append(p)
    return out


def _extract_worker(path: str) -> tuple[str, Optional[dict], Optional[str]]:
    """Runs in a worker process: (path, contract dict, error)."""
    try:
        return path, extract_path(path).to_contract(), None
    except Exception as exc:  # any failure quarantines this seed only
        return path, None, _one_line(exc)


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return msg[:300]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _article_key(ex: Extraction) -> str:
    """Same article twice (different bytes, e.g. re-saved): same title and body words."""
    words = re.findall(r"\w+", (ex.source.title or "") + " " + ex.body.lower())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _extract_all(todo: list[Path], jobs: int, progress: Callable[[int, int], None] | None) -> Iterable[tuple]:
    if jobs <= 1 or len(todo) < 8:
        for i, p in enumerate(todo, 1):
            yield _extract_worker(str(p))
            if progress:
                progress(i, len(todo))
        return
    chunk = max(1, min(64, len(todo) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for i, res in enumerate(pool.map(_extract_worker, [str(p) for p in todo], chunksize=chunk), 1):
            yield res
            if progress:
                progress(i, len(todo))


def sync(
    seeds_dir: Path,
    briefs_dir: Path,
    cache_dir: Path,
    *,
    root: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SyncReport:
    root = root or seeds_dir.parent
    report = SyncReport()
    cache = ExtractionCache(cache_dir, EXTRACTOR_VERSION)
    seeds = list_seeds(seeds_dir) if seeds_dir.is_dir() else []
    report.seeds = len(seeds)

    # 1. hash, screen and look up the cache
    shas: dict[Path, str] = {}
    results: dict[Path, Extraction] = {}
    todo: list[Path] = []
    first_by_sha: dict[str, Path] = {}
    for p in seeds:
        name = _display(p, root)
        if p.suffix.lower() not in SEED_SUFFIXES:
            report.problems.append(Problem(name, f"not a seed: expected one of {', '.join(sorted(SEED_SUFFIXES))}"))
            continue
        size = p.stat().st_size
        if size == 0:
            report.problems.append(Problem(name, "empty file"))
            continue
        if size > MAX_SEED_BYTES:
            report.problems.append(Problem(name, f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_SEED_BYTES // 2**20} MB)"))
            continue
        sha = _sha256(p)
        if sha in first_by_sha:
            report.problems.append(Problem(name, f"duplicate seed: same content as {_display(first_by_sha[sha], root)}"))
            continue
        first_by_sha[sha] = p
        shas[p] = sha
        cached = cache.get(sha)
        if cached is not None:
            results[p] = cached
            report.cached += 1
        else:
            todo.append(p)

    # 2. extract what is new, in parallel over cores
    jobs = jobs or os.cpu_count() or 1
    for path, data, error in _extract_all(todo, jobs, progress):
        p = Path(path)
        if error:
            report.problems.append(Problem(_display(p, root), error))
            continue
        ex = extraction_from_contract(data)
        cache.put(shas[p], ex)
        results[p] = ex
        report.extracted += 1

    # 3. ids, merge with existing fact files, save
    existing = store.load_all(briefs_dir) if briefs_dir.is_dir() else []
    broken = {l.path.stem: l.error for l in existing if l.error}
    by_seed = {l.brief.provenance.seed: l.brief for l in existing if l.brief}
    by_sha = {l.brief.provenance.seed_sha256: l.brief for l in existing if l.brief}
    owner_of_id = {l.brief.id: l.brief.provenance.seed for l in existing if l.brief}
    for stem, error in sorted(broken.items()):
        report.problems.append(Problem(_display(briefs_dir / f"{stem}.yaml", root), error.split(": ", 1)[-1]))
    seen_articles: dict[str, str] = {}
    for p in seeds:
        if p not in results:
            continue
        ex, sha, name = results[p], shas[p], _display(p, root)
        key = _article_key(ex)
        if key in seen_articles:
            report.problems.append(Problem(name, f"duplicate article: same text as {seen_articles[key]}"))
            continue
        seen_articles[key] = name
        old = by_seed.get(name) or by_sha.get(sha)
        brief_id = old.id if old else store.new_id(ex, sha)
        if brief_id in broken:
            report.problems.append(Problem(name, f"not updated: its fact file briefs/{brief_id}.yaml is invalid"))
            continue
        owner = owner_of_id.get(brief_id)
        if owner is not None and owner != name and not (old and old.id == brief_id):
            report.problems.append(Problem(name, f"would get id {brief_id!r}, already used by {owner}"))
            continue
        owner_of_id[brief_id] = name
        new = store.from_extraction(ex, id=brief_id, seed=name, seed_sha256=sha, extractor_version=EXTRACTOR_VERSION)
        merged = store.merge(old, new)
        before = (briefs_dir / f"{brief_id}.yaml")
        old_text = before.read_text(encoding="utf-8") if before.exists() else None
        path = store.save(merged, briefs_dir)
        if path.read_text(encoding="utf-8") != old_text:
            report.written.append(_display(path, root))
        report.briefs.append(brief_id)
    return report
