"""The site built for real with the plugin option ``search: pagefind``: the
repo's mkdocs.yml, docs/ and overrides/ with the fixture fact files, through
``mkdocs build --strict`` and the real Pagefind binary of ``pagefind[bin]``.
What the browser does with it is in tests/browser/test_pagefind_search.py.
"""
from __future__ import annotations

import gzip
import json
import logging
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.test_build import SEED_ID, build, make_project, soup

pytestmark = pytest.mark.slow


def set_option(mkdocs_yml: Path, name: str, value: str) -> None:
    """Set the briefs plugin's option ``name`` in ``mkdocs_yml`` to ``value`` (YAML)."""
    text = re.sub(rf"^[ \t]+{name}: [^\n]*\n", "", mkdocs_yml.read_text(encoding="utf-8"), flags=re.MULTILINE)
    m = re.search(r"^[ \t]*- briefs:\n([ \t]+)", text, re.MULTILINE)
    assert m, "mkdocs.yml has no `- briefs:` entry with options"
    mkdocs_yml.write_text(text[:m.end()] + f"{name}: {value}\n" + m.group(1) + text[m.end():], encoding="utf-8")


def use_search(mkdocs_yml: Path, mode: str) -> None:
    """Set the briefs plugin's ``search:`` option in ``mkdocs_yml`` to ``mode``."""
    set_option(mkdocs_yml, "search", mode)


def use_pagefind(mkdocs_yml: Path) -> None:
    use_search(mkdocs_yml, "pagefind")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("pagefind-project"))
    use_pagefind(root / "mkdocs.yml")
    return root


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    return build(project, tmp_path_factory.mktemp("pagefind-site") / "site")


def test_pagefind_bundle_instead_of_lunr_index(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert list((site / "pagefind" / "index").glob("*.pf_index"))
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "assets" / "briefs" / "pagefind-search.js").is_file()


def test_brief_page_is_marked_for_pagefind(site):
    page = soup(site / "briefs" / SEED_ID / "index.html")
    body = page.select("[data-pagefind-body]")
    assert len(body) == 1 and body[0].select_one("h1.briefs-title"), "the brief's content is not the indexed part"
    assert body[0].select_one("blockquote.briefs-quote"), "the quotes are not in the indexed part"
    for sel in ("dl.briefs-sourceinfo", "ul.briefs-downloads"):
        assert page.select_one(sel).has_attr("data-pagefind-ignore"), sel
    for sel in (".briefs-cite", "tr.evidence td"):  # lunr's marker, excluded by Pagefind too
        assert page.select_one(sel).has_attr("data-search-exclude"), sel
    assert page.select_one("time[data-pagefind-meta='date']")


def test_header_search_hosts_pagefind(site):
    page = soup(site / "briefs" / SEED_ID / "index.html")
    assert page.select_one("label.md-header__button[for='__search']"), "the header lost its search button"
    box = page.select_one(".md-search.briefs-pf")
    assert box is not None and box.get("role") == "dialog" and box.get("aria-label")
    assert box["data-briefs-pagefind"] == "../../pagefind/"  # relative to the page, not to a CDN or the root
    assert not page.select("[data-md-component='search']"), "Material's lunr search would start"
    assert page.select_one("form[name='search']") is None, "Material fetches search_index.json for form[name=search]"
    scripts = [s.get("src", "") for s in page.select("script[src]")]
    assert "../../assets/briefs/pagefind-search.js" in scripts
    assert not any("//" in s for s in scripts)


def test_nothing_external_and_every_link_resolves(site):
    from tests import test_build

    test_build.test_no_external_resources_anywhere(site)
    test_build.test_every_local_link_resolves(site)


def test_which_pages_are_indexed(site):
    def indexed(rel: str) -> bool:
        return bool(soup(site / rel).select("[data-pagefind-body]"))

    assert indexed("index.html") and indexed("fact-files/index.html")  # home and hand-written docs
    assert indexed("entities/huawei-technologies-co/index.html")  # named in both briefs
    assert not indexed("tags/index.html") and not indexed("entities/index.html")
    assert not indexed("404.html")
    tags = sorted((site / "tags").glob("*/index.html"))
    assert tags and not any(soup(t).select("[data-pagefind-body]") for t in tags)


