"""Site profiles of `briefing fetch` as data: the built-ins, a user's own file over them, and what a
wrong file says. No network: nothing here fetches."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.errors import ConfigError
from briefing.fetch import issue_for_site, issue_for_url, load_profiles

DAY = dt.date(2025, 3, 18)


@pytest.mark.parametrize("url, family, kind", [
    ("http://paper.people.com.cn/rmrb/pc/layout/202503/18/node_01.html", "founder-pc", "layout"),
    ("http://paper.people.com.cn/rmrb/pc/content/202503/18/content_30012345.html", "founder-pc", "article"),
    ("http://digitalpaper.stdaily.com/http_www.kjrb.com/kjrb/html/2025-03/18/node_2.htm", "founder-classic", "layout"),
    ("http://digitalpaper.stdaily.com/http_www.kjrb.com/kjrb/html/2025-03/18/content_1001.htm?div=-1",
     "founder-classic", "article"),
    ("http://paper.people.com.cn/rmrb/html/2025-03/18/nbs.D110000renmrb_01.htm", "people-classic", "layout"),
    ("http://paper.people.com.cn/rmrb/html/2025-03/18/nw.D110000renmrb_20250318_1-01.htm", "people-classic", "article")])
def test_each_url_shape_finds_its_family_kind_and_date(url, family, kind):
    found = load_profiles().family_of(url)
    assert (found.name, found.kind(url), found.date_of(url)) == (family, kind, DAY)


def test_every_built_in_site_starts_on_a_layout_page_of_its_family_and_day():
    profiles = load_profiles()
    assert {"rmrb", "rmrb-classic", "gmrb", "hbrb", "kjrb"} <= set(profiles.sites)
    for site in profiles.sites.values():
        issue = issue_for_site(site, DAY)
        assert site.family.kind(issue.start) == "layout" and site.family.date_of(issue.start) == DAY
        assert issue_for_url(issue.start, profiles).key == site.key  # a URL of a known site gets its folder name


def test_a_url_of_an_unknown_site_is_named_by_its_host_and_path():
    issue = issue_for_url("https://epaper.example.cn/qxrb/pc/layout/202503/18/node_01.html", load_profiles())
    assert (issue.key, issue.family.name, issue.date, issue.paper) == ("epaper.example.cn-qxrb", "founder-pc", DAY, None)


def test_a_users_file_adds_sites_and_families_and_replaces_by_name(tmp_path):
    mine = tmp_path / "sites.toml"
    mine.write_text("""
[family.trs-day]
description = "a TRS e-paper"
layout = '/(?P<day>\\d{8})/page_\\d+\\.html$'
article = '/(?P<day>\\d{8})/art_\\d+\\.html$'
day = "%Y%m%d"
article_marks = ["TRS_Editor"]

[site.qxrb]
paper = "青溪日报"
family = "trs-day"
start = "https://epaper.example.cn/qxrb/%Y%m%d/page_1.html"

[site.rmrb]
paper = "人民日报"
family = "people-classic"
start = "http://paper.people.com.cn/rmrb/html/%Y-%m/%d/nbs.D110000renmrb_01.htm"
""", encoding="utf-8")
    profiles = load_profiles(mine)
    issue = issue_for_site(profiles.sites["qxrb"], DAY)
    assert issue.start == "https://epaper.example.cn/qxrb/20250318/page_1.html" and issue.paper == "青溪日报"
    assert profiles.sites["rmrb"].family.name == "people-classic" and "kjrb" in profiles.sites


@pytest.mark.parametrize("text, message", [
    ('[site.x]\npaper = "报"\nfamily = "founder-pc"\nstart = "http://a.cn/x/html/%Y-%m/%d/node_2.htm"\n',
     "site.x.start is not a founder-pc layout page with the date in it"),
    ('[site.x]\npaper = "报"\nfamily = "nope"\nstart = "http://a.cn/x/html/%Y-%m/%d/node_2.htm"\n',
     "site.x.family 'nope' is not a family"),
    ('[site.x]\npaper = "报"\nfamily = "founder-classic"\nstart = "http://a.cn/x/html/%Y-%m/%d/node_2.htm"\nurl = 1\n',
     "site.x.url is not a key"),
    ('[site.x]\nfamily = "founder-classic"\nstart = "http://a.cn/x/html/%Y-%m/%d/node_2.htm"\n',
     "site.x.paper must be a non-empty"),
    ('[site.x]\npaper = "报"\nfamily = "founder-classic"\nstart = "ftp://a.cn/x/html/%Y-%m/%d/node_2.htm"\n',
     "must be an http:// or https:// URL"),
    ("[family.y]\nlayout = '(node'\narticle = 'a'\nday = '%Y'\n", "family.y.layout is not a regular expression"),
    ("[family.y]\nlayout = 'node'\narticle = 'a'\nday = '%Y'\n", "needs a (?P<day>...) group"),
    ("[sites.x]\n", "unknown table [sites]"),
    ("[site.x\n", "is not valid TOML")])
def test_a_wrong_users_file_is_one_line_naming_the_key(tmp_path, text, message):
    mine = tmp_path / "mine.toml"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=None) as caught:
        load_profiles(mine)
    assert message in str(caught.value) and str(mine) in str(caught.value)
    result = CliRunner().invoke(cli, ["fetch", "--list-sites", "--sites", str(mine)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and message in result.stderr


def test_a_missing_users_file_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["fetch", "--site", "rmrb", "-o", str(tmp_path),
                                      "--sites", str(tmp_path / "none.toml")])
    assert result.exit_code == 1 and "cannot be read" in result.stderr and "--sites" in result.stderr


def test_the_progress_bar_counts_pages_on_a_terminal_only(monkeypatch):
    import io

    from briefing.cli.fetch import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    issue = issue_for_site(load_profiles().sites["rmrb"], DAY)
    bar = Progress()
    bar.start(issue)
    bar.update(3, 12, "http://x")
    bar.finish()
    assert "fetching 人民日报 2025-03-18 [######                  ] 3/12 pages" in screen.getvalue()
    monkeypatch.setattr("sys.stderr", io.StringIO())
    quiet = Progress()
    quiet.update(1, 2, "http://x")
    assert not quiet.drawn


def test_the_real_founder_classic_layout_page_gives_the_days_pages_and_articles():
    """科技日报 2023-02-10 第01版 as saved (../shared/epaper): what a walk would follow from it, read from the
    page itself (the page stays in ../shared; only its link count and names are checked)."""
    from briefing.fetch.links import day_links

    from .helpers import SHARED

    page = SHARED / "epaper" / "kjrb_layout_20230210_p01_node_2.htm"
    if not page.exists():
        pytest.skip(f"{page} is absent (a fresh clone has no ../shared); the mock day covers the same structure")
    base = "http://digitalpaper.stdaily.com/http_www.kjrb.com/kjrb/html/2023-02/10/"
    issue = issue_for_url(base + "node_2.htm", load_profiles())
    links, kept = day_links(issue, base + "node_2.htm", page.read_bytes())
    assert kept and issue.key == "kjrb" and issue.date == dt.date(2023, 2, 10)
    assert sorted(links["pages"]) == [f"{base}node_{n}.htm" for n in range(2, 10)]  # the 8 版面 of the day
    assert [u.rsplit("/", 1)[1] for u in links["articles"]] == [
        "content_548643.htm", "content_548646.htm", "content_548655.htm", "content_548659.htm", "content_548662.htm"]
    # the site's own pages (www.stdaily.com/kjrb/content/2009-05/…) and the PDF are not the day's pages
    assert all(u.startswith(base) for u in links["pages"] + links["articles"])
