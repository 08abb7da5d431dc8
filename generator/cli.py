"""The ``briefs`` command: extract, build, serve, check, cite."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from generator import __version__


def _err(msg: str) -> None:
    print(f"briefs: error: {msg}", file=sys.stderr)


def _progress(label: str):
    tty = sys.stderr.isatty()
    state = {"last": 0.0}

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done != total and now - state["last"] < (0.1 if tty else 5.0):
            return
        state["last"] = now
        line = f"{label}: {done}/{total} ({100 * done // max(total, 1)}%)"
        if tty:
            print(f"\r{line}", end="\n" if done == total else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    return show


def cmd_extract(args) -> int:
    from generator.extract import extract_path
    from generator.read import ReadError

    try:
        ex = extract_path(args.path)
    except FileNotFoundError:
        _err(f"{args.path}: no such file")
        return 1
    except (ReadError, OSError, ValueError) as exc:
        _err(f"{args.path}: {exc}")
        return 1
    data = ex.to_contract()
    if args.format == "yaml":
        import yaml

        print(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), end="")
    else:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def _sync(args):
    from generator import pipeline

    root = Path(args.root)
    report = pipeline.sync(
        root / args.seeds, root / args.briefs, root / args.cache, root=root, jobs=args.jobs,
        progress=_progress("extracting"),
    )
    print(
        f"seeds: {report.seeds}  extracted: {report.extracted}  cached: {report.cached}  "
        f"fact files written: {len(report.written)}",
        file=sys.stderr,
    )
    for p in report.problems:
        print(f"  skipped {p}", file=sys.stderr)
    return report


def _write_report(args, report, site_error: str | None) -> None:
    path = Path(args.root) / args.cache / "build-report.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "seeds": report.seeds,
        "extracted": report.extracted,
        "cached": report.cached,
        "briefs": sorted(report.briefs),
        "written": report.written,
        "skipped": [{"path": p.path, "problem": p.message} for p in report.problems],
        "site_error": site_error,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _published_dates(briefs_dir: Path) -> list[str]:
    from generator.facts import store

    return [l.brief.source.published for l in store.load_all(briefs_dir) if l.brief and l.brief.source.published]


def cmd_build(args) -> int:
    from generator import publish

    root = Path(args.root)
    report = _sync(args)
    site_error = None
    if not args.no_site:
        t0 = time.monotonic()
        try:
            publish.build_site(
                root / args.config, root / args.site, strict=args.strict,
                epoch=publish.source_date_epoch(_published_dates(root / args.briefs)),
            )
            print(f"site: built {args.site}/ in {time.monotonic() - t0:.1f}s", file=sys.stderr)
        except publish.BuildFailed as exc:
            site_error = str(exc)
            _err(f"{site_error} (the previous site in {args.site}/ is kept)")
    _write_report(args, report, site_error)
    if report.problems:
        print(f"{len(report.problems)} file(s) skipped; see {args.cache}/build-report.json", file=sys.stderr)
    nothing = not report.briefs and not any((root / args.briefs).glob("*.yaml"))
    if site_error or nothing:
        if nothing:
            _err("nothing could be built: no valid seeds and no fact files")
        return 1
    return 1 if (args.strict and report.problems) else 0


def cmd_serve(args) -> int:
    _sync(args)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(Path(args.root) / args.config), "-a", args.addr]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.call(cmd, env=env)


def cmd_check(args) -> int:
    from generator.facts import store
    from generator.pipeline import MAX_SEED_BYTES, SEED_SUFFIXES, list_seeds
    from generator.clean import clean
    from generator.read import ReadError, read

    root = Path(args.root)
    problems = []
    seeds = list_seeds(root / args.seeds) if (root / args.seeds).is_dir() else []
    for p in seeds:
        rel = p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)
        if p.suffix.lower() not in SEED_SUFFIXES:
            problems.append(f"{rel}: not a seed: expected one of {', '.join(sorted(SEED_SUFFIXES))}")
            continue
        if p.stat().st_size > MAX_SEED_BYTES:
            problems.append(f"{rel}: file too large")
            continue
        try:
            clean(read(p))
        except (ReadError, OSError, ValueError) as exc:
            problems.append(f"{rel}: {exc}")
    loaded = store.load_all(root / args.briefs) if (root / args.briefs).is_dir() else []
    problems += [l.error for l in loaded if l.error]
    for line in problems:
        print(line)
    print(f"checked {len(seeds)} seed(s) and {len(loaded)} fact file(s): "
          f"{len(problems) or 'no'} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_cite(args) -> int:
    from generator.cite import citation
    from generator.facts import store
    from generator.facts.schema import FactFileError

    path = Path(args.root) / args.briefs / f"{args.id}.yaml"
    if not path.exists():
        _err(f"no brief with id {args.id!r} in {args.briefs}/")
        return 1
    try:
        brief = store.load(path)
    except FactFileError as exc:
        _err(str(exc))
        return 1
    try:
        c = citation(brief, args.fact, args.site_url or _site_url(Path(args.root) / args.config))
    except KeyError:
        _err(f"brief {args.id!r} has no fact {args.fact!r}")
        return 1
    if args.format in ("markdown", "both"):
        print(c["markdown"])
    if args.format == "both":
        print()
    if args.format in ("text", "both"):
        print(c["text"])
    return 0


def _site_url(config_file: Path) -> str | None:
    import yaml

    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        return data.get("site_url") or None
    except (OSError, yaml.YAMLError, AttributeError):
        return None


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", default=".", help="project folder (default: current folder)")
    p.add_argument("--seeds", default="seeds", help="input articles folder (default: seeds)")
    p.add_argument("--briefs", default="briefs", help="fact files folder (default: briefs)")
    p.add_argument("--cache", default=".briefs-cache", help="cache folder (default: .briefs-cache)")
    p.add_argument("-f", "--config", default="mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="briefs", description="Market briefs from news articles.")
    ap.add_argument("--version", action="version", version=f"briefs {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the facts of one article (CONTRACT.md JSON)")
    p.add_argument("path")
    p.add_argument("--format", choices=["json", "yaml"], default="json")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("build", help="extract seeds/ into briefs/ and build the site")
    _common(p)
    p.add_argument("-d", "--site", default="site", help="output folder (default: site)")
    p.add_argument("--strict", action="store_true", help="exit non-zero if any file was skipped or MkDocs warned")
    p.add_argument("--no-site", action="store_true", help="only update briefs/, don't run mkdocs")
    p.add_argument("-j", "--jobs", type=int, default=None, help="extraction processes (default: one per core)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="extract, then preview the site with live reload")
    _common(p)
    p.add_argument("-a", "--addr", default="127.0.0.1:8000")
    p.add_argument("-j", "--jobs", type=int, default=None)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="validate seeds and fact files without building")
    _common(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("cite", help="print a citation of a brief or one of its facts")
    _common(p)
    p.add_argument("id", help="brief id")
    p.add_argument("fact", nargs="?", help="fact anchor (as in …/<id>/#<fact>)")
    p.add_argument("--site-url", help="site URL for the permalink (default: site_url in mkdocs.yml)")
    p.add_argument("--format", choices=["markdown", "text", "both"], default="both")
    p.set_defaults(func=cmd_cite)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
