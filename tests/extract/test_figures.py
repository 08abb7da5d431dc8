"""Figures extraction, one phenomenon per test, on made-up sentences."""
from __future__ import annotations

import pytest

from generator.extract import figures
from generator.models import Document, Entity, Source


def run(*paragraphs, published="2025-05-19", entities=None):
    doc = Document(path="t.txt", kind="text", raw="", encoding="utf-8",
                   source=Source(published=published), paragraphs=list(paragraphs))
    return figures.extract(doc, entities or [])


def one(metrics, value):
    hits = [m for m in metrics if m.value == pytest.approx(value)]
    assert len(hits) == 1, [(m.value, m.unit) for m in metrics]
    return hits[0]


def test_scale_words_and_currency_symbols():
    ms = run("Norland Foods made a profit of $2.5bn last year, against £300m at its rival.")
    m = one(ms, 2.5e9)
    assert (m.unit, m.subject, m.period) == ("USD", "Norland Foods", "2024")
    assert one(ms, 3e8).unit == "GBP"


def test_currency_words_and_codes():
    ms = run("Kestrel Motors priced the sedan at 189,000 yuan, or about 26,000 euros.")
    assert one(ms, 189000).unit == "CNY"
    m = one(ms, 26000)
    assert m.unit == "EUR" and m.approximate


def test_million_abbreviations():
    ms = run("Tarvo Mining lifted output to 12 mln tonnes and its debt to 3.4 bln dollars.")
    assert one(ms, 12e6).unit == "tonnes"
    assert one(ms, 3.4e9).unit == "USD"


def test_percent_forms_and_signed_fall():
    ms = run("Orbix Telecom said revenue fell by 42 per cent in the first quarter.")
    m = one(ms, -42)
    assert (m.unit, m.subject, m.period) == ("%", "Orbix Telecom", "2025-Q1")


def test_decline_noun_is_negative():
    m = one(run("The tablet market in Europe saw a 17% decline in 2024."), -17)
    assert m.unit == "%" and m.period == "2024" and "market" in m.subject


def test_percentage_points():
    m = one(run("Lindqvist Bank's margin widened 1.5 percentage points to 38 percent."), 1.5)
    assert m.unit == "pp" and m.subject == "Lindqvist Bank"


def test_multiples():
    ms = run("Sales at Pelham Toys doubled in 2024.", "Velo Cycles' orders rose three-fold.")
    m = one(ms, 2)
    assert m.unit == "x" and m.subject == "Pelham Toys"
    assert one(ms, 3).unit == "x"


def test_range_cut_is_negative_on_both_ends():
    m = one(run("Prices for the Corvane X5 were cut by between 8,000 yuan and 12,000 yuan."), -8000)
    assert m.value_high == -12000 and m.unit == "CNY" and m.subject == "Corvane X5"


def test_range_of_counts():
    m = one(run("The Halden field holds 40 million to 60 million barrels of oil."), 4e7)
    assert m.value_high == 6e7 and m.unit == "barrels"


def test_approximations():
    ms = run("Brightwell Retail employs nearly 12,000 people and runs more than 300 stores.")
    assert one(ms, 12000).approximate
    assert one(ms, 300).approximate
    assert not one(run("Brightwell Retail runs 300 stores."), 300).approximate


def test_each_number_has_its_own_subject_in_a_gapped_list():
    ms = run("In March, Alder delivered 9,100 vehicles and Brix, 8,400, to overtake Coral at 8,050 units.")
    assert [(m.subject, m.value, m.period) for m in ms] == [
        ("Alder", 9100, "2025-03"), ("Brix", 8400, "2025-03"), ("Coral", 8050, "2025-03")]
    assert all(m.unit for m in ms)


def test_possessive_subject_and_source():
    m = one(run("Quarry Holdings’ overall sales rose 12% in 2024, according to DataPoint."), 12)
    assert m.subject == "Quarry Holdings" and m.source == "DataPoint" and m.metric == "sales"


def test_anaphora_resolves_the_model_and_the_company():
    ms = run("Dunmore launched its Z7 SUV in 2023.",
             "Deliveries of the bulky model were around 80,000 units last year.",
             "The company's shares are up 40%.")
    m = one(ms, 80000)
    assert m.subject == "Z7 SUV" and m.period == "2024" and m.approximate
    assert one(ms, 40).subject == "Dunmore"


def test_periods_months_and_halves():
    ms = run("In January and February, Fenwick sold 5,000 tractors.",
             "Fenwick's profit fell 10% in the first half.")
    assert one(ms, 5000).period == "2025-01/2025-02"
    assert one(ms, -10).period == "2025-01/2025-06"


def test_no_period_when_text_gives_none():
    assert one(run("Morrow Inc has 2,400 employees."), 2400).period is None


def test_relative_period_needs_publication_date():
    assert one(run("Morrow Inc earned $5m last year.", published=None), 5e6).period is None


def test_not_figures():
    ms = run("Founded in 1998, Gable Co is based at 12 High Street and opens at 9:30 a.m. on March 3.",
             "Its chief executive, 54, has led it for four years.",
             "“We will sell 1 million phones,” he said.")
    assert ms == []


def test_small_counts_written_as_words_are_left_out():
    assert run("Pike Ltd operates three plants in two countries.") == []


def test_evidence_is_the_verbatim_sentence():
    par = "Intro words here. Heston’s revenue rose 7% to $1.2bn. More text."
    ms = run(par)
    assert {m.evidence for m in ms} == {"Heston’s revenue rose 7% to $1.2bn."}


def test_entities_guide_the_subject():
    ents = [Entity(name="Ravel Group", type="org")]
    m = one(run("Shares in French retailer Ravel Group fell 6% on Monday."), -6)
    assert m.subject == "Ravel Group"
    m = one(run("Shares in French retailer Ravel Group fell 6% on Monday.", entities=ents), -6)
    assert m.subject == "Ravel Group"


def test_cents_and_year_ago_comparison():
    ms = run("Net income in the fourth quarter rose to $2.1 billion, or 40 cents a share, "
             "from $1.8 billion, or 33 cents, a year ago.", published="2025-01-20")
    assert one(ms, 2.1e9).period == "2024-Q4"
    assert one(ms, 1.8e9).period == "2023-Q4"
    assert one(ms, 0.40).unit == "USD"


def test_market_moves_take_the_trading_day():
    ms = run("Shares in Tolland Corp fell 3.1 percent to $12.40 in afternoon trading, while the Redfield index "
             "rose 0.4 percent.", "Tolland's bonds were up from 98.50 dollars on Friday.", published="2024-03-12")
    assert one(ms, -3.1).period == "2024-03-12"
    assert one(ms, 12.40).unit == "USD"
    m = one(ms, 0.4)
    assert m.subject.startswith("Redfield") and m.period == "2024-03-12"


def test_range_around_a_bracketed_conversion():
    m = one(run("New rules set fees at between 250 euros (£210) and 600 euros."), 250)
    assert m.value_high == 600 and m.unit == "EUR"


def test_existential_figure_is_credited_to_its_source():
    m = one(run("According to the Harbour Council, there were 4,100 claims last year."), 4100)
    assert m.subject == "Harbour Council" and m.source == "Harbour Council" and m.period == "2024"


def test_period_carries_to_the_next_sentence_only_nearby():
    ms = run("Dalton Air carried 2.1 million passengers in the first quarter. Its load factor rose to 81 percent.",
             "Dalton Air was founded by two pilots. It has 40 planes.")
    assert one(ms, 81).period == "2025-Q1"
    assert one(ms, 40).period is None
