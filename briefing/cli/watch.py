"""The `briefing watch` command: every article of a period naming the office's watched words (涉我报道)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import Reporter, check_date, iter_articles
from .fetch import fetch_inputs
from ..errors import BriefingError, ConfigError, EmptyInputError


@click.command("watch")
@click.argument("paths", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--output", "-o", required=True, metavar="OUT.md|OUT.docx|OUT.json",
              help="Where to write the report; the suffix picks Markdown, Word, or the report as data.")
@click.option("--period", type=click.Choice(["day", "week", "month", "quarter", "year"]), default="week",
              show_default=True, help="The span to report on, as for `briefing brief`.")
@click.option("--date", "date", metavar="YYYY-MM-DD", callback=check_date,
              help="The day to report on (or a day of the period); also the date of undated pages.")
@click.option("--week", metavar="YYYY-Www", help="The ISO week to report on, e.g. 2025-W48 (implies --period week).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file with the watch list (default: briefing.toml in the working directory).")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.option("--verbose", "-v", is_flag=True, help="Say what was guessed (encodings, dates) on stderr.")
@click.option("--fetch-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Where a URL's pages are saved (as `briefing fetch -o DIR`; default: the user's cache folder).")
def command(paths: tuple[str, ...], output: str, period: str, date: str | None, week: str | None,
            config_path: str | None, force: bool, verbose: bool, fetch_dir: str | None) -> None:
    """涉我报道: every article naming a watched word, with paper, 版次, date, title
    and the sentence naming it (the mention in bold), and the counts per paper.

    The words are `watch` in briefing.toml: watch = ["二七区", "樊惠林 +二七区 !退休"]
    (a +word must be named too, a !word rules the article out). A word counts
    inside a longer name (二七区人民医院), not inside another word. PATH is read
    as by `briefing brief` (pages, folders, .jsonl, a 版面 page URL).

    \b
    Examples:
      briefing watch seeds -o 涉我报道.md
      briefing watch papers/ --period day --date 2024-05-15 -o 涉我报道.docx
      briefing watch news.jsonl --week 2025-W46 -o watch.json --config office.toml
    """
    if date and week:
        raise click.UsageError("give --date or --week, not both")
    if Path(output).suffix.lower() not in (".md", ".docx", ".json"):
        raise click.UsageError(f"{output}: the output must end in .md, .docx or .json")
    reporter = Reporter(verbose)
    try:
        _watch(paths, output, period, date, week, config_path, force, fetch_dir, reporter)
    except BriefingError as error:
        reporter.error(error)
    sys.exit(reporter.exit_code)


def _watch(paths: tuple[str, ...], output: str, period: str, date: str | None, week: str | None,
           config_path: str | None, force: bool, fetch_dir: str | None, reporter: Reporter) -> None:
    """Check the configuration and the target first, then read, find and write."""
    from ..brief.watch import watch_report
    from ..config import CONFIG_NAME, load_config
    from ..render.files import check_target
    from ..render.watch import write_report

    config = load_config(config_path)
    if not config.watch:
        where = config_path or CONFIG_NAME
        raise ConfigError(f'{where}: no watch words; add a line like watch = ["二七区", "樊惠林 +二七区"]')
    target = check_target(output, force)
    paths = fetch_inputs(paths, fetch_dir, reporter)
    articles = list(iter_articles(paths, None, reporter, exclude=(str(target),)))
    if not articles:
        if not reporter.failures:  # else each input's own line has said why
            raise EmptyInputError("the inputs", "no article was read from them", "give pages or .jsonl records with text")
        return
    report = watch_report(articles, config, period, date, week)
    write_report(report, target, config.reference_doc, config.line_spacing_pt, force)
    papers = "，".join(f"{paper} {count}" for paper, count in report.counts)
    click.echo(f"wrote {target}: {report.title}, {report.start} … {report.end}, {len(report.hits)} of "
               f"{report.read} articles name a watched word" + (f" ({papers})" if papers else ""))
