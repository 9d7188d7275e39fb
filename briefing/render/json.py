"""The brief as data: `brief.json` is the whole Brief, and the draft a reviewer edits (docs/brief-schema.md).

`brief_to_dict` and `brief_from_dict` are exact inverses on every valid brief. Reading is strict:
an unknown key, a missing one or a wrong type is a DraftError naming the key path and what it
must be, so a hand edit that breaks the draft is caught before anything is rendered.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DraftError
from .files import atomic_write_text
from ..models import Brief

VERSION = 1
PERIODS = ("day", "week", "month", "quarter", "year")
_KINDS = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
_PLURALS = {str: "strings", int: "whole numbers", float: "numbers", bool: "true or false values"}


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as JSON-ready data: dataclasses become objects, tuples lists; `version` first."""
    return {"version": VERSION, **_to_data(brief)}


def _to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_to_data(v) for v in value]
    return value


def brief_from_dict(data: Any, source: str = "draft") -> Brief:
    """A Brief from data shaped like `brief_to_dict`'s; DraftError names the first key that does not fit."""
    if not isinstance(data, dict):
        raise DraftError(f"{source}: a brief draft must be a JSON object {{\"title\": …, \"sections\": […]}}")
    data = dict(data)
    version = data.pop("version", VERSION)
    if version != VERSION:
        raise DraftError(f"{source}: version must be {VERSION} (this tool's draft format), not {version!r}")
    brief = _from_data(Brief, data, "", source)
    _check_values(brief, source)
    return brief


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_data(kind: Any, value: Any, where: str, source: str) -> Any:
    """`value` checked against the annotation `kind` and converted (lists to tuples, objects to dataclasses)."""
    expected = _describe(kind)
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        if value is None:
            return None
        kind = next(a for a in typing.get_args(kind) if a is not type(None))
    if dataclasses.is_dataclass(kind):
        return _object(kind, value, where, source)
    if typing.get_origin(kind) is tuple:
        if not isinstance(value, list):
            raise _wrong(where, expected, value, source)
        inner = typing.get_args(kind)[0]
        return tuple(_from_data(inner, v, f"{where}[{i}]", source) for i, v in enumerate(value))
    if kind is bool:
        if not isinstance(value, bool):
            raise _wrong(where, expected, value, source)
        return value
    ok = isinstance(value, (int, float)) if kind is float else isinstance(value, kind)
    if not ok or isinstance(value, bool):
        raise _wrong(where, expected, value, source)
    return float(value) if kind is float else value


def _object(cls: type, value: Any, where: str, source: str) -> Any:
    names = [f.name for f in dataclasses.fields(cls)]
    if not isinstance(value, dict):
        raise _wrong(where, f"an object with the keys {', '.join(names)}", value, source)
    unknown = [key for key in value if key not in names]
    if unknown:
        raise DraftError(f"{source}: unknown key {_path(where, unknown[0])!r}; the keys here are {', '.join(names)}")
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    missing = [key for key in required if key not in value]
    if missing:
        expected = _describe(_hints(cls)[missing[0]])
        raise DraftError(f"{source}: missing key {_path(where, missing[0])!r}, which must be {expected}")
    hints = _hints(cls)
    return cls(**{key: _from_data(hints[key], v, _path(where, key), source) for key, v in value.items()})


def _check_values(brief: Brief, source: str) -> None:
    """What types cannot say: the period's name, ISO dates, unique item keys."""
    if brief.period not in PERIODS:
        raise DraftError(f"{source}: period must be one of {', '.join(PERIODS)}, not {brief.period!r}")
    dates = [("start", brief.start), ("end", brief.end), ("date", brief.date or None)]
    keys: set[str] = set()
    placed = [(f"sections[{n}].items[{i}]", item) for n, section in enumerate(brief.sections)
              for i, item in enumerate(section.items)]
    for where, item in placed + [(f"more[{i}]", item) for i, item in enumerate(brief.more)]:
        dates.append((f"{where}.date", item.date))
        if item.key and item.key in keys:
            raise DraftError(f"{source}: {where}.key {item.key!r} is used twice; give each item its own key")
        keys.add(item.key)
    for where, value in dates:
        try:
            value is None or dt.date.fromisoformat(value)
        except ValueError:
            raise DraftError(f"{source}: {where} must be a date written YYYY-MM-DD, not {value!r}") from None


def _describe(kind: Any, plural: bool = False) -> str:
    """What a value of this annotation looks like in JSON, in words."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return " or ".join("null" if a is type(None) else _describe(a, plural) for a in typing.get_args(kind))
    if typing.get_origin(kind) is tuple:
        return f"a list of {_describe(typing.get_args(kind)[0], plural=True)}"
    if dataclasses.is_dataclass(kind):
        return f"{{{', '.join(f.name for f in dataclasses.fields(kind))}}} object" + ("s" if plural else "")
    return (_PLURALS if plural else _KINDS).get(kind, str(kind))


def _wrong(where: str, expected: str, value: Any, source: str) -> DraftError:
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:37] + "…"
    return DraftError(f"{source}: {where or 'the draft'} must be {expected}, not {shown}")


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def dumps(brief: Brief) -> str:
    """The brief as indented JSON text, Chinese kept readable, ending in a newline."""
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def write_brief_json(brief: Brief, path: str | Path, force: bool = True) -> None:
    """Write brief.json atomically: complete or absent (without force, never over a file made meanwhile)."""
    atomic_write_text(path, dumps(brief), force)


def load_draft(path: str | Path) -> Brief:
    """A brief draft read from a .json file; DraftError says what is wrong and where."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise DraftError(f"{path}: cannot be read ({error.strerror}); check the path") from None
    except UnicodeDecodeError:
        raise DraftError(f"{path}: is not UTF-8 text; save the draft as UTF-8") from None
    except json.JSONDecodeError as error:
        raise DraftError(f"{path}:{error.lineno}: {error.msg}; fix the JSON syntax") from None
    return brief_from_dict(data, str(path))
