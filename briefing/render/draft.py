"""The draft (brief.json) rendered to Word or Markdown, every reviewer's edit kept; `--publish` numbers it.

The renderers read the Brief model, so rendering a draft is: read it strictly, check the target,
write the chosen format atomically. Publishing takes the next 第N期/总第N期 from the issue counter
(briefing.render.numbering) under its lock, renders with them, writes them back into the draft, and only
then records them, so a failed render burns no number.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

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
              reference_doc: str | Path | None = None, line_spacing_pt: float | None = None) -> None:
    """Write the brief as .docx or .md (by the suffix of `target`), complete or absent; what prints after a
    review (removed items, recounted counts) is decided by the renderers themselves (printed.as_printed), so
    `briefing brief -o x.docx`, `render x.json -o x.docx` and the review page print the same."""
    check_request(target, template, None)
    if Path(target).suffix.lower() == ".docx":
        from .docx import write_brief

        write_brief(brief, target, reference_doc, line_spacing_pt)
        return
    from .markdown import render_brief

    atomic_write_text(target, render_brief(brief, template))


def render_draft(draft: str | Path, output: str | Path, force: bool = False, template: str | None = None,
                 config_path: str | None = None, reference_doc: str | None = None) -> Brief:
    """Render the draft file to `output` as it stands; nothing else (the counter, the draft) changes."""
    brief, target, config = _prepare(draft, output, force, template, config_path, reference_doc)
    render_to(brief, target, template, config.reference_doc, config.line_spacing_pt)
    return brief


def publish_draft(draft: str | Path, output: str | Path, force: bool = False, template: str | None = None,
                  config_path: str | None = None, reference_doc: str | None = None,
                  state: str | Path | None = None) -> Brief:
    """Render with the next issue numbers, write them into the draft, and record them in the counter."""
    from .numbering import IssueCounter, state_path

    brief, target, config = _prepare(draft, output, force, template, config_path, reference_doc)
    counter = IssueCounter(Path(state) if state else state_path(config_path))
    with counter.locked():
        issue, total = counter.peek(brief.title, _year(brief))
        numbered = dataclasses.replace(brief, issue=str(issue), total_issue=str(total))
        render_to(numbered, target, template, config.reference_doc, config.line_spacing_pt)
        write_brief_json(numbered, draft)
        counter.record(brief.title, _year(brief), issue, total)
    return numbered


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
