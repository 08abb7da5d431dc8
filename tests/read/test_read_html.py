"""HTML pages: detection and trafilatura extraction."""
from generator.clean import clean
from generator.read import detect_kind, read

PARAS = [
    "Northwind Traders said on Monday that its annual revenue climbed to a record as demand for its "
    "refrigerated shipping containers surged across Asian and European ports during the year.",
    "The company, which is based in a small coastal town, expects to hire several hundred workers in the "
    "coming months to keep pace with orders, according to its chief executive officer.",
    "Analysts who follow the firm said the results were better than they had expected and that the "
    "outlook for the rest of the decade remained bright despite rising fuel costs.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Northwind revenue hits record | Example News</title>
<meta property="og:title" content="Northwind revenue hits record">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2023-06-12T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li></ul></nav>
<article><h1>Northwind revenue hits record</h1>
{''.join(f'<p>{p}</p>' for p in PARAS)}
</article>
<footer><p>Copyright 2023 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_read_via_trafilatura(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    doc = clean(read(p))
    assert doc.kind == "html"
    assert doc.paragraphs == PARAS
    assert doc.source.title == "Northwind revenue hits record"
    assert doc.source.authors == ["Dana Whitfield"]
    assert doc.source.published == "2023-06-12"
    assert "Home" not in doc.body and "All rights reserved" not in doc.body


def test_html_sniffed_without_extension(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(PAGE, encoding="utf-8")
    assert read(p).kind == "html"


def test_detect_kind_plain_text(tmp_path):
    assert detect_kind(tmp_path / "a.txt", "Some <b>text</b> about html tags.") == "text"
