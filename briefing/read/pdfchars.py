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
#: Gaps (in ems of the following character) that are a space in the text, keyed by whether the
#: characters before and after are Chinese (or full-width): between Latin letters or digits a word
#: space (0.25 em in Times, 0.2 em and up in most fonts); between Chinese characters only a wide one,
#: as in 记者　柳岸 (a full-width space is 1 em; a justified line spreads its characters by a tenth
#: or so); between Chinese and a digit or Latin letter only a wider one, since typesetters put a
#: quarter em there (中西文间距) that text layers give back as `2024 年 5 月`.
SPACE_GAP = {(False, False): 0.2, (True, True): 0.5, (True, False): 0.75, (False, True): 0.75}
_WIDE_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018-\u201d\u2026]")


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
    """Characters grouped into lines by baseline and size, lines cut at wide gaps. A gap the text
    layer fills with a space character (记者　柳岸 in a justified line) is never a column gap."""
    rows: dict[tuple[int, int], list[dict]] = {}
    for char in chars:
        if char.get("upright", True) and char["text"]:
            rows.setdefault((round(_baseline(char) / 2), round(char["size"] * 2)), []).append(char)
    out = []
    for row in rows.values():
        row.sort(key=lambda c: c["x0"])
        run, blank = [], None  # blank: where the last space character after the run ends
        for char in row:
            if not char["text"].strip():
                blank = char["x1"] if run else None
                continue
            if run and char["text"] == run[-1]["text"] and char["x0"] - run[-1]["x0"] < 0.3 * char["size"]:
                continue  # "fake bold": the same glyph printed again a fraction of a point to the right
            bridged = blank is not None and char["x0"] - blank < 0.5 * char["size"]
            if run and not bridged and _gap(run[-1], char) > SPLIT_GAP * char["size"]:
                out.append(_segment(run))
                run = []
            run.append(char)
            blank = None
        if run:
            out.append(_segment(run))
    return sorted(out, key=lambda s: (s.top, s.x0))


def _baseline(char: dict) -> float:
    """Where a character stands, from the top: its text matrix's origin when there is one (a digit in
    a Latin font and a Chinese character on one line have different bottoms but one baseline)."""
    matrix = char.get("matrix")
    return -matrix[5] if matrix else char["bottom"]


def _wide(char: dict) -> bool:
    """A Chinese character or full-width punctuation mark (one em wide in every Chinese font)."""
    return bool(_WIDE_RE.match(char["text"]))


def _gap(before: dict, char: dict) -> float:
    """The blank between two characters of a line. A Chinese character is taken as at least one em
    wide, whatever the font's width table says (a PDF whose table gives 500 units spaces out every
    character)."""
    end = max(before["x1"], before["x0"] + before["size"]) if _wide(before) else before["x1"]
    return char["x0"] - end


def _spaced(before: dict, char: dict) -> bool:
    """Whether the gap between two characters is a space in the text (see SPACE_GAP)."""
    return _gap(before, char) > SPACE_GAP[_wide(before), _wide(char)] * char["size"]


def _segment(run: list[dict]) -> Segment:
    """A segment's text, a space where the characters leave one (the space glyph itself may be absent)."""
    text = run[0]["text"]
    for before, char in zip(run, run[1:]):
        text += (" " if _spaced(before, char) else "") + char["text"]
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
