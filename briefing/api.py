"""The library's entry points: read inputs into articles, summarize text."""
from __future__ import annotations

import datetime as dt

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from typing import TYPE_CHECKING

from .errors import EmptyInputError, InputError, OptionsError
from .read.ingest import (READABLE_SUFFIXES, check_prose, date_from_name, normalise_newlines, read_bounded, read_docx,
                          read_jsonl_file, read_text_file, split_page)
from .read.formats import OTHER_READERS, is_layout_page, once_each
from .models import Article, ArticleSummary, Brief, Options

if TYPE_CHECKING:
    from .config import BriefConfig

Log = Callable[[str], None]


def summarize(text: str, options: Options = Options()) -> list[ArticleSummary]:
    """Split a page (or one article) into articles and summarize each, by the options' engine."""
    from .analyze.engines import analyse, prepare

    if not isinstance(text, str):
        raise InputError("<text>", f"summarize() takes the text as a str, not {type(text).__name__}",
                         "decode bytes first, or give a file to read_articles()")
    if not isinstance(options, Options):
        raise OptionsError(f"summarize(text, options): options must be an Options, not {type(options).__name__}")
    text = normalise_newlines(text)  # the same text a file with these characters would give
    check_prose(text, "<text>")
    prepare(options)
    return [analyse(article, options) for article in split_page(text, "<text>")]


def summarize_article(article: Article, options: Options = Options()) -> ArticleSummary:
    """Keywords, keyphrases, key sentences and entities of one article, by the options' engine."""
    from .analyze.engines import analyse

    if not isinstance(article, Article):
        raise InputError("<article>", f"summarize_article() takes an Article, not {type(article).__name__}",
                         "build one with read_articles() or Article(title=..., paragraphs=(...))")
    if not isinstance(options, Options):
        raise OptionsError(f"summarize_article(article, options): options must be an Options, "
                           f"not {type(options).__name__}")
    check_article(article)
    return analyse(article, options)


_OPTIONAL_TEXT = ("subtitle", "date", "id", "pretitle", "paper", "page")


def check_article(article: Article, where: str = "<article>") -> None:
    """An Article built by hand holds what the reader would give it (text where text belongs), else
    an InputError naming the field: a None among the paragraphs ended in a TypeError deep in the analysis."""
    def wrong(field: str, value, expected: str = "text") -> InputError:
        return InputError(where, f"Article.{field} is {type(value).__name__}, not {expected}",
                          "give the title and each paragraph as a str (read_articles() builds Articles)")

    if not isinstance(article.title, str):
        raise wrong("title", article.title)
    if not isinstance(article.paragraphs, (tuple, list)):
        raise wrong("paragraphs", article.paragraphs, "a tuple of str")
    for number, paragraph in enumerate(article.paragraphs):
        if not isinstance(paragraph, str):
            raise wrong(f"paragraphs[{number}]", paragraph)
    for field in _OPTIONAL_TEXT:
        if (value := getattr(article, field)) is not None and not isinstance(value, str):
            raise wrong(field, value)
    if not isinstance(article.source, str):
        raise wrong("source", article.source)
    if not isinstance(article.index, int) or isinstance(article.index, bool):
        raise InputError(where, f"Article.index is {type(article.index).__name__}, not an int",
                         "give the article's position on its page as an int, from 0")


