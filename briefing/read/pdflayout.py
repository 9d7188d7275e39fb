"""One PDF page's characters as stories: lines by baseline, segments split at column gaps, headlines
by font size, columns from the body lines, each body line owned by the lowest headline above it in
its column, and lines read column by column, paragraphs starting at an indent."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import TERMINATORS
from .pdfchars import Segment, body_size, is_headline, segments

#: Lines printed this much smaller than the body are photo captions and credits, not body text.
CAPTION_RATIO = 0.88
#: The page's header and footer: this share of the height at the top and the bottom.
MARGIN_SHARE = 0.07
_PAGE_RE = re.compile(r"第\s*0?(\d{1,2})\s*版")
_DATE_RE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_JUMP_FROM_RE = re.compile(r"^\s*[（(]\s*(?:上接|接)第?\s*\d{1,2}\s*版")
_PAPER_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:日报|晚报|报))")


@dataclass
class Story:
    """An article as laid out on a page, before it becomes an Article."""

    title: str
    page: int
    paragraphs: list[str] = field(default_factory=list)
    pretitle: str | None = None
    subtitle: str | None = None
    page_label: str | None = None
    date: str | None = None
    paper: str | None = None
    origin: str = ""  # the file it was read from


def columns(body: list[Segment]) -> list[tuple[float, float]]:
    """Column extents: the overlapping x-ranges of body lines merged."""
    spans: list[list[float]] = []
    for seg in sorted(body, key=lambda s: s.x0):
        if spans and seg.x0 <= spans[-1][1] - 1:
            spans[-1][1] = max(spans[-1][1], seg.x1)
        else:
            spans.append([seg.x0, seg.x1])
    return [(a, b) for a, b in spans]


def _column_of(seg: Segment, cols: list[tuple[float, float]]) -> int:
    return max(range(len(cols)), key=lambda i: min(seg.x1, cols[i][1]) - max(seg.x0, cols[i][0]))


def headline_blocks(heads: list[Segment]) -> list[list[Segment]]:
    """Headline segments stacked close together (引题, title, 副题) as one block each."""
    blocks: list[list[Segment]] = []
    for seg in sorted(heads, key=lambda s: s.top):
        for block in blocks:
            last = block[-1]
            if seg.top - last.bottom < 0.8 * max(seg.size, last.size) and seg.x0 < last.x1 and seg.x1 > last.x0:
                block.append(seg)
                break
        else:
            blocks.append([seg])
    return blocks


def page_stories(chars: list[dict], width: float, height: float, number: int) -> list[Story]:
    """The stories of one page, in the order of their headlines (top to bottom, left to right)."""
    segs = segments(chars)
    size = body_size(segs)
    margin = [s for s in segs if (s.top < MARGIN_SHARE * height or s.bottom > (1 - MARGIN_SHARE) * height)
              and s.size <= size * 1.05]
    segs = [s for s in segs if s not in margin]
    heads = [s for s in segs if is_headline(s, size)]
    body = [s for s in segs if not is_headline(s, size) and s.size >= CAPTION_RATIO * size]
    cols = columns(body) or [(0.0, width)]  # a page of headlines only is one column
    blocks = sorted(headline_blocks(heads), key=lambda b: (round(b[0].top / 20), b[0].x0))
    covers = [_covered(b, body, [h for other in blocks if other is not b for h in other], cols, size)
              for b in blocks]
    owned = _assign(body, blocks, covers, cols)
    info = _page_info(" ".join(s.text for s in margin))
    stories = []
    for key in sorted(owned, key=lambda k: (k < 0, k)):
        story = _story(blocks[key] if key >= 0 else [], owned[key], cols, size, number)
        story.page_label, story.date, story.paper = info
        story.page = int(info[0]) if info[0] else number  # 下转第2版 names the printed 版次
        if story.title or sum(len(p) for p in story.paragraphs) >= 20:  # stray furniture is not a story
            stories.append(story)
    return stories


def _covered(block: list[Segment], body: list[Segment], others: list[Segment], cols, size: float) -> set[int]:
    """The columns a headline stands over: those it overlaps, grown sideways into each next column
    whose text starts right under it (a short headline centred over three columns overlaps one)."""
    top, bottom = block[0].top, block[-1].bottom
    covered = {i for i, (a, b) in enumerate(cols) if any(h.x0 < b and h.x1 > a for h in block)}
    grown = True
    while grown and covered:
        grown = False
        for c in (min(covered) - 1, max(covered) + 1):
            if 0 <= c < len(cols) and _starts_under(c, top, bottom, body + others, cols, size):
                covered.add(c)
                grown = True
    return covered


def _starts_under(c: int, top: float, bottom: float, printed: list[Segment], cols, size: float) -> bool:
    """Whether column c's text begins just below a headline, with nothing (text or another headline)
    printed beside the headline."""
    a, b = cols[c]
    lines = [s for s in printed if s.x0 < b and s.x1 > a and s.bottom > top - 2 * size]
    first = min(lines, key=lambda s: s.top, default=None)
    return first is not None and not is_headline(first, size) and bottom - 1 <= first.top < bottom + 3 * size


def _assign(body: list[Segment], blocks, covers, cols) -> dict[int, list[Segment]]:
    """Each body line to its story (an index into blocks; -1 for text before any headline): the
    lowest headline above it that covers its column; text at the top of a column with no headline
    above goes on the story that ended the column before (text flowing on in reading order), unless
    it opens with 上接第N版."""
    owned: dict[int, list[Segment]] = {}
    carried = -1
    for column in range(len(cols)):
        lines = sorted((s for s in body if _column_of(s, cols) == column), key=lambda s: s.top)
        for seg in lines:
            over = [i for i, b in enumerate(blocks) if b[-1].bottom <= seg.top + 1 and column in covers[i]]
            if over:
                owner = max(over, key=lambda i: blocks[i][-1].bottom)
            else:
                owner = -1 if _JUMP_FROM_RE.match(seg.text) else carried
            owned.setdefault(owner, []).append(seg)
            carried = owner
    return owned


def _story(block: list[Segment], lines: list[Segment], cols, size: float, number: int) -> Story:
    title_size = max((s.size for s in block), default=0)
    titles = [s for s in block if s.size >= title_size - 0.5]
    story = Story(title=_join(titles), page=number)
    if titles:
        story.pretitle = _join([s for s in block if s.bottom <= titles[0].top]) or None
        story.subtitle = _join([s for s in block if s.top >= titles[-1].bottom]) or None
    story.paragraphs = _paragraphs(sorted(lines, key=lambda s: (_column_of(s, cols), s.top)), cols, size)
    return story


def _join(lines: list[Segment]) -> str:
    """Lines of one headline as one string: a space only between two lines set side by side."""
    text = ""
    for before, seg in zip([None] + lines, lines):
        text += (" " if before is not None and seg.top < before.bottom - 1 else "") + seg.text
    return text


def _paragraphs(lines: list[Segment], cols, size: float) -> list[str]:
    """Lines joined into paragraphs: a new one at an indented line or after a short closing line."""
    paragraphs: list[str] = []
    previous_ended = True
    for seg in lines:
        left, right = cols[_column_of(seg, cols)]
        indented = seg.x0 - left > 1.0 * size
        if not paragraphs or indented or previous_ended:
            paragraphs.append(seg.text)
        else:
            glue = " " if paragraphs[-1][-1:].isascii() and paragraphs[-1][-1:].isalnum() and seg.text[:1].isascii() else ""
            paragraphs[-1] += glue + seg.text
        previous_ended = right - seg.x1 > 2 * size and seg.text[-1:] in TERMINATORS + "）)”"
    return paragraphs


def _page_info(text: str) -> tuple[str | None, str | None, str | None]:
    """版次, date and paper from the page's header and footer lines."""
    page, date, paper = _PAGE_RE.search(text), _DATE_RE.search(text), _PAPER_RE.search(text)
    return (f"{int(page.group(1)):02d}" if page else None,
            f"{date[1]}-{int(date[2]):02d}-{int(date[3]):02d}" if date else None,
            paper.group(1) if paper else None)
