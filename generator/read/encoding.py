"""Bytes to text: size and binary checks, encoding detection, line-ending normalisation."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """Raised with a short reason; the reader turns it into ``ReadError``."""


def load_bytes(path: Path) -> bytes:
    """The file's bytes, refusing empty and oversized files before reading them."""
    size = path.stat().st_size
    if size == 0:
        raise DecodeError("empty file")
    if size > MAX_BYTES:
        raise DecodeError(f"file too large ({size} bytes; limit {MAX_BYTES // (1024 * 1024)} MB)")
    return path.read_bytes()


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position, else None."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    n = max(1, len(sample) // 2)
    nul_even, nul_odd = even.count(0) / n, odd.count(0) / n
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x3000 <= o <= 0x303F or 0x20000 <= o <= 0x2FFFF)


def _mostly_cjk(text: str) -> bool:
    """Plausible Chinese: non-ASCII characters are CJK, and mostly in runs (mojibake of
    Latin text decoded as GB18030 gives lone ideographs between ASCII letters)."""
    flags = [_is_cjk(c) for c in text if ord(c) > 0x7F]
    if not flags or sum(flags) < 0.9 * len(flags):
        return False
    runs = sum(1 for a, b in zip(text, text[1:]) if _is_cjk(a) and _is_cjk(b))
    return runs >= 0.5 * sum(flags)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag, if Python knows it."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return {"iso8859-1": "cp1252", "ascii": "utf-8"}.get(name, name)  # browsers read latin-1 as cp1252


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to (text, encoding name). Raises DecodeError if they are not text."""
    text = enc = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, enc = _strict(data, name), name.replace("-sig", "")
            if text is None:
                raise DecodeError(f"undecodable text (invalid {enc} after its byte-order mark)")
            text = text.lstrip("\ufeff")
            break
    if text is None and b"\x00" in data:
        enc = _utf16_without_bom(data)
        text = _strict(data[: len(data) - len(data) % 2], enc) if enc else None
        if text is None:
            raise DecodeError("binary file (NUL bytes)")
    if text is None:
        declared = _declared_charset(data)
        if declared:
            text, enc = _strict(data, declared), declared
    if text is None:
        text, enc = _strict(data, "utf-8"), "utf-8"
    if text is None:
        gb = _strict(data, "gb18030")
        if gb is not None and _mostly_cjk(gb):
            text, enc = gb, "gb18030"
    if text is None:
        text, enc = _strict(data, "cp1252"), "cp1252"
    if text is None:
        raise DecodeError("undecodable text (not UTF-8, UTF-16, GB18030 or cp1252)")
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary file (mostly control characters)")
    return text, enc


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> tuple[str, str]:
    """A file's decoded text with ``\\n`` line endings, and the encoding found."""
    text, enc = decode(load_bytes(path))
    return normalise_newlines(text), enc
