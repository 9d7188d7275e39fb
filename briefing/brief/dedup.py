"""Candidate pairs for the near-duplicate merge: every pair of sets alike enough, without comparing all pairs.

The merge rule of stories.py (`is_same_story`) never merges two articles whose titles' character
bigrams have a Jaccard similarity below LIKE_TITLE (0.3), whichever of its two clauses fires. So the
pairs with title Jaccard at or above that threshold are an exact candidate set: nothing the rule
would merge is missed. They are found by prefix filtering (an all-pairs similarity join): order the
tokens rarest first; two sets with Jaccard >= t must share a token among the first
|x| - ceil(t * |x|) + 1 tokens of each, so only sets that share a rare token are ever compared.
Deterministic: no hashing, no randomness; ties in rarity are broken by the token itself.
"""
from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence


def jaccard(x: Collection[str], y: Collection[str]) -> float:
    """|x & y| / |x | y|, 0.0 for two empty sets (the same arithmetic as stories.py's title rule)."""
    x, y = (x if isinstance(x, (set, frozenset)) else set(x)), (y if isinstance(y, (set, frozenset)) else set(y))
    shared = len(x & y)
    union = len(x) + len(y) - shared
    return shared / union if union else 0.0


def prefix_length(size: int, threshold: float) -> int:
    """How many of a set's rarest tokens must be indexed so that no pair at `threshold` is missed."""
    # floor instead of ceil: one token more than the bound needs when t * size is an integer,
    # so a product like 0.3 * 10 = 3.0000000000000004 can never shorten the prefix below it.
    return min(size, size - math.floor(threshold * size) + 1)


def similar_pairs(sets: Sequence[Collection[str]], threshold: float) -> list[tuple[int, int]]:
    """All pairs (i, j), i < j, whose Jaccard similarity is at least `threshold` (in (0, 1]), sorted."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]: at 0 every pair is a candidate")
    # Reprints share one title: join the distinct sets, then pair up their members.
    members: dict[frozenset[str], list[int]] = {}
    for i, tokens in enumerate(sets):
        members.setdefault(frozenset(tokens), []).append(i)
    distinct, groups = list(members), list(members.values())
    pairs = [pair for tokens, group in members.items() if tokens for pair in itertools.combinations(group, 2)]
    for u, v in _join(distinct, threshold):
        pairs.extend((min(a, b), max(a, b)) for a in groups[u] for b in groups[v])
    pairs.sort()
    return pairs


def _join(sets: Sequence[frozenset[str]], threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs of sets at `threshold` or above, by prefix filtering over tokens ordered rarest first."""
    df = Counter(token for tokens in sets for token in tokens)
    index: dict[str, list[int]] = {}
    for j, tokens in enumerate(sets):
        ordered = sorted(tokens, key=lambda token: (df[token], token))
        seen: set[int] = set()
        for token in ordered[:prefix_length(len(ordered), threshold)]:
            seen.update(index.get(token, ()))
            index.setdefault(token, []).append(j)
        yield from ((i, j) for i in sorted(seen) if jaccard(sets[i], tokens) >= threshold)


def components(n: int, pairs: Iterable[tuple[int, int]],
               joins: Callable[[int, int], bool] = lambda i, j: True) -> list[list[int]]:
    """Connected components of 0..n-1 under the pairs for which `joins` holds, each in increasing
    order, listed by their smallest member. `joins` is asked only about pairs not yet connected
    (n identical reprints cost n - 1 checks, not n(n - 1)/2)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = root(i), root(j)
        if a != b and joins(i, j):
            parent[max(a, b)] = min(a, b)  # the smaller index leads: groups come out in input order
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def shared_runs(texts: Sequence[str], length: int, anchors: Collection[int] | None = None) -> set[tuple[int, int]]:
    """All pairs (i, j), i < j, of texts that share a run of `length` characters (an index of the runs);
    with `anchors`, only the pairs one of whose texts is an anchor."""
    holders: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        for run in {text[k:k + length] for k in range(len(text) - length + 1)}:
            holders.setdefault(run, []).append(index)
    pairs = set()
    for group in holders.values():
        if len(group) > 1 and (anchors is None or any(i in anchors for i in group)):
            pairs.update(p for p in itertools.combinations(group, 2) if anchors is None or p[0] in anchors
                         or p[1] in anchors)
    return pairs
