"""Who or what a figure is about: the subject noun phrase of a clause and the name it refers to.

Rule-based, per sentence: lead adverbials are skipped, the subject noun phrase runs to the first verb,
"it/its/the company/the model" resolve to what earlier sentences were about, and a few patterns give a
number its own subject ("X delivered 5 and Y, 4", "Z at 17,190 units", "80% of Ethiopians",
"$204m announced by Google"). ``prepare`` reads the whole document once (known names, its topic,
descriptions such as "Swiss Re, the world's second-largest reinsurer").
"""
from __future__ import annotations

import re
from typing import Optional

from generator.extract.sentences import ABBREVIATIONS as _ABBREVIATIONS
from generator.extract.names import is_descriptor

_VERB = frozenset(
    """is are was were be been being has have had will would could can may might should must shall did does do
    said says say reported reports report posted posts rose rises rise fell falls fall jumped jumps climbed
    climbs gained gains grew grows dropped drops declined declines slid slides slipped slips slumped slumps
    plunged tumbled surged soared increased increases decreased decreases added adds lost loses made makes
    makes earned earns sold sells bought buys delivered delivers owns holds hold held expects expect
    expected forecast forecasts estimated estimates paid pays offered offers raised raises cut cuts hit hits
    reached reaches totalled totaled totals stood stands remained remains ended ends closed closes traded
    trades produced produces needs need needed employs employed became become has had got gets saw sees see
    showed shows show inched edged eased advanced advances recorded records registered generated generates
    started starts starting launched launches set sets put puts took takes won wins came comes went goes
    represented represents accounted accounts valued values agreed agrees plans planned aims aimed announced
    announces hopes hoped wants wanted seeks sought faces faced trimmed shrank dipped sending sent kept keeps
    marked marks narrowed widened widens doubled tripled halved swung swings slowed slows topped tops beat
    beats missed outpaced overtook overtake overtakes lifted lifts boosted boosts brought brings""".split()
)
_DETERMINERS = frozenset("the a an this that these those some such".split())
_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish|can|ean)|French|German|Dutch|Greek|Thai|Swiss|Iraqi|Israeli|Pakistani|Saudi|Scottish|Welsh|Irish)$")
_TITLE = re.compile(r"\b(?:Minister|President|Chief|Chairman|Director|Secretary|Governor|Mr|Mrs|Ms|Dr|Prof|Executive|Officer|Analyst|Spokesman|Spokeswoman)\b")
_PRONOUN_SUBJ = re.compile(
    r"^(?:[Ii]t|[Ii]ts|[Tt]hey|[Tt]heir|(?:[Tt]he )?(?:company|firm|group|carmaker|automaker|maker|bank|lender|insurer|reinsurer|"
    r"retailer|airline|chipmaker|business|conglomerate|operator|giant|brand|unit|group|corporation|miner|"
    r"producer|manufacturer|utility|partnership|government|country|economy|state))(?:['’]s?)?\b")
_PRODUCT_ANAPHOR = re.compile(r"^(?:the|this|that)\s+(?:\w+\s+){0,2}(?:model|vehicle|car|suv|sedan|phone|device|product|truck|plane|jet)\b", re.I)
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:But|And|Also|Still|However|Nevertheless|Meanwhile|Overall|Instead|Separately|Previously|Now|So|Yet)"
    r"\b,?\s+|(?i:In|During|On|At|By|For|Since|After|Before|Over|Through|Until|Last|This|Next|"
    r"Formerly|Earlier|Later|Already|"
    r"According to|Based on|Despite|With|Under|Outside of|Outside|Apart from|Excluding|Including|Compared with|"
    r"On top of|As a result|As|Year over year|Year-on-year|So far)\b[^,]{0,80},\s+)+")
_LEAD_TIME = re.compile(
    r"^(?:(?:By|At|As of) [\d:.]+ ?(?:GMT|EDT|EST|BST|a\.m\.|p\.m\.)|"
    r"(?:Last|This|Next|Earlier|Later) (?:year|month|week|quarter|this year|this month)|"
    r"(?:In|On|During|By) (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|\d{4}|the (?:first|second|third|fourth) (?:quarter|half))|Now|Previously|Nevertheless|However)[, ]\s*")
