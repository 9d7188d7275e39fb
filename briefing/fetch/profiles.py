"""Site profiles as data: the e-paper families (how one day is laid out in URLs) and the sites on them.

The built-ins are `sites.toml` in this package; a user's file of the same shape adds sites and
families or replaces them by name. A URL is matched to a family by its path alone."""
from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10 only
    import tomli as tomllib

_FAMILY_KEYS = {"description", "layout", "article", "day", "article_marks"}
_SITE_KEYS = {"paper", "family", "start"}


@dataclass(frozen=True)
class Family:
    """One e-paper system: which links are a day's 版面 pages and articles, and what an article page holds."""

    name: str
    description: str
    layout: re.Pattern
    article: re.Pattern
    day: str
    article_marks: tuple[str, ...]

    def kind(self, url: str) -> str | None:
        """'layout', 'article' or None for a URL (query and fragment ignored)."""
        path = urlsplit(url).path
        if self.layout.search(path):
            return "layout"
        return "article" if self.article.search(path) else None

    def date_of(self, url: str) -> dt.date | None:
        """The issue date a layout or article URL of this family names."""
        path = urlsplit(url).path
        match = self.layout.search(path) or self.article.search(path)
        try:
            return dt.datetime.strptime(match.group("day"), self.day).date() if match else None
        except ValueError:  # 2024-13/40: not a date
            return None


@dataclass(frozen=True)
class Site:
    """A paper on a family's system: its name, and the URL of a day's first 版面 page as strftime codes."""

    key: str
    paper: str
    family: Family
    start: str

    def start_url(self, date: dt.date) -> str:
        """The day's first 版面 page."""
        return date.strftime(self.start)

    @property
    def host(self) -> str:
        return urlsplit(self.start).hostname or ""


@dataclass(frozen=True)
class Profiles:
    """Every family and site known: built-ins and the user's."""

    families: dict[str, Family]
    sites: dict[str, Site]

    def family_of(self, url: str) -> Family | None:
        """The family whose layout or article pattern the URL's path matches (layout patterns first)."""
        for family in self.families.values():
            if family.kind(url) == "layout":
                return family
        return next((f for f in self.families.values() if f.kind(url) == "article"), None)

    def site_of(self, url: str, family: Family) -> Site | None:
        """The known site on the URL's host and family, if any (it names the paper and the folder)."""
        host = urlsplit(url).hostname
        return next((s for s in self.sites.values() if s.host == host and s.family is family), None)


def load_profiles(user_file: str | Path | None = None) -> Profiles:
    """The built-in profiles, with a user's TOML file over them; a bad file raises ConfigError naming the key."""
    data = tomllib.loads(resources.files(__package__).joinpath("sites.toml").read_text(encoding="utf-8"))
    if user_file is not None:
        mine = _read_user_file(Path(user_file))
        for table in ("family", "site"):
            data.setdefault(table, {}).update(mine.get(table, {}))
    source = str(user_file) if user_file is not None else "sites.toml"
    families = {name: _family(name, spec, source) for name, spec in _table(data, "family", source).items()}
    sites = {key: _site(key, spec, families, source) for key, spec in _table(data, "site", source).items()}
    return Profiles(families, sites)


def _read_user_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error}); check the path given to --sites") \
            from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: is not valid TOML ({error}); see briefing/fetch/sites.toml for the shape") \
            from None
    unknown = sorted(set(data) - {"family", "site"})
    if unknown:
        raise ConfigError(f"{path}: unknown table [{unknown[0]}]; a sites file has [site.NAME] and [family.NAME]")
    return data


def _table(data: dict, name: str, source: str) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise ConfigError(f"{source}: [{name}] must hold tables, one [{name}.NAME] each")
    return table


def _family(name: str, spec: dict, source: str) -> Family:
    _check_keys(spec, _FAMILY_KEYS, f"family.{name}", source)
    marks = spec.get("article_marks", [])
    if not isinstance(marks, list) or not all(isinstance(m, str) and m for m in marks):
        raise ConfigError(f"{source}: family.{name}.article_marks must be a list of strings")
    return Family(name, _string(spec, "description", f"family.{name}", source, ""),
                  _pattern(spec, "layout", name, source), _pattern(spec, "article", name, source),
                  _string(spec, "day", f"family.{name}", source), tuple(marks))


def _pattern(spec: dict, key: str, name: str, source: str) -> re.Pattern:
    text = _string(spec, key, f"family.{name}", source)
    try:
        pattern = re.compile(text)
    except re.error as error:
        raise ConfigError(f"{source}: family.{name}.{key} is not a regular expression ({error})") from None
    if "day" not in pattern.groupindex:
        raise ConfigError(f"{source}: family.{name}.{key} needs a (?P<day>...) group holding the date")
    return pattern


def _site(key: str, spec: dict, families: dict[str, Family], source: str) -> Site:
    _check_keys(spec, _SITE_KEYS, f"site.{key}", source)
    family = _string(spec, "family", f"site.{key}", source)
    if family not in families:
        raise ConfigError(f"{source}: site.{key}.family {family!r} is not a family; "
                          f"one of {', '.join(sorted(families))}, or a [family.{family}] of your own")
    start = _string(spec, "start", f"site.{key}", source)
    if urlsplit(start).scheme not in ("http", "https") or not urlsplit(start).hostname:
        raise ConfigError(f"{source}: site.{key}.start must be an http:// or https:// URL")
    site = Site(key, _string(spec, "paper", f"site.{key}", source), families[family], start)
    sample = site.start_url(dt.date(2024, 3, 12))
    if families[family].kind(sample) != "layout" or families[family].date_of(sample) != dt.date(2024, 3, 12):
        raise ConfigError(f"{source}: site.{key}.start is not a {family} layout page with the date in it "
                          f"(2024-03-12 gives {sample}); write the date as %Y, %m and %d where the family has it")
    return site


def _string(spec: dict, key: str, where: str, source: str, default: str | None = None) -> str:
    value = spec.get(key, default)
    if not isinstance(value, str) or (default is None and not value):
        raise ConfigError(f"{source}: {where}.{key} must be a non-empty \"quoted string\"")
    return value


def _check_keys(spec: dict, known: set[str], where: str, source: str) -> None:
    unknown = sorted(set(spec) - known)
    if unknown:
        raise ConfigError(f"{source}: {where}.{unknown[0]} is not a key; known: {', '.join(sorted(known))}")
