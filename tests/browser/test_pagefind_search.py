"""The header's search with ``search: pagefind``, used as a person would, in
headless Chromium over HTTP: the repo's mkdocs.yml (with that option added),
docs/, overrides/ and seeds/, built by ``python -m generator.cli build`` as
in conftest.py. Every request must stay on 127.0.0.1 (the page fixture's guard
blocks and reports any other).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from tests.render.test_pagefind import set_option, use_pagefind

from .conftest import Site, build_repo_site, guard_page, new_context, run_axe, serve, settle, shot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pf_site(tmp_path_factory) -> Site:
    project = tmp_path_factory.mktemp("briefs-pagefind-site")
    briefs, log = build_repo_site(project, "pagefind")
    if not (project / "site" / "pagefind" / "pagefind.js").is_file():
        pytest.fail(f"the site with search: pagefind has no pagefind/ bundle:\n{log}", pytrace=False)
    with serve(project / "site") as base_url:
        yield Site(project, project / "site", base_url, briefs, log)


@pytest.fixture(scope="module")
def hostile_pf_site(tmp_path_factory) -> Site:
    """The fixture fact files plus tests/test_build.py's hostile one (markup in every field)."""
    from tests.test_build import build, hostile_brief, make_project

    project = make_project(tmp_path_factory.mktemp("hostile-pagefind"))
    use_pagefind(project / "mkdocs.yml")
    (project / "briefs" / "2025-06-01-hostile.yaml").write_text(
        yaml.safe_dump(hostile_brief(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    site_dir = build(project, project / "site")
    with serve(site_dir) as base_url:
        yield Site(project, site_dir, base_url, {})


@pytest.fixture(scope="module")
def sharded_pf_site(tmp_path_factory) -> Site:
    """The fixture fact files, indexed in shards of at most 4 HTML files, with
    one word ("Zanzibarian", in the seed brief's headline) no other page has."""
    from tests.test_build import SEED_ID, build, make_project

    project = make_project(tmp_path_factory.mktemp("sharded-pagefind"))
    use_pagefind(project / "mkdocs.yml")
    set_option(project / "mkdocs.yml", "search_shard_pages", "4")
    fact = project / "briefs" / f"{SEED_ID}.yaml"
    fact.write_text(re.sub(r"(?m)^headline: (.*)$", r"headline: Zanzibarian \1", fact.read_text(encoding="utf-8"),
                           count=1), encoding="utf-8")
    site_dir = build(project, project / "site")
    with serve(site_dir) as base_url:
        yield Site(project, site_dir, base_url, {SEED_ID: {"id": SEED_ID}})


def _shard_texts(site_dir) -> list[dict[str, str]]:
    """Per shard of site_dir/pagefind: page URL -> the indexed text (lower case)."""
    import gzip
    import json

    bundle = site_dir / "pagefind"
    dirs = [bundle] + [bundle / d for d in json.loads((bundle / "briefs-shards.json").read_text())["shards"]]
    out = []
    for d in dirs:
        pages = {}
        for f in (d / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(f.read_bytes())
            frag = json.loads(data[data.index(b"{"):])
            pages[frag["url"]] = frag["content"].lower()
        out.append(pages)
    return out


def test_sharded_search_finds_what_one_index_would(browser, sharded_pf_site):
    """Pagefind drops a word its index does not know: a shard without
    "zanzibarian" would answer "zanzibarian <word>" with every page that has
    <word>. The search box leaves such shards out, so the only page with both
    words is the only result, as with one index."""
    site = sharded_pf_site
    shards = _shard_texts(site.dir)
    assert len(shards) >= 3, "the fixture site is not sharded"
    (brief_id,) = site.briefs
    home = [i for i, pages in enumerate(shards) if any("zanzibarian" in t for t in pages.values())]
    assert len(home) == 1 and f"/briefs/{brief_id}/" in shards[home[0]]
    # a word of that brief that pages in shards without "zanzibarian" have too
    brief_text = shards[home[0]][f"/briefs/{brief_id}/"]
    others = [t for i, pages in enumerate(shards) if i != home[0] for t in pages.values()]
    common = sorted(w for w in set(re.findall(r"[a-z]{6,}", brief_text))
                    if w != "zanzibarian" and sum(w in t for t in others) >= 2)
    assert common, "no word of the brief is in the other shards"
    word = common[0]
    ctx = new_context(browser, site)
    try:
        page = guard_page(ctx, site)
        _search(page, site, f"zanzibarian {word}")
        meta = page.locator(".briefs-pf .md-search-result__meta")
        assert meta.inner_text().strip().startswith("1 "), meta.inner_text()
        tops = page.locator(".briefs-pf .md-search-result__item > a.md-search-result__link")
        tops.first.wait_for(state="visible", timeout=15_000)  # the count shows before the results' data arrive
        assert tops.count() == 1 and tops.first.get_attribute("href").rstrip("/").endswith(f"/briefs/{brief_id}")
        # the word alone is found in several shards: they are all searched
        page.locator(".briefs-pf input.md-search__input").fill(word)
        page.wait_for_function("() => !/^1 /.test(document.querySelector('.briefs-pf .md-search-result__meta')"
                               ".textContent.trim())", timeout=15_000)
        found = int(meta.inner_text().split()[0])
        assert found >= 3, meta.inner_text()
        pf = [u for u in page.guard.requests if "/pagefind/" in u]
        assert sum("/pagefind/pagefind.js" in u for u in pf) == 1 and any("/pagefind/shards/" in u for u in pf), pf
        page.guard.assert_clean()
    finally:
        ctx.close()


@pytest.fixture
def pf_page(browser, pf_site):
    ctx = new_context(browser, pf_site)
    try:
        page = guard_page(ctx, pf_site)
        yield page
    finally:
        ctx.close()


def _search(page, site, words: str, path: str = "/"):
    resp = page.goto(site.url(path), wait_until="load")
    assert resp is not None and resp.status == 200
    assert not any("/pagefind/" in u for u in page.guard.requests), "Pagefind loads before the search opens"
    toggle = page.locator("label.md-header__button[for='__search']")  # the header's button (narrow screens)
    field = page.locator(".briefs-pf input.md-search__input")  # the header's box (wide screens)
    (toggle if toggle.is_visible() else field).click()
    field.wait_for(state="visible")
    assert page.evaluate("() => document.activeElement && document.activeElement.matches('.briefs-pf input')"), \
        "opening the search does not put the cursor in its box"
    page.keyboard.type(words, delay=20)
    page.locator(".briefs-pf .md-search-result__meta").filter(has_text="matching").wait_for(timeout=15_000)


def test_pagefind_search_finds_richard_yu(pf_page, pf_site):
    page, site = pf_page, pf_site
    brief = site.seed_brief
    _search(page, site, "Richard Yu")
    to_brief = f"a.md-search-result__link[href*='/briefs/{brief['id']}/']"
    link = page.locator(f".briefs-pf {to_brief}").first
    link.wait_for(state="visible", timeout=15_000)
    item = page.locator(".briefs-pf .md-search-result__item").filter(has=page.locator(to_brief)).first
    text = " ".join(item.inner_text().split())
    assert brief["headline"] in text, text
    assert "Richard Yu" in text, f"the result does not show where Richard Yu is named: {text}"
    shot(page, "pagefind-richard-yu")
    settle(page)
    pf = [u for u in page.guard.requests if "/pagefind/" in u]
    assert any(u.endswith("/pagefind/pagefind.js") for u in pf) and any(".pf_index" in u for u in pf), pf
    assert not any("search_index.json" in u for u in page.guard.requests), "Material's lunr index was fetched"
    sizes = {u: (site.dir / urlsplit(u).path.lstrip("/")).stat().st_size for u in set(pf)}
    assert sum(sizes.values()) <= 300 * 1024, f"the query downloaded {sum(sizes.values()) / 1024:.0f} KB: {sizes}"
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in page.guard.requests)
    link.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == site.brief_path(brief["id"])
    page.guard.assert_clean()


def test_pagefind_search_by_keyboard(pf_page, pf_site):
    page, site = pf_page, pf_site
    brief = site.seed_brief
    resp = page.goto(site.url(site.brief_path(brief["id"])), wait_until="load")
    assert resp is not None and resp.status == 200
    page.keyboard.press("/")  # as in Material: "/", "s" or "f" opens the search
    assert page.evaluate("() => document.getElementById('__search').checked")
    page.keyboard.type("Huawei", delay=20)
    page.locator(".briefs-pf a.md-search-result__link").first.wait_for(state="visible", timeout=15_000)
    page.keyboard.press("ArrowDown")
    first = page.evaluate("() => document.activeElement.matches('.briefs-pf a.md-search-result__link')")
    assert first, "ArrowDown does not move from the box to the first result"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.matches('.briefs-pf input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('__search').checked"), "Escape does not close the search"
    page.guard.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_pagefind_search_has_no_serious_accessibility_violations(browser, pf_site, scheme):
    ctx = new_context(browser, pf_site, color_scheme=scheme)
    try:
        page = guard_page(ctx, pf_site)
        _search(page, pf_site, "Richard Yu")
        page.locator(".briefs-pf a.md-search-result__link").first.wait_for(state="visible", timeout=15_000)
        page.wait_for_timeout(500)  # Material's opacity transition
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        shot(page, f"pagefind-search-{scheme}")
        found = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        problems = [f"[{v['impact']}] {v['id']}: {v['help']} — "
                    + "; ".join(f"{n['target']} ({n['html']})" for n in v["nodes"][:5]) for v in found]
        assert not problems, f"axe-core with the search open ({scheme}):\n  " + "\n  ".join(problems)
        page.guard.assert_clean()
    finally:
        ctx.close()


def test_hostile_text_in_results_is_text(browser, hostile_pf_site):
    """Pagefind's titles and excerpts are the pages' text: shown as text, never as markup."""
    ctx = new_context(browser, hostile_pf_site)
    try:
        page = guard_page(ctx, hostile_pf_site)
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        _search(page, hostile_pf_site, "Evil alert")
        page.locator(".briefs-pf a.md-search-result__link[href*='2025-06-01-hostile']").first.wait_for(
            state="visible", timeout=15_000)
        tags = page.evaluate("""() => [...new Set([...document.querySelectorAll(
            '.briefs-pf .md-search-result__list *')].map(e => e.tagName))]""")
        assert set(tags) <= {"LI", "A", "ARTICLE", "DIV", "H1", "H2", "P", "MARK", "BUTTON"}, tags
        text = page.locator(".briefs-pf .md-search-result__list").inner_text()
        assert "<script>alert('x')</script>" in text, f"the headline is not shown as written: {text[:500]}"
        page.wait_for_timeout(300)
        assert not dialogs, dialogs
        page.guard.assert_clean()
    finally:
        ctx.close()
