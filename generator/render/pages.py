"""View data -> Markdown pages, facts.json, facts.csv, the Atom feed and
redirect pages. No mkdocs import: the plugin calls these and hands the strings
to MkDocs as generated files.

Like Datasette's table view, one function builds a brief's view data
(``brief_view``) and every format renders that same data.

All markup lives in Jinja2 templates (``templates/``), rendered by one
``jinja2.Environment`` with autoescape on and ``StrictUndefined``. Fact texts
come from articles and are hostile: in HTML they are escaped by autoescape, in
Markdown by the ``md`` filter, in JSON-in-HTML by ``json_script``.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import charts as chartlib
from generator.cite import citation, md_escape, safe_url
from generator.render import fmt
from generator.render.site import Layout, Site, by_year, relpath

TEMPLATES = Path(__file__).parent / "templates"
THEME_DIR = TEMPLATES / "theme"  # brief.html etc., appended to the MkDocs theme dirs
ASSETS = Path(__file__).parent / "assets"

CSV_COLUMNS = [
    "brief_id", "published", "fact_id", "subject", "metric", "value", "value_high", "unit",
    "period", "approximate", "source", "evidence", "permalink",
]


# --- Jinja2 ----------------------------------------------------------------

def _md(text) -> Markup:
    """Markdown-escape: the text renders as itself, never as Markdown or HTML."""
    return Markup(md_escape(str(text) if text is not None else ""))


def _json_script(data) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&'
    can end the element or open a comment."""
    s = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    s = s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    s = s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(s)


class _Environment(jinja2.Environment):
    """Jinja's ``x.name`` tries ``getattr(x, "name")`` first and ``x["name"]``
    after the AttributeError; the page views are plain dicts, read ~200 times
    a page, so for a dict the key is tried first (a key named like a dict
    method would win over the method: the views have none)."""

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_env(override_dirs: list[Path] | tuple = ()) -> jinja2.Environment:
    """Templates from ``<custom_dir>/briefs`` (if any) first, then the package's."""
    loaders = [jinja2.FileSystemLoader(str(d)) for d in override_dirs if Path(d).is_dir()]
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # made anew each build: no stat() of every template at each include
    )
    env.filters["md"] = _md
    env.filters["json_script"] = _json_script
    env.filters["one_line"] = fmt.one_line
    env.filters["date"] = fmt.date
    env.filters["period"] = fmt.period
    env.filters["tojson"] = lambda v: Markup(json.dumps(v, ensure_ascii=True).replace("<", "\\u003c")
                                             .replace(">", "\\u003e").replace("&", "\\u0026"))
    return env


_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)


