"""textrank4zh as an oracle: with its own segmentation fed to our ranker, the results agree."""
from __future__ import annotations

import subprocess
import sys

import pytest

from briefing.analyze import textrank
from briefing.api import read_articles
from briefing.models import Options

from .helpers import SEEDS, real_page

textrank4zh = pytest.importorskip("textrank4zh", reason="the oracle needs `pip install 'briefing[textrank4zh]'`")
from briefing.analyze.tr4zh import load, summarize_article_tr4zh  # noqa: E402


def textrank_keywords(candidates: list[list[str]], tokens: list[list[str]], k: int) -> set[str]:
    """Plain TextRank keywords by our engine (scoring.rank_keywords blends in IDF and titles)."""
    vocabulary: dict[str, int] = {}
    for words in candidates:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    scores = textrank.pagerank(textrank.cooccurrence_graph(tokens, vocabulary, window=2))
    words = list(vocabulary)
    return {words[i] for i in textrank.rank(scores, k)}


def same_segmentation_results(text: str) -> tuple[int, bool]:
    """(shared top-10 keywords, same top sentence) of textrank4zh and our engine on textrank4zh's words."""
    module = load()
    words, sentences = module.TextRank4Keyword(), module.TextRank4Sentence()
    words.analyze(text, window=2, lower=True)
    theirs = {item.word for item in words.get_keywords(10, word_min_len=1)}
    ours = textrank_keywords(words.words_all_filters, words.words_no_stop_words, 10)
    sentences.analyze(text, lower=True)
    top = int(textrank.pagerank(textrank.sentence_graph(sentences.words_no_stop_words)).argmax())
    return len(theirs & ours), top == sentences.key_sentences[0].index


def articles_of(path):
    return [a for a in read_articles(str(path)) if len(a.text) > 100]


def test_parity_on_the_real_page():
    articles = articles_of(real_page())
    assert len(articles) == 6
    for article in articles:
        shared, same_top = same_segmentation_results(article.text)
        assert shared >= 8, article.title
        assert same_top, article.title


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_parity_on_the_repo_seeds(name):
    for article in articles_of(SEEDS / name):
        shared, same_top = same_segmentation_results(article.text)
        assert shared >= 8, article.title
        assert same_top, article.title


def test_adapter_summary_is_in_document_order_without_lead():
    article = articles_of(SEEDS / "2024-05-13.txt")[0]
    summary = summarize_article_tr4zh(article, Options(sentences=3))
    assert 1 <= len(summary.summary) <= 3
    positions = [article.text.find(s) for s in summary.summary]
    assert -1 not in positions and positions == sorted(positions)
    assert not any(s.startswith("本报讯") for s in summary.summary)
    assert len(summary.keywords) == 10 and all(len(k.word) >= 2 for k in summary.keywords)
    assert summary.entities.people


def test_engine_from_the_cli_is_quiet(tmp_path):
    """No jieba log lines on stderr, and it runs on networkx 3."""
    result = subprocess.run([sys.executable, "-m", "briefing", "summarize", str(SEEDS / "2024-05-13.txt"),
                             "--engine", "textrank4zh", "-f", "jsonl"],
                            capture_output=True, text=True, env={"HOME": str(tmp_path), "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.count("\n") >= 3


def test_load_says_how_to_install(monkeypatch):
    load.cache_clear()
    monkeypatch.setitem(sys.modules, "textrank4zh", None)  # as if not installed
    with pytest.raises(Exception, match=r"pip install 'briefing\[textrank4zh\]'"):
        load()
    load.cache_clear()
