"""How the site build scales with the number of briefs, against a bare MkDocs build.

    python -m benchmarks.scale --sizes 20,100              # quick
    python -m benchmarks.scale --sizes 100,1000,10000      # the full run (long: see docs/scaling.md)

For each size N, in a temp folder, every step a subprocess (timed wall clock;
peak memory = ru_maxrss of that subprocess from os.wait4, i.e. its largest
single process, extraction workers included only as their own maximum):

  bare        `mkdocs build` of N plain ~700-word Markdown pages, Material theme +
              search, pages kept out of the nav (``not_in_nav``), as the briefs
              plugin keeps briefs out of it. This is the baseline.
  bare+nav    the same with the pages in the automatic nav (only up to
              --nav-max pages: every page then lists every other page).
  sync        `briefs build --no-site`, nothing cached: read, extract, fact files.
  extract     extraction alone in a process pool over the cores (no cache, no
              fact files), after an untimed warm-up.
  clean       `briefs build` of N synthetic seeds, nothing cached (extraction +
              fact files + site), with the repo's mkdocs.yml, docs/ and overrides/,
              and the briefs plugin's option `search: pagefind` (--search; the
              default when the pagefind_bin package is installed): the site
              step then includes Pagefind's run.
  rebuild     `briefs build` again, nothing changed (every seed cached); run
              once untimed, then --repeat times (median kept): a build is made
              in the folder of the site before last (publish.Reuse), which only
              exists from the second build on. The bare build is also the
              median of --repeat runs (each into a new folder) up to --full-max.
  add one     one more seed, `briefs build` (one extraction, whole site).

Wall clock and CPU time (user + system, workers included) are both kept:
on a busy machine only the CPU-time ratios mean much. Every step runs against
a copy of generator/ taken at the start (PYTHONPATH), so edits made meanwhile
do not change EXTRACTOR_VERSION mid-run. Then: extraction throughput,
HTML per brief page (the brief's own index.html, no shared assets), what a
search query downloads and peak memory. With `search: pagefind` that is read
from the clean build's site/pagefind/: the fixed part (entry, pagefind.js, the
WASM, the metadata, and the search box's own script and stylesheet; the
search box runs Pagefind without its web worker), plus what a two-word query showing its first 10 results fetches:
two index chunks and ten fragments (mean sizes; "worst": the largest), all
raw bytes as served. A site indexed in shards adds each further shard's
entry, metadata and two index chunks. With `--search material`: Material's lunr
search/search_index.json, raw and gzipped, and, if a pagefind command is found,
Pagefind run on that site for comparison. A table goes to stdout, JSON to
benchmarks/out/scale-<time>.json (rewritten after each size).
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import synth

REPO = Path(__file__).resolve().parent.parent
KB, MB = 1024, 1024 * 1024
RUN_DIR: Path | None = None  # subprocesses run here, not in the repo (python -m puts the cwd first on sys.path)

TARGETS = {  # key: (target, "<=" or ">=", note)
    "clean_vs_bare": (2.5, "<=", "full clean build with extraction / bare (target at 1,000)"),
    "add_one_vs_clean": (0.5, "<=", "add one seed to a built site / full clean build"),
    "rebuild_vs_bare": (1.5, "<=", "rebuild, every seed extracted / bare"),
    "extract_per_core": (100.0, ">=", "extraction, articles/s per core (parallel over cores)"),
    "brief_html_kb": (25.0, "<=", "HTML per brief page, KB (mean; no shared assets)"),
    "search_kb": (300.0, "<=", "search download per query, KB (the site's search: Pagefind's files for a query, "
                               "or lunr's whole search_index.json; target at 10,000)"),
    "peak_mb": (1024.0, "<=", "peak memory of the build process, MB (target at 10,000)"),
}

BARE_YML = """site_name: Bare baseline
site_url: https://example.org/
docs_dir: docs
theme:
  name: material
plugins:
  - search
{not_in_nav}"""

FALLBACK_YML = """site_name: Market briefs
site_url: https://example.org/
theme:
  name: material
plugins:
  - search
  - briefs
