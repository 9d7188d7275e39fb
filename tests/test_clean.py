"""Site furniture out of web text before ranking; restated headlines; break repair of web records."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.read.clean import is_furniture, original_title, restates, unmark, web_lines
from briefing.read.ingest import read_jsonl


@pytest.mark.parametrize("line", [
    "[] [] [ 京公网安备：110105000001-1] [] 总机：86-10-12345678",
    "本网站所刊载信息，不代表本网观点。刊用本网站稿件，务经书面授权。",
    "未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。",
    "Copyright © 2024 青溪新闻网 All Rights Reserved",
    "京ICP备12345678号",
    "责任编辑：王小明", "(编辑：李四 张三)", "编辑 于音 校对 李世辉",
    "总机：0571-12345678", "投稿邮箱：news@example.com",
    "关键词：青溪 招商 项目",
    "【我要纠错】责任编辑：赵六",
    "扫码关注青溪发布", "欢迎关注我们的公众号", "长按识别二维码",
    "图为签约现场。", "资料图：区政府大楼。", "▲青溪湖夜景", "图片来源：网络",
    "活动现场一角。本报记者 王海 摄",
    "首页", "|", "字号：默认", "超大", "打印", "相关稿件", "2025-11-13 18:26", "来源：", "来源：青溪日报",
    "function goSearch(event) {", "var e = window.event || event;", "}", "if(e.preventDefault){",
    ".TRS_Editor P{margin-top:0}", "url = '//search.example.cn/s?code=17da&word=' + s;",
])
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "会议要求，各部门要压实责任，加快推进项目建设。",
    "据介绍，该视频在网上被多家媒体转载，引发广泛关注。",  # 转载 and 关注 in prose
    "特朗普最近在与他通电话时表示，将推动双边合作。",
    "他强调要加强版权保护，打击盗版行为。",
    "【备受关注】",  # a sub-heading, not furniture
    "解说：",
    "2024年青溪区地区生产总值增长6.5%。",
    "记者从区商务局获悉，今年以来全区新签约项目32个。",
])
def test_prose_is_not_furniture(line):
    assert not is_furniture(line)


def test_html_residue_is_unmarked():
    assert unmark("&nbsp;&nbsp;资料图：特朗普。&nbsp;<br />正文") == "  资料图：特朗普。 \n正文"
    assert unmark("<p>第一段</p><p>第二段</p>").split() == ["第一段", "第二段"]


def test_web_lines_drop_furniture_and_split_spaced_paragraphs():
    text = ("<br />关键词：青溪 招商\n第一段正文，介绍项目。  第二段正文，说明进展。\n"
            "责任编辑：王小明\n[] [] [ 京公网安备：110105000001-1] [] 总机：86-10-12345678")
    assert web_lines(text) == ["第一段正文，介绍项目。", "第二段正文，说明进展。"]


def test_original_title_line():
    title, rest = original_title(["原标题：青溪区召开项目推进会", "本报讯 会议召开。"])
    assert title == "青溪区召开项目推进会" and rest == ["本报讯 会议召开。"]


@pytest.mark.parametrize("line, title, expected", [
    ("美国：小型飞机坠毁", "中新网-视频-美国：小型飞机坠毁  飞行员奇迹生还", True),
    ("题：旅美大熊猫“宝宝”即将回国", "旅美大熊猫“宝宝”即将回国 美民众不舍送祝福", True),
    ("青溪区召开重点项目推进会。", "青溪区召开重点项目推进会", True),
    ("青溪区召开重点项目推进会，听取全区42个重点项目建设进展情况汇报。", "青溪区召开重点项目推进会", False),
    ("会议要求加快推进。", "青溪区召开重点项目推进会", False),
    ("推进会", "青溪区召开重点项目推进会", False),  # too short to say
    ("任何一句话。", "", False),
])
def test_restatements_of_the_headline(line, title, expected):
    assert restates(line, title) is expected


def _record(**fields) -> bytes:
    return (json.dumps(fields, ensure_ascii=False) + "\n").encode("utf-8")


def test_a_web_record_keeps_its_title_and_keyword_lines_apart_from_the_body():
    data = _record(id="1", title="青溪区发布招商新政",
                   text="青溪区发布招商新政\n关键词：青溪 招商\n区政府近日发布招商引资新政策，对重点项目给予奖励。\n"
                        "政策自发布之日起施行。\n本网站所刊载信息，不代表本网观点。")
    (article,) = read_jsonl(data, "web.jsonl")
    assert article.title == "青溪区发布招商新政"
    assert article.paragraphs == ("区政府近日发布招商引资新政策，对重点项目给予奖励。", "政策自发布之日起施行。")


def test_a_short_heading_line_is_not_glued_to_the_next_line_but_a_long_cut_line_is():
    long_cut = "区政府近日召开常务会议，研究部署今冬明春安全生产、森林防火和农村饮水安全等多项重点工作，要求各部门"
    data = _record(id="2", title="", text=f"青溪区安全生产会议\n{long_cut}\n压实责任，确保安全。")
    (article,) = read_jsonl(data, "web.jsonl")
    assert article.paragraphs == ("青溪区安全生产会议", long_cut + "压实责任，确保安全。")


def test_original_title_becomes_a_missing_title():
    data = _record(id="3", text="原标题：青溪湖湿地公园开园\n青溪湖湿地公园昨日正式开园，首日接待游客两万人次。")
    (article,) = read_jsonl(data, "web.jsonl")
    assert article.title == "青溪湖湿地公园开园"
    assert article.paragraphs == ("青溪湖湿地公园昨日正式开园，首日接待游客两万人次。",)


def test_a_record_of_furniture_only_gives_no_summary_through_the_command(tmp_path):
    """A 中新网-style video stub: the headline again, keywords, copyright: nothing to summarize."""
    path = tmp_path / "stub.jsonl"
    path.write_bytes(_record(id="4", title="中新网-视频-青溪：湿地公园开园", text=(
        "青溪：湿地公园开园<br />关键词：青溪 湿地\n本网站所刊载信息，不代表本网观点。 刊用本网站稿件，务经书面授权。\n"
        "未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。\n[] [] [ 京公网安备：110105000001-1] [] 总机：86-10-1234")))
    result = CliRunner().invoke(cli, ["summarize", str(path), "-f", "jsonl", "-n", "1"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["summary"] == [] and record["paragraphs"] == []


def test_a_navigation_page_with_script_gives_no_sentence(tmp_path):
    nav = "\n".join(["首页", "|", "登录", "个人中心", "退出", "|", "邮箱", "function goSearch(event) {",
                     "var e = window.event || event;", "if(e.preventDefault){", "e.preventDefault();", "}", "}"])
    path = tmp_path / "nav.jsonl"
    path.write_bytes(_record(id="5", title="青溪区领导会见客商", text=nav + "\n区委书记会见了来访客商，双方就合作进行交流。"))
    result = CliRunner().invoke(cli, ["summarize", str(path), "-f", "jsonl", "-n", "1"])
    record = json.loads(result.output)
    assert record["paragraphs"] == ["区委书记会见了来访客商，双方就合作进行交流。"]
    assert record["summary"] == ["区委书记会见了来访客商，双方就合作进行交流。"]


@pytest.mark.parametrize("lines, first", [
    (["青溪区向志愿者致以节日问候新华社北京12月1日电 今天是国际志愿者日。"], "新华社北京12月1日电 今天是国际志愿者日。"),
    (["新华社东城3月2日电\u3000题：携手共进\u3000再谱新篇\u3000两地合作又结新果。"], "新华社东城3月2日电 两地合作又结新果。"),
    (["湖边的游客（资料）。新华社记者 王小明 摄\u3000\u3000秋日的青溪湖畔游人如织。"], "湖边的游客（资料）。 秋日的青溪湖畔游人如织。"),
    (["今天是国际志愿者日。新华社记者了解到，活动很多。"], "今天是国际志愿者日。新华社记者了解到，活动很多。"),  # no dateline: kept
])
def test_a_glued_headline_series_title_and_photo_credit_are_taken_off(lines, first):
    from briefing.read.clean import unglue_lead

    assert unglue_lead(lines)[0] == first


@pytest.mark.parametrize("sentence, alone", [
    ("二是深化互利合作，拉紧利益纽带。", False), ("一是加强战略沟通，夯实互信根基。", True),
    ("本台今天起推出系列报道《活力青溪》，今天来看东城街道。", False), ("青溪区召开重点项目推进会。", True),
])
def test_sentences_that_cannot_stand_alone(sentence, alone):
    from briefing.read.clean import not_alone

    assert not_alone(sentence) is not alone


def test_a_record_with_a_glued_headline_summarizes_from_its_lead(tmp_path):
    from briefing import Options, summarize

    text = ("青溪区向志愿者致以节日问候祝大家身体健康新华社北京12月1日电 今天是国际志愿者日，青溪区举行志愿服务表彰活动。"
            "区委书记周远山为优秀志愿者颁奖。二是完善志愿服务激励机制。")
    (result,) = summarize(text, Options(sentences=3))
    assert not any("身体健康新华社" in s or s.startswith("二是") for s in result.summary)
