"""`briefing render`: a hand-edited draft prints exactly as edited; `--publish` numbers issues, `render` alone does not."""
import json

import docx
from docx.oxml.ns import qn
import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.render.numbering import IssueCounter

from .helpers import SEEDS


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory):
    out = tmp_path_factory.mktemp("draft") / "draft.json"
    result = CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


def docx_text(path) -> str:
    """Every paragraph's text, in document order: body, tables and text boxes (the 版记 sits in one at the
    foot of the last page)."""
    document = docx.Document(str(path))
    paragraphs = document.element.body.iter(qn("w:p"))
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)


def edited(data: dict) -> tuple[dict, str, str]:
    """The draft with the first highlighted item removed, the second's summary rewritten, a 编者按 and header
    fields; with the removed title, the rewritten one and the sentences it had."""
    data = json.loads(json.dumps(data))
    gone_key = data["highlights"][0]["item"]
    section = next(s for s in data["sections"] if any(i["key"] == gone_key for i in s["items"]))
    gone = next(i for i in section["items"] if i["key"] == gone_key)
    section["items"].remove(gone)
    kept = next(i for s in data["sections"] for i in s["items"]
                if i["key"] == data["highlights"][1]["item"])  # an item whose sentence is also a 要点 line
    assert data["highlights"][1]["text"] in kept["summary"]
    old = list(kept["summary"])
    kept["summary"] = ["审校人员改写的一句话：该项工作按期推进。"]
    data["highlights"][1]["text"] = kept["summary"][0]  # a 要点 line prints as the draft has it (the page does this)
    data.update(editor_note="本期请各单位重点关注项目落地情况。", classification="内部资料　注意保存",
                total_issue="108", copies=45, closing=["报：区委常委", "送：各街道党工委"], issue="7",
                unit="青溪区委办公室")
    return data, gone["title"], kept["title"], old


def test_hand_edits_print_in_word_and_markdown(seed_draft, tmp_path):
    data, gone, kept, old = edited(seed_draft)
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("render", draft, "-o", tmp_path / "x.docx").exit_code == 0
    assert run("render", draft, "-o", tmp_path / "x.md").exit_code == 0
    for text in (docx_text(tmp_path / "x.docx"), (tmp_path / "x.md").read_text(encoding="utf-8")):
        assert gone not in text  # not in 要点, not in its section, not in 领导活动
        assert "审校人员改写的一句话" in text and kept in text
        assert text.count("审校人员改写的一句话") == 2  # in its item and as its 要点 line
        assert not any(sentence.rstrip("。") in text for sentence in old)
        assert "本期请各单位重点关注项目落地情况" in text and "编者按" in text
        assert "内部资料" in text and "总第108期" in text and "共印45份" in text and "送：各街道党工委" in text
        assert "第7期" in text and "第20期" not in text and "青溪区委办公室" in text


def test_render_changes_nothing_but_the_output(seed_draft, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(seed_draft, ensure_ascii=False), encoding="utf-8")
    before = draft.read_bytes()
    state = tmp_path / "issues.json"
    assert run("render", draft, "-o", tmp_path / "a.docx", env={"BRIEFING_STATE": str(state)}).exit_code == 0
    assert draft.read_bytes() == before and not state.exists()
    result = run("render", draft, "-o", tmp_path / "a.docx", env={"BRIEFING_STATE": str(state)})
    assert result.exit_code == 1 and "already exists; use --force" in result.stderr


def week_after(data: dict, weeks: int) -> dict:
    """The draft moved `weeks` weeks on, with the number `brief` gives that week (the ISO week)."""
    import datetime as dt

    data = json.loads(json.dumps(data))
    start = dt.date.fromisoformat(data["start"]) + dt.timedelta(weeks=weeks)
    data.update(start=start.isoformat(), end=(start + dt.timedelta(days=6)).isoformat(),
                issue=str(start.isocalendar()[1]))
    return data


def test_a_draft_keeps_its_number_and_publishing_again_reuses_it(seed_draft, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(seed_draft, ensure_ascii=False), encoding="utf-8")
    state = tmp_path / "issues.json"
    env = {"BRIEFING_STATE": str(state)}
    first = run("render", draft, "-o", tmp_path / "1.docx", "--publish", env=env)
    assert first.exit_code == 0, first.stderr
    assert "第20期（总第1期）" in docx_text(tmp_path / "1.docx")  # what the draft and the review page showed
    assert "the draft's own number" in first.stdout
    assert json.loads(draft.read_text(encoding="utf-8"))["total_issue"] == "1"  # the draft records what was published
    assert run("render", draft, "-o", tmp_path / "plain.md", env=env).exit_code == 0
    assert IssueCounter(state).last("每周要情", "2024") == (20, 1)  # render alone moved nothing
    again = run("render", draft, "-o", tmp_path / "2.md", "--publish", env=env)
    assert "**第20期**（总第1期）" in (tmp_path / "2.md").read_text(encoding="utf-8")
    assert "published before: the same numbers again" in again.stdout
    assert IssueCounter(state).last("每周要情", "2024") == (20, 1)
    following = tmp_path / "next.json"
    following.write_text(json.dumps(week_after(seed_draft, 2), ensure_ascii=False), encoding="utf-8")
    result = run("render", following, "-o", tmp_path / "3.md", "--publish", env=env)
    assert "**第21期**（总第2期）" in (tmp_path / "3.md").read_text(encoding="utf-8")  # the counter's next, not W22
    assert "the next of the issue counter" in result.stdout


