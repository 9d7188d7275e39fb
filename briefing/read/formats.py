"""Readers for the inputs offices receive besides plain pages: e-paper HTML, newspaper PDF, legacy Word.
Each reader takes (path, date) and returns the file's articles or raises InputError."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..models import Article


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})", "check its permissions") from None


def read_html_file(path: Path, date: str | None = None) -> list[Article]:
    """The article of an HTML page."""
    from .html import read_html
    from .layout import with_layout_page

    return [with_layout_page(a, path) for a in read_html(_read_bytes(path), str(path), date)]


def read_pdf_file(path: Path, date: str | None = None) -> list[Article]:
    """The articles of a PDF newspaper page."""
    from .pdf import read_pdf

    return read_pdf(path, date)


def read_legacy_file(path: Path, date: str | None = None) -> list[Article]:
    """The articles of a .doc or .wps file, converted by LibreOffice."""
    from .legacy import read_legacy

    return read_legacy(path, date)


OTHER_READERS = {".html": read_html_file, ".htm": read_html_file, ".shtml": read_html_file,
                 ".pdf": read_pdf_file, ".doc": read_legacy_file, ".wps": read_legacy_file}


def is_layout_page(path: Path) -> bool:
    """A 版面 page in a folder: its articles are read from their own pages, so it is left out."""
    if path.suffix.lower() not in (".html", ".htm", ".shtml"):
        return False
    from .layout import is_layout_file

    return is_layout_file(path)


_CONTENT_ID_RE = re.compile(r"content_(\d+)")


def once_each(paths: Iterable[str]) -> list[str]:
    """A saved issue's article pages, each content id once: a browser saves content_N.htm and
    content_N.htm?div=-1 as two files of one article."""
    seen: set[tuple[str, str]] = set()
    out = []
    for path in paths:
        match = _CONTENT_ID_RE.search(Path(path).name)
        key = (str(Path(path).parent), match.group(1)) if match and Path(path).suffix.lower() != ".pdf" else None
        if key is None or key not in seen:
            out.append(path)
        if key:
            seen.add(key)
    return out