def compact_html(html: str) -> str:
    """Collapse the theme's indentation (whitespace runs with a newline become
    one newline), leaving <pre>, <textarea>, <script> and <style> alone.
    Rendering is unchanged; a brief page loses ~3 KB."""
    parts = _KEEP.split(html)
    out = []
    i = 0
    while i < len(parts):
        out.append(re.sub(r"[ \t\r]*\n\s*", "\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])  # the kept element (group 1); group 2 is its tag name
        i += 3
    return "".join(out)


# --- view data -------------------------------------------------------------

def _metric_row(site: Site, brief, m, here: str) -> dict:
    g = site.lookup(brief.id, m.subject)
    return {
        "id": m.id,
        "subject": fmt.one_line(m.subject),
        "subject_url": _entity_url(site, g, here) if g else None,
        "measure": fmt.one_line(m.metric),
        "value": fmt.value(m.value, m.unit, m.value_high, m.approximate),
        "unit": m.unit,
        "period": fmt.period(m.period),
        "period_iso": m.period or "",
        "source": fmt.one_line(m.source),
        "evidence": fmt.one_line(m.evidence),
        "evidence_same": False,
        "evidence_last": True,
    }


def _quote_row(site: Site, brief, q, here: str) -> dict:
    g = site.lookup(brief.id, q.speaker)
    role = fmt.one_line(q.role) or (site.brief_roles(brief).get(g.slug, "") if g else "")
    return {
        "id": q.id,
        "speaker": fmt.one_line(q.speaker) or "Unattributed",
        "speaker_url": _entity_url(site, g, here) if g else None,
        "role": role,
        "text": fmt.one_line(q.text),
        "evidence": fmt.one_line(q.evidence),
    }


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _named_in(text: str, words) -> bool:
    """Whether ``text`` names one of ``words`` as a whole word, ignoring case
    ("Seres" in "Seres's sales", not in "Sereson"). Plain string search: a
    regex per entity name cost more to compile than to run."""
    low = text.casefold()
    for w in words:
        k = w.casefold() if w else ""
        i = low.find(k) if k else -1
        while i >= 0:
            j = i + len(k)
            if (i == 0 or not _is_word_char(low[i - 1])) and (j == len(low) or not _is_word_char(low[j])):
                return True
            i = low.find(k, i + 1)
    return False


def _lead_entities(brief, groups: list) -> list:
    """The entities a brief's headline or summary names (else all of them), in order."""
    lead = fmt.one_line(f"{brief.headline or brief.source.title or ''} {brief.summary or ''}")
    named = [g for g in groups if _named_in(lead, [g.name, *g.aliases])]
    return named or groups


def _entity_url(site: Site, g, here: str) -> str | None:
    """Link to an entity's page; None for an entity without one (see ``EntityGroup.has_page``)."""
    return site.layout.rel(site.layout.entity_uri(g.slug), here) if g.has_page else None


def _brief_card(site: Site, brief, here: str) -> dict:
    """A brief in a list (home, tag and entity pages)."""
    cache = site.__dict__.setdefault("_cards", {})  # brief id -> (what is the same on every page, lead entities)
    hit = cache.get(brief.id)
    if hit is None:
        ents = site.brief_entities(brief)
        lead = _lead_entities(brief, [g for g in ents if g.type in ("org", "brand")])[:4]
        hit = cache[brief.id] = ({
            "id": brief.id,
            "title": fmt.one_line(brief.headline or brief.source.title or brief.id),
            "published": brief.source.published or "",
            "date": fmt.date(brief.source.published),
            "summary": fmt.one_line(brief.summary),
            "n_figures": len(brief.visible_metrics()),
            "n_quotes": len(brief.visible_quotes()),
        }, lead)
    fixed, lead = hit
    return {**fixed, "url": site.layout.rel(site.layout.brief_uri(brief.id), here),
            "companies": [{"name": g.name, "url": _entity_url(site, g, here)} for g in lead]}


ENTITY_GROUPS = (("org", "Companies and organisations"), ("brand", "Brands"), ("product", "Products"),
                 ("person", "People"))
_INITIAL_LABELS = {"0-9": "0–9", "other": "Other"}


def _initial_label(key: str) -> str:
    """How an ``_initial`` key is shown: "A", "0–9", "Other"."""
    return _INITIAL_LABELS.get(key, key.upper())


def _initial(name: str) -> str:
    """Where a name goes in the index by initial: "a" to "z" (accents dropped),
    "0-9", or "other"."""
    first = unicodedata.normalize("NFKD", name.strip()[:1].casefold())[:1]
    if "a" <= first <= "z":
        return first
    return "0-9" if first.isdigit() else "other"


def _entity_groups(site: Site, brief, here: str) -> list[dict]:
    """The brief's entities by type (companies, brands, products, people), each
    in the order the brief names them."""
    ents, roles = site.brief_entities(brief), site.brief_roles(brief)
    out = []
    for etype, label in ENTITY_GROUPS:
        items = [{"name": g.name, "type": g.type, "url": _entity_url(site, g, here), "role": roles.get(g.slug, "")}
                 for g in ents if g.type == etype]
        if items:
            out.append({"type": etype, "label": label, "members": items})
    return out


def _header_tags(site: Site, brief, limit: int = 6) -> list[str]:
    """Tags shown under the summary: the brief's own tags, then the organisations
    its headline or summary names (else the first few it names). An org links to
    its entity page; all of them are listed under "Companies and people"."""
    names = site.brief_tag_names(brief)
    own_folded = {fmt.one_line(t).casefold() for t in brief.tags}
    own = [n for n in names if n.casefold() in own_folded]
    orgs = [n for n in names if n.casefold() not in own_folded]
    lead = fmt.one_line(f"{brief.headline or brief.source.title or ''} {brief.summary or ''}")

    def named(n: str) -> bool:
        g = site.lookup(brief.id, n)
        return _named_in(lead, [n] + (g.aliases if g else []))

    picked = [n for n in orgs if named(n)] or orgs
    return own + picked[:max(0, limit - len(own))]


def _host(url: str | None) -> str:
    """'https://www.bloomberg.com/news/…' -> 'bloomberg.com' (the link text of a bare source URL)."""
    m = re.match(r"^https?://(?:www\.)?([^/?#:]+)", url or "", re.IGNORECASE)
    return m.group(1).lower() if m else "the original article"


def _place_charts(charts, uri_of, here: str, layout: Layout):
    for c in charts:
        c.svg_uri = uri_of(c.id)
        c.svg_url = layout.rel(c.svg_uri, here)
    return charts


def brief_view(site: Site, brief, renderer: chartlib.SvgRenderer | None, site_name: str = "Market briefs",
               charts: bool = True, briefs_dir: str = "briefs") -> dict:
    """Everything the brief page, its facts.json and facts.csv show."""
    L = site.layout
    here = L.brief_uri(brief.id)
    src = brief.source
    metrics = brief.visible_metrics()
    rows = [_metric_row(site, brief, m, here) for m in metrics]
    # figures stated by one sentence share one evidence line, under the last of them
    for prev, row in zip(rows, rows[1:]):
        row["evidence_same"] = row["evidence"] == prev["evidence"]
    for row, nxt in zip(rows, rows[1:] + [None]):
        row["evidence_last"] = nxt is None or not nxt["evidence_same"]
    charts = chartlib.render(chartlib.comparable_groups(metrics), renderer) if charts else []
    _place_charts(charts, lambda cid: L.brief_chart_uri(brief.id, cid), here, L)
    cite = citation(brief, None, L.site_url, prefix=L.prefix, use_directory_urls=L.use_directory_urls,
                    site_name=site_name)
    return {
        "id": brief.id,
        "title": fmt.one_line(brief.headline or src.title or brief.id),
        "summary": fmt.one_line(brief.summary),
        "source": {
            "title": fmt.one_line(src.title),
            "url": safe_url(src.url),
            "authors": fmt.join_names([fmt.one_line(a) for a in src.authors]),
            "publisher": fmt.one_line(src.publisher),
            "published": src.published or "",
            "date": fmt.date(src.published),
            # the source's title, unless it only repeats the page's headline
            "distinct_title": fmt.one_line(src.title)
            if fmt.one_line(src.title).casefold() != fmt.one_line(brief.headline or src.title).casefold() else "",
            "host": _host(src.url),
            "seed": fmt.one_line(brief.provenance.seed),
            # (not the extractor version: it would change every page on every extractor change)
        },
        "metrics": rows,
        "quotes": [_quote_row(site, brief, q, here) for q in brief.visible_quotes()],
        "entities": [{"name": g.name, "type": g.type, "url": _entity_url(site, g, here),
                      "role": site.brief_roles(brief).get(g.slug, "")} for g in site.brief_entities(brief)],
        "entity_groups": _entity_groups(site, brief, here),
        "tags": [{"name": name, "url": L.rel(uri, here)}
                 for name, uri in (site.tag_link(brief, n) for n in _header_tags(site, brief)) if uri],
        "charts": charts,
        "cite": cite,
        "fact_file": f"{briefs_dir.strip('/') or '.'}/{brief.id}.yaml",
        "json_url": L.rel(L.download_uri(brief.id, "json"), here),
        "csv_url": L.rel(L.download_uri(brief.id, "csv"), here),
        "home_url": L.rel("index.md", here),
    }


def _entity_rows(site: Site, metrics, quotes, here: str) -> tuple[list[dict], list[dict]]:
    """An entity's figures (by measure, unit, period, report date) and quotes
    (as given: newest brief first), linked from the page ``here``."""
    L = site.layout
    rows = []
    for b, m in metrics:
        r = _metric_row(site, b, m, here)
        r["brief_url"] = L.rel(L.brief_uri(b.id), here, m.id)
        r["brief_title"] = fmt.one_line(b.headline or b.source.title or b.id)
        r["published"] = b.source.published or ""
        r["brief_date"] = fmt.date(b.source.published)
        rows.append(r)
    # by measure (figures without one last), unit, period, report date
    rows.sort(key=lambda r: (not r["measure"], r["measure"].casefold(), r["unit"], r["period_iso"], r["published"],
                             r["id"]))
    out_quotes = []
    for b, q in quotes:
        r = _quote_row(site, b, q, here)
        r["brief_url"] = L.rel(L.brief_uri(b.id), here, q.id)
        r["brief_title"] = fmt.one_line(b.headline or b.source.title or b.id)
        r["date"] = fmt.date(b.source.published)
        out_quotes.append(r)
    return rows, out_quotes


def _latest_per_measure(rows: list[dict]) -> list[dict]:
    """One figure per measure and unit: the latest period (a figure without
    one counts as oldest), then the latest report. ``rows`` as _entity_rows sorts them."""
    latest: dict[tuple[str, str], dict] = {}
    for r in rows:
        k = (r["measure"].casefold(), r["unit"])
        if k not in latest or (r["period_iso"], r["published"]) >= (latest[k]["period_iso"], latest[k]["published"]):
            latest[k] = r
    return [r for r in rows if latest.get((r["measure"].casefold(), r["unit"])) is r]


def _neighbours(labels: list[str], i: int, uri_of, here: str, layout: Layout) -> tuple[dict | None, dict | None]:
    """The links from page ``i`` of a series (``labels``, newest first; page
    ``k`` at ``uri_of(labels[k])``) to the newer and the older page, or None."""
    def link(k: int) -> dict | None:
        return {"label": labels[k], "url": layout.rel(uri_of(labels[k]), here)} if 0 <= k < len(labels) else None

    return link(i - 1), link(i + 1)


def entity_years(site: Site, slug: str, limit: int) -> list[tuple[str, list]]:
    """The year pages of an entity named in more than ``limit`` briefs (0: no
    limit): (year or "undated", its briefs newest first), newest year first.
    Empty when everything fits on the entity page."""
    g = site.entities[slug]
    if not limit or len(g.brief_ids) <= limit:
        return []
    return by_year([site.by_id[i] for i in g.brief_ids])


def entity_view(site: Site, slug: str, renderer: chartlib.SvgRenderer | None, charts: bool = True,
                limit: int = 0, years: list[tuple[str, list]] | None = None) -> dict:
    """The entity page. Named in more than ``limit`` briefs (0: no limit), it
    lists the newest ``limit`` briefs and quotes and the latest figure of each
    measure, and links to year pages (``entity_year_view``) holding all of them.
    ``years``: ``entity_years(site, slug, limit)``, when the caller has it."""
    L = site.layout
    g = site.entities[slug]
    here = L.entity_uri(slug)
    years = entity_years(site, slug, limit) if years is None else years
    rows, quotes = _entity_rows(site, g.metrics, g.quotes[:limit] if years else g.quotes, here)
    series = chartlib.render(chartlib.series_groups([m for _, m in g.metrics]), renderer) if charts else []
    _place_charts(series, lambda cid: L.entity_chart_uri(slug, cid), here, L)
    brief_ids = g.brief_ids[:limit] if years else g.brief_ids
    return {
        "slug": slug, "name": g.name, "type": g.type, "aliases": g.aliases, "roles": g.roles,
        "n_briefs": len(g.brief_ids), "n_metrics": len(g.metrics), "n_quotes": len(g.quotes),
        "briefs": [_brief_card(site, site.by_id[i], here) for i in brief_ids],
        "metrics": _latest_per_measure(rows) if years else rows, "charts": series, "quotes": quotes,
        "years": [{"year": y, "count": len(bs), "url": L.rel(L.entity_year_uri(slug, y), here)} for y, bs in years],
        "home_url": L.rel("index.md", here),
        "entities_url": L.rel(f"{L.entities_prefix}/index.md", here),
    }


def entity_year_view(site: Site, slug: str, year: str, briefs: list, years: list[str]) -> dict:
    """An entity's briefs of one year with their figures and quotes of it.
    ``years``: every year page of the entity, newest first (for the links to
    the next and previous)."""
    L = site.layout
    g = site.entities[slug]
    here = L.entity_year_uri(slug, year)
    ids = {b.id for b in briefs}
    rows, quotes = _entity_rows(site, [(b, m) for b, m in g.metrics if b.id in ids],
                                [(b, q) for b, q in g.quotes if b.id in ids], here)
    newer, older = _neighbours(years, years.index(year), lambda y: L.entity_year_uri(slug, y), here, L)
    return {
        "slug": slug, "name": g.name, "year": year,
        "briefs": [_brief_card(site, b, here) for b in briefs], "metrics": rows, "quotes": quotes,
        "newer": newer, "older": older,
        "entity_url": L.rel(L.entity_uri(slug), here),
    }


# --- downloads -------------------------------------------------------------

def _num(v):
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def brief_facts(site: Site, brief) -> dict:
    """facts.json of one brief: CONTRACT.md's shape plus ids, anchors and permalinks."""
    L = site.layout
    uri = L.brief_uri(brief.id)
    src = brief.source
    return {
        "id": brief.id,
        "url": L.absolute(uri),
        "headline": brief.headline,
        "summary": brief.summary,
        "tags": list(brief.tags),
        "source": {"title": src.title, "published": src.published, "authors": list(src.authors),
                   "publisher": src.publisher, "url": safe_url(src.url)},
        "body": None,  # the article text is not republished
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "role": e.role,
             "url": (L.absolute(L.entity_uri(g.slug)) if (g := site.lookup(brief.id, e.name)) else None)}
            for e in brief.visible_entities()
        ],
        "metrics": [
            {"id": m.id, "anchor": f"#{m.id}", "permalink": L.absolute(uri, m.id),
             "subject": m.subject, "metric": m.metric, "value": _num(m.value), "value_high": _num(m.value_high),
             "unit": m.unit, "period": m.period, "approximate": m.approximate, "source": m.source,
             "evidence": m.evidence}
            for m in brief.visible_metrics()
        ],
        "quotes": [
            {"id": q.id, "anchor": f"#{q.id}", "permalink": L.absolute(uri, q.id),
             "speaker": q.speaker, "role": q.role, "text": q.text, "evidence": q.evidence}
            for q in brief.visible_quotes()
        ],
    }


