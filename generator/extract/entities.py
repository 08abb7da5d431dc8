"""Named entities from the article body, by rules (no statistical model).

Candidates are runs of capitalised words in each sentence. A sentence-initial
word only counts when the text itself shows it is a name (it is capitalised
elsewhere mid-sentence, or it is part of a longer run). Each candidate is
typed from its own words (org suffixes, a place gazetteer, common first
names, model-number shape) and its context (titles and role nouns before a
name, appositions after it, "the X brand", speech verbs), then mentions are
merged: legal-form variants ("Seres Group Co." = "Seres"), short forms of
one longer name ("Mercedes" = "Mercedes-Benz"), acronyms ("(FAO)"), and
surnames of people ("Yu" = "Richard Yu").

``extract(doc)`` returns ``Entity`` objects in order of first mention.
``mentions(doc)`` (used by the quote extractor) also gives each mention's
paragraph and offset.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from generator.extract import sentences as _sentences
from generator.extract.names import (
    COMMON, DEMONYMS, EVENT_HEADS, FEMALE_FIRST_NAMES, FIRST_NAMES, GEO_HEADS, HONORIFICS, LEGAL_SUFFIXES, MONTHS,
    MULTI_PLACES, ORG_DESC_NOUNS, ORG_HEAD_NOUNS, ORG_SUFFIXES, PLACES, ROLE_NOUNS, TITLE_WORDS, WEEKDAY_EVENT_LEADS, WEEKDAYS,
    is_descriptor,
)
from generator.models import Document, Entity

# A word: letters/digits with inner ' ’ . - &; possessive split off later.
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w&'’.\-]*[\w&]|[A-Za-z0-9\u00C0-\u024F]|&|\S")
_TICKER = re.compile(r"\(\s*((?:[.A-Z0-9]{1,8}[a-z]?[0-9]?(?:\.[A-Za-z]{1,3})?(?:=[A-Z]*)?|[A-Z]{2,5}:[A-Z.]+)(?:\s*,\s*[.A-Z0-9]{1,8}[a-z]?[0-9]?(?:\.[A-Za-z]{1,3})?(?:=[A-Z]*)?)*)\s*\)")
_TICKER_SHAPE = re.compile(r"[.=]|[a-z]\d|\d[A-Z]|^[A-Z]+\d")
_PRODUCT = re.compile(r"^(?=[A-Za-z0-9\-]*\d)(?=[A-Za-z0-9\-]*[A-Z])[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]{0,3}$")
_NOT_PRODUCT = re.compile(r"^(?:Q[1-4]|H[12]|[GB]\d{1,2}|FY\d+|CY\d+|COVID-?19|\d+[A-Z]?|[A-Z]\d{4}|N95|MP\d*)$")
_POSS = re.compile(r"(?:'s|’s|'|’)$")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'/\-]{2,40}(?:,\s*[A-Za-z .]{2,30})?\s*\((?:Reuters|AP|AFP|Bloomberg|CP)\)\s*[-—–]+\s*")
_CONNECT = frozenset({"of", "and", "&", "for", "de", "van", "von", "der", "du", "da", "di", "la", "le", "del", "bin", "al", "the", "on"})
_OF_HEADS = (ORG_SUFFIXES - ORG_HEAD_NOUNS) | frozenset(
    """Division Bank State Lord Republic Province City Kingdom Museum Church Ministry
    Department University Federation Commission Association Institute Office Bureau
    Council Court Board League Academy Chamber Fund School College Centre Center Society
    Organisation Organization Union Agency Authority Museum House Bank Banks Stock""".split())
_AND_TAILS = (ORG_SUFFIXES - ORG_HEAD_NOUNS) | frozenset({"Commission", "Organisation", "Organization", "Gas", "Young", "Exchange"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "du", "da", "di", "la", "le", "del", "bin", "al"})
_TITLE_SPLIT = TITLE_WORDS | frozenset(
    """Chief Executive Financial Operating Officer Vice Managing Senior Deputy Assistant
    Acting Interim Foreign Finance Defence Defense Trade Health Economy Energy Justice
    Interior Communications Transport Labour Labor Commerce Treasury Executive
    Associate Principal Regional Global National Head""".split())
_ROLE_LEAD = frozenset(
    """former deputy senior chief vice executive managing general acting interim
    assistant associate co lead principal head then new outgoing incoming top junior
    financial operating technology marketing investment research global regional
    national international foreign finance economy trade defence defense health
    production consumer business""".split())
_CAP_ABBR = frozenset({"Co", "Corp", "Inc", "Ltd", "Jr", "Sr", "St", "Mr", "Mrs", "Ms", "Dr", "Bros", "Sal", "Gen", "Sen", "Rep", "Gov", "Prof", "Mt", "No"})
_APPOS = re.compile(r",\s+(?:the|a|an)\s")
_PLURAL_ACRO = re.compile(r"^[A-Z]{2,5}s$")
_ACRO_AFTER = re.compile(r"(?<![\w&’'.\-])([A-Z][\w&’'.\-]*(?:\s+(?:of|the|and|for|&|on|[A-Z][\w&’'.\-]*)){1,8})\s+\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_ACRO_BEFORE = re.compile(r"\b([A-Z]{2,6})\s+\(\s*([A-Z][\w&’'.\-]*(?:\s+(?:of|the|and|for|&|[A-Z][\w&’'.\-]*))+)\s*\)")
# Common short forms of a few names, merged when both forms occur in one article.
_FED = {"fed": "federal reserve", "u s": "united states", "us": "united states", "usa": "united states",
        "u s a": "united states", "u k": "united kingdom", "uk": "united kingdom", "britain": "united kingdom",
        "eu": "european union", "u n": "united nations", "un": "united nations"}
# Function words that may open a capitalised run without being part of the name.
_FUNC_LEAD = frozenset(
    """The A An This That These Those And But Or So If When While As At By From In Into Of On To With
    For After Before Since During Despite Also Then Now However Meanwhile Its Their Our His Her My Your
    Near Along Across Around Off Over Under Through Toward Towards Via Both Each Every All Some Many
    Even Only Just Still Yet Until Unless Although Though Because Once""".split())
# Capitalised common nouns that open compound names: "Tax Foundation" (kept whole), "Bank Rate"
# (a term, not a name: dropped rather than cut to "Rate").
_NOUN_LEAD = frozenset(
    """Tax Taxes Trade Budget Policy Policies Market Markets Stock Stocks Index Economy Government
    Company Group Bank Court Commission Department Act Bill Law Rule Rules Plan Report Program
    Programme Project Deal Internet Web Summer Winter Spring Autumn Home""".split())
_ABBR_ROLE = re.compile(r"[A-Z]{2,3}")
_GEO_OF = frozenset({"Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Lake", "Cape"})
# Generic first words of named days ("World Environment Day"): not a name left over from the event.
_EVENT_LEADS = frozenset({"World", "National", "International", "Global", "Universal"})


def _name_lead(w: str) -> bool:
    """Can w open an org name before its head noun ("Tax" Foundation, "Resolution" Foundation)?"""
    if w in _NOUN_LEAD:
        return True
    return w[:1].isupper() and w.isalpha() and w not in COMMON and w not in MONTHS and w not in WEEKDAYS \
        and w not in _FUNC_LEAD and w not in TITLE_WORDS and not w.endswith(("ing", "ly"))
_FEMALE_HINT = frozenset({"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady"})
_MALE_HINT = frozenset({"Mr", "Mr.", "Sir", "Lord"})


@dataclass
class Mention:
    text: str  # surface form (possessive stripped)
    para: int
    start: int  # offset in the paragraph
    end: int
    sent_start: bool  # first word of the sentence
    prev: str = ""  # word before (lower-cased)
    next: str = ""  # word after (lower-cased)
    poss: bool = False
    context_type: Optional[str] = None  # type the context suggests
    role: Optional[str] = None
    hint: Optional[str] = None  # "m"/"f" from an honorific


@dataclass
class _Cand:
    name: str
    type: str
    mentions: list = field(default_factory=list)
    aliases: list = field(default_factory=list)
    role: Optional[str] = None
    votes: dict = field(default_factory=dict)
    hint: Optional[str] = None


def _tokens(text: str):
    """(word, start, end) with possessives split and abbreviation dots kept."""
    out = []
    for m in _TOKEN.finditer(text):
        w, s, e = m.group(), m.start(), m.end()
        if w == "." and out:
            pw, ps, pe = out[-1]
            if pe == s and (pw in _CAP_ABBR or (len(pw) == 1 and pw.isupper()) or _INITIALS.fullmatch(pw)):
                out[-1] = (pw + ".", ps, e)
                continue
        out.append((w, s, e))
    return out


_HYPHEN_LOWER = re.compile(r"-(?:based|owned|listed|led|backed|born|made|run|style|era|year|years|old|term|wide|level|free|related|linked|friendly|focused|controlled|funded|sponsored|speaking|like|type|class|sized|scale|bound|dominated|held|designated|appointed|elected|designed|produced|registered|focused|inspired|themed|centric|specific|only|in|up|out|off|on|over|to|and|or|the|of|for|[a-z]+ing|[a-z]+ed)\b")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_WS = re.compile(r"\s+")
_NEXT_WORD = re.compile(r"\s*([\w'’\-]+)")
_NONALNUM = re.compile(r"[^a-z0-9]+")
_BRAND1 = re.compile(r"\s+(?:\w+\s+)?brand\b")
_BRAND2 = re.compile(r"[’']s\s+brand\b")
_LEGAL_AFTER = re.compile(r"\s+(?:Inc|Corp|Co|Ltd|plc)\b")
_NONWORD = re.compile(r"[\d\W]+")
_PLURALW = re.compile(r"[A-Z][a-z]+s")
_FIRST_ALNUM = re.compile(r"[A-Za-z0-9\u00C0-\u024F]")
_CAPRUN = re.compile(r"(?<![\w&'’.\-])[A-Z0-9\u00C0-\u00DE][\w&'’.\-]*(?:[ \t]+(?:(?:of|and|&|for|de|van|von|der|du|da|di|la|le|del|bin|al|the|on)[ \t]+)*[A-Z0-9\u00C0-\u00DE][\w&'’.\-]*)*")


_DOT_TICKER = re.compile(r"[A-Z0-9]{2,8}")
_BARE_TICKER = re.compile(r"^[A-Z0-9]{1,6}[a-z]?[0-9]?\.[A-Z]{1,3}$|^[A-Z]{2,5}[a-z]\d$")


_IS_CAP: dict = {}


def _is_cap(w: str) -> bool:
    r = _IS_CAP.get(w)
    if r is None:
        c = w[0]
        if _HYPHEN_LOWER.search(w) or _BARE_TICKER.match(w):
            r = False
        else:
            r = c.isupper() or (c.isdigit() and any(ch.isupper() for ch in w))
        if len(_IS_CAP) > 50000:
            _IS_CAP.clear()
        _IS_CAP[w] = r
    return r


_TC_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _titlecase_para(p: str) -> bool:
    if len(p) > 200:
        return False
    words = _TC_WORD.findall(p)
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in ("a", "an", "the", "of", "and", "to", "in", "for", "on", "at", "by", "with", "or"))
    return caps == len(words) and sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)


_LOWER_WORD = re.compile(r"(?<![\w'’.\-])[a-z][a-z'’\-]*")


def _lower_vocab(paras) -> set:
    return set(_LOWER_WORD.findall("\n".join(paras)))


_SKIP_WORDS = frozenset(w for w in COMMON | MONTHS | WEEKDAYS if w.isalpha() and w[0].isupper())


def _scan(doc: Document, lower: set):
    """Yield raw mentions: maximal capitalised runs, split and trimmed."""
    paras = doc.paragraphs
    out: list[Mention] = []
    tickers: list[tuple[int, int, str]] = []  # (para, offset, ticker)
    for pi, para in enumerate(paras):
        if _titlecase_para(para):
            continue
        dl = _DATELINE.match(para)
        skip_to = dl.end() if dl else 0
        tspans = []
        for tm in _TICKER.finditer(para):
            parts = [t.strip() for t in tm.group(1).split(",")]
            if all(_TICKER_SHAPE.search(t) for t in parts):
                tspans.append((tm.start(), tm.end()))
                for t in parts:
                    tickers.append((pi, tm.start(), t))
        for sent in _sentences.split(para):
            stext = sent.text
            base = sent.start
            fa = _FIRST_ALNUM.search(stext)
            first_alnum = fa.start() if fa else -1
            for cm in _CAPRUN.finditer(stext):
                g = cm.group()
                if g in _SKIP_WORDS:
                    continue  # a lone common word ("The", "But", "May"): never a name
                ms = cm.start()
                if ms == first_alnum and g.isalpha() and g.lower() in lower and g not in PLACES:
                    continue  # a lone sentence opener also written in lower case: never a name
                if base + ms < skip_to and base + cm.end() <= skip_to:
                    continue
                toks = [(w, a + ms, b + ms) for w, a, b in _tokens(cm.group())]
                _runs(toks, stext, base, pi, first_alnum, skip_to, tspans, lower, out)
    return out, tickers


def _runs(toks, stext, base, pi, first_alnum, skip_to, tspans, lower, out):
    i, n = 0, len(toks)
    tl = len(stext)
    while i < n:
        w = toks[i][0]
        if toks[i][2] < tl and stext[toks[i][2]] == "=":
            i += 1
            continue
        if base + toks[i][1] < skip_to or not _is_cap(w) or (tspans and any(a <= base + toks[i][1] < b for a, b in tspans)):
            i += 1
            continue
        ts = toks[i][1]
        if ts and (stext[ts - 1] == "." and (ts == 1 or stext[ts - 2].isspace()) or stext[ts - 1] == "=") and _DOT_TICKER.fullmatch(w):
            i += 1
            continue  # a quote code: ".FTEU3", ".SPX", the "RR" of "US10YT=RR"
        j = i
        run = []
        while j < n:
            wj = toks[j][0]
            if len(run) >= 10:
                break  # nothing this long is a name
            if _is_cap(wj) and not (toks[j][2] < tl and stext[toks[j][2]] == "="):
                run.append(j)
                j += 1
                if _POSS.search(wj) and not wj.endswith(("s'", "s’")) or wj.endswith(("'s", "’s")):
                    if j < n and toks[j][0] in GEO_HEADS and toks[j][1] == toks[j - 1][2] + 1 and wj.endswith(("'s", "’s")):
                        nx = toks[j + 1][0] if j + 1 < n else ""
                        if not _is_cap(nx) if nx else True:
                            run.append(j)  # "Jacob's Creek", "Hudson's Bay": one name
                            j += 1
                        elif nx in ORG_SUFFIXES or nx.rstrip(".") in ORG_SUFFIXES:
                            run.append(j)  # "Hudson's Bay Co": the name goes on
                            j += 1
                            continue
                    break
                if wj.endswith(".") and wj in LEGAL_SUFFIXES and len(run) > 1:
                    break  # "General Motors Co. Struggling": the suffix ends the name
                continue
            if wj in ("of", "on") and run and j + 2 < n and toks[j + 1][0] == "the" and _is_cap(toks[j + 2][0]) \
                    and (toks[run[-1]][0] in _OF_HEADS or toks[run[-1]][0].rstrip(".") in _OF_HEADS):
                run.append(j); run.append(j + 1); j += 2; continue  # "Federation of the Phonographic Industry"
            if wj in _CONNECT and run and j + 1 < n and _is_cap(toks[j + 1][0]):
                prevw = toks[run[-1]][0]
                if wj in ("of", "for", "on") and (prevw in _OF_HEADS or prevw.rstrip(".") in _OF_HEADS):
                    run.append(j); j += 1; continue
                if wj == "of" and prevw in _GEO_OF:
                    run.append(j); j += 1; continue  # "Gulf of Mexico", "Bay of Bengal"
                if wj == "the" and toks[j - 1][0] in ("of", "on"):
                    run.append(j); j += 1; continue
                if wj in ("and", "&") and prevw.rstrip(".,") not in LEGAL_SUFFIXES and prevw not in LEGAL_SUFFIXES and not (prevw.isupper() and len(prevw) > 1) and prevw not in PLACES:
                    k = j + 1
                    while k < n and _is_cap(toks[k][0]):
                        k += 1
                        if _POSS.search(toks[k - 1][0]):
                            break  # "Ernst and Young's Sanjay Mehta": the name ends at the possessive
                    if wj == "&" or _POSS.sub("", toks[k - 1][0]) in _AND_TAILS:
                        run.append(j); j += 1; continue
                if wj in _NAME_PARTICLES and toks[run[-1]][0] not in _CONNECT and not _POSS.search(toks[run[-1]][0]):
                    run.append(j); j += 1; continue
            break
        if not run:
            i += 1
            continue
        if j < n and (toks[run[-1]][0].endswith(("'s", "’s")) and toks[j][0] in EVENT_HEADS
                      or toks[j][0] in ("'", "’") and j + 1 < n and toks[j + 1][0] in EVENT_HEADS
                      and toks[j][1] == toks[run[-1]][2] and toks[run[-1]][0].endswith("s")):
            i = j + 1
            continue  # "Presidents' Day", "Mother's Day": a holiday, not a name
        # an inline subheading in capitals before the sentence ("PIRACY BATTLE According to ...")
        ncap = 0
        while toks[run[0]][0].isupper() and ncap < len(run) - 1 and toks[run[ncap]][0].isupper() and len(toks[run[ncap]][0]) >= 3 \
                and toks[run[ncap]][0].isalpha():
            ncap += 1
        if ncap and ncap < len(run) and not toks[run[ncap]][0].isupper() and toks[run[ncap]][0] not in _CONNECT \
                and any((ncap >= 2 or len(toks[k][0]) >= 4) and toks[k][0].lower() in lower for k in run[:ncap]) \
                and " ".join(toks[k][0] for k in run[:ncap]).lower() not in MULTI_PLACES:
            i = run[ncap]
            continue
        # page furniture in capitals ("STOCKS U.S.", "PROFIT-TAKING ON BONDS")
        if toks[run[0]][0].isupper() and sum(1 for k in run if toks[k][0].isupper() and len(toks[k][0]) >= 3) >= 2 and all(toks[k][0].isupper() or toks[k][0] in _CONNECT for k in run) and not " ".join(toks[k][0] for k in run).lower() in MULTI_PLACES:
            i = max(j, i + 1)
            continue
        st = toks[i][1]
        before = _text_before(stext, st)
        qstart = bool(before) and (before[-1] in "“‘(—:" or (before.endswith(".") and before.rsplit(None, 1)[-1] in LEGAL_SUFFIXES) or (before[-1] in "\"'" and (len(before) == 1 or before[-2].isspace())))
        while run and toks[run[-1]][0] in _CONNECT:
            run.pop()
        words = [toks[k] for k in run]
        _emit(words, toks, run, st == first_alnum or qstart, stext, base, pi, lower, out)
        i = max(j, i + 1)


def _emit(words, toks, run, sent_start, stext, base, pi, lower, out):
    # strip possessive on the last word
    ws = [w for w, _, _ in words]
    poss = False
    last = ws[-1]
    if last.endswith(("'s", "’s")):
        ws[-1] = last[:-2]; poss = True
    elif last.endswith(("s'", "s’")):
        ws[-1] = last[:-1]; poss = True
    starts = [s for _, s, _ in words]
    ends = [e for _, _, e in words]
    if poss:
        ends[-1] -= 2 if last.endswith(("'s", "’s")) else 1
    # holidays and dated events are not entities: "Black Friday", "Boxing Day", "Christmas Eve"
    if len(ws) >= 2 and not poss:
        if ws[-1] in EVENT_HEADS and ws[0] not in FIRST_NAMES:
            if len(ws) == 3 and ws[0] not in COMMON and ws[0] not in _EVENT_LEADS and ws[0] not in WEEKDAY_EVENT_LEADS:
                # "Amazon Prime Day": the company before the event's name stays
                _emit_one(ws[:1], starts[0], ends[0], sent_start, base, pi, stext, out, None, None, False)
            return
        if ws[-1] in WEEKDAYS and ws[-2] in WEEKDAY_EVENT_LEADS:
            ws, starts, ends = ws[:-2], starts[:-2], ends[:-2]
            if not ws:
                return
    geo = len(ws) >= 2 and ws[-1] in GEO_HEADS  # "North Sea", "King Street": a place, kept whole
    # leading words that are common words / titles
    hint = None
    lead_title = []
    k = 0
    while k < len(ws):
        w = ws[k]
        bare = w.rstrip(".")
        if k + 1 < len(ws) and (w + " " + ws[k + 1]).lower() in MULTI_PLACES or k + 2 < len(ws) and " ".join(ws[k:k + 3]).lower() in MULTI_PLACES:
            break
        if geo and k + 1 < len(ws) and w not in _FUNC_LEAD and w not in MONTHS and w not in WEEKDAYS and bare not in HONORIFICS:
            break
        if w in _OF_HEADS and k + 2 < len(ws) and ws[k + 1] in ("of", "for", "on") and bare not in HONORIFICS and w not in TITLE_WORDS:
            break  # "Bank of England", "Department of Energy"
        if w in HONORIFICS or bare in HONORIFICS:
            hint = "f" if (w in _FEMALE_HINT or bare + "." in _FEMALE_HINT or bare in _FEMALE_HINT) else ("m" if (w in _MALE_HINT or bare in _MALE_HINT) else hint)
            lead_title.append(w); k += 1; continue
        if k == 0 and sent_start and (w in COMMON or w.lower() in lower or (w.endswith(("ing", "ly")) and w not in FIRST_NAMES)
                                      or (k + 1 < len(ws) and is_descriptor(w))) and not (w in PLACES):
            if k + 1 < len(ws) and (w in TITLE_WORDS or w in _TITLE_SPLIT):
                lead_title.append(w)
            k += 1; continue
        if w in COMMON or w in MONTHS or w in WEEKDAYS:
            if k + 1 < len(ws) and (w in TITLE_WORDS or w in _TITLE_SPLIT):
                lead_title.append(w)
            k += 1; continue
        break
    if k and k == len(ws) - 1 and not any(t in TITLE_WORDS or t.rstrip(".") in HONORIFICS for t in lead_title):
        r = ws[k]
        if r in ORG_SUFFIXES and r not in LEGAL_SUFFIXES and _name_lead(ws[k - 1]):
            lead_title = []
            while k and _name_lead(ws[k - 1]):
                k -= 1  # "Tax Foundation", "Home Office", "Resolution Foundation": the whole name
        elif ws[k - 1] in _NOUN_LEAD and r not in PLACES and r not in FIRST_NAMES and r not in FEMALE_FIRST_NAMES \
                and not r.isupper() and not _PRODUCT.match(r) and r not in ORG_SUFFIXES \
                and (r.lower() in lower or r.lower() + "s" in lower or r.lower()[:-1] in lower):
            return  # "Bank Rate" (and "rate" in the text): a term, not the name "Rate"
    ws, starts, ends = ws[k:], starts[k:], ends[k:]
    # drop trailing common words ("Seres Group Co. Back", "Monday"), not the end of a place ("Middle East")
    while ws and (ws[-1] in DEMONYMS or ws[-1] in MONTHS or ws[-1] in WEEKDAYS or (ws[-1] in COMMON and ws[-1] not in LEGAL_SUFFIXES and ws[-1] not in ("Fed",) and len(ws) > 1 and ws[-1] not in ORG_SUFFIXES)) \
            and " ".join(ws[-2:]).lower() not in MULTI_PLACES:
        ws, starts, ends = ws[:-1], starts[:-1], ends[:-1]
    while ws and ws[0] in _CONNECT:
        ws, starts, ends = ws[1:], starts[1:], ends[1:]
    if not ws:
        return
    # split a title in the middle: "Intel Chief Financial Officer Stacy Smith"
    role_from_title = None
    for a in range(0 if geo else len(ws)):
        if ws[a] in _TITLE_SPLIT and ws[a] not in ("General",) or ws[a].rstrip(".") in HONORIFICS:
            b = a
            while b < len(ws) and (ws[b] in _TITLE_SPLIT or ws[b].rstrip(".") in HONORIFICS or ws[b] in ("of", "for", "and")):
                b += 1
            if b < len(ws) and any(w in TITLE_WORDS or w.rstrip(".") in HONORIFICS for w in ws[a:b]):
                if a > 0:
                    left = ws[:a]
                    if left[-1] in _CONNECT:
                        left = left[:-1]
                    if left:
                        _emit_one(left, starts[0], ends[len(left) - 1], sent_start, base, pi, stext, out, None, None, False)
                role_from_title = " ".join(lead_title + ws[:b])
                if any(w.rstrip(".") in HONORIFICS for w in ws[a:b]):
                    h = [w for w in ws[a:b] if w.rstrip(".") in HONORIFICS][0]
                    hint = "f" if h.rstrip(".") in ("Mrs", "Ms", "Miss", "Dame", "Lady") else "m" if h.rstrip(".") in ("Mr", "Sir", "Lord") else hint
                ws, starts, ends = ws[b:], starts[b:], ends[b:]
                lead_title = []
                break
            break
    if not ws:
        return
    if role_from_title is None and len(ws) >= 3 and not geo:
        # "Cleveland DL Larry Ogunjobi": a team or place, a short position code, then a person
        for a in range(len(ws) - 2):
            if _ABBR_ROLE.fullmatch(ws[a]) and ws[a] not in LEGAL_SUFFIXES and ws[a] not in PLACES \
                    and ws[a + 1] in FIRST_NAMES and 2 <= len(ws) - a - 1 <= 3 and all(_NAMEWORD.match(x) for x in ws[a + 1:]):
                if a > 0:
                    _emit_one(ws[:a], starts[0], ends[a - 1], sent_start, base, pi, stext, out, None, None, False)
                else:  # "UBS Paul Donovan": the initials are the employer's name
                    _emit_one(ws[:1], starts[0], ends[0], sent_start, base, pi, stext, out, None, None, False)
                role_from_title = ws[a] if a > 0 else None
                ws, starts, ends = ws[a + 1:], starts[a + 1:], ends[a + 1:]
                lead_title = []
                break
    role = role_from_title or (" ".join(lead_title) if lead_title and any(t in TITLE_WORDS for t in lead_title) else None)
    ctx = "person" if (lead_title or role_from_title) and (len(ws) > 1 or hint or role) else None
    _emit_one(ws, starts[0], ends[-1], sent_start and not lead_title and starts[0] == words[0][1], base, pi, stext, out, ctx, role, poss, hint)


def _text_before(stext: str, pos: int) -> str:
    """``stext[:pos].rstrip()``, or a tail of it holding at least its whole last word (all its callers
    look at): long run-on "sentences" of scraped pages made copying the whole prefix quadratic."""
    if pos > 100:
        w = stext[pos - 100:pos].rstrip()
        if len(w.rsplit(None, 1)) == 2:
            return w
    return stext[:pos].rstrip()


def _emit_one(ws, s, e, sent_start, base, pi, stext, out, ctx, role, poss, hint=None):
    text = stext[s:e]
    text = _WS.sub(" ", text)
    if len(text) < 2 and not text.isupper():
        return
    if not any(c.isalpha() for c in text):
        return
    before = _text_before(stext, s)
    prev = before.rsplit(None, 1)[-1].lower() if before else ""
    nxt_m = _NEXT_WORD.match(stext, e)
    nxt = nxt_m.group(1).lower() if nxt_m else ""
    out.append(Mention(text, pi, base + s, base + e, sent_start, prev, nxt, poss, ctx, role, hint))


def _strip_legal(name: str) -> str:
    ws = name.split()
    while len(ws) > 1 and (ws[-1] in LEGAL_SUFFIXES or ws[-1].rstrip(".,") in LEGAL_SUFFIXES):
        ws = ws[:-1]
    return " ".join(ws).rstrip(",")


_KEYS: dict = {}


def _key(s: str) -> str:
    k = _KEYS.get(s)
    if k is None:
        k = _NONALNUM.sub(" ", s.lower().replace("’", "'")).strip()
        if len(_KEYS) > 50000:
            _KEYS.clear()
        _KEYS[s] = k
    return k


def _acronym_of(name: str) -> set:
    ws = re.split(r"[\s\-]+", name)
    full = "".join(w[0] for w in ws if w and w[0].isalpha()).upper()
    caps = "".join(w[0] for w in ws if w and w[0].isupper())
    return {full, caps}


_NAMEWORD = re.compile(r"^(?:[A-Z][a-z\u00C0-\u024F]+(?:[-’'][A-Z]?[a-z\u00C0-\u024F]+)?|[A-Z]\.|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O’[A-Z][a-z]+|O'[A-Z][a-z]+)$")
_ROLE_ALT = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_APPOS_ROLE = re.compile(r",\s+(?:\d{2},(?!\d)|who\b|a\s+former\b|(?:the|a|an|his|her|its)\s+(?:[\w\-’'.]+\s+){0,4}(?:%s)\b)" % _ROLE_ALT, re.I)
_APPOS_ROLE_OF = re.compile(r",\s+(?:[\w\-]+[’']s\s+)?(?:[\w\-]+\s+){0,2}(?:%s)\s+(?:of|at|for|with)\b" % _ROLE_ALT, re.I)
_ROLE_BEFORE = re.compile(r"\b(?:%s)\s*,?\s*$" % _ROLE_ALT)
_ROLE_LAST = frozenset(r.split("-")[-1] for r in ROLE_NOUNS)
_ROLE_LAST_CHARS = frozenset(r[-1] for r in ROLE_NOUNS)
_NONW_SPLIT = re.compile(r"\W")
_ROLE_AT_BEFORE = re.compile(r"\b(?:%s)\s+(?:at|of|for|with)\s+$" % _ROLE_ALT)
_POSS_ROLE = re.compile(r"\s+(?:\w+\s+){0,2}(?:%s)\b" % _ROLE_ALT)
_INVERSION_VERBS = frozenset({"said", "says", "added", "adds", "explained", "noted", "notes", "wrote", "writes", "recalled", "continued", "insisted", "argued", "warned"})
_PERSON_NEXT = frozenset({"said", "says", "told", "added", "wrote", "noted", "explained", "argued", "who", "whose", "asked", "insisted", "warned", "stated", "believes", "thinks", "admitted", "acknowledged", "recalled", "replied", "responded", "tweeted", "continued"})


# "noted NBC's Dante Chinni", "Lee Finell, a manager with X, said", "“...” ― Adriana Rodarte"
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|noted|notes|added|adds|wrote|writes|explained|argued|warned|according to)\s+(?:[A-Z][\w.&\-]*[’']s\s+)$")
_SPEAKER_APPOS_AFTER = re.compile(r",\s+(?:\d{1,3},\s+)?((?:a|an|the|[A-Z][\w\-]*-based)\b[^,.;“”\"]{3,80}),\s+(?:said|says|told|added|adds|wrote|writes|explained|noted)\b")
def _person_appos(para: str, end: int) -> bool:
    """", a manager with X, said" after a name: an appositive with a person's role."""
    m = _SPEAKER_APPOS_AFTER.match(para, end)
    if m is None:
        return False
    ws = [w.lower() for w in re.findall(r"[A-Za-z\-]+", m.group(1))]
    return any(w in ROLE_NOUNS for w in ws) and not any(w in ORG_DESC_NOUNS for w in ws)


