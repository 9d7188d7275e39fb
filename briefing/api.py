"""The library's entry points: read inputs into articles, summarize text."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import InputError
from .ingest import (READABLE_SUFFIXES, check_prose, date_from_name, normalise_newlines, read_docx, read_jsonl,
                     read_text_file, split_page)
from .inputs import OTHER_READERS, is_layout_page, once_each
from .models import Article, ArticleSummary, Options

Log = Callable[[str], None]


def summarize(text: str, options: Options = Options()) -> list[ArticleSummary]:
    """Split a page (or one article) into articles and summarize each."""
    from .scoring import summarize_article

    text = normalise_newlines(text)  # the same text a file with these characters would give
    check_prose(text, "<text>")
    return [summarize_article(article, options) for article in split_page(text, "<text>")]


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; folders replaced by the readable files under them, sorted."""
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            out.extend(once_each(str(f) for f in sorted(p.rglob("*")) if _is_input(f)))
        else:
            out.append(path)
    return out


def _is_input(path: Path) -> bool:
    """A file in a folder worth reading: a readable type, not hidden, not the folder's README."""
    return (path.is_file() and path.suffix.lower() in READABLE_SUFFIXES and not path.name.startswith(".")
            and not path.stem.upper().startswith("README") and not is_layout_page(path))


def read_articles(path: str, date: str | None = None, log: Log | None = None,
                  on_error: Callable[[InputError], None] | None = None, parse: bool = True) -> Iterator[Article]:
    """Articles of one input: a page file, a .docx, a .jsonl (one article a line), or `-` for stdin.

    Whole-file problems raise InputError; a bad line of a .jsonl goes to `on_error` and is skipped.
    parse=False leaves the lines of a .jsonl unparsed (ingest.JsonlLine), for a worker to parse.
    """
    if path == "-":
        yield from read_text_file(sys.stdin.buffer.read(), "-", date, log)
        return
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or folder", "check the path")
    if p.is_dir():
        raise InputError(path, "is a folder", "give the files in it, or use `briefing brief` which reads folders")
    date = date or date_from_name(p.name)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        yield from read_docx(p, date)
        return
    if suffix in OTHER_READERS:
        yield from OTHER_READERS[suffix](p, date)
        return
    try:
        data = p.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from None
    if suffix == ".jsonl":
        yield from read_jsonl(data, path, date, on_error, parse)
    else:
        yield from read_text_file(data, path, date, log)
