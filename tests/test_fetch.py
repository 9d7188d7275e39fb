"""`briefing fetch` and `briefing brief URL...` against the mock e-paper day of tests/test_fetch_mock.py,
served on 127.0.0.1: what is saved is read back with its 版次 and headings, each fault is one line and
the rest is fetched, a rerun fetches only what is missing. No test leaves the machine."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("httpx")
pytest.importorskip("tenacity")

from briefing.api import expand_paths, read_articles  # noqa: E402
from briefing.cli import cli  # noqa: E402
from briefing.fetch import Client, Settings, fetch_issues, issue_for_url, load_profiles  # noqa: E402
from briefing.fetch.errors import HostError  # noqa: E402

from .test_fetch_mock import (CLASSIC, PC_LAYOUT, PEOPLE, STORIES, Server, Site, classic_article,  # noqa: E402,F401
                              classic_day, classic_layout, pc_day, people_day, server)

FAST = ["--delay", "0.01", "--timeout", "2", "--retries", "1"]


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """The mock site is on this machine: a proxy in the environment must not carry requests elsewhere."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def fetch(*args: str):
    return CliRunner().invoke(cli, ["fetch", *args, *FAST])


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("briefing: error:")]


def sites_file(tmp_path: Path, server: Server, family: str = "founder-classic",
               start: str = CLASSIC + "node_2.htm") -> str:
    path = tmp_path / "sites.toml"
    start = server.url(start.replace("2024-03/12", "%Y-%m/%d").replace("202403/12", "%Y%m/%d"))
    path.write_text(f'[site.qxrb]\npaper = "青溪日报"\nfamily = "{family}"\nstart = "{start}"\n', encoding="utf-8")
    return str(path)


def test_a_founder_classic_day_is_saved_and_read_back_with_pages_and_headings(server, tmp_path):
    classic_day(server.site)
    result = fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path / "papers"))
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "papers" / "127.0.0.1-qxrb" / "2024-03-12"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".fetch.json", "content_4101.htm", "content_4102.htm", "content_4103.htm", "content_4104.htm",
        "content_4105.htm", "content_4107.htm", "node_2.htm", "node_3.htm"]
    assert f"{folder}: 8 pages fetched, 0 already here, 0 failed" in result.stdout
    articles = {a.id: a for path in expand_paths([str(folder)]) for a in read_articles(path)}
    assert sorted(articles) == ["4101", "4102", "4103", "4104", "4105", "4107"]  # the 版面 pages are not articles
    assert {cid: a.page for cid, a in articles.items()} == {cid: STORIES[cid][0] for cid in articles}
    lead = articles["4101"]
    assert (lead.pretitle, lead.title, lead.subtitle, lead.date) == STORIES["4101"][1:4] + ("2024-03-12",)
    # never off the site, never another day: the footer, the calendar and the ?div=-1 copies are not fetched
    assert not [p for p in server.site.paths() if "content_9999" in p or "/11/" in p or "/13/" in p]
    assert server.site.paths().count(CLASSIC + "content_4101.htm") == 1


