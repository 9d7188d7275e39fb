"""TextRank maths: properties PageRank must have, degenerate graphs by name, textrank4zh's formulas."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from briefing.analyze import textrank
from briefing.analyze.textrank import Edges, cooccurrence_graph, pagerank, rank, sentence_graph


def graphs(max_n: int = 12):
    """Non-negative square weight matrices, with many zeros (dangling and isolated nodes)."""
    return st.integers(0, max_n).flatmap(lambda n: arrays(
        np.float64, (n, n), elements=st.one_of(st.just(0.0), st.floats(0.0, 5.0))))


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_scores_are_non_negative_and_sum_to_one(weights):
    scores = pagerank(weights)
    assert scores.shape == (len(weights),)
    assert (scores >= 0).all()
    if len(weights):
        assert math.isclose(scores.sum(), 1.0, rel_tol=1e-9)


@settings(max_examples=200, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_node_order(weights, random):
    permutation = list(range(len(weights)))
    random.shuffle(permutation)
    permuted = weights[np.ix_(permutation, permutation)]
    assert np.allclose(pagerank(permuted), pagerank(weights)[permutation], atol=1e-6)


@settings(max_examples=100, deadline=None)
@given(graphs())
def test_sparse_and_dense_iteration_agree(weights):
    rows, cols = np.nonzero(weights)
    edges = Edges(len(weights), rows, cols, weights[rows, cols])
    assert np.allclose(edges.dense(), weights)
    dense = pagerank(weights, tol=1e-12, max_iter=1000)
    old = textrank.DENSE_MAX
    try:
        textrank.DENSE_MAX = -1  # force the edge-list iteration
        assert np.allclose(pagerank(edges, tol=1e-12, max_iter=1000), dense, atol=1e-9)
    finally:
        textrank.DENSE_MAX = old


def test_empty_graph():
    assert pagerank(np.zeros((0, 0))).shape == (0,)
    assert pagerank(Edges(0, np.zeros(0, int), np.zeros(0, int), np.zeros(0))).shape == (0,)
    assert rank(np.zeros(0), 3) == []


def test_single_node_with_and_without_a_self_loop():
    assert pagerank(np.zeros((1, 1))).tolist() == [1.0]
    assert pagerank(np.ones((1, 1))).tolist() == [1.0]


def test_graph_without_edges_is_uniform():
    assert np.allclose(pagerank(np.zeros((4, 4))), 0.25)


def test_disconnected_graphs():
    pair = np.array([[0, 1], [1, 0]], dtype=float)
    two_pairs = np.block([[pair, np.zeros((2, 2))], [np.zeros((2, 2)), pair]])
    assert np.allclose(pagerank(two_pairs), 0.25)
    star = np.zeros((5, 5))
    star[0, 1:] = star[1:, 0] = 1.0
    with_isolated = np.zeros((6, 6))
    with_isolated[:5, :5] = star
    scores = pagerank(with_isolated)
    assert scores[0] > scores[1] > scores[5] > 0
    assert math.isclose(scores.sum(), 1.0)


def test_personalization_is_a_teleport_vector():
    chain = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float)
    plain = pagerank(chain)
    assert plain[0] == pytest.approx(plain[2])
    biased = pagerank(chain, personalization=np.array([1.0, 0.0, 0.0]))
    assert biased[0] > biased[2]
    assert np.allclose(pagerank(chain, personalization=np.zeros(3)), plain)  # all-zero: uniform


def test_matches_networkx_pagerank():
    nx = pytest.importorskip("networkx")
    rng = np.random.default_rng(7)
    for n in (3, 20, 70, 150):
        weights = rng.random((n, n)) * (rng.random((n, n)) < 0.1)
        graph = nx.from_numpy_array(weights, create_using=nx.DiGraph)
        expected = nx.pagerank(graph, alpha=0.85, tol=1e-12, max_iter=1000)
        assert np.allclose(pagerank(weights, tol=1e-12, max_iter=1000), [expected[i] for i in range(n)], atol=1e-9)


def test_ranking_ties_go_to_the_earlier_index():
    assert rank(np.array([0.2, 0.5, 0.5, 0.2]), 4) == [1, 2, 0, 3]
    assert rank(np.array([0.1, 0.3]), 5) == [1, 0]  # k greater than n


def test_keyword_ties_go_to_the_earlier_word():
    sentences = [["乙", "甲"], ["丙", "丁"]]  # two symmetric edges: all four words tie
    vocabulary = {"乙": 0, "甲": 1, "丙": 2, "丁": 3}
    scores = pagerank(cooccurrence_graph(sentences, vocabulary))
    assert [list(vocabulary)[i] for i in rank(scores, 4)] == ["乙", "甲", "丙", "丁"]


def test_cooccurrence_window_and_sentence_ends():
    vocabulary = {w: i for i, w in enumerate("abcd")}
    graph = cooccurrence_graph([["a", "x", "b"], ["c", "d"]], vocabulary, window=2)
    assert graph[0, 1] == 0 and graph[2, 3] == graph[3, 2] == 1  # "x" is between a and b
    assert cooccurrence_graph([["a", "x", "b"]], vocabulary, window=3)[0, 1] == 1
    assert cooccurrence_graph([["b"], ["c"]], vocabulary)[1, 2] == 0  # windows stop at a sentence end
    assert cooccurrence_graph([["a", "a"]], vocabulary).sum() == 0  # no self-loops
    assert cooccurrence_graph([], {}).shape == (0, 0)


def textrank4zh_similarity(a: list[str], b: list[str]) -> float:
    """textrank4zh.util.get_similarity, restated: distinct shared words over the sum of log lengths."""
    shared = len(set(a) & set(b))
    denominator = math.log(len(a)) + math.log(len(b)) if a and b else 0.0
    return shared / denominator if shared and abs(denominator) >= 1e-12 else 0.0


sentences_strategy = st.lists(st.lists(st.sampled_from("甲乙丙丁戊己庚辛"), max_size=6), max_size=12)


@settings(max_examples=200, deadline=None)
@given(sentences_strategy)
def test_sentence_graph_is_textrank4zhs_similarity(sentences):
    expected = np.array([[textrank4zh_similarity(a, b) for b in sentences] for a in sentences]).reshape(
        len(sentences), len(sentences))
    assert np.allclose(as_matrix(sentence_graph(sentences)), expected)
    only_self = as_matrix(sentence_graph(sentences, band=0))  # band 0: a sentence with itself only
    assert np.allclose(only_self, np.diag(np.diag(expected)))


def as_matrix(graph: textrank.Graph) -> np.ndarray:
    return graph.dense() if isinstance(graph, Edges) else graph


def test_long_texts_get_a_banded_sparse_sentence_graph():
    rng = np.random.default_rng(1)
    sentences = [[f"w{k}" for k in rng.integers(0, 300, 12)] for _ in range(3000)]
    graph = sentence_graph(sentences, band=100)
    assert isinstance(graph, Edges)
    assert np.abs(graph.rows - graph.cols).max() <= 100
    scores = pagerank(graph)
    assert math.isclose(scores.sum(), 1.0) and (scores > 0).all()


def test_banded_graph_equals_the_exact_one_within_the_band():
    rng = np.random.default_rng(2)
    sentences = [[f"w{k}" for k in rng.integers(0, 40, 8)] for _ in range(60)]
    exact = sentence_graph(sentences)
    banded = sentence_graph(sentences, band=10).dense()
    near = np.abs(np.subtract.outer(np.arange(60), np.arange(60))) <= 10
    assert np.allclose(banded[near], exact[near]) and (banded[~near] == 0).all()
