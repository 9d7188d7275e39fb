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

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|!~])")


def escape_md(text: Any) -> str:
    """Escape Markdown syntax so article text cannot break the layout (`*`, `#`, `|`, …)."""
    text = _MD_SPECIAL.sub(r"\\\1", str(text))
    return re.sub(r"^(\s*)(\d+)\.", r"\1\2\\.", text.replace("\n", " "))


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


def _template_line(error: Exception) -> str:
    """The template line an exception was raised on, from its traceback."""
    tb, line = error.__traceback__, "?"
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith((".j2", ".md", ".txt", ".jinja")) or \
                tb.tb_frame.f_globals.get("__jinja_template__") is not None:
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line
