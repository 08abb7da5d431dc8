"""Find quantities in a sentence: numbers with scale words, currencies, %, pp, multiples, counted nouns.

``find(text)`` returns ``Quantity`` objects (value, unit, span) in text order; it knows nothing
about subjects or periods. Bare numbers without a unit are kept with ``unit=None`` so that the
caller can decide (gapped lists such as "X delivered 5 cars and Y, 4," or index levels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "half": 0.5,
}
CURRENCY_PREFIX = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD", "nz$": "NZD",
    "s$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "rs": "INR", "rs.": "INR",
}
CURRENCY_WORDS = {
    "swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF", "franc": "CHF",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "yen": "JPY", "rupees": "INR", "rupee": "INR", "won": "KRW", "roubles": "RUB", "rubles": "RUB",
    "cents": "USD/100", "cent": "USD/100", "pence": "GBP/100", "p": "GBP/100",
}
CODES = ("CNY", "RMB", "USD", "EUR", "GBP", "JPY", "CHF", "HKD", "CAD", "AUD", "INR", "KRW", "SGD")

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_WNUM = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|half a)"
_SCALE = r"(?:\s?(?:trillion|billion|million|thousand|bln|mln|bn|tn|trn)\b|(?:m|mn|k|bn|tn)\b)"
_CURPRE = r"(?:US\$|U\.S\.\s?\$|C\$|A\$|HK\$|NZ\$|S\$|\$|£|€|¥|Rs\.?\s?|(?:%s)\s?)" % "|".join(CODES)
_CURWORD = (r"(?:[Ss]wiss francs?|francs?|yuan|renminbi|RMB|euros?|pounds(?:\s+sterling)?|pound|sterling|"
            r"(?:US |U\.S\. |Canadian |Australian |Hong Kong )?dollars|yen|rupees?|roubles|rubles|cents?|pence|"
            + "|".join(CODES) + r")\b")
_PCT = r"(?:%|\s?percent\b|\s?per\s?cent\b|\s?pct\b)"
_PP = r"(?:\s?percentage[- ]points?\b|\s?basis[- ]points?\b|\s?bps\b)"
_MULT = r"(?:[- ]fold\b|\s?times\b)"

# One amount: currency prefix?, number, scale?, then a unit word.
QTY = re.compile(
    r"(?<![\w.,/$£€¥])"
    r"(?P<pre>" + _CURPRE + r"\s?)?"
    r"(?P<num>" + _NUM + r"|(?<![\w-])" + _WNUM + r"(?=\s(?:trillion|billion|million)|[- ]fold\b))"
    r"(?P<scale>" + _SCALE + r")?"
    r"(?P<unit>" + _PCT + r"|" + _PP + r"|" + _MULT + r"|[- ]?\s?" + _CURWORD + r"|(?<=\d)(?<!480)(?<!720)(?<!1080)(?<!2160)p\b(?![.,]\d|\.c\b))?"
    r"(?![\w:=])",
    re.I,
)
MULT_VERB = re.compile(r"\b(doubl|tripl|trebl|quadrupl)(?:ed|ing)\b(?!-)|"
                       r"\b(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)fold\b", re.I)
MULT_VALUES = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100}

TIME_NOUNS = frozenset(
    """year years month months week weeks day days hour hours minute minutes second seconds decade
    decades quarter quarters century centuries am pm a.m a.m. p.m p.m. gmt edt est bst cet jst
    o'clock th st nd rd times time""".split()
)
STOP_AFTER = frozenset(
    """the a an of in to and or for on at by from with than as per is was were are be been has had
    have will would could can may might should that which who this these those it its their his her
    after before since until up down over under about against between into out off also only just
    more less percent per cent pct while but so if when where then there here each every all some
    no not nor yet still even compared versus vs amid""".split()
)
_NEXT_WORDS = re.compile(r"[ -]?((?:[A-Za-z][\w'&.-]*\s?){1,4})")
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATE_BEFORE = re.compile(MONTHS + r"\s$")
_DATE_AFTER = re.compile(r"\s?(?:" + MONTHS + r")\b")


