"""The C kernels (briefing/analyze/_speedups.c) return exactly what their Python definitions return."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analyze import kernels
from briefing.api import summarize

from .helpers import SEEDS

compiled = pytest.mark.skipif(not kernels.COMPILED, reason="briefing.analyze._speedups was not built (no C compiler at "
                              "install time): the Python versions run, and are tested elsewhere")

# letters, digits (also CJK and Roman numerals), punctuation, an underscore, a combining mark, an astral
# ideograph and a lone surrogate: str.isalnum is true for some and false for others
CHARS = "青溪区园区产业ab12_，。 \u00b2\u2163\u3007\u0301·-𠀀\ud800"


@compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=CHARS, max_size=14), max_size=7))
def test_recurrence_in_c_is_the_python_definition(sentences):
    expected = kernels.recurrence_py(sentences)
    assert kernels.recurrence(sentences) == expected
    assert kernels.recurrence(tuple(sentences)) == expected


@compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), max_size=12).map(tuple), max_size=5),
       st.lists(st.integers(0, 7), min_size=6, max_size=6).map(bytes), st.integers(2, 4), st.integers(1, 3))
def test_count_runs_in_c_is_the_python_definition_in_the_same_order(segments, roles, max_size, min_count):
    expected = kernels.count_runs_py(segments, max_size, min_count, roles)
    assert kernels.count_runs(segments, max_size, min_count, roles) == expected
    assert kernels.count_runs(segments, max_size, min_count, bytearray(roles)) == expected


def test_count_runs_keeps_runs_by_role_and_count():
    first, inside, last = kernels.FIRST, kernels.INSIDE, kernels.LAST
    roles = bytes([first | inside | last, inside | last, first, 0])  # 0 may stand anywhere, 3 nowhere
    segments = [(0, 1, 0, 1, 2), (0, 1, 3, 0, 1), (2, 0, 2, 0)]
    for count_runs in {kernels.count_runs, kernels.count_runs_py}:
        runs = dict(count_runs(segments, 3, 2, roles))
        assert runs[(0, 1)] == 4 and runs[(2, 0)] == 2
        assert (1, 0) not in runs  # 1 may not start a run
        assert (0, 2) not in runs  # 2 may not end one
        assert (1, 3) not in runs and (3, 0) not in runs  # 3 stands nowhere
        assert all(count >= 2 for count in runs.values())
        assert list(runs) == [(0, 1), (2, 0)]  # the order a Counter first saw them


@compiled
def test_bad_input_to_the_kernels_raises_instead_of_crashing():
    with pytest.raises(IndexError):
        kernels.count_runs([(0, 9)], 3, 2, b"\x07")
    with pytest.raises(TypeError):
        kernels.count_runs([[0, 1]], 3, 2, b"\x07\x07")
    with pytest.raises(ValueError):
        kernels.count_runs([(0, 1)], 9, 2, b"\x07\x07")
    with pytest.raises(TypeError):
        kernels.recurrence(["青溪", 3])


@compiled
def test_summaries_of_the_seed_pages_do_not_depend_on_the_kernels(monkeypatch):
    texts = [path.read_bytes().decode("utf-8", "replace") for path in sorted(SEEDS.glob("*.txt"))]
    with_c = [summarize(text) for text in texts]
    monkeypatch.setattr(kernels, "count_runs", kernels.count_runs_py)
    monkeypatch.setattr(kernels, "recurrence", kernels.recurrence_py)
    assert [summarize(text) for text in texts] == with_c
    assert any(len(k.word) > 4 for page in with_c for s in page for k in s.keywords)  # keyphrases (runs) were found


def test_recurrence_of_sentences_that_share_words():
    sentences = ["星禾产业园开工", "星禾产业园签约", "今天下雨", "。。"]
    for recurrence in {kernels.recurrence, kernels.recurrence_py}:
        shares = np.array(recurrence(sentences))
        assert shares[0] == shares[1] == pytest.approx(4 / 6)  # 星禾 禾产 产业 业园 of six
        assert shares[2] == 0.0 and shares[3] == 0.0


@compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="中国园区a\x00𠀀", max_size=5), min_size=1, max_size=30, unique=True),
       st.lists(st.text(alphabet="中国园区a\x00𠀀", max_size=7), max_size=12))
def test_sorted_search_in_c_is_the_numpy_search(table_words, words):
    words_array = np.sort(np.array(table_words))
    values = np.arange(len(words_array), dtype=float) / 7
    width = words_array.dtype.itemsize // 4
    expected = kernels.sorted_search_py(words, words_array, width, values, -1.0)
    assert kernels.sorted_search(words, words_array, width, values, -1.0) == expected


def test_idf_search_finds_words_of_every_length_and_script():
    from briefing.analyze.idf import IdfTable

    table = IdfTable.from_dict({"中国": 3.0, "园区": 7.25, "𠀀字": 5.0, "长" * 9: 9.0, "a": 1.0})
    words = ["中国", "园区", "𠀀字", "长" * 9, "长" * 10, "长" * 8, "a", "b", "", "中", "中国园区"]
    expected = [3.0, 7.25, 5.0, 9.0, None, None, 1.0, None, None, None, None]
    median = table.median
    for search in {kernels.sorted_search, kernels.sorted_search_py}:
        found = search(words, table.words, table.words.dtype.itemsize // 4, table.values, median)
        assert found == [median if e is None else e for e in expected]