_HEADING = re.compile(r"^(?:[A-Z]{3,}[\s-]+){1,6}(?=[A-Z][a-z])|^(?:[A-Z][A-Z.&]+\s+){2,6}(?=[A-Z][a-z])")
_SPLIT = re.compile(
    r";|,\s(?:while|whereas|but|and|compared with|compared to|versus|against|although|though)\s|"
    r"\s(?:while|whereas|but|versus)\s|,\s(?=[A-Z])|\s\*\s|\s--\s(?=[A-Z])")
_NAME = re.compile(
    r"(?:[A-Z][\w&.'’-]*|[A-Z]{2,}\d*)(?:\s(?:of|de|and|&|du|la)\s[A-Z][\w&.'’-]*|"
    r"\s[A-Z][\w&.'’-]*|\s\d+\b(?![-.,]\d|-))*")
_NOT_NAME = frozenset(
    """The A An In On At By For Of It Its Their His Her Our This That These Those Last Next Still However But
    And Also Shares Share Sales Revenue Profit Profits Net Deliveries Analysts Investors According Based
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Quarterly Annual Overall First Second Third Fourth Chief
    Some Most Many During Since After Before Under Despite When If While As Meanwhile Previously
    Formerly Benchmark Energy Equity Euro New Potential Struggling Good Less Formed Although Figures
    We I He She They You My Your Us There Here With Without From To Into Among Between Across Amid Against
    Sound Strong Weak High Low Higher Lower Big Small Large Bad Poor Rich Full Total Prices Oil Gold Such Other
    Both Each Every Several Further Recent Rising Falling Record Top Key Major Once Then Even Just Only Again
    Perhaps Maybe Core Headline Underlying Around Roughly Nearly Almost About""".split()
)
def _clean_np(np: str) -> str:
    np = re.sub(r"\(\s*[^)]*\)", "", np)  # tickers "( XOM.N )"
    np = re.sub(r"\s[A-Z0-9]+[=.][A-Z0-9=.]+\b", "", np)  # "US10YT=RR", ".FTEU3"
    np = re.sub(r"\s+", " ", np).strip(" ,-–—:")
    words = np.split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    if len(words) > 1 and is_descriptor(words[0]) and words[1][:1].isupper():
        words.pop(0)  # "Rival Meridane", "chipmaker Ostrava": the name
    if words and words[-1].endswith(".") and words[-1].count(".") == 1 and len(words[-1]) > 4 and \
            words[-1][:-1].lower() not in _ABBREVIATIONS:
        words[-1] = words[-1][:-1]  # a sentence stop, not "Co." or "Corp."
    return " ".join(words)


_KNOWN: set = set()  # capitalised words seen inside a sentence of the current document


_PERIOD_TOKEN = re.compile(r"(?:Q[1-4]|H[12]|FY\d{0,4}|[1-4]Q)")
_NUMBER_NEXT = re.compile(r"\s(?:the\s|an?\s|its\s|their\s|[$£€¥]?\d)")
_AFTER_STOP = re.compile(r"[.!?\"“]\s*$")
_ADJ_ENDINGS = ("ive", "ing", "ed", "al", "ous", "ful", "ic", "able", "ible", "ary", "ly", "est")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_NEXT_LOWER = re.compile(r"\s([a-z]+)\b")


