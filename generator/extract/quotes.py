"""Direct quotes and who said them.

1. Quotation marks are paired per paragraph (curly marks by shape, straight
   marks alternately); a quote still open at the end of a paragraph ends
   there, and the next paragraph, if it opens with a mark, continues it with
   the same speaker. Each stretch inside marks is one quote (a quote split
   around "he said" gives two quotes, both credited).
2. Stretches under three words, titles (Title Case, or after "titled",
   "called", "the show"...) and scare quotes (fragments with no speech cue in
   their sentence) are dropped.
3. The speaker comes from the frame around the stretch (its sentences with
   all quoted words blanked): "“...,” X said", "“...,” said X", "X said: “...”",
   "X, the chairman of Y, said", "according to X", "“...,” notes X",
   "“...” ― X", transcript labels ("WALLACE: ..."). Titles and roles before
   the name ("Seres chairman Zhang Xinghai") and appositions after it become
   ``role``. Names are resolved to the entity's full name ("Yu" -> "Richard
   Yu"; a surname two people share -> the one mentioned most). A pronoun
   ("he said") goes to the last compatible person who spoke (subject of a
   speech verb, direct or reported, within two paragraphs) if nobody else was
   named since outside that speaker's own sentence; else to the most recent
   compatible person mentioned outside quotes and not as an object ("told X",
   "with X", "tell Mayor X", "the X campaign"; a name followed by ", who" is
   being introduced and counts); photo credits ("( Name / Agency )") are
   ignored. A definite description ("the company said", "the chairman said",
   "the founder of X") goes to the most recent org / the person with that
   role / the person in focus; "a statement said" to the org or person just
   named; an indefinite one ("a spokeswoman said") is kept as written. "X and
   Y said" credits X.
4. A stretch with no cue of its own takes, in order: the speaker of the quote
   it continues, the speaker of an earlier/later quote in its paragraph, the
   subject of a speech verb in its paragraph, the speaker of the previous
   paragraph's quotes, the subject of a speech verb ending the previous
   paragraph ("..., said X, a Y." included), a dash credit closing the
   paragraph, and last the person in focus.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from generator.extract import entities as _entities
from generator.extract import sentences as _sentences
from generator.extract.names import (
    FIRST_NAMES, HONORIFICS, ORG_DESC_NOUNS, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS,
)
from generator.models import Document, Entity, Quote

_OPEN_CURLY, _CLOSE_CURLY = "“", "”"
_MARK = re.compile(r'["“”]|’’|‘‘')
# Speech cues: the generic speech verbs, minus forms that are mostly nouns ("comments",
# "claims") or not speech ("thinks", "feels"), plus verbs that frame a quoted phrase.
_NOT_CUES = frozenset("""comments remarks claims notes tweets posts answers reads jokes promises vows cries
    counters stresses points comment remark claim tweet promise vow joke cry counter stress add tell say
    write explain argue warn admit confirm deny agree urge predict suggest insist recall respond reply
    concede acknowledge announce declare conclude observe caution assert reiterate testify complain quip
    boast emphasize emphasise shout yell whisper murmur mention reckon think thinks thought believe
    believes believed feel feels felt put puts read point post maintain maintains continue continues ask
    asks describe state states answer note""".split())
_FRAMING = frozenset("""called calls described describes branded labeled labelled termed dubbed urged urges
    demanded vowed pledged acknowledged conceded tweeted wrote""".split())
_CUE_VERBS = _FRAMING | (SPEECH_VERBS - _NOT_CUES) | frozenset(
    "telling noting explaining arguing insisting declaring stating writing reported likened compared dismissed accused".split())
_WORD = re.compile(r"(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Capt|Sgt|St|Prof|Rev|Jr|Sr|Co|Corp|Inc|Ltd|Sal|[A-Z])\.|[A-Za-z\u00C0-\u024F][\w'’\-.]*[\w]|[A-Za-z]|\x00|[,:;.!?—–\-()]")
_PRON = {"he": "m", "she": "f", "they": "p", "i": "i", "we": "p", "it": "n"}
_ADVS = frozenset("also later then previously recently once further earlier again has had have would will had, reportedly simply just only already still".split())
_DASH_ATTR = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w'’.\-]*)(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|di|del|la|le)){0,3})(?=\s*(?:[,.“\"]|$))")
_LABEL = re.compile(r"^([A-Z][A-Z.’'\- ]{1,30}[A-Z]):\s+")
_ROLE_RE = re.compile(r"\b(?:%s)\b" % "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)))
_ANY_CUE = re.compile(r"\b(?:said|says|told|added|adds|explained|argued|noted|wrote|writes|insisted|warned|stated)\b")
_SHORT_ATTR = re.compile(r"^(?:[^\"“”]{0,60}?\b(?:said|says|added|adds|told|wrote|writes|explained|asked)\b[^\"“”]{0,60}[.!?]?$|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?(?:[A-Z][\w’'\-]*\.?\s+){1,4}[a-z]{3,}(?:ed|s)\b[^\"“”]{0,80}$)")
_PARTY = re.compile(r"\s\((?:[DRI]|[DRI]-[A-Z][\w.]*|[A-Z][a-z]{1,5}\.)\)")
_TITLE_CUE = re.compile(r"\b(?:titled|entitled|called|dubbed|named|nicknamed|headlined|book|film|movie|song|album|show|series|slogan|hashtag|term|phrase|word|words|label|labeled|labelled|so-called)\W*$", re.I)


def _stretches(paragraph: str):
    """[(open, close, closed)] offsets of the marks; close = len when unclosed."""
    out = []
    open_at = None
    for m in _MARK.finditer(paragraph):
        ch, i = m.group(), m.start()
        if ch == "‘‘":
            ch = _OPEN_CURLY
        elif ch == "’’":
            if open_at is None:
                continue
            ch = _CLOSE_CURLY
        if ch == _OPEN_CURLY:
            if open_at is not None:
                # two openers: the first was never closed; end it here
                out.append((open_at, i, False))
            open_at = i
        elif ch == _CLOSE_CURLY:
            if open_at is not None:
                out.append((open_at, i, True))
                open_at = None
        else:  # straight: alternate
            if open_at is None:
                open_at = i
            else:
                out.append((open_at, i, True))
                open_at = None
    if open_at is not None:
        out.append((open_at, len(paragraph), False))
    return out


def _clean_text(t: str) -> str:
    t = t.strip()
    t = re.sub(r"\s+", " ", t)
    return t.rstrip(",").rstrip()


def _is_titleish(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’\-]*", text)
    if not words:
        return True
    small = {"a", "an", "the", "of", "and", "to", "in", "for", "on", "at", "by", "with", "or", "is", "from"}
    caps = [w for w in words if w[0].isupper()]
    return all(w[0].isupper() or w.lower() in small for w in words) and len(caps) >= max(1, len(words) // 2) and len(words) <= 12


class _Ctx:
    """Entity lookup: names, aliases, and mentions in reading order (for coreference)."""

    def __init__(self, doc: Document, ents: list[Entity], qspans: dict):
        self.ents = ents
        self.by_key: dict[str, Entity] = {}
        for e in ents:
            for n in [e.name] + list(e.aliases):
                self.by_key.setdefault(_key(n), e)
        _redirect_surnames(self.by_key, ents)
        self.qspans = qspans  # paragraph -> [(open, close)] of its quotes
        pairs = _entities.cached_mentions(doc, ents)
        # (para, offset, entity, is_object, in_quote), sorted
        ments = []
        for m, e in pairs:
            tgt = self.by_key.get(_key(e.name)) or self.by_key.get(_key(m.text))
            if tgt is not None:
                obj = (m.prev in _OBJ_PREV or m.poss or _titled_object(doc.paragraphs[m.para], m.start, m.prev)) \
                    and not _WHO_AFTER.match(doc.paragraphs[m.para], m.end)
                if _MODIFIER_USE and (m.prev in ("the", "a", "an") or m.next in _MODIFIED_NOUNS):
                    obj = True  # "the Clinton campaign": a modifier, not the person acting
                inq = any(a < m.start < b for a, b in qspans.get(m.para, ())) \
                    or _CREDIT_AFTER.match(doc.paragraphs[m.para], m.end) is not None  # "( Peter Lee / Agency )"
                subj = not obj and not m.poss and (m.next in _SPEECH_NEXT or m.prev in _SPEECH_PREV
                                                   or _APPOS_SPEECH.match(doc.paragraphs[m.para], m.end) is not None)
                ments.append((m.para, m.start, tgt, obj, inq, subj))
        ments.sort(key=lambda x: (x[0], x[1]))
        self.mentions = ments
        self.paras = doc.paragraphs
        # "He said ..." outside quotes: a pronoun subject of a speech verb (para, offset, gender)
        prons = []
        if _PRON_CHAIN:
            for pi, para in enumerate(doc.paragraphs):
                for pm in _PRON_SPEECH.finditer(para):
                    if not any(a < pm.start() < b for a, b in qspans.get(pi, ())):
                        prons.append((pi, pm.start(), "m" if pm.group(1).lower() == "he" else "f"))
        self.prons = prons
        self.pron_keys = [(x[0], x[1]) for x in prons]
        self._depth = 0
        self.keys = [(x[0], x[1]) for x in ments]
        self.last_named = None
        self.prev_para_speaker = None

    def lookup(self, name: str) -> Optional[Entity]:
        k = _key(name)
        e = self.by_key.get(k)
        if e:
            return e
        kw = k.split()
        if not kw:
            return None
        cands = [x for x in self.ents if x.type == "person" and (_key(x.name).split()[-len(kw):] == kw or _key(x.name).split()[:len(kw)] == kw)]
        if len(cands) == 1:
            return cands[0]
        cands = [x for x in self.ents if x.type != "person" and kw == _key(x.name).split()[:len(kw)]]
        if len(cands) == 1:
            return cands[0]
        return None

    def _before(self, para: int, pos: int, back: int):
        """Mentions before (para, pos), most recent first, within ``back`` paragraphs."""
        i = bisect.bisect_left(self.keys, (para, pos)) - 1
        ments = self.mentions
        while i >= 0 and ments[i][0] >= para - back:
            yield ments[i]
            i -= 1

    def person_between(self, e: Entity, para: int, pos: int) -> bool:
        """Is another person mentioned (outside quotes) in this paragraph before pos?"""
        for p, s, x, obj, inq, _ in self._before(para, pos, 0):
            if x.type == "person" and x is not e and not inq and not obj:
                return True
        return False

    def recent_person(self, para: int, pos: int, hint: Optional[str]):
        """The last compatible person mentioned outside quotes and not as an object
        ("told X", "with X", "X's"); else the last such object; else the last named speaker."""
        if _SPEECH_SUBJ and hint is not None:
            # the person who last spoke (directly or in reported speech) keeps the pronoun
            # others may be named after it only in its own sentence ("Mook explained that
            # Marc Elias made a case", "Garten noted the suit came after Trump ran")
            later = None  # (para, pos) of the earliest compatible person mention seen so far
            cursor = (para, pos)
            for p, s, e, obj, inq, subj in self._before(para, pos, _SPEECH_BACK):
                if self.prons and self._depth < 3:
                    # a "he said" between this mention and the last one: the chain goes through it
                    k = bisect.bisect_left(self.pron_keys, cursor) - 1
                    if k >= 0 and self.pron_keys[k] > (p, s) and self.prons[k][2] == hint:
                        pp, ps, _ = self.prons[k]
                        if later is None or (later[0] == pp and not _SENT_BREAK.search(self.paras[pp], ps, later[1])):
                            self._depth += 1
                            try:
                                return self.recent_person(pp, ps, hint)
                            finally:
                                self._depth -= 1
                        break
                cursor = (p, s)
                if inq or e.type != "person":
                    continue
                h = getattr(e, "_hint", None)
                if h and h != hint:
                    continue
                if subj:
                    if later is None or (later[0] == p and not _SENT_BREAK.search(self.paras[p], s, later[1])):
                        return e
                    break
                if not obj:
                    later = (p, s)
        best_obj = None
        for p, s, e, obj, inq, _ in self._before(para, pos, 6):
            if e.type != "person" or inq:
                continue
            h = getattr(e, "_hint", None)
            if hint and h and h != hint:
                continue
            if obj:
                best_obj = best_obj or e
                continue
            return e
        if best_obj is not None:
            return best_obj
        ls = self.last_named
        if ls is not None and ls.entity is not None and ls.entity.type == "person":
            h = getattr(ls.entity, "_hint", None)
            if not (hint and h and h != hint):
                return ls.entity
        elif ls is not None and ls.entity is None and len(ls.name.split()) >= 2:
            return Entity(name=ls.name, type="person", role=ls.role)
        return None

    def recent(self, para: int, pos: int, types: tuple, hint: Optional[str] = None, back: int = 3):
        """The last entity of ``types`` mentioned (not as an object, not inside a quote)."""
        fallback = None
        for p, s, e, obj, inq, _ in self._before(para, pos, back):
            if e.type not in types:
                continue
            h = getattr(e, "_hint", None)
            if hint and h and h != hint:
                continue
            if obj or inq:
                fallback = e  # the earliest such mention, as before
                continue
            return e
        return fallback


_TITLE_RUN = re.compile(r"(?:\b[A-Z][\w.’'\-]*\s+){1,4}$")
_LAST_WORD = re.compile(r"([a-z]+)\s*$")


def _titled_object(para: str, start: int, prev: str) -> bool:
    """Is a titled name the object of a verb or preposition ("tell Toronto Mayor John Tory",
    "under President Barack Obama")?"""
    if not prev or prev in _OBJ_PREV:
        return False
    pre = para[max(0, start - 80):start]
    if not pre[pre.rstrip().rfind(" ") + 1:][:1].isupper():
        return False  # no capitalised title just before the name
    t = _TITLE_RUN.search(pre)
    if t is None:
        return False
    w = _LAST_WORD.search(pre, 0, t.start())
    return w is not None and w.group(1) in _TITLED_OBJ_PREV


def _redirect_surnames(by_key: dict, ents: list[Entity]) -> None:
    """A one-word name left as its own entity ("Vickers", typed org or person because two
    people share the surname) stands for the person with that surname mentioned most."""
    surn: dict[str, list[Entity]] = {}
    for e in ents:
        if e.type == "person":
            kw = _key(e.name).split()
            if len(kw) >= 2:
                surn.setdefault(kw[-1], []).append(e)
    if not surn:
        return
    for e in ents:
        if e.type == "place":
            continue
        k = _key(e.name)
        if " " in k or k not in surn:
            continue
        best = max(surn[k], key=lambda p: p.mentions or 0)
        by_key[k] = best


_KEY_RE = re.compile(r"[^a-z0-9]+")
_KEYS: dict = {}


def _key(s: str) -> str:
    k = _KEYS.get(s)
    if k is None:
        k = _KEY_RE.sub(" ", s.lower().replace("’", "'").replace("'s ", " ")).strip()
        if len(_KEYS) > 50000:
            _KEYS.clear()
        _KEYS[s] = k
    return k


def _tok(frame: str):
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(frame)]


_PUNCT = frozenset({"\x00", ",", ".", ";", ":", "(", ")", "—", "–", "?", "!"})
_NP_STOP = frozenset("""that which who whose whom when while where what how why because if but as after before
    then so to not be been being is are was were has have had will would can could should may might
    on in during about into from by than said says told added adding noting according speaking
    yesterday today tonight last this next earlier later recently also again in-person via
    monday tuesday wednesday thursday friday saturday sunday""".split())
_PARTICLES = frozenset({"de", "van", "von", "der", "da", "di", "le", "la", "bin", "al", "&", "del", "du"})


def _np_before(toks, v):
    """Subject noun phrase ending just before index v: (start, end, appositive)."""
    j = v - 1
    while j >= 0 and toks[j][0].lower() in _ADVS:
        j -= 1
    appos = None
    if j >= 0 and toks[j][0] == ",":
        # "X, the foreign minister of Y, a member of Z, said": walk back over appositives
        close = j
        found = False
        for _ in range(3):
            k = j - 1
            while k >= 0 and toks[k][0] not in (",", "\x00", ".", ";", ":") and j - k < 25:
                k -= 1
            if not (k >= 0 and toks[k][0] == "," and k > 0 and toks[k - 1][0] not in _PUNCT):
                break
            appos = (k + 1, close)
            j = k - 1
            # the segment before this comma: a name?
            m = j
            while m - 1 >= 0 and toks[m - 1][0] not in _PUNCT and toks[m - 1][0].lower() not in _NP_STOP:
                m -= 1
            seg = toks[m:j + 1]
            if seg and seg[0][0][0].isupper() and seg[0][0] not in ("The", "A", "An", "One", "Another"):
                found = True
                break
            j = k  # continue with the comma before this segment
        if not found:
            return None
    if j >= 0 and toks[j][0].lower() in _PRON:
        return j, j + 1, None
    end = j + 1
    k = j
    while k >= 0 and end - k <= 9:
        w = toks[k][0]
        if w in _PUNCT or w.lower() in _NP_STOP:
            break
        k -= 1
    start = k + 1
    while start < end and toks[start][0].lower() in ("of", "for", "at", "and", "&", "with"):
        start += 1
    if start >= end:
        return None
    # "Geoff Taylor, Chief Executive of X said": the name before the comma
    if appos is None and k >= 1 and toks[k][0] == "," and toks[k - 1][0][0].isupper() and not any(t[0][0].isupper() and t[0] not in TITLE_WORDS and t[0] not in ("The", "A", "An") and not _role_like(t[0]) for t in toks[start:start + 1]) is False:
        pass
    if appos is None and k >= 1 and toks[k][0] == "," and toks[k - 1][0][0].isupper():
        m = k - 1
        while m - 1 >= 0 and (toks[m - 1][0][0].isupper() or toks[m - 1][0] in _PARTICLES):
            m -= 1
        if (toks[start][0].lower() in ROLE_NOUNS or toks[start][0] in TITLE_WORDS) and toks[start][0].rstrip(".") not in HONORIFICS \
                and any(t[0] in ("of", "at", "for", "with") for t in toks[start:end]) and k - m >= 2:
            return m, k, (start, end)
    return start, end, appos


def _role_like(w: str) -> bool:
    return w.lower() in ROLE_NOUNS or w in TITLE_WORDS


def _np_after(toks, v):
    k = v + 1
    start = k
    while k < len(toks) and k - start < 10:
        w = toks[k][0]
        if w in _PUNCT or (w.lower() in _NP_STOP and k > start) or (w.lower() in _NP_STOP and w.lower() not in _PRON):
            break
        if w.lower() in _PRON and k == start:
            return start, start + 1, None
        k += 1
    if k == start:
        return None
    appos = None
    if k < len(toks) and toks[k][0] == ",":
        m = k + 1
        while m < len(toks) and toks[m][0] not in (",", ".", "\x00", ";") and m - k < 25:
            m += 1
        if m > k + 1:
            appos = (k + 1, m)
    while k > start and toks[k - 1][0].lower() in ("of", "for", "at", "and", "&", "with"):
        k -= 1
    return start, k, appos


class _Speaker:
    __slots__ = ("name", "entity", "role", "kind")

    def __init__(self, name, entity=None, role=None, kind="name"):
        self.name, self.entity, self.role, self.kind = name, entity, role, kind


def _cap_runs(words):
    runs = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w[0].isupper() and w not in ("The", "A", "An"):
            j = i
            while j + 1 < n and (words[j + 1][0].isupper() or (words[j + 1] in _PARTICLES and j + 2 < n and words[j + 2][0].isupper())) and not words[j].endswith(("’s", "'s")):
                j += 1
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def _strip_titles(ws):
    ws = list(ws)
    while len(ws) > 1 and (ws[0].rstrip(".") in HONORIFICS or ws[0] in TITLE_WORDS or ws[0].rstrip(".") in TITLE_WORDS):
        ws = ws[1:]
    return ws


def _resolve_np(words: list[str], frame_role: Optional[str], ctx: _Ctx, para: int, pos: int, appos_words=None) -> Optional[_Speaker]:
    if not words or words[0] in _LEAD_ADVERBIAL:
        return None  # "Following a swiftly called meeting, ...": not a speaker
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in _PRON:
        g = _PRON[low[0]]
        if g in ("m", "f"):
            pp = ctx.prev_para_speaker
            if _PREV_PRONOUN and pp is not None and pp.entity is not None and pp.entity.type == "person" and pp.kind == "name":
                h = getattr(pp.entity, "_hint", None)
                if not (h and h != g) and not ctx.person_between(pp.entity, para, pos):
                    return _Speaker(pp.entity.name, pp.entity, pp.entity.role, "pronoun")
            e = ctx.recent_person(para, pos, g)
            if e:
                return _Speaker(e.name, e, e.role, "pronoun")
            return None
        if g == "n":
            e = ctx.recent(para, pos, ("org",), None, back=2)
            if e:
                return _Speaker(e.name, e, None, "pronoun")
        return None
    if appos_words and low[0] in ("a", "an", "one") and any(l in ROLE_NOUNS for l in low[:4]):
        sp = _resolve_np(appos_words, None, ctx, para, pos)
        if sp is not None and sp.kind == "name" and (sp.entity is None or sp.entity.type == "person"):
            sp.role = sp.role or " ".join(words[1:])
            return sp
    runs = []
    for a, b in _cap_runs(words):
        ws = _strip_titles(words[a:b])
        poss = ws[-1].endswith(("’s", "'s"))
        if poss and b < len(words):
            continue  # "Campbell's partner"
        if poss:
            ws[-1] = ws[-1][:-2]
        had_hon = any(w.rstrip(".") in HONORIFICS for w in words[a:b])
        if all(w in TITLE_WORDS or w.rstrip(".") in HONORIFICS for w in ws) and not had_hon and ctx.lookup(" ".join(ws)) is None:
            continue
        runs.append((a, b, " ".join(ws)))
    chosen = None
    ent = None
    for ri in range(len(runs) - 1, -1, -1):
        a, b, name = runs[ri]
        e = ctx.lookup(name)
        if e is not None and e.type == "person":
            chosen, ent = (a, b, name), e
            if ri > 0 and low[runs[ri - 1][1]:a] == ["and"]:
                # "Cummings and Conyers wrote": the first of the pair
                e0 = ctx.lookup(runs[ri - 1][2])
                if e0 is not None and e0.type == "person":
                    chosen, ent = runs[ri - 1], e0
            break
    if chosen is None:
        for a, b, name in reversed(runs):
            if len(name.split()) >= 2 and name.split()[0] in FIRST_NAMES:
                chosen = (a, b, name)
                break
    if chosen is None and len(runs) >= 2:
        for (a1, b1, n1), (a2, b2, n2) in zip(runs, runs[1:]):
            between = low[b1:a2]
            if between and between[0] in ("of", "at", "for", "with", "from") and not words[b1 - 1].endswith(("’s", "'s")):
                e1 = ctx.lookup(n1)
                if e1 is None or e1.type == "person" or len(n1.split()) >= 2:
                    chosen = (a1, b1, n1)
                    break
    if chosen is None and appos_words:
        sp = _resolve_np(appos_words, None, ctx, para, pos)
        if sp is not None and sp.kind == "name" and (sp.entity is None or sp.entity.type == "person"):
            sp.role = sp.role or " ".join(words)
            return sp
    if chosen is None and runs and low[0] in ("the", "this") and runs[0][0] >= 2 \
            and low[runs[0][0] - 1] in ("of", "at", "for", "with") \
            and any(l in ROLE_NOUNS for l in low[1:runs[0][0] - 1]):
        # "the 39-year-old founder of Studiocomix Press": a person, the one in focus
        e = ctx.recent_person(para, pos, None)
        if e is not None:
            return _Speaker(e.name, e, e.role or " ".join(words[1:]), "desc")
    if chosen is None and runs:
        a, b, name = runs[-1]
        tail = low[b:]
        if tail and not any(t in ROLE_NOUNS or t in ("of", "at", "for", "with", "and") or t in _PRON for t in tail) and all(w[:1].islower() for w in words[b:]) and len(tail) <= 2:
            return _Speaker(" ".join(words[a:]), None, None, "desc")
        if any(t in ROLE_NOUNS for t in tail) and not any(t in ("of", "at", "for", "with") for t in tail):
            # "a Huawei spokesman": nobody named; "the Cambridge resident": the person just mentioned
            if low[0] in ("the", "this") or not (low[0] in ("a", "an", "one")):
                e = ctx.recent_person(para, pos, None)
                if e is not None and low[0] in ("the", "this"):
                    return _Speaker(e.name, e, e.role, "desc")
            return _Speaker(" ".join(words), None, None, "desc")
        chosen = runs[-1]
    if chosen is not None:
        a, b, name = chosen
        nw = name.split()
        while len(nw) > 1 and nw[-1].lower() in _CUE_VERBS:
            nw = nw[:-1]
        name = " ".join(nw)
        if len(nw) == 1 and (name in _JUNK or name.isupper() and len(name) > 6):
            return None
        if len(nw) > 2 and name.isupper():
            return None
        e = ent or ctx.lookup(name)
        rest = [w for i, w in enumerate(words) if not (a <= i < b)]
        role = " ".join(rest).strip()
        role = re.sub(r"^(?:the|a|an)\s+", "", role)
        if not role or not any(w.lower() in ROLE_NOUNS or w in TITLE_WORDS for w in rest):
            role = frame_role
        if e is not None:
            return _Speaker(e.name, e, e.role or role)
        return _Speaker(name, None, role)
    head = next((l for l in low if l in ROLE_NOUNS or l in ORG_DESC_NOUNS), None)
    if head is None:
        return None
    if head in ORG_DESC_NOUNS and low[0] in ("the", "its") and head not in ("statement", "report", "study", "survey", "campaign"):
        e = ctx.recent(para, pos, ("org",), back=4)
        if e:
            return _Speaker(e.name, e, None, "desc")
    if head == "statement" and low[0] in ("a", "an", "the", "this") and len(low) <= 3:
        # "A statement said ...": the org or person just named in the paragraph issued it
        e = ctx.recent(para, pos, ("org", "person"), back=0)
        if e is not None:
            return _Speaker(e.name, e, e.role, "desc")
    if head in ROLE_NOUNS and low[0] not in ("a", "an", "one", "another", "some"):
        for e in reversed(ctx.ents):
            if e.type == "person" and e.role and head in e.role.lower():
                return _Speaker(e.name, e, e.role, "desc")
        e = ctx.recent_person(para, pos, None) if _DESC_TO_PERSON else None
        if e:
            return _Speaker(e.name, e, e.role, "desc")
    if appos_words:
        sp = _resolve_np(appos_words, None, ctx, para, pos)
        if sp is not None and sp.kind == "name":
            return sp
    return _Speaker(" ".join(words), None, None, "desc")


def _frame_speaker(frame: str, qpos: list[tuple[int, int]], ctx: _Ctx, para: int, fstart: int):
    """Find the speech cue in ``frame`` (quotes blanked to \\x00) and its subject."""
    toks = _tok(frame)
    if not toks:
        return None
    qidx = [i for i, t in enumerate(toks) if t[0] == "\x00"]
    cands = []
    # right after a quote: "“...,” notes Espinos" / "“...,” he remarks" / "“...,” Yu points out"
    for q in qidx:
        k = q + 1
        if k < len(toks) and toks[k][0] == ",":
            k += 1
        if k + 1 >= len(toks):
            continue
        w1, w2 = toks[k][0], toks[k + 1][0]
        if w1.lower() in ("he", "she") and _VERBISH.match(w2):
            cands.append((0.2, (k, k + 1, None), "before"))
        elif w1[0].islower() and _VERBISH.match(w1) and w1 not in _NP_STOP and w1 not in _PRON:
            np = _np_after(toks, k + (1 if toks[k + 1][0] in ("out", "up") else 0))
            if np and (any(t[0][0].isupper() for t in toks[np[0]:np[1]]) or toks[np[0]][0].lower() in ("the", "a", "an", "one")):
                cands.append((0.3, np, "after"))
        elif w1[0].isupper() and w1 not in ("The", "A", "An", "In", "On", "At", "But", "And", "It", "This", "That", "I", "We", "They"):
            j = k
            while j + 1 < len(toks) and (toks[j + 1][0][0].isupper() or toks[j + 1][0] in _PARTICLES):
                j += 1
            if j + 1 < len(toks) and _VERBISH.match(toks[j + 1][0]) and toks[j + 1][0].lower() not in _NP_STOP \
                    and not toks[j + 1][0].endswith("ss") and toks[j + 1][0] not in ROLE_NOUNS:
                cands.append((0.4, (k, j + 1, None), "before"))
    for v, (w, s, e) in enumerate(toks):
        wl = w.lower()
        cue = wl in _CUE_VERBS or (wl == "reports" and v > 0 and toks[v - 1][0][:1].isupper())  # "the Post reports"
        if wl == "according" and v + 1 < len(toks) and toks[v + 1][0].lower() == "to":
            np = _np_after(toks, v + 1)
            if np:
                cands.append((min((abs(q - v) for q in qidx), default=99), np, "after"))
            continue
        if not cue:
            continue
        dist = min((abs(q - v) for q in qidx), default=99)
        # a cue after the quote but in another clause ("... when he said") counts less
        before_q = [q for q in qidx if q < v]
        if before_q and not any(q > v for q in qidx):
            between = [t[0].lower() for t in toks[before_q[-1] + 1:v]]
            if any(b in _CLAUSE_BREAK for b in between):
                dist += 5
        if wl in ("saying", "adding", "telling", "noting", "explaining", "arguing", "insisting", "warning", "writing", "declaring", "stating") or (v > 0 and toks[v - 1][0].lower() == "and"):
            # "with spokesman Glen Caplin saying" names its own subject; ", saying" uses the clause's
            if wl.endswith("ing") and v > 0 and toks[v - 1][0][0].isupper() and toks[v - 1][0] != "\x00":
                np = _np_before(toks, v)
                if np:
                    cands.append((dist, np, "before"))
                    continue
            np = _sentence_subject(toks, v)
            if np:
                cands.append((dist, np, "before"))
            continue
        # inversion: quote [,] said X
        prev = v - 1
        while prev >= 0 and toks[prev][0] in (",",):
            prev -= 1
        if prev >= 0 and toks[prev][0] == "\x00":
            np = _np_after(toks, v)
            if np and toks[np[0]][0].lower() not in ("that", "in", "on", "at", "by", "to"):
                cands.append((dist - 0.5, np, "after"))
                continue
        np = _np_before(toks, v)
        if not np and v > 0 and toks[v - 1][0] in (",",) + tuple(_ADVS) and _FRAME_SUBJ:
            # "The club’s general manager, David Feder, later said that “...”"
            np = _sentence_subject(toks, v)
        if np:
            cands.append((dist, np, "before"))
    cands.sort(key=lambda c: c[0])
    for cand in cands:
        sp = _speaker_from(cand, toks, frame, ctx, para, fstart)
        if sp is not None:
            return sp
    return None


_FALLBACK = True
_FRAME_SUBJ = True
_LEAD_ADVERBIAL = frozenset("Following After During Before When While Since Until Despite Amid Although Though Because If".split())
_MID_QUOTE = True
_END_DASH = re.compile(r"[”\"’]\s*[―—–]{1,2}\s*((?:[A-Z][\w'’.\-]*)(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|di|del|la|le)){0,3})\s*[,.]?\s*$")
_SPEECH_SUBJ = True
_PRON_CHAIN = True
_PRON_SPEECH = re.compile(r"\b([Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|adds|told|tells|explained|noted|wrote|argued|insisted|warned|recalled|recalls)\b")
_SENT_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")
_APPOS_SPEECH = re.compile(r",[^,.;“”\"]{2,80},(?:[^,.;“”\"]{2,60},)?\s+(?:said|says|told|added|adds|explained|explains|wrote|writes|noted|notes|argued|insisted|warned)\b")
_SPEECH_BACK = 2
_SPEECH_NEXT = frozenset("said says told added adds explained explains wrote writes noted notes argued argues insisted insists warned warns stated states recalled recalls continued continues replied responded tweeted".split())
_SPEECH_PREV = frozenset("said says added adds explained noted notes wrote writes recalled continued insisted argued warned".split())
_MODIFIER_USE = True
_MODIFIED_NOUNS = frozenset("campaign campaigns administration administrations camp team aides aide supporters foundation family era presidency government cabinet voters allies".split())
_CREDIT_AFTER = re.compile(r"\s*/\s*(?:The\s+)?[A-Z]")
_WHO_AFTER = re.compile(r",\s+(?:who|whose)\b")
_PREV_PRONOUN = True
_FRAME_REACH = 400  # characters of context kept on each side of a quote
_DESC_TO_PERSON = True
_PREV_LOOSE = True
from generator.extract.names import COMMON as _COMMON, MONTHS as _MONTHS, WEEKDAYS as _WEEKDAYS
_JUNK = _COMMON | _MONTHS | _WEEKDAYS | frozenset({"News", "Another", "One", "Street"})
_OBJ_PREV = frozenset("to with by for from against told asked met about like than between and of at under tell thank".split())
_TITLED_OBJ_PREV = (_OBJ_PREV - {"and"}) | frozenset("tell under ask thank meet call".split())
_SENT_END_BEFORE = re.compile(r"[.:!?]\s*$")
_VERBISH = re.compile(r"^[a-z]{2,}(?:ed|s)$|^(?:said|told|wrote|says|adds|added|notes|noted|explains|explained|continued|continues|recalled|recalls|insisted|insists|quipped|joked|warned|argued|cautioned|remarked|repeated|replied|responded|asked|wrote|tweeted|posted)$")
_SUBJ_SKIP = frozenset(("The", "A", "An", "Another", "One", "Other", "Some", "Many", "In", "On", "At", "After", "During", "Before", "When", "While", "But", "And", "As", "Since", "For", "Following", "Already", "Also", "Then", "So", "Still", "Yet"))
_CLAUSE_BREAK = frozenset("when while as after before because if although though but whereas since until and".split())
_PREPS = frozenset("in on at by of for from with to before after during the a an about into over under against among between through".split())


def _sentence_subject(toks, v):
    """The first name-like run before index v that is not the object of a preposition."""
    i = 0
    start = 0
    for k in range(v - 1, -1, -1):
        if toks[k][0] in ("\x00", ".", ";", "?", "!", ":"):
            if toks[k][0] == "." and k + 1 < v and not toks[k + 1][0][0].isupper():
                continue  # "Kansas City, Mo., and": an abbreviation, not a sentence end
            if toks[k][0] == "\x00" and _MID_QUOTE and k > 0 and toks[k - 1][0][:1].islower() \
                    and k + 1 < v and toks[k + 1][0][:1].islower():
                continue  # "He voiced his “...” on Twitter, writing": a quote inside the sentence
            start = k + 1
            break
    i = start
    while i < v:
        w = toks[i][0]
        if w[0].isupper():
            j = i
            while j + 1 < v and (toks[j + 1][0][0].isupper() or toks[j + 1][0] in _PARTICLES):
                j += 1
            if toks[j][0].endswith(("’s", "'s")) and j + 1 < v:
                i = j + 1  # "Hillary Clinton’s campaign manager Robby Mook": the head comes later
                continue
            if (i == start or toks[i - 1][0].lower() not in _PREPS) and w not in _SUBJ_SKIP:
                return i, j + 1, None
            if w in _SUBJ_SKIP and j > i and (i == start or toks[i - 1][0].lower() not in _PREPS):
                return i + 1, j + 1, None
            i = j + 1
            continue
        if w in ("he", "she", "He", "She") and (i == start or toks[i - 1][0] == ","):
            return i, i + 1, None
        i += 1
    return None


def _plain_speaker(para: str, qspans, ctx: _Ctx, pi: int, last: bool) -> Optional[_Speaker]:
    """The subject of a speech verb in ``para`` outside its quotes (first or last one)."""
    chars = list(para)
    for a, b in qspans:
        for i in range(a, min(b + 1, len(para))):
            chars[i] = " "
    frame = "".join(chars)
    if not _ANY_CUE.search(frame):
        return None
    toks = _tok(frame)
    idx = [v for v, t in enumerate(toks) if t[0].lower() in _CUE_VERBS]
    if last:
        idx.reverse()
    for v in idx[:3]:
        if v > 0 and toks[v - 1][0] == "," and v + 1 < len(toks) and toks[v + 1][0][0].isupper() \
                and toks[v + 1][0] not in _SUBJ_SKIP:
            # "..., said Bart Naylor, an advocate for X."
            np = _np_after(toks, v)
            if np:
                sp = _speaker_from((0, np, "after"), toks, frame, ctx, pi, 0)
                if sp is not None and sp.kind != "desc" and (sp.entity is None or sp.entity.type == "person"):
                    return sp
        np = _np_before(toks, v)
        if not np and v > 0 and toks[v - 1][0] == ",":
            # "Will Young, a mechanic based in Kansas City, Mo., and an organizer at X, said"
            np = _sentence_subject(toks, v)
        if not np:
            continue
        sp = _speaker_from((0, np, "before"), toks, frame, ctx, pi, 0)
        if sp is not None and sp.kind != "desc" and (sp.entity is None or sp.entity.type == "person" or len(sp.name.split()) > 1):
            return sp
    return None


def _speaker_from(best, toks, frame, ctx, para, fstart):
    _, (a, b, appos), _ = best
    words = [t[0] for t in toks[a:b]]
    appos_words = [t[0] for t in toks[appos[0]:appos[1]]] if appos else None
    role = None
    if appos:
        role = frame[toks[appos[0]][1]:toks[appos[1] - 1][2]].strip() if appos[1] > appos[0] else None
        if role and role.lower().startswith("who "):
            role = role[4:]
        if role and not _ROLE_RE.search(role.lower()) and not role.startswith(("oversees", "runs", "heads", "leads", "is ", "was ")):
            role = None
    return _resolve_np(words, role, ctx, para, fstart + toks[a][1], appos_words)


def extract(doc: Document, entities=None) -> list[Quote]:
    paras = doc.paragraphs
    if not paras:
        return []
    ents = entities if entities is not None else _entities.extract(doc)
    all_spans = [_stretches(p) for p in paras]
    ctx = _Ctx(doc, ents, {i: [(a, b) for a, b, _ in sp] for i, sp in enumerate(all_spans)})
    out: list[Quote] = []
    carry: Optional[_Speaker] = None  # speaker of a quote left open at the previous paragraph's end
    carry_pending = False
    prev_para_speaker: Optional[_Speaker] = None
    prev_plain = -1  # index of the previous paragraph if it had no quote
    for pi, para in enumerate(paras):
        spans = all_spans[pi]
        if not spans:
            carry_pending = False
            prev_para_speaker = None
            ctx.prev_para_speaker = None
            prev_plain = pi
            continue
        sents = _sentences.split(para)
        span_starts = [sp[0] for sp in spans]
        items = []  # [stretch, text, frame speaker, evidence]
        for (a, b, closed) in spans:
            inner = para[a + 1:b]
            text = _clean_text(inner)
            # the sentences the stretch touches
            ss = [s for s in sents if s.end > a and s.start < max(b, a + 1)]
            if not ss:
                continue
            fs, fe = ss[0].start, ss[-1].end
            if not closed:
                fe = len(para)
            # extend the frame to the sentence holding the closing mark's attribution
            if closed:
                nxt = [s for s in sents if s.start >= b and s.start <= b + 2]
                if nxt and ss[-1].end <= b + 1 and _SHORT_ATTR.match(nxt[0].text):
                    fe = nxt[0].end
            evidence = para[fs:fe].strip()
            # the frame: those sentences (clipped around the quote if huge), quotes blanked to \x00
            fs, fe = max(fs, a - _FRAME_REACH), min(fe, max(b, a + 1) + _FRAME_REACH)
            frame_chars = list(para[fs:fe])
            for (a2, b2, _) in spans[max(0, bisect.bisect_left(span_starts, fs) - 1):]:
                if b2 < fs:
                    continue
                if a2 >= fe:
                    break
                lo, hi = max(a2, fs), min(b2 + 1, fe)
                frame_chars[lo - fs:hi - fs] = " " * (hi - lo)
                if fs <= a2 < fe:
                    frame_chars[a2 - fs] = "\x00"
            frame = "".join(frame_chars)
            if "(" in frame:
                frame = _PARTY.sub(lambda m: " " * len(m.group()), frame)
            items.append([a, b, closed, text, frame, fs, evidence, inner])
        speakers: list[Optional[_Speaker]] = []
        for it in items:
            a, b, closed, text, frame, fs, evidence, inner = it
            lab = _LABEL.match(text)
            if lab:
                # transcript: "WALLACE: ..." -- the label is the speaker
                e = ctx.lookup(lab.group(1).title()) or ctx.lookup(lab.group(1))
                sp = _Speaker(e.name, e, e.role) if e is not None else _Speaker(lab.group(1))
                it[3] = text = text[lab.end():]
            elif closed and _DASH_ATTR.match(para, b + 1):
                # "“...” — Jane Doe, 34, of Phoenix"
                nm = _DASH_ATTR.match(para, b + 1).group(1)
                e = ctx.lookup(nm)
                sp = _Speaker(e.name, e, e.role) if e is not None else _Speaker(nm)
            else:
                sp = _frame_speaker(frame, [], ctx, pi, fs)
            speakers.append(sp)
            if sp is not None and sp.kind != "desc":
                ctx.last_named = sp
        if speakers and all(x is None for x in speakers):
            # “... “hell” than ...” ― Jane Doe: a dash credit closing the paragraph covers it
            dm = _END_DASH.search(para)
            if dm:
                e = ctx.lookup(dm.group(1))
                speakers = [_Speaker(e.name, e, e.role) if e is not None else _Speaker(dm.group(1))] * len(speakers)
        # continuation and paragraph-speaker rules
        para_sp = next((s for s in speakers if s is not None and s.kind != "desc"), None) or next((s for s in speakers if s is not None), None)
        last_sp = None
        plain_done = False
        speakers_src = [sp is not None for sp in speakers]
        for idx, it in enumerate(items):
            a, b, closed, text, frame, fs, evidence, inner = it
            sp = speakers[idx]
            starts_para = para[:a].strip() == ""
            if idx == 0 and starts_para and carry_pending and carry is not None and sp is None:
                sp = carry
            if sp is None and last_sp is not None:
                sp = last_sp
            if sp is None and para_sp is not None:
                sp = para_sp
            if sp is None and para_sp is None and not plain_done:
                # indirect speech elsewhere in the paragraph: "X said ... . “...”"
                para_sp = _plain_speaker(para, ctx.qspans.get(pi, ()), ctx, pi, last=False)
                plain_done = True
                sp = para_sp
            if sp is None and starts_para and prev_para_speaker is None and prev_plain == pi - 1 and pi > 0:
                sp = _plain_speaker(paras[pi - 1], (), ctx, pi - 1, last=True)
            if sp is None and starts_para and prev_para_speaker is not None and (_PREV_LOOSE or re.fullmatch(r"\s*", para[b + 1:]) is not None):
                sp = prev_para_speaker
            if sp is None and _FALLBACK and (starts_para or re.search(r"[.:!?]\s*$", para[:a])):
                # a whole-sentence quote with no cue anywhere: the person in focus
                e = ctx.recent_person(pi, a, None)
                if e is not None:
                    sp = _Speaker(e.name, e, e.role, "pronoun")
            speakers[idx] = sp
            if sp is not None:
                last_sp = sp
            nwords = len(re.findall(r"\w+", text))
            has_cue = sp is not None
            if nwords < 3:
                continue
            before = para[max(0, a - 40):a]
            if _TITLE_CUE.search(before) and not has_cue:
                continue
            if _is_titleish(text) and nwords < 10 and not re.search(r"[.!?,]$", inner.strip()):
                continue
            if _is_titleish(text) and nwords <= 6 and not (starts_para or _SENT_END_BEFORE.search(para, 0, a)):
                continue  # "on “Face the Nation.”": a show or work title
            if sp is None:
                # unattributed: keep only whole-sentence quotes
                if not (starts_para or re.search(r"[.:!?]\s*$", para[:a])) or nwords < 5:
                    continue
            q = Quote(speaker=sp.name if sp else None, text=text, evidence=evidence, role=sp.role if sp else None)
            q._how = (sp.kind if sp else "none") + ("" if speakers_src[idx] else "+ctx")  # type: ignore[attr-defined]
            out.append(q)
        last_item_open = bool(items) and not items[-1][2]
        carry = speakers[-1] if last_item_open and speakers else None
        carry_pending = last_item_open
        prev_para_speaker = next((s for s in reversed(speakers) if s is not None), None)
        ctx.prev_para_speaker = prev_para_speaker
    # identical text repeated: keep the first
    seen = set()
    uniq = []
    for q in out:
        k = q.text.lower()
        if k in seen:
            continue
        seen.add(k)
        uniq.append(q)
    return uniq
