"""Stopword lists (jusText's, shipped with trafilatura) and a cheap language guess."""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

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
    spec = importlib.util.find_spec("justext")  # located, not imported (it pulls in lxml)
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "stoplists" / f"{language}.txt"
    try:
        return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split("\n") if w.strip())
    except OSError:  # no such list: density falls back to zero
        return frozenset()


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def density(tokens: list[str], stop: frozenset[str]) -> float:
    return sum(map(stop.__contains__, tokens)) / len(tokens) if tokens else 0.0


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
