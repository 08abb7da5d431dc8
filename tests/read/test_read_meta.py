"""Dates, bylines and wire headers."""
import pytest

from generator.read import read
from generator.read.byline import parse_byline
from generator.read.dates import find_date
from generator.read.text import parse_header, publisher_from_url


@pytest.mark.parametrize(
    "line, iso",
    [
        ("March 4, 2024, 7:15 AM ET", "2024-03-04"),
        ("Wed Jan 9, 2013 11:02pm EST", "2013-01-09"),
        ("Updated: 4 March 2024 09:30 GMT", "2024-03-04"),
        ("Published 10:01 a.m. ET Sept. 3rd, 2021", "2021-09-03"),
        ("2024-03-04T07:15:00+00:00", "2024-03-04"),
        ("Posted 2024/3/4", "2024-03-04"),
        ("Mar 4 2024", "2024-03-04"),
    ],
)
def test_find_date(line, iso):
    assert find_date(line) == iso


@pytest.mark.parametrize("line", ["no date here", "In 2024 sales rose", "February 30, 2024", "14:53 GMT"])
def test_find_date_none(line):
    assert find_date(line) is None


def test_byline_with_wire_name_keeps_only_the_person():
    assert parse_byline("By Maria Santos and Bloomberg") == (["Maria Santos"], ["Bloomberg"])


def test_byline_with_roles_and_several_names():
    people, orgs = parse_byline("By Tom Hale, Energy Correspondent, and Ana Ruiz")
    assert people == ["Tom Hale", "Ana Ruiz"]
    assert orgs == []


def test_byline_analysis_suffix_and_spaces():
    assert parse_byline("By  Lee  Park - Analysis")[0] == ["Lee Park"]


def test_wire_header(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(
        "-- Acme shares jump on upbeat forecast\n-- By Jo Lin and  Sam Otto\n"
        "-- Thu Mar 7, 2019 9:05pm EST\n-- http://www.example.com/article/2019/03/08/acme-id1\n\n"
        " NEW YORK  (Wire) - Acme Corp shares jumped 8 percent on Thursday after the company\n"
        "raised its full-year forecast.\n\n  Analysts had expected a cut.\n",
        encoding="utf-8",
    )
    doc = read(p)
    assert doc.source.title == "Acme shares jump on upbeat forecast"
    assert doc.source.authors == ["Jo Lin", "Sam Otto"]
    assert doc.source.published == "2019-03-07"  # the date line as written, not the URL's
    assert doc.source.url.endswith("acme-id1")
    assert doc.source.publisher == "Example"


def test_wire_header_without_byline():
    src = parse_header(["-- Markets steady", "-- ", "-- Mon Jun 3, 2013 4:00pm EDT", "-- http://x.example.org/a"])
    assert src.authors == [] and src.published == "2013-06-03" and src.title == "Markets steady"


def test_publisher_from_url():
    assert publisher_from_url("https://www.example.co.uk/news/1") == "Example"
    assert publisher_from_url("not a url") is None


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
        ("20 de novembro de 2019", "2019-11-20"),
        ("12. März 2020", "2020-03-12"),
        ("21:17 18.11.2019", "2019-11-18"),
        ("5:45 AM PST 11/19/2019", "2019-11-19"),
        ("Published Wed, Nov 20 20194:29 AM EST", "2019-11-20"),
    ],
)
def test_find_date_other_forms(line, iso):
    assert find_date(line) == iso


def test_ambiguous_slash_date_is_not_guessed():
    assert find_date("03/04/2020") is None


def test_is_byline():
    from generator.read.byline import is_byline

    assert is_byline("Amy Lee and Tom Hart, The Daily Bugle")
    assert is_byline("Rosa Diaz, Staff Writer")
    assert not is_byline("Angela Merkel, Emmanuel Macron meet in Paris")
    assert not is_byline("Stocks rally as oil prices fall")
