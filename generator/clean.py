"""Cleaning: keep the article body, drop page furniture. Fills ``Document.paragraphs``."""
from __future__ import annotations

from generator.models import Document
from generator.read import ReadError
from generator.read.boilerplate import article_blocks


def clean(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` with the article body; raise ReadError when there is none."""
    if not doc.paragraphs and doc.kind == "text":
        doc.paragraphs = [b.text for b in article_blocks(doc.lines)]
    if not doc.paragraphs:
        raise ReadError("no article text found")
    return doc
