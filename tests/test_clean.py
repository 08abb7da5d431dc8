"""Cleaning: the article body only, and the page's headline, byline and date."""
import pytest

from generator.clean import clean
from generator.read import ReadError, read

MENU = ["  • Home", "  • World", "  • Business", "  • Markets", "  • Opinion", "  • Sport", "Search", "Sign In"]
BODY = [
    "Harbor Fresh Foods said on Wednesday it would close two of its four bakeries next year, cutting "
    "about 300 jobs as the cost of flour and energy keeps climbing.",
    "The company, which supplies supermarkets across the region, said the remaining plants would take "
    "over the work and that no customer would lose deliveries because of the change.",
    "“We did not take this decision lightly, but the numbers no longer work,” chief executive Mara "
    "Quint said in a statement to staff on Wednesday morning.",
    "Union officials said they would meet the company next week to discuss the plan and were hoping "
    "to find jobs for as many of the affected workers as they could.",
]
FOOTER = [
    "",
    "Most Popular",
    "",
    "City council approves new bike lanes",
    "Local team wins championship in overtime",
    "About Us",
    "Contact",
    "Privacy Policy",
    "Terms of Service",
    "© 2024 Example Media Group. All rights reserved.",
]


def _scrape(tmp_path, lines):
    p = tmp_path / "page.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return clean(read(p))


def _page(header, body=BODY, footer=FOOTER):
    out = MENU + [""] + header + [""]
    for para in body:
        out += [para, ""]
    return out + footer


def test_menu_article_footer_keeps_only_the_article(tmp_path):
    doc = _scrape(tmp_path, _page(["Bakery chain to close two plants"]))
    assert doc.paragraphs == BODY


def test_headline_byline_with_wire_and_date_line(tmp_path):
    header = [
        "Bakery chain to close two plants",
        "",
        "By",
        "Nadia Ferris",
        "Nadia Ferris",
        "and",
        "Bloomberg",
        "Bloomberg",
        "March 6, 2024, 9:41 AM ET",
    ]
    doc = _scrape(tmp_path, _page(header))
    assert doc.source.title == "Bakery chain to close two plants"
    assert doc.source.authors == ["Nadia Ferris"]
    assert doc.source.publisher == "Bloomberg"
    assert doc.source.published == "2024-03-06"
    assert doc.paragraphs == BODY


def test_caption_and_credit_dropped(tmp_path):
    caption = "Workers load bread onto a delivery truck outside a bakery in the early morning."
    header = ["Bakery chain to close two plants", caption, caption + "Jon Park—Example via Getty Images"]
    doc = _scrape(tmp_path, _page(header))
    assert doc.paragraphs == BODY
    assert "Getty" not in doc.body


def test_inline_promo_and_event_ad_dropped(tmp_path):
    body = BODY[:2] + ["Recommended Video"] + BODY[2:] + [
        "Join us at the Example Retail Summit on June 3–4 in Denver. Leaders from the biggest brands will "
        "share what works. Register now."
    ]
    doc = _scrape(tmp_path, _page(["Bakery chain to close two plants"], body=body))
    assert doc.paragraphs == BODY


def test_comments_section_dropped(tmp_path):
    comments = ["", "12 Comments", ""]
    for i in range(6):
        comments += [
            f"reader{i}",
            "2 hours ago",
            f"I have bought their bread for {i + 2} years and I think this is a real shame for the town and the workers.",
            "Reply",
        ]
    doc = _scrape(tmp_path, _page(["Bakery chain to close two plants"], footer=comments + FOOTER))
    assert doc.paragraphs == BODY