_HE_LATER = re.compile(r"\s+(?:was|is|had|has)\b[^.;:“”\"]{0,100}\b(?:he|she)\s+[a-z]+(?:ed|s)\b")  # "Mamadou Dia was on a trip when he ended up"
_SAID_PRON = re.compile(r"(?:,[^.;“”\"]{2,100},)?\s+(?:said|says|told|added|noted|explained|wrote|writes|believes|thinks)\s+(?:that\s+)?(he|she)\b")
_DASH_BEFORE = re.compile(r"[”\"]\s*[―—]\s*$")


def _classify(c: _Cand, lower: set) -> str:
    name = c.name
    ws = name.split()
    v = c.votes
    if _PRODUCT.match(name) and not _NOT_PRODUCT.match(name) or (len(ws) == 2 and _PRODUCT.match(ws[1]) and not _NOT_PRODUCT.match(ws[1])):
        return "product"
    if v.get("brand"):
        return "brand"
    if name in PLACES or name.lower() in MULTI_PLACES or name.upper() == name and name.title() in PLACES:
        return "place"
    if len(ws) >= 2 and ws[-1] in GEO_HEADS and not (ws[0] in _OF_HEADS and "of" in ws) \
            or len(ws) >= 3 and ws[0] in _GEO_OF and ws[1] == "of":
        return "place"
    last = ws[-1].rstrip(",")
    if last in ORG_SUFFIXES or last.rstrip(".") in ORG_SUFFIXES or any(w in ("of", "&") for w in ws) and ws[0] in _OF_HEADS:
        return "org"
    if len(ws) >= 2 and ws[0] not in FIRST_NAMES and (ws[0] in DEMONYMS or ws[0] in PLACES and len(ws[-1]) <= 3):
        return "org"  # "Swiss Re", "Munich Re": a nationality or place does not start a person's name
    if v.get("person", 0) > v.get("org", 0) and not (ws[-1] in PLACES and ws[0] not in FIRST_NAMES):
        return "person"
    if 2 <= len(ws) <= 4 and ws[0] in FIRST_NAMES and not any(w in ORG_SUFFIXES for w in ws):
        return "person"
    if len(ws) == 1 and (name in FIRST_NAMES or name in FEMALE_FIRST_NAMES) and name not in PLACES:
        return "person"  # a first name on its own ("Demi said")
    if len(ws) == 1 and name.isupper() and len(name) <= 6:
        return "org"
    if ws[-1] in PLACES and len(ws) <= 2 and ws[0] in ("North", "South", "East", "West", "New", "Northern", "Southern"):
        return "place"
    return "org" if v.get("org", 0) or len(ws) == 1 else ("person" if v.get("speaker") and len(ws) in (2, 3) and ws[-1] not in PLACES else "org")


