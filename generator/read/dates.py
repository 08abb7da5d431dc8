"""Find a calendar date written in a line of text and give it as ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(r"\b" + _YEAR + r"-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),  # 2025-05-19
    re.compile(r"\b" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),  # May 19, 2025
    re.compile(r"\b" + _DAY + r"\.?\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b", re.I),  # 19 May 2025
    re.compile(r"\b" + _YEAR + r"/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)(?!\d)"),  # 2025/05/19
]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first unambiguous date in ``text`` as ``YYYY-MM-DD``, else None."""
    if not any(ch.isdigit() for ch in text):
        return None
    best = None
    for pat in _PATTERNS:
        m = pat.search(text)
        if not m or (best and m.start() >= best[0]):
            continue
        g = m.groupdict()
        month = int(g["mnum"]) if g.get("mnum") else _MONTHS[g["mon"].lower().rstrip(".")]
        iso = _iso(int(g["year"]), month, int(g["day"]))
        if iso:
            best = (m.start(), iso)
    return best[1] if best else None
