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


# --- short articles: exactly which figures are found, and which numbers are not figures ----------------------
PUB = "2025-12-05"


def article(*paragraphs, entities=()):
    ents = [Entity(name=n, type=t) for n, t in entities]
    return run(*paragraphs, published=PUB, entities=ents)


def found(ms) -> list:
    return sorted((round(m.value, 6), m.unit) for m in ms)


def by_value(ms, value):
    return one(ms, value)


def test_article_earnings_with_bn_pence_address_age_and_quote():
    ms = article(
        "LONDON (Reuters) - Harrowgate Foods plc said on Tuesday that pre-tax profit rose 12% to £1.2bn in the "
        "year to March, on revenue of £8.4bn.",
        "The company, which employs 23,000 people, raised its dividend to 14.5p a share.",
        "Chief executive Anna Pryce, aged 54, said the group had opened its 300th store at 12 King Street, Manchester.",
        "“We sold 5 million sandwiches in a single week,” she said.",
        entities=[("Harrowgate Foods", "org"), ("Anna Pryce", "person"), ("Manchester", "place")])
    assert found(ms) == [(0.145, "GBP"), (12.0, "%"), (23000.0, "people"), (1.2e9, "GBP"), (8.4e9, "GBP")]
    for v in (12, 1.2e9):
        m = by_value(ms, v)
        assert (m.subject, m.period) == ("Harrowgate Foods", "2024-04/2025-03")  # "the year to March"
    assert all(m.subject == "Harrowgate Foods" for m in ms)


def test_article_inflation_rates_basis_and_percentage_points():
    ms = article(
        "Inflation in the euro zone slowed to 2.4% in November from 2.9% in October, Eurostat said on Friday.",
        "The European Central Bank raised its deposit rate by 25 basis points to 4% in September, the tenth "
        "increase since July 2022.",
        "Core inflation fell 0.6 percentage points to 3.6%.",
        entities=[("Eurostat", "org"), ("European Central Bank", "org")])
    assert found(ms) == [(-0.6, "pp"), (0.25, "pp"), (2.4, "%"), (2.9, "%"), (3.6, "%"), (4.0, "%")]
    assert by_value(ms, 2.4).period == "2025-11" and by_value(ms, 2.9).period == "2025-10"
    assert "euro zone" in by_value(ms, 2.4).subject
    m = by_value(ms, 0.25)
    assert (m.subject, m.period) == ("European Central Bank", "2025-09")  # "by 25 bp to 4% in September"
    m = by_value(ms, -0.6)
    assert m.subject == "Core inflation" and m.period is None  # "points" here is no market index move


def test_article_merger_price_per_share_and_premium():
    ms = article(
        "Castellan Pharma agreed to buy Rinaldi Therapeutics for $42 a share in cash, valuing the drugmaker at "
        "about $3.1 billion.",
        "The offer is a 38% premium to Rinaldi's closing price on March 3.",
        "The deal is expected to close in the second half of 2025, the companies said.",
        entities=[("Castellan Pharma", "org"), ("Rinaldi Therapeutics", "org")])
    assert found(ms) == [(38.0, "%"), (42.0, "USD"), (3.1e9, "USD")]  # not "March 3", not 2025
    assert by_value(ms, 3.1e9).approximate and not by_value(ms, 42).approximate


def test_article_doubled_and_year_range():
    ms = article(
        "Orders at Kestrel Aviation doubled in 2023, while its backlog rose to more than 1,200 aircraft.",
        "The airline hired between 800 and 1,000 pilots a year in 2019-2021.",
        entities=[("Kestrel Aviation", "org")])
    assert found(ms) == [(2.0, "x"), (800.0, "pilots"), (1200.0, "aircraft")]
    assert by_value(ms, 2).period == "2023"
    m = by_value(ms, 1200)
    assert m.subject == "Kestrel Aviation" and m.approximate  # "its backlog": the org named in the sentence
    m = by_value(ms, 800)
    assert (m.value_high, m.period) == (1000, "2019/2021")


def test_article_range_and_list_numbering():
    ms = article(
        "Analysts expect Norvane Retail to post a loss of between $2m and $3m for the quarter.",
        "Norvane has 1. a new chief executive, 2. a new strategy and 3. a new logo, its spokesman said.",
        entities=[("Norvane Retail", "org")])
    assert len(ms) == 1
    m = ms[0]
    assert (abs(m.value), abs(m.value_high), m.unit, m.subject) == (2e6, 3e6, "USD", "Norvane Retail")


