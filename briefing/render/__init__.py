"""Renderers: Jinja2 templates (Markdown, terminal text) and python-docx (Word)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Brief


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


def issue_day(brief: "Brief") -> str:
    """印发日期: the date set in the brief, else the last day of its period."""
    return brief.date or brief.end


def live_highlights(brief: "Brief") -> list[dict[str, Any]]:
    """本期要点 whose item is still in the brief (a reviewer may have removed it), with that item."""
    items = {item.key: item for item in brief.items()}
    return [{"item": items[h.item], "text": h.text} for h in brief.highlights if h.item in items]


def common_source(brief: "Brief") -> str:
    """The one 来源 every article of the brief shares (then 附 need not repeat it), else an empty string."""
    names = {s.source for item in (*brief.items(), *brief.more) for s in item.sources}
    return names.pop() if len(names) == 1 else ""
