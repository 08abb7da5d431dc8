"""Find time periods in a sentence and resolve them to ISO 8601 labels.

``find(text, published)`` returns ``Period`` objects with a label ("2024", "2025-Q1",
"2025-01/2025-02", "2008-01/2008-06", "2007-02-16"), the span, and ``anchor=True`` when the
period is a comparison or a boundary ("than in 2003", "since 2004", "by 2007") rather than the
period a figure belongs to. Relative expressions need ``published`` (an ISO date); without it
they resolve to nothing, as only written years can be trusted then.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
PATTERNS = [
    ("fy", re.compile(r"\b(?:(?:financial|fiscal|business) |(?<=the )|(?<=a ))year (?:to|ending|ended|through) (?P<m>" + _MONTH
                      + r")(?: \d{1,2}(?!\d))?(?:,? (?P<y>" + _YEAR + r")\b)?")),
    ("years", re.compile(r"(?<![\w$£€.,-])(?P<y1>" + _YEAR + r")\s?[-–/]\s?(?P<y2>" + _YEAR + r"|\d\d)(?![\w%-])")),
    ("fiscal", re.compile(r"\b(?:fiscal(?: year)?|FY) ?(?P<y>" + _YEAR + r"|'\d\d)\b")),
    ("q3m", re.compile(r"\b(?:three|3) months (?:ended|ending|to|through) (?P<m>" + _MONTH
                       + r")(?: \d{1,2}(?!\d))?(?:,? (?P<y>" + _YEAR + r"))?")),
    ("nmonths", re.compile(r"\b(?P<n>six|nine|6|9) months (?:ended|ending|to|through) (?P<m>" + _MONTH
                           + r")(?: \d{1,2}(?!\d))?(?:,? (?P<y>" + _YEAR + r"))?")),
    ("quarter", re.compile(r"\b(?:(?P<y0>" + _YEAR + r") )?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
                           r"(?:(?: of)?,? (?P<y>" + _YEAR + r")(?![\w-])| (?P<rel>last|this) year)?", re.I)),
    ("q", re.compile(r"\bQ(?P<o>[1-4])(?:[ /](?P<y>" + _YEAR + r"))?\b")),
    ("curquarter", re.compile(r"\b(?:current|present) quarter\b", re.I)),
    ("lastquarter", re.compile(r"\b(?:just-reported|just-ended|latest|last|previous|past|recent) quarter\b", re.I)),
    ("samequarter", re.compile(r"\b(?:the |that |same )+quarter\b", re.I)),
    ("ytd", re.compile(r"\b(?:so far this year|year to date|year-to-date)\b", re.I)),
    ("half", re.compile(r"\b(?P<o>first|second)[- ]half(?:(?: of)?,? (?P<y>" + _YEAR + r")(?![\w-]))?", re.I)),
    ("h", re.compile(r"\bH(?P<o>[12])(?:[ /](?P<y>" + _YEAR + r"))?\b")),
    ("span", re.compile(r"\bfrom (?:the (?P<end>end|start|beginning) of )?(?P<m1>" + _MONTH + r")(?: (?P<d1>\d{1,2})(?!\d))?"
                        r" (?:to|through|until) (?P<m2>" + _MONTH + r")(?: (?P<d2>\d{1,2})(?!\d))?(?:,? (?P<y>" + _YEAR + r"))?")),
    ("months", re.compile(r"\b(?P<m1>" + _MONTH + r")(?: and | to |-to-|-|–| through )(?P<m2>" + _MONTH
                          + r")(?:,? (?P<y>" + _YEAR + r"))?(?![\w-])(?P<q> quarter)?")),
    ("date", re.compile(r"\b(?P<m>" + _MONTH + r") (?P<d>\d{1,2})(?:,? (?P<y>" + _YEAR + r"))?(?![\d:])")),
    ("month", re.compile(r"\b(?P<m>" + _MONTH + r")(?:,? (?P<y>" + _YEAR + r"))?(?![\w-])")),
    ("rel", re.compile(r"\b(?P<w>last|this|next|previous|past) (?P<u>year|month|week)\b", re.I)),
    ("wday", re.compile(r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b")),
    ("today", re.compile(r"\btoday\b", re.I)),
    ("year", re.compile(r"(?<![\w$£€.,-])(?P<y>" + _YEAR + r")(?![\w%-]|,\d| ?(?:percent|per cent))")),
]
_ANCHOR_BEFORE = re.compile(
    r"\b(?:since|until|till|before|after|than|from|compared (?:with|to)|versus|vs\.?|by|as early as|ahead of|"
    r"through|in early|ended|last|previous|year-earlier|over)(?: in| the| its| a| late| early| mid| end of| the end of)*\s*$",
    re.I)
# A year used as an adjective: "the 2025 refreshes", "its 2003 performance", "forecast 2008 revenue".
_ADJ_AFTER = re.compile(r"\s(?!and\b|to\b|or\b|as\b|at\b|for\b|in\b|on\b|with\b|from\b|when\b|the\b|a\b|an\b|was\b|were\b|is\b|has\b|had\b|will\b|after\b|before\b|but\b|while\b|compared\b|than\b|levels?\b|figures?\b)[a-z]")


_ANY_MONTH = re.compile(r"\b" + _MONTH + r"(?![a-z])")
# Cheap substring tests that skip a pattern when it cannot match.
_GATES = {
    "fy": ("year",), "fiscal": ("fiscal", "fy"), "q3m": ("months",), "nmonths": ("months",), "quarter": ("quarter",), "q": ("q",),
    "curquarter": ("quarter",), "lastquarter": ("quarter",), "samequarter": ("quarter",),
    "ytd": ("year",), "half": ("half",), "h": ("h1", "h2"), "months": "MONTH", "date": "MONTH", "span": "MONTH",
    "month": "MONTH", "rel": ("year", "month", "week"), "wday": ("day",), "today": ("today",),
    "year": ("19", "20"), "years": ("19", "20"),
}


_ALL_GATES = frozenset(g for v in _GATES.values() if v != "MONTH" for g in v)
_UNGATED = [k for k, _ in PATTERNS if k not in _GATES]
assert not _UNGATED, _UNGATED  # the early return in find() relies on every pattern having a gate


_SUBORDINATE = re.compile(r"(?:After|Before|Since|Despite|Although|Unlike|Until|Following)\b[^,]*,")
_CONCESSIVE = re.compile(r"\b(?:despite|although|though|even as)\b[^,;]*$", re.I)


@dataclass
class Period:
    label: str
    start: int
    end: int
    anchor: bool = False
    kind: str = ""


def _pub(published) -> Optional[_dt.date]:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _month(s: str) -> int:
    return MONTH_NUM[s.lower().rstrip(".")[:4] if s.lower().startswith("sept") else s.lower()[:3]]


def _quarter_label(q: int, year: Optional[int], pub: Optional[_dt.date], rel: Optional[str] = None) -> Optional[str]:
    if year is None:
        if pub is None:
            return None
        year = pub.year
        if rel and rel.lower() == "last":
            year -= 1
        elif (q - 1) * 3 + 1 > pub.month:  # the most recent such quarter that has started
            year -= 1
    return f"{year}-Q{q}"


def _month_year(m: int, pub: Optional[_dt.date]) -> Optional[int]:
    if pub is None:
        return None
    return pub.year if m <= pub.month else pub.year - 1


# Without a publication date, a month or quarter written without its year ("the three months to December")
# that ends when the period the lead states ends ("at the end of 2004") takes that year; other months
# ("in January": 2004 or 2005?) and relative words ("last year") stay unresolved.
_CONTEXT_YEAR_KINDS = frozenset("q3m nmonths quarter q half h months span date month fy".split())


def reference_date(label: str) -> Optional[_dt.date]:
    """The last day a label covers: "2004" -> 2004-12-31, "2005-01" -> 2005-01-31, "2004-Q3" -> 2004-09-30."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4]))?$", label.split("/")[-1])
    if not m:
        return None
    y = int(m.group(1))
    mm = int(m.group(2)) if m.group(2) else (int(m.group(4)) * 3 if m.group(4) else 12)
    if m.group(3):
        return _dt.date(y, mm, int(m.group(3)))
    return _dt.date(y + (mm == 12), mm % 12 + 1, 1) - _dt.timedelta(days=1)


