"""涉我报道: a watched name counts as a word or inside a longer name, never inside another word; +must and
!exclude; the counts per paper; the report in .md, .docx and .json, and the section of the brief."""
import json
import random
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefing.brief.watch import clip, default_tagger, describe, find_hits, mentions, paper_counts
from briefing.cli import cli
from briefing.config import WatchEntry, parse_config
from briefing.errors import ConfigError
from briefing.models import Article
from briefing.render.json import brief_from_dict, brief_to_dict

WATCH = ["二七区", "樊惠林 +二七区 !退休", "惠济", "上街"]

# A week of two papers, written for this test: what must be found and what must not.
RECORDS = [
    dict(id="a", paper="郑州日报", page="01", date="2024-05-14", title="二七区人民医院胸痛中心通过国家认证",
         text="本报讯（记者 李文静）5月13日，记者从市卫健委获悉，二七区人民医院胸痛中心顺利通过国家级认证，"
              "成为今年全市第三家通过认证的区级医院。据介绍，该中心去年以来累计救治急性胸痛患者1200余例。"),
    dict(id="b", paper="郑州日报", page="03", date="2024-05-14", title="市区商超开展让利活动",
         text="本报讯 连日来，市区多家商超联合开展优惠济困活动，为困难群众发放购物券2万余张。活动将持续至5月底，"
              "各商超还设立了爱心专柜。"),
    dict(id="c", paper="河南日报", page="05", date="2024-05-15", title="郑州老城区更新提速",
         text="本报讯 今年以来，郑州市加快推进老城区有机更新，一批老旧小区换了新颜。二七区委书记樊惠林介绍，"
              "今年全区将完成12个老旧小区改造，惠及居民8000余户。"),
    dict(id="d", paper="郑州日报", page="02", date="2024-05-16", title="百名志愿者宣传垃圾分类",
         text="本报讯 5月15日，百余名志愿者走上街头，向市民宣传垃圾分类知识。樊惠林在活动现场为志愿者代表授旗，"
              "勉励大家当好文明风尚的传播者。"),
    dict(id="e", paper="河南日报", page="06", date="2024-05-17", title="老干部为发展建言献策",
         text="本报讯 5月16日，二七区老干部局组织退休干部座谈，听取对城市更新工作的意见建议。樊惠林出席并讲话，"
              "感谢老同志对全区工作的关心支持。"),
    dict(id="f", paper="郑州日报", page="01", date="2024-05-16", title="区委理论学习中心组举行专题学习",
         text="本报讯 5月15日，二七区委理论学习中心组围绕优化营商环境举行专题学习，与会同志结合分管工作"
              "作了交流发言。"),
    dict(id="g", paper="郑州日报", page="04", date="2024-05-17", title="一批便民服务事项实现就近办",
         text="本报讯 记者5月16日从二七区人民政府获悉，该区37项高频便民服务事项下沉至街道办理，群众办事"
              "平均少跑两次。"),
]


def articles(records=RECORDS):
    return [Article(title=r["title"], paragraphs=(r["text"],), date=r["date"], id=r["id"], paper=r["paper"],
                    page=r["page"], index=n) for n, r in enumerate(records)]


def entries(lines=WATCH):
    return parse_config({"watch": lines}, Path("briefing.toml")).watch


@pytest.fixture(scope="module")
def tag():
    return default_tagger()


@pytest.mark.parametrize("text, word, found", [
    ("二七区人民医院胸痛中心正式启用。", "二七区", ["二七区"]),          # inside a longer name
    ("二七区委书记樊惠林主持会议。", "二七区", ["二七区"]),              # 二七|区委书记: the 区委 of 二七区
    ("郑州市二七区召开重点项目推进会。", "二七区", ["二七区"]),
    ("金水区文化路街道开展义诊。", "金水", ["金水"]),                    # the head of a longer place name
    ("据樊惠林介绍，项目已开工。", "樊惠林", ["樊惠林"]),
    ("商超开展优惠济困活动。", "惠济", []),                            # 优惠|济困: inside another word
    ("志愿者走上街头宣传。", "上街", []),                              # 走上|街头
    ("上街区召开安全生产会议。", "上街", ["上街"]),
    ("高新技术企业数量增长。", "高新", []),                            # a longer word, not a name
    ("含金水平不断提高。", "金水", []),
    ("森林峰会在京召开。", "林峰", []),
    ("副区长林峰出席。", "林峰", ["林峰"]),
])
def test_a_word_counts_alone_or_heading_a_longer_name_never_inside_another_word(tag, text, word, found):
    assert [text[a:b] for a, b in mentions(text, word, tag)] == found


