"""Cleaning: keep the article body, drop page furniture. Fills ``Document.paragraphs``.

Clean prose (a wire story, a plain article file) keeps every paragraph, a
leading headline, byline and date line going to ``doc.source``; a page dump goes
through the boilerplate remover, and the page's headline, byline and date are
read from the lines just before the article.
"""
from __future__ import annotations

from generator.models import Document
from generator.read import ReadError
from generator.read.boilerplate import article_blocks
from generator.read.furniture import strip_credits
from generator.read.pagemeta import fill_source, take_header_paragraphs
from generator.read.paragraphs import groups, is_clean_prose
from generator.read.text import header_length


def _clean_text(doc: Document) -> list[str]:
    start = header_length(doc.lines)
    lines = doc.lines[start:]
    if is_clean_prose(lines):
        paras = groups(lines)
        return paras if start else take_header_paragraphs(paras, doc.source)
    blocks = article_blocks(lines)
    if blocks:
        fill_source(doc.source, lines, blocks[0].index, " ".join(b.text for b in blocks[:3]))
    return [b.text for b in blocks]


def _drop_credits(paras: list[str]) -> list[str]:
    """Trailing wire credits ('(Reporting by ...; Editing by ...)') are not body."""
    while paras and not strip_credits(paras[-1]):
        paras = paras[:-1]
    if paras:
        paras[-1] = strip_credits(paras[-1])
    return paras


def clean(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` with the article body; raise ReadError when there is none."""
    if not doc.paragraphs and doc.kind == "text":
        doc.paragraphs = _clean_text(doc)
    doc.paragraphs = _drop_credits(doc.paragraphs)
    if not doc.paragraphs:
        raise ReadError("no article text found")
    return doc
