"""The `briefing eval` command (being built)."""
from __future__ import annotations

import click


@click.command("eval")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("`briefing eval` is not available in this version yet")
