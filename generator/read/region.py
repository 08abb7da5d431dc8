"""Pick the article's region among classified blocks (see ``boilerplate``)."""
from __future__ import annotations

BAD_LINE_COST = 150  # chars of article text one non-article line inside the region costs
SOFT_LINE_COST = 80  # ... and a short or near-good line (subheading, lone name)
MAX_GAP = 0  # a cluster is a run of good blocks with at most this many others between
MAX_DISTANCE = 50  # an extra cluster must lie within this many blocks of the region ...
MIN_EXTRA = 0.5  # ... and hold at least this share of the region's text
MIN_EXTRA_BEFORE = 0.2  # ... or this share, for paragraphs of plain prose just before it


def best_region(blocks: list) -> tuple[int, int]:
    """Start and end (inclusive) of the run of blocks with the most good text net of furniture."""
    best, best_span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, b in enumerate(blocks):
        run += len(b.text) if b.cls == "good" else -(SOFT_LINE_COST if b.first in ("short", "near") else BAD_LINE_COST)
        if b.end or run <= 0:
            run, start = 0.0, i + 1
        elif run > best:
            best, best_span = run, (start, i)
    return best_span


def clusters(blocks: list) -> list[list]:
    """Runs of good blocks, split where more than MAX_GAP other blocks or a closing heading intervene."""
    out: list = []
    cur: list = []
    gap = 0
    for b in blocks:
        if b.cls == "good":
            cur.append(b)
            gap = 0
            continue
        gap += 1
        if cur and (b.end or gap > MAX_GAP):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def select(blocks: list) -> list:
    """The best-scoring region's good blocks, plus any cluster outside it big enough
    to be more of the same article (text interrupted by a widget)."""
    lo, hi = best_region(blocks)
    region = [b for b in blocks[lo : hi + 1] if b.cls == "good"]
    main = sum(len(b.text) for b in region)
    keep = {id(b) for b in region}
    for c in clusters(blocks):
        n = sum(len(b.text) for b in c)
        before = c[-1].pos < lo  # an opening cut off by a gallery or a widget
        share = MIN_EXTRA_BEFORE if before and all(b.first == "good" for b in c) else MIN_EXTRA
        near = min(abs(c[0].pos - hi), abs(c[-1].pos - lo)) <= MAX_DISTANCE
        if near and not any(id(b) in keep for b in c) and n >= share * main and n >= 300 and len(c) >= 3:
            keep.update(id(b) for b in c)
    return [b for b in blocks if id(b) in keep]
