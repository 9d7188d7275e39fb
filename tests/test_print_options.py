"""What an office switches and what it is warned of: the selection note and the counts line on or off, a
Word brief without a 版记 or a unit, and the 版记 never alone on the last page."""
import json
import shutil
import subprocess

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from briefing.cli import cli

from .helpers import REPO, SEEDS

SAMPLE_CONFIG = REPO / "docs" / "samples" / "briefing.toml"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("options") / "seed.json"
    assert run("brief", SEEDS, "-o", out, "--config", SAMPLE_CONFIG).exit_code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_note_and_the_counts_can_be_switched_off(tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text(SAMPLE_CONFIG.read_text(encoding="utf-8") .replace(
        "[papers]", "selection_note = false\ncounts_line = false\n\n[papers]"), encoding="utf-8")
    for suffix in ("md", "docx", "json"):
        assert run("brief", SEEDS, "-o", tmp_path / f"off.{suffix}", "--config", config).exit_code == 0
        assert run("brief", SEEDS, "-o", tmp_path / f"on.{suffix}", "--config", SAMPLE_CONFIG).exit_code == 0
    draft = json.loads((tmp_path / "off.json").read_text(encoding="utf-8"))
    assert draft["print_rule"] is False and draft["print_counts"] is False and draft["rule"]  # kept, not printed
    for name, text in (("md", lambda p: p.read_text(encoding="utf-8")),
                       ("docx", lambda p: "\n".join(x.text for x in docx.Document(str(p)).paragraphs))):
        on, off = text(tmp_path / f"on.{name}"), text(tmp_path / f"off.{name}")
        assert "选编说明" in on and "本期阅读稿件" in on
        assert "选编说明" not in off and "本期阅读稿件" not in off and "本期要点" in off


def test_a_word_brief_without_closing_or_unit_says_so_once(tmp_path, seed_json):
    bare = dict(seed_json, closing=[], unit="")
    draft = tmp_path / "bare.json"
    draft.write_text(json.dumps(bare, ensure_ascii=False), encoding="utf-8")
    result = run("render", draft, "-o", tmp_path / "bare.docx")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "版记" in warnings[0] and "编印单位" in warnings[0]
    whole = tmp_path / "whole.json"
    whole.write_text(json.dumps(seed_json, ensure_ascii=False), encoding="utf-8")
    assert run("render", whole, "-o", tmp_path / "whole.docx").stderr == ""
    (tmp_path / "none.toml").write_text("# an office that set nothing\n", encoding="utf-8")
    said = run("brief", SEEDS, "-o", tmp_path / "no-config.docx", "--config", tmp_path / "none.toml")
    assert said.exit_code == 0 and said.stderr.count("briefing: warning:") == 1 and "版记" in said.stderr
    said = run("brief", SEEDS, "-o", tmp_path / "no-config.md", "--config", tmp_path / "none.toml")
    assert said.exit_code == 0 and said.stderr == ""  # Markdown is a working copy: no 版记 expected


def test_the_closing_keeps_text_above_it_on_its_page(tmp_path, seed_json):
    draft = tmp_path / "seed.json"
    draft.write_text(json.dumps(seed_json, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "seed.docx"
    assert run("render", draft, "-o", out).exit_code == 0
    body = docx.Document(str(out)).element.body
    anchor = next(p for p in body.iter(qn("w:p")) if p.find(".//" + qn("w:txbxContent")) is not None)
    before = [p for p in anchor.itersiblings(preceding=True) if p.tag == qn("w:p")][:2]
    assert len(before) == 2
    for paragraph in before:  # they move with the 版记 when it does not fit
        assert paragraph.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        pytest.skip("soffice or pdftotext is missing (apt-get install libreoffice-writer poppler-utils)")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=180, check=True)
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "seed.pdf"), "-"], capture_output=True,
                           text=True).stdout.split("\f")
    last = [line.strip() for line in pages[-1 if pages[-1].strip() else -2].splitlines() if line.strip()]
    closing = [line for line in last if line.startswith(("报：", "送：", "发：")) or "印发" in line]
    assert closing and len(last) - len(closing) >= 3  # the 版记 and, above it, the end of the brief
