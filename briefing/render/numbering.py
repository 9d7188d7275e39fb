"""The issue counter: per brief title, the last 第N期 of each year and the running 总第N期.

A small JSON file, `{"version": 1, "titles": {"每周要情": {"total": 12, "years": {"2025": 3},
"published": {"2025-01-13/2025-01-19": [3, 12]}}}}` (the numbers each period's issue was published with,
so publishing it again reuses them),
beside the configuration when one is given, else in the user's data folder; BRIEFING_STATE names
another file (tests use it). It is replaced atomically and changed under an exclusive lock on a
`.lock` file beside it, so two `render --publish` runs at once take different numbers.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import BriefingError
from .files import atomic_write_text

STATE_NAME = "briefing-issues.json"
ENV = "BRIEFING_STATE"


class StateError(BriefingError):
    """An issue-counter file that cannot be read or written."""


def state_path(config_path: str | None = None) -> Path:
    """Where the counter lives: $BRIEFING_STATE, beside --config, or the user's data folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    if config_path:
        return Path(config_path).resolve().parent / STATE_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir("briefing")) / STATE_NAME


class IssueCounter:
    """Read and advance the counter file at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold an exclusive lock for a read-render-record cycle (advisory; POSIX flock where there is one)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path.with_name(self.path.name + ".lock"), "a")
        except OSError as error:
            raise StateError(f"{self.path}: the issue counter cannot be created ({error.strerror}); "
                             f"set {ENV} to a writable file") from None
        with handle:
            try:
                import fcntl
            except ImportError:  # Windows: the atomic replace alone
                yield
                return
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def read(self) -> dict[str, Any]:
        """The counter's data; no file yet means no issue published."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"version": 1, "titles": {}}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise StateError(f"{self.path}: the issue counter cannot be read ({error}); "
                             "fix or remove the file (the next issue is then 第1期)") from None
        if not isinstance(data, dict) or not isinstance(data.get("titles"), dict):
            raise StateError(f"{self.path}: the issue counter must be an object with \"titles\"; fix or remove it")
        return data

    def last(self, title: str, year: str) -> tuple[int, int]:
        """The last 第N期 of `year` and the last 总第N期 of `title`; (0, 0) before the first."""
        entry = self.read()["titles"].get(title, {})
        return int(entry.get("years", {}).get(year, 0)), int(entry.get("total", 0))

    def peek(self, title: str, year: str) -> tuple[int, int]:
        """The numbers the next published issue takes."""
        issue, total = self.last(title, year)
        return issue + 1, total + 1

    def published(self, title: str, period: str) -> tuple[int, int] | None:
        """The 第N期 and 总第N期 the issue of `period` (start/end) was published with, or None."""
        numbers = self.read()["titles"].get(title, {}).get("published", {}).get(period)
        return (int(numbers[0]), int(numbers[1])) if numbers else None

    def counting(self, title: str, year: str) -> bool:
        """Whether the office counts this title's issues of `year` here (published or set by hand)."""
        return year in self.read()["titles"].get(title, {}).get("years", {})

    def record(self, title: str, year: str, issue: int, total: int, period: str | None = None) -> None:
        """Record a published issue (and the period it covers); the file is replaced whole."""
        data = self.read()
        entry = data["titles"].setdefault(title, {"total": 0, "years": {}})
        entry["total"] = max(int(entry.get("total", 0)), total)
        entry.setdefault("years", {})[year] = max(int(entry["years"].get(year, 0)), issue)
        if period:
            entry.setdefault("published", {})[period] = [issue, total]
        self._write(data)

    def set_last(self, title: str, year: str, issue: int, total: int | None = None) -> None:
        """Set the last 第N期 of `year` (and, when given, the last 总第N期): the next published is one more."""
        data = self.read()
        entry = data["titles"].setdefault(title, {"total": 0, "years": {}})
        entry.setdefault("years", {})[year] = issue
        if total is not None:
            entry["total"] = total
        self._write(data)

    def rows(self) -> list[tuple[str, str, int, int]]:
        """(title, year, last 第N期, last 总第N期) for every title and year counted, in order."""
        return [(title, year, int(last), int(entry.get("total", 0)))
                for title, entry in sorted(self.read()["titles"].items())
                for year, last in sorted(entry.get("years", {}).items())]

    def _write(self, data: dict[str, Any]) -> None:
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
