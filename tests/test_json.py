"""The brief as data: brief.json round-trips exactly, renders the same, and a draft that does not fit is named."""
import copy
import json

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.errors import DraftError
from briefing.render.json import brief_from_dict, brief_to_dict, load_draft
from briefing.render.markdown import render_brief

from .helpers import SEEDS
from .test_templates import BRIEF


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory):
    out = tmp_path_factory.mktemp("json") / "brief.json"
    result = CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out


def test_seed_brief_round_trips_exactly(seed_draft):
    data = json.loads(seed_draft.read_text(encoding="utf-8"))
    brief = brief_from_dict(data, str(seed_draft))
    assert brief_to_dict(brief) == data
    assert brief_from_dict(brief_to_dict(brief)) == brief
    assert data["version"] == 1 and list(data)[1:4] == ["title", "issue", "unit"]
    items = [item for section in data["sections"] for item in section["items"]]
    assert len(items) == 22 and all(item["candidates"] for item in items)
    assert all(h["item"] in {item["key"] for item in items} for h in data["highlights"])
    assert data["counts"]["read"] == 23 and data["counts"]["shown"] == 22


def test_every_field_round_trips():
    data = brief_to_dict(BRIEF)
    assert brief_from_dict(data) == BRIEF and brief_to_dict(brief_from_dict(data)) == data
    assert data["more"][0]["title"] == "区图书馆延长开放时间" and data["copies"] == 60
    assert render_brief(brief_from_dict(json.loads(json.dumps(data)))) == render_brief(BRIEF)


def test_a_hand_edit_renders(seed_draft):
    data = json.loads(seed_draft.read_text(encoding="utf-8"))
    removed = data["sections"][0]["items"].pop(0)
    data["sections"][1]["items"][0]["summary"] = ["改写后的一句话。"]
    data["editor_note"] = "请各单位对照学习。"
    text = render_brief(brief_from_dict(data))
    assert "改写后的一句话。" in text and "**编者按：**请各单位对照学习。" in text
    assert f"### 1. {removed['title']}" not in text


def test_each_source_carries_its_article_text_and_the_text_is_never_printed(seed_draft):
    data = json.loads(seed_draft.read_text(encoding="utf-8"))
    items = [item for section in data["sections"] for item in section["items"]]
    for item in items:
        body = "".join(p for source in item["sources"] for p in source["text"])
        assert body and item["summary"][0][:10] in body, item["title"]  # the sentences come from the cited text
    bare = copy.deepcopy(data)
    for item in [i for section in bare["sections"] for i in section["items"]]:
        for source in item["sources"]:
            del source["text"]  # a draft written before sources held texts still loads, and prints the same
    assert render_brief(brief_from_dict(bare)) == render_brief(brief_from_dict(data))
    marker = data["sections"][0]["items"][0]["sources"][0]
    marker["text"] = ["只在原文里的一句话。"]
    assert "只在原文里的一句话" not in render_brief(brief_from_dict(data))


def mutated(change):
    data = brief_to_dict(BRIEF)
    change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("title"), "missing key 'title', which must be a string"),
    (lambda d: d["sections"][0]["items"][0].update(summary="一句话"),
     "sections[0].items[0].summary must be a list of strings, not \"一句话\""),
    (lambda d: d["sections"][1]["items"][0]["sources"][0].update(paper=3),
     "sections[1].items[0].sources[0].paper must be a string or null, not 3"),
    (lambda d: d["sections"][0].update(itemz=[]), "unknown key 'sections[0].itemz'; the keys here are name, items"),
    (lambda d: d.update(period="fortnight"), "period must be one of day, week, month, quarter, year"),
    (lambda d: d.update(end="2024-5-19"), "end must be a date written YYYY-MM-DD"),
    (lambda d: d["more"][0].update(key="1"), "more[0].key '1' is used twice"),
    (lambda d: d["counts"].update(read="4"), "counts.read must be a whole number, not \"4\""),
    (lambda d: d["counts"].update(read=True), "counts.read must be a whole number, not true"),
    (lambda d: d.update(copies=None), None),
    (lambda d: d.update(version=2), "version must be 1"),
])
def test_a_draft_that_does_not_fit_is_named(change, message):
    data = mutated(change)
    if message is None:
        assert brief_from_dict(copy.deepcopy(data)).copies is None
        return
    with pytest.raises(DraftError) as error:
        brief_from_dict(data, "draft.json")
    assert str(error.value).startswith("draft.json: ") and message in str(error.value)
    assert "\n" not in str(error.value)


def test_load_draft_errors(tmp_path):
    path = tmp_path / "draft.json"
    path.write_text('{"title": "每周要情",\n  oops}', encoding="utf-8")
    with pytest.raises(DraftError, match=r"draft.json:2: .*fix the JSON syntax"):
        load_draft(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(DraftError, match="must be a JSON object"):
        load_draft(path)
    with pytest.raises(DraftError, match="cannot be read"):
        load_draft(tmp_path / "absent.json")


def test_json_output_is_not_overwritten_without_force(seed_draft):
    result = CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(seed_draft)])
    assert result.exit_code == 1 and "use --force" in result.stderr


@pytest.mark.parametrize("value, ok", [(True, True), (False, True), (1, False), ("false", False), (None, False)])
def test_the_print_switches_are_true_or_false(seed_draft, value, ok):
    data = dict(json.loads(seed_draft.read_text(encoding="utf-8")), print_counts=value)
    if ok:
        assert brief_to_dict(brief_from_dict(data)) == data
    else:
        with pytest.raises(DraftError, match="print_counts must be true or false"):
            brief_from_dict(data)
