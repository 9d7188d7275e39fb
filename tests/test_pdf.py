"""PDF newspaper pages made at test time (tests/pdfmaker.py): three columns, several articles a page,
headlines larger than the body, a story jumped to the next page; and PDFs without usable text."""
import pytest
from click.testing import CliRunner

from briefing.api import read_articles
from briefing.cli import cli
from briefing.errors import InputError

from .epaper_truth import bigram_f1

pytest.importorskip("pdfplumber", reason="PDF input is the optional extra briefing[pdf]")
pytest.importorskip("reportlab", reason="the test pages are drawn with reportlab (pip install reportlab)")

from .pdfmaker import Story, make_blank_pdf, make_cid_pdf, make_pdf  # noqa: E402

GREEN = Story("万亩荒坡换新装", [
    "本报讯（记者 柳岸 通讯员 石青）春分未到，青溪县石门村的荒坡上已是一片忙碌。村民们扛着锄头、提着树苗，沿着新修的步道一字排开，一天就栽下了三千多株红叶树。",
    "“过去这片坡地只长茅草，现在每一棵树都有人认领。”村党支部书记周明远说，全村今年计划栽种红叶树三万株，由村集体统一管护，收益按户分红。",
    "据了解，青溪县三年来累计完成荒坡绿化一万二千亩，带动两千余户群众参与管护，户均年增收三千元。县林业局还在五个乡镇设立了苗木服务点，免费提供技术指导。",
    "下一步，青溪县将把红叶林与乡村旅游结合起来，打造一条贯通六个村的赏叶步道，预计秋季可接待游客十万人次。",
], 0, 2, 40, 300, pretitle="青溪县启动春季植绿行动", title_size=22)
SPRING = Story("青溪县召开春耕生产调度会", [
    "本报讯（记者 江帆）3月11日，青溪县召开春耕生产调度会，县委书记林致远出席并讲话。",
    "林致远强调，要抓住农时、压实责任，确保全县二十万亩早稻按时栽插，农资供应不断档，农机服务不停歇。各乡镇要把春耕任务分解到村、落实到户，县直有关部门要下沉一线帮助解决实际困难。",
    "会议通报了全县春耕备耕进展情况。截至目前，全县已储备种子四百五十吨、化肥一万二千吨，检修农机具三千一百台套，各乡镇负责人逐一汇报了下一步工作安排。",
], 0, 1, 310, 560, title_size=18, caption="调度会现场。本报记者 江帆 摄")
POST_1 = ["本报讯（记者 林禾）今年以来，青溪县在主要旅游线路沿线新建乡村驿站十座，为过往游客提供休息、饮水和应急服务。上周末，十座驿站迎来了首批游客。",
          "驿站同时设立山货展销区，村民可将笋干、茶叶和蜂蜜放在驿站代售，驿站统一定价、统一结算，每月底把货款打到村民账上。",
          "石门驿站管理员何晓燕告诉记者，开业第一天就卖出笋干两百多斤、茶叶八十多斤，"]
POST_2 = ["不少游客还留下电话，约定秋天再来买新茶。",
          "县文旅局负责人表示，目前十座驿站已累计销售农产品八十余万元，下一步将在驿站增加充电桩和自助借阅书柜，让游客歇得下脚、让山货卖得出去。"]
POST = Story("乡村驿站迎来首批游客", POST_1, 2, 2, 310, 800, title_size=16, jump="（下转第2版）")
LIBRARY = Story("图书馆延长开放时间", [
    "本报讯（记者 宋清）记者从青溪县图书馆获悉，自6月20日起，图书馆周一至周五的闭馆时间由晚上六点推迟到九点，方便上班族下班后借阅。",
    "延时期间，一楼自习区和少儿阅览区照常开放，馆内还将每周举办两场亲子阅读活动。馆长宋清和介绍，去年图书馆接待读者二十六万人次。",
], 0, 1, 570, 800, title_size=16)
POST_TAIL = Story("乡村驿站迎来首批游客", ["（上接第1版）"] + POST_2, 0, 0, 40, 400, title_size=14)
NIGHT = Story("山城夜市点亮烟火气", [
    "本报记者 江帆 通讯员 何青",
    "夜幕降临，山城老街的灯笼次第亮起，两百多个摊位沿江排开，烤串、凉粉和手工糖画吸引了大批市民。",
    "摊主何晓燕去年从工厂辞职后在这里卖米糕，“一晚上能卖四百多份，比上班挣得多。”她笑着说。据当地商务部门统计，夜市开放一年来，带动就业一千二百余人，日均客流超过三万人次。",
], 1, 2, 40, 400, title_size=18)
COMMENT = Story("春耕时节莫误农时", [
    "一年之计在于春。眼下正是春耕备耕的关键时节，各地务必把粮食生产摆在突出位置，把各项措施落到田间地头。",
    "抓春耕，既要算好眼前账，也要算好长远账，让种粮农民有钱挣、得实惠，让撂荒地重新种上庄稼。",
    "各级干部要多到田间走一走，帮助农民解决农资、农机和技术上的难处，切实把好政策变成好收成。",
], 0, 2, 410, 800, title_size=16, fake_bold=True)
PAGES = [("青溪日报 2024年3月12日 星期二 第01版 要闻", [GREEN, SPRING, POST, LIBRARY]),
         ("青溪日报 2024年3月12日 星期二 第02版 综合", [POST_TAIL, NIGHT, COMMENT])]
