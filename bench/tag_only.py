"""The floor for `briefing summarize`: one process that reads a JSONL file and POS-tags every text with rjieba.

Usage: python bench/tag_only.py FILE.jsonl [--backend rjieba|jieba]
"""
from __future__ import annotations

import json
import sys


def main(path: str, backend: str = "rjieba") -> None:
    """Tag the title and text of every row, as `briefing summarize` must at least do."""
    if backend == "rjieba":
        import rjieba

        tag = rjieba.tag  # the default tokenizer built at import: one dictionary load, as rjieba is meant to be used
    else:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        tag = jieba.posseg.lcut
    chars = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            for text in (row.get("title") or "", row["text"]):
                tag(text)
                chars += len(text)
    print(f"{chars} characters tagged", file=sys.stderr)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], args[args.index("--backend") + 1] if "--backend" in args else "rjieba")
