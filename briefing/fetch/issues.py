"""What to fetch: one paper's day, from a site profile and a date or from a page URL."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import FetchError
from .profiles import Family, Profiles, Site
from .store import safe_name


@dataclass(frozen=True)
class Issue:
    """One paper's day: the URL to start from, its family, the folder's name and the date."""

    start: str
    family: Family
    key: str
    date: dt.date
    paper: str | None = None


def issue_for_site(site: Site, date: dt.date) -> Issue:
    """The day of a site profile."""
    return Issue(site.start_url(date), site.family, site.key, date, site.paper)


def issue_for_url(url: str, profiles: Profiles) -> Issue:
    """The day a layout (or article) page URL belongs to; a URL no family knows raises FetchError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "is not an http:// or https:// URL",
                         "give the e-paper page's address as the browser shows it")
    family = profiles.family_of(url)
    if family is None:
        known = "; ".join(f.description or f.name for f in profiles.families.values())
        raise FetchError(url, f"is not a page of a known e-paper system ({known})",
                         "give the day's 版面 page, or describe the site in a profile (--sites FILE)")
    date = family.date_of(url)
    if date is None:
        raise FetchError(url, f"has no valid date where {family.name} URLs hold it ({family.day})", "check the URL")
    site = profiles.site_of(url, family)
    return Issue(url, family, site.key if site else _key_from_url(url, family), date, site.paper if site else None)


def _key_from_url(url: str, family: Family) -> str:
    """A folder name for a site without a profile: the host and the path before the date (paper.people.com.cn-rmrb)."""
    parts = urlsplit(url)
    match = family.layout.search(parts.path) or family.article.search(parts.path)
    prefix = parts.path[: match.start()] if match else ""
    segments = [s for s in prefix.split("/") if s and s not in ("html", "pc", "layout", "content")]
    return safe_name("-".join([parts.hostname or "site", *segments]))