def expand_paths(paths: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Files as given; folders replaced by the readable files under them, sorted, without those under
    `exclude` (an output folder or file inside an input folder is not read back as input)."""
    skip = [Path(e).resolve() for e in exclude]
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and _is_folder(p):
            found = (f for f in sorted(p.rglob("*")) if _is_input(f) and not _under(f, skip))
            out.extend(once_each(str(f) for f in found))
        else:
            out.append(path)
    return out


def _is_folder(path: Path) -> bool:
    """Whether path is a folder; a path that cannot be looked up is not (read_articles reports it)."""
    try:
        return _kind(path) == "folder"
    except InputError:
        return False


def _kind(path: Path) -> str:
    """"missing", "folder", "file" or "special" (a device, pipe or socket); a path the system refuses
    to look up (a name too long, a loop of links, no permission) is an InputError naming it."""
    import stat

    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError as error:
        raise InputError(str(path), f"cannot be looked up ({error.strerror})",
                         "check the path: each name in it at most 255 bytes, no loop of links") from None
    return "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "special"


def _under(path: Path, folders: list[Path]) -> bool:
    if not folders:
        return False
    real = path.resolve()
    return any(real == folder or real.is_relative_to(folder) for folder in folders)


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
    if not isinstance(path, (str, Path)):
        raise InputError(repr(path), f"read_articles() takes a path or '-', not {type(path).__name__}",
                         "give the file's path as a string")
    path = str(path)
    if path == "-":
        yield from read_text_file(read_bounded(sys.stdin.buffer, "-"), "-", date, log)
        return
    p = Path(path)
    kind = _kind(p)
    if kind == "missing":
        raise InputError(path, "no such file or folder", "check the path")
    if kind == "folder":
        raise InputError(path, "is a folder", "give the files in it, or use `briefing brief` which reads folders")
    if kind == "special":  # a FIFO would block, /dev/zero never ends
        raise InputError(path, "is not a regular file (a device, pipe or socket)",
                         "save the text to a file first, or pipe it in as `-`")
    date = date or date_from_name(p.name)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        yield from read_docx(p, date)
        return
    if suffix == ".jsonl":
        yield from read_jsonl_file(p, path, date, on_error, parse)
        return
    if suffix in OTHER_READERS:
        yield from OTHER_READERS[suffix](p, date)
        return
    try:
        with p.open("rb") as file:
            data = read_bounded(file, path)
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from None
    yield from read_text_file(data, path, date, log)


def brief_articles(articles: Iterable[Article], config: BriefConfig | None = None, period: str = "week",
                   date: str | None = None, week: str | None = None, workers: int = 1,
                   on_error: Callable[[Exception], None] | None = None, log: Log | None = None) -> Brief:
    """The brief of one period from articles: the period asked for (`date` or `week`), else the latest
    found; undated articles take `date`. Articles whose analysis fails go to `on_error` (else raise)."""
    import dataclasses

    from .brief.periods import PeriodError, article_day, choose_period
    from .brief.build import build_brief
    from .config import BriefConfig
    from .jobs.parallel import AnalysisError, summarize_stream
    from .brief.select import prepare

    if isinstance(articles, (str, bytes)) or not hasattr(articles, "__iter__"):
        raise InputError(repr(articles)[:40], "brief_articles() takes articles (from read_articles), not "
                         f"{type(articles).__name__}", "read the inputs with read_articles() first")
    config = config or BriefConfig()
    if not isinstance(config, BriefConfig):
        raise OptionsError(f"brief_articles(config=...): give a BriefConfig (load_config()), not {type(config).__name__}")
    period = "week" if week else period
    start, end = choose_period([], period, date, week) if (date or week) else (None, None)
    articles = list(articles)
    if not all(isinstance(a, Article) for a in articles):
        raise InputError("<articles>", "brief_articles() takes Article objects", "read the inputs with read_articles()")
    for number, article in enumerate(articles):
        check_article(article, f"<articles>[{number}]")
    if not articles:  # every input failed or was empty: no period advice can help
        raise EmptyInputError("the inputs", "no article was read from them", "give pages or .jsonl records with text")
    articles = [a if a.date or not date else dataclasses.replace(a, date=date) for a in articles]
    if start is None:
        start, end = choose_period((article_day(a) for a in articles), period)
    chosen = [a for a in articles if (day := article_day(a)) is not None and start <= day <= end]
    if not chosen:
        days = sorted(d for d in map(article_day, articles) if d is not None)
        raise PeriodError(f"no articles dated {start} … {end}; the inputs cover {days[0]} … {days[-1]}, "
                          "pick a --week or --date in that range") if days else \
            PeriodError("no dated articles in the inputs; name the pages like 2024-05-13.txt, "
                        'give JSONL records a "date", or pass --date')
    if log:
        log(f"{len(chosen)} of {len(articles)} articles are dated {start} … {end}")
    news = prepare(chosen)  # navigation and script pages are dropped, and counted
    options = Options(sentences=config.sentences, user_dict=config.user_dict, extra_stopwords=config.stopwords)
    found = []
    for result in summarize_stream(news.kept, options, workers):
        if not isinstance(result, AnalysisError):
            found.append(result)
        elif on_error:
            on_error(result)
        else:
            raise result
    return build_brief(found, config, period, start, end, len(articles), news.dropped)


def build_brief(summaries, config: BriefConfig | None = None, period: str = "week", start=None, end=None,
                articles_read: int | None = None) -> Brief:
    """The brief of analysed articles (ArticleSummary, from summarize_article): the period from `start` and
    `end` (dates), else the latest one the summaries' dates fall in. Wrong arguments raise named errors."""
    from .brief import build as briefs
    from .config import BriefConfig

    if isinstance(summaries, (str, bytes)) or not hasattr(summaries, "__iter__"):
        raise InputError(repr(summaries)[:40], "build_brief() takes article summaries, not "
                         f"{type(summaries).__name__}", "analyse the articles with summarize_article() first")
    summaries = list(summaries)
    if not all(isinstance(s, ArticleSummary) for s in summaries):
        raise InputError("<summaries>", "build_brief() takes ArticleSummary objects",
                         "analyse the articles with summarize_article() first")
    config = config or BriefConfig()
    if not isinstance(config, BriefConfig):
        raise OptionsError(f"build_brief(config=...): give a BriefConfig (load_config()), not {type(config).__name__}")
    for name, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise OptionsError(f"build_brief({name}=...): give a datetime.date, like datetime.date(2025, 11, 10), "
                               f"not {type(value).__name__} {str(value)[:20]!r}")
    if start is not None and end is not None and start > end:
        raise OptionsError(f"build_brief(): start {start} is after end {end}; give the period's first day as start")
    if start is None or end is None:
        start, end = briefs.choose_period((briefs.article_day(s.article) for s in summaries), period)
    return briefs.build_brief(summaries, config, period, start, end,
                              len(summaries) if articles_read is None else articles_read)
