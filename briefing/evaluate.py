"""Evaluation: character ROUGE of summaries against references, keyword recall against gold keywords.

Character tokens suit Chinese (no segmenter decides the score); punctuation and whitespace are
dropped so that a sentence's own commas neither help nor hurt. Pure functions over strings and rows.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .models import Article, Options
from .text import clean_display, split_sentences, token_view

Summarizer = Callable[[Article, int], Sequence[str]]
Keyworder = Callable[[Article, int], Sequence[str]]


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
    """Length of the longest common subsequence, one row of the table at a time."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


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
    """Whether the reference is the headline, so the title must not be shown to the summarizer."""
    return row.get("summary_type") == "headline" or (bool(row.get("title")) and row.get("title") == row.get("summary"))


def row_article(row: dict, withhold_title: bool) -> Article:
    """An Article from one eval row; paragraphs are the text's lines, as `briefing summarize` reads JSONL."""
    paragraphs = tuple(p for p in (clean_display(line) for line in str(row.get("text", "")).split("\n")) if p)
    title = "" if withhold_title else clean_display(str(row.get("title") or ""))
    return Article(title=title, paragraphs=paragraphs, date=row.get("date"), id=str(row.get("id")))


def lead(article: Article, n: int) -> list[str]:
    """The Lead-N baseline: the first n sentences as they stand."""
    return [s for p in article.paragraphs for s in split_sentences(p)][:n]


def read_rows(path: str) -> list[dict]:
    """Rows of an eval .jsonl file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"cannot be read as JSONL ({error.__class__.__name__})",
                         'give a UTF-8 file with one {"text", "summary"} or {"text", "keywords"} object a line') from None


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


def builtin_systems(n: int) -> tuple[dict[str, Summarizer], dict[str, Keyworder]]:
    """Ours, Lead-N and (when its adapter and package are installed) textrank4zh."""
    from .segment import get_segmenter
    from .scoring import summarize_article

    segmenter = get_segmenter()

    def ours(article: Article, k: int) -> Sequence[str]:
        return summarize_article(article, Options(sentences=k, keywords=10), segmenter).summary

    def ours_keywords(article: Article, k: int) -> Sequence[str]:
        return [kw.word for kw in summarize_article(article, Options(sentences=1, keywords=k), segmenter).keywords]

    summarizers: dict[str, Summarizer] = {"ours": ours, f"lead-{n}": lead}
    keyworders: dict[str, Keyworder] = {"ours": ours_keywords}
    tr4zh = _tr4zh()
    if tr4zh is not None:
        summarizers["textrank4zh"] = lambda article, k: tr4zh(article, Options(sentences=k, keywords=10)).summary
        keyworders["textrank4zh"] = lambda article, k: [
            kw.word for kw in tr4zh(article, Options(sentences=1, keywords=k)).keywords]
    return summarizers, keyworders


def _tr4zh():
    """textrank4zh through briefing's adapter, or None when either is missing (that column is skipped)."""
    try:
        from .tr4zh import load, summarize_article_tr4zh

        load()
    except Exception:  # adapter not written yet, or textrank4zh/networkx not installed
        return None
    return summarize_article_tr4zh


def evaluate(rows: Iterable[dict], n: int, summarizers: dict[str, Summarizer],
             keyworders: dict[str, Keyworder]) -> dict[str, dict[str, list[float]]]:
    """Mean scores per system: ROUGE-1/2/L F1 on rows with `summary`, recall@10 and hit@10 on rows with `keywords`."""
    rouge_scores = {name: Scores() for name in summarizers}
    keyword_scores = {name: Scores() for name in keyworders}
    for row in rows:
        article = row_article(row, title_withheld(row))
        if not article.paragraphs:
            continue
        if row.get("summary"):
            for name, summarize in summarizers.items():
                rouge_scores[name].add(rouge("".join(summarize(article, n)), row["summary"]))
        if row.get("keywords"):
            for name, keywords in keyworders.items():
                recall, hit = keyword_recall(list(keywords(article, 10)), row["keywords"])
                keyword_scores[name].add([recall, float(hit), 0.0])
    table: dict[str, dict[str, list[float]]] = {}
    for name, scores in rouge_scores.items():
        if scores.rows:
            table.setdefault(name, {})["rouge"] = [*scores.means(), scores.rows]
    for name, scores in keyword_scores.items():
        if scores.rows:
            table.setdefault(name, {})["keywords"] = [*scores.means()[:2], scores.rows]
    return table


def format_table(table: dict[str, dict[str, list[float]]], title: str) -> str:
    """A Markdown table: one line per system."""
    lines = [f"{title}", "", "| system | rows | ROUGE-1 | ROUGE-2 | ROUGE-L | keyword rows | recall@10 | hit@10 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, parts in table.items():
        r = parts.get("rouge")
        k = parts.get("keywords")
        rouge_cells = f"{int(r[3])} | {r[0]:.4f} | {r[1]:.4f} | {r[2]:.4f}" if r else "– | – | – | –"
        keyword_cells = f"{int(k[2])} | {k[0]:.4f} | {k[1]:.4f}" if k else "– | – | –"
        lines.append(f"| {name} | {rouge_cells} | {keyword_cells} |")
    return "\n".join(lines)
