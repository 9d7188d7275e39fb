"""Official Chinese text, once for every renderer: numbers (一百零一), dates (5月14日), periods, punctuation."""
from __future__ import annotations

import datetime as dt
import re

_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
#: Full-width punctuation and closing marks that count as Chinese context for a neighbouring ASCII mark.
_CN_MARK = "，。、；：？！“”‘’（）《》【】…—％"
_CN_SIDE = f"[{_HAN}{_CN_MARK}]"
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_RE = re.compile(rf"(?<={_CN_SIDE})\s*([,;:?!])\s*|\s*([,;:?!])\s*(?={_CN_SIDE})")
#: 4月21日~23日 → 4月21日至23日; a tilde beside a Chinese character is a range.
_TILDE_RE = re.compile(rf"(?<={_CN_SIDE})\s*[~～]\s*|\s*[~～]\s*(?={_CN_SIDE})")


def cn_number(n: int) -> str:
    """0 零, 10 十, 11 十一, 20 二十, 101 一百零一, 110 一百一十, 1000 一千, 10001 一万零一 (up to 亿)."""
    n = int(n)
    if n < 0 or n >= 10 ** 8:
        return str(n)
    if n == 0:
        return _DIGITS[0]
    high, low = divmod(n, 10000)
    text = _group(high) + "万" + ("零" if 0 < low < 1000 else "") + _group(low) if high else _group(low)
    return text[1:] if text.startswith("一十") else text  # 十一 and 十万, not 一十一; but 一百一十


def _group(n: int) -> str:
    """A number below 10000 in Chinese: zeros inside collapse to one 零, trailing zeros are dropped."""
    out, zero = "", False
    for power in (3, 2, 1, 0):
        digit = n // 10 ** power % 10
        if digit == 0:
            zero = bool(out)
            continue
        out += ("零" if zero else "") + _DIGITS[digit] + _UNITS[power]
        zero = False
    return out


def cn_date(iso: str | None, year: bool = False) -> str:
    """2024-05-14 -> 5月14日 (or 2024年5月14日); no date or a malformed one -> an empty string."""
    match = _ISO_RE.match(iso or "")
    if not match:
        return ""
    y, m, d = (int(part) for part in match.groups())
    return f"{y}年{m}月{d}日" if year else f"{m}月{d}日"


def period_label(start: str, end: str) -> str:
    """2025年11月24日—11月30日 (the year repeated only when it changes); one day is one date."""
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    first = cn_date(start, year=True)
    if a == b:
        return first
    return f"{first}—{cn_date(end, year=a.year != b.year)}"


def full_width(text: str) -> str:
    """ASCII , ; : ? ! beside Chinese text made full-width, and ~ made 至; 1,000 and 14:30 are left alone."""
    if not text:
        return text
    text = _HALF_RE.sub(lambda m: _FULL[m.group(1) or m.group(2)], text)
    return _TILDE_RE.sub("至", text)
