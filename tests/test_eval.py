"""Character ROUGE against hand-computed values, keyword recall, and the `briefing eval` command."""
import json

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.jobs.evaluate import char_tokens, keyword_recall, lcs_length, rouge, rouge_l, rouge_n, title_withheld

from .helpers import write_jsonl


def test_char_tokens_drop_punctuation_and_spaces_and_fold_width():
    assert char_tokens("中国，Ａ 1。“好”") == ["中", "国", "a", "1", "好"]


def test_rouge_by_hand():
    # candidate 中国经济增长 (6 chars), reference 经济稳定增长 (6 chars)
    # unigrams shared: 经 济 增 长 = 4 -> P = R = 4/6 -> F1 = 0.6667
    # bigrams: cand 中国 国经 经济 济增 增长; ref 经济 济稳 稳定 定增 增长; shared 经济, 增长 = 2 of 5 -> 0.4
    # LCS 经济增长 = 4 -> 0.6667
    r1, r2, rl = rouge("中国经济增长。", "经济稳定增长")
    assert r1 == pytest.approx(4 / 6)
    assert r2 == pytest.approx(0.4)
    assert rl == pytest.approx(4 / 6)


def test_rouge_unequal_lengths_by_hand():
    # candidate ABCD, reference AXC: LCS AC = 2, P = 2/4, R = 2/3, F1 = 2*(1/2*2/3)/(1/2+2/3) = 4/7
    assert rouge_l("abcd", "axc") == pytest.approx(4 / 7)
    assert lcs_length("abcbdab", "bdcaba") == 4


@pytest.mark.parametrize("candidate, reference", [("", "参考"), ("候选", ""), ("，。", "参考")])
def test_empty_sides_score_zero(candidate, reference):
    assert rouge(candidate, reference) == (0.0, 0.0, 0.0)


def test_identical_text_scores_one():
    assert rouge_n("今天开会", "今天开会！", 2) == pytest.approx(1.0)


def test_keyword_recall_and_hit():
    assert keyword_recall(["华为", "Mate"], ["华为", "美国"]) == (0.5, True)
    assert keyword_recall(["x"] * 10 + ["华为"], ["华为"]) == (0.0, False)


def test_title_is_withheld_when_it_is_the_reference():
    assert title_withheld({"title": "标题", "summary": "标题"})
    assert title_withheld({"title": "甲", "summary": "乙", "summary_type": "headline"})
    assert not title_withheld({"title": "甲", "summary": "乙"})


def _write_rows(path, rows):
    write_jsonl(path, rows)
    return path


ROWS = [{"id": "1", "title": "区里召开项目推进会", "summary": "区里召开项目推进会",
         "text": "本报讯 近日,区里召开重点项目推进会。会议听取了项目进展汇报。会议要求加快推进项目建设。"},
        {"id": "2", "title": "樱桃沟发展旅游", "keywords": ["樱桃沟"],
         "text": "樱桃沟景区发展乡村旅游。樱桃沟的民宿很受欢迎。"}]


def test_eval_command_prints_a_table(tmp_path):
    data = _write_rows(tmp_path / "d.jsonl", ROWS)
    result = CliRunner().invoke(cli, ["eval", str(data), "--no-textrank4zh"])
    assert result.exit_code == 0, result.output
    assert "| briefing |" in result.output and "| lead-1 |" in result.output and "recall@10" in result.output


def test_eval_json_scores_exactly_what_summarize_prints(tmp_path):
    """eval's number is the number of scoring summarize's own output, independently."""
    from briefing.jobs.evaluate import rouge

    data = _write_rows(tmp_path / "d.jsonl", ROWS)
    out = CliRunner().invoke(cli, ["summarize", str(data), "-f", "jsonl", "-n", "1"])
    assert out.exit_code == 0, out.output
    printed = [json.loads(line) for line in out.output.splitlines()]
    mine = rouge("".join(printed[0]["summary"]), ROWS[0]["summary"])
    result = CliRunner().invoke(cli, ["eval", str(data), "--format", "json", "--no-textrank4zh"])
    scores = json.loads(result.output)
    assert scores["rows"] == 1 and scores["systems"]["briefing"]["rouge_l"] == pytest.approx(mine[2], abs=1e-4)
    assert set(scores["systems"]["lead-1"]) == {"rouge_1", "rouge_2", "rouge_l"}
    assert 0 <= scores["systems"]["briefing"]["recall@10"] <= 1


def test_eval_scores_a_predictions_file_like_its_own_run(tmp_path):
    data = _write_rows(tmp_path / "d.jsonl", ROWS)
    out = tmp_path / "out.jsonl"
    out.write_text(CliRunner().invoke(cli, ["summarize", str(data), "-f", "jsonl", "-n", "1"]).output, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(data), "-f", "json", "--predictions", str(out), "--no-textrank4zh"])
    systems = json.loads(result.output)["systems"]
    assert systems["predictions"] == systems["briefing"]


def test_withheld_titles_are_never_seen_by_the_summarizer(tmp_path):
    from briefing.jobs.evaluate import read_cases

    data = _write_rows(tmp_path / "d.jsonl", ROWS)
    withheld, given = read_cases(str(data), withhold_titles=True), read_cases(str(data))
    assert withheld[0].article.title == "" and given[0].article.title == "区里召开项目推进会"
    assert withheld[1].article.title == "樱桃沟发展旅游"  # not the reference: kept


@pytest.mark.parametrize("row, problem", [
    ({"text": "正文。", "summary": 3}, '"summary" is not a string'),
    ({"text": "正文。", "keywords": "华为"}, '"keywords" is not a list'),
    ({"text": "正文。"}, 'no "summary" or "keywords"'),
    ({"text": 5, "summary": "参考"}, 'no "text" string'),
    ([1, 2], "not a JSON object"),
])
def test_eval_names_a_bad_row_and_scores_the_rest(tmp_path, row, problem):
    data = _write_rows(tmp_path / "d.jsonl", [ROWS[0], row])
    result = CliRunner().invoke(cli, ["eval", str(data), "-f", "json", "--no-textrank4zh"])
    assert result.exit_code == 1 and "d.jsonl:2" in result.stderr and problem in result.stderr
    assert json.loads(result.stdout)["rows"] == 1


def test_eval_command_names_a_bad_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(bad)])
    assert result.exit_code == 1 and "bad.jsonl" in result.output
