"""The `briefing brief` command (being built)."""
from __future__ import annotations

import click


@click.command("brief")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("`briefing brief` is not available in this version yet")
