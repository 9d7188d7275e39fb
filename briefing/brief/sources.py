"""来源 as printed: an input's name for its source mapped to the name a brief prints (data/sources.toml).

A record of the 新闻联播 web transcript says "CCTV Xinwen Lianbo web transcript"; the brief prints
新闻联播. A name the table does not know prints as given when it is Chinese (青溪报 第03版), else as
本报 or 稿件, so that a stray file's name (notes, scan_001) is never a source. An item cites under this
name (brief.items.cite), and printing maps again (render.printed), for drafts written before or by hand.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import re
import tomllib
from functools import lru_cache
from importlib import resources

from ..models import Source

_PAGE = re.compile(r"(\s*第\S+版)$")
_CHINESE = re.compile(r"[\u3400-\u9fff]")
#: Names a brief prints when nothing names the source: a page of one's own paper, or a record.
OWN_PAPER, RECORD = "本报", "稿件"


@lru_cache(maxsize=1)
def _table() -> dict:
    return tomllib.loads(resources.files("briefing.data").joinpath("sources.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def stray_names() -> tuple[str, ...]:
    """Names a file gets when nobody named it (新建文本文档, 副本, untitled): lower-cased patterns."""
    return tuple(n.casefold() for n in _table().get("stray", {}).get("names", ()))


@lru_cache(maxsize=1)
def known_sources() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The built-in table: (printed name, the names inputs use for it, lower-cased patterns)."""
    table = _table()["source"]
    return tuple((name, tuple(n.casefold() for n in entry["names"])) for name, entry in table.items())


def printed_name(name: str, has_id: bool = False) -> str:
    """The 来源 a brief prints for `name` (with its 第N版 kept): the name itself when it is Chinese (a paper's
    own name, 本报, or what [papers] in briefing.toml gave), else the table's name, else 本报 (稿件 for a
    record with an id)."""
    match = _PAGE.search(name)
    page = match.group(1) if match else ""
    bare = name[:match.start()].strip() if match else name.strip()
    key = bare.casefold()
    if any(fnmatch.fnmatchcase(key, pattern) for pattern in stray_names()):
        return (RECORD if has_id else OWN_PAPER) + page
    if _CHINESE.search(bare):  # a paper's own name, or one [papers] in briefing.toml gave: never renamed
        return bare + page
    for printed, patterns in known_sources():
        if any(fnmatch.fnmatchcase(key, pattern) for pattern in patterns):
            return printed + page
    return (RECORD if has_id else OWN_PAPER) + page


def printed_source(source: Source) -> Source:
    """The source under the name a brief prints (its display name already holds the paper and page)."""
    name = printed_name(source.source, source.id is not None)
    return source if name == source.source else dataclasses.replace(source, source=name)
