"""Bytes to text, honestly: UTF-8, UTF-16/32 (with a BOM, or plainly UTF-16 without), GB18030 or Big5,
and a refusal, never mojibake, when none of them gives likely text.

"Likely" is measured, not guessed: the share of characters that Chinese news text is made of (CJK
ideographs, CJK and full-width punctuation, ASCII), and for the two legacy encodings the share of
ideographs among each standard's commonly used ones (GB2312 level 1, Big5 常用字), which tells
Big5 bytes read as GB18030 (rare ideographs and kana) from the real thing.
"""
from __future__ import annotations

import codecs

from ..errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Below this share of likely characters a decoding is mojibake (real pages: 0.97-1.0; Big5 or GB18030
#: bytes decoded as UTF-16: under 0.3).
LIKELY_SHARE = 0.85
SAMPLE = 8192
_FIX = "convert it to UTF-8 (e.g. `iconv -f BIG5 -t UTF-8 in.txt > out.txt`) and try again"


def likely_share(text: str) -> float:
    """Share of the characters of a sample that Chinese or English news text is made of."""
    sample = text[:SAMPLE]
    if not sample:
        return 1.0
    return sum(map(_likely, sample)) / len(sample)


def _likely(ch: str) -> bool:
    code = ord(ch)
    return ((0x20 <= code < 0x7F or ch in "\n\r\t") or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x2000 <= code <= 0x206F or 0xA0 <= code <= 0x17F or 0x3400 <= code <= 0x4DBF)


def _common_share(text: str, encoding: str, first_byte: range) -> float:
    """Share of the ideographs of a sample that are among the standard's common ones (by their lead byte)."""
    ideographs = [ch for ch in text[:SAMPLE] if 0x4E00 <= ord(ch) <= 0x9FFF]
    if not ideographs:
        return 1.0
    common = 0
    for ch in ideographs:
        try:
            common += ch.encode(encoding)[0] in first_byte
        except UnicodeEncodeError:
            pass
    return common / len(ideographs)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) of a file's bytes; DecodeError when no encoding gives likely text."""
    if not data.strip():
        raise InputError(source, "the file is empty", "give a file with article text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data, encoding, source, f"starts with a {encoding.upper()} byte-order mark but")
    if b"\x00" in data[:4096]:
        utf16 = _plain_utf16(data)
        if utf16:
            return utf16
        raise InputError(source, "looks like a binary file", "give a .txt, .md, .docx, .html, .pdf or .jsonl file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data, source)


def _checked(data: bytes, encoding: str, source: str, said: str) -> tuple[str, str]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise DecodeError(source, f"{said} is not valid {encoding.upper()}", _FIX) from None
    if likely_share(text) < LIKELY_SHARE:
        raise DecodeError(source, f"{said} decodes to unlikely characters (mojibake)", _FIX)
    return text, encoding


def _plain_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM, when one byte order decodes to likely text (ASCII spaces and newlines give
    the NUL bytes that brought us here)."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:SAMPLE]
        ideographs = sum(0x4E00 <= ord(ch) <= 0x9FFF for ch in sample)
        common = max(_common_share(sample, "gb2312", range(0xB0, 0xD8)), _common_share(sample, "big5", range(0xA4, 0xC7)))
        if likely_share(sample) >= 0.98 and ideographs >= 0.3 * len(sample) and common >= 0.7:  # plainly Chinese
            return text, encoding
    return None


def _legacy(data: bytes, source: str) -> tuple[str, str]:
    """GB18030 or Big5: whichever decodes with the larger share of its standard's common ideographs."""
    candidates = []
    for encoding, first_byte in (("gb18030", range(0xB0, 0xD8)), ("big5", range(0xA4, 0xC7))):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        lookup = "gb2312" if encoding == "gb18030" else encoding
        candidates.append((_common_share(text, lookup, first_byte) * likely_share(text), encoding, text))
    if not candidates:
        raise DecodeError(source, "cannot be decoded as UTF-8, UTF-16, GB18030 or Big5", _FIX)
    score, encoding, text = max(candidates, key=lambda c: c[0])
    if score < 0.6:
        raise DecodeError(source, f"decodes as {encoding.upper()} only to unlikely characters (mojibake)", _FIX)
    return text, encoding
