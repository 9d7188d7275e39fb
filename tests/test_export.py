"""`briefing export` run the way users run it: real pages, a bad file, a rerun, an interruption."""
import json
import os
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.jobs.export import export_articles, file_stem, plan, safe_part
from briefing.models import Article
from briefing.render.package import Package

from .helpers import SEEDS, real_page


def run(*args):
    return CliRunner().invoke(cli, ["export", *map(str, args)], catch_exceptions=False)


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.suffix != ".docx" or p.name.startswith(".")]


@pytest.mark.parametrize("raw, safe", [
    ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"), ("标题 带 空格", "标题_带_空格"), ("结尾。..", "结尾。"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("\x00\x1f", ""), ("长" * 100, "长" * 40), ("a\ud800b", "ab"),
])
def test_safe_part(raw, safe):
    assert safe_part(raw) == safe


def test_names_are_unique_ignoring_case(tmp_path):
    articles = [Article("Title", ("x",), date="2024-05-13"), Article("title", ("x",), date="2024-05-13"),
                Article("Title", ("x",), date="2024-05-13")]
    names = [target.name for _, target, _ in plan(articles, tmp_path)]
    assert names == ["2024-05-13_01_Title.docx", "2024-05-13_01_title_2.docx", "2024-05-13_01_Title_3.docx"]


def test_stem_without_date_uses_the_page_name():
    assert file_stem(Article("标题", ("x",), source="pages/第1版.txt", index=2)) == "第1版_03_标题"
    assert file_stem(Article("", ("x",), source="-")) == "stdin_01_untitled"