def test_the_articles_that_name_a_watched_word_and_only_those(tag):
    hits = find_hits(articles(), entries(), tag)
    assert [h.id for h in hits] == ["a", "c", "f", "e", "g"]  # by date, paper, 版次
    by_id = {h.id: h for h in hits}
    assert by_id["a"].words == ("二七区",)
    assert by_id["c"].words == ("二七区", "樊惠林")  # 樊惠林 with 二七区 (+must) in the same article
    assert by_id["e"].words == ("二七区",)  # 樊惠林 is ruled out by !退休, 二七区 still counts
    for hit in hits:
        assert all(hit.sentence[a:b] in ("二七区", "樊惠林") for a, b in hit.marks) and hit.marks
    c = by_id["c"]
    assert c.sentence.startswith("二七区委书记樊惠林介绍") and [c.sentence[a:b] for a, b in c.marks] == ["二七区", "樊惠林"]
    a = by_id["a"]
    assert (a.paper, a.page, a.date, a.title) == ("郑州日报", "01", "2024-05-14", "二七区人民医院胸痛中心通过国家认证")
    assert a.sentence.startswith("5月13日，记者从市卫健委获悉")  # the dateline 本报讯（记者 …） is not shown
    assert paper_counts(hits) == (("郑州日报", 3), ("河南日报", 2))


def test_must_and_exclude_words(tag):
    only_with = entries(["樊惠林 +二七区"])
    assert [h.id for h in find_hits(articles(), only_with, tag)] == ["c", "e"]  # d names 樊惠林 without 二七区
    assert [h.id for h in find_hits(articles(), entries(["樊惠林 +二七区 !退休"]), tag)] == ["c"]
    assert [h.id for h in find_hits(articles(), entries(["樊惠林"]), tag)] == ["c", "d", "e"]
    assert describe(entries(["樊惠林 +二七区 ！退休"])[0]) == "樊惠林（同时提及二七区；不含退休）"


def test_same_input_same_output_whatever_the_order(tag):
    shuffled = RECORDS[:]
    random.Random(7).shuffle(shuffled)
    assert find_hits(articles(shuffled), entries(), tag) == find_hits(articles(), entries(), tag)
    assert find_hits(articles(), (), tag) == ()


def test_a_headline_is_the_sentence_when_the_body_does_not_name_it(tag):
    article = Article(title="樊惠林调研二七区重点项目", paragraphs=("本报讯 5月14日，区领导深入项目现场调研。",),
                      date="2024-05-14")
    (hit,) = find_hits([article], entries(["樊惠林"]), tag)
    assert hit.sentence == "樊惠林调研二七区重点项目" and hit.marks == ((0, 3),) and hit.paper == "本报"


def test_a_long_sentence_is_cut_around_its_mention():
    sentence = "甲" * 200 + "二七区" + "乙" * 200
    cut, marks = clip(sentence, ((200, 203),))
    assert len(cut) <= 152 and cut.startswith("…") and cut.endswith("…")
    assert [cut[a:b] for a, b in marks] == ["二七区"]


@pytest.mark.parametrize("value, said", [
    ("二七区", "watch must be a list of strings"),
    (["+二七区"], "names no word to find"),
    (["樊惠林 +"], "'+' is too short"),
    (["区"], "'区' is too short"),
    ([3], "watch must be a list of strings"),
])
def test_a_bad_watch_line_is_one_error_naming_the_key(value, said):
    with pytest.raises(ConfigError) as error:
        parse_config({"watch": value}, Path("briefing.toml"))
    assert said in str(error.value) and "watch" in str(error.value) and "\n" not in str(error.value)


def test_the_entries_parse():
    assert entries(["樊惠林 樊书记 +二七区 ＋郑州 !退休"]) == (
        WatchEntry(("樊惠林", "樊书记"), ("二七区", "郑州"), ("退休",)),)
    assert parse_config({}, Path("briefing.toml")).watch == ()


# --- the command ---

