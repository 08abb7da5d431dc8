"""Stopword lists (jusText's, shipped with trafilatura) and a cheap language guess."""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")

# Tried after English, in this order; jusText has ~100 lists, these cover most news.
LANGUAGES = (
    "English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Indonesian",
    "Swedish", "Danish", "Norwegian_Bokmal", "Finnish", "Polish", "Czech", "Turkish",
    "Romanian", "Hungarian", "Russian", "Ukrainian", "Greek", "Croatian", "Malay",
    "Vietnamese", "Tagalog",
)


@lru_cache(maxsize=None)
def stoplist(language: str) -> frozenset[str]:
    try:
        import justext

        return frozenset(justext.get_stoplist(language))
    except Exception:  # jusText missing or no such list: density falls back to zero
        return frozenset()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def density(tokens: list[str], stop: frozenset[str]) -> float:
    return sum(1 for t in tokens if t in stop) / len(tokens) if tokens else 0.0


def guess_stoplist(sample: list[str]) -> frozenset[str]:
    """The stoplist covering the most of ``sample`` (tokens of the page's longer lines)."""
    english = stoplist("English")
    if not sample or density(sample, english) >= 0.3:
        return english
    best, best_d = english, density(sample, english)
    for lang in LANGUAGES[1:]:
        d = density(sample, stoplist(lang))
        if d > best_d + 0.05:
            best, best_d = stoplist(lang), d
    return best
