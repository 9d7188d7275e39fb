"""A newspaper page as papers print it, drawn at test time (tests/pdfmaker.py): a masthead (the paper's
name in large spaced type, the date, 第1版) and an inner page's header (版次, 要闻, 责任编辑), a footer,
six columns with articles of one, two, three and four columns side by side, headlines centred over
their columns or set left with the last column beside them, photos, and a typesetter's quarter-em
between Chinese and digits; then a three-column story beside a two-column one in eight placements,
a 报眼 beside a masthead without rules, and A4 pages of three columns. What must come out: each
article with its own columns, and the page's paper, date and 版次 on every article; what must not: a
word of the masthead, header or footer in any article."""
import re
from dataclasses import replace

import pytest

from briefing.api import read_articles

pytest.importorskip("pdfplumber", reason="PDF input is the optional extra briefing[pdf]")
pytest.importorskip("reportlab", reason="the test pages are drawn with reportlab (pip install reportlab)")

from .pdfmaker import BROADSHEET, Header, Masthead, Photo, Story, make_pdf  # noqa: E402

SHEET = BROADSHEET
LEAD = Story("项目攻坚跑出加速度", [
    "本报讯（记者　柳岸）5月12日，青溪县一季度重点项目建设推进会在工业园区召开。记者从会上获悉，全县68个重点项目已开工61个，完成投资42.6亿元，占年度计划的31%。",
    "今年以来，青溪县实行项目建设“一周一调度、一月一通报”，县领导分包项目，专班驻点服务，帮助企业解决用地、用电和融资等难题128个。",
    "在位于工业园区的新能源电池项目现场，十余台塔吊同时作业，两栋主体厂房已经封顶。项目负责人说，预计今年9月可以试生产，达产后年产值将超过20亿元。",
], 0, 3, 160, 0, pretitle="青溪县一季度重点项目建设综述", title_size=30, typeset=True)
REMARK = Story("项目建设要快更要好", [
    "项目是发展的“压舱石”。抓项目既要跑出速度，也要守住质量和安全的底线，不能为了赶进度而降低标准。",
    "各责任单位要把服务做在前面，把问题解决在现场，让企业少跑腿、项目早见效，以项目建设的实绩检验作风。",
], 4, 5, 160, 0, title_size=18, typeset=True)
OLD_STREET = Story("老街改造开工", [
    "本报讯（记者　江帆　通讯员　何青）5月11日上午，青溪县老城区文昌街改造工程正式开工。这条始建于明代的老街全长860米，沿街保留着42栋清末民初的木结构民居。",
    "按照设计方案，改造工程将更换地下供水、排水和燃气管网，对临街建筑进行修缮加固，恢复青石板路面和传统店招。施工期间，老街分段封闭，居民和商户可以从两侧巷道通行。",
    "住在老街的陈阿婆今年78岁，她说，过去一下雨巷子里就积水，电线也乱得像蜘蛛网，这回总算盼到了改造。县住建局负责人介绍，工程计划于2025年10月前完工，完工后老街将引入非遗工坊、老字号和特色民宿。",
], 0, 2, 315, 0, title_size=22, typeset=True)
PARKING = Story("城区新增公共停车位三千个", [
    "本报讯（记者　宋清）记者从县城管局获悉，今年青溪县将利用边角地、闲置地新建12处公共停车场，新增停车位3000个，缓解老城区停车难问题。",
    "与此同时，全县公共停车场将统一接入智慧停车平台，市民可以通过手机查询空余车位、在线缴费。县城管局还将在客运站附近试点“Park and Ride”停车换乘模式。",
], 3, 4, 315, 0, subtitle="智慧停车平台同步上线", title_size=18, typeset=True)
READING = Story("全民读书月启幕", [
    "本报讯　5月10日，青溪县第十届全民读书月活动在县图书馆启幕。",
    "读书月期间，全县将开展经典诵读、图书漂流和亲子阅读等活动50余场，县新华书店推出图书八折优惠。",
], 5, 5, 315, 0, title_size=16, typeset=True)
TEA = Story("春茶采摘忙　茶农增收多", [
    "本报讯（记者　林禾）眼下正是春茶采摘的高峰期，青溪县云雾山上的2.8万亩茶园里，茶农们正忙着采摘新茶。",
    "云雾山茶叶专业合作社理事长周明远告诉记者，今年合作社收购鲜叶的价格比去年每斤高出6元，仅此一项就让社员人均增收1500元。合作社还与电商平台合作开设直播间，新茶上市一周就卖出了3000多单。",
    "县农业农村局负责人表示，青溪县将继续扩大有机茶园面积，培育茶叶区域公用品牌，力争到2026年全县茶产业综合产值达到15亿元。",
], 0, 2, 490, 0, head=(0, 1), align="left", title_size=20, typeset=True)
SCHOOL = Story("城东小学新校区投用", [
    "本报讯（记者　方圆）5月8日，城东小学新校区正式投入使用，首批1200名学生搬进了新教室。新校区占地60亩，设有48个教学班，配建了风雨操场、图书馆和食堂。",
    "新校区启用后，城东片区小学“大班额”问题将得到缓解。学校还与县少年宫合作开设书法、围棋和机器人等课后服务课程，学生可以自主选择参加。",
], 3, 5, 490, 0, title_size=20, typeset=True)
BRIDGE = Story("青溪大桥完成荷载试验", [
    "本报讯（记者　石磊）5月9日至10日，青溪大桥进行了成桥荷载试验，32辆满载砂石的货车按照设计位置分批上桥。检测结果显示，大桥各项指标均符合设计要求，具备通车条件。",
    "青溪大桥全长1260米，是连接县城和河东新区的主要通道，建成后两地车程将由40分钟缩短到10分钟。",
], 0, 2, 90, 0, title_size=22, typeset=True)
VILLAGE = Story("石门村办起乡村讲堂", [
    "本报讯（通讯员　石青）每到周五晚上，石门村的文化礼堂里就坐满了村民。村里请来农技员、律师和医生轮流授课，讲种养技术、讲法律常识、讲健康知识。",
    "讲堂开办半年来，已举办各类讲座26场，听课村民3200余人次。",
], 3, 5, 90, 0, title_size=20, typeset=True)

