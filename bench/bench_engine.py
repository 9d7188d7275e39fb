"""Our engine against textrank4zh, jieba.analyse.textrank and Lead-3, in one run, as a Markdown table.

Usage: python bench/bench_engine.py [DATA.jsonl] [--limit N]
(default ../shared/eval/news_headlines.jsonl, every row; textrank4zh needs ~0.1 s an article)

Per-article time only: each engine's dictionary is loaded before the clock starts (see the
"load" column). Ours is the whole `summarize_article` (keywords, keyphrases, sentences and
entities); textrank4zh is keywords, keyphrases and sentences; jieba.analyse.textrank is keywords only.
"""
from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import load_rows, machine  # noqa: E402
from briefing.models import Article, Options  # noqa: E402


def ours() -> Callable[[Article], object]:
    """briefing's builtin engine with the rjieba segmenter."""
    from briefing.analyze.segment import get_segmenter
    from briefing.analyze.scoring import summarize_article

    segmenter = get_segmenter()
    return lambda article: summarize_article(article, Options(), segmenter)


def textrank4zh() -> Callable[[Article], object]:
    """The textrank4zh package, keywords (+ keyphrases) and key sentences, through our networkx-3 shim."""
    from briefing.analyze.tr4zh import load

    module = load()
    words, sentences = module.TextRank4Keyword(), module.TextRank4Sentence()
    words.analyze("预热。", lower=True)  # jieba's dictionary loads on the first cut

    def run(article: Article) -> object:
        words.analyze(article.text, window=2, lower=True)
        sentences.analyze(article.text, lower=True)
        return words.get_keywords(10, 2), words.get_keyphrases(12), sentences.get_key_sentences(3)

    return run


def jieba_textrank() -> Callable[[Article], object]:
    """jieba.analyse.textrank: keywords only (its own window-5 graph over jieba.posseg)."""
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    jieba.analyse.textrank("预热。")
    return lambda article: jieba.analyse.textrank(article.text, topK=10)


def lead3() -> Callable[[Article], object]:
    """The first three sentences: the floor any summarizer must beat on news."""
    from briefing.read.text import split_sentences

    return lambda article: split_sentences(article.text)[:3]


ENGINES = {"briefing (ours)": ours, "textrank4zh": textrank4zh, "jieba.analyse.textrank": jieba_textrank,
           "Lead-3": lead3}


def main() -> None:
    """Time every engine over the same articles and print the table."""
    args = sys.argv[1:]
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    path = next((a for a in args if not a.startswith("--") and not a.isdigit()), None)
    rows = load_rows(path, limit)
    articles = [Article(title=r.get("title") or "", paragraphs=tuple(p for p in r["text"].split("\n") if p.strip()),
                        id=r.get("id"), index=i) for i, r in enumerate(rows)]
    chars = sum(len(a.text) for a in articles)
    results = []
    for name, make in ENGINES.items():
        start = time.perf_counter()
        run = make()
        loaded = time.perf_counter()
        for article in articles:
            run(article)
        results.append((name, loaded - start, time.perf_counter() - loaded))
    ours_time = results[0][2]
    print(f"{len(articles)} articles, {chars:,} characters ({path or 'news_headlines.jsonl'}); {machine()}\n")
    print("| engine | chars/s | ms/article | time vs ours | load s |")
    print("|---|---:|---:|---:|---:|")
    for name, load, spent in results:
        print(f"| {name} | {chars / spent:,.0f} | {1000 * spent / len(articles):.2f} | "
              f"{spent / ours_time:.2f}x | {load:.2f} |")


if __name__ == "__main__":
    main()
