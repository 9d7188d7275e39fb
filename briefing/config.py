"""briefing.toml: the brief's title, unit, issue number, section lexicon, stopwords and closing lines."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10 only
    import tomli as tomllib

CONFIG_NAME = "briefing.toml"
Lexicon = tuple[tuple[str, tuple[str, ...]], ...]
_KINDS = {str: 'a "quoted string"', int: "a whole number", float: "a number"}
_KEYS = {"title", "unit", "issue", "highlights", "sentences", "stopwords", "user_dict", "closing", "sections",
         "reference_doc", "line_spacing_pt", "roster", "only_roster", "length", "section_length", "papers", "keywords",
         "classification", "copies", "level", "protocol", "selection_note", "counts_line",
         "roundups", "watch"}
LEVELS = ("national", "province", "city", "district")


@dataclass(frozen=True)
class RosterEntry:
    """One leader as the office writes them: name, canonical title, protocol rank (smaller first)."""

    name: str
    title: str
    rank: int


@dataclass(frozen=True)
class Roster:
    """The office's own list of leaders; `only` means no other name counts as a leader."""

    entries: tuple[RosterEntry, ...] = ()
    only: bool = False

    def entry(self, name: str) -> RosterEntry | None:
        """The entry of a name, or None."""
        return next((e for e in self.entries if e.name == name), None)

    def names(self) -> tuple[str, ...]:
        """The names, longest first (a name found inside a longer one is the longer one's)."""
        return tuple(sorted((e.name for e in self.entries), key=len, reverse=True))


@dataclass(frozen=True)
class WatchEntry:
    """One line of `watch` (涉我报道): an article names it when it names one of `words` and every `must`
    word, and none of the `exclude` words ("樊惠林 +二七区 !退休")."""

    words: tuple[str, ...]
    must: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The entry's name in the report: its first word."""
        return self.words[0]


@dataclass(frozen=True)
class BriefConfig:
    """What an office sets once for all its briefs; every field has a working default."""

    title: str | None = None  # None: 每日要情 or 每周要情, from the period
    unit: str = ""
    issue: int | None = None  # None: the ISO week number (week) or the day of the year (day)
    highlights: int = 5
    sentences: int = 2
    stopwords: frozenset[str] = frozenset()
    user_dict: str | None = None
    closing: tuple[str, ...] = ()
    sections: Lexicon = ()  # empty: the shipped default lexicon
    reference_doc: str | None = None  # Word styles for .docx output; None: the shipped template
    line_spacing_pt: float | None = None  # .docx line spacing; None: the reference document's
    roster: Roster | None = None  # [[roster]] tables and only_roster; None: the built-in title hierarchy
    length: int | None = None  # items in full; None: 10 a day, 30 a week, 40 a month (select.DEFAULT_LENGTH)
    section_length: tuple[tuple[str, int], ...] = ()  # a section's own cap, over the shipped ones
    papers: tuple[tuple[str, str], ...] = ()  # file-name pattern -> paper name for 来源 (xwlb* = 新闻联播)
    keywords: bool = True  # print 本期关键词
    classification: str = ""  # 密级 or handling mark, e.g. 内部资料　注意保存
    copies: int | None = None  # 印发份数
    level: str | None = None  # national, province, city or district: who 领导活动 lists; None: from the inputs
    protocol: str | None = None  # an office's own protocol table; None: the shipped data/protocol.toml
    selection_note: bool = True  # print the selection rule (选编说明) under 本期要点
    counts_line: bool = True  # print the footer line that counts what became of the period's articles
    watch: tuple[WatchEntry, ...] = ()  # 涉我报道: the unit's names, places and leaders to find
    roundups: str = "omit"  # daily roundups (联播快讯): "omit" (named in left_out), "merge" (one line), "list"

    def lexicon(self) -> Lexicon:
        """The section lexicon in force: the configured one, or the shipped default."""
        return self.sections or default_lexicon()

    def section_lengths(self) -> dict[str, int]:
        """Each section's cap on items in full: the shipped caps (with the shipped lexicon), then the configured."""
        shipped = dict(default_section_length()) if not self.sections else {}
        return shipped | dict(self.section_length)


