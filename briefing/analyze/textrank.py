"""TextRank as pure functions over token lists: PageRank, word graphs and sentence graphs.

Knows nothing of jieba, files or click. The graphs follow textrank4zh (window-2 word
co-occurrence; sentence similarity = shared words / (log|a| + log|b|), self-loops included)
so that its results serve as a test oracle, but are built with numpy instead of Python loops
over pairs, and kept sparse so that long texts stay near-linear in time and memory.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, count, repeat

import numpy as np

DAMPING = 0.85
#: Graphs up to this many nodes are iterated as a dense matrix (8 MB at most), larger ones sparse.
DENSE_MAX = 1000
#: Up to this many nodes one dense step is the 8th power of the Google matrix: a ~60-step
#: iteration (typical of 10–30-sentence news graphs) takes 8 numpy calls instead of 60.
POWER_MAX = 64
#: Sentences further apart than this are not linked once an article has more than
#: 2 * SENTENCE_BAND sentences (~40,000 characters of news; 20,000 gave 422 sentences): exact
#: textrank4zh below that, linear time and memory above it instead of an n x n matrix.
SENTENCE_BAND = 400
#: Sentence graphs whose sentence x word incidence has at most this many cells (a news article
#: has ~10k) are built with one matrix product; larger ones from word posting lists.
DENSE_INCIDENCE_MAX = 100_000


@dataclass(frozen=True)
class Edges:
    """A sparse weighted directed graph: edge k goes rows[k] -> cols[k] with weights[k]."""

    n: int
    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray

    def dense(self) -> np.ndarray:
        """The same graph as an n x n matrix (weights of repeated edges add up)."""
        matrix = np.zeros((self.n, self.n))
        np.add.at(matrix, (self.rows, self.cols), self.weights)
        return matrix


Graph = np.ndarray | Edges


def pagerank(graph: Graph, damping: float = DAMPING, personalization: np.ndarray | None = None,
             tol: float = 1.0e-6, max_iter: int = 100) -> np.ndarray:
    """PageRank of a weighted graph (square non-negative matrix or Edges); scores sum to 1.

    Power iteration from the uniform vector, stopped as networkx stops (L1 change < n * tol).
    Dangling nodes (no outgoing weight) jump by the personalization vector, as in networkx,
    so that empty rows neither leak rank nor make the result depend on node order.
    """
    n = graph.n if isinstance(graph, Edges) else graph.shape[0]
    if n == 0:
        return np.zeros(0)
    p = _teleport(n, personalization)
    if isinstance(graph, Edges) and n <= DENSE_MAX:
        graph = graph.dense()
    step, per_step = _dense_step(graph, damping, p) if isinstance(graph, np.ndarray) \
        else (_sparse_step(graph, damping, p), 1)
    x = np.full(n, 1.0 / n)
    for _ in range(0, max_iter, per_step):
        previous, x = x, step(x)
        if np.abs(x - previous).sum() < n * tol:
            break
    return x / x.sum()


def _teleport(n: int, personalization: np.ndarray | None) -> np.ndarray:
    if personalization is None:
        return np.full(n, 1.0 / n)
    p = np.clip(np.asarray(personalization, dtype=float), 0.0, None)
    total = p.sum()
    return p / total if total > 0 else np.full(n, 1.0 / n)


def _dense_step(weights: np.ndarray, damping: float, p: np.ndarray):
    """x -> x G^k with the Google matrix G (precomputed G^8 for small graphs), and k."""
    out = weights.sum(axis=1)
    if out.all():  # no dangling node (the usual case): a plain division, the same doubles in fewer calls
        google = weights / out[:, None]
    else:
        dangling = out == 0
        google = np.divide(weights, out[:, None], out=np.zeros(weights.shape), where=~dangling[:, None])
        google[dangling] = p
    google *= damping  # in place: the same doubles as damping * google + (1 - damping) * p, without temporaries
    google += (1.0 - damping) * p
    if len(google) <= POWER_MAX:
        for _ in range(3):
            google = google @ google
        return (lambda x: x @ google), 8
    # four products between convergence checks: the check costs more numpy calls than a product
    return (lambda x: x @ google @ google @ google @ google), 4


def _sparse_step(graph: Edges, damping: float, p: np.ndarray):
    """x -> one PageRank step over an edge list, without an n x n matrix."""
    out = np.bincount(graph.rows, weights=graph.weights, minlength=graph.n)
    dangling = out == 0
    share = graph.weights / out[graph.rows]

    def step(x: np.ndarray) -> np.ndarray:
        flow = np.bincount(graph.cols, weights=x[graph.rows] * share, minlength=graph.n)
        return damping * (flow + x[dangling].sum() * p) + (1.0 - damping) * p

    return step


def cooccurrence_graph(sentences: Sequence[Sequence[str]], vocabulary: dict[str, int],
                       window: int = 2) -> Graph:
    """Undirected 0/1 edges between vocabulary words that occur within `window` tokens of each other.

    Tokens outside the vocabulary still count for distance (textrank4zh's edge source), and an
    edge is set once however often the pair occurs, as textrank4zh does. Windows never cross
    a sentence end: each sentence is followed by window - 1 gap markers. A matrix when small.
    """
    flat = list(chain.from_iterable(sentences))
    ids = np.fromiter(map(vocabulary.get, flat, repeat(-1)), np.int64, len(flat))
    return cooccurrence_graph_ids(ids, np.fromiter(map(len, sentences), np.int64, len(sentences)),
                                  len(vocabulary), window)


def cooccurrence_graph_ids(ids: np.ndarray, lengths: np.ndarray, n: int, window: int = 2) -> Graph:
    """cooccurrence_graph of the sentences' tokens given end to end as node ids (-1: not a node), with
    each sentence's token count."""
    window = max(window, 2)  # textrank4zh's `combine` treats a smaller window as 2
    sentence = np.repeat(np.arange(len(lengths)), lengths)  # windows never cross a sentence end
    a_parts, b_parts = [], []
    for offset in range(1, window):
        a, b = ids[:-offset], ids[offset:]
        keep = (a >= 0) & (b >= 0) & (a != b) & (sentence[:-offset] == sentence[offset:])
        a_parts.append(a[keep])
        b_parts.append(b[keep])
    a, b = np.concatenate(a_parts), np.concatenate(b_parts)
    if n <= DENSE_MAX:
        graph = np.zeros((n, n))
        graph[a, b] = graph[b, a] = 1.0
        return graph
    keys = distinct(np.concatenate([a * n + b, b * n + a]))
    return Edges(n, keys // n, keys % n, np.ones(len(keys)))


def sentence_graph(sentences: Sequence[Sequence[str]], band: int = SENTENCE_BAND) -> Graph:
    """textrank4zh's sentence similarity, from a sentence-word incidence list; a matrix when small.

    similarity(a, b) = |distinct words shared| / (log len(a) + log len(b)), for every pair
    including a sentence with itself (textrank4zh's loop starts at y = x). With more than
    2 * band sentences, only sentences at most `band` apart are compared.
    """
    flat = list(chain.from_iterable(sentences))
    index = dict(zip(dict.fromkeys(flat), count()))  # word -> id in order of first use
    word = np.fromiter(map(index.__getitem__, flat), np.int64, len(flat))
    lengths = np.fromiter(map(len, sentences), np.int64, len(sentences))
    return sentence_graph_ids(word, lengths, len(index), band)


def sentence_graph_ids(word: np.ndarray, lengths: np.ndarray, n_words: int, band: int = SENTENCE_BAND) -> Graph:
    """sentence_graph of the sentences' words given end to end as ids below n_words, with each sentence's word count."""
    n = len(lengths)
    row = np.repeat(np.arange(n, dtype=np.int64), lengths)
    log_len = np.log(np.maximum(lengths, 1))
    if n <= 2 * band and n * n_words <= DENSE_INCIDENCE_MAX:
        incidence = np.zeros((n, n_words))
        incidence[row, word] = 1.0  # a repeated word is set once: textrank4zh counts distinct words
        shared, denominator = incidence @ incidence.T, log_len[:, None] + log_len[None, :]
        return np.divide(shared, denominator, out=np.zeros((n, n)), where=np.abs(denominator) >= 1e-12)
    keys = distinct(word * n + row)  # distinct (word, sentence), sorted by word, then sentence
    band = _affordable_band(keys // n, band if n > 2 * band else n)
    a, b = _pairs_sharing_a_word(keys // n, keys % n, band)
    keys, shared = np.unique(a * n + b, return_counts=True)
    a, b = keys // n, keys % n
    denominator = log_len[a] + log_len[b]
    similarity = np.divide(shared, denominator, out=np.zeros(len(keys)), where=np.abs(denominator) >= 1e-12)
    keep = similarity > 0
    return Edges(n, a[keep], b[keep], similarity[keep])


#: Sentence pairs a graph may hold: 4M pairs are ~200 MB of index arrays while they are built.
#: A text whose words recur in every sentence (12,000 lines of 第N条短讯) would reach billions.
PAIR_BUDGET = 4_000_000


def _affordable_band(word: np.ndarray, band: int) -> int:
    """The band, narrowed so that the pairs of sentences sharing a word stay within PAIR_BUDGET."""
    occurrences = np.bincount(word)
    pairs = float(np.sum(occurrences * np.minimum(occurrences, 2 * band)))
    if pairs <= PAIR_BUDGET:
        return band
    return max(1, int(band * PAIR_BUDGET / pairs))


def _pairs_sharing_a_word(word: np.ndarray, row: np.ndarray, band: int) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) for every word two sentences at most `band` apart share, both ways and a == b.

    Entries are sorted by word, then sentence: partners of an entry follow it at offsets 1, 2, …
    as long as the word is the same, so the loop runs as often as a word's densest stretch.
    """
    a_parts, b_parts = [row], [row]
    for offset in range(1, len(word)):
        same = (word[offset:] == word[:-offset]) & (row[offset:] - row[:-offset] <= band)
        if not same.any():
            break
        first, second = row[:-offset][same], row[offset:][same]
        a_parts += [first, second]
        b_parts += [second, first]
    return np.concatenate(a_parts), np.concatenate(b_parts)


def distinct(values: np.ndarray) -> np.ndarray:
    """np.unique of a 1-d integer array: its values sorted, each once. np.unique costs more calls, and
    its first call imports numpy.ma (14 ms of a cold start)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def rank(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the k best scores; ties go to the earlier index.

    Scores equal to 12 decimals tie: PageRank of symmetric nodes differs in the last bits only
    by the order of floating-point sums, which must not decide between two words.
    """
    order = np.lexsort((np.arange(len(scores)), -np.round(scores, 12)))
    return order[:k].tolist()
