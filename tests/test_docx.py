"""Word output reopened and checked for structure: page, margins, East Asian fonts, PAGE fields, text."""
import shutil

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from briefing.api import read_articles
from briefing.brief.items import cite
from briefing.errors import TemplateError
from briefing.models import (Activity, ArticleSummary, Brief, BriefItem, Byline, Counts, Highlight, Leader, Options,
                             Person, Section, Source)
from briefing.render.docx import clean, default_reference, write_article, write_brief
from briefing.analyze.scoring import summarize_article

from .helpers import SEEDS, real_page

BODY, TITLE, HEI, KAI = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"


def item(title, date="2024-05-13", path="2024-05-13", summary=("第一句。", "第二句。"), more=(), key="1"):
    sources = (Source(path, None, date, title), *more)
    return BriefItem(title, summary, date, ("1.2亿元",), (Person("周明远", "区委书记"),), sources, key=key)


def make_brief(**changes):
    first, second = item("青溪区召开项目推进会"), item("区长调研教育工作", "2024-05-14", key="2")
    merged = item("新能源产业园签约", more=(Source("2024-05-14", None, "2024-05-14", "新能源产业园正式签约"),), key="3")
    fields = dict(
        title="每周要情", issue="3", unit="青溪区委办公室", period="week", start="2024-05-13", end="2024-05-19",
        highlights=(Highlight("1", "第一句。"), Highlight("3", "第一句。")),
        sections=(Section("招商引资与项目建设", (first, merged)), Section("教育与民生", (second,))),
        leaders=(Leader("周明远", "区委书记", 1, (Activity("2024-05-13", "主持推进会", first.title),)),),
        keywords=("项目", "教育"), counts=Counts(read=4, shown=3, merged=1, inputs=4),
        closing=("报：市委办公室", "送：区委、区政府领导", "发：各乡镇（街道）、区直各单位"))
    fields.update(changes)
    return Brief(**fields)


def east_asia(element):
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def text_of(document):
    """Every paragraph's text, those in text boxes (the 版记) included, in document order."""
    from docx.text.paragraph import Paragraph

    return "\n".join(Paragraph(p, document).text for p in document.element.body.xpath(".//w:p"))


def footer_xml(section):
    return [f._element.xml for f in (section.footer, section.even_page_footer)]


def test_brief_page_fonts_and_footer(tmp_path):
    path = tmp_path / "brief.docx"
    write_brief(make_brief(), path)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    styles = document.styles
    expected = {"Normal": (BODY, 16), "Title": (TITLE, 22), "Heading 1": (HEI, 16), "Heading 2": (KAI, 16),
                "Footer": ("宋体", 14)}
    for name, (font, size) in expected.items():
        assert east_asia(styles[name].element) == font, name
        assert styles[name].font.size == Pt(size), name
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28.95)
    # no negative tracking: LibreOffice drops a line-ending ， or 、 from the PDF under it (27 a line, not 28)
    assert styles["Normal"].element.rPr.find(qn("w:spacing")) is None
    lang = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = footer_xml(section)
    for xml in (odd, even):
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and "— " in xml
    assert 'w:val="right"' in odd and 'w:val="left"' in even


def test_brief_text_and_runs(tmp_path):
    path = tmp_path / "brief.docx"
    write_brief(make_brief(), path)
    document = docx.Document(str(path))
    text = text_of(document)
    for needle in ("每周要情", "第3期", "2024年5月13日—5月19日", "本期要点", "一、招商引资与项目建设",
                   "（一）青溪区召开项目推进会", "二、教育与民生", "领导活动", "本期关键词", "项目、教育",
                   "报：市委办公室", "发：各乡镇（街道）、区直各单位", "（来源：本报，5月13日、5月14日，共2篇）", "印发"):
        assert needle in text, needle
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert east_asia(title.runs[0]._r) == TITLE
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run._r.find(qn("w:drawing")) is None:  # a text run, not the anchor of the 版记 box
                assert run._r.rPr.rFonts.get(qn("w:eastAsia")), paragraph.text


def test_day_brief_without_optional_parts(tmp_path):
    path = tmp_path / "day.docx"
    write_brief(make_brief(period="day", start="2024-05-13", end="2024-05-13", highlights=(), leaders=(),
                           keywords=(), closing=(), unit=""), path)
    text = text_of(docx.Document(str(path)))
    assert "2024年5月13日要情" in text and "一、招商引资与项目建设" in text
    assert "领导活动" not in text and "印发" not in text


def test_closing_block_is_pinned_to_the_foot_of_the_page(tmp_path):
    path = tmp_path / "brief.docx"
    write_brief(make_brief(), path)
    body = docx.Document(str(path)).element.body
    anchor = body.xpath(".//wp:anchor")[-1]
    assert anchor.xpath("./wp:positionV/wp:align")[0].text == "bottom"
    assert anchor.xpath("./wp:positionV/@relativeFrom") == ["margin"]
    boxed = "".join(anchor.xpath(".//w:t/text()"))
    assert boxed.startswith("报：市委办公室") and "印发" in boxed
    assert not [p for p in body.iterchildren(qn("w:p")) if "报：市委办公室" in "".join(p.xpath(".//w:t/text()"))
                and not p.xpath(".//wp:anchor")]  # the lines are in the box, not also in the body


