"""Plain-text boilerplate removal: classify lines jusText-style, keep the article region.

Each non-empty line of a text-mode page dump is a block. A block is first classed
from its own features (length, stopword density, sentence end, list bullet,
furniture vocabulary); captions and repeated text are dropped; short and
near-good blocks then take the class of their neighbours (jusText's rules);
closing headings ('Related', '12 comments') end the article; and last
``region.select`` keeps the good blocks of the best-scoring run of lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.read import furniture
from generator.read.byline import is_byline
from generator.read.dates import find_date
from generator.read.region import select
from generator.read.stopwords import density, guess_stoplist, words

LENGTH_LOW = 70  # shorter lines are 'short': their neighbours decide
FALLBACK_CHARS = 200  # less kept text than this: retry with every plain line as text
MIN_WORDS = 10  # fewer words than this kept is no article
MAX_RESTATED = 6  # a run of up to this many repeated paragraphs inside the article is kept

_BULLET = re.compile(r"^\s*(?:[•□☆●◦▪■◆▸►‣○∙·*]|\d{1,2}\.)\s")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(slots=True)
class Block:
    index: int  # line number in doc.lines
    text: str
    bullet: bool
    cls: str = "bad"  # good | near | short | bad
    first: str = "bad"  # class from the block's own features, before context
    pos: int = 0  # position among the blocks
    words: list[str] = field(default_factory=list)  # lower-case word tokens
    end: bool = False  # a heading that closes the article ('Related', '3 comments')


_SENTENCE_END = tuple(".!?:;\"”’)…»")


def _initial(block: Block, stop: frozenset[str]) -> str:
    """The block's class from its own features; furniture is bad whatever they say (checked
    last, as the dearest test and needless for blocks that are bad anyway)."""
    cls = _features(block, stop)
    return "bad" if cls == "bad" or furniture.is_furniture(block.text) else cls


def _features(block: Block, stop: frozenset[str]) -> str:
    text = block.text
    n = len(text)
    cjk = 0 if n <= 20 or text.isascii() else len(_CJK.findall(text))
    if cjk > 20 and cjk > n / 3:  # no spaces to count stopwords by
        return "good" if not block.bullet and any(p in text for p in "。！？.") else "near"
    toks = block.words
    if not toks:
        return "bad"
    if len(toks) < 5 and n < 200:  # too few words for prose, whatever their density
        return "bad" if block.bullet or n >= LENGTH_LOW else "short"
    d = density(toks, stop)
    sentence = text.endswith(_SENTENCE_END)
    if len(toks) >= 8 and d >= 0.25 and (sentence or n >= 150) or (n >= 200 and d >= 0.2):
        return "near" if block.bullet else "good"  # list items count only inside article text
    if len(toks) >= 5 and d >= 0.15 and sum(1 for t in text.split() if t[:1].islower()) >= 0.4 * len(toks):
        return "near"
    if block.bullet or n >= LENGTH_LOW:
        return "bad"
    return "short"


def _neighbour(blocks: list[Block], i: int, step: int, skip: tuple[str, ...]) -> str:
    i += step
    while 0 <= i < len(blocks):
        if blocks[i].cls not in skip:
            return blocks[i].cls
        i += step
    return "bad"


def _last_sentence(b: Block) -> bool:
    """A short sentence (a capital, a full stop, a lower-case word): when it closes the
    page ('Shares rose 2%.'), the document's end is no evidence of boilerplate."""
    text = b.text
    return (
        not b.bullet and text[:1].isupper() and text.endswith((".", "!", "?", ".\"", ".”"))
        and len(text.split()) >= 3 and any(w[:1].islower() for w in text.split()[1:])
    )


