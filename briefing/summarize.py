"""Per-article analysis: sentences and tokens in, keywords, keyphrases and key sentences out."""
from __future__ import annotations

import numpy as np

from . import textrank
from .analysis import Analysed, analyse_text
from .models import Article, ArticleSummary, Keyword, Options
from .segment import Segmenter, get_segmenter
from .text import token_view


def rank_keywords(analysed: Analysed, k: int, window: int = 2) -> list[Keyword]:
    """TextRank keywords: PageRank over the co-occurrence graph of candidate words."""
    vocabulary: dict[str, int] = {}
    for words in analysed.candidates:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    if not vocabulary:
        return []
    edge_tokens = [[w if w in vocabulary else "" for w in words] for words in analysed.tokens]
    scores = textrank.pagerank(textrank.cooccurrence_graph(edge_tokens, vocabulary, window))
    words = list(vocabulary)
    return [Keyword(words[i], round(float(scores[i]), 6)) for i in textrank.rank(scores, k)]


def keyphrases(analysed: Analysed, keywords: list[Keyword], text: str, top: int = 12) -> list[str]:
    """Runs of adjacent top keywords that occur at least twice in the text (textrank4zh's idea)."""
    best = {k.word for k in keywords[:top]}
    phrases: list[str] = []
    for words in analysed.tokens:
        run: list[str] = []
        for word in [*words, ""]:
            if word in best:
                run.append(word)
                continue
            phrase = "".join(run)
            if len(run) > 1 and phrase not in phrases and token_view(text).count(phrase) >= 2:
                phrases.append(phrase)
            run = []
    return phrases


def rank_sentences(analysed: Analysed) -> np.ndarray:
    """TextRank centrality of each sentence."""
    return textrank.pagerank(textrank.sentence_graph(analysed.tokens))


def select(scores: np.ndarray, sentences: tuple[str, ...], n: int, max_chars: int | None = None) -> list[str]:
    """The n best sentences within a character budget, in document order; ties to the earlier one."""
    chosen: list[int] = []
    used = 0
    for i in textrank.rank(scores, len(scores)):
        if len(chosen) == n:
            break
        if max_chars is not None and chosen and used + len(sentences[i]) > max_chars:
            continue
        chosen.append(i)
        used += len(sentences[i])
    return [sentences[i] for i in sorted(chosen)]


def summarize_article(article: Article, options: Options = Options(),
                      segmenter: Segmenter | None = None) -> ArticleSummary:
    """Keywords, keyphrases and key sentences of one article."""
    from .entities import extract_entities

    segmenter = segmenter or get_segmenter(options.backend, options.user_dict)
    analysed = analyse_text(article, segmenter, options.extra_stopwords)
    keywords = rank_keywords(analysed, options.keywords, options.window)
    summary = select(rank_sentences(analysed), analysed.sentences, options.sentences, options.max_chars)
    return ArticleSummary(
        article=article,
        keywords=tuple(keywords),
        keyphrases=tuple(keyphrases(analysed, keywords, article.text)),
        summary=tuple(summary),
        entities=extract_entities(analysed.segments),
    )
