"""Incremental sync: the extraction cache, clean rebuilds, human edits.

Every test runs the real CLI in a temp project. The helpers at the top are
shared by tests/test_bad_input.py, test_atomic_build.py and test_cli.py.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent

# --- helpers ---------------------------------------------------------------

COMPANIES = [
    # (company, city, product, chief, metric word)
    ("Acme Robotics Inc.", "Boston", "warehouse robots", "Maria Lopez", "revenue"),
    ("Nordwind Shipping AG", "Hamburg", "container freight", "Jonas Keller", "revenue"),
    ("Kestrel Foods plc", "Leeds", "frozen meals", "Priya Shah", "sales"),
    ("Harbor Semiconductor Corp.", "San Jose", "memory chips", "David Chen", "revenue"),
    ("Lumen Bank SA", "Madrid", "consumer loans", "Lucia Romero", "net income"),
    ("Tamarind Retail Ltd.", "Mumbai", "grocery stores", "Arjun Mehta", "sales"),
    ("Polar Energy ASA", "Oslo", "offshore wind", "Ingrid Berg", "revenue"),
    ("Saguaro Airlines Inc.", "Phoenix", "regional flights", "Carlos Vega", "revenue"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def article(i: int, *, headline: str | None = None, first: str | None = None, quote: str | None = None,
            extra: str = "") -> str:
    """A realistic business-news article (headline, date line, paragraphs with figures
    and a quote); ``i`` picks the company and the numbers, so articles differ."""
    company, city, product, chief, metric = COMPANIES[i % len(COMPANIES)]
    short = company.split()[0]
    pct, value = 5 + (i * 7) % 40, 1 + (i * 13) % 90 / 10
    month, day, year = MONTHS[i % len(MONTHS)], 1 + (i * 3) % 27, 2023 + i % 3
    headline = headline or f"{short} {metric} jumps {pct}% as demand for {product} grows (report {i})"
    first = first or (
        f"{company} said on Tuesday that {metric} rose {pct}% to ${value:.1f} billion in the fourth quarter "
        f"of {year - 1}, beating analyst estimates as customers in {city} and abroad spent more on {product}."
    )
    quote = quote or f"Demand for {product} has never been stronger, and we are adding capacity across the region"
    return f"""{headline}

{month} {day}, {year}

{first}

The {city}-based company said its order backlog reached ${value * 2:.1f} billion at the end of December, \
up from ${value * 1.5:.1f} billion a year earlier, and that it hired about {300 + i * 17} people in the quarter.

"{quote}," chief executive {chief} said in a statement. "We expect that momentum to carry through the year."

Operating margin widened to {10 + i % 7}.5% from {8 + i % 5}.1%, helped by lower costs. Shares of {short} \
rose {2 + i % 6}% in early trading, giving the company a market value of about ${value * 10:.0f} billion.
{extra}
The company forecast {metric} of ${value * 4:.1f} billion to ${value * 4.4:.1f} billion for {year}, \
compared with ${value * 3.5:.1f} billion last year. Analysts at several banks raised their price targets \
after the results, citing the steady growth in orders.
"""


def make_project(root: Path, seeds: dict[str, str | bytes] | None = None) -> Path:
    """A project folder like a user's repository: the repo's mkdocs.yml, docs/ and
    overrides/ (when the repo has them) and ``seeds`` written under seeds/."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
    if (REPO / "mkdocs.yml").is_file():
        shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    else:  # the repo has no site config (yet): a minimal one, enough for the build mechanics
        (root / "docs").mkdir(exist_ok=True)
        if not (root / "docs" / "index.md").exists():
            (root / "docs" / "index.md").write_text("# Briefs\n\nMarket briefs.\n", encoding="utf-8")
        (root / "mkdocs.yml").write_text(
            "site_name: Briefs\nsite_url: https://example.org/briefs/\ntheme:\n  name: material\n",
            encoding="utf-8")
    (root / "seeds").mkdir(exist_ok=True)
    for name, content in (seeds or {}).items():
        write_seed(root, name, content)
    return root


def write_seed(root: Path, name: str, content: str | bytes) -> Path:
    p = root / "seeds" / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        p.write_text(content, encoding="utf-8")
    else:
        p.write_bytes(content)
    return p


def has_site_config() -> bool:
    """True when the repo has its real mkdocs.yml (and so its briefs plugin)."""
    return (REPO / "mkdocs.yml").is_file()


needs_site = pytest.mark.skipif(not has_site_config(), reason="the repo has no mkdocs.yml (render plugin not in yet)")


