"""领导活动: Chinese leaders once each, in protocol order, one title, activities from the sentences.

The fixtures are invented text in the style of 新闻联播 and of a district paper (invented names); the
tests at the end run the same checks on ../shared (skipped when absent) and on the repo's seeds/.
"""

import pytest

from briefing.api import expand_paths, read_articles
from briefing.brief.periods import article_day, parse_week
from briefing.brief.build import build_brief
from briefing.config import BriefConfig, Roster, RosterEntry
from briefing.analyze.entities import is_leader
from briefing.brief.leaders import find_leaders
from briefing.models import Article, ArticleSummary, Person
from briefing.analyze.offices import rank_of, title_before
from briefing.analyze.scoring import summarize_article

from .helpers import SEEDS, SHARED, real_page


def report(title: str, date: str, *paragraphs: str, subtitle: str | None = None) -> tuple[str, ArticleSummary]:
    """(item title, summary) of an invented article; the leaders need only its text."""
    article = Article(title=title, paragraphs=paragraphs, subtitle=subtitle, date=date)
    return title, ArticleSummary(article, (), (), ())


NATIONAL = [
    report("钱立本会见塞尔维亚总理", "2030-03-02",
           "新华社北京3月2日电 国务院总理钱立本2日在人民大会堂会见来华访问的塞尔维亚总理武契维奇。",
           "钱立本表示，中方愿同塞方深化务实合作。赵志刚、王一鸣参加会见。各国使节、嘉宾参加活动。"),
    report("周振华同巴西总统卢拉会谈", "2030-03-01",
           "3月1日，中共中央总书记、国家主席、中央军委主席周振华在人民大会堂同巴西总统卢拉举行会谈。",
           "周振华指出，两国是全面战略伙伴。中共中央政治局委员、中央外办主任王一鸣参加会谈。"),
    report("孙光远会见斯洛文尼亚客人", "2030-03-03",
           "全国人大常委会委员长孙光远3日在北京会见斯洛文尼亚国民委员会主席洛特。"),
    report("第十届海外侨商论坛开幕 吴德明致贺信", "2030-03-03",
           "中共中央政治局常委、全国政协主席吴德明3日致贺信，祝贺第十届海外侨商论坛开幕。",
           "与会嘉宾表示，总书记的贺信令人鼓舞。"),
    report("新型驱逐舰入列", "2030-03-04",
           "3月4日，国家主席周振华出席新型驱逐舰入列仪式并登舰视察。官兵们向周主席敬礼。"),
    report("周振华听取海东省工作汇报", "2030-03-04",
           "周振华3月4日听取海东省工作汇报。海东省委书记许明作了汇报，中共中央政治局常委、国务院副总理郑和平出席汇报会。"),
    report("国际联播快讯", "2030-03-05",
           "以色列国防部长卡茨5日表示将继续行动。西班牙国王费利佩六世陛下出席活动。国际奥委会主席考文垂先生致辞。"),
    report("韩立新访问科威特", "2030-03-05",
           "国家副主席韩立新5日在科威特城会见科威特王储。",
           "王储表示，周振华主席同殿下两度会晤，为两国关系指明方向。"),
]

DISTRICT = [
    report("外出招商谋合作", "2030-04-08",
           "本报讯 4月8日至10日，云岭区委书记高卫平带领区商务局等单位负责同志，赴苏州、杭州开展招商考察。"
           "区委常委、常务副区长马光辉陪同。",
           "高卫平表示，要主动走出去，招大商、招好商。", subtitle="区领导带队赴外地招商"),
    report("新材料产业园项目签约", "2030-04-09",
           "本报讯 4月9日上午，云岭新材料产业园项目签约仪式举行。区政府党组成员唐志远作为甲方代表，与企业代表签署合作协议。"
           "出席签约仪式的还有云岭经开区管委会主任罗建军。签约仪式后，云岭区委副书记、区长苏雅琴会见了企业客人。"),
    report("全区项目调度会召开", "2030-04-10", "本报讯 4月10日，区长苏雅琴主持召开全区项目调度会。"),
    report("区人大常委会视察教育工作", "2030-04-10",
           "本报讯 4月10日，区人大常委会主任邓国强带队视察教育工作。副区长林海涛陪同。区政协主席蒋文华参加视察。"),
]


def names(leaders):
    return [leader.name for leader in leaders]


def by_name(leaders):
    return {leader.name: leader for leader in leaders}


