"""`briefing review`: the server's boundaries (loopback, token, only its assets) and the page in a real browser."""
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


@pytest.fixture
def served(seed_draft, tmp_path):
    draft = tmp_path / "draft.json"
    draft.write_bytes(seed_draft)
    server = make_server(draft, 0, token=TOKEN)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, draft
    server.shutdown()
    server.server_close()


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
