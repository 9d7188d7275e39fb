"""The `briefing review` command: a local page to edit a brief draft (the server is briefing.review)."""
from __future__ import annotations

import sys

import click

from ..errors import BriefingError


@click.command("review")
@click.argument("draft", metavar="DRAFT.json")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="The port on 127.0.0.1 to serve on (default 8765; 0 picks a free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser; just print its address.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file for the downloads (reference_doc, line spacing).")
@click.option("--template", type=click.Path(dir_okay=False),
              help="Your own Jinja2 Markdown template for the Markdown download (as `render --template`).")
def command(draft: str, port: int | None, no_browser: bool, config_path: str | None, template: str | None) -> None:
    """Review and edit a brief draft in the browser, on this computer only.

    Drop and restore items, reorder them or move them to another section,
    pick sentences or type your own, edit titles, the 编者按 and the header,
    and download the .docx or .md. Every change is saved to DRAFT.json.

    \b
    Examples:
      briefing review draft.json
      briefing review draft.json --port 8800 --no-browser
      briefing review draft.json --config briefing.toml --template my-brief.md.j2
    """
    from ..review import DEFAULT_PORT, require_flask

    try:
        require_flask()
        from ..review.app import serve

        serve(draft, DEFAULT_PORT if port is None else port, not no_browser, config_path,
              say=lambda line: click.echo(line, err=True), template=template)
    except BriefingError as error:
        click.echo(f"briefing: error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("briefing: review stopped; the draft holds every change", err=True)
