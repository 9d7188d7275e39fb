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
from . import issue_day
from .printed import (as_printed, cited_line, common_source, counts_line, highlight_line, leader_line, listed_line,
                      live_highlights, more_line, outline, rule_line, sources_line)
from ..brief.keywords import distinct
from ..brief.cn import cn_date, cn_number, full_width, period_label
from ..models import Brief

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: Only at the start of a line do these begin a block (heading, list, quote, ordered list).
_MD_LINE_START = re.compile(r"^(\s*)(#|[-+](?=\s)|\d+(?=\.(?:\s|$)))")


def escape_md(text: Any) -> str:
    """Official text (full_width: ASCII , ; : beside Chinese made full-width, as in Word) with Markdown
    syntax escaped so article text cannot break the layout (`*`, `#`, `|`, …).

    Inline markers are always escaped; `#`, `-`, `+` and `1.` only where they would start a
    block, so that figures such as 1.5亿元 stay readable in the raw Markdown.
    """
    text = _MD_INLINE.sub(r"\\\1", full_width(str(text))).replace("\n", " ")
    # `#`, `-`, `+` take a backslash before them; `1.` after the digits (CommonMark escapes punctuation).
    return _MD_LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                      else "\\" + m.group(2)), text)


def template_dir() -> Path:
    """Where the shipped templates are (inside the installed package)."""
    return Path(str(resources.files("briefing.templates")))


class _ContainedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that serves only files that are really inside its folders: an include
    through a symlink that points elsewhere (/etc/passwd) is not found."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(root).resolve()) for root in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class _BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with `*` and `**` unable to build gigabytes: a user's template runs in our process."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise jinja2.exceptions.SecurityError("the power is too large")
        if operator == "*":
            sized = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
            counts = [v for v in (left, right) if isinstance(v, int)]
            if sized and counts and len(sized[0]) * counts[0] > MAX_OUTPUT:
                raise jinja2.exceptions.SecurityError("the repeated text is too large")
        return super().call_binop(context, operator, left, right)


#: A rendering larger than this is refused (a week's brief is ~100 KB of Markdown).
MAX_OUTPUT = 20_000_000
#: A user's template that takes longer than this to render is stopped.
RENDER_SECONDS = 30
_UNPRINTABLE = (type, type(len), type(lambda: 0))


def _finalize(value: Any) -> Any:
    """What `{{ … }}` prints: a function, class or template object is refused, never shown as `<class …>`."""
    if isinstance(value, jinja2.Undefined):
        return value  # printing it raises the usual "is undefined"
    if isinstance(value, _UNPRINTABLE) or callable(value) or type(value).__module__.startswith("jinja2"):
        raise jinja2.exceptions.SecurityError(f"a template may print text and numbers, not a {type(value).__name__}")
    return value


@lru_cache(maxsize=8)
def environment(extra_dir: str | None = None) -> SandboxedEnvironment:
    """Templates from `extra_dir` first, then the shipped ones; no global but the filters we give."""
    dirs = [extra_dir] if extra_dir else []
    env = _BoundedSandbox(
        loader=_ContainedLoader([*dirs, str(template_dir())]),
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True, finalize=_finalize,
    )
    env.globals.clear()  # cycler, joiner, namespace, lipsum, range, dict: none is needed to print a brief
    env.filters["md"] = escape_md
    env.filters["distinct"] = distinct
    env.filters["cn_date"] = cn_date
    env.filters["cn_number"] = cn_number
    env.filters["sources_line"] = sources_line
    env.filters["cited_line"] = cited_line
    env.filters["listed_line"] = listed_line
    env.filters["leader_line"] = leader_line
    env.filters["highlight_line"] = lambda highlight, n: highlight_line(n, highlight)
    return env


def render(name: str, template_file: str | None = None, **context: Any) -> str:
    """Render a shipped template by name, or the user's `template_file` (in a child process bounded in time
    and memory, on Linux); errors name file and line."""
    if template_file:
        from .guard import bounded

        return bounded(lambda: _render(name, template_file, context), template_file, RENDER_SECONDS)
    return _render(name, None, context)


def _render(name: str, template_file: str | None, context: dict) -> str:
    try:
        if template_file:
            path = Path(template_file).resolve()  # the template's own folder is where it really is
            template = environment(str(path.parent)).get_template(path.name)
        else:
            template = environment().get_template(name)
        text = template.render(**context)
        if len(text) > MAX_OUTPUT:
            raise TemplateError(f"{template_file or name}: the rendering is larger than {MAX_OUTPUT // 1_000_000} MB; "
                                "check the template's loops")
        return text
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{error.filename or template_file or name}:{error.lineno}: {error.message}; "
                            "fix the template syntax") from None
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{template_file or name}:{_template_line(error)}: {error.message}; "
                            "use only the variables the template is given") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"{error.name}: template not found (templates may include only files in their own "
                            "folder); check the --template path") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{template_file or name}: is not UTF-8 text; save the template as UTF-8") from None
    except jinja2.exceptions.SecurityError as error:
        raise TemplateError(f"{template_file or name}:{_template_line(error)}: {error}; "
                            "print the brief's fields, not functions or objects") from None
    except RecursionError:
        raise TemplateError(f"{template_file or name}: recurses without end; check its macros and includes") from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, MemoryError) as error:
        raise TemplateError(f"{template_file or name}:{_template_line(error)}: {type(error).__name__}: "
                            f"{str(error)[:80]}; fix the expression on that line") from None


def check_template(template_file: str) -> None:
    """Parse the user's template now, so a syntax error stops the command before the slow part."""
    path = Path(template_file)
    if not path.is_file():
        raise TemplateError(f"{template_file}: no such template file; check the --template path")
    path = path.resolve()
    try:
        environment(str(path.parent)).get_template(path.name)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{template_file}:{error.lineno}: {error.message}; fix the template syntax") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{template_file}: is not UTF-8 text; save the template as UTF-8") from None
    except jinja2.TemplateNotFound:
        raise TemplateError(f"{template_file}: is not a file inside its folder (a symlink out of it?); "
                            "copy the template there") from None


def render_brief(brief: Brief, template_file: str | None = None) -> str:
    """The brief as Markdown, through templates/brief.md.j2 or the user's template; its parts, their order
    and numbers from printed.outline, as the Word brief's."""
    from ..brief.build import RANK_RULE

    brief = as_printed(brief)
    return render("brief.md.j2", template_file, brief=brief, parts=outline(brief),
                  period_label=period_label(brief.start, brief.end),
                  issue_date=period_label(issue_day(brief), issue_day(brief)), highlights=live_highlights(brief),
                  shared_source=common_source(brief), rank_rule=RANK_RULE, rule_line=rule_line(brief),
                  counts_line=counts_line(brief, spaced=True), more_line=more_line(brief))


def _template_line(error: Exception) -> str:
    """The template line an exception was raised on, from its traceback."""
    tb, line = error.__traceback__, "?"
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith((".j2", ".md", ".txt", ".jinja")) or \
                tb.tb_frame.f_globals.get("__jinja_template__") is not None:
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line
