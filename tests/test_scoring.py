"""Sentence selection, keywords and degenerate input, on real text and by name."""
import numpy as np
import pytest

from briefing.api import read_articles
from briefing.models import Article, Options
from briefing.analyze.idf import IdfTable, idf_table, parse_idf
from briefing.analyze.scoring import select, summarize_article

from .helpers import SEEDS, real_page


def _articles(path):
    return list(read_articles(str(path)))


@pytest.mark.parametrize("page", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_summary_is_an_ordered_subset_without_leads(page):
    for article in _articles(page):
        summary = summarize_article(article, Options(sentences=2)).summary
        assert 1 <= len(summary) <= 2
        positions = [article.text.find(s[-8:]) for s in summary]  # openers may be cut from the front
        assert all(p >= 0 for p in positions) and positions == sorted(positions)
        assert not any(s.startswith(("本报讯", "（记者", "本报记者", "记者 ")) for s in summary)


def test_real_page_summaries_keywords_and_budget():
    articles = _articles(real_page())
    first = summarize_article(articles[0], Options(sentences=1))
    assert "樊惠林" in first.summary[0] and not first.summary[0].startswith("本报讯")
    words = [k.word for k in first.keywords]
    assert "招商" in words and "樊惠林" in words
    budgeted = summarize_article(articles[3], Options(sentences=3, max_chars=120)).summary
    assert sum(map(len, budgeted)) <= 120


def test_keywords_favour_the_title_and_merge_phrases():
    article = Article(title="樱桃沟景区发展乡村旅游",
                      paragraphs=("樱桃沟景区发展乡村旅游。樱桃沟景区的民宿很受欢迎。游客到樱桃沟景区采摘樱桃。",))
    words = [k.word for k in summarize_article(article).keywords]
    assert words[0] == "樱桃沟景区" and "乡村旅游" in words
    assert "旅游" not in words  # never alone in the text: merged into 乡村旅游


def test_keyword_weights_sum_to_at_most_one():
    article = _articles(SEEDS / "2024-05-13.txt")[0]
    weights = [k.weight for k in summarize_article(article, Options(keywords=100)).keywords]
    assert all(w >= 0 for w in weights) and sum(weights) == pytest.approx(1.0, abs=1e-3)


def test_mmr_skips_a_repeated_sentence():
    sentences = ("区里召开项目推进会。", "区里召开项目推进会。", "会议要求加快学校建设。")
    tokens = (("区里", "召开", "项目", "推进会"),) * 2 + (("会议", "要求", "学校", "建设"),)
    assert select(np.array([0.5, 0.4, 0.3]), sentences, 2, None, tokens) == [sentences[0], sentences[2]]


def test_budget_smaller_than_every_sentence_cuts_the_best():
    (only,) = select(np.array([1.0, 0.5]), ("一二三四五六七八九十。", "甲乙丙丁戊己庚辛壬癸。"), 1, max_chars=6)
    assert only == "一二三四五…"


@pytest.mark.parametrize("paragraphs", [(), ("只有一句没有标点",), ("，。！",), ("的了是在。",)],
                         ids=["empty", "one-sentence", "punctuation-only", "all-stop-words"])
def test_degenerate_articles(paragraphs):
    result = summarize_article(Article(title="", paragraphs=paragraphs), Options(sentences=3, keywords=50))
    assert len(result.summary) <= 1 and len(result.keywords) <= 50


def test_idf_table_is_loaded_once_from_jieba():
    table = idf_table()
    assert idf_table() is table and len(table) > 100000 and 5 < table.median < 15
    assert table.get("的") < table.get("中国") < table.get("产业园") < table.median == table.get("樊惠林")


def test_idf_lookup_agrees_with_a_dict():
    text = "中国 2.5\n中国 3.0\n乡村振兴 9.5\n长长长长长长长长长长长长长长长长长长长长 12.0\n无值\n园区 7.25\n"
    expected = parse_idf(text)
    table = IdfTable.from_dict(expected)
    assert expected["中国"] == 3.0 and "无值" not in expected  # the last value wins; lines without one are skipped
    words = ["中国", "园区", "乡村", "乡村振兴", "", "长长长长长长长长长长长长长长长长长长长长", "长长长长长长长长长长长长长长长长长长长长长",
             "中", "园区A", "\uffff"]
    assert table.lookup(words).tolist() == [expected.get(w, table.median) for w in words]
    assert table.median == (7.25 + 9.5) / 2 and table.lookup([]).shape == (0,)
    assert IdfTable.from_dict({}).lookup(["中国"]).tolist() == [1.0]


def test_idf_cache_round_trips(tmp_path):
    from briefing.analyze import idf

    table = IdfTable.from_dict({"中国": 3.0, "园区": 7.25})
    idf._write(tmp_path / "t.bin", table)
    (tmp_path / "idf-old.npz").write_bytes(b"an older table")
    idf._write(tmp_path / "idf-new.bin", table)
    assert sorted(p.name for p in tmp_path.glob("idf-*")) == ["idf-new.bin"]  # the older table is gone
    again = idf._read(tmp_path / "t.bin")
    assert again.words.flags.aligned and again.values.flags.aligned  # misaligned arrays are 4x slower
    assert again.lookup(["园区", "中国", "x"]).tolist() == [7.25, 3.0, table.median]
    whole = (tmp_path / "t.bin").read_bytes()
    (tmp_path / "cut.bin").write_bytes(whole[:-3])  # a file cut short is not read as a table
    (tmp_path / "bad.bin").write_bytes(b"something else")
    (tmp_path / "empty.bin").write_bytes(b"")  # an empty file cannot even be mapped
    assert all(idf._read(tmp_path / name) is None for name in ("cut.bin", "bad.bin", "empty.bin", "missing.bin"))
    idf._write(tmp_path / "t.bin", IdfTable.from_dict({"中国": 4.0}))  # replaced while the first is still mapped
    assert again.lookup(["园区"]).tolist() == [7.25] and idf._read(tmp_path / "t.bin").lookup(["中国"]).tolist() == [4.0]



def test_candidates_take_mistagged_names_and_model_names_but_not_quantities():
    from briefing.analyze.analysis import _is_candidate

    # the tagger's numeral and classifier tags on names it does not know; quantities and common words stay out
    assert _is_candidate("红米", "q") and _is_candidate("两会", "m") and _is_candidate("一千零一夜", "m")
    assert not any(_is_candidate(w, f) for w, f in [("三斤", "m"), ("那艘", "m"), ("两百个", "m"), ("很多", "m"),
                                                     ("今日", "t"), ("2019年", "t")])
    # Latin tokens: model and standard names with digits are names, a number with a unit is a measure
    assert all(_is_candidate(w, "eng") for w in ("s10", "note7", "5g", "50etf", "apex"))
    assert not any(_is_candidate(w, "eng") for w in ("8gb", "4000mah", "7nm", "2019", "x"))


def test_keywords_rejoin_a_split_name_and_keep_a_name_inside_a_phrase():
    article = Article(title="儿童医院扩建门诊", paragraphs=(
        "院长姚洪武介绍，医院今年扩建儿科门诊。姚洪武表示，门诊将延长时间。记者了解到，姚洪武从医二十年。",
        "新款红米手机发布，红米系列销量上涨，支持5g网络和8gb内存。",
        "玩家在apex英雄里组队，apex英雄的新赛季开启。"))
    weights = {k.word: k.weight for k in summarize_article(article, Options(keywords=20)).keywords}
    words = list(weights)
    # 姚 alone is no word: a piece of the name, which counts twice the given name (itself a name, kept)
    assert "姚洪武" in words[:5] and weights["姚洪武"] > 1.5 * weights["洪武"]
    assert "红米" in words and "5g" in words and "8gb" not in words
    assert "apex" in words and "apex英雄" in words  # a name stays a keyword though always in the phrase
