"""Atomic file output: write to a temporary file beside the target, then rename; faults named, not raised raw."""
from __future__ import annotations

import errno
import itertools
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import BriefingError

#: Bytes a file name may have on the usual file systems (ext4, NTFS, APFS).
MAX_NAME_BYTES = 255
_TMP_SUFFIX = ".tmp"


_serial = itertools.count()  # with the process id, a temporary name no other writer is using


class OutputError(BriefingError):
    """An output that cannot be written (missing folder, existing file without --force, full disk …)."""


def check_target(path: str | Path, force: bool) -> Path:
    """The output path, after checking its folder exists and that nothing is overwritten without force."""
    target = Path(path)
    if len(target.name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        raise OutputError(f"{target.name[:40]}…: the file name is longer than {MAX_NAME_BYTES} bytes; choose a shorter one")
    try:
        return _checked(target, force)
    except OSError as error:  # a path the file system cannot even look at
        raise _named(error, target) from None


def _checked(target: Path, force: bool) -> Path:
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as {target / 'brief.md'}")
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputError(f"{target}: {target.parent} is a file, not a folder; choose another folder")
    if not target.parent.exists():
        raise OutputError(f"{target}: the folder {target.parent} does not exist; create it first")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: the folder {target.parent} is not writable; choose another folder")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; use --force to overwrite it")
    return target


def atomic_write(path: str | Path, write: Callable[[str], None], force: bool = True) -> None:
    """Call `write(tmp_path)`, then rename the temporary file onto `path`: complete or absent.

    Without force, a file that appeared at `path` while we worked is not replaced (the rename is a
    link that fails when the name is taken). Temporary files of earlier runs that were killed (their
    process is gone) are swept first.
    """
    target = Path(path)
    sweep_stale(target)
    # The name is known before the file exists: Ctrl-C landing inside mkstemp, after it created the
    # file but before it returned the name, left a .tmp behind (seen once writes took 1 ms, not 30).
    tmp = str(target.parent / f".{target.name}.{os.getpid()}.{next(_serial)}{_TMP_SUFFIX}")
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        write(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # created 0600 (private while incomplete); the output gets the usual mode
        _rename(tmp, target, force)
    except OSError as error:
        raise _named(error, target) from None
    finally:  # includes KeyboardInterrupt: never leave a half-written file behind
        if os.path.exists(tmp):
            os.unlink(tmp)


def _rename(tmp: str, target: Path, force: bool) -> None:
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails with EEXIST when the name was taken meanwhile
    except FileExistsError:
        raise OutputError(f"{target}: was created while the brief was made; use --force to overwrite it") from None
    except OSError:  # no hard links here (some network and FAT file systems): check, then rename
        if target.exists():
            raise OutputError(f"{target}: already exists; use --force to overwrite it") from None
        os.replace(tmp, target)


_FIXES = {
    errno.ENOSPC: "the disk is full; free some space or write elsewhere",
    errno.EDQUOT: "the disk quota is used up; free some space or write elsewhere",
    errno.EROFS: "the file system is read-only; write elsewhere",
    errno.EACCES: "permission denied (or the file is open in another program such as WPS); close it or write elsewhere",
    errno.EPERM: "permission denied; write elsewhere",
    errno.ENAMETOOLONG: "the name is too long for the file system; choose a shorter one",
    errno.EISDIR: "is a folder; give a file name",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another folder",
    errno.ENOENT: "the folder does not exist; create it first",
}


def _named(error: OSError, target: Path) -> OutputError:
    """An OSError as one line that names the path and the fix."""
    return OutputError(f"{target}: cannot be written: {_FIXES.get(error.errno, error.strerror or str(error))}")


def sweep_stale(target: Path) -> None:
    """Remove `.NAME.PID.XXXX.tmp` files beside target whose process is gone (a run killed mid-write)."""
    for stray in _strays(target.parent).pop(target.name, ()):
        pid = stray[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                os.unlink(target.parent / stray)
            except OSError:
                pass


#: Per folder, the temporary files found there, by the name they were for. A folder is listed once a
#: process: listing it at every write made an export of n files cost n² (23 ms a file at 10,000 files).
_STRAYS: dict[str, dict[str, list[str]]] = {}


def _strays(folder: Path) -> dict[str, list[str]]:
    key = os.path.abspath(folder)
    if key not in _STRAYS:
        found: dict[str, list[str]] = {}
        try:
            names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(_TMP_SUFFIX)]
        except OSError:
            names = []
        for name in names:  # .NAME.PID.XXXX.tmp, where NAME may hold dots: PID and XXXX are the last two parts
            parts = name[1:-len(_TMP_SUFFIX)].rsplit(".", 2)
            if len(parts) == 3:
                found.setdefault(parts[0], []).append(name)
        _STRAYS[key] = found
    return _STRAYS[key]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def atomic_write_text(path: str | Path, text: str, force: bool = True) -> None:
    """Write UTF-8 text atomically; an empty text is an error, never an empty file."""
    if not text.strip():
        raise OutputError(f"{path}: the rendering is empty, so nothing was written; check the template")
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"), force)
