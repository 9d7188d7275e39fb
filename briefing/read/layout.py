"""Layout (版面) pages of an e-paper: a page's number, name and date and the articles printed on it.
A layout page is not an article: read alone it says what it is and lists its articles."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .text import clean_display

#: An article link of a Founder e-paper: content_1234.htm?div=-1, ../content/202401/15/content_5678.html
_CONTENT_RE = re.compile(r"content_(\d+)\.s?html?")
_PAGE_LABEL_RE = re.compile(r"第\s*(\d{1,3})\s*版\s*[：:]?\s*([\u4e00-\u9fff][\u4e00-\u9fff ·]{0,12})")
_ARTICLE_MARKERS = ("<!--enpcontent-->", "<founder-content", "TRS_Editor\"", "TRS_Editor'")
_SHOWN = 5  # articles named in the one-line message


class LayoutPageError(InputError):
    """A 版面 page given where an article was expected."""


@dataclass(frozen=True)
class Layout:
    """A 版面: number (01), name (今日要闻), date, and (content id, title) of each article on it."""

    number: str | None
    name: str | None
    date: str | None
    articles: tuple[tuple[str, str], ...]


def parse_layout(raw: str, tree) -> Layout | None:
    """The layout of a 版面 page; None when the page is not one (it has an article body)."""
    if any(marker in raw for marker in _ARTICLE_MARKERS):
        return None
    areas = [a.get("href", "") for a in tree.iter("area") if _CONTENT_RE.search(a.get("href", ""))]
    titled = _article_links(tree)
    pages = [a for a in tree.iter("a") if re.search(r"node_\d+\.s?html?", a.get("href", ""))]
    if not areas and len(titled) < 3 and not (titled and pages and _label(tree)[0]):
        return None  # a page map, an article list, or an article or two under a 第N版 label with a page list
    if areas:  # the page map is the article list; ?div=0 and ?div=-1 areas are parts of one article
        ids = dict.fromkeys(_CONTENT_RE.search(href).group(1) for href in areas)
        titled = {cid: titled.get(cid, "") for cid in ids}
    number, name = _label(tree)
    from .htmltext import iso_date

    date = iso_date(" ".join(e.text_content() for e in tree.find_class("date")) or raw)
    return Layout(number, name, date, tuple(titled.items()))


def _article_links(tree) -> dict[str, str]:
    """Content id → title of each article link, first title kept (the map and the list share ids)."""
    out: dict[str, str] = {}
    for link in tree.iter("a"):
        href = link.get("href", "")
        match = None if "://" in href else _CONTENT_RE.search(href)  # the site's own pages link absolutely
        title = clean_display(link.text_content())
        if match and (title or match.group(1) not in out):
            if not out.get(match.group(1)):
                out[match.group(1)] = title
    return out


def _label(tree) -> tuple[str | None, str | None]:
    for element in tree.find_class("banci") + [tree]:
        match = _PAGE_LABEL_RE.search(element.text_content())
        if match:
            return f"{int(match.group(1)):02d}", match.group(2).replace(" ", "").strip() or None
    return None, None


def describe(layout: Layout) -> str:
    """One line: which page this is and what is on it."""
    label = f"第{layout.number}版" + (f"：{layout.name}" if layout.name else "") if layout.number else "an e-paper page"
    when = f" of {layout.date}" if layout.date else ""
    named = [f"{title or '(untitled)'} (content_{cid})" for cid, title in layout.articles[:_SHOWN]]
    more = f" and {len(layout.articles) - _SHOWN} more" if len(layout.articles) > _SHOWN else ""
    return f"is the layout page (版面) {label}{when} listing {len(layout.articles)} articles: " \
           f"{'; '.join(named)}{more}"


def check_not_layout(raw: str, tree, source: str) -> None:
    """Raise LayoutPageError, saying what the page is, when it is a layout page."""
    layout = parse_layout(raw, tree)
    if layout is not None:
        raise LayoutPageError(source, describe(layout),
                              "give those article pages, or the folder of the saved issue")


def is_layout_file(path) -> bool:
    """Whether an HTML file is a layout page (so a folder listing can leave it out)."""
    from .htmltext import parse_html

    try:
        data = path.read_bytes()
        if b"content_" not in data or any(m.encode() in data for m in _ARTICLE_MARKERS):
            return False  # no article links, or an article body: not a layout page, no need to parse
        raw, tree = parse_html(data, str(path))
    except (InputError, OSError):
        return False
    return parse_layout(raw, tree) is not None


def with_layout_page(article: Article, path: Path) -> Article:
    """An article page that does not print its 版次 gets it from a layout page of the same folder
    that lists it (a saved issue of a classic Founder e-paper)."""
    if article.page:
        return article
    match = _CONTENT_RE.search(path.name)
    content_id = article.id or (match.group(1) if match else None)
    try:
        pages = _folder_pages(str(path.parent), path.parent.stat().st_mtime_ns)
    except OSError:
        return article
    return replace(article, page=pages[content_id]) if content_id in pages else article


@functools.lru_cache(maxsize=16)
def _folder_pages(folder: str, _mtime: int) -> dict[str, str]:
    """Content id → 版次 from every layout page in a folder (read once per folder)."""
    from .htmltext import parse_html

    pages: dict[str, str] = {}
    for path in sorted(Path(folder).glob("*.htm*")):
        try:
            layout = parse_layout(*parse_html(path.read_bytes(), str(path)))
        except (InputError, OSError):
            continue
        if layout and layout.number:
            for content_id, _ in layout.articles:
                pages.setdefault(content_id, layout.number)
    return pages
