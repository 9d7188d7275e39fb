"""Summarize a stream of articles, in order, on one or more processes, in bounded memory."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from .errors import BriefingError
from .models import Article, ArticleSummary, Options

_options: Options = Options()
BATCH_PER_WORKER = 32


class AnalysisError(BriefingError):
    """An article that made the analysis fail; the others go on."""


def summarize_one(article: Article) -> ArticleSummary | AnalysisError:
    """Summarize one article with the process-wide options; failures become values, not crashes."""
    from .summarize import summarize_article

    try:
        if _options.engine == "textrank4zh":
            from .tr4zh import summarize_article_tr4zh
            return summarize_article_tr4zh(article, _options)
        return summarize_article(article, _options)
    except BriefingError as error:
        return AnalysisError(str(error))
    except Exception as error:  # keep going: one odd article must not stop a batch of thousands
        where = f"{article.source} article {article.index + 1}" + (f" (id {article.id})" if article.id else "")
        return AnalysisError(f"{where}: analysis failed ({type(error).__name__}: {error}); please report this")


def _init(options: Options) -> None:
    global _options
    _options = options


def summarize_stream(articles: Iterable[Article], options: Options,
                     workers: int = 1) -> Iterator[ArticleSummary | AnalysisError]:
    """Results in input order; with workers > 1, batches go to a process pool."""
    _init(options)
    if workers <= 1:
        yield from map(summarize_one, articles)
        return
    import multiprocessing

    iterator = iter(articles)
    with multiprocessing.get_context("spawn").Pool(workers, initializer=_init, initargs=(options,)) as pool:
        while batch := list(itertools.islice(iterator, workers * BATCH_PER_WORKER)):
            yield from pool.map(summarize_one, batch, chunksize=8)