def test_national_leaders_in_protocol_order_without_guests_or_words():
    leaders = find_leaders(NATIONAL)
    assert names(leaders) == ["周振华", "钱立本", "孙光远", "吴德明", "郑和平", "韩立新", "赵志刚", "王一鸣", "许明"]
    for wrong in ("卢拉", "武契维奇", "洛特", "卡茨", "费利佩六世", "考文垂", "敬礼", "贺信", "许明作", "先生", "陛下"):
        assert wrong not in names(leaders)
    ranks = [leader.rank for leader in leaders]
    assert ranks == sorted(ranks)


def test_untitled_names_listed_with_leaders_stand_beside_them():
    leaders = find_leaders(NATIONAL)
    found = by_name(leaders)
    # 参加会见 is resolved to the act it joined: whose meeting, with whom
    assert found["赵志刚"].title == "" and found["赵志刚"].activities[0].text == "参加钱立本会见塞尔维亚总理武契维奇"
    assert names(leaders).index("赵志刚") == names(leaders).index("王一鸣") - 1  # the list's order
    assert "各国使节" not in found and "嘉宾" not in found  # no leader in that list


def test_one_title_the_fullest_the_text_gives():
    found = by_name(find_leaders(NATIONAL))
    assert found["周振华"].title == "中共中央总书记、国家主席、中央军委主席"  # not 国家主席, not 主席
    assert found["钱立本"].title == "国务院总理"
    assert found["吴德明"].title == "中共中央政治局常委、全国政协主席"
    assert found["许明"].title == "海东省委书记"  # national news keeps the province


def test_activities_are_phrases_from_the_reporting_sentence_in_date_order():
    found = by_name(find_leaders(NATIONAL))
    (meeting,) = found["钱立本"].activities
    assert meeting.text.startswith("会见") and "塞尔维亚总理" in meeting.text and "在人民大会堂" not in meeting.text
    zhou = found["周振华"].activities
    assert [a.date for a in zhou] == sorted(a.date for a in zhou)
    assert zhou[0].text.startswith("同巴西总统卢拉") and "出席新型驱逐舰入列仪式并登舰视察" in [a.text for a in zhou]
    assert "韩立新访问科威特" not in [a.item for a in zhou]  # quoted by a guest there, not reported
    assert found["王一鸣"].activities[0].text == "参加周振华同巴西总统卢拉举行会谈"
    assert found["许明"].activities[0].text == "向周振华汇报海东省工作"  # 作了汇报: to the leader who heard it
    assert found["吴德明"].activities[0].text.startswith("致贺信")
    every = [a for leader in found.values() for a in leader.activities]
    assert not any(a.text == a.item for a in every)


def test_district_leaders_ranked_by_the_local_hierarchy():
    leaders = find_leaders(DISTRICT)
    assert names(leaders) == ["高卫平", "苏雅琴", "邓国强", "蒋文华", "马光辉", "林海涛", "唐志远", "罗建军"]
    found = by_name(leaders)
    # the paper writes 区委常委 bare, so it is the district's own: titles drop the district's name
    assert found["高卫平"].title == "区委书记"
    assert found["苏雅琴"].title == "区委副书记、区长"  # one title, not 区长 on one row
    assert found["林海涛"].title == "副区长" and found["唐志远"].title == "区政府党组成员"
    assert found["罗建军"].title == "云岭经开区管委会主任"


def test_district_activities():
    found = by_name(find_leaders(DISTRICT))
    assert [a.text for a in found["高卫平"].activities] == ["带队赴苏州、杭州开展招商考察"]
    assert found["唐志远"].activities[0].text.startswith("作为甲方代表")
    assert found["罗建军"].activities[0].text == "出席签约仪式"
    assert [a.text for a in found["苏雅琴"].activities] == ["会见企业客人", "主持召开全区项目调度会"]
    assert found["邓国强"].activities[0].text == "带队视察教育工作"
    assert found["林海涛"].activities[0].text == "陪同邓国强视察教育工作"
    assert found["马光辉"].activities[0].text == "陪同高卫平赴苏州、杭州开展招商考察"
    assert found["蒋文华"].activities[0].text == "参加邓国强视察教育工作"


def test_roster_names_titles_and_ranks_win():
    extra = report("区领导调研", "2030-04-11", "本报讯 4月11日，金秀兰参加调研。")
    roster = Roster((RosterEntry("苏雅琴", "区长", 1), RosterEntry("金秀兰", "区委副书记", 302)))
    leaders = find_leaders(DISTRICT + [extra], roster)
    found = by_name(leaders)
    assert names(leaders)[0] == "苏雅琴" and found["苏雅琴"].title == "区长" and found["苏雅琴"].rank == 1
    assert "金秀兰" in found and found["金秀兰"].title == "区委副书记"  # no title in the text: the roster knows her
    only = find_leaders(DISTRICT + [extra], Roster(roster.entries, only=True))
    assert names(only) == ["苏雅琴", "金秀兰"]


