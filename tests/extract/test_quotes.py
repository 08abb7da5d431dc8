"""Direct quotes and speakers, on small made-up articles."""
from __future__ import annotations

import pytest

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


def test_leading_adverbial_phrase_is_not_a_speaker():
    qs = _run("North Korea tested another nuclear device overnight.",
              "Following a swiftly called meeting, the Security Council issued a statement calling the test "
              "\"a clear violation and in flagrant disregard\" of five resolutions. The statement noted they "
              "had said they would take \"further significant measures\" after another test.")
    q = _by_text(qs, "a clear violation")
    assert q.speaker != "Following a swiftly"
    assert "Security Council" in (q.speaker or "")


def test_framing_verbs_attribute_short_quotes():
    qs = _run("Another critic, Laurence Tribbe, likened the rules to \"burning the Constitution\" on Monday.",
              "Aaron Kallan, the director of debate at a university, compared the candidate to a coach "
              "who is \"working the referees\" in hopes of a better call.",
              "The New York Post reports that the team moved to “keep the details of her treatment under wraps.”")
    assert _by_text(qs, "burning the Constitution").speaker == "Laurence Tribbe"
    assert _by_text(qs, "working the referees").speaker == "Aaron Kallan"
    assert "New York Post" in (_by_text(qs, "keep the details").speaker or "")


def test_reports_as_a_noun_is_not_a_cue():
    qs = _run("The inspector released two critical reports that depicted “technical challenges and delays” at the agency.")
    assert not any(q.text.startswith("technical challenges") and q.speaker for q in qs)