def test_pagefind_indexed_the_marked_pages_only(site):
    meta = next((site / "pagefind").glob("pagefind.*.pf_meta"))
    assert meta.stat().st_size > 0
    marked = [p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")
              and not p.is_relative_to(site / "pagefind")]
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert f'"page_count":{len(marked)}' in entry, (len(marked), entry)


def _files(site: Path) -> dict:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_pagefind_builds_are_byte_identical(project, site, tmp_path):
    shutil.rmtree(project / ".briefs-cache" / "pagefind")  # Pagefind itself runs again, not the cache
    again = build(project, tmp_path / "again")
    a, b = _files(site), _files(again)
    assert sorted(a) == sorted(b)
    differ = [str(k) for k in a if a[k] != b[k]]
    assert not differ, differ


def test_missing_pagefind_package_is_a_one_line_error(project, tmp_path, monkeypatch, caplog):
    from mkdocs.exceptions import Abort

    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # as if not installed: import fails
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(project, tmp_path / "site")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "pagefind[bin]" in errors[0] and "\n" not in errors[0], errors
    assert not (tmp_path / "site" / "index.html").exists()  # stopped before writing pages


def _fragment_texts(site: Path) -> str:
    """The text of every page in the Pagefind bundle (its gzipped fragments)."""
    out = []
    for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        out.append(json.loads(data[data.index(b"{"):])["content"])
    return "\n".join(out)


def test_unchanged_pages_reuse_the_cached_index_and_a_changed_page_reindexes(project, site, tmp_path, caplog):
    """A rebuild with the same pages links the cached bundle (same bytes as
    Pagefind's own run); a changed fact file makes Pagefind index again."""
    proj = tmp_path / "proj"
    shutil.copytree(project, proj)
    first = build(proj, tmp_path / "first")  # the copy's cache may already hold this bundle
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefs"):
        second = build(proj, tmp_path / "second")
    assert any("comes from the cache" in r.getMessage() for r in caplog.records)
    assert _files(second / "pagefind") == _files(first / "pagefind") == _files(site / "pagefind")
    # the site's bundle files are links to the cache's: read-only, so nothing edits the cache through them
    entry = second / "pagefind" / "pagefind-entry.json"
    assert entry.stat().st_mode & 0o222 == 0
    assert entry.samefile(proj / ".briefs-cache" / "pagefind" / "pagefind" / "pagefind-entry.json")

    fact = proj / "briefs" / f"{SEED_ID}.yaml"
    text = fact.read_text(encoding="utf-8")
    fact.write_text(re.sub(r"(?m)^headline: .*$", "headline: Zanzibarian pelicans buy Seres", text, count=1),
                    encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefs"):
        third = build(proj, tmp_path / "third")
    assert not any("comes from the cache" in r.getMessage() for r in caplog.records)
    assert "Zanzibarian" in _fragment_texts(third) and "Zanzibarian" not in _fragment_texts(second)


def test_site_digest_trusts_a_stamp_only_while_the_file_matches_it(tmp_path):
    """The writer's stamps spare reading what it wrote; a file changed since
    (another plugin rewrote it) is read again, so the cache key follows it."""
    import hashlib
    import os

    from generator.render.pagefind import site_digest
    from generator.render.writer import Stamp

    exe = Path(sys.executable)
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>one</p>")
    st = os.stat(page)
    true = Stamp(st.st_size, st.st_mtime_ns, hashlib.sha256(b"<p>one</p>").digest())
    plain = site_digest(tmp_path, exe)
    assert site_digest(tmp_path, exe, {str(page): true}) == plain
    # a stamp that matches size and time is taken on trust (the file is not read) ...
    fake = true._replace(sha256=b"\0" * 32)
    assert site_digest(tmp_path, exe, {str(page): fake}) != plain
    # ... but not once the file has changed
    page.write_text("<p>two!</p>")
    assert site_digest(tmp_path, exe, {str(page): fake}) == site_digest(tmp_path, exe) != plain


def test_the_key_figures_header_row_is_not_indexed(site):
    """Its cells have no space between them: Pagefind would index one word
    "SubjectMeasureValuePeriodSource" for every brief."""
    head = soup(site / "briefs" / SEED_ID / "index.html").select_one("table.key-figures thead")
    assert head is not None and head.has_attr("data-pagefind-ignore")
    text = _fragment_texts(site)
    assert "Seres" in text and "SubjectMeasure" not in text


def _entry(bundle: Path) -> dict:
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def _fragment_urls(bundle: Path) -> set[str]:
    out = set()
    for f in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        out.add(json.loads(data[data.index(b"{"):])["url"])
    return out


@pytest.fixture(scope="module")
def sharded(project, tmp_path_factory) -> Path:
    """The same project with at most 4 HTML files per Pagefind run."""
    root = tmp_path_factory.mktemp("sharded") / "proj"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns(".briefs-cache", "site"))
    set_option(root / "mkdocs.yml", "search_shard_pages", "4")
    return build(root, root / "site")