def _revise(blocks: list[Block]) -> None:
    """jusText's context rules: short blocks, then near-good blocks, follow their neighbours."""
    tail = len(blocks)  # blocks[tail:] are all short: the page ends on them
    while tail and blocks[tail - 1].cls == "short":
        tail -= 1
    new = []
    for i, b in enumerate(blocks):
        if b.cls != "short":
            new.append(b.cls)
            continue
        prev = _neighbour(blocks, i, -1, ("short", "near"))
        nxt = _neighbour(blocks, i, 1, ("short", "near"))
        if prev == nxt == "good":
            new.append("good")
        elif prev == "bad" and nxt == "bad":
            new.append("bad")
        elif prev == "bad" and _neighbour(blocks, i, -1, ("short",)) == "near":
            new.append("good")
        elif nxt == "bad" and _neighbour(blocks, i, 1, ("short",)) == "near":
            new.append("good")
        elif prev == "good" and i >= tail and _last_sentence(b):
            new.append("good")
        else:
            new.append("bad")
    for b, c in zip(blocks, new):
        b.cls = c
    new = []
    for i, b in enumerate(blocks):
        if b.cls != "near":
            new.append(b.cls)
            continue
        prev = _neighbour(blocks, i, -1, ("short", "near"))
        nxt = _neighbour(blocks, i, 1, ("short", "near"))
        new.append("bad" if prev == nxt == "bad" else "good")
    for b, c in zip(blocks, new):
        b.cls = c


def _drop_captions(blocks: list[Block]) -> None:
    """A line repeated at once with a credit glued on ('A photo.' + 'A photo.Jane Doe/Agency') is a caption."""
    for a, b in zip(blocks, blocks[1:]):
        if len(a.text) >= 20 and b.text != a.text and b.text.startswith(a.text) and len(b.text) - len(a.text) <= 80:
            a.cls = b.cls = "bad"


def _drop_repeats(blocks: list[Block]) -> None:
    """A block whose word 6-grams mostly appeared in earlier blocks is a repeat (teaser,
    caption, pull quote, metadata copy, a second copy of the article). A short run of
    repeated multi-sentence paragraphs between two article paragraphs that are not
    repeats is the article restating itself, and stays."""
    seen: set[tuple[str, ...]] = set()
    repeats: list[int] = []
    for i, b in enumerate(blocks):
        toks = b.words
        if len(toks) < 6:  # too short to be a repeat, and holds no 6-gram
            continue
        grams = set(zip(toks, toks[1:], toks[2:], toks[3:], toks[4:], toks[5:]))
        if b.cls != "bad" and len(grams & seen) >= 0.5 * len(grams):
            repeats.append(i)
        seen |= grams
    flagged = set(repeats)
    k = 0
    while k < len(repeats):
        lo = hi = repeats[k]
        while hi + 1 in flagged:
            hi += 1
        k += hi - lo + 1
        if hi + 1 < len(blocks) and blocks[hi + 1].cls == "good":
            longest = MAX_RESTATED  # article text follows
        elif hi + 1 == len(blocks) or furniture.is_end_marker(blocks[hi + 1].text):
            longest = 1  # the article's last paragraph (a longer run may be a second copy)
        else:
            longest = 0
        inside = (
            hi - lo < longest and lo > 0 and blocks[lo - 1].cls == "good"
            and all(_restated(b) for b in blocks[lo : hi + 1])
        )
        if not inside:
            for b in blocks[lo : hi + 1]:
                b.cls = "bad"


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def _restated(b: Block) -> bool:
    """A paragraph of several sentences of prose (a lone repeated sentence is a pull quote
    or a caption, maybe with a credit)."""
    if b.first != "good" or len(b.words) < 25:
        return False
    return sum(1 for s in _SENTENCE_BREAK.split(b.text) if len(s.split()) >= 5) >= 2


def _mark_ends(blocks: list[Block]) -> None:
    """Flag closing headings (not inline promos between two article paragraphs);
    once some article text came before, a comments section is dropped whole."""
    good = 0
    in_comments = False
    for i, b in enumerate(blocks):
        if b.cls == "good":
            good += len(b.text)
        if furniture.is_end_marker(b.text):
            inline = 0 < i < len(blocks) - 1 and blocks[i - 1].cls == blocks[i + 1].cls == "good"
            b.end, b.cls = not inline, "bad"
            if good >= 300 and furniture.is_comments_marker(b.text):
                in_comments = True
        if in_comments:
            b.cls = "bad"


