"""Jinja2 rendering: a sandboxed environment with StrictUndefined over the shipped templates."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError
from . import common_source, distinct, issue_day, live_highlights
from .cn import cn_date, cn_number, period_label
from ..models import Brief

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: Only at the start of a line do these begin a block (heading, list, quote, ordered list).
_MD_LINE_START = re.compile(r"^(\s*)(#|[-+](?=\s)|\d+(?=\.(?:\s|$)))")


def escape_md(text: Any) -> str:
    """Escape Markdown syntax so article text cannot break the layout (`*`, `#`, `|`, …).

    Inline markers are always escaped; `#`, `-`, `+` and `1.` only where they would start a
    block, so that figures such as 1.5亿元 stay readable in the raw Markdown.
    """
    text = _MD_INLINE.sub(r"\\\1", str(text)).replace("\n", " ")
    # `#`, `-`, `+` take a backslash before them; `1.` after the digits (CommonMark escapes punctuation).
    return _MD_LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                      else "\\" + m.group(2)), text)


def template_dir() -> Path:
    """Where the shipped templates are (inside the installed package)."""
    return Path(str(resources.files("briefing.templates")))


@lru_cache(maxsize=8)
def environment(extra_dir: str | None = None) -> SandboxedEnvironment:
    """Templates from `extra_dir` first, then the shipped ones."""
    dirs = [extra_dir] if extra_dir else []
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([*dirs, str(template_dir())]),
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["md"] = escape_md
    env.filters["distinct"] = distinct
    env.filters["cn_date"] = cn_date
    env.filters["cn_number"] = cn_number
    return env


def render(name: str, template_file: str | None = None, **context: Any) -> str:
    """Render a shipped template by name, or the user's `template_file`; errors name file and line."""
    try:
        if template_file:
            path = Path(template_file)
            template = environment(str(path.parent.resolve())).get_template(path.name)
        else:
            template = environment().get_template(name)
        return template.render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{error.filename or template_file or name}:{error.lineno}: {error.message}; "
                            "fix the template syntax") from None
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{template_file or name}:{_template_line(error)}: {error.message}; "
                            "use only the variables the template is given") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"{error.name}: template not found; check the --template path") from None


def check_template(template_file: str) -> None:
    """Parse the user's template now, so a syntax error stops the command before the slow part."""
    path = Path(template_file)
    if not path.is_file():
        raise TemplateError(f"{template_file}: no such template file; check the --template path")
    try:
        environment(str(path.parent.resolve())).get_template(path.name)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{template_file}:{error.lineno}: {error.message}; fix the template syntax") from None


def render_brief(brief: Brief, template_file: str | None = None) -> str:
    """The brief as Markdown, through templates/brief.md.j2 or the user's template."""
    from ..brief import RANK_RULE

    return render("brief.md.j2", template_file, brief=brief, period_label=period_label(brief.start, brief.end),
                  issue_date=period_label(issue_day(brief), issue_day(brief)), highlights=live_highlights(brief),
                  shared_source=common_source(brief), rank_rule=RANK_RULE)


def _template_line(error: Exception) -> str:
    """The template line an exception was raised on, from its traceback."""
    tb, line = error.__traceback__, "?"
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith((".j2", ".md", ".txt", ".jinja")) or \
                tb.tb_frame.f_globals.get("__jinja_template__") is not None:
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line
