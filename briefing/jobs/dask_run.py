"""Summarize on a Dask cluster: parallel.py's per-article work, in partitions, results in input order.

Each partition is one task that runs `parallel.summarize_stream` on its articles in one worker
process, so the work, the options and the failures (an AnalysisError in the article's place) are
exactly those of the local command, and so is the output. At most `2 x workers` partitions are
in flight: an archive of any length streams through in bounded memory. A partition whose worker
died (killed, out of memory) is run again one article a task, so only the article that kills its
worker fails. Dask is optional: `pip install 'briefing[dask]'`.
"""
from __future__ import annotations

import contextlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from ..errors import BriefingError
from ..read.ingest import JsonlLine
from ..models import Article, ArticleSummary, Options
from .parallel import AnalysisError, summarize_stream

T = TypeVar("T")
#: Articles a task takes: at ~1.5 ms an article, 64 make a task of ~0.1 s, well above Dask's
#: per-task overhead (~1 ms) and small enough to spread a few thousand articles over many workers.
PARTITION = 64
LOCAL = "local"
CONNECT_TIMEOUT = "10s"  # to reach a scheduler given by address


class DaskError(BriefingError):
    """Dask is not installed, or the scheduler cannot be reached."""


def require():
    """dask.distributed, or a DaskError naming the extra to install."""
    try:
        import distributed
    except ImportError:
        raise DaskError("--dask needs Dask, an optional extra: pip install 'briefing[dask]'") from None
    return distributed


@contextlib.contextmanager
def client(address: str, workers: int | None = None) -> Iterator:
    """A dask.distributed Client: `local` starts a LocalCluster of worker processes here, else the
    scheduler at `address` (tcp://host:8786) is joined."""
    distributed = require()
    if address == LOCAL:
        import logging  # here, not at the top: every local summarize imports this module

        cluster = distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                           processes=True, dashboard_address=None, silence_logs=logging.ERROR)
        with cluster, distributed.Client(cluster) as joined:
            yield joined
        return
    try:
        joined = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise DaskError(f"--dask {address}: cannot reach a Dask scheduler there ({type(error).__name__}: {error}); "
                        "start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                        "or use --dask local") from None
    with joined:
        yield joined


def run_partition(options: Options, render: Callable[[ArticleSummary], T] | None,
                  articles: list[Article | JsonlLine]) -> list[ArticleSummary | T | AnalysisError]:
    """One task: the local stream, in this worker process, over one partition."""
    return list(summarize_stream(articles, options, 1, render))


def summarize_stream_dask(articles: Iterable[Article | JsonlLine], options: Options, address: str,
                          render: Callable[[ArticleSummary], T] | None = None, partition: int | None = None,
                          workers: int | None = None) -> Iterator[ArticleSummary | T | AnalysisError]:
    """Results in input order, as `parallel.summarize_stream` gives them, computed on the cluster."""
    partition = partition or PARTITION
    with client(address, workers) as joined:
        ahead = 2 * max(len(joined.scheduler_info().get("workers", {})), 1)
        iterator = iter(articles)
        pending: deque = deque()
        while True:
            while len(pending) < ahead and (batch := list(itertools.islice(iterator, partition))):
                pending.append((batch, joined.submit(run_partition, options, render, batch, pure=False)))
            if not pending:
                return
            batch, future = pending.popleft()
            yield from _results(joined, options, render, batch, future)


def _results(joined, options: Options, render, batch: list, future) -> list:
    """A partition's results; if its worker died, each article again on its own."""
    try:
        return future.result()
    except Exception as error:  # the task never ran to the end (KilledWorker, lost connection)
        if len(batch) == 1:
            return [AnalysisError(f"{_where(batch[0])}: failed on the Dask cluster ({type(error).__name__}: {error})")]
        alone = [joined.submit(run_partition, options, render, [article], pure=False) for article in batch]
        return [result for article, one in zip(batch, alone) for result in _results(joined, options, render,
                                                                                     [article], one)]


def _where(article: Article | JsonlLine) -> str:
    if isinstance(article, JsonlLine):
        return article.where
    return f"{article.source} article {article.index + 1}" + (f" (id {article.id})" if article.id else "")


def stream(articles: Iterable[Article | JsonlLine], options: Options, workers: int = 1,
           render: Callable[[ArticleSummary], T] | None = None,
           dask: str | None = None) -> Iterator[ArticleSummary | T | AnalysisError]:
    """The local stream, or with `dask` (an address or `local`) the same results from a Dask cluster."""
    if dask:
        return summarize_stream_dask(articles, options, dask, render, workers=workers if dask == LOCAL else None)
    return summarize_stream(articles, options, workers, render)
