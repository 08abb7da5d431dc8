"""Bylines: 'By A, B and Reuters' -> authors ['A', 'B'], wire/publisher 'Reuters'."""
from __future__ import annotations

import re

_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\|)\s*", re.I)
_PREFIX = re.compile(r"^\s*(?:written\s+by|reported\s+by|reporting\s+by|story\s+by|by|von|par|por|door|di|da)\b[:\s]*", re.I)
_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|columnist|contributor|staff|analyst|producer|"
    r"bureau|chief|senior|news|desk|team|editors|press|media|agency|wire|service|analysis)\b",
    re.I,
)
_FUNCTION_WORDS = frozenset(
    "a an the any all more most new our your my his her their this that these those what when where who "
    "how why not no of in on at to for from with without about into over under up out off is are was were "
    "be been has have had do does did can could will would should may might must".split()
)
_ORG_WORD = re.compile(r"\b(?:press|news|media|agency|wire)\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-\.]*|[a-z]{1,3}|de|van|von|der|da|di|la|le|bin|al-\w+)$")


def _is_person(name: str) -> bool:
    words = name.split()
    if any(w.lower() in _FUNCTION_WORDS for w in words):  # 'By Any Means Necessary' is a title
        return False
    if not 2 <= len(words) <= 5 or _ROLE.search(name) or any(ch.isdigit() for ch in name):
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(_NAME_WORD.match(w) for w in words)


def parse_byline(text: str) -> tuple[list[str], list[str]]:
    """Split a byline into (person names, organisations such as wires or publishers).

    A one-word credit ('Bloomberg', 'AP') is an organisation, not an author; a role
    after a comma ('Jane Doe, Energy Correspondent') is dropped.
    """
    text = re.sub(r"\s+", " ", _PREFIX.sub("", text.strip())).strip(" .:-–—|")
    text = re.sub(r"\s+[-–—]\s+.*$", "", text)  # 'Jane Doe - Analysis'
    people: list[str] = []
    orgs: list[str] = []
    for part in _SPLIT.split(text):
        part = part.strip(" .:-–—|()")
        if not part:
            continue
        if _is_person(part):
            if part not in people:
                people.append(part)
        elif len(part.split()) <= 4 and part[:1].isupper() and not _is_role(part) and part not in orgs:
            orgs.append(part)
    return people, orgs


def _is_role(part: str) -> bool:
    """'Investment Correspondent', 'Staff Writer': a job after a name, not an organisation."""
    return bool(_ROLE.search(part)) and not _ORG_WORD.search(part)


def is_byline(text: str) -> bool:
    """True when every part of ``text`` is a name, an organisation or a role, with one name at least
    ('Amy Lee and Tom Hart, The Daily Bugle'); a headline naming people has other words."""
    text = re.sub(r"\s+", " ", _PREFIX.sub("", text.strip())).strip(" .:-–—|")
    parts = [p.strip(" .:-–—|()") for p in _SPLIT.split(text)]
    parts = [p for p in parts if p]
    if not parts or len(text.split()) > 14 or not _is_person(parts[0]):
        return False
    return all(_is_person(p) or _is_role(p) or (len(p.split()) <= 4 and p.istitle()) for p in parts)
