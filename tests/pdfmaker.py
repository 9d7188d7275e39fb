"""Newspaper PDF pages made at test time with reportlab and its built-in Chinese CID font: a header
line or a masthead, columns, headlines larger than the body, several articles a page, jumps between
pages, a footer. The articles laid out are returned, so the test knows the truth."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FONT = "STSong-Light"
WIDTH, HEIGHT = 595, 842  # A4 in points
MARGIN, GAP, BODY = 36, 14, 9.5
COLUMNS = 3
#: Marks a line never starts with (避头): the character before them goes down to the next line too.
NO_LINE_START = "，。、；：？！）》”’"


@dataclass
class Story:
    """One article placed on a page: columns [first, last], the top of its headline and the bottom of
    its columns (from the top of the page; a bottom of 0 balances the columns), its headline sizes,
    its text; `jump` is a last line like （下转第2版）. `lines` is filled when it is drawn: (column, text)."""

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
    subtitle: str | None = None  # 副题, smaller than the headline, under it
    head: tuple[int, int] | None = None  # the columns the headline is set over (default: all of them);
    # the columns right of them start at the headline's top, beside it
    align: str = "centre"  # or "left"
    typeset: bool = False  # lines justified, digits and Latin in Times with a quarter-em gap (中西文间距)
    photo: tuple[int, float, int] | None = None  # (column, height, lines): a photo in that column after
    # so many of its lines (0: the column's text starts under it)


@dataclass(frozen=True)
class Sheet:
    """A page size and its column grid."""

    width: float = WIDTH
    height: float = HEIGHT
    columns: int = COLUMNS
    margin: float = MARGIN
    gap: float = GAP

    @property
    def column_width(self) -> float:
        return (self.width - 2 * self.margin - (self.columns - 1) * self.gap) / self.columns

    def x(self, column: int) -> float:
        return self.margin + column * (self.column_width + self.gap)


A4 = Sheet()
#: A broadsheet-like page: six columns of about twelve characters.
BROADSHEET = Sheet(842, 1191, 6, 40, 12)


def _canvas(path: Path, sheet: Sheet = A4):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=(sheet.width, sheet.height), pageCompression=0)


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, FONT, size)


def _latin(char: str) -> bool:
    return char.isascii() and not char.isspace()


def _glyphs(text: str, size: float, typeset: bool) -> list[tuple[str, str, float]]:
    """(character, font, advance) for each character; typeset text sets digits and Latin letters in
    Times-Roman with a quarter-em gap where they meet Chinese, as Founder's 中西文间距 does."""
    from reportlab.pdfbase import pdfmetrics

    out = []
    for i, char in enumerate(text):
        font = "Times-Roman" if typeset and (_latin(char) or char == " ") else FONT
        advance = pdfmetrics.stringWidth(char, font, size)
        following = text[i + 1:i + 2]
        if typeset and following and _latin(char) != _latin(following) and not following.isspace() \
                and not char.isspace():
            advance += size / 4
        out.append((char, font, advance))
    return out


def _wrap(paragraph: str, width: float, size: float, typeset: bool = False) -> list[tuple[str, bool]]:
    """Lines of a paragraph (first indented two characters), each with whether it is indented."""
    lines, line, indent = [], "", 2 * size
    for char in paragraph:
        if sum(a for _, _, a in _glyphs(line + char, size, typeset)) + indent > width:
            carried = line[-1] if char in NO_LINE_START else ""  # the character before goes down with it
            lines.append((line[:len(line) - len(carried)], indent > 0))
            line, indent = carried, 0
        line += char
    lines.append((line, indent > 0))
    return lines


def _draw_line(c, x: float, y: float, text: str, size: float, width: float | None, typeset: bool) -> None:
    """A line glyph by glyph; given a width, justified to it (the spare space shared between glyphs)."""
    glyphs = _glyphs(text, size, typeset)
    spare = (width - sum(a for _, _, a in glyphs)) / max(len(glyphs) - 1, 1) if width else 0.0
    for char, font, advance in glyphs:
        c.setFont(font, size)
        c.drawString(x, y, char)
        x += advance + spare


def place(c, story: Story, sheet: Sheet = A4) -> None:
    """Draw a story: 引题, headline and 副题 centred (or set left) over its headline's columns, body
    down each column in turn; columns beside the headline start at its top."""
    height, width = sheet.height, sheet.column_width
    head = story.head or (story.first, story.last)
    left, right = sheet.x(head[0]), sheet.x(head[1]) + width

    def heading(text: str, size: float, offsets=(0,)) -> None:
        x = left if story.align == "left" else (left + right - _width(text, size)) / 2
        c.setFont(FONT, size)
        for offset in offsets:
            c.drawString(x + offset, height - y, text)

    y = story.top
    if story.pretitle:
        y += 14
        heading(story.pretitle, 13)
        y += 6
    y += story.title_size
    heading(story.title, story.title_size, (0, 0.4) if story.fake_bold else (0,))
    if story.subtitle:
        y += 18
        heading(story.subtitle, 13)
    typeset = story.typeset
    lines = [line for p in story.paragraphs for line in _wrap(p, width, BODY, typeset)]
    if story.jump:
        lines.append((story.jump, False))
    if story.caption:
        y += 12
        c.setFont(FONT, 7.5)
        c.drawString(left, height - y, story.caption)
    top = y + 12
    bottom = story.bottom or next(b for b in range(int(top), int(sheet.height))
                                  if _flow(len(lines), story, head, top, b) is not None)
    flowed = _flow(len(lines), story, head, top, bottom)
    if flowed is None:
        raise ValueError(f"{story.title}: text does not fit its columns")
    places, photo_at = flowed
    story.lines = [(column, text) for (column, _), (text, _) in zip(places, lines)]
    if story.photo:
        Photo(story.photo[0], story.photo[0], photo_at + 4, photo_at + story.photo[1] - 14,
              "施工现场。本报记者　柳岸　摄").draw(c, sheet)
    for number, ((column, y), (text, indented)) in enumerate(zip(places, lines)):
        x = sheet.x(column) + (2 * BODY if indented else 0)
        ends = number + 1 == len(lines) or lines[number + 1][1]  # a paragraph's last line is not justified
        _draw_line(c, x, height - y, text, BODY, None if ends or not typeset else sheet.x(column) + width - x,
                   typeset)


