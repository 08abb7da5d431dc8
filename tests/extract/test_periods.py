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


def test_year_to_a_month_is_a_twelve_month_period():
    assert labels("profit rose in the year to March", "2025-12-05") == [("2024-04/2025-03", False)]
    assert labels("a net loss in its current financial year to March 2005") == [("2004-04/2005-03", False)]
    assert labels("in the year ended March 31, 2024") == [("2023-04/2024-03", False)]


def test_year_ranges():
    assert labels("hired 800 pilots a year in 2019-2021") == [("2019/2021", False)]
    assert labels("the 2019–20 season") == [("2019/2020", False)]
    assert labels("2021-2019") == []  # not a range


def test_no_period_words_no_periods():
    assert labels("Shares of the company fell sharply after the announcement.") == []


def test_month_span_quarter():
    assert labels("a charge in the October-to-December quarter", "2005-02-01") == [("2004-Q4", False)]
    assert labels("sales in January and February", "2005-03-01") == [("2005-01/2005-02", False)]


def test_without_publication_date_the_lead_year_dates_its_own_period_only():
    from datetime import date
    ref = date(2004, 12, 31)  # "at the end of 2004"
    found = lambda t: [p.label for p in periods.find(t, None, ref)]
    assert found("growth for the three months to December was 0.7%") == ["2004-Q4"]
    assert found("industrial output for December rose") == ["2004-12"]
    assert found("a charge in the fourth quarter") == ["2004-Q4"]
    assert found("in January, it agreed to pay") == []  # 2004 or 2005? left open
    assert found("last year") == []
    assert periods.reference_date("2005-01") == date(2005, 1, 31)
    assert periods.reference_date("2004-Q3") == date(2004, 9, 30)


def test_a_year_after_a_month_is_no_day():
    assert labels("from October to December 2004") == [("2004-10/2004-12", False)]
    assert labels("in the three months to December 2003") == [("2003-Q4", False)]
    assert labels("from March 3 to April 20, 2005") == [("2005-03-03/2005-04-20", False)]


def test_six_and_nine_months_to_a_month():
    assert labels("in the six months to June", "2025-12-05") == [("2025-01/2025-06", False)]
    assert labels("the nine months ended September 30, 2024") == [("2024-01/2024-09", False)]
    assert labels("the six months to March", "2025-12-05") == [("2024-10/2025-03", False)]


def test_every_period_found_is_one_a_fact_file_takes():
    """What the extractor resolves must validate in the fact file: a seed whose
    figure said "last week" (2007-W07) used to be skipped whole."""
    from generator.facts.schema import ISO_PERIOD

    phrases = ["in 2024", "last year", "this year", "next year", "last week", "last month", "next month",
               "in the first quarter", "Q3", "the fourth quarter of 2023", "the current quarter", "in March",
               "January and February", "the first half", "in the three months ended March 31",
               "the financial year to March 2005", "on Friday", "December 2004", "on March 3, 2025",
               "in the second half of 2024", "the first nine months", "fiscal 2024", "the past year"]
    found = [p.label for text in phrases for p in periods.find(text, "2007-02-20")]
    assert "2007-W07" in found and len(found) >= len(phrases) - 3
    assert [f for f in found if not ISO_PERIOD.match(f)] == []
