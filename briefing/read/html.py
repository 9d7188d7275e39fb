"""Article pages in HTML: Founder (方正) e-paper, People's Daily, TRS CMS pages, and any other page
through a general extractor; each recognised by its structure, not by the site's name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..models import Article
from .text import clean_display
from .htmltext import blocks, iso_date, parse_html, split_byline

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
_ENPCONTENT_RE = re.compile(r"<!--\s*enpcontent\s*-->(.*?)<!--\s*/enpcontent\s*-->", re.S)
_ENPPROPERTY_RE = re.compile(r"<!--\s*enpproperty(.*?)/enpproperty\s*-->", re.S)
_PROPERTY_RE = re.compile(r"<(\w+)>(.*?)</\1>", re.S)
_PEOPLE_LINE_RE = re.compile(r"《([^》]{2,12})》\s*[（(]\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*第\s*(\d{1,3})\s*版\s*[）)]")
_PAPER_RE = re.compile(r"(?:Copyright|版权所有)\s*[©:：]?\s*([\u4e00-\u9fff]{2,10}?(?:日报|晚报|报))")
_TITLE_SPLIT_RE = re.compile(r"\s*(?:_{1,2}|--|-|\||｜|—)\s*")
#: Where People's Daily and similar pages keep the body, tried in this order.
_BODY_IDS = ("ozoom", "rwb_zw", "articleContent", "content", "UCAP-CONTENT")
_BODY_CLASSES = ("rm_txt_con", "box_con", "article-content", "art_con", "pages_content", "article")


@dataclass
class Page:
    """What one article page gives, before it becomes an Article."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    pretitle: str | None = None
    subtitle: str | None = None
    date: str | None = None
    page: str | None = None
    paper: str | None = None
    id: str | None = None


def read_html(data: bytes, source: str, date: str | None = None) -> list[Article]:
    """The article of an HTML page (or saved fragment of one); a layout page raises LayoutPageError."""
    from .clean import unglue_lead
    from .layout import check_not_layout

    raw, tree = parse_html(data, source)
    check_not_layout(raw, tree, source)
    page = _founder(raw, tree) or _people(tree) or _trs(tree) or _general(tree, raw)
    if not page.paragraphs:
        raise InputError(source, "has no article text that could be found",
                         "give the article's own page (not a list or index page), or save its text as .txt")
    body, byline = split_byline(unglue_lead(list(page.paragraphs)))
    return [Article(title=page.title, paragraphs=tuple(body), subtitle=page.subtitle or None, byline=byline,
                    date=page.date or date, source=source, id=page.id, pretitle=page.pretitle or None,
                    paper=page.paper, page=page.page)]


def select(tree, selector: str) -> list:
    """Elements matching a simple CSS selector: `#id`, `tag`, `.class`, `tag.class`, and
    descendant chains of those (lxml's cssselect needs a package of its own)."""
    path = ""
    for part in selector.split():
        tag, _, rest = part.partition("#") if "#" in part else (part, "", "")
        tag, _, cls = tag.partition(".")
        test = f"[@id='{rest}']" if rest else ""
        test += f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
        path += f"//{tag or '*'}{test}"
    return tree.xpath("." + path) if path else []


def _text(tree, selector: str) -> str:
    found = select(tree, selector)
    return clean_display(found[0].text_content()) if found else ""


def _founder(raw: str, tree) -> Page | None:
    """Founder e-paper: <!--enpcontent--> body (or <founder-content>), <!--enpproperty--> fields,
    the div.caption title block."""
    bodies = list(dict.fromkeys(m.strip() for m in _ENPCONTENT_RE.findall(raw)))  # doubled markers: once
    container = select(tree, "founder-content")
    if not bodies and not container:
        return None
    paragraphs = [p for b in bodies if b for p in blocks(_fragment(b))] if bodies else blocks(container[0])
    found = _ENPPROPERTY_RE.search(raw)
    props = {k: clean_display(v) for k, v in _PROPERTY_RE.findall(found.group(1))} if found else {}
    layout = _text(tree, "#nowLayout") or props.get("pagenum", "")
    return Page(title=_text(tree, "#main-title") or props.get("title", ""), paragraphs=paragraphs,
                pretitle=_text(tree, "#intro-title") or props.get("introtitle"),
                subtitle=_text(tree, "#sub-title") or props.get("subtitle"),
                date=iso_date(props.get("date")) or iso_date(_text(tree, "#author")),
                page=_page_number(layout), paper=_paper(tree, raw), id=props.get("paperarticleid"))


