"""`briefing review`: the server's boundaries (loopback, token, only its assets) and the page in a real browser."""
import contextlib
import hashlib
import http.client
import json
import shutil
import socket
import threading
import time

import docx
import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.render.docx import official

from .helpers import SEEDS

pytest.importorskip("flask", reason="the review page needs Flask (pip install 'briefing[review]')")
from briefing.review.app import make_server, url_of  # noqa: E402

TOKEN = "test-token-0123456789"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory):
    out = tmp_path_factory.mktemp("review") / "seed.json"
    result = CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


@contextlib.contextmanager
def serving(draft, **options):
    """The review server of `draft` on a free port, in a thread, for the time of the block."""
    server = make_server(draft, 0, token=TOKEN, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(seed_draft, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_bytes(seed_draft)
    with serving(draft) as server:
        yield server, draft


def call(server, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.read()


def other_address():
    """This machine's address on its default route (not loopback), or None when it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_binds_loopback_only(served):
    server, _ = served
    assert server.server_address[0] == "127.0.0.1"
    address = other_address()
    if address:
        with pytest.raises(OSError):
            socket.create_connection((address, server.server_port), timeout=3).close()


def test_serves_only_its_assets_and_the_draft(served):
    server, draft = served
    status, page = call(server, "GET", "/")
    assert status == 200 and TOKEN.encode() in page
    assert b"http://" not in page and b"https://" not in page  # nothing from the internet
    for asset in ("/static/review.js", "/static/review.css"):
        status, body = call(server, "GET", asset)
        assert status == 200 and b"http://" not in body and b"https://" not in body
    for path in ("/static/index.html", "/static/../app.py", "/static/%2e%2e/app.py", "/draft.json",
                 "/" + draft.name, "/etc/passwd", "/download/pdf?token=" + TOKEN):
        assert call(server, "GET", path)[0] == 404, path
    assert call(server, "GET", "/api/draft")[0] == 403
    status, body = call(server, "GET", "/api/draft", headers={"X-Briefing-Token": TOKEN})
    assert status == 200 and body == draft.read_bytes()
    assert call(server, "GET", "/download/docx")[0] == 403
    assert call(server, "GET", "/download/docx?token=%E4%B8%AD")[0] == 403  # not ASCII: refused, not a crash


def test_a_write_without_the_token_is_refused(served):
    server, draft = served
    before = draft.read_bytes()
    data = json.loads(before)
    data["editor_note"] = "不应写入的编者按。"
    body = json.dumps(data, ensure_ascii=False).encode()
    plain = {"Content-Type": "application/json"}
    assert call(server, "PUT", "/api/draft", body, plain)[0] == 403
    assert call(server, "PUT", "/api/draft", body, {**plain, "X-Briefing-Token": "guess"})[0] == 403
    assert call(server, "PUT", "/api/draft", body, {**plain, "X-Briefing-Token": TOKEN, "Host": "evil.example"})[0] == 403
    assert call(server, "POST", "/api/draft", body, plain)[0] in (403, 405)
    assert draft.read_bytes() == before
    broken = json.dumps({**data, "copies": "四十"}).encode()
    status, reply = call(server, "PUT", "/api/draft", broken, {**plain, "X-Briefing-Token": TOKEN})
    assert status == 400 and "copies must be a whole number" in json.loads(reply)["error"]
    assert draft.read_bytes() == before
    assert call(server, "PUT", "/api/draft", body, {**plain, "X-Briefing-Token": TOKEN})[0] == 409  # no version
    version = f'"{hashlib.sha256(before).hexdigest()[:32]}"'
    assert call(server, "PUT", "/api/draft", body, {**plain, "X-Briefing-Token": TOKEN, "If-Match": version})[0] == 200
    assert json.loads(draft.read_text(encoding="utf-8"))["editor_note"] == "不应写入的编者按。"


def test_missing_port_is_one_line(served, tmp_path):
    server, draft = served
    result = CliRunner().invoke(cli, ["review", str(draft), "--port", str(server.server_port), "--no-browser"])
    assert result.exit_code == 1 and "cannot listen" in result.stderr and "--port" in result.stderr


@pytest.fixture
def browser(tmp_path):
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver; .ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1500,1000", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(20)
    yield driver
    driver.quit()


def saved(driver, seconds=15):
    """Wait until the page says every change is saved; fail with what it says instead."""
    status, end = driver.find_element("id", "status"), time.monotonic() + seconds
    while status.text != "已保存":
        assert time.monotonic() < end, f"the page says {status.text!r} after {seconds} s"
        time.sleep(0.1)


def previewed(driver, seconds=15):
    """Wait until the preview shows the answer to the latest edit (the server renders it)."""
    paper, end = driver.find_element("id", "paper"), time.monotonic() + seconds
    while paper.get_attribute("data-pending") or not paper.find_elements("css selector", "*"):
        assert time.monotonic() < end, f"no preview after {seconds} s: {paper.text[:200]!r}"
        time.sleep(0.1)
    return paper


def click(driver, element):
    """Click after scrolling the element to the middle (the sticky bar covers the top of the window)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def items(driver, section):
    return driver.find_elements("css selector", "#editor fieldset.section")[section].find_elements("css selector", ".item")


def test_edits_in_the_browser_reach_the_word_file(served, browser):
    from selenium.webdriver.support.ui import Select

    server, draft = served
    start = json.loads(draft.read_text(encoding="utf-8"))
    names = [s["name"] for s in start["sections"]]
    browser.get(url_of(server))
    saved(browser)
    gone = start["sections"][0]["items"][0]["title"]
    click(browser, items(browser, 0)[0].find_element("css selector", "button.drop"))
    moved = start["sections"][1]["items"][0]["title"]
    Select(items(browser, 1)[0].find_element("css selector", "select.move")).select_by_value("2")
    rewritten = start["sections"][3]["items"][0]["title"]
    summary = items(browser, 3)[0].find_element("css selector", "textarea.summary")
    summary.clear()
    summary.send_keys("审校时改写的句子：工程已完成九成。")
    browser.find_element("id", "f-editor_note").send_keys("请各单位对照落实。")
    lifted = start["sections"][2]["items"][1]["title"]
    click(browser, items(browser, 2)[1].find_element("css selector", "button.up"))
    saved(browser)
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(name.startswith(url_of(server)) for name in loaded)  # nothing from elsewhere
    browser.refresh()  # reopening shows the same state
    saved(browser)
    assert browser.find_element("id", "f-editor_note").get_attribute("value") == "请各单位对照落实。"
    assert gone in browser.find_element("css selector", "fieldset.dropped").text
    token = browser.find_element("css selector", 'meta[name="briefing-token"]').get_attribute("content")
    status, body = call(server, "GET", f"/download/docx?token={token}")
    assert status == 200 and body[:2] == b"PK"
    status, markdown = call(server, "GET", f"/download/md?token={token}")
    assert status == 200 and "请各单位对照落实。" in markdown.decode() and gone not in markdown.decode()
    out = draft.with_name("reviewed.docx")
    out.write_bytes(body)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    text = "\n".join(paragraphs)
    assert official(gone) not in text
    assert "编者按：请各单位对照落实。" in text and "审校时改写的句子：工程已完成九成。" in text
    assert official(rewritten) in text and "".join(start["sections"][3]["items"][0]["summary"]) not in text
    assert text.index(official(lifted)) < text.index(official(start["sections"][2]["items"][0]["title"]))
    heads = [i for i, p in enumerate(paragraphs) if p.endswith("、" + names[2]) or p.endswith("、" + names[3])]
    where = next(i for i, p in enumerate(paragraphs) if p.endswith(official(moved)))
    assert heads[0] < where < heads[1]  # now under the third section
    kept = [i["title"] for s in start["sections"] for i in s["items"] if i["title"] != gone]
    assert all(official(title) in text for title in kept)


def test_without_flask_the_command_says_how_to_get_it(monkeypatch, seed_draft, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "flask", None)  # import flask now raises ImportError
    draft = tmp_path / "draft.json"
    draft.write_bytes(seed_draft)
    result = CliRunner().invoke(cli, ["review", str(draft), "--no-browser"])
    assert result.exit_code == 1 and "pip install 'briefing[review]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_dropped_item_can_be_restored_and_a_candidate_picked(served, browser):
    server, draft = served
    start = json.loads(draft.read_text(encoding="utf-8"))
    browser.get(url_of(server))
    saved(browser)
    click(browser, items(browser, 1)[0].find_element("css selector", "button.drop"))
    saved(browser)
    assert json.loads(draft.read_text(encoding="utf-8"))["dropped"][0]["items"][0]["title"] == \
        start["sections"][1]["items"][0]["title"]
    click(browser, browser.find_element("css selector", "fieldset.dropped button.restore"))
    saved(browser)
    back = json.loads(draft.read_text(encoding="utf-8"))
    assert back["dropped"] == [] and back["sections"][1]["items"][-1] == start["sections"][1]["items"][0]
    item = start["sections"][0]["items"][0]
    unused = next(c for c in item["candidates"] if c not in item["summary"])
    click(browser, next(li for li in items(browser, 0)[0].find_elements("css selector", ".cands li") if li.text == unused))
    saved(browser)
    assert json.loads(draft.read_text(encoding="utf-8"))["sections"][0]["items"][0]["summary"] == [*item["summary"], unused]


# --- each kind of edit, undo, the outside change, the download ---

@pytest.fixture(scope="module")
def listed_draft(tmp_path_factory):
    """The seed week with 18 items in full, so that 4 are listed under 附."""
    folder = tmp_path_factory.mktemp("listed")
    (folder / "office.toml").write_text("length = 18\n", encoding="utf-8")
    out = folder / "listed.json"
    result = CliRunner().invoke(cli, ["brief", str(SEEDS), "-o", str(out), "--config", str(folder / "office.toml")])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["more"]
    return out.read_bytes()


@pytest.fixture
def listed(listed_draft, tmp_path):
    draft = tmp_path / "listed.json"
    draft.write_bytes(listed_draft)
    with serving(draft) as server:
        yield server, draft


def on_disk(draft):
    return json.loads(draft.read_text(encoding="utf-8"))


def keys(driver, *combo):
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver)
    for key in combo[:-1]:
        actions.key_down(key)
    actions.send_keys(combo[-1])
    for key in reversed(combo[:-1]):
        actions.key_up(key)
    actions.perform()


def markdown(server):
    status, body = call(server, "GET", f"/download/md?token={TOKEN}")
    assert status == 200
    return body.decode("utf-8")


def footer_adds_up(text):
    import re

    numbers = [int(n) for n in re.findall(r"(\d+)\s*[篇条]", text)]
    return numbers[0] == sum(numbers[1:]), numbers


def test_every_edit_can_be_undone_and_redone(served, browser):
    from selenium.webdriver.common.keys import Keys

    server, draft = served
    start = on_disk(draft)
    browser.get(url_of(server))
    saved(browser)
    note = browser.find_element("id", "f-editor_note")
    note.send_keys("先写的编者按。")
    saved(browser)
    time.sleep(1.6)  # typing in one field is one step; a pause ends it
    gone = start["sections"][0]["items"][0]["title"]
    click(browser, items(browser, 0)[0].find_element("css selector", "button.drop"))
    saved(browser)
    assert on_disk(draft)["dropped"][0]["items"][0]["title"] == gone
    keys(browser, Keys.CONTROL, "z")
    saved(browser)
    assert on_disk(draft)["dropped"] == [] and on_disk(draft)["sections"][0]["items"][0]["title"] == gone
    assert on_disk(draft)["editor_note"] == "先写的编者按。"
    keys(browser, Keys.CONTROL, "z")
    saved(browser)
    assert on_disk(draft)["editor_note"] == "" and browser.find_element("id", "f-editor_note").get_attribute("value") == ""
    keys(browser, Keys.CONTROL, Keys.SHIFT, "z")
    saved(browser)
    assert on_disk(draft)["editor_note"] == "先写的编者按。"
    click(browser, browser.find_element("id", "redo"))
    saved(browser)
    assert on_disk(draft)["dropped"][0]["items"][0]["title"] == gone
    assert not browser.find_element("id", "redo").is_enabled() and browser.find_element("id", "undo").is_enabled()


def test_highlights_are_chosen_ordered_and_rewritten(served, browser):
    server, draft = served
    start = on_disk(draft)["highlights"]
    browser.get(url_of(server))
    saved(browser)
    rows = lambda: browser.find_elements("css selector", "fieldset.highlights .highlight")  # noqa: E731
    click(browser, rows()[0].find_element("css selector", "button.down"))
    saved(browser)
    line = rows()[0].find_element("css selector", "textarea.line")
    line.clear()
    line.send_keys("审校改写的要点：五个项目集中签约。")
    click(browser, rows()[-1].find_element("css selector", "button.remove"))
    saved(browser)
    now = on_disk(draft)["highlights"]
    assert [h["item"] for h in now] == [start[1]["item"], start[0]["item"], *[h["item"] for h in start[2:-1]]]
    assert now[0]["text"] == "审校改写的要点：五个项目集中签约。" and now[1] == start[0]
    from selenium.webdriver.support.ui import Select

    Select(rows()[1].find_element("css selector", "select.pick")).select_by_value(start[-1]["item"])
    saved(browser)
    assert on_disk(draft)["highlights"][1]["item"] == start[-1]["item"]
    text = markdown(server)
    points = text.split("## 本期要点")[1].split("## 一、")[0]
    assert "1. **" in points and "审校改写的要点：五个项目集中签约。" in points and points.count("**") // 2 == len(start) - 1


def test_more_entries_are_edited_removed_promoted_and_demoted_and_the_counts_add_up(listed, browser):
    server, draft = listed
    start = on_disk(draft)
    browser.get(url_of(server))
    saved(browser)
    entries = lambda: browser.find_elements("css selector", "fieldset.more .item")  # noqa: E731
    assert len(entries()) == len(start["more"])
    up = start["more"][0]
    click(browser, entries()[0].find_element("css selector", "button.promote"))
    saved(browser)
    now = on_disk(draft)
    home = next(s for s in now["sections"] if s["name"] == up["section"])
    assert home["items"][-1]["title"] == up["title"] and home["items"][-1]["summary"]
    assert up["title"] not in [m["title"] for m in now["more"]]
    down = start["sections"][0]["items"][0]
    click(browser, items(browser, 0)[0].find_element("css selector", "button.demote"))
    saved(browser)
    assert on_disk(draft)["more"][-1]["title"] == down["title"]
    title = entries()[0].find_element("css selector", "input.title")
    title.clear()
    title.send_keys("附录条目改题")
    saved(browser)
    click(browser, entries()[1].find_element("css selector", "button.drop"))
    saved(browser)
    now = on_disk(draft)
    assert now["more"][0]["title"] == "附录条目改题" and now["dropped"][0]["name"] == "附：本期其他报道"
    counts = previewed(browser).find_element("css selector", ".counts").text
    adds, numbers = footer_adds_up(counts)
    assert adds and "审校删去1条" in counts, counts
    text = markdown(server)
    footer = next(line for line in text.splitlines() if line.startswith("本期阅读稿件"))
    assert footer_adds_up(footer)[0] and footer_adds_up(footer)[1] == numbers
    assert "附录条目改题" in text.split("## 附：本期其他报道")[1]
    click(browser, browser.find_element("css selector", "fieldset.dropped button.restore"))
    saved(browser)
    assert len(on_disk(draft)["more"]) == len(start["more"]) and on_disk(draft)["dropped"] == []


def test_leaders_keywords_and_switches(served, browser):
    server, draft = served
    start = on_disk(draft)
    browser.get(url_of(server))
    saved(browser)
    leaders = lambda: browser.find_elements("css selector", "fieldset.leaders .leader")  # noqa: E731
    role = leaders()[0].find_element("css selector", "input.role")
    role.clear()
    role.send_keys("区委书记、区人武部党委第一书记")
    saved(browser)
    many = next(i for i, l in enumerate(start["leaders"]) if len(l["activities"]) > 1)
    click(browser, leaders()[many].find_elements("css selector", "button.remove-deed")[0])
    saved(browser)
    click(browser, leaders()[2].find_element("css selector", "button.up"))
    saved(browser)
    box = browser.find_element("id", "f-keywords")
    box.clear()
    box.send_keys("招商引资、城市更新")
    click(browser, browser.find_element("id", "f-print_counts"))
    click(browser, browser.find_element("id", "f-print_rule"))
    saved(browser)
    now = on_disk(draft)
    assert now["leaders"][0]["title"] == "区委书记、区人武部党委第一书记"
    assert now["leaders"][many]["activities"] == start["leaders"][many]["activities"][1:]
    assert [l["name"] for l in now["leaders"][1:3]] == [start["leaders"][2]["name"], start["leaders"][1]["name"]]
    assert now["keywords"] == ["招商引资", "城市更新"] and now["print_counts"] is False and now["print_rule"] is False
    text = markdown(server)
    assert "\n区委书记、区人武部党委第一书记周明远：" in text and "招商引资、城市更新" in text
    assert "本期阅读稿件" not in text and "选编说明" not in text


def test_search_and_candidates(served, browser):
    server, draft = served
    start = on_disk(draft)
    browser.get(url_of(server))
    saved(browser)
    wanted = start["sections"][1]["items"][0]["title"]
    browser.find_element("id", "search").send_keys(wanted[:8])
    shown = [node for node in browser.find_elements("css selector", "#editor .item") if node.is_displayed()]
    assert shown and all(wanted[:8] in node.find_element("css selector", "input.title").get_attribute("value")
                         for node in shown)
    browser.find_element("id", "search").clear()
    browser.find_element("id", "search").send_keys(" ")  # empty after trimming: everything again
    item = start["sections"][0]["items"][0]
    box = items(browser, 0)[0]
    assert box.find_elements("css selector", ".cands li.used")  # the summary is made of candidates
    summary = box.find_element("css selector", "textarea.summary")
    summary.clear()
    summary.send_keys("审校人员手写的摘要。")
    assert not box.find_elements("css selector", ".cands li.used")  # nothing bold: none of them is in use
    saved(browser)
    pick = item["candidates"][-1]
    click(browser, next(li for li in box.find_elements("css selector", ".cands li") if li.text == pick))
    saved(browser)
    assert on_disk(draft)["sections"][0]["items"][0]["summary"] == [pick]  # replaced, not appended


def test_an_outside_change_is_offered_never_overwritten(served, browser):
    server, draft = served
    browser.get(url_of(server))
    saved(browser)
    outside = on_disk(draft)
    outside["editor_note"] = "在编辑器里改的编者按。"
    draft.write_text(json.dumps(outside, ensure_ascii=False, indent=2), encoding="utf-8")
    notice = browser.find_element("id", "notice")
    end = time.monotonic() + 10
    while not notice.is_displayed():  # the page looks at the file every 2 s
        assert time.monotonic() < end, "the outside change was not noticed"
        time.sleep(0.2)
    click(browser, notice.find_element("css selector", "button.take-outside"))
    assert browser.find_element("id", "f-editor_note").get_attribute("value") == "在编辑器里改的编者按。"
    # an edit in the page after another outside change: the save is refused and the choice offered
    outside["unit"] = "外部改的单位"
    draft.write_text(json.dumps(outside, ensure_ascii=False, indent=2), encoding="utf-8")
    browser.find_element("id", "f-classification").send_keys("内部资料")
    end = time.monotonic() + 10
    while not notice.is_displayed():
        assert time.monotonic() < end, "the refused save was not offered"
        time.sleep(0.2)
    assert on_disk(draft)["unit"] == "外部改的单位" and on_disk(draft)["classification"] == ""  # not overwritten
    click(browser, notice.find_element("css selector", "button.keep-page"))
    saved(browser)
    assert on_disk(draft)["classification"] == "内部资料" and on_disk(draft)["unit"] == ""  # the page's, as chosen


def test_two_items_merge_into_one_and_split_again_and_the_footer_adds_up(served, browser):
    server, draft = served
    start = on_disk(draft)
    first, second = start["sections"][1]["items"][:2]
    browser.get(url_of(server))
    saved(browser)
    click(browser, items(browser, 1)[1].find_element("css selector", "button.merge"))
    saved(browser)
    now = on_disk(draft)
    merged = now["sections"][1]["items"][0]
    assert len(now["sections"][1]["items"]) == len(start["sections"][1]["items"]) - 1
    assert merged["title"] == first["title"] and merged["sources"] == first["sources"] + second["sources"]
    assert second["summary"][0] in merged["candidates"] and now["counts"]["merged"] == start["counts"]["merged"] + 1
    assert not any(h["item"] == second["key"] for h in now["highlights"])
    footer = next(line for line in markdown(server).splitlines() if line.startswith("本期阅读稿件"))
    assert footer_adds_up(footer)[0] and "审校删去" not in footer, footer
    click(browser, items(browser, 1)[0].find_element("css selector", "button.split"))
    saved(browser)
    now = on_disk(draft)
    apart = now["sections"][1]["items"][1]
    assert apart["title"] == second["sources"][-1]["title"] and apart["sources"] == second["sources"][-1:]
    assert now["counts"]["merged"] == start["counts"]["merged"]
    footer = next(line for line in markdown(server).splitlines() if line.startswith("本期阅读稿件"))
    assert footer_adds_up(footer)[0], footer


def test_the_page_says_which_number_publishing_gives(served, browser, tmp_path, monkeypatch):
    from briefing.render.numbering import IssueCounter

    state = tmp_path / "issues.json"
    monkeypatch.setenv("BRIEFING_STATE", str(state))
    server, draft = served
    browser.get(url_of(server))
    saved(browser)
    hint = browser.find_element("id", "publish-number")
    end = time.monotonic() + 5
    while "第20期（总第1期）" not in hint.text:  # the draft's own number where nothing is counted yet
        assert time.monotonic() < end, hint.text
        time.sleep(0.1)
    IssueCounter(state).set_last("每周要情", "2024", 47, 312)
    browser.find_element("id", "f-unit").send_keys("青溪区委办公室")
    saved(browser)
    end = time.monotonic() + 5
    while "第48期（总第313期）" not in hint.text:
        assert time.monotonic() < end, hint.text
        time.sleep(0.1)
    assert "计数器" in hint.text


def test_each_item_opens_its_source_articles_text_and_saving_keeps_the_texts(served, browser):
    server, draft = served
    start = on_disk(draft)
    item = start["sections"][0]["items"][0]
    text = item["sources"][0]["text"]
    assert text and item["summary"][0][:12] in "".join(text)  # the summary is taken from the text it cites
    browser.get(url_of(server))
    saved(browser)
    first = items(browser, 0)[0]
    assert not first.find_elements("css selector", ".article")  # closed until asked for
    click(browser, first.find_element("css selector", "button.read"))
    shown = first.find_element("css selector", ".article")
    assert item["sources"][0]["title"] in shown.text and text[-1][:20] in shown.text
    # an edit redraws the editor: the open text stays open, and the saved draft still carries every text
    click(browser, first.find_element("css selector", "button.down"))
    saved(browser)
    moved = items(browser, 0)[1]
    assert item["sources"][0]["title"] in moved.find_element("css selector", ".article").text
    now = on_disk(draft)
    assert now["sections"][0]["items"][1]["title"] == item["title"]
    assert [s["text"] for s in now["sections"][0]["items"][1]["sources"]] == [s["text"] for s in item["sources"]]
    every = [s for section in now["sections"] for it in section["items"] for s in it["sources"]]
    assert every and all(s["text"] for s in every)
    click(browser, moved.find_element("css selector", "button.read"))
    assert not items(browser, 0)[1].find_elements("css selector", ".article")


@pytest.fixture
def broadcast(tmp_path):
    """A draft of our own 新闻联播 fixture week, served."""
    from .test_sources import FIXTURE_WEEK

    draft = tmp_path / "week.json"
    result = CliRunner().invoke(cli, ["brief", str(FIXTURE_WEEK), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    with serving(draft) as server:
        yield server, draft


def squeezed(text):
    return "".join(text.split())


def word_text(data, folder):
    out = folder / "check.docx"
    out.write_bytes(data)
    return [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]


@pytest.mark.parametrize("which", ["served", "broadcast"])
def test_the_preview_is_the_word_file_and_the_download_button_saves_first(which, request, browser, tmp_path):
    server, draft = request.getfixturevalue(which)
    browser.get(url_of(server))
    saved(browser)
    status, body = call(server, "GET", f"/download/docx?token={TOKEN}")
    printed = word_text(body, tmp_path)
    shown = [node.text for node in previewed(browser).find_elements("css selector", ":scope > *")]
    assert [squeezed(t) for t in shown] == [squeezed(t) for t in printed]  # paragraph by paragraph
    assert "CCTV" not in previewed(browser).text and "（来源：" in previewed(browser).text
    # the download button saves the last edit first: the file it gives holds it
    folder = tmp_path / "downloads"
    folder.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    title = items(browser, 0)[0].find_element("css selector", "input.title")
    title.send_keys("（下载前改）")
    click(browser, browser.find_element("id", "get-docx"))
    end = time.monotonic() + 20
    while not [f for f in folder.glob("*.docx")]:
        assert time.monotonic() < end, "nothing was downloaded"
        time.sleep(0.2)
    time.sleep(0.5)
    got = word_text(next(folder.glob("*.docx")).read_bytes(), tmp_path)
    assert any(p.endswith(official(on_disk(draft)["sections"][0]["items"][0]["title"])) and "（下载前改）" in p for p in got)
    assert got == word_text(call(server, "GET", f"/download/docx?token={TOKEN}")[1], tmp_path)


def test_item_fields_section_header_leaders_and_key_points_reach_the_print(served, browser):
    server, draft = served
    start = on_disk(draft)
    browser.get(url_of(server))
    saved(browser)
    first = items(browser, 0)[0]
    title = first.find_element("css selector", "input.title")
    title.clear()
    title.send_keys("审校改写的标题")
    browser.execute_script("arguments[0].value = '2024-05-18'; arguments[0].dispatchEvent(new Event('input'))",
                           first.find_element("css selector", "input.date"))
    source = first.find_element("css selector", "input.source")
    source.clear()
    source.send_keys("青溪日报 第02版")
    name = browser.find_elements("css selector", "#editor fieldset.section input.section-name")[1]
    name.clear()
    name.send_keys("项目建设")
    for key, value in (("issue", "21"), ("copies", "80")):
        field = browser.find_element("id", f"f-{key}")
        field.clear()
        field.send_keys(value)
    browser.find_element("id", "f-closing").send_keys("报：区委常委\n送：各街道党工委")
    browser.find_element("id", "f-unit").send_keys("青溪区委办公室")
    click(browser, browser.find_element("css selector", "fieldset.leaders button.add-leader"))
    leader = browser.find_elements("css selector", "fieldset.leaders .leader")[-1]
    leader.find_element("css selector", "input.role").send_keys("区委副书记")
    leader.find_element("css selector", "input.name").send_keys("韩立新")
    leader.find_element("css selector", ".deed input.text").send_keys("出席签约仪式")
    click(browser, browser.find_element("css selector", "fieldset.highlights button.add-highlight"))
    saved(browser)
    now = on_disk(draft)
    item = now["sections"][0]["items"][0]
    assert item["title"] == "审校改写的标题" and item["date"] == "2024-05-18"
    assert item["sources"][0]["source"] == "青溪日报 第02版" and now["sections"][1]["name"] == "项目建设"
    assert now["issue"] == "21" and now["copies"] == 80 and now["closing"] == ["报：区委常委", "送：各街道党工委"]
    assert now["issue_set"] is True and start.get("issue_set", False) is False  # typed: publishing keeps it
    assert now["leaders"][-1]["name"] == "韩立新" and now["leaders"][-1]["activities"][0]["text"] == "出席签约仪式"
    assert len(now["highlights"]) == len(start["highlights"]) + 1
    text = markdown(server)
    assert "### （一）审校改写的标题" in text and "（来源：青溪日报 第02版" in text
    assert "## 二、项目建设" in text and "**第21期**" in text and "（共印80份）" in text and "报：区委常委" in text
    assert "区委副书记韩立新：" in text and "出席签约仪式" in text
    printed = "".join(previewed(browser).text.split())
    assert "审校改写的标题" in printed and "区委副书记韩立新：" in printed and "（共印80份）" in printed


def test_a_half_written_draft_outside_can_only_be_overwritten_and_a_download_waits_for_the_choice(served, browser, tmp_path):
    server, draft = served
    browser.get(url_of(server))
    saved(browser)
    browser.find_element("id", "f-editor_note").send_keys("页面里的编者按")
    saved(browser)
    draft.write_text('{"title": "半截', encoding="utf-8")  # an editor saved half a file
    notice = browser.find_element("id", "notice")
    end = time.monotonic() + 10
    while not notice.is_displayed():
        assert time.monotonic() < end, "the broken file was not noticed"
        time.sleep(0.2)
    assert "不是有效的草稿" in notice.text and not notice.find_elements("css selector", "button.take-outside")
    folder = tmp_path / "downloads"
    folder.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    click(browser, browser.find_element("id", "get-md"))
    time.sleep(1)
    assert not list(folder.iterdir()) and "选择" in browser.find_element("id", "status").text
    assert draft.read_text(encoding="utf-8") == '{"title": "半截'  # nothing overwritten before the choice
    click(browser, notice.find_element("css selector", "button.keep-page"))
    saved(browser)
    assert on_disk(draft)["editor_note"] == "页面里的编者按"


def test_the_markdown_download_takes_the_template_render_takes(seed_draft, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_bytes(seed_draft)
    template = tmp_path / "mine.md.j2"
    template.write_text("本单位格式：{{ brief.title }} 第{{ brief.issue }}期，{{ parts | length }}部分\n", encoding="utf-8")
    with serving(draft, template=str(template)) as server:
        body = markdown(server)
    rendered = tmp_path / "rendered.md"
    result = CliRunner().invoke(cli, ["render", str(draft), "-o", str(rendered), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert body.startswith("本单位格式：每周要情 第20期") and body == rendered.read_text(encoding="utf-8")
    broken = tmp_path / "broken.md.j2"
    broken.write_text("{% for x in %}\n", encoding="utf-8")
    said = CliRunner().invoke(cli, ["review", str(draft), "--no-browser", "--port", "0", "--template", str(broken)])
    assert said.exit_code == 1 and "broken.md.j2" in said.stderr and len(said.stderr.strip().splitlines()) == 1


def test_an_item_merges_into_any_other_item_in_another_section(served, browser):
    from selenium.webdriver.support.ui import Select

    server, draft = served
    start = on_disk(draft)
    into, gone = start["sections"][0]["items"][1], start["sections"][2]["items"][0]
    browser.get(url_of(server))
    saved(browser)
    Select(items(browser, 2)[0].find_element("css selector", "select.merge-into")).select_by_value(into["key"])
    saved(browser)
    now = on_disk(draft)
    merged = next(i for i in now["sections"][0]["items"] if i["key"] == into["key"])
    assert [s["title"] for s in merged["sources"]] == [s["title"] for s in into["sources"] + gone["sources"]]
    assert all(i["key"] != gone["key"] for s in now["sections"] for i in s["items"])
    assert now["counts"]["merged"] == start["counts"]["merged"] + 1
    footer = next(line for line in markdown(server).splitlines() if line.startswith("本期阅读稿件"))
    assert footer_adds_up(footer)[0] and "审校删去" not in footer, footer
