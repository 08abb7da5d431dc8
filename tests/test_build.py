"""The whole site, built for real: `mkdocs build --strict` of the repo's
mkdocs.yml, docs/ and overrides/ with the fixture fact files
(tests/fixtures/briefs/), and the built HTML read back with BeautifulSoup.

Every assertion is about what a reader (or a feed reader, a spreadsheet, a
search box) gets from the published site.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
FIXTURES = ROOT / "fixtures" / "briefs"
SEED_ID = "2025-05-19-chinese-luxury-carmaker-seres-comes-from-behind-to-overtake-bmw"
OLD_ID = "2024-02-01-seres-and-huawei-bet-on-aito"
ATOM = "{http://www.w3.org/2005/Atom}"
EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


def make_project(dest: Path, briefs_from: Path | None = FIXTURES) -> Path:
    """A copy of the repo's site config with the given fact files."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(REPO / name, dest / name)
    (dest / "seeds").mkdir()
    (dest / "briefs").mkdir()
    if briefs_from is not None:
        for f in sorted(briefs_from.glob("*.yaml")):
            shutil.copy2(f, dest / "briefs" / f.name)
    return dest


def build(project: Path, site_dir: Path, strict: bool = True) -> Path:
    """In-process `mkdocs build [--strict]`; raises (mkdocs Abort) on a warning when strict."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cfg = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return site_dir


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(el) -> str:
    return " ".join(el.get_text(" ").split())


def evidence_of(tr) -> str:
    """The evidence line of a key-figures row: the next tr.evidence (figures
    stated by one sentence share the line under the last of them)."""
    for sib in tr.find_next_siblings("tr"):
        if "evidence" in (sib.get("class") or []):
            return text_of(sib)
    return ""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    return build(project, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def lunr_site(tmp_path_factory) -> Path:
    """The same site with Material's own search (``search: material``) instead of Pagefind."""
    from tests.render.test_pagefind import use_search

    project = make_project(tmp_path_factory.mktemp("lunr-project"))
    use_search(project / "mkdocs.yml", "material")
    return build(project, tmp_path_factory.mktemp("lunr-site"))


@pytest.fixture(scope="module")
def brief_page(site) -> BeautifulSoup:
    return soup(site / "briefs" / SEED_ID / "index.html")


# --------------------------------------------------------------------------- the brief page


def test_brief_page_has_headline_byline_and_source(brief_page):
    h1 = brief_page.select("article h1")
    assert [text_of(h) for h in h1] == ["Chinese luxury carmaker Seres comes from behind to overtake BMW"]
    byline = text_of(brief_page.select_one(".briefs-byline"))
    assert "Linda Lew" in byline and "19 May 2025" in byline
    assert brief_page.select_one(".briefs-byline time")["datetime"] == "2025-05-19"
    src = brief_page.select_one("a.briefs-source")
    assert src["href"] == "https://example.com/2025/05/19/seres-bmw/"
    assert "noopener" in src["rel"]
    assert brief_page.title.string.startswith("Chinese luxury carmaker Seres")


def test_byline_names_publisher_date_and_authors_not_the_headline(brief_page):
    byline = text_of(brief_page.select_one(".briefs-byline"))
    assert byline == "Bloomberg · 19 May 2025 · By Linda Lew"
    info = text_of(brief_page.select_one("dl.briefs-sourceinfo"))
    assert "seeds/000_ccec2557a446dbc5.txt" in info and f"briefs/{SEED_ID}.yaml" in info
    # the source title is the headline here: the link names the site instead of repeating it
    assert text_of(brief_page.select_one("a.briefs-source")) == "example.com"


def test_key_figures_have_units_anchors_and_evidence(brief_page):
    rows = {tr["id"]: [text_of(td) for td in tr.find_all("td")] for tr in brief_page.select("table.key-figures tr[id]")}
    merc = rows["mercedes-deliveries-2025-01-to-2025-02"]
    assert merc == ["Mercedes", "deliveries", "22,160 vehicles", "Jan–Feb 2025", "ThinkerCar"]
    merc_tr = brief_page.select_one("tr#mercedes-deliveries-2025-01-to-2025-02")
    assert evidence_of(merc_tr).startswith("In January and February, Mercedes delivered 22,160 vehicles")
    # one sentence states three figures: its evidence line is shown once, under the last of them
    aito_tr = brief_page.select_one("tr#aito-deliveries-2025-01-to-2025-02")
    assert aito_tr.find_next_sibling("tr")["class"] == ["evidence"]
    assert evidence_of(aito_tr) == evidence_of(merc_tr)
    assert "evidence" not in merc_tr.find_next_sibling("tr").get("class", [])
    ev = brief_page.select("table.key-figures tr.evidence > td")
    assert ev and all(td["colspan"] == "5" and td.has_attr("data-search-exclude") and td.q for td in ev)
    assert not brief_page.select("table.key-figures th:-soup-contains('Evidence')")
    assert rows["bmw-deliveries-2025-01-to-2025-02"][2] == "18,130 vehicles"
    assert rows["aito-deliveries-2025-01-to-2025-02"][2] == "17,190 vehicles"
    assert rows["seres-sales-2024"][2] == "≈427,000 vehicles"
    assert rows["m9-starting-price"][2] == "CNY 509,800"
    assert rows["seres-sales-change-2025-q1"][2:4] == ["-42%", "Q1 2025"]
    assert rows["china-luxury-car-market-sales-change-2024"][2] == "-23%"
    assert rows["m9-price-cut-2025"][2] == "CNY -20,000 to -10,000"
    assert rows["seres-sales-growth-2021-to-2024"][2] == "3×"
    assert len(rows) == 11


