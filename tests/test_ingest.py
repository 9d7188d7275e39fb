"""Reading pages: decoding, splitting into articles, bylines, print-layout break repair."""
import pytest

from briefing.errors import DecodeError, InputError
from briefing.read.ingest import (date_from_name, decode, is_byline, parse_byline, read_text_file, repair_breaks,
                                  split_page)

from .helpers import SEEDS, real_page

SEED_BREAKS = [  # (file, end of the broken paragraph, start of its continuation), from seeds/README.md
    ("2024-05-13.txt", "设备基础施", "工情况。"),
    ("2024-05-13.txt", "青溪智能制造产业园项目总投资", "约5000万元"),
    ("2024-05-13.txt", "全流程代办服", "务,为企业"),
    ("2024-05-14.txt", "减少对群众出行的影", "响。"),
    ("2024-05-14.txt", "董事长钱", "立新一行。"),
    ("2024-05-15.txt", "“双过半”目标任", "务。"),
    ("2024-05-15.txt", "电动自行车集中充", "电棚"),
    ("2024-05-16.txt", "冷库自动化立体仓", "储、冷链车辆"),
    ("2024-05-16.txt", "网格化治", "理和发展壮大"),
    ("2024-05-17.txt", "重点引进工业互联", "网、软件信息服务"),
    ("2024-05-17.txt", "实现北段全幅通", "车,全线计划"),
]


def articles_of(name):
    path = SEEDS / name
    return read_text_file(path.read_bytes(), str(path), date_from_name(name))


@pytest.mark.parametrize("name, before, after", SEED_BREAKS)
def test_seed_breaks_are_repaired(name, before, after):
    paragraphs = [p for a in articles_of(name) for p in a.paragraphs]
    assert any(before + after in p for p in paragraphs)
    assert not any(p.endswith(before) for p in paragraphs)


@pytest.mark.parametrize("name, count", [
    ("2024-05-13.txt", 4), ("2024-05-14.txt", 4), ("2024-05-15.txt", 5), ("2024-05-16.txt", 5), ("2024-05-17.txt", 5)])
def test_seed_pages_split_into_articles(name, count):
    articles = articles_of(name)
    assert len(articles) == count
    for article in articles:
        assert article.title and not article.title.startswith("本报讯")
        assert article.paragraphs[0].startswith("本报讯")
        assert article.byline.reporters, article.title
        assert not any(is_byline(p) for p in article.paragraphs)
        assert article.date == name[:10]


def test_two_line_headline_gives_title_and_subtitle():
    first = articles_of("2024-05-13.txt")[0]
    assert (first.title, first.subtitle) == ("抓项目促发展 比学赶超当先锋", "区委书记周明远调研重点项目建设")
    quoted = articles_of("2024-05-13.txt")[3]  # a headline that ends in a closing quote is still a headline
    assert quoted.title == "家门口的“幸福驿站”" and quoted.subtitle == "柳湾街道首个嵌入式养老服务站投入运营"


