"""The command line: parses flags into Options and calls the library. Only this module knows click."""
from __future__ import annotations

import os

# Our matrices are small (30-300 nodes): OpenBLAS's thread pool costs more than it saves and
# fights --workers processes for cores (news_headlines.jsonl, 1591 articles: 5.0 s vs 7.1 s).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import functools
import json
import sys
from collections.abc import Iterable, Iterator

import click

from . import __version__
from .errors import BriefingError
from .models import Article, ArticleSummary, Options

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
                  parse: bool = True) -> Iterator[Article]:
    """Articles of every input in order; a failing input is reported and the rest still read.
    parse=False leaves .jsonl lines for the workers to parse."""
    from .api import expand_paths, read_articles

    for path in expand_paths(list(paths)):
        try:
            yield from read_articles(path, date, reporter.log, reporter.error, parse)
        except BriefingError as error:
            reporter.error(error)


def summaries(articles: Iterable[Article], options: Options, workers: int,
              reporter: Reporter, render=None) -> Iterator:
    """Summaries in input order, on `workers` processes when more than one; rendered by `render`
    (a picklable function of a summary) where they are made, when given."""
    from .parallel import AnalysisError, summarize_stream

    log_setup(reporter, options, workers)
    for result in summarize_stream(articles, options, workers, render):
        if isinstance(result, AnalysisError):
            reporter.error(result)
        else:
            yield result


def log_setup(reporter: Reporter, options: Options, workers: int) -> None:
    """With --verbose: how the articles will be analysed."""
    if not reporter.verbose:
        return
    from .kernels import COMPILED

    kernels = "C kernels" if COMPILED else \
        "Python kernels (briefing/_speedups.c was not built: reinstall with a C compiler for about a fifth less work an article)"
    reporter.log(f"engine {options.engine}, segmenter {options.backend}, {workers} process"
                 f"{'es' if workers > 1 else ''}, {kernels}")


def progress(items: Iterable, label: str, show_item=None, when: bool = True):
    """A progress bar on a terminal's stderr; nothing at all when stderr is a file or a pipe."""
    import contextlib

    if not (when and sys.stderr.isatty()):
        return contextlib.nullcontext(items)
    return click.progressbar(items, label=label, file=sys.stderr, show_pos=True, item_show_func=show_item)


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
    from .api import expand_paths

    size = 0
    for path in expand_paths(list(paths)):
        if path != "-":  # standard input's size is unknown: one process
            try:
                size += os.stat(path).st_size
            except OSError:
                pass  # reported when it is read
    return min(cores, AUTO_WORKERS_MAX) if size >= AUTO_WORKERS_MIN_BYTES else 1


def common_options(function):
    """Flags shared by the commands that analyse articles."""
    for decorator in reversed([
        click.option("--sentences", "-n", default=3, show_default=True, type=click.IntRange(1, 50),
                     help="Key sentences per article."),
        click.option("--keywords", "-k", default=10, show_default=True, type=click.IntRange(1, 100),
                     help="Keywords per article."),
        click.option("--max-chars", type=click.IntRange(10), help="Character budget for the summary."),
        click.option("--engine", type=click.Choice(["builtin", "textrank4zh"]), default="builtin",
                     show_default=True, help="Ranking engine (textrank4zh needs `pip install briefing[textrank4zh]`)."),
        click.option("--backend", type=click.Choice(["rjieba", "jieba"]), default="rjieba", show_default=True,
                     help="Segmenter: rjieba (fast Rust port) or jieba (the reference)."),
        click.option("--user-dict", type=click.Path(dir_okay=False),
                     help="jieba-format user dictionary (`word [freq] [tag]` a line)."),
        click.option("--date", "date", metavar="YYYY-MM-DD", help="Date of the pages (default: from file names)."),
        click.option("--verbose", "-v", is_flag=True, help="Say what was guessed (encodings, dates) on stderr."),
    ]):
        function = decorator(function)
    return function


