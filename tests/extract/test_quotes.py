"""Direct quotes and speakers, on small made-up articles."""
from __future__ import annotations

from generator.extract import entities, quotes
from generator.models import Document


def _doc(*paras: str) -> Document:
    return Document(path="t.txt", kind="text", raw="\n\n".join(paras), encoding="utf-8", paragraphs=list(paras))


def _run(*paras: str):
    doc = _doc(*paras)
    ents = entities.extract(doc)
    return quotes.extract(doc, ents)


def _by_text(qs, start):
    hits = [q for q in qs if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r} in {[q.text for q in qs]}"
    return hits[0]


def test_curly_quote_speaker_after_with_role():
    qs = _run("Orbital Foods Inc. reported results on Tuesday.",
              "“Demand for frozen noodles grew faster than we planned,” Orbital chief executive Maria Lindqvist said.")
    q = _by_text(qs, "Demand for frozen noodles")
    assert q.speaker == "Maria Lindqvist"
    assert q.text == "Demand for frozen noodles grew faster than we planned"  # trailing comma dropped
    assert "chief executive" in (q.role or "")
    assert q.evidence.startswith("“Demand") and q.evidence.endswith("said.")


def test_straight_quotes_and_said_name_inversion():
    qs = _run('"We will open two more plants next year," said Tomas Berger, a director at Kelvin Works.')
    q = _by_text(qs, "We will open two more plants")
    assert q.speaker == "Tomas Berger"
    assert q.role and "director" in q.role


def test_speaker_before_with_colon():
    qs = _run("Nadia Okafor told reporters on Monday: “The merger is off the table for now.”")
    assert _by_text(qs, "The merger is off").speaker == "Nadia Okafor"


def test_split_quote_around_he_said_and_surname_resolution():
    qs = _run(
        "Paul Varga runs the lab at Brennan Instruments.",
        "“Building a sensor is slow work, especially a medical one,” Varga said at a fair last May. "
        "“But we are not going to stop trying,” he said, adding that the firm would hire.",
    )
    a = _by_text(qs, "Building a sensor")
    b = _by_text(qs, "But we are not going")
    assert a.speaker == "Paul Varga"  # surname resolved to the full name
    assert b.speaker == "Paul Varga"  # pronoun resolved
    assert len(qs) == 2


def test_continuing_quote_in_same_paragraph_goes_to_its_speaker():
    qs = _run("Margot Ellis, the chairwoman of Tallis Bank, spoke in April.",
              "Tallis products are “changing how people save,” Ellis said. “Our growth is thanks to our customers.”")
    assert _by_text(qs, "changing how people save").speaker == "Margot Ellis"
    assert _by_text(qs, "Our growth is thanks").speaker == "Margot Ellis"


def test_multi_paragraph_quote_keeps_speaker():
    qs = _run(
        "“We looked at every option for the site,” said Hector Ruiz, the mayor of Valdora. “The river was the deciding factor.",
        "“In the end the cost was too high for the town to carry alone.”",
    )
    assert _by_text(qs, "The river was the deciding factor").speaker == "Hector Ruiz"
    assert _by_text(qs, "In the end the cost was too high").speaker == "Hector Ruiz"


def test_pronoun_respects_gender_and_recency():
    qs = _run("Anna Kowalski and Peter Lang met investors on Friday.",
              "Kowalski praised the plan. “This gives us room to grow in the north,” she said.")
    assert _by_text(qs, "This gives us room").speaker == "Anna Kowalski"


def test_description_resolves_to_company():
    qs = _run("Brightline Motors Corp. cut its forecast on Monday.",
              "“We expect a weaker second half in every region,” the company said in a statement.")
    assert _by_text(qs, "We expect a weaker").speaker in ("Brightline Motors Corp.", "Brightline Motors")


def test_indefinite_description_kept_as_written():
    qs = _run("The ministry announced the fine on Friday.",
              "“The fine reflects how serious the breach was,” a spokeswoman said.")
    assert _by_text(qs, "The fine reflects").speaker == "a spokeswoman"


def test_nested_single_quotes_kept_inside_text():
    qs = _run("“He told me, ‘Keep the line running no matter what,’ and we did,” said Ida Brenner.")
    q = _by_text(qs, "He told me")
    assert "‘Keep the line running no matter what,’" in q.text
    assert q.speaker == "Ida Brenner"


def test_scare_quotes_and_titles_are_not_quotes():
    qs = _run("The company called the plan a “reset” and released a report titled “The Road Ahead” on Monday.",
              "Critics described the deal as “very generous” to insiders.")
    assert qs == []


def test_transcript_label_is_speaker():
    qs = _run("Gina Holt and Omar Vance debated on Sunday.",
              "\"HOLT: Do you think the tariff will stay in place next year?\"")
    q = _by_text(qs, "Do you think")
    assert q.speaker == "Gina Holt"
    assert not q.text.startswith("HOLT")