def _names(text: str) -> list[re.Match]:
    out = []
    for m in _NAME.finditer(text):
        w = m.group(0)
        words = w.split()
        first = words[0].rstrip("'’s")
        if first in _NOT_NAME and len(words) == 1 or len(w) == 1:
            continue
        if first.isdigit() or _PERIOD_TOKEN.fullmatch(first):
            continue  # "Q3 revenue was $4.2bn": a period, not a name
        if len(words) > 1 and all(x.isupper() and len(x) > 3 for x in words):
            continue  # a heading "MORE OPPORTUNITIES"
        initial = m.start() == 0 or _AFTER_STOP.search(text, max(0, m.start() - 4), m.start())
        if len(words) == 1 and initial and (
                first not in _KNOWN) and (first.endswith(("ed", "ing", "ly")) or first.lower() in _KNOWN):
            continue
        if initial and first not in _KNOWN and all(x.isdigit() for x in words[1:]) and (
                first.lower() in _VERB or _NUMBER_NEXT.match(text, m.start() + len(words[0]))):
            continue  # "Cut costs by £500m", "Reach 10 million customers": a verb opening a list item
        if len(words) == 1 and initial and "-" in first and first.split("-", 1)[1][:1].islower():
            continue  # "Pre-tax profits", "Year-on-year sales"
        if len(words) == 1 and initial and first.endswith(_ADJ_ENDINGS) and not _POSSESSIVE_END.search(words[0]):
            nxt = _NEXT_LOWER.match(text, m.end())
            if nxt and nxt.group(1) not in _VERB and not nxt.group(1).endswith("ed") and nxt.group(1) not in _DETERMINERS:
                continue  # "Effective rent rose": an adjective opening the sentence
        out.append(m)
    return out


_MID_CAP = re.compile(r"(?<=[a-z,;] )([A-Z][\w&'’-]*)")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def _known_names(paragraphs) -> set:
    """Capitalised words seen inside sentences, plus every lower-case word of the text."""
    text = "\n".join(paragraphs)
    known = {w.rstrip("'’s").rstrip("'’") for w in _MID_CAP.findall(text)}
    known.update(_LOWER_WORD.findall(text))  # a capitalised opener spelt like a common word is no name
    return known


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"


def _find_word(text: str, word: str) -> int:
    """The first offset of ``word`` in ``text`` not inside a longer word (as ``(?<![\\w-])word(?![\\w-])``), or -1."""
    i = text.find(word)
    n = len(word)
    while i >= 0:
        j = i + n
        if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
            return i
        i = text.find(word, i + 1)
    return -1


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s?$", "", name.strip())


class _Context:
    """What earlier sentences said: the last org-like subject and product, the running period."""

    def __init__(self, entity_names: list[tuple[str, str]]):
        # topic and described are read from the whole document, lazily: an article without figures never needs them
        self._paragraphs: list[str] = []
        self._topic: Optional[str] = None
        self._described: Optional[dict] = None  # "reinsurer" -> "Swiss Re" from "Swiss Re, the world's ... reinsurer"
        self._topic_done = False
        self.gap = 0  # sentences since the running period was last stated or used
        self._last_org: Optional[str] = None
        self._last_product: Optional[str] = None
        # note_names is lazy: sentences wait here until a later figure asks for last_org/last_product
        # (most sentences of a long article come after its last figure, or between figures that never ask)
        self._pending: list[str] = []
        self._flushing = False
        self.period: Optional[str] = None
        self.quarter: Optional[str] = None
        self.year = None  # the date the lead states, for months without a year (only without a publication date)
        self.entities = entity_names
        self._types = {}
        for n, t in entity_names:
            self._types.setdefault(n, t)
        # the non-place entity names, matched as whole words by _find_word (no per-document regexes:
        # compiling one pattern per name cost more than the rest of the figures stage)
        self.entity_names = [n for n, t in entity_names if n and t != "place"]

    @property
    def topic(self) -> Optional[str]:
        if not self._topic_done:
            self._topic, self._topic_done = _topic(self._paragraphs, self._types), True
        return self._topic

    @topic.setter
    def topic(self, value: Optional[str]) -> None:
        self._topic, self._topic_done = value, True

    @property
    def described(self) -> dict:
        if self._described is None:
            self._described = _descriptions(self._paragraphs, self._types)
        return self._described

    @described.setter
    def described(self, value: dict) -> None:
        self._described = value

    def type_of(self, name: str) -> Optional[str]:
        """The entity type of a name: exact, or the entity it spells out ("Jorvik Microsystems plc", "Mavrin Corp")."""
        t = self._types.get(name)
        if t is None and name:
            base = name.rstrip(".")
            for n, nt in self._types.items():
                if n.rstrip(".") == base or name.startswith(n + " "):
                    return nt
        return t

    def _flushed(attr: str) -> property:  # noqa: N805 - a property factory, used in this class body only
        """A subject read after the pending sentence is taken in (``_flush``)."""
        def get(self) -> Optional[str]:
            if self._pending and not self._flushing:
                self._flush()
            return getattr(self, attr)

        def put(self, value: Optional[str]) -> None:
            setattr(self, attr, value)
        return property(get, put)

    last_org = _flushed("_last_org")
    last_product = _flushed("_last_product")
    del _flushed

    def _flush(self) -> None:
        self._flushing = True  # reads inside _note see the state so far, in sentence order
        try:
            pending, self._pending = self._pending, []
            for text in pending:
                self._note(text)
        finally:
            self._flushing = False

    def note_names(self, text: str) -> None:
        """Remember a sentence's names; read back, in order, only when last_org/last_product are asked for."""
        self._pending.append(text)

    def _note(self, text: str) -> None:
        for m in _names(text):
            n = _strip_possessive(m.group(0))
            if re.search(r"[A-Za-z]\d|\d[A-Za-z]", n) and n.split()[0] not in _NOT_NAME:
                self.last_product = n.split()[-1] if len(n.split()) > 1 and n.split()[0] in _NOT_NAME else n
        np, core = _subject_np(text, self)
        if core and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", core) and not _NATIONALITY.match(core) and (
                not _TITLE.search(core)) and core[:1].isupper():
            etype = next((t for name, t in self.entities if name == core), None)
            if etype in (None, "org", "brand"):
                self.last_org = core


