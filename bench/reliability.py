"""Hostile inputs, options, configs, templates, reference documents and output paths through every
command, alone and beside a good page; and hostile library calls. Prints the table of the README's
reliability section.

Usage: python bench/reliability.py [--quick] [--jobs N] [--timeout S]
(--quick leaves out the slow cases; each case runs `python -m briefing` in a fresh folder.)
Machine: 2 cores, shared; the time column is wall time and moves with the load.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import hostile  # noqa: E402

MEMORY_MB = 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the slow cases")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as a hang")
    args = parser.parse_args()
    cases = [c for c in hostile.cases() if not (args.quick and c.slow)]
    root = Path(tempfile.mkdtemp(prefix="briefing-reliability-"))
    corpus = root / "corpus"
    corpus.mkdir()
    hostile.write_inputs(corpus)

    def run(indexed):
        index, case = indexed
        folder = hostile.case_folder(corpus, root / f"case{index}" / "work")
        return case, hostile.run_case(case, folder, args.timeout)

    rows: dict[str, hostile.Tally] = defaultdict(hostile.Tally)
    with ThreadPoolExecutor(args.jobs) as pool:
        for case, result in pool.map(run, enumerate(cases)):
            tally = rows[case.kind]
            tally.runs += 1
            for flag, bucket in (("traceback", tally.tracebacks), ("hang", tally.hangs), ("lost", tally.lost)):
                if result[flag]:
                    bucket.append(case.name)
            if result["rss_mb"] > MEMORY_MB:
                tally.memory.append(f"{case.name} ({result['rss_mb']} MB)")
            if result["escaped"]:
                tally.escapes.append(f"{case.name}: {result['escaped']}")
            if result["partial"]:
                tally.partial.append(f"{case.name}: {result['partial']}")
    library = hostile.Tally(runs=len(hostile.LIBRARY_CALLS))
    library.tracebacks = [f"{call} -> {found}" for call in hostile.LIBRARY_CALLS
                          if (found := hostile.check_library_call(call))]
    print_table(rows, library)


def print_table(rows: dict[str, hostile.Tally], library: hostile.Tally) -> None:
    print("| cases | runs | tracebacks | hangs > 60 s | over 1 GB | good inputs lost | files outside | partial or empty |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total = hostile.Tally()
    for kind, t in sorted(rows.items()):
        print(f"| {kind} | {t.runs} | {len(t.tracebacks)} | {len(t.hangs)} | {len(t.memory)} | {len(t.lost)} | "
              f"{len(t.escapes)} | {len(t.partial)} |")
        total.runs += t.runs
        for name in ("tracebacks", "hangs", "memory", "lost", "escapes", "partial"):
            getattr(total, name).extend(getattr(t, name))
    print(f"| library calls | {library.runs} | {len(library.tracebacks)} (unnamed exceptions) | – | – | – | – | – |")
    print(f"| **all** | {total.runs + library.runs} | {len(total.tracebacks) + len(library.tracebacks)} | "
          f"{len(total.hangs)} | {len(total.memory)} | {len(total.lost)} | {len(total.escapes)} | {len(total.partial)} |")
    for name in ("tracebacks", "hangs", "memory", "lost", "escapes", "partial"):
        for finding in getattr(total, name):
            print(f"  {name}: {finding}")
    for finding in library.tracebacks:
        print(f"  library: {finding}")


if __name__ == "__main__":
    main()