def test_no_leaders_in_text_without_officials():
    assert find_leaders([report("天气", "2030-01-01", "今天晴，气温回升。")]) == ()
    assert find_leaders([]) == ()


@pytest.mark.parametrize("title, rank", [
    ("中共中央总书记、国家主席、中央军委主席", 0), ("中共中央政治局常委、国务院总理", 10), ("全国人大常委会委员长", 20),
    ("中共中央政治局常委、全国政协主席", 30), ("国家副主席", 50), ("中共中央政治局委员、北京市委书记", 60),
    ("商务部党组书记、部长", 95), ("海南省委书记", 100), ("广东省长", 101), ("浙江省委常委、组织部部长", 105),
    ("区委书记", 300), ("区委副书记、区长", 301), ("区人大常委会主任", 302), ("区政协主席", 303),
    ("区委副书记", 304), ("区委常委、统战部长", 305), ("副区长", 306), ("区政府党组成员", 308),
    ("经开区管委会主任", 310), ("住房和城乡建设部党组书记、部长", 95),
])
def test_built_in_hierarchy(title, rank):
    assert rank_of(title) == rank


def test_title_chains_stop_where_the_office_does():
    text = "出席会议的有中共中央政治局委员、中宣部部长"
    assert title_before(text, len(text)).text == "中共中央政治局委员、中宣部部长"
    assert title_before("正如周振华主席", 7) is None  # a name before 主席, not a unit
    assert title_before("两国总理", 4) is None
    assert title_before("斯洛文尼亚国民委员会主席", 12).foreign
    held = "中央某某工委分管日常工作的副书记"
    assert title_before(held, len(held)).text == held


def test_is_leader_for_item_scoring():
    assert is_leader(Person("樊一民", "区委书记")) and is_leader(Person("何志远", "副区长"))
    for person in (Person("卢拉", "巴西总统"), Person("洛特", "斯洛文尼亚国民委员会主席"), Person("敬礼", "主席"),
                   Person("张三", None), Person("李四", "董事长")):
        assert not is_leader(person)


# ---- real data: ../shared (skipped when absent) and the repo's seeds ----------------------------------

def _week_brief(week: str):
    path = SHARED / "eval" / "xwlb_dated.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (a fresh clone has no ../shared); the fixtures above cover the same rules")
    start, end = parse_week(week)
    chosen = [a for a in read_articles(str(path)) if (day := article_day(a)) and start <= day <= end]
    summaries = [summarize_article(a) for a in chosen]
    return build_brief(summaries, BriefConfig(), "week", start, end, len(summaries))


@pytest.fixture(scope="module")
def w45():
    return _week_brief("2025-W45")


@pytest.fixture(scope="module")
def w46():
    return _week_brief("2025-W46")


NOT_LEADERS = ("卢拉", "费利佩", "费利佩六世", "卡茨", "洛特", "洛特里奇", "达菲", "巴赫", "考文垂", "科斯塔", "苏林",
               "敬礼", "贺信", "冯飞作", "先生", "陛下")


def _check_week(brief, expected: dict[str, tuple[str, ...]]):
    found = by_name(brief.leaders)
    for name, parts in expected.items():
        assert name in found, name
        assert all(part in found[name].title for part in parts), (name, found[name].title)
    order = [n for n in names(brief.leaders) if n in expected]
    assert order == list(expected)  # protocol order among the top leaders
    assert [l.rank for l in brief.leaders] == sorted(l.rank for l in brief.leaders)
    assert not set(NOT_LEADERS) & set(found)
    acts = [a for leader in brief.leaders for a in leader.activities]
    assert sum(a.text == a.item for a in acts) < 0.2 * len(acts)
    assert len(brief.leaders) == len(set(names(brief.leaders)))


def test_week_45_of_xinwen_lianbo(w45):
    _check_week(w45, {"习近平": ("中共中央总书记、国家主席、中央军委主席",), "李强": ("国务院总理",),
                      "赵乐际": ("全国人大常委会委员长",), "王沪宁": ("政治局常委", "全国政协主席"),
                      "蔡奇": ("政治局常委",), "丁薛祥": ("政治局常委", "国务院副总理")})
    assert by_name(w45.leaders)["冯飞"].title == "海南省委书记"