def test_article_phone_numbers_and_street_address():
    ms = article(
        "Vantor Energy, based at 221 Baker Street, London, said output at its North Sea field rose 8 percent to "
        "45,000 barrels a day.",
        "Investors can call the company on 020 7946 0958 or +44 20 7946 0018 for details.",
        entities=[("Vantor Energy", "org"), ("London", "place"), ("North Sea", "place")])
    assert found(ms) == [(8.0, "%"), (45000.0, "barrels")]
    assert all(m.subject == "Vantor Energy" for m in ms)


def test_article_numbered_list_items():
    ms = article(
        "Whitcombe Bank set three targets for 2026:",
        "1. Cut costs by £500m.",
        "2. Return 60% of profit to shareholders.",
        "3. Reach 10 million customers.",
        entities=[("Whitcombe Bank", "org")])
    assert sorted((abs(v), u) for v, u in found(ms)) == [(60.0, "%"), (1e7, "customers"), (5e8, "GBP")]
    assert all(m.subject == "Whitcombe Bank" for m in ms)  # not "Cut", "Return", "Reach"


def test_article_approximations():
    ms = article(
        "Around 4,000 jobs will go at Greyfield Steel, roughly a tenth of its workforce, the union said.",
        "Greyfield lost nearly €900 million last year, and its net debt stands at some €2.3 billion.",
        entities=[("Greyfield Steel", "org")])
    assert found(ms) == [(-9e8, "EUR"), (4000.0, "jobs"), (2.3e9, "EUR")]
    assert all(m.approximate for m in ms)
    assert by_value(ms, -9e8).period == "2024"
    assert all("Greyfield" in m.subject for m in ms)


def test_article_ages_and_dates_are_not_figures():
    ms = article(
        "Fairhaven Motors named Li Zhang, 47, as chief financial officer on Monday.",
        "Zhang, who joined the carmaker in 2009, replaces David Novak, 61, who retires on June 30.",
        "Fairhaven's shares rose 3.2% to 418 pence.",
        entities=[("Fairhaven Motors", "org"), ("Li Zhang", "person"), ("David Novak", "person")])
    assert found(ms) == [(3.2, "%"), (4.18, "GBP")]
    assert by_value(ms, 3.2).subject.startswith("Fairhaven")


def test_article_central_bank_rate_and_bare_count():
    ms = article(
        "The Bank of England held Bank Rate at 5.25% for a third meeting, with the nine-member committee voting 6-3.",
        "Mortgage approvals fell to 43,300 in October, the lowest since January 2023, Bank of England data showed.",
        entities=[("Bank of England", "org")])
    assert found(ms) == [(5.25, "%"), (43300.0, "count")]
    assert by_value(ms, 5.25).subject == "Bank of England"  # the object "Bank Rate" is what was held
    assert by_value(ms, 43300).period == "2025-10"


def test_article_numbers_inside_quotes_are_not_figures():
    ms = article(
        "Ambrell Games said revenue grew 17% to ¥52 billion in the first quarter.",
        "“Our 2025 target is 80 billion yen, and we will reach it,” president Kenji Tanaka told reporters.",
        "“We have 12 new titles,” he added.",
        entities=[("Ambrell Games", "org"), ("Kenji Tanaka", "person")])
    assert found(ms) == [(17.0, "%"), (52e9, "JPY")]
    assert all((m.subject, m.period) == ("Ambrell Games", "2025-Q1") for m in ms)


def test_article_rate_cut_in_basis_points():
    ms = article("Lakeshore Bank cut its prime rate by 50 basis points to 7.5% on Wednesday.",
                 entities=[("Lakeshore Bank", "org")])
    assert found(ms) == [(-0.5, "pp"), (7.5, "%")]
    assert all(m.subject == "Lakeshore Bank" for m in ms)


