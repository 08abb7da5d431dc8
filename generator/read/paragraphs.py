"""Paragraphs of text that is already clean: blank-line groups, wrapped lines joined."""
from __future__ import annotations

import re

from generator.read import furniture

_SENTENCE_END = tuple(".!?:;\"”’)…»")


def groups(lines: list[str]) -> list[str]:
    """Blank-line separated groups of lines, each joined with single spaces."""
    out: list[str] = []
    cur: list[str] = []
    for line in lines + [""]:
        s = line.strip()
        if s:
            cur.append(s)
        elif cur:
            out.append(re.sub(r"[ \t]+", " ", " ".join(cur)) if len(cur) > 1 else cur[0])
            cur = []
    return out


def _prose(group_lines: list[str]) -> bool:
    text = " ".join(group_lines)
    wrapped = group_lines[:-1] or group_lines  # a wrapped paragraph's last line is short
    avg = sum(map(len, wrapped)) / len(wrapped)
    return avg >= 40 and (text.endswith(_SENTENCE_END) or len(text) >= 150)


def is_clean_prose(lines: list[str]) -> bool:
    """True when ``lines`` look like an article alone (no menus, lists of links or footers)."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines + [""]:
        s = line.strip()
        if s:
            if s[:1] in "•□☆●◦▪■":
                return False
            cur.append(s)
        elif cur:
            blocks.append(cur)
            cur = []
    body = blocks[1:] if len(blocks) > 1 else blocks
    if not body or sum(1 for b in body if _prose(b)) < 0.8 * len(body):
        return False
    return sum(1 for b in blocks for s in b if furniture.is_furniture(s)) <= 1
