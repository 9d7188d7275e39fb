"""`briefing summarize` run the way users run it: real files, stdin, bad input and its fix."""
import json
import os
import re

import pytest
from click.testing import CliRunner

from briefing import __version__
from briefing.cli import cli

from .helpers import SEEDS, real_page, write_jsonl


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def articles(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["articles"]


def without_source(records):
    return [{k: v for k, v in r.items() if k != "source"} for r in records]


def test_version_and_help():
    assert __version__ in run("--version").stdout
    for command in ("summarize", "brief", "export", "eval"):
        assert "Example" in run(command, "--help").stdout


def test_real_page_as_json():
    records = articles(run("summarize", str(real_page()), "--format", "json"))
    assert len(records) == 6
    for record in records:
        assert len(record["keywords"]) >= 5
        assert 1 <= len(record["summary"]) <= 3
        body = "".join(record["paragraphs"])
        for sentence in record["summary"]:
            assert sentence in body, sentence
            assert "本报讯" not in sentence
            assert sentence[-1] in "。！？”；;", sentence
        assert all(re.search(r"\d", k["word"]) is None and len(k["word"]) > 1 for k in record["keywords"])
    assert records[0]["subtitle"] == "二七区领导带队赴西安、成都考察招商"
    assert records[2]["byline"] == {"reporters": ["景静"], "correspondents": ["王垚"]}


@pytest.mark.parametrize("encoding, newline", [
    ("gb18030", "\r\n"), ("utf-16", "\n"), ("utf-8-sig", "\n"), ("utf-8", "\r")])
def test_encodings_give_the_same_json(tmp_path, encoding, newline):
    path = real_page()
    reference = without_source(articles(run("summarize", str(path), "-f", "json")))
    converted = tmp_path / "page.txt"
    converted.write_bytes(path.read_text(encoding="utf-8").replace("\n", newline).encode(encoding))
    assert without_source(articles(run("summarize", str(converted), "-f", "json"))) == reference


def test_stdin_gives_the_same_json():
    path = SEEDS / "2024-05-15.txt"  # GB18030 on stdin
    reference = without_source(articles(run("summarize", str(path), "-f", "json")))
    piped = articles(run("summarize", "-", "-f", "json", input=path.read_bytes()))
    assert [r["source"] for r in piped] == ["-"] * len(piped)
    for record in reference:
        record["date"] = None  # the date came from the file name
    assert without_source(piped) == reference


def test_real_page_through_stdin():
    path = real_page()
    assert len(articles(run("summarize", "-", "-f", "json", input=path.read_bytes()))) == 6


def test_text_format_reads_well():
    out = run("summarize", str(SEEDS / "2024-05-13.txt")).stdout
    assert "抓项目促发展 比学赶超当先锋" in out and "关键词" in out and "  1. " in out
    assert "记者 苏晴" in out and "{{" not in out and "None" not in out


def test_markdown_format():
    out = run("summarize", str(SEEDS / "2024-05-13.txt"), "-f", "markdown").stdout
    assert out.count("\n## ") + out.startswith("## ") == 4 and "### 摘要" in out


def test_jsonl_keeps_ids_and_streams_one_line_each(tmp_path):
    data = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "title": "标题一", "text": "区里召开会议。会议强调要抓落实。各部门要协同推进。"},
            {"id": 7, "text": "第二篇文章讲教育。学校要办好。教师要培训。", "date": "2024-05-13"}]
    write_jsonl(data, rows)
    lines = run("summarize", str(data), "-f", "jsonl", "-n", "1").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["x1", "7"]
    assert records[1]["date"] == "2024-05-13" and records[0]["title"] == "标题一"


def test_sentences_and_keywords_flags():
    (record, *_) = articles(run("summarize", str(SEEDS / "2024-05-14.txt"), "-f", "json", "-n", "1", "-k", "5"))
    assert len(record["summary"]) == 1 and len(record["keywords"]) == 5


