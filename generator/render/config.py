"""Options of the ``briefs`` MkDocs plugin (``plugins: - briefs: {...}`` in mkdocs.yml).

Every option is documented in docs/fact-files.md ("Plugin options");
tests/render/test_docs.py fails when one is not.
"""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class BriefsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # folder of fact files briefs/<id>.yaml, relative to mkdocs.yml
    briefs_dir = c.Type(str, default="briefs")
    # folder of source articles; `mkdocs serve` also reloads when it changes ("" : not watched)
    seeds_dir = c.Type(str, default="seeds")
    # URL folders of brief, entity and tag pages
    prefix = c.Type(str, default="briefs")
    entities_prefix = c.Type(str, default="entities")
    tags_prefix = c.Type(str, default="tags")
    # site-wide /facts.json and /facts.csv
    site_downloads = c.Type(bool, default=True)
    # Atom feed at /feed.xml with the newest `feed_limit` briefs
    feed = c.Type(bool, default=True)
    feed_limit = c.Type(int, default=50)
    # charts: SVG cache folder (relative to mkdocs.yml); "" disables the disk cache
    charts = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".briefs-cache/charts")
    # the home page lists the briefs unless docs/ has its own index.md:
    # the newest `index_limit` (0: all), older ones on /archive/<year>/ pages (a
    # year of more than `archive_limit` briefs: on /archive/<year>/<month>/ pages)
    index = c.Type(bool, default=True)
    index_limit = c.Type(int, default=100)
    archive_prefix = c.Type(str, default="archive")
    archive_limit = c.Type(int, default=400)
    # an entity named in more than `entity_limit` briefs (0: no limit) lists the
    # newest of them and of its quotes and the latest figure of each measure; all
    # of them are on /<entities_prefix>/<slug>/<year>/ pages
    entity_limit = c.Type(int, default=40)
    # pages' sitemap dates from publication dates instead of the build date
    reproducible = c.Type(bool, default=True)
    # site search: "material" (lunr; every search downloads the whole index) or
    # "pagefind" (generator/render/pagefind.py: indexed after the build, a query
    # fetches only the chunks it needs; needs the pagefind[bin] package)
    search = c.Choice(("material", "pagefind"), default="material")
    # with search: pagefind, a site of more HTML files than this is indexed in
    # shards of at most this many (Pagefind holds its whole index in memory)
    search_shard_pages = c.Type(int, default=6500)
