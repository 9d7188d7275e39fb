"""The draft (brief.json) rendered to Word or Markdown, every reviewer's edit kept; `--publish` numbers it.

The renderers read the Brief model, so rendering a draft is: read it strictly, check the target,
write the chosen format atomically. Publishing takes the next 第N期/总第N期 from the issue counter
(briefing.render.numbering) under its lock, renders with them, writes them back into the draft, and only
then records them, so a failed render burns no number.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

from ..errors import BriefingError
from .files import atomic_write_text, check_target
from ..models import Brief
from .json import load_draft, write_brief_json

__all__ = ["load_draft", "render_to", "render_draft", "publish_draft", "RENDERED"]

RENDERED = (".docx", ".md")


class RenderError(BriefingError):
    """A render request that cannot be met (wrong output suffix, options for the other format)."""


def check_request(output: str | Path, template: str | None, reference_doc: str | None) -> str:
    """The output's suffix (.docx or .md), after checking the options fit it."""
    suffix = Path(output).suffix.lower()
    if suffix not in RENDERED:
        raise RenderError(f"{output}: the output must end in .docx or .md")
    if template and suffix != ".md":
        raise RenderError(f"{output}: --template shapes Markdown; write OUT.md, or drop --template")
    if reference_doc and suffix != ".docx":
        raise RenderError(f"{output}: --reference-doc styles Word; write OUT.docx, or drop --reference-doc")
    return suffix


def render_to(brief: Brief, target: str | Path, template: str | None = None,
              reference_doc: str | Path | None = None, line_spacing_pt: float | None = None,
              warn: Callable[[str], None] | None = None) -> None:
    """Write the brief as .docx or .md (by the suffix of `target`), complete or absent; what prints after a
    review (removed items, recounted counts) is decided by the renderers themselves (printed.as_printed), so
    `briefing brief -o x.docx`, `render x.json -o x.docx` and the review page print the same. A Word
    brief's warning (no 版记) goes to `warn`, by default stderr."""
    check_request(target, template, None)
    if Path(target).suffix.lower() == ".docx":
        from .docx import write_brief

        write_brief(brief, target, reference_doc, line_spacing_pt, warn)
        return
    from .markdown import render_brief

    atomic_write_text(target, render_brief(brief, template))


def render_draft(draft: str | Path, output: str | Path, force: bool = False, template: str | None = None,
                 config_path: str | None = None, reference_doc: str | None = None) -> Brief:
    """Render the draft file to `output` as it stands; nothing else (the counter, the draft) changes."""
    brief, target, config = _prepare(draft, output, force, template, config_path, reference_doc)
    render_to(brief, target, template, config.reference_doc, config.line_spacing_pt)
    return brief


@dataclasses.dataclass(frozen=True)
class Published:
    """A published brief and where its 第N期 came from: again (this period was published before, the same
    numbers reused), config (`issue` in briefing.toml), draft (set in the draft by hand), counter (the next
    of the title and year), first (the draft's own number, where the counter of its title and year starts)."""

    brief: Brief
    origin: str


def publish_draft(draft: str | Path, output: str | Path, force: bool = False, template: str | None = None,
                  config_path: str | None = None, reference_doc: str | None = None,
                  state: str | Path | None = None) -> Published:
    """Render with the issue numbers (numbered), write them into the draft, and record them in the counter."""
    from .numbering import IssueCounter, state_path

    brief, target, config = _prepare(draft, output, force, template, config_path, reference_doc)
    counter = IssueCounter(Path(state) if state else state_path(config_path))
    with counter.locked():
        (issue, total), origin = numbered(brief, config.issue, counter)
        published = dataclasses.replace(brief, issue=str(issue), total_issue=str(total))
        render_to(published, target, template, config.reference_doc, config.line_spacing_pt)
        write_brief_json(published, draft)
        counter.record(brief.title, _year(brief), issue, total, _period(brief))
    return Published(published, origin)


def numbered(brief: Brief, configured: int | None, counter) -> tuple[tuple[int, int], str]:
    """The 第N期 and 总第N期 a publication takes, and why (see Published): a period published before keeps
    its numbers; else the config's issue; else a number set in the draft by hand; else the counter's next
    once the title and year are counted; else the draft's own number (the period's, as `brief` gave it).
    A number differing from the period's own, or marked `issue_set`, was set by hand."""
    before = counter.published(brief.title, _period(brief))
    if before:
        return before, "again"
    year = _year(brief)
    last_issue, last_total = counter.last(brief.title, year)
    total = _number(brief.total_issue) or counter.peek(brief.title, year)[1]
    own = _number(brief.issue)
    if configured is not None:
        return (configured, total), "config"
    if own and (brief.issue_set or own != _automatic(brief)):
        return (own, total), "draft"
    if counter.counting(brief.title, year) or not own:
        return (last_issue + 1, total), "counter"
    return (own, total), "first"


def _number(text: str) -> int | None:
    """12 from "12", "第12期" or "总第12期"; None when there is no number."""
    digits = "".join(ch for ch in str(text) if ch.isdigit())
    return int(digits) if digits else None


def _automatic(brief: Brief) -> int | None:
    """The number `briefing brief` gives a period when nothing sets one (the ISO week of a week …)."""
    import datetime as dt

    from ..brief.periods import default_issue

    try:
        return default_issue(dt.date.fromisoformat(brief.start), brief.period)
    except (ValueError, KeyError):
        return None


def _period(brief: Brief) -> str:
    return f"{brief.start}/{brief.end}"


def _prepare(draft, output, force, template, config_path, reference_doc):
    """Everything cheap checked before anything is written: the request, the target, the config, the draft."""
    check_request(output, template, reference_doc)
    target = check_target(output, force)
    return load_draft(draft), target, output_config(config_path, reference_doc, template)


def output_config(config_path: str | None, reference_doc: str | None, template: str | None):
    """The configuration with a --reference-doc over its own, after the --template has been parsed."""
    from ..config import load_config

    config = load_config(config_path)
    if reference_doc:
        config = dataclasses.replace(config, reference_doc=reference_doc)
    if template:
        from .markdown import check_template

        check_template(template)
    return config


def _year(brief: Brief) -> str:
    """The year an issue belongs to: that of its 印发日期, else of its period's last day."""
    return (brief.date or brief.end)[:4]
