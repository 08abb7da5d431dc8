"""Pagefind search for the site: the plugin option ``search: pagefind``.

Material's search (lunr) puts the text of every page into one
``search/search_index.json`` that every search downloads whole: about 4 KB per
brief, some 40 MB at 10,000 briefs. Pagefind indexes the *built* HTML after
the build, in its own process, into ``site/pagefind/``: an index split into
chunks and one fragment per page, of which a query fetches only what it needs.

- ``configure(config)`` (``on_config``): fails early, in one line, when the
  ``pagefind[bin]`` package is missing; takes Material's search plugin out of
  the build (no lunr index, none of its per-page HTML parsing) and puts an
  inert stand-in under its name, so Material's header still shows its search
  button and includes ``partials/search.html``; puts ``THEME_DIR`` before
  Material's templates (after ``custom_dir``, which still wins): it holds
  that ``partials/search.html`` (the search box hosting the results of
  Pagefind), ``main.html`` (``data-pagefind-body`` around the page content)
  and the script and stylesheet of the search box.
- ``cache_key(site_dir)`` then ``build_index(site_dir, cache=…, key=…)``
  (``on_post_build``, ``mkdocs serve`` included): runs the binary of the
  ``pagefind_bin`` wheel over the built site, or reuses its cached output.
  Nothing is fetched from a CDN: the bundle is the binary's own files.

What is indexed: the content of every page built from ``main.html`` (briefs,
entity pages, home page, the hand-written docs), except pages whose front
matter says ``search: exclude: true`` (tag pages, the entity and tag indexes,
yearly archives, entities named in one brief: as with lunr) and 404.html.
Inside a page, Pagefind leaves out what lunr leaves out (``data-search-exclude``:
cite box, evidence sentences, brief cards, the docs' examples; passed as
``--exclude-selectors``, with the headings' ¶ links) and what is marked
``data-pagefind-ignore`` (a brief's source details and downloads). A
``main.html`` in ``custom_dir`` replaces this one: then no page is marked,
Pagefind indexes every page whole (header and navigation too), and the build
says so in a warning.

Pagefind's output depends only on the HTML it reads: two runs over the same
site are byte-identical (tests/render/test_pagefind.py builds twice). So the
bundle is cached (``.briefs-cache/pagefind/``) under a digest of every HTML
file of the site, Pagefind's version and its options: a rebuild whose pages
are all unchanged links the cached bundle into the site (hard links to
read-only files) instead of indexing again (about 2 s per 1,000 briefs). Any
changed, added or removed page re-runs Pagefind over the whole site.

Big sites are indexed in shards. Pagefind holds its whole index in memory
(about 120 MB per 1,000 pages, 1.5 GB at 10,000 briefs), so a site of
more than ``shard_pages`` HTML files (plugin option ``search_shard_pages``) is
split: the pages Pagefind indexes (those marked ``data-pagefind-body``; the
others it would skip) are dealt, file by file in path order, into as few
equal shards as keep each under that size. Each shard is indexed by its own
Pagefind run, one after the other, over a tree of hard links to its pages (so
the URLs are the site's): shard 0 into ``pagefind/`` (with Pagefind's script
and WebAssembly), shard *i* into ``pagefind/shards/<i>/`` (its index and
fragments only). The search box merges them (``mergeIndex``; ``SHARDS_FILE``
lists them) and keeps the results a single index would give
(pagefind-search.js).
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.render.writer import Stamp

log = logging.getLogger("mkdocs.plugins.briefs")

THEME_DIR = Path(__file__).resolve().parent / "templates" / "pagefind"
BUNDLE = "pagefind"  # site/pagefind/: Pagefind's output folder in the site
CSS = "assets/briefs/pagefind-search.css"  # in THEME_DIR, published as theme files
JS = "assets/briefs/pagefind-search.js"
EXCLUDE = "[data-search-exclude], .headerlink"  # lunr's marker, and the headings' ¶ links
SHARD_PAGES = 6500  # HTML files per Pagefind run by default: about 750 MB of Pagefind's memory
SHARDS = "shards"  # pagefind/shards/<i>/: shard i's index
SHARDS_FILE = "briefs-shards.json"  # {"shards": ["shards/1/", …]} in pagefind/, read by the search box
# a merged shard uses the first shard's script and WebAssembly: its own copies are dropped
_SHARD_DROP = re.compile(r"pagefind([-.].*)?\.(js|css)|wasm\..*")
MISSING = "briefs: the option search: pagefind needs the Python package 'pagefind[bin]' (pip install 'pagefind[bin]')"
_SEARCH_PLUGINS = ("material/search", "search")


class _SlotConfig(base.Config):
    enabled = c.Type(bool, default=True)


class SearchSlot(BasePlugin[_SlotConfig]):
    """Stands in for Material's search plugin under its name: no events, only
    ``config.enabled``, which Material's ``partials/header.html`` checks before
    it shows the search button and includes ``partials/search.html``."""


def executable() -> Path:
    """The pagefind binary of the ``pagefind_bin`` wheel; a one-line PluginError without it."""
    try:
        import pagefind_bin

        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError):
        raise PluginError(MISSING) from None


def _unhook(plugins, plugin) -> None:
    """Unregister every event method of ``plugin``. ``config`` is left alone:
    it is the event running now (removing an earlier handler would make MkDocs
    skip the next one), and Material's ``on_config`` only reads its options."""
    for name, methods in plugins.events.items():
        if name == "config":
            continue
        methods[:] = [m for m in methods if getattr(m, "__self__", None) is not plugin]


