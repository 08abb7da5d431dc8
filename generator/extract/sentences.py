"""Split a paragraph into sentences, keeping each sentence verbatim.

Rule-based: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a
closing quote or bracket) before white space and an upper-case letter, digit
or opening quote, unless the word before the stop is a known abbreviation
("Co.", "Corp.", "Mr.", "U.S.") or a single initial.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep rev
    inc corp co ltd plc llc bros dept univ assn est fig no nos vol approx
    jan feb mar apr jun jul aug sep sept oct nov dec vs etc al cf ave blvd
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e""".split()
)
# Abbreviations that usually end a company name: a following capitalised word
# most often starts a new sentence only if it is a common sentence opener.
_END = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9])""")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset into the paragraph
    end: int


def _is_abbreviation(para: str, dot: int) -> bool:
    if para[dot] != ".":
        return False
    m = _WORD_BEFORE.search(para, max(0, dot - 40), dot)  # a bounded window: no quadratic rescans
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1:  # an initial: "John F. Kennedy"
        return True
    return word in ABBREVIATIONS


def split(paragraph: str) -> list[Sentence]:
    """The sentences of a paragraph; entities, figures and quotes all split the same paragraphs, so the
    result is cached (a fresh list each call: callers may change it, the Sentences are frozen)."""
    return list(_split(paragraph))


@lru_cache(maxsize=4096)
def _split(paragraph: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(paragraph):
        if _is_abbreviation(paragraph, m.start()):
            continue
        end = m.end()
        text = paragraph[start:end].strip()
        if text:
            s = start + (len(paragraph[start:end]) - len(paragraph[start:end].lstrip()))
            out.append(Sentence(text, s, s + len(text)))
        start = end
    rest = paragraph[start:]
    if rest.strip():
        s = start + (len(rest) - len(rest.lstrip()))
        out.append(Sentence(rest.strip(), s, s + len(rest.strip())))
    return tuple(out)
