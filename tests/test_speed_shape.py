"""The shape of the cost, not its seconds: what is imported, how big graphs get, how far input is read ahead."""
from __future__ import annotations

import subprocess
import sys

import numpy as np

from briefing import parallel, textrank
from briefing.models import Article, ArticleSummary, Options

from .helpers import SEEDS


def test_summarize_imports_only_what_it_needs():
    code = ("import sys, runpy; sys.argv = ['briefing', 'summarize', sys.argv[1], '-f', 'jsonl'];\n"
            "try: runpy.run_module('briefing', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in ('jieba', 'networkx', 'scipy', 'textrank4zh', 'docx', 'pandas') if m in sys.modules),"
            " file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, str(SEEDS / "2024-05-13.txt")],
                            capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_long_texts_give_graphs_linear_in_their_length():
    rng = np.random.default_rng(3)
    for n in (2_000, 8_000):
        sentences = [[f"w{k}" for k in rng.integers(0, 2_000, 15)] for _ in range(n)]
        graph = textrank.sentence_graph(sentences)
        assert isinstance(graph, textrank.Edges)
        assert len(graph.rows) <= n * (2 * textrank.SENTENCE_BAND + 1)
        vocabulary = {f"w{k}": k for k in range(2_000)}
        words = textrank.cooccurrence_graph(sentences, vocabulary)
        assert isinstance(words, textrank.Edges) and len(words.rows) <= 2 * 14 * n


def _articles(count: int, pulled: list[int]):
    for i in range(count):
        pulled.append(i)
        yield Article(title=f"标题{i}", paragraphs=("本报讯 青溪区召开会议，部署项目建设工作。会议强调要抓好落实。",), index=i)


def test_one_worker_reads_one_article_ahead_at_most():
    pulled: list[int] = []
    stream = parallel.summarize_stream(_articles(50, pulled), Options(), workers=1)
    first = next(stream)
    assert isinstance(first, ArticleSummary) and len(pulled) == 1


def test_workers_keep_order_and_read_at_most_two_batches_ahead():
    pulled: list[int] = []
    stream = parallel.summarize_stream(_articles(300, pulled), Options(), workers=2)
    first = next(stream)
    assert first.article.index == 0
    assert len(pulled) <= 2 * 2 * parallel.BATCH_PER_WORKER
    rest = list(stream)
    assert [s.article.index for s in [first, *rest]] == list(range(300))


def test_workers_give_the_same_output_as_one_process():
    def run(*extra):
        command = [sys.executable, "-m", "briefing", "summarize", str(SEEDS), "-f", "jsonl", *extra]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    assert run("--workers", "2") == run()
