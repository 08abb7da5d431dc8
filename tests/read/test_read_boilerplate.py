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