_DATELINE = re.compile(r"^[A-Z][A-Z/ ,.]+\s*\((?:Reuters|AP|AFP|Bloomberg)\)\s*-*\s*")
_ANAPHOR_NOUNS = ("company|firm|group|carmaker|automaker|maker|bank|lender|insurer|reinsurer|retailer|airline|"
                  "chipmaker|conglomerate|operator|giant|brand|corporation|miner|producer|manufacturer|utility")
# "Swiss Re, the world's second-largest reinsurer": found from the ", the ... reinsurer" side, then the name
# before the comma (scanning for the name first tried every capital letter of the document)
_APPOSITIVE_TAIL = re.compile(r",\s(?:the|a|an)\s(?:(?!(?:the|a|an|that|which|who)\s)[\w'’-]+\s){0,5}?(" + _ANAPHOR_NOUNS + r")\b(?!['’])")
_NAME_AT_END = re.compile(r"([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})$")
_PREP_AT_END = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Tt]o|[Oo]f)\s$")  # "Founded in Toronto, the group"


def _appositives(par: str):
    for m in _APPOSITIVE_TAIL.finditer(par):
        lo = max(0, m.start() - 100)
        n = _NAME_AT_END.search(par, lo, m.start())
        if n and not _PREP_AT_END.search(par, max(0, n.start() - 6), n.start()):
            yield n.group(1), m.group(1)


_PREMOD = re.compile(r"\b(" + _ANAPHOR_NOUNS + r")\s([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})")


def _descriptions(paragraphs, types=None) -> dict:
    out: dict[str, str] = {}
    types = types or {}
    for par in paragraphs:
        pairs = list(_appositives(par)) + [(m.group(2), m.group(1)) for m in _PREMOD.finditer(par)]
        for raw, noun in pairs:
            name = _clean_np(_strip_possessive(raw))
            if name and name.split()[0] not in _NOT_NAME and types.get(name) != "place":
                out.setdefault(noun.lower(), name)
    return out


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|throughout|within|around|outside|into|from)\s(?:the\s)?$", re.I)


