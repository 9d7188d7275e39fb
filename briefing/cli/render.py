"""The `briefing render` command: a draft (brief.json) to Word or Markdown, optionally published (numbered).

Like the other command modules it imports only click and the library, never the command group.
"""
from __future__ import annotations

import sys

import click

from ..errors import BriefingError


@click.command("render")
@click.argument("draft", metavar="DRAFT.json")
@click.option("--output", "-o", required=True, metavar="OUT.docx|OUT.md",
              help="Where to write the brief; the suffix picks Word or Markdown.")
@click.option("--template", type=click.Path(dir_okay=False), help="Your own Jinja2 Markdown template.")
@click.option("--reference-doc", type=click.Path(dir_okay=False),
              help="A .docx whose styles and page setup the Word brief uses.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: briefing.toml in the working directory); "
                   "the issue counter is kept beside it.")
@click.option("--publish", is_flag=True,
              help="Number the brief and record it: the same numbers when this period was published before, "
                   "else the config's issue, else one set in the draft by hand, else the counter's next "
                   "(see `briefing issues`); the numbers are written into the draft (without --publish "
                   "nothing but OUT is written).")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def command(draft: str, output: str, template: str | None, reference_doc: str | None,
            config_path: str | None, publish: bool, force: bool) -> None:
    """Render a brief draft (from `briefing brief … -o draft.json`, edited by hand or with
    `briefing review`) as it stands: removed items stay removed, rewritten sentences, titles,
    the 编者按 and the header fields print as written.

    \b
    Examples:
      briefing render draft.json -o brief.docx
      briefing render draft.json -o brief.md --template my-brief.md.j2 --force
      briefing render draft.json -o brief.docx --publish --config office.toml
    """
    from ..render.draft import publish_draft, render_draft

    try:
        if publish:
            published = publish_draft(draft, output, force, template, config_path, reference_doc)
            made = published.brief
        else:
            made = render_draft(draft, output, force, template, config_path, reference_doc)
    except BriefingError as error:
        click.echo(f"briefing: error: {error}", err=True)
        sys.exit(1)
    items = sum(len(s.items) for s in made.sections)
    issue = f"第{made.issue}期" + (f"（总第{made.total_issue}期）" if made.total_issue else "")
    click.echo(f"wrote {output}: {made.title} {issue}, {items} items in {len(made.sections)} sections"
               + (f"; published ({ORIGINS[published.origin]}), numbers recorded and written into {draft}"
                  if publish else ""))


#: Where a published issue's number came from, as the command says it.
ORIGINS = {"again": "this period was published before: the same numbers again",
           "config": "the issue set in the configuration", "draft": "the issue set in the draft",
           "counter": "the next of the issue counter", "first": "the draft's own number; the counter starts there"}
