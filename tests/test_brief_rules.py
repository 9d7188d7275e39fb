"""The rules of a forwardable brief on invented text: junk, one story one item, sections, dates, sources, length."""
import dataclasses
import datetime as dt
import json

import docx
import pytest
from click.testing import CliRunner

from briefing.brief.build import build_brief
from briefing.brief.stories import duplicate_groups
from briefing.brief.periods import period_of
from briefing.brief.sections import section_of
from briefing.cli import cli
from briefing.config import BriefConfig, default_lexicon, load_config
from briefing.errors import ConfigError
from briefing.brief.items import display_title, event_date, highlight_text, source_name
from briefing.models import Article, BriefItem
from briefing.analyze.scoring import summarize_article
from briefing.brief.select import choose, prepare

from .helpers import write_jsonl

BODY = "区里召开专题会议，研究部署近期重点工作。会议强调，要压实责任、狠抓落实，确保各项任务按期完成。"
NAV = ("首页|简|繁|EN|登录个人中心退出|邮箱|无障碍",
       "function goSearch(event) {var e = window.event || event;", "if(e.preventDefault){e.preventDefault();", "}")


def article(title, text=BODY, date="2025-03-12", source="news.jsonl", id=None, subtitle=None, **more):
    return Article(title=title, paragraphs=tuple(p for p in text.split("\n") if p), subtitle=subtitle, date=date,
                   source=source, id=id, **more)


def test_navigation_and_script_records_are_dropped_and_furniture_removed():
    junk = article("云州市领导会见来宾", "\n".join(NAV))
    furnished = article("云州市召开防汛工作会议", "云州市召开防汛工作会议2025-03-12 08:30来源：\n云州日报字号：默认大超大|打印|"
                        + BODY + "\n【我要纠错】责任编辑：王五相关稿件")
    prepared = prepare([junk, furnished, article("区长调研春耕生产")])
    assert prepared.dropped == (junk,) and len(prepared.kept) == 2
    text = prepared.kept[0].text
    assert text == BODY and "字号" not in text and "责任编辑" not in text


def summaries(*articles):
    return [summarize_article(a) for a in articles]


def groups(found):
    return [[found[i].article.title for i in g] for g in duplicate_groups(found) if len(g) > 1]


def test_one_story_one_item_but_one_roundup_a_day():
    talk = "3月12日，区委书记方立新在区行政中心会见来访的云州职业学院院长一行，双方就校地合作深入交流。"
    found = summaries(
        article("【学习贯彻党代会精神】区宣讲团在各街道各部门宣讲区第十次党代会精神",
                "区宣讲团走进社区和企业。宣讲报告会气氛热烈，群众反响很好。"),
        article("区宣讲团在各街道宣讲区第十次党代会精神", "宣讲团成员来到学校和园区。干部群众认真聆听，纷纷表示受益匪浅。",
                date="2025-03-13"),
        article("方立新会见云州职业学院院长", talk),
        article("方立新会见云州职业学院院长陈明远", talk + "陈明远介绍了学院专业设置情况。", source="other.jsonl"),
        article("许文杰会见云州职业学院院长", talk.replace("区委书记方立新", "区长许文杰").replace("校地合作", "人才培养")),
        article("本区联播快讯", "区图书馆延长开放时间。区里新增公交线路两条，方便群众出行。"),
        article("本区联播快讯", "区图书馆延长开放时间。区里新开一处口袋公园，方便群众休闲。", date="2025-03-13"),
        article("全区运动会第二日产生12枚金牌", "全区运动会继续进行，当天共产生金牌十二枚，各代表队奋勇争先。"),
        article("全区运动会第三日产生15枚金牌", "全区运动会继续进行，当天共产生金牌十五枚，各代表队奋勇争先。"),
    )
    merged = groups(found)
    assert ["【学习贯彻党代会精神】区宣讲团在各街道各部门宣讲区第十次党代会精神", "区宣讲团在各街道宣讲区第十次党代会精神"] in merged
    assert ["方立新会见云州职业学院院长", "方立新会见云州职业学院院长陈明远"] in merged
    assert len(merged) == 2  # not 许文杰's meeting, not the roundups, not the medals of another day


def test_section_comes_from_headline_and_lead_not_one_body_word():
    lexicon = default_lexicon()
    meeting = article("方立新会见新加坡客商代表团", "3月12日，方立新会见新加坡客商代表团一行。\n双方还参观了学校和医院。")
    assert section_of(summarize_article(meeting), lexicon) == "外事活动"
    health = article("云州康养医疗器械产业园项目签约", "3月12日上午，云州康养医疗器械产业园项目签约仪式举行。\n项目将带动卫生健康产业。")
    assert section_of(summarize_article(health), lexicon) == "招商引资与项目建设"
    plenum = article("区委常委会召开会议 研究部署一季度工作", "3月12日，区委常委会召开会议，方立新主持并讲话。")
    assert section_of(summarize_article(plenum), lexicon) == "重要会议与讲话"