def find(text: str, published=None, context: Optional[_dt.date] = None) -> list[Period]:
    pub = _pub(published)
    ctx_pub = context if pub is None else None
    out: list[Period] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    sub = _SUBORDINATE.match(text)  # "After losing ground in 2005 and 2006, it ..." : those years are background
    has_month = _ANY_MONTH.search(text) is not None
    present = {g for g in _ALL_GATES if g in low}
    if not present and not has_month:
        return out  # no year, month, quarter, half, week, day: most sentences of an article
    for kind, rx in PATTERNS:
        gate = _GATES.get(kind)
        if gate is not None and not (has_month if gate == "MONTH" else not present.isdisjoint(gate)):
            continue
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(s < b and e > a for a, b in taken):
                continue
            label = _resolve(kind, m, pub)
            if label is None and ctx_pub is not None and kind in _CONTEXT_YEAR_KINDS:
                label = _resolve(kind, m, ctx_pub)
                if label and reference_date(label) != ctx_pub:
                    label = None  # only the period the lead dates ("December", "the fourth quarter" of "end of 2004")
            taken.append((s, e))
            if label is None:
                continue
            anchor = bool(_ANCHOR_BEFORE.search(text[max(0, s - 30):s]) or _CONCESSIVE.search(text[max(0, s - 60):s])
                          or (sub and e <= sub.end()))
            if kind == "year" and _ADJ_AFTER.match(text, e):
                anchor = True
            if kind == "rel" and m.group("w").lower() in ("past", "previous"):
                anchor = True
            out.append(Period(label, s, e, anchor, kind))
    out.sort(key=lambda p: p.start)
    return out


