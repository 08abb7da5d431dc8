"""generator/render/fmt.py: how values, periods and titles read."""
import pytest

from generator.render import fmt


@pytest.mark.parametrize("args, expected", [
    ((509800, "CNY"), "CNY 509,800"),
    ((42, "%"), "42%"),
    ((-23, "%"), "-23%"),
    ((10000, "CNY", 20000), "CNY 10,000–20,000"),
    ((-20000, "CNY", -10000), "CNY -20,000 to -10,000"),
    ((10, "%", 20), "10–20%"),
    ((3, "x"), "3×"),
    ((1.5, "pp"), "1.5 pp"),
    ((22160, "vehicles"), "22,160 vehicles"),
    ((1234.5678, "USD"), "USD 1,234.57"),
    ((7, ""), "7"),
])
def test_value(args, expected):
    assert fmt.value(*args) == expected


def test_approximate():
    assert fmt.value(427000, "vehicles", approximate=True) == "≈427,000 vehicles"


@pytest.mark.parametrize("period, expected", [
    ("2024", "2024"), ("2025-Q1", "Q1 2025"), ("2025-H2", "H2 2025"), ("2025-03", "Mar 2025"),
    ("2025-03-14", "14 Mar 2025"), ("2025-01/2025-02", "Jan–Feb 2025"), ("2021/2024", "2021–2024"),
    ("2024-11/2025-02", "Nov 2024–Feb 2025"), (None, ""),
])
def test_period(period, expected):
    assert fmt.period(period) == expected


def test_date_and_names():
    assert fmt.date("2025-05-19") == "19 May 2025"
    assert fmt.join_names(["A", "B", "C"]) == "A, B and C"
    assert fmt.one_line(" a\n\n b\tc ") == "a b c"


def test_safe_title_has_no_markup():
    t = fmt.safe_title("<script>alert(1)</script> AT&T &lt;b&gt; &#60;")
    assert "<" not in t and ">" not in t
    assert "&l" not in t and "&#" not in t
    assert "AT＆T" in t  # an ampersand before a letter could start an entity: full-width



def _site_downloads(tmp_path, name, docs, csvs) -> tuple[str, bytes]:
    """The site's downloads written brief by brief (a brief without a JSON or
    CSV of its own here gets an empty one)."""
    from itertools import zip_longest

    from generator.render import pages

    out = pages.SiteDownloads(tmp_path, name)
    for d, c in zip_longest(docs, csvs):
        out.add(pages.to_json({}) if d is None else d, pages.to_csv([]) if c is None else c)
    out.close()
    return (tmp_path / "facts.json").read_text(encoding="utf-8"), (tmp_path / "facts.csv").read_bytes()


def test_site_json_written_from_brief_json_is_the_same_document(tmp_path):
    import json

    from generator.render import pages

    docs = [{"id": "a", "title": "Zürich \"quoted\" </script>", "metrics": [{"value": 1.5, "unit": None}]},
            {"id": "b", "quotes": [], "note": "line\nbreak"}]
    joined, _ = _site_downloads(tmp_path / "two", "Market \u2028briefs", [pages.to_json(d) for d in docs], [])
    assert joined == pages.to_json({"site": "Market \u2028briefs", "briefs": docs})
    assert json.loads(joined)["briefs"][0]["title"] == docs[0]["title"]
    assert _site_downloads(tmp_path / "none", "x", [], [])[0] == pages.to_json({"site": "x", "briefs": []})


def test_site_csv_written_from_brief_csv_is_the_same_table(tmp_path):
    from generator.render import pages

    rows = [[["a", "1", "=cmd"], ["b", "x,y", 'say "hi"']], [], [["c", "line\nbreak", ""]]]
    rows = [[r + [""] * (len(pages.CSV_COLUMNS) - len(r)) for r in rs] for rs in rows]
    _, joined = _site_downloads(tmp_path / "three", "x", [], [pages.to_csv(rs) for rs in rows])
    assert joined == pages.to_csv([r for rs in rows for r in rs]).encode("utf-8")  # \r\n kept as written
    assert _site_downloads(tmp_path / "none", "x", [], [])[1] == pages.to_csv([]).encode("utf-8")


@pytest.mark.parametrize("args, expected", [
    ((11e9, "USD"), "USD 11 billion"),
    ((4.6e9, "EUR"), "EUR 4.6 billion"),
    ((792e6, "GBP"), "GBP 792 million"),
    ((1.5e12, "JPY"), "JPY 1.5 trillion"),
    ((1.2e6, "vehicles"), "1.2 million vehicles"),
    ((24e9, "CNY", 30e9), "CNY 24–30 billion"),
    ((-2e9, "USD"), "USD -2 billion"),
    ((1234567, "USD"), "USD 1,234,567"),         # not exact in millions to three decimals: every digit
    ((1.23456e9, "USD"), "USD 1,234.56 million"),  # exact in millions, not in billions
    ((999999, "USD"), "USD 999,999"),
    ((2.5e6, "%"), "2,500,000%"),
])
def test_large_values_read_as_the_press_writes_them(args, expected):
    assert fmt.value(*args) == expected