def test_the_fetched_day_briefs_the_two_page_story_as_one_item(server, tmp_path):
    classic_day(server.site)
    out = tmp_path / "day.json"
    result = CliRunner().invoke(cli, ["brief", server.url(CLASSIC + "node_2.htm"), "--fetch-dir", str(tmp_path / "f"),
                                      "--period", "day", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(out.read_text(encoding="utf-8"))
    items = [item for s in brief["sections"] for item in s["items"]] + brief["more"]
    twice = [item for item in items if item["title"] == STORIES["4101"][2]]
    assert len(twice) == 1 and sorted(s["page"] for s in twice[0]["sources"]) == ["01", "02"]
    assert brief["counts"]["inputs"] == 6 and brief["counts"]["merged"] == 1
    assert (brief["start"], brief["end"]) == ("2024-03-12", "2024-03-12")


def test_brief_of_a_url_that_gives_nothing_is_the_fetchs_one_line(server, tmp_path):
    server.site.page("/robots.txt", "")
    out = tmp_path / "day.md"
    result = CliRunner().invoke(cli, ["brief", server.url(CLASSIC + "node_2.htm"), "--fetch-dir", str(tmp_path / "f"),
                                      "--period", "day", "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    (line,) = result.stderr.splitlines()
    assert "node_2.htm: is not there (HTTP 404)" in line


def test_politely_one_request_at_a_time_with_the_delay_and_a_user_agent_naming_briefing(server, tmp_path):
    classic_day(server.site)
    result = CliRunner().invoke(cli, ["fetch", server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path),
                                      "--delay", "0.05"])
    assert result.exit_code == 0, result.stderr
    log = server.site.log
    assert log[0][0] == "/robots.txt" and [e[0] for e in log].count("/robots.txt") == 1
    assert all(agent.startswith("briefing/") for _, agent, _, _ in log)
    gaps = [b[2] - a[3] for a, b in zip(log, log[1:])]
    assert min(gaps) >= 0.045  # never two at once, and the delay between (less a clock tick)


def test_a_longer_crawl_delay_in_robots_txt_wins(server, tmp_path):
    classic_day(server.site, robots="User-agent: *\nCrawl-delay: 5\n")
    pauses = []  # the client's sleeps, recorded instead of slept; its clock stands still
    client = Client(Settings(delay=0.5, retries=0), sleep=pauses.append, clock=lambda: 100.0)
    fetch_issues([issue_for_url(server.url(CLASSIC + "content_4101.htm"), load_profiles()),
                  issue_for_url(server.url(CLASSIC + "content_4102.htm"), load_profiles())], tmp_path, client, print)
    client.close()
    assert pauses == [5.0, 5.0]  # robots.txt, then each article after five seconds, not half a second


def test_a_503_with_retry_after_is_tried_again_after_that_long(server, tmp_path):
    classic_day(server.site)
    server.site.routes[CLASSIC + "content_4101.htm"].fail_first = 1
    server.site.routes[CLASSIC + "content_4101.htm"].retry_after = "7"
    pauses = []
    client = Client(Settings(delay=0.5, retries=2), sleep=pauses.append, clock=lambda: 100.0)
    (outcome,) = fetch_issues([issue_for_url(server.url(CLASSIC + "content_4101.htm"), load_profiles())], tmp_path,
                              client, print)
    client.close()
    assert (outcome.fetched, outcome.failed) == (1, 0)
    assert 7.0 in pauses and server.site.routes[CLASSIC + "content_4101.htm"].served == 2


def test_a_rerun_fetches_only_what_is_missing(server, tmp_path):
    classic_day(server.site)
    fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path))
    folder = tmp_path / "127.0.0.1-qxrb" / "2024-03-12"
    (folder / "content_4104.htm").unlink()
    server.site.forget()
    result = fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert server.site.paths() == ["/robots.txt", CLASSIC + "content_4104.htm"]  # the 版面 pages come from the manifest
    assert f"{folder}: 1 pages fetched, 7 already here, 0 failed" in result.stdout


def test_an_edited_manifest_never_leads_off_the_site_or_to_another_day(server, tmp_path):
    classic_day(server.site)
    fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path))
    manifest = tmp_path / "127.0.0.1-qxrb" / "2024-03-12" / ".fetch.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["layouts"][server.url(CLASSIC + "node_2.htm")]["articles"] += [
        server.url(CLASSIC + "content_4108.htm", "localhost"), server.url(CLASSIC.replace("/12/", "/11/") + "content_1.htm")]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    server.site.forget()
    result = fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path))
    assert result.exit_code == 0 and server.site.paths() == []  # all there; the edited links are not followed


