"""What leads the brief and one event one item, on invented headlines in the style of 新闻联播 and of a
district paper: the tier of an item from who acts and what kind of act (the protocol table's rows), and
running stories joined across the days of a period."""
import dataclasses

import pytest

from briefing.brief.importance import rate
from briefing.brief.protocol import load_protocol, parse_protocol
from briefing.brief.running import running_stories
from briefing.brief.select import choose
from briefing.errors import ConfigError
from briefing.models import Article, ArticleSummary, BriefItem, Person

PROTOCOL = load_protocol()
NATIONAL = PROTOCOL.level("national")
DISTRICT = PROTOCOL.level("district")


def item(title, people=()):
    return BriefItem(title, ("一句。",), "2030-03-06", people=tuple(people))


@pytest.mark.parametrize("title, tier", [
    ("中共中央政治局召开会议 研究部署明年经济工作", 1),
    ("中共中央政治局就加强基础研究举行第十次集体学习", 1),
    ("习近平在东海考察时强调 推动高质量发展", 1),   # real names of the table: the General Secretary
    ("《求是》杂志发表习近平总书记重要文章", 1),
    ("习近平会见南国总统", 2),
    ("习近平复信南国青年学者", 2),
    ("习近平致电祝贺南国总统就任", 3),
    ("李强主持召开国务院常务会议 部署秋冬农业生产", 2),
    ("李强会见南国总理", 3),
    ("国务院办公厅印发《关于促进民间投资的若干措施》", 2),
    ("10月份CPI同比上涨0.2%", 2),
    ("央视快评：奋力拼搏再创佳绩", 4),
    ("国内联播快讯", 4),
    ("李强将出席东亚合作峰会", 3),
    ("各地推进秋冬种", 3),
])
def test_tiers_of_a_national_week(title, tier):
    assert rate(item(title), PROTOCOL, NATIONAL)[0] == tier


def test_within_a_tier_the_higher_leader_leads():
    (xi, _, _), (li, _, _) = rate(item("习近平会见南国总统"), PROTOCOL, NATIONAL), rate(item("李强会见南国总理"), PROTOCOL, NATIONAL)
    assert rate(item("习近平会见南国总统"), PROTOCOL, NATIONAL)[1] > rate(item("丁薛祥会见南国总统"), PROTOCOL, NATIONAL)[1]
    assert xi < li


def test_a_district_brief_puts_its_own_leaders_first():
    own = item("区委书记调研重点项目", [Person("周远山", "区委书记")])
    other = item("全区中小学生科技节开幕")
    assert rate(own, PROTOCOL, DISTRICT)[0] == rate(other, PROTOCOL, DISTRICT)[0] == 2
    assert rate(own, PROTOCOL, DISTRICT)[1] > rate(other, PROTOCOL, DISTRICT)[1]


def test_commentary_is_never_printed_in_full_and_tier_three_only_fills():
    rated = [dataclasses.replace(item(f"事项{n}"), tier=tier, score=10 - n) for n, tier in enumerate((2, 2, 3, 3, 3, 4))]
    full, rest = choose({"其他": rated}, limit=6, fill=3)
    assert [i.title for i in full["其他"]] == ["事项0", "事项1", "事项2"]
    assert "事项5" in [i.title for i in rest]


def test_the_importance_rows_are_checked():
    data = {"about": {"date": "2030-01-01"}, "levels": {"national": {"central": 95}},
            "importance": [{"act": "会见", "who": 0, "tier": 9}]}
    with pytest.raises(ConfigError, match="importance"):
        parse_protocol(data, "mine.toml")
    data["importance"] = [{"act": "((", "who": 0, "tier": 2}]
    with pytest.raises(ConfigError, match="regular expression"):
        parse_protocol(data, "mine.toml")


def summary(title, date):
    return ArticleSummary(Article(title=title, paragraphs=(title + "。",), date=date), (), (), ())


def test_a_running_story_is_one_item_across_days():
    days = [summary("俄称在东城击退乌军进攻 乌称该地区战斗持续", "2030-03-02"),
            summary("各地抢抓农时推进秋冬种", "2030-03-02"),
            summary("俄称在东城持续发动攻势 乌称已实施战术调整", "2030-03-03"),
            summary("全国秋冬种加紧推进 冬小麦播种近七成", "2030-03-04"),
            summary("国内联播快讯", "2030-03-02"), summary("国内联播快讯", "2030-03-03"),
            summary("美政府停摆持续 多个机场航班延误", "2030-03-03"),
            summary("美国联邦政府停摆进入第四十天", "2030-03-05")]
    groups = running_stories([[i] for i in range(len(days))], days)
    assert [0, 2] in groups and [1, 3] in groups and [6, 7] in groups
    assert [4] in groups and [5] in groups  # a day's roundup is never another day's


def test_a_name_in_latin_letters_names_a_running_story():
    days = [summary("COP30“东方角”系列边会在南城开幕", "2030-03-02"),
            summary("各地抢抓农时推进秋冬种", "2030-03-02"),
            summary("COP30“东方角”活动发布多项能源转型成果", "2030-03-04"),
            summary("ABC汽车集团发布新款电动车", "2030-03-04")]
    groups = running_stories([[i] for i in range(len(days))], days)
    assert [0, 2] in groups and [3] in groups


def test_the_parts_of_one_visit_join_but_two_leaders_or_two_days_do_not():
    days = [summary("习近平举行仪式欢迎泰国国王访华", "2030-03-05"), summary("习近平会见泰国国王", "2030-03-05"),
            summary("李强会见泰国国王", "2030-03-05"), summary("习近平会见泰国总理", "2030-03-09")]
    groups = running_stories([[i] for i in range(len(days))], days, ["习近平", "李强"])
    assert groups == [[0, 1], [2], [3]]


def test_a_local_paper_does_not_join_its_everyday_words():
    days = [summary("青溪智能制造产业园项目签约落户", "2030-03-02"),
            summary("鼎盛数字经济产业园项目签约落户青溪", "2030-03-03"),
            summary("区委书记周远山调研重点项目建设", "2030-03-02"),
            summary("区委书记周远山带队赴苏州开展招商考察", "2030-03-04"),
            summary("青溪区召开全区重点项目推进会", "2030-03-04"),
            summary("青溪区老旧小区改造全面启动", "2030-03-05")]
    assert running_stories([[i] for i in range(len(days))], days) == [[i] for i in range(len(days))]
