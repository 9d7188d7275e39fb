"""A PDF page's characters as segments: runs of characters on one baseline within one column,
with their size and weight, and which of them are headlines."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .text import clean_display

#: A segment this much larger than the body size is a headline (body 9-10.5 pt, headlines 14 pt up;
#: subheads printed in bold at body size stay body).
HEADLINE_RATIO = 1.3
#: A bold line this much larger than the body is a headline too (a 12 pt bold title over 10 pt body).
BOLD_RATIO = 1.15
_BOLD_RE = re.compile(r"Bold|Heavy|Black|Hei|黑", re.I)
#: A gap wider than this many body characters splits a line into segments (column gaps are 1.5-2).
SPLIT_GAP = 1.2


@dataclass
class Segment:
    """A run of characters on one baseline, within one column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


def segments(chars: list[dict]) -> list[Segment]:
    """Characters grouped into lines by baseline and size, lines cut at wide gaps."""
    rows: dict[tuple[int, int], list[dict]] = {}
    for char in chars:
        if char.get("upright", True) and char["text"].strip():
            rows.setdefault((round(char["bottom"] / 2), round(char["size"])), []).append(char)
    out = []
    for row in rows.values():
        row.sort(key=lambda c: c["x0"])
        run = [row[0]]
        for char in row[1:]:
            if char["text"] == run[-1]["text"] and char["x0"] - run[-1]["x0"] < 0.3 * char["size"]:
                continue  # "fake bold": the same glyph printed again a fraction of a point to the right
            if char["x0"] - run[-1]["x1"] > SPLIT_GAP * char["size"]:
                out.append(_segment(run))
                run = []
            run.append(char)
        out.append(_segment(run))
    return sorted(out, key=lambda s: (s.top, s.x0))


def _segment(run: list[dict]) -> Segment:
    """A segment's text, a space where the characters leave a gap (the space glyph itself may be absent)."""
    text = run[0]["text"]
    for before, char in zip(run, run[1:]):
        text += (" " if char["x0"] - before["x1"] > 0.2 * char["size"] else "") + char["text"]
    bold = sum(1 for c in run if _BOLD_RE.search(c.get("fontname", ""))) * 2 > len(run)
    return Segment(clean_display(text), run[0]["x0"], run[-1]["x1"], min(c["top"] for c in run),
                   max(c["bottom"] for c in run), max(c["size"] for c in run), bold)


def is_headline(seg: Segment, size: float) -> bool:
    """Printed well above the body size, or in bold a little above it (a short line)."""
    return seg.size >= HEADLINE_RATIO * size or (seg.bold and seg.size >= BOLD_RATIO * size and len(seg.text) <= 30)


def body_size(segs: list[Segment]) -> float:
    """The size most characters are printed in."""
    sizes = Counter()
    for seg in segs:
        sizes[round(seg.size, 1)] += len(seg.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0