def configure(config) -> None:
    """``on_config`` with ``search: pagefind``: see the module docstring."""
    executable()
    plugins = config.plugins
    for name in _SEARCH_PLUGINS:
        plugin = plugins.get(name)
        if plugin is not None and not isinstance(plugin, SearchSlot):
            _unhook(plugins, plugin)
            del plugins[name]
    if config.theme.name == "material" and "material/search" not in plugins:
        slot = SearchSlot()
        slot.load_config({})
        plugins["material/search"] = slot
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if CSS not in config.extra_css:
        config.extra_css.append(CSS)
    if JS not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(JS)


def _file_digest(path: str, stamps: Mapping[str, Stamp]) -> bytes:
    stamp = stamps.get(path)
    if stamp is not None:
        try:
            st = os.stat(path)
            if (st.st_size, st.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
                return stamp.sha256
        except OSError:
            pass
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).digest()


def html_files(site_dir: Path) -> list[tuple[str, str]]:
    """Every HTML file of the site but Pagefind's own folder, in path order:
    ``(path relative to the site, path)`` pairs."""
    paths: list[tuple[str, str]] = []
    for top, dirs, names in os.walk(site_dir):
        rel = os.path.relpath(top, site_dir).replace(os.sep, "/")
        if rel == ".":
            dirs[:] = [d for d in dirs if d != BUNDLE]
        dirs.sort()
        prefix = "" if rel == "." else f"{rel}/"
        paths += [(prefix + n, os.path.join(top, n)) for n in sorted(names) if n.endswith(".html")]
    return paths


def site_digest(site_dir: Path, exe: Path, stamps: Mapping[str, Stamp] | None = None,
                shard_pages: int = SHARD_PAGES) -> str:
    """What Pagefind's output depends on: every HTML file of the site (path and
    content; Pagefind's own folder left out), the binary and the options.
    A file whose size and time match its ``stamps`` entry (``writer.Writer``
    wrote it) is not read again; the others are read by a few threads (file
    reads and hashing release the GIL)."""
    stamps = stamps or {}
    st = exe.stat()
    h = hashlib.sha256(f"{exe.name} {st.st_size} {int(st.st_mtime)} {BUNDLE} {EXCLUDE} {shard_pages}\n".encode())
    paths = html_files(site_dir)
    with ThreadPoolExecutor(max_workers=8) as pool:
        digests = pool.map(lambda p: _file_digest(p, stamps), [p for _, p in paths], chunksize=32)
        for (rel, _), digest in zip(paths, digests):
            h.update(f"{rel}\0".encode() + digest)
    return h.hexdigest()


