"""Extraction quality and speed on every annotated set in shared/.

    python -m benchmarks.extraction                  # predictions in-process, scored with --pred-dir
    python -m benchmarks.extraction --cmd            # the scorer runs `briefs extract {seed} --format json`
    python -m benchmarks.extraction --sets reuters,bbc_business -v

Sets: ``seed`` (shared/gold + shared/seeds) and each shared/corpora/<set>/
(gold/ + seeds/). Predictions are written by one Python process into a temp
folder, timing only the extraction call, then
``shared/tools/score_extraction.py --pred-dir`` scores them; its last line is
parsed into the table. Throughput is single-process articles/s (= per core)
over the plain-text sets. Results also go to benchmarks/out/extraction-*.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
COLS = ["body", "metrics", "metrics+period", "quotes", "quotes+speaker", "entities", "metadata"]
TARGETS = {"metrics": 0.90, "metrics+period": 0.80, "quotes": 0.90, "quotes+speaker": 0.88, "entities": 0.85}
BODY_TARGETS = {"extraction_scrapinghub": 0.98, "scrapes_text": 0.93, "seed": 0.97, "reuters": 0.97, "bbc_business": 0.97}
THROUGHPUT_TARGET = 100.0  # articles/s per core


def find_sets(shared: Path, only: set[str] | None = None) -> list[tuple[str, Path, Path]]:
    sets = []
    if (shared / "gold").is_dir() and (shared / "seeds").is_dir():
        sets.append(("seed", shared / "gold", shared / "seeds"))
    corpora = shared / "corpora"
    for d in sorted(corpora.iterdir()) if corpora.is_dir() else []:
        if (d / "gold").is_dir() and (d / "seeds").is_dir():
            sets.append((d.name, d / "gold", d / "seeds"))
    return [s for s in sets if not only or s[0] in only]


def gold_seeds(gold: Path, seeds: Path) -> list[Path]:
    out = []
    for g in sorted(gold.glob("*.yaml")):
        data = yaml.safe_load(g.read_text(encoding="utf-8"))
        out.append(seeds / data["seed"])
    return out


def predict_all(paths: list[Path], out_dir: Path) -> tuple[float, float, int, list[str]]:
    """Write <stem>.json per seed; returns (wall seconds and CPU seconds spent in
    extraction, ok count, errors). CPU time is what other load on the machine hardly changes."""
    from generator.extract import extract_path

    out_dir.mkdir(parents=True, exist_ok=True)
    spent, cpu, ok, errors = 0.0, 0.0, 0, []
    for p in paths:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            data = extract_path(p).to_contract()
        except Exception as exc:  # scored as "no prediction" (zero) by the scorer
            spent += time.perf_counter() - t0
            cpu += time.process_time() - c0
            errors.append(f"{p.name}: {type(exc).__name__}: {exc}"[:300])
            continue
        spent += time.perf_counter() - t0
        cpu += time.process_time() - c0
        ok += 1
        (out_dir / f"{p.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return spent, cpu, ok, errors


def _warm_up() -> None:
    """One untimed extraction of a synthetic article (not in any scored set)."""
    from generator.extract import extract_path

    from benchmarks.synth import write_seeds

    with tempfile.TemporaryDirectory() as d:
        for p in write_seeds(Path(d), 2, start=10_000_000):
            try:
                extract_path(p)
            except Exception:
                pass


def parse_summary(stdout: str) -> dict:
    """The scorer's last line: ``documents=N body=0.953 metrics=n/a ...``."""
    last = [l for l in stdout.strip().splitlines() if l.startswith("documents=")][-1]
    out: dict = {}
    for part in last.split():
        k, v = part.split("=", 1)
        out[k] = int(v) if k == "documents" else (None if v == "n/a" else float(v))
    return out