def test_gb18030_seed_decodes_and_reports_its_encoding():
    data = (SEEDS / "2024-05-15.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode(data, "seed")
    assert encoding == "gb18030" and "本报讯" in text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encodings_and_line_ends_give_the_same_articles(encoding, newline):
    text = (SEEDS / "2024-05-14.txt").read_text(encoding="utf-8")
    reference = split_page(text, "x")
    data = text.replace("\n", newline).encode(encoding)
    assert read_text_file(data, "x") == reference


@pytest.mark.parametrize("line, reporters, correspondents", [
    ("记者 景静", ["景静"], []),
    ("记者 苏晴 通讯员 刘畅 韩雪", ["苏晴"], ["刘畅", "韩雪"]),
    ("本报记者 张三 李四", ["张三", "李四"], []),
    ("通讯员 王五", [], ["王五"]),
])
def test_bylines(line, reporters, correspondents):
    assert is_byline(line)
    byline = parse_byline(line)
    assert list(byline.reporters) == reporters and list(byline.correspondents) == correspondents


@pytest.mark.parametrize("line", ["记者节当天,区里举行座谈会。", "本报讯 记者从区发改委获悉", "记者 景静在现场看到,工地上一片繁忙。"])
def test_sentences_that_mention_reporters_are_not_bylines(line):
    assert not is_byline(line)


@pytest.mark.parametrize("paragraphs, expected", [
    (["先后参观了24小", "时便利店。"], ["先后参观了24小时便利店。"]),
    (["总经理尹海", "燕,对项目表示祝贺。"], ["总经理尹海燕,对项目表示祝贺。"]),
    (["第一段。", "第二段。"], ["第一段。", "第二段。"]),
    (["一是抓项目;", "二是抓服务。"], ["一是抓项目;", "二是抓服务。"]),
    (["一、加强组织领导", "各单位要高度重视。"], ["一、加强组织领导", "各单位要高度重视。"]),
    (["他说:“好。”", "会议结束。"], ["他说:“好。”", "会议结束。"]),
    (["using the", "API today."], ["using the API today."]),
])
def test_repair_breaks(paragraphs, expected):
    assert repair_breaks(paragraphs) == expected


def test_text_without_markers_is_one_article_with_a_headline():
    articles = split_page("区里召开安全生产会议\n\n会议强调,要压实责任。\n\n各单位要落实到位。", "x")
    assert len(articles) == 1
    assert articles[0].title == "区里召开安全生产会议"
    assert articles[0].paragraphs == ("会议强调,要压实责任。", "各单位要落实到位。")


def test_text_starting_with_a_sentence_has_no_title():
    (article,) = split_page("会议强调,要压实责任。各单位要落实到位。", "x")
    assert article.title == "" and article.paragraphs == ("会议强调,要压实责任。各单位要落实到位。",)


@pytest.mark.parametrize("name, date", [
    ("2023-04-21.txt", "2023-04-21"), ("20230421_page2.txt", "2023-04-21"), ("page_2023_04_21.md", "2023-04-21"),
    ("notes.txt", None), ("20231399.txt", None)])
def test_date_from_file_name(name, date):
    assert date_from_name(name) == date


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"  \n\r\n ", "empty"), (b"\x00\x01\x02binary\x00" * 50, "binary"),
    (bytes(range(1, 32)) * 100, "binary"),
])
def test_bad_bytes_raise_input_errors(data, message):
    with pytest.raises(InputError, match=message):
        read_text_file(data, "bad.txt")


def test_undecodable_bytes_raise_a_decode_error():
    with pytest.raises(DecodeError, match="UTF-8"):
        decode(b"\xff\xfe\xfd" * 0 + b"abc\x81\x30\xff\xff", "bad.txt")


def test_a_huge_line_without_punctuation_is_rejected():
    with pytest.raises(InputError, match="no punctuation"):
        read_text_file(("字" * 100_000).encode(), "long.txt")


# The real page in ../shared: six articles, nine breaks, titles, subtitles and bylines.

REAL_TITLES = [
    ("外出招商谋合作 考察取经促发展", "二七区领导带队赴西安、成都考察招商", ["景静"], []),
    ("围绕“六医”产业 打造健康产业带", "区领导实地调研交运集团大学路项目", ["景静"], []),
    ("二七区全面启动年轻干部“壮苗增穗”行动", None, ["景静"], ["王垚"]),
    ("二七时事通医疗器械产业园项目成功签约", None, ["景静"], []),
    ("市、区两级人大代表视察二七区教育工作", None, ["景静"], ["左学彬", "周祎"]),
    ("二七区召开重点项目推进会", None, ["景静"], []),
]  # the last two headlines are one line of two halves; only their first halves are written here
REAL_JOINS = ["24小时便利店", "尹海燕", "王泽文参加", "项目总投资约3000万元", "助推项目尽快", "相互协同",
              "资源整合", "区发改委汇报了", "优化服务保障"]


def test_real_page_splits_into_six_articles():
    path = real_page()
    articles = read_text_file(path.read_bytes(), str(path))
    assert [(a.title.split(" ")[0] if a.title.startswith(("市", "二七区召开")) else a.title, a.subtitle,
             list(a.byline.reporters), list(a.byline.correspondents)) for a in articles] == REAL_TITLES
    assert len(articles[4].title) == 32 and len(articles[5].title) == 27


@pytest.mark.parametrize("joined", REAL_JOINS)
def test_real_page_breaks_are_repaired(joined):
    path = real_page()
    body = [p for a in read_text_file(path.read_bytes(), str(path)) for p in a.paragraphs]
    assert any(joined in p for p in body)


def test_real_page_has_no_unpunctuated_paragraph_left():
    path = real_page()
    for article in read_text_file(path.read_bytes(), str(path)):
        for paragraph in article.paragraphs:
            assert paragraph[-1] in "。！？”）", paragraph[-20:]


def test_library_summarize_reads_text_like_a_file():
    from briefing import summarize

    text = (SEEDS / "2024-05-14.txt").read_text(encoding="utf-8")
    as_file = [s.article.paragraphs for s in summarize(text)]
    assert [s.article.paragraphs for s in summarize(text.replace("\n", "\r"))] == as_file