def test_clean_article_keeps_every_paragraph_and_takes_line_one_as_title(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Bakery chain to close plants\n\n" + "\n\n".join(BODY + ["It employs 1,200 people."]) + "\n")
    doc = clean(read(p))
    assert doc.source.title == "Bakery chain to close plants"
    assert doc.paragraphs == BODY + ["It employs 1,200 people."]


def test_hard_wrapped_paragraphs_are_joined(tmp_path):
    p = tmp_path / "wire.txt"
    p.write_text(
        "-- Bakery chain to close plants\n-- \n-- Wed Mar 6, 2024 9:41am EST\n-- http://www.example.com/a\n\n"
        " Harbor Fresh Foods said on Wednesday it would close two of\n"
        "its four bakeries next year, cutting about 300 jobs.\n\n"
        "  The remaining plants would take over the work, the company\n"
        "said in a statement.\n"
    )
    doc = clean(read(p))
    assert doc.paragraphs == [
        "Harbor Fresh Foods said on Wednesday it would close two of its four bakeries next year, cutting about 300 jobs.",
        "The remaining plants would take over the work, the company said in a statement.",
    ]
    assert doc.source.title == "Bakery chain to close plants"


def test_no_article_raises(tmp_path):
    with pytest.raises(ReadError, match="no article text"):
        _scrape(tmp_path, MENU + ["", "© 2024 Example Media Group. All rights reserved.", "[logo]"])


def test_list_introduced_by_a_colon_is_kept(tmp_path):
    body = BODY + ["The plants that will close, and when:"]
    items = ["March 2025 – Eastfield bakery, 120 jobs", "June 2025 – Northgate bakery, 180 jobs"]
    lines = _page(["Bakery chain to close two plants"], body=body, footer=items + FOOTER)
    # the list follows the last paragraph's blank line directly, one item per line
    doc = _scrape(tmp_path, lines)
    assert doc.paragraphs == body + items


def test_inline_byline_and_date(tmp_path):
    header = ["Bakery chain to close two plants", "• Posted by Nadia Ferris on March 6, 2024 at 9:41 am"]
    doc = _scrape(tmp_path, _page(header))
    assert doc.source.authors == ["Nadia Ferris"]
    assert doc.source.published == "2024-03-06"
    assert doc.source.title == "Bakery chain to close two plants"


def test_photo_credit_is_not_a_byline(tmp_path):
    header = ["Bakery chain to close two plants", "Photo by Lee Hart for Example News", "March 6, 2024"]
    doc = _scrape(tmp_path, _page(header))
    assert doc.source.authors == []
    assert doc.paragraphs == BODY


def test_menu_item_starting_with_by_is_not_a_byline(tmp_path):
    header = ["• By Any Means Necessary", "Bakery chain to close two plants", "March 6, 2024"]
    doc = _scrape(tmp_path, _page(header))
    assert doc.source.authors == []


def test_trailing_wire_credit_dropped(tmp_path):
    p = tmp_path / "wire.txt"
    p.write_text(
        "-- Bakery chain to close plants\n-- By Jo Lin\n-- Wed Mar 6, 2024 9:41am EST\n-- http://www.example.com/a\n\n"
        " Harbor Fresh Foods said on Wednesday it would close two of its four bakeries next year.\n\n"
        " The remaining plants would take over the work. (Reporting by  Jo Lin ; Editing by Sam Otto)\n"
    )
    doc = clean(read(p))
    assert doc.paragraphs[-1] == "The remaining plants would take over the work."
    assert doc.source.authors == ["Jo Lin"]


def test_clean_article_with_byline_and_date_lines(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(
        "Bakery chain to close plants\n\nBy Nadia Ferris, Reuters\n\n6 March 2024\n\n" + "\n\n".join(BODY) + "\n"
    )
    doc = clean(read(p))
    assert doc.source.title == "Bakery chain to close plants"
    assert doc.source.authors == ["Nadia Ferris"]
    assert doc.source.publisher == "Reuters"
    assert doc.source.published == "2024-03-06"
    assert doc.paragraphs == BODY


_PLAIN = [
    "Fenwick Rail said on Monday that ticket revenue rose 18% to $2.3 billion in the first half, "
    "as commuters returned to its lines in the northern suburbs and fares went up in January.",
    "The operator carried 41 million passengers in the period, more than analysts had expected "
    "after the strikes that closed parts of the network in the spring.",
    "\"We have won our passengers back, and we mean to keep them,\" chief executive Ola Brandt "
    "said in a statement. \"Fares will not go up again this year.\"",
    "Fenwick also said it would order 60 new trains from a local supplier, its largest order in a "
    "decade, and that the first of them should enter service at the end of next year.",
]


@pytest.mark.parametrize("headline", [
    "Fenwick Rail revenue jumps 18% as commuters return",
    "Fenwick Rail revenue jumps 18% as commuters return to its lines in the northern suburbs (update 2)",
])
@pytest.mark.parametrize("last", [
    "", "Shares rose 2%.", "The company declined to comment.",
    "Last year Fenwick carried 78 million passengers in total, according to the regulator.",
])
def test_headline_found_whatever_the_last_paragraph(tmp_path, headline, last):
    body = _PLAIN + ([last] if last else [])
    lines = [headline, "", "March 4, 2025", ""] + [x for p in body for x in (p, "")]
    doc = _scrape(tmp_path, lines)
    assert doc.source.title == headline
    assert doc.source.published == "2025-03-04"
    assert doc.paragraphs == body


def test_clean_article_with_byline_and_date_on_consecutive_lines(tmp_path):
    lines = ["Fenwick Rail revenue jumps 18% as commuters return", "", "By Lena Marsh", "March 4, 2025, 7:05 AM ET", ""]
    lines += [x for p in _PLAIN for x in (p, "")]
    doc = _scrape(tmp_path, lines)
    assert doc.paragraphs == _PLAIN
    assert doc.source.title == "Fenwick Rail revenue jumps 18% as commuters return"
    assert doc.source.authors == ["Lena Marsh"]
    assert doc.source.published == "2025-03-04"
