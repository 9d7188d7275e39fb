"""Renderers: Jinja2 templates (Markdown, terminal text) and python-docx (Word)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Brief


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
