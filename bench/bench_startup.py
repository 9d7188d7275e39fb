"""Cold start of one short article, and the per-article cost against rjieba's own tagging, as issue 23 asks.

Usage: python bench/bench_startup.py [DATA.jsonl] [--repeat N]   (default ../shared/eval/news_headlines.jsonl)

All commands run as users run them (a fresh process, output to a file), the compared ones in turn in
this same run, --repeat times each (default 7); the fastest run of each counts (the machine is
shared: other load only adds time).

- cold start: `briefing summarize one.txt` on a two-sentence article, with the dictionary caches
  in place (every run after the first), and the first run ever (an empty cache directory).
- per-article cost against tagging, on all the articles of DATA, as bench_cli.py's row has it: the
  whole `briefing summarize -f jsonl` run over the whole `bench/tag_only.py` run (read the JSONL and
  POS-tag every title and text with rjieba), with the default --workers auto and with one process.
- the same with start-up taken out of both sides (each command's run on one article subtracted): what
  an article costs us for each unit of time the tagger spends on it, which no number of cores hides.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import REPO, data_path, load_rows, print_table  # noqa: E402

#: The two-sentence article of the cold-start target.
SHORT = "区政府召开常务会议\n\n本报讯 5月13日，区政府召开常务会议，研究部署安全生产工作。会议强调，要压实各方责任，确保全区安全稳定。\n"


def briefing_command() -> list[str]:
    """The `briefing` script beside this Python (what users type), else `python -m briefing`."""
    script = Path(sys.executable).with_name("briefing")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


def run(command: list[str], out: Path, env: dict | None = None) -> float:
    """Wall seconds of one process, its output to a file."""
    with out.open("wb") as sink:
        start = time.perf_counter()
        done = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, cwd=REPO, env=env)
        elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"bench: {' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def fastest_in_turn(commands: list[list[str]], out: Path, repeat: int) -> list[float]:
    """The fastest wall time of each command, the commands run in turn `repeat` times."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, sink in zip(commands, times):
            sink.append(run(command, out))
    return [min(t) for t in times]


def first_runs(command: list[str], out: Path, repeat: int) -> float:
    """Median wall time of a run with an empty cache directory (the first run after installing)."""
    times = []
    for _ in range(repeat):
        cache = Path(tempfile.mkdtemp(prefix="briefing-cache-"))
        try:
            times.append(run(command, out, dict(os.environ, XDG_CACHE_HOME=str(cache))))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    return statistics.median(times)


def main() -> None:
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 7
    data = data_path(next((a for a in args if not a.startswith("--") and not a.isdigit()), None))
    rows = load_rows(str(data))
    briefing = briefing_command()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "out"
        short = tmp / "one.txt"
        short.write_text(SHORT, encoding="utf-8")
        one = tmp / "one.jsonl"
        with data.open(encoding="utf-8") as lines_in:
            one.write_text(next(line for line in lines_in if line.strip()), encoding="utf-8")

        cold, python = fastest_in_turn([[*briefing, "summarize", str(short)], [sys.executable, "-c", "pass"]],
                                       out, repeat)
        lines.append(("cold start: `briefing summarize one.txt` (two sentences; Python alone)",
                      f"{cold:.3f} s ({python:.3f} s)", "", "≤ 0.3 s"))
        first = first_runs([*briefing, "summarize", str(short)], out, 3)
        lines.append(("the same, first run (empty cache directory), median of 3", f"{first:.3f} s", "", ""))

        tag = [sys.executable, str(REPO / "bench" / "tag_only.py")]
        ours = [*briefing, "summarize", "--format", "jsonl"]
        for label, flags in (("default --workers auto", []), ("one process", ["--workers", "1"])):
            tag_all, tag_one, ours_all, ours_one = fastest_in_turn(
                [[*tag, str(data)], [*tag, str(one)], [*ours, str(data), *flags], [*ours, str(one), *flags]],
                out, repeat)
            lines.append((f"all {len(rows)} articles, {label}: ours / rjieba tagging only (whole runs)",
                          f"{ours_all:.2f} s / {tag_all:.2f} s", f"{ours_all / tag_all:.1f}x",
                          "≤ 6x" if not flags else ""))
            per_ours, per_tag = ours_all - ours_one, tag_all - tag_one
            lines.append(("the same less each command's one-article run (start-up out)",
                          f"{per_ours:.2f} s / {per_tag:.2f} s", f"{per_ours / per_tag:.1f}x", ""))
    print_table(lines)


if __name__ == "__main__":
    main()