def _link_all(pairs: list[tuple[str, str]], read_only: bool = False) -> None:
    """Each ``(source, target)`` as a hard link (a copy across file systems),
    by a few threads; the targets' folders must exist. With ``read_only``,
    each file is made read-only too (a link shares its mode with its source)."""
    def link(pair: tuple[str, str]) -> None:
        try:
            os.link(*pair)
        except OSError:
            shutil.copy2(*pair)
        if read_only:
            os.chmod(pair[1], 0o444)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(link, pairs, chunksize=32))


def _copy_tree(src: Path, dst: Path, read_only: bool = False) -> None:
    """``src`` to ``dst`` as hard links (the bundle is never edited in place)."""
    files: list[tuple[str, str]] = []
    for top, _, names in os.walk(src):
        out = os.path.join(dst, os.path.relpath(top, src))
        os.makedirs(out, exist_ok=True)
        files += [(os.path.join(top, n), os.path.join(out, n)) for n in names]
    _link_all(files, read_only)


def _from_cache(cache: Path, key: str, bundle: Path) -> int | None:
    """The page count of the cached bundle, copied to ``bundle``, when it was made for ``key``; else None."""
    try:
        memo = json.loads((cache / "key.json").read_text(encoding="utf-8"))
        if memo.get("key") != key or not (cache / BUNDLE / "pagefind.js").is_file():
            return None
        shutil.rmtree(bundle, ignore_errors=True)
        _copy_tree(cache / BUNDLE, bundle)
        return int(memo.get("pages", 0))
    except (OSError, ValueError, AttributeError):
        shutil.rmtree(bundle, ignore_errors=True)
        return None


def _to_cache(cache: Path, key: str, bundle: Path, pages: int) -> None:
    """Keep ``bundle`` as the cache for ``key``. A cache that can't be written
    only costs time. Its files are made read-only: the site's files are hard
    links to them, and a tool rewriting one in place would change the cache too."""
    tmp = cache.with_name(f".{cache.name}.new")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        _copy_tree(bundle, tmp / BUNDLE, read_only=True)
        (tmp / "key.json").write_text(json.dumps({"key": key, "pages": pages}), encoding="utf-8")
        shutil.rmtree(cache, ignore_errors=True)
        tmp.rename(cache)
    except OSError as exc:
        log.debug("briefs: cannot cache the pagefind bundle in %s: %s", cache, exc)
        shutil.rmtree(tmp, ignore_errors=True)


def cache_key(site_dir: str | Path, stamps: Mapping[str, Stamp] | None = None,
              shard_pages: int = SHARD_PAGES) -> str:
    """``site_digest`` of the built site: taken once every HTML page is written,
    and before anything else writes into the site (the digest's threads need the GIL)."""
    return site_digest(Path(site_dir), executable(), stamps, shard_pages)


MARK = re.compile(rb"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s>=]")  # the attribute in a tag, not a mention in text


def _searched(files: list[tuple[str, str]], shard_pages: int) -> list[str]:
    """The pages Pagefind will index, from the site's ``html_files``: once
    a page is marked ``data-pagefind-body``, Pagefind skips those that are not
    (pages kept out of search), so only the marked ones need a place in a
    shard and count towards its size. Read only when there are more files
    than one shard holds; with no page marked, every page is indexed."""
    if len(files) <= shard_pages:
        return [rel for rel, _ in files]
    marked = []
    for rel, path in files:
        with open(path, "rb") as fh:
            if MARK.search(fh.read()):
                marked.append(rel)
    return marked or [rel for rel, _ in files]


def shards_of(files: list[str], shard_pages: int = SHARD_PAGES) -> list[list[str]]:
    """``files`` (in path order) dealt into as few shards as keep each at most
    ``shard_pages`` long, sizes differing by one at most: file *k* goes to
    shard *k* mod the number of shards, so every shard gets its share of
    briefs, entity pages and the rest."""
    count = max(1, math.ceil(len(files) / max(1, shard_pages)))
    return [files[i::count] for i in range(count)]