def default_lexicon() -> Lexicon:
    """The shipped lexicon (templates/sections.toml) for local government news."""
    text = (resources.files("briefing.templates") / "sections.toml").read_text(encoding="utf-8")
    return _lexicon(tomllib.loads(text)["sections"], "sections.toml")


def default_section_length() -> tuple[tuple[str, int], ...]:
    """The shipped caps on items in full per section (templates/sections.toml [length])."""
    text = (resources.files("briefing.templates") / "sections.toml").read_text(encoding="utf-8")
    return _counts(tomllib.loads(text).get("length", {}), "length", "sections.toml")


def find_config(path: str | None, cwd: Path | None = None) -> Path | None:
    """The file to read: `path` (which must exist), else briefing.toml in the working directory."""
    if path:
        if not Path(path).is_file():
            raise ConfigError(f"{path}: no such configuration file; check the --config path")
        return Path(path)
    candidate = (cwd or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


#: Word holds line spacing in twentieths of a point in a 16-bit field; 1584 pt (22 inches) is its own limit.
MAX_LINE_SPACING_PT = 1584


def load_config(path: str | None = None, cwd: Path | None = None) -> BriefConfig:
    """Read the configuration; no file means the defaults."""
    found = find_config(path, cwd)
    if found is None:
        return BriefConfig()
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{found}: cannot be read ({error}); save it as UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{found}: {error}; fix the TOML syntax") from None
    return parse_config(data, found)


def parse_config(data: dict[str, Any], where: Path) -> BriefConfig:
    """Check every key and type, so that a typo is an error rather than a silently ignored line."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(sorted(_KEYS))}")
    user_dict = _typed(data, "user_dict", str, where)
    reference_doc = _typed(data, "reference_doc", str, where)
    spacing = data.get("line_spacing_pt")
    if spacing is not None and (isinstance(spacing, bool) or not isinstance(spacing, (int, float))
                                or not 1 <= spacing <= MAX_LINE_SPACING_PT):  # also refuses inf and nan
        raise ConfigError(f"{where}: line_spacing_pt must be a number of points from 1 to {MAX_LINE_SPACING_PT}, like 28")
    return BriefConfig(
        title=_typed(data, "title", str, where),
        unit=_typed(data, "unit", str, where) or "",
        issue=_typed(data, "issue", int, where),
        highlights=_bounded(data, "highlights", 3, 5, 5, where),
        sentences=_bounded(data, "sentences", 1, 3, 2, where),
        stopwords=frozenset(_strings(data, "stopwords", where)),
        user_dict=str(where.parent / user_dict) if user_dict else None,  # relative to the file
        closing=tuple(_strings(data, "closing", where)),
        sections=_lexicon(data["sections"], where) if "sections" in data else (),
        reference_doc=str(where.parent / reference_doc) if reference_doc else None,
        line_spacing_pt=None if spacing is None else float(spacing),
        roster=_roster(data, where),
        length=_bounded(data, "length", 1, 500, None, where),
        section_length=_counts(data.get("section_length", {}), "section_length", where),
        papers=_names(data.get("papers", {}), where),
        keywords=_flag(data, "keywords", True, where),
        classification=_typed(data, "classification", str, where) or "",
        copies=_bounded(data, "copies", 1, 100000, None, where),
        level=_choice(data, "level", LEVELS, None, where),
        protocol=str(where.parent / protocol) if (protocol := _typed(data, "protocol", str, where)) else None,
        selection_note=_flag(data, "selection_note", True, where),
        counts_line=_flag(data, "counts_line", True, where),
        roundups=_choice(data, "roundups", ROUNDUPS, "omit", where),
        watch=_watch(data, where),
    )


ROUNDUPS = ("omit", "merge", "list")


def _choice(data: dict[str, Any], key: str, choices: tuple[str, ...], default: str | None, where: Path) -> str | None:
    value = _typed(data, key, str, where)
    if value is not None and value not in choices:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(choices)}, not {value!r}")
    return value or default


#: The marks of a watch entry's words, half- and full-width: +must, !exclude.
_MUST, _EXCLUDE = "+＋", "!！"
_WATCH_EXAMPLE = 'like ["二七区", "樊惠林 +二七区 !退休"]'


def _watch(data: dict[str, Any], where: Path) -> tuple[WatchEntry, ...]:
    """watch = ["二七区", "樊惠林 +二七区 !退休"]: each line one entry, its words split on spaces."""
    lines = data.get("watch", [])
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise ConfigError(f"{where}: watch must be a list of strings, {_WATCH_EXAMPLE}")
    return tuple(_watch_entry(line, where) for line in lines)


def _watch_entry(line: str, where: Path) -> WatchEntry:
    words: dict[str, list[str]] = {"words": [], "must": [], "exclude": []}
    for part in line.split():
        kind = "must" if part[0] in _MUST else "exclude" if part[0] in _EXCLUDE else "words"
        word = part if kind == "words" else part[1:]
        if len(word) < 2:
            raise ConfigError(f"{where}: watch entry {line!r}: {part!r} is too short to find; give whole names of "
                              f"two characters or more, {_WATCH_EXAMPLE}")
        words[kind].append(word)
    if not words["words"]:
        raise ConfigError(f"{where}: watch entry {line!r} names no word to find; put the name first, {_WATCH_EXAMPLE}")
    return WatchEntry(tuple(words["words"]), tuple(words["must"]), tuple(words["exclude"]))


def _roster(data: dict[str, Any], where: Path) -> Roster | None:
    """[[roster]] tables of name, title, rank; only_roster = true to count no one else."""
    only = data.get("only_roster", False)
    if not isinstance(only, bool):
        raise ConfigError(f"{where}: only_roster must be true or false, not {only!r}")
    tables = data.get("roster", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f'{where}: roster must be [[roster]] tables, like [[roster]] name = "…" title = "…" rank = 1')
    entries = []
    for table in tables:
        name, title, rank = table.get("name"), table.get("title"), table.get("rank")
        if not (isinstance(name, str) and name and isinstance(title, str) and title
                and isinstance(rank, int) and not isinstance(rank, bool)):
            raise ConfigError(f"{where}: each [[roster]] needs name and title (strings) and rank (a whole number), "
                              f"not {table!r}")
        entries.append(RosterEntry(name, title, rank))
    if only and not entries:
        raise ConfigError(f"{where}: only_roster = true needs [[roster]] entries; add them or drop only_roster")
    return Roster(tuple(entries), only) if entries else None


def _typed(data: dict[str, Any], key: str, kind: type, where: Path) -> Any:
    value = data.get(key)
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise ConfigError(f"{where}: {key} must be {_KINDS[kind]}, not {value!r}")
    return value


def _bounded(data: dict[str, Any], key: str, low: int, high: int, default: int, where: Path) -> int:
    value = _typed(data, key, int, where)
    if value is not None and not low <= value <= high:
        raise ConfigError(f"{where}: {key} must be between {low} and {high}, not {value}")
    return default if value is None else value


def _strings(data: dict[str, Any], key: str, where: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: {key} must be a list of strings, like ["…", "…"]')
    return value


def _lexicon(table: Any, where: Path | str) -> Lexicon:
    if not isinstance(table, dict) or not table:
        raise ConfigError(f'{where}: [sections] must map each section to a list of words, like 经济发展 = ["经济"]')
    for name, words in table.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ConfigError(f"{where}: section {name!r} must be a list of non-empty words")
    return tuple((name, tuple(words)) for name, words in table.items())


def _counts(table: Any, key: str, where: Path | str) -> tuple[tuple[str, int], ...]:
    if not isinstance(table, dict) or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                                              for v in table.values()):
        raise ConfigError(f'{where}: [{key}] must map a section to a whole number of items, like "国际动态" = 3')
    return tuple(table.items())


def _names(table: Any, where: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict) or not all(isinstance(v, str) and v for v in table.values()):
        raise ConfigError(f'{where}: [papers] must map a file-name pattern to a paper, like "xwlb*" = "新闻联播"')
    return tuple(table.items())


def _flag(data: dict[str, Any], key: str, default: bool, where: Path) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: {key} must be true or false, not {value!r}")
    return value
