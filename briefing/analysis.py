"""Article -> sentences and token views: the segmenter's output cut into what the rankers need."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Article
from .segment import Segmenter, stopwords
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
