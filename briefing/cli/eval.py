"""The `briefing eval` command: ROUGE and keyword recall of ours against Lead-N and textrank4zh."""
from __future__ import annotations

import sys

import click


@click.command("eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--sentences", "-n", default=1, show_default=True, type=click.IntRange(1, 10),
              help="Summary sentences per article (and N of the Lead-N baseline).")
@click.option("--no-textrank4zh", is_flag=True, help="Skip the (slow) textrank4zh column.")
def command(data: str, sentences: int, no_textrank4zh: bool) -> None:
    """Score summaries and keywords on a JSONL file with references.

    Rows are {"text", "title"?, "summary"} (character ROUGE-1/2/L F1; the title is
    withheld when it is the reference) or {"text", "title"?, "keywords"} (recall@10, hit@10).

    \b
    Examples:
      briefing eval ../shared/eval/news_headlines.jsonl
      briefing eval ../shared/eval/keywords_news.jsonl --no-textrank4zh
    """
    from ..errors import BriefingError
    from ..evaluate import builtin_systems, evaluate, format_table, read_rows

    try:
        rows = read_rows(data)
    except BriefingError as error:
        click.echo(f"briefing: error: {error}", err=True)
        sys.exit(1)
    summarizers, keyworders = builtin_systems(sentences)
    if no_textrank4zh:
        summarizers.pop("textrank4zh", None)
        keyworders.pop("textrank4zh", None)
    table = evaluate(rows, sentences, summarizers, keyworders)
    click.echo(format_table(table, f"{data} ({len(rows)} rows, {sentences} sentence(s))"))