MASTHEAD = Masthead("青溪日报", ["2024年5月13日 星期一", "农历甲辰年四月初六", "第1版：要闻 今日8版",
                                 "中共青溪县委主办 青溪日报社出版", "国内统一连续出版物号 CN 00-0000"],
                    latin="QINGXI RIBAO")
HEADER = Header(2, "要闻", "青溪日报", "2024年5月13日 星期一", "责任编辑：王一　李二　版式设计：张三")
FOOTER = "本版责编：王一　美编：张三　校对：李二　青溪日报社出版　地址：青溪县文昌路8号　邮编：100000　零售价：1.50元"
PHOTO = Photo(0, 5, 650, 1060, "5月12日，青溪县工业园区新能源电池项目建设现场，十余台塔吊同时作业。本报记者　柳岸　摄")
PAGES = [(MASTHEAD, [LEAD, REMARK, OLD_STREET, PARKING, READING, TEA, SCHOOL, PHOTO], FOOTER),
         (HEADER, [BRIDGE, VILLAGE, Photo(0, 3, 200, 600, "石门村文化礼堂。通讯员　石青　摄")], FOOTER)]
STORIES = {n: [s for s in page[1] if isinstance(s, Story)] for n, page in enumerate(PAGES, 1)}
#: Words printed only in the masthead, the header and the footer.
FURNITURE = ["青溪日报", "星期一", "农历", "甲辰", "主办", "出版物号", "CN", "QINGXI", "今日8版", "第1版",
             "责任编辑", "责编", "版式", "美编", "校对", "邮编", "零售价", "文昌路8号"]


def _plain(text: str) -> str:
    return re.sub(r"[\s\u3000]", "", text)


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    path = make_pdf(tmp_path_factory.mktemp("page") / "qxrb_20240513.pdf", PAGES, SHEET)
    return list(read_articles(str(path)))


def test_one_article_per_story_with_its_titles_and_nothing_else(articles):
    assert [a.title for a in articles] == [s.title.replace("\u3000", " ") for page in (1, 2) for s in STORIES[page]]
    by_title = {a.title: a for a in articles}
    assert by_title[LEAD.title].pretitle == LEAD.pretitle
    assert by_title[PARKING.title].subtitle == PARKING.subtitle


def test_masthead_and_header_are_the_page_paper_date_and_page(articles):
    for article in articles:
        page = 1 if _plain(article.title) in {_plain(s.title) for s in STORIES[1]} else 2
        assert (article.paper, article.date, article.page) == ("青溪日报", "2024-05-13", f"{page:02d}"), article.title


def test_no_word_of_masthead_header_or_footer_in_any_article(articles):
    for article in articles:
        printed = _plain(" ".join([article.title, article.pretitle or "", article.subtitle or "", article.text]))
        assert [w for w in FURNITURE if w in printed] == [], article.title


def test_every_column_of_every_article_is_in_that_article_only(articles):
    text = {_plain(a.title): _plain(a.text) for a in articles}
    for page in (1, 2):
        for story in STORIES[page]:
            columns = sorted({column for column, _ in story.lines})
            assert len(columns) == story.last - story.first + 1, story.title
            for column in columns:
                lines = [_plain(line) for c, line in story.lines if c == column and len(_plain(line)) >= 8]
                assert all(line in text[_plain(story.title)] for line in lines), (story.title, column)
                others = [t for t in text if t != _plain(story.title) and any(line in text[t] for line in lines)]
                assert others == [], (story.title, column)


