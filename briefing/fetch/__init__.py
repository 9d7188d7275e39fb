"""Fetch a day of e-papers (数字报) from their sites into folders the readers read.

    profiles.py  families (Founder classic and pc, People's Daily classic) and sites, from sites.toml
    client.py    the polite HTTP client (httpx, tenacity): robots.txt, delay, retries, size cap
    issues.py    what to fetch: a paper's day, from a site profile and a date or from a URL
    links.py     the links of a 版面 page to the same day of the same site
    walk.py      one issue: its 版面 pages, then their article pages, resumable
    store.py     OUT/PAPER/YYYY-MM-DD, atomic writes, the manifest of 版面 pages read

This stage comes before reading but imports it: the readers' own layout parser decides which 版面
pages are kept beside the articles (they give each article its 版次)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .client import Client, Settings
from .errors import FetchError, HostError, MissingDependency
from .profiles import Profiles, Site, load_profiles
from .issues import Issue, issue_for_site, issue_for_url
from .walk import OnError, OnProgress, Outcome, Walk

__all__ = ["fetch_issues", "Client", "Settings", "FetchError", "HostError", "MissingDependency", "Profiles",
           "Site", "load_profiles", "Issue", "Outcome", "issue_for_site", "issue_for_url"]


def fetch_issues(issues: Iterable[Issue], out: str | Path, client: Client, on_error: OnError,
                 on_progress: OnProgress | None = None, dry_run: bool = False,
                 on_start=None) -> list[Outcome]:
    """Walk each issue in turn into OUT/KEY/YYYY-MM-DD; failures go to `on_error`, one each, and the rest goes on.
    `on_start(issue)` is called before each walk (to label a progress bar)."""
    outcomes = []
    for issue in issues:
        if on_start is not None:
            on_start(issue)
        outcomes.append(Walk(issue, out, client, on_error, on_progress, dry_run).run())
    return outcomes