@pytest.mark.parametrize("lead, date, expected", [
    ("本报讯 3月10日上午，区领导调研春耕。", "2025-03-12", "2025-03-10"),
    ("今天（3月12日），区里发布公告。", "2025-03-12", "2025-03-12"),
    ("10日，区长许文杰在区政府会见客商。", "2025-03-12", "2025-03-10"),
    ("区长许文杰将于3月20日出席招商大会。", "2025-03-12", "2025-03-12"),  # an announcement keeps its date
    ("2月1日至3日召开的区党代会作出部署。", "2025-03-12", "2025-03-12"),  # background, weeks back
    ("12月30日，区里举行迎新活动。", "2026-01-02", "2025-12-30"),
    ("近日，区里召开会议。", "2025-03-12", "2025-03-12"),
    ("截至3月10日，全区春播进度过半。", "2025-03-12", "2025-03-12"),  # a status date, not the event's
])
def test_event_date(lead, date, expected):
    assert event_date(article("标题", lead, date=date)) == expected


def test_source_names_the_paper_never_a_hash_or_path():
    assert source_name(article("题", paper="云州日报", page="03")) == "云州日报 第03版"
    assert source_name(article("题", source="/data/000_3ffb1123e71c06d5.txt")) == "本报"
    assert source_name(article("题", source="pages/2025-03-12.txt")) == "本报"
    assert source_name(article("题", source="pages/云州日报.txt")) == "云州日报"
    assert source_name(article("题", source="a/tv_dump.jsonl", id="7"), (("tv_*", "本区电视新闻"),)) == "本区电视新闻"
    assert source_name(article("题", paper="/tmp/x.txt", source="a/b_0123456789ab.txt", id="1")) == "稿件"


def test_headline_and_highlight():
    slogan = article("抓落实促发展 比学赶超当先锋", subtitle="区长许文杰调研重点项目")
    assert display_title(slogan) == "区长许文杰调研重点项目"
    assert display_title(article("【权威访谈】推动区域协调发展")) == "推动区域协调发展"
    item = BriefItem("云州康养产业园项目签约", ("云州康养产业园项目举行签约仪式。", "项目总投资约20亿元，建成后年产值可达50亿元。"),
                     "2025-03-12")
    assert highlight_text(item) == "项目总投资约20亿元，建成后年产值可达50亿元。"
    long = BriefItem("青溪区召开春耕生产现场推进会 以实干担当抓好粮食生产", ("青溪区春耕生产现场推进会召开。",
                     "副区长何志强出席会议并讲话，要求抓好良种供应和农机调度。"), "2025-03-12")
    assert highlight_text(long) == "副区长何志强出席会议并讲话，要求抓好良种供应和农机调度。"


def test_a_key_point_is_no_link_no_list_of_others_and_says_who_when_the_headline_does_not():
    linked = BriefItem("云州区领导赴南城考察招商", ("云州区委书记甲乙丙带队赴南城考察招商，拜访多家企业。",
                       "同时，就推进物流基地建设进行交流，达成共识。", "吴一凡、张二宝等参加考察。",
                       "出席座谈会的还有区商务局负责同志。", "双方同意尽快推动项目落地见效。"), "2025-03-12")
    assert highlight_text(linked) == "双方同意尽快推动项目落地见效。"
    only_headline = BriefItem("云州区召开重点项目推进会 稳步推进项目建设", (
        "云州区委常委、常务副区长丁戊己组织召开重点项目推进会，区发改委汇报了一季度重点项目推进情况及上半年拟开工"
        "项目情况，各乡镇依次汇报了应开未开项目进展情况及存在的问题和下步打算。",), "2025-03-12")
    assert highlight_text(only_headline) == "云州区委常委、常务副区长丁戊己组织召开重点项目推进会。"
    setting = BriefItem("云州区举行运动会 区委书记出席", ("在云州区第五届运动会即将开幕之际，区委书记甲乙丙看望运动员"
                        "代表，向大家致以问候，并同大家合影留念，勉励大家赛出风格、赛出水平，为全区争光添彩。",), "2025-03-12")
    assert not highlight_text(setting).startswith("在")


def make(title, score, date="2025-03-12"):
    return BriefItem(title, ("一句。",), date, score=score)


