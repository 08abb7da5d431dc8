"""The ``briefs`` MkDocs plugin: fact files in, site pages out.

Registered as the ``briefs`` entry point in ``mkdocs.plugins``, so a plain
``mkdocs build`` runs it. This module only dispatches MkDocs events; the work
is in ``site.py`` (the site as data), ``pages.py`` (pages, downloads, feed),
``workers.py`` (pages made in parallel), ``shell.py`` (the theme around them),
``later.py`` (text held between steps; downloads and SVGs written as they
are made), ``pagefind.py``
and ``generator/charts.py``. Nothing is written into docs/: every page is a
``File.generated`` virtual file.

Events:
  on_config            theme folder for ``briefs.html``, briefs.css/js; Pagefind for Material's search
  on_files             load briefs/*.yaml, make every page and download
  on_pre_page          reproducible sitemap dates
  on_page_read_source  plugin pages' Markdown, held since on_files (compressed on big sites)
  on_page_markdown     plugin pages skip Python-Markdown (``fastmd.py``)
  on_page_content      plugin pages' HTML held until they are written (compressed on big sites)
  on_env               page shells for plugin pages; compiled templates cached
  on_page_context      page data for ``briefs.html`` (alternate links, charts); the page from its shell
  on_post_page         compact plugin pages' HTML; name Material's search dialog;
                       last of all plugins, queue plugin pages to the threads of
                       ``writer.Writer`` (MkDocs is handed "", so it writes nothing)
  on_serve             watch the fact files and seeds folders (when they exist)
  on_post_build        every queued file waited for; one-line summary; Pagefind's index
  on_build_error       the writer's threads stopped
"""
from __future__ import annotations

import functools
import gc
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import charts, memtrim, publish
from generator.charts import SvgRenderer
from generator.facts import loader
from generator.render import fastmd, later, pagefind, pages, shell, workers
from generator.render.config import BriefsConfig
from generator.render.site import Layout, Site
from generator.render.writer import Writer

log = logging.getLogger("mkdocs.plugins.briefs")

ASSET_DIR = "assets/briefs"
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
ASSETS = {
    f"{ASSET_DIR}/briefs.css": pages.ASSETS / "briefs.css",
    f"{ASSET_DIR}/briefs.js": pages.ASSETS / "briefs.js",
    f"{ASSET_DIR}/vega-bundle.min.js": pages.ASSETS / "vendor" / "vega-bundle.min.js",
}


def _chart_specs(site: Site):
    """The spec of every chart the pages will show (briefs' bar charts, entities' series)."""
    for b in site.briefs:
        for c in charts.comparable_groups(b.visible_metrics()):
            yield charts.build_spec(c)
    for slug in sorted(site.entities):
        for c in charts.series_groups([m for _, m in site.entities[slug].metrics]):
            yield charts.build_spec(c)


class _SkippedByUs(logging.Filter):
    """Drops MkDocs' "Page skipped: '<uri>'. Generated empty output." for the
    pages the plugin writes itself (it hands MkDocs "" for them)."""

    def __init__(self, uris: set[str]) -> None:
        super().__init__()
        self.uris = uris

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        return not (msg.startswith("Page skipped: '") and msg[len("Page skipped: '"):].split("'", 1)[0] in self.uris)


_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class _Deferred:
    """A value Jinja prints as ``str(make())``, made when first printed."""

    def __init__(self, make):
        self._make = make
        self._value: str | None = None

    def __str__(self) -> str:
        if self._value is None:
            self._value = self._make()
        return self._value

    __html__ = __str__


