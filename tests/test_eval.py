"""Character ROUGE against hand-computed values, keyword recall, and the `briefing eval` command."""
import json

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.evaluate import char_tokens, keyword_recall, lcs_length, rouge, rouge_l, rouge_n, title_withheld


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


def test_eval_command_prints_a_table(tmp_path):
    data = tmp_path / "d.jsonl"
    rows = [{"id": "1", "title": "区里召开项目推进会", "summary": "区里召开项目推进会",
             "text": "本报讯 近日,区里召开重点项目推进会。会议听取了项目进展汇报。会议要求加快推进项目建设。"},
            {"id": "2", "title": "樱桃沟发展旅游", "keywords": ["樱桃沟"],
             "text": "樱桃沟景区发展乡村旅游。樱桃沟的民宿很受欢迎。"}]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(data), "--no-textrank4zh"])
    assert result.exit_code == 0, result.output
    assert "| ours |" in result.output and "| lead-1 |" in result.output and "recall@10" in result.output


def test_eval_command_names_a_bad_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(bad)])
    assert result.exit_code == 1 and "bad.jsonl" in result.output


def test_textrank4zh_column_is_skipped_when_its_adapter_is_missing(monkeypatch):
    import briefing.evaluate as evaluate

    monkeypatch.setattr(evaluate, "_tr4zh", lambda: None)
    summarizers, keyworders = evaluate.builtin_systems(1)
    assert list(summarizers) == ["ours", "lead-1"] and list(keyworders) == ["ours"]


def test_on_real_headlines_ours_is_not_worse_than_lead_1():
    from briefing.evaluate import builtin_systems, evaluate, read_rows

    from .helpers import SHARED

    path = SHARED / "eval" / "news_headlines.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (research data, never copied into the repo)")
    summarizers, keyworders = builtin_systems(1)
    summarizers.pop("textrank4zh", None)
    table = evaluate(read_rows(str(path))[:200], 1, summarizers, keyworders)
    assert table["ours"]["rouge"][2] > table["lead-1"]["rouge"][2]
