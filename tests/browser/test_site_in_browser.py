"""The built site used as a person would: in headless Chromium, over HTTP.

One site build (from the repo's own seeds/) and one browser for the session;
see conftest.py. Every page a test opens is watched: a request to any host but
the test server is blocked and fails the test, and so does a console error or
an uncaught exception.
"""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import run_axe, settle, shot

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
CHART_READY_JS = """() => {
    const figs = [...document.querySelectorAll('figure.briefs-chart')];
    if (!figs.length) return false;
    return figs.every(f => {
        const svg = [...f.querySelectorAll('svg')].find(s => s.closest('.vega-embed'));
        if (!svg) return false;
        const r = svg.getBoundingClientRect();
        return r.width > 50 && r.height > 50 && svg.querySelector('[class*="mark-"]') !== null;
    });
}"""


def _norm(text: str) -> str:
    """Compare text as a reader would: straight quotes, single spaces, any case."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _visible(items: list[dict]) -> list[dict]:
    return [i for i in items or [] if not i.get("suppressed")]


def _quote_by(brief: dict, speaker: str) -> dict:
    quotes = [q for q in _visible(brief.get("quotes")) if speaker.split()[-1] in (q.get("speaker") or "")]
    assert quotes, (
        f"the fact file {brief['id']}.yaml has no quote by {speaker} (the seed quotes him twice); "
        f"quotes: {[(q.get('speaker'), q.get('text')) for q in brief.get('quotes') or []]}"
    )
    return quotes[0]


def _entity_slug(site, needle: str) -> str:
    root = site.dir / "entities"
    slugs = sorted(p.parent.name for p in root.glob("*/index.html")) if root.is_dir() else []
    match = [s for s in slugs if needle in s]
    assert match, f"no entity page /entities/<slug>/ for {needle!r}; entity pages: {slugs}"
    return min(match, key=len)


def _open(page, site, path: str):
    resp = page.goto(site.url(path), wait_until="load")
    assert resp is not None and resp.status == 200, f"{path}: HTTP {resp.status if resp else 'no response'}"
    return resp


def _href_path(page, href: str) -> str:
    return urlsplit(urljoin(page.url, href)).path


def _wait_chart(page):
    try:
        page.wait_for_function(CHART_READY_JS, timeout=15_000)
    except Exception as exc:  # a timeout: say what the figures hold instead
        state = page.evaluate(
            """() => [...document.querySelectorAll('figure.briefs-chart')].map(f => ({
                id: f.id, vegaEmbed: !!f.querySelector('.vega-embed') || f.classList.contains('vega-embed'),
                svgs: f.querySelectorAll('svg').length, canvases: f.querySelectorAll('canvas').length,
                visibleSvgs: [...f.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 0).length,
            }))"""
        )
        raise AssertionError(
            f"the chart did not render to a visible SVG with vega-embed within 15 s: {state or 'no figure.briefs-chart'}"
        ) from exc


def _use_dark_palette(page) -> bool:
    """Switch to the site's dark palette with its own toggle button, as a
    person would; False when the site has no dark palette."""
    if not page.locator('input[name="__palette"][data-md-color-scheme="slate"]').count():
        return False
    for _ in range(4):
        if page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate":
            break
        page.locator('form[data-md-component="palette"] label:visible').first.click()
        page.wait_for_timeout(100)
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate", (
        "the palette toggle does not switch to the dark (slate) scheme"
    )
    page.wait_for_timeout(300)  # palette transition
    return True


# --------------------------------------------------------------------------- chart


def test_brief_chart_renders_as_svg(page, site, brief):
    _open(page, site, site.brief_path(brief["id"]))
    assert page.locator("figure.briefs-chart").count() >= 1, "the brief page has no figure.briefs-chart"
    _wait_chart(page)
    svg = page.locator("figure.briefs-chart .vega-embed svg").first
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box and box["width"] > 50 and box["height"] > 50, f"chart SVG is too small: {box}"
    # the figure says what it shows, in words a screen reader reads too
    assert page.locator("figure.briefs-chart figcaption").first.inner_text().strip(), "chart has no caption"
    shot(page, "brief-light")
    page.guard.assert_clean()


# --------------------------------------------------------------------------- search


def test_search_finds_quote_by_speaker(page, site, brief):
    quote = _quote_by(brief, "Richard Yu")
    _open(page, site, "/")
    page.locator("input.md-search__input").wait_for(state="attached")
    toggle = page.locator("label[for='__search']").first
    if toggle.is_visible():
        toggle.click()
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("Richard Yu", delay=20)
    brief_link = page.locator(f".md-search-result__link[href*='briefs/{brief['id']}/']").first
    brief_link.wait_for(state="visible", timeout=15_000)
    # the brief's result, with its "N more on this page" sections opened as a reader would
    item = page.locator(".md-search-result__item").filter(has=brief_link).first
    for summary in item.locator("details.md-search-result__more > summary").all():
        summary.click()
    results = item.inner_text()
    shot(page, "search-richard-yu")
    words = _norm(quote["text"]).split()
    fragment = " ".join(words[:5])
    assert fragment in _norm(results), (
        f"searching 'Richard Yu' finds the brief but does not show his quote ({fragment!r}…); "
        f"the brief's search result reads:\n{results}"
    )
    brief_link.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == site.brief_path(brief["id"])
    page.guard.assert_clean()


# --------------------------------------------------------------------------- entity pages


@pytest.mark.parametrize("needle", ["huawei", "richard-yu"])
def test_entity_page_lists_the_brief(page, site, brief, needle):
    slug = _entity_slug(site, needle)
    _open(page, site, f"/entities/{slug}/")
    assert page.locator("h1").first.inner_text().strip(), "entity page has no heading"
    links = page.locator("article a[href]")
    target = site.brief_path(brief["id"])
    hits = [i for i in range(links.count()) if _href_path(page, links.nth(i).get_attribute("href")) == target]
    assert hits, f"/entities/{slug}/ has no link to {target}"
    link = links.nth(hits[0])
    assert link.inner_text().strip(), "the link to the brief has no text"
    link.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == target
    page.guard.assert_clean()


def test_brief_links_to_its_entities(page, site, brief):
    _open(page, site, site.brief_path(brief["id"]))
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    paths = {urlsplit(h).path for h in hrefs}
    for needle in ("huawei", "richard-yu"):
        slug = _entity_slug(site, needle)
        assert f"/entities/{slug}/" in paths, f"the brief does not link to /entities/{slug}/"
    page.guard.assert_clean()


# --------------------------------------------------------------------------- feed


def test_feed_is_atom_with_the_brief(page, site, brief):
    resp = page.request.get(site.url("/feed.xml"))
    assert resp.status == 200, f"/feed.xml: HTTP {resp.status}"
    root = ET.fromstring(resp.body())
    assert root.tag == f"{ATOM}feed", f"feed.xml is not Atom: root element {root.tag}"
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{tag}") or "").strip(), f"feed has no <{tag}>"
    entries = root.findall(f"{ATOM}entry")
    assert entries, "feed has no entry"
    target = site.brief_path(brief["id"])
    feed_base = urljoin(site.url("/feed.xml"), root.get(XML_BASE, ""))
    linked = []
    for e in entries:
        for tag in ("id", "title", "updated"):
            assert (e.findtext(f"{ATOM}{tag}") or "").strip(), f"a feed entry has no <{tag}>"
        base = urljoin(feed_base, e.get(XML_BASE, ""))
        # a feed reader resolves relative links against xml:base or the feed's own URL
        linked += [urljoin(base, l.get("href", "")) for l in e.findall(f"{ATOM}link")]
    assert any(urlsplit(h).path.endswith(target) for h in linked), f"no feed entry links to {target}: {linked}"
    # a person's browser finds the feed from the home page
    _open(page, site, "/")
    alt = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert alt.count() >= 1, "the home page does not announce the feed (<link rel=alternate type=application/atom+xml>)"
    assert _href_path(page, alt.first.get_attribute("href")).endswith("/feed.xml")
    page.guard.assert_clean()


# --------------------------------------------------------------------------- permalink to a fact


def test_fact_permalink_scrolls_to_the_fact(page, site, brief):
    page.set_viewport_size({"width": 1280, "height": 500})
    _open(page, site, site.brief_path(brief["id"]))
    rows = page.eval_on_selector_all("table.key-figures tr[id]", "els => els.map(e => e.id)")
    assert rows, "table.key-figures has no row with an id (the fact anchor)"
    metric_ids = {m["id"] for m in _visible(brief.get("metrics"))}
    assert set(rows) <= metric_ids, f"row ids that are no fact id: {set(rows) - metric_ids}"
    anchor = rows[-1]  # the last figure: furthest down, so the page must scroll
    page.goto("about:blank")
    _open(page, site, f"{site.brief_path(brief['id'])}#{anchor}")
    page.wait_for_function("() => window.scrollY > 0", timeout=5_000)
    page.wait_for_timeout(200)
    geom = page.evaluate(
        """(id) => {
            const el = document.getElementById(id);
            const r = el.getBoundingClientRect();
            const header = document.querySelector('.md-header');
            const hb = header ? header.getBoundingClientRect().bottom : 0;
            return {top: r.top, bottom: r.bottom, height: r.height, vh: window.innerHeight,
                    headerBottom: hb, scrollY: window.scrollY};
        }""",
        anchor,
    )
    assert geom["scrollY"] > 0, f"the page did not scroll to #{anchor}: {geom}"
    assert geom["height"] > 0, f"#{anchor} is not displayed: {geom}"
    assert geom["top"] >= geom["headerBottom"] - 2, f"#{anchor} is hidden under the sticky header: {geom}"
    assert geom["bottom"] <= geom["vh"] + 1, f"#{anchor} is not within the viewport: {geom}"
    page.guard.assert_clean()


# --------------------------------------------------------------------------- cite this


def test_cite_button_copies_the_citation(page, site, brief):
    _open(page, site, site.brief_path(brief["id"]))
    cite = page.locator(".briefs-cite").first
    assert cite.count() == 1, "the brief page has no .briefs-cite box"
    cite.scroll_into_view_if_needed()
    button = cite.locator("button, [role=button], .md-clipboard").first
    assert button.count() == 1, ".briefs-cite has no copy button"
    assert button.is_visible(), "the copy button is not visible"
    page.evaluate("() => navigator.clipboard.writeText('')")
    button.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0", timeout=5_000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert f"briefs/{brief['id']}/" in copied, f"the copied citation has no permalink to the brief: {copied!r}"
    assert "\n" not in copied.strip() or len(copied) < 2000, "the copied text is not a citation"
    page.guard.assert_clean()


# --------------------------------------------------------------------------- downloads


def test_fact_downloads_are_linked_and_parse(page, site, brief):
    _open(page, site, site.brief_path(brief["id"]))
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
    paths = {_href_path(page, h): h for h in hrefs}
    base = site.brief_path(brief["id"])
    for name in ("facts.json", "facts.csv"):
        assert base + name in paths, f"the brief page has no link to {base}{name}"
    n_metrics = len(_visible(brief.get("metrics")))
    j = page.request.get(site.url(base + "facts.json"))
    assert j.status == 200
    data = json.loads(j.body())
    assert brief["id"] in json.dumps(data), "facts.json does not name its brief"
    c = page.request.get(site.url(base + "facts.csv"))
    assert c.status == 200
    rows = list(csv.DictReader(io.StringIO(c.body().decode("utf-8-sig"))))
    assert len(rows) >= n_metrics, f"facts.csv has {len(rows)} rows for {n_metrics} visible figures"
    page.guard.assert_clean()


# --------------------------------------------------------------------------- accessibility


def _serious(violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        if v["impact"] in ("serious", "critical"):
            nodes = "; ".join(f"{n['target']} ({n['html']})" for n in v["nodes"][:5])
            out.append(f"[{v['impact']}] {v['id']}: {v['help']} — {len(v['nodes'])} node(s): {nodes}")
    return out


@pytest.mark.parametrize("kind", ["index", "brief", "entity"])
def test_no_serious_accessibility_violations(page, site, brief, kind):
    path = {
        "index": "/",
        "brief": site.brief_path(brief["id"]),
        "entity": f"/entities/{_entity_slug(site, 'huawei')}/",
    }[kind]
    _open(page, site, path)
    if kind == "brief":
        _wait_chart(page)
    found = {"light": _serious(run_axe(page))}
    if _use_dark_palette(page):
        if kind == "brief":
            shot(page, "brief-dark")
        found["dark"] = _serious(run_axe(page))
    problems = [f"{scheme}: {p}" for scheme, ps in found.items() for p in ps]
    assert not problems, f"axe-core on {path}:\n  " + "\n  ".join(problems)
    page.guard.assert_clean()


# --------------------------------------------------------------------------- print


def test_brief_prints_without_site_chrome_on_two_pages(page, site, brief):
    _open(page, site, site.brief_path(brief["id"]))
    _wait_chart(page)
    page.emulate_media(media="print")
    for sel in (".md-header", ".md-tabs", ".md-search", ".md-sidebar", "nav.md-nav", ".md-footer"):
        loc = page.locator(sel)
        shown = [i for i in range(loc.count()) if loc.nth(i).is_visible()]
        assert not shown, f"{sel} is still shown when printing"
    assert page.locator("article h1").first.is_visible(), "the brief's title is hidden in print"
    assert page.locator("table.key-figures").first.is_visible(), "the key figures are hidden in print"
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert 1 <= pages <= 2, f"the printed brief takes {pages} A4 pages (at most 2 wanted)"
    page.guard.assert_clean()


# --------------------------------------------------------------------------- every page


def test_every_page_loads_clean_and_stays_on_the_site(page, site):
    pages = site.html_pages()
    assert "/" in pages and len(pages) >= 3, f"too few pages built: {pages}"
    # every top-level page, every section's index and its first pages (entity
    # and tag pages are all made from the same template)
    by_section: dict[str, list[str]] = {}
    for path in pages:
        by_section.setdefault(path.strip("/").split("/")[0], []).append(path)
    sample = [p for paths in by_section.values() for p in sorted(paths, key=lambda p: (p.count("/"), p))[:4]]
    external_hints = []
    for path in sample:
        _open(page, site, path)
        settle(page)
        if page.locator("figure.briefs-chart").count():
            _wait_chart(page)
        external_hints += [
            f"{path}: {h}" for h in page.eval_on_selector_all(
                "link[rel~=preconnect], link[rel~=dns-prefetch], link[rel~=preload], link[rel~=stylesheet], script[src]",
                "els => els.map(e => e.href || e.src)",
            ) if urlsplit(h).hostname not in (None, "127.0.0.1")
        ]
    assert not external_hints, "pages point the browser at other hosts:\n  " + "\n  ".join(external_hints)
    page.guard.assert_clean()


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize("width", [1280, 390])
def test_key_figures_fit_the_content_column(page, site, brief, width):
    """The key figures read without sideways scrolling: on a desktop screen and
    on a phone, the table is no wider than the article's column."""
    page.set_viewport_size({"width": width, "height": 900})
    _open(page, site, site.brief_path(brief["id"]))
    geom = page.evaluate(
        """() => [...document.querySelectorAll('table.key-figures')].map(t => {
            const wrap = t.closest('.briefs-table-wrap') || t.parentElement;
            const col = t.closest('article') || document.querySelector('.md-content__inner');
            return {table: t.getBoundingClientRect().width, scroll: t.scrollWidth,
                    wrap: wrap.clientWidth, wrapScroll: wrap.scrollWidth,
                    right: t.getBoundingClientRect().right, colRight: col.getBoundingClientRect().right,
                    rows: t.querySelectorAll('tr[id]').length};
        })"""
    )
    assert geom, "the brief page has no table.key-figures"
    for g in geom:
        assert g["wrapScroll"] <= g["wrap"] + 1, f"the key figures scroll sideways at {width} px: {g}"
        assert g["right"] <= g["colRight"] + 1, f"the key figures stick out of the content column at {width} px: {g}"
    # every figure row still carries its fact id and is displayed
    heights = page.eval_on_selector_all("table.key-figures tr[id]", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) > 0
    if width == 1280:
        # no figure row runs taller than three lines of text
        line = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('table.key-figures td')).lineHeight)")
        assert max(heights) <= 3.5 * line + 16, f"a figure row is {max(heights)} px tall (line {line} px)"
    shot(page, f"key-figures-{width}")
    page.guard.assert_clean()


def test_copied_citation_has_an_absolute_permalink(page, site, brief):
    """Without site_url the page can only print a relative permalink; the copy
    button gives an absolute one, from the address the page was read at."""
    _open(page, site, site.brief_path(brief["id"]))
    button = page.locator(".briefs-cite button").first
    button.scroll_into_view_if_needed()
    page.evaluate("() => navigator.clipboard.writeText('')")
    button.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0", timeout=5_000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert site.url(site.brief_path(brief["id"])) in copied, f"no absolute permalink in {copied!r}"
    page.guard.assert_clean()
