"""The quote-aware sentence splitter: one table per rule."""
import pytest

from briefing.read.text import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("今天开会。明天出发！真的吗？", ["今天开会。", "明天出发！", "真的吗？"]),
    ("Stop here. Then go! Why?", ["Stop here.", "Then go!", "Why?"]),
    ("他说等一下……然后走了。", ["他说等一下……", "然后走了。"]),
    ("真的吗？！好的。", ["真的吗？！", "好的。"]),
])
def test_terminators_end_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("他说：“我们要努力。”随后离开。", ["他说：“我们要努力。”", "随后离开。"]),
    ("（此前已签约。）项目开工。", ["（此前已签约。）", "项目开工。"]),
    ("「好。」他答。", ["「好。」", "他答。"]),
    ("主题是‘奋斗。’会议结束。", ["主题是‘奋斗。’", "会议结束。"]),
])
def test_closing_marks_stay_with_their_sentence(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("他强调：“要抓落实。要见实效。”会议结束。", ["他强调：“要抓落实。要见实效。”", "会议结束。"]),
    ("“未闭合的引号。第二句。", ["“未闭合的引号。", "第二句。"]),
])
def test_quotes_hold_sentences_together_when_balanced(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("第一句。最后一句没有标点", ["第一句。", "最后一句没有标点"]),
    ("只有一句没有标点", ["只有一句没有标点"]),
])
def test_last_clause_without_punctuation_is_kept(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", [
    "一是抓项目;二是抓服务；三是抓落实,四是抓作风，五是抓安全。",
    "建设道路、桥梁,完善配套设施。",
])
def test_semicolons_and_commas_do_not_end_sentences(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize("text, expected", [
    ("纳税1.57亿元以上。", ["纳税1.57亿元以上。"]),
    ("增长3.5%,达到12.8万人。", ["增长3.5%,达到12.8万人。"]),
    ("版本v2.0发布。", ["版本v2.0发布。"]),
])
def test_decimal_points_never_split(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("第一段。\n第二段没有句号\n第三段。", ["第一段。", "第二段没有句号", "第三段。"]),
    ("", []),
    ("   \n  ", []),
    ("。。。", ["。。。"]),
])
def test_lines_and_degenerate_input(text, expected):
    assert split_sentences(text) == expected
