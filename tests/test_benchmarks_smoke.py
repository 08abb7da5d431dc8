"""The synthetic seeds behind benchmarks/ are deterministic and read by the real extractor.

No timing here: benchmarks/extraction.py and benchmarks/scale.py measure speed.
"""
from __future__ import annotations

import re

import pytest

from benchmarks import synth
from generator.extract import extract_path

N = 3


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (s or "").lower().replace("’", "'"))


def _names_match(pred: str, gold: str) -> bool:
    """As the scorer: same words, or one side's words inside the other's."""
    tp, tg = set(_tokens(pred)), set(_tokens(gold))
    return bool(tp and tg and (tp <= tg or tg <= tp))


def _token_f1(a: str, b: str) -> float:
    from collections import Counter

    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _unit_class(u) -> str:
    u = str(u or "")
    if re.fullmatch(r"[A-Z]{3}", u) or u in {"%", "pp", "x"}:
        return u
    return "count"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    paths = synth.write_seeds(out, N)
    return [(synth.generate(n), extract_path(p).to_contract()) for n, p in enumerate(paths)]


def test_generation_is_deterministic(tmp_path):
    a = synth.write_seeds(tmp_path / "a", N)
    b = synth.write_seeds(tmp_path / "b", 2, start=1)
    assert [p.name for p in a] == ["synth_000000.txt", "synth_000001.txt", "synth_000002.txt"]
    assert [p.name for p in b] == ["synth_000001.txt", "synth_000002.txt"]
    assert a[1].read_bytes() == b[0].read_bytes() and a[2].read_bytes() == b[1].read_bytes()
    assert synth.generate(7) == synth.generate(7)
    texts = {synth.generate(n).text for n in range(20)}
    assert len(texts) == 20  # every number a different article
    titles = {synth.generate(n).title for n in range(20)}
    assert len(titles) >= 15


def test_articles_look_like_news(extracted):
    for art, _ in extracted:
        lines = art.text.splitlines()
        assert art.title in lines and f"By {art.author}" in lines
        assert 450 <= len(art.text.split()) <= 1100
        assert len(art.metrics) >= 6 and len(art.quotes) >= 3
        units = {m["unit"] for m in art.metrics}
        assert "%" in units and units & {"USD", "EUR", "GBP", "CNY", "JPY"}
        # every planted quote stands in the text between curly quotes, with a speaker cue
        for q in art.quotes:
            assert f"“{q['text']}" in art.text
        assert re.search(r"” (he|she) said\.", art.text)
        assert any(m["period"] and re.fullmatch(r"\d{4}-Q[1-4]", m["period"]) for m in art.metrics)


def test_bare_pages_are_about_700_words(tmp_path):
    paths = synth.write_bare(tmp_path, 2)
    assert [p.suffix for p in paths] == [".md", ".md"]
    text = paths[0].read_text(encoding="utf-8")
    assert text.startswith("# ") and 650 <= len(text.split()) <= 1000
    assert synth.bare_page(0) == text and synth.bare_page(1) != text


def test_cli_writes_seeds(tmp_path):
    assert synth.main([str(tmp_path), "--count", "2", "--start", "5"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["synth_000005.txt", "synth_000006.txt"]
    assert (tmp_path / "synth_000005.txt").read_text(encoding="utf-8") == synth.generate(5).text


def test_extractor_finds_planted_entities(extracted):
    for art, pred in extracted:
        names = [e["name"] for e in pred["entities"]]
        for ent in art.entities:
            if ent["type"] in ("org", "person"):
                assert any(_names_match(n, ent["name"]) for n in names), f"missed {ent['name']} in {names}"
        people = [e["name"] for e in pred["entities"] if e["type"] == "person"]
        for ent in art.entities:
            if ent["type"] == "person":
                assert any(_names_match(n, ent["name"]) for n in people), f"{ent['name']} not a person: {people}"


def test_extractor_finds_planted_figures(extracted):
    found = total = 0
    for art, pred in extracted:
        for m in art.metrics:
            hit = any(
                abs(float(p["value"]) - m["value"]) <= 0.01 * abs(m["value"])
                and _unit_class(p.get("unit")) == _unit_class(m["unit"])
                and _names_match(str(p.get("subject", "")), m["subject"])
                for p in pred["metrics"] if p.get("value") is not None
            )
            total += 1
            found += hit
            if m["unit"] in {"%", "USD", "EUR", "GBP", "CNY", "JPY"}:  # money and percentages: every one
                assert hit, f"article {art.n}: missed {m['subject']} {m['value']} {m['unit']} in {m['sentence']!r}"
    assert found >= 0.7 * total, f"found {found} of {total} planted figures"


def test_extractor_finds_planted_quotes(extracted):
    found = total = 0
    for art, pred in extracted:
        for i, q in enumerate(art.quotes):
            match = [p for p in pred["quotes"] if _token_f1(p.get("text", ""), q["text"]) >= 0.8]
            total += 1
            found += bool(match)
            if i in (0, 2):  # "…,” Name, role, said / Name, an analyst at Bank, said: “…”: named speakers
                assert match, f"article {art.n}: missed quote {q['text']!r}"
                assert _names_match(str(match[0].get("speaker", "")), q["speaker"]), (match[0], q)
            elif match:  # "…,” he said: the speaker is the one named before
                assert _names_match(str(match[0].get("speaker", "")), q["speaker"]), (match[0], q)
    assert found >= 0.8 * total, f"found {found} of {total} planted quotes"


def test_about_half_the_briefs_have_a_bar_chart(tmp_path):
    """As in the annotated business news (Reuters 50%, BBC 40% of articles have
    comparable figures), so that a benchmark of briefs "with charts" draws them:
    the company's month against its rival's, named plainly."""
    from generator.charts import comparable_groups
    from generator.facts import store

    n = 20
    with_chart = 0
    for i, path in enumerate(synth.write_seeds(tmp_path, n)):
        art = synth.generate(i)
        brief = store.from_extraction(extract_path(path), id=f"b{i}", seed=path.name, seed_sha256="0" * 64,
                                      extractor_version="t")
        charts = comparable_groups(brief.visible_metrics())
        with_chart += bool(charts)
        rivals = [m["subject"] for m in art.metrics if m["subject"] != art.entities[0]["short"]]
        for c in charts:
            labels = [p.label for p in c.points]
            assert len(labels) >= 2 and all(not label.startswith("Rival ") for label in labels), labels
            assert any(label in rivals for label in labels), (labels, rivals)
    assert 0.3 * n <= with_chart <= 0.8 * n
