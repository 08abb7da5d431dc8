"""Line classification pieces of the plain-text boilerplate remover."""
import pytest

from generator.read import furniture
from generator.read.boilerplate import article_blocks
from generator.read.paragraphs import groups, is_clean_prose


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to improve your experience. By continuing you accept our use of cookies.",
        "Sign up for our daily newsletter",
        "© 2024 Example Media. All rights reserved.",
        "A crowd gathers outside the stadium. EXAMPLEWIRE/Jane Doe",
        "Photo: Sam Lee",
        "Advertisement",
        "Image caption The bridge was closed for repairs",
        "https://www.example.com/story/123",
        "Recommended Video",
    ],
)
def test_furniture(line):
    assert furniture.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The company said profit rose 12% to $4.5 million in the quarter.",
        "“We are pleased with the results,” she said on Tuesday.",
        "Shares closed at $24/7 after the announcement.",
    ],
)
def test_not_furniture(line):
    assert not furniture.is_furniture(line)


def test_closing_headings():
    assert furniture.is_end_marker("Related stories")
    assert furniture.is_end_marker("More from Example News")
    assert furniture.is_comments_marker("34 Comments")
    assert not furniture.is_end_marker("More than 300 workers lost their jobs in the closure last year.")


def test_repeated_teaser_text_is_dropped():
    para = ("The city council voted on Monday to expand the bus network to three new suburbs, "
            "a plan that will cost about $40 million over five years.")
    other = ("Officials said the first new routes would open in the spring and that fares "
             "would stay the same for at least two more years.")
    lines = ["  • Home", "  • News", "", para, "", other, "", "Share this", "", para[:120]]
    kept = [b.text for b in article_blocks(lines)]
    assert kept == [para, other]


def test_non_english_article_kept():
    paras = [
        "Die Stadtverwaltung hat am Montag beschlossen, das Busnetz auf drei neue Vororte auszuweiten, "
        "was in den nächsten fünf Jahren etwa 40 Millionen Euro kosten wird.",
        "Die ersten neuen Linien sollen im Frühjahr starten, und die Preise bleiben nach Angaben der "
        "Stadt mindestens zwei weitere Jahre gleich.",
    ]
    lines = ["  • Startseite", "  • Politik", "  • Wirtschaft", ""] + [x for p in paras for x in (p, "")] + ["Impressum", "Datenschutz"]
    assert [b.text for b in article_blocks(lines)] == paras


def test_clean_prose_detection_and_groups():
    prose = ["Title line here", "", "A first paragraph that is long enough to be prose, and it", "ends here.", "",
             "A second paragraph, also long enough to count as running text."]
    assert is_clean_prose(prose)
    assert groups(prose)[1] == "A first paragraph that is long enough to be prose, and it ends here."
    assert not is_clean_prose(["  • Home", "  • World"] + prose)


# A plain article whose later paragraphs restate sentences of earlier ones (a wire story
# often repeats its key figures), ending in a short paragraph after a short fact.
_RESTATING = [
    "Fenwick Rail said on Monday that ticket revenue rose 18% to $2.3 billion in the first half, "
    "as commuters returned to its lines in the northern suburbs and fares went up in January.",
    "The operator carried 41 million passengers in the period. Analysts had expected a smaller "
    "increase because of the strikes that closed parts of the network in the spring.",
    "Fenwick also said it would order 60 new trains from a local supplier, its largest order in a "
    "decade, and that the first of them should enter service at the end of next year.",
    "Analysts had expected a smaller increase because of the strikes that closed parts of the "
    "network in the spring. Some of them now expect the company to raise its outlook in the autumn.",
    "The operator carried 41 million passengers in the period. Fenwick also said it would order "
    "60 new trains from a local supplier, its largest order in a decade.",
    "Chief executive Ola Brandt said the company would keep fares unchanged until the end of the "
    "year, and that the savings from the new trains would be passed on to passengers over time.",
    "Last year Fenwick carried 78 million passengers in total, according to the regulator.",
    "Fenwick employs about 12,000 people.",
]


def _article_lines(paras, head=("  • Home", "  • Business", "", "Rail operator's revenue jumps as commuters return",
                                "", "By Lena Marsh", "March 4, 2025", "")):
    return list(head) + [x for p in paras for x in (p, "")]


def test_article_restating_earlier_sentences_keeps_every_paragraph():
    assert [b.text for b in article_blocks(_article_lines(_RESTATING))] == _RESTATING


def test_second_copy_of_the_article_after_it_is_dropped():
    paras = _RESTATING[:4]
    lines = _article_lines(paras) + ["Most popular", ""] + [x for p in paras for x in (p, "")]
    assert [b.text for b in article_blocks(lines)] == paras


def test_repeated_single_sentence_inside_article_is_dropped():
    pull = _RESTATING[0].split(", as")[0] + "."  # a pull quote: one sentence of the lede again
    paras = _RESTATING[:3] + [pull] + _RESTATING[5:6]
    kept = [b.text for b in article_blocks(_article_lines(paras))]
    assert pull not in kept and _RESTATING[5] in kept


def test_short_closing_sentence_kept():
    paras = _RESTATING[:3] + ["Shares rose 2%."]
    assert [b.text for b in article_blocks(_article_lines(paras))] == paras


def test_second_copy_right_after_the_article_is_dropped():
    paras = _RESTATING[:3] + _RESTATING[5:6]
    lines = _article_lines(paras) + [x for p in paras for x in (p, "")]
    assert [b.text for b in article_blocks(lines)] == paras