class BriefsPlugin(BasePlugin[BriefsConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.page_meta: dict[str, dict] = {}
        self.site: Site | None = None  # from on_files until its pages are made
        self._newest: str | None = None  # what is kept of it: the newest brief's date,
        self._summary: tuple[int, int, int] | None = None  # the counts of briefs, entity pages, tag pages
        self.svg: SvgRenderer | None = None
        self._fast: fastmd.FastPages | None = None
        self.shells: shell.Shells | None = None
        self.later: later.SiteFiles | None = None  # downloads and SVGs, written as they are made
        self._held: dict[str, bytes | str] = {}  # plugin pages' HTML between MkDocs' passes (on_page_content)
        self._md: dict[str, bytes | str] = {}  # plugin pages' Markdown until MkDocs reads it (on_page_read_source)
        self._pack = later.Held(compress=True)  # how both wait: compressed on big sites (later.Held)
        self._writer: Writer | None = None  # made at the first file written: after on_files' forked workers
        self._written = _SkippedByUs(set())  # plugin pages written by the writer, not by MkDocs

    # -- configuration -------------------------------------------------------
    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or ".").resolve().parent
        if str(pages.THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(pages.THEME_DIR))  # after custom_dir and Material: both win
        for css in (f"{ASSET_DIR}/briefs.css",):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if f"{ASSET_DIR}/briefs.js" not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(f"{ASSET_DIR}/briefs.js")
        if self.config.search == "pagefind":  # Material's search out, Pagefind's box in (pagefind.py)
            pagefind.configure(config)
        if self.config.search_shard_pages < 1:
            raise PluginError(f"briefs: search_shard_pages must be 1 or more, not {self.config.search_shard_pages}")
        for name in ("entity_limit", "archive_limit"):
            if self.config[name] < 0:
                raise PluginError(f"briefs: {name} must be 0 (no limit) or more, not {self.config[name]}")
        return config

    def on_pre_build(self, config):
        """Under `briefs serve`, a seed added or changed while serving is extracted before the rebuild."""
        if not self.config.enabled or os.environ.get("BRIEFS_SERVE_EXTRACT") != "1" or not self.config.seeds_dir:
            return
        from generator import pipeline

        report = pipeline.sync(self.root / self.config.seeds_dir, self.root / self.config.briefs_dir,
                               self.root / ".briefs-cache", root=self.root, jobs=1)
        if report.extracted:
            log.info("briefs: extracted %d new or changed seed(s)", report.extracted)
        for problem in report.problems:
            log.warning("briefs: skipped %s", problem)

    def _cache_root(self) -> Path | None:
        """The folder of the plugin's caches besides charts: the parent of
        ``cache_dir`` (``.briefs-cache``), or None when caching is off."""
        if not self.config.cache_dir:
            return None
        charts_dir = (self.root / self.config.cache_dir).resolve()
        return charts_dir.parent if charts_dir.parent != self.root else charts_dir

    # -- pages -----------------------------------------------------------------
    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        cfg = self.config
        self._held = {}
        self._md = {}
        custom = [Path(config.theme.custom_dir) / "briefs"] if config.theme.custom_dir else []
        for d in custom:  # our template overrides are not theme assets to publish
            for f in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(d)]:
                files.remove(f)
        folder = self.root / cfg.briefs_dir
        briefs = []
        if not folder.is_dir():
            log.info("briefs: no fact files folder %s; the site has no briefs", folder)
        cache_root = self._cache_root()  # .briefs-cache/site-facts.json by default
        facts_cache = cache_root / "site-facts.json" if cache_root else None
        for loaded in loader.load_all(folder, facts_cache) if folder.is_dir() else []:
            if loaded.error:
                log.warning("briefs: skipped a broken fact file: %s", loaded.error)
            elif loaded.brief.id == "index":
                log.warning("briefs: %s: 'index' is reserved and cannot be a brief id", loaded.path)
            else:
                briefs.append(loaded.brief)

        layout = Layout(prefix=cfg.prefix.strip("/"), entities_prefix=cfg.entities_prefix.strip("/"),
                        tags_prefix=cfg.tags_prefix.strip("/"), archive_prefix=cfg.archive_prefix.strip("/"),
                        use_directory_urls=config.use_directory_urls,
                        site_url=config.site_url or None)
        self.site = site = Site(briefs, layout)
        # custom templates may write Markdown: then every page goes through it
        overridden = any(d.is_dir() and any(d.rglob("*.j2")) for d in custom)
        self._fast = None if overridden else fastmd.FastPages(config)
        env = pages.make_env(custom)
        cache = (self.root / cfg.cache_dir) if cfg.cache_dir else None
        self.svg = SvgRenderer(cache) if cfg.charts else None
        jobs = [("brief", b.id) for b in sorted(site.briefs, key=lambda b: b.id)]
        jobs += [("entity", slug) for slug in sorted(site.entities) if site.entities[slug].has_page]
        if self.svg is not None:  # the charts not in the cache, drawn in parallel before any page
            if workers.will_fork(len(jobs)):
                self.svg.ensure(_chart_specs(site))  # all of them: the forked workers must not draw any
            else:
                self.svg.prefetch(_chart_specs(site))
        render = pages.Renderer(site, env, config.site_name, self.svg, charts=cfg.charts, briefs_dir=cfg.briefs_dir,
                                entity_limit=cfg.entity_limit)
        self.page_meta = {}
        feed = "feed.xml" if cfg.feed else None

        self._pack = later.Held.for_pages(len(jobs))
        self.later = later.SiteFiles(Path(config.site_dir), lambda: self._writer or self._open_writer(config))

        def add(uri: str, *, content: str | None = None, path: Path | None = None,
                inclusion=InclusionLevel.NOT_IN_NAV, meta: dict | None = None, late: bool = False) -> None:
            if files.get_file_from_path(uri) is not None or uri in self.later:
                log.warning("briefs: %s already exists in the docs; the generated one is skipped", uri)
                return
            if late:  # written now, never held (later.py)
                self.later.add(uri, content)
                return
            if meta is not None and content is not None:  # a page: its Markdown waits (on_page_read_source)
                self._md[uri] = self._pack.pack(content)
                f = File.generated(config, uri, content="", inclusion=inclusion)
            elif content is not None:
                f = File.generated(config, uri, content=content, inclusion=inclusion)
            else:
                f = File.generated(config, uri, abs_src_path=str(path), inclusion=inclusion)
            files.append(f)
            if meta is not None:
                self.page_meta[uri] = {"json": None, "csv": None, "charts": False, "feed": feed,
                                       "vega": f"{ASSET_DIR}/vega-bundle.min.js", "date": None, **meta}

        for uri, path in ASSETS.items():
            add(uri, path=path, inclusion=InclusionLevel.INCLUDED)

        if cfg.index:
            if files.get_file_from_path("index.md") is None:
                add("index.md", content=render.index(cfg.index_limit), inclusion=InclusionLevel.INCLUDED, meta={})
                if cfg.index_limit and len(site.briefs) > cfg.index_limit:
                    for year, briefs_of_year in site.by_year():
                        md, months = render.archive(year, briefs_of_year, cfg.archive_limit)
                        add(layout.archive_uri(year), content=md, meta={})
                        for uri, month_md in months:  # a year of more than archive_limit briefs
                            add(uri, content=month_md, meta={})
            else:
                log.info("briefs: docs/index.md exists, so the home page does not list the briefs")

        # the site model lives to the end of the build: out of the collector's sight until
        # then, full collections (main process and forked workers) skip it (on_post_build undoes it)
        gc.freeze()
        # the site's facts.json/facts.csv are the briefs' own joined, written as they come
        downloads = None
        if cfg.site_downloads:
            taken = [n for n in ("facts.json", "facts.csv") if files.get_file_from_path(n) is not None]
            for name in taken:
                log.warning("briefs: %s already exists in the docs; the generated one is skipped", name)
            if not taken:
                downloads = pages.SiteDownloads(Path(config.site_dir), config.site_name)
        made = workers.render_all(render, jobs)  # in the order of ``jobs``, taken as they come
        try:
            for b in sorted(site.briefs, key=lambda b: b.id):
                m = next(made)
                add(layout.brief_uri(b.id), content=m.md, meta={
                    "json": layout.download_uri(b.id, "json"), "csv": layout.download_uri(b.id, "csv"),
                    "charts": m.has_charts, "date": b.source.published})
                add(layout.download_uri(b.id, "json"), content=m.facts_json, late=True)
                add(layout.download_uri(b.id, "csv"), content=m.facts_csv, late=True)
                for uri, svg in m.svgs:
                    add(uri, content=svg, late=True)
                if downloads is not None and layout.download_uri(b.id, "json") in self.later \
                        and layout.download_uri(b.id, "csv") in self.later:
                    downloads.add(m.facts_json, m.facts_csv)
        finally:
            if downloads is not None:
                downloads.close()

        entities_md, initials = render.entities_index()
        add(f"{layout.entities_prefix}/index.md", content=entities_md, inclusion=InclusionLevel.INCLUDED, meta={})
        for uri, md in initials:  # more names than one page should hold: a page per initial
            add(uri, content=md, meta={})
        for slug in sorted(site.entities):
            if not site.entities[slug].has_page:  # named once, nothing of its own: a redirect to that brief
                add(layout.entity_redirect_uri(slug), content=render.entity_redirect(slug))
                continue
            m = next(made)
            add(layout.entity_uri(slug), content=m.md, meta={"charts": m.has_charts})
            for uri, svg in m.svgs:
                add(uri, content=svg, late=True)
            for uri, md in m.more:  # its year pages, when it is named in more than entity_limit briefs
                add(uri, content=md, meta={})

        if next(made, None) is not None:  # also ends the worker pool
            raise RuntimeError("briefs: more pages were made than asked for")

        add(f"{layout.tags_prefix}/index.md", content=render.tags_index(), inclusion=InclusionLevel.INCLUDED, meta={})
        for slug in sorted(site.tags):
            add(layout.tag_uri(slug), content=render.tag(slug), meta={})

        claimed: dict[str, str] = {}
        for b in sorted(site.briefs, key=lambda b: b.id):
            for old in sorted(set(b.redirect_from)):
                if old in site.by_id or old in claimed:
                    other = old if old in site.by_id else claimed[old]
                    log.warning("briefs: %s: redirect_from %r is already taken by %s; no redirect made",
                                b.id, old, other)
                    continue
                claimed[old] = b.id
                add(layout.redirect_uri(old), content=render.redirect(old, b.id))

        if cfg.feed:
            add("feed.xml", content=render.feed(cfg.feed_limit))
        if self.svg is not None:
            self.svg.release()
        # every page is made: the site model (and through it the briefs, ~32 KB
        # each) is not needed any more, while MkDocs now holds every page object
        self._newest = site.newest_date
        self._summary = (len(site.briefs), sum(g.has_page for g in site.entities.values()), len(site.tags))
        self.site = None
        return files

    def on_serve(self, server, config, builder):
        """Live reload on edits of the fact files and the seeds. Watched from
        here, not from ``watch:`` in mkdocs.yml, because MkDocs rejects a watch
        path that does not exist, and a fresh clone has no ``briefs/``."""
        if not self.config.enabled:
            return server
        watched = {str(Path(w).resolve()) for w in config.watch}
        for name in (self.config.briefs_dir, self.config.seeds_dir):
            folder = (self.root / name).resolve() if name else None
            if folder is not None and folder.is_dir() and str(folder) not in watched:
                server.watch(str(folder))
                watched.add(str(folder))
        return server

    def on_pre_page(self, page, config, files):
        """Sitemap ``lastmod`` from publication dates, not today, so that two
        builds of the same facts are byte-identical (unless SOURCE_DATE_EPOCH is set)."""
        if self.config.enabled and self.config.reproducible and not os.environ.get("SOURCE_DATE_EPOCH"):
            meta = self.page_meta.get(page.file.src_uri) or {}
            date = meta.get("date") or self._newest
            if date:
                page.update_date = date
        return page

    def on_page_markdown(self, markdown, page, config, files):
        """Plugin pages are HTML blocks between ``## `` headings: Python-Markdown
        would only re-parse that HTML (with ``html.parser``) and walk it for
        links, the largest cost of a plugin page after the theme. Such pages
        skip it (``fastmd.render``); anything else (a custom template that
        writes Markdown, say) goes through Markdown as usual."""
        if self.config.enabled and self._fast is not None and page.file.src_uri in self.page_meta:
            page.render = functools.partial(self._fast.render_page, page)
        return markdown

    def on_env(self, env, config, files):
        """Plugin pages are rendered from shells (``shell.py``) when ``briefs.html``
        is the plugin's own (an override of it renders every page in full)."""
        self.shells = None
        if not self.config.enabled:
            return env
        env.auto_reload = False  # a new environment every build: no stat() per include
        env.bytecode_cache = shell.bytecode_cache(self._cache_root())  # Material's templates compiled once
        try:
            source = env.loader.get_source(env, "briefs.html")[1]
        except Exception:  # noqa: BLE001 - no template: nothing to shell
            source = None
        if source and Path(source).resolve() == (pages.THEME_DIR / "briefs.html").resolve():
            self.shells = shell.Shells(env, compact=pages.compact_html)
        return env

    def on_page_read_source(self, page, config):
        """A plugin page's Markdown, held since ``on_files`` (compressed on big
        sites: MkDocs would hold every page's source until it reads them)."""
        held = self._md.pop(page.file.src_uri, None) if self.config.enabled else None
        return later.Held.unpack(held) if held is not None else None

    @event_priority(-100)  # last: every plugin has seen the HTML
    def on_page_content(self, html, page, config, files):
        """MkDocs reads every page before it writes any, so it would hold the
        HTML of all pages at once (~0.4 GB at 10,000 briefs). Between the two
        passes a plugin page's HTML waits, compressed on big sites (~5x smaller);
        ``on_page_context`` puts it back and ``on_post_page`` lets it go."""
        if self.config.enabled and page.file.src_uri in self.page_meta and html:
            self._held[page.file.src_uri] = self._pack.pack(html)
            return ""
        return html

    @event_priority(100)  # first: the HTML is back before any other plugin (search) reads it
    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return context
        held = self._held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = later.Held.unpack(held)
        context["briefs_page"] = self.page_meta.get(page.file.src_uri)
        if self._shelled(page):
            # filled when the template prints it: after every plugin's on_page_context
            context["briefs_output"] = _Deferred(lambda: self.shells.render(context, page))
        return context

    def _shelled(self, page) -> bool:
        """A plugin page whose HTML comes from ``self.shells`` (compacted there)."""
        return (page.file.src_uri in self.page_meta and self.shells is not None
                and page.meta.get("template") == "briefs.html")

    def _post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        if page.file.src_uri in self.page_meta:
            page.content = ""  # written: not needed again
        # Material's search dialog has no accessible name (axe: aria-dialog-name)
        output = output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)
        if page.file.src_uri in self.page_meta and not self._shelled(page):
            return pages.compact_html(output)
        return output

    @event_priority(-100)  # last: every plugin has had the page's HTML
    def _post_page_write(self, output, page, config):
        if not self.config.enabled or page.file.src_uri not in self.page_meta or not output.strip():
            return output
        if self._writer is None:
            self._open_writer(config)
        self._writer.write(page.file.abs_dest_path, output.encode("utf-8", errors="xmlcharrefreplace"))
        self._written.uris.add(page.file.src_uri)
        return ""

    on_post_page = CombinedEvent(_post_page, _post_page_write)

    def _open_writer(self, config) -> Writer:
        """The build's file writer; in a build made in the previous site's
        folder, it leaves files that already hold their bytes (``publish.Reuse``)."""
        self._writer = Writer(keep_same=publish.reused_since(config.site_dir) is not None)
        self._written.uris.clear()
        _BUILD_LOG.addFilter(self._written)
        return self._writer

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        _BUILD_LOG.removeFilter(self._written)

    def on_build_error(self, error):
        self._close_writer()
        gc.unfreeze()

    @event_priority(100)  # first: other plugins' on_post_build may read the pages from disk
    def _pages_on_disk(self, config):
        if self._writer is not None:
            try:
                self._writer.wait()
            except BaseException:
                self._close_writer()
                raise

    def _post_build(self, config):
        try:
            self._finish_site(config)
        finally:
            self._close_writer()
            gc.unfreeze()

    on_post_build = CombinedEvent(_pages_on_disk, _post_build)

    def _let_go(self) -> None:
        """Release what only the pages needed (chart renderer, shells) and
        hand the memory back to the system: Pagefind runs next, in
        a process of its own, beside this one (about 150 MB less held at
        10,000 briefs). The next build makes them anew."""
        self.site = self.svg = self.shells = self._fast = None
        memtrim.release()

    def _finish_site(self, config):
        publish.sweep_stale_pages(config.site_dir)  # a build in the previous site's folder: its old pages go
        search = self.config.enabled and self.config.search == "pagefind"  # also under `mkdocs serve`
        cache_root = self._cache_root()
        pagefind_cache = cache_root / "pagefind" if cache_root else None
        key = ""
        if search and pagefind_cache is not None:  # every HTML page is on disk (_pages_on_disk)
            key = pagefind.cache_key(config.site_dir, self._writer.stamps if self._writer is not None else None,
                                     self.config.search_shard_pages)
        self.later = None
        if self.config.enabled and self._summary is not None:
            svg = self.svg
            log.info("briefs: %d briefs, %d entity pages, %d tag pages; charts rendered %d, from cache %d",
                     *self._summary, svg.rendered if svg else 0, svg.cached if svg else 0)
        if search:  # when Pagefind runs (not from its cache), the memory of the pages goes back first
            pagefind.build_index(config.site_dir, cwd=self.root, cache=pagefind_cache, key=key,
                                 shard_pages=self.config.search_shard_pages, before_run=self._let_go)
        if self._writer is not None:
            self._writer.wait()
