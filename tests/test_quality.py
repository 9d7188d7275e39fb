"""The quality gate, through `briefing summarize` itself, on the real development sets in ../shared/eval.

Scored here independently of `briefing eval` (the ROUGE functions are checked by hand in test_eval),
and `eval` must agree with it. Skips with the reason when ../shared is absent; tests/test_clean.py
pins the same rules on fixtures written for this project.
"""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.jobs.evaluate import char_tokens, lcs_length, rouge, title_withheld
from briefing.read.text import split_sentences

from .helpers import SHARED

#: ROUGE-L margin over Lead-1 that each set must keep (one sentence, titles withheld)
MARGINS = {"news_headlines": 0.03, "xwlb_dated": 0.02, "lcsts": 0.01}
#: Furniture, written apart from briefing.read.clean so the gate does not grade itself
FURNITURE = re.compile(r"公网安备|ICP[备证]|总机[:：]|本网站|版权所有|未经授权|责任编辑|编辑[:：]|校对[:：]|function\s*\w*\(|"
                       r"\bvar\s|[{}]|\[\s*\]|字号[:：]|扫码|二维码|关注我们|&nbsp;|<br|图片来源|资料图[:：]|来源[:：]\s*$")


def _dataset(name: str):
    path = SHARED / "eval" / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (research data, never copied into the repo)")
    return path, [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _summarize(path) -> list[dict]:
    result = CliRunner().invoke(cli, ["summarize", str(path), "-f", "jsonl", "-n", "1"])
    assert result.exit_code == 0, result.output[-500:]
    return [json.loads(line) for line in result.stdout.splitlines()]


def _without_titles(rows, tmp_path, name):
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps({k: v for k, v in r.items() if not (k == "title" and title_withheld(r))},
                                         ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(MARGINS))
def test_summarize_beats_lead_1_and_eval_agrees(name, tmp_path):
    path, rows = _dataset(name)
    printed = _summarize(_without_titles(rows, tmp_path, name))
    assert len(printed) == len(rows)
    ours = sum(rouge("".join(p["summary"]), r["summary"])[2] for p, r in zip(printed, rows)) / len(rows)
    first = [next(iter(s for para in p["paragraphs"] for s in split_sentences(para)), "") for p in printed]
    lead = sum(rouge(f, r["summary"])[2] for f, r in zip(first, rows)) / len(rows)
    assert ours >= lead + MARGINS[name], (name, ours, lead)
    result = CliRunner().invoke(cli, ["eval", str(path), "--withhold-titles", "--no-textrank4zh", "-f", "json"])
    systems = json.loads(result.stdout)["systems"]
    assert systems["briefing"]["rouge_l"] == pytest.approx(ours, abs=0.005)
    assert systems["lead-1"]["rouge_l"] == pytest.approx(lead, abs=0.005)


@pytest.mark.parametrize("name", ["news_headlines", "xwlb_dated", "keywords_news"])
def test_no_summary_is_furniture_and_none_only_restates_the_headline(name):
    path, rows = _dataset(name)
    printed = _summarize(path)  # titles given, as a user's file has them
    furniture = [s for p in printed for s in p["summary"] if FURNITURE.search(s)]
    assert furniture == []
    restating = 0
    for p, r in zip(printed, rows):
        summary, title = char_tokens("".join(p["summary"])), char_tokens(r.get("title") or "")
        restating += bool(summary and title and lcs_length(summary, title) >= 0.9 * len(summary))
    assert restating <= 0.005 * len(rows), restating
