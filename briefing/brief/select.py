"""What goes into a brief: web furniture removed, junk records dropped, and a length (the rest listed).

Junk is a record whose text, once navigation bars, scripts and page furniture are removed, holds no
Chinese sentence: a scraped page header (`首页|简|繁|EN|登录…`, `function goSearch(…){var e = …}`) is
not news. The length rule: items in full are the best-scored, at most `limit` in all and at most a
section's own cap in each section; every section keeps its best item; the rest are listed (附).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from .items import is_roundup
from ..models import Article, BriefItem

#: The default number of items in full, per period (a day fits on two pages, a week on about eight).
DEFAULT_LENGTH = {"day": 10, "week": 30, "month": 40, "quarter": 50, "year": 60}
SELECTION_RULE = ("全文编发按政治重要性选取：先看谁的活动（按职务排序）和活动类别（会议、讲话、考察、外事、文件、数据等），"
                  "再看头条位置、多源报道和关键词集中度；每期不超过{limit}条，各栏目不超过其上限；评论、综述不全文编发；其余列入附录")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_HAN_RE = re.compile(f"[{_HAN}]")
_TERMINATOR_RE = re.compile(r"[。！？!?]")
_SCRIPT_RE = re.compile(r"\bfunction\b\s*\w*\s*\(|\bvar\s+\w+\s*=|\b(?:document|window|event)\.\w+|"
                        r"\breturn\b[^。]*;|[{};]\s*$|^\s*[{}]|//\s*\S|</?[a-zA-Z][^>]*>|=\s*'[^']*'")
#: A navigation bar: three or more short cells between vertical bars (首页|简|繁|EN|登录…).
_NAV_RE = re.compile(r"(?:^|\|)\s*[^|。，]{1,8}\s*\|\s*[^|。，]{1,8}\s*\|\s*[^|。，]{1,8}\s*(?:\||$)")
#: Page furniture inside a scraped article: time stamp and 来源 line, font-size and print buttons,
#: the correction link and editor line (seen on gov.cn pages in the 新闻联播 set, 2025-11).
_FURNITURE_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:来源[:：])?"
    r"|(?:来源[:：]\s*)?[\u4e00-\u9fff]{0,10}字号[:：]\s*默认\s*大\s*超大|\|?\s*打印\s*\|"
    r"|【(?:我要)?纠错】|【\s*】|【责任编辑[:：][^】]{0,8}】|新闻链接\s.*$|责任编辑[:：]\s*[\u4e00-\u9fff]{1,4}?(?=相关稿件|\s|$)|相关稿件\s*$"
    r"|阅读下一篇[:：]?.*$|分享到[:：]?\s*$")


@dataclasses.dataclass(frozen=True)
class Prepared:
    """The period's articles split into news (furniture removed) and junk."""

    kept: tuple[Article, ...]
    dropped: tuple[Article, ...]


def prepare(articles: Sequence[Article]) -> Prepared:
    """Remove web furniture from each article; an article left without a Chinese sentence is junk."""
    kept, dropped = [], []
    for article in articles:
        cleaned = strip_furniture(article)
        (kept if cleaned is not None else dropped).append(cleaned or article)
    return Prepared(tuple(kept), tuple(dropped))


def strip_furniture(article: Article) -> Article | None:
    """The article without navigation, script and furniture paragraphs; None when no news is left."""
    paragraphs = []
    for paragraph in article.paragraphs:
        text = _FURNITURE_RE.sub("", paragraph).strip(" |")
        if text and not is_code_or_navigation(text) and text != article.title.strip():
            paragraphs.append(text)
    if not any(has_sentence(p) for p in paragraphs):
        return None
    if tuple(paragraphs) == article.paragraphs:
        return article
    return dataclasses.replace(article, paragraphs=tuple(paragraphs))


def has_sentence(text: str) -> bool:
    """Whether the text holds a Chinese sentence: ten Han characters before a terminator (。！？)."""
    *closed, _ = _TERMINATOR_RE.split(text)
    return any(len(_HAN_RE.findall(chunk)) >= 10 for chunk in closed)


def is_code_or_navigation(text: str) -> bool:
    """A paragraph of script, markup or a navigation bar, or one that is mostly not Chinese."""
    han = len(_HAN_RE.findall(text))
    if _SCRIPT_RE.search(text) and han < 0.6 * len(text):
        return True
    if _NAV_RE.search(text) and not has_sentence(text):
        return True
    return len(text) >= 20 and han < 0.2 * len(text)


def choose(sections: Mapping[str, Sequence[BriefItem]], limit: int, caps: Mapping[str, int] = {},
           unsure: frozenset[str] = frozenset({"其他"}), fill: int | None = None
           ) -> tuple[dict[str, list[BriefItem]], list[BriefItem]]:
    """Items in full by section, best first, and the rest in date order: first each section's best (in
    the order of their scores, while the limit allows; not for the `unsure` sections, nor a roundup, nor
    an item of tier 3 or 4), then the best of the rest within the caps. An item of tier 3 (may be
    listed) is printed in full only while fewer than `fill` items are (default: all the limit); tier 4
    never."""
    fill = limit if fill is None else fill
    ranked = sorted(((item.score, name, n) for name, items in sections.items() for n, item in enumerate(items)),
                    key=lambda t: -t[0])  # stable: ties keep section and input order
    chosen: list[tuple[float, str, int]] = []
    taken: Counter[str] = Counter()
    for first_pass in (True, False):
        for entry in ranked:
            _, name, n = entry
            if len(chosen) >= limit:
                break
            if entry in chosen or taken[name] >= caps.get(name, limit):
                continue
            item = sections[name][n]
            if item.tier >= 4 or (item.tier == 3 and len(chosen) >= fill):
                continue
            if first_pass and (taken[name] or name in unsure or is_roundup(item.title) or item.tier >= 3):
                continue
            chosen.append(entry)
            taken[name] += 1
    picked = set(chosen)
    full = {name: [items[n] for _, other, n in sorted(chosen, key=lambda t: -t[0]) if other == name]
            for name, items in sections.items()}
    rest = [item for name, items in sections.items() for n, item in enumerate(items)
            if (item.score, name, n) not in picked]
    return full, sorted(rest, key=lambda i: i.date or "")
