"""Word output in the GB/T 9704-2012 layout: the brief as a 简报 and one article, styled by a reference .docx."""
from __future__ import annotations

import itertools
import os
import re
import zipfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ..errors import BriefingError, TemplateError
from .files import atomic_write
from ..models import ArticleSummary, Brief, BriefItem
from . import issue_day
from .printed import (HIGHLIGHTS, KEYWORDS, LEADERS, MORE, SECTION, as_printed, counts_line,
                      highlight_line, leader_line, missing_closing, more_line, outline, rule_line, sources_line)
from ..brief.keywords import distinct
from ..brief.cn import cn_date, cn_number, full_width, period_label
from .ooxml import pin_to_page_foot
from .watch import WATCH, with_watch, write_brief_section

STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Footer", "Brief Masthead", "Brief Issue",
          "Brief Dateline", "Brief Source", "Brief Closing", "Article Meta", "Article Keywords", "Summary Box")
# XML 1.0 forbids these; python-docx raises on them. Breaks become spaces, the rest goes.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr")
_BORDER_ORDER = ("top", "left", "bottom", "right", "between", "bar")


def clean(text: object) -> str:
    """Text Word can store: control characters and lone surrogates removed, line breaks made spaces."""
    return _FORBIDDEN.sub("", _BREAKS.sub(" ", str(text)))


def official(text: object) -> str:
    """A brief's display text: clean, and ASCII , ; : ~ between Chinese characters made full-width."""
    return full_width(clean(text))


def set_child(parent, tag: str, order: tuple[str, ...] = (), **attrs: str):
    """Get or insert `w:tag` under `parent` in schema order (Word rejects misordered children)."""
    child = parent.find(qn(f"w:{tag}"))
    if child is None:
        child = OxmlElement(f"w:{tag}")
        later = order[order.index(tag) + 1:] if tag in order else ()
        successor = next((c for c in parent if c.tag in {qn(f"w:{t}") for t in later}), None)
        parent.insert(parent.index(successor), child) if successor is not None else parent.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def set_border(ppr, sides: tuple[str, ...], size: int, color: str = "000000", space: int = 4) -> None:
    """Single-line paragraph borders; `size` in eighths of a point."""
    borders = set_child(ppr, "pBdr", PPR_ORDER)
    for side in sides:
        set_child(borders, side, _BORDER_ORDER, val="single", sz=str(size), space=str(space), color=color)


def period_text(brief: Brief) -> str:
    """The brief's period: one day, or 2025年11月24日—11月30日."""
    return period_label(brief.start, brief.end)


def default_reference() -> Path:
    """The shipped reference template (templates/reference.docx inside the package)."""
    return Path(str(resources.files("briefing.templates") / "reference.docx"))


def check_reference(path: Path) -> None:
    """A user's reference .docx is a regular file whose parts stay small when inflated (a FIFO would block,
    a zip bomb would fill memory); lxml then parses it without network or entity expansion."""
    from ..read.ingest import check_zip_sizes

    if not path.exists():
        raise TemplateError(f"{path}: no such reference document; check the --reference-doc path")
    if not path.is_file():
        raise TemplateError(f"{path}: is not a regular file; pass a .docx saved by Word or WPS")
    if not zipfile.is_zipfile(path):
        raise TemplateError(f"{path}: not a readable Word .docx (not a zip archive); pass a .docx saved by Word "
                            "or WPS, e.g. a copy of templates/reference.docx")
    try:
        check_zip_sizes(path, str(path), 64 * 1024 * 1024)
    except BriefingError as error:
        raise TemplateError(f"{error}") from None


def open_reference(reference_doc: str | Path | None = None, line_spacing_pt: float | None = None) -> Document:
    """An empty document with the reference's page setup and styles, page numbers in its footers."""
    path = Path(reference_doc) if reference_doc else default_reference()
    if reference_doc:
        check_reference(path)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx and lxml raise many unrelated types for broken packages
        raise TemplateError(f"{path}: not a readable Word .docx ({type(error).__name__}); pass a .docx saved "
                            "by Word or WPS, e.g. a copy of templates/reference.docx") from None
    missing = [name for name in STYLES if name not in document.styles]
    if missing:
        raise TemplateError(f"{path}: lacks the styles {', '.join(missing)}; start from a copy of "
                            "templates/reference.docx and restyle it")
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if line_spacing_pt:
        _line_spacing(document, line_spacing_pt)
    _page_numbers(document)
    return document


