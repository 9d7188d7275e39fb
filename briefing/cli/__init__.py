"""The command line: parses flags into Options and calls the library. Only this package knows click.

One module a command (summarize, brief, export, eval) and `common` for what they share; the
modules import `common` and the library, never this group, so the package has no import cycle.
"""
from __future__ import annotations

import errno
import os
import sys

import click

from .. import __version__
from . import brief, export, fetch, issues, render, review, summarize, watch
from . import eval as evaluate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="briefing")
def cli() -> None:
    """Summaries and leadership briefs (简报) from Chinese news pages.

    \b
    Examples:
      briefing brief seeds -o brief.md
      briefing brief seeds --period day --date 2024-05-15 -o brief.docx
      briefing summarize seeds/2024-05-13.txt
      briefing summarize page.txt --format json
      cat page.txt | briefing summarize -
      briefing summarize archive.jsonl --format jsonl > out.jsonl
      briefing eval ../shared/eval/news_headlines.jsonl --withhold-titles
    """


def main() -> None:
    """Entry point of the `briefing` script and `python -m briefing`."""
    try:
        code = _run()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    # Everything is written and closed by now. The interpreter's teardown would free the dictionary
    # and the caches object by object (20 ms, 3% of summarizing 200 articles): flush and leave.
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the reader went away, or stdout is closed
        code = code or 1
    except OSError as error:  # a full device (ENOSPC) or an I/O error on standard output
        _stdout_failed(error)
        code = code or 1
    sys.stderr.flush()
    os._exit(code)


def _run() -> int:
    import signal

    def terminate(signum, frame):  # SIGTERM (a service manager, `kill`) stops as Ctrl-C does
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        cli.main(prog_name="briefing", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except BrokenPipeError:  # the reader went away (briefing … | head): nothing more to say
        return 1
    except OSError as error:
        if error.filename is None and error.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            _stdout_failed(error)  # --help or a report line on a full standard output
            return 1
        raise
    except (click.Abort, KeyboardInterrupt):
        # click turns Ctrl-C into Abort ("Aborted!", exit 1); say it plainly and use the shell's code
        click.echo("briefing: interrupted", err=True)
        return 130
    return 0


def _stdout_failed(error: OSError) -> None:
    try:
        sys.stderr.write(f"briefing: error: cannot write to standard output ({error.strerror or error}); "
                         "free space on that device or redirect the output elsewhere\n")
    except OSError:
        pass


for _module in (summarize, brief, fetch, render, review, issues, export, evaluate, watch):
    cli.add_command(_module.command)
