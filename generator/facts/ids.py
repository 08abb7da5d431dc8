"""Stable ids: a brief's id and each fact's anchor, made from their content.

Only ASCII letters, digits and hyphens survive, so an id can never become a
path outside the output folder or a reserved device name.
"""
from __future__ import annotations

import re
import unicodedata

RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(text: str, max_len: int = 60) -> str:
    s = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0] or s[:max_len]
    s = s.strip("-")
    if s in RESERVED:
        s = f"{s}-x"
    return s


def brief_id(published: str | None, title: str | None, fallback: str) -> str:
    """``2025-05-19-chinese-luxury-carmaker-seres…``; fallback (e.g. the seed's hash) when untitled."""
    slug = slugify(title or "", 70) or slugify(fallback, 20) or "brief"
    return f"{published}-{slug}" if published else slug


def unique(base: str, taken: set[str]) -> str:
    cand, n = base, 2
    while cand in taken:
        cand = f"{base}-{n}"
        n += 1
    taken.add(cand)
    return cand