def test_an_office_sets_the_counter_and_publishing_goes_on_from_it(seed_draft, tmp_path):
    state = tmp_path / "issues.json"
    env = {"BRIEFING_STATE": str(state)}
    told = run("issues", "--set", "每周要情", "--year", "2024", "--issue", "47", "--total", "312", env=env)
    assert told.exit_code == 0 and "第48期（总第313期）" in told.stdout
    shown = run("issues", env=env)
    assert "每周要情 2024: last 第47期, 总第312期; next 第48期（总第313期）" in shown.stdout
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(seed_draft, ensure_ascii=False), encoding="utf-8")
    assert run("render", draft, "-o", tmp_path / "x.md", "--publish", env=env).exit_code == 0
    assert "**第48期**（总第313期）" in (tmp_path / "x.md").read_text(encoding="utf-8")
    assert "last 第48期, 总第313期" in run("issues", env=env).stdout
    assert "no issue published yet" in run("issues", env={"BRIEFING_STATE": str(tmp_path / "none.json")}).stdout


@pytest.mark.parametrize("where", ["config", "draft"])
def test_a_number_set_in_the_config_or_the_draft_is_the_one_published(seed_draft, tmp_path, where):
    state = tmp_path / "issues.json"
    env = {"BRIEFING_STATE": str(state)}
    run("issues", "--set", "每周要情", "--year", "2024", "--issue", "47", env=env)
    data = dict(seed_draft, issue="9") if where == "draft" else seed_draft
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    config = tmp_path / "office.toml"
    config.write_text("issue = 9\n" if where == "config" else "", encoding="utf-8")
    result = run("render", draft, "-o", tmp_path / "x.md", "--publish", "--config", config, env=env)
    assert result.exit_code == 0 and f"the issue set in the {'configuration' if where == 'config' else 'draft'}" \
        in result.stdout
    assert "**第9期**" in (tmp_path / "x.md").read_text(encoding="utf-8")


def test_a_number_set_by_hand_is_kept_even_when_it_is_the_periods_own(seed_draft, tmp_path):
    state = tmp_path / "issues.json"
    env = {"BRIEFING_STATE": str(state)}
    run("issues", "--set", "每周要情", "--year", "2024", "--issue", "47", env=env)
    draft = tmp_path / "draft.json"
    for marked, printed in ((False, "**第48期**"), (True, "**第20期**")):  # 20: the week's own number
        draft.write_text(json.dumps(dict(seed_draft, issue="20", issue_set=marked), ensure_ascii=False),
                         encoding="utf-8")
        result = run("render", draft, "-o", tmp_path / f"{marked}.md", "--publish", env=env)
        assert result.exit_code == 0 and printed in (tmp_path / f"{marked}.md").read_text(encoding="utf-8")
        state.unlink()
        run("issues", "--set", "每周要情", "--year", "2024", "--issue", "47", env=env)


def test_a_new_year_restarts_the_issue_but_not_the_total(seed_draft, tmp_path):
    state = tmp_path / "issues.json"
    counter = IssueCounter(state)
    counter.record("每周要情", "2023", 52, 60)
    assert counter.peek("每周要情", "2024") == (1, 61)
    assert counter.peek("每日要情", "2024") == (1, 1)


def test_a_failed_render_burns_no_number(seed_draft, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(seed_draft, ensure_ascii=False), encoding="utf-8")
    state = tmp_path / "issues.json"
    result = run("render", draft, "-o", tmp_path / "missing" / "x.docx", "--publish", env={"BRIEFING_STATE": str(state)})
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert IssueCounter(state).last("每周要情", "2024") == (0, 0)


def test_state_beside_the_config(seed_draft, tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFING_STATE", raising=False)
    config = tmp_path / "office.toml"
    config.write_text('title = "每周要情"\n', encoding="utf-8")
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(seed_draft, ensure_ascii=False), encoding="utf-8")
    assert run("render", draft, "-o", tmp_path / "x.md", "--publish", "--config", config).exit_code == 0
    assert IssueCounter(tmp_path / "briefing-issues.json").last("每周要情", "2024") == (20, 1)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("title"), "missing key 'title'"),
    (lambda d: d["sections"][0]["items"][0].update(summary="一句话"), "sections[0].items[0].summary must be a list"),
    (lambda d: d.update(copies="四十"), "copies must be a whole number or null"),
])
def test_a_draft_that_does_not_fit_is_one_line(seed_draft, tmp_path, change, message):
    data = json.loads(json.dumps(seed_draft))
    change(data)
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("render", draft, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()


def test_bad_json_and_wrong_suffix(tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_text('{"title": ', encoding="utf-8")
    result = run("render", draft, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1 and "draft.json:1:" in result.stderr and "fix the JSON syntax" in result.stderr
    result = run("render", draft, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 1 and "must end in .docx or .md" in result.stderr


def test_publishing_at_once_takes_different_numbers(seed_draft, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from briefing.render.draft import publish_draft

    state = tmp_path / "issues.json"
    IssueCounter(state).set_last("每周要情", "2024", 10, 100)
    drafts = []
    for n in range(4):  # four weeks' drafts published at once
        drafts.append(tmp_path / f"draft{n}.json")
        drafts[-1].write_text(json.dumps(week_after(seed_draft, n), ensure_ascii=False), encoding="utf-8")
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda d: publish_draft(d, d.with_suffix(".md"), state=state).brief, drafts))
    assert sorted(int(b.issue) for b in made) == [11, 12, 13, 14]
    assert sorted(int(b.total_issue) for b in made) == [101, 102, 103, 104]
    assert IssueCounter(state).last("每周要情", "2024") == (14, 104)