def _resolve(kind: str, m: re.Match, pub: Optional[_dt.date]) -> Optional[str]:
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") and g["y"].isdigit() else None
    if kind == "years":
        y1, y2 = int(g["y1"]), g["y2"]
        y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        return f"{y1}/{y2}" if y1 < y2 <= y1 + 30 else None
    if kind == "fy":
        mm = _month(g["m"])
        y = y or _month_year(mm, pub)
        if y is None:
            return None
        end = _dt.date(y, mm, 1)
        start_m = mm % 12 + 1
        start_y = y - 1 if start_m > 1 else y
        return f"{start_y}-{start_m:02d}/{y}-{mm:02d}"
    if kind == "fiscal":
        v = g["y"]
        return ("20" + v[1:]) if v.startswith("'") else v
    if kind == "nmonths":
        n = {"six": 6, "nine": 9}.get(g["n"].lower()) or int(g["n"])
        mm = _month(g["m"])
        yy = y or _month_year(mm, pub)
        if yy is None:
            return None
        start = mm - n + 1
        sy = yy if start >= 1 else yy - 1
        return f"{sy}-{(start - 1) % 12 + 1:02d}/{yy}-{mm:02d}"
    if kind == "q3m":
        mm = _month(g["m"])
        yy = y or _month_year(mm, pub)
        if yy is None or mm % 3:
            return None
        return f"{yy}-Q{mm // 3}"
    if kind in ("quarter", "q"):
        q = ORD.get(g["o"].lower(), None) if kind == "quarter" else int(g["o"])
        yy = y or (int(g["y0"]) if g.get("y0") else None)
        return _quarter_label(q, yy, pub, g.get("rel"))
    if kind == "samequarter":
        return "SAMEQ"
    if kind == "ytd":
        return "YTD"
    if kind in ("curquarter", "lastquarter"):
        if pub is None:
            return None
        q, yy = (pub.month - 1) // 3 + 1, pub.year
        if kind == "lastquarter":
            q, yy = (q - 1, yy) if q > 1 else (4, yy - 1)
        return f"{yy}-Q{q}"
    if kind in ("half", "h"):
        h = 1 if g["o"].lower() in ("first", "1") else 2
        yy = y
        if yy is None:
            if pub is None:
                return None
            yy = pub.year if (h == 1 or pub.month >= 7) else pub.year - 1
        return f"{yy}-01/{yy}-06" if h == 1 else f"{yy}-07/{yy}-12"
    if kind == "span":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        yy = y or _month_year(m2, pub)
        if yy is None:
            return None
        y1 = yy if m1 <= m2 else yy - 1
        if g.get("d1"):
            d1 = int(g["d1"])
        elif g.get("end") == "end":
            d1 = ((_dt.date(y1 + (m1 == 12), m1 % 12 + 1, 1)) - _dt.timedelta(days=1)).day
        else:
            d1 = 1
        try:
            start = _dt.date(y1, m1, d1).isoformat()
            end = _dt.date(yy, m2, int(g["d2"])).isoformat() if g.get("d2") else f"{yy}-{m2:02d}"
        except ValueError:
            return None
        return f"{start}/{end}" if g.get("d2") else f"{start[:7]}/{end}"
    if kind == "months":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        yy = y or _month_year(m2, pub)
        if yy is None:
            return None
        if g.get("q") and m2 % 3 == 0 and m1 == m2 - 2:
            return f"{yy}-Q{m2 // 3}"  # "the October-to-December quarter"
        return f"{yy if m1 <= m2 else yy - 1}-{m1:02d}/{yy}-{m2:02d}"
    if kind == "date":
        mm, d = _month(g["m"]), int(g["d"])
        yy = y or _month_year(mm, pub)
        if yy is None or not 1 <= d <= 31:
            return None
        try:
            return _dt.date(yy, mm, d).isoformat()
        except ValueError:
            return None
    if kind == "month":
        word = m.group("m")
        if word in ("May", "Mar") and not y:  # "may" the verb is lower-case; bare "May" is still risky
            pass
        mm = _month(word)
        yy = y or _month_year(mm, pub)
        return f"{yy}-{mm:02d}" if yy else None
    if kind == "rel":
        if pub is None:
            return None
        w, u = g["w"].lower(), g["u"].lower()
        delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[w]
        if u == "year":
            return str(pub.year + delta)
        if u == "week":
            if w != "last":
                return None  # "earlier this week" dates an event, not a figure
            y, w, _ = (pub + _dt.timedelta(weeks=delta)).isocalendar()
            return f"{y}-W{w:02d}"
        mm, yy = pub.month + delta, pub.year
        if mm < 1:
            mm, yy = 12, yy - 1
        if mm > 12:
            mm, yy = 1, yy + 1
        return f"{yy}-{mm:02d}"
    if kind == "wday":
        if pub is None:
            return None
        back = (pub.weekday() - WEEKDAYS.index(g["w"].lower())) % 7
        return (pub - _dt.timedelta(days=back)).isoformat()
    if kind == "today":
        return pub.isoformat() if pub else None
    if kind == "year":
        return str(y)
    return None


def shift_year(label: str, years: int = -1) -> str:
    """"2007-Q4" -> "2006-Q4": for "from $1.5 billion a year ago"."""
    return re.sub(r"\b(\d{4})\b", lambda m: str(int(m.group(1)) + years), label)