def closing_anchor(body):
    """The body paragraph that holds the 版记's box."""
    return next(p for p in body.iterchildren(qn("w:p")) if p.xpath(".//wp:anchor"))


def test_the_closing_is_chained_to_the_text_above_it_and_given_room(tmp_path):
    """The box no longer wraps text (which pushed its anchor, alone, to a new page): its anchor paragraph is as
    tall as the box, and the last paragraph keeps with it; a long paragraph before that one stays free to split."""
    path = tmp_path / "brief.docx"
    write_brief(make_brief(keywords=tuple(f"关键词{n}" for n in range(60))), path)
    anchor = closing_anchor(docx.Document(str(path)).element.body)
    spacing = anchor.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert int(spacing.get(qn("w:line"))) == int(anchor.xpath(".//wp:extent/@cy")[0]) // 635  # EMU in twips
    assert anchor.xpath(".//wp:anchor/wp:wrapNone") and not anchor.xpath(".//wp:anchor/wp:wrapTopAndBottom")
    counts, keywords = [p for p in anchor.itersiblings(qn("w:p"), preceding=True)][:2]
    assert "本期阅读稿件" in "".join(counts.xpath(".//w:t/text()")) and counts.xpath("./w:pPr/w:keepNext")
    assert "关键词59" in "".join(keywords.xpath(".//w:t/text()"))
    assert not keywords.xpath("./w:pPr/w:keepNext") and not keywords.xpath("./w:pPr/w:keepLines")


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="soffice or pdftotext is missing (apt-get install libreoffice-writer poppler-utils)")
def test_libreoffice_never_leaves_the_closing_alone_on_the_last_page(tmp_path):
    """The seed week with 112, 136 and 160 more keywords: each put the 版记 alone on an eleventh page."""
    import json
    import subprocess

    from click.testing import CliRunner

    from briefing.cli import cli

    config = SEEDS.parent / "docs" / "samples" / "briefing.toml"
    assert CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(tmp_path / "seed.json"),
                                    "--config", str(config)]).exit_code == 0
    draft = json.loads((tmp_path / "seed.json").read_text(encoding="utf-8"))
    words = [a + b for a in "春夏秋冬山河湖海城乡" for b in "街道园区工厂学校医院桥梁隧电网水利农田"]
    outputs = []
    for extra in (112, 136, 160):
        (tmp_path / f"kw{extra}.json").write_text(json.dumps(dict(draft, keywords=draft["keywords"] + words[:extra]),
                                                              ensure_ascii=False), encoding="utf-8")
        outputs.append(tmp_path / f"kw{extra}.docx")
        assert CliRunner().invoke(cli, ["render", str(tmp_path / f"kw{extra}.json"), "-o", str(outputs[-1]),
                                        "--config", str(config)]).exit_code == 0
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, outputs)], capture_output=True, timeout=180, check=True)
    for output in outputs:
        pages = subprocess.run(["pdftotext", "-layout", str(output.with_suffix(".pdf")), "-"], capture_output=True,
                               text=True, check=True).stdout.split("\f")
        last = [line.strip() for line in [p for p in pages if p.strip()][-1].splitlines() if line.strip()]
        closing = [line for line in last if line.startswith(("报：", "送：", "发：", "（共印")) or "印发" in line]
        text = [line for line in last if line not in closing and line.strip("— 0123456789")]  # not the page number
        assert len(closing) == 5 and text, (output.name, last)  # the whole 版记, and body text above it


def test_line_spacing_is_configurable(tmp_path):
    path = tmp_path / "brief.docx"
    write_brief(make_brief(), path, line_spacing_pt=30)
    document = docx.Document(str(path))
    assert document.styles["Normal"].paragraph_format.line_spacing == Pt(30)
    assert document.sections[0]._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")) == "600"


@pytest.mark.parametrize("raw, cleaned", [
    ("a\x0bb", "a b"), ("a\x0cb", "a b"), ("a\x00\x07b", "ab"), ("lone\ud800surrogate", "lonesurrogate"),
    ("行一\n行二", "行一 行二"), ("\ufffe", ""), ("正常“引号”—", "正常“引号”—"),
])
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned


def test_text_word_rejects_never_stops_a_brief(tmp_path):
    bad = item("标题\x0b含\x0c控制符\ud800", summary=("句子\x00一。",))
    path = tmp_path / "brief.docx"
    write_brief(make_brief(highlights=(Highlight("1", "要点\x0b一。"),), sections=(Section("其他\x01", (bad,)),)), path)
    assert "标题 含 控制符" in text_of(docx.Document(str(path)))


def test_write_is_atomic(tmp_path, monkeypatch):
    def broken_save(self, path):
        open(path, "wb").write(b"PK half a file")
        raise KeyboardInterrupt

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(KeyboardInterrupt):
        write_brief(make_brief(), tmp_path / "brief.docx")
    assert list(tmp_path.iterdir()) == []