def test_week_46_of_xinwen_lianbo(w46):
    _check_week(w46, {"习近平": ("中共中央总书记、国家主席、中央军委主席",), "李强": ("国务院总理",),
                      "赵乐际": ("全国人大常委会委员长",), "丁薛祥": ("政治局常委", "国务院副总理")})


def _leaders_of(paths, date=None):
    summaries = [summarize_article(a) for p in paths for a in read_articles(str(p), date=date)]
    return find_leaders([(s.article.title, s) for s in summaries])


def test_real_page_leaders():
    leaders = _leaders_of([real_page()], date="2024-04-21")
    assert [(l.name, l.title) for l in leaders[:2]] == [("樊惠林", "区委书记"), ("虎荣鑫", "区委副书记、区长")]
    found = by_name(leaders)
    assert found["李国立"].title == "区政府党组成员"
    assert names(leaders).index("陈卫东") > names(leaders).index("虎荣鑫")


def test_seed_leaders():
    leaders = _leaders_of(expand_paths([str(SEEDS)]))
    found = by_name(leaders)
    assert names(leaders)[:2] == ["周明远", "林晓岚"] and found["林晓岚"].title == "区委副书记、区长"
    assert "何志强" in found and "副区长" in found["何志强"].title and len(found["何志强"].activities) == 3
    assert [l.rank for l in leaders] == sorted(l.rank for l in leaders)


def test_roster_from_the_configuration(tmp_path):
    from briefing.config import load_config
    from briefing.errors import ConfigError

    path = tmp_path / "briefing.toml"
    path.write_text('only_roster = true\n[[roster]]\nname = "苏雅琴"\ntitle = "区长"\nrank = 1\n'
                    '[[roster]]\nname = "高卫平"\ntitle = "区委书记"\nrank = 0\n', encoding="utf-8")
    roster = load_config(str(path)).roster
    assert roster.only and roster.entry("高卫平") == RosterEntry("高卫平", "区委书记", 0)
    assert load_config(None, cwd=tmp_path / "elsewhere").roster is None
    for bad, says in (('[[roster]]\nname = "甲"\ntitle = "区长"\n', "rank"),
                      ("only_roster = true\n", "needs [[roster]]"), ('only_roster = "yes"\n', "true or false"),
                      ('roster = "甲"\n', "[[roster]] tables")):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError, match=says.replace("[", r"\[").replace("]", r"\]")):
            load_config(str(path))


def test_superiors_acting_heads_and_people_without_office():
    page = [report("市领导来我区调研", "2030-05-06",
                   "本报讯 5月6日，市委常委、常务副市长江海涛来我区调研城市更新工作，市委常委、区委书记白振国，"
                   "区委副书记、代区长范立群陪同。村党支部书记牛德胜介绍了村里的情况。星河集团党委书记黄志成参加座谈。"),
            report("区纪委全会召开", "2030-05-07",
                   "本报讯 5月7日，区委常委、区纪委书记、区监委主任姜红梅主持召开区纪委全会。区法院院长郭晓明列席会议。")]
    leaders = find_leaders(page)
    assert names(leaders) == ["江海涛", "白振国", "范立群", "姜红梅", "郭晓明"]  # the city's 常委 first
    assert by_name(leaders)["范立群"].title == "区委副书记、代区长" and by_name(leaders)["范立群"].rank == 301
    assert by_name(leaders)["江海涛"].activities[0].text.startswith("来我区调研")


def test_standing_committee_members_by_their_second_office():
    news = [report("会议召开", "2030-06-01",
                   "中共中央政治局常委、中央纪委书记樊一文，中共中央政治局常委、国务院副总理乔二山，"
                   "中共中央政治局常委、中央书记处书记邱三水出席会议。")]
    leaders = find_leaders(news)
    assert [l.name for l in leaders] == ["邱三水", "乔二山", "樊一文"]
    assert {a.text for l in leaders for a in l.activities} == {"出席会议"}  # each of the listed attended


def test_a_days_date_is_printed_once_before_its_first_act():
    from briefing.models import Activity, Leader
    from briefing.render.printed import leader_line

    leader = Leader("钱立本", "国务院总理", 2, (Activity("2030-03-04", "会见东国总理甲乙丙", "x"),
                                               Activity("2030-03-04", "会见西国总理丁戊己", "y"),
                                               Activity("2030-03-05", "出席博览会开幕式", "z")))
    assert leader_line(leader) == "国务院总理钱立本：3月4日会见东国总理甲乙丙；会见西国总理丁戊己；3月5日出席博览会开幕式。"
