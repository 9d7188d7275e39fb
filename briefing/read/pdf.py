"""Newspaper PDF pages with a text layer: each page's characters become articles (pdflayout.py),
articles jumped to another page (下转第2版 / 上接第1版) are joined, and a file without a usable text
layer (a scan, or fonts without a Unicode map that come out as (cid:123)) is refused."""
from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .htmltext import split_byline
from .pdflayout import Story, page_stories

#: A page is unreadable when more than this share of its characters are unmapped glyphs ((cid:N))
#: or rare characters (CJK extension A, private use) that an unmapped font yields instead of text.
MAX_BAD_SHARE = 0.05
_BAD_CHAR_RE = re.compile(r"[\u3400-\u4dbf\ue000-\uf8ff\ufffd]")
_JUMP_TO_RE = re.compile(r"\s*[（(]\s*(?:下转|转)第?\s*(\d{1,2})\s*版\s*[）)]\s*$")
_JUMP_FROM_RE = re.compile(r"^\s*[（(]\s*(?:上接|接)第?\s*(\d{1,2})\s*版\s*[）)]\s*")
OCR_FIX = "OCR it first (e.g. `ocrmypdf in.pdf out.pdf`), or give the paper's text or HTML edition"


def _open(path: Path):
    try:
        import pdfplumber
    except ImportError:
        raise InputError(str(path), "PDF input needs pdfplumber, which is not installed",
                         "install the extra: pip install 'briefing[pdf]'") from None
    try:
        return pdfplumber.open(str(path))
    except Exception as error:  # pdfminer raises many types for damaged or encrypted files
        raise InputError(str(path), f"cannot be read as a PDF ({type(error).__name__})",
                         "check that the file is a complete, unencrypted PDF") from None


def read_pdf(path: Path, date: str | None = None) -> list[Article]:
    """The articles of a PDF of newspaper pages, jumps between its pages joined. A jump to or from
    a page printed in another PDF of the same folder (one PDF per 版面) is joined too: the story is
    read whole from the file where it starts and left out of the file where it goes on."""
    own = _file_stories(path)
    if any(_jumps_out(s, own) for s in own):
        own = own + [s for sibling in _siblings(path) for s in _file_stories(sibling)]
    stories = [s for s in join_jumps(own) if s.origin == str(path)]
    return [_article(s, str(path), date, index) for index, s in enumerate(stories)]


def _file_stories(path: Path) -> list[Story]:
    """Fresh copies of a file's stories (join_jumps changes the stories it joins)."""
    return copy.deepcopy(_read_stories(str(path), path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=64)
def _read_stories(source: str, _mtime: int) -> list[Story]:
    """The stories of each page of a PDF, in page order; a sibling is read once per folder."""
    with _open(Path(source)) as pdf:
        pages = [(page.chars, page.width, page.height, _rules(page)) for page in pdf.pages]
    check_text_layer([c for page, *_ in pages for c in page], source)
    stories = [s for number, (page, width, height, rules) in enumerate(pages, 1)
               for s in page_stories(page, width, height, number, rules)]
    for story in stories:
        story.origin = source
    return stories


def _rules(page) -> list[float]:
    """The heights (from the top) of the page's horizontal rules at least half its width: lines, and
    rectangles no thicker than 3 pt (a thick rule is often drawn as a filled rectangle)."""
    drawn = list(page.lines) + [r for r in page.rects if r["bottom"] - r["top"] <= 3]
    return sorted(d["top"] for d in drawn if d["x1"] - d["x0"] >= 0.5 * page.width
                  and d["bottom"] - d["top"] <= 3)


def _jumps_out(story: Story, stories: list[Story]) -> bool:
    """Whether a story jumps to or from a page that is not among these stories' pages."""
    pages = {s.page for s in stories}
    ends = _JUMP_TO_RE.search(story.paragraphs[-1]) if story.paragraphs else None
    starts = _JUMP_FROM_RE.match(_opening(story))
    return any(m and int(m.group(1)) not in pages for m in (ends, starts))


def _siblings(path: Path) -> list[Path]:
    """The other readable PDFs of the folder (a page that cannot be read is simply not joined)."""
    out = []
    for sibling in sorted(path.parent.glob("*.pdf")):
        if sibling != path:
            try:
                _read_stories(str(sibling), sibling.stat().st_mtime_ns)
                out.append(sibling)
            except (InputError, OSError):
                continue
    return out


def check_text_layer(chars: list[dict], source: str) -> None:
    """Refuse a file with no text, or text that is mostly unmapped glyphs."""
    if not any(c["text"].strip() for c in chars):
        raise InputError(source, "has no text layer (a scanned page)", OCR_FIX)
    bad = sum(1 for c in chars if c["text"].startswith("(cid:") or _BAD_CHAR_RE.match(c["text"]))
    if bad > MAX_BAD_SHARE * len(chars):
        raise InputError(source, f"has no usable text layer ({bad} of {len(chars)} characters are unmapped "
                                 f"glyphs such as (cid:123))", OCR_FIX)


def join_jumps(stories: list[Story]) -> list[Story]:
    """Append each story marked 上接第N版 to the story on page N marked 下转 its page, most alike
    title first; markers removed."""
    out = list(stories)
    for tail in [s for s in stories if _JUMP_FROM_RE.match(_opening(s))]:
        origin = int(_JUMP_FROM_RE.match(_opening(tail)).group(1))
        heads = [s for s in out if s.page == origin and s.paragraphs and _JUMP_TO_RE.search(s.paragraphs[-1])
                 and int(_JUMP_TO_RE.search(s.paragraphs[-1]).group(1)) == tail.page]
        if not heads:
            continue
        head = max(heads, key=lambda s: _alike(s.title, tail.title))
        head.paragraphs[-1] = _JUMP_TO_RE.sub("", head.paragraphs[-1])
        head.paragraphs = [p for p in head.paragraphs if p] + _without_marker(tail)
        out.remove(tail)
    for story in out:  # a jump whose other half was not found: drop the markers, keep the text
        if story.paragraphs:
            story.paragraphs[-1] = _JUMP_TO_RE.sub("", story.paragraphs[-1])
            story.paragraphs = [p for p in _without_marker(story) if p]
    return out


def _opening(story: Story) -> str:
    """Where a 上接 marker is printed: the subtitle line or the first paragraph."""
    return story.subtitle if story.subtitle and _JUMP_FROM_RE.match(story.subtitle) else \
        (story.paragraphs[0] if story.paragraphs else "")


def _without_marker(story: Story) -> list[str]:
    if story.subtitle and _JUMP_FROM_RE.match(story.subtitle):
        return story.paragraphs
    if not story.paragraphs:
        return []
    first = _JUMP_FROM_RE.sub("", story.paragraphs[0])
    return ([first] if first else []) + story.paragraphs[1:]


def _alike(a: str, b: str) -> float:
    x, y = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    return len(x & y) / (len(x | y) or 1)


def _article(story: Story, source: str, date: str | None, index: int) -> Article:
    body, byline = split_byline(story.paragraphs)
    subtitle = None if story.subtitle and _JUMP_FROM_RE.match(story.subtitle) else story.subtitle
    return Article(title=story.title, paragraphs=tuple(body), subtitle=subtitle, byline=byline,
                   date=story.date or date, source=source, index=index, pretitle=story.pretitle,
                   paper=story.paper, page=story.page_label)
