"""The `briefing issues` command: show and set the issue counter that `render --publish` numbers from.

(Not the project's tracker: this is the office's count of 第N期 per brief title and year.)
"""
from __future__ import annotations

import datetime as dt
import sys

import click

from ..errors import BriefingError


@click.command("issues")
@click.option("--set", "title", metavar="TITLE",
              help="Set the counter of this brief title (每周要情, or the configured title); needs --issue.")
@click.option("--issue", type=click.IntRange(0, 100000), default=None, metavar="N",
              help="With --set: the last 第N期 published in the year (the next takes N+1; 0 starts at 第1期).")
@click.option("--total", type=click.IntRange(0, 1000000), default=None, metavar="N",
              help="With --set: the last 总第N期 published (default: left as it is).")
@click.option("--year", type=click.IntRange(1900, 9999), default=None, help="With --set: the year (default: this year).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="The configuration file the counter is kept beside (as for `render --publish`).")
def command(title: str | None, issue: int | None, total: int | None, year: int | None,
            config_path: str | None) -> None:
    """Show or set the issue counter that `briefing render DRAFT --publish` numbers
    from: per brief title, the last 第N期 of each year and the last 总第N期.

    \b
    Examples:
      briefing issues                                          # what was published last, what comes next
      briefing issues --set 每周要情 --issue 47 --total 312      # the next is 第48期（总第313期）
      briefing issues --set 每日要情 --year 2026 --issue 0        # the year starts again at 第1期
      briefing issues --config office.toml
    """
    from ..render.numbering import IssueCounter, state_path

    if title is None and (issue is not None or total is not None or year is not None):
        raise click.UsageError("--issue, --total and --year set a counter: name its title with --set TITLE")
    if title is not None and issue is None:
        raise click.UsageError("--set TITLE needs --issue N, the last 第N期 published (0 to start at 第1期)")
    counter = IssueCounter(state_path(config_path))
    try:
        if title is not None:
            _set(counter, title, issue, total, str(year or dt.date.today().year))
        else:
            _show(counter)
    except BriefingError as error:
        click.echo(f"briefing: error: {error}", err=True)
        sys.exit(1)


def _set(counter, title: str, issue: int, total: int | None, year: str) -> None:
    with counter.locked():
        counter.set_last(title, year, issue, total)
        last_total = counter.last(title, year)[1]
    click.echo(f"{title} {year}: the next published is 第{issue + 1}期（总第{last_total + 1}期） ({counter.path})")


def _show(counter) -> None:
    rows = counter.rows()
    if not rows:
        click.echo(f"no issue published yet ({counter.path}); the first takes the draft's number, or set one "
                   "with `briefing issues --set TITLE --issue N`")
        return
    click.echo(f"{counter.path}:")
    for title, year, issue, total in rows:
        click.echo(f"  {title} {year}: last 第{issue}期, 总第{total}期; next 第{issue + 1}期（总第{total + 1}期）")