def _role_word_before(before: str) -> Optional[str]:
    """"person" if a role noun ends ``before`` ("chairman "), "org" if it ends in role + at/of/for/with
    ("analyst at "), else None: _ROLE_BEFORE / _ROLE_AT_BEFORE, tried only when a cheap look at the
    last word says they can match (searching them everywhere was the costliest step of typing)."""
    if not (before and (before[-1].isspace() or before[-1] == ",") or before[-1:] in _ROLE_LAST_CHARS):
        return None
    tail = before.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    if not tail:
        return None
    if _NONW_SPLIT.split(tail[-30:])[-1] in _ROLE_LAST:
        return "person" if _ROLE_BEFORE.search(before) else None
    if tail.rsplit(None, 1)[-1] in ("at", "of", "for", "with") and _ROLE_AT_BEFORE.search(before):
        return "org"
    return None


def _context_votes(m: Mention, para: str):
    votes = {}
    if m.context_type:
        votes[m.context_type] = votes.get(m.context_type, 0) + 2
    after = para[m.end:m.end + 60]
    before = para[max(0, m.start - 60):m.start]
    if m.prev == "the":
        votes["the"] = 1
    if not m.poss and (m.next in _PERSON_NEXT or m.prev in _INVERSION_VERBS
                       or m.prev.endswith(("'s", "’s")) and _SPEAKER_BEFORE.search(before)
                       or after[:1] == "," and _person_appos(para, m.end)
                       or before.rstrip()[-1:] in ("―", "—") and _DASH_BEFORE.search(before) and not after.strip(" .,")
                       or m.sent_start and _HE_LATER.match(para, m.end)):
        votes["speaker"] = 1
    if after[:1] == ",":  # both appositive patterns open with a comma
        if _APPOS_ROLE.match(after):
            votes["person"] = votes.get("person", 0) + 2
        if _APPOS_ROLE_OF.match(after):
            votes["person"] = votes.get("person", 0) + 2
    role_before = _role_word_before(before)
    if role_before == "person" and not m.poss:
        votes["person"] = votes.get("person", 0) + 2
    elif role_before == "org":
        votes["org"] = votes.get("org", 0) + 2
    if "brand" in para[m.end:m.end + 20] and (_BRAND1.match(para, m.end, m.end + 20) or _BRAND2.match(para, m.end, m.end + 20)):
        votes["brand"] = 1
    if m.poss and _POSS_ROLE.match(para, m.end + 2, m.end + 40):
        votes["org"] = votes.get("org", 0) + 1
    if _LEGAL_AFTER.match(after):
        votes["org"] = votes.get("org", 0) + 2
    return votes