def score(scorer: Path, gold: Path, seeds: Path, *, pred_dir: Path | None = None, cmd: str | None = None,
          verbose: bool = False) -> tuple[dict, str]:
    argv = [sys.executable, str(scorer), "--gold", str(gold), "--seeds", str(seeds)]
    argv += ["--pred-dir", str(pred_dir)] if pred_dir else ["--cmd", cmd]
    if verbose:
        argv.append("-v")
    res = subprocess.run(argv, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"scorer failed on {gold}: {res.stderr.strip()[-800:]}")
    return parse_summary(res.stdout), res.stdout


def target_for(set_name: str, col: str) -> float | None:
    if set_name == "all (micro)":
        return target_all(col)
    if col == "body":
        return BODY_TARGETS.get(set_name)
    return TARGETS.get(col)


def mark(value: float | None, target: float | None) -> str:
    if value is None:
        return "-"
    if target is None:
        return f"{value:.3f}"
    return f"{value:.3f} {'ok' if value >= target else 'MISS'}"


def merge_sets(sets: list[tuple[str, Path, Path]], pred_root: Path) -> tuple[Path, Path]:
    """One gold/seeds/pred folder over all sets, names prefixed by set, for micro-averaged scores."""
    root = pred_root / "_all"
    for sub in ("gold", "seeds", "pred"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for name, gold, seeds in sets:
        for g in sorted(gold.glob("*.yaml")):
            data = yaml.safe_load(g.read_text(encoding="utf-8"))
            seed = Path(data["seed"])
            data["seed"] = f"{name}__{seed.name}"
            (root / "gold" / f"{name}__{g.name}").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            link = root / "seeds" / data["seed"]
            if not link.exists():
                link.symlink_to((seeds / seed).resolve())
            pred = pred_root / name / f"{seed.stem}.json"
            if pred.exists():
                shutil.copyfile(pred, root / "pred" / f"{name}__{seed.stem}.json")
    return root / "gold", root / "seeds"


def target_all(col: str) -> float | None:
    return None if col == "body" else TARGETS.get(col)


def print_table(rows: list[dict], throughput: float | None, throughput_cpu: float | None = None) -> None:
    head = ["set", "docs"] + COLS + ["art/s/core", "art/cpu-s"]
    lines = [head]
    for r in rows:
        tp = r.get("articles_per_s")
        lines.append([r["set"], str(r["documents"])] + [mark(r["scores"].get(c), target_for(r["set"], c)) for c in COLS]
                     + [f"{tp:.0f}" if tp else "-", f"{r['articles_per_cpu_s']:.0f}" if r.get("articles_per_cpu_s") else "-"])
    tgt = ["target", ""] + ["per set" if c == "body" else f">={TARGETS[c]:.2f}" if c in TARGETS else "-" for c in COLS]
    lines.append(tgt + [f">={THROUGHPUT_TARGET:.0f}"] * 2)
    widths = [max(len(l[i]) for l in lines) for i in range(len(head))]
    for i, l in enumerate(lines):
        print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(l, widths))))
        if i == 0 or i == len(lines) - 2:
            print("  ".join("-" * w for w in widths))
    print("body targets: " + ", ".join(f"{k} >= {v}" for k, v in BODY_TARGETS.items()))
    if throughput is not None:
        ok = "ok" if throughput >= THROUGHPUT_TARGET else "MISS"
        print(f"throughput (plain-text sets, one process, extraction only): {throughput:.1f} articles/s per core "
              f"(wall clock; target >= {THROUGHPUT_TARGET:.0f}) {ok}")
    if throughput_cpu is not None:
        ok = "ok" if throughput_cpu >= THROUGHPUT_TARGET else "MISS"
        print(f"  in CPU time: {throughput_cpu:.1f} articles per CPU-second {ok} "
              f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    misses = [(r["set"], c, r["scores"][c], target_for(r["set"], c)) for r in rows for c in COLS
              if r["scores"].get(c) is not None and target_for(r["set"], c) is not None
              and r["scores"][c] < target_for(r["set"], c)]
    print(f"misses: {len(misses)}" + "".join(f"\n  {s} {c}: {v:.3f} < {t:.2f}" for s, c, v, t in misses))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared data folder (default: ../shared beside the repo)")
    ap.add_argument("--sets", help="comma-separated set names (default: all): seed, " +
                    "reuters, bbc_business, scrapes_text, extraction_scrapinghub, quotes_ggt, quotes_polnear")
    ap.add_argument("--cmd", nargs="?", const="{briefs} extract {seed} --format json", default=None,
                    help="score through a command per seed (slow) instead of in-process predictions; "
                         "default command: 'briefs extract {seed} --format json'")
    ap.add_argument("-v", "--verbose", action="store_true", help="pass -v to the scorer and print its report")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--json", type=Path, help="write results here (default: benchmarks/out/extraction-<time>.json)")
    args = ap.parse_args(argv)

    shared = args.shared.resolve()
    scorer = shared / "tools" / "score_extraction.py"
    if not scorer.exists():
        ap.error(f"no scorer at {scorer}; pass --shared")
    sets = find_sets(shared, set(args.sets.split(",")) if args.sets else None)
    if not sets:
        ap.error(f"no annotated sets under {shared}")
    sys.path.insert(0, str(REPO))
    _warm_up()  # imports and lazily built tables are not timed

    tmp = Path(tempfile.mkdtemp(prefix="briefs-extraction-"))
    rows: list[dict] = []
    plain_docs, plain_secs, plain_cpu = 0, 0.0, 0.0
    try:
        for name, gold, seeds in sets:
            paths = gold_seeds(gold, seeds)
            pred_dir = (args.keep or tmp) / name
            secs, cpu, ok, errors = predict_all(paths, pred_dir)  # also times extraction with --cmd
            for e in errors:
                print(f"  {name}: extraction failed: {e}", file=sys.stderr)
            if args.cmd:
                briefs = shutil.which("briefs") or str(Path(sys.executable).with_name("briefs"))
                cmd = args.cmd.replace("{briefs}", shlex.quote(briefs))
                summary, report = score(scorer, gold, seeds, cmd=cmd, verbose=args.verbose)
            else:
                summary, report = score(scorer, gold, seeds, pred_dir=pred_dir, verbose=args.verbose)
            if args.verbose:
                print(f"==== {name}\n{report}")
            plain = all(p.suffix.lower() in {".txt", ".text"} for p in paths)
            if plain:
                plain_docs += len(paths)
                plain_secs += secs
                plain_cpu += cpu
            rows.append({"set": name, "documents": summary.pop("documents"), "scores": summary,
                         "extraction_seconds": round(secs, 4), "extraction_cpu_seconds": round(cpu, 4),
                         "failed": len(errors), "articles_per_cpu_s": len(paths) / cpu if cpu > 0 else None,
                         "articles_per_s": len(paths) / secs if secs > 0 else None, "plain_text": plain})
        if len(rows) > 1 and not args.cmd:
            summary, _ = score(scorer, *merge_sets(sets, args.keep or tmp), pred_dir=(args.keep or tmp) / "_all" / "pred")
            rows.append({"set": "all (micro)", "documents": summary.pop("documents"), "scores": summary})
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    throughput = plain_docs / plain_secs if plain_secs > 0 else None
    throughput_cpu = plain_docs / plain_cpu if plain_cpu > 0 else None
    print_table(rows, throughput, throughput_cpu)
    out = args.json or REPO / "benchmarks" / "out" / f"extraction-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    from generator.extract import EXTRACTOR_VERSION

    out.write_text(json.dumps({
        "extractor_version": EXTRACTOR_VERSION, "mode": "cmd" if args.cmd else "pred-dir",
        "targets": {"body": BODY_TARGETS, **TARGETS, "articles_per_s_per_core": THROUGHPUT_TARGET},
        "sets": rows, "throughput_articles_per_s_per_core": throughput,
        "throughput_articles_per_cpu_s": throughput_cpu, "load_average": os.getloadavg()[0],
        "cpu_count": os.cpu_count(),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"results: {out.relative_to(REPO) if out.is_relative_to(REPO) else out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