def _fragment(markup: str):
    """The body between Founder's markers as one element; markup lxml cannot hold (a lone <html>) is an empty one."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fragment_fromstring(markup, create_parent="div")
    except (AssertionError, lxml.etree.ParserError):  # lxml asserts one <body> when the markup brings its own
        return lxml.html.fragment_fromstring("", create_parent="div")


def _page_number(text: str) -> str | None:
    match = re.search(r"\d{1,3}", text or "")
    return f"{int(match.group()):02d}" if match else None


def _paper(tree, raw: str) -> str | None:
    """The paper's name: from <title> (湖北日报数字报, 科技日报--数字报) or the copyright line."""
    title = _text(tree, "title")
    match = re.match(r"([\u4e00-\u9fff]{2,10}?(?:日报|晚报|报))", title) or _PAPER_RE.search(raw)
    return match.group(1) if match else None


def _people(tree) -> Page | None:
    """People's Daily: h3.pre 引题, h1, h4.sub 副题 (h2 on the e-paper), the 《人民日报》（…版） line."""
    heading, line = _first(tree, "h1"), _PEOPLE_LINE_RE.search(tree.text_content())
    if heading is None or not (select(tree, "h3.pre") or select(tree, "h4.sub") or line):
        return None
    from .extract import extract_body

    body = _body_element(tree)
    page = Page(title=clean_display(heading.text_content()),
                paragraphs=blocks(body) if body is not None else extract_body(tree),
                pretitle=_text(tree, "h3.pre") or _neighbour_heading(heading, -1),
                subtitle=_text(tree, "h4.sub") or _neighbour_heading(heading, 1), date=_meta(tree, "publishdate"))
    if line:
        page.paper, page.date, page.page = line[1], iso_date(line[2]), _page_number(line[3])
        page.paragraphs = [p for p in page.paragraphs if not _PEOPLE_LINE_RE.search(p)]
    page.date = iso_date(page.date) or iso_date(_text(tree, ".box01 .fl") or _text(tree, ".col-1-1"))
    return page


def _body_element(tree):
    for ident in _BODY_IDS:
        found = tree.get_element_by_id(ident, None)
        if found is not None and found.text_content().strip():
            return found
    for cls in _BODY_CLASSES:
        found = tree.find_class(cls)
        if found:
            return found[0]
    return None


def _meta(tree, name: str) -> str | None:
    found = tree.xpath(f"//meta[translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                       f"'abcdefghijklmnopqrstuvwxyz')='{name.lower()}']/@content")
    return clean_display(found[0]) or None if found else None


def _trs(tree) -> Page | None:
    """TRS CMS pages: meta ArticleTitle / PubDate / ContentSource, the body in div.TRS_Editor."""
    editors = [e for e in tree.find_class("TRS_Editor") if e.tag != "style"]
    title = _meta(tree, "ArticleTitle")
    if not editors and not title:
        return None
    body = max(editors, key=lambda e: len(e.text_content()), default=None)
    if body is None:
        return None
    heading = _heading_like(tree, title) if title else _first(tree, "h1")
    page = Page(title=title or (clean_display(heading.text_content()) if heading is not None else ""),
                paragraphs=blocks(body), date=iso_date(_meta(tree, "PubDate")) or _page_date(tree),
                paper=_meta(tree, "ContentSource"))
    if heading is not None:
        page.pretitle, page.subtitle = _neighbour_heading(heading, -1), _neighbour_heading(heading, 1)
    return page


def _first(tree, tag: str):
    found = tree.findall(f".//{tag}")
    return found[0] if found else None


def _heading_like(tree, title: str):
    """The heading element whose text is the title, to find the 引题 and 副题 beside it."""
    for element in tree.iter("h1", "h2", "h3"):
        if clean_display(element.text_content()) == title:
            return element
    return None


def _neighbour_heading(heading, step: int) -> str | None:
    sibling = heading.getprevious() if step < 0 else heading.getnext()
    if sibling is not None and sibling.tag in ("h2", "h3", "h4"):
        return clean_display(sibling.text_content()) or None
    return None


def _page_date(tree) -> str | None:
    for selector in (".pub-time", ".time", ".date", ".article-infos-source"):
        found = iso_date(_text(tree, selector))
        if found:
            return found
    return None


def _general(tree, raw: str) -> Page:
    """Any other page: the general extractor (see extract.py) gives the body, headings the title."""
    from .extract import extract_body

    heading = _first(tree, "h1")
    title = clean_display(heading.text_content()) if heading is not None else ""
    head_title = _TITLE_SPLIT_RE.split(_text(tree, "title"))[0] if _text(tree, "title") else ""
    paragraphs = extract_body(tree)
    if not title or len(title) < 4:
        title = re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff])", "", head_title)
    if paragraphs and paragraphs[0].replace(" ", "").startswith(title.replace(" ", "")):
        rest = paragraphs[0].replace(" ", "")[len(title.replace(" ", "")):]  # the title printed atop the body
        paragraphs = ([rest] if rest else []) + paragraphs[1:]
    return Page(title=title, paragraphs=paragraphs, date=iso_date(_meta(tree, "firstpublishedtime"))
                or _page_date(tree) or iso_date(_meta(tree, "PubDate")))
