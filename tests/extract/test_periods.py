"""Period expressions resolved against a publication date."""
from __future__ import annotations

from generator.extract import periods


def labels(text, published="2025-05-19"):
    return [(p.label, p.anchor) for p in periods.find(text, published)]


def test_years_and_relative_years():
    assert labels("in 2024") == [("2024", False)]
    assert labels("last year") == [("2024", False)]
    assert labels("this year") == [("2025", False)]


def test_quarters_take_the_latest_started_one():
    assert labels("in the first quarter") == [("2025-Q1", False)]
    assert labels("Q3") == [("2024-Q3", False)]
    assert labels("the fourth quarter of 2023") == [("2023-Q4", False)]
    assert labels("the current quarter", "2008-01-15") == [("2008-Q1", False)]
    assert labels("the just-reported quarter", "2008-01-15") == [("2007-Q4", False)]


def test_months_halves_and_intervals():
    assert labels("in March") == [("2025-03", False)]
    assert labels("in November") == [("2024-11", False)]
    assert labels("January and February") == [("2025-01/2025-02", False)]
    assert labels("the first half") == [("2025-01/2025-06", False)]
    assert labels("in the three months ended March 31", "2008-04-03") == [("2008-Q1", False)]
    assert labels("the financial year to March 2005") == [("2004-04/2005-03", False)]


def test_weekdays_and_dates():
    assert labels("on Friday", "2007-02-20") == [("2007-02-16", False)]
    assert labels("December 2004", None) == [("2004-12", False)]


def test_comparisons_and_adjectives_are_anchors():
    assert labels("higher than in 2003") == [("2003", True)]
    assert labels("the first drop since 2004") == [("2004", True)]
    assert labels("the 2025 refreshes") == [("2025", True)]


def test_relative_without_publication_date_is_unresolved():
    assert labels("last year", None) == []
    assert labels("in the first quarter", None) == []


def test_shift_year():
    assert periods.shift_year("2007-Q4") == "2006-Q4"