def test_length_rule_keeps_each_section_and_lists_the_rest():
    sections = {"外事活动": [make(f"会见{i}", 5 - i * 0.1) for i in range(8)], "经济发展": [make("经济", 0.5)],
                "其他": [make("其他", 0.1)]}
    full, rest = choose(sections, 5, {"外事活动": 3})
    assert [i.title for i in full["外事活动"]] == ["会见0", "会见1", "会见2"]
    assert [i.title for i in full["经济发展"]] == ["经济"] and len(full["其他"]) == 1
    assert len(rest) == 5 and sum(map(len, full.values())) == 5


def test_a_week_lists_what_it_does_not_print_and_counts_it(tmp_path):
    rows = [{"id": f"r{n}", "date": f"2025-03-{10 + n % 5:02d}", "title": f"青溪区第{n}个重点项目开工",
             "text": f"青溪区第{n}个重点项目开工建设。项目建成后将进一步完善第{n}片区的产业配套和公共服务。"}
            for n in range(40)]
    rows.append({"id": "nav", "date": "2025-03-10", "title": "首页", "text": "\n".join(NAV)})
    data = tmp_path / "week.jsonl"
    write_jsonl(data, rows)
    (tmp_path / "briefing.toml").write_text('length = 12\n[papers]\n"week*" = "青溪报"\n', encoding="utf-8")
    out = tmp_path / "b.json"
    result = CliRunner().invoke(cli, ["brief", str(data), "-o", str(out), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert brief["counts"] | {"inputs": 0} == {"read": 41, "shown": 12, "listed": 28, "merged": 0, "dropped": 1,
                                               "omitted": 0, "inputs": 0}
    cited = {s["id"] for i in [i for s in brief["sections"] for i in s["items"]] + brief["more"] for s in i["sources"]}
    assert cited == {f"r{n}" for n in range(40)}
    assert {s["source"] for i in brief["more"] for s in i["sources"]} == {"青溪报"} and "不超过12条" in brief["rule"]
    md = tmp_path / "b.md"
    CliRunner().invoke(cli, ["brief", str(data), "-o", str(md), "--config", str(tmp_path / "briefing.toml")])
    text = md.read_text(encoding="utf-8")
    assert "## 附：本期其他报道" in text and "全文编发 12 条，列目 28 条" in text and "剔除非新闻稿件 1 篇" in text


def test_word_brief_with_two_hundred_items_in_one_section(tmp_path):
    rows = [{"id": str(n), "date": "2025-03-12", "title": f"第{n}号通知发布",
             "text": f"区里发布第{n}号通知。通知要求各单位认真落实第{n}项工作部署。"} for n in range(200)]
    data = tmp_path / "day.jsonl"
    write_jsonl(data, rows)
    (tmp_path / "briefing.toml").write_text('length = 200\n[sections]\n"通知" = ["通知"]\n', encoding="utf-8")
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(cli, ["brief", str(data), "--period", "day", "-o", str(out),
                                      "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "（一百）" in text and "（二百）" in text and "（一百零一）" in text


@pytest.mark.parametrize("day, period, start, end", [
    ("2025-11-15", "month", "2025-11-01", "2025-11-30"), ("2025-02-10", "month", "2025-02-01", "2025-02-28"),
    ("2025-12-31", "month", "2025-12-01", "2025-12-31"), ("2025-08-15", "quarter", "2025-07-01", "2025-09-30"),
    ("2025-11-15", "quarter", "2025-10-01", "2025-12-31"), ("2024-06-01", "year", "2024-01-01", "2024-12-31"),
])
def test_period_of(day, period, start, end):
    assert period_of(dt.date.fromisoformat(day), period) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_month_brief_title_and_issue(tmp_path):
    found = summaries(article("区长调研春耕生产", date="2025-03-12"))
    brief = build_brief(found, BriefConfig(), "month", dt.date(2025, 3, 1), dt.date(2025, 3, 31), 1)
    assert (brief.title, brief.issue, brief.period) == ("月度要情", "3", "month")


@pytest.mark.parametrize("toml, message", [
    ("length = 0", "length must be between 1 and 500"), ('[section_length]\n"外事活动" = "三"', "whole number of items"),
    ('[papers]\n"x*" = 3', "file-name pattern"), ('keywords = "no"', "keywords must be true or false"),
])
def test_bad_length_config(tmp_path, toml, message):
    path = tmp_path / "briefing.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(str(path))


def test_keywords_can_be_left_out_and_are_never_fragments(tmp_path):
    found = summaries(*[article(f"实地调研交运集团项目{n}", "董事长张春丽介绍项目情况。区领导实地调研交运集团项目建设。")
                        for n in range(3)])
    brief = build_brief(found, BriefConfig(), "week", dt.date(2025, 3, 10), dt.date(2025, 3, 16), 3)
    assert brief.keywords and not any(k.startswith("实地") or "董事长" in k for k in brief.keywords)
    quiet = build_brief(found, dataclasses.replace(BriefConfig(), keywords=False), "week",
                        dt.date(2025, 3, 10), dt.date(2025, 3, 16), 3)
    assert quiet.keywords == ()


def test_nothing_vanishes_a_furniture_page_with_a_news_headline_is_listed_and_the_rest_named(tmp_path):
    rows = [{"id": "r1", "date": "2025-03-12", "title": "青溪区召开重点项目推进会",
             "text": "青溪区召开重点项目推进会。会议听取了全区重点项目建设进展情况汇报，部署下一阶段工作。"},
            {"id": "r2", "date": "2025-03-12", "title": "副区长何志强与东城区负责同志举行视频通话",
             "text": "\n".join(NAV)},
            {"id": "r3", "date": "2025-03-12", "title": "首页", "text": "\n".join(NAV)}]
    data = tmp_path / "day.jsonl"
    write_jsonl(data, rows)
    out = tmp_path / "b.json"
    result = CliRunner().invoke(cli, ["brief", str(data), "--period", "day", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(out.read_text(encoding="utf-8"))
    listed = {i["title"]: i for i in brief["more"]}
    assert "副区长何志强与东城区负责同志举行视频通话" in listed  # its body is furniture, its headline is news
    assert [s["id"] for s in listed["副区长何志强与东城区负责同志举行视频通话"]["sources"]] == ["r2"]
    assert [(d["id"], d["title"]) for d in brief["left_out"]] == [("r3", "首页")] and brief["left_out"][0]["reason"]
    c = brief["counts"]
    assert c["read"] == 3 and c["dropped"] == 1 and c["shown"] + c["listed"] + c["merged"] + c["dropped"] == 3


@pytest.mark.parametrize("how, listed", [("omit", 0), ("merge", 1), ("list", 3)])
def test_daily_roundups_are_left_out_merged_or_listed_by_a_setting(tmp_path, how, listed):
    rows = [{"id": f"k{n}", "date": f"2025-03-1{n}", "title": "国内联播快讯",
             "text": f"第{n}条快讯：青溪区第{n}个项目开工建设，计划年底建成投用。"} for n in range(3)]
    rows.append({"id": "main", "date": "2025-03-12", "title": "青溪区召开重点项目推进会",
                 "text": "青溪区召开重点项目推进会。会议听取了全区重点项目建设进展情况汇报，部署下一阶段工作。"})
    data = tmp_path / "week.jsonl"
    write_jsonl(data, rows)
    (tmp_path / "briefing.toml").write_text(f'roundups = "{how}"\n', encoding="utf-8")
    out = tmp_path / "b.json"
    result = CliRunner().invoke(cli, ["brief", str(data), "-o", str(out), "--config", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(out.read_text(encoding="utf-8"))
    shown = [i for s in brief["sections"] for i in s["items"]] + brief["more"]
    assert len([i for i in shown if i["title"] == "国内联播快讯"]) == listed
    cited = {s["id"] for i in shown for s in i["sources"]} | {d["id"] for d in brief["left_out"]}
    assert cited == {"k0", "k1", "k2", "main"}  # nothing vanishes, whatever the setting


def test_a_late_report_of_an_event_before_the_period_is_no_key_point(tmp_path):
    rows = [{"id": "late", "date": "2025-03-12", "title": "省发展改革委召开民营经济座谈会",
             "text": "3月3日，省发展改革委召开民营经济座谈会，听取企业家意见建议。会议要求进一步优化营商环境。"},
            {"id": "now", "date": "2025-03-12", "title": "青溪区召开重点项目推进会",
             "text": "3月12日，青溪区召开重点项目推进会。会议听取了全区重点项目建设进展情况汇报，部署下一阶段工作。"}]
    data = tmp_path / "week.jsonl"
    write_jsonl(data, rows)
    out = tmp_path / "b.json"
    result = CliRunner().invoke(cli, ["brief", str(data), "--week", "2025-W11", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(out.read_text(encoding="utf-8"))
    by_key = {i["key"]: i for s in brief["sections"] for i in s["items"]}
    assert [by_key[h["item"]]["title"] for h in brief["highlights"]] == ["青溪区召开重点项目推进会"]
    assert any(i["date"] == "2025-03-03" for i in by_key.values())  # still printed, dated on its day


def test_the_offices_papers_name_a_records_own_paper_too():
    from briefing.brief.items import source_name

    record = article("青溪区召开重点项目推进会", source="day.jsonl", id="r1", paper="Qingxi Daily", page="02")
    assert source_name(record) == "Qingxi Daily 第02版"
    assert source_name(record, (("Qingxi*", "青溪日报"),)) == "青溪日报 第02版"
    assert source_name(article("题", source="qxrb_0301.txt"), (("qxrb*", "青溪日报"),)) == "青溪日报"
