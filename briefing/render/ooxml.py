"""Low-level Word XML that python-docx has no API for: a block of paragraphs pinned to the page foot."""
from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
_EMU_PT = 12700
#: The anchor: a paragraph exactly as tall as the box (off the line grid), the box centred on the text area
#: with its bottom on the bottom margin, in front of the text (the paragraph already keeps the room free).
_ANCHOR = """<w:p {ns}><w:pPr><w:snapToGrid w:val="0"/>
<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/></w:pPr><w:r><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
 layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{id}" name="{name}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0"
 bIns="0" anchor="b"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"""


def pin_to_page_foot(document: Document, paragraphs: list[Paragraph], line_pt: float, name: str = "版记") -> None:
    """Move `paragraphs` (the document's last) into a text box whose bottom sits on the bottom margin of
    the page they fall on (GB/T 9704 puts the 版记 at the foot of the last page); `line_pt` sizes the box.

    The box's anchor paragraph is as tall as the box, so wherever it lands there is room for the box: a
    box that made the text wrap pushed the last lines (and its own anchor) to the next page, and
    LibreOffice settled that loop with the box alone on a new page. When the room is not there, the
    anchor moves to the next page like any paragraph, with the paragraphs kept with it."""
    if not paragraphs:
        return
    section = document.sections[-1]
    width = int(section.page_width - section.left_margin - section.right_margin)
    height = int((len(paragraphs) * line_pt + 10) * _EMU_PT)  # 10 pt for the rules between the lines
    ids = [int(i) for i in document.element.body.xpath("//wp:docPr/@id")] or [0]
    anchor = parse_xml(_ANCHOR.format(ns=_NS, cx=width, cy=height, id=max(ids) + 1, name=name,
                                      line=height // 635))  # EMU to twentieths of a point
    paragraphs[0]._p.addprevious(anchor)
    content = anchor.xpath(".//w:txbxContent")[0]
    for paragraph in paragraphs:
        content.append(paragraph._p)  # moves it out of the body