def _line_spacing(document: Document, points: float) -> None:
    """Exact body line spacing, and a matching line grid (22 lines a page at 28.95 pt)."""
    for style in document.styles:
        fmt = getattr(style, "paragraph_format", None)
        if style.name == "Normal" or (fmt is not None and fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY):
            style.paragraph_format.line_spacing = Pt(points)
            style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    for section in document.sections:
        set_child(section._sectPr, "docGrid", type="lines", linePitch=str(round(points * 20)))


def _page_numbers(document: Document) -> None:
    """'— 1 —' in 4号 宋体: odd pages right, even pages left, one character in from the edge."""
    document.settings.odd_and_even_pages_header_footer = True
    size = document.styles["Footer"].font.size or Pt(14)
    for section in document.sections:
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            for child in list(footer._element):
                footer._element.remove(child)
            paragraph = footer.add_paragraph(style="Footer")
            paragraph.alignment = align
            side = "right_indent" if align == WD_ALIGN_PARAGRAPH.RIGHT else "left_indent"
            setattr(paragraph.paragraph_format, side, size)
            add_text(paragraph, "— ")
            _page_field(paragraph)
            add_text(paragraph, " —")


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field (begin, instruction, separate, cached value, end) that Word and LibreOffice update."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = add_text(paragraph, "")
        if kind:
            set_child(run._r, "fldChar", fldCharType=kind)
        elif text == " PAGE ":
            instr = set_child(run._r, "instrText")
            instr.text = text
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        else:
            run.text = text


def _east_asia_font(style) -> str | None:
    """The East Asian font a paragraph style resolves to, following its base styles."""
    while style is not None:
        rpr = style.element.rPr
        fonts = rpr.rFonts if rpr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        style = style.base_style
    return None


def add_text(paragraph: Paragraph, text: str):
    """A run carrying its style's East Asian font, since Word falls back to a default CJK font without it."""
    run = paragraph.add_run("\t".join(clean(part) for part in text.split("\t")))  # tabs here are layout
    font = _east_asia_font(paragraph.style)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    if font:
        fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:hint"), "eastAsia")  # “” and — are ambiguous: draw them with the Chinese font
    return run


def add_paragraph(document: Document, style: str, text: str = "") -> Paragraph:
    """One paragraph in `style` holding `text` as a single run."""
    paragraph = document.add_paragraph(style=style)
    add_text(paragraph, text)
    return paragraph


COMPACT_LINE_PT = 19  # 领导活动 and 附 in the source style (4号, 14 pt) at 19 pt lines, against the body's 28 pt


def _compact(paragraph: Paragraph) -> Paragraph:
    """Off the page's line grid (GB/T 9704 sets 22 lines a page), at COMPACT_LINE_PT exactly, and free to
    break across pages (a leader's week of acts is long; kept whole it would leave half a page blank)."""
    paragraph.paragraph_format.keep_together = False
    paragraph.paragraph_format.line_spacing = Pt(COMPACT_LINE_PT)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    set_child(paragraph._p.get_or_add_pPr(), "snapToGrid", PPR_ORDER, val="0")
    return paragraph


def _text_width(document: Document):
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _masthead(document: Document, brief: Brief) -> None:
    """密级 top left, the red title, 第N期 (总第N期), unit left and date right over a red rule."""
    if brief.classification:
        mark = add_paragraph(document, "Normal", brief.classification)
        mark.paragraph_format.first_line_indent = Pt(0)
    add_paragraph(document, "Brief Masthead", brief.title)
    if brief.issue:
        issue = str(brief.issue)
        issue = issue if "期" in issue else f"第{issue}期"
        if brief.total_issue:
            issue += f"（总第{brief.total_issue}期）" if "期" not in brief.total_issue else f"（{brief.total_issue}）"
        add_paragraph(document, "Brief Issue", issue)
    dateline = add_paragraph(document, "Brief Dateline", f"{official(brief.unit)}\t{cn_date(issue_day(brief), year=True)}")
    dateline.paragraph_format.tab_stops.add_tab_stop(_text_width(document), WD_TAB_ALIGNMENT.RIGHT)


