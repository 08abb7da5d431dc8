"""Figures (metrics) extraction: one ``Metric`` per reported number of a paragraph's sentences.

Per sentence: ``units.find`` gives the quantities, ``periods.find`` the time expressions;
this module drops what is not a figure (numbers inside direct quotes, bare numbers),
signs changes, flags approximations and finds the subject, metric words and source.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.extract import periods as _periods
from generator.extract import sentences as _sentences
from generator.extract import units as _units
from generator.extract.subjects import (
    _GENERIC_NP, _LEAD_ADVERBIAL, _LEAD_TIME, _METRIC_NP, _NOT_NAME, _clause_bounds, _clean_np, _Context, _names,
    _subject_for, prepare,
)
from generator.models import Metric

# --- signs and approximations -------------------------------------------------------------
_DOWN_WORDS = frozenset(
    """fell fall falls falling dropped drop drops dropping declined decline declines declining slid slide slides
    sliding slipped slip slips slumped slump slumps plunged plunge plummeted tumbled tumble sank sink shrank
    shrink shrunk decreased decrease cut cuts cutting lost lose loses losing down lower eased eases dipped dip
    contracted reduced slashed shed sheds shedding retreated loss losses writedown writedowns deficit minus
    negative""".split())
_SIGN_FILLER = frozenset(
    """by of between about around nearly almost some roughly over just a an further another approximately
    estimated than more much as less""".split())
_APPROX_PHRASES = frozenset(
    """about|around|nearly|almost|roughly|approximately|approx|approx.|more than|less than|fewer than|over|some|
    an estimated|estimated|close to|just over|just under|at least|exceeding|below|above|up to|upwards of|under|
    as much as|as many as|circa|c.""".replace("\n", "").split("|"))
_WORDS_TAIL = re.compile(r"[\w.'’-]+")


def _tail_words(before: str, n: int = 7) -> list[str]:
    return [w.lower().strip(".,;:'’") for w in _WORDS_TAIL.findall(before[-60:])][-n:]


_UP_WORDS = frozenset("rose rise rises rising raised raise raises increased increase increases lifted lift lifts grew "
                      "grow grows boosted boost hiked hike gained gain jumped climbed up higher added".split())


def _is_down(before: str) -> bool:
    words = _tail_words(before)
    if words[-2:] == ["close", "to"]:
        words = words[:-2]
    if words and words[-1] == "by":
        # "cut its prime rate by 50 basis points": the verb's object stands between the verb and "by"
        for w in reversed(words[-6:-1]):
            if w in _UP_WORDS:
                break
            if w in _DOWN_WORDS and w not in ("down", "lower", "loss", "losses", "deficit", "negative", "minus"):
                return True
    while words and words[-1] in _SIGN_FILLER:
        words.pop()
    return bool(words) and words[-1] in _DOWN_WORDS


def _is_approx(before: str) -> bool:
    words = _tail_words(before, 3)
    return any(" ".join(words[-k:]) in _APPROX_PHRASES for k in (1, 2, 3) if len(words) >= k)


_DOWN_AFTER = re.compile(
    r"^(?:\s(?:year-on-year|year-over-year|on-year))?\s(?:decline|drop|fall|decrease|loss|contraction|slump|cut|"
    r"reduction|plunge|slide|lower|smaller|less|down|fewer|weaker|cheaper|writedown|write-down)\b", re.I)
_APPROX_AFTER = re.compile(r"^(?:\s?or so|-plus|\+)", re.I)

_METRIC_WORDS = frozenset(
    """deliveries sales revenue revenues turnover price prices profit profits earnings income capitalisation
    capitalization shares share stock loss losses debt fine damages settlement margin dividend output production
    growth rate yield exports export imports import cost costs spending investment stake valuation subscribers
    users customers jobs employees workers payrolls unemployment inflation gdp rent writedown writedowns
    exposure assets deficit surplus budget funding backing loan bid offer""".split())
_METRIC_BIGRAMS = frozenset(["net income", "market share", "market value", "vacancy rate"])


_SOURCE = [
    re.compile(r"\baccording to (?:data |figures |estimates |a report |research )?(?:from |by )?(?P<s>[^,.;]+)", re.I),
    re.compile(r"(?P<s>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}) (?:data|figures|estimates) (?:show|showed|shows)\b"),
    re.compile(r"\bFigures from (?P<s>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})"),
    re.compile(r",\s(?P<s>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}) said\.?$"),
    re.compile(r",\ssaid (?P<s>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})"),
]
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
_MARKET = re.compile(
    r"(?<!per )(?<!\ba )\b(?:shares?|stocks?|index|indices|yields?|Treasur(?:y|ies)|bonds?|crude|dollar|euro|yen|sterling|Nikkei|"
    r"TOPIX|Dow|Nasdaq|S&P|FTSE\w*|(?<!percentage )(?<!basis )points|currency|currencies)\b", re.I)
_MARKET_MOVE = re.compile(
    r"\b(?:rose|fell|was|were|closed|ended|slid|slipped|dropped|gained|jumped|hit|traded|eased|edged|added|lost|"
    r"sending|sent|down|firmed|weakened|strengthened|climbed|tumbled|plunged|surged|declined|higher|lower)\b")
_TIME_OF_DAY = re.compile(r"\b(?:\d{1,2}:\d\d|\d{4} GMT|GMT|EDT|EST|after-hours|after-market|on the news|"
                          r"in (?:early|late|midday|afternoon|morning) trad\w+)\b", re.I)


_MONEY_NOUNS = frozenset("loss losses profit profits charge charges writedown writedowns deficit debt fine".split())


def _mask_quotes(par: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(par)]


# "X delivered 22,160 vehicles" measures deliveries, not "vehicles"
_VERB_METRIC = {
    "delivered": "deliveries", "delivers": "deliveries", "sold": "sales", "sells": "sales",
    "shipped": "shipments", "ships": "shipments", "produced": "production", "produces": "production",
    "employs": "employees", "employed": "employees", "exported": "exports", "exports": "exports",
    "imported": "imports", "imports": "imports", "registered": "registrations", "hired": "hires",
}
_VERB_RX = re.compile(r"\b(" + "|".join(_VERB_METRIC) + r")\b", re.I)


def _verb_metric(text: str) -> str:
    found = _VERB_RX.findall(text)
    return _VERB_METRIC[found[-1].lower()] if found else ""


def _metric_word(text: str) -> str:
    words = [w.lower().strip(".,;:'’") for w in text.split()]
    for a, b in zip(words, words[1:]):
        if f"{a} {b}" in _METRIC_BIGRAMS:
            return f"{a} {b}"
    return next((w for w in words if w in _METRIC_WORDS), "")


def _source(sentence: str) -> Optional[str]:
    for rx in _SOURCE:
        m = rx.search(sentence)
        if m:
            s = _clean_np(m.group("s"))
            if not s or s.split()[0] in _NOT_NAME:
                continue
            s = re.sub(r"^(?:Shanghai|Beijing|London|New York)-based\s+(?:\w+\s+){0,2}(?=[A-Z])", "", s)
            names = _names(s)
            if names and not s[:1].isupper():
                s = names[-1].group(0)
            return s or None
    return None


def _period_for(sent: str, q, quantities, ps: list, ctx: _Context, published) -> Optional[str]:
    usable = [p for p in ps if not p.anchor and p.kind != "wday"]
    nxt = next((x for x in quantities if x.start > q.start
                and sent[:x.start].count("(") <= sent[:x.start].count(")")), None)
    label = None
    explicit = False  # the period is written right after the number: "from 10.2% in 2003"
    cs, ce = _clause_bounds(sent, q.start)
    after = [p for p in usable if q.end <= p.start and p.start < ce and (nxt is None or p.start < nxt.start)
             and _near(sent[q.end:p.start])]
    bound = nxt  # periods after the number and before this one belong to it
    if nxt is not None and _TO_LEVEL.fullmatch(sent, q.end, nxt.start):
        # "rose 12% to £1.2bn in the year to March": the change and the level it reached share the period
        bound = next((x for x in quantities if x.start > nxt.start), None)
        if not after:
            after = [p for p in usable if nxt.end <= p.start and p.start < ce and (bound is None or p.start < bound.start)
                     and _near(sent[nxt.end:p.start])]
    if after:
        label = after[0].label
        explicit = True
    else:
        lead = _LEAD_ADVERBIAL.match(sent) or _LEAD_TIME.match(sent)
        lead_end = lead.end() if lead else 0
        if re.match(r"\s*(?:,\s)?(?:versus|compared with|compared to|against)\b", sent[cs - 14 if cs >= 14 else 0:cs + 1][-14:]) or \
                re.search(r"(?:versus|compared with|compared to|against)\s$", sent[:cs]):
            lead_end = cs  # "..., versus an 11 percent decline": same period as the clause compared
        before = [p for p in usable if p.end <= q.start and (p.start >= cs or p.end <= lead_end)]
        if before:
            label = before[-1].label
    if label == "SAMEQ":
        label = ctx.quarter
    if label == "YTD":
        wd = [p for p in ps if p.kind == "wday"]
        label = f"{str(published)[:4]}-01-01/{wd[-1].label if wd else str(published)[:10]}" if published else None
    if label is None and published:
        wd = [p for p in ps if p.kind == "wday" and not p.anchor and q.end <= p.start <= q.end + 60
              and (bound is None or p.start < bound.start)]
        if (_MARKET.search(sent) and _MARKET_MOVE.search(sent)) or _TIME_OF_DAY.search(sent):
            label = wd[0].label if wd else str(published)[:10]
    if label is None and published and ctx.gap <= 1 and _CARRIED.fullmatch(ctx.period or "") and not any(p.start < q.start for p in usable) and not re.search(
            r"\b(?:now|currently|at present)\b", sent[cs:ce]):
        label = ctx.period
    if label and re.fullmatch(r"\d{4}", label):
        same = re.search(r"\bsame (?:period|quarter) (?:of|in) (\d{4})\b", sent)
        ordq = re.search(r"\b(first|second|third|fourth)[- ]quarter\b", sent, re.I)
        if same and ordq and same.group(1) == label:
            label = f"{label}-Q{_periods.ORD[ordq.group(1).lower()]}"
    if label and not explicit and re.search(r"\bfrom\s[^;]*$", sent[:q.start]) and not re.search(r"\bfrom\s[^;]*\sto\s", sent[:q.start]) and re.search(
            r"\b(?:a year (?:ago|earlier)|year-earlier|the previous year|a year before)\b", sent):
        label = _periods.shift_year(label)
    return label


def extract(doc, entities=None) -> list:
    published = getattr(getattr(doc, "source", None), "published", None)
    ctx = prepare(doc.paragraphs, entities)
    out: list[Metric] = []
    for pi, par in enumerate(doc.paragraphs):
        quotes = _mask_quotes(par)
        ctx.period = None
        for s in _sentences.split(par):
            sent = s.text
            qs = [q for q in _units.find(sent)
                  if not any(a <= s.start + q.start < b for a, b in quotes)]
            ps = _periods.find(sent, published, ctx.year)
            if qs:
                source = _source(sent)
                prev = None
                for q in qs:
                    m = _to_metric(sent, q, prev, qs, ps, ctx, published, source)
                    if m is not None:
                        out.append(m)
                    prev = q
            if not any(a < s.end and b > s.start for a, b in quotes) and not re.match(r"(?:said|says|added)\b", sent):
                ctx.note_names(sent)
            ctx.gap = 0 if qs else ctx.gap + 1
            for p in ps:
                if not published and ctx.year is None and pi < 2 and not p.anchor and _WRITTEN_YEAR.search(
                        sent, p.start, p.end) and not _FUTURE.search(sent):
                    # the year the lead states ("picked up speed at the end of 2004") dates the months written
                    # without one; later years are more often targets and forecasts ("a 2.5% target for 2005")
                    ctx.year = _periods.reference_date(p.label)
                if not p.anchor and p.kind not in ("wday", "today", "date"):
                    ctx.gap = 0
                    if p.label != "SAMEQ":
                        ctx.period = p.label
                    if "-Q" in p.label:
                        ctx.quarter = p.label
    return out


_CAP_BEFORE = re.compile(r"(?<![\w&.'’-])([A-Z][\w&.'’-]*)\s$")
_SCALED = re.compile(r"(?:million|billion|trillion|thousand|bn|mn|m|k)\b", re.I)
# capitalised words before a number that are no part of a name: "Around 4,000 jobs", "Reach 10 ... customers"
_NOT_NAME_BEFORE = _APPROX_PHRASES | _SIGN_FILLER | _DOWN_WORDS | frozenset(
    "some only just almost all another extra additional its their his her our up".split())
_LEVEL_BEFORE = re.compile(r"\b(?:rose|fell|climbed|dropped|declined|increased|decreased|jumped|slipped|slid|grew|"
                           r"shrank|reached|totalled|totaled|hit)\s(?:to\s)?(?:about\s|around\s|nearly\s|some\s|almost\s)?$")
_TO_LEVEL = re.compile(
    r"\s(?:in\s(?:\w+\s){1,2}(?:years?|months?|quarters?|weeks?)\s)?(?:to|at)\s(?:an?\s)?"
    r"(?:(?:around|about|nearly|almost|roughly|some|over|more than|an estimated)\s)?"
    r"(?:(?:record|new|all-time)\s)?(?:(?:high|low)\sof\s)?")
_FUTURE = re.compile(r"\b(?:expect\w*|forecast\w*|predict\w*|target\w*|will|would|plans?|aims?|outlook)\b", re.I)
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CARRIED = re.compile(r"\d{4}(?:-Q[1-4]|-\d\d/\d{4}-\d\d)?")


def _near(gap: str) -> bool:
    """A period this far after a number still belongs to it (bracketed asides do not count)."""
    gap = re.sub(r"\([^)]*\)", "", gap)
    return len(gap) <= 60 and "," not in gap and not re.search(r"\sand (?:it|they|he|she|we)\b", gap)


def _money_before(sent, q, qs):
    """The last money amount before q that is not a bracketed conversion."""
    for x in reversed(qs):
        if x.start < q.start and x.unit and re.fullmatch(r"[A-Z]{3}", x.unit):
            head = sent[:x.start]
            if head.count("(") <= head.count(")"):
                return x
    return None


def _to_metric(sent, q, prev, qs, ps, ctx, published, source) -> Optional[Metric]:
    unit = q.unit
    if unit is None:
        # a bare number: the second item of a gapped list, or an index level "at 1,544.88"
        money = _money_before(sent, q, qs)
        if prev is not None and prev.unit and prev.unit not in ("x",) and re.search(r",\s*$", sent[:q.start]):
            unit = prev.unit
        elif money is not None and q.decimals and re.search(r"\b(?:at|of|to|from)\s$", sent[:q.start]):
            unit = money.unit  # "at 120.17 yen, ... a low of 118.96"
        elif q.decimals == 2 and re.search(r"\b(?:at|of|to)\s$", sent[:q.start]):
            unit = "points"
        elif "," in q.text and not q.decimals and _LEVEL_BEFORE.search(sent, max(0, q.start - 40), q.start):
            unit = "count"  # "Mortgage approvals fell to 43,300 in October": the counted noun is the subject
        elif q.value >= 1e6 and _money_before(sent, q, qs) is not None:
            unit = _money_before(sent, q, qs).unit
        elif q.value >= 1e6 or re.search(r"(?:million|billion|thousand|bn|m)\b", q.text):
            unit = prev.unit if prev is not None and prev.unit and re.fullmatch(r"[A-Z]{3}", prev.unit) else "count"
        else:
            return None
    if unit not in ("x", "%", "pp") and not re.fullmatch(r"[A-Z]{3}", unit):
        if q.word_number and q.value < 1e6:
            return None
        cap = _CAP_BEFORE.search(sent, max(0, q.start - 40), q.start)
        if cap and cap.group(1).lower() not in _NOT_NAME_BEFORE and not _SCALED.search(q.text) and "," not in q.text:
            return None  # part of a name: "Europe 1 radio", "FTSEurofirst 300 index" (not "Around 4,000 jobs")
        money = _money_before(sent, q, qs)
        if unit in _MONEY_NOUNS and money is not None:
            unit = money.unit
    if re.match(r"\s(?:and|or) (?:above|over|more|higher|up|below|under)\b", sent[q.end:]) and re.search(r"\bthe\s$", sent[:q.start]):
        return None  # a bracket ("the 500,000 yuan and above category"), not a figure
    value, high = q.value, q.value_high
    before = sent[max(0, q.start - 60):q.start]
    after = sent[q.end:q.end + 40]
    negative = _is_down(before) or bool(_DOWN_AFTER.match(after))
    if negative and unit != "x":
        value = -abs(value)
        if high is not None:
            high = -abs(high)
    approx = _is_approx(before) or bool(_APPROX_AFTER.match(after))
    np, core = _subject_for(sent, q, prev, ctx)
    if not core and source and re.search(r"\bthere\s(?:is|are|was|were|have been|has been|had been)\b", sent[:q.start]):
        core = source  # "According to X, there were 50,000 cases"
    if core:
        subject = core
    elif np and _GENERIC_NP.match(np):
        subject = ctx.topic or ctx.last_org or np
    elif np and _METRIC_NP.search(np):
        subject = " ".join(np.split()[:6])
    elif unit[:1].isupper() and not re.fullmatch(r"[A-Z]{3}", unit):
        subject = unit
    elif not np or _GENERIC_NP.match(np):
        subject = ctx.topic or ctx.last_org or np
    else:
        subject = ctx.last_org or ctx.topic or np
    window = sent[max(0, q.start - 80):q.start]
    metric = _metric_word(np) or _metric_word(window) or (
        _verb_metric(window) if unit not in ("%", "pp", "x") else "") or (
        unit if unit not in ("%", "pp", "x") and not re.fullmatch(r"[A-Z]{3}", unit) else "")
    period = _period_for(sent, q, qs, ps, ctx, published)
    return Metric(subject=subject, metric=metric, value=value, unit=unit, evidence=sent,
                  value_high=high, period=period, approximate=approx, source=source)
