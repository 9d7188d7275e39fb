"""Evaluation: character ROUGE of summaries against references, keyword recall against gold keywords.

What is scored is what `briefing summarize` prints: the file is read by the same reader
(ingest's JSONL lines), analysed by the same stream (parallel.summarize_stream, engines.analyse)
with the same Options. Character tokens suit Chinese (no segmenter decides the score); punctuation
and whitespace are dropped so that a sentence's own commas neither help nor hurt.
"""
from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import InputError
from ..read.clean import common_subsequence
from ..read.ingest import JsonlLine, read_jsonl, read_regular_file
from ..models import Article, ArticleSummary
from ..read.text import split_sentences, token_view

#: What `eval` compares with a reference: ours and textrank4zh through summarize's path, Lead-N.
LEAD = "lead"


def char_tokens(text: str) -> list[str]:
    """Characters that count for ROUGE: letters and digits (NFKC, lower case); punctuation and spaces dropped."""
    return [ch for ch in token_view(text) if unicodedata.category(ch)[0] in "LN"]


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if overlap == 0 or candidate == 0 or reference == 0:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 over character n-grams (clipped counts)."""
    a, b = char_tokens(candidate), char_tokens(reference)
    grams_a = Counter(tuple(a[i:i + n]) for i in range(len(a) - n + 1))
    grams_b = Counter(tuple(b[i:i + n]) for i in range(len(b) - n + 1))
    overlap = sum((grams_a & grams_b).values())
    return _f1(overlap, sum(grams_a.values()), sum(grams_b.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (the one in briefing.read.clean, which serves both)."""
    return common_subsequence(a, b)


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 (sentence level, beta = 1) over characters."""
    a, b = char_tokens(candidate), char_tokens(reference)
    return _f1(lcs_length(a, b), len(a), len(b))


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    """(ROUGE-1, ROUGE-2, ROUGE-L) F1 of a candidate against one reference."""
    return rouge_n(candidate, reference, 1), rouge_n(candidate, reference, 2), rouge_l(candidate, reference)


def keyword_recall(predicted: Sequence[str], gold: Sequence[str], k: int = 10) -> tuple[float, bool]:
    """(share of gold keywords among the top k, whether any is) — compared in the token view."""
    top = {token_view(word) for word in predicted[:k]}
    found = sum(token_view(word) in top for word in gold)
    return (found / len(gold) if gold else 0.0), found > 0


def title_withheld(row: dict) -> bool:
    """Whether the reference is the headline, so that withholding titles hides it from the summarizer."""
    return row.get("summary_type") == "headline" or (bool(row.get("title")) and row.get("title") == row.get("summary"))


@dataclass(frozen=True)
class Case:
    """One row of an eval file: the article as summarize reads it, and its references."""

    article: Article | JsonlLine  # a JsonlLine when a worker is to parse it, as summarize does
    summary: str | None
    keywords: tuple[str, ...] | None
    where: str


def read_cases(path: str, withhold_titles: bool = False, on_error: Callable[[InputError], None] | None = None,
               parse: bool = True) -> list[Case]:
    """The rows of an eval .jsonl, each read by summarize's own JSONL reader. A row without a usable
    reference, or that the reader refuses, goes to `on_error` (or raises) and is skipped.

    withhold_titles drops a title that is the reference before the reader sees the line: the same
    as summarizing a copy of the file without those titles.
    """
    data = read_regular_file(path, "the evaluation set")  # a FIFO or /dev/zero is refused, not read
    cases = []
    for line in read_jsonl(data, path, parse=False):
        try:
            cases.append(_case(line, withhold_titles, parse))
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
    if not cases:
        raise InputError(path, "has no rows with a reference",
                         'give one {"text", "summary"} or {"text", "keywords": [...]} object a line')
    return cases


def _case(line: JsonlLine, withhold_titles: bool, parse: bool) -> Case:
    try:
        row = json.loads(line.line)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, and integers of thousands of digits
        raise InputError(line.where, f"is not JSON that can be read ({type(error).__name__})",
                         'each line must be one object like {"text": "…", "summary": "…"}') from None
    if not isinstance(row, dict):
        raise InputError(line.where, "is not a JSON object", 'each line must be one object like {"text": "…"}')
    summary, keywords = row.get("summary"), row.get("keywords")
    if summary is not None and not isinstance(summary, str):
        raise InputError(line.where, '"summary" is not a string', "give the reference summary as a string")
    if keywords is not None and not (isinstance(keywords, list) and all(isinstance(k, str) for k in keywords)):
        raise InputError(line.where, '"keywords" is not a list of strings', 'give them like ["华为", "芯片"]')
    if not summary and not keywords:
        raise InputError(line.where, 'has no "summary" or "keywords" to score against',
                         'add a reference: {"summary": "…"} or {"keywords": [...]}')
    if withhold_titles and title_withheld(row):
        line = dataclasses.replace(line, line=json.dumps({k: v for k, v in row.items() if k != "title"},
                                                         ensure_ascii=False))
    return Case(line.article() if parse else line, summary or None, tuple(keywords) if keywords else None, line.where)


def lead(article: Article, n: int) -> list[str]:
    """The Lead-N baseline: the first n sentences of the article as read, as they stand."""
    return [s for p in article.paragraphs for s in split_sentences(p)][:n]


@dataclass
class Scores:
    """Running sums for one system on one set."""

    rows: int = 0
    sums: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])

    def add(self, values: Sequence[float]) -> None:
        """Add one row's scores."""
        self.rows += 1
        self.sums = [s + v for s, v in zip(self.sums, values)]

    def means(self) -> list[float]:
        """Mean of each score over the rows."""
        return [s / self.rows if self.rows else 0.0 for s in self.sums]


