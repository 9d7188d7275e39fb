"""Paths shared by the tests: the repo's own seed pages and the optional ../shared data; JSONL inputs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
REAL_PAGE = SHARED / "seeds" / "000_3ffb1123e71c06d5.txt"


def real_page() -> Path:
    """The real district newspaper page in ../shared, or skip the test with the reason."""
    if not REAL_PAGE.exists():
        pytest.skip(f"{REAL_PAGE} is absent (a fresh clone has no ../shared); seeds/ tests cover the same rules")
    return REAL_PAGE


def write_jsonl(path: Path, rows) -> Path:
    """Write records as a JSONL input file (one object a line, Chinese as is) and return its path."""
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path
