"""The `briefing export` command (being built)."""
from __future__ import annotations

import click


@click.command("export")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("`briefing export` is not available in this version yet")