#: What the reader must give: title, body, 版次, in page order.
EXPECTED = [(GREEN, GREEN.paragraphs, "01"), (SPRING, SPRING.paragraphs, "01"), (POST, POST_1 + POST_2, "01"),
            (LIBRARY, LIBRARY.paragraphs, "01"), (NIGHT, NIGHT.paragraphs[1:], "02"),
            (COMMENT, COMMENT.paragraphs, "02")]


@pytest.fixture(scope="module")
def issue(tmp_path_factory):
    return make_pdf(tmp_path_factory.mktemp("pdf") / "qxrb_20240312.pdf", PAGES)


def test_every_article_with_its_title_body_in_reading_order_and_no_extra(issue):
    articles = list(read_articles(str(issue)))
    assert [a.title for a in articles] == [story.title for story, _, _ in EXPECTED]
    for article, (story, body, page) in zip(articles, EXPECTED):
        assert bigram_f1(article.text, "".join(body)) >= 0.9, article.title
        assert article.page == page and article.date == "2024-03-12" and article.paper == "青溪日报"
    assert articles[0].pretitle == "青溪县启动春季植绿行动"
    assert articles[0].paragraphs[0].startswith("本报讯") and len(articles[0].paragraphs) == 4
    assert "摄" not in articles[1].text  # the photo caption in small type is not body


def test_jump_is_joined_and_its_markers_dropped(issue):
    post = next(a for a in read_articles(str(issue)) if a.title == POST.title)
    assert "下转" not in post.text and "上接" not in post.text
    assert post.text.index("石门驿站") < post.text.index("约定秋天") < post.text.index("充电桩")


def test_byline_line_is_not_body(issue):
    night = next(a for a in read_articles(str(issue)) if a.title == NIGHT.title)
    assert night.byline.reporters == ("江帆",) and night.byline.correspondents == ("何青",)
    assert night.paragraphs[0].startswith("夜幕降临")


def test_summarize_pdf_prints_title_and_summary(issue):
    result = CliRunner().invoke(cli, ["summarize", str(issue)])
    assert result.exit_code == 0 and "万亩荒坡换新装" in result.stdout and "1. " in result.stdout


@pytest.mark.parametrize("maker, says", [(make_blank_pdf, "no text layer"), (make_cid_pdf, "unmapped glyphs")])
def test_unusable_text_layer_is_refused_in_one_line(tmp_path, maker, says):
    path = maker(tmp_path / "scan.pdf") if maker is make_blank_pdf else maker(tmp_path / "scan.pdf", PAGES)
    with pytest.raises(InputError, match=says):
        list(read_articles(str(path)))
    result = CliRunner().invoke(cli, ["summarize", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "OCR" in result.stderr and "Traceback" not in result.stderr


def test_one_pdf_per_page_folder_joins_the_jump_and_reads_it_once(tmp_path):
    first = make_pdf(tmp_path / "qxrb_20240312_01.pdf", PAGES[:1])
    second = make_pdf(tmp_path / "qxrb_20240312_02.pdf", PAGES[1:])
    front = list(read_articles(str(first)))
    post = next(a for a in front if a.title == POST.title)
    assert "约定秋天" in post.text and "下转" not in post.text
    inner = list(read_articles(str(second)))
    assert [a.title for a in inner] == [NIGHT.title, COMMENT.title]  # the jump's tail went to page 1


def test_a_jump_whose_other_page_is_absent_keeps_its_text(tmp_path):
    alone = make_pdf(tmp_path / "page02.pdf", PAGES[1:])
    tail = next(a for a in read_articles(str(alone)) if a.title == POST.title)
    assert tail.paragraphs[0].startswith("不少游客") and "上接" not in tail.text


FLOWING = [(GREEN.pretitle, GREEN.title, GREEN.paragraphs[1:]), (None, SPRING.title, SPRING.paragraphs[1:]),
           (None, COMMENT.title, COMMENT.paragraphs), (None, LIBRARY.title, LIBRARY.paragraphs[1:]),
           (None, POST.title, POST_1[1:] + POST_2), (None, NIGHT.title, NIGHT.paragraphs[1:])]


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_page_laid_out_by_libreoffice_reads_in_column_order(tmp_path):
    from .pdfmaker import make_flowing_pdf

    path = make_flowing_pdf(tmp_path, FLOWING)
    articles = {a.title: a for a in read_articles(str(path))}
    assert sorted(articles) == sorted(title for _, title, _ in FLOWING)  # headlines wrapped to two lines
    assert articles[GREEN.title].pretitle == GREEN.pretitle
    for _, title, body in FLOWING:  # SPRING runs from the foot of one column to the top of the next
        assert bigram_f1(articles[title].text, "".join(body)) >= 0.9, title
        assert articles[title].paragraphs[-1][-8:] == body[-1][-8:]


def test_pages_with_headlines_only_or_blank_pages_read_without_error(tmp_path):
    only_heads = Story("只有标题的版面", [], 0, 2, 40, 100, title_size=30)
    path = make_pdf(tmp_path / "heads.pdf", [("青溪日报 2024年3月12日 第05版 广告", [only_heads]), ("", [])])
    assert list(read_articles(str(path))) == []  # a headline with no text under it is not an article


@pytest.mark.parametrize("cut", [10, 200, 2000])
def test_truncated_pdf_is_one_clear_error(issue, tmp_path, cut):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(issue.read_bytes()[:cut])
    result = CliRunner().invoke(cli, ["summarize", str(broken)])
    assert result.exit_code == 1 and "Traceback" not in result.stderr and str(broken) in result.stderr
