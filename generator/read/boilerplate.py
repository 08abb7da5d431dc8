"""Plain-text boilerplate removal: classify lines jusText-style, keep the densest article region.

Each non-empty line of a text-mode page dump is a block. A block is first classed
from its own features (length, stopword density, list bullets, furniture
vocabulary), then short and near-good blocks take the class of their
neighbours, and last only the good blocks of the best-scoring run of lines are
kept, so menus, related links and footers far from the article fall away.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.read import furniture
from generator.read.stopwords import density, guess_stoplist, words

LENGTH_LOW, LENGTH_HIGH = 70, 200
STOP_LOW, STOP_HIGH = 0.30, 0.32
BAD_LINE_COST = 40  # chars of article text a line of furniture inside the region costs

_BULLET = re.compile(r"^\s*(?:[•□☆●◦▪■◆▸►‣○∙·*]|\d{1,2}\.)\s")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Block:
    index: int  # line number in doc.lines
    text: str
    bullet: bool
    cls: str = "bad"  # good | near | short | bad


_SENTENCE_END = tuple(".!?:;\"”’)…»")


def _initial(block: Block, stop: frozenset[str]) -> str:
    text = block.text
    if furniture.is_furniture(text):
        return "bad"
    n = len(text)
    cjk = len(_CJK.findall(text))
    if cjk > 20 and cjk > n / 3:  # no spaces to count stopwords by
        return "good" if any(p in text for p in "。！？.") else "near"
    toks = words(text)
    if not toks:
        return "bad"
    d = density(toks, stop)
    sentence = text.endswith(_SENTENCE_END)
    lower = sum(1 for t in text.split() if t[:1].islower()) / len(toks)
    if len(toks) >= 8 and d >= 0.25 and (sentence or n >= 150) or (n >= 200 and d >= 0.2):
        return "good"
    if len(toks) >= 5 and d >= 0.15 and lower >= 0.4:
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


def _revise(blocks: list[Block]) -> None:
    """jusText's context rules: short blocks, then near-good blocks, follow their neighbours."""
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


def _drop_repeats(blocks: list[Block]) -> None:
    """A block whose word 6-grams mostly appeared in earlier blocks is a repeat (teaser, metadata copy)."""
    seen: set[int] = set()
    for b in blocks:
        toks = words(b.text)
        grams = {hash(tuple(toks[i : i + 6])) for i in range(max(1, len(toks) - 5))} if toks else set()
        if len(toks) >= 6 and b.cls != "bad" and len(grams & seen) >= 0.5 * len(grams):
            b.cls = "bad"
        seen |= grams


def _best_region(blocks: list[Block]) -> tuple[int, int]:
    """Start and end (inclusive) of the run of blocks with the most good text net of furniture."""
    best, best_span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, b in enumerate(blocks):
        run += len(b.text) if b.cls == "good" else -BAD_LINE_COST
        if run <= 0:
            run, start = 0.0, i + 1
        elif run > best:
            best, best_span = run, (start, i)
    return best_span


def blocks_of(lines: list[str]) -> list[Block]:
    return [Block(i, l.strip(), bool(_BULLET.match(l))) for i, l in enumerate(lines) if l.strip()]


def article_blocks(lines: list[str]) -> list[Block]:
    """The blocks of ``lines`` that are article text, in order."""
    blocks = blocks_of(lines)
    sample = [w for b in blocks if len(b.text) >= LENGTH_LOW for w in words(b.text)][:2000]
    stop = guess_stoplist(sample)
    for b in blocks:
        b.cls = _initial(b, stop)
    _drop_repeats(blocks)
    _revise(blocks)
    lo, hi = _best_region(blocks)
    return [b for b in blocks[lo : hi + 1] if b.cls == "good"]