def to_json(data) -> str:
    """Compact JSON, one line (C encoder; ``indent`` would take the pure-Python one, 3x slower)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


class SiteDownloads:
    """The site's ``facts.json`` and ``facts.csv``, the briefs' own (``to_json``
    and ``to_csv`` output) joined, written as the briefs come (``add``, in
    the order the site lists them) and never held whole: the same text as
    ``to_json({"site": site_name, "briefs": [...]})`` and as ``to_csv`` of all
    the rows. ``close()`` ends both files (the plugin closes them after an
    error too: that build fails, and its folder is not published)."""

    def __init__(self, site_dir: Path, site_name: str) -> None:
        site_dir.mkdir(parents=True, exist_ok=True)
        self._header = to_csv([])
        self._json = open(site_dir / "facts.json", "w", encoding="utf-8", newline="")
        try:
            self._csv = open(site_dir / "facts.csv", "w", encoding="utf-8", newline="")
        except OSError:
            self._json.close()
            raise
        self._json.write('{"site":' + json.dumps(site_name, ensure_ascii=False) + ',"briefs":[')
        self._csv.write(self._header)
        self._count = 0

    def add(self, brief_json: str, brief_csv: str) -> None:
        assert brief_csv.startswith(self._header)
        self._json.write(("," if self._count else "") + brief_json.rstrip("\n"))
        self._csv.write(brief_csv[len(self._header):])
        self._count += 1

    def close(self) -> None:
        if not self._json.closed:
            self._json.write("]}\n")
        self._json.close()
        self._csv.close()


def _cell(v) -> str:
    """A CSV cell. Text that a spreadsheet would run as a formula
    (=, +, -, @, tab, CR first) gets a leading apostrophe; numbers stay numbers."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(_num(v))
    s = str(v)
    if s[:1] in ("=", "+", "-", "@", "\t", "\r"):
        s = "'" + s
    return s


