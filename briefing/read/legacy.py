"""Legacy Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice when `soffice` is on
the machine, then read like any .docx; without it, one line says what to do."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import InputError
from .ingest import read_docx
from ..models import Article

#: Seconds LibreOffice may take for one file (a first start builds its profile: ~10 s on 2 cores).
TIMEOUT = 180


def soffice() -> str | None:
    """The LibreOffice command on this machine, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(path: Path, date: str | None = None) -> list[Article]:
    """The articles of a .doc or .wps file, through a .docx made by LibreOffice in a temporary folder."""
    command = soffice()
    if command is None:
        raise InputError(str(path), f"is a legacy {path.suffix.lower()} file and LibreOffice is not installed",
                         "install LibreOffice (e.g. `apt-get install libreoffice-writer`) or open it in Word "
                         "or WPS and save it as .docx")
    with tempfile.TemporaryDirectory(prefix="briefing-") as folder:
        converted = _convert(command, path, Path(folder))
        return [_renamed(a, str(path)) for a in read_docx(converted, date)]


def _convert(command: str, path: Path, folder: Path) -> Path:
    """Run LibreOffice headless with a profile of its own (a running office would lock the shared one)."""
    profile = (folder / "profile").as_uri()
    try:
        subprocess.run([command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                        "--outdir", str(folder), str(path)], capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InputError(str(path), f"could not be converted by LibreOffice ({type(error).__name__})",
                         "open it in Word or WPS and save it as .docx") from None
    converted = folder / (path.stem + ".docx")
    if not converted.exists():
        raise InputError(str(path), "could not be converted by LibreOffice (it made no .docx)",
                         "check that it is a Word or WPS document, or save it as .docx")
    return converted


def _renamed(article: Article, source: str) -> Article:
    """Name the original file, not the temporary .docx, as the article's source."""
    from dataclasses import replace

    return replace(article, source=source)
