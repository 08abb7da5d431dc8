"""Quantities: numbers, scale words, currencies, percentages, multiples, counted nouns."""
from __future__ import annotations

import pytest

from generator.extract import units


def found(text):
    return [(q.value, q.value_high, q.unit) for q in units.find(text)]


@pytest.mark.parametrize("text,value,unit", [
    ("$1.13bn", 1.13e9, "USD"), ("£600m", 6e8, "GBP"), ("€5 million", 5e6, "EUR"), ("US$ 20", 20, "USD"),
    ("540bn yen", 5.4e11, "JPY"), ("30,000 yuan", 3e4, "CNY"), ("RMB 200", 200, "CNY"),
    ("245 million Swiss francs", 2.45e8, "CHF"), ("7.5bn euros", 7.5e9, "EUR"), ("3 mln dollars", 3e6, "USD"),
    ("38 cents", 0.38, "USD"), ("12 per cent", 12, "%"), ("4.5 pct", 4.5, "%"), ("0.2 percentage points", 0.2, "pp"),
    ("25 basis points", 0.25, "pp"), ("80 times", 80, "x"), ("three-fold", 3, "x"),
])
def test_amounts(text, value, unit):
    (v, hi, u), = found(text)
    assert v == pytest.approx(value) and u == unit and hi is None


def test_counted_nouns_take_the_head_noun():
    assert found("30,000 sports utility vehicles") == [(30000, None, "vehicles")]
    assert found("the 116,000-acre unit") == [(116000, None, "acre")]


def test_not_quantities():
    assert found("in 2024, on March 3, at 9:30 a.m., the 10-year note, No. 2 seed, 1300 GMT") == []
    assert found("118.96 set last week") == [(118.96, None, None)]  # bare: the caller decides


def test_ranges():
    assert found("between 10,000 yuan and 20,000 yuan") == [(10000, 20000, "CNY")]
    assert found("0.7-0.8%") == [(0.7, 0.8, "%")]
    assert found("$10.5 billion to $11.1 billion") == [(1.05e10, 1.11e10, "USD")]
    assert found("fell $2.86 to $632.29") == [(2.86, None, "USD"), (632.29, None, "USD")]
    assert found("from 49% to 74%") == [(49, None, "%"), (74, None, "%")]


def test_multiple_verbs():
    assert found("revenue tripled") == [(3, None, "x")]
    assert found("a triple-screen dashboard") == []


def test_pence_suffix():
    assert found("raised its dividend to 14.5p a share") == [(0.145, None, "GBP")]
    assert found("rose 3p to 418p") == [(0.03, None, "GBP"), (4.18, None, "GBP")]
    assert found("streams in 1080p video") == []


@pytest.mark.parametrize("text", [
    "Call 020 7946 0958 for details.",
    "Call +44 20 7946 0018 for details.",
    "She is 54 and lives at 12 King Street.",
    "It opened its 300th store on March 3.",
    "The committee voted 6-3 in 2023.",
])
def test_no_counted_quantities_in_phone_numbers_addresses_ages_dates(text):
    # bare numbers may come back with unit None (the figures stage drops them), never with a unit
    assert [q for q in units.find(text) if q.unit is not None] == []


def test_multiples_in_one_word_and_model_names():
    assert found("sales rose threefold") == [(3.0, None, "x")]
    assert found("orders doubled") == [(2.0, None, "x")]
    assert found("a 2-in-1 laptop and COVID-19 cases") == []
