"""Readers: one per input kind, picked by extension or content. ``read(path) -> Document``."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from generator.models import Document


class ReadError(ValueError):
    """A seed that cannot be read as an article; the message names the problem."""


from generator.read import html as _html  # noqa: E402  (readers import ReadError from here)
from generator.read import text as _text  # noqa: E402
from generator.read.encoding import DecodeError, read_text  # noqa: E402

# kind -> reader(path, decoded text, encoding) -> Document
READERS: dict[str, Callable[[Path, str, str], Document]] = {
    "text": _text.read_text_document,
    "html": _html.read_html_document,
}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def detect_kind(path: Path, text: str) -> str:
    """'html' for .html/.htm files or text that starts like an HTML page, else 'text'."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:65536].lower()):
        return "html"
    return "text"


def read(path: str | Path) -> Document:
    """Decode ``path`` and hand it to the reader for its kind."""
    p = Path(path)
    try:
        text, enc = read_text(p)
    except DecodeError as exc:
        raise ReadError(str(exc)) from None
    except OSError as exc:
        raise ReadError(f"cannot open file ({exc.strerror or exc})") from None
    if not text.strip():
        raise ReadError("empty file (only white space)")
    return READERS[detect_kind(p, text)](p, text, enc)
