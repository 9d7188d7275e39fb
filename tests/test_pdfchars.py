"""A text layer's characters as lines (briefing/read/pdfchars.py), table by table: what a gap between
two characters is (nothing, a space, a column gap) by what stands on either side of it."""
import pytest

from briefing.read.pdfchars import segments

SIZE = 10.0


def line(*pieces, baseline: float = 100.0) -> list[dict]:
    """Characters as pdfplumber gives them: each piece is (text, gap before it in ems) or (text, gap,
    advance in ems, bottom shift) for a Latin font or a font whose width table is wrong."""
    chars, x = [], 0.0
    for piece in pieces:
        text, gap, advance, shift = list(piece) + [None, 0.0][len(piece) - 2:]
        x += gap * SIZE
        for char in text:
            width = (advance if advance is not None else (0.5 if char.isascii() else 1.0)) * SIZE
            bottom = baseline + 2 + shift
            chars.append({"text": char, "x0": x, "x1": x + width, "top": bottom - SIZE, "bottom": bottom,
                          "size": SIZE, "upright": True, "fontname": "Song",
                          "matrix": (1, 0, 0, 1, x, -baseline)})
            x += width
    return chars


def texts(chars: list[dict]) -> list[str]:
    return [s.text for s in segments(chars)]


@pytest.mark.parametrize("chars, expected", [
    # the quarter em a typesetter puts between Chinese and digits (中西文间距)
    (line(("2024", 0), ("年", 0.25), ("5", 0.25), ("月", 0.25), ("13", 0.25), ("日", 0.25)), ["2024年5月13日"]),
    # the same with an explicit space glyph of half an em in the gap
    (line(("第", 0), (" ", 0), ("2", 0), (" ", 0), ("版", 0)), ["第2版"]),
    # a justified line: every character spread by a sixth of an em
    (line(*[(char, 1 / 6) for char in "青溪县召开春耕生产调度会"]), ["青溪县召开春耕生产调度会"]),
    # a width table that says Chinese characters are half an em wide: they still stand one em apart
    (line(*[(char, 0.5 if i else 0, 0.5) for i, char in enumerate("县委书记出席")]), ["县委书记出席"]),
    # a full-width space in a byline is a space
    (line(("记者", 0), ("柳岸", 1.0)), ["记者 柳岸"]),
    # word spaces in Latin text are kept, none added inside a word or a number
    (line(("Park", 0), ("and", 0.25), ("Ride", 0.25)), ["Park and Ride"]),
    (line(("5G", 0), ("基站", 0), ("3.5", 0), ("GHz", 0.25)), ["5G基站3.5 GHz"]),
    # a column gap splits the line in two
    (line(("全县已开工", 0), ("据了解", 1.6)), ["全县已开工", "据了解"]),
    # a wide gap that a space character fills is no column gap (记者　江帆 in a justified line)
    (line(("记者", 0), ("\u3000", 0.2), ("江帆", 0.2)), ["记者 江帆"]),
    # a digit in a Latin font sits lower in its box than a Chinese character on the same baseline
    (line(("5", 0, 0.5, -0.5), ("月", 0.25), ("12", 0.25, 0.5, -0.5), ("日", 0.25)), ["5月12日"]),
])
def test_gaps_between_characters(chars, expected):
    assert texts(chars) == expected


def test_an_empty_or_blank_text_layer_has_no_lines():
    assert segments([]) == [] and segments(line(("   ", 0))) == []
