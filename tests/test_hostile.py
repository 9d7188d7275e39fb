"""Hostile inputs, options, templates, reference documents and library calls (tests/hostile.py builds them):
no traceback, no hang, bounded memory, good inputs kept, nothing written outside the output folder.

bench/reliability.py runs every case one at a time and prints the README's table; here the bad inputs
go in a few runs together (each beside a good page), which checks the same promises in bounded time.
"""
from __future__ import annotations

import pytest

from . import hostile

FAST_BAD = [b for b in hostile.BAD_INPUTS if b not in hostile.SLOW]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    hostile.write_inputs(folder)
    return folder


def _run(corpus, tmp_path, *args, good=False, timeout=120):
    case = hostile.Case("test", " ".join(args), tuple(args), good=good)
    return hostile.run_case(case, hostile.case_folder(corpus, tmp_path / "work"), timeout)


def _clean(result) -> None:
    assert not result["traceback"], result["stderr"]
    assert not result["hang"] and result["rss_mb"] < 1024, (result["seconds"], result["rss_mb"])
    assert not result["lost"], result["stderr"]
    assert result["escaped"] == [] and result["partial"] == []


@pytest.mark.parametrize("command", ["summarize", "brief", "export"])
def test_every_bad_input_beside_a_good_page(corpus, tmp_path, command):
    inputs = [*FAST_BAD, str(hostile.GOOD_PAGE)]
    args = {"summarize": ("summarize", *inputs, "-f", "jsonl"),
            "brief": ("brief", *inputs, "--date", "2024-05-13", "-o", "out/brief.md"),
            "export": ("export", *inputs, "-o", "out", "--date", "2024-05-13")}[command]
    result = _run(corpus, tmp_path, *args, good=True)
    _clean(result)
    assert result["code"] == 1  # some inputs failed, the rest were written


@pytest.mark.parametrize("template, message", [
    ("binary", "is not UTF-8"), ("syntax", "fix the template syntax"), ("raise", "ZeroDivisionError"),
    ("recursion", "recurses"), ("huge", "too large"), ("range", "'range' is undefined"),
    ("globals", "'cycler' is undefined"), ("class", "unsafe"), ("include", "template not found"),
])
def test_hostile_templates_are_one_line(corpus, tmp_path, template, message):
    result = _run(corpus, tmp_path, "brief", str(hostile.GOOD_PAGE), "--date", "2024-05-13", "-o", "out/b.md",
                  "--template", f"{template}-template.md.j2")
    _clean(result)
    assert result["code"] == 1 and message in "\n".join(result["stderr"])
    assert "root:" not in "\n".join(result["stderr"])  # /etc/passwd never printed


@pytest.mark.parametrize("reference", ["fake-reference.docx", "bomb-reference.docx", "xxe-reference.docx",
                                       "fifo-reference.docx", "missing.docx"])
def test_hostile_reference_documents_are_one_line(corpus, tmp_path, reference):
    result = _run(corpus, tmp_path, "brief", str(hostile.GOOD_PAGE), "--date", "2024-05-13", "-o", "out/b.docx",
                  "--reference-doc", reference, timeout=60)
    _clean(result)
    assert result["code"] in (1, 2) and len(result["stderr"]) <= 3


def test_record_dates_never_become_paths(corpus, tmp_path):
    result = _run(corpus, tmp_path, "export", "dates.jsonl", "hostile-titles.jsonl", "-o", "out")
    _clean(result)
    assert "is not a calendar date" in "\n".join(result["stderr"])


@pytest.mark.parametrize("call", hostile.LIBRARY_CALLS)
def test_library_calls_raise_named_errors(call):
    assert hostile.check_library_call(call) is None


def _one_line(result, *needles: str) -> str:
    """The run failed (exit 1) with exactly one line on stderr, which holds each needle."""
    _clean(result)
    assert result["code"] == 1, result["stderr"]
    assert len(result["stderr"]) == 1, result["stderr"]
    line = result["stderr"][0]
    assert line.startswith("briefing: error: ") and all(n in line for n in needles), line
    return line


@pytest.mark.parametrize("special", hostile.SPECIAL)
def test_eval_refuses_special_files_before_reading(corpus, tmp_path, special):
    # a FIFO blocked eval until it was killed; /dev/zero grew it to 7.5 GB
    result = _run(corpus, tmp_path, "eval", special, "--no-textrank4zh", timeout=30)
    _one_line(result, special, "is not a regular file", "save the evaluation set to a file")
    assert result["seconds"] < 20 and result["rss_mb"] < 300


@pytest.mark.parametrize("dictionary, workers", [("exponent-user-dict.txt", "1"), ("digits-user-dict.txt", "2")])
def test_absurd_user_dictionary_frequency_is_one_line(corpus, tmp_path, dictionary, workers):
    for args in (("summarize", str(hostile.GOOD_PAGE), "-f", "jsonl"), ("export", str(hostile.GOOD_PAGE), "-o", "out")):
        result = _run(corpus, tmp_path / args[0], *args, "--user-dict", dictionary, "--workers", workers)
        line = _one_line(result, f"{dictionary}:", "is not a whole number from 0 to 1,000,000,000", "词 300 n")
        assert "OverflowError" not in line and "while processing" not in line


def test_full_standard_output_is_one_line(corpus, tmp_path):
    case = hostile.Case("test", "summarize > /dev/full", ("summarize", str(hostile.GOOD_PAGE)), stdout="/dev/full")
    result = hostile.run_case(case, hostile.case_folder(corpus, tmp_path / "work"), 60)
    _one_line(result, "standard output", "No space left on device")


@pytest.mark.parametrize("period", [("--date", "2024-05-13"), ("--week", "2024-W20")])
def test_brief_of_unreadable_inputs_says_why_once(corpus, tmp_path, period):
    # the input's own line is the reason; "no dated articles … or pass --date" misled when --date was given
    result = _run(corpus, tmp_path, "brief", "binary.txt", *period, "-o", "out/b.md")
    line = _one_line(result, "binary.txt", "binary file")
    assert "no dated articles" not in line and "pass --date" not in line