@dataclass
class Table:
    """Mean scores per system, for the text table and `--format json`."""

    rouge: dict[str, Scores] = field(default_factory=dict)
    keywords: dict[str, Scores] = field(default_factory=dict)
    failed: int = 0

    def add(self, system: str, case: Case, summary: Sequence[str], keywords: Sequence[str] | None) -> None:
        """Score one system's output for one case against the case's references."""
        if case.summary:
            self.rouge.setdefault(system, Scores()).add(rouge("".join(summary), case.summary))
        if case.keywords and keywords is not None:
            recall, hit = keyword_recall(list(keywords), case.keywords)
            self.keywords.setdefault(system, Scores()).add([recall, float(hit), 0.0])

    def as_dict(self) -> dict:
        """{"systems": {name: {"rouge_1", "rouge_2", "rouge_l", "recall@10", "hit@10"}}, "rows": N}."""
        systems: dict[str, dict[str, float]] = {}
        for name, scores in self.rouge.items():
            systems.setdefault(name, {}).update(zip(("rouge_1", "rouge_2", "rouge_l"),
                                                    (round(m, 4) for m in scores.means())))
        for name, scores in self.keywords.items():
            systems.setdefault(name, {}).update(zip(("recall@10", "hit@10"), (round(m, 4) for m in scores.means())))
        rows = max((s.rows for s in [*self.rouge.values(), *self.keywords.values()]), default=0)
        return {"systems": systems, "rows": rows, "failed": self.failed}


def score_stream(cases: Sequence[Case], results: Iterator, system: str, table: Table,
                 lead_n: int | None = None) -> None:
    """Score a stream of summarize results (one per case, in order; an error counts as an empty output)."""
    for case, result in zip(cases, results):
        if not isinstance(result, ArticleSummary):  # scored as an empty output, so every system has every row
            table.failed += 1
            table.add(system, case, [], [])
            continue
        table.add(system, case, result.summary, [k.word for k in result.keywords])
        if lead_n is not None:
            table.add(f"{LEAD}-{lead_n}", case, lead(result.article, lead_n), None)


def score_predictions(cases: Sequence[Case], path: str, table: Table, system: str = "predictions") -> None:
    """Score a file that `briefing summarize --format jsonl` printed: records matched by id, else by order."""
    data = read_regular_file(path, "the predictions")
    try:
        records = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    except (ValueError, RecursionError) as error:  # bad UTF-8, bad JSON, integers of thousands of digits
        raise InputError(path, f"cannot be read as summarize's JSONL ({type(error).__name__})",
                         "give the output of `briefing summarize DATA --format jsonl`") from None
    by_id = {str(r.get("id")): r for r in records if isinstance(r, dict) and r.get("id") is not None}
    for index, case in enumerate(cases):
        article_id = case.article.id if isinstance(case.article, Article) else None
        record = by_id.get(article_id) if article_id is not None else (records[index] if index < len(records) else None)
        if not isinstance(record, dict):
            table.add(system, case, [], [])
            continue
        summary = [s for s in record.get("summary") or [] if isinstance(s, str)]
        keywords = [k.get("word", "") for k in record.get("keywords") or [] if isinstance(k, dict)]
        table.add(system, case, summary, keywords)


def format_table(table: dict, title: str) -> str:
    """A Markdown table, one line per system, from Table.as_dict()."""
    lines = [f"{title}", "", "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | recall@10 | hit@10 |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, values in table["systems"].items():
        cells = [f"{values[key]:.4f}" if key in values else "–"
                 for key in ("rouge_1", "rouge_2", "rouge_l", "recall@10", "hit@10")]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return "\n".join(lines)
