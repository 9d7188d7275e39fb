"""The original textrank4zh package as an optional engine and a test oracle, working on networkx 3.

textrank4zh 0.3 is unmaintained and calls `networkx.from_numpy_matrix`, removed in networkx 3.0
(its issue #38; the fix PRs were never merged). We add the alias before its code runs rather
than pin networkx < 3. It segments with jieba's global tokenizer, which we make quiet and point
at the user's cache directory (and at the user dictionary, if one is given).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from types import ModuleType

from ..errors import BriefingError
from ..models import Article, ArticleSummary, Keyword, Options
from ..read.text import strip_lead

INSTALL_FIX = "pip install 'briefing[textrank4zh]'"
#: textrank4zh's own default for `get_keyphrases`: phrases are built from its 12 best keywords.
KEYPHRASE_KEYWORDS = 12


def _patch_networkx() -> None:
    """networkx 3 renamed from_numpy_matrix to from_numpy_array (same graph for a 2-D array)."""
    import networkx

    if not hasattr(networkx, "from_numpy_matrix"):
        networkx.from_numpy_matrix = networkx.from_numpy_array


@lru_cache(maxsize=1)
def load() -> ModuleType:
    """The textrank4zh package, patched for networkx 3 and quiet; BriefingError with a fix if absent."""
    try:
        import jieba
        import networkx  # noqa: F401  (textrank4zh needs it; say so now, not mid-run)
        import scipy  # noqa: F401  (networkx 3's pagerank runs on scipy)
    except ImportError as error:
        raise BriefingError(f"the textrank4zh engine needs {error.name}; {INSTALL_FIX}") from None
    _patch_networkx()
    try:
        import textrank4zh
    except ImportError:
        raise BriefingError(f"the textrank4zh engine is not installed; {INSTALL_FIX}") from None
    from .segment import cache_dir

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = cache_dir()
    return textrank4zh


@lru_cache(maxsize=4)
def _engines(user_dict: str | None):
    """One keyword and one sentence ranker per process (each builds its stop-word set)."""
    textrank4zh = load()
    if user_dict:
        import jieba

        from .segment import read_user_dict

        for word, freq, tag in read_user_dict(user_dict):
            jieba.add_word(word, freq, tag)
    return textrank4zh.TextRank4Keyword(), textrank4zh.TextRank4Sentence()


def summarize_article_tr4zh(article: Article, options: Options = Options()) -> ArticleSummary:
    """Keywords, keyphrases and key sentences by textrank4zh; entities by our own extractor."""
    from .analysis import analyse_text
    from .entities import extract_entities
    from .segment import get_segmenter

    words, sentences = _engines(options.user_dict)
    text = article.text
    words.analyze(text, window=options.window, lower=True)
    keywords = [Keyword(item.word, round(float(item.weight), 6))
                for item in words.get_keywords(options.keywords, word_min_len=2)]
    sentences.analyze(text, lower=True)
    best = sorted(sentences.get_key_sentences(options.sentences), key=lambda item: item.index)
    analysed = analyse_text(article, get_segmenter(options.backend, options.user_dict), options.extra_stopwords)
    return ArticleSummary(
        article=article,
        keywords=tuple(keywords),
        # textrank4zh returns a set's order; sort by first occurrence so output is reproducible
        keyphrases=tuple(sorted(words.get_keyphrases(KEYPHRASE_KEYWORDS), key=lambda p: (text.find(p), p))),
        summary=tuple(strip_lead(item.sentence) for item in best),
        entities=extract_entities(analysed.segments),
    )