def briefs_cli(root: Path, *args: str, timeout: float = 600, env: dict | None = None,
               check: int | None = None) -> subprocess.CompletedProcess:
    """Run ``briefs ARGS`` in ``root`` as a user would; ``check``: expected exit code."""
    e = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    e.pop("GITHUB_ACTIONS", None)
    e.pop("SOURCE_DATE_EPOCH", None)
    e.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=root, env=e,
                          capture_output=True, text=True, timeout=timeout)
    if check is not None and proc.returncode != check:
        raise AssertionError(f"briefs {' '.join(args)} exited {proc.returncode}, expected {check}\n"
                             f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}")
    return proc


def build_report(root: Path) -> dict:
    return json.loads((root / ".briefs-cache" / "build-report.json").read_text(encoding="utf-8"))


def skipped(root: Path) -> dict[str, str]:
    return {s["path"]: s["problem"] for s in build_report(root)["skipped"]}


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative posix path -> bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def summary_counts(stderr: str) -> dict[str, int]:
    """'seeds: 3  extracted: 1  cached: 2 …' -> {'seeds': 3, 'extracted': 1, …}"""
    line = next(l for l in stderr.splitlines() if l.startswith("seeds:"))
    parts = line.replace("fact files written", "written").split()
    return {parts[i].rstrip(":"): int(parts[i + 1]) for i in range(0, len(parts) - 1, 2)}