def test_seed_page_and_a_bad_file(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = run(SEEDS / "2024-05-13.txt", bad, "-o", out)
    assert result.exit_code == 1
    assert "bad.bin" in result.stderr and "4 written" in result.stderr
    files = sorted(out.glob("*.docx"))
    assert [f.name[:14] for f in files] == [f"2024-05-13_0{i}_" for i in range(1, 5)]
    for f in files:
        assert safe_part(docx.Document(str(f)).paragraphs[0].text) in f.stem
        assert "PAGE" in docx.Document(str(f)).sections[0].footer._element.xml
    assert leftovers(out) == []
    assert "exporting" not in result.stderr  # no progress bar when stderr is not a terminal


def test_rerun_skips_and_force_rewrites(tmp_path):
    out = tmp_path / "out"
    assert run(SEEDS / "2024-05-14.txt", "-o", out).exit_code == 0
    before = {f: f.stat().st_mtime_ns for f in out.iterdir()}
    again = run(SEEDS / "2024-05-14.txt", "-o", out)
    assert again.exit_code == 0 and "0 written, 4 skipped" in again.stderr
    assert {f: f.stat().st_mtime_ns for f in out.iterdir()} == before
    forced = run(SEEDS / "2024-05-14.txt", "-o", out, "--force")
    assert "4 written, 0 skipped" in forced.stderr
    assert sorted(out.iterdir()) == sorted(before)


def test_real_page_gives_six_files(tmp_path):
    out = tmp_path / "out"
    result = run(real_page(), "-o", out)
    assert result.exit_code == 0, result.stderr
    titles = [docx.Document(str(f)).paragraphs[0].text for f in sorted(out.glob("*.docx"))]
    assert len(titles) == 6 and titles[0] == "外出招商谋合作 考察取经促发展"


def test_workers_give_the_same_files(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    run(SEEDS, "-o", one)
    result = run(SEEDS, "-o", two, "--workers", "2")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in one.iterdir()) == sorted(p.name for p in two.iterdir())
    assert len(list(two.iterdir())) >= 15


def test_control_characters_are_cleaned(tmp_path):
    data = tmp_path / "odd.jsonl"
    records = [{"id": "1", "title": "标题\x0b一", "date": "2024-05-13",
                "text": "本报讯 第一句话写在这里\x0c内容很长。第二句话\ud800也在这里。第三句话在此结束。"}]
    data.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = run(data, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (written,) = (tmp_path / "out").glob("*.docx")
    assert "第二句话也在这里" in "".join(p.text for p in docx.Document(str(written)).paragraphs)


def test_interrupted_export_leaves_only_complete_files(tmp_path, monkeypatch):
    calls = []

    def save(self, path, *parts):
        calls.append(path)
        open(path, "wb").write(b"partial")
        if len(calls) == 2:
            raise KeyboardInterrupt
        original(self, path, *parts)

    original = Package.save  # where the export's writer saves each file
    monkeypatch.setattr(Package, "save", save)
    from briefing.api import read_articles

    with pytest.raises(KeyboardInterrupt):
        list(export_articles(read_articles(str(SEEDS / "2024-05-13.txt")), tmp_path))
    (complete,) = tmp_path.iterdir()
    assert complete.name.startswith("2024-05-13_01_")
    assert docx.Document(str(complete)).paragraphs[0].text


def test_bad_reference_doc_is_one_error(tmp_path):
    reference = tmp_path / "ref.docx"
    reference.write_text("not a docx")
    result = run(SEEDS / "2024-05-13.txt", "-o", tmp_path / "out", "--reference-doc", reference)
    assert result.exit_code == 1 and "ref.docx: not a readable Word .docx" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_has_examples():
    assert "Examples" in CliRunner().invoke(cli, ["export", "--help"]).stdout


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX only")
def test_ctrl_c_with_workers_stops_cleanly(tmp_path):
    """Ctrl-C reaches the whole process group: no hang, no temporary file, only complete files."""
    import signal
    import subprocess
    import sys
    import time

    from briefing.api import read_articles

    articles = [a for day in ("13", "14", "16", "17") for a in read_articles(str(SEEDS / f"2024-05-{day}.txt"))]
    data = tmp_path / "many.jsonl"  # a run of seconds even at ~1 ms a file: still going when Ctrl-C comes
    data.write_text("\n".join(json.dumps({"id": str(i), "title": f"{a.title}{i}", "text": a.text, "date": a.date},
                                         ensure_ascii=False) for i, a in enumerate(articles * 200)), encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "briefing", "export", str(data), "-o", str(out), "-j", "2"],
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("*.docx")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGINT)
    stderr = process.communicate(timeout=60)[1]
    assert process.returncode != 0 and "written" in stderr
    assert leftovers(out) == []
    for f in out.glob("*.docx"):
        docx.Document(str(f))


def test_resume_knows_which_article_a_file_holds(tmp_path):
    """An edited page is written again beside the old file, not skipped as already there; the rest is skipped."""
    pages = tmp_path / "pages"
    pages.mkdir()
    page = pages / "2024-05-13.txt"
    page.write_bytes((SEEDS / "2024-05-13.txt").read_bytes())
    out = tmp_path / "out"
    first = run(pages, "-o", out)
    assert first.exit_code == 0, first.stderr
    before = sorted(p.name for p in out.glob("*.docx"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("本报讯", "本报讯 （修订稿）", 1), encoding="utf-8")
    second = run(pages, "-o", out)
    assert second.exit_code == 0, second.stderr
    after = sorted(p.name for p in out.glob("*.docx"))
    assert "1 written" in second.stderr and f"{len(before) - 1} skipped" in second.stderr
    assert len(after) == len(before) + 1 and set(before) <= set(after)
    (new,) = set(after) - set(before)
    assert new.endswith("_2.docx")


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2024-05-13.txt").write_bytes((SEEDS / "2024-05-13.txt").read_bytes())
    out = pages / "out"
    first = run(pages, "-o", out)
    written = len(list(out.glob("*.docx")))
    second = run(pages, "-o", out)
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert len(list(out.glob("*.docx"))) == written and f"0 written, {written} skipped" in second.stderr


@pytest.mark.parametrize("done, total, elapsed, expected", [
    (0, 23, 0.0, "exporting  0/23    0%  …"),
    (10, 40, 5.0, "exporting  10/40   25%  15 s left"),
    (100, 1591, 60.0, "exporting  100/1591    6%  14 min 55 s left"),
    (30, 23, 9.0, "exporting  30/30  100%  0 s left"),  # an estimate below the count never shows done > total
    (7, None, 3.0, "exporting  7"),  # standard input: the count alone
])
def test_progress_line(done, total, elapsed, expected):
    from briefing.cli.progress import line

    assert line("exporting", done, total, elapsed) == expected


def test_progress_names_are_cut_between_words():
    from briefing.analyze.segment import get_segmenter
    from briefing.cli.progress import short_name

    def words(text):
        return [w for w, _ in get_segmenter().tag(text)]

    assert short_name("2024-05-13_01_标题.docx") == "2024-05-13_01_标题.docx"
    cut = short_name("2024-05-13_01_抓项目促发展_比学赶超当先锋.docx", words=words)
    assert cut == "2024-05-13_01_抓项目促发展_比学赶超…"  # not …比学赶超当先 / …比学赶
    assert short_name("2024-05-13_01_protocol_of_the_meeting.docx", 30) == "2024-05-13_01_protocol_of…"


def test_progress_on_a_terminal_counts_every_article(tmp_path):
    """On a terminal the line shows done/total from the start (pages counted as read, .jsonl records ahead)."""
    import pty
    import subprocess
    import sys

    records = tmp_path / "more.jsonl"
    records.write_text("".join(json.dumps({"id": str(i), "title": f"第{i}条", "date": "2024-05-20",
                                           "text": "本报讯 青溪区召开会议。会议要求压实责任。"}, ensure_ascii=False) + "\n"
                               for i in range(30)), encoding="utf-8")
    leader, follower = pty.openpty()
    process = subprocess.run([sys.executable, "-m", "briefing", "export", str(SEEDS / "2024-05-13.txt"), str(records),
                              "-o", str(tmp_path / "out")], stderr=follower, stdout=subprocess.DEVNULL, timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: all read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    lines = [part.strip() for part in shown.decode("utf-8", "replace").split("\r") if part.startswith("exporting")]
    assert process.returncode == 0 and lines
    assert lines[0].startswith("exporting  1/34 ")  # the page's 4 articles and 30 records, known before the first
    assert all("%" in text for text in lines)
    assert "34 written" in shown.decode("utf-8", "replace")