def make_options(sentences: int, keywords: int, max_chars: int | None, engine: str, backend: str,
                 user_dict: str | None) -> Options:
    return Options(sentences=sentences, keywords=keywords, max_chars=max_chars, engine=engine,
                   backend=backend, user_dict=user_dict)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="briefing")
def cli() -> None:
    """Summaries and leadership briefs (简报) from Chinese news pages.

    \b
    Examples:
      briefing brief seeds -o brief.md
      briefing brief seeds --period day --date 2024-05-15 -o brief.docx
      briefing summarize seeds/2024-05-13.txt
      briefing summarize page.txt --format json
      cat page.txt | briefing summarize -
      briefing summarize archive.jsonl --format jsonl > out.jsonl
    """


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@workers_option("the analysis (output order is unchanged)")
@common_options
def summarize(paths: tuple[str, ...], fmt: str, workers: int | str, date: str | None, verbose: bool,
              **flags) -> None:
    """Title, keywords, key sentences, people and figures of each article.

    PATH is a page (.txt, .md), a Word file (.docx), a .jsonl file with one
    article a line ({"id", "title", "text", "date"}), a folder, or - for stdin.

    \b
    Examples:
      briefing summarize seeds/2024-05-13.txt
      briefing summarize seeds/ --format markdown --sentences 2
      briefing summarize page.txt --format json --user-dict names.txt
      cat page.txt | briefing summarize - --format jsonl
    """
    if not paths:
        if sys.stdin.isatty():
            raise click.UsageError("give a file, a folder, or - to read standard input")
        paths = ("-",)
    reporter = Reporter(verbose)
    options = make_options(**flags)
    try:
        _check_engine(options)
        processes = resolve_workers(workers, paths)
        # with workers, each parses its own .jsonl lines: the parent only reads and writes
        stream = summaries(iter_articles(paths, date, reporter, parse=processes == 1), options, processes, reporter,
                           functools.partial(render_summary, fmt))
        # a bar only while the output goes to a file or pipe: on a terminal the output is the progress
        with progress(stream, "summarizing", when=not sys.stdout.isatty()) as bar:
            write_summaries(bar, fmt)
    except BriefingError as error:
        reporter.error(error)
    sys.exit(reporter.exit_code)


def _check_engine(options: Options) -> None:
    if options.user_dict:
        from .segment import read_user_dict

        read_user_dict(options.user_dict)
    if options.engine == "textrank4zh":
        from .tr4zh import load

        load()


def dumps(record: dict, indent: int | None = None) -> str:
    """JSON text with Chinese kept readable, and line separators escaped so a record stays one line."""
    text = json.dumps(record, ensure_ascii=False, indent=indent)
    # three scans in C; str.translate went through a dict for every character (a tenth of a millisecond a record)
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_summary(fmt: str, summary: ArticleSummary) -> str:
    """One summary as its part of the output in a format (JSON without the separators between records)."""
    from .records import summary_to_dict

    record = summary_to_dict(summary)
    if fmt == "jsonl":
        return dumps(record)
    if fmt == "json":
        return dumps(record, indent=2).replace("\n", "\n  ")
    from .render.markdown import render

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


def main() -> None:
    """Entry point of the `briefing` script and `python -m briefing`."""
    try:
        code = _run()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    # Everything is written and closed by now. The interpreter's teardown would free the dictionary
    # and the caches object by object (20 ms, 3% of summarizing 200 articles): flush and leave.
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the reader went away, or stdout is closed
        code = code or 1
    sys.stderr.flush()
    os._exit(code)


def _run() -> int:
    try:
        cli.main(prog_name="briefing", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except (click.Abort, KeyboardInterrupt):
        # click turns Ctrl-C into Abort ("Aborted!", exit 1); say it plainly and use the shell's code
        click.echo("briefing: interrupted", err=True)
        return 130
    return 0


def _register_commands() -> None:
    from . import cli_brief, cli_eval, cli_export, cli_render, cli_review

    for module in (cli_brief, cli_export, cli_eval, cli_render, cli_review):
        cli.add_command(module.command)


_register_commands()
