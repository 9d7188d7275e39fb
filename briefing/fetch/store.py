"""Where fetched pages go: a folder per paper and date, each file written whole or not at all, and a
small manifest of the 版面 pages read, so a rerun fetches only what is missing."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

MANIFEST = ".fetch.json"  # hidden: the readers skip it
_PART = ".part"
_UNSAFE = re.compile(r"[^\w.\-]+")


def day_folder(out: str | Path, key: str, date: dt.date) -> Path:
    """OUT/KEY/YYYY-MM-DD."""
    return Path(out) / safe_name(key) / date.isoformat()


def safe_name(text: str) -> str:
    """A file or folder name from a URL part: letters, digits, `_`, `.` and `-`; never hidden, never empty."""
    return _UNSAFE.sub("_", text).strip("._") or "page"


def file_name(url: str) -> str:
    """The page's own name (content_1001.htm, node_01.html): the readers know pages by it."""
    return safe_name(urlsplit(url).path.rsplit("/", 1)[-1])


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a hidden temporary file beside `path`, then rename: an interrupted run leaves no half page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}{_PART}"
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def sweep_parts(folder: Path) -> None:
    """Remove temporary files of runs that were killed mid-write (their process is gone)."""
    for tmp in folder.glob(f".*{_PART}") if folder.is_dir() else ():
        pid = tmp.name[: -len(_PART)].rpartition(".")[2]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def load_manifest(folder: Path) -> dict:
    """The links of each 版面 page already read ({"layouts": {url: {"pages": [...], "articles": [...]}}})."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or damaged: the 版面 pages are read again
        return {"layouts": {}}
    layouts = data.get("layouts") if isinstance(data, dict) else None
    return data if isinstance(layouts, dict) else {"layouts": {}}


def save_manifest(folder: Path, manifest: dict) -> None:
    atomic_write(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
