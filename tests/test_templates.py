"""The shipped Jinja2 templates: golden files, Markdown escaping, and errors that name file and line."""
import pytest

from briefing.errors import TemplateError
from briefing.models import Activity, Brief, BriefItem, Counts, Highlight, Leader, Person, Section, Source
from briefing.render.markdown import escape_md, render, render_brief

SIGNING = BriefItem(
    title="星禾生物医药产业园项目成功签约", summary=("5月14日上午,青溪区举行签约仪式。", "项目总投资约12亿元。"),
    date="2024-05-14", figures=("约12亿元", "1.2亿元以上"), people=(Person("周明远", "区委书记"),),
    sources=(Source("青溪报 第01版", None, "2024-05-14", "星禾生物医药产业园项目成功签约", "青溪报", "01"),
             Source("2024-05-15", None, "2024-05-15", "星禾生物医药产业园项目签约落地")),
    candidates=("项目总投资约12亿元。", "5月14日上午,青溪区举行签约仪式。"), key="1", score=4.2)
# Article text that would break the layout if it were not escaped.
TRICKY = BriefItem(
    title="# 标题里的*星号*与|竖线|", summary=("1. 以数字开头的句子 <b>不是列表</b>。",), date=None,
    sources=(Source("a_b", "r7", None, "# 标题里的*星号*与|竖线|"),), key="2")
LISTED = BriefItem(title="区图书馆延长开放时间", summary=(), date="2024-05-16",
                   sources=(Source("青溪报 第03版", None, "2024-05-16", "区图书馆延长开放时间"),), key="3")
BRIEF = Brief(
    title="每周要情", issue="20", unit="青溪区委办公室", period="week", start="2024-05-13", end="2024-05-19",
    editor_note="本期起增设附录。", highlights=(Highlight("1", "青溪区举行签约仪式。"), Highlight("9", "已删去的条目")),
    sections=(Section("招商引资与项目建设", (SIGNING,)), Section("其他", (TRICKY,))), more=(LISTED,),
    leaders=(Leader("周明远", "区委书记", 1, (Activity("2024-05-14", "出席签约仪式", SIGNING.title),)),),
    keywords=("项目", "签约"), counts=Counts(read=4, shown=2, listed=1, merged=1, dropped=0, inputs=23),
    total_issue="108", classification="内部资料　注意保存", closing=("报：区委常委", "送：各街道党工委"), copies=60)
EMPTY = Brief(title="每日要情", issue="135", unit="", period="day", start="2024-05-14", end="2024-05-14")
RECORD = {
    "id": None, "source": "seeds/2024-05-14.txt", "date": "2024-05-14", "title": "星禾*项目*签约",
    "subtitle": None, "byline": {"reporters": ["苏晴"], "correspondents": []}, "paragraphs": ["…"],
    "keywords": [{"word": "签约", "weight": 0.1}], "keyphrases": [], "summary": ["第一句。", "第二句|竖线。"],
    "entities": {"people": [{"name": "周明远", "title": "区委书记"}], "organizations": [], "places": [],
                 "dates": [], "figures": ["约12亿元"]},
}


def test_brief_golden(golden):
    golden("brief.md", render_brief(BRIEF))


def test_empty_brief_golden(golden):
    text = render_brief(EMPTY)
    golden("brief_empty.md", text)
    assert "2024年5月14日" in text and "None" not in text


def test_article_golden(golden):
    golden("article.md", render("article.md.j2", s=RECORD, n=1))


def test_brief_escapes_article_text():
    text = render_brief(BRIEF)
    assert "### （一）\\# 标题里的\\*星号\\*与\\|竖线\\|" in text
    assert "1\\. 以数字开头的句子 \\<b\\>不是列表\\</b\\>。" in text
    assert "None" not in text and "{{" not in text and "{%" not in text


@pytest.mark.parametrize("text, escaped", [
    ("1.5亿元", "1.5亿元"), ("1. 第一", "1\\. 第一"), ("# 标题", "\\# 标题"), ("C#语言", "C#语言"),
    ("- 列表", "\\- 列表"), ("党支部+合作社", "党支部+合作社"), ("a|b*c_d", "a\\|b\\*c\\_d"),
    ("[链接](x)", "\\[链接\\](x)"), ("两行\n文字", "两行 文字"), ("", ""),
])
def test_escape_md(text, escaped):
    assert escape_md(text) == escaped


def test_own_template_syntax_error_names_file_and_line(tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ brief.title }}\n\n{% for x in brief.sections %}\n{{ x.name }\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"mine\.md\.j2:4: .*fix the template syntax"):
        render_brief(BRIEF, str(template))


def test_own_template_undefined_variable_names_file_and_line(tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("# {{ brief.title }}\n\n{{ brief.author }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"mine\.md\.j2:3: .*author"):
        render_brief(BRIEF, str(template))


def test_own_template_is_sandboxed(tmp_path):
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ brief.__class__.__init__.__globals__ }}\n", encoding="utf-8")
    with pytest.raises(Exception):
        render_brief(BRIEF, str(template))


@pytest.mark.parametrize("words, shown", [
    (["星禾生物医药", "星禾", "星禾生物医药产业园", "签约", "签约仪式", "项目"], ["星禾生物医药", "签约", "项目"]),
    (["养老", "养老服务", "社区"], ["养老", "社区"]),
    ([], []),
])
def test_distinct_keywords_drop_parts_and_wholes_of_shown_ones(words, shown):
    from briefing.models import Keyword
    from briefing.brief.keywords import distinct

    assert [k.word for k in distinct([Keyword(w, 0.1) for w in words])] == shown
    assert [k["word"] for k in distinct([{"word": w} for w in words])] == shown