def _run(exe: Path, args: list[str], cwd: str | Path | None) -> int:
    """One Pagefind run; the number of pages it indexed, or a PluginError (one line plus Pagefind's last lines)."""
    try:
        res = subprocess.run([str(exe), *args, "--exclude-selectors", EXCLUDE],
                             capture_output=True, text=True, cwd=cwd, check=False)
    except OSError as exc:
        raise PluginError(f"briefs: pagefind could not run: {exc}") from None
    out = (res.stdout or "") + (res.stderr or "")
    if res.returncode != 0:
        tail = " | ".join(line.strip() for line in out.strip().splitlines()[-5:])
        raise PluginError(f"briefs: pagefind failed (exit {res.returncode}): {tail}")
    if "Did not find a data-pagefind-body" in out:
        log.warning("briefs: no page is marked data-pagefind-body (does a main.html in custom_dir replace the "
                    "plugin's?): Pagefind indexed every page whole")
    m = re.search(r"Indexed (\d+) pages?", out)
    return int(m.group(1)) if m else 0


def _link_files(site: Path, rels: list[str], into: Path) -> None:
    """The site's files ``rels`` as hard links under ``into`` (same relative paths)."""
    for d in sorted({os.path.dirname(r) for r in rels}):
        os.makedirs(into / d, exist_ok=True)
    _link_all([(os.path.join(site, r), os.path.join(into, r)) for r in rels])


def _index_shards(exe: Path, site: Path, shards: list[list[str]], cwd: str | Path | None) -> int:
    """Index each shard by itself (module docstring); returns the pages indexed."""
    bundle = site / BUNDLE
    src = bundle / ".pages"  # inside the site: a killed build leaves nothing behind in the project
    pages = 0
    for i, rels in enumerate(shards):
        shutil.rmtree(src, ignore_errors=True)
        _link_files(site, rels, src)
        out = bundle if i == 0 else bundle / SHARDS / str(i)
        done = _run(exe, ["--site", str(src), "--output-path", str(out.resolve())], cwd)
        log.info("briefs: pagefind shard %d of %d: %d pages", i + 1, len(shards), done)
        pages += done
        if i:
            for extra in out.iterdir():
                if _SHARD_DROP.fullmatch(extra.name):
                    extra.unlink()
    shutil.rmtree(src, ignore_errors=True)
    return pages


def build_index(site_dir: str | Path, cwd: str | Path | None = None, cache: Path | None = None,
                key: str = "", shard_pages: int = SHARD_PAGES, before_run=None) -> int:
    """Run Pagefind over the built ``site_dir``, writing ``site_dir/pagefind/``;
    returns the number of pages indexed. With ``cache`` (a folder) and the
    site's ``key`` (``cache_key``), a bundle made from the same pages is reused.
    ``before_run()``, if given, is called before Pagefind runs (not when the
    bundle comes from the cache).
    A site of more than ``shard_pages`` HTML files is indexed in shards (module
    docstring). A failure is a PluginError (one line plus Pagefind's last lines
    of output)."""
    exe = executable()
    t0 = time.monotonic()
    site = Path(site_dir)
    cache = cache if key else None
    if cache is not None:
        pages = _from_cache(cache, key, site / BUNDLE)
        if pages is not None:
            log.info("briefs: pages unchanged: the pagefind index of %d pages comes from the cache (%.1fs)",
                     pages, time.monotonic() - t0)
            return pages
    if before_run is not None:
        before_run()
    shutil.rmtree(site / BUNDLE, ignore_errors=True)  # a bundle left in a reused folder (publish.Reuse)
    shards = shards_of(_searched(html_files(site), shard_pages), shard_pages)
    if len(shards) == 1:
        pages = _run(exe, ["--site", str(site), "--output-subdir", BUNDLE], cwd)
    else:
        pages = _index_shards(exe, site, shards, cwd)
    if not (site / BUNDLE / "pagefind.js").is_file():
        raise PluginError(f"briefs: pagefind wrote no {BUNDLE}/pagefind.js into {site}")
    (site / BUNDLE / SHARDS_FILE).write_text(
        json.dumps({"shards": [f"{SHARDS}/{i}/" for i in range(1, len(shards))]}), encoding="utf-8")
    log.info("briefs: pagefind indexed %d pages into %s/%s in %.1fs", pages, BUNDLE,
             f" ({len(shards)} shards)" if len(shards) > 1 else "", time.monotonic() - t0)
    if cache is not None:
        _to_cache(cache, key, site / BUNDLE, pages)
    return pages
