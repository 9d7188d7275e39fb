"""本期关键词: the period's keywords, as printed (no fragments of clauses, none inside another)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..models import ArticleSummary, Keyword

#: A keyword that starts with an action or holds an office is part of a clause, not a topic.
_OFFICE = r"(?:书记|副?区长|副?市长|副?县长|主任|主席|董事长|总经理|副?部长|局长|委员|院长|校长)"
_FRAGMENT_RE = re.compile(r"^(?:实地|调研|召开|举行|开展|推进|深入|带领|参加|出席|主持|听取|研究|全力|积极)|"
                          rf"^{_OFFICE}$|{_OFFICE}(?=[\u4e00-\u9fff]{{2,3}}$)")


def period_keywords(summaries: Sequence[ArticleSummary], n: int = 10,
                    stopwords: frozenset[str] = frozenset()) -> tuple[Keyword, ...]:
    """The period's keywords: article keyword weights summed, scaled so the first is 1.0."""
    total: Counter[str] = Counter()
    for summary in summaries:
        for keyword in summary.keywords:
            if len(keyword.word) > 1 and keyword.word not in stopwords:
                total[keyword.word] += keyword.weight
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    top = ranked[0][1] if ranked else 1.0
    return tuple(Keyword(word, round(weight / top, 2)) for word, weight in ranked)


def brief_keywords(summaries: Sequence[ArticleSummary], ranked: Sequence[Keyword], n: int = 10) -> tuple[str, ...]:
    """本期关键词 as printed: words that several articles use (when there are three or more), not a
    fragment of a clause (实地调研交运) or a title glued to a name (董事长张春丽), none inside another."""
    texts = [s.article.title + s.article.text for s in summaries]
    shown = []
    for keyword in distinct([k for k in ranked if not _FRAGMENT_RE.search(k.word)]):
        if len(texts) < 3 or sum(keyword.word in text for text in texts) >= 2:
            shown.append(keyword.word)
    return tuple(shown[:n])


def distinct(keywords: Any) -> list[Any]:
    """Keywords for reading: drop one that is part of, or contains, a keyword already shown.

    The ranked list keeps both 星禾 and 星禾生物医药产业园 (each may be the one a reader
    searches for); a reader needs only the first of them. Items are Keywords or their dicts.
    """
    shown: list[Any] = []
    for keyword in keywords:
        word = _word_of(keyword)
        if not any(word in other or other in word for other in map(_word_of, shown)):
            shown.append(keyword)
    return shown


def _word_of(keyword: Any) -> str:
    return keyword["word"] if isinstance(keyword, dict) else keyword.word