def csv_rows(site: Site, brief) -> list[list[str]]:
    L = site.layout
    uri = L.brief_uri(brief.id)
    return [
        [_cell(x) for x in (brief.id, brief.source.published, m.id, m.subject, m.metric, m.value, m.value_high,
                            m.unit, m.period, m.approximate, m.source, m.evidence, L.absolute(uri, m.id))]
        for m in brief.visible_metrics()
    ]


def to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    w.writerows(rows)
    return buf.getvalue()


# --- Markdown and other text outputs ----------------------------------------

class Renderer:
    """Renders every page type from its template. Template objects are loaded
    once and reused for every page."""

    def __init__(self, site: Site, env: jinja2.Environment, site_name: str = "Market briefs",
                 svg: chartlib.SvgRenderer | None = None, charts: bool = True, briefs_dir: str = "briefs",
                 entity_limit: int = 0):
        self.charts = charts
        self.entity_limit = entity_limit
        self.briefs_dir = briefs_dir
        self.site = site
        self.env = env
        self.site_name = site_name
        self.svg = svg
        self._t: dict[str, jinja2.Template] = {}

    def _render(self, name: str, **ctx) -> str:
        t = self._t.get(name)
        if t is None:
            t = self._t[name] = self.env.get_template(name)
        return t.render(site_name=self.site_name, **ctx)

    def brief(self, brief) -> tuple[str, dict]:
        view = brief_view(self.site, brief, self.svg, self.site_name, self.charts, self.briefs_dir)
        md = self._render("brief.md.j2", b=view, front_title=fmt.safe_title(view["title"]))
        return md, view

    def entity(self, slug: str) -> tuple[str, dict, list[tuple[str, str]]]:
        """The entity page's Markdown, its view, and its year pages (uri, Markdown)."""
        years = entity_years(self.site, slug, self.entity_limit)
        view = entity_view(self.site, slug, self.svg, self.charts, self.entity_limit, years)
        md = self._render("entity.md.j2", e=view, front_title=fmt.safe_title(view["name"]))
        names = [y for y, _ in years]
        more = []
        for year, briefs in years:
            yv = entity_year_view(self.site, slug, year, briefs, names)
            more.append((self.site.layout.entity_year_uri(slug, year),
                         self._render("entity_year.md.j2", e=yv, front_title=fmt.safe_title(f"{yv['name']}, {year}"))))
        return md, view, more

    def index(self, limit: int = 0, here: str = "index.md") -> str:
        """The home page: the newest ``limit`` briefs (0: all), then links to
        the yearly archive pages when there are more."""
        L = self.site.layout
        shown = self.site.briefs[:limit] if limit else self.site.briefs
        cards = [_brief_card(self.site, b, here) for b in shown]
        archive = []
        if len(shown) < len(self.site.briefs):
            archive = [{"year": y, "count": len(bs), "url": L.rel(L.archive_uri(y), here)}
                       for y, bs in self.site.by_year()]
        return self._render("index.md.j2", briefs=cards, total=len(self.site.briefs), archive=archive,
                            feed_url=L.rel("feed.xml", here),
                            tags_url=L.rel(f"{L.tags_prefix}/index.md", here),
                            entities_url=L.rel(f"{L.entities_prefix}/index.md", here))

    def archive(self, year: str, briefs: list, limit: int = 0) -> tuple[str, list[tuple[str, str]]]:
        """The archive page of a year, and (uri, Markdown) of its month pages:
        a year of more than ``limit`` briefs (0: no limit) lists its months,
        each on its own page (dates are always year-month-day)."""
        L = self.site.layout
        here = L.archive_uri(year)
        months: dict[str, list] = {}
        if limit and len(briefs) > limit and year != "undated":
            for b in briefs:  # newest first, so the months are too
                months.setdefault(b.source.published[5:7], []).append(b)
        names = sorted(months, reverse=True)
        labels = [fmt.period(f"{year}-{m}") for m in names]  # "Mar 2025"
        uri_of = dict(zip(labels, (L.archive_month_uri(year, m) for m in names))).__getitem__
        more = []
        for i, (month, label) in enumerate(zip(names, labels)):
            uri = uri_of(label)
            newer, older = _neighbours(labels, i, uri_of, uri, L)
            more.append((uri, self._render(
                "archive_month.md.j2", label=label, briefs=[_brief_card(self.site, b, uri) for b in months[month]],
                newer=newer, older=older, year=year, year_url=L.rel(here, uri), home_url=L.rel("index.md", uri),
                front_title=fmt.safe_title(f"Briefs of {label}"))))
        cards = [] if months else [_brief_card(self.site, b, here) for b in briefs]
        month_links = [{"label": label, "count": len(months[m]), "url": L.rel(uri_of(label), here)}
                       for m, label in zip(names, labels)]
        md = self._render("archive.md.j2", year=year, total=len(briefs), briefs=cards, months=month_links,
                          home_url=L.rel("index.md", here), front_title=fmt.safe_title(f"Briefs of {year}"))
        return md, more

    # more names than this: the index of companies and people lists the initials
    # and the most mentioned names; each initial gets a page of its own
    ENTITIES_PER_INDEX = 1000
    TOP_NAMES = 50

    def entities_index(self) -> tuple[str, list[tuple[str, str]]]:
        """The index of companies and people, and (uri, Markdown) of its pages
        by initial when there are more than ``ENTITIES_PER_INDEX`` names."""
        L = self.site.layout
        here = f"{L.entities_prefix}/index.md"
        ordered = sorted(self.site.entities.values(), key=lambda g: (g.name.casefold(), g.slug))

        def items(groups, page: str) -> list[dict]:
            return [{"name": g.name, "type": g.type, "count": len(g.brief_ids),
                     "url": L.rel(L.entity_uri(g.slug) if g.has_page else L.brief_uri(g.brief_ids[0]), page)}
                    for g in groups]

        def by_type(listed: list[dict]) -> list[dict]:
            groups = [{"type": t, "label": label, "members": [i for i in listed if i["type"] == t]}
                      for t, label in ENTITY_GROUPS]
            return [g for g in groups if g["members"]]

        if len(ordered) <= self.ENTITIES_PER_INDEX:
            listed = items(ordered, here)
            return self._render("entities.md.j2", entities=listed, total=len(listed), groups=by_type(listed),
                                initial=None, letters=None), []
        initials: dict[str, list] = {}
        for g in ordered:
            initials.setdefault(_initial(g.name), []).append(g)
        keys = sorted(initials, key=lambda k: (len(k) > 1, k))  # a..z, then 0-9, then other
        pages = []
        for k in keys:
            uri = L.entities_initial_uri(k)
            listed = items(initials[k], uri)
            pages.append((uri, self._render(
                "entities.md.j2", entities=listed, total=len(listed), groups=by_type(listed),
                initial=_initial_label(k), index_url=L.rel(here, uri), letters=None,
                front_title=fmt.safe_title(f"Companies and people: {_initial_label(k)}"))))
        top = items(sorted(ordered, key=lambda g: (-len(g.brief_ids), g.name.casefold(), g.slug))[:self.TOP_NAMES],
                    here)
        letters = [{"label": _initial_label(k), "count": len(initials[k]),
                    "url": L.rel(L.entities_initial_uri(k), here)} for k in keys]
        md = self._render("entities.md.j2", entities=top, total=len(ordered), groups=[], top=top, letters=letters,
                          initial=None)
        return md, pages

    def tag(self, slug: str) -> str:
        L = self.site.layout
        t = self.site.tags[slug]
        here = L.tag_uri(slug)
        cards = [_brief_card(self.site, self.site.by_id[i], here) for i in t.brief_ids]
        return self._render("tag.md.j2", tag=t, briefs=cards, front_title=fmt.safe_title(f"Tag: {t.name}"),
                            tags_url=L.rel(f"{L.tags_prefix}/index.md", here))

    def tags_index(self) -> str:
        L = self.site.layout
        here = f"{L.tags_prefix}/index.md"
        tags = sorted(self.site.tags.values(), key=lambda t: (t.name.casefold(), t.slug))
        items = [{"name": t.name, "count": len(t.brief_ids), "url": L.rel(L.tag_uri(t.slug), here)} for t in tags]
        return self._render("tags.md.j2", tags=items)

    def feed(self, limit: int) -> str:
        L = self.site.layout
        entries = []
        for b in self.site.briefs[:limit]:
            uri = L.brief_uri(b.id)
            entries.append({
                "id": L.absolute(uri) if L.site_url else f"urn:briefs:{b.id}",
                "url": L.absolute(uri) if L.site_url else L.url(uri),
                "title": fmt.one_line(b.headline or b.source.title or b.id),
                "updated": f"{b.source.published or '1970-01-01'}T00:00:00Z",
                "authors": [fmt.one_line(a) for a in b.source.authors],
                "summary": fmt.one_line(b.summary),
                "categories": self.site.brief_tag_names(b),
                "json_url": L.absolute(L.download_uri(b.id, "json")),
            })
        return self._render(
            "feed.xml.j2", entries=entries,
            feed_id=L.absolute("feed.xml") if L.site_url else "urn:briefs:feed",
            self_url=L.absolute("feed.xml") if L.site_url else "feed.xml",
            home_url=L.absolute("index.md") if L.site_url else "./",
            updated=f"{self.site.newest_date or '1970-01-01'}T00:00:00Z",
        )

    def redirect(self, old: str, new_id: str) -> str:
        return self._redirect(self.site.layout.redirect_uri(old), self.site.layout.brief_uri(new_id),
                              fmt.one_line(self.site.by_id[new_id].headline or new_id), old=old)

    def entity_redirect(self, slug: str) -> str:
        """``/entities/<slug>/`` of an entity without a page -> the one brief naming it."""
        L = self.site.layout
        g = self.site.entities[slug]
        return self._redirect(L.entity_redirect_uri(slug), L.brief_uri(g.brief_ids[0]), g.name, old=slug,
                              what="This page")

    def _redirect(self, here: str, to_uri: str, title: str, old: str, what: str = "This brief") -> str:
        L = self.site.layout
        # the redirect file is a plain file: its URL is its path
        base = here.rsplit("/", 1)[0] + "/"
        target_url = L.url(to_uri)
        rel = relpath(target_url, base) + ("/" if target_url.endswith("/") else "")
        return self._render("redirect.html.j2", old=old, target=rel,
                            canonical=L.absolute(to_uri) if L.site_url else rel, title=fmt.safe_title(title),
                            what=what)
