"""TextRank as pure functions over token lists: PageRank, word graphs and sentence graphs.

Knows nothing of jieba, files or click. The graphs follow textrank4zh (window-2 word
co-occurrence; sentence similarity = shared words / (log|a| + log|b|)) so that its results
can serve as a test oracle, but are built with numpy instead of Python loops over pairs.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

DAMPING = 0.85


def pagerank(weights: np.ndarray, damping: float = DAMPING, personalization: np.ndarray | None = None,
             tol: float = 1.0e-6, max_iter: int = 100) -> np.ndarray:
    """PageRank of a weighted graph given as a square non-negative matrix; scores sum to 1.

    Dangling nodes (no outgoing weight) jump by the personalization vector, as in networkx,
    so that empty rows neither leak rank nor make the result depend on node order.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    p = _teleport(n, personalization)
    out = weights.sum(axis=1)
    dangling = out == 0
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights, dtype=float), where=~dangling[:, None])
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        previous = x
        x = damping * (x @ transition + x[dangling].sum() * p) + (1.0 - damping) * p
        if np.abs(x - previous).sum() < n * tol:
            break
    return x / x.sum()


def _teleport(n: int, personalization: np.ndarray | None) -> np.ndarray:
    if personalization is None:
        return np.full(n, 1.0 / n)
    p = np.clip(np.asarray(personalization, dtype=float), 0.0, None)
    total = p.sum()
    return p / total if total > 0 else np.full(n, 1.0 / n)


def cooccurrence_graph(sentences: Sequence[Sequence[str]], vocabulary: dict[str, int],
                       window: int = 2) -> np.ndarray:
    """Symmetric 0/1 adjacency of vocabulary words that occur within `window` tokens of each other.

    Tokens outside the vocabulary still count for distance (textrank4zh's edge source), and an
    edge is set once however often the pair occurs, as textrank4zh does.
    """
    n = len(vocabulary)
    graph = np.zeros((n, n))
    rows: list[int] = []
    cols: list[int] = []
    for tokens in sentences:
        ids = np.array([vocabulary.get(token, -1) for token in tokens], dtype=np.int64)
        for offset in range(1, window):
            a, b = ids[:-offset], ids[offset:]
            keep = (a >= 0) & (b >= 0) & (a != b)
            rows.extend(a[keep].tolist())
            cols.extend(b[keep].tolist())
    if rows:
        graph[rows, cols] = 1.0
        graph[cols, rows] = 1.0
    return graph


def sentence_graph(sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """textrank4zh's sentence similarity, from a word-by-sentence incidence matrix.

    similarity(a, b) = |distinct words shared| / (log len(a) + log len(b)), zero on the diagonal.
    """
    n = len(sentences)
    index: dict[str, int] = {}
    incidence_rows, incidence_cols = [], []
    for row, tokens in enumerate(sentences):
        for token in set(tokens):
            incidence_rows.append(row)
            incidence_cols.append(index.setdefault(token, len(index)))
    incidence = np.zeros((n, len(index)), dtype=np.float32)
    incidence[incidence_rows, incidence_cols] = 1.0
    shared = incidence @ incidence.T
    log_len = np.log(np.maximum([len(tokens) for tokens in sentences], 1)).astype(np.float32)
    denominator = log_len[:, None] + log_len[None, :]
    similarity = np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator > 1e-12)
    np.fill_diagonal(similarity, 0.0)
    return similarity.astype(float)


def rank(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the k best scores; ties go to the earlier index."""
    order = np.lexsort((np.arange(len(scores)), -scores))
    return order[:k].tolist()
