"""Headline, byline and date of a page dump, read from the lines just above the article."""
from __future__ import annotations

import re

from generator.models import Source
from generator.read import furniture
from generator.read.byline import is_byline, parse_byline
from generator.read.dates import MONTHS, find_date

WINDOW = 40  # lines above the article's first paragraph searched for its header
_BY = re.compile(r"^(?:by|written by|von|par|por)\b", re.I)
_JOINER = re.compile(r"^(?:and|&|,|und|et|y|e)$", re.I)
_BULLET = re.compile(r"^\s*[•□☆●◦▪■◆*]")


def looks_like_title(line: str) -> bool:
    """A headline: a few words, no sentence end (unless in Title Case), not a date, credit,
    byline or menu item."""
    s = line.strip()
    words = s.split()
    if not 3 <= len(words) <= 30 or not 15 <= len(s) <= 220 or s.endswith((",", ":", ";")):
        return False
    if s.rstrip("\"”’'").endswith("."):
        capital = sum(1 for w in words if w[:1].isupper()) / len(words)
        if capital < 0.6 or len(words) > 20:
            return False
    return (
        not _BY.match(s) and not _BULLET.match(line) and not furniture.is_furniture(s)
        and not _is_date_line(s) and any(c.islower() for c in s) and not is_byline(s)
    )


def _is_date_line(s: str) -> bool:
    return len(s) <= 120 and find_date(s) is not None


_BY_INLINE = re.compile(r"(?:^|(?<=[\s•(|])|(?<=[a-z]))(?:[Bb]y|BY):?\s+(?=[A-Z])")
_CREDIT_BEFORE = re.compile(r"(?:photo|image|picture|illustration|video|graphic|credit|edited|reviewed|tested|sponsored|presented|powered)s?\s*$", re.I)
_BY_END = re.compile(r"\s+[-–—|•]\s|:|\s+(?:on|at|am|le|el|em)\s|\S+@|\(|\d|\s{2,}")


def _inline_byline(s: str) -> str | None:
    """'Posted by Ann Lee on May 2' -> 'Ann Lee'; None without a 'by' before a capital."""
    m = _BY_INLINE.search(s)
    if not m or _CREDIT_BEFORE.search(s[: m.start()]):
        return None
    rest = s[m.end():]
    cut = _BY_END.search(rest)
    text = rest[: cut.start()] if cut else rest
    words = text.split()
    while words and words[-1].lower().rstrip(".,") in MONTHS:  # 'by Ann Lee March 3, 2020'
        words.pop()
    return " ".join(words)


def _byline(lines: list[str], i: int) -> tuple[str, int]:
    """The byline starting at line i ('By' alone, then names on their own lines) and its end."""
    parts = [lines[i].strip()]
    j = i + 1
    if _BY.fullmatch(parts[0]) or _JOINER.match(parts[-1].split()[-1]):
        while j < len(lines) and len(parts) < 12:
            s = lines[j].strip()
            if not s or len(s) > 40 or _is_date_line(s) or furniture.is_furniture(s):
                break
            if s != parts[-1]:  # names are often printed twice (link text and image alt)
                parts.append(s)
            j += 1
    return " ".join(parts), j


_WORDS = re.compile(r"\w+")


def _content(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if len(w) > 3 and not w.isdigit()}


def _best_title(lines: list[str], lo: int, start: int, first_meta: int, lede: str) -> str | None:
    """The headline-shaped line above the article sharing most words with its opening."""
    lede_words = _content(lede)
    best, best_score = None, -1.0
    for k in range(start - 1, lo - 1, -1):
        s = lines[k].strip()
        if not looks_like_title(lines[k]):
            continue
        words = _content(s)
        overlap = len(words & lede_words) / len(words) if words else 0.0
        score = overlap + (0.3 if 4 <= len(s.split()) <= 20 else 0.0) + (0.2 if k < first_meta else 0.0)
        score -= 0.004 * (start - k)
        if score > best_score:
            best, best_score = s, score
    return best


def fill_source(src: Source, lines: list[str], start: int, lede: str = "") -> None:
    """Fill the title, authors, publisher and date ``src`` lacks from lines[start-WINDOW:start];
    ``lede`` (the article's opening) picks the headline among headline-shaped lines."""
    lo = max(0, start - WINDOW)
    byline_at = date_at = None
    authors: list[str] = []
    orgs: list[str] = []
    date = None
    i = lo
    while i < start:
        s = lines[i].strip()
        if s and len(s) <= 160 and byline_at is None:
            s = _BULLET.sub("", s).strip()
            if _BY.fullmatch(s) or (_BY.match(s) and _JOINER.match(s.split()[-1])):
                text, end = _byline(lines, i)
            else:
                text, end = _inline_byline(s), i + 1
            people, found = parse_byline(text) if text else ([], [])
            if people or found:
                byline_at, authors, orgs = i, people, found
                if _is_date_line(s) and date is None:
                    date, date_at = find_date(s), i
                i = end
                continue
        if s and _is_date_line(s):
            date, date_at = find_date(s), i
        i += 1
    first_meta = min(x for x in (byline_at, date_at, start) if x is not None)
    title = _best_title(lines, lo, start, first_meta, lede)
    src.title = src.title or title
    src.published = src.published or date
    if not src.authors:
        src.authors = authors
    src.publisher = src.publisher or (orgs[0] if orgs else None)


def take_header_paragraphs(paras: list[str], src: Source) -> list[str]:
    """Move a leading headline, byline and date line of a clean article into ``src``."""
    if len(paras) > 1 and looks_like_title(paras[0]):
        src.title = src.title or paras[0]
        paras = paras[1:]
    while len(paras) > 1 and len(paras[0]) <= 120 and not paras[0].endswith("."):
        head = paras[0]
        date = find_date(head)
        text = head
        if date and _BY.match(head):  # 'By Ann Lee' and a date line run together: 'By Ann Lee May 2, 2024'
            text = _inline_byline(head) or head
        people, orgs = parse_byline(text) if _BY.match(head) or is_byline(head) else ([], [])
        if people or orgs:
            src.authors = src.authors or people
            src.publisher = src.publisher or (orgs[0] if orgs else None)
            if date and text != head:
                src.published = src.published or date
        elif _is_date_line(head) and len(head.split()) <= 8:
            src.published = src.published or find_date(head)
        else:
            break
        paras = paras[1:]
    return paras
