"""The `briefing brief` command: a day's or a week's pages in, one leadership brief (.md or .docx) out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import Reporter, check_date, iter_articles, resolve_workers, workers_option
from .fetch import fetch_inputs
from ..errors import BriefingError, EmptyInputError


@click.command("brief")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--output", "-o", required=True, metavar="OUT.md|OUT.docx|OUT.json",
              help="Where to write the brief; the suffix picks Markdown, Word, or the brief as data (a draft).")
@click.option("--period", type=click.Choice(["day", "week", "month", "quarter", "year"]), default="week",
              show_default=True, help="Brief one day (每日要情), a Monday-Sunday week (每周要情), a calendar month "
                                      "(月度要情), quarter (季度要情) or year (年度要情).")
@click.option("--date", "date", metavar="YYYY-MM-DD", callback=check_date,
              help="The day to brief (or a day of the week to brief); also the date of undated pages.")
@click.option("--week", metavar="YYYY-Www", help="The ISO week to brief, e.g. 2025-W48 (implies --period week).")
@click.option("--template", type=click.Path(dir_okay=False), help="Your own Jinja2 Markdown template.")
@click.option("--reference-doc", type=click.Path(dir_okay=False),
              help="A .docx whose styles and page setup the Word brief uses (start from templates/reference.docx).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: briefing.toml in the working directory).")
@workers_option("the analysis")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.option("--verbose", "-v", is_flag=True, help="Say what was guessed (encodings, dates) on stderr.")
@click.option("--fetch-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Where a URL's pages are saved (as `briefing fetch -o DIR`; default: the user's cache folder).")
def command(paths: tuple[str, ...], output: str, period: str, date: str | None, week: str | None,
            template: str | None, reference_doc: str | None, config_path: str | None, workers: int | str, force: bool,
            verbose: bool, fetch_dir: str | None) -> None:
    """A leadership brief (每周要情 / 每日要情) from news pages.

    PATH is a page (.txt, .md, .docx), a folder (searched recursively), a
    .jsonl file with one dated article a line ({"id", "title", "text", "date"}),
    or the URL of an e-paper's 版面 page, whose day is fetched first (see
    `briefing fetch`).
    A page's date comes from --date, its file name (2024-05-13.txt), the
    record's "date", or a date line at the top of the page. Without --date or
    --week the brief covers the latest day or week found in the inputs.

    \b
    Examples:
      briefing brief seeds -o brief.md
      briefing brief seeds --period day --date 2024-05-15 -o day.md
      briefing brief news.jsonl --period month --date 2025-11-15 -o month.docx
      briefing brief news.jsonl --week 2025-W46 -o week.docx --config office.toml
      briefing brief pages/ -o brief.md --template my-brief.md.j2 --force
      briefing brief seeds -o brief.docx --reference-doc office-styles.docx
      briefing brief seeds -o draft.json          # the brief as data, to edit and render
      briefing brief http://paper.people.com.cn/rmrb/pc/layout/202503/18/node_01.html --period day -o day.md
    """
    if date and week:
        raise click.UsageError("give --date or --week, not both")
    suffix = Path(output).suffix.lower()
    if suffix not in (".md", ".docx", ".json"):
        raise click.UsageError(f"{output}: the output must end in .md, .docx or .json")
    if template and suffix != ".md":
        raise click.UsageError("--template shapes Markdown output; write OUT.md, or drop --template")
    if reference_doc and suffix != ".docx":
        raise click.UsageError("--reference-doc styles Word output; write OUT.docx, or drop --reference-doc")
    reporter = Reporter(verbose)
    try:
        paths = fetch_inputs(paths, fetch_dir, reporter)
        _brief(paths, output, "week" if week else period, date, week, template, reference_doc, config_path,
               resolve_workers(workers, paths), force, reporter)
    except EmptyInputError as error:
        if not reporter.failures:  # else each input's own line has said why, and a summary would only repeat it
            reporter.error(error)
    except BriefingError as error:
        reporter.error(error)
    sys.exit(reporter.exit_code)


def _brief(paths: tuple[str, ...], output: str, period: str, date: str | None, week: str | None,
           template: str | None, reference_doc: str | None, config_path: str | None, workers: int, force: bool,
           reporter: Reporter) -> None:
    """Check everything cheap first, then read, choose the period, analyse, build and write."""
    from ..api import brief_articles
    from ..render.draft import output_config
    from ..render.files import check_target

    target = check_target(output, force)
    config = output_config(config_path, reference_doc, template)
    articles = iter_articles(paths, None, reporter, exclude=(str(target),))
    brief = brief_articles(articles, config, period, date, week, workers, reporter.error, reporter.log)
    _write(brief, target, template, config, force)
    items = sum(len(s.items) for s in brief.sections)
    click.echo(f"wrote {target}: {brief.title} 第{brief.issue}期, {brief.start} … {brief.end}, "
               f"{items} items in {len(brief.sections)} sections, {len(brief.more)} listed, from {brief.counts.read} of "
               f"{brief.counts.inputs} articles read")


def _write(brief, target: Path, template: str | None, config, force: bool) -> None:
    """Markdown through the template, Word through render.docx, or JSON; each complete or absent."""
    if target.suffix.lower() == ".docx":
        from ..render.docx import write_brief

        write_brief(brief, target, config.reference_doc, config.line_spacing_pt)
        return
    if target.suffix.lower() == ".json":
        from ..render.json import write_brief_json

        write_brief_json(brief, target, force)
        return
    from ..render.files import atomic_write_text
    from ..render.markdown import render_brief

    atomic_write_text(target, render_brief(brief, template), force)
