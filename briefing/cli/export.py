"""The `briefing export` command: one Word file per article, in parallel, with progress, resumable."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import (Reporter, common_options, dask_option, iter_articles, log_setup, make_options, progress,
                     resolve_workers, workers_option)
from .progress import InputTally, short_name
from ..errors import BriefingError


class ExportReporter(Reporter):
    """Collects failures for the final report instead of printing them under the progress bar."""

    def __init__(self, verbose: bool = False) -> None:
        super().__init__(verbose)
        self.reasons: list[str] = []
        self.written = self.skipped = 0

    def error(self, error: Exception | str) -> None:
        self.failures += 1
        self.reasons.append(str(error))

    def report(self, out_dir: Path) -> None:
        """One summary line, then one line per failure, on stderr."""
        click.echo(f"briefing: export to {out_dir}: {self.written} written, {self.skipped} skipped "
                   f"(already there; --force rewrites), {self.failures} failed", err=True)
        for reason in self.reasons:
            click.echo(f"briefing: error: {reason}", err=True)


@click.command("export")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--output", "-o", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the .docx files (created if missing).")
@workers_option("the analysis")
@click.option("--force", is_flag=True, help="Rewrite files that already exist (default: skip them, so a "
                                            "stopped export resumes).")
@click.option("--reference-doc", type=click.Path(dir_okay=False, exists=True),
              help="A .docx whose styles and page setup to use (start from templates/reference.docx).")
@dask_option
@common_options
def command(paths: tuple[str, ...], out_dir: str, workers: int | str, force: bool, reference_doc: str | None,
            dask: str | None, date: str | None, verbose: bool, **flags) -> None:
    """One Word file per article: title, date, byline, keywords, summary box, full text.

    Files are named date_index_title.docx (safe on Windows and Unix), written
    atomically, and skipped when already there unless --force. Bad inputs are
    reported at the end and the rest exported (exit 1).

    \b
    Examples:
      briefing export seeds/ -o out/
      briefing export page.txt archive.jsonl -o out/ --workers 4
      briefing export seeds/ -o out/ --force --reference-doc mystyles.docx
      briefing export archive.jsonl -o out/ --dask local
    """
    from ..jobs.dask_run import require
    from ..jobs.export import export_articles
    from ..render.docx import open_reference

    reporter = ExportReporter(verbose)
    target = Path(out_dir)
    try:
        options, processes = make_options(**flags), resolve_workers(workers, paths)
        open_reference(reference_doc)  # a broken reference fails once here, not once per article
        if dask:
            require()
        target.mkdir(parents=True, exist_ok=True)
    except (BriefingError, OSError) as error:
        click.echo(f"briefing: error: {error}", err=True)
        sys.exit(1)
    log_setup(reporter, options, processes)
    articles = iter_articles(paths, date, reporter, exclude=(str(target),))
    tally = None
    if sys.stderr.isatty():  # the total is only for the progress line
        from ..api import expand_paths

        tally = InputTally(expand_paths(list(paths), (str(target),)))
        articles = tally.watch(articles)
    outcomes = export_articles(articles, target, options, processes, force, reference_doc, dask)
    try:
        with progress(outcomes, "exporting", _item_name(options), total=tally.total if tally else None) as bar:
            for outcome in bar:
                _count(reporter, outcome)
    except BriefingError as error:  # the Dask scheduler cannot be reached
        reporter.error(error)
    except KeyboardInterrupt:
        reporter.report(target)  # what was written is complete; a rerun resumes from here
        raise
    reporter.report(target)
    sys.exit(reporter.exit_code)


def _item_name(options):
    """The progress line's item: the file's name cut between words (the segmenter's), never inside one."""
    from ..analyze.segment import get_segmenter

    segmenter = get_segmenter(options.backend, options.user_dict)
    return lambda outcome: short_name(outcome.target.name, words=lambda text: [w for w, _ in segmenter.tag(text)]) \
        if outcome else None


def _count(reporter: ExportReporter, outcome) -> None:
    if outcome.status == "written":
        reporter.written += 1
        reporter.log(f"wrote {outcome.target}")
    elif outcome.status == "skipped":
        reporter.skipped += 1
        reporter.log(f"skipped {outcome.target} (exists)")
    else:
        reporter.error(outcome.reason)