def _topic(paragraphs, types=None) -> Optional[str]:
    counts: dict[str, int] = {}
    for par in paragraphs:
        par = _DATELINE.sub("", par)
        for m in _names(par):
            n = _strip_possessive(m.group(0))
            while n and n.split()[0] in _NOT_NAME:
                n = " ".join(n.split()[1:])
            if not n or _TITLE.search(n):
                continue
            w = 0.5 if _NATIONALITY.match(n) else 1
            if types and types.get(n.rstrip(".")) == "place" and _LOCATIVE_BEFORE.search(par, max(0, m.start() - 12), m.start()):
                w = 0.25  # "demand ... in Latin America": where things happen, not what the article is about
            counts[n] = counts.get(n, 0) + w
    for k in list(counts):
        if k.endswith("ns") and k[:-2] in counts:  # "Ethiopians" count for "Ethiopia"
            counts[k[:-2]] += counts.pop(k)
    if types:
        # "Jorvik" is short for the org "Jorvik Microsystems" ("Jorvik Microsystems plc"): long mentions count for it
        heads = {n.split(" ", 1)[0] for n, t in types.items() if t == "org" and " " in n}
        for k in [k for k in counts if k in heads and k.isalpha() and types.get(k) is None]:
            counts[k] += sum(c for j, c in counts.items() if j.startswith(k + " "))
    if not counts:
        return None
    best = max(counts, key=counts.get)
    last = best.split()[-1]
    return best[:-1] if last.endswith(".") and last.count(".") == 1 and len(last) > 4 else best  # "Bank of England."


def _subject_np(clause: str, ctx: _Context) -> tuple[str, str]:
    """The subject noun phrase of a clause and its name core: ("Seres’ overall sales", "Seres")."""
    c = _HEADING.sub("", clause.strip() + " ")
    c = _LEAD_ADVERBIAL.sub("", c)
    c = _LEAD_TIME.sub("", c)
    c = re.sub(r"\s--\s.*?\s--\s", " ", c)
    c = re.sub(r"^[A-Z][A-Z/ ,.]+\s+\(Reuters\)\s+-\s+", "", c)
    c = c.split(" -- ")[0]
    words = c.split()
    np: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower().strip(",.;:")
        if i > 0 and (lw in _VERB or (lw.endswith("ed") and "-" not in lw and not w[0].isupper() and i > 0
                                       and words[i - 1].lower() not in _DETERMINERS)):
            break
        np.append(w)
        if w.endswith(",") and not re.match(r"[A-Z]", words[i + 1] if i + 1 < len(words) else "x"):
            break
        if len(np) >= 12:
            break
    phrase = _clean_np(" ".join(np))
    return phrase, _core(phrase, ctx)


def _core(phrase: str, ctx: _Context) -> str:
    """The name a noun phrase is about, or "" when it names nothing."""
    if not phrase:
        return ""
    if _PRODUCT_ANAPHOR.match(phrase) and ctx.last_product:
        return ctx.last_product
    m = re.search(r"\b(?:of|for|from) (?:the |this |that )?(?:\w+ ){0,2}(?:model|vehicle|car|SUV|sedan)\b", phrase)
    if m and ctx.last_product:
        return ctx.last_product
    m = re.match(r"(?i)(?:its|their)\s[^,]*,\s([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}),?$", phrase)
    if m:
        return _strip_possessive(m.group(1))  # "its own internet business, AOL,"
    if _PRONOUN_SUBJ.match(phrase):
        noun = re.match(r"(?i)(?:the )?(\w+)", phrase).group(1).lower()
        return ctx.described.get(noun) or ctx.last_org or ctx.topic or ""
    hits = [(i, name) for name in ctx.entity_names if name in phrase for i in (_find_word(phrase, name),) if i >= 0]
    if hits:
        return min(hits, key=lambda h: (h[0], -len(h[1])))[1]
    if _INSTRUMENT_NP.search(phrase) and not _GENERIC_NP.match(phrase):
        return " ".join(phrase.split()[:8])
    best = ""
    for m in _names(phrase):
        n = _strip_possessive(m.group(0))
        if n.split()[0] in _NOT_NAME:
            n = re.sub(r"^(?:of|and|de|&)\s", "", " ".join(n.split()[1:]))
        if not n:
            continue
        if re.search(r"\b(?:in|at|from|of|on|to|into|against)\s$", phrase[:m.start()]) and best:
            continue
        if best and _NATIONALITY.match(n):
            continue
        if re.search(r"\b(?:in|at|from|of|on|to|into|against)\s$", phrase[:m.start()]) and _METRIC_NP.search(phrase):
            continue
        best = n
    return best