def test_a_big_site_is_indexed_in_shards_that_hold_every_page_once(site, sharded):
    bundle = sharded / "pagefind"
    listed = json.loads((bundle / "briefs-shards.json").read_text(encoding="utf-8"))["shards"]
    html = [p for p in sharded.rglob("*.html") if not p.is_relative_to(bundle)]
    # only the pages Pagefind indexes take a place in a shard (not those kept out of search)
    searched = [p for p in html if b"data-pagefind-body" in p.read_bytes()]
    assert 0 < len(searched) < len(html)
    assert len(listed) + 1 == -(-len(searched) // 4), (listed, len(searched))  # as few shards of <= 4 as can be
    shards = [bundle] + [bundle / s for s in listed]
    assert all((s / "pagefind-entry.json").is_file() and list(s.glob("pagefind.*.pf_meta")) for s in shards)
    # one script and WebAssembly for all: a merged shard has its index and fragments only
    assert not [p.name for s in shards[1:] for p in s.iterdir() if p.suffix in (".js", ".css", ".pagefind")]
    assert not (bundle / ".pages").exists()  # the shards' link trees are gone
    # together the shards index exactly the pages one index holds, each once, under the site's own URLs
    urls = [_fragment_urls(s) for s in shards]
    assert sum(map(len, urls)) == _entry(site / "pagefind")["languages"]["en"]["page_count"]
    assert set().union(*urls) == _fragment_urls(site / "pagefind")
    assert sum(_entry(s)["languages"]["en"]["page_count"] for s in shards) == sum(map(len, urls))
    assert all(urls), "a shard indexed no page"
    assert max(map(len, urls)) <= 4
    # an unsharded site lists no shard
    assert json.loads((site / "pagefind" / "briefs-shards.json").read_text(encoding="utf-8")) == {"shards": []}


def test_shard_size_below_one_is_a_one_line_error(project, tmp_path, caplog):
    from mkdocs.exceptions import Abort

    root = tmp_path / "proj"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns(".briefs-cache", "site"))
    set_option(root / "mkdocs.yml", "search_shard_pages", "0")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(root, root / "site")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "search_shard_pages" in errors[0] and "\n" not in errors[0], errors


def test_shards_of_deals_files_into_as_few_even_shards_as_fit():
    from generator.render.pagefind import shards_of

    files = [f"p{i:02d}.html" for i in range(10)]
    assert shards_of(files, 10) == [files]
    parts = shards_of(files, 4)
    assert [len(p) for p in parts] == [4, 3, 3]
    assert sorted(sum(parts, [])) == files
    assert shards_of([], 4) == [[]]


def test_the_site_model_is_let_go_before_pagefind_runs(project, tmp_path, monkeypatch):
    """Pagefind runs in a process of its own beside the build (~750 MB per
    shard at 10,000 briefs): by then the build holds no site model."""
    import weakref

    from generator.render import pagefind as pf
    from generator.render import site as site_mod

    made, alive_at_pagefind = [], []
    real_init, real_run = site_mod.Site.__init__, pf._run

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(weakref.ref(self))

    def run(*args, **kwargs):  # the Pagefind process itself
        alive_at_pagefind.append(sum(r() is not None for r in made))
        return real_run(*args, **kwargs)

    monkeypatch.setattr(site_mod.Site, "__init__", init)
    monkeypatch.setattr(pf, "_run", run)
    root = tmp_path / "proj"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns(".briefs-cache", "site"))
    build(root, root / "site")
    assert made and alive_at_pagefind == [0]
