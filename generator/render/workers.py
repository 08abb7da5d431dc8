"""Brief and entity pages rendered in worker processes.

Making the plugin's pages (their view data, Jinja templates, downloads) is most
of ``on_files``, and each page is independent of the others. From
``PARALLEL_FROM`` pages on, on a machine with more than one core, it runs in a
pool of *forked* processes that inherit the site model (nothing is pickled on
the way in). What comes back is plain text, in the order the pages were asked
for: each page's Markdown, its downloads and its chart SVGs. The site is
therefore the same, byte for byte, as one made in a single process (tested).

Forking a process that holds threads is only safe when the children never use
what those threads serve: every chart is drawn before the pool starts
(``SvgRenderer.svg`` then only reads its memo), and ``mkdocs serve`` (a
server thread, live reload) renders in one process. Off Linux the pages are
made in one process too.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
from dataclasses import dataclass, field
from typing import Iterator

from generator.charts import cores
from generator.render import pages

ENABLED = True
PARALLEL_FROM = 400  # pages; below this a pool costs more than it saves


@dataclass
class Made:
    """One brief or entity page: what ``on_files`` publishes for it."""
    md: str
    has_charts: bool
    svgs: list[tuple[str, str]]    # (docs-relative uri, SVG) of its charts
    facts_json: str = ""           # briefs only: facts.json and facts.csv
    facts_csv: str = ""
    more: list[tuple[str, str]] = field(default_factory=list)  # entities: year pages (uri, Markdown)


_RENDER: pages.Renderer | None = None  # set in the parent, inherited by the forked workers


def make(render: pages.Renderer, job: tuple[str, str]) -> Made:
    """``job``: ("brief", brief id) or ("entity", slug)."""
    kind, key = job
    site = render.site
    if kind == "brief":
        b = site.by_id[key]
        md, view = render.brief(b)
        return Made(md, bool(view["charts"]), [(c.svg_uri, c.svg) for c in view["charts"] if c.svg],
                    pages.to_json(pages.brief_facts(site, b)), pages.to_csv(pages.csv_rows(site, b)))
    md, view, more = render.entity(key)
    return Made(md, bool(view["charts"]), [(c.svg_uri, c.svg) for c in view["charts"] if c.svg], more=more)


def _made_in_worker(job: tuple[str, str]) -> Made:
    assert _RENDER is not None, "a worker without the site: not forked from render_all"
    return make(_RENDER, job)


def can_fork() -> bool:
    """Whether forking is safe here: Linux (macOS has ``fork`` but its system
    libraries do not survive it), and no other Python thread (a server, say)."""
    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def will_fork(n_jobs: int) -> bool:
    return ENABLED and n_jobs >= PARALLEL_FROM and cores() >= 2 and can_fork()


def render_all(render: pages.Renderer, jobs: list[tuple[str, str]]) -> Iterator[Made]:
    """``make`` for every job, in order; in forked workers when ``will_fork``."""
    processes = min(cores(), 8)
    if not will_fork(len(jobs)):
        for job in jobs:
            yield make(render, job)
        return
    global _RENDER
    _RENDER = render
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield from pool.imap(_made_in_worker, jobs, chunksize=max(1, len(jobs) // (processes * 16)))
    finally:
        _RENDER = None