def test_article_without_date_takes_the_lead_year_for_its_own_period():
    ms = run("The French economy picked up speed at the end of 2004, official figures show.",
             "Growth for the three months to December was 0.7%, ahead of the 0.6% forecast.",
             "In January, industrial output rose 0.4%.",
             "The government is reiterating a 2.5% target for 2005.",
             published=None)
    assert one(ms, 0.7).period == "2004-Q4" and one(ms, 0.6).period == "2004-Q4"
    assert one(ms, 0.4).period is None  # January 2004 or 2005: the text does not say
    assert one(ms, 2.5).period == "2005"


def test_article_model_names_and_legal_numbers_are_not_figures():
    ms = article(
        "Halden Airlines, which flies Boeing 737 MAX jets, filed for Chapter 11 bankruptcy protection under "
        "Section 363 of the code.",
        "The S&P 500 index rose 1.2%, and the G20 met in Rome after the COVID-19 pandemic.",
        "Apple sold the iPhone 11 and Windows 10 ran on 2-in-1 laptops, according to Form 10-K filings.",
        entities=[("Halden Airlines", "org"), ("Boeing", "org"), ("Apple", "org"), ("Rome", "place")])
    assert found(ms) == [(1.2, "%")]


def test_article_share_close_and_period_token_subject():
    ms = article("Shares in Kestrel closed down 3.5 percent at 12.40 euros on Thursday.",
                 "Tamsin Energy's output was up 5% year-on-year in Q3, while Q3 revenue was $4.2bn.",
                 entities=[("Kestrel", "org"), ("Tamsin Energy", "org")])
    assert found(ms) == [(-3.5, "%"), (5.0, "%"), (12.4, "EUR"), (4.2e9, "USD")]
    assert by_value(ms, -3.5).period == by_value(ms, 12.4).period == "2025-12-04"  # "on Thursday"
    m = by_value(ms, 4.2e9)
    assert (m.subject, m.period) == ("Tamsin Energy", "2025-Q3")  # not "Q3"


def test_article_per_share_results_and_year_earlier():
    ms = article("Meridane's net income fell to $310 million, or 45 cents a share, from $402 million, or 58 cents, "
                 "a year earlier.", entities=[("Meridane", "org")])
    assert found(ms) == [(0.45, "USD"), (0.58, "USD"), (3.1e8, "USD"), (4.02e8, "USD")]
    assert all(m.period is None for m in ms)  # "a share" is no share-price move dated by publication


def test_article_threefold_half_year_and_rival_comparison():
    ms = article("Sales of the Corsa X1 rose threefold in March.",
                 "Oakhurst Steel's profit fell to £40m in the six months to June.",
                 "Revenue at Tamsin Foods rose 9% in the second quarter, versus a 5% rise at rival Ilvex.",
                 entities=[("Corsa X1", "product"), ("Oakhurst Steel", "org"), ("Tamsin Foods", "org"), ("Ilvex", "org")])
    assert found(ms) == [(3.0, "x"), (5.0, "%"), (9.0, "%"), (4e7, "GBP")]
    assert (by_value(ms, 3).subject, by_value(ms, 3).period) == ("Corsa X1", "2025-03")
    assert by_value(ms, 4e7).period == "2025-01/2025-06"
    assert by_value(ms, 5).subject == "Ilvex" and by_value(ms, 9).subject == "Tamsin Foods"


def test_measure_named_by_the_verb_and_shared_by_a_gapped_list():
    ms = run("In March, Orvane delivered 9,400 trucks and Pellcor, 7,100, ahead of Quillet at 6,050 units.")
    assert [(m.subject, m.metric) for m in ms] == [
        ("Orvane", "deliveries"), ("Pellcor", "deliveries"), ("Quillet", "deliveries")]
    assert {m.period for m in ms} == {"2025-03"}


def test_a_multiple_takes_the_period_of_the_level_it_reached():
    ms = run("Tarvo Mining was founded in 2019.",
             "Output doubled in two years to about 80,000 tonnes in 2024, the company said.")
    m = one(ms, 2)
    assert (m.unit, m.period) == ("x", "2024")


def test_a_count_written_with_a_separator_is_not_a_year():
    ms = run("Dunmore Energy sold 1,950 megawatts last year and delivered 2,060 wafers in April.",
             "The plant opened in 1950.")
    assert one(ms, 1950).unit == "megawatts"
    assert one(ms, 2060).unit == "wafers"
    assert [m for m in ms if m.unit is None] == []  # "in 1950" is a year, no figure
