"""Generate templates/reference.docx: the GB/T 9704-2012 page and the styles briefing's Word output uses.

Run `python scripts/make_reference_docx.py` after changing a style here, and commit the .docx with it.
Users restyle by opening the .docx in Word or WPS, editing the styles, and passing it as --reference-doc.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from briefing.render.docx import PPR_ORDER, set_border, set_child

OUT = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"
LINE_PT = 28.95  # 225 mm text height / 22 lines = 28.99 pt; a little less so 22 lines always fit
RED = "FF0000"  # GB/T 9704 prints the masthead and its rule in red
LATIN = "Times New Roman"
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)


@dataclass(frozen=True)
class Spec:
    """One paragraph style: East Asian font, size in points and layout."""

    east_asia: str
    size: float
    # Left, not justified: in a justified line that is full, LibreOffice hangs a closing ， 、 or 。 past
    # the margin and its PDF loses it (seeds brief: one 、 lost justified, none left; Chinese glyphs are
    # all one width, so only lines with digits end a little short).
    align: WD_ALIGN_PARAGRAPH = LEFT
    indent_chars: float = 0  # first-line indent, in characters of this size
    color: str | None = None
    exact_line: bool = True  # exact spacing clips glyphs taller than the line: off for big type
    after_lines: float = 0
    outline: int | None = None
    latin: str = LATIN
    base: str | None = "Normal"


SPECS = {
    "Normal": Spec("仿宋_GB2312", 16, indent_chars=2, base=None),  # body: 3号 仿宋
    "Title": Spec("方正小标宋简体", 22, CENTER, after_lines=1),  # 2号 小标宋
    "Subtitle": Spec("楷体_GB2312", 16, CENTER),
    "Heading 1": Spec("黑体", 16, indent_chars=2, outline=0),  # 一、
    "Heading 2": Spec("楷体_GB2312", 16, indent_chars=2, outline=1),  # （一）
    "Footer": Spec("宋体", 14, RIGHT, exact_line=False, latin="宋体"),  # 4号 半角宋体 page numbers
    "Brief Masthead": Spec("方正小标宋简体", 36, CENTER, color=RED, exact_line=False),
    "Brief Issue": Spec("楷体_GB2312", 16, CENTER),
    "Brief Dateline": Spec("仿宋_GB2312", 16, LEFT, after_lines=1),
    "Brief Source": Spec("楷体_GB2312", 14, indent_chars=2),  # left: a right-aligned full line loses its ， in PDF
    "Brief Closing": Spec("仿宋_GB2312", 14, LEFT),
    "Article Meta": Spec("楷体_GB2312", 16, CENTER),
    "Article Keywords": Spec("黑体", 14, LEFT),
    "Summary Box": Spec("楷体_GB2312", 16, indent_chars=2),
}


def define(document, name: str, spec: Spec) -> None:
    """Create or reset the style `name` to exactly `spec` (built-in styles lose their theme fonts and colours)."""
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    for tag in ("w:pPr", "w:rPr"):
        for old in style.element.findall(qn(tag)):
            style.element.remove(old)
    style.base_style = styles[spec.base] if spec.base else None
    style.quick_style = True
    font, fmt = style.font, style.paragraph_format
    font.size, font.bold, font.italic = Pt(spec.size), False, False
    font.color.rgb = RGBColor.from_string(spec.color) if spec.color else RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr, value in (("ascii", spec.latin), ("hAnsi", spec.latin), ("eastAsia", spec.east_asia),
                        ("cs", spec.latin)):
        fonts.set(qn(f"w:{attr}"), value)
    fmt.alignment = spec.align
    fmt.first_line_indent = Pt(spec.indent_chars * spec.size)
    fmt.left_indent = fmt.right_indent = Pt(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(spec.after_lines * LINE_PT)
    if spec.exact_line:
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PT)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.widow_control = True
    # No negative character spacing on the body, although 156 mm holds 27.6 characters of 16 pt and
    # GB/T 9704 wants 28: LibreOffice then drops a ， 、 ； or 。 that ends a line from the PDF it makes
    # (W45 brief: 4 marks lost at -0.25 pt, none without it; checked with pdftotext). 27 a line it is.
    if spec.outline is not None:
        fmt.keep_with_next = True
        set_child(style.element.get_or_add_pPr(), "outlineLvl", PPR_ORDER, val=str(spec.outline))


def fix_defaults(document) -> None:
    """Document defaults: Chinese, not Japanese, for East Asian text; no theme fonts."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr, value in (("ascii", LATIN), ("hAnsi", LATIN), ("eastAsia", "宋体"), ("cs", LATIN)):
        fonts.set(qn(f"w:{attr}"), value)
    set_child(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    set_child(ppr, "spacing", after="0", line="240", lineRule="auto")
    settings = document.settings.element
    set_child(settings, "themeFontLang", val="en-US", eastAsia="zh-CN")
    document.settings.odd_and_even_pages_header_footer = True
    document.core_properties.language = "zh-CN"
    document.core_properties.author = "briefing"
    document.core_properties.title = "briefing reference styles"


def page_setup(document) -> None:
    """A4, margins 37/35/28/26 mm, and a line grid equal to the body line spacing."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        # GB/T 9704 7.5: the page number's dash sits 7 mm below the text area; a 4号 line is about 5 mm
        section.header_distance, section.footer_distance = Mm(15), Mm(23)
        set_child(section._sectPr, "docGrid", type="lines", linePitch=str(round(LINE_PT * 20)))


def borders(document) -> None:
    """The red rule under the masthead (with a right tab for the date), and the box around the summary."""
    dateline = document.styles["Brief Dateline"]
    set_border(dateline.element.get_or_add_pPr(), ("bottom",), 12, RED, 6)
    dateline.paragraph_format.tab_stops.add_tab_stop(Mm(156), WD_TAB_ALIGNMENT.RIGHT)  # unit left, date right
    box = document.styles["Summary Box"].element.get_or_add_pPr()
    set_border(box, ("top", "left", "bottom", "right"), 6, "808080", 6)
    set_child(box, "shd", PPR_ORDER, val="clear", color="auto", fill="F2F2F2")
    fmt = document.styles["Summary Box"].paragraph_format
    fmt.left_indent = fmt.right_indent = Pt(8)


SAMPLE = [
    ("Brief Masthead", "每日要情"), ("Brief Issue", "第1期"), ("Brief Dateline", "编印单位\t2023年4月21日"),
    ("Title", "标题（2号方正小标宋简体）"), ("Heading 1", "一、一级标题（黑体）"),
    ("Heading 2", "（一）二级标题（楷体_GB2312）"), ("Normal", "正文（3号仿宋_GB2312，固定行距，每页22行）。"),
    ("Brief Source", "（来源：报道标题）"), ("Article Meta", "2023年4月21日　记者 某某"),
    ("Article Keywords", "关键词：示例"), ("Summary Box", "摘要框（楷体_GB2312）。"),
    ("Brief Closing", "报：……"),
]


def build() -> docx.document.Document:
    """The reference document: page, defaults, styles and one sample paragraph per style."""
    document = docx.Document()
    fix_defaults(document)
    page_setup(document)
    for name, spec in SPECS.items():
        define(document, name, spec)
    borders(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for style, text in SAMPLE:
        document.add_paragraph(text, style=style)
    return document


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    build().save(str(target))
    print(f"wrote {target}")