_PLURALS = frozenset("feet people staff personnel cattle livestock police crew aircraft sheep fish".split())


@dataclass
class Quantity:
    value: float
    unit: Optional[str]  # ISO code, %, pp, x, a counted noun, or None (bare number)
    start: int
    end: int
    text: str
    value_high: Optional[float] = None
    word_number: bool = False
    decimals: int = 0
    hyphen_noun: bool = False  # "116,000-acre"


def parse_number(s: str) -> float:
    s = s.strip().lower()
    if s in WORD_NUMBERS:
        return float(WORD_NUMBERS[s])
    if s == "half a":
        return 0.5
    return float(s.replace(",", ""))


def _scale(s: Optional[str]) -> float:
    if not s:
        return 1.0
    return SCALES.get(s.strip().lower(), 1.0)


def _unit_of(pre: Optional[str], unit: Optional[str]) -> Optional[str]:
    if unit:
        u = re.sub(r"\s+", " ", unit.strip(" -")).lower()
        if u in ("%", "percent", "per cent", "percent", "pct") or u.startswith("per"):
            return "%" if not u.startswith("percentage") else "pp"
        if u.startswith("percentage"):
            return "pp"
        if u.startswith("basis") or u == "bps":
            return "bp"
        if u in ("fold", "times"):
            return "x"
        if u.upper() in CODES:
            return "CNY" if u.upper() == "RMB" else u.upper()
        if u in CURRENCY_WORDS:
            return CURRENCY_WORDS[u]
    if pre:
        p = re.sub(r"\s+", "", pre).lower()
        if p.upper() in CODES:
            return "CNY" if p.upper() == "RMB" else p.upper()
        return CURRENCY_PREFIX.get(p, "USD")
    return None


def _counted_noun(text: str, end: int) -> tuple[Optional[str], bool]:
    """The noun a bare number counts ("427,000 vehicles" -> vehicles), or None."""
    m = _NEXT_WORDS.match(text, end)
    if not m:
        return None, False
    hyphen = text[end:end + 1] == "-"
    if not hyphen and text[end:end + 1] != " ":
        return None, False
    words = m.group(1).split()
    run = []
    for w in words:
        lw = w.lower().strip(".,;:'")
        if lw in STOP_AFTER or lw in TIME_NOUNS or not lw.isalpha() and "-" not in lw:
            break
        run.append(w.strip(".,;:"))
        if w.endswith((",", ".", ";", ":")) or hyphen:
            break
    if not run:
        return None, hyphen
    if not hyphen and not any(w.lower().endswith("s") or w.lower() in _PLURALS for w in run):
        return None, hyphen  # "118.96 set last week": no counted (plural) noun
    first = run[0].lower().split("-")[0]
    if first in TIME_NOUNS or first in {"old", "year-old"}:
        return None, hyphen
    # head noun: the last word of the run that looks like a plural or known count noun
    head = run[-1]
    for w in reversed(run):
        if (w.lower().endswith("s") or w.lower() in _PLURALS) and not w[0].isupper():
            head = w
            break
    return head.lower() if not head.isupper() else head, hyphen


_COMPOUND_BEFORE = re.compile(r"[A-Za-z]-$")
_COMPOUND_AFTER = re.compile(r"-in-\d")
_NUMBERING_BEFORE = re.compile(r"\bNo\.?\s$|#$|:$")
_YEAR_DIGITS = re.compile(r"(1[89]\d\d|20\d\d)")
_CLOCK_AFTER = re.compile(r"\s?(?:GMT|EDT|EST|BST|a\.m|p\.m|am\b|pm\b)")
_MAYBE = re.compile(r"\d|doubl|tripl|trebl|quadrupl|fold|illion", re.I)