def test_a_site_profile_and_date_name_the_day_and_the_folder(server, tmp_path):
    classic_day(server.site)
    result = fetch("--site", "qxrb", "--date", "2024-03-12", "--sites", sites_file(tmp_path, server),
                   "-o", str(tmp_path / "papers"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "papers" / "qxrb" / "2024-03-12" / "content_4107.htm").exists()


def test_a_founder_pc_day_is_read_back_with_pages_and_headings(server, tmp_path):
    pc_day(server.site)
    result = fetch(server.url(PC_LAYOUT + "node_01.html"), "-o", str(tmp_path),
                   "--sites", sites_file(tmp_path, server, "founder-pc", PC_LAYOUT + "node_01.html"))
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "qxrb" / "2024-03-12"
    saved = {p.name for p in folder.iterdir()}
    assert {"node_01.html", "node_02.html", "content_4101.html", "content_4107.html"} <= saved
    articles = {a.id: a for path in expand_paths([str(folder)]) for a in read_articles(path)}
    assert {cid: (a.page, a.pretitle or "", a.title, a.subtitle or "") for cid, a in articles.items()} == {
        cid: STORIES[cid][:4] for cid in ("4101", "4102", "4103", "4104", "4105", "4107")}


def test_a_people_classic_day_keeps_the_articles_and_not_the_layout_pages_the_readers_would_misread(server, tmp_path):
    people_day(server.site)
    result = fetch(server.url(PEOPLE + "nbs.D110000qxrb_01.htm"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "127.0.0.1-qxrb" / "2024-03-12"
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert names == sorted(f"nw.D110000qxrb_20240312_{i}-{n}.htm" for n in ("01", "02") for i in (1, 2, 3))
    articles = [a for path in expand_paths([str(folder)]) for a in read_articles(path)]
    assert sorted((a.page, a.title) for a in articles) == sorted((s[0], s[2]) for s in STORIES.values())
    assert {a.paper for a in articles} == {"青溪日报"}
    assert server.site.paths().count(PEOPLE + "nbs.D110000qxrb_02.htm") == 1


def faulty_day(site: Site, elsewhere: Server) -> None:
    """The classic day, with a third 版面 page of faults and a fourth whose links lead nowhere."""
    classic_day(site, robots="User-agent: *\nDisallow: /qxrb/html/2024-03/12/content_4206.htm\n")
    pages = [("node_2.htm", "01", "要 闻"), ("node_3.htm", "02", "综 合"), ("node_4.htm", "03", "专 题"),
             ("node_5.htm", "04", "副 刊"), ("node_6.htm", "05", "广 告")]
    faults = ["4201", "4202", "4203", "4204", "4205", "4206", "4207", "4208", "4209"]
    site.page(CLASSIC + "node_2.htm", classic_layout("01", "要 闻", ["4101", "4102", "4103"], pages))
    off_site = elsewhere.url(CLASSIC + "content_4300.htm", "localhost")
    site.page(CLASSIC + "node_4.htm", classic_layout("03", "专 题", faults, pages, extra=f'<a href="{off_site}">外链</a>'))
    site.page(CLASSIC + "node_5.htm", classic_layout("04", "副 刊", ["4290", "4291"], pages))  # nowhere
    site.page(CLASSIC + "node_6.htm", "<html><body><p>广告</p></body></html>")  # not a 版面 page
    for cid in faults:
        site.page(f"{CLASSIC}content_{cid}.htm", classic_article("4104").replace("4104", cid))
    del site.routes[CLASSIC + "content_4201.htm"]  # 404
    site.routes[CLASSIC + "content_4202.htm"].fail_first = 1  # 500, then the page
    site.routes[CLASSIC + "content_4203.htm"].delay = 1.5  # slower than --timeout 0.5
    site.routes[CLASSIC + "content_4204.htm"].location = elsewhere.url("/moved.htm", "localhost")  # off the site
    site.routes[CLASSIC + "content_4205.htm"].truncate = True  # hangs up half way
    site.page(CLASSIC + "content_4207.htm", classic_article("4104")[:300])  # ends before </html>
    site.page(CLASSIC + "content_4208.htm", "<html><body><p>系统维护中</p></body></html>")  # not an article page
    site.routes[CLASSIC + "content_4209.htm"].status = 403


def test_every_fault_is_one_line_and_the_rest_is_fetched(server, tmp_path):
    elsewhere = Server(Site())
    try:
        faulty_day(server.site, elsewhere)
        result = CliRunner().invoke(cli, ["fetch", server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path),
                                          "--delay", "0.01", "--timeout", "0.5", "--retries", "1"])
    finally:
        elsewhere.close()
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    lines = error_lines(result)
    expected = {"content_4201.htm": "is not there (HTTP 404)", "content_4203.htm": "timed out 2 times",
                "content_4204.htm": "redirects off the site to http://localhost:", "content_4205.htm": "cut short",
                "content_4206.htm": "disallowed for robots", "content_4207.htm": "ends before </html>",
                "content_4208.htm": "is not a founder-classic article page", "content_4209.htm": "HTTP 403",
                "content_4290.htm": "HTTP 404", "content_4291.htm": "HTTP 404",
                "node_6.htm": "is not a founder-classic 版面 page"}
    for name, problem in expected.items():
        assert [line for line in lines if name in line and problem in line], (name, result.stderr)
    assert len(lines) == len(expected) == result.stderr.count("\n")
    assert all(";" in line for line in lines)  # each says what to do
    folder = tmp_path / "127.0.0.1-qxrb" / "2024-03-12"
    saved = {p.name for p in folder.iterdir()}
    assert "content_4202.htm" in saved and server.site.routes[CLASSIC + "content_4202.htm"].served == 2
    assert not saved & {f"content_{cid}.htm" for cid in ("4201", "4203", "4204", "4205", "4206", "4207", "4208")}
    assert {"content_4101.htm", "content_4107.htm", "node_4.htm", "node_5.htm"} <= saved
    assert CLASSIC + "content_4206.htm" not in server.site.paths()  # robots: not even asked
    assert elsewhere.site.log == []  # never a request off the site
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_day_not_yet_published_that_redirects_to_the_latest_issue_is_one_line(server, tmp_path):
    classic_day(server.site)
    tomorrow = CLASSIC.replace("/12/", "/13/")
    server.site.page(tomorrow + "node_2.htm", "", location=CLASSIC + "node_2.htm")
    result = fetch(server.url(tomorrow + "node_2.htm"), "-o", str(tmp_path))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "a page of 2024-03-12; the paper of 2024-03-13 may not be published yet" in result.stderr
    assert server.site.paths() == ["/robots.txt", tomorrow + "node_2.htm", CLASSIC + "node_2.htm"]


def test_dry_run_lists_what_it_would_fetch_and_saves_nothing(server, tmp_path):
    classic_day(server.site)
    result = fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path / "papers"), "--dry-run")
    assert result.exit_code == 0, result.stderr
    would = [line for line in result.stdout.splitlines() if line.startswith("would fetch")]
    assert len(would) == 6 and "content_4101.htm -> " in would[0]
    assert "6 article pages to fetch" in result.stdout
    assert not (tmp_path / "papers").exists()
    assert not [p for p in server.site.paths() if "content_" in p]  # only the 版面 pages were read


