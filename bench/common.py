"""What the benchmark scripts share: the evaluation file, the machine description."""
from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "news_headlines.jsonl"


def data_path(path: str | None = None) -> Path:
    """The JSONL file to measure on; exit with a message when it is absent."""
    chosen = Path(path) if path else DEFAULT_DATA
    if not chosen.exists():
        sys.exit(f"bench: {chosen} not found; the benchmarks read ../shared/eval/news_headlines.jsonl "
                 f"(next to the repository) or a JSONL file given as the first argument")
    return chosen


def load_rows(path: str | None = None, limit: int | None = None) -> list[dict]:
    """Rows {id, title, text, ...} of the evaluation file, the first `limit` if given."""
    with data_path(path).open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return rows[:limit] if limit else rows


def machine() -> str:
    """Cores, CPU model and Python version, for the table's caption."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, {model}, Python {platform.python_version()}"


def print_table(lines) -> None:
    """The whole-command results as a Markdown table (measure, time, ratio, target), with the machine."""
    print(f"Whole process, wall time; {machine()}\n")
    print("| measure | time | ratio | target |")
    print("|---|---:|---:|---|")
    for line in lines:
        print("| " + " | ".join(line) + " |")