def find(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    if not _MAYBE.search(text):
        return out
    for m in QTY.finditer(text):
        num, pre, scale, unit = m.group("num"), m.group("pre"), m.group("scale"), m.group("unit")
        s, e = m.start(), m.end()
        before = text[max(0, s - 12):s]
        if _COMPOUND_BEFORE.search(before) or _COMPOUND_AFTER.match(text, e):
            continue  # "2-in-1 laptops", "COVID-19": part of a name
        if _NUMBERING_BEFORE.search(before) or text[e:e + 1] == ":" or _DATE_BEFORE.search(before):
            continue
        word = not num[0].isdigit() and num[0] != "."
        try:
            value = parse_number(num)
        except ValueError:
            continue
        value *= _scale(scale)
        if pre and unit and _unit_of(None, unit) not in (None, "%", "pp", "bp", "x"):
            e -= len(unit)  # "$1.31 EUR=": the code after is a ticker, not a second currency
            unit = None
        u = _unit_of(pre, unit)
        if u and u.endswith("/100"):
            u, value = u[:3], value / 100
        if u == "bp":
            u, value = "pp", value / 100
        q = Quantity(value, u, s, e, text[s:e], word_number=word,
                     decimals=len(num.split(".")[1]) if "." in num else 0)
        if u is None:
            if _YEAR_DIGITS.fullmatch(num) and not scale:
                continue  # a year ("1,950 megawatts", with its separator, is not)
            if _DATE_AFTER.match(text, e):
                continue
            if scale is None and _CLOCK_AFTER.match(text[e:e + 5]):
                continue
            noun, hyphen = _counted_noun(text, e)
            if noun is None and (hyphen or word):
                continue
            q.unit, q.hyphen_noun = noun, hyphen
        out.append(q)
    for m in MULT_VERB.finditer(text):
        out.append(Quantity(float(MULT_VALUES[(m.group(1) or m.group(2)).lower()]), "x", m.start(), m.end(), m.group(0)))
    out.sort(key=lambda q: q.start)
    return _merge_ranges(text, out)


_CHANGE_BEFORE = re.compile(r"\b(?:rose|fell|gained|lost|dropped|climbed|slid|added|shed|jumped|up|down|by)\s$")
_RANGE_SEP = re.compile(r"\s?(?:-|–|to|and)\s?$")


def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"between 10 and 20 yuan", "250 million to 300 million barrels", "0.7-0.8%" -> one Quantity."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        if i + 1 < len(qs):
            j = i + 1
            # "between 250 euros (£173) and 600 euros": skip the bracketed conversion
            if j + 1 < len(qs) and re.fullmatch(r"\s?\(", text[q.end:qs[j].start]) and text[qs[j].end:qs[j].end + 1] == ")":
                j += 1
            r = qs[j]
            gap = re.sub(r"^\s?\([^)]*\)", "", text[q.end:r.start])
            lead = text[max(0, q.start - 12):q.start].lower()
            to_ok = gap.strip() != "to" or (0 < q.value <= r.value <= 5 * q.value and not _CHANGE_BEFORE.search(lead))
            if re.fullmatch(r"\s?(?:-|–|to|and)\s?", gap) and "from" not in lead and to_ok and (
                gap.strip() != "and" or "between" in lead) and q.unit != "x":
                unit = r.unit if (q.unit is None or q.unit == r.unit) else None
                if unit is not None or (q.unit is None and r.unit is None):
                    lo, hi = q.value, r.value
                    sc = re.search(r"(trillion|billion|million|thousand|bln|mln|bn|tn)", r.text)
                    if sc and not re.search(r"[a-z]", q.text) and lo < hi / 1000:
                        lo *= SCALES[sc.group(1)]  # "between 200 and 250 million"
                    out.append(Quantity(lo, unit, q.start, r.end, text[q.start:r.end], value_high=hi,
                                        decimals=r.decimals))
                    if j == i + 2:
                        out.append(qs[i + 1])
                    i = j + 1
                    continue
        out.append(q)
        i += 1
    return out
