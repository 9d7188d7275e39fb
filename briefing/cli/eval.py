"""The `briefing eval` command: ROUGE and keyword recall of what `summarize` prints, against Lead-N and textrank4zh."""
from __future__ import annotations

import dataclasses
import json
import sys

import click

from ..errors import BriefingError
from .common import Reporter, make_options, resolve_workers, standard_output, summaries, workers_option


@click.command("eval")
@click.argument("data", type=click.Path(dir_okay=False))
@click.option("--sentences", "-n", default=1, show_default=True, type=click.IntRange(1, 10),
              help="Summary sentences per article (and N of the Lead-N baseline).")
@click.option("--keywords", "-k", default=10, show_default=True, type=click.IntRange(10, 100),
              help="Keywords per article (recall is counted in the first 10).")
@click.option("--max-chars", type=click.IntRange(10), help="Character budget for the summary.")
@click.option("--backend", type=click.Choice(["rjieba", "jieba"]), default="rjieba", show_default=True,
              help="Segmenter, as for summarize.")
@click.option("--user-dict", type=click.Path(dir_okay=False), help="jieba-format user dictionary, as for summarize.")
@click.option("--withhold-titles", is_flag=True,
              help="Drop each title that is the reference (a headline) before reading: the same as summarizing a "
                   "copy of DATA without those titles.")
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="Also score this file: the output of `briefing summarize DATA --format jsonl`.")
@click.option("--no-textrank4zh", is_flag=True, help="Skip the (slow) textrank4zh column.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A Markdown table, or JSON for scripts.")
@workers_option("the analysis")
@click.option("--verbose", "-v", is_flag=True, help="Say which rows were skipped and how they were analysed.")
def command(data: str, sentences: int, keywords: int, max_chars: int | None, backend: str, user_dict: str | None,
            withhold_titles: bool, predictions: str | None, no_textrank4zh: bool, fmt: str, workers: int | str,
            verbose: bool) -> None:
    """Score what `briefing summarize` prints for DATA against its references.

    Rows are {"text", "title"?, "summary"} (character ROUGE-1/2/L F1 of the
    summary) or {"text", "title"?, "keywords"} (recall@10 and hit@10 of the
    keywords). DATA is read by summarize's own reader and analysed by the same
    code with the same flags, so `eval DATA -n 1` scores exactly what
    `summarize DATA -f jsonl -n 1` prints. Lead-N is the first N sentences of
    each article as read; textrank4zh runs through the same path.

    \b
    Examples:
      briefing eval ../shared/eval/news_headlines.jsonl --withhold-titles
      briefing eval ../shared/eval/keywords_news.jsonl --no-textrank4zh
      briefing eval data.jsonl --format json
      briefing summarize data.jsonl -f jsonl -n 1 > out.jsonl && briefing eval data.jsonl --predictions out.jsonl
    """
    from ..jobs.evaluate import Table, format_table, read_cases, score_predictions, score_stream

    reporter = Reporter(verbose)
    table = Table()
    try:
        options = make_options(sentences, keywords, max_chars, "builtin", backend, user_dict)
        processes = resolve_workers(workers, [data])
        cases = read_cases(data, withhold_titles, reporter.error, parse=processes == 1)
        results = summaries((c.article for c in cases), options, processes, reporter, keep_errors=True)
        score_stream(cases, results, "briefing", table, lead_n=sentences)
        if predictions:
            score_predictions(read_cases(data, withhold_titles, lambda error: None), predictions, table)
        if not no_textrank4zh:
            _textrank4zh(cases, options, processes, table, reporter)
    except BriefingError as error:
        reporter.error(error)
        sys.exit(reporter.exit_code)
    result = table.as_dict()
    with standard_output(reporter):
        if fmt == "json":
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            titles = "titles withheld where they are the reference" if withhold_titles else "titles as given"
            click.echo(format_table(result, f"{data}: {result['rows']} rows, {sentences} sentence(s), {titles}"))
    sys.exit(reporter.exit_code)  # 1 when rows were skipped: the table still covers the rest


def _textrank4zh(cases, options, processes: int, table, reporter: Reporter) -> None:
    """The textrank4zh column, through the same stream; skipped with a note when it is not installed."""
    from ..analyze.engines import prepare
    from ..jobs.evaluate import score_stream

    tr4zh = dataclasses.replace(options, engine="textrank4zh")
    try:
        prepare(tr4zh)
    except BriefingError as error:
        reporter.log(f"textrank4zh column skipped: {error}")
        return
    quiet = Reporter(reporter.verbose)  # the rows' problems were reported once already
    quiet.error = lambda error: None
    score_stream(cases, summaries((c.article for c in cases), tr4zh, processes, quiet, keep_errors=True),
                 "textrank4zh", table)