"""
PAGEFIND_RESULTS = 10  # results the search box shows at a time: one fragment each
PAGEFIND_CHUNKS = 2    # index chunks of a two-word query


STEP_KEYS = ("seconds", "cpu_seconds", "load_before", "site_seconds", "peak_mb", "rc", "site_ok", "seeds",
             "extracted", "cached")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(argv: list[str], *, cwd: Path | None = None, timeout: float | None = None) -> dict:
    """Run a subprocess; wall time, exit code, peak RSS (MB) from wait4, output tails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    out_f = tempfile.TemporaryFile()
    load = round(os.getloadavg()[0], 2)  # other work on the machine inflates wall times: see cpu_seconds
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd or RUN_DIR, stdout=out_f, stderr=subprocess.STDOUT, env=env)
    deadline = t0 + timeout if timeout else None
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.perf_counter() > deadline:
            proc.kill()
            pid, status, ru = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    secs = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out_f.seek(0)
    output = out_f.read().decode("utf-8", "replace")
    return {"seconds": secs, "cpu_seconds": ru.ru_utime + ru.ru_stime, "load_before": load,
            "rc": proc.returncode, "peak_mb": ru.ru_maxrss / 1024, "output": output,
            "timed_out": bool(deadline and secs > (timeout or 0))}


def tail(text: str, n: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-n:])


def briefs_cmd() -> list[str]:
    return [sys.executable, "-m", "generator.cli"]  # the `briefs` command, from the code snapshot


def snapshot_code(base: Path) -> dict:
    """Copy generator/ aside and put it first on PYTHONPATH for every step.

    Other people edit the extractors while this runs; a changed file changes
    EXTRACTOR_VERSION and would silently re-extract everything mid-run.
    """
    code = base / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    # the snapshot first; the repo after it for `python -m benchmarks.scale --extract-only`
    os.environ["PYTHONPATH"] = os.pathsep.join([str(code), str(REPO)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    probe = subprocess.run([sys.executable, "-c", "import generator, generator.extract as e; "
                            "print(generator.__file__); print(e.EXTRACTOR_VERSION)"],
                           cwd=base, capture_output=True, text=True)
    lines = probe.stdout.split()
    if probe.returncode or not lines or not lines[0].startswith(str(code)):
        raise SystemExit(f"code snapshot not importable: {probe.stderr.strip()[-500:]}")
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return {"extractor_version": lines[1], "git_head": head.stdout.strip() or None,
            "note": "generator/ as in the working tree when the run started (uncommitted edits included)"}


def find_pagefind(explicit: str | None) -> list[str] | None:
    if explicit == "off":
        return None
    if explicit:
        return explicit.split()
    for cand in (os.environ.get("BRIEFS_PAGEFIND"), shutil.which("pagefind"),
                 str(REPO / "node_modules" / ".bin" / "pagefind")):
        if cand and Path(cand).exists():
            return [cand]
    if importlib.util.find_spec("pagefind_bin"):
        return [sys.executable, "-m", "pagefind_bin"]
    return None


# ------------------------------------------------------------------ projects
def make_bare(root: Path, pages: Path, n: int, in_nav: bool) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Bare baseline\n\nPlain pages, no plugin.\n", encoding="utf-8")
    shutil.copytree(pages, docs / "pages")
    nin = "" if in_nav else "not_in_nav: |\n  /pages/\n"
    (root / "mkdocs.yml").write_text(BARE_YML.format(not_in_nav=nin), encoding="utf-8")
    return root


def with_search(yml: str, search: str) -> str:
    """mkdocs.yml text with the briefs plugin's option ``search: <search>`` (set or replaced)."""
    lines = yml.splitlines(keepends=True)
    for i, line in enumerate(lines):
        m = re.match(r"^([ \t]*)- briefs(:?)[ \t]*$", line.rstrip("\n"))
        if m is None:
            continue
        if not m.group(2):  # `- briefs` without options
            lines[i] = f"{m.group(1)}- briefs:\n{m.group(1)}    search: {search}\n"
            return "".join(lines)
        indent = re.match(r"[ \t]*", lines[i + 1]).group(0) if i + 1 < len(lines) else m.group(1) + "    "
        j = i + 1
        while j < len(lines) and lines[j].startswith(indent) and lines[j].strip():
            if re.match(rf"{indent}search:", lines[j]):
                lines[j] = f"{indent}search: {search}\n"
                return "".join(lines)
            j += 1
        lines.insert(i + 1, f"{indent}search: {search}\n")
        return "".join(lines)
    raise SystemExit("mkdocs.yml has no `- briefs` plugin entry")


def make_briefs_project(root: Path, seeds: Path, search: str = "material") -> Path:
    root.mkdir(parents=True)
    cfg = REPO / "mkdocs.yml"
    yml = cfg.read_text(encoding="utf-8") if cfg.exists() else FALLBACK_YML
    (root / "mkdocs.yml").write_text(with_search(yml, search), encoding="utf-8")
    for d in ("docs", "overrides"):
        if (REPO / d).is_dir():
            shutil.copytree(REPO / d, root / d)
    (root / "docs").mkdir(exist_ok=True)  # no index.md of ours: the plugin makes the home page
    shutil.copytree(seeds, root / "seeds")
    return root


def mkdocs_build(root: Path, timeout: float) -> dict:
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                "-d", str(root / "site")], timeout=timeout)


