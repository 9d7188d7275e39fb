"""The `briefing fetch` command: a day of e-papers from their sites into OUT/PAPER/YYYY-MM-DD; and the
fetching of URLs given to `briefing brief`."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from .common import Reporter, check_date
from ..errors import BriefingError

URL_PREFIXES = ("http://", "https://")


def fetch_options(function):
    """--sites, --delay, --timeout, --retries: shared by `fetch` and `brief URL...`."""
    for decorator in reversed([
        click.option("--sites", "sites_file", type=click.Path(dir_okay=False),
                     help="Your own site profiles (TOML, the shape of briefing/fetch/sites.toml), over the built-ins."),
        click.option("--delay", type=click.FloatRange(0, 60), default=1.0, metavar="SECONDS", show_default=True,
                     help="Seconds between two requests to one site (a larger Crawl-delay in robots.txt wins)."),
        click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, metavar="SECONDS", show_default=True,
                     help="Seconds to wait for a page before trying again."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, metavar="N", show_default=True,
                     help="Further tries, with growing pauses, after a timeout, a dropped connection or a 5xx."),
    ]):
        function = decorator(function)
    return function


@click.command("fetch")
@click.argument("urls", nargs=-1, metavar="[URL]...")
@click.option("--site", "site_names", multiple=True, metavar="NAME",
              help="A site profile (rmrb, kjrb, hbrb …; --list-sites shows them); repeat for several papers.")
@click.option("--date", "date", metavar="YYYY-MM-DD", callback=check_date,
              help="The day to fetch with --site (default: today).")
@click.option("--output", "-o", "out_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Folder to save into: DIR/PAPER/YYYY-MM-DD/ (created if missing).")
@fetch_options
@click.option("--dry-run", is_flag=True, help="Read the 版面 pages and list the article pages it would fetch; "
                                              "save nothing.")
@click.option("--list-sites", is_flag=True, help="List the site profiles and families, and exit.")
def command(urls: tuple[str, ...], site_names: tuple[str, ...], date: str | None, out_dir: str | None,
            sites_file: str | None, delay: float, timeout: float, retries: int, dry_run: bool,
            list_sites: bool) -> None:
    """Fetch a day's e-paper (数字报): its 版面 pages and their articles.

    URL is a 版面 (layout) page of the day: Founder classic (…/html/2024-03/12/
    node_2.htm), Founder pc (…/pc/layout/202403/12/node_01.html) or People's
    Daily classic (…/html/2024-03/12/nbs.D110000renmrb_01.htm); an article
    page URL fetches that article alone. Or name a site profile with --site
    and the day with --date. Pages go to DIR/PAPER/YYYY-MM-DD/, where
    `briefing brief` reads them. A rerun fetches only what is missing, and a
    stopped run resumes. Each failure is one line; exit 1 if any.

    Politely: robots.txt is honoured, one request at a time per site with
    --delay between, a user agent that names briefing, never a link off the
    site, pages over 8 MB refused. Needs `pip install 'briefing[fetch]'`.

    \b
    Examples:
      briefing fetch --site rmrb -o papers                       # today's 人民日报
      briefing fetch --site rmrb --site hbrb --date 2025-03-18 -o papers
      briefing fetch http://paper.people.com.cn/rmrb/pc/layout/202503/18/node_01.html -o papers
      briefing fetch --site kjrb --date 2023-02-10 -o papers --dry-run
      briefing fetch --site myrb -o papers --sites my-sites.toml --delay 3
      briefing fetch --list-sites
    """
    reporter = Reporter()
    try:
        from ..fetch import load_profiles

        profiles = load_profiles(sites_file)
        if list_sites:
            _list_sites(profiles)
            return
        if not out_dir:
            raise click.UsageError("give the folder to save into: -o DIR")
        if not urls and not site_names:
            raise click.UsageError("give a 版面 page URL, or --site NAME (briefing fetch --list-sites shows them)")
        if date and not site_names:
            raise click.UsageError("--date picks the day of --site; a URL names its own day")
        issues = _issues(urls, site_names, date, profiles, reporter)
        outcomes = _run(issues, out_dir, _settings(delay, timeout, retries), reporter, dry_run)
    except BriefingError as error:
        reporter.error(error)
        sys.exit(reporter.exit_code)
    for outcome in outcomes:
        _report(outcome, dry_run)
    sys.exit(reporter.exit_code)


def _settings(delay: float, timeout: float, retries: int):
    from ..fetch import Settings

    return Settings(delay=delay, timeout=timeout, retries=retries)


def _issues(urls, site_names, date: str | None, profiles, reporter: Reporter) -> list:
    """The issues to walk: each URL's day, and each --site's day; a bad one is reported and left out."""
    from ..fetch import FetchError, issue_for_site, issue_for_url

    issues = []
    for url in urls:
        try:
            issues.append(issue_for_url(url, profiles))
        except FetchError as error:
            reporter.error(error)
    day = dt.date.fromisoformat(date) if date else dt.date.today()
    for name in site_names:
        if name not in profiles.sites:
            raise click.UsageError(f"--site {name}: no such site profile; one of "
                                   f"{', '.join(sorted(profiles.sites))} (or yours, with --sites FILE)")
        issues.append(issue_for_site(profiles.sites[name], day))
    return issues


def _run(issues: list, out_dir: str, settings, reporter: Reporter, dry_run: bool) -> list:
    """Walk the issues with one client and a progress bar on a terminal."""
    from ..fetch import Client, fetch_issues

    bar = Progress()
    client = Client(settings)
    try:
        return fetch_issues(issues, out_dir, client, bar.interrupting(reporter.error), bar.update, dry_run,
                            bar.start)
    finally:
        bar.finish()
        client.close()


def _report(outcome, dry_run: bool) -> None:
    if dry_run:
        for url, target in outcome.planned:
            click.echo(f"would fetch {url} -> {target}")
        click.echo(f"{outcome.folder}: {len(outcome.planned)} article pages to fetch, {outcome.cached} pages "
                   f"already here, {outcome.failed} failed (dry run: nothing saved)")
        return
    click.echo(f"{outcome.folder}: {outcome.fetched} pages fetched, {outcome.cached} already here, "
               f"{outcome.failed} failed")


def _list_sites(profiles) -> None:
    for key, site in sorted(profiles.sites.items()):
        click.echo(f"{key:14} {site.paper}  ({site.family.name})  {site.start}")
    for name, family in profiles.families.items():
        click.echo(f"family {name}: {family.description}")


class Progress:
    """`fetching 人民日报 2025-03-18 [#####     ] 12/40 pages` on a terminal's stderr; nothing elsewhere."""

    WIDTH = 24

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.label = ""
        self.drawn = False

    def start(self, issue) -> None:
        self.finish()
        self.label = f"fetching {issue.paper or issue.key} {issue.date}"

    def update(self, done: int, total: int, url: str) -> None:
        if not self.shown:
            return
        filled = self.WIDTH * done // max(total, 1)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{' ' * (self.WIDTH - filled)}] {done}/{total} pages\x1b[K")
        sys.stderr.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            self.drawn = False

    def interrupting(self, report):
        """`report`, after moving off the bar's line so the message stands on its own."""
        def on_error(error: Exception) -> None:
            self.finish()
            report(error)
        return on_error


