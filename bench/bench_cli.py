"""Whole-process timings of `briefing summarize`, the ratios the issue asks for, as a Markdown table.

Usage: python bench/bench_cli.py [DATA.jsonl] [--repeat N]   (default ../shared/eval/news_headlines.jsonl)

Every command runs as users run it (a fresh process, output to a file). The two commands of a
ratio run in turn, --repeat times each (default 5; with textrank4zh one fewer), and the fastest run
of each counts: the machine is shared, and other load only ever adds time. Other rows are medians.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import REPO, data_path, load_rows, print_table  # noqa: E402

BRIEFING = [sys.executable, "-m", "briefing", "summarize"]


def run(command: list[str], out: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process."""
    with out.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"bench: {' '.join(command)} failed: {process.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def median_run(command: list[str], out: Path, repeat: int) -> tuple[float, float]:
    """Median wall time and largest peak RSS over `repeat` runs."""
    runs = [run(command, out) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def paired(first: list[str], second: list[str], out: Path, repeat: int) -> tuple[float, float, float]:
    """Fastest wall times of two commands run in turn `repeat` times, and the largest peak RSS of the
    second. The machine is shared: other load only ever adds time, so the fastest of several runs is
    the one least disturbed, and running the two in turn lets a slow spell fall on both."""
    times: tuple[list[float], list[float]] = ([], [])
    peak = 0.0
    for _ in range(repeat):
        for command, sink in zip((first, second), times):
            elapsed, rss = run(command, out)
            sink.append(elapsed)
            peak = max(peak, rss) if command is second else peak
    return min(times[0]), min(times[1]), peak


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def long_article(rows: list[dict], chars: int) -> dict:
    """One article of `chars` characters: the evaluation texts end to end, a paragraph each."""
    parts, total = [], 0
    for row in rows * (1 + chars // max(sum(len(r["text"]) for r in rows), 1)):
        parts.append(row["text"])
        total += len(row["text"]) + 1
        if total >= chars:
            break
    return {"id": f"long-{chars}", "title": "长文", "text": "\n".join(parts)[:chars]}


def main() -> None:
    """Run the commands and print their times and ratios."""
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
    data = data_path(next((a for a in args if not a.startswith("--") and not a.isdigit()), None))
    rows = load_rows(str(data))
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "out.jsonl"
        first200 = write_jsonl(tmp / "first200.jsonl", rows[:200])
        one = write_jsonl(tmp / "one.jsonl", rows[:1])
        small = write_jsonl(tmp / "a20k.jsonl", [long_article(rows, 20_000)])
        large = write_jsonl(tmp / "a200k.jsonl", [long_article(rows, 200_000)])
        jsonl = ["--format", "jsonl"]

        one_process = ["--workers", "1"]
        slow = max(1, repeat - 1)  # textrank4zh takes 13 s a run
        theirs200, ours200, _ = paired([*BRIEFING, str(first200), *jsonl, *one_process, "--engine", "textrank4zh"],
                                       [*BRIEFING, str(first200), *jsonl, *one_process], out, slow)
        lines.append(("first 200 articles, one process: textrank4zh / ours", f"{theirs200:.2f} s / {ours200:.2f} s",
                      f"{theirs200 / ours200:.1f}x faster", "≥ 20x (aim 50x)"))
        theirs200_auto, ours200_auto, _ = paired([*BRIEFING, str(first200), *jsonl, "--engine", "textrank4zh"],
                                                 [*BRIEFING, str(first200), *jsonl], out, slow)
        lines.append(("first 200 articles, default (--workers auto): textrank4zh / ours",
                      f"{theirs200_auto:.2f} s / {ours200_auto:.2f} s", f"{theirs200_auto / ours200_auto:.1f}x faster", ""))

        tag_only = [sys.executable, str(REPO / "bench" / "tag_only.py"), str(data)]
        tag_all, ours_all, rss_all = paired(tag_only, [*BRIEFING, str(data), *jsonl], out, repeat)
        lines.append((f"all {len(rows)} articles, default (--workers auto): ours / rjieba tagging only",
                      f"{ours_all:.2f} s / {tag_all:.2f} s", f"{ours_all / tag_all:.1f}x", "≤ 6x (aim 3x)"))
        tag_one, ours_one, _ = paired(tag_only, [*BRIEFING, str(data), *jsonl, *one_process], out, repeat)
        lines.append((f"all {len(rows)} articles, one process: ours / rjieba tagging only",
                      f"{ours_one:.2f} s / {tag_one:.2f} s", f"{ours_one / tag_one:.1f}x", ""))

        cold = statistics.median(run([*BRIEFING, str(one), *jsonl], out)[0] for _ in range(max(repeat, 5)))
        lines.append(("cold start, one article (median)", f"{cold:.2f} s", "", "≤ 1.0 s (aim 0.5 s)"))

        t_small, _ = median_run([*BRIEFING, str(small), *jsonl], out, repeat)
        t_large, rss_large = median_run([*BRIEFING, str(large), *jsonl], out, repeat)
        lines.append(("one 200,000-char / 20,000-char article", f"{t_large:.2f} s / {t_small:.2f} s",
                      f"{t_large / t_small:.1f}x", "≤ 15x"))
        lines.append(("peak RSS: 200,000-char article / all articles", f"{rss_large:.0f} MB / {rss_all:.0f} MB", "",
                      "≤ 600 MB"))
    print_table(lines)


if __name__ == "__main__":
    main()