def _chinese_spaces_out(text: str) -> str:
    """Text without its spaces, except those between two Latin letters."""
    return re.sub(r"[\s\u3000](?![A-Za-z])|(?<![A-Za-z])[\s\u3000]", "", text)


def test_body_in_reading_order_paragraph_by_paragraph_with_latin_spaces(articles):
    """Word for word, each paragraph as printed; spaces between Chinese characters are checked below
    (a full-width space at the end of a line, as in 记者　江帆　/通讯员, cannot be seen)."""
    by_title = {_plain(a.title): a for a in articles}
    for page in (1, 2):
        for story in STORIES[page]:
            assert [_chinese_spaces_out(p) for p in by_title[_plain(story.title)].paragraphs] == \
                [_chinese_spaces_out(p) for p in story.paragraphs], story.title


def test_no_space_inside_a_justified_chinese_line(articles):
    """Only the full-width spaces of the bylines (记者　柳岸) are spaces between Chinese characters."""
    for article in articles:
        for gap in re.finditer(r"[\u4e00-\u9fff（] (?=[\u4e00-\u9fff])", article.text):
            assert re.search(r"(记者|通讯员|讯)\s*[\u4e00-\u9fff]{0,3} $", article.text[:gap.end()]), \
                (article.title, article.text[gap.start() - 5:gap.end() + 5])


@pytest.mark.parametrize("pattern", [r"\d [\u4e00-\u9fff]", r"[\u4e00-\u9fff] \d"])
def test_no_space_between_digits_and_chinese(articles, pattern):
    source = {_plain(s.title): "".join(s.paragraphs).replace("\u3000", " ") for page in STORIES.values() for s in page}
    for article in articles:  # 本报讯　5月10日 has its own full-width space
        assert re.findall(pattern, article.text) == re.findall(pattern, source[_plain(article.title)]), article.title
    lead = next(a for a in articles if a.title == LEAD.title)
    assert "5月12日" in lead.text and "42.6亿元" in lead.text and "31%" in lead.text


def test_spaces_inside_latin_text_are_kept(articles):
    parking = next(a for a in articles if a.title == PARKING.title)
    assert "“Park and Ride”" in parking.text


def _variant(three: dict, two: dict) -> list:
    """A three-column story beside a two-column one (with a 副题, its headline block lower)."""
    return [replace(OLD_STREET, **{"top": 90, **three}), replace(PARKING, **{"top": 90, **two})]


#: The three-column story's headline centred or set left over its columns, over two of them with
#: the third beside it, on the left or the right of its neighbour.
VARIANTS = {
    "centred, neighbour right": _variant({}, {}),
    "set left, neighbour right": _variant({"align": "left"}, {}),
    "over two columns, third beside it": _variant({"head": (0, 1), "align": "left"}, {}),
    "centred, neighbour left": _variant({"first": 2, "last": 4}, {"first": 0, "last": 1}),
    "set left, neighbour left": _variant({"first": 2, "last": 4, "align": "left"}, {"first": 0, "last": 1}),
    "long headline, neighbour left": _variant({"first": 2, "last": 4, "title": "老城区文昌街改造工程正式开工"},
                                              {"first": 0, "last": 1}),
    "third column under a photo": _variant({"photo": (2, 60, 0)}, {}),
    "third column under a photo, top of the page": _variant({"photo": (2, 60, 0), "top": 72}, {"top": 72}) + [
        replace(READING, first=0, last=1, top=300)],
    "a photo inside the first column, neighbour left": _variant({"first": 2, "last": 4, "photo": (2, 60, 4)},
                                                                {"first": 0, "last": 1}),
}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    pages = [(replace(HEADER, number=number, rule=stories[0].top > 72), stories, FOOTER)
             for number, stories in enumerate(VARIANTS.values(), 1)]
    path = make_pdf(tmp_path_factory.mktemp("variants") / "variants.pdf", pages, SHEET)
    return list(read_articles(str(path)))


@pytest.mark.parametrize("number, name", list(enumerate(VARIANTS, 1)))
def test_three_columns_beside_two_each_column_with_its_own_story(variants, number, name):
    on_page = {_plain(a.title): _plain(a.text) for a in variants if a.page == f"{number:02d}"}
    stories = VARIANTS[name]
    assert sorted(on_page) == sorted(_plain(s.title) for s in stories)
    for story in stories:
        for column in range(story.first, story.last + 1):
            lines = [_plain(line) for c, line in story.lines if c == column]
            assert lines and all(line in on_page[_plain(story.title)] for line in lines), (story.title, column)
        assert on_page[_plain(story.title)] == _plain("".join(story.paragraphs))