def fetch_inputs(paths: tuple[str, ...], fetch_dir: str | None, reporter: Reporter, sites_file: str | None = None,
                 delay: float = 1.0, timeout: float = 20.0, retries: int = 3) -> tuple[str, ...]:
    """`briefing brief URL...`: each URL fetched into FETCH_DIR (default: the user's cache folder) and replaced
    by the folder of its day; other paths are kept as they are."""
    if not any(p.startswith(URL_PREFIXES) for p in paths):
        return paths
    from ..fetch import load_profiles

    out = Path(fetch_dir) if fetch_dir else default_fetch_dir()
    urls = tuple(p for p in paths if p.startswith(URL_PREFIXES))
    issues = _issues(urls, (), None, load_profiles(sites_file), reporter)
    outcomes = _run(issues, str(out), _settings(delay, timeout, retries), reporter, False)
    folders = {issue.start: str(outcome.folder) for issue, outcome in zip(issues, outcomes) if outcome.folder.is_dir()}
    kept = (folders.get(p) if p.startswith(URL_PREFIXES) else p for p in paths)  # a URL that gave nothing is left out
    return tuple(dict.fromkeys(p for p in kept if p))


def default_fetch_dir() -> Path:
    """Where `brief URL...` keeps fetched pages: the user's cache folder (~/.cache/briefing/epaper on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing")) / "epaper"
