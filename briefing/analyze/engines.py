"""The one analysis path: an engine registry and `analyse`, which every caller goes through.

The library (`summarize`, `summarize_article`), the process pool, the commands and `eval` all
analyse an article with `analyse(article, options)`; the engine is a registry entry, not a
string compared where it is used.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Article, ArticleSummary, Options

Analyser = Callable[[Article, Options], ArticleSummary]


@dataclass(frozen=True)
class Engine:
    """A ranking engine: how to analyse one article, and what to load (and check) before the first."""

    analyse: Analyser
    prepare: Callable[[Options], None]


def _builtin(article: Article, options: Options) -> ArticleSummary:
    from .scoring import summarize_article

    return summarize_article(article, options)


def _prepare_builtin(options: Options) -> None:
    """Load the segmenter (and the user dictionary, failing on a bad one) before any article."""
    from .segment import get_segmenter

    get_segmenter(options.backend, options.user_dict)


def _textrank4zh(article: Article, options: Options) -> ArticleSummary:
    from .tr4zh import summarize_article_tr4zh

    return summarize_article_tr4zh(article, options)


def _prepare_textrank4zh(options: Options) -> None:
    """Import textrank4zh (BriefingError with the install command when it is missing)."""
    from .tr4zh import load

    load()
    _prepare_builtin(options)  # its entities come from our extractor


ENGINES: dict[str, Engine] = {
    "builtin": Engine(_builtin, _prepare_builtin),
    "textrank4zh": Engine(_textrank4zh, _prepare_textrank4zh),
}


def prepare(options: Options) -> None:
    """Load what the options' engine needs; raises a named error (missing package, bad user dictionary)."""
    if options.user_dict:
        from .segment import read_user_dict

        read_user_dict(options.user_dict)
    ENGINES[options.engine].prepare(options)


def analyse(article: Article, options: Options = Options()) -> ArticleSummary:
    """Keywords, keyphrases, key sentences and entities of one article, by the options' engine."""
    return ENGINES[options.engine].analyse(article, options)
