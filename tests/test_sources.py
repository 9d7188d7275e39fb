"""来源 as printed: the built-in table of well-known sources, repeated sources collapsed, no stray file name."""
import json

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.models import BriefItem, Source
from briefing.render.printed import cited_line, sources_line
from briefing.brief.sources import printed_name, printed_source

from .helpers import REPO, write_jsonl

FIXTURE_WEEK = REPO / "tests" / "fixtures" / "xwlb" / "week.jsonl"


@pytest.mark.parametrize("given, has_id, printed", [
    ("CCTV Xinwen Lianbo web transcript", True, "新闻联播"),
    ("cctv xinwen lianbo web transcript", False, "新闻联播"),
    ("xwlb_dated", True, "新闻联播"),
    ("People's Daily 第04版", False, "人民日报 第04版"),
    ("rmrb 第01版", False, "人民日报 第01版"),
    ("Xinhua", True, "新华社"),
    ("青溪报 第03版", False, "青溪报 第03版"),  # a Chinese name the table does not know prints as given
    ("湖北日报 第02版", False, "湖北日报 第02版"),
    ("央视新闻联播", True, "央视新闻联播"),  # what [papers] gave a file is never renamed
    ("本报", False, "本报"),
    ("notes", False, "本报"),  # a stray file's name is not a source
    ("scan_001", True, "稿件"),
    ("新建文本文档", False, "本报"),  # a name nobody gave, in any script
    ("青溪报 - 副本 第02版", False, "本报 第02版"),
    ("2024-05-15", False, "本报"),
    ("", False, "本报"),
])
def test_printed_name(given, has_id, printed):
    assert printed_name(given, has_id) == printed


def test_repeated_sources_collapse():
    item = BriefItem("全国春耕备耕有序推进", ("…",), "2026-03-02", sources=(
        Source("CCTV Xinwen Lianbo web transcript", "a", "2026-03-02", "全国春耕备耕有序推进"),
        Source("CCTV Xinwen Lianbo web transcript", "b", "2026-03-04", "全国春耕备耕有序推进"),
        Source("xwlb_dated", "c", "2026-03-04", "全国春耕备耕有序推进 多地农资供应充足")))
    item = BriefItem(**{**item.__dict__, "sources": tuple(map(printed_source, item.sources))})
    assert sources_line(item) == "（来源：新闻联播，3月2日、3月4日，共3篇）"
    assert cited_line(item) == ("新闻联播（3月2日、3月4日）《全国春耕备耕有序推进》；"
                                "新闻联播（3月4日）《全国春耕备耕有序推进 多地农资供应充足》")
    assert "CCTV" not in cited_line(item) + sources_line(item)


def test_a_broadcast_week_cites_xinwen_lianbo_and_the_draft_keeps_what_the_records_say(tmp_path):
    for suffix in ("md", "json"):
        result = CliRunner().invoke(cli, ["brief", str(FIXTURE_WEEK), "-o", str(tmp_path / f"w.{suffix}")])
        assert result.exit_code == 0, result.output
    text = (tmp_path / "w.md").read_text(encoding="utf-8")
    assert "（来源：新闻联播，3月2日" in text and "CCTV" not in text
    draft = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    sources = [s for section in draft["sections"] for item in section["items"] for s in item["sources"]]
    assert sources and all(s["paper"] == "CCTV Xinwen Lianbo web transcript" for s in sources)  # data kept
    assert all(s["source"] == "新闻联播" for s in sources)  # the name the draft and the review page show


def test_papers_rename_what_a_record_names_and_name_only_files_that_name_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"title": f"第{n}条消息", "date": "2026-03-02", "paper": paper,
                "id": str(n), "text": f"3月2日，有关部门召开第{n}次工作会议，部署春耕备耕工作。会议要求各地抓好落实。"}
               for n, paper in enumerate(["Xinhua", "People's Daily", "", "青溪报"], 1)]
    write_jsonl(folder / "mixed.jsonl", records)
    config = tmp_path / "briefing.toml"
    config.write_text('[papers]\n"mixed*" = "云州日报"\n"People*" = "人民日报海外版"\n', encoding="utf-8")
    out = tmp_path / "w.json"
    result = CliRunner().invoke(cli, ["brief", str(folder), "--config", str(config), "--period", "day", "-o", str(out)])
    assert result.exit_code == 0, result.output
    draft = json.loads(out.read_text(encoding="utf-8"))
    named = {s["title"]: printed_name(s["source"], s["id"] is not None)
             for item in [i for section in draft["sections"] for i in section["items"]] + draft["more"]
             for s in item["sources"]}
    # the file pattern names only the record that names no paper; a record's own paper pattern renames it
    assert named == {"第1条消息": "新华社", "第2条消息": "人民日报海外版", "第3条消息": "云州日报", "第4条消息": "青溪报"}