def _flow(count: int, story: Story, head: tuple[int, int], top: float, bottom: float):
    """(column, baseline from the top) of each of `count` lines down the story's columns, and where
    its photo starts; None when they do not fit above `bottom`."""
    places, column, y, photo_at = [], story.first, top, None
    for _ in range(count):
        if y + BODY * 1.6 > bottom:
            column += 1
            y = top if column <= head[1] else story.top
            if column > story.last:
                return None
        if story.photo and photo_at is None and story.photo[0] == column \
                and sum(1 for c, _ in places if c == column) == story.photo[2]:
            photo_at, y = y, y + story.photo[1]
            if y + BODY * 1.6 > bottom:
                return None
        y += BODY * 1.6
        places.append((column, y))
    return places, photo_at


@dataclass
class Photo:
    """A photo (a grey box) over columns [first, last] from top to bottom, its caption in small type under it."""

    first: int
    last: int
    top: float
    bottom: float
    caption: str

    def draw(self, c, sheet: Sheet) -> None:
        left, right = sheet.x(self.first), sheet.x(self.last) + sheet.column_width
        c.setFillGray(0.8)
        c.rect(left, sheet.height - self.bottom, right - left, self.bottom - self.top, fill=1, stroke=0)
        c.setFillGray(0)
        _draw_line(c, left, sheet.height - self.bottom - 11, self.caption, 7.5, None, True)


def header(c, text: str, sheet: Sheet = A4) -> None:
    c.setFont(FONT, 8)
    c.drawString(sheet.margin, sheet.height - 24, text)
    c.line(sheet.margin, sheet.height - 30, sheet.width - sheet.margin, sheet.height - 30)


@dataclass
class Masthead:
    """A front page's masthead: the paper's name in large spaced type, its romanised name, and a block
    of small lines (date, 农历, 第N版, 主办, CN number) beside it, over a thick and a thin rule at `bottom`."""

    paper: str
    lines: list[str]
    latin: str = ""
    bottom: float = 150
    rules: bool = True
    lines_x: float | None = None  # where the small lines start (default: at the right margin)

    def draw(self, c, sheet: Sheet) -> None:
        h = sheet.height
        c.setFont(FONT, 56)
        x = sheet.margin
        for char in self.paper:  # spaced: a quarter of the size between characters
            for offset in (0, 0.5):
                c.drawString(x + offset, h - 110, char)
            x += 56 * 1.25
        if self.latin:
            c.setFont("Times-Roman", 11)
            c.drawString(sheet.margin + 4, h - 130, self.latin)
        x = self.lines_x if self.lines_x is not None else sheet.width - sheet.margin - 190
        for row, line in enumerate(self.lines):
            _draw_line(c, x, h - 62 - row * 14, line, 9, None, True)
        if not self.rules:
            return
        c.setLineWidth(2.5)
        c.line(sheet.margin, h - self.bottom + 4, sheet.width - sheet.margin, h - self.bottom + 4)
        c.setLineWidth(0.6)
        c.line(sheet.margin, h - self.bottom, sheet.width - sheet.margin, h - self.bottom)


@dataclass
class Header:
    """An inner page's header: the 版次 number and section name large, the paper and date small beside
    them, a 责任编辑 line at the right, over a rule at `bottom`."""

    number: int
    section: str
    paper: str
    date: str
    editors: str
    bottom: float = 70
    rule: bool = True

    def draw(self, c, sheet: Sheet) -> None:
        h = sheet.height
        c.setFont("Times-Bold", 30)
        c.drawString(sheet.margin, h - 58, str(self.number))
        c.setFont(FONT, 20)
        c.drawString(sheet.margin + 40, h - 56, "  ".join(self.section))  # spaced: 要  闻
        _draw_line(c, sheet.margin + 130, h - 54, f"{self.paper}  {self.date}", 9, None, True)
        _draw_line(c, sheet.width - sheet.margin - 200, h - 54, self.editors, 9, None, True)
        if not self.rule:
            return
        c.setLineWidth(1.5)
        c.line(sheet.margin, h - self.bottom, sheet.width - sheet.margin, h - self.bottom)
        c.setLineWidth(0.6)


def footer(c, sheet: Sheet, text: str) -> None:
    """A page footer: a rule and one small line at the foot of the page."""
    h = sheet.height
    c.line(sheet.margin, 44, sheet.width - sheet.margin, 44)
    _draw_line(c, sheet.margin, 32, text, 7.5, None, True)


def make_pdf(path: Path, pages: list, sheet: Sheet = A4) -> Path:
    """Write pages of (header line or Masthead or Header, stories and photos[, footer line]) to a PDF."""
    c = _canvas(path, sheet)
    for head, stories, *foot in pages:
        if isinstance(head, str):
            header(c, head, sheet)
        else:
            head.draw(c, sheet)
        for story in stories:
            story.draw(c, sheet) if isinstance(story, Photo) else place(c, story, sheet)
        if foot:
            footer(c, sheet, foot[0])
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