# (id, paragraphs, start of the quote, its speaker): the quote starting so is credited to the speaker
SPEAKER_CASES = [
    pytest.param(
        ["Kevin Marlowe, the former sergeant, spoke on Monday. Kevin Marlowe thanked the crowd.",
         "His son, Andrew Marlowe, was there.",
         "Marlowe said he was tired of politics.",
         "“It has been a long road for our family,” Marlowe said."],
        "It has been a long road", "Kevin Marlowe", id='surname_shared_by_two_people_goes_to_the_main_one'),
    pytest.param(
        ["The town has one bookshop, and a photo of it hangs by the door. ( Paul Hendry / Valley Post )",
         "I am talking about Ramon Aguilera, who opened the shop in 2010. "
         "“We sell only books by local writers and nobody else,” says the 39-year-old founder of Tinta Books."],
        "We sell only books", "Ramon Aguilera", id='person_introduced_with_who_clause_is_the_focus'),
    pytest.param(
        ["The administration defended the law on Monday.",
         "“We have seen a sustained commitment to tearing the law down,” White House press secretary "
         "Josh Earnest said at a briefing."],
        "We have seen a sustained", "Josh Earnest", id='role_noun_ending_in_s_is_not_a_verb'),
    pytest.param(
        ["Reps. Ellen Cummings and John Conyers asked for more details on Monday.",
         "“The letter provided such limited and vague information that it fed rumours,” Cummings and Conyers wrote."],
        "The letter provided", "Ellen Cummings", id='pair_of_speakers_credits_the_first'),
    pytest.param(
        ["Joe Mullins, a railway spokesman, said the delays were expected.",
         "Will Yardley, a locomotive mechanic based in Kansas City, Mo., and an organizer at a union, "
         "said cold weather takes a toll on trains.",
         "“Things break that normally don't. Steel just becomes brittle in the cold.”"],
        "Things break", "Will Yardley", id='previous_paragraph_subject_with_abbreviated_place'),
    pytest.param(
        ["Caleb Jonsson, 22, joined the team in May. Edmonton scored late when Jonsson recorded his first goal.",
         "“I'm sure in a couple of days I will look back on it with a smile,” said the rookie defenceman."],
        "I'm sure in a couple", "Caleb Jonsson", id='definite_description_with_new_role_noun_goes_to_person_in_focus'),
    pytest.param(
        ["The British aid group Helpwell Trust said its director was among those hurt. "
         "A statement said the group was “shocked and saddened by the loss of a colleague.”"],
        "shocked and saddened", "Helpwell Trust", id='a_statement_said_goes_to_the_org_just_named'),
    pytest.param(
        ["Rolf Hask explained to other advisers that the outside lawyer, Marcus Eldane, "
         "had made a convincing case. “He convinced me, so we will take the money,” he wrote."],
        "He convinced me", "Rolf Hask", id='pronoun_goes_to_last_speaker_not_a_name_later_in_that_sentence'),
    pytest.param(
        ["“Her campaign is in full panic mode,” said Lorna Wimby, a local organizer.",
         "Wimby believes the Halvorsen campaign took voters for granted and now has to scramble.",
         "“They have a big problem because they thought it would be easy,” she said.",
         "Greta Halvorsen did not comment."],
        "They have a big problem", "Lorna Wimby", id='pronoun_skips_a_person_used_as_a_modifier'),
    pytest.param(
        ["Also before the election, Senator Chuck Shomer privately expressed frustration with his rival, "
         "telling one aide: “It's all political noise and nothing else.”"],
        "It's all political noise", "Chuck Shomer", id='telling_is_a_speech_cue'),
    pytest.param(
        ["Barack Obama has not said what he will do.",
         "If the president acts now, the party could push a more liberal pick, said Bart Naylem, "
         "a policy advocate for Public Citizen. “It would avoid a big Senate fight.”"],
        "It would avoid a big Senate fight", "Bart Naylem", id='inverted_said_name_in_plain_paragraph_covers_following_quote'),
    pytest.param(
        ["Voters wrote in with their views on the debate.",
         "“As a young woman I’d rather live in what he calls “hell” than live in a world where he is president.” ― Adriana Rodel"],
        "As a young woman", "Adriana Rodel", id='dash_credit_at_paragraph_end_covers_a_quote_with_nested_marks'),
    pytest.param(
        ["Dennis Brookfield has lived on the streets for years.",
         "Asked what he would tell Toronto Mayor John Torvald about being homeless, he said: "
         "“Just listen. Just listen to us. We are people.”"],
        "Just listen", "Dennis Brookfield", id='titled_object_is_not_the_pronoun_antecedent'),
    pytest.param(
        ["Marc Gaspard volunteered in a rescue effort last summer.",
         "He voiced his \"frustration, anger and helplessness\" on Twitter, writing \"It is unbelievable "
         "how so many people are abandoned at sea.\""],
        "It is unbelievable", "Marc Gaspard", id='quote_inside_a_sentence_does_not_cut_off_its_subject'),
    pytest.param(
        ["Hillary Clinton’s campaign manager Robby Moak spoke on Thursday morning, "
         "arguing that the rival “lashed out at our nation's generals when asked for details.”"],
        "lashed out at our nation", "Robby Moak", id='possessive_before_the_subject_is_not_the_speaker'),
    pytest.param(
        ["Kevin Vickerson said he wants to carry on the legacy of his father.",
         "He said the business, along with a credit union run by his father's friend, Martin Legard, "
         "gave the province a much-needed boost.",
         "“They brought a lot of jobs and a lot of great times to the region,” he said."],
        "They brought a lot of jobs", "Kevin Vickerson", id='he_said_chain_keeps_the_speaker_through_an_appositive_name'),
    pytest.param(
        ["On Monday, Billy Eichmann visited the set.",
         "The Kitchen Nightmares star said he was gay and then quipped, “That you should look into, maybe you are next.”"],
        "That you should look into", "Billy Eichmann", id='the_show_star_description_goes_to_the_person_in_focus'),
    pytest.param(
        ["The club’s general manager, David Fedder, later said that “more than 95 percent” of staff are insured."],
        "more than 95 percent", "David Fedder", id='role_then_name_appositive_before_said_that'),
]


@pytest.mark.parametrize("paras, start, speaker", SPEAKER_CASES)
def test_quote_is_credited_to_its_speaker(paras, start, speaker):
    q = _by_text(_run(*paras), start)
    assert q.speaker == speaker
