"""Recall of the near-duplicate candidates against the all-pairs rule, and the merges before and after.

Usage: python bench/check_dedup.py   (reads seeds/ and ../shared/eval/{xwlb_dated,news_headlines}.jsonl)

For each period (seeds/ as one week, each ISO week of the dated 新闻联播 items, the undated news set
as one period) it applies brief/stories.py's `is_same_story` to every pair, the way `duplicate_groups` did
before candidates, and prints: the pairs the rule merges, how many of them are candidates (recall),
the candidates checked, and whether the groups are the same as the all-pairs groups.
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import REPO  # noqa: E402
from briefing.api import expand_paths, read_articles  # noqa: E402
from briefing.brief.stories import _cosine, _tfidf, candidate_pairs, duplicate_groups, is_same_story
from briefing.models import Options  # noqa: E402
from briefing.analyze.scoring import summarize_article  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"


def all_pairs(summaries) -> set[tuple[int, int]]:
    """Every pair the rule merges, found by comparing all pairs (the old cost)."""
    vector = _tfidf([s.article.title + "\n" + s.article.text for s in summaries])
    return {(i, j) for i in range(len(summaries)) for j in range(i + 1, len(summaries))
            if is_same_story(summaries[i], summaries[j], _cosine(vector(i), vector(j)))}


def old_groups(n: int, merged: set[tuple[int, int]]) -> list[list[int]]:
    """The groups as the all-pairs loop of duplicate_groups made them (union-find in input order)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if root(i) != root(j) and (i, j) in merged:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def periods() -> dict[str, list]:
    """name -> articles of that period."""
    found = {"seeds/": [a for p in expand_paths([str(REPO / "seeds")]) for a in read_articles(p)]}
    if (SHARED / "xwlb_dated.jsonl").exists():
        weeks = defaultdict(list)
        for article in read_articles(str(SHARED / "xwlb_dated.jsonl")):
            year, week, _ = dt.date.fromisoformat(article.date).isocalendar()
            weeks[f"xwlb {year}-W{week:02d}"].append(article)
        found.update(sorted(weeks.items()))
    if (SHARED / "news_headlines.jsonl").exists():
        found["news_headlines (all)"] = list(read_articles(str(SHARED / "news_headlines.jsonl")))
    return found


def main() -> None:
    """Print one row per period."""
    print("| period | articles | pairs merged (all pairs) | of them candidates | candidates | same groups |")
    print("|---|---:|---:|---:|---:|---|")
    for name, articles in periods().items():
        summaries = [summarize_article(a, Options()) for a in articles]
        truth = all_pairs(summaries)
        candidates = set(candidate_pairs(summaries))
        old = old_groups(len(summaries), truth)
        start = time.perf_counter()
        new = duplicate_groups(summaries)
        took = time.perf_counter() - start
        print(f"| {name} | {len(summaries)} | {len(truth)} | {len(truth & candidates)} | {len(candidates)} "
              f"| {'yes' if old == new else 'NO'} ({took * 1000:.0f} ms) |")


if __name__ == "__main__":
    main()
