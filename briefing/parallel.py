"""Summarize a stream of articles, in order, on one or more processes, in bounded memory."""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator

from .errors import BriefingError
from .models import Article, ArticleSummary, Options

_options: Options = Options()
BATCH_PER_WORKER = 32
#: Articles a worker takes at a time: large enough to amortise pickling, small enough to balance.
CHUNK = 8


class AnalysisError(BriefingError):
    """An article that made the analysis fail; the others go on."""


def summarize_one(article: Article) -> ArticleSummary | AnalysisError:
    """Summarize one article with the process-wide options; failures become values, not crashes."""
    from .scoring import summarize_article

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


def _init_worker(options: Options) -> None:
    """Set the options and load the dictionary while the parent is still reading the first batch."""
    import signal

    # Ctrl-C goes to the whole process group: a worker killed mid-task would leave Pool.map
    # waiting forever, so workers ignore it and the parent stops the pool on its way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(options)
    if options.engine == "builtin":
        from .segment import get_segmenter

        get_segmenter(options.backend, options.user_dict)


def summarize_stream(articles: Iterable[Article], options: Options,
                     workers: int = 1) -> Iterator[ArticleSummary | AnalysisError]:
    """Results in input order; with workers > 1, batches go to a process pool.

    One batch is analysed while the previous one is handed back, so at most two batches are
    ever in memory, however long the input.
    """
    _init(options)
    if workers <= 1:
        yield from map(summarize_one, articles)
        return
    import multiprocessing

    # Our matrices are small: a BLAS thread pool per worker only fights the other workers for cores.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    iterator = iter(articles)
    size = workers * BATCH_PER_WORKER
    with multiprocessing.get_context("spawn").Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
        pending = pool.map_async(summarize_one, list(itertools.islice(iterator, size)), chunksize=CHUNK)
        while True:
            batch = list(itertools.islice(iterator, size))
            following = pool.map_async(summarize_one, batch, chunksize=CHUNK) if batch else None
            yield from pending.get()
            if following is None:
                return
            pending = following
