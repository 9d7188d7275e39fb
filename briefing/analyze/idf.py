"""jieba's IDF table (word -> inverse document frequency) as sorted numpy arrays.

The table has 270,000 words. Parsing jieba's idf.txt takes 0.3 s and unmarshalling a dict of it
0.09 s, a fifth of a cold start; the same table as two arrays in the user's cache directory
loads in a few milliseconds, and an article's words are looked up with one binary search.
"""
from __future__ import annotations

import contextlib
import importlib.util
import mmap
import os
import struct
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import kernels


class IdfTable:
    """Words in sorted order with their IDF; unknown words get the median, as jieba.analyse does."""

    def __init__(self, words: np.ndarray, values: np.ndarray, median: float) -> None:
        self.words = words  # sorted, numpy unicode
        self.values = values
        self.median = median
        #: words looked up before: a binary search over the 17 MB array misses the CPU cache at
        #: every step, while news repeats its words (bounded: memory must not grow with a stream)
        self._seen: dict[str, float] = {}
        # the C search reads the arrays' memory as native UTF-32 and doubles
        self._native = words.dtype.isnative and values.dtype == np.float64 and values.dtype.isnative \
            and words.flags.c_contiguous and values.flags.c_contiguous

    @classmethod
    def from_dict(cls, table: dict[str, float]) -> IdfTable:
        if not table:
            return cls(np.zeros(0, "U1"), np.zeros(0), 1.0)
        words = np.array(list(table))
        order = np.argsort(words, kind="stable")
        values = np.fromiter(table.values(), float, len(table))
        return cls(words[order], values[order], float(np.median(values)))

    def __len__(self) -> int:
        return len(self.words)

    def lookup(self, words: Sequence[str]) -> np.ndarray:
        """The IDF of each word (the median for words not in the table)."""
        seen = self._seen
        values = list(map(seen.get, words))
        if None in values:
            new = list(dict.fromkeys(w for w, v in zip(words, values) if v is None))
            found = dict(zip(new, self._search(new)))
            if len(seen) + len(new) <= _SEEN_MAX:
                seen.update(found)
            values = [found[w] if v is None else v for w, v in zip(words, values)]
        return np.array(values, dtype=float)

    def _search(self, words: Sequence[str]) -> list[float]:
        """lookup by binary search in the sorted arrays (either search handles an empty table or query)."""
        search = kernels.sorted_search if self._native else kernels.sorted_search_py
        return search(words, self.words, self.words.dtype.itemsize // 4, self.values, self.median)

    def get(self, word: str) -> float:
        """The IDF of one word."""
        return float(self.lookup([word])[0])


_SEEN_MAX = 500_000


@lru_cache(maxsize=1)
def idf_table() -> IdfTable:
    """jieba's shipped IDF table, read once a process: from the cache, or parsed and then cached."""
    spec = importlib.util.find_spec("jieba")  # locate without importing jieba (segment.py owns it)
    if spec is None or not spec.submodule_search_locations:
        return IdfTable.from_dict({})
    path = Path(next(iter(spec.submodule_search_locations))) / "analyse" / "idf.txt"
    try:
        stat = path.stat()
    except OSError:
        return IdfTable.from_dict({})
    cache = _cache_path(str(path), f"{stat.st_mtime_ns}\0{stat.st_size}")
    cached = _read(cache) if cache else None
    if cached is not None:
        return cached
    try:
        table = IdfTable.from_dict(parse_idf(path.read_text(encoding="utf-8")))
    except OSError:
        return IdfTable.from_dict({})
    if cache:
        _write(cache, table)
    return table


def parse_idf(text: str) -> dict[str, float]:
    """`word idf` lines into a dict; lines without a value are skipped, a repeated word keeps its last value."""
    table: dict[str, float] = {}
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    return table


def _cache_path(source: str, version: str) -> Path | None:
    """Where the arrays of one idf.txt are kept: idf-<its path>-<its mtime and size>.bin, as CRC-32s
    (hashlib costs 4 ms to import). Two installs (a virtualenv beside the system's) have two names."""
    try:
        from .segment import cache_dir

        return Path(cache_dir()) / f"idf-{zlib.crc32(source.encode()):08x}-{zlib.crc32(version.encode()):08x}.bin"
    except OSError:  # no writable cache directory: parse every time
        return None


#: The cache file: this magic, a header (characters a word, words, median), padding, the words as UTF-32
#: little-endian of that width, then the IDF values as little-endian doubles. Mapped into memory and
#: seen through two np.frombuffer calls: only the pages a binary search touches are read (reading the
#: 19 MB took 16 ms, np.load of an .npz 13 ms). The file is replaced atomically, never rewritten in place.
_MAGIC = b"briefing-idf-2\n"
_HEADER = struct.Struct("<IQd")
_START = 64  # the arrays start aligned: numpy copies a misaligned array at every operation (4x slower)


def _read(path: Path) -> IdfTable | None:
    """The table stored at path, or None when it is missing, unreadable or not whole."""
    try:
        with path.open("rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    if len(data) < _START or data[:len(_MAGIC)] != _MAGIC:
        return None
    width, count, median = _HEADER.unpack_from(data, len(_MAGIC))
    start = _START
    if width == 0 or len(data) != start + count * (4 * width + 8):
        return None
    words = np.frombuffer(data, f"<U{width}", count, start)
    values = np.frombuffer(data, "<f8", count, start + count * 4 * width)
    return IdfTable(words, values, median)


def _write(path: Path, table: IdfTable) -> None:
    """Store the table atomically (a reader never sees half a file); a failure only costs the next start."""
    import tempfile  # only when the cache is written

    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            width = max(table.words.dtype.itemsize // 4, 1)
            out.write((_MAGIC + _HEADER.pack(width, len(table.words), table.median)).ljust(_START, b"\0"))
            out.write(table.words.astype(f"<U{width}").tobytes())
            out.write(table.values.astype("<f8").tobytes())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    # tables of this install's older jieba, and of the older one-key naming; never another install's:
    # removing each other's table, two installs sharing the cache parsed idf.txt at every start (+0.2 s)
    install = path.name.rsplit("-", 1)[0] + "-"
    for stale in path.parent.glob("idf-*"):
        ours = stale.name.startswith(install) or stale.name.count("-") == 1
        if ours and stale != path and not stale.name.startswith(path.name + "."):
            with contextlib.suppress(OSError):
                stale.unlink()
