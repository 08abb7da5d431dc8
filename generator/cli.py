"""The ``briefs`` command: extract, build, serve, check, cite."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from generator import __version__, atomic


def _err(msg: str) -> None:
    print(f"briefs: error: {msg}", file=sys.stderr)


def _progress(label: str):
    tty = sys.stderr.isatty()
    state = {"last": 0.0 if tty else time.monotonic(), "t0": time.monotonic()}

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done != total and now - state["last"] < (0.1 if tty else 5.0):
            return
        if not tty and done == total and total < 8 and now - state["t0"] < 5.0:
            return  # a handful done quickly: the summary line says it
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


def _gh_annotate(level: str, path: str, message: str) -> None:
    """A GitHub Actions annotation, so a skipped file shows on the run's page."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        esc = lambda v: v.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        print(f"::{level} file={esc(path).replace(',', '%2C').replace(':', '%3A')}::{esc(message)}")


def _sync(args, *, dry_run: bool = False):
    from generator import pipeline

    root = Path(args.root)
    report = pipeline.sync(
        root / args.seeds, root / args.briefs, root / args.cache, root=root, jobs=getattr(args, "jobs", None),
        progress=_progress("extracting"), dry_run=dry_run,
    )
    return report


def _print_summary(report) -> None:
    print(
        f"seeds: {report.seeds}  extracted: {report.extracted}  cached: {report.cached}  "
        f"briefs: {len(report.briefs)}  fact files written: {len(report.written)}",
        file=sys.stderr,
    )
    if report.problems:
        print(f"skipped {len(report.problems)} file(s):", file=sys.stderr)
        for p in report.problems:
            print(f"  {p}", file=sys.stderr)
            _gh_annotate("warning", p.path, f"skipped: {p.message}")


def _write_report(args, report, site_error: str | None, site_warnings: list[str]) -> Path:
    path = Path(args.root) / args.cache / "build-report.json"
    data = {
        "seeds": report.seeds,
        "extracted": report.extracted,
        "cached": report.cached,
        "briefs": sorted(report.briefs),
        "written": report.written,
        "skipped": [{"path": p.path, "problem": p.message} for p in report.problems],
        "site_built": not args.no_site and site_error is None,
        "site_error": site_error,
        "site_warnings": site_warnings,
    }
    try:
        atomic.write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        _err(f"cannot write the build report {path}: {exc.strerror or exc}")
    return path


def _config_site_dir(root: Path, config_file: Path) -> str | None:
    """``site_dir`` of mkdocs.yml (relative to the file, as ``mkdocs build`` reads
    it), as a path relative to ``root``."""
    import yaml

    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        value = data.get("site_dir") if isinstance(data, dict) else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(value, str) or not value.strip():
        return None
    return os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(config_file)), value), os.path.abspath(root))


def _unsafe_site_dir(root: Path, args) -> str | None:
    """Why the output folder must not be used: the swap replaces it and deletes
    what it held, so it must not be (or hold) the project's own files."""
    site = Path(os.path.abspath(root / args.site))
    precious = {
        "the project folder": root, "the seeds folder": root / args.seeds, "the fact files folder": root / args.briefs,
        "the cache folder": root / args.cache, "the folder of the MkDocs configuration": (root / args.config).parent,
        "the docs folder": root / "docs", "the theme overrides folder": root / "overrides",
    }
    for what, path in precious.items():
        path = Path(os.path.abspath(path))
        if site == path or path.is_relative_to(site):
            return f"refusing to build into {args.site}/: it is or contains {what} (it would be replaced)"
    return None


def cmd_build(args) -> int:
    from generator import publish
    from generator.facts import loader

    root = Path(args.root)
    args.site = args.site or _config_site_dir(root, root / args.config) or "site"
    if not args.no_site:
        unsafe = _unsafe_site_dir(root, args)
        if unsafe:
            _err(unsafe)
            return 2
    report = _sync(args)
    _print_summary(report)
    site_error, site_warnings = None, []
    nothing = not report.briefs and not any((root / args.briefs).glob("*.yaml"))
    if nothing:
        site_error = "nothing to publish: no seed could be read and briefs/ has no fact file"
    elif not args.no_site:
        from generator import memtrim

        # what the sync freed goes back before the site build grows the process (little, when it extracted nothing)
        memtrim.release(freeze=True, trim=report.extracted > 0)
        t0 = time.monotonic()
        print(f"building the site into {args.site}/ …", file=sys.stderr, flush=True)
        try:
            # the fact files the sync has just read go to the plugin as they are
            # (each one still checked against the bytes on disk): none is parsed twice
            facts, report.facts = report.facts, None  # the plugin takes the briefs: nothing else holds them
            with loader.handover(facts):
                del facts
                result = publish.build_site(
                    root / args.config, root / args.site, strict=args.strict,
                    epoch=publish.source_date_epoch(list(report.published.values())),
                )
            site_warnings = result.warnings
            for w in site_warnings:
                print(f"  mkdocs warning: {w}", file=sys.stderr)
                _gh_annotate("warning", args.config, w)
            print(f"site: built {args.site}/ in {time.monotonic() - t0:.1f}s", file=sys.stderr)
        except publish.BuildFailed as exc:
            site_error = str(exc)
    report_path = _write_report(args, report, site_error, site_warnings)
    if site_error:
        kept = " (the previous site is kept)" if (root / args.site).is_dir() and not nothing else ""
        _err(f"{site_error}{kept}")
        _gh_annotate("error", args.config, site_error)
        return 1
    if report.problems:
        rel = report_path.relative_to(root) if report_path.is_relative_to(root) else report_path
        print(f"{len(report.problems)} file(s) skipped, the rest published; see {rel.as_posix()}", file=sys.stderr)
        if args.strict:
            _err(f"--strict: {len(report.problems)} file(s) skipped")
            return 1
    return 0


