"""jieba against rjieba: agreement of the POS-filtered tokens that feed the ranker, and speed.

Usage: python bench/bench_segment.py [DATA.jsonl]   (default ../shared/eval/news_headlines.jsonl)

Agreement is measured on what TextRank sees: words tagged with a keyword tag (analysis.KEYWORD_TAGS),
stop words removed, as a multiset per article (micro-averaged F1 of rjieba against jieba), and the
share of articles whose filtered token sequence is identical.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import load_rows, machine  # noqa: E402
from briefing.analyze.analysis import KEYWORD_TAGS  # noqa: E402
from briefing.analyze.segment import Segmenter, stopwords  # noqa: E402


def filtered(tagged: list[tuple[str, str]], stop: frozenset[str]) -> list[str]:
    """The candidate words of a tagged text, in order."""
    return [w for w, f in tagged if f in KEYWORD_TAGS and w not in stop]


def main() -> None:
    """Tag every text with both backends and print a Markdown table."""
    rows = load_rows(sys.argv[1] if len(sys.argv) > 1 else None)
    texts = [row["text"] for row in rows]
    chars = sum(map(len, texts))
    stop = stopwords()
    results, timings = {}, {}
    for backend in ("rjieba", "jieba"):
        start = time.perf_counter()
        segmenter = Segmenter(backend)
        segmenter.tag("预热")  # jieba loads its dictionary lazily, on the first cut
        loaded = time.perf_counter()
        results[backend] = [filtered(segmenter.tag(text), stop) for text in texts]
        timings[backend] = (loaded - start, time.perf_counter() - loaded)
    common = total_r = total_j = identical = 0
    for r, j in zip(results["rjieba"], results["jieba"]):
        common += sum((Counter(r) & Counter(j)).values())
        total_r, total_j = total_r + len(r), total_j + len(j)
        identical += r == j
    precision, recall = common / max(total_r, 1), common / max(total_j, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    print(f"{len(texts)} articles, {chars} characters; {machine()}\n")
    print("| backend | dictionary load s | tagging s | chars/s |")
    print("|---|---:|---:|---:|")
    for backend, (load, tag) in timings.items():
        print(f"| {backend} | {load:.2f} | {tag:.2f} | {chars / tag:,.0f} |")
    print(f"\nPOS-filtered tokens, rjieba vs jieba: F1 {f1:.4f} (precision {precision:.4f}, recall {recall:.4f}); "
          f"identical token sequence in {identical}/{len(texts)} articles")


if __name__ == "__main__":
    main()