def test_an_interrupted_run_leaves_whole_files_and_resumes(server, tmp_path):
    classic_day(server.site)
    issue = issue_for_url(server.url(CLASSIC + "node_2.htm"), load_profiles())
    client = Client(Settings(delay=0.0, timeout=2, retries=0))

    def stop_after_four(done, total, url):
        if done == 4:
            raise KeyboardInterrupt  # Ctrl-C between two pages
    with pytest.raises(KeyboardInterrupt):
        fetch_issues([issue], tmp_path, client, print, stop_after_four)
    folder = tmp_path / "127.0.0.1-qxrb" / "2024-03-12"
    (folder / ".content_4104.htm.99999999.part").write_bytes(b"<html>half")  # a killed run's temporary file
    assert sorted(p.name for p in folder.glob("content_*")) == ["content_4101.htm", "content_4102.htm"]
    server.site.forget()
    (outcome,) = fetch_issues([issue], tmp_path, client, print)
    client.close()
    assert (outcome.fetched, outcome.cached, outcome.failed) == (4, 4, 0)
    assert not list(folder.glob(".*.part"))
    assert [p for p in server.site.paths() if "node_" in p] == []


def test_a_host_that_cannot_be_reached_is_one_line_naming_it(tmp_path):
    free = Server(Site())
    free.close()  # a port nothing listens on
    result = CliRunner().invoke(cli, ["fetch", free.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path), "--delay",
                                      "0.01", "--retries", "1"])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("briefing: error: 127.0.0.1: ") and "check the network connection" in line


