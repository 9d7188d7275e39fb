"""Renderers: Jinja2 templates (Markdown, terminal text) and python-docx (Word)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Brief


def issue_day(brief: "Brief") -> str:
    """印发日期: the date set in the brief, else the last day of its period."""
    return brief.date or brief.end


from .printed import common_source, live_highlights  # noqa: E402  (kept here for templates and callers)