def _item(document: Document, number: int, item: BriefItem) -> None:
    add_paragraph(document, "Heading 2", f"（{cn_number(number)}）{official(item.title)}")
    if item.summary:
        add_paragraph(document, "Normal", "".join(official(s) for s in item.summary))
    if item.figures:
        add_paragraph(document, "Normal", "主要数据：" + "；".join(official(f) for f in item.figures) + "。")
    if item.sources:
        add_paragraph(document, "Brief Source", sources_line(item))


def _closing(document: Document, brief: Brief) -> None:
    """版记 at the foot of the last page: the 报/送/发 lines between rules, thick first and last; then the
    unit and date 印发 and the number of copies."""
    lines = [official(line).strip() for line in brief.closing if official(line).strip()]
    if brief.unit:
        lines.append(f"{official(brief.unit)}\t{cn_date(issue_day(brief), year=True)}印发")
    if brief.copies:
        lines.append(f"（共印{brief.copies}份）")
    block = []
    for n, line in enumerate(lines):
        paragraph = add_paragraph(document, "Brief Closing", line)
        block.append(paragraph)
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Pt(14)  # GB/T 9704: one character in on both sides
        fmt.keep_with_next = n < len(lines) - 1
        fmt.tab_stops.add_tab_stop(_text_width(document) - Pt(28), WD_TAB_ALIGNMENT.RIGHT)
        # identical borders make one box: thick top and bottom, thin rules between the lines
        set_border(paragraph._p.get_or_add_pPr(), ("top", "bottom"), 8, space=1)
        set_border(paragraph._p.get_or_add_pPr(), ("between",), 4, space=1)
    if not block:
        return
    _keep_before(block[0])
    spacing = document.styles["Brief Closing"].paragraph_format.line_spacing
    pin_to_page_foot(document, block, spacing.pt if spacing is not None else 28.95)


#: Body paragraphs kept on the page of the 版记, so that it never stands alone on the last page.
KEPT_WITH_CLOSING = 2
#: Past the last paragraph, only one of at most this many characters (six lines of 3号 text) joins them:
#: LibreOffice never splits a paragraph kept with the next, and drops a chain longer than a page whole.
KEPT_CHARS = 170


def _keep_before(first: Paragraph) -> None:
    """The last body paragraph, the one before it if short, and any empty ones between keep with the 版记
    (`first`): a page break before the 版记 takes them along. Word may still split them (widow control moves
    at least two lines); they are not kept whole, which made a long 关键词 or 附 chain longer than a page."""
    texts = 0
    for element in first._p.itersiblings(qn("w:p"), preceding=True):
        text = "".join(element.xpath(".//w:t/text()")).strip()
        if texts and len(text) > KEPT_CHARS:
            break
        Paragraph(element, first._parent).paragraph_format.keep_with_next = True
        texts += bool(text)
        if texts == KEPT_WITH_CLOSING:
            break


