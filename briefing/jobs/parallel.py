"""Summarize a stream of articles, in order, on one or more processes, in bounded memory."""
from __future__ import annotations

import dataclasses
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from ..errors import BriefingError
from ..read.ingest import JsonlLine
from ..models import Article, ArticleSummary, Options

T = TypeVar("T")
BATCH_PER_WORKER = 32
#: Articles a worker takes at a time: large enough to amortise pickling, small enough to balance.
CHUNK = 8


class AnalysisError(BriefingError):
    """An article that made the analysis fail; the others go on."""


def summarize_one(options: Options, article: Article | JsonlLine) -> ArticleSummary | AnalysisError:
    """Analyse one article (or .jsonl line) with the given options; failures become values, not crashes."""
    from ..analyze.engines import analyse

    try:
        if isinstance(article, JsonlLine):
            article = article.article()
        return analyse(article, options)
    except BriefingError as error:
        return AnalysisError(str(error))
    except Exception as error:  # keep going: one odd article must not stop a batch of thousands
        where = article.where if isinstance(article, JsonlLine) else \
            f"{article.source} article {article.index + 1}" + (f" (id {article.id})" if article.id else "")
        return AnalysisError(f"{where}: analysis failed ({type(error).__name__}: {error}); please report this")


def _init_worker(options: Options) -> None:
    """Load the engine's dictionary while the parent is still reading the first batch."""
    import signal

    # Ctrl-C goes to the whole process group: a worker killed mid-task would leave Pool.map
    # waiting forever, so workers ignore it and the parent stops the pool on its way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM: no handler of the CLI's
    from ..analyze.engines import prepare

    try:
        prepare(options)
    except BriefingError:  # the parent checked the same options; a task that meets it reports it
        pass


def summarize_stream(articles: Iterable[Article], options: Options, workers: int = 1,
                     render: Callable[[ArticleSummary], T] | None = None) -> Iterator[ArticleSummary | T | AnalysisError]:
    """Results in input order; with workers > 1, batches go to a process pool.

    With `render` (a picklable function), each summary is rendered where it was made and the
    rendering comes back instead: a string crosses between processes faster than a summary.
    One batch is analysed while the previous one is handed back, so at most two batches are
    ever in memory, however long the input. What the engine needs is loaded first, so that a bad
    user dictionary is one InputError here, not a failure for every article in every worker.
    """
    from ..analyze.engines import prepare

    prepare(options)
    if workers <= 1:
        yield from map(functools.partial(_work, options, render, False), articles)
        return
    # Our matrices are small: a BLAS thread pool per worker only fights the other workers for cores.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    iterator = iter(articles)
    size = workers * BATCH_PER_WORKER
    with _pool(options, workers) as pool:
        work = functools.partial(_work, options, render, True)  # the options travel with every task
        batch = list(itertools.islice(iterator, size))
        pending = batch, pool.map_async(work, batch, chunksize=CHUNK)
        while True:
            batch = list(itertools.islice(iterator, size))
            following = (batch, pool.map_async(work, batch, chunksize=CHUNK)) if batch else None
            sent, results = pending
            for article, result in zip(sent, results.get()):
                lean = isinstance(result, ArticleSummary) and isinstance(article, Article)
                yield dataclasses.replace(result, article=article) if lean else result
            if following is None:
                return
            pending = following


def _work(options: Options, render: Callable[[ArticleSummary], T] | None, lean: bool,
          article: Article | JsonlLine) -> ArticleSummary | T | AnalysisError:
    """summarize_one, then the rendering of the summary when asked for; or, with lean, the summary
    without an article the parent already has (pickling the text back doubled what crossed between
    the processes; the parent puts it back)."""
    result = summarize_one(options, article)
    if not isinstance(result, ArticleSummary):
        return result
    if render:
        return render(result)
    return dataclasses.replace(result, article=_NO_ARTICLE) if lean and isinstance(article, Article) else result


_NO_ARTICLE = Article(title="", paragraphs=())


def _pool(options: Options, workers: int):
    """The process pool. Its workers fork with the parent's objects frozen out of the collector's sight
    (gc.freeze, as the gc module's documentation advises before a fork): a collection in a worker
    would otherwise write to every object the parent made, copying the pages they are on (on
    news_headlines.jsonl with two workers: ~2,500 fewer page faults, ~10 MB less copied; the CPU time
    within the noise of a shared machine). The parent unfreezes at once."""
    import gc

    context = _context(options)
    gc.freeze()
    try:
        return context.Pool(workers, initializer=_init_worker, initargs=(options,))
    finally:
        gc.unfreeze()


def _context(options: Options):
    """fork where it is safe (Linux, no other threads): workers start at once with the dictionary the parent
    loaded, where spawn re-imported everything and loaded it again in each worker (0.3 s of a core each)."""
    import multiprocessing
    import sys
    import threading

    if sys.platform == "linux" and threading.active_count() == 1:
        if options.engine == "builtin":
            from ..analyze.idf import idf_table
            from ..analyze.scoring import summarize_article  # noqa: F401  (imported once, before the fork)
            from ..analyze.segment import get_segmenter

            get_segmenter(options.backend, options.user_dict).warm_up()
            idf_table()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