def test_reference_doc_restyles(tmp_path):
    reference = tmp_path / "mine.docx"
    document = docx.Document(str(default_reference()))
    document.styles["Normal"].element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.save(str(reference))
    path = tmp_path / "brief.docx"
    write_brief(make_brief(), path, reference_doc=str(reference))
    out = docx.Document(str(path))
    assert east_asia(out.styles["Normal"].element) == "宋体"
    body = next(p for p in out.paragraphs if p.style.name == "Normal")
    assert east_asia(body.runs[0]._r) == "宋体"
    assert "示例" not in text_of(out)  # the reference's sample paragraphs are not carried over


def test_bad_reference_doc(tmp_path):
    not_docx = tmp_path / "x.docx"
    not_docx.write_text("hello")
    with pytest.raises(TemplateError, match="not a readable Word"):
        write_brief(make_brief(), tmp_path / "a.docx", reference_doc=str(not_docx))
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(TemplateError, match="Brief Masthead"):
        write_brief(make_brief(), tmp_path / "b.docx", reference_doc=str(plain))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.docx", "x.docx"]


def summaries_of(path, date=None):
    return [summarize_article(a, Options()) for a in read_articles(str(path), date)]


def test_article(tmp_path):
    summary = summaries_of(SEEDS / "2024-05-13.txt")[0]
    article = summary.article
    path = tmp_path / "a.docx"
    write_article(summary, path)
    document = docx.Document(str(path))
    text = text_of(document)
    assert document.paragraphs[0].text == article.title
    assert "2024年5月13日" in text and "关键词：" in text and "摘要：" in text
    for paragraph in article.paragraphs:
        assert paragraph in text
    assert any(p.style.name == "Summary Box" for p in document.paragraphs)
    assert "PAGE" in document.sections[0].footer._element.xml


def test_article_with_byline_and_no_keywords(tmp_path):
    from briefing.models import Article

    article = Article("标题", ("正文\x0c一段。",), subtitle="副题", byline=Byline(("景静",), ("王垚",)))
    write_article(ArticleSummary(article, (), (), ()), tmp_path / "a.docx")
    text = text_of(docx.Document(str(tmp_path / "a.docx")))
    assert "副题" in text and "记者 景静　通讯员 王垚" in text and "正文 一段。" in text
    assert "关键词" not in text and "摘要" not in text


def test_real_page_as_a_daily_brief(tmp_path):
    summaries = summaries_of(real_page(), "2023-04-21")
    items = tuple(BriefItem(s.article.title, s.summary, s.article.date, s.entities.figures, s.entities.people,
                            (cite(s.article),), key=str(n)) for n, s in enumerate(summaries))
    brief = make_brief(period="day", start="2023-04-21", end="2023-04-21",
                       highlights=tuple(Highlight(i.key, i.summary[0]) for i in items[:3]),
                       sections=(Section("其他", items),), leaders=(), counts=Counts(read=6, shown=6))
    path = tmp_path / "brief.docx"
    write_brief(brief, path)
    document = docx.Document(str(path))
    text = text_of(document)
    assert len(summaries) == 6
    for summary in summaries:
        assert summary.article.title in text
    assert round(document.sections[0].top_margin.mm) == 37
    assert "PAGE" in document.sections[0].footer._element.xml


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_brief(tmp_path):
    import subprocess

    path = tmp_path / "brief.docx"
    write_brief(make_brief(), path)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_of_the_word_brief_keeps_every_punctuation_mark(tmp_path):
    """LibreOffice's PDF of the brief has every ， 、 ； 。 of the .docx, also those that end a line."""
    import subprocess

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("soffice or pdftotext is missing (apt-get install libreoffice-writer poppler-utils)")
    from click.testing import CliRunner

    from briefing.cli import cli

    out = tmp_path / "brief.docx"
    assert CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(out)]).exit_code == 0
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=180, check=True)
    pdf = subprocess.run(["pdftotext", str(tmp_path / "brief.pdf"), "-"], capture_output=True, text=True).stdout
    text = text_of(docx.Document(str(out)))
    assert {m: pdf.count(m) for m in "。、，；：（）《》“”"} == {m: text.count(m) for m in "。、，；：（）《》“”"}


def test_a_story_reported_many_times_is_counted_and_the_list_runs_in(tmp_path):
    import dataclasses

    from briefing.models import Source

    brief = make_brief()
    reports = tuple(Source("新闻联播", f"r{n}", f"2024-05-1{n}", f"第{n}篇") for n in (3, 3, 4))
    first = brief.sections[0]
    item = dataclasses.replace(first.items[0], sources=reports)
    more = tuple(dataclasses.replace(first.items[0], title=f"列目{n}", key=f"m{n}") for n in range(3))
    brief = dataclasses.replace(brief, sections=(dataclasses.replace(first, items=(item,)),), more=more)
    path = tmp_path / "brief.docx"
    write_brief(brief, path)
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "（来源：新闻联播，5月13日、5月14日，共3篇）" in paragraphs  # not each report cited by title
    listed = [p for p in paragraphs if p.startswith("1．列目0")]
    assert len(listed) == 1 and "；2．列目1" in listed[0] and "；3．列目2" in listed[0]  # one run-in paragraph