def test_four_quotes_with_speakers_roles_and_anchors(brief_page):
    quotes = brief_page.select("blockquote.briefs-quote")
    got = [(q.select_one(".briefs-quote__speaker").get_text(), q["id"]) for q in quotes]
    assert [s for s, _ in got] == ["Zhang Xinghai", "Zhang Xinghai", "Richard Yu", "Richard Yu"]
    assert all(i.startswith("quote-") for _, i in got)
    yu = quotes[2]
    assert "It’s hard work every time we build a brand" in text_of(yu)
    assert "oversees Huawei’s consumer business group" in text_of(yu.select_one(".briefs-quote__role"))


def test_entities_link_to_entity_pages(site, brief_page):
    links = {text_of(a): a["href"] for a in brief_page.select("ul.briefs-entities > li > a")}
    assert links["Richard Yu"] == "../../entities/richard-yu/"
    assert "Huawei Technologies Co." in links and "China" not in links  # places get no page
    for href in links.values():
        assert (site / "briefs" / SEED_ID / href / "index.html").resolve().is_file(), href


def test_chart_spec_and_static_svg(site, brief_page):
    fig = brief_page.select_one("figure.briefs-chart#chart-deliveries-vehicles")
    assert fig is not None, [f.get("id") for f in brief_page.select("figure.briefs-chart")]
    spec = json.loads(fig.select_one("script.briefs-chart__spec[type='application/json']").string)
    values = {r["label"]: r["value"] for r in spec["data"]["values"]}
    assert values == {"Mercedes": 22160, "BMW": 18130, "Aito": 17190}
    assert spec["layer"][0]["mark"]["type"] == "bar"
    assert "$schema" not in spec  # no external URL in the page
    img = fig.select_one("img.briefs-chart__static")
    svg_path = site / "briefs" / SEED_ID / img["src"]
    svg = svg_path.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "22,160 vehicles" in svg and "Mercedes" in svg
    assert int(img["width"]) > 100 and int(img["height"]) > 50
    # the text alternative names every value
    canvas = fig.select_one(".briefs-chart__canvas")
    assert canvas["role"] == "img"
    caption = fig.select_one("#" + canvas["aria-labelledby"])
    assert caption.name == "figcaption"
    for s in ("Mercedes: 22,160 vehicles", "BMW: 18,130 vehicles", "Aito: 17,190 vehicles"):
        assert s in text_of(caption)


def test_vega_bundle_only_on_pages_with_charts(site, brief_page):
    srcs = [s["src"] for s in brief_page.select("script[src]")]
    assert "../../assets/briefs/vega-bundle.min.js" in srcs
    assert (site / "assets" / "briefs" / "vega-bundle.min.js").stat().st_size > 500_000
    docs_page = soup(site / "downloads" / "index.html")
    assert not [s for s in docs_page.select("script[src]") if "vega" in s["src"]]
    tag_page = soup(site / "tags" / "ev" / "index.html")
    assert not [s for s in tag_page.select("script[src]") if "vega" in s["src"]]


def test_cite_box_and_downloads_linked(site, brief_page):
    cite = brief_page.select_one(".briefs-cite")
    assert cite.select("button.briefs-cite__copy")
    md = cite.select_one("code.briefs-cite__markdown").get_text()
    assert f"briefs/{SEED_ID}/" in md and "Linda Lew" in md
    plain = cite.select_one("code.briefs-cite__text").get_text()
    assert "https://example.com/2025/05/19/seres-bmw/" in plain
    hrefs = [a["href"] for a in brief_page.select("ul.briefs-downloads a")]
    assert hrefs == ["facts.json", "facts.csv"]
    alt = brief_page.select_one("head link[type='application/json']")
    assert "alternate" in alt["rel"] and alt["href"] == "facts.json"


