"""How figures, periods and dates read on the site. Plain text in, plain text out.

Everything here returns *text*; escaping for HTML or Markdown is the
templates' job (autoescape and the ``md`` filter).
"""
from __future__ import annotations

import re

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_SUFFIX_UNITS = {"%": "%", "pp": " pp", "x": "×"}


def number(value: float) -> str:
    """22160 -> '22,160'; 1.25 -> '1.25'; -23 -> '-23'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def is_currency(unit: str) -> bool:
    return bool(_CURRENCY.match(unit or ""))


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _scaled(values: list[float]) -> tuple[list[str], str]:
    """Numbers of a million and more as the press writes them, in the largest
    of trillions, billions or millions that states them exactly with at most
    three decimals ("11 billion", "4.6 billion", "1,234.5 million"); all in
    the same scale. Otherwise (or below a million) every digit, "987,654,321"."""
    top = max(abs(v) for v in values)
    for size, word in _SCALES:
        if top < size:
            continue
        parts = [v / size for v in values]
        if all(abs(p * 1000 - round(p * 1000)) < 1e-6 * max(1.0, abs(p)) for p in parts):
            return [f"{p:,.3f}".rstrip("0").rstrip(".") for p in parts], word
    return [number(v) for v in values], ""


def value(value: float, unit: str, value_high: float | None = None, approximate: bool = False) -> str:
    """A figure as a reader expects it.

    >>> value(509800, "CNY")
    'CNY 509,800'
    >>> value(-23, "%")
    '-23%'
    >>> value(10000, "CNY", 20000)
    'CNY 10,000–20,000'
    >>> value(427000, "vehicles", approximate=True)
    '≈427,000 vehicles'
    >>> value(11e9, "USD"), value(1.5e6, "vehicles"), value(987654321, "USD")
    ('USD 11 billion', '1.5 million vehicles', 'USD 987,654,321')
    """
    if value_high is not None and value_high < value:  # "between -10,000 and -20,000": low end first
        value, value_high = value_high, value
    values = [value] if value_high is None else [value, value_high]
    # percentages, points and multiples: every digit
    parts, scale = ([number(v) for v in values], "") if unit in _SUFFIX_UNITS else _scaled(values)
    if value_high is None:
        nums = parts[0]
    else:  # "10,000–20,000", but "-20,000 to -10,000" (an en dash next to a minus misleads)
        sep = " to " if value < 0 or value_high < 0 else "–"
        nums = f"{parts[0]}{sep}{parts[1]}"
    if scale:
        nums = f"{nums} {scale}"
    if is_currency(unit):
        text = f"{unit} {nums}"
    elif unit in _SUFFIX_UNITS:  # a range reads "10–20%", not "10%–20%"
        text = f"{nums}{_SUFFIX_UNITS[unit]}"
    elif unit:
        text = f"{nums} {unit}"
    else:
        text = nums
    return f"≈{text}" if approximate else text


def unit_label(unit: str) -> str:
    """The unit as an axis title: '%' -> 'percent', 'x' -> 'times'."""
    return {"%": "percent", "pp": "percentage points", "x": "times"}.get(unit, unit)


def _one_period(p: str) -> tuple[str, str]:
    """'2025-03' -> ('Mar', '2025'); returns (part before year, year)."""
    week = re.match(r"^(\d{4})-W(\d{2})$", p)
    if week:  # '2025-W07' -> ('week 7 of', '2025')
        return f"week {int(week.group(2))} of", week.group(1)
    m = re.match(r"^(\d{4})(?:-(Q[1-4]|H[12])|-(\d{2})(?:-(\d{2}))?)?$", p)
    if not m:
        return p, ""
    year, half_or_q, month, day = m.groups()
    if half_or_q:
        return half_or_q, year
    if month:
        mon = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else month
        return (f"{int(day)} {mon}" if day else mon), year
    return "", year


def period(p: str | None) -> str:
    """ISO period label -> words: '2025-01/2025-02' -> 'Jan–Feb 2025'; None -> ''."""
    if not p:
        return ""
    if "/" in p:
        a, b = p.split("/", 1)
        (pa, ya), (pb, yb) = _one_period(a), _one_period(b)
        if ya == yb and pa and pb:
            return f"{pa}–{pb} {ya}"
        left = f"{pa} {ya}".strip()
        right = f"{pb} {yb}".strip()
        return f"{left}–{right}"
    pa, ya = _one_period(p)
    return f"{pa} {ya}".strip()


def date(iso: str | None) -> str:
    """'2025-05-19' -> '19 May 2025'."""
    if not iso:
        return ""
    pa, ya = _one_period(iso)
    return f"{pa} {ya}".strip()


def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def one_line(text: str | None) -> str:
    """Collapse all whitespace (newlines included) to single spaces."""
    return " ".join((text or "").split())


def safe_title(text: str | None) -> str:
    """A title fit for MkDocs/Material's page title, which the theme prints
    unescaped into <title> and the header: no markup can survive.

    '<' and '>' become look-alike angle quotes; '&' before a letter, digit or '#'
    (an entity) becomes a full-width ampersand. The page's visible <h1> keeps the
    exact text (escaped by our templates).
    """
    t = one_line(text).replace("<", "‹").replace(">", "›")
    return re.sub(r"&(?=[#A-Za-z0-9])", "＆", t)