def _save(document: Document, path: str | Path) -> None:
    def write(tmp: str) -> None:
        document.save(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files 0600; a saved document gets the usual mode

    atomic_write(path, write)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_brief(brief: Brief, path: str | Path, reference_doc: str | Path | None = None,
                line_spacing_pt: float | None = None, warn: Callable[[str], None] | None = None) -> None:
    """Write the brief as a 简报 in the GB/T 9704 layout; the file appears complete or not at all.

    The parts, their order and numbers come from printed.outline, as the Markdown's do. A brief without
    a 版记 or a unit is one warning line through `warn` (by default on stderr): the 简报 is incomplete."""
    brief = as_printed(brief)
    if missing_closing(brief):
        (warn or _warn)(missing_closing(brief))
    document = open_reference(reference_doc, line_spacing_pt)
    _masthead(document, brief)
    add_paragraph(document, "Title", f"{period_text(brief)}要情")
    if brief.editor_note:
        add_paragraph(document, "Summary Box", "编者按：" + official(brief.editor_note))
    for part in with_watch(outline(brief), brief):  # 涉我报道 after 领导活动
        add_paragraph(document, "Heading 1", official(part.heading))
        _PARTS[part.kind](document, brief, part.body)
    if counts_line(brief):
        add_paragraph(document, "Normal", counts_line(brief))
    _closing(document, brief)
    _properties(document, f"{official(brief.title)} {period_text(brief)}", list(brief.keywords))
    _save(document, path)


def _highlights(document: Document, brief: Brief, highlights) -> None:
    if rule_line(brief):
        add_paragraph(document, "Brief Source", rule_line(brief))
    for n, highlight in enumerate(highlights, 1):
        add_paragraph(document, "Normal", highlight_line(n, highlight))


def _section(document: Document, brief: Brief, section) -> None:
    for n, item in enumerate(section.items, 1):
        _item(document, n, item)


def _leaders(document: Document, brief: Brief, leaders) -> None:
    if brief.leaders_rule:
        _compact(add_paragraph(document, "Brief Source", f"（{official(brief.leaders_rule)}。）"))
    for leader in leaders:
        # small and close: 领导活动 is a reference list of a week's dozens of acts
        _compact(add_paragraph(document, "Brief Source", leader_line(leader)))


def _keywords(document: Document, brief: Brief, keywords) -> None:
    add_paragraph(document, "Normal", "、".join(official(k) for k in keywords))


def _more(document: Document, brief: Brief, more) -> None:
    _compact(add_paragraph(document, "Brief Source", more_line(brief)))  # one run-in paragraph: looked up, not read



def _watch(document: Document, brief: Brief, hits) -> None:
    for paragraph in write_brief_section(document, brief, hits):  # looked up like 领导活动: small and close
        _compact(paragraph)


_PARTS = {HIGHLIGHTS: _highlights, SECTION: _section, LEADERS: _leaders, KEYWORDS: _keywords, MORE: _more}
_PARTS[WATCH] = _watch


def _warn(line: str) -> None:
    import sys

    print(f"briefing: warning: {line}", file=sys.stderr)


def write_article(summary: ArticleSummary, path: str | Path, reference_doc: str | Path | None = None) -> None:
    """Write one article: title, date and byline, keywords, a summary box, then the full repaired text."""
    document = open_reference(reference_doc)
    article = summary.article
    title = add_paragraph(document, "Title", article.title or "（无标题）")
    if article.subtitle:
        title.paragraph_format.space_after = Pt(0)  # the subtitle belongs to the title: no blank line between
        add_paragraph(document, "Subtitle", article.subtitle)
    byline = [f"记者 {'、'.join(article.byline.reporters)}" if article.byline.reporters else "",
              f"通讯员 {'、'.join(article.byline.correspondents)}" if article.byline.correspondents else ""]
    meta = "　".join(part for part in (cn_date(article.date, year=True), *byline) if part)
    if meta:
        add_paragraph(document, "Article Meta", meta)
    if summary.keywords:
        add_paragraph(document, "Article Keywords", "关键词：" + "　".join(clean(k.word) for k in distinct(summary.keywords)))
    if summary.summary:
        add_paragraph(document, "Summary Box", "摘要：" + "".join(clean(s) for s in summary.summary))
    for text in article.paragraphs:
        if clean(text).strip():
            add_paragraph(document, "Normal", clean(text))
    _properties(document, article.title, [k.word for k in summary.keywords], article_comment(article))
    _save(document, path)


def article_mark(article) -> str:
    """A short fingerprint of an article's source, id, title and text: what an exported file holds, so a
    resumed export tells a finished file from another article that would take the same name."""
    import hashlib

    key = "\x1f".join([article.source, article.id or "", article.title, article.subtitle or "", *article.paragraphs])
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_comment(article) -> str:
    """The comments property of an exported article: its source, then its mark."""
    return f"{clean(article.source)[:200]} #{article_mark(article)}"


def _properties(document: Document, title: str, keywords: list[str], source: str = "") -> None:
    props = document.core_properties
    # the package format holds at most 255 characters a property (python-docx raises past that)
    props.title, props.keywords, props.comments = (clean(v)[:255] for v in (title, "、".join(keywords), source))
    props.author, props.language = "briefing", "zh-CN"
