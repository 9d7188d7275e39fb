"""HTML article and layout pages, on pages written for these tests in each family's structure."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.api import expand_paths, read_articles
from briefing.cli import cli
from briefing.errors import InputError
from briefing.read.layout import LayoutPageError

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def one(name: str):
    articles = list(read_articles(str(FIXTURES / name)))
    assert len(articles) == 1
    return articles[0]


def test_founder_page_fields_byline_and_doubled_body():
    article = one("founder_content_3301.html")
    assert (article.pretitle, article.title, article.subtitle) == (
        "青溪县启动春季植绿行动", "万亩荒坡换新装", "三年栽下红叶林 带动两千户增收")
    assert (article.date, article.page, article.paper, article.id) == ("2024-03-12", "03", "青溪日报", "3301")
    assert article.byline.reporters == ("柳岸",) and article.byline.correspondents == ("石青",)
    assert article.paragraphs[0].startswith("春分未到")  # the byline paragraph is not body
    assert article.paragraphs[1] == "荒坡变林地"  # a subhead stays its own paragraph
    assert len(article.paragraphs) == 4  # the doubled enpcontent body is read once
    assert "摄" not in article.text  # the photo caption above the body is not body


def test_founder_lead_byline_and_commentator():
    lead = one("founder_content_3302.html")
    assert lead.paragraphs[0].startswith("青溪日报讯")  # the lead stays; summaries strip it
    assert lead.byline.reporters == ("柳岸",) and lead.byline.correspondents == ("石青",)
    assert (lead.page, lead.pretitle, lead.subtitle) == ("01", None, None)
    comment = one("founder_content_3305.html")
    assert comment.byline.reporters == ("青溪日报评论员",)
    assert comment.paragraphs[0].startswith("一年之计") and "□" not in comment.text


def test_people_page():
    article = one("people_article.html")
    assert (article.pretitle, article.title, article.subtitle) == ("多地夜间经济持续升温", "山城夜市点亮烟火气", "小摊位撑起就业大民生")
    assert (article.paper, article.page, article.date) == ("人民日报", "10", "2024-04-02")
    assert [p[:4] for p in article.paragraphs] == ["夜幕降临", "摊主何晓", "据当地商"]
    for noise in ("点击进入", "摄）", "《人民日报》", "【1】", "责编", "推荐阅读"):
        assert noise not in article.text


def test_trs_page_is_not_fooled_by_its_stylesheet():
    article = one("trs_article.html")
    assert (article.title, article.subtitle, article.date, article.paper) == (
        "青溪县新建十座乡村驿站", "让游客歇得下脚 让山货卖得出去", "2024-05-06", "青溪日报")
    assert len(article.paragraphs) == 3 and "font-size" not in article.text
    assert "图为" not in article.text and "首页" not in article.text


def test_general_page_in_gb18030():
    article = one("general_article.html")
    assert (article.title, article.date) == ("青溪县图书馆延长开放时间", "2024-06-18")
    assert len(article.paragraphs) == 3
    for noise in ("热点新闻", "防汛演练", "编辑：", "首页", "版权所有"):
        assert noise not in article.text


def test_layout_page_says_what_it_is():
    with pytest.raises(LayoutPageError) as caught:
        list(read_articles(str(FIXTURES / "node_2.htm")))
    message = str(caught.value)
    assert "第01版：要闻" in message and "2024-03-12" in message and "3 articles" in message
    assert message.index("青溪县召开春耕生产调度会") < message.index("万亩荒坡换新装")  # page-map order
    assert "关于我们" not in message and "\n" not in message  # the site's own links are not articles


def test_layout_page_on_the_command_line_is_one_line_and_exit_1():
    result = CliRunner().invoke(cli, ["summarize", str(FIXTURES / "node_2.htm")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "layout page" in result.stderr and "Traceback" not in result.stderr


def test_saved_issue_folder_reads_each_article_once(tmp_path):
    for name in ("founder_content_3301.html", "founder_content_3302.html", "founder_content_3305.html", "node_2.htm"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    shutil.copy(FIXTURES / "founder_content_3301.html", tmp_path / "founder_content_3301.html@div=-1.html")
    paths = expand_paths([str(tmp_path)])
    assert [Path(p).name for p in paths] == [
        "founder_content_3301.html", "founder_content_3302.html", "founder_content_3305.html"]
    pages = [a.page for p in paths for a in read_articles(p)]
    assert pages == ["03", "01", "03"]


def test_summarize_html_prints_title_and_summary_and_json_fields():
    page = str(FIXTURES / "founder_content_3301.html")
    text = CliRunner().invoke(cli, ["summarize", page])
    assert text.exit_code == 0 and "万亩荒坡换新装" in text.stdout and "1. " in text.stdout
    record = json.loads(CliRunner().invoke(cli, ["summarize", page, "--format", "json"]).stdout)["articles"][0]
    assert (record["pretitle"], record["page"], record["paper"]) == ("青溪县启动春季植绿行动", "03", "青溪日报")


@pytest.mark.parametrize("content", [b"", b"<html><body><ul><li><a href='/'>home</a></li></ul></body></html>"])
def test_empty_or_bodiless_html_is_one_clear_error(tmp_path, content):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(read_articles(str(page)))
    assert str(page) in str(caught.value)


def test_article_page_without_its_page_number_takes_it_from_the_layout_page(tmp_path):
    (tmp_path / "alone").mkdir()
    shutil.copy(FIXTURES / "content_3306.htm", tmp_path / "alone")
    (alone,) = read_articles(str(tmp_path / "alone" / "content_3306.htm"))
    assert alone.page is None  # the page does not print its 版次
    for name in ("content_3306.htm", "node_3.htm", "node_2.htm"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (article,) = read_articles(str(tmp_path / "content_3306.htm"))
    assert (article.title, article.page, article.id) == ("茶园春管忙", "02", "3306")


@pytest.mark.parametrize("lead", ["青溪日报讯 （通讯员石青）3月11日，青溪县召开春耕生产调度会。",
                                  "青溪日报讯 3月11日，青溪县召开春耕生产调度会。"])
def test_a_papers_own_lead_is_stripped_from_summary_sentences(lead):
    from briefing.read.text import strip_lead

    assert strip_lead(lead) == "3月11日，青溪县召开春耕生产调度会。"


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["<p>", "</p>", "<div class='TRS_Editor'>", "</div>", "<!--enpcontent-->",
                           "<!--/enpcontent-->", "<founder-content>", "<h1>", "</h1>", "<h3 class='pre'>",
                           "<br>", "<a href='content_12.htm?div=-1'>", "</a>", "<area href='content_3.htm'>",
                           "第01版：要闻", "<!--enpproperty <title>标题</title>", "/enpproperty-->",
                           "<script>", "</html>", "<html>", "本报讯（记者 柳岸）", "今天，青溪县召开会议。", "\x00"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_any_html_gives_articles_or_one_input_error(pieces):
    from briefing.read.html import read_html

    try:
        articles = read_html("".join(pieces).encode("utf-8"), "page.html")
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith("page.html: ")
    else:
        assert len(articles) == 1 and articles[0].paragraphs


_WRAPPED = """<html><head><title>青溪县新开三条公交线路_青溪新闻网</title></head><body>
<div class="nav"><a href="/">首页</a>，<a href="/n/">新闻</a></div><h1>青溪县新开三条公交线路</h1>
<div class="post_text"><div><p>本月起，青溪县新开通三条城乡公交线路，覆盖沿线十二个行政村。</p></div>
<div><p>新线路每天早六点发车，票价两元，老年人凭卡免费乘坐。</p></div>
<div><p>县交通运输局表示，年内还将再开通两条线路，实现村村通公交。</p></div></div>
<div class="foot">版权所有 青溪新闻网，违法和不良信息举报电话：0000-0000000，未经授权不得转载，本站郑重声明所载文章仅供参考。</div>
</body></html>"""
_LOOSE = """<html><body><h1>茶农喜迎开采季</h1><div class="news_txt">清明前后，青溪县的茶山上满是采茶人。<br>
<div class="gap"></div>今年春茶长势好，每斤鲜叶收购价比去年高出五元。<br><div class="gap"></div>
茶厂负责人说，今年预计收购鲜叶三十万斤，带动三百户茶农增收。<br></div>
<ul><li><a href="/1.html">相关：青溪县举办茶文化节，游客品茗赏景。</a></li></ul></body></html>"""


@pytest.mark.parametrize("page, first, count", [(_WRAPPED, "本月起", 3), (_LOOSE, "清明前后", 3)])
def test_general_extractor_finds_wrapped_and_loose_paragraphs_not_the_footer(page, first, count):
    from briefing.read.html import read_html

    (article,) = read_html(page.encode("utf-8"), "page.html")
    assert article.paragraphs[0].startswith(first) and len(article.paragraphs) == count
    assert "版权所有" not in article.text and "相关" not in article.text


def test_people_e_paper_page_with_plain_headings():
    article = one("people_epaper.html")
    assert (article.pretitle, article.title, article.subtitle) == (
        "春耕备耕正当时", "青溪二十万亩早稻栽插过半", "农资供应充足 农机服务到田")
    assert (article.paper, article.page, article.date) == ("人民日报", "02", "2024-03-21")
    assert len(article.paragraphs) == 2 and "图为" not in article.text


@pytest.mark.parametrize("body", ["<html>", "<body></body><body>", "<html><body>"])
def test_a_founder_body_that_brings_its_own_document_is_one_input_error(body):
    # found by the property test above: lxml asserts on a fragment holding <html> or two <body>s
    from briefing.read.html import read_html

    with pytest.raises(InputError, match="no article text"):
        read_html(f"<!--enpcontent-->{body}<!--/enpcontent-->".encode("utf-8"), "page.html")
    page = read_html(f"<!--enpcontent-->{body}<p>区委召开全会，部署全年工作。</p><!--/enpcontent-->".encode("utf-8"), "page.html")
    assert [a.paragraphs for a in page] in ([("区委召开全会，部署全年工作。",)], [])
