"""Plain-text reader: lines, plus the metadata of a wire-style header if the file has one.

A wire header is up to four lines starting with ``-- `` before the body:
headline, ``By`` byline (or empty), date line, URL.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from generator.models import Document, Source
from generator.read.byline import parse_byline
from generator.read.dates import find_date


def header_length(lines: list[str]) -> int:
    """Number of leading ``-- `` header lines (0 when the file has no such header)."""
    n = 0
    while n < min(len(lines), 6) and (lines[n].startswith("-- ") or lines[n].rstrip() == "--"):
        n += 1
    return n if n >= 2 else 0


def parse_header(lines: list[str]) -> Source:
    """Title, byline, date and URL from a ``-- `` header."""
    src = Source()
    fields = [l[2:].strip() for l in lines[: header_length(lines)]]
    for i, f in enumerate(fields):
        if not f:
            continue
        if f.lower().startswith(("http://", "https://", "www.")):
            src.url = src.url or f
        elif f.lower().startswith("by "):
            people, orgs = parse_byline(f)
            src.authors = people
            if orgs and not src.publisher:
                src.publisher = orgs[0]
        elif i > 0 and src.published is None and find_date(f) and len(f) < 60:
            src.published = find_date(f)
        elif i == 0:
            src.title = f
    if src.url and not src.publisher:
        src.publisher = publisher_from_url(src.url)
    return src


def publisher_from_url(url: str) -> str | None:
    """'http://www.example.com/x' -> 'Example' (the registered name of the host)."""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    labels = [l for l in host.split(".") if l and l != "www"]
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # example.co.uk
        labels = labels[:-1]
    return labels[-2].capitalize() if len(labels) >= 2 else None


def read_text_document(path: Path, text: str, encoding: str) -> Document:
    lines = [l.rstrip() for l in text.split("\n")]
    doc = Document(path=str(path), kind="text", raw=text, encoding=encoding, lines=lines)
    if header_length(lines):
        doc.source = parse_header(lines)
    return doc
