"""Batch export: one Word file per article, safely named, written atomically, resumable."""
from __future__ import annotations

import dataclasses
import re
import signal
import threading
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError
from ..models import Article, ArticleSummary, Options

MAX_TITLE_CHARS = 40  # 40 CJK characters are 120 UTF-8 bytes: whole names stay far below 255 bytes
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class Outcome:
    """What happened to one article: written, skipped (already there) or failed, with the reason."""

    status: str
    target: Path
    reason: str = ""


def safe_part(text: str, max_chars: int = MAX_TITLE_CHARS) -> str:
    """A piece of a file name that Windows, macOS and Linux all accept: no / \\ : * ? " < > |, no trailing dot."""
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub("_", _UNSAFE.sub("_", text)).strip("._ ")
    text = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)[:max_chars].rstrip("._ ")
    return f"_{text}" if text.upper().split(".")[0] in _WINDOWS_RESERVED else text


def file_stem(article: Article) -> str:
    """date (or page name), 1-based index on the page, title: 2023-04-21_01_外出招商谋合作."""
    page = "stdin" if article.source == "-" else safe_part(Path(article.source).stem, 40)
    prefix = article.date or page or "page"
    title = safe_part(article.title) or "untitled"
    return f"{prefix}_{article.index + 1:02d}_{title}"


def plan(articles: Iterable[Article], out_dir: Path, resume: bool = False) -> Iterator[tuple[Article, Path, bool]]:
    """Each article with its target and whether that file already holds it (with resume).

    Repeated names get _2, _3 (compared without case, as Windows does); with resume, a name whose file
    holds another article (an edited page, another article of the same date and title) is passed over
    too, so a finished file is skipped and nothing else is taken for one.
    """
    from ..render.docx import article_mark

    seen: set[str] = set()
    for article in articles:
        stem = base = file_stem(article)
        n, done = 1, False
        mark = article_mark(article) if resume else ""
        while stem.casefold() in seen or (resume and (held := _held_mark(out_dir / f"{stem}.docx")) is not None
                                          and not (done := held == mark)):
            n += 1
            stem = f"{base}_{n}"
        seen.add(stem.casefold())
        yield article, out_dir / f"{stem}.docx", done


def _held_mark(path: Path) -> str | None:
    """The mark of the article an exported file holds; "" for a file without one; None when there is no file."""
    import re
    import zipfile

    if not path.exists():
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""
    found = re.search(r"#([0-9a-f]{16})</dc:description>", core)
    return found.group(1) if found else ""


def export_articles(articles: Iterable[Article], out_dir: str | Path, options: Options = Options(),
                    workers: int = 1, force: bool = False, reference_doc: str | None = None,
                    dask: str | None = None) -> Iterator[Outcome]:
    """Summarize and write each article; existing files are complete (writes are atomic), so they are skipped.
    With `dask` (a scheduler address, or local) the analysis runs on a Dask cluster; the files are the same."""
    from .dask_run import stream
    from ..render.article_docx import write_article

    pending: deque[Path] = deque()
    skipped: deque[Path] = deque()

    def to_write() -> Iterator[Article]:
        for article, target, done in plan(articles, Path(out_dir), resume=not force):
            if done:
                skipped.append(target)  # resume: the analysis of a finished file is not redone
            else:
                pending.append(target)
                yield article

    previous = _ignore_sigint() if workers > 1 or dask else None
    try:
        articles_in = _restoring_sigint(previous, map(_storable, to_write()))
        for result in stream(articles_in, options, workers, dask=dask):
            yield from _drain(skipped)
            yield _write(result, pending.popleft(), write_article, reference_doc)
    finally:
        _restore_sigint(previous)
    yield from _drain(skipped)


# Ctrl-C reaches every process of the group; a pool worker killed mid-task leaves Pool.map waiting forever
# (seen: `export --workers 2` hung after Ctrl-C). Workers spawned while SIGINT is ignored inherit that, so
# only the main process stops, and leaving the pool's `with` terminates them.
def _ignore_sigint():
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, signal.SIG_IGN)


def _restore_sigint(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGINT, previous)


def _restoring_sigint(previous, articles: Iterator[Article]) -> Iterator[Article]:
    """Restore Ctrl-C as soon as the pool asks for its first article: the workers exist by then."""
    _restore_sigint(previous)
    yield from articles


def _storable(article: Article) -> Article:
    """The article without text Word cannot store; the segmenter also fails on lone surrogates."""
    from ..render.docx import clean

    subtitle = clean(article.subtitle) if article.subtitle else article.subtitle
    return dataclasses.replace(article, title=clean(article.title), subtitle=subtitle,
                               paragraphs=tuple(clean(p) for p in article.paragraphs))


def _drain(skipped: deque[Path]) -> Iterator[Outcome]:
    while skipped:
        yield Outcome("skipped", skipped.popleft())


def _write(result, target: Path, write_article, reference_doc: str | None) -> Outcome:
    """Write one summary; an analysis or write failure becomes a failed Outcome with the reason."""
    if not isinstance(result, ArticleSummary):
        return Outcome("failed", target, str(result))
    try:
        write_article(result, target, reference_doc)
    except (BriefingError, OSError, ValueError) as error:
        return Outcome("failed", target, f"{target.name}: cannot be written ({error})")
    return Outcome("written", target)
