"""Hostile and broken seeds and fact files: each bad one is quarantined with a
one-line error naming it, every other brief is published, and text from
articles comes out as inert text, with nothing written outside the output.

One project, built once (module fixture): good articles, bad files of every
kind, an article full of markup and template syntax, and a fact file edited to
carry the same hostile strings in every field the site shows.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
import yaml

from tests.test_pipeline import (
    article, brief_of, briefs_cli, build_report, make_project, needs_site, skipped, write_seed,
)

bs4 = pytest.importorskip("bs4")

HOSTILE_HEADLINE = 'Evil Corp <script>alert("xss-headline")</script> profit {{ 7*191 }} {% raw %} doubles'
HOSTILE_FIRST = (
    "Evil Corp Inc. said on Monday <img src=x onerror=\"alert('xss-img')\"> that revenue rose 25% to "
    "$3.1 billion in 2024, see [the filing](javascript:alert('xss-link')) and "
    "![pixel](https://evil.example/pixel.png) {: .pwned-class onclick=\"alert('xss-attr')\" } "
    "<a href=\"javascript:alert('xss-a')\">here</a> {{ config.site_name }}{{ 'zq' ~ 'xj' }}{% include 'x' %}."
)
HOSTILE_QUOTE = "<b>Bold</b> {{ 7*191 }} and {% if true %}jinja{% endif %} is !!! danger here [x](javascript:alert('xss-q'))"
HOSTILE_BLOCKS = """
<div class="pwned-block" onmouseover="alert('xss-div')">Injected block with revenue of $9 billion in 2024</div>

!!! danger "Pwned admonition"
    Evil Corp said profit rose 40% to $2 billion in 2024.

