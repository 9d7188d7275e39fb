"""Candidate pairs for the near-duplicate merge: every pair of sets alike enough, without comparing all pairs.

The merge rule of brief.py (`is_same_story`) never merges two articles whose titles' character
bigrams have a Jaccard similarity below LIKE_TITLE (0.3), whichever of its two clauses fires. So the
pairs with title Jaccard at or above that threshold are an exact candidate set: nothing the rule
would merge is missed. They are found by prefix filtering (an all-pairs similarity join): order the
tokens rarest first; two sets with Jaccard >= t must share a token among the first
|x| - ceil(t * |x|) + 1 tokens of each, so only sets that share a rare token are ever compared.
Deterministic: no hashing, no randomness; ties in rarity are broken by the token itself.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterator, Sequence


def jaccard(x: Collection[str], y: Collection[str]) -> float:
    """|x & y| / |x | y|, 0.0 for two empty sets (the same arithmetic as brief.py's title rule)."""
    x, y = set(x), set(y)
    return len(x & y) / len(x | y) if x | y else 0.0


def prefix_length(size: int, threshold: float) -> int:
    """How many of a set's rarest tokens must be indexed so that no pair at `threshold` is missed."""
    # floor instead of ceil: one token more than the bound needs when t * size is an integer,
    # so a product like 0.3 * 10 = 3.0000000000000004 can never shorten the prefix below it.
    return min(size, size - math.floor(threshold * size) + 1)


def similar_pairs(sets: Sequence[Collection[str]], threshold: float) -> list[tuple[int, int]]:
    """All pairs (i, j), i < j, whose Jaccard similarity is at least `threshold` (> 0), sorted."""
    if threshold <= 0:
        raise ValueError("threshold must be positive: at 0 every pair is a candidate")
    df = Counter(token for tokens in sets for token in set(tokens))
    index: dict[str, list[int]] = {}
    pairs = []
    for j, tokens in enumerate(sets):
        ordered = sorted(set(tokens), key=lambda token: (df[token], token))
        seen: set[int] = set()
        for token in ordered[:prefix_length(len(ordered), threshold)]:
            seen.update(index.get(token, ()))
            index.setdefault(token, []).append(j)
        pairs.extend((i, j) for i in sorted(seen) if jaccard(sets[i], tokens) >= threshold)
    pairs.sort()
    return pairs


def components(n: int, edges: Iterator[tuple[int, int]] | Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components of 0..n-1, each in increasing order, listed by their smallest member."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the smaller index leads: groups come out in input order
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