_ROLE_AFTER = re.compile(
    r",\s+((?:who\s+)?(?:(?:the|a|an|its|his|her)\s+)?[^,;:“”\"()]{3,90}?)(?=,|\s+(?:said|says|told|added)\b|\.\s|\.$|;)"
)
_ROLE_WORD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(ROLE_NOUNS | {"oversees", "runs", "heads", "leads"}, key=len, reverse=True)), re.I)


def _role_before(para: str, start: int) -> Optional[str]:
    """'Seres chairman Zhang Xinghai', 'Intel analyst X', 'AT&T spokesman X'."""
    before = para[max(0, start - 90):start]
    toks = re.findall(r"[\w&’'.\-]+|,", before)
    picked = []
    for t in reversed(toks):
        tl = t.lower()
        if t == "," or tl in ("the", "a", "an", "and", "said", "says", "to", "by", "from", "with", "as", "at"):
            break
        if tl in ROLE_NOUNS or tl in _ROLE_LEAD or tl in ("of", "for") or t[0].isupper() or tl.endswith(("’s", "'s")):
            picked.append(t)
            continue
        break
    picked.reverse()
    while picked and picked[0].lower() in ("of", "for"):
        picked = picked[1:]
    if picked and picked[0][0].isupper() and len(picked) > 1 and picked[0] in COMMON and picked[0] not in TITLE_WORDS:
        picked = picked[1:]
    if any(p.lower() in ROLE_NOUNS for p in picked):
        return " ".join(picked)
    return None


