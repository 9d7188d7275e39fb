"""What the commands share: reading inputs with a report of failures, workers, progress bars, the analysis flags.

Only briefing.cli knows click; its command modules import this one and the library, never the group."""
from __future__ import annotations

import os

# Our matrices are small (30-300 nodes): OpenBLAS's thread pool costs more than it saves and
# fights --workers processes for cores (news_headlines.jsonl, 1591 articles: 5.0 s vs 7.1 s).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator

import click

from ..errors import BriefingError
from ..models import BACKEND_NAMES, ENGINE_NAMES, Article, ArticleSummary, Options

FORMATS = ("text", "markdown", "json", "jsonl")


class Reporter:
    """Collects failures: one line each on stderr, and the exit code at the end."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.failures = 0

    def error(self, error: Exception) -> None:
        self.failures += 1
        click.echo(f"briefing: error: {error}", err=True)

    def log(self, message: str) -> None:
        if self.verbose:
            click.echo(f"briefing: {message}", err=True)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def iter_articles(paths: Iterable[str], date: str | None, reporter: Reporter,
                  parse: bool = True, exclude: tuple[str, ...] = ()) -> Iterator[Article]:
    """Articles of every input in order; a failing input is reported and the rest still read.
    parse=False leaves .jsonl lines for the workers to parse."""
    from ..api import expand_paths, read_articles
    from ..errors import InputError
    from ..read.ingest import READABLE_SUFFIXES

    for given in paths:
        files = expand_paths([given], exclude)
        if not files:
            kinds = ", ".join(sorted(s for s in READABLE_SUFFIXES if s))
            reporter.error(InputError(given, f"is a folder with no readable file in it ({kinds})",
                                      "give the folder that holds the pages, or the files themselves"))
        for path in files:
            try:
                yield from read_articles(path, date, reporter.log, reporter.error, parse)
            except BriefingError as error:
                reporter.error(error)


def summaries(articles: Iterable[Article], options: Options, workers: int,
              reporter: Reporter, render=None, keep_errors: bool = False, dask: str | None = None) -> Iterator:
    """Summaries in input order, on `workers` processes when more than one; rendered by `render`
    (a picklable function of a summary) where they are made, when given. A failed article is
    reported, and with keep_errors also yielded in its place (so results stay aligned with inputs).
    With `dask` (a scheduler address, or local), the same work runs on a Dask cluster."""
    from ..jobs.dask_run import stream
    from ..jobs.parallel import AnalysisError

    log_setup(reporter, options, workers)
    for result in stream(articles, options, workers, render, dask):
        if isinstance(result, AnalysisError):
            reporter.error(result)
            if not keep_errors:
                continue
        yield result


def log_setup(reporter: Reporter, options: Options, workers: int) -> None:
    """With --verbose: how the articles will be analysed."""
    if not reporter.verbose:
        return
    from ..analyze.kernels import COMPILED

    kernels = "C kernels" if COMPILED else \
        "Python kernels (briefing/_speedups.c was not built: reinstall with a C compiler for about a fifth less work an article)"
    reporter.log(f"engine {options.engine}, segmenter {options.backend}, {workers} process"
                 f"{'es' if workers > 1 else ''}, {kernels}")


def progress(items: Iterable, label: str, show_item=None, when: bool = True, total=None):
    """A progress line on a terminal's stderr (done/total, percent, time left when `total`, a function
    giving the best count so far, is given; else the count); nothing at all when stderr is a file or a pipe."""
    if not (when and sys.stderr.isatty()):
        return contextlib.nullcontext(items)
    from .progress import Progress

    return Progress(items, label, total or (lambda: None), show_item)


#: Inputs smaller than this are analysed in one process: starting workers costs more than they
#: save below ~50 news articles (bench: 50 articles, 72 KB: 0.38 s either way; 200 articles, 336 KB:
#: 0.73 s on one process, 0.59 s on two).
AUTO_WORKERS_MIN_BYTES = 100_000
AUTO_WORKERS_MAX = 8


class WorkersType(click.ParamType):
    """A number of processes, or `auto`."""

    name = "N|auto"

    def get_metavar(self, param, ctx=None) -> str:  # click upper-cases the name otherwise
        return "N|auto"

    def convert(self, value, param, ctx):
        if value == "auto" or isinstance(value, int):
            return value
        try:
            number = int(value)
        except ValueError:
            self.fail(f"{value!r} is neither a number nor 'auto'", param, ctx)
        if not 1 <= number <= 64:
            self.fail(f"{number} is not in 1..64", param, ctx)
        return number


def workers_option(what: str):
    return click.option(
        "--workers", "-j", default="auto", show_default=True, type=WorkersType(),
        help=f"Processes for {what}: a number, or auto (one per core, up to {AUTO_WORKERS_MAX}, when the "
             f"input files add up to {AUTO_WORKERS_MIN_BYTES // 1000} KB or more; else one).")


def resolve_workers(workers: int | str, paths: Iterable[str]) -> int:
    """The number of processes to use: as given, or for `auto` from the cores and the size of the input."""
    if workers != "auto":
        return int(workers)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return 1
    from ..api import expand_paths

    size = 0
    for path in expand_paths(list(paths)):
        if path != "-":  # standard input's size is unknown: one process
            try:
                size += os.stat(path).st_size
            except OSError:
                pass  # reported when it is read
    return min(cores, AUTO_WORKERS_MAX) if size >= AUTO_WORKERS_MIN_BYTES else 1


def dask_option(function):
    """--dask ADDRESS: the analysis on a Dask cluster (optional extra briefing[dask])."""
    return click.option("--dask", metavar="ADDRESS", help="Run the analysis on a Dask cluster: a scheduler "
                        "address (tcp://host:8786), or local for one here (needs `pip install briefing[dask]`); "
                        "the output is the same.")(function)


def check_date(ctx, param, value: str | None) -> str | None:
    """A --date that is a real calendar date, as YYYY-MM-DD."""
    from ..read.ingest import calendar_date

    if value is None:
        return None
    date = calendar_date(value)
    if date is None:
        raise click.BadParameter(f"{value!r} is not a calendar date; write it like 2025-11-24 (years 1900-2100)")
    return date


def common_options(function):
    """Flags shared by the commands that analyse articles."""
    for decorator in reversed([
        click.option("--sentences", "-n", default=3, show_default=True, type=click.IntRange(1, 50),
                     help="Key sentences per article."),
        click.option("--keywords", "-k", default=10, show_default=True, type=click.IntRange(1, 100),
                     help="Keywords per article."),
        click.option("--max-chars", type=click.IntRange(10), help="Character budget for the summary."),
        click.option("--engine", type=click.Choice(ENGINE_NAMES), default="builtin",
                     show_default=True, help="Ranking engine (textrank4zh needs `pip install briefing[textrank4zh]`)."),
        click.option("--backend", type=click.Choice(BACKEND_NAMES), default="rjieba", show_default=True,
                     help="Segmenter: rjieba (fast Rust port) or jieba (the reference)."),
        click.option("--user-dict", type=click.Path(dir_okay=False),
                     help="jieba-format user dictionary (`word [freq] [tag]` a line)."),
        click.option("--date", "date", metavar="YYYY-MM-DD", callback=check_date,
                     help="Date of the pages (default: from file names)."),
        click.option("--verbose", "-v", is_flag=True, help="Say what was guessed (encodings, dates) on stderr."),
    ]):
        function = decorator(function)
    return function


def make_options(sentences: int, keywords: int, max_chars: int | None, engine: str, backend: str,
                 user_dict: str | None) -> Options:
    """The flags as one checked Options, with its engine loaded: a missing package or a bad user
    dictionary fails here, once, before any input is read."""
    from ..analyze.engines import prepare

    options = Options(sentences=sentences, keywords=keywords, max_chars=max_chars, engine=engine,
                      backend=backend, user_dict=user_dict)
    prepare(options)
    return options


@contextlib.contextmanager
def standard_output(reporter: Reporter) -> Iterator[None]:
    """Writing to standard output: a full disk (ENOSPC, as `> /dev/full` gives) or another write error is
    one line and exit 1, a reader that went away (`| head`) ends the run quietly, never a traceback.
    Either way what is still buffered is dropped: standard output is pointed at /dev/null, so the
    flush on the way out cannot fail again."""
    try:
        yield
        sys.stdout.flush()
    except OSError as error:
        _drop_stdout()
        if not isinstance(error, BrokenPipeError):
            reason = os.strerror(error.errno) if error.errno else str(error)
            reporter.error(BriefingError(f"standard output: cannot be written ({reason}); free some space, "
                                         "or redirect the output to a file on another disk"))
        else:
            reporter.failures += 1


def _drop_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def dumps(record: dict, indent: int | None = None) -> str:
    """JSON text with Chinese kept readable, and line separators escaped so a record stays one line."""
    text = json.dumps(record, ensure_ascii=False, indent=indent)
    # three scans in C; str.translate went through a dict for every character (a tenth of a millisecond a record)
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_summary(fmt: str, summary: ArticleSummary) -> str:
    """One summary as its part of the output in a format (JSON without the separators between records)."""
    from ..render.records import summary_to_dict

    record = summary_to_dict(summary)
    if fmt == "jsonl":
        return dumps(record)
    if fmt == "json":
        return dumps(record, indent=2).replace("\n", "\n  ")
    from ..render.markdown import render

    return render("article.md.j2" if fmt == "markdown" else "article.txt.j2", s=record, n=summary.article.index + 1)


def write_summaries(rendered: Iterable[str], fmt: str) -> None:
    """Print rendered summaries as they come, so memory does not grow with the input."""
    out = sys.stdout
    first = True
    if fmt == "json":
        out.write('{"articles": [')
    for text in rendered:
        if fmt == "json":
            out.write(("\n  " if first else ",\n  ") + text)
        else:
            out.write(text + "\n")
        if fmt != "jsonl":  # a reader of the terminal sees each article as it is done
            out.flush()
        first = False
    if fmt == "json":
        out.write("\n]}\n" if not first else "]}\n")


