"""Sentence splitting: verbatim sentences with their offsets into the paragraph."""
from __future__ import annotations

from generator.extract import sentences


def texts(par):
    return [s.text for s in sentences.split(par)]


def test_splits_at_stops_before_capitals_digits_and_quotes():
    par = 'Sales rose 5%. Profit fell. 2024 was hard. "We grew," she said. Shares rose!'
    assert texts(par) == ["Sales rose 5%.", "Profit fell.", "2024 was hard.", '"We grew," she said.', "Shares rose!"]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert texts("Kestrel Co. said sales rose. Mr. Smith and John F. Kennedy agreed.") == [
        "Kestrel Co. said sales rose.", "Mr. Smith and John F. Kennedy agreed."]
    assert texts("The U.S. economy grew 2.1% in the year.") == ["The U.S. economy grew 2.1% in the year."]


def test_offsets_point_into_the_paragraph():
    par = "  First one.   Second one.  "
    for s in sentences.split(par):
        assert par[s.start:s.end] == s.text


def test_numbered_list_and_decimals():
    assert texts("1. Cut costs by £500m.") == ["1.", "Cut costs by £500m."]
    assert texts("Output was 3.5 million tonnes.") == ["Output was 3.5 million tonnes."]


def test_cached_result_is_a_fresh_list():
    a = sentences.split("One. Two.")
    a.append("junk")
    assert texts("One. Two.") == ["One.", "Two."]
