"""Odd text never crashes the pipeline: whatever reads as text gives articles and summaries, or an InputError."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from briefing.cli import cli
from briefing.errors import InputError
from briefing.read.ingest import read_text_file
from briefing.models import Options
from briefing.analyze.scoring import summarize_article

PIECES = ["本报讯 ", "记者 张三", "\n", "\n\n", "。", "，", ",", "“", "”", "（", "）", "……", "1.57亿元", "区委书记王五",
          "签约", "项目", " ", "\u3000", "\t", "!", "?", "——", "《", "》", "a", "12", "\x0b", "\ud800", "😀", "二七区"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_summaries_or_an_input_error(text):
    try:
        articles = read_text_file(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except InputError:
        return
    for article in articles:
        summary = summarize_article(article, Options(sentences=2, keywords=5, max_chars=40))
        body = "".join(article.paragraphs)
        assert len(summary.summary) <= 2
        assert all(len(k.word) > 1 for k in summary.keywords)
        assert all(s.rstrip("…") in body or s.endswith("…") for s in summary.summary)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=4))
def test_any_jsonl_gives_records_or_one_error_line_each(tmp_path, rows):
    data = tmp_path / "fuzz.jsonl"
    data.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(rows)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(data), "-f", "jsonl"], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    errors = result.stderr.strip().splitlines()
    assert len(records) + len(errors) == len(rows)  # each line: a record, or one error naming it
