"""HTML reader: trafilatura gives the main text and the page's metadata in one pass."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from generator.models import Document, Source
from generator.read.byline import parse_byline
from generator.read.dates import find_date

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _tokens(text: str) -> int:
    return len(re.findall(r"\w+", text or ""))


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _extract(html: str, **options):
    import trafilatura

    return trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, with_metadata=True, **options
    )


def main_text(html: str):
    """trafilatura's result, precision-first; the default settings when precision keeps too little."""
    precise = _extract(html, favor_precision=True)
    if precise is not None and _tokens(precise.text) >= 120:
        return precise
    default = _extract(html)
    if precise is None or (default is not None and _tokens(default.text) > 2 * _tokens(precise.text)):
        return default or precise
    return precise


def _source(result) -> Source:
    authors: list[str] = []
    orgs: list[str] = []
    if result.author:
        for part in re.split(r"\s*;\s*", result.author):
            people, found = parse_byline(part)
            authors += [p for p in people if p not in authors]
            orgs += found
    date = find_date(result.date) if result.date else None
    return Source(
        title=(result.title or None),
        published=date,
        authors=authors,
        publisher=result.sitename or (orgs[0] if orgs else None),
        url=result.url or None,
    )


def read_html_document(path: Path, text: str, encoding: str) -> Document:
    doc = Document(path=str(path), kind="html", raw=text, encoding=encoding, lines=text.split("\n"))
    result = main_text(text)
    if result is not None:
        doc.source = _source(result)
        paras = [p.strip() for p in (result.text or "").split("\n") if p.strip()]
        if len(paras) > 1 and doc.source.title and _fold(paras[0]) == _fold(doc.source.title):
            paras = paras[1:]  # the headline is metadata, not body
        doc.paragraphs = paras
    return doc
