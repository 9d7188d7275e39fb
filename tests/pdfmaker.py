"""Newspaper PDF pages made at test time with reportlab and its built-in Chinese CID font: a header
line, three columns, headlines larger than the body, several articles a page, jumps between pages.
The articles laid out are returned, so the test knows the truth."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FONT = "STSong-Light"
WIDTH, HEIGHT = 595, 842  # A4 in points
MARGIN, GAP, BODY = 36, 14, 9.5
COLUMNS = 3
COLUMN_WIDTH = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS


@dataclass
class Story:
    """One article placed on a page: columns [first, last], the top of its headline (from the top of
    the page), its headline sizes, its text; `jump` is a last line like （下转第2版）."""

    title: str
    paragraphs: list[str]
    first: int
    last: int
    top: float
    bottom: float
    pretitle: str | None = None
    title_size: float = 20
    jump: str | None = None
    fake_bold: bool = False  # headline printed twice, 0.4 pt apart, as many papers embolden
    caption: str | None = None  # a photo caption in small type under the headline
    lines: list = field(default_factory=list)


def _canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), pageCompression=0)


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, FONT, size)


def _wrap(paragraph: str, width: float, size: float) -> list[tuple[str, bool]]:
    """Lines of a paragraph (first indented two characters), each with whether it is indented."""
    lines, line, indent = [], "", 2 * size
    for char in paragraph:
        if _width(line + char, size) + indent > width:
            lines.append((line, indent > 0))
            line, indent = "", 0
        line += char
    lines.append((line, indent > 0))
    return lines


def _x(column: int) -> float:
    return MARGIN + column * (COLUMN_WIDTH + GAP)


def place(c, story: Story) -> None:
    """Draw a story: 引题 and headline centred over its columns, body down each column in turn."""
    left, right = _x(story.first), _x(story.last) + COLUMN_WIDTH
    y = story.top
    if story.pretitle:
        y += 14
        c.setFont(FONT, 13)
        c.drawString((left + right - _width(story.pretitle, 13)) / 2, HEIGHT - y, story.pretitle)
        y += 6
    y += story.title_size
    c.setFont(FONT, story.title_size)
    for offset in (0, 0.4) if story.fake_bold else (0,):
        c.drawString((left + right - _width(story.title, story.title_size)) / 2 + offset, HEIGHT - y, story.title)
    lines = [line for p in story.paragraphs for line in _wrap(p, COLUMN_WIDTH, BODY)]
    if story.jump:
        lines.append((story.jump, False))
    if story.caption:
        y += 12
        c.setFont(FONT, 7.5)
        c.drawString(left, HEIGHT - y, story.caption)
    column, top = story.first, y + 12
    y = top
    c.setFont(FONT, BODY)
    for text, indented in lines:
        if y + BODY * 1.6 > story.bottom:
            column, y = column + 1, top
            if column > story.last:
                raise ValueError(f"{story.title}: text does not fit its columns")
        y += BODY * 1.6
        c.drawString(_x(column) + (2 * BODY if indented else 0), HEIGHT - y, text)


def header(c, text: str) -> None:
    c.setFont(FONT, 8)
    c.drawString(MARGIN, HEIGHT - 24, text)
    c.line(MARGIN, HEIGHT - 30, WIDTH - MARGIN, HEIGHT - 30)


def make_pdf(path: Path, pages: list[tuple[str, list[Story]]]) -> Path:
    """Write pages of (header line, stories) to a PDF."""
    c = _canvas(path)
    for head, stories in pages:
        header(c, head)
        for story in stories:
            place(c, story)
        c.showPage()
    c.save()
    return path


def make_blank_pdf(path: Path) -> Path:
    """A page with drawing but no text, as a scan looks to a text extractor."""
    c = _canvas(path)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    return path


def make_cid_pdf(path: Path, pages) -> Path:
    """A page whose font has no Unicode map: extractors give (cid:N) and wrong characters."""
    make_pdf(path, pages)
    data = path.read_bytes().replace(b"/UniGB-UCS2-H", b"/Identity-H  ")
    path.write_bytes(data)
    return path


def make_flowing_pdf(folder: Path, stories: list[tuple[str, str, list[str]]]) -> Path:
    """A three-column page laid out by LibreOffice from a .docx: each story's 引题 (13 pt), headline
    (20 pt, bold) and body (10 pt, first lines indented) flow down one column into the next."""
    import subprocess

    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    cols = section._sectPr.xpath("./w:cols")
    cols = cols[0] if cols else section._sectPr.makeelement(qn("w:cols"), {})
    cols.set(qn("w:num"), "3")
    cols.set(qn("w:space"), "420")
    section._sectPr.append(cols)

    def add(text: str, size: float, bold: bool = False, indent: bool = False) -> None:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(2 * size) if indent else None
        paragraph.paragraph_format.space_after = Pt(2)
        run = paragraph.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")

    for pretitle, title, paragraphs in stories:
        if pretitle:
            add(pretitle, 13)
        add(title, 20, bold=True)
        for text in paragraphs:
            add(text, 10, indent=True)
    source = folder / "flowing.docx"
    document.save(str(source))
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)], capture_output=True, timeout=240)
    return folder / "flowing.pdf"
