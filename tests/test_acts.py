"""领导活动 as an editor lists it: complete phrases, only acts of the period, dated on their day, one
entry per leader per event, every named participant, the office's level and the protocol table.

Fixtures are invented reports in the style of 新闻联播 and of a district paper: the national leaders
are fictional names with real titles, so the shipped protocol table (real names) does not know them,
except where a test uses the table on purpose.
"""
import datetime as dt

import pytest

from briefing.brief.acts import find_acts  # noqa: F401  (the module under test, through find_leaders)
from briefing.brief.leaders import choose_level, find_leaders
from briefing.brief.protocol import load_protocol, parse_protocol
from briefing.brief.when import day_of
from briefing.errors import ConfigError
from briefing.models import Article, ArticleSummary

from .helpers import write_jsonl

WEEK = (dt.date(2030, 3, 4), dt.date(2030, 3, 10))


def report(title: str, date: str, *paragraphs: str) -> tuple[str, ArticleSummary]:
    return title, ArticleSummary(Article(title=title, paragraphs=paragraphs, date=date), (), (), ())


def acts(leaders, name):
    return [(a.date, a.text) for leader in leaders if leader.name == name for a in leader.activities]


def names(leaders):
    return [leader.name for leader in leaders]


# ---- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, at, day", [
    ("当地时间3月4日，国家副主席韩立新在多哈会见客人。", "韩立新", "2030-03-04"),
    ("全国人大常委会委员长孙光远5日在北京会见客人。", "孙光远", "2030-03-05"),
    ("中央宣讲团成员、商务部部长吕方今天在山东宣讲。", "吕方", "2030-03-06"),
    ("中央宣讲团成员、商务部部长吕方今天（3月5日）在山东宣讲。", "吕方", "2030-03-06"),
    ("3月2日至3日，国家副主席韩立新访问科威特。", "韩立新", "2030-03-02"),
    ("国务院总理钱立本日前签署国务院令。", "钱立本", "2030-03-06"),
    ("国家主席周振华昨天在北京会见客人。", "周振华", "2030-03-05"),
    ("2月28日，国家主席周振华在北京会见客人。", "周振华", "2030-02-28"),
    ("条例自2031年1月1日起施行，国务院总理钱立本签署。", "钱立本", "2030-03-06"),
])
def test_the_day_of_an_act_is_the_day_its_sentence_states(text, at, day):
    assert day_of(text, text.index(at), dt.date(2030, 3, 6)).isoformat() == day


def test_same_day_and_the_report_opening():
    text = "3月4日，国家主席周振华致电慰问。同日，国务院总理钱立本致电慰问。"
    first = day_of(text, text.index("周振华"), dt.date(2030, 3, 5))
    assert day_of(text, text.index("钱立本"), dt.date(2030, 3, 5), last=first) == dt.date(2030, 3, 4)


def test_acts_are_dated_on_their_day_not_the_broadcast_day():
    leaders = find_leaders([
        report("新型驱逐舰入列 周振华出席入列仪式", "2030-03-07",
               "新型驱逐舰入列仪式5日在某军港举行。中共中央总书记、国家主席、中央军委主席周振华出席入列仪式并登舰视察。",
               "中共中央政治局常委、中央办公厅主任邱三水出席入列仪式。"),
        report("周振华在海东考察", "2030-03-09",
               "中共中央总书记、国家主席、中央军委主席周振华近日在海东考察。",
               "3月7日至8日，周振华在海东省委书记许明陪同下，先后到东平、西川考察调研。"),
    ], period=WEEK)
    assert ("2030-03-05", "出席入列仪式并登舰视察") in acts(leaders, "周振华")
    assert ("2030-03-05", "出席入列仪式") in acts(leaders, "邱三水")
    assert ("2030-03-07", "赴海东东平、西川考察") in acts(leaders, "周振华")  # where the body says it went
    assert acts(leaders, "许明") == [("2030-03-07", "陪同周振华到东平、西川考察调研")]


