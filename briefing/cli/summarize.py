"""The `briefing summarize` command: one article or page in the terminal; JSON/JSONL for pipelines."""
from __future__ import annotations

import functools
import sys

import click

from ..errors import BriefingError
from .common import (FORMATS, Reporter, common_options, dask_option, iter_articles, make_options, progress,
                     render_summary, resolve_workers, standard_output, summaries, workers_option,
                     write_summaries)


@click.command("summarize")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@workers_option("the analysis (output order is unchanged)")
@dask_option
@common_options
def command(paths: tuple[str, ...], fmt: str, workers: int | str, dask: str | None, date: str | None, verbose: bool,
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
      briefing summarize archive.jsonl -f jsonl --dask tcp://scheduler:8786
    """
    if not paths:
        if sys.stdin.isatty():
            raise click.UsageError("give a file, a folder, or - to read standard input")
        paths = ("-",)
    reporter = Reporter(verbose)
    try:
        options = make_options(**flags)
        processes = resolve_workers(workers, paths)
        # with workers, each parses its own .jsonl lines: the parent only reads and writes
        stream = summaries(iter_articles(paths, date, reporter, parse=processes == 1 and not dask), options,
                           processes, reporter, functools.partial(render_summary, fmt), dask=dask)
        # a bar only while the output goes to a file or pipe: on a terminal the output is the progress
        with progress(stream, "summarizing", when=not sys.stdout.isatty()) as bar, standard_output(reporter):
            write_summaries(bar, fmt)
    except BriefingError as error:
        reporter.error(error)
    sys.exit(reporter.exit_code)
