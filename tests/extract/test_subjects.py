"""Subjects of figures: the noun phrase a number is about and the name it refers to."""
from __future__ import annotations

import pytest

from generator.extract import figures, subjects
from generator.models import Document, Entity, Source


def run(*paragraphs, entities=(), published="2025-11-02"):
    doc = Document(path="t.txt", kind="text", raw="", encoding="utf-8",
                   source=Source(published=published), paragraphs=list(paragraphs))
    return figures.extract(doc, [Entity(name=n, type=t) for n, t in entities])


def one(ms, value):
    hits = [m for m in ms if m.value == pytest.approx(value)]
    assert len(hits) == 1, [(m.value, m.unit, m.subject) for m in ms]
    return hits[0]


JORVIK = [("Jorvik Microsystems", "org"), ("Bergmann Microsystems AG", "org"), ("Latin America", "place"),
          ("Toronto", "place"), ("Lumo", "brand")]


def test_company_saying_outranks_a_place_in_a_locative_phrase():
    # benchmarks/synth.py article 0: the region is named more often than the company's full name
    ms = run(
        "Jorvik posts sales jump as Lumo sensor sales slow in Latin America",
        "Jorvik Microsystems plc, the Toronto-based chipmaker, said on Tuesday that revenue fell 41% in the second "
        "quarter, to £856 million, as weak demand for its sensors in Latin America outweighed pressure on prices.",
        "“The numbers show that our strategy in Latin America is working,” the president said.",
        "The Lumo Pro5, a sensor sold under the Lumo brand, was launched in Latin America last autumn.",
        entities=JORVIK)
    for v in (-41, 8.56e8):
        m = one(ms, v)
        assert m.subject == "Jorvik Microsystems" and m.period == "2025-Q2"


def test_topic_discounts_places_in_locative_phrases_only():
    paras = ["Jorvik Microsystems plc grew in Latin America.", "Demand in Latin America rose.",
             "Jorvik expanded across Latin America."]
    types = {"Jorvik Microsystems": "org", "Latin America": "place"}
    subjects.prepare(paras)  # sets the known words
    assert subjects._topic(paras, types) == "Jorvik"
    macro = ["The US economy grew.", "US firms hired.", "The Labor Department said the US jobless rate fell."]
    assert subjects._topic(macro, {"US": "place", "Labor Department": "org"}) == "US"  # a subject, not a locative


def test_appositive_descriptions():
    paras = ["Swiss Re, the world's second-largest reinsurer, said profit fell.",
             "Founded in Toronto, the group has expanded abroad.",
             "Lumo, the premium label the company launched, sold well.",
             "Anna Pryce, the company's chief executive, spoke."]
    d = subjects._descriptions(paras, {"Toronto": "place"})
    assert d == {"reinsurer": "Swiss Re"}


def test_its_refers_to_the_org_named_earlier_in_the_sentence():
    m = one(run("Orders at Kestrel Aviation doubled in 2023, while its backlog rose to 1,200 aircraft.",
                entities=[("Kestrel Aviation", "org")]), 1200)
    assert m.subject == "Kestrel Aviation"


def test_the_company_is_not_a_brand_described_later():
    ms = run("Jorvik Microsystems plc said revenue rose 5% in the second quarter.",
             "The company delivered 75,900 wafers in September.",
             "Lumo, the premium label the company launched to compete, has become its most visible brand.",
             entities=JORVIK)
    assert one(ms, 75900).subject.startswith("Jorvik")


def test_imperative_list_items_name_no_subject():
    ms = run("Whitcombe Bank set three targets.", "1. Cut costs by £500m.", "2. Return 60% of profit.",
             entities=[("Whitcombe Bank", "org")])
    assert {m.subject for m in ms} == {"Whitcombe Bank"}
    assert one(ms, -5e8).unit == "GBP"  # "cut costs by": a cut is negative


def test_object_of_held_is_not_the_subject():
    m = one(run("The Bank of England held Bank Rate at 5.25% on Thursday.", entities=[("Bank of England", "org")]), 5.25)
    assert m.subject == "Bank of England"


def test_entity_names_match_whole_words_only():
    assert subjects._find_word("Re-Tech and Swiss Re said", "Re") == -1 or \
        subjects._find_word("Re-Tech and Swiss Re said", "Re") == 18
    assert subjects._find_word("Swiss Reinsurance", "Swiss Re") == -1
    assert subjects._find_word("Swiss Re's profit", "Swiss Re") == 0


def test_a_description_before_the_subject_is_not_part_of_it():
    ms = run("Veyra Shipping AG delivered 135,000 containers in February. "
             "Rival Meridane delivered 9,440 containers in February, according to Lakeshore Bank.")
    assert one(ms, 9440).subject == "Meridane"
    assert one(ms, 135000).subject == "Veyra Shipping AG"