def test_a_name_that_does_not_resolve_says_no_network_and_is_not_retried(tmp_path):
    import httpx

    calls = []

    def no_dns(request):
        calls.append(request.url)
        raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")
    client = Client(Settings(delay=0.0, retries=3), transport=httpx.MockTransport(no_dns))
    errors = []
    issue = issue_for_url("http://paper.example.cn/rmrb/pc/layout/202403/12/node_01.html", load_profiles())
    (outcome,) = fetch_issues([issue], tmp_path, client, errors.append)
    assert len(calls) == 1 and outcome.failed == 1
    (error,) = errors
    assert isinstance(error, HostError) and str(error).startswith("paper.example.cn: the name was not found (DNS)")
    assert "HTTPS_PROXY" in str(error)


def test_pages_over_the_size_cap_are_refused(server, tmp_path):
    classic_day(server.site)
    server.site.page(CLASSIC + "content_4104.htm", classic_article("4104").replace("<p>", "<p>" + "很长" * 3000, 1))
    client = Client(Settings(delay=0.0, max_bytes=8000))
    errors = []
    (outcome,) = fetch_issues([issue_for_url(server.url(CLASSIC + "node_3.htm"), load_profiles())], tmp_path, client,
                              errors.append)
    client.close()
    assert [str(e).split(": ")[0] for e in errors] == [server.url(CLASSIC + "content_4104.htm")]
    assert "over the 7 KB a page may be" in str(errors[0])
    assert (outcome.fetched, outcome.failed) == (7, 1) and not (outcome.folder / "content_4104.htm").exists()


def test_without_httpx_the_message_names_the_extra(server, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "httpx", None)
    result = fetch(server.url(CLASSIC + "node_2.htm"), "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == "briefing: error: fetching pages needs httpx: pip install 'briefing[fetch]'\n"


@pytest.mark.parametrize("args, message", [
    (["https://example.org/news/today.html"], "is not a page of a known e-paper system"),
    (["http://paper.example.cn/rmrb/pc/layout/202413/40/node_01.html"], "has no valid date"),
    (["ftp://paper.example.cn/x/html/2024-03/12/node_2.htm"], "is not an http:// or https:// URL")])
def test_a_url_no_family_knows_is_one_line(tmp_path, args, message):
    result = fetch(*args, "-o", str(tmp_path))
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args, message", [
    (["--site", "nope"], "no such site profile"), ([], "give a 版面 page URL, or --site NAME"),
    (["http://x.cn/a/html/2024-03/12/node_2.htm", "--date", "2024-03-12"], "--date picks the day of --site")])
def test_usage_errors_exit_2(tmp_path, args, message):
    result = fetch(*args, "-o", str(tmp_path))
    assert result.exit_code == 2 and message in result.stderr


def test_list_sites_shows_the_built_ins():
    result = CliRunner().invoke(cli, ["fetch", "--list-sites"])
    assert result.exit_code == 0
    assert "rmrb" in result.stdout and "人民日报" in result.stdout and "family founder-pc" in result.stdout