def test_user_dict_makes_a_local_name_one_keyword(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯 青溪区樱桃湾村发展乡村旅游。樱桃湾村的民宿很受欢迎。游客到樱桃湾村采摘樱桃。\n\n记者 张三", encoding="utf-8")
    words = tmp_path / "dict.txt"
    words.write_text("樱桃湾村 10 ns\n", encoding="utf-8")
    plain = articles(run("summarize", str(page), "-f", "json"))[0]
    custom = articles(run("summarize", str(page), "-f", "json", "--user-dict", str(words)))[0]
    assert "樱桃湾" in [k["word"] for k in plain["keywords"]]  # without the dictionary the name is cut
    assert custom["keywords"][0]["word"] == "樱桃湾村"
    assert "樱桃湾" not in [k["word"] for k in custom["keywords"]]


def test_a_missing_user_dict_is_one_clear_error(tmp_path):
    result = run("summarize", str(SEEDS / "2024-05-13.txt"), "--user-dict", str(tmp_path / "none.txt"))
    assert result.exit_code != 0
    assert "none.txt" in result.stderr and "Traceback" not in result.stderr


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t \n",
    "binary.txt": bytes(range(256)) * 8,
    "fake.docx": b"this is not a zip file",
    "gbk-broken.txt": b"\xb1\xbe\xb1\xa8\xd1\xb6" + b"\xff\xfe\xff" * 10,
    "longline.txt": ("字" * 100_000).encode(),
    "bad.jsonl": b'{"id": 1, "text": "\xe5\xa5\xbd\xe7\x9a\x84\xe3\x80\x82"}\nnot json\n',
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_the_rest_is_processed(tmp_path, name):
    bad = tmp_path / name
    bad.write_bytes(BAD_INPUTS[name])
    result = run("summarize", str(bad), str(SEEDS / "2024-05-13.txt"), "-f", "jsonl")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and name in errors[0] and "Traceback" not in result.stderr
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert "抓项目促发展 比学赶超当先锋" in titles


def test_bad_jsonl_line_names_the_line_and_keeps_the_good_one(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(BAD_INPUTS["bad.jsonl"])
    result = run("summarize", str(bad), "-f", "jsonl")
    assert result.exit_code == 1 and f"{bad}:2" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_missing_path_names_it(tmp_path):
    result = run("summarize", str(tmp_path / "nope.txt"), str(SEEDS / "2024-05-14.txt"), "-f", "jsonl")
    assert result.exit_code == 1 and "nope.txt" in result.stderr and "no such file" in result.stderr
    assert len(result.stdout.splitlines()) == 4


def test_no_path_and_no_stdin_is_a_usage_error():
    result = CliRunner().invoke(cli, ["summarize", "--format", "yaml"])
    assert result.exit_code == 2


def test_same_input_same_output():
    first = run("summarize", str(SEEDS / "2024-05-16.txt"), "-f", "json").stdout
    assert run("summarize", str(SEEDS / "2024-05-16.txt"), "-f", "json").stdout == first


def test_docx_input_gives_the_same_articles_as_text(tmp_path):
    import docx

    page = SEEDS / "2024-05-14.txt"
    document = docx.Document()
    for line in page.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "2024-05-14.docx"
    document.save(path)
    assert without_source(articles(run("summarize", str(path), "-f", "json"))) == \
        without_source(articles(run("summarize", str(page), "-f", "json")))


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_the_script_flushes_its_output_and_exits_with_the_commands_code(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out.jsonl"
    with out.open("w") as sink:
        done = subprocess.run([sys.executable, "-m", "briefing", "summarize", str(SEEDS), "-f", "jsonl"],
                              stdout=sink, stderr=subprocess.PIPE, text=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert done.returncode == 0 and done.stderr == "" and len(lines) >= 20
    assert all(json.loads(line)["summary"] for line in lines)  # every record whole: nothing left in a buffer
    missing = subprocess.run([sys.executable, "-m", "briefing", "summarize", str(tmp_path / "none.txt")],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "none.txt" in missing.stderr
    usage = subprocess.run([sys.executable, "-m", "briefing", "summarize", "--bogus"], capture_output=True, text=True)
    assert usage.returncode == 2 and "--bogus" in usage.stderr


def test_verbose_says_how_the_articles_are_analysed(monkeypatch):
    from briefing.analyze import kernels

    path = str(SEEDS / "2024-05-13.txt")
    quiet = run("summarize", path, "-f", "jsonl")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    said = run("summarize", path, "-f", "jsonl", "-v", "-j", "1").stderr
    assert "engine builtin, segmenter rjieba, 1 process, " in said
    assert ("C kernels" in said) == kernels.COMPILED
    monkeypatch.setattr(kernels, "COMPILED", False)
    said = run("summarize", path, "-f", "jsonl", "-v", "-j", "1").stderr
    assert "Python kernels" in said and "C compiler" in said


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["brief", "SEEDS", "-o", "OUT"]])
def test_a_full_standard_output_is_one_line(tmp_path, args):
    import subprocess
    import sys

    args = [str(SEEDS) if a == "SEEDS" else str(tmp_path / "b.md") if a == "OUT" else a for a in args]
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "briefing", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("briefing: error: cannot write to standard output")