def cmd_serve(args) -> int:
    report = _sync(args)
    _print_summary(report)
    root = Path(args.root)
    # mkdocs.yml's `watch:` names briefs/ (and seeds/) for live reload
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / args.config), "-a", args.addr]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFS_SERVE_EXTRACT="1")  # seeds re-extracted on change
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":  # become mkdocs serve: Ctrl-C and kill reach it, no orphan left
        os.execve(sys.executable, cmd, env)
    try:
        return subprocess.call(cmd, env=env)
    except KeyboardInterrupt:
        return 0


def cmd_check(args) -> int:
    """Everything a build would check, without writing fact files or the site:
    one line per problem on stdout, exit 1 when there is any."""
    root = Path(args.root)
    report = _sync(args, dry_run=True)
    problems = [str(p) for p in report.problems]
    config = root / args.config
    if config.is_file() and not args.no_config:
        problem = _check_config(config)
        if problem:
            problems.append(problem)
    for line in problems:
        print(line)
    for p in report.problems:
        _gh_annotate("error", p.path, p.message)
    print(f"checked {report.seeds} seed(s) and {len(list((root / args.briefs).glob('*.yaml')))} fact file(s): "
          f"{len(problems) or 'no'} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def _check_config(config: Path) -> str | None:
    """One line when MkDocs cannot load ``config`` (syntax, unknown plugin or option)."""
    import logging

    from generator.publish import one_line

    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler, propagate = Keep(logging.ERROR), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        from mkdocs.config import load_config

        load_config(str(config))
    except BaseException as exc:  # noqa: BLE001 - any failure is the config's
        if isinstance(exc, KeyboardInterrupt):
            raise
        why = records[0] if records else (str(exc) or type(exc).__name__)
        return one_line(f"{config.name}: {why}")
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    return None


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
        conf = _mkdocs_settings(Path(args.root) / args.config)
        c = citation(brief, args.fact, args.site_url or conf["site_url"], prefix=conf["prefix"],
                     use_directory_urls=conf["use_directory_urls"], site_name=conf["site_name"])
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


def yaml_loader_base():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ConfigLoader(yaml_loader_base()):
    """Reads mkdocs.yml without MkDocs: ``!ENV`` resolved, other tags ignored."""


def _env_tag(loader, node):
    import os as _os

    items = loader.construct_sequence(node) if hasattr(node, "value") and isinstance(node.value, list) else [loader.construct_scalar(node)]
    *names, default = items if len(items) > 1 else (*items, None)
    for name in names:
        if _os.environ.get(str(name)):
            return _os.environ[str(name)]
    return default


def _mkdocs_settings(config_file: Path) -> dict:
    """site_url, site_name, use_directory_urls and the briefs plugin's prefix from mkdocs.yml."""
    import yaml

    _ConfigLoader.add_constructor("!ENV", _env_tag)
    _ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    out = {"site_url": data.get("site_url") or None, "site_name": data.get("site_name") or "Market briefs",
           "use_directory_urls": data.get("use_directory_urls", True) is not False, "prefix": "briefs"}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("briefs"), dict):
            out["prefix"] = plugin["briefs"].get("prefix") or "briefs"
    return out


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
    p.add_argument("-d", "--site", default=None, help="output folder (default: site_dir of mkdocs.yml, else site)")
    p.add_argument("--strict", action="store_true", help="exit non-zero if any file was skipped or MkDocs warned")
    p.add_argument("--no-site", action="store_true", help="only update briefs/, don't run mkdocs")
    p.add_argument("-j", "--jobs", type=int, default=None, help="extraction processes (default: one per core)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="extract, then preview the site with live reload")
    _common(p)
    p.add_argument("-a", "--addr", default="127.0.0.1:8000")
    p.add_argument("-j", "--jobs", type=int, default=None)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="validate seeds and fact files without building (exit 1 on any problem)")
    _common(p)
    p.add_argument("-j", "--jobs", type=int, default=None, help="extraction processes (default: one per core)")
    p.add_argument("--no-config", action="store_true", help="don't check the MkDocs configuration")
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
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a bug: say so in one line, the traceback on request
        if os.environ.get("BRIEFS_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        _err(f"internal error: {type(exc).__name__}: {first} (set BRIEFS_DEBUG=1 for the traceback)")
        return 2


if __name__ == "__main__":
    sys.exit(main())
