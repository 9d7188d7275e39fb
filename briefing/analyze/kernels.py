"""Inner loops of the rankers, in C when briefing/analyze/_speedups.c was built and in Python otherwise: runs of
words, bigram recurrence, and the binary search of the IDF table.

The Python functions here are the definition: the C ones must return the same values in the same
order (tests/test_kernels.py checks them against each other), so output never depends on whether a
C compiler was at hand when briefing was installed.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress, repeat
from operator import add, ge

import numpy as np

FIRST, INSIDE, LAST = 1, 2, 4  # role bits: where an integer may stand in a run


def count_runs_py(segments: Sequence[tuple[int, ...]], max_size: int, min_count: int,
                  roles: bytes | bytearray) -> list[tuple[tuple[int, ...], int]]:
    """Runs of 2 to max_size adjacent integers within each segment that occur at least min_count times,
    with their counts, in the order a Counter first saw them (segment by segment, runs of 2, then of 3 …).

    Only runs whose integers may stand where they stand count: roles[i] has FIRST, INSIDE and LAST
    bits for integer i.
    """
    runs: Counter[tuple[int, ...]] = Counter()
    for keys in segments:
        for size in range(2, max_size + 1):
            runs.update(zip(*(keys[offset:] for offset in range(size))))
    return [(run, runs[run]) for run in compress(runs, map(ge, runs.values(), repeat(min_count)))
            if roles[run[0]] & FIRST and roles[run[-1]] & LAST and all(roles[k] & INSIDE for k in run[1:-1])]


def recurrence_py(sentences: Sequence[str]) -> list[float]:
    """Share of each sentence's overlapping character bigrams of letters and digits (never across
    punctuation) that occur in another sentence too; 0.0 for a sentence without any."""
    grams = [list(filter(str.isalnum, map(add, s, s[1:]))) for s in sentences]
    seen: set[str] = set()
    shared: set[str] = set()  # bigrams of more than one sentence
    for distinct in map(set, grams):
        shared |= seen & distinct
        seen |= distinct
    return [sum(map(shared.__contains__, gs)) / len(gs) if gs else 0.0 for gs in grams]


def sorted_search_py(words: Sequence[str], table: np.ndarray, width: int, values: np.ndarray,
                     default: float) -> list[float]:
    """For each word, its value in table (sorted words, numpy U<width>) by binary search; default for a word
    that is absent or longer than width."""
    if not len(table) or not words:
        return [default] * len(words)
    query = np.array(words, dtype=table.dtype)  # longer words are cut here, and excluded below
    at = np.minimum(np.searchsorted(table, query), len(table) - 1)
    found = table[at] == query
    if max(map(len, words)) > width:
        found &= np.fromiter(map(len, words), np.int64, len(words)) <= width
    return np.where(found, values[at], default).tolist()


try:
    from ._speedups import count_runs, recurrence, sorted_search
    COMPILED = True
except ImportError:  # installed without a C compiler: the same results, with a fifth more instructions
    count_runs, recurrence, sorted_search = count_runs_py, recurrence_py, sorted_search_py
    COMPILED = False
