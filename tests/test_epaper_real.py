"""The HTML readers on the real e-paper and news-site pages in ../shared/epaper (skipped when it is
absent; tests/test_html.py checks the same rules on pages written for the tests)."""
import re

import pytest
from click.testing import CliRunner

from briefing.api import read_articles
from briefing.cli import cli
from briefing.read.layout import LayoutPageError

from .epaper_truth import EPAPER, FOUNDER_ISSUE, NEWS_PAGES, bigram_f1, founder_truth, news_truth

pytestmark = pytest.mark.skipif(not EPAPER.exists(), reason=f"{EPAPER} is absent (a fresh clone has no ../shared)")
FOUNDER_PAGES = sorted(FOUNDER_ISSUE.glob("*.html")) if FOUNDER_ISSUE.exists() else []


def _caption(raw: str, ident: str) -> str:
    """A field of the page's own title block, read with a plain pattern (not the reader's parser)."""
    match = re.search(rf'id="{ident}"[^>]*>(.*?)<', raw, re.S)
    return match.group(1).strip() if match else ""


@pytest.mark.parametrize("page", FOUNDER_PAGES, ids=lambda p: p.name[:32])
def test_founder_page_fields_exact_and_body_f1(page):
    raw = page.read_text(encoding="utf-8")
    (article,) = read_articles(str(page))
    assert article.title == _caption(raw, "main-title")
    assert (article.pretitle or "") == _caption(raw, "intro-title")
    assert (article.subtitle or "") == _caption(raw, "sub-title")
    assert article.date == re.sub(r"(\d{4})年(\d\d)月(\d\d)日", r"\1-\2-\3", _caption(raw, "author"))
    assert article.page == _caption(raw, "nowLayout") == re.search(r"layout(\d\d)", page.name).group(1)
    assert bigram_f1(article.text, founder_truth(page)) >= 0.9
    assert "摄）" not in article.text and "湖北日报全媒记者 " not in article.text[:12]


def test_news_pages_mean_body_f1_and_worst_page():
    scores = {}
    for name in NEWS_PAGES:
        (article,) = read_articles(str(EPAPER / name))
        scores[name] = bigram_f1(article.text, news_truth(name))
    assert sum(scores.values()) / len(scores) >= 0.9, scores
    assert min(scores.values()) >= 0.7, scores


@pytest.mark.parametrize("name, title, absent", [
    ("gne_shanxi_1.html", "山西品牌丝路行（南美站）正式启动", ["图为", "字体", "分享"]),
    ("gne_cjn_1.html", "外媒眼中的武汉长假：蓬勃发展，欢声笑语", ["报道截图", "编辑：", "相关阅读"]),
    ("gne_people_1.html", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", ["点击进入", "责编", "推荐阅读", "【2】"]),
    ("gne_other_1.html", "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议",
     ["扫一扫", "相关稿件", "字号"]),
])
def test_news_page_title_and_no_page_furniture(name, title, absent):
    (article,) = read_articles(str(EPAPER / name))
    assert article.title == title
    for text in absent:
        assert text not in article.text


def test_real_layout_page_lists_its_articles():
    with pytest.raises(LayoutPageError) as caught:
        list(read_articles(str(EPAPER / "kjrb_layout_20230210_p01_node_2.htm")))
    message = str(caught.value)
    assert "第01版：今日要闻" in message and "2023-02-10" in message and "listing 5 articles" in message


def test_day_brief_of_the_issue_merges_the_story_printed_on_two_pages(tmp_path):
    import json

    if not FOUNDER_PAGES:
        pytest.skip(f"{FOUNDER_ISSUE} is absent")
    target = tmp_path / "day.json"
    result = CliRunner().invoke(cli, ["brief", str(FOUNDER_ISSUE), "--period", "day", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(target.read_text(encoding="utf-8"))
    items = [item for section in brief["sections"] for item in section["items"]] + brief["more"]
    cited = [{s["id"] for s in item["sources"]} for item in items]
    assert [ids for ids in cited if "211249" in ids] == [{"211249", "211259"}]  # printed on 版01 and 版02: one item
    assert sum(map(len, cited)) == len(FOUNDER_PAGES) and len(items) == len(FOUNDER_PAGES) - 1
    pages = {(s["paper"], s["page"]) for item in items for s in item["sources"]}
    assert pages == {("湖北日报", "01"), ("湖北日报", "02")}