def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("watch")
    (folder / "week.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                                       encoding="utf-8")
    config = folder / "briefing.toml"
    config.write_text('unit = "二七区委办公室"\nwatch = ["二七区", "樊惠林 +二七区 !退休", "惠济", "上街"]\n',
                      encoding="utf-8")
    return folder


def test_the_report_in_markdown(inputs, tmp_path):
    out = tmp_path / "涉我报道.md"
    result = run("watch", inputs / "week.jsonl", "-o", out, "--config", inputs / "briefing.toml")
    assert result.exit_code == 0, result.output
    assert "5 of 7 articles name a watched word (郑州日报 3，河南日报 2)" in result.output
    text = out.read_text(encoding="utf-8")
    assert "**二七区**人民医院胸痛中心顺利通过国家级认证" in text
    assert "**二七区**委书记**樊惠林**介绍" in text
    assert "涉我报道5篇：郑州日报3篇、河南日报2篇。" in text and "| 郑州日报 | 3 |" in text
    assert "郑州日报　第01版　5月14日" in text
    for absent in ("让利", "垃圾分类", "优惠济困", "走上街头"):
        assert absent not in text


def test_the_report_in_word_has_the_mention_in_bold(inputs, tmp_path):
    out = tmp_path / "涉我报道.docx"
    assert run("watch", inputs / "week.jsonl", "-o", out, "--config", inputs / "briefing.toml").exit_code == 0
    paragraphs = docx.Document(str(out)).paragraphs
    texts = [p.text for p in paragraphs]
    assert texts[0] == "涉我报道" and "涉我报道5篇：郑州日报3篇、河南日报2篇。" in "".join(texts)
    (sentence,) = [p for p in paragraphs if p.text.startswith("二七区委书记樊惠林介绍")]
    assert [r.text for r in sentence.runs if r.bold] == ["二七区", "樊惠林"]
    assert not any(r.bold for r in sentence.runs if r.text not in ("二七区", "樊惠林"))
    assert "（河南日报　第05版　5月15日）" in texts


def test_the_report_as_data_and_for_one_day(inputs, tmp_path):
    out = tmp_path / "watch.json"
    assert run("watch", inputs / "week.jsonl", "-o", out, "--config", inputs / "briefing.toml",
               "--period", "day", "--date", "2024-05-16").exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["start"], data["end"], data["read"]) == ("2024-05-16", "2024-05-16", 2)
    assert [h["id"] for h in data["hits"]] == ["f"] and data["counts"] == [{"paper": "郑州日报", "count": 1}]
    assert data["hits"][0]["marks"] == [[6, 9]] and data["hits"][0]["sentence"].startswith("5月15日，二七区委理论学习")


def test_a_bad_or_missing_watch_list_is_one_line(inputs, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('watch = "二七区"\n', encoding="utf-8")
    result = run("watch", inputs / "week.jsonl", "-o", tmp_path / "x.md", "--config", bad)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "watch must be a list" in result.stderr
    none = tmp_path / "none.toml"
    none.write_text('unit = "二七区委办公室"\n', encoding="utf-8")
    result = run("watch", inputs / "week.jsonl", "-o", tmp_path / "x.md", "--config", none)
    assert result.exit_code == 1 and "no watch words" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "x.md").exists()
    assert run("watch", inputs / "week.jsonl", "-o", tmp_path / "x.txt").exit_code == 2


def test_the_brief_carries_the_hits_and_its_json_round_trips(inputs, tmp_path):
    out = tmp_path / "brief.json"
    assert run("brief", inputs / "week.jsonl", "-o", out, "--config", inputs / "briefing.toml").exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [h["id"] for h in data["watch"]] == ["a", "c", "f", "e", "g"]
    assert brief_to_dict(brief_from_dict(data)) == data


def test_a_layout_page_url_is_fetched_then_watched(tmp_path, monkeypatch):
    pytest.importorskip("httpx")
    pytest.importorskip("tenacity")
    import functools

    from briefing.cli import watch as command

    from .test_fetch_mock import CLASSIC, Server, Site, classic_day

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(command, "fetch_inputs", functools.partial(command.fetch_inputs, delay=0.01))
    config = tmp_path / "briefing.toml"
    config.write_text('watch = ["周明远 +开工", "经开区"]\n', encoding="utf-8")
    server = Server(Site())
    try:
        classic_day(server.site)
        out = tmp_path / "day.json"
        result = run("watch", server.url(CLASSIC + "node_2.htm"), "--fetch-dir", tmp_path / "f", "--period", "day",
                     "-o", out, "--config", config)
    finally:
        server.close()
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    # the story printed on 01版 and again on 02版 is two articles naming the words; no other article names them
    assert [(h["id"], h["page"], h["words"]) for h in data["hits"]] == [
        ("4101", "01", ["周明远", "经开区"]), ("4105", "02", ["周明远", "经开区"])]
    assert data["read"] == 6 and data["start"] == "2024-03-12"


