"""The fast article writer saves, part for part, the bytes python-docx saves for the same article."""
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from briefing.api import expand_paths, read_articles
from briefing.models import Article, ArticleSummary, Byline, Keyword
from briefing.render import article_docx, package as ooxml
from briefing.render.docx import default_reference, write_article
from briefing.analyze.scoring import summarize_article

from .helpers import SEEDS


def parts(path):
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def odd_articles():
    yield ArticleSummary(Article("标题\t带制表符 & <尖括号>", (" 正文\x0c一段。", "　全角空格开头", "  ", "末段"),
                                 subtitle="副题\x0b", byline=Byline(("景静",), ("王垚",)), date="2024-06-03",
                                 source="a&b<c>.txt"), (Keyword("正文", 1.0),), (), ("一句。",))
    yield ArticleSummary(Article("", ("只有正文",), source="-"), (), (), ())


def same_as_python_docx(summary, tmp_path, reference=None):
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    write_article(summary, old, reference)
    article_docx.write_article(summary, new, reference)
    assert parts(new) == parts(old)
    return new


def test_seed_articles_byte_for_byte(tmp_path):
    summaries = [summarize_article(a) for p in expand_paths([str(SEEDS)]) for a in read_articles(p)]
    assert len(summaries) >= 15
    for summary in summaries:
        same_as_python_docx(summary, tmp_path)


def test_odd_text_byte_for_byte(tmp_path):
    for summary in odd_articles():
        path = same_as_python_docx(summary, tmp_path)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "（无标题）" and document.core_properties.comments.startswith("- #")


def test_escaping_and_tabs_reopen(tmp_path):
    path = same_as_python_docx(next(odd_articles()), tmp_path)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "标题\t带制表符 & <尖括号>"
    assert [p.style.name for p in document.paragraphs[:3]] == ["Title", "Subtitle", "Article Meta"]
    assert document.core_properties.comments.startswith("a&b<c>.txt #")  # the source, then the article's mark
    assert "  " not in [p.text for p in document.paragraphs]  # blank paragraphs are dropped, as before


def test_own_reference_doc(tmp_path):
    reference = tmp_path / "mine.docx"
    document = docx.Document(str(default_reference()))
    document.styles["Normal"].element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.save(str(reference))
    path = same_as_python_docx(next(odd_articles()), tmp_path, str(reference))
    body = next(p for p in docx.Document(str(path)).paragraphs if p.style.name == "Normal")
    assert body.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_a_title_past_the_property_limit_is_clipped_alike(tmp_path):
    """The package holds 255 characters a property: a 300-character title is clipped there by both writers."""
    long = ArticleSummary(Article("长" * 300, ("正文。",)), (), (), ())
    new = same_as_python_docx(long, tmp_path)
    assert docx.Document(str(new)).core_properties.title == "长" * 255


def test_run_text_as_python_docx():
    assert ooxml.run_text("a\tb") == "<w:t>a</w:t><w:tab/><w:t>b</w:t>"
    assert ooxml.run_text(" x") == '<w:t xml:space="preserve"> x</w:t>'
    assert ooxml.run_text("a&<>") == "<w:t>a&amp;&lt;&gt;</w:t>"
    assert ooxml.run_text("") == ""