# ---- only what was done in the period ------------------------------------------------------------

def test_plans_captions_recaps_and_old_days_are_not_acts():
    leaders = find_leaders([
        report("钱立本将出席峰会", "2030-03-06",
               "应邀请，国务院总理钱立本将于3月12日至13日出席东亚合作峰会。"),
        report("画面回顾", "2030-03-06",
               "（资料图）国家主席周振华、国务院总理钱立本来到天安门广场。"),
        report("学习进行时 总书记的海东足迹", "2030-03-06",
               "国家主席周振华在海东考察时指出，要把生态保护放在首位。周振华出席海东发展大会并讲话。"),
        report("纪念活动", "2030-03-06",
               "去年9月30日，国家主席周振华来到天安门广场出席纪念活动。"),
        report("钱立本会见客人", "2030-03-06", "国务院总理钱立本6日在北京会见东国总理。"),
    ], period=WEEK)
    assert acts(leaders, "钱立本") == [("2030-03-06", "会见东国总理")]
    assert acts(leaders, "周振华") == []


# ---- who joined whose act ------------------------------------------------------------------------

STATE_VISIT = [
    report("周振华举行仪式欢迎东国国王", "2030-03-05",
           "国家主席周振华5日上午在人民大会堂东门外广场举行仪式，欢迎东国国王维拉六世对我国进行国事访问。",
           "中共中央政治局委员、中央外办主任王一鸣等出席欢迎仪式。"),
    report("周振华会见东国国王", "2030-03-05",
           "3月5日上午，国家主席周振华在北京人民大会堂会见来华进行国事访问的东国国王维拉六世。",
           "周振华指出，两国友好源远流长。当晚，周振华为维拉六世举行欢迎宴会。王一鸣参加上述活动。"),
    report("周振华会见东国国王（简讯）", "2030-03-05", "国家主席周振华5日会见东国国王维拉六世。"),
    report("钱立本会见东国国王", "2030-03-05",
           "国务院总理钱立本5日在人民大会堂会见东国国王维拉六世。吴政礼、赵志刚参加会见。"),
    report("全国水利会议", "2030-03-06", "国务委员吴政礼6日出席全国水利工作会议。"),  # titled once in the week
]


def test_one_entry_per_leader_per_event_however_many_reports():
    leaders = find_leaders(STATE_VISIT, period=WEEK)
    (visit,) = acts(leaders, "周振华")  # ceremony, meeting, banquet and a short version: one state visit
    assert visit[0] == "2030-03-05" and "东国国王维拉六世" in visit[1]
    assert acts(leaders, "钱立本") == [("2030-03-05", "会见东国国王维拉六世")]  # another leader, another event


def test_every_named_participant_gets_the_act_they_joined():
    leaders = find_leaders(STATE_VISIT, period=WEEK)
    for name in ("吴政礼", "赵志刚"):
        assert acts(leaders, name)[0] == ("2030-03-05", "参加钱立本会见东国国王维拉六世")
    # the ceremony and the meeting of one visit: one entry that says both
    assert acts(leaders, "王一鸣") == [("2030-03-05", "出席欢迎东国国王维拉六世仪式并参加周振华会见")]
    assert all(not text.startswith(("参加上述活动", "参加会见")) for l in leaders for _, text in acts(leaders, l.name))


def test_bare_acts_are_completed_from_the_report():
    leaders = find_leaders([
        report("全国春耕视频会议召开", "2030-03-06",
               "3月6日，国务院召开全国春耕生产暨农田建设视频会议。",
               "中共中央政治局委员、国务院副总理刘安国出席会议并讲话。"),
        report("全运会开幕", "2030-03-09",
               "第九届全国运动会8日晚在东平隆重开幕。中共中央总书记、国家主席、中央军委主席周振华出席开幕式并宣布运动会开幕。",
               "中共中央政治局委员、东海省委书记黄立明，香港特别行政区行政长官李思源分别致辞。"),
        report("国务院令", "2030-03-06",
               "国务院总理钱立本日前签署国务院令，公布修订后的《农田水利管理条例》。《条例》共30条。"),
    ], period=WEEK)
    assert acts(leaders, "刘安国") == [("2030-03-06", "出席全国春耕生产暨农田建设视频会议并讲话")]
    assert acts(leaders, "黄立明") == [("2030-03-08", "出席开幕式并致辞")]
    assert acts(leaders, "钱立本") == [("2030-03-06", "签署国务院令，公布修订后的《农田水利管理条例》")]


