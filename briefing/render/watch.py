"""涉我报道 as its own report (Markdown, Word, JSON), and the section of the brief that lists the same hits.

Both outputs print one hit the same way: the title, where and when it was printed (paper, 版次, date), and
the sentence naming the watched word, the mention in bold (**…** in Markdown, a bold run in Word).
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..brief.cn import cn_date, cn_number, full_width, period_label
from ..brief.watch import TITLE, WatchReport, paper_counts
from ..models import Brief, WatchHit
from .files import atomic_write, atomic_write_text
from .printed import KEYWORDS, MORE, Part

if TYPE_CHECKING:
    from docx.document import Document

#: The kind of the brief's 涉我报道 part (printed.Part), placed after 领导活动.
WATCH = "watch"


def pieces(hit: WatchHit) -> list[tuple[str, bool]]:
    """The hit's sentence as (text, marked) runs, in order: the mentions marked."""
    runs, at = [], 0
    for start, end in hit.marks:
        if not 0 <= at <= start < end <= len(hit.sentence):  # a hand-edited draft's marks that do not fit
            continue
        runs += [(hit.sentence[at:start], False), (hit.sentence[start:end], True)]
        at = end
    runs.append((hit.sentence[at:], False))
    return [(text, marked) for text, marked in runs if text]


def where_line(hit: WatchHit) -> str:
    """郑州日报　第03版　5月14日: where and when the article was printed."""
    page = f"第{hit.page}版" if hit.page else ""
    return "　".join(part for part in (full_width(hit.paper), page, cn_date(hit.date)) if part)


def counts_text(hits: Sequence[WatchHit]) -> str:
    """涉我报道3篇：郑州日报2篇、青溪报1篇。 (本期未见涉我报道。 when there is none)."""
    if not hits:
        return "本期未见涉我报道。"
    per_paper = "、".join(f"{paper}{count}篇" for paper, count in paper_counts(hits))
    return f"涉我报道{len(hits)}篇：{per_paper}。"


def report_counts(report: WatchReport) -> str:
    """本期阅读稿件12篇，涉我报道3篇：郑州日报2篇、青溪报1篇。"""
    return f"本期阅读稿件{report.read}篇，{counts_text(report.hits)}"


def render_markdown(report: WatchReport) -> str:
    """The report as Markdown, through templates/watch.md.j2."""
    from .markdown import render

    hits = [{"hit": hit, "pieces": pieces(hit), "where": where_line(hit)} for hit in report.hits]
    return render("watch.md.j2", report=report, hits=hits, counts=paper_counts(report.hits),
                  counts_line=report_counts(report), period_label=period_label(report.start, report.end))


def with_watch(parts: list[Part], brief: Brief) -> list[Part]:
    """The brief's printed parts with 涉我报道 after 领导活动 (before 本期关键词 and 附), when it has hits."""
    if not brief.watch:
        return parts
    at = next((n for n, part in enumerate(parts) if part.kind in (KEYWORDS, MORE)), len(parts))
    return [*parts[:at], Part(WATCH, TITLE, brief.watch), *parts[at:]]


def add_hits(document: Document, hits: Sequence[WatchHit]) -> None:
    """Each hit as three paragraphs: （一）title, where and when, the sentence with its mentions in bold."""
    from .docx import add_paragraph, add_text, official  # docx.py prints the brief's part through this module

    for n, hit in enumerate(hits, 1):
        add_paragraph(document, "Heading 2", f"（{cn_number(n)}）{official(hit.title)}")
        add_paragraph(document, "Brief Source", f"（{official(where_line(hit))}）")
        paragraph = document.add_paragraph(style="Normal")
        for text, marked in pieces(hit):
            add_text(paragraph, official(text)).bold = marked or None


def listed_runs(n: int, hit: WatchHit) -> list[tuple[str, bool]]:
    """One hit as the brief lists it, as (text, marked) runs: 1．title（paper　第01版　5月14日）：the sentence."""
    return [(f"{n}．{full_width(hit.title)}（{where_line(hit)}）：", False), *pieces(hit)]


def write_brief_section(document: Document, brief: Brief, hits: Sequence[WatchHit]) -> list:
    """The brief's 涉我报道 part under its heading (render.docx's part writers' signature): the counts per
    paper, then one paragraph a hit, the mentions in bold; returns the hits' paragraphs."""
    from .docx import add_paragraph, add_text, official

    add_paragraph(document, "Normal", counts_text(hits))
    listed = []
    for n, hit in enumerate(hits, 1):
        paragraph = document.add_paragraph(style="Brief Source")
        for text, marked in listed_runs(n, hit):
            add_text(paragraph, official(text)).bold = marked or None
        listed.append(paragraph)
    return listed


def write_docx(report: WatchReport, path: str | Path, reference_doc: str | Path | None = None,
               line_spacing_pt: float | None = None, force: bool = True) -> None:
    """The report as a Word file styled by the reference document; complete or absent."""
    from .docx import add_paragraph, official, open_reference

    document = open_reference(reference_doc, line_spacing_pt)
    add_paragraph(document, "Title", report.title)
    add_paragraph(document, "Subtitle", "　".join(p for p in (official(report.unit), period_label(report.start,
                                                                                                   report.end)) if p))
    if report.watch:
        add_paragraph(document, "Brief Source", f"（监测词：{official('、'.join(report.watch))}）")
    add_paragraph(document, "Normal", report_counts(report))
    add_hits(document, report.hits)
    document.core_properties.title = f"{report.title} {period_label(report.start, report.end)}"
    document.core_properties.author, document.core_properties.language = "briefing", "zh-CN"
    atomic_write(path, document.save, force)


def report_to_dict(report: WatchReport) -> dict[str, Any]:
    """The report as JSON-ready data: its fields, the hits, and the counts per paper."""
    data = dataclasses.asdict(report)
    data["counts"] = [{"paper": paper, "count": count} for paper, count in report.counts]
    return data


def write_json(report: WatchReport, path: str | Path, force: bool = True) -> None:
    """The report as indented JSON, Chinese kept readable."""
    atomic_write_text(path, json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n", force)


def write_report(report: WatchReport, path: Path, reference_doc: str | None = None,
                 line_spacing_pt: float | None = None, force: bool = True) -> None:
    """Write the report as the suffix says: .md, .docx or .json."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        write_docx(report, path, reference_doc, line_spacing_pt, force)
    elif suffix == ".json":
        write_json(report, path, force)
    else:
        atomic_write_text(path, render_markdown(report), force)
