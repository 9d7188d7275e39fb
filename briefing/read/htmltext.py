"""HTML to paragraphs: parse a page, take the text blocks of a body element, tell captions and
navigation from body text, and make the body of an Article (lead byline, tail byline) from them."""
from __future__ import annotations

import re

from ..errors import InputError
from .ingest import decode, is_byline, parse_byline, repair_breaks
from ..models import Byline
from .text import clean_display

#: Elements whose text is one paragraph unless they hold other blocks.
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "center", "td", "blockquote", "section",
          "article", "dd", "dt", "table", "tr", "ul", "ol", "founder-content", "font"}
_SKIP = {"script", "style", "noscript", "template"}  # not button or select: a self-closed <button /> swallows the page
#: A photo caption: 图为…, ends in 摄 / （新华社发） / 供图 / 截图. Captions are short.
_CAPTION_RE = re.compile(r"^图为|^[(（]?图[:：]|摄[)）]?$|[（(][^（）()]{0,30}(?:发|供图|摄)[)）]$|截图。?$|资料图[)）]?$")
_MAX_CAPTION = 120
#: Editor lines: (责编：…), 【编辑：…】, 责任编辑：…
_EDITOR_RE = re.compile(r"^[（(【\[]?\s*(?:责编|责任编辑|编辑|校对|审核)\s*[:：]")
#: A paper's name before a reporter role: 湖北日报全媒记者 → 记者; also □ 湖北日报评论员.
_PAPER_ROLE_RE = re.compile(r"^[□■◎]?\s*[\u4e00-\u9fff]{0,8}?(?:日报|晚报|报社|报|网|台)?(?:全媒|融媒|首席)?(记者|通讯员)")
_COMMENTATOR_RE = re.compile(r"^[□■◎]?\s*([\u4e00-\u9fff]{0,10}(?:评论员|特约评论员|评论部))$")
_LEAD_BYLINE_RE = re.compile(r"^[\u4e00-\u9fff\d]{0,16}(?:讯|电)\s*[（(]([^（）()]{2,40})[）)]")


def parse_html(data: bytes, source: str):
    """The lxml tree of a page or fragment; bad HTML raises InputError."""
    import lxml.html  # lxml comes with python-docx; only HTML input needs it here

    text, _ = decode(data, source)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        tree = lxml.html.fromstring(text)
    except Exception as error:  # lxml raises ParserError or XMLSyntaxError for empty or broken input
        raise InputError(source, f"cannot be parsed as HTML ({type(error).__name__})",
                         "save the page again from the browser (Save as: web page, HTML only)") from None
    _adopt_strays(tree)
    for node in list(tree.iter(*_SKIP)):
        node.drop_tree()
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return text, tree


def _adopt_strays(tree) -> None:
    """Content after a stray </html> (a CMS header that closes the page) becomes a second root
    element: move it under the first, where the rest of the page is."""
    body = tree.find("body")
    target = body if body is not None else tree
    for stray in [s for s in tree.itersiblings() if isinstance(s.tag, str)]:
        for child in list(stray):
            target.append(child)


def blocks(element) -> list[str]:
    """The text blocks under an element in document order, <br> as a line break, captions and
    navigation left out."""
    out: list[str] = []
    _walk(element, out)
    return [line for block in out for line in _lines(block)]


def _walk(element, out: list[str]) -> None:
    if not isinstance(element.tag, str):
        return
    if not has_block_child(element):
        text = _text_with_breaks(element)
        if text.strip() and not _is_noise(element, text):
            out.append(text)
        return
    if element.text and element.text.strip():
        out.append(element.text)
    for child in element:
        _walk(child, out)
        if child.tail and child.tail.strip():
            out.append(child.tail)


def has_block_child(element) -> bool:
    """Whether any element under this one is a block (so its text is more than one paragraph)."""
    return any(isinstance(c.tag, str) and c.tag in BLOCKS and c.tag != "font" for c in element.iterdescendants())


def _text_with_breaks(element) -> str:
    return element.text_content()  # <br> became "\n" and scripts were dropped in parse_html


def _lines(block: str) -> list[str]:
    lines = [clean_display(line) for line in block.split("\n")]
    return repair_breaks([line for line in lines if line])  # <br> breaks inside one block are layout


def _is_noise(element, text: str) -> bool:
    """A caption, an editor line or a paragraph that is all links (navigation, 【1】【2】 paging)."""
    core = clean_display(text)
    if len(core) <= _MAX_CAPTION and (_CAPTION_RE.search(core) or _EDITOR_RE.match(core)):
        return True
    linked = "".join(a.text_content() for a in element.iter("a"))
    return bool(linked.strip()) and len(clean_display(linked)) >= len(core) - 2


def split_byline(paragraphs: list[str]) -> tuple[list[str], Byline]:
    """Take a byline paragraph off the start or end of a body (湖北日报全媒记者 …, □ 评论员, 记者 …);
    else read the byline in a lead's brackets (湖北日报讯（记者王某、通讯员李某）), which stays in the body."""
    body = list(paragraphs)
    for index in (0, -1):
        if body:
            byline = _byline_of(body[index])
            if byline is not None:
                del body[index]
                return body, byline
    match = _LEAD_BYLINE_RE.match(body[0]) if body else None
    if match and re.search(r"记者|通讯员", match.group(1)):
        return body, parse_byline(match.group(1))
    return body, Byline()


def _byline_of(line: str) -> Byline | None:
    commentator = _COMMENTATOR_RE.match(line)
    if commentator:
        return Byline((commentator.group(1),))
    plain = _PAPER_ROLE_RE.sub(r"\1 ", line, count=1)
    return parse_byline(plain) if is_byline(plain) else None


_DATE_RE = re.compile(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def iso_date(text: str | None) -> str | None:
    """2023-02-11 00:00:00, 2023年02月11日 or 2023/2/11 as YYYY-MM-DD."""
    match = _DATE_RE.search(text or "")
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None