Evil Corp said costs fell 10% to $1 billion in 2024. { #pwned-id .pwned-class }

[ref]: javascript:alert('xss-ref')

<script>alert('xss-body')</script>
"""

# the same strings put by hand in a fact file, so every field the site shows is tested
EDITS = {
    "headline": HOSTILE_HEADLINE,
    "summary": "Summary <iframe src=\"javascript:alert('xss-summary')\"></iframe> [x](javascript:alert('xss-s')) "
               "{{ 7*191 }} {{ 'zq' ~ 'xj' }} ::: note {: .pwned-class }",
    "tags": ["../../etc/passwd", "CON", "<script>alert('xss-tag')</script>", "{{ 7*191 }}"],
}
EDIT_QUOTE = {"speaker": "<img src=x onerror=alert('xss-speaker')>", "text": HOSTILE_QUOTE,
              "evidence": "“" + HOSTILE_QUOTE + "”, <img src=x onerror=alert('xss-speaker')> said."}
EDIT_ENTITIES = [
    {"id": "entity-passwd", "name": "../../etc/passwd", "type": "org", "aliases": [], "role": None},
    {"id": "entity-con", "name": "CON", "type": "org", "aliases": ["NUL", "..\\..\\boot.ini"], "role": None},
    {"id": "entity-script", "name": "<script>alert('xss-entity')</script>", "type": "person",
     "aliases": [], "role": "{{ 7*191 }}"},
]

CP1252_ARTICLE = """Café chain Brioche Dorée lifts sales forecast after strong winter

February 12, 2025

Brioche Dorée SA raised its annual sales forecast to €2.4 billion on Wednesday after same-store sales \
climbed 7.5% in the three months to January, the Paris-based bakery chain said.

The company, which runs about 1,300 cafés in France and Belgium, said its net profit rose to €180 million \
in 2024 from €152 million a year earlier. It now expects revenue growth of 6% to 8% this year.

“Our customers keep coming back for the coffee and the pastries,” chief executive Hélène Martin said on a \
call with analysts. “We are opening 90 new cafés this year.”

The shares rose 4% in Paris trading. Brioche Dorée’s rival Paul SAS reported a 3% rise in sales last month.
"""

GB18030_ARTICLE = """比亚迪第一季度净利润增长百分之百

2025年4月25日

比亚迪股份有限公司周五表示，第一季度净利润同比增长百分之一百，达到九十一亿元人民币，得益于海外销量大增和电池成本下降。

这家总部位于深圳的汽车制造商第一季度共售出一百万辆新能源汽车，其中出口约二十一万辆，同比增长一倍以上。公司营业收入为一千七百亿元。

“我们的海外业务正在快速增长，”比亚迪董事长王传福在声明中说。“今年我们计划在欧洲开设更多门店。”

分析人士预计，比亚迪全年销量有望超过五百万辆。该公司股价周五在香港上涨百分之三。
"""


def _collision_pair() -> tuple[str, str]:
    """Two different articles with the same headline and date line: the same id."""
    a, b = article(4), article(5)
    head_a = a.split("\n\n", 2)
    head_b = b.split("\n\n", 2)
    return a, "\n\n".join([head_a[0], head_a[1], head_b[2]])


GOOD = {  # seeds that must be published
    "00-good.txt": article(0),
    "01-good.txt": article(1),
    "02-good.txt": article(2),
    "03-good.txt": article(3),
    "cp1252.txt": CP1252_ARTICLE.encode("cp1252"),
    "gb18030.txt": GB18030_ARTICLE.encode("gb18030"),
    "CON.txt": article(6),
    "a\\..\\..\\etc\\passwd.txt": article(7),  # a Windows-style path in a name (not hidden: no leading dot)
    "<img src=x onerror=alert(1)>.txt": article(9),
    "hostile.txt": article(8, headline=HOSTILE_HEADLINE, first=HOSTILE_FIRST, quote=HOSTILE_QUOTE,
                           extra=HOSTILE_BLOCKS),
    "id-a.txt": _collision_pair()[0],
}

BAD = {  # seed or fact file -> a word the one-line problem must contain
    "seeds/empty.txt": "empty",
    "seeds/binary.txt": "binary",
    "seeds/huge.txt": "too large",
    "seeds/invalid-utf8.txt": "undecodable",
    "seeds/no-article.txt": "no article",
    "seeds/copy-of-00.txt": "duplicate",
    "seeds/resaved-01.txt": "duplicate",
    "seeds/id-b.txt": "id",
    "seeds/passwd-link.txt": "outside seeds",
    "seeds/notes.docx": "not a seed",
    "briefs/wrong-type.yaml": "metrics.0.value",
    "briefs/unknown-key.yaml": "colour",
}


def _bad_seeds(root: Path) -> None:
    write_seed(root, "empty.txt", b"")
    write_seed(root, "binary.txt", bytes(range(256)) * 64)
    with (root / "seeds" / "huge.txt").open("w", encoding="utf-8") as fh:  # 50 MB of article text
        text = article(10)
        for _ in range(50 * 2**20 // len(text) + 1):
            fh.write(text)
    # not UTF-8, and not any plausible encoding (bytes undefined in cp1252 and GB18030)
    write_seed(root, "invalid-utf8.txt", article(11).encode("utf-8").replace(b" the ", b" \x81\x8d\x90 "))
    write_seed(root, "no-article.txt", "Home\nNews\nSport\nWeather\nContact us\nPrivacy policy\nCookie settings\n")
    write_seed(root, "copy-of-00.txt", article(0))  # same bytes
    write_seed(root, "resaved-01.txt", article(1).replace("\n", "\r\n").encode("utf-8"))  # same article re-saved
    write_seed(root, "id-b.txt", _collision_pair()[1])
    os.symlink("/etc/passwd", root / "seeds" / "passwd-link.txt")
    write_seed(root, "notes.docx", b"PK\x03\x04 not a seed")


def _bad_fact_files(root: Path) -> None:
    """Two broken copies of a valid fact file: a wrong type and an unknown key."""
    _, data = brief_of(root, "03-good.txt")
    data = yaml.safe_load(yaml.safe_dump(data))
    assert data["metrics"], "article(3) has figures"
    wrong = dict(data, id="wrong-type")
    wrong["metrics"] = [dict(data["metrics"][0], value="a lot")]
    wrong["provenance"] = dict(data["provenance"], seed="seeds/gone-1.txt", seed_sha256="1" * 64)
    (root / "briefs" / "wrong-type.yaml").write_text(yaml.safe_dump(wrong), encoding="utf-8")
    unknown = dict(data, id="unknown-key", colour="red")
    unknown["provenance"] = dict(data["provenance"], seed="seeds/gone-2.txt", seed_sha256="2" * 64)
    (root / "briefs" / "unknown-key.yaml").write_text(yaml.safe_dump(unknown), encoding="utf-8")


def _hostile_edit(root: Path) -> str:
    """A person's edit of 02-good's fact file that puts hostile text in every field."""
    path, data = brief_of(root, "02-good.txt")
    data.update(EDITS)
    data["quotes"] = [dict(EDIT_QUOTE, id="quote-hostile", fingerprint=None, suppressed=False, role=None)]
    data["entities"] = [dict(e, fingerprint=None, suppressed=False) for e in EDIT_ENTITIES]
    if data["metrics"]:
        data["metrics"][0]["subject"] = "<svg onload=alert('xss-subject')>"
        data["metrics"][0]["evidence"] = HOSTILE_FIRST
    data["source"]["url"] = "https://example.org/a?b=\"><script>alert('xss-url')</script>"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data["id"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad-input")
    root = make_project(base / "proj", GOOD)
    briefs_cli(root, "build", "--no-site", check=0)  # fact files to break and edit
    _bad_seeds(root)
    _bad_fact_files(root)
    hostile_id = _hostile_edit(root)
    args = ("build",) if (root / "mkdocs.yml").exists() and _site_wanted() else ("build", "--no-site")
    proc = briefs_cli(root, *args, check=0)
    return {"base": base, "root": root, "proc": proc, "hostile_id": hostile_id}


def _site_wanted() -> bool:
    from tests.test_pipeline import has_site_config
    return has_site_config()


# --- quarantine ------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(BAD))
def test_bad_file_is_quarantined_with_a_one_line_error(project, path):
    problems = skipped(project["root"])
    assert path in problems, f"{path} not in the build report: {problems}"
    msg = problems[path]
    assert BAD[path] in msg.lower(), msg
    assert "\n" not in msg and len(msg) < 400
    printed = [l for l in project["proc"].stderr.splitlines() if path in l]
    assert printed and BAD[path] in printed[0].lower(), project["proc"].stderr


def test_only_bad_files_are_quarantined(project):
    assert set(skipped(project["root"])) == set(BAD)


def test_every_good_seed_has_its_brief(project):
    root = project["root"]
    report = build_report(root)
    for seed in GOOD:
        path, data = brief_of(root, seed)
        assert data["id"] in report["briefs"], seed
    assert report["site_error"] is None


def test_cp1252_and_gb18030_are_read_correctly(project):
    root = project["root"]
    _, cp = brief_of(root, "cp1252.txt")
    _, gb = brief_of(root, "gb18030.txt")
    cp_text = yaml.safe_dump(cp, allow_unicode=True)
    gb_text = yaml.safe_dump(gb, allow_unicode=True)
    assert "Brioche Dorée" in cp_text and "Ã" not in cp_text
    assert "比亚迪" in gb_text


def test_nothing_bad_leaks_into_fact_files(project):
    """Quarantined seeds made no fact file; the broken fact files were left as they were."""
    root = project["root"]
    seeds_in_briefs = {yaml.safe_load(p.read_text(encoding="utf-8"))["provenance"]["seed"]
                       for p in (root / "briefs").glob("*.yaml")}
    assert not {p for p in BAD if p.startswith("seeds/")} & seeds_in_briefs
    assert "value: a lot" in (root / "briefs" / "wrong-type.yaml").read_text(encoding="utf-8")


def test_check_reports_the_same_problems(project):
    proc = briefs_cli(project["root"], "check", "--no-config", check=1)
    lines = proc.stdout.splitlines()
    assert len(lines) == len(BAD), proc.stdout
    for path in BAD:
        assert any(l.startswith(f"{path}: ") for l in lines), path


# --- the site ------------------------------------------------------------------

def _site_files(root: Path) -> list[Path]:
    site = root / "site"
    return [p for p in sorted(site.rglob("*")) if p.is_file() and "assets" not in p.relative_to(site).parts[:1]]


@pytest.fixture(scope="module")
def pages(project):
    if not (project["root"] / "site").is_dir():
        pytest.skip("no site was built (the repo has no mkdocs.yml)")
    out = {}
    for p in _site_files(project["root"]):
        if p.suffix == ".html":
            out[p] = bs4.BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
    return out


@needs_site
def test_every_good_brief_is_published(project):
    root = project["root"]
    for seed in GOOD:
        _, data = brief_of(root, seed)
        assert (root / "site" / "briefs" / data["id"] / "index.html").is_file(), seed
    for bad in ("wrong-type", "unknown-key"):
        assert not (root / "site" / "briefs" / bad).exists()


@needs_site
def test_encodings_published_correctly(project, pages):
    root = project["root"]
    for seed, words in (("cp1252.txt", "Brioche Dorée"), ("gb18030.txt", "比亚迪")):
        _, data = brief_of(root, seed)
        page = pages[root / "site" / "briefs" / data["id"] / "index.html"]
        assert words in page.get_text(), seed


@needs_site
def test_no_script_handler_or_javascript_url_from_articles(pages):
    for path, soup in pages.items():
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if attr.lower().startswith("on"):
                    assert "alert" not in value and "xss" not in value, f"{path}: <{tag.name} {attr}={value!r}>"
                if attr.lower() in ("href", "src", "action", "formaction", "data", "xlink:href"):
                    squeezed = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower()
                    assert not squeezed.startswith(("javascript:", "vbscript:", "data:text/html")), \
                        f"{path}: <{tag.name} {attr}={value!r}>"
                    assert "evil.example" not in squeezed, f"{path}: <{tag.name} {attr}={value!r}>"
            if tag.name in ("script", "iframe", "svg", "object", "embed"):
                assert "xss" not in tag.decode(), f"{path}: {tag.decode()[:200]}"
            assert tag.name not in ("iframe", "object", "embed"), f"{path}: <{tag.name}>"


@needs_site
def test_no_markdown_or_attribute_syntax_takes_effect(pages):
    for path, soup in pages.items():
        assert not soup.select(".pwned-class, .pwned-block, #pwned-id"), path
        for adm in soup.select(".admonition"):
            assert "Pwned" not in adm.get_text(), path
        for b in soup.find_all("b"):
            assert b.get_text() != "Bold", f"{path}: <b> from an article became markup"


@needs_site
def test_template_syntax_is_shown_not_run(project, pages):
    root = project["root"]
    page = pages[root / "site" / "briefs" / project["hostile_id"] / "index.html"]
    text = " ".join(page.get_text().split())
    assert "{{ 7*191 }}" in text
    assert '<script>alert("xss-headline")</script>' in text, "the hostile headline shows as text"
    for p in _site_files(root):
        if p.suffix in (".html", ".xml", ".json", ".csv", ".txt"):
            assert "zqxj" not in p.read_text(encoding="utf-8", errors="replace"), f"{p}: a template ran"


@needs_site
def test_feed_and_json_stay_well_formed(project):
    import json
    import xml.dom.minidom

    for p in _site_files(project["root"]):
        if p.suffix == ".json":
            json.loads(p.read_text(encoding="utf-8"))
        elif p.suffix == ".xml":
            xml.dom.minidom.parseString(p.read_bytes())


def test_nothing_written_outside_the_project(project):
    """Only the project folder in its parent; in it, only the expected entries;
    in the site, only real files within it, with harmless names."""
    base, root = project["base"], project["root"]
    assert sorted(p.name for p in base.iterdir()) == ["proj"]
    allowed = {"seeds", "briefs", "site", ".briefs-cache", "docs", "overrides", "mkdocs.yml"}
    assert {p.name for p in root.iterdir()} <= allowed
    assert not (root / ".site.new").exists() and not (root / ".site.old").exists()
    reserved = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
    site = (root / "site").resolve()
    for p in [*(root / "site").rglob("*"), *(root / "briefs").rglob("*")] if (root / "site").exists() else \
            (root / "briefs").rglob("*"):
        assert not p.is_symlink(), p
        if "site" in p.parts:
            assert p.resolve().is_relative_to(site), p
        assert p.name.split(".")[0].lower() not in reserved, p
        assert "<" not in p.name and ">" not in p.name and "%" not in p.name, p
    assert not list(root.rglob("passwd")), "no file named after a hostile path"


def test_strict_fails_and_says_what_was_skipped(project, tmp_path):
    proc = briefs_cli(project["root"], "build", "--no-site", "--strict", check=1)
    assert re.search(rf"--strict: {len(BAD)} file\(s\) skipped", proc.stderr), proc.stderr
