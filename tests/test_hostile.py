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
