"""A newspaper page's masthead (or running head) and footer: the lines that say which paper, day and
版次 the page is, found by where they stand (the top or the foot of the page, above or below a rule)
and by what they say (a date with its weekday, 第N版, 责任编辑, 主办, CN 11-0000 …). They are the page's
paper, date and 版次, never part of an article."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .pdfchars import Segment

#: The share of the page's height that a masthead or running head, and a footer, may start in.
HEAD_SHARE, FOOT_SHARE = 0.15, 0.12
#: Without a rule, a header starts this near the top (a footer ends this near the foot).
EDGE_SHARE = 0.08
#: Small type this near the top or the foot of a page whose header (footer) says nothing of the
#: page is furniture whatever it says (a folio line).
MARGIN_SHARE = 0.07
#: What a header or footer line prints and an article's lines do not: the date with its weekday,
#: 第N版 / 今日N版 / 第N期 (not a jump's 下转第2版), 农历, the editors, the publisher, the serial number,
#: the postcode and the price. A line longer than MARK_CHARS is text, whatever it says.
_MARK_RE = re.compile(r"20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*星期|^星期[一二三四五六日天]$"
                      r"|(?<![转接])第\s*\d{1,2}\s*版|今日\s*\d{1,2}\s*版|第\s*\d{3,5}\s*期|农历|责任编辑|责编"
                      r"|版式|美编|校对\s*[:：]|主办(?:\s|$)|出版(?:\s|$)|出版物号|刊号|CN\s*\d\d\s*-\s*\d{4}"
                      r"|邮发代号|邮编\s*[:：]|社址|零售价|定价\s*[:：]")
MARK_CHARS = 40
#: An editors' line, at the head or the foot of the page or under an article.
EDITOR_RE = re.compile(r"^\s*(?:本版)?(?:责任编辑|责编|版式设计|版式|美编|校对|制图)\s*[:：]")
_PAGE_RE = re.compile(r"(?<![转接])第\s*0?(\d{1,2})\s*版")
_DATE_RE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAPER_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:日报|晚报|报))")
#: A 版次 printed as a bare number: alone, or at either end of a running head (3　要闻　人民日报).
_FOLIO_RE = re.compile(r"^(\d{1,2})(?:\s|$)|\s(\d{1,2})$")
_NAME_RE = re.compile(r"[\u4e00-\u9fff ]{2,12}报")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class PageInfo:
    """What a page's header and footer say: 版次 (two digits), date (YYYY-MM-DD) and paper."""

    page: str | None = None
    date: str | None = None
    paper: str | None = None


def furniture(segs: list[Segment], rules: list[float], height: float, size: float) -> tuple[list[Segment], PageInfo]:
    """The page's header and footer lines, and what they say. `rules` are the heights of the page's
    horizontal rules; `size` is the body size."""
    marks = [s for s in segs if len(s.text) <= MARK_CHARS and _MARK_RE.search(s.text)]
    head, foot = _head_bottom(marks, rules, height), _foot_top(marks, rules, height)
    band = [s for s in segs if s.top < head and s.bottom <= head + max(s.size, size)]  # a large 2 beside 要闻
    ear = _ear(band, marks, size)
    header = [s for s in band if s not in ear]
    top_margin = 0.0 if head else MARGIN_SHARE * height  # a header found ends where it ends
    foot_margin = height if foot < height else (1 - MARGIN_SHARE) * height
    out = [s for s in segs if s in header or s.top >= foot - 1 or EDITOR_RE.match(s.text)
           or ((s.top < top_margin or s.bottom > foot_margin) and s.size <= size * 1.05 and s not in ear)]
    return out, page_info(header or out, out, size)


def _head_bottom(marks: list[Segment], rules: list[float], height: float) -> float:
    """Where the header ends: its lines that follow each other down from the first one in the top
    band, and the lowest rule just under them (the masthead's double rule); without a rule, the
    last of those lines, if the first stands at the top of the page; 0 when the page has none."""
    tops = sorted((s for s in marks if s.top < HEAD_SHARE * height), key=lambda s: s.top)
    if not tops:
        return 0.0
    bottom = tops[0].bottom
    for mark in tops[1:]:
        if mark.top - bottom > 2 * mark.size:
            break
        bottom = max(bottom, mark.bottom)
    under = [r for r in rules if tops[0].bottom - 1 <= r <= bottom + 3 * tops[0].size]
    if under:
        return max(under)
    return bottom if tops[0].top <= EDGE_SHARE * height else 0.0


def _foot_top(marks: list[Segment], rules: list[float], height: float) -> float:
    """Where the footer starts, as _head_bottom from the foot of the page up; the page's height when
    it has none."""
    feet = sorted((s for s in marks if s.bottom > (1 - FOOT_SHARE) * height), key=lambda s: -s.bottom)
    if not feet:
        return height
    top = feet[0].top
    for mark in feet[1:]:
        if top - mark.bottom > 2 * mark.size:
            break
        top = min(top, mark.top)
    over = [r for r in rules if top - 3 * feet[0].size <= r <= feet[0].top + 1]
    if over:
        return min(over)
    return top if feet[0].bottom >= (1 - EDGE_SHARE) * height else height


def _ear(band: list[Segment], marks: list[Segment], size: float) -> list[Segment]:
    """A story printed in the masthead's band beside it (报眼): three or more lines of Chinese text
    in the body size, clear of the header's own lines, with what is set over them (its headline)."""
    text = [s for s in band if s not in marks and 0.88 * size <= s.size <= 1.05 * size and len(s.text) >= 6
            and len(_CJK_RE.findall(s.text)) * 2 > len(s.text)
            and not any(s.x0 < m.x1 and s.x1 > m.x0 for m in marks)]
    if len(text) < 3:
        return []
    left, right = min(s.x0 for s in text) - size, max(s.x1 for s in text) + size
    return [s for s in band if s not in marks and left <= s.x0 and s.x1 <= right]


def page_info(head: list[Segment], furniture: list[Segment], size: float) -> PageInfo:
    """版次, date and paper, from the header first: the paper is the name printed largest (a
    masthead, 青 溪 日 报 in spaced type) or the first name ending in 报; the 版次 is 第N版, or a
    number printed alone in the header (2 要闻), the largest if there are several."""
    text = " ".join(s.text for s in sorted(furniture, key=lambda s: (s not in head, s.top, s.x0)))
    page, date = _PAGE_RE.search(text), _DATE_RE.search(text)
    largest = sorted(head, key=lambda s: -s.size)
    number = next((m.group(1) or m.group(2) for s in largest for m in [_FOLIO_RE.search(s.text)] if m), None)
    name = next((s.text.replace(" ", "") for s in largest if s.size >= 1.5 * size and _NAME_RE.fullmatch(s.text)), None)
    paper = name or (_PAPER_RE.search(text).group(1) if _PAPER_RE.search(text) else None)
    label = page.group(1) if page else number
    return PageInfo(f"{int(label):02d}" if label else None,
                    f"{date[1]}-{int(date[2]):02d}-{int(date[3]):02d}" if date else None, paper)
