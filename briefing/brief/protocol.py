"""The protocol table (data/protocol.toml, or an office's own): national leaders in their order and with
their titles, the order of central units and of provinces, and which officials each level of brief lists.

Rank is the coarse protocol band of a title (analyze.offices.rank_of: central 0-99, a province 100-199,
a city 200-299, a district 300-399, a township 400-499); `order` refines it within the band (the
table's position, the unit's, the province's), so that 政治局委员 follow the strokes of their surnames
and ministers the State Council's order.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import LEVELS
from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10 only
    import tomli as tomllib

_BANDS = ("central", "province", "city", "district", "township")
_UNPLACED = 10_000


@dataclass(frozen=True)
class Level:
    """What a brief of one level lists: the largest rank of each band (0: nobody of that band)."""

    name: str
    description: str
    bands: tuple[int, ...]  # central, province, city, district, township

    def lists(self, rank: int) -> bool:
        """Whether an official of this protocol rank is listed in 领导活动."""
        band = rank // 100
        return band < len(self.bands) and self.bands[band] > 0 and rank <= self.bands[band]


@dataclass(frozen=True)
class Rule:
    """One row of the importance table: who acts (the largest rank, -1: no leader needed), what kind of
    act (a pattern on the headline), the tier it gives, its weight within the tier, and its level."""

    kind: str
    act: str
    who: int
    tier: int
    weight: float = 0.0
    level: str | None = None


@dataclass(frozen=True)
class Protocol:
    """The table in force: its date and source, the leaders, the unit and province orders, the levels."""

    date: str
    source: str
    leaders: tuple[tuple[str, str], ...]  # (name, title) in protocol order
    central_units: tuple[str, ...] = ()  # regular expressions, in order
    provinces: tuple[str, ...] = ()
    levels: tuple[Level, ...] = ()
    recaps: tuple[str, ...] = ()  # headlines of reports that recount or comment: no acts are taken from them
    importance: tuple[Rule, ...] = ()  # what leads the brief, first match wins
    _position: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._position.update((name, i) for i, (name, _) in reversed(list(enumerate(self.leaders))))

    def title(self, name: str) -> str | None:
        """The table's title of a national leader, or None for anyone else."""
        at = self._position.get(name)
        return None if at is None else self.leaders[at][1]

    def names(self) -> tuple[str, ...]:
        """The table's names, longest first (a name inside a longer one is the longer one's)."""
        return tuple(sorted(self._position, key=len, reverse=True))

    def order(self, name: str, title: str) -> int:
        """The place of an official within their rank band: the table's position, else their unit's."""
        if name in self._position:
            return self._position[name]
        for i, pattern in enumerate(self.central_units):
            if re.search(pattern, title):
                return 1000 + i
        for i, province in enumerate(sorted(self.provinces, key=len, reverse=True)):
            if title.startswith(province):
                return 2000 + self.provinces.index(province)
        return _UNPLACED

    def level(self, name: str) -> Level:
        """The level of that name (national, province, city, district)."""
        for level in self.levels:
            if level.name == name:
                return level
        raise ConfigError(f"level {name!r} is not in the protocol table; the levels are "
                          f"{', '.join(level.name for level in self.levels)}")


def load_protocol(path: str | None = None) -> Protocol:
    """The shipped table (data/protocol.toml), or an office's own file with the same keys."""
    if path is None:
        return _shipped()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: the protocol table cannot be read ({error}); save it as UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}; fix the TOML syntax of the protocol table") from None
    return parse_protocol(data, str(path))


@lru_cache(maxsize=1)
def _shipped() -> Protocol:
    text = (Path(__file__).parent.parent / "data" / "protocol.toml").read_text(encoding="utf-8")
    return parse_protocol(tomllib.loads(text), "protocol.toml")


def parse_protocol(data: dict[str, Any], where: str) -> Protocol:
    """Check the table's keys and types: a mistake is one line naming the key."""
    about = data.get("about", {})
    if not isinstance(about, dict) or not isinstance(about.get("date"), str) or not about.get("date"):
        raise ConfigError(f'{where}: the protocol table needs [about] date = "YYYY-MM-DD" (the day it was checked)')
    leaders = data.get("leaders", [])
    if not isinstance(leaders, list) or not all(
            isinstance(row, dict) and isinstance(row.get("name"), str) and isinstance(row.get("title"), str)
            for row in leaders):
        raise ConfigError(f'{where}: leaders must be a list of {{ name = "…", title = "…" }} in protocol order')
    units = _patterns(data, "central_units", where)
    levels = data.get("levels", {})
    if not isinstance(levels, dict) or not levels:
        raise ConfigError(f"{where}: the protocol table needs [levels.national] … tables ({', '.join(LEVELS)})")
    return Protocol(
        date=about["date"], source=str(about.get("source", "")),
        leaders=tuple((row["name"], row["title"]) for row in leaders),
        central_units=units, provinces=_strings(data, "provinces", where),
        levels=tuple(_level(name, table, where) for name, table in levels.items()),
        recaps=_patterns(data, "recaps", where), importance=_rules(data, where))


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f'{where}: {key} must be a list of strings, like {key} = ["…", "…"]')
    return tuple(value)


def _patterns(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    patterns = _strings(data, key, where)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ConfigError(f"{where}: {key} {pattern!r} is not a regular expression ({error})") from None
    return patterns


def _rules(data: dict[str, Any], where: str) -> tuple[Rule, ...]:
    rows = data.get("importance", [])
    if not isinstance(rows, list):
        raise ConfigError(f"{where}: importance must be a list of {{ kind, act, who, tier }} rows")
    rules = []
    for n, row in enumerate(rows):
        ok = (isinstance(row, dict) and isinstance(row.get("act"), str) and isinstance(row.get("who"), int)
              and row.get("tier") in (1, 2, 3, 4) and isinstance(row.get("weight", 0), (int, float))
              and row.get("level", "national") in LEVELS)
        if not ok:
            raise ConfigError(f"{where}: importance[{n}] needs act (a pattern), who (a rank, -1 for none), "
                              f"tier (1-4), and may have kind, weight (a number) and level ({', '.join(LEVELS)})")
        try:
            re.compile(row["act"])
        except re.error as error:
            raise ConfigError(f"{where}: importance[{n}].act {row['act']!r} is not a regular expression ({error})") from None
        rules.append(Rule(str(row.get("kind", "")), row["act"], row["who"], row["tier"], float(row.get("weight", 0)),
                          row.get("level")))
    return tuple(rules)


def _level(name: str, table: Any, where: str) -> Level:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: levels.{name} must be a table of central, province, city, district, township")
    bands = []
    for band in _BANDS:
        value = table.get(band, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}: levels.{name}.{band} must be a whole number (the largest rank listed, "
                              f"0 for none)")
        bands.append(value)
    return Level(name, str(table.get("description", "")), tuple(bands))