def briefs_build(root: Path, timeout: float, extra: list[str] | None = None) -> dict:
    res = run(briefs_cmd() + ["build", "--root", str(root)] + (extra or []), timeout=timeout)
    m = re.search(r"site: built \S+ in ([\d.]+)s", res["output"])
    res["site_seconds"] = float(m.group(1)) if m else None
    m = re.search(r"seeds: (\d+)\s+extracted: (\d+)\s+cached: (\d+)", res["output"])
    if m:
        res["seeds"], res["extracted"], res["cached"] = map(int, m.groups())
    site_ok = res["rc"] == 0 and (root / "site").is_dir() and res["site_seconds"] is not None
    res["site_ok"] = site_ok
    return res


def _extract_one(path: str) -> bool:
    from generator.extract import extract_path

    try:
        extract_path(path)
        return True
    except Exception:
        return False


def extract_only(seeds: Path, jobs: int) -> dict:
    """Runs in its own process: extraction alone, parallel over ``jobs`` processes,
    no hashing, cache or fact files. Workers warm up (imports) before the clock starts."""
    from concurrent.futures import ProcessPoolExecutor

    paths = sorted(str(p) for p in seeds.iterdir())
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_extract_one, paths[:jobs * 2]))  # warm-up, not timed
        t0 = time.perf_counter()
        ok = sum(pool.map(_extract_one, paths, chunksize=max(1, min(64, len(paths) // (jobs * 4)))))
        secs = time.perf_counter() - t0
    return {"seconds": secs, "ok": ok, "n": len(paths), "jobs": jobs}


def extract_step(seeds: Path, jobs: int, timeout: float) -> dict:
    res = run([sys.executable, "-m", "benchmarks.scale", "--extract-only", str(seeds), "--jobs", str(jobs)],
              timeout=timeout)
    try:
        data = json.loads(res["output"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"rc": res["rc"], "error": tail(res["output"])}
    # CPU time of the whole subprocess tree includes the untimed warm-up and imports:
    # a slight underestimate of articles per CPU-second.
    return {**data, "cpu_seconds": res["cpu_seconds"], "load_before": res["load_before"], "peak_mb": res["peak_mb"],
            "per_s": data["ok"] / data["seconds"], "per_core": data["ok"] / data["seconds"] / jobs,
            "per_cpu_s": data["ok"] / res["cpu_seconds"]}


# ------------------------------------------------------------------ sizes
def brief_pages(root: Path) -> list[Path]:
    """The built page of each brief: site/**/<id>/index.html (or <id>.html)."""
    ids = {p.stem for p in (root / "briefs").glob("*.yaml")}
    site = root / "site"
    found: dict[str, Path] = {}
    for p in site.rglob("index.html"):
        if p.parent.name in ids and p.parent.name not in found:
            found[p.parent.name] = p
    for p in site.rglob("*.html"):
        if p.stem in ids and p.stem not in found:
            found[p.stem] = p
    return list(found.values())


def site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    idx = site / "search" / "search_index.json"
    out = {"files": len(files), "html_pages": len(html), "bytes": sum(p.stat().st_size for p in files)}
    pages = [(p.stat().st_size, p) for p in html if not p.relative_to(site).parts[0] == "pagefind"]
    if pages:  # the heaviest page a reader may open (briefs, entity, archive, index pages alike)
        size, path = max(pages)
        out["html_max_kb"] = size / KB
        out["html_max_page"] = path.relative_to(site).as_posix()
        out["html_over_500kb"] = sum(1 for n, _ in pages if n > 500 * KB)
    if idx.exists():
        raw = idx.read_bytes()
        out["search_index_kb"] = len(raw) / KB
        out["search_index_gzip_kb"] = len(gzip.compress(raw, 6)) / KB
        try:
            out["search_index_docs"] = len(json.loads(raw).get("docs", []))
        except ValueError:
            pass
    return out


def pagefind_bundle_stats(out_dir: Path, site: Path) -> dict:
    """What a query downloads from the Pagefind bundle ``out_dir`` (see the module docstring).
    A sharded bundle (``briefs-shards.json``) costs each shard's entry, metadata
    and index chunks; the script, the WebAssembly and the fragments are shared."""
    if not (out_dir / "pagefind.js").is_file():
        return {"error": f"no Pagefind bundle in {out_dir}"}

    def size(pattern: str, folder: Path = out_dir) -> list[int]:
        return [p.stat().st_size for p in folder.glob(pattern)]

    try:
        listed = json.loads((out_dir / "briefs-shards.json").read_text(encoding="utf-8"))["shards"]
    except (OSError, ValueError, KeyError):
        listed = []
    shards = [out_dir] + [out_dir / s for s in listed]
    frags = [n for d in shards for n in size("fragment/*.pf_fragment", d)]
    per_shard = [(size("index/*.pf_index", d),
                  sum(size("pagefind-entry.json", d)) + max(size("pagefind.*.pf_meta", d) or [0])) for d in shards]
    chunks = [n for c, _ in per_shard for n in c]
    wasm = size("wasm.en.pagefind") or size("wasm.*.pagefind")
    ui = sum(size("assets/briefs/pagefind-search.*", site))  # the search box's script and stylesheet
    fixed = (sum(size("pagefind.js")) + sum(size("briefs-shards.json")) + max(wasm or [0]) + ui
             + sum(meta for _, meta in per_shard))
    mean_frag = statistics.mean(frags) if frags else 0
    n_frags = min(PAGEFIND_RESULTS, len(frags))
    query = sum(min(PAGEFIND_CHUNKS, len(c)) * statistics.mean(c) for c, _ in per_shard if c)
    worst = sum(sum(sorted(c)[-PAGEFIND_CHUNKS:]) for c, _ in per_shard)
    return {
        "shards": len(shards), "index_chunks": len(chunks), "fragments": len(frags),
        "chunk_kb_mean": statistics.mean(chunks) / KB if chunks else 0, "chunk_kb_max": max(chunks or [0]) / KB,
        "fragment_kb_mean": mean_frag / KB, "fixed_kb": fixed / KB, "ui_kb": ui / KB,
        "per_query_kb": (fixed + query + n_frags * mean_frag) / KB,
        "per_query_kb_worst": (fixed + worst + sum(sorted(frags)[-n_frags:] if n_frags else [])) / KB,
        "total_kb": sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file()) / KB,
    }


def pagefind_stats(cmd: list[str], site: Path, work: Path, timeout: float) -> dict:
    """Pagefind run on a site built without it (``--search material``), for comparison."""
    out_dir = work / "pagefind"
    res = run(cmd + ["--site", str(site), "--output-path", str(out_dir)], timeout=timeout)
    if res["rc"] != 0 or not out_dir.is_dir():
        return {"error": tail(res["output"])}
    return {"seconds": res["seconds"], "peak_mb": res["peak_mb"], **pagefind_bundle_stats(out_dir, site)}


def median_run(runs: list[dict]) -> dict:
    """The run with the median wall-clock time (of an odd number), with every
    run's (wall, CPU) seconds in ``runs``: this machine's file system time
    varies by tens of percent from one minute to the next."""
    mid = dict(sorted(runs, key=lambda x: x["seconds"])[len(runs) // 2])
    mid["runs"] = [(round(x["seconds"], 2), round(x["cpu_seconds"], 2)) for x in runs]
    return mid


# ------------------------------------------------------------------ one size
def measure(n: int, work: Path, args, pagefind: list[str] | None) -> dict:
    cores = args.jobs or os.cpu_count() or 1
    r: dict = {"size": n, "cores": cores}
    seeds = work / "seeds-src"
    synth.write_seeds(seeds, n)
    extra_seed = synth.write_seeds(work / "seed-extra", 1, start=n)[0]
    pages = work / "pages-src"
    synth.write_bare(pages, n)
    log(f"N={n}: inputs written")

    bare = make_bare(work / "bare", pages, n, in_nav=False)
    runs = []
    for i in range(args.repeat if n <= args.full_max else 1):
        if i:
            shutil.rmtree(bare / "site", ignore_errors=True)  # each run into a new folder, as the first
        runs.append(mkdocs_build(bare, args.timeout))
    res = median_run(runs)
    r["bare"] = {**{k: res.get(k) for k in STEP_KEYS if k in res}, **site_stats(bare / "site")}
    r["bare"]["runs"] = res["runs"]
    if res["rc"]:
        r["bare"]["error"] = tail(res["output"])
    log(f"N={n}: bare (not in nav) {res['seconds']:.1f}s cpu {res['cpu_seconds']:.1f}s rc={res['rc']}")
    shutil.rmtree(bare / "site", ignore_errors=True)
    if n <= args.nav_max:
        bare_nav = make_bare(work / "bare-nav", pages, n, in_nav=True)
        res = mkdocs_build(bare_nav, args.timeout)
        r["bare_nav"] = {**{k: res.get(k) for k in STEP_KEYS if k in res}, **site_stats(bare_nav / "site")}
        log(f"N={n}: bare (in nav) {res['seconds']:.1f}s cpu {res['cpu_seconds']:.1f}s rc={res['rc']}")
        shutil.rmtree(bare_nav, ignore_errors=True)

    proj = make_briefs_project(work / "briefs", seeds, args.search)
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    # extraction alone: sync seeds -> briefs/ with nothing cached, no site
    ns = briefs_build(proj, args.timeout, jobs + ["--no-site"])
    r["sync"] = {k: ns.get(k) for k in STEP_KEYS}
    log(f"N={n}: clean sync only (--no-site) {ns['seconds']:.1f}s cpu {ns['cpu_seconds']:.1f}s rc={ns['rc']}")
    if ns.get("extracted"):
        r["sync_seconds"] = ns["seconds"]
        r["extract_per_s"] = ns["extracted"] / ns["seconds"]
        r["extract_per_core"] = ns["extracted"] / ns["seconds"] / cores
        r["extract_per_cpu_s"] = ns["extracted"] / ns["cpu_seconds"]
    shutil.rmtree(proj / "briefs", ignore_errors=True)
    shutil.rmtree(proj / ".briefs-cache", ignore_errors=True)
    r["extract_only"] = ex = extract_step(seeds, cores, args.timeout)
    if "per_core" in ex:
        r["extract_only_per_core"] = ex["per_core"]
        r["extract_only_per_cpu_s"] = ex["per_cpu_s"]
        log(f"N={n}: extraction alone {ex['seconds']:.1f}s, {ex['per_core']:.0f} articles/s per core, "
            f"{ex['per_cpu_s']:.0f} per CPU-second")

    res = briefs_build(proj, args.timeout, jobs)
    r["clean"] = {k: res.get(k) for k in STEP_KEYS}
    if not res["site_ok"]:
        r["clean"]["error"] = tail(res["output"], 12)
    log(f"N={n}: clean briefs build {res['seconds']:.1f}s cpu {res['cpu_seconds']:.1f}s (site {res['site_seconds']}) rc={res['rc']}")

    if res["site_ok"]:
        pages_ = brief_pages(proj)
        sizes = [p.stat().st_size for p in pages_]
        if sizes:
            r["brief_html_kb"] = statistics.mean(sizes) / KB
            r["brief_html_kb_max"] = max(sizes) / KB
            r["brief_pages"] = len(sizes)
            dirs = [p.parent for p in pages_ if p.name == "index.html"]
            if dirs:  # the brief's own folder: page + facts.json/csv + charts
                r["brief_dir_kb"] = statistics.mean(
                    sum(f.stat().st_size for f in d.rglob("*") if f.is_file()) for d in dirs) / KB
        r["site"] = site_stats(proj / "site")
        if "search_index_kb" in r["site"]:
            r["search_kb"] = r["site"]["search_index_kb"]
            r["search_gzip_kb"] = r["site"]["search_index_gzip_kb"]
        if args.search == "pagefind":  # the bundle the clean build made (its run is in the build's time)
            r["pagefind"] = pagefind_bundle_stats(proj / "site" / "pagefind", proj / "site")
            if "per_query_kb" in r["pagefind"]:
                r["search_kb"] = r["pagefind"]["per_query_kb"]
            log(f"N={n}: pagefind (in the build) {r['pagefind'].get('per_query_kb', r['pagefind'].get('error'))}")
        elif pagefind:
            r["pagefind"] = pagefind_stats(pagefind, proj / "site", work, args.timeout)
            log(f"N={n}: pagefind {r['pagefind'].get('per_query_kb', 'error')}")
            shutil.rmtree(work / "pagefind", ignore_errors=True)

    if res["site_ok"] and n > args.full_max:
        log(f"N={n}: rebuild and add-one skipped (--full-max {args.full_max})")
    elif res["site_ok"]:
        # the timed rebuilds come after one untimed: like every later build they are made in the
        # folder of the site before last (publish.Reuse), which the first rebuild does not have yet
        briefs_build(proj, args.timeout, jobs)
        res = median_run([briefs_build(proj, args.timeout, jobs) for _ in range(args.repeat)])
        r["rebuild"] = {k: res.get(k) for k in STEP_KEYS}
        r["rebuild"]["runs"] = res["runs"]
        log(f"N={n}: rebuild (all cached) {res['seconds']:.1f}s cpu {res['cpu_seconds']:.1f}s rc={res['rc']} "
            f"extracted={res.get('extracted')}")

        shutil.copy2(extra_seed, proj / "seeds" / extra_seed.name)
        res = briefs_build(proj, args.timeout, jobs)
        r["add_one"] = {k: res.get(k) for k in STEP_KEYS}
        log(f"N={n}: add one seed {res['seconds']:.1f}s cpu {res['cpu_seconds']:.1f}s rc={res['rc']} "
            f"extracted={res.get('extracted')}")

    for sfx, key in (("", "seconds"), ("_cpu", "cpu_seconds")):  # wall clock, and CPU time (robust to load)
        b = r["bare"][key] if not r["bare"]["rc"] else None
        if b and r["clean"].get("site_ok"):
            r["clean_vs_bare" + sfx] = r["clean"][key] / b
        if r.get("rebuild", {}).get("site_ok") and b:
            r["rebuild_vs_bare" + sfx] = r["rebuild"][key] / b
        if r.get("add_one", {}).get("site_ok") and r["clean"].get("site_ok"):
            r["add_one_vs_clean" + sfx] = r["add_one"][key] / r["clean"][key]
    peaks = [r[k]["peak_mb"] for k in ("sync", "clean", "rebuild", "add_one") if k in r]
    r["peak_mb"] = max(peaks)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return r


# ------------------------------------------------------------------ report
def fmt(v, spec=".2f") -> str:
    return "-" if v is None else format(v, spec)


def verdict(key: str, v) -> str:
    if v is None:
        return "n/a"
    t, op, _ = TARGETS[key]
    return "ok" if (v <= t if op == "<=" else v >= t) else "MISS"


def print_table(results: list[dict], markdown: bool = False) -> None:
    sizes = [r["size"] for r in results]
    rows: list[list[str]] = [["measure"] + [f"N={s:,}" for s in sizes] + ["target"]]
    def row(label, get, spec=".2f", key=None):
        cells = []
        for r in results:
            v = get(r)
            cells.append(fmt(v, spec) + (f" {verdict(key, v)}" if key and v is not None else ""))
        t = ""
        if key:
            tv, op, _ = TARGETS[key]
            t = f"{op} {tv:g}"
        rows.append([label] + cells + [t])
    g = lambda *ks: (lambda r: _dig(r, ks))  # noqa: E731
    row("bare mkdocs, not in nav (s)", g("bare", "seconds"), ".1f")
    row("  its runs, wall (s)", lambda r: _runs(r, "bare"), "s")
    row("bare mkdocs, in nav (s)", g("bare_nav", "seconds"), ".1f")
    row("briefs clean build (s)", lambda r: r["clean"]["seconds"] if r["clean"].get("site_ok") else None, ".1f")
    row("  of which site (s)", g("clean", "site_seconds"), ".1f")
    row("sync alone, --no-site (s)", g("sync_seconds"), ".1f")
    row("clean / bare (wall)", g("clean_vs_bare"), ".2f", "clean_vs_bare")
    row("clean / bare (CPU time)", g("clean_vs_bare_cpu"), ".2f", "clean_vs_bare")
    row("rebuild, all cached (s)", lambda r: _dig(r, ("rebuild", "seconds")), ".1f")
    row("  its runs, wall (s)", lambda r: _runs(r, "rebuild"), "s")
    row("rebuild / bare (wall)", g("rebuild_vs_bare"), ".2f", "rebuild_vs_bare")
    row("rebuild / bare (CPU time)", g("rebuild_vs_bare_cpu"), ".2f", "rebuild_vs_bare")
    row("add one seed (s)", lambda r: _dig(r, ("add_one", "seconds")), ".1f")
    row("add one / clean (wall)", g("add_one_vs_clean"), ".2f", "add_one_vs_clean")
    row("add one / clean (CPU time)", g("add_one_vs_clean_cpu"), ".2f", "add_one_vs_clean")
    row("extraction alone (articles/s per core)", g("extract_only_per_core"), ".0f", "extract_per_core")
    row("extraction alone (articles per CPU-s)", g("extract_only_per_cpu_s"), ".0f", "extract_per_core")
    row("sync, all cores (articles/s)", g("extract_per_s"), ".0f")
    # the sync also makes and writes the fact files: shown for comparison, the
    # extraction target is judged on "extraction alone" above
    row("sync incl. fact files (articles/s per core)", g("extract_per_core"), ".0f")
    row("sync incl. fact files (articles per CPU-second)", g("extract_per_cpu_s"), ".0f")
    row("load average before clean build", g("clean", "load_before"), ".1f")
    row("brief page HTML, mean (KB)", g("brief_html_kb"), ".1f", "brief_html_kb")
    row("brief page HTML, max (KB)", g("brief_html_kb_max"), ".1f")
    row("brief folder incl. json/csv/svg (KB)", g("brief_dir_kb"), ".1f")
    row("site HTML pages", g("site", "html_pages"), ",d")
    row("largest HTML page (KB)", g("site", "html_max_kb"), ",.0f")
    row("HTML pages over 500 KB", g("site", "html_over_500kb"), ",d")
    row("site total (MB)", lambda r: (_dig(r, ("site", "bytes")) or 0) / MB if _dig(r, ("site", "bytes")) else None, ".1f")
    row("search: download per query (KB)", g("search_kb"), ",.0f", "search_kb")
    row("search: lunr index gzipped (KB)", g("search_gzip_kb"), ",.0f")
    row("search: bare site's lunr index (KB)", g("bare", "search_index_kb"), ",.0f")
    row("search: pagefind shards", g("pagefind", "shards"), ",.0f")
    row("search: pagefind per query (KB)", g("pagefind", "per_query_kb"), ",.0f", "search_kb")
    row("search: pagefind, largest files (KB)", g("pagefind", "per_query_kb_worst"), ",.0f")
    row("search: pagefind index total (MB)", lambda r: (_dig(r, ("pagefind", "total_kb")) or 0) / 1024 or None, ".1f")
    row("peak memory, briefs build (MB)", g("peak_mb"), ",.0f", "peak_mb")
    row("peak memory, bare mkdocs (MB)", g("bare", "peak_mb"), ",.0f")
    if markdown:
        for i, r in enumerate(rows):
            print("| " + " | ".join(c.replace("<=", "≤").replace(">=", "≥") for c in r) + " |")
            if i == 0:
                print("|---" + "|---:" * (len(r) - 1) + "|")
        return
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, r in enumerate(rows):
        print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    for r in results:
        for k in ("clean", "bare"):
            if r.get(k, {}).get("error"):
                print(f"N={r['size']}: {k} failed:\n  " + r[k]["error"].replace("\n", "\n  "))


def _runs(r: dict, step: str) -> str | None:
    """The wall-clock seconds of a repeated step's runs, fastest first ("6.3 / 6.7 / 8.0")."""
    runs = _dig(r, (step, "runs"))
    return " / ".join(f"{w:.1f}" for w, _ in sorted(runs)) if runs and len(runs) > 1 else None


def _dig(d, keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20,100", help="comma-separated numbers of briefs (default 20,100)")
    ap.add_argument("--jobs", type=int, help="extraction processes (default: one per core)")
    ap.add_argument("--nav-max", type=int, default=1000, help="largest size for the bare in-nav variant (default 1000)")
    ap.add_argument("--search", choices=("pagefind", "material"),
                    default="pagefind" if importlib.util.find_spec("pagefind_bin") else "material",
                    help="the briefs plugin's search option for the briefs builds (default: pagefind when the "
                         "pagefind_bin package is installed)")
    ap.add_argument("--pagefind", help="with --search material: pagefind command run on the built site for "
                                       "comparison (default: found on PATH, node_modules or the pagefind_bin "
                                       "Python package; BRIEFS_PAGEFIND=path also works); 'off' to skip")
    ap.add_argument("--full-max", type=int, default=10_000,
                    help="above this size only bare, sync and the clean build run (no rebuild / add-one)")
    ap.add_argument("--extract-only", type=Path, help=argparse.SUPPRESS)  # internal: the extraction-alone step
    ap.add_argument("--report", type=Path, nargs="+", help="print the table of earlier results files and exit")
    ap.add_argument("--markdown", action="store_true", help="with --report: a Markdown table")
    ap.add_argument("--timeout", type=float, default=3600, help="per-step timeout in seconds")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of the bare build and of the rebuild, the median kept (default 3; the bare "
                         "build runs once above --full-max)")
    ap.add_argument("--keep", type=Path, help="keep the projects in this folder instead of a temp one")
    ap.add_argument("--json", type=Path, help="results file (default: benchmarks/out/scale-<time>.json)")
    args = ap.parse_args(argv)
    if args.extract_only:
        print(json.dumps(extract_only(args.extract_only, args.jobs or os.cpu_count() or 1)))
        return 0
    if args.report:
        merged = {}
        for f in args.report:
            for r in json.loads(f.read_text(encoding="utf-8"))["results"]:
                merged[r["size"]] = r
        print_table([merged[k] for k in sorted(merged)], markdown=args.markdown)
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    pagefind = find_pagefind(args.pagefind) if args.search == "material" else None
    out = args.json or REPO / "benchmarks" / "out" / f"scale-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    base = args.keep or Path(tempfile.mkdtemp(prefix="briefs-scale-"))
    global RUN_DIR
    RUN_DIR = base
    base.mkdir(parents=True, exist_ok=True)
    code = snapshot_code(base)
    log(f"sizes {sizes}, work in {base}, extractor {code['extractor_version']}, search: {args.search}"
        + (f", pagefind: {' '.join(pagefind) if pagefind else 'not found'}" if args.search == "material" else ""))
    results = []
    meta = {"config": "repo mkdocs.yml" if (REPO / "mkdocs.yml").exists() else "fallback (material + search + briefs)",
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "cpu_count": os.cpu_count(), "python": sys.version.split()[0],
            "search": args.search, "pagefind": " ".join(pagefind) if pagefind else None, "code": code,
            "targets": {k: {"target": t, "op": op, "what": w} for k, (t, op, w) in TARGETS.items()}}
    try:
        for n in sizes:
            work = base / f"n{n}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            results.append(measure(n, work, args, pagefind))
            out.write_text(json.dumps({**meta, "results": results}, indent=2) + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print_table(results)
    print(f"results: {out.relative_to(REPO) if out.is_relative_to(REPO) else out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