def _role_after(para: str, end: int) -> Optional[str]:
    m = _ROLE_AFTER.match(para, end)
    if not m:
        return None
    r = m.group(1).strip()
    if r.lower().startswith("who "):
        r = r[4:]
        if re.match(r"(?:is|was)\s+", r):
            r = re.sub(r"^(?:is|was)\s+", "", r)
        return r
    if _ROLE_WORD.search(r) and not re.search(r"\b(?:said|says|told|and\s+(?:he|she))\b", r):
        return re.sub(r"^(?:the|a|an)\s+", "", r)
    return None


def mentions(doc: Document):
    """Entities plus every mention: (entities, [(Mention, Entity)])."""
    paras = doc.paragraphs
    lower = _lower_vocab(paras)
    raw, tickers = _scan(doc, lower)
    # which single words occur capitalised other than sentence-initially
    mid_caps = {m.text for m in raw if not m.sent_start}
    # words of longer names ("Brandt" of "Ilse Brandt", "Dalmer" of "Dalmer-Roth")
    for m in raw:
        if " " in m.text or "-" in m.text:
            for part in m.text.replace("-", " ").split():
                if part[:1].isupper() and part not in COMMON:
                    mid_caps.add(part)
            if " " not in m.text and all(p[:1].isupper() for p in m.text.split("-")):
                mid_caps.add(m.text)
    cands: dict[str, _Cand] = {}
    order: list[str] = []
    kept: list[tuple[Mention, str]] = []
    for m in raw:
        t = m.text
        if m.sent_start and " " not in t and t not in mid_caps and t not in PLACES and not _PRODUCT.match(t) and not m.context_type:
            if t in COMMON or t.lower() in lower or not (m.next in _PERSON_NEXT or m.poss or _APPOS.match(paras[m.para], m.end)):
                continue
        if t in COMMON or t in MONTHS or t in WEEKDAYS or t in DEMONYMS or t.rstrip(".") in HONORIFICS:
            continue
        if t.endswith("-based") or _NONWORD.fullmatch(t) or t in TITLE_WORDS:
            continue
        if _PLURALW.fullmatch(t) and t[:-1] in DEMONYMS:
            continue
        if " " not in t and "-" in t and any(p in DEMONYMS or p in PLACES for p in t.split("-")) and not m.context_type:
            continue
        if len(t) > 60 or len(t.split()) > 7 or _PLURAL_ACRO.match(t):
            continue
        key = _key(t)
        if not key:
            continue
        if key not in cands:
            cands[key] = _Cand(t, "org")
            order.append(key)
        c = cands[key]
        c.mentions.append(m)
        for k2, v2 in _context_votes(m, paras[m.para]).items():
            c.votes[k2] = c.votes.get(k2, 0) + v2
        if m.role and not c.role:
            c.role = m.role
        if m.hint and not c.hint:
            c.hint = m.hint
        kept.append((m, key))
    for k in list(order):
        c = cands[k]
        t = c.name
        if " " not in t and not t.isupper() and t.lower() in lower and len(c.mentions) <= 2 and not c.votes.get("person") and t not in PLACES and not c.hint:
            del cands[k]
            order.remove(k)
    kept = [(m, k) for m, k in kept if k in cands]
    singles = {k for k in cands if " " not in k}
    for k, c in cands.items():
        ws = c.name.split()
        if 2 <= len(ws) <= 3 and all(_NAMEWORD.match(w) for w in ws) and ws[-1] not in ORG_SUFFIXES and ws[-1] not in PLACES \
                and c.name.lower() not in MULTI_PLACES and (k.split()[-1] in singles and cands[k.split()[-1]].mentions and not any(mm.poss for mm in cands[k.split()[-1]].mentions[:0])):
            c.votes["person"] = c.votes.get("person", 0) + 2
    for c in cands.values():
        c.type = _classify(c, lower)
    # --- merging ------------------------------------------------------------------
    parent: dict[str, str] = {}

    def root(k):
        while k in parent:
            k = parent[k]
        return k

    def merge(short, long):
        rs, rl = root(short), root(long)
        if rs != rl:
            parent[rs] = rl

    keys = list(order)
    by_first = {}
    by_last = {}
    for k in keys:
        kw = k.split()
        by_first.setdefault(kw[0], []).append(k)
        by_last.setdefault(kw[-1], []).append(k)
    # legal-form variants and suffix-only extensions: "Seres Group Co." -> "Seres"
    stripped = {k: _key(_strip_legal(cands[k].name)) for k in keys}
    for k in keys:
        s = stripped[k]
        if s != k and s in cands:
            merge(s, k)
    for k in keys:
        c = cands[k]
        if c.type in ("person", "place"):
            continue
        kw = k.split()
        for other in by_first.get(kw[0], []):
            if other == k or cands[other].type in ("person", "place"):
                continue
            ow = other.split()
            if len(ow) <= len(kw) or ow[:len(kw)] != kw:
                continue
            rest = cands[other].name.split()[len(c.name.split()):]
            if rest and all(r.rstrip(".,") in ORG_SUFFIXES or r in ORG_SUFFIXES for r in rest) and "of" not in rest:
                merge(k, other)
    # hyphen compounds and single-word prefixes: "Mercedes" -> "Mercedes-Benz", "Exxon" -> "Exxon Mobil"
    for k in keys:
        c = cands[k]
        if " " in k or c.type in ("person", "place", "product"):
            continue
        longer = [o for o in by_first.get(k, ()) if o != k and cands[o].type not in ("person", "place", "product") and " of " not in f" {o} "]
        longer_roots = {root(o) for o in longer}
        if len(longer_roots) == 1 and root(k) not in longer_roots:
            merge(k, longer[0])
    # plural variants and one-word short forms at the end: "Deluxe Films", "Domecq"
    for k in keys:
        if k.endswith("s") and k[:-1] in cands:
            merge(k, k[:-1])
        if k in _FED and _FED[k] in cands:
            merge(k, _FED[k])
    for k in keys:
        c = cands[k]
        if " " in k or c.type != "org":
            continue
        longer = [o for o in by_last.get(k, ()) if o != k and cands[o].type == "org" and len(o.split()) == 2]
        if len({root(o) for o in longer}) == 1 and root(k) != root(longer[0]):
            merge(k, longer[0])
    # "X ... (ABC)" and "ABC (X ...)"
    for pi, para in enumerate(paras):
        if "(" not in para:
            continue
        for am in _ACRO_BEFORE.finditer(para):
            ac_k, long_k = _key(am.group(1)), _key(am.group(2))
            if ac_k in cands and long_k in cands:
                merge(ac_k, long_k)
    # acronyms: explicit "(FAO)" after a name, or initials of a known org
    for pi, para in enumerate(paras):
        if "(" not in para:
            continue
        for am in _ACRO_AFTER.finditer(para):
            long_k, ac_k = _key(am.group(1)), _key(am.group(2))
            if ac_k in cands:
                target = next((o for o in keys if long_k.endswith(o) and len(o.split()) > 1), None)
                if target:
                    merge(ac_k, target)
                    cands[ac_k].type = cands[target].type
    acro_cache: dict = {}
    for k in keys:
        c = cands[k]
        if not (c.name.isupper() and 2 <= len(c.name) <= 6 and " " not in c.name):
            continue
        for o in keys:
            if o != k and " " in o and cands[o].type == "org":
                acs = acro_cache.get(o)
                if acs is None:
                    acs = acro_cache[o] = _acronym_of(cands[o].name) | _acronym_of(_strip_legal(cands[o].name))
                if c.name.replace(".", "") in acs:
                    merge(k, o)
                    break
    # people: surname or given name alone -> the full name
    persons = [k for k in keys if cands[k].type == "person" and len(k.split()) >= 2]
    persons_set = set(persons)
    persons_w = [(p, p.split()) for p in persons]
    for k in keys:
        c = cands[k]
        if k in persons_set:
            continue
        kw = k.split()
        nk = len(kw)
        hits = [p for p, pw in persons_w if p != k and (pw[-nk:] == kw or (nk == 1 and pw[0] == kw[0]))]
        if len({root(h) for h in hits}) == 1 and c.type not in ("place", "product"):
            merge(k, hits[0])
            continue
        if len(hits) > 1:
            last_hits = [p for p in hits if p.split()[-len(kw):] == kw]
            if len({root(h) for h in last_hits}) == 1:
                merge(k, last_hits[0])
    # --- build entities -----------------------------------------------------------
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    ents: list[Entity] = []
    key_to_ent: dict[str, Entity] = {}
    first_pos = {}
    for r, members in groups.items():
        cs = [cands[m] for m in members]
        head = cands[r]
        typ = head.type
        if any(cands[m].type == "person" for m in members) and typ != "person" and len(members) > 1:
            if any(len(m.split()) >= 2 and cands[m].type == "person" for m in members):
                typ = "person"
        if typ == "person":
            name = max((c.name for c in cs if c.type == "person"), key=lambda n: (len(n.split()), len(n)), default=head.name)
        elif typ == "org":
            # the fullest form written ("Seres Group Co."); of equal length, the most used
            name = max(cs, key=lambda c: (len(c.name.split()), len(c.mentions), len(c.name))).name
        else:
            name = max((c.name for c in cs), key=lambda n: (len(n.split()), len(n)))
        total = sum(len(c.mentions) for c in cs)
        if typ == "person" and len(name.split()) == 1 and not any(c.votes.get("person") or c.hint for c in cs) \
                and name not in FIRST_NAMES and name not in FEMALE_FIRST_NAMES:
            typ = "org"
        aliases = sorted({c.name for c in cs if c.name != name}, key=lambda a: (-len(a), a))
        role = None
        hint = next((c.hint for c in cs if c.hint), None)
        if typ == "person":
            role = next((c.role for c in cs if c.role), None)
            if not role:
                for c in cs:
                    for m in c.mentions:
                        role = _role_before(paras[m.para], m.start) or _role_after(paras[m.para], m.end)
                        if role:
                            break
                    if role:
                        break
        if typ == "person" and not hint:
            # "Lee Finell, a manager with X, said she ...": the pronoun the article uses
            for c in cs:
                for m in c.mentions:
                    pm = _SAID_PRON.match(paras[m.para], m.end)
                    if pm:
                        hint = "m" if pm.group(1).lower() == "he" else "f"
                        break
                if hint:
                    break
        if typ == "person" and not hint:
            fw = name.split()[0]
            hint = "f" if fw in FEMALE_FIRST_NAMES else ("m" if fw in FIRST_NAMES else None)
            if hint is None and len(name.split()) >= 2 and len(fw) >= 4 and fw.endswith("a") and fw.isalpha():
                hint = "f"  # most given names ending in -a are women's (Maria, Donna, Lucia)
        e = Entity(name=name, type=typ, aliases=aliases, role=role, mentions=total)
        e._hint = hint  # type: ignore[attr-defined]
        ents.append(e)
        for m in members:
            key_to_ent[m] = e
        first_pos[id(e)] = min((mm.para, mm.start) for c in cs for mm in c.mentions)
    # tickers: alias of the entity just before them
    for pi, off, tick in tickers:
        best = None
        for m, k in kept:
            if m.para == pi and m.end <= off and off - m.end < 6:
                best = key_to_ent.get(k)
        if best and tick not in best.aliases:
            best.aliases.append(tick)
    # most specific names first (a short name is listed after the longer ones)
    ents.sort(key=lambda e: (-len(e.name.split()), first_pos[id(e)]))
    pairs = [(m, key_to_ent[k]) for m, k in kept]
    return ents, pairs


def extract(doc: Document, entities=None) -> list[Entity]:
    if not doc.paragraphs:
        return []
    global _LAST
    ents, pairs = mentions(doc)
    _LAST = (doc, ents, pairs)
    return ents


_LAST: tuple = (None, None, None)


def cached_mentions(doc: Document, ents: list[Entity]):
    """The mentions of the last ``extract(doc)`` if ``ents`` is its result, else recomputed."""
    if _LAST[0] is doc and _LAST[1] is ents:
        return _LAST[2]
    return mentions(doc)[1]
