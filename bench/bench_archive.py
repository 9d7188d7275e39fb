"""Archive scale: brief against summarize for 500-8,000 articles of one week, export against summarize,
the local process pool against `--dask local`, printed as ratios from one run.

Usage: python bench/bench_archive.py [DATA.jsonl] [--repeat N] [--sizes 500,1000,2000,4000,8000]

A week of N articles is the rows of the data file (default ../shared/eval/news_headlines.jsonl,
1591 rows) taken in order and again from the start, dated round-robin over 2025-11-10 … 11-16:
from 2,000 on, each row comes back as a reprint (new id, an editor's line added to the text), so
the near-duplicate merge has real work: every reprint is a candidate, checked and merged. Every command runs as users run it (a
fresh process, the default --workers auto, output to a file); the two commands of a ratio run in
turn, --repeat times (default 1), and the fastest of each counts (bench_cli.paired).
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.bench_cli import paired, run, write_jsonl  # noqa: E402
from bench.common import data_path, load_rows, print_table  # noqa: E402

BRIEFING = [sys.executable, "-m", "briefing"]
MONDAY = dt.date(2025, 11, 10)


def week(rows: list[dict], n: int) -> list[dict]:
    """n articles dated over one week; once the data runs out, rows come back as reprints: a new id, the
    same title, the text with an editor's line of its own (so no two texts are the same)."""
    out = []
    for i in range(n):
        row, copy = rows[i % len(rows)], i // len(rows)
        text = row["text"] + (f"\n（责任编辑：第{copy}组）" if copy else "")
        out.append({"id": f"{row['id']}-{copy}", "date": str(MONDAY + dt.timedelta(days=i % 7)),
                    "title": row["title"], "text": text})
    return out


def option(args: list[str], name: str, default: str) -> str:
    return args[args.index(name) + 1] if name in args else default


def brief_rows(tmp: Path, rows: list[dict], sizes: list[int], repeat: int) -> list[tuple[str, str, str, str]]:
    """brief vs summarize -f jsonl at each size, then the growth of brief from 2,000 (or the first size) to the last."""
    lines, briefs = [], {}
    for n in sizes:
        data = write_jsonl(tmp / f"week{n}.jsonl", week(rows, n))
        summarize = [*BRIEFING, "summarize", str(data), "-f", "jsonl"]
        brief = [*BRIEFING, "brief", str(data), "--week", "2025-W46", "-o", str(tmp / "brief.md"), "--force"]
        t_sum, t_brief, _ = paired(summarize, brief, tmp / "out", repeat)
        briefs[n] = t_brief
        target = "≤ 3x" if n == 4000 else ""
        lines.append((f"{n:,} articles, one week: brief / summarize -f jsonl", f"{t_brief:.2f} s / {t_sum:.2f} s",
                      f"{t_brief / t_sum:.2f}x", target))
    if len(sizes) > 1:
        low, high = (2000 if 2000 in sizes[:-1] else sizes[0]), sizes[-1]
        lines.append((f"brief growth, {low:,} → {high:,} articles ({high / low:.0f}x the articles)",
                      f"{briefs[low]:.2f} s → {briefs[high]:.2f} s", f"{briefs[high] / briefs[low]:.2f}x",
                      f"near {high / low:.0f}x (linear)"))
    return lines


def export_row(tmp: Path, rows: list[dict], repeat: int) -> tuple[str, str, str, str]:
    """export of the first 200 rows against summarize -f json on them."""
    data = write_jsonl(tmp / "first200.jsonl", rows[:200])
    summarize = [*BRIEFING, "summarize", str(data), "-f", "json"]
    export = [*BRIEFING, "export", str(data), "-o", str(tmp / "docx"), "--force"]
    t_sum, t_export, _ = paired(summarize, export, tmp / "out", max(repeat, 3))
    return ("200 articles: export / summarize -f json", f"{t_export:.2f} s / {t_sum:.2f} s",
            f"{t_export / t_sum:.2f}x", "≤ 4x")


def dask_row(tmp: Path, rows: list[dict], repeat: int) -> tuple[str, str, str, str]:
    """summarize -f jsonl with --dask local against the local pool, on every row; the outputs must match."""
    data = write_jsonl(tmp / "all.jsonl", rows)
    local = [*BRIEFING, "summarize", str(data), "-f", "jsonl"]
    t_local, t_dask, _ = paired(local, [*local, "--dask", "local"], tmp / "dask.jsonl", repeat)
    run(local, tmp / "local.jsonl")
    same = (tmp / "dask.jsonl").read_bytes() == (tmp / "local.jsonl").read_bytes()
    return (f"{len(rows):,} articles: summarize --dask local / local pool (output identical: {'yes' if same else 'NO'})",
            f"{t_dask:.2f} s / {t_local:.2f} s", f"{t_dask / t_local:.2f}x", "")


def year_row(data: Path, n: int = 6000) -> tuple[str, str, str, str]:
    """duplicate_groups alone on n summaries in one period (in this process; the rows summarized once,
    their reprints made from those summaries)."""
    import dataclasses

    from briefing.api import read_articles
    from briefing.brief.stories import duplicate_groups
    from briefing.analyze.scoring import summarize_article

    base = [summarize_article(a) for a in read_articles(str(data))]
    items = []
    for i in range(n):  # reprints as in week(): a new id, an editor's line of their own
        summary, copy = base[i % len(base)], i // len(base)
        extra = (f"（责任编辑：第{copy}组）",) if copy else ()
        article = dataclasses.replace(summary.article, id=str(i), paragraphs=summary.article.paragraphs + extra)
        items.append(dataclasses.replace(summary, article=article))
    start = time.perf_counter()
    groups = duplicate_groups(items)
    took = time.perf_counter() - start
    return (f"near-duplicate merge alone, {n:,} items in one period ({len(groups):,} stories)", f"{took:.2f} s", "",
            "seconds")


def main() -> None:
    """Run the commands and print the table."""
    args = sys.argv[1:]
    repeat = int(option(args, "--repeat", "1"))
    sizes = [int(s) for s in option(args, "--sizes", "500,1000,2000,4000,8000").split(",")]
    data = data_path(next((a for a in args if not a.startswith("--") and not a[0].isdigit()), None))
    rows = load_rows(str(data))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lines = [export_row(tmp, rows, repeat), dask_row(tmp, rows, repeat), *brief_rows(tmp, rows, sizes, repeat)]
    lines.append(year_row(data))
    print_table(lines)


if __name__ == "__main__":
    main()
