"""Inputs whose tool is missing: one clear line naming the fix, with or without the extras installed."""
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.api import read_articles
from briefing.cli import cli
from briefing.errors import InputError
from briefing.read import legacy

TEXT = "本报讯（记者 柳岸）3月11日，青溪县召开春耕生产调度会，部署全县春耕生产工作。\n会议要求各乡镇抓住农时，确保早稻按时栽插。"


def test_pdf_without_the_extra_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if `briefing[pdf]` were not installed
    page = tmp_path / "page.pdf"
    page.write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = CliRunner().invoke(cli, ["summarize", str(page)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "pip install 'briefing[pdf]'" in result.stderr and str(page) in result.stderr


def test_doc_without_libreoffice_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    old = tmp_path / "report.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0 not really a doc")
    with pytest.raises(InputError, match=r"LibreOffice is not installed.*save it as \.docx"):
        list(read_articles(str(old)))


def _fake_soffice(folder: Path) -> str:
    """A stand-in for LibreOffice that writes the .docx it was asked for (python-docx makes it)."""
    script = folder / "soffice"
    script.write_text(f"""#!{sys.executable}
import sys, pathlib, docx
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
doc = docx.Document()
for line in {TEXT!r}.split("\\n"):
    doc.add_paragraph(line)
doc.save(out / (pathlib.Path(args[-1]).stem + ".docx"))
""", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_legacy_file_is_converted_and_read(tmp_path, monkeypatch, suffix):
    fake = _fake_soffice(tmp_path)
    monkeypatch.setattr(legacy, "soffice", lambda: fake)
    old = tmp_path / f"2024-03-12{suffix}"
    old.write_bytes(b"\xd0\xcf\x11\xe0 legacy bytes")
    (article,) = read_articles(str(old))
    assert article.source == str(old) and article.date == "2024-03-12"
    assert article.paragraphs[0].startswith("本报讯") and len(article.paragraphs) == 2


def test_failed_conversion_is_one_line(tmp_path, monkeypatch):
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(broken.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(legacy, "soffice", lambda: str(broken))
    old = tmp_path / "x.doc"
    old.write_bytes(b"junk")
    with pytest.raises(InputError, match="made no .docx"):
        list(read_articles(str(old)))


@pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_real_doc_made_by_libreoffice_is_read(tmp_path):
    import subprocess

    import docx

    document = docx.Document()
    for line in TEXT.split("\n"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "2024-03-12.docx"))
    subprocess.run([legacy.soffice(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "old"), str(tmp_path / "2024-03-12.docx")],
                   capture_output=True, timeout=240, check=True)
    (article,) = read_articles(str(tmp_path / "old" / "2024-03-12.doc"))
    assert article.paragraphs == tuple(TEXT.split("\n")) and article.date == "2024-03-12"
