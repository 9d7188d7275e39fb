"""One article as Word at summarize speed: render/docx.py's article layout, written through render/ooxml.py.

The paragraphs are those of render/docx.py `write_article` (title, subtitle, date and byline,
keywords, summary box, full text) in its styles; tests/test_article_docx.py checks that every part
of the file is byte for byte what that writer saves, so the two cannot drift apart unnoticed.
"""
from __future__ import annotations

import functools
from pathlib import Path

from docx.shared import Pt

from ..models import ArticleSummary
from ..brief.keywords import distinct
from .docx import _properties, add_paragraph, article_comment, clean, cn_date, default_reference, open_reference
from .package import Package


def _title_over_subtitle(document, text: str) -> None:
    add_paragraph(document, "Title", text).paragraph_format.space_after = Pt(0)


KINDS = {"title": lambda d, t: add_paragraph(d, "Title", t), "title+": _title_over_subtitle,
         "subtitle": lambda d, t: add_paragraph(d, "Subtitle", t),
         "meta": lambda d, t: add_paragraph(d, "Article Meta", t),
         "keywords": lambda d, t: add_paragraph(d, "Article Keywords", t),
         "summary": lambda d, t: add_paragraph(d, "Summary Box", t), "body": lambda d, t: add_paragraph(d, "Normal", t)}


def _as_added(text: str) -> str:
    """The text as render/docx.py `add_text` stores it: each tab-separated part cleaned, tabs kept."""
    return "\t".join(clean(part) for part in text.split("\t"))


def article_paragraphs(summary: ArticleSummary) -> list[tuple[str, str]]:
    """(kind, text) of each paragraph of the article's document, in order."""
    article = summary.article
    out = [("title+" if article.subtitle else "title", article.title or "（无标题）")]
    if article.subtitle:
        out.append(("subtitle", article.subtitle))
    byline = [f"记者 {'、'.join(article.byline.reporters)}" if article.byline.reporters else "",
              f"通讯员 {'、'.join(article.byline.correspondents)}" if article.byline.correspondents else ""]
    meta = "　".join(part for part in (cn_date(article.date, year=True), *byline) if part)
    if meta:
        out.append(("meta", meta))
    if summary.keywords:
        out.append(("keywords", "关键词：" + "　".join(clean(k.word) for k in distinct(summary.keywords))))
    if summary.summary:
        out.append(("summary", "摘要：" + "".join(clean(s) for s in summary.summary)))
    out.extend(("body", clean(text)) for text in article.paragraphs if clean(text).strip())
    return [(kind, _as_added(text)) for kind, text in out]


@functools.lru_cache(maxsize=4)
def _package(path: str, stamp: tuple[int, int]) -> Package:
    document = open_reference(path)
    _properties(document, "", [], "")  # author and language; title, keywords and comments are filled per file
    return Package.build(document, KINDS, ("title", "keywords", "comments"))


def package(reference_doc: str | Path | None = None) -> Package:
    """The prepared reference (the shipped one by default), parsed once per process while it is unchanged."""
    path = Path(reference_doc) if reference_doc else default_reference()
    stat = path.stat()
    return _package(str(path), (stat.st_mtime_ns, stat.st_size))


def write_article(summary: ArticleSummary, path: str | Path, reference_doc: str | Path | None = None) -> None:
    """Write one article as render/docx.py `write_article` does, in a fraction of its time; atomic."""
    article = summary.article
    properties = {"title": clean(article.title), "keywords": clean("、".join(k.word for k in summary.keywords)),
                  "comments": article_comment(article)}
    package(reference_doc).write(path, article_paragraphs(summary), properties)