def test_search_index_finds_speaker_company_and_quote(lunr_site):
    index = json.loads((lunr_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith(f"briefs/{SEED_ID}/")]
    text = " ".join(d["text"] + " " + d["title"] for d in docs)
    for words in ("Richard Yu", "Zhang Xinghai", "Huawei Technologies Co.", "Mercedes",
                  "But we won’t give up and will keep persisting"):
        assert words in text, words
    assert any(d.get("boost") == 2 for d in docs)
    assert "briefs-chart__spec" not in text and '"layer"' not in text  # chart JSON is not indexed


def test_brief_page_is_small(site):
    size = (site / "briefs" / SEED_ID / "index.html").stat().st_size
    assert size <= 25_000, f"brief HTML is {size} bytes"


# --------------------------------------------------------------------------- other pages


def test_home_lists_briefs_newest_first(site):
    home = soup(site / "index.html")
    items = home.select("ol.briefs-list > li")
    titles = [text_of(li.select_one(".briefs-list__title")) for li in items]
    assert titles == ["Chinese luxury carmaker Seres comes from behind to overtake BMW", "Seres and Huawei bet on Aito"]
    first = items[0]
    assert first.select_one("time")["datetime"] == "2025-05-19"
    assert "Seres Group Co." in [text_of(a) for a in first.select(".briefs-list__company")]
    assert text_of(first.select_one(".briefs-list__summary")).startswith("In under four years")
    assert home.select_one("head link[rel=alternate][type='application/atom+xml']")["href"] == "feed.xml"


def test_entity_page_groups_names_across_briefs(site):
    page = soup(site / "entities" / "seres-group-co" / "index.html")
    assert text_of(page.select_one("article h1")) == "Seres Group Co."
    listed = [a["href"] for a in page.select("ol.briefs-list a.briefs-list__title")]
    assert listed == [f"../../briefs/{SEED_ID}/", f"../../briefs/{OLD_ID}/"]  # "Seres" of the older brief joins
    rows = [[text_of(td) for td in tr.find_all("td")] for tr in page.select("table.key-figures tbody tr")]
    assert ["sales", "≈250,000 vehicles", "2023"] == rows[[r[2] for r in rows].index("2023")][:3]
    series = page.select_one("figure.briefs-chart")
    spec = json.loads(series.select_one("script").string)
    assert [(r["label"], r["value"]) for r in spec["data"]["values"]] == [("2023", 250000), ("2024", 427000)]
    assert spec["mark"]["type"] == "line"


def test_person_page_has_every_quote(site):
    page = soup(site / "entities" / "richard-yu" / "index.html")
    quotes = [text_of(q.select_one(".briefs-quote__text")) for q in page.select("blockquote.briefs-quote")]
    assert len(quotes) == 3
    assert "“double again next year”" in quotes


def test_tag_pages(site):
    ev = soup(site / "tags" / "ev" / "index.html")
    assert len(ev.select("ol.briefs-list > li")) == 2
    assert (site / "entities" / "huawei-technologies-co" / "index.html").is_file()  # an org: its entity page
    tags = soup(site / "tags" / "index.html")
    assert "EV" in [text_of(a) for a in tags.select("a.briefs-tag")]


def test_org_tags_link_to_entity_pages(site, brief_page):
    """Organisations are not tag pages (they would be copies of the entity
    pages): their chip under the summary links to the entity page."""
    chips = {text_of(a): a["href"] for a in brief_page.select(".briefs-tags a")}
    assert chips["EV"] == "../../tags/ev/"
    orgs = {n: h for n, h in chips.items() if "/entities/" in h}
    assert orgs, chips
    for href in chips.values():
        assert (site / "briefs" / SEED_ID / href / "index.html").resolve().is_file(), href
    assert not (site / "tags" / "huawei-technologies-co").exists()
    tags = soup(site / "tags" / "index.html")
    assert "Huawei Technologies Co." not in [text_of(a) for a in tags.select("a.briefs-tag")]


def test_redirect_page(site):
    page = soup(site / "briefs" / "2025-05-19-seres-overtakes-bmw" / "index.html")
    refresh = page.select_one("meta[http-equiv=refresh]")["content"]
    assert refresh == f"0; url=../{SEED_ID}/"
    assert page.select_one("link[rel=canonical]")["href"] == f"../{SEED_ID}/"


def test_feed_is_atom(site):
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}updated") == "2025-05-19T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Chinese luxury carmaker Seres comes from behind to overtake BMW", "Seres and Huawei bet on Aito"]
    first = entries[0]
    assert first.findtext(f"{ATOM}id") and first.findtext(f"{ATOM}updated") == "2025-05-19T00:00:00Z"
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Linda Lew"
    alt = [l.get("href") for l in first.findall(f"{ATOM}link") if l.get("rel") == "alternate"]
    assert alt == [f"briefs/{SEED_ID}/"]


