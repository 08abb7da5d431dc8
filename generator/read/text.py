"""Plain-text reader: lines plus whatever header the file carries (title, byline, date, URL)."""
from __future__ import annotations

from pathlib import Path

from generator.models import Document


def read_text_document(path: Path, text: str, encoding: str) -> Document:
    lines = [l.rstrip() for l in text.split("\n")]
    return Document(path=str(path), kind="text", raw=text, encoding=encoding, lines=lines)
