"""The progress line of long commands: done/total, percent, time left and the item, on a terminal's stderr.

The total of an export is the articles of its inputs: the records of each .jsonl file are counted
before the work starts (a scan of its lines), a page's articles once the page is read; until then
a page counts as the pages read so far average. Standard input has no total: the line shows the
count alone.
"""
from __future__ import annotations

import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

#: Redraw at most this often: a terminal write per article would cost more than a small article.
REDRAW_SECONDS = 0.1
ITEM_COLUMNS = 36  # room for the item's name: the line stays within 80 columns


class InputTally:
    """The articles of a list of input files: counted ahead for .jsonl, learnt as pages are read."""

    def __init__(self, files: list[str]) -> None:
        self.streamed = "-" in files
        self.records = sum(_records(f) for f in files if f.lower().endswith(".jsonl"))
        self.pages = {f for f in files if f != "-" and not f.lower().endswith(".jsonl")}
        self.page_articles: dict[str, int] = {}

    def watch(self, articles: Iterable) -> Iterator:
        """The articles, in order, noting how many each page gave: a page's articles are passed on once
        the next input begins (a page is split whole in memory anyway), so its count is known first."""
        held: list = []
        for article in articles:
            source = getattr(article, "source", None)
            if held and source != held[0].source:
                yield from held
                held = []
            if source in self.pages:
                self.page_articles[source] = self.page_articles.get(source, 0) + 1
                held.append(article)
            else:
                yield article
        yield from held

    def total(self) -> int | None:
        """The best count of articles so far: None for standard input."""
        if self.streamed:
            return None
        read = len(self.page_articles)
        average = sum(self.page_articles.values()) / read if read else 1.0
        return self.records + sum(self.page_articles.values()) + round((len(self.pages) - read) * average)


def _records(path: str) -> int:
    """Non-blank lines of a .jsonl file (0 when it cannot be read: reading it reports why)."""
    try:
        with open(path, "rb") as file:
            return sum(1 for line in file if line.strip())
    except OSError:
        return 0


def short_name(name: str, columns: int = ITEM_COLUMNS, words: Callable[[str], list[str]] | None = None) -> str:
    """A file name that fits `columns` terminal columns (a CJK character takes two), cut between words
    (`words` splits the name into them, e.g. the segmenter; else at _ - . and spaces), with … for the rest."""
    if _width(name) <= columns:
        return name
    stem = Path(name).stem
    pieces = words(stem) if words else _pieces(stem)
    kept, used = [], 1  # the ellipsis
    for piece in pieces:
        if used + _width(piece) > columns:
            break
        kept.append(piece)
        used += _width(piece)
    return "".join(kept).rstrip("_-. ") + "…"


def _pieces(stem: str) -> list[str]:
    pieces, start = [], 0
    for end, ch in enumerate(stem, 1):
        if ch in "_-. ":
            pieces.append(stem[start:end])
            start = end
    return pieces + [stem[start:]]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds // 60 % 60:02d} min"


def line(label: str, done: int, total: int | None, elapsed: float, item: str = "") -> str:
    """One progress line: `exporting  120/1591   7%  12 s left  2024-05-13_01_…`; with no total, the count."""
    if total is None:
        return f"{label}  {done}  {item}".rstrip()
    total = max(total, done)
    share = done / total if total else 1.0
    left = f"{_duration(elapsed / done * (total - done))} left" if done and elapsed >= 1 else "…"
    return f"{label}  {done}/{total}  {share:4.0%}  {left}  {item}".rstrip()


class Progress:
    """Iterates over items and redraws the line on stderr; clears it at the end."""

    def __init__(self, items: Iterable, label: str, total: Callable[[], int | None] = lambda: None,
                 show_item: Callable[[object], str | None] | None = None, out=None) -> None:
        self.items, self.label, self.total, self.show_item = items, label, total, show_item
        self.out = out or sys.stderr
        self.done, self._drawn, self._width = 0, 0.0, 0

    def __enter__(self) -> Progress:
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        if self._width:
            self.out.write("\r" + " " * self._width + "\r")
            self.out.flush()

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.done += 1
            now = time.monotonic()
            if now - self._drawn >= REDRAW_SECONDS:
                self._draw(now, item)
            yield item

    def _draw(self, now: float, item) -> None:
        shown = (self.show_item(item) or "") if self.show_item else ""
        text = line(self.label, self.done, self.total(), now - self.started, shown)
        pad = max(self._width - _width(text), 0)
        self.out.write("\r" + text + " " * pad)
        self.out.flush()
        self._drawn, self._width = now, _width(text)