def test_a_second_event_in_one_report_is_a_second_entry():
    leaders = find_leaders([report(
        "邱三水出席气候峰会", "2030-03-07",
        "当地时间3月6日，中共中央政治局常委、国务院副总理邱三水在南城出席气候峰会并致辞。邱三水表示，中方愿加强合作。",
        "与会期间，邱三水会见了联合国秘书长。当天，邱三水应邀出席南国总统主持的雨林基金午宴并致辞。")], period=WEEK)
    assert [text for _, text in acts(leaders, "邱三水")] == [
        "出席气候峰会并致辞", "会见联合国秘书长", "出席南国总统主持的雨林基金午宴并致辞"]


def test_a_long_act_is_never_cut_inside_a_word():
    text = ("3月5日，国家主席周振华在北京人民大会堂亲切接见全国群众体育先进单位代表和全国体育系统先进集体代表"
            "以及长期坚持在基层一线工作的体育工作者代表。")
    (act,) = acts(find_leaders([report("接见", "2030-03-05", text)], period=WEEK), "周振华")
    assert act[1] in text and text[text.index(act[1]) + len(act[1])] in "、。并和以"


# ---- levels and the protocol table ---------------------------------------------------------------

NATIONAL_AND_BELOW = [
    report("钱立本主持召开国务院常务会议", "2030-03-06", "国务院总理钱立本6日主持召开国务院常务会议。"),
    report("商务部部长宣讲", "2030-03-06", "中央宣讲团成员、商务部党组书记、部长吕方6日在山东作宣讲报告。"),
    report("副部长调研", "2030-03-06", "商务部副部长孔令和6日在山东调研外贸工作。"),
    report("省长调研", "2030-03-06", "东海省委副书记、省长郑启明6日在东平调研。"),
    report("副省长调研", "2030-03-06", "东海省副省长冯德清6日在东平调研。"),
]


def test_a_national_brief_lists_national_leaders_ministers_and_provincial_heads():
    leaders = find_leaders(NATIONAL_AND_BELOW, period=WEEK)
    assert names(leaders) == ["钱立本", "吕方", "郑启明"]  # not the vice-minister, not the vice-governor


def test_a_province_brief_lists_its_provincial_officials_too():
    leaders = find_leaders(NATIONAL_AND_BELOW, level="province", period=WEEK)
    assert names(leaders) == ["钱立本", "吕方", "郑启明", "冯德清"]


def test_the_level_is_chosen_from_the_inputs():
    protocol = load_protocol()
    assert choose_level({"高卫平": ["区委书记"], "苏雅琴": ["区长"]}, protocol) == "district"
    assert choose_level({"周振华": ["国家主席"], "钱立本": ["国务院总理"], "许明": ["海东省委书记"]}, protocol) == "national"
    assert choose_level({"许明": ["海东省委书记"], "郑启明": ["海东省长"], "冯德清": ["海东省副省长"],
                         "周振华": ["国家主席"]}, protocol) == "province"


def test_the_table_orders_the_politburo_by_strokes_and_gives_titles():
    # real names of the shipped table, invented acts: 刘 (6 strokes) before 李 (7) before 张 (7, listed later)
    leaders = find_leaders([report("会议", "2030-03-06",
                                   "张国清、李干杰、刘国中出席会议。国务院总理李强6日主持会议。")], period=WEEK)
    assert names(leaders) == ["李强", "刘国中", "李干杰", "张国清"]
    assert leaders[1].title == "中共中央政治局委员、国务院副总理"  # the text gives none: the table's