EAR = Story("夏粮收购启动", [
    "本报讯　记者从省粮食和物资储备局获悉，今年夏粮收购工作5月12日全面启动，全省设立收购网点860个。",
], 4, 5, 40, 0, title_size=16, typeset=True)
FAIR = Story("石门村庙会重开", [
    "本报讯（记者　宋清）农历四月初八，停办多年的石门村庙会重新开张。庙会由村委会主办 县文化馆协办，星期一 到星期三连办三天。",
    "庙会上，舞龙、采茶戏和手工竹编轮番登场，吸引周边群众两万余人次。",
], 0, 2, 90, 0, title_size=20, typeset=True)
#: A front page with a 报眼 story beside the masthead and no rules; an inner page whose header has no
#: rule and whose first story speaks of 农历, 主办 and 星期一 a few lines under it.
RULELESS = [(Masthead("人民日报", ["2024年5月13日 星期一", "农历甲辰年四月初六", "第1版 今日20版"], rules=False,
                      lines_x=340), [EAR, replace(LEAD, top=170), replace(REMARK, top=170)]),
            (replace(HEADER, rule=False), [FAIR, replace(VILLAGE, top=90)])]


@pytest.fixture(scope="module")
def ruleless(tmp_path_factory):
    return list(read_articles(str(make_pdf(tmp_path_factory.mktemp("ruleless") / "p.pdf", RULELESS, SHEET))))


def test_a_story_beside_the_masthead_is_a_story_and_the_masthead_is_not(ruleless):
    front = [a for a in ruleless if a.page == "01"]
    assert [_plain(a.title) for a in front] == [EAR.title, LEAD.title, REMARK.title]
    assert _plain(front[0].text) == _plain(EAR.paragraphs[0])
    assert all((a.paper, a.date) == ("人民日报", "2024-05-13") for a in front)
    assert not any(w in _plain(a.text + a.title) for a in front for w in ["星期一", "农历", "今日20版", "人民日报"])


def test_a_header_without_a_rule_ends_where_its_lines_end(ruleless):
    inner = [a for a in ruleless if a.page == "02"]
    assert [_plain(a.title) for a in inner] == [FAIR.title, VILLAGE.title]
    assert _plain(inner[0].text) == _plain("".join(FAIR.paragraphs))  # its 农历, 主办, 星期一 stay its own
    assert all((a.paper, a.date) == ("青溪日报", "2024-05-13") for a in inner)


#: A4 pages of three columns: a story over all three above a two-column and a one-column story, its
#: third column under a photo, or beside its headline set over two columns.
A4_PAGES = {
    "third column under a photo": [replace(OLD_STREET, top=40, photo=(2, 70, 0)), replace(PARKING, top=260),
                                   replace(READING, top=260)],
    "third column beside the headline": [replace(OLD_STREET, top=40, head=(0, 1), align="left"),
                                         replace(PARKING, top=260), replace(READING, top=260)],
}


@pytest.fixture(scope="module")
def a4(tmp_path_factory):
    pages = [(f"青溪日报 2024年5月13日 星期一 第0{n}版 综合", stories) for n, stories in enumerate(A4_PAGES.values(), 1)]
    return list(read_articles(str(make_pdf(tmp_path_factory.mktemp("a4") / "a4.pdf", pages))))


@pytest.mark.parametrize("number, name", list(enumerate(A4_PAGES, 1)))
def test_three_column_page_each_column_with_its_own_story(a4, number, name):
    on_page = {_plain(a.title): _plain(a.text) for a in a4 if a.page == f"{number:02d}"}
    assert sorted(on_page) == sorted(_plain(s.title) for s in A4_PAGES[name])
    for story in A4_PAGES[name]:
        assert on_page[_plain(story.title)] == _plain("".join(story.paragraphs)), story.title


@pytest.mark.parametrize("header, expected", [
    ("青溪日报 2024年5月13日 星期一 第03版 要闻", ("青溪日报", "2024-05-13", "03")),
    ("3\u3000\u3000要闻\u3000\u3000人民日报\u3000\u30002024年5月13日\u3000星期一", ("人民日报", "2024-05-13", "03")),
    ("要闻\u3000\u30002024年5月13日\u3000星期一\u3000\u3000责任编辑：王一\u3000\u30003", ("青溪日报", "2024-05-13", "03")),
])
def test_a_running_head_in_small_type_names_the_page(tmp_path, header, expected):
    """The 版次 printed alone in small type, the paper named in the header or else in the footer."""
    pages = [(header, [replace(PARKING, first=0, last=1, top=50)], FOOTER)]
    article, = read_articles(str(make_pdf(tmp_path / "p.pdf", pages)))
    assert (article.paper, article.date, article.page) == expected
    assert _plain(article.text) == _plain("".join(PARKING.paragraphs))
