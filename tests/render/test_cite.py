"""generator/cite.py: the "Cite this" box and `briefs cite`."""
from pathlib import Path

import pytest
from markdown import markdown

from generator.cite import citation, md_escape, safe_url
from generator.facts.store import load

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "briefs"
SEED = "2025-05-19-chinese-luxury-carmaker-seres-comes-from-behind-to-overtake-bmw"


@pytest.fixture
def brief():
    return load(FIX / f"{SEED}.yaml")


def test_brief_citation(brief):
    c = citation(brief, None, "https://briefs.example.org/")
    assert c["url"] == f"https://briefs.example.org/briefs/{SEED}/"
    assert c["text"].startswith("Linda Lew, “Chinese luxury carmaker Seres comes from behind to overtake BMW”, Bloomberg, 19 May 2025.")
    assert c["text"].endswith(f"Via Market briefs: https://briefs.example.org/briefs/{SEED}/")
    html = markdown(c["markdown"])
    assert f'href="https://briefs.example.org/briefs/{SEED}/"' in html
    assert 'href="https://example.com/2025/05/19/seres-bmw/"' in html


def test_fact_citation_relative_without_site_url(brief):
    c = citation(brief, "mercedes-deliveries-2025-01-to-2025-02", None)
    assert c["url"] == f"briefs/{SEED}/#mercedes-deliveries-2025-01-to-2025-02"
    assert c["text"].startswith("Mercedes deliveries, Jan–Feb 2025: 22,160 vehicles (source: ThinkerCar).")
    q = citation(brief, brief.quotes[3].id, None)
    assert "Richard Yu (oversees Huawei’s consumer business group): “But we won’t give up" in q["text"]


def test_unknown_fact(brief):
    with pytest.raises(KeyError):
        citation(brief, "no-such-fact", None)


def test_suppressed_fact_cannot_be_cited(brief):
    brief.metrics[0].suppressed = True
    with pytest.raises(KeyError):
        citation(brief, brief.metrics[0].id, None)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "**bold** _it_ `code`", "![i](x.png)",
    "# heading", "1. list", "- item", "> quote", "a | b", "{: .x}", "&lt;b&gt;", "AT&T", "\\*",
])
def test_md_escape_renders_literally(text):
    html = markdown(md_escape(text))
    assert html.startswith("<p>") and html.endswith("</p>")
    from html import unescape
    assert unescape(html[3:-4]) == text


def test_safe_url():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("ftp://x") is None
    assert safe_url('https://a.b/c?d="><x>') == "https://a.b/c?d=%22%3E%3Cx%3E"


def test_site_url_from_an_unresolved_env_tag(brief, monkeypatch):
    """mkdocs.yml has `site_url: !ENV [BRIEFS_SITE_URL, ""]`; a plain YAML reader gets the list."""
    monkeypatch.delenv("BRIEFS_SITE_URL", raising=False)
    assert citation(brief, None, ["BRIEFS_SITE_URL", ""])["url"] == f"briefs/{SEED}/"
    monkeypatch.setenv("BRIEFS_SITE_URL", "https://briefs.example.org/")
    assert citation(brief, None, ["BRIEFS_SITE_URL", ""])["url"] == f"https://briefs.example.org/briefs/{SEED}/"