def test_ministers_follow_the_state_council_order_and_provinces_theirs():
    leaders = find_leaders([
        report("宣讲", "2030-03-06",
               "中央宣讲团成员，商务部党组书记、部长吕方今天在山东作宣讲报告。"
               "中央宣讲团成员，国家发展和改革委员会党组书记、主任郑明今天在江苏作宣讲报告。"
               "湖南省委书记沈海今天作宣讲报告。辽宁省委书记许林今天作宣讲报告。")], period=WEEK)
    assert names(leaders) == ["郑明", "吕方", "许林", "沈海"]


def test_a_protocol_table_of_ones_own_replaces_the_shipped(tmp_path):
    data = {"about": {"date": "2030-01-01"}, "leaders": [{"name": "钱立本", "title": "国务院总理"},
                                                         {"name": "周振华", "title": "国家主席"}],
            "levels": {"national": {"central": 95, "province": 101}}}
    protocol = parse_protocol(data, "mine.toml")
    assert protocol.title("周振华") == "国家主席" and protocol.order("钱立本", "") < protocol.order("周振华", "")
    for bad, says in ((dict(data, about={}), "date"), (dict(data, leaders=[{"name": "甲"}]), "leaders"),
                      (dict(data, levels={}), "levels"), (dict(data, central_units=["(("]), "central_units"),
                      (dict(data, levels={"national": {"central": "all"}}), "levels.national.central")):
        with pytest.raises(ConfigError, match=says):
            parse_protocol(bad, "mine.toml")


