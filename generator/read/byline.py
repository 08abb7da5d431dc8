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
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-\.]*|[a-z]{1,3}|de|van|von|der|da|di|la|le|bin|al-\w+)$")


def _is_person(name: str) -> bool:
    words = name.split()
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
        elif len(part.split()) <= 4 and part[:1].isupper() and not _ROLE.fullmatch(part) and not people_role(part):
            if part not in orgs:
                orgs.append(part)
    return people, orgs


def people_role(part: str) -> bool:
    """True for role phrases that follow a name ('Investment Correspondent')."""
    return bool(_ROLE.search(part)) and len(part.split()) <= 4 and not re.search(r"\b(?:press|news|media|agency|wire)\b", part, re.I)