def test_brief_downloads(site):
    data = json.loads((site / "briefs" / SEED_ID / "facts.json").read_text(encoding="utf-8"))
    for key in ("source", "body", "entities", "metrics", "quotes"):  # CONTRACT.md
        assert key in data
    assert data["source"]["title"] == "Chinese luxury carmaker Seres comes from behind to overtake BMW"
    aito = next(m for m in data["metrics"] if m["id"] == "aito-deliveries-2025-01-to-2025-02")
    assert aito["value"] == 17190 and aito["unit"] == "vehicles" and aito["period"] == "2025-01/2025-02"
    assert aito["permalink"] == f"briefs/{SEED_ID}/#aito-deliveries-2025-01-to-2025-02"
    assert [q["speaker"] for q in data["quotes"]] == ["Zhang Xinghai"] * 2 + ["Richard Yu"] * 2
    rows = list(csv.DictReader(io.StringIO((site / "briefs" / SEED_ID / "facts.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 11
    merc = next(r for r in rows if r["subject"] == "Mercedes")
    assert (merc["value"], merc["unit"], merc["period"], merc["source"]) == ("22160", "vehicles", "2025-01/2025-02", "ThinkerCar")


def test_site_downloads(site):
    data = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    assert sorted(b["id"] for b in data["briefs"]) == [OLD_ID, SEED_ID]
    rows = list(csv.DictReader(io.StringIO((site / "facts.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 13 and {r["brief_id"] for r in rows} == {OLD_ID, SEED_ID}


def test_no_external_resources_anywhere(site):
    bad = []
    for page in sorted(site.rglob("*.html")):
        s = soup(page)
        for el, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                         ("source", "src"), ("video", "src"), ("audio", "src")):
            for tag in s.find_all(el):
                url = tag.get(attr) or ""
                if el == "link" and "stylesheet" not in tag.get("rel", []) and "preconnect" not in tag.get("rel", []) \
                        and "icon" not in tag.get("rel", []) and "preload" not in tag.get("rel", []):
                    continue
                if EXTERNAL.match(url):
                    bad.append(f"{page.relative_to(site)}: <{el} {attr}={url}>")
    for css in sorted(site.rglob("*.css")):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if EXTERNAL.match(url):
                bad.append(f"{css.relative_to(site)}: url({url})")
        for url in re.findall(r"@import\s+['\"]([^'\"]+)", css.read_text(encoding="utf-8")):
            if EXTERNAL.match(url):
                bad.append(f"{css.relative_to(site)}: @import {url}")
    assert not bad, "\n".join(bad)
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def test_every_local_link_resolves(site):
    missing = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        for a in soup(page).select("a[href], link[href], script[src], img[src]"):
            url = a.get("href") or a.get("src")
            if EXTERNAL.match(url) or url.startswith(("#", "mailto:", "data:")):
                continue
            target = (page.parent / url.split("#")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page.relative_to(site)} -> {url}")
    assert not missing, "\n".join(missing[:20])


def test_two_builds_are_byte_identical(project, site, tmp_path):
    again = build(project, tmp_path / "again")  # warm chart cache this time
    a = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    b = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(a) == sorted(b)
    differ = [str(k) for k in a if a[k] != b[k]]
    assert not differ, differ


def test_nothing_written_into_docs(project, site):
    assert sorted(p.name for p in (project / "docs").iterdir()) == sorted(p.name for p in (REPO / "docs").iterdir())


# --------------------------------------------------------------------------- broken and hostile fact files


def test_broken_fact_file_is_a_warning_and_the_rest_builds(tmp_path, caplog):
    project = make_project(tmp_path / "p")
    (project / "briefs" / "2025-01-01-broken.yaml").write_text("id: 2025-01-01-broken\nheadline: [unclosed\n")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build(project, tmp_path / "site", strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("2025-01-01-broken.yaml" in w and "not valid YAML" in w for w in warnings), warnings
    assert (site / "briefs" / SEED_ID / "index.html").is_file()
    with pytest.raises(Exception):  # --strict turns the warning into a failed build
        build(project, tmp_path / "strict")


HOSTILE = {
    "script": "<script>alert('x')</script>",
    "img": "<img src=x onerror=alert(1)>",
    "jslink": "[click me](javascript:alert(2))",
    "mdimg": "![pic](https://evil.example/p.png)",
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %}",
    "admonition": '!!! note "Hello"',
    "attrlist": "{: .evil onclick=\"alert(3)\" }",
    "html": '<a href="javascript:alert(4)">x</a> <b>bold</b> **strong**',
    "close": "</script></textarea></title><svg onload=alert(5)>",
}


def hostile_brief() -> dict:
    H = HOSTILE
    metric = lambda i, subject, value: {  # noqa: E731
        "id": f"hostile-figure-{i}", "subject": subject, "metric": H["admonition"], "value": value,
        "unit": H["close"], "period": "2025", "source": "=HYPERLINK(\"http://evil.example\")",
        "evidence": f"{H['script']} {H['attrlist']} {H['jslink']}",
    }
    return {
        "schema": 1,
        "id": "2025-06-01-hostile",
        "headline": f"{H['script']} {H['jinja']} {H['close']}",
        "summary": f"{H['jslink']} {H['mdimg']} {H['img']} {H['admonition']}",
        "tags": ["<b>bold</b>", H["admonition"]],
        "source": {"title": H["html"], "published": "2025-06-01", "authors": ["<svg onload=alert(6)>"],
                   "publisher": H["attrlist"], "url": "https://example.com/a?b=\"><script>alert(7)</script>"},
        "metrics": [metric(1, H["img"], 10), metric(2, H["jinja"], 20)],
        "quotes": [{"id": "quote-hostile", "speaker": f"Evil {H['script']}", "role": "{{ config }}",
                    "text": f"</blockquote>{H['script']} {H['jslink']}", "evidence": H["html"]}],
        "entities": [{"id": "entity-hostile", "name": H["img"], "type": "org", "aliases": [H["script"]]},
                     {"id": "entity-evil", "name": f"Evil {H['script']}", "type": "person"}],
        "provenance": {"seed": "seeds/hostile.txt", "seed_sha256": "0" * 64, "extractor_version": "test"},
    }


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    import yaml

    project = make_project(tmp_path_factory.mktemp("hostile"))
    (project / "briefs" / "2025-06-01-hostile.yaml").write_text(
        yaml.safe_dump(hostile_brief(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return build(project, tmp_path_factory.mktemp("hostile-site"))


def test_hostile_text_creates_no_active_markup(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        s = soup(page)
        where = page.relative_to(hostile_site)
        for script in s.find_all("script"):
            assert "alert" not in (script.string or "") or script.get("type") == "application/json", where
        for el in s.find_all(True):
            for attr, value in el.attrs.items():
                assert not attr.lower().startswith("on"), f"{where}: <{el.name} {attr}>"
                if attr in ("href", "src", "action", "formaction", "data"):
                    v = value if isinstance(value, str) else " ".join(value)
                    assert not v.strip().lower().startswith("javascript:"), f"{where}: <{el.name} {attr}={v}>"
            assert "evil" not in (el.get("class") or []), where
        assert not s.select("svg[onload], img[src=x], .admonition, article strong:-soup-contains('strong')"), where
        assert not s.select("article b:-soup-contains('bold')"), where
        title = s.title.string if s.title else ""
        assert "<" not in (title or ""), f"{where}: <title>{title}"


def test_hostile_text_is_visible_as_written(hostile_site):
    page = soup(hostile_site / "briefs" / "2025-06-01-hostile" / "index.html")
    H = HOSTILE
    assert text_of(page.select_one("article h1")) == f"{H['script']} {H['jinja']} {H['close']}"
    assert text_of(page.select_one(".briefs-summary")) == f"{H['jslink']} {H['mdimg']} {H['img']} {H['admonition']}"
    assert H["html"] == text_of(page.select_one("a.briefs-source"))
    rows = [[text_of(td) for td in tr.find_all("td")] for tr in page.select("table.key-figures tr[id]")]
    assert rows[0][0] == H["img"] and rows[0][1] == H["admonition"]
    assert rows[1][0] == H["jinja"]
    assert evidence_of(page.select_one("table.key-figures tr[id]")) == f"{H['script']} {H['attrlist']} {H['jslink']}"
    quote = page.select_one("blockquote.briefs-quote")
    assert text_of(quote.select_one(".briefs-quote__text")) == f"“</blockquote>{H['script']} {H['jslink']}”"
    assert text_of(quote.select_one(".briefs-quote__role")) == "{{ config }}"
    # the chart's JSON stays inside its script element and parses back to the same labels
    spec = json.loads(page.select_one("script.briefs-chart__spec").string)
    assert [r["label"] for r in spec["data"]["values"]] == [H["img"], H["jinja"]]
    # the unsafe source URL is escaped into the href, never breaks out of it
    assert page.select_one("a.briefs-source")["href"].startswith("https://example.com/a?b=")
    assert "Evil <script>alert('x')</script>" in [text_of(a) for a in page.select("ul.briefs-entities > li > a")]


def test_hostile_csv_cells_are_not_formulas(hostile_site):
    rows = list(csv.DictReader(io.StringIO(
        (hostile_site / "briefs" / "2025-06-01-hostile" / "facts.csv").read_text(encoding="utf-8"))))
    assert rows and all(r["source"].startswith("'=") for r in rows)


def test_hostile_feed_is_well_formed(hostile_site):
    root = ET.parse(hostile_site / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert f"{HOSTILE['script']} {HOSTILE['jinja']} {HOSTILE['close']}" in titles


def test_home_links_to_yearly_archive_when_truncated(tmp_path):
    project = make_project(tmp_path / "p")
    cfg = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(cfg.replace("      prefix: briefs\n", "      prefix: briefs\n      index_limit: 1\n"))
    site = build(project, tmp_path / "site")
    home = soup(site / "index.html")
    assert len(home.select("ol.briefs-list > li")) == 1
    assert [a["href"] for a in home.select("ul.briefs-archive a")] == ["archive/2025/", "archive/2024/"]
    y2024 = soup(site / "archive" / "2024" / "index.html")
    assert [text_of(a) for a in y2024.select("a.briefs-list__title")] == ["Seres and Huawei bet on Aito"]


def test_a_year_of_more_briefs_than_archive_limit_is_split_by_month(tmp_path):
    """``index_limit: 1``, ``archive_limit: 1`` and two briefs in 2025 (May and
    March): 2025's archive page lists its months, each month has its page with
    its briefs, and the month pages link to each other and to their year."""
    from tests.render.test_pagefind import set_option

    project = make_project(tmp_path / "p")
    set_option(project / "mkdocs.yml", "index_limit", "1")
    set_option(project / "mkdocs.yml", "archive_limit", "1")
    text = (FIXTURES / f"{SEED_ID}.yaml").read_text(encoding="utf-8")
    march = "2025-03-02-seres-in-march"
    text = text.replace(f"id: {SEED_ID}", f"id: {march}").replace("published: '2025-05-19'", "published: '2025-03-02'")
    text = text.replace("redirect_from:\n- 2025-05-19-seres-overtakes-bmw\n", "")
    (project / "briefs" / f"{march}.yaml").write_text(text, encoding="utf-8")
    site = build(project, tmp_path / "site")

    y2025 = soup(site / "archive" / "2025" / "index.html")
    assert [(a["href"], text_of(a)) for a in y2025.select("ul.briefs-archive a")] == [
        ("05/", "May 2025"), ("03/", "Mar 2025")]
    assert "2 briefs" in text_of(y2025.select_one(".briefs-header")) and not y2025.select("ol.briefs-list")
    may, mar = (soup(site / "archive" / "2025" / m / "index.html") for m in ("05", "03"))
    assert [a["href"] for a in may.select("a.briefs-list__title")] == [f"../../../briefs/{SEED_ID}/"]
    assert [a["href"] for a in mar.select("a.briefs-list__title")] == [f"../../../briefs/{march}/"]
    assert [a["href"] for a in may.select("nav.briefs-years a")] == ["../03/"]
    assert [a["href"] for a in mar.select("nav.briefs-years a")] == ["../05/"]
    assert mar.select_one('.briefs-header a[href="../"]') is not None  # back to the year
    y2024 = soup(site / "archive" / "2024" / "index.html")  # one brief: no month pages
    assert [text_of(a) for a in y2024.select("a.briefs-list__title")] == ["Seres and Huawei bet on Aito"]
    assert not (site / "archive" / "2024" / "02").exists()


def test_many_names_are_indexed_by_initial(site, tmp_path, monkeypatch):
    """More names than one index page holds: the index lists the initials and
    the most mentioned names; each initial's page lists its names, by type,
    and together they list every name the one page listed."""
    from generator.render import pages

    monkeypatch.setattr(pages.Renderer, "ENTITIES_PER_INDEX", 3)
    monkeypatch.setattr(pages.Renderer, "TOP_NAMES", 2)
    split = build(make_project(tmp_path / "p"), tmp_path / "site")
    names = lambda page: sorted(text_of(a) for a in page.select("ul.briefs-entity-index a.briefs-entity"))  # noqa: E731
    whole = soup(site / "entities" / "index.html")
    index = soup(split / "entities" / "index.html")
    letters = [(a["href"], text_of(a)) for a in index.select("nav.briefs-initials a")]
    assert ("index/s/", "S") in letters and ("index/h/", "H") in letters
    top = [(text_of(li.select_one("a")), int(text_of(li.select_one(".briefs-count"))))
           for li in index.select("ul.briefs-entity-index li")]
    assert len(top) == 2 and all(n >= 2 for _, n in top)  # named in both briefs
    listed = []
    for href, label in letters:
        page = soup(split / "entities" / href / "index.html")
        assert text_of(page.select_one("article h1")).startswith(f"Companies and people: {label}")
        on_page = names(page)
        assert on_page and all(n[0].upper() == label for n in on_page if n[0].isalpha())
        assert page.select_one('a[href="../../"]') is not None  # back to the index
        listed += on_page
    assert sorted(listed) == names(whole)


def test_index_pages_with_a_level_one_heading_are_the_same_without_markdown(tmp_path, monkeypatch):
    """The entities index and its initial pages open with a level-1 heading
    above level-2 ones: generator/render/fastmd.py nests their table of
    contents itself instead of sending them through Python-Markdown."""
    from generator.render import fastmd, pages

    monkeypatch.setattr(pages.Renderer, "ENTITIES_PER_INDEX", 3)
    project = make_project(tmp_path / "p")
    calls = []
    real = fastmd.FastPages.split
    monkeypatch.setattr(fastmd.FastPages, "split", lambda self, text: calls.append(real(self, text)))
    fast = build(project, tmp_path / "fast")
    assert any(c is not None and c[1] and c[1][0]["level"] == 1 and c[1][0]["children"] for c in calls)
    monkeypatch.setattr(fastmd.FastPages, "split", lambda self, text: None)
    slow = build(project, tmp_path / "slow")
    a, b = _tree(fast / "entities"), _tree(slow / "entities")
    assert len([k for k in a if k.startswith("index/")]) >= 3 and sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_site_without_briefs_folder_builds_strict_with_a_friendly_home(tmp_path):
    project = make_project(tmp_path / "p", briefs_from=None)
    (project / "briefs").rmdir()
    (project / "seeds").rmdir()
    site = build(project, tmp_path / "site")  # --strict: no warning, no config error
    home = soup(site / "index.html")
    empty = text_of(home.select_one(".briefs-empty"))
    assert "No briefs yet" in empty and "seeds/" in empty and "briefs build" in empty
    assert not home.select("ol.briefs-list > li")


def test_site_url_comes_from_the_environment(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p")
    monkeypatch.setenv("BRIEFS_SITE_URL", "https://briefs.example.org/")
    site = build(project, tmp_path / "site")
    page = soup(site / "briefs" / SEED_ID / "index.html")
    md = page.select_one("code.briefs-cite__markdown").get_text()
    assert f"https://briefs.example.org/briefs/{SEED_ID}/" in md
    data = json.loads((site / "briefs" / SEED_ID / "facts.json").read_text(encoding="utf-8"))
    assert data["url"] == f"https://briefs.example.org/briefs/{SEED_ID}/"


def test_examples_in_the_docs_are_not_searchable(lunr_site):
    index = json.loads((lunr_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith(("downloads/", "contract/", "fact-files/"))]
    assert docs and {d["location"].split("/")[0] for d in docs} == {"downloads", "contract", "fact-files"}
    text = " ".join(d["text"] for d in docs)
    assert '"headline"' not in text and "&quot;headline&quot;" not in text and "seed_sha256:" not in text


def test_print_shows_the_address_of_real_links_only(site):
    css = (site / "assets" / "briefs" / "briefs.css").read_text(encoding="utf-8")
    rules = re.findall(r"([^{}]*briefs-source[^{}]*)::after\s*\{", css)
    assert rules and all("a.briefs-source[href]" in r for r in rules), rules  # a <span> without URL prints no "<>"


# --------------------------------------------------------------------------- plugin pages without the Markdown round trip


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("which", ["fixtures", "hostile"])
def test_fast_pages_are_byte_identical_to_markdown(which, site, hostile_site, tmp_path, monkeypatch):
    """Plugin pages skip Python-Markdown (generator/render/fastmd.py); the site
    must be exactly what Markdown makes of the same pages."""
    from generator.render import fastmd

    calls = []
    real = fastmd.FastPages.split
    monkeypatch.setattr(fastmd.FastPages, "split", lambda self, text: calls.append(real(self, text)) and None)
    project = make_project(tmp_path / "p")
    if which == "hostile":
        import yaml

        (project / "briefs" / "2025-06-01-hostile.yaml").write_text(
            yaml.safe_dump(hostile_brief(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    slow = build(project, tmp_path / "slow-site")
    fast_pages = sum(c is not None for c in calls)
    assert fast_pages >= len(calls) - 3, "all plugin pages but the index pages written in Markdown take the fast path"
    fast = site if which == "fixtures" else hostile_site
    a, b = _tree(fast), _tree(slow)
    assert sorted(a) == sorted(b)
    from generator.render.pages import compact_html  # whitespace between tags aside (shells compact theirs)
    same = lambda k: a[k] == b[k] or (k.endswith(".html") and compact_html(a[k].decode()) == compact_html(b[k].decode()))
    assert [k for k in a if not same(k)] == []


@pytest.mark.parametrize("which", ["fixtures", "hostile"])
def test_page_shells_are_byte_identical_to_full_renders(which, site, hostile_site, tmp_path, monkeypatch):
    """Plugin pages are filled into a shell of Material's template rendered once
    per kind of page (generator/render/shell.py); the site must be what
    rendering every page in full gives, hostile titles included."""
    from generator.render import shell
    from generator.render.pages import compact_html

    project = make_project(tmp_path / "p")
    if which == "hostile":
        import yaml

        (project / "briefs" / "2025-06-01-hostile.yaml").write_text(
            yaml.safe_dump(hostile_brief(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    filled = []
    real_fill = shell.Shells._fill
    monkeypatch.setattr(shell.Shells, "_fill", staticmethod(lambda *a: filled.append(1) or real_fill(*a)))
    shelled = build(project, tmp_path / "shelled")
    monkeypatch.setattr(shell, "ENABLED", False)
    full = build(project, tmp_path / "full")
    pages = len(list((shelled / "briefs").glob("*/index.html"))) + len(list((shelled / "entities").glob("*/index.html")))
    assert len(filled) >= pages - 3  # nearly every brief and entity page came from a shell
    a, b = _tree(shelled), _tree(full)
    assert sorted(a) == sorted(b)
    # a shell's own text is compacted once (its whitespace runs collapsed), the
    # page's values are not: the same HTML but for whitespace between tags
    same = lambda k: a[k] == b[k] or (k.endswith(".html") and compact_html(a[k].decode()) == b[k].decode())
    assert [k for k in a if not same(k)] == []
    fast = site if which == "fixtures" else hostile_site  # the module's sites, built with shells
    assert _tree(fast)["briefs/" + SEED_ID + "/index.html"] == a["briefs/" + SEED_ID + "/index.html"]


def test_a_theme_override_the_shell_cannot_reproduce_gets_full_renders(tmp_path, monkeypatch, caplog):
    """An override printing something per page that the shell does not mark (the
    page's URL): the second page of a kind differs, and that kind of page is
    rendered in full from then on, so the site is still right."""
    from generator.render import shell

    from tests.render.test_pagefind import use_search

    project = make_project(tmp_path / "p")
    use_search(project / "mkdocs.yml", "material")  # a main.html override replaces Pagefind's page marks
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Page {{ page.url }}{% endblock %}\n', encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.briefs"):
        shelled = build(project, tmp_path / "shelled")
    assert any("page shell differs" in r.getMessage() for r in caplog.records)
    monkeypatch.setattr(shell, "ENABLED", False)
    full = build(project, tmp_path / "full")
    a, b = _tree(shelled), _tree(full)
    assert [k for k in a if a[k] != b[k]] == []  # every page rendered in full (and compacted whole)
    entity = next(p for p in sorted((shelled / "entities").glob("*/index.html")))
    assert f"Page entities/{entity.parent.name}/" in entity.read_text(encoding="utf-8")


def test_a_theme_override_printing_the_folder_is_caught_in_every_folder(tmp_path, monkeypatch):
    """Pages of one depth and first folder share a shell (every entity's year
    pages, ``entities/<slug>/<year>/``). An override printing the page's folder
    is the same for two pages of one folder but not across folders: the first
    page of each folder is compared with the theme's output, so every page
    still says its own folder."""
    from generator.render import shell

    from tests.render.test_pagefind import set_option, use_search

    project = make_project(tmp_path / "p")
    use_search(project / "mkdocs.yml", "material")
    set_option(project / "mkdocs.yml", "entity_limit", "1")
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block announce %}{% if page and page.url %}Folder {{ page.url.rstrip('/').rsplit('/', 1)[0] }}."
        "{% endif %}{% endblock %}\n", encoding="utf-8")
    shelled = build(project, tmp_path / "shelled")
    years = sorted((shelled / "entities").glob("*/20*/index.html"))
    assert len({y.parent.parent for y in years}) >= 2, "year pages in two entities' folders"
    for y in years:
        assert f"Folder entities/{y.parent.parent.name}." in y.read_text(encoding="utf-8"), y
    monkeypatch.setattr(shell, "ENABLED", False)
    full = build(project, tmp_path / "full")
    a, b = _tree(shelled), _tree(full)
    assert [k for k in a if a[k] != b[k]] == []


@pytest.mark.parametrize("which", ["fixtures", "hostile"])
def test_pages_made_in_worker_processes_are_the_same(which, site, hostile_site, tmp_path, monkeypatch):
    """Large sites make their brief and entity pages in forked worker processes
    (generator/render/workers.py) and hold pages and downloads compressed
    (later.Held); the site must be the one a single process makes holding
    plain text, as small sites do."""
    from generator.render import later, workers

    monkeypatch.setattr(later, "COMPRESS_FROM", 1)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(workers, "can_fork", lambda: True)  # the browser tests' server thread may be running
    pools = []
    real_pool = workers.multiprocessing.get_context("fork").Pool
    monkeypatch.setattr(workers.multiprocessing, "get_context",
                        lambda method: type("Ctx", (), {"Pool": staticmethod(
                            lambda n: pools.append(n) or real_pool(n))})())
    project = make_project(tmp_path / "p")
    if which == "hostile":
        import yaml

        (project / "briefs" / "2025-06-01-hostile.yaml").write_text(
            yaml.safe_dump(hostile_brief(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    forked = build(project, tmp_path / "forked")
    assert pools == [2]
    one = site if which == "fixtures" else hostile_site  # the module's sites: made in this process
    a, b = _tree(forked), _tree(one)
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_fast_pages_fall_back_to_markdown_for_markdown():
    from generator.render.fastmd import FastPages

    fp = FastPages({"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": True}}})
    parts, toc = fp.split("<header>\n<h1>x</h1>\n</header>\n\n## Key figures\n\n<div>\n\n<p>a</p>\n</div>\n")
    assert parts[1].startswith('<h2 id="key-figures">') and toc[0]["id"] == "key-figures"
    assert fp.split("Some *Markdown* text\n") is None
    assert fp.split("<span>inline html</span>\n") is None  # Markdown wraps it in <p>
    assert fp.split("## A\n\n<p>x</p>\n\n## A\n") is None  # duplicate ids: toc makes them unique
    import markdown

    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    doc = "# A\n\n<p>x</p>\n\n## B\n\n## C\n\n### D\n"
    html = md.convert(doc)
    parts, toc = fp.split(doc)
    assert toc == md.toc_tokens  # nested as the toc extension nests it
    assert "".join(parts).replace("\n", "") == html.replace("\n", "")
    assert [t["id"] for t in toc] == ["a"] and [t["id"] for t in toc[0]["children"]] == ["b", "c"]


def test_a_product_named_once_without_figures_or_quotes_has_no_page(tmp_path):
    """A product named in one brief with no figure or quote: its page would only
    repeat the brief. It is listed on the brief without a link, the entities
    index links to the brief, and /entities/<slug>/ redirects there. A company
    named once keeps its page."""
    import yaml

    project = make_project(tmp_path / "p")
    src = FIXTURES / f"{SEED_ID}.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["entities"].append({"id": "entity-widget", "name": "Widget Nine", "type": "product", "aliases": [],
                             "role": None, "fingerprint": None, "suppressed": False})
    (project / "briefs" / src.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    site = build(project, tmp_path / "site")
    page = soup(site / "briefs" / SEED_ID / "index.html")
    names = [text_of(s) for s in page.select("ul.briefs-entities > li > span.briefs-entity--nopage")]
    assert names == ["Widget Nine"]
    links = {text_of(a): a["href"] for a in page.select("ul.briefs-entities > li > a")}
    assert "Widget Nine" not in links and links["Xiaomi Corp."] == "../../entities/xiaomi-corp/"  # an org: a page
    for href in links.values():
        assert (site / "briefs" / SEED_ID / href / "index.html").resolve().is_file(), href
    stub = soup(site / "entities" / "widget-nine" / "index.html")
    assert stub.select_one("meta[http-equiv=refresh]")["content"] == f"0; url=../../briefs/{SEED_ID}/"
    index = soup(site / "entities" / "index.html")
    links = {text_of(a): a["href"] for a in index.select("a.briefs-entity")}
    assert links["Widget Nine"] == f"../briefs/{SEED_ID}/"
    assert links["Richard Yu"] == "richard-yu/"
    for href in links.values():
        assert (site / "entities" / href / "index.html").resolve().is_file(), href


def _figure_rows(page: BeautifulSoup) -> list[tuple[str, ...]]:
    """An entity page's figures: measure, value, period, and the brief and
    fact the row links to (the link's path made independent of the page's depth)."""
    out = []
    for tr in page.select("table.key-figures tbody tr"):
        cells = [text_of(td) for td in tr.find_all("td")]
        href = tr.select_one("a")["href"]
        out.append((*cells[:3], href.split("briefs/", 1)[1]))
    return out


def test_entity_named_in_more_briefs_than_the_limit_gets_year_pages(site, tmp_path):
    """With ``entity_limit: 1``, Seres (named in a 2025 and a 2024 brief) lists
    only the newest brief and the latest figure of each measure, and links to
    a page per year; together the year pages hold every figure the one page
    held, and they link to each other and back."""
    from tests.render.test_pagefind import set_option

    project = make_project(tmp_path / "p")
    set_option(project / "mkdocs.yml", "entity_limit", "1")
    split = build(project, tmp_path / "site")
    whole = soup(site / "entities" / "seres-group-co" / "index.html")
    page = soup(split / "entities" / "seres-group-co" / "index.html")

    assert [a["href"] for a in page.select("ol.briefs-list a.briefs-list__title")] == [f"../../briefs/{SEED_ID}/"]
    assert "Mentioned in 2 briefs" in text_of(page.select_one(".briefs-entity-header"))
    assert [(a["href"], text_of(a)) for a in page.select("nav.briefs-years a")] == [("2025/", "2025"), ("2024/", "2024")]
    latest = _figure_rows(page)
    assert ("sales", "≈427,000 vehicles", "2024") in [r[:3] for r in latest]
    assert ("sales", "≈250,000 vehicles", "2023") not in [r[:3] for r in latest]  # an older period of that measure
    measures = [(r[0], r[1].split()[-1]) for r in latest]
    assert len(measures) == len(set(measures)), "one row per measure and unit"
    assert page.select("figure.briefs-chart"), "the charts still show every figure"

    years = {y: soup(split / "entities" / "seres-group-co" / y / "index.html") for y in ("2025", "2024")}
    assert sorted(r for y in years.values() for r in _figure_rows(y)) == sorted(_figure_rows(whole))
    assert [a["href"] for a in years["2025"].select("ol.briefs-list a.briefs-list__title")] == [
        f"../../../briefs/{SEED_ID}/"]
    assert [a["href"] for a in years["2024"].select("ol.briefs-list a.briefs-list__title")] == [
        f"../../../briefs/{OLD_ID}/"]
    assert [a["href"] for a in years["2025"].select("nav.briefs-years a")] == ["../2024/"]
    assert [a["href"] for a in years["2024"].select("nav.briefs-years a")] == ["../2025/"]
    assert years["2024"].select_one('.briefs-entity-header a[href="../"]') is not None

    person = soup(split / "entities" / "richard-yu" / "index.html")
    quotes = person.select("blockquote.briefs-quote")
    assert len(quotes) == 1 and "The newest 1 of 3" in text_of(person.select_one("article"))
    year_quotes = [q for y in ("2025", "2024") if (split / "entities" / "richard-yu" / y).is_dir()
                   for q in soup(split / "entities" / "richard-yu" / y / "index.html").select("blockquote.briefs-quote")]
    assert len(year_quotes) == 3

    for html in (split / "entities").rglob("index.html"):  # every link from the entity pages resolves
        for a in soup(html).select("article a[href]"):
            href = a["href"].split("#")[0]
            if href and not EXTERNAL.match(href):
                target = (html.parent / href).resolve()
                assert target.is_file() or (target / "index.html").is_file(), (html, a["href"])


def test_entity_limit_below_zero_is_a_one_line_error(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    from tests.render.test_pagefind import set_option

    project = make_project(tmp_path / "p")
    set_option(project / "mkdocs.yml", "entity_limit", "-1")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(project, tmp_path / "site")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "entity_limit must be 0" in errors[0] and "\n" not in errors[0], errors