def test_level_and_protocol_in_the_configuration(tmp_path):
    from briefing.config import load_config

    table = tmp_path / "table.toml"
    table.write_text('leaders = []\n[about]\ndate = "2030-01-01"\n[levels.district]\ndistrict = 399\n', encoding="utf-8")
    path = tmp_path / "briefing.toml"
    path.write_text('level = "district"\nprotocol = "table.toml"\n', encoding="utf-8")
    config = load_config(str(path))
    assert config.level == "district" and config.protocol == str(table)
    assert load_protocol(config.protocol).level("district").lists(300)
    path.write_text('level = "county"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="level must be one of"):
        load_config(str(path))


def test_a_name_with_a_trailing_word_is_not_a_leader():
    leaders = find_leaders([report("会议", "2030-03-06",
                                   "中共中央政治局常委、中央纪委书记樊一文等出席会议。樊一文等同志参加活动。")], period=WEEK)
    assert names(leaders) == ["樊一文"]


def test_a_state_visit_of_ceremony_talks_and_press_is_one_entry():
    leaders = find_leaders([
        report("周振华举行仪式欢迎南国总统访华", "2030-03-05",
               "国家主席周振华5日上午举行仪式，欢迎南国总统阿拉贝对我国进行国事访问。"),
        report("周振华同南国总统会谈", "2030-03-05",
               "3月5日，国家主席周振华同南国总统阿拉贝举行会谈。会谈后，两国元首共同会见记者。"),
        report("周振华致电祝贺北国总统就职", "2030-03-05", "3月5日，国家主席周振华致电北国总统卡西，祝贺他就职。"),
    ], period=WEEK)
    texts = [text for _, text in acts(leaders, "周振华")]
    assert len(texts) == 2 and sum("阿拉贝" in t for t in texts) == 1 and any("卡西" in t for t in texts)


def test_a_bare_attendance_is_the_reports_event_and_an_announced_act_is_none():
    leaders = find_leaders([
        report("全国政协举行仪式纪念某先生诞辰百年", "2030-03-05",
               "全国政协5日上午举行仪式，纪念某先生诞辰百年。全国政协副主席巴特尔代表全国政协向某先生塑像敬献花篮。"
               "全国政协副主席穆虹主持仪式。全国政协副主席邵鸿、杨震出席。"),
        report("钱立本将出席东亚合作峰会", "2030-03-06",
               "外交部发言人表示，国务院总理钱立本出席东亚合作峰会，将同各方一道推动合作。"),
    ], period=WEEK)
    assert acts(leaders, "邵鸿") == [("2030-03-05", "出席纪念某先生诞辰百年仪式")]  # not 参加巴特尔…敬献花篮
    assert acts(leaders, "杨震") == acts(leaders, "邵鸿")  # a two-character name after an office is a leader's
    assert acts(leaders, "穆虹") == [("2030-03-05", "主持纪念某先生诞辰百年仪式")]
    assert acts(leaders, "钱立本") == []


def test_a_page_without_punctuation_is_cut_before_its_agenda():
    text = "国务院总理钱立本3月6日主持召开国务院常务会议研究推进城市更新有关工作部署进一步促进消费的政策措施听取有关汇报"
    (act,) = acts(find_leaders([report("国务院常务会议", "2030-03-06", text)], period=WEEK), "钱立本")
    assert act == ("2030-03-06", "主持召开国务院常务会议")


# ---- signed articles, and reports known by their headline only -------------------------------------

def test_a_signed_article_is_the_authors_act_and_a_quoted_headline_is_not():
    titled = report("国务院常务会议", "2030-03-05", "3月5日，中共中央政治局委员、国务院副总理丁一凡出席国务院常务会议。")
    signed = report("丁一凡：加快建设科技强国", "2030-03-07", "人民日报",
                    "加快建设科技强国丁一凡党的二十届四中全会对科技工作作出部署。我们要认真贯彻落实。")
    quoted = report("丁一凡：科技自立自强是根本", "2030-03-08",
                    "国务院副总理丁一凡8日在北京调研时指出，科技自立自强是根本。")
    leaders = find_leaders([titled, signed, quoted], period=WEEK)
    done = acts(leaders, "丁一凡")
    assert ("2030-03-07", "发表署名文章《加快建设科技强国》") in done
    assert not any("科技自立自强是根本" in text and "署名" in text for _, text in done)


def test_a_headline_keeps_the_person_it_names_but_not_a_column_tag():
    from briefing.brief.items import display_title

    assert display_title(Article(title="丁一凡：加快建设科技强国", paragraphs=())) == "丁一凡：加快建设科技强国"
    assert display_title(Article(title="央视快评：奋力拼搏再创佳绩", paragraphs=())) == "奋力拼搏再创佳绩"


FURNITURE = "首页 | 简 | 繁 | EN | 登录 个人中心 退出 | 邮箱 | 无障碍 " * 3  # a page whose body was not saved


def brief_of(tmp_path, records):
    """The JSON brief `briefing brief` writes of these 新闻联播-style records, week 2030-W10."""
    import json

    from click.testing import CliRunner

    from briefing.cli import cli

    source = tmp_path / "week.jsonl"
    write_jsonl(source, records)
    out = tmp_path / "week.json"
    result = CliRunner().invoke(cli, ["brief", str(source), "--week", "2030-W10", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_record_known_by_its_headline_alone_still_reports_its_leaders_act(tmp_path):
    draft = brief_of(tmp_path, [
        {"id": "1", "date": "2030-03-05", "title": "国务院召开常务会议",
         "text": "3月5日，中共中央政治局委员、国务院副总理丁一凡出席国务院常务会议并讲话。会议研究了春耕工作。"},
        {"id": "2", "date": "2030-03-06", "title": "丁一凡同东国国王共同出席中东企业家委员会会议", "text": FURNITURE},
    ])
    assert any(item["title"].startswith("丁一凡同东国国王") for item in draft["more"])  # listed by its headline
    (leader,) = [l for l in draft["leaders"] if l["name"] == "丁一凡"]
    assert {"date": "2030-03-06", "text": "同东国国王共同出席中东企业家委员会会议",
            "item": "丁一凡同东国国王共同出席中东企业家委员会会议"} in leader["activities"]


# ---- phrases as an editor completes them -------------------------------------------------------------

def test_a_greeting_names_the_event_a_directive_is_an_act_and_an_inspection_its_places():
    leaders = find_leaders([
        report("第五届东国博览会在北京开幕 孙光远致贺信", "2030-03-05",
               "第五届东国博览会5日在北京开幕，全国人大常委会委员长孙光远发来贺信，向博览会的召开表示热烈祝贺。"),
        report("钱立本对推进春耕生产工作作出重要批示", "2030-03-06",
               "3月6日，国务院召开全国春耕生产视频会议。中共中央政治局常委、国务院总理钱立本日前对推进春耕生产工作作出重要批示。"
               "批示指出：各地区要抓好春耕。"),
        report("周振华在南省考察时强调 奋力开创新局面", "2030-03-08",
               "中共中央总书记、国家主席、中央军委主席周振华近日在南省考察时强调，要奋力开创新局面。",
               "3月6日至7日，周振华在南省省委书记李东方和省长王西平陪同下，先后到东城、西城考察调研。",
               "6日下午，周振华来到东城一家企业。中共中央政治局委员、中央办公厅主任赵志刚陪同考察。"),
        report("国务院令", "2030-03-07",
               "国务院总理钱立本日前签署国务院令，公布《东方河湖保护条例》（以下简称《条例》），自2031年1月1日起施行。"),
    ], period=WEEK)
    assert ("2030-03-05", "致贺信祝贺第五届东国博览会在北京开幕") in acts(leaders, "孙光远")
    assert ("2030-03-06", "对推进春耕生产工作作出重要批示") in acts(leaders, "钱立本")
    assert ("2030-03-06", "赴南省东城、西城考察") in acts(leaders, "周振华")
    assert ("2030-03-06", "陪同周振华赴南省东城、西城考察") in acts(leaders, "赵志刚")
    assert not any("以下简称" in text for _, text in acts(leaders, "钱立本"))


def test_companions_closing_a_run_of_meetings_joined_each_and_the_headline_names_an_act_shortly():
    leaders = find_leaders([
        report("国务院常务会议", "2030-03-04", "3月4日，国务委员吴政礼出席国务院常务会议。"),
        report("钱立本会见东国总理", "2030-03-05", "5日，国务院总理钱立本在南城会见来华出席博览会的东国总理甲乙丙。"),
        report("钱立本会见西国总理", "2030-03-05", "5日，国务院总理钱立本在南城会见来华出席博览会的西国总理丁戊己。"),
        report("钱立本会见北国议长", "2030-03-05", "5日，国务院总理钱立本在南城会见来华出席博览会的北国议长庚辛壬。"
               "吴政礼参加上述活动。"),
        report("钱立本出席南城气候峰会并致辞", "2030-03-06",
               "当地时间6日，国务院总理钱立本出席《东方气候公约》第三十次缔约方大会南城气候峰会并致辞。"),
    ], period=WEEK)
    assert acts(leaders, "吴政礼")[1:] == [("2030-03-05", "参加钱立本会见东国总理甲乙丙"),
                                          ("2030-03-05", "参加钱立本会见西国总理丁戊己"),
                                          ("2030-03-05", "参加钱立本会见北国议长庚辛壬")]
    assert ("2030-03-06", "出席南城气候峰会并致辞") in acts(leaders, "钱立本")


def test_a_headline_only_record_repeating_an_items_headline_is_one_more_report_of_it(tmp_path):
    draft = brief_of(tmp_path, [
        {"id": "1", "date": "2030-03-05", "title": "钱立本会见东国总理",
         "text": "5日，国务院总理钱立本在北京会见东国总理甲乙丙。双方同意深化合作。"},
        {"id": "2", "date": "2030-03-05", "title": "钱立本会见东国总理甲乙丙", "text": FURNITURE},
        {"id": "3", "date": "2030-03-06", "title": "钱立本会见西国总理丁戊己", "text": FURNITURE},
    ])
    items = [i for section in draft["sections"] for i in section["items"]] + draft["more"]
    (met,) = [i for i in items if any(s["id"] == "1" for s in i["sources"])]
    assert [s["id"] for s in met["sources"]] == ["1", "2"]  # one meeting, two reports
    assert any(i["title"].startswith("钱立本会见西国总理") for i in draft["more"])  # another meeting stays
    c = draft["counts"]
    assert c["read"] == c["shown"] + c["listed"] + c["merged"] + c["dropped"] + c["omitted"]


def test_a_bare_attendance_names_the_event_the_lead_says_was_held():
    leaders = find_leaders([
        report("全省工会启动建会行动", "2030-03-06",
               "本报讯 3月5日,全省工会服务新就业形态劳动者建会行动启动仪式在云州举行。省人大常委会副主任、省总工会主席"
               "马东升参加并讲话。马东升指出，要扎实推进。"),
        report("文旅招商大会在云州举行", "2030-03-06",
               "本报讯（记者甲）3月5日，2030年文旅重点项目招商签约大会在云州举行，省委常委、宣传部部长韩文博到会致辞，"
               "副省长刘一鸣出席。"),
    ], period=WEEK)
    assert acts(leaders, "马东升") == [("2030-03-05", "参加全省工会服务新就业形态劳动者建会行动启动仪式并讲话")]
    assert acts(leaders, "韩文博") == [("2030-03-05", "出席2030年文旅重点项目招商签约大会并致辞")]
    assert acts(leaders, "刘一鸣") == [("2030-03-05", "出席2030年文旅重点项目招商签约大会")]


def test_in_news_older_than_the_table_leaders_keep_its_order_but_the_reports_titles():
    old = (dt.date(2023, 2, 6), dt.date(2023, 2, 12))
    reports = [report("习近平会见柬埔寨首相", "2023-02-10",
                      "国家主席习近平10日在人民大会堂会见柬埔寨首相洪森。王毅、何立峰等参加会见。")]
    then = find_leaders(reports, period=old)
    assert [(l.name, l.title) for l in then] == [("习近平", "国家主席"), ("王毅", ""), ("何立峰", "")]
    now = find_leaders([report(t, "2025-11-10", *a.article.paragraphs) for t, a in reports],
                       period=(dt.date(2025, 11, 10), dt.date(2025, 11, 16)))
    assert dict((l.name, l.title) for l in now)["何立峰"] == load_protocol().title("何立峰")


def test_an_act_reported_again_a_day_later_is_one_entry_on_its_first_day():
    leaders = find_leaders([
        report("周振华复信东城中学师生", "2030-03-05", "国家主席周振华5日复信东城中学师生，勉励他们勤学苦练、报效祖国。"),
        report("周振华复信勉励东城中学师生", "2030-03-06", "国家主席周振华近日复信东城中学师生，勉励他们勤学苦练、报效祖国。"),
        report("国务院常务会议", "2030-03-04", "国务院总理钱立本4日主持召开国务院常务会议。"),
        report("国务院常务会议", "2030-03-08", "国务院总理钱立本8日主持召开国务院常务会议。"),
    ], period=WEEK)
    assert acts(leaders, "周振华") == [("2030-03-05", "复信东城中学师生，勉励他们勤学苦练、报效祖国")]
    assert len(acts(leaders, "钱立本")) == 2  # four days apart: two meetings


def test_two_signings_on_two_days_stay_two_acts():
    leaders = find_leaders([
        report("东城产业园项目签约", "2030-03-05", "5日，区委书记吴立新出席签约仪式。"),
        report("西城产业园项目签约", "2030-03-06", "6日，区委书记吴立新出席签约仪式。"),
    ], period=WEEK)
    assert acts(leaders, "吴立新") == [("2030-03-05", "出席签约仪式"), ("2030-03-06", "出席签约仪式")]
