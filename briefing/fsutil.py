"""Atomic file output: write to a temporary file beside the target, then rename."""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

from .errors import BriefingError


_serial = itertools.count()  # with the process id, a temporary name no other writer is using


class OutputError(BriefingError):
    """An output that cannot be written (missing folder, existing file without --force)."""


def check_target(path: str | Path, force: bool) -> Path:
    """The output path, after checking its folder exists and that nothing is overwritten without force."""
    target = Path(path)
    if not target.parent.exists():
        raise OutputError(f"{target}: the folder {target.parent} does not exist; create it first")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; use --force to overwrite it")
    return target


def atomic_write(path: str | Path, write: Callable[[str], None]) -> None:
    """Call `write(tmp_path)`, then rename the temporary file onto `path`: complete or absent."""
    target = Path(path)
    # The name is known before the file exists: Ctrl-C landing inside mkstemp, after it created the
    # file but before it returned the name, left a .tmp behind (seen once writes took 1 ms, not 30).
    tmp = str(target.parent / f".{target.name}.{os.getpid()}-{next(_serial)}.tmp")
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        write(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # created 0600 (private while incomplete); the output gets the usual mode
        os.replace(tmp, target)
    except BaseException:  # includes KeyboardInterrupt: never leave a half-written file behind
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
