"""Find a calendar date written in a line of text and give it as ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_MONTH_NAMES = {
    1: "jan january januar janvier enero janeiro gennaio januari",
    2: "feb february februar février fevrier febrero fevereiro febbraio februari",
    3: "mar march märz maerz mars marzo março marco maret",
    4: "apr april avril abril aprile",
    5: "may mai mayo maio maggio mei",
    6: "jun june juni juin junio junho giugno",
    7: "jul july juli juillet julio julho luglio",
    8: "aug august août aout agosto agustus",
    9: "sep sept september septembre septiembre setembro settembre",
    10: "oct october oktober octobre octubre outubro ottobre",
    11: "nov november novembre noviembre novembro",
    12: "dec december dezember décembre decembre diciembre dezembro dicembre desember",
}
MONTHS = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_DE = r"(?:\s+de)?"
_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),  # 2025-05-19
    re.compile(r"\b" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),  # May 19, 2025
    re.compile(r"\b" + _DAY + _DE + r"\s+(?:of\s+)?" + _MON + _DE + r",?\s+" + _YEAR, re.I),  # 19 May 2025
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)(?!\d)"),  # 2025/05/19
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),  # 19.05.2025
    re.compile(r"(?<![\d/])(?P<a>[01]?\d|[0-3]\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?!\d)"),  # 5/19/2025
    re.compile(r"(?<![\d/])(?P<a>[01]?\d|[0-3]\d)/(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/])"),  # 5/19/25
]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_day(g: dict) -> tuple[int, int] | None:
    if g.get("a"):  # a/b/yyyy: only when one side cannot be a month
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            return b, a
        if b > 12 >= a:
            return a, b
        return None
    month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["mon"].lower().rstrip(".")]
    return month, int(g["day"])


@lru_cache(maxsize=4096)  # the same lines are asked about by several header rules
def find_date(text: str) -> str | None:
    """The first unambiguous date in ``text`` as ``YYYY-MM-DD``, else None."""
    if not any(ch.isdigit() for ch in text):
        return None
    best = None
    for pat in _PATTERNS:
        m = pat.search(text)
        if not m or (best and m.start() >= best[0]):
            continue
        md = _month_day(m.groupdict())
        g = m.groupdict()
        year = int(g["year"]) if g.get("year") else 2000 + int(g["yy"])
        iso = _iso(year, *md) if md else None
        if iso:
            best = (m.start(), iso)
    return best[1] if best else None