def test_an_input_that_is_not_there_is_its_own_line_only(inputs, tmp_path):
    result = run("watch", tmp_path / "missing.jsonl", "-o", tmp_path / "x.md", "--config", inputs / "briefing.toml")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "missing.jsonl" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_the_watch_part_goes_after_the_leaders_before_keywords_and_the_list():
    from briefing.models import Brief
    from briefing.render.printed import Part
    from briefing.render.watch import with_watch

    hit = find_hits(articles()[:1], entries(), default_tagger())
    brief = Brief(title="每周要情", issue="20", unit="", period="week", start="2024-05-13", end="2024-05-19", watch=hit)
    kinds = lambda parts: [p.kind for p in parts]  # noqa: E731
    parts = [Part(k, k, None) for k in ("highlights", "section", "leaders", "keywords", "more")]
    assert kinds(with_watch(parts, brief)) == ["highlights", "section", "leaders", "watch", "keywords", "more"]
    assert kinds(with_watch(parts[:3], brief)) == ["highlights", "section", "leaders", "watch"]
    assert kinds(with_watch([parts[1], parts[4]], brief)) == ["section", "watch", "more"]
    assert with_watch(parts, Brief(title="t", issue="1", unit="", period="week", start="2024-05-13",
                                   end="2024-05-19")) == parts


# --- the brief's 涉我报道 part ---

@pytest.fixture(scope="module")
def brief_outputs(inputs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("brief")
    for suffix in ("md", "docx", "json"):
        result = run("brief", inputs / "week.jsonl", "-o", folder / f"brief.{suffix}", "--config", inputs / "briefing.toml")
        assert result.exit_code == 0, result.output
    return folder


def test_the_brief_prints_its_watch_part_after_the_leaders_in_markdown(brief_outputs):
    text = (brief_outputs / "brief.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert "## 涉我报道" in headings
    at = headings.index("## 涉我报道")
    assert all(not h.startswith(("## 本期关键词", "## 附")) for h in headings[:at])
    assert "## 领导活动" not in headings[at:]
    part = text.split("## 涉我报道", 1)[1].split("\n## ", 1)[0]
    assert "涉我报道5篇：郑州日报3篇、河南日报2篇。" in part
    assert "**二七区**人民医院胸痛中心顺利通过国家级认证" in part
    assert "\n2. 郑州老城区更新提速（河南日报　第05版　5月15日）：**二七区**委书记**樊惠林**介绍" in part
    assert "优惠济困" not in part and "走上街头" not in part


def test_the_brief_prints_its_watch_part_in_word_with_the_mentions_in_bold(brief_outputs):
    paragraphs = docx.Document(str(brief_outputs / "brief.docx")).paragraphs
    heads = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    at = heads.index("涉我报道")
    assert all(not h.startswith(("本期关键词", "附")) for h in heads[:at]) and "领导活动" not in heads[at:]
    texts = [p.text for p in paragraphs]
    assert "涉我报道5篇：郑州日报3篇、河南日报2篇。" in texts
    line = "2．郑州老城区更新提速（河南日报　第05版　5月15日）：二七区委书记樊惠林介绍"
    (listed,) = [p for p in paragraphs if p.text.startswith(line)]
    assert [r.text for r in listed.runs if r.bold] == ["二七区", "樊惠林"]


def test_a_brief_without_watch_words_has_no_watch_part(inputs, tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text('unit = "二七区委办公室"\n', encoding="utf-8")
    for suffix in ("md", "json"):
        assert run("brief", inputs / "week.jsonl", "-o", tmp_path / f"b.{suffix}", "--config", config).exit_code == 0
    assert "涉我报道" not in (tmp_path / "b.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["watch"] == []


def test_the_watch_part_follows_the_leaders_of_the_seed_week(tmp_path):
    from .helpers import REPO, SEEDS

    config = tmp_path / "briefing.toml"
    sample = (REPO / "docs" / "samples" / "briefing.toml").read_text(encoding="utf-8")
    config.write_text('watch = ["青溪经开区", "柳湾街道"]\n' + sample, encoding="utf-8")
    assert run("brief", SEEDS, "-o", tmp_path / "week.md", "--config", config).exit_code == 0
    headings = [line for line in (tmp_path / "week.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")]
    assert headings.index("## 涉我报道") == headings.index("## 领导活动") + 1
    assert "**青溪经开区**" in (tmp_path / "week.md").read_text(encoding="utf-8")
