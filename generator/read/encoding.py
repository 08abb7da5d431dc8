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


# The commonest characters of each script, to tell a right decoding from a wrong one that is
# valid too (EUC-KR, GB18030 and Shift-JIS share byte ranges): real text is full of them,
# characters picked by the wrong table seldom are.
_HANZI_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
    "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八"
    "离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布"
    "复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精"
    "值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照"
    "参红细引听该铁价严增长亿季司售额股银投企"
)
_HANGUL_COMMON = frozenset(
    "이다는의에을하고가지한서로기를사자대도시정수어인리해으일나아부적전게상있국제원주들것보장었성과여스"
    "내중라만했동우업니구연경회화러비위세요조등년월억밝혔"
)


def _script_shares(text: str) -> tuple[int, int, int, int, int, int]:
    """Counts over the non-ASCII letters of ``text``: all, hangul, common hangul, han,
    common han, hiragana."""
    n = hangul = hangul_common = han = han_common = hira = 0
    for c in text:
        o = ord(c)
        if o < 0x80 or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F:
            continue  # ASCII, CJK and full-width punctuation, general punctuation
        n += 1
        if 0xAC00 <= o <= 0xD7A3:
            hangul += 1
            hangul_common += c in _HANGUL_COMMON
        elif 0x4E00 <= o <= 0x9FFF:
            han += 1
            han_common += c in _HANZI_COMMON
        elif 0x3041 <= o <= 0x309F:
            hira += 1
    return n, hangul, hangul_common, han, han_common, hira


def _plausibility(text: str, lang: str) -> float:
    """How much ``text`` reads as ``lang`` ('zh', 'ko', 'ja'): the share of its non-ASCII
    letters that are the language's commonest characters (hiragana, for Japanese)."""
    n, hangul, hangul_common, han, han_common, hira = _script_shares(text[:20000])
    if not n:
        return 0.0
    if lang == "ko":
        return hangul_common / n if hangul >= 0.6 * n else 0.0
    if lang == "ja":
        return hira / n if hira + han >= 0.7 * n else 0.0
    return han_common / n if han >= 0.8 * n else 0.0


# Legacy East Asian encodings tried on text that is not UTF-8 and declares nothing: the
# strict name first, then its vendor superset.
_EAST_ASIAN = (("zh", ("gb18030",)), ("ko", ("euc_kr", "cp949")), ("ja", ("shift_jis", "cp932", "euc_jp")))
MIN_PLAUSIBLE = 0.15  # share of common characters a decoding needs to be believed on that ground


def _east_asian(data: bytes) -> tuple[str, str] | None:
    """The most plausible decoding of ``data`` as Chinese, Korean or Japanese, if any:
    each candidate decoded strictly and scored by ``_plausibility``; GB18030 that is
    mostly CJK in runs is kept when no candidate scores (its old rule)."""
    best: tuple[float, str, str] | None = None
    gb = None
    for lang, encs in _EAST_ASIAN:
        for enc in encs:
            text = _strict(data, enc)
            if text is None:
                continue
            if enc == "gb18030":
                gb = text if _mostly_cjk(text) else None
            score = _plausibility(text, lang)
            if score >= MIN_PLAUSIBLE and (best is None or score > best[0]):
                best = (score, text, enc)
            break  # the strict name decoded: its superset reads the same
    if best:
        return best[1], best[2].replace("_", "-")
    return (gb, "gb18030") if gb is not None else None


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
        found = _east_asian(data)
        if found:
            text, enc = found
    if text is None:
        text, enc = _strict(data, "cp1252"), "cp1252"
    if text is None:
        raise DecodeError("undecodable text (not UTF-8, UTF-16, GB18030, EUC-KR, Shift-JIS or cp1252)")
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary file (mostly control characters)")
    return text, enc


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> tuple[str, str]:
    """A file's decoded text with ``\\n`` line endings, and the encoding found."""
    text, enc = decode(load_bytes(path))
    return normalise_newlines(text), enc