def brief_of(root: Path, seed: str) -> tuple[Path, dict]:
    """The fact file made from seeds/<seed>."""
    for p in sorted((root / "briefs").glob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        if data["provenance"]["seed"] == f"seeds/{seed}":
            return p, data
    raise AssertionError(f"no fact file for seeds/{seed}")


# --- incremental sync ------------------------------------------------------

N_SEEDS = 5


@pytest.fixture(scope="module")
def synced(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("incremental") / "proj",
                        {f"{i:02d}-article.txt": article(i) for i in range(N_SEEDS)})
    proc = briefs_cli(root, "build", "--no-site", check=0)
    counts = summary_counts(proc.stderr)
    assert counts["extracted"] == N_SEEDS and counts["cached"] == 0, proc.stderr
    assert len(list((root / "briefs").glob("*.yaml"))) == N_SEEDS
    return root


def test_second_build_extracts_nothing(synced):
    before = tree_bytes(synced / "briefs")
    proc = briefs_cli(synced, "build", "--no-site", check=0)
    counts = summary_counts(proc.stderr)
    assert counts["extracted"] == 0 and counts["cached"] == N_SEEDS and counts["written"] == 0
    assert tree_bytes(synced / "briefs") == before
    assert build_report(synced)["extracted"] == 0


def copy_project(src: Path, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(src, root, symlinks=True)
    return root


def test_changed_seed_is_the_only_one_re_extracted(synced, tmp_path):
    root = copy_project(synced, tmp_path)
    seed = root / "seeds" / "02-article.txt"
    path, before = brief_of(root, "02-article.txt")
    seed.write_text(seed.read_text(encoding="utf-8").replace("early trading", "late trading"), encoding="utf-8")
    proc = briefs_cli(root, "build", "--no-site", check=0)
    counts = summary_counts(proc.stderr)
    assert counts["extracted"] == 1 and counts["cached"] == N_SEEDS - 1, proc.stderr
    path_after, after = brief_of(root, "02-article.txt")
    assert path_after == path, "a brief's id never changes when its seed is edited"
    assert after["provenance"]["seed_sha256"] != before["provenance"]["seed_sha256"]
    # touching the mtime only is not a change
    os.utime(seed, (1, 1))
    counts = summary_counts(briefs_cli(root, "build", "--no-site", check=0).stderr)
    assert counts["extracted"] == 0


def test_new_extractor_version_re_extracts_everything(synced, tmp_path):
    """The cache key is (content hash, extractor version): entries of another
    version are misses (simulated by renaming every cache entry)."""
    root = copy_project(synced, tmp_path)
    for p in (root / ".briefs-cache" / "extract").glob("*/*.json"):
        sha, _version = p.stem.split("-", 1)
        p.rename(p.with_name(f"{sha}-0.0.0_oldversion.json"))
    counts = summary_counts(briefs_cli(root, "build", "--no-site", check=0).stderr)
    assert counts["extracted"] == N_SEEDS and counts["written"] == 0
    assert not list((root / ".briefs-cache" / "extract").glob("*/*oldversion.json")), "stale entries pruned"


def test_clean_build_gives_byte_identical_fact_files(synced, tmp_path):
    """Incremental result == clean build: delete the cache and rebuild, in one
    process; then from nothing at all (no cache, no fact files)."""
    root = copy_project(synced, tmp_path)
    cached = tree_bytes(root / "briefs")
    shutil.rmtree(root / ".briefs-cache")
    counts = summary_counts(briefs_cli(root, "build", "--no-site", "-j", "1", check=0).stderr)
    assert counts["extracted"] == N_SEEDS and counts["written"] == 0
    assert tree_bytes(root / "briefs") == cached
    shutil.rmtree(root / ".briefs-cache")
    shutil.rmtree(root / "briefs")
    briefs_cli(root, "build", "--no-site", check=0)
    assert tree_bytes(root / "briefs") == cached


def test_parallel_extraction_matches_serial(tmp_path):
    seeds = {f"{i:02d}.txt": article(i) for i in range(10)}  # enough to use the process pool
    a = make_project(tmp_path / "a", seeds)
    b = make_project(tmp_path / "b", seeds)
    pa = briefs_cli(a, "build", "--no-site", "-j", "2", check=0)
    briefs_cli(b, "build", "--no-site", "-j", "1", check=0)
    assert summary_counts(pa.stderr)["extracted"] == 10
    assert tree_bytes(a / "briefs") == tree_bytes(b / "briefs")
    assert build_report(a) == build_report(b)


def test_corrupt_cache_entry_is_a_miss(synced, tmp_path):
    root = copy_project(synced, tmp_path)
    entry = sorted((root / ".briefs-cache" / "extract").glob("*/*.json"))[0]
    entry.write_text("{not json", encoding="utf-8")
    before = tree_bytes(root / "briefs")
    # while the sync's memo says every fact file is up to date, no extraction is
    # even read: the corrupt entry changes nothing
    counts = summary_counts(briefs_cli(root, "build", "--no-site", check=0).stderr)
    assert counts["extracted"] == 0 and counts["written"] == 0
    assert tree_bytes(root / "briefs") == before
    # when the extraction is needed (no memo), the corrupt entry is a miss: extracted again
    (root / ".briefs-cache" / "sync-same.json").unlink()
    counts = summary_counts(briefs_cli(root, "build", "--no-site", check=0).stderr)
    assert counts["extracted"] == 1
    assert tree_bytes(root / "briefs") == before


def test_bad_seed_is_tried_once_per_extractor_version(tmp_path):
    root = make_project(tmp_path / "proj", {"good.txt": article(1), "binary.txt": b"\x00\x01\x02\xff" * 500})
    briefs_cli(root, "build", "--no-site", check=0)
    proc = briefs_cli(root, "build", "--no-site", check=0)
    counts = summary_counts(proc.stderr)
    assert counts["extracted"] == 0
    assert "seeds/binary.txt" in skipped(root), "still reported every run"


def test_human_edit_survives_re_extraction(synced, tmp_path):
    """A corrected figure, a suppressed fact, an added tag, a rewritten headline, a
    deleted summary and a corrected source stay through a changed seed and a clean
    (cache-less) rebuild."""
    root = copy_project(synced, tmp_path)
    path, data = brief_of(root, "01-article.txt")
    assert data["metrics"], "the article's figures were extracted"
    data["metrics"][0]["value"] = 987654.5
    edited_id = data["metrics"][0]["id"]
    if len(data["metrics"]) > 1:
        data["metrics"][1]["suppressed"] = True
    data["headline"] = "Edited by a person"
    data["summary"] = None  # deleted by a person
    data["tags"] = ["earnings"]
    data["source"]["url"] = "https://news.example.com/acme-results"
    data["source"]["published"] = "2025-01-02"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    seed = root / "seeds" / "01-article.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("early trading", "late trading"), encoding="utf-8")
    shutil.rmtree(root / ".briefs-cache")
    proc = briefs_cli(root, "build", "--no-site", check=0)
    assert summary_counts(proc.stderr)["extracted"] == N_SEEDS
    _, after = brief_of(root, "01-article.txt")
    by_id = {m["id"]: m for m in after["metrics"]}
    assert by_id[edited_id]["value"] == 987654.5
    if len(data["metrics"]) > 1:
        assert by_id[data["metrics"][1]["id"]]["suppressed"] is True
    assert after["headline"] == "Edited by a person"
    assert after["summary"] is None
    assert after["tags"] == ["earnings"]
    assert after["source"]["url"] == "https://news.example.com/acme-results"
    assert after["source"]["published"] == "2025-01-02"
    # and a second run changes nothing
    before = tree_bytes(root / "briefs")
    briefs_cli(root, "build", "--no-site", check=0)
    assert tree_bytes(root / "briefs") == before


def test_fact_file_of_a_removed_seed_is_kept(synced, tmp_path):
    """No run loses a published brief: a seed deleted (or gone bad) leaves its fact file."""
    root = copy_project(synced, tmp_path)
    path, _ = brief_of(root, "03-article.txt")
    (root / "seeds" / "03-article.txt").unlink()
    (root / "seeds" / "04-article.txt").write_bytes(b"")
    path4, _ = brief_of(root, "04-article.txt")
    briefs_cli(root, "build", "--no-site", check=0)
    assert path.exists() and path4.exists()
    assert skipped(root) == {"seeds/04-article.txt": "empty file"}


def test_renamed_seed_keeps_its_brief(synced, tmp_path):
    root = copy_project(synced, tmp_path)
    path, _ = brief_of(root, "00-article.txt")
    (root / "seeds" / "00-article.txt").rename(root / "seeds" / "renamed.txt")
    proc = briefs_cli(root, "build", "--no-site", check=0)
    assert summary_counts(proc.stderr)["extracted"] == 0
    new_path, data = brief_of(root, "renamed.txt")
    assert new_path == path
    assert len(list((root / "briefs").glob("*.yaml"))) == N_SEEDS


def test_dry_run_check_writes_no_fact_file(synced, tmp_path):
    root = copy_project(synced, tmp_path)
    write_seed(root, "new.txt", article(6))
    before = tree_bytes(root / "briefs")
    proc = briefs_cli(root, "check", check=0)
    assert tree_bytes(root / "briefs") == before
    assert "no problem" in proc.stderr


def test_symlinked_folders_are_not_walked(tmp_path):
    root = make_project(tmp_path / "proj", {"good.txt": article(1)})
    os.symlink("/", root / "seeds" / "root-link")
    (root / "seeds" / "2025").mkdir()
    write_seed(root, "2025/nested.txt", article(2))
    proc = briefs_cli(root, "build", "--no-site", check=0, timeout=60)
    assert summary_counts(proc.stderr)["seeds"] == 3
    assert set(skipped(root)) == {"seeds/root-link"}
    brief_of(root, "2025/nested.txt")


def test_fact_files_made_in_worker_processes_are_the_ones_made_here(tmp_path, monkeypatch):
    """From 8 new seeds the sync extracts in a process pool, and the workers also
    make each new seed's fact file (dump, parse back, memo check) so that the
    main process only writes them. Same fact files, cache and memo as making
    them all in this process; the next sync re-makes none of them."""
    from generator import pipeline
    from generator.facts import store

    seeds = {f"s{i:02d}.txt": article(i) for i in range(10)}
    par, ser = make_project(tmp_path / "par", seeds), make_project(tmp_path / "ser", seeds)
    made = []
    real = pipeline._prepare
    dumped_here = []
    real_dump = store.dump
    monkeypatch.setattr(store, "dump", lambda b: dumped_here.append(os.getpid()) or real_dump(b))
    r1 = pipeline.sync(par / "seeds", par / "briefs", par / ".briefs-cache", root=par, jobs=2)
    assert os.getpid() not in dumped_here  # dumped in the workers (their own copy of this list)
    r2 = pipeline.sync(ser / "seeds", ser / "briefs", ser / ".briefs-cache", root=ser, jobs=1)
    assert dumped_here.count(os.getpid()) == 10
    assert r1.extracted == r2.extracted == 10 and not r1.problems and not r2.problems
    assert tree_bytes(par / "briefs") == tree_bytes(ser / "briefs")
    assert tree_bytes(par / ".briefs-cache" / "extract") == tree_bytes(ser / ".briefs-cache" / "extract")
    memo = lambda root: json.loads((root / ".briefs-cache" / "sync-same.json").read_text(encoding="utf-8"))["same"]
    assert memo(par) == memo(ser) and len(memo(par)) == 10
    monkeypatch.setattr(pipeline, "_prepare", lambda *a: made.append(a) or real(*a))
    calls = []
    monkeypatch.setattr(store, "from_extraction", lambda *a, **k: calls.append(a))
    again = pipeline.sync(par / "seeds", par / "briefs", par / ".briefs-cache", root=par, jobs=2)
    assert again.extracted == 0 and again.written == [] and calls == [] and made == []
