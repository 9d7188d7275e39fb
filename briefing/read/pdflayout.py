"""One PDF page's characters as stories: lines by baseline, segments split at column gaps, the
masthead and footer set apart (pdfmasthead.py), headlines by font size, columns from the body
lines, each run of a column's lines owned by the headline over it (a column two headlines side by
side could claim goes to the one whose text it continues, else the one it centres), or by the
story it continues from the column to its left; lines read column by column, paragraphs starting at
an indent."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import TERMINATORS
from .pdfchars import Segment, body_size, is_headline, segments
from .pdfmasthead import furniture

#: Lines printed this much smaller than the body are photo captions and credits, not body text.
CAPTION_RATIO = 0.88
_JUMP_FROM_RE = re.compile(r"^\s*[（(]\s*(?:上接|接)第?\s*\d{1,2}\s*版")
#: What a story's first line may print unindented: its byline or dateline.
_OPENING_RE = re.compile(r"记者|通讯员|本报讯|电（|^[□■●]")


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


def page_stories(chars: list[dict], width: float, height: float, number: int,
                 rules: list[float] = ()) -> list[Story]:
    """The stories of one page, in the order of their headlines (top to bottom, left to right);
    `rules` are the heights of its horizontal rules (the masthead's, the footer's)."""
    segs = segments(chars)
    size = body_size(segs)
    margin, info = furniture(segs, rules, height, size)
    segs = [s for s in segs if s not in margin]
    heads = [s for s in segs if is_headline(s, size)]
    body = [s for s in segs if not is_headline(s, size) and s.size >= CAPTION_RATIO * size]
    cols = columns(body) or [(0.0, width)]  # a page of headlines only is one column
    blocks = sorted(headline_blocks(heads), key=lambda b: (round(b[0].top / 20), b[0].x0))
    covers = _shared_out([_covered(b, body, [h for other in blocks if other is not b for h in other], cols, size)
                          for b in blocks], blocks, cols, body, size)
    owned = _assign(body, blocks, covers, cols, size)
    stories = []
    for key in sorted(owned, key=lambda k: (k < 0, k)):
        story = _story(blocks[key] if key >= 0 else [], owned[key], cols, size, number)
        story.page_label, story.date, story.paper = info.page, info.date, info.paper
        story.page = int(info.page) if info.page else number  # 下转第2版 names the printed 版次
        if story.title or sum(len(p) for p in story.paragraphs) >= 20:  # stray furniture is not a story
            stories.append(story)
    return stories


def _shared_out(covers: list[set[int]], blocks: list[list[Segment]], cols, body: list[Segment],
                size: float) -> list[set[int]]:
    """A column that two headlines side by side both grew into (the text under each starts under
    both) goes to one of them: to the story on its left when its first line goes on with a sentence
    (not indented, no byline: a story's first column opens a paragraph), else to the headline it
    centres (a headline is centred over its columns). So a three-column story's third column is its
    own, not its two-column neighbour's."""
    direct = [{i for i, (a, b) in enumerate(cols) if any(h.x0 < b and h.x1 > a for h in block)} for block in blocks]
    out = [set(c) for c in covers]
    for column in range(len(cols)):
        rivals = [i for i, c in enumerate(covers) if column in c - direct[i]]
        for i in rivals:
            beside = [j for j in rivals if j != i and _side_by_side(blocks[i], blocks[j])]
            if beside and _winner(beside + [i], column, covers, blocks, cols, body, size) != i:
                out[i].discard(column)
    return out


def _winner(rivals: list[int], column: int, covers, blocks, cols, body: list[Segment], size: float) -> int:
    under = min(blocks[i][-1].bottom for i in rivals)
    first = min((s for s in body if _column_of(s, cols) == column and s.top >= under - 1), key=lambda s: s.top,
                default=None)
    goes_on = first is not None and first.x0 - cols[column][0] <= size and not _OPENING_RE.search(first.text)
    left = [i for i in rivals if column - 1 in covers[i]]
    if goes_on and len(left) == 1:
        return left[0]
    return min(rivals, key=lambda k: _off_centre(blocks[k], covers[k], cols))


def _side_by_side(a: list[Segment], b: list[Segment]) -> bool:
    return a[0].top < b[-1].bottom and b[0].top < a[-1].bottom


def _off_centre(block: list[Segment], covered: set[int], cols) -> float:
    """How far a headline's centre is from the centre of the columns it would cover."""
    left, right = min(s.x0 for s in block), max(s.x1 for s in block)
    return abs((left + right) / 2 - (cols[min(covered)][0] + cols[max(covered)][1]) / 2)


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


def _assign(body: list[Segment], blocks, covers, cols, size: float) -> dict[int, list[Segment]]:
    """Each body line to its story (an index into blocks; -1 for text before any headline). A run of
    lines (a column's lines without a wide gap or a headline between them) goes to the lowest
    headline above it that covers its column when nothing else is printed between them; a run
    under another run of its column goes on the same story (a photo in the column between them),
    unless a headline stands between them nearby: then (a column beside a headline set over fewer
    columns, or under a photo at the head of a story) it goes on the story beside it in the column
    to its left, as does a run that starts lower than the page's text with nothing above it; a run
    at the top of a column with no headline above goes on the story that ended the column before
    (text flowing on in reading order), unless it opens with 上接第N版."""
    owned: dict[int, list[Segment]] = {}
    owner_of: dict[int, int] = {}  # id(segment) -> owner
    first = min((s.top for s in body), default=0.0)  # where the page's text starts
    carried = -1
    for column in range(len(cols)):
        lines = sorted((s for s in body if _column_of(s, cols) == column), key=lambda s: s.top)
        previous = None
        for seg in lines:
            over = [i for i, b in enumerate(blocks) if b[-1].bottom <= seg.top + 1 and column in covers[i]]
            head = max(over, key=lambda i: blocks[i][-1].bottom) if over else None
            new_run = previous is None or seg.top - previous.bottom > 2.5 * size or \
                (head is not None and blocks[head][-1].bottom > previous.top)
            if not new_run:
                owner = owner_of[id(previous)]
            elif head is not None and (previous is None or previous.top < blocks[head][-1].bottom):
                owner = head
            elif previous is None and seg.top < first + 3 * size:
                owner = -1 if _JUMP_FROM_RE.match(seg.text) else carried
            elif previous is not None and not _headline_between(previous, seg, column, blocks, cols, size):
                owner = owner_of[id(previous)]  # the same story on, under a photo in its column
            else:
                owner = _beside(seg, column, body, cols, owner_of, carried)
            owned.setdefault(owner, []).append(seg)
            owner_of[id(seg)] = carried = owner
            previous = seg
    return owned


def _headline_between(previous: Segment, seg: Segment, column: int, blocks, cols, size: float) -> bool:
    """Whether a headline in this column or the next ones to either side stands between a column's
    run of lines and the run before it (the headline of the story the new run goes on)."""
    left, right = cols[max(column - 1, 0)][0], cols[min(column + 1, len(cols) - 1)][1]
    return any(previous.bottom <= b[0].top and b[-1].bottom <= seg.top + 3 * size
               and min(h.x0 for h in b) < right and max(h.x1 for h in b) > left for b in blocks)


def _beside(seg: Segment, column: int, body: list[Segment], cols, owner_of: dict, default: int) -> int:
    """The owner of the line in the column to the left nearest in height to this one."""
    left = [s for s in body if column and _column_of(s, cols) == column - 1]
    nearest = min(left, key=lambda s: abs(s.top - seg.top), default=None)
    return owner_of.get(id(nearest), default) if nearest is not None else default


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
            glue = " " if _words_meet(paragraphs[-1][-1:], seg.text[:1]) else ""
            paragraphs[-1] += glue + seg.text
        previous_ended = right - seg.x1 > 2 * size and seg.text[-1:] in TERMINATORS + "）)”"
    return paragraphs


def _words_meet(end: str, start: str) -> bool:
    """Whether a line break between these characters is a space: two Latin words, not a number
    broken over two lines nor anything Chinese."""
    latin = end.isascii() and end.isalnum() and start.isascii() and start.isalnum()
    return latin and not (end.isdigit() and start.isdigit())