_GENERIC_NP = re.compile(
    r"^(?:report|reports|analysts?|officials?|data|figures|survey|study|statistics|estimates?|experts?|"
    r"sources?|people|investors?|total|the total|exceeding|representing|about|around|nearly|some|up|down|"
    r"number|amount|level)\b", re.I)
_METRIC_NP = re.compile(
    r"\b(?:rate|rates|rent|production|output|unemployment|inflation|market|economy|index|"
    r"yields?|exports?|imports?|space|payrolls|compensation|"
    r"requirements|assistance|demand|supply|consumption|gdp|dollar|euro|yen|sterling|pound|yuan|currency|"
    r"crude|oil|gold|bonds?|average|benchmark|pipeline|project|plant|field|mine|factory|refinery)\b", re.I)
_INSTRUMENT_NP = re.compile(r"\b(?:index|average|crude|oil|yields?|bonds?|Treasur(?:y|ies)|futures)\b", re.I)


_LIST_IN = re.compile(r"\d\s?(?:%|percent|per cent|[a-z]+)?\s(?:in|for) (?:the )?[A-Z]")


def _clause_bounds(sent: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(sent)
    for m in _SPLIT.finditer(sent):
        head = sent[:m.start()]
        if head.count("(") > head.count(")"):
            continue  # a ";" inside "($32bn; £16.7bn)"
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


_AT_ORG_AFTER = re.compile(r"\s(?:(?:decline|drop|fall|gain|rise|increase|jump|growth)\s)?at (?:its )?(?:rival |competitor )?"
                           r"([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})")
_OBJECT_AT = re.compile(r"\b(?:was|were|is|closed|ended|stood|held|holds|kept|keeps|left|leaves|set|sets|raised|raises|"
                        r"lowered|lowers|cut|cuts|maintained|hiked|put|puts|priced|prices|valued|values)\s+(?:\S+\s+){0,3}at\s+$")


def _subject_for(sent: str, q, prev_q, ctx: _Context) -> tuple[str, str]:
    before = sent[:q.start]
    # "X delivered 5 cars and Y, 4," : a gapped list item names its own subject
    m = re.search(r"(?:\band|,)\s([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}),\s*$", before)
    if m and prev_q is not None:
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    # "to overtake Z at 17,190 units", "New York at the top at 21.6 percent"
    m = re.search(r"\b((?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.'’-]*)(?: [a-z]+)?(?: at the top)? at (?:about |around |nearly )?$", before)
    if m and m.group(1) not in _NOT_NAME and not _OBJECT_AT.search(before):
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    m = re.match(r"-[a-z]+\s((?:[A-Z][\w&.'’-]*)(?:\s[A-Z][\w&.'’-]*){0,3})", sent[q.end:]) if q.hyphen_noun else None
    if m:
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    m = re.search(r"\*\s+([A-Z][^*]{0,60}?)\s+(?:for|at|costs?|sells? for|priced at)\s+(?:about |around |just )?$", before)
    if m:  # a bulleted list: "* Kinect for Xbox 360 for $228"
        n = _clean_np(m.group(1))
        return n, n
    # "the $204m announced by rival Google"
    m = re.match(r"\s(?:[a-z]+\s){0,2}(?:by|for|against) (?:rival |its |the )?([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})", sent[q.end:])
    if m and not re.match(r"\s(?:by|for) ", sent[q.end:]) or m and re.match(r"\s(?:for|against) [A-Z]", sent[q.end:]):
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    m = _AT_ORG_AFTER.match(sent, q.end)
    if m and ctx.type_of(_clean_np(m.group(1))) == "org":  # "versus a 5% rise at rival Ilvex"
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    m = re.match(r"\s(?:(?:decline|drop|fall|gain|rise|increase)\s|[a-z]+\s)?(?:in|for) (?:the )?([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
                 r"(?:\s(?:[a-z]+\s){0,2}(?:index|market|sector|average|industry)\b)?|euro zone|eurozone)", sent[q.end:])
    if m and (re.search(r"\b(?:against|and|versus|with|compared with|compared to)\s(?:an?\s|the\s)?$", before) or (
            before.endswith(", ") and _LIST_IN.search(before))):
        n = _clean_np(m.group(1))
        return n, n
    m = re.match(r"\sof (?:the )?([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})", sent[q.end:])
    if m and q.unit == "%" and m.group(1) not in _NOT_NAME:
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    cs, ce = _clause_bounds(sent, q.start)
    clause = sent[cs:q.start]
    # inside ", which ..." : the antecedent
    m = re.search(r"([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}),\s(?:which|who)\s[^,]*$", sent[:q.start])
    if m:
        n = _clean_np(m.group(1))
        return n, _core(n, ctx) or n
    # complement clause: "... show that X rose", "... said X had"
    main = ""
    for m in reversed(list(re.finditer(r"\b(?:show|shows|showed|said|says|that|whether|predict|predicts|expect|expects)\s", clause))):
        if _subject_np(clause[m.end():], ctx)[0]:
            main = _subject_np(clause[:m.start()], ctx)[1]
            if cs > 0 and ctx.type_of(main) not in ("org", "brand", "product"):
                # "Vantor Energy, based at 221 Baker Street, London, said ...": the clause began inside an aside
                whole = _subject_np(sent[:cs], ctx)[1]
                if ctx.type_of(whole) in ("org", "brand", "product"):
                    main = whole
            clause = clause[m.end():]
            break
    np, core = _subject_np(clause, ctx)
    if main and re.search(r"\b(?:its|their)\b|^(?:it|they)$", np, re.I) and (
            not _names(np) or _POSSESSED_NAME.search(np) and ctx.type_of(main) == "org"):
        return np, main  # "Lloyd's said that first-half profit at its market fell"
    if main and not core and np and np.lower() not in ("it", "they") and ctx.type_of(main) in ("org", "brand", "product"):
        return np, main  # "Jorvik plc said that revenue fell 41%": the company speaking owns the measure
    if not np or np.lower() in ("it", "they"):
        np, core = _subject_np(sent[:q.start], ctx)
    if core and core == np and " " not in np and sent.startswith(np) and np not in _KNOWN and \
            _NUMBER_NEXT.match(sent, len(np)):
        return "", ""  # "Return 60% of profit", "Reach 10 million customers": an imperative, no subject named
    if cs > 0 and (_OWN_PRONOUN.match(np) or np and not core and not _METRIC_NP.search(np) and not _GENERIC_NP.match(np)):
        # "Orders at Kestrel doubled, while its backlog rose to 1,200", "X's output rose 5%, while Q3 revenue was
        # $4.2bn": a later clause without a name of its own is about the org named before, in this sentence
        named = _last_org_in(sent[:cs], ctx)
        if named:
            return np, named
    return np, core


_POSSESSED_NAME = re.compile(r"^[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}\s(?:at|of|from|in)\s(?:its|their)\s[A-Z]")  # "output at its North Sea field"
_OWN_PRONOUN = re.compile(r"(?:[Ii]ts|[Tt]heir|[Ii]t|[Tt]hey)\b(?!['’])")


def _last_org_in(text: str, ctx: _Context) -> str:
    """The org named last in text, not counting one in a locative phrase ("in the U.S. District Court")."""
    best, at = "", -1
    for name in ctx.entity_names:
        if name in text and ctx.type_of(name) == "org":
            i = text.rfind(name)
            if i > at and (i == 0 or not _is_word_char(text[i - 1])) and _find_word(text[i:], name) == 0 and \
                    not _LOCATIVE_BEFORE.search(text, max(0, i - 12), i):
                best, at = name, i
    return best


def prepare(paragraphs, entities=None) -> _Context:
    """A fresh context for one document."""
    global _KNOWN
    _KNOWN = _known_names(paragraphs)
    ctx = _Context([(e.name, e.type) for e in (entities or [])])
    ctx._paragraphs = list(paragraphs)
    return ctx
