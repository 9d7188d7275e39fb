"""Per-article analysis: sentences and tokens in, keywords, keyphrases and key sentences out."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from . import textrank
from .models import Article, ArticleSummary, Keyword, Options
from .segment import Segmenter, get_segmenter, stopwords
from .text import sentence_spans, strip_lead, strip_subheading, token_view

#: POS tags that may become keywords: nouns, names, places, organisations, verbs, idioms.
KEYWORD_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "v", "j", "l", "i", "an", "eng"})
_WORD_RE = re.compile(r"[\w\u4e00-\u9fff]")
_NUMBER_RE = re.compile(r"^[\d.,%％·]+|[\d０-９]")


Tagged = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Analysed:
    """An article's sentences with their token views: the input of the rankers."""

    sentences: tuple[str, ...]  # display text, lead markers and run-in sub-headings removed
    tokens: tuple[tuple[str, ...], ...]  # words without stop words or punctuation (token view)
    candidates: tuple[tuple[str, ...], ...]  # words that may become keywords
    segments: tuple[tuple[str, Tagged], ...]  # (title or paragraph, its tagged words): for entities


def analyse_text(article: Article, segmenter: Segmenter, extra_stopwords: frozenset[str] = frozenset()) -> Analysed:
    """Segment each paragraph once, then cut the tagged words into sentences."""
    stop = stopwords() | extra_stopwords
    sentences, tokens, candidates, segments = [], [], [], []
    for heading in filter(None, (article.title, article.subtitle)):
        segments.append((heading, tuple(segmenter.tag(heading))))
    for paragraph in article.paragraphs:
        tagged = tuple(segmenter.tag(paragraph))
        segments.append((paragraph, tagged))
        for display, words in _sentences_of(paragraph, tagged):
            words = [(token_view(w), f) for w, f in words if _WORD_RE.search(w)]
            words = [(w, f) for w, f in words if w not in stop]
            sentences.append(display)
            tokens.append(tuple(w for w, _ in words))
            candidates.append(tuple(w for w, f in words if _is_candidate(w, f)))
    return Analysed(tuple(sentences), tuple(tokens), tuple(candidates), tuple(segments))


def _sentences_of(paragraph: str, tagged: Tagged):
    """(display sentence, its tagged words) for each sentence of a paragraph that has words."""
    starts, position = [], 0
    for word, _ in tagged:
        starts.append(position)
        position += len(word)
    for start, end in sentence_spans(paragraph):
        raw = paragraph[start:end]
        display = strip_subheading(strip_lead(raw))
        if not _WORD_RE.search(display):
            continue
        begin = start + raw.rindex(display)
        yield display, [tagged[i] for i, at in enumerate(starts) if begin <= at < end]


def _is_candidate(word: str, flag: str) -> bool:
    return len(word) >= 2 and flag in KEYWORD_TAGS and not _NUMBER_RE.search(word)


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