def blocks_of(lines: list[str]) -> list[Block]:
    blocks = []
    for i, line in enumerate(lines):
        s = line.strip()
        if s:
            blocks.append(Block(i, s, _BULLET.match(line) is not None, "bad", "bad", len(blocks), words(s)))
    return blocks


def article_blocks(lines: list[str]) -> list[Block]:
    """The blocks of ``lines`` that are article text, in order."""
    blocks = blocks_of(lines)
    sample = [w for b in blocks if len(b.text) >= LENGTH_LOW for w in b.words][:2000]
    stop = guess_stoplist(sample)
    seen: dict[tuple[str, bool], str] = {}  # menus and footers repeat lines
    for b in blocks:
        key = (b.text, b.bullet)
        if key not in seen:
            seen[key] = _initial(b, stop)
        b.cls = b.first = seen[key]
    _drop_captions(blocks)
    _drop_repeats(blocks)
    _revise(blocks)
    _mark_ends(blocks)
    kept = select(blocks)
    while len(kept) > 1 and (_heading(kept[0]) or _headline_above_meta(kept[0], kept[1])):
        kept = kept[1:]  # the headline, byline and date line are metadata, not body
    if len(kept) > 1 and _heading(kept[-1]) and not _heading(kept[-2]):  # a closing heading
        kept = kept[:-1]
    if sum(len(b.text) for b in kept) < FALLBACK_CHARS:  # no prose found: keep plain non-furniture lines
        for b in blocks:
            b.cls = "good" if b.first in ("good", "near") or _plain(b) else "bad"
        _mark_ends(blocks)
        kept = select(blocks) or kept
    if sum(len(b.words) for b in kept) < MIN_WORDS:
        return []
    return _with_lists(blocks, kept)


def _with_lists(blocks: list[Block], kept: list[Block]) -> list[Block]:
    """Add the list a kept paragraph or the line right after the article introduces with a colon
    ('Tour dates:'): the following lines up to the next blank line, if none is furniture."""
    keep = {b.pos for b in kept}
    last = kept[-1].pos
    for b in blocks:
        intro = b.pos in keep or (b.pos == last + 1 and b.first != "bad")
        if not intro or not b.text.endswith(":"):
            continue
        run = []
        for nxt in blocks[b.pos + 1 :]:
            step = nxt.index - (run[-1].index if run else b.index)  # 1 blank line allowed after the intro
            if step > (1 if run else 2) or furniture.is_furniture(nxt.text):
                break
            run.append(nxt)
        if len(run) >= 2 and all(len(r.text) <= 200 and not r.end for r in run):
            keep.update([b.pos] + [r.pos for r in run])
    return [b for b in blocks if b.pos in keep]


_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)$")


def _heading(b: Block) -> bool:
    """A headline-like line: not prose, short, no sentence end (a closing aside such as
    '(updated)' or '(video)' does not count as one)."""
    if b.first == "good" or len(b.text) >= 120:
        return False
    text = _TRAILING_ASIDE.sub("", b.text) if b.text.endswith(")") else b.text
    return bool(text) and not text.endswith(_SENTENCE_END)


def _headline_above_meta(b: Block, nxt: Block) -> bool:
    """A line without a sentence end (a long headline reads as prose) right above a date
    line or a byline is the article's headline."""
    if b.first != "good" or len(b.text) >= 220 or not _heading(nxt):
        return False
    text = _TRAILING_ASIDE.sub("", b.text) if b.text.endswith(")") else b.text
    if not text or text.endswith(_SENTENCE_END):
        return False
    return (len(nxt.text) <= 120 and find_date(nxt.text) is not None) or is_byline(nxt.text)


def _plain(b: Block) -> bool:
    return not b.bullet and len(b.text.split()) >= 3 and not furniture.is_furniture(b.text)
