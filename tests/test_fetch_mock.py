"""A mock e-paper day served on 127.0.0.1, built at test time in the URL and page structure of the real
sites (Founder classic, Founder pc, People's Daily classic), with text written for these tests; and
checks that the pages it serves are what the readers read.

The tests of `briefing fetch` (tests/test_fetch.py) walk it; nothing here leaves the machine."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

DAY = "2024-03-12"
#: (id, page, 引题, 标题, 副题, paragraphs). 4101 is printed in full again on page 2 as 4105.
STORIES = {
    "4101": ("01", "聚焦项目建设", "青溪县二十个重点项目集中开工", "总投资八十六亿元 涵盖产业民生基础设施", (
        "本报讯（记者 柳岸）3月11日，青溪县2024年第一季度重点项目集中开工仪式在经开区举行，二十个项目同时开工，总投资八十六亿元。",
        "这批项目涵盖新材料、冷链物流、职业教育和城乡供水等领域，其中产业项目十二个，民生和基础设施项目八个。",
        "县委书记周明远在仪式上要求，各部门要强化要素保障，倒排工期，确保项目早建成、早投产、早见效。")),
    "4102": ("01", "", "青溪县召开春耕生产调度会", "", (
        "本报讯（通讯员 石青）3月11日，青溪县召开春耕生产调度会，部署当前春耕备耕和农资保供工作。",
        "会议通报，全县已储备化肥一万二千吨、良种八百吨，检修农机两千余台，能够满足春耕需要。",
        "会议要求，各乡镇要抓住晴好天气，组织农户抢播早稻，确保粮食播种面积稳定在四十万亩以上。")),
    "4103": ("01", "", "县城老旧小区改造启动", "今年改造三十二个小区 惠及五千余户", (
        "本报讯（记者 林禾）3月10日，青溪县城2024年老旧小区改造工程启动，首批十个小区进场施工。",
        "今年全县计划改造老旧小区三十二个，重点更换供水管网、加装电梯、整修道路和增设充电桩。",
        "县住建局负责人介绍，改造方案经过居民议事会逐户征求意见，施工期间将分段作业，尽量减少对居民出行的影响。")),
    "4104": ("02", "", "青溪职业技术学校新增三个专业", "", (
        "本报讯（记者 江帆）记者从青溪职业技术学校获悉，学校今年新增冷链物流、新能源汽车维修和智慧农业三个专业。",
        "新专业由学校与县内企业共同开发课程，学生第二学年起进入企业实训，毕业后可优先在合作企业就业。",
        "学校计划今年秋季招收新生一千二百人，比去年增加三百人。")),
    "4107": ("02", "", "青溪县举办春季招聘会", "", (
        "本报讯（通讯员 高原）3月9日，青溪县2024年春季招聘会在县体育馆举行，一百二十家企业提供岗位三千余个。",
        "招聘会设置返乡人员、高校毕业生和脱贫劳动力专区，现场达成就业意向八百余人。",
        "县人社局还通过网络直播推介岗位，在线观看人数超过两万人次。")),
}
STORIES["4105"] = ("02",) + STORIES["4101"][1:]


def paragraphs_html(paragraphs) -> str:
    return "".join(f"<p>　　{p}</p>" for p in paragraphs)


def classic_article(cid: str) -> str:
    """A Founder classic article page (content_N.htm): title table, founder-content body, enpproperty; no 版次."""
    _, pre, title, sub, body = STORIES[cid]
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>青溪日报--数字报</title></head><body>
<table><tr><td class="font02">{pre}</td></tr><tr><td class="font01">{title}</td></tr>
<tr><td class="font02">{sub}</td></tr></table>
<founder-content><!--enpcontent-->{paragraphs_html(body)}<!--/enpcontent--></founder-content>
<!--enpproperty <date>{DAY} 00:00:00:0</date><author></author><subtitle>{sub}</subtitle><introtitle>{pre}</introtitle><paperarticleid>{cid}</paperarticleid><title>{title}</title>/enpproperty-->
<div id="footer"><a href="http://www.example.org/about.htm">关于我们</a> Copyright © 青溪日报</div>
</body></html>"""


def classic_layout(number: str, name: str, ids, pages, extra: str = "") -> str:
    """A Founder classic 版面 page (node_N.htm): page map, 第N版 label, title list, page list, date line."""
    areas = "".join(f'<Area coords="1,{i * 90},100,{i * 90 + 80}" shape="rect" href="content_{cid}.htm?div=-1">'
                    for i, cid in enumerate(ids))
    titles = "".join(f"<li><a href=content_{cid}.htm?div=-1><div style=\"display:inline\">"
                     f"{STORIES[cid][2] if cid in STORIES else '本版稿件'}</div></a>" for cid in ids)
    page_list = "".join(f'<a id=pageLink href={node}>第{n}版：{label}</a> ' for node, n, label in pages)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>青溪日报--数字报</title></head><body>
<div class="tu2-2"><map name=PagePicMap>{areas}</map><img src=../../../images/{DAY[:7]}/12/{number}/b.jpg USEMAP=#PagePicMap></div>
<div class="banci">第{number}版：<STRONG>{name}</STRONG></div>
<div class="title"><ul>{titles}</ul></div>
<div class="date">2024年03月12日 星期二</div>
<div class="bmname">{page_list}</div>
<div class="calendar"><a href="../11/node_2.htm">11</a> <a href="../13/node_2.htm">13</a></div>
{extra}
<div id="footer"><a href="http://www.example.org/qxrb/html/2024-03/12/content_9999.htm">联系我们</a></div>
</body></html>"""


def pc_article(cid: str) -> str:
    """A Founder pc article page (pc/content/YYYYMM/DD/content_N.html): div.caption title block with the 版次."""
    page, pre, title, sub, body = STORIES[cid]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>青溪日报数字报</title></head><body>
<div class="main"><div id="scroller"><div class="caption">
<p id="nowLayout" class="hide">{page}</p><font id="intro-title">{pre}</font>
<font id="main-title">{title}</font><font id="sub-title">{sub}</font><font id="author">2024年03月12日</font></div>
<div class="content" id="content"><founder-content><!--enpcontent-->{paragraphs_html(body)}<!--/enpcontent-->
<!--enpproperty <date>{DAY} 00:00:00:0</date><subtitle>{sub}</subtitle><introtitle>{pre}</introtitle><paperarticleid>{cid}</paperarticleid><title>{title}</title>/enpproperty-->
</founder-content></div>
<div class="footer_sqd"><span>Copyright © 青溪日报</span></div></div></div></body></html>"""


def pc_layout(number: str, name: str, ids, pages) -> str:
    """A Founder pc 版面 page (pc/layout/YYYYMM/DD/node_NN.html): page list, page map and article list."""
    content = "../../../content/202403/12"
    slides = "".join(f'<div class="swiper-slide"><a id="pageLink" href="{node}">{n}版：{label}</a></div>'
                     for node, n, label in pages)
    areas = "".join(f'<area shape="rect" coords="1,{i * 90},100,{i * 90 + 80}" href="{content}/content_{cid}.html">'
                    for i, cid in enumerate(ids))
    items = "".join(f'<li><a href="{content}/content_{cid}.html">{STORIES[cid][2]}</a></li>' for cid in ids)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>青溪日报数字报</title></head><body>
<div class="swiper-container">{slides}</div>
<div class="paper"><img src="../../../images/202403/12/{number}/b.jpg" usemap="#pagemap"><map name="pagemap">{areas}</map></div>
<div class="layout-name">{number}版：{name}</div><ul class="news-list">{items}</ul>
<div class="date">2024年03月12日</div></body></html>"""


def people_article(cid: str) -> str:
    """A People's Daily classic article page (nw.D110000qxrb_YYYYMMDD_N-NN.htm): h3 引题, h1, h2 副题, div#ozoom."""
    page, pre, title, sub, body = STORIES[cid]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>青溪日报</title></head><body>
<div class="article"><h3>{pre}</h3><h1>{title}</h1><h2>{sub}</h2><p class="sec">本报记者</p>
<div id="ozoom">{paragraphs_html(body)}</div>
<p>《青溪日报》（2024年03月12日 第 {page} 版）</p></div></body></html>"""


def people_layout(number: str, ids, pages) -> str:
    """A People's Daily classic 版面 page (nbs.D110000qxrb_NN.htm): page list and title list of nw.… links."""
    slides = "".join(f'<div class="swiper-slide"><a href="nbs.D110000qxrb_{n}.htm">{n}版：{label}</a></div>'
                     for n, label in pages)
    items = "".join(f'<li><a href="nw.D110000qxrb_20240312_{i + 1}-{number}.htm">{STORIES[cid][2]}</a></li>'
                    for i, cid in enumerate(ids))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>青溪日报</title></head><body>
<div class="swiper-container">{slides}</div><div class="news"><ul class="news-list">{items}</ul></div>
<div class="date">2024年03月12日</div></body></html>"""


CLASSIC = "/qxrb/html/2024-03/12/"
PC_LAYOUT, PC_CONTENT = "/qxrb/pc/layout/202403/12/", "/qxrb/pc/content/202403/12/"
PEOPLE = "/qxrb/html/2024-03/12/"


@dataclass
class Route:
    """What the server answers for one path: a body, or a fault."""

    body: bytes = b""
    status: int = 200
    fail_first: int = 0  # answer 500 this many times first (503 with a Retry-After when retry_after is set)
    retry_after: str = ""
    delay: float = 0.0  # seconds before answering (a slow page)
    location: str | None = None  # a redirect
    truncate: bool = False  # declare more bytes than are sent, then hang up
    served: int = 0


@dataclass
class Site:
    """Routes by path (query ignored) and a log of every request: (path, user agent, start, end); the paths
    are also noted as each request arrives, before it is answered (the client may be done before the log)."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str, float, float]] = field(default_factory=list)
    arrived: list[str] = field(default_factory=list)

    def page(self, path: str, html: str, **fault) -> None:
        self.routes[path] = Route(html.encode("utf-8"), **fault)

    def paths(self) -> list[str]:
        """Every path asked for, in the order the requests arrived."""
        return list(self.arrived)

    def forget(self) -> None:
        """Start the log afresh (between two runs of one test)."""
        self.log.clear()
        self.arrived.clear()


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        start = time.monotonic()
        path = self.path.split("?")[0]
        self.site.arrived.append(path)
        route = self.site.routes.get(path)
        try:
            self._answer(route)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
            pass
        self.site.log.append((path, self.headers.get("User-Agent", ""), start, time.monotonic()))

    def _answer(self, route: Route | None) -> None:
        if route is None:
            return self._send(404, b"<html><body>not found</body></html>")
        route.served += 1
        time.sleep(route.delay)
        if route.served <= route.fail_first:
            headers = {"Retry-After": route.retry_after} if route.retry_after else {}
            return self._send(503 if route.retry_after else 500, b"<html><body>busy</body></html>", headers)
        if route.location:
            self.send_response(302)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if route.truncate:
            self.send_response(200)
            self.send_header("Content-Length", str(len(route.body) + 500))
            self.end_headers()
            self.wfile.write(route.body)
            self.close_connection = True
            return None
        return self._send(route.status, route.body)

    def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet
        pass


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 and a free port, serving `site`; stopped by `close`."""

    def __init__(self, site: Site) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.site = site
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def classic_day(site: Site, robots: str = "User-agent: *\nDisallow: /private/\n") -> None:
    """青溪日报 2024-03-12 on a Founder classic system: 第01版 (three articles), 第02版 (three, one the
    two-page story's second printing)."""
    pages = [("node_2.htm", "01", "要 闻"), ("node_3.htm", "02", "综 合")]
    site.page("/robots.txt", robots)
    site.page(CLASSIC + "node_2.htm", classic_layout("01", "要 闻", ["4101", "4102", "4103"], pages))
    site.page(CLASSIC + "node_3.htm", classic_layout("02", "综 合", ["4104", "4105", "4107"], pages))
    for cid in ("4101", "4102", "4103", "4104", "4105", "4107"):
        site.page(f"{CLASSIC}content_{cid}.htm", classic_article(cid))


def pc_day(site: Site) -> None:
    """青溪日报 2024-03-12 on a Founder pc system: 01版 and 02版."""
    pages = [("node_01.html", "01", "要闻"), ("node_02.html", "02", "综合")]
    site.page("/robots.txt", "User-agent: *\nAllow: /\n")
    site.page(PC_LAYOUT + "node_01.html", pc_layout("01", "要闻", ["4101", "4102", "4103"], pages))
    site.page(PC_LAYOUT + "node_02.html", pc_layout("02", "综合", ["4104", "4105", "4107"], pages))
    for cid in ("4101", "4102", "4103", "4104", "4105", "4107"):
        site.page(f"{PC_CONTENT}content_{cid}.html", pc_article(cid))


def people_day(site: Site) -> None:
    """青溪日报 2024-03-12 on a People's Daily classic system: nbs.…_01.htm and _02.htm."""
    pages = [("01", "要闻"), ("02", "综合")]
    site.page(PEOPLE + "nbs.D110000qxrb_01.htm", people_layout("01", ["4101", "4102", "4103"], pages))
    site.page(PEOPLE + "nbs.D110000qxrb_02.htm", people_layout("02", ["4104", "4105", "4107"], pages))
    for number, ids in (("01", ["4101", "4102", "4103"]), ("02", ["4104", "4105", "4107"])):
        for i, cid in enumerate(ids):
            site.page(f"{PEOPLE}nw.D110000qxrb_20240312_{i + 1}-{number}.htm", people_article(cid))


@pytest.fixture
def server():
    running = Server(Site())
    yield running
    running.close()


# The pages the mock serves are what the readers read: the fetch tests can then trust a read-back.

@pytest.mark.parametrize("make, name", [(classic_article, "content_4101.htm"), (pc_article, "content_4101.html"),
                                        (people_article, "nw.D110000qxrb_20240312_1-01.htm")])
def test_mock_article_pages_are_read_with_their_headings(tmp_path, make, name):
    from briefing.api import read_articles

    (tmp_path / name).write_text(make("4101"), encoding="utf-8")
    (article,) = read_articles(str(tmp_path / name))
    assert (article.pretitle, article.title, article.subtitle) == STORIES["4101"][1:4]
    assert article.date == DAY and "二十个项目同时开工" in article.text


@pytest.mark.parametrize("html, is_layout", [
    (classic_layout("01", "要 闻", ["4101", "4102"], [("node_2.htm", "01", "要 闻")]), True),
    (pc_layout("01", "要闻", ["4101", "4102"], [("node_01.html", "01", "要闻")]), True),
    (people_layout("01", ["4101"], [("01", "要闻")]), False)])  # the readers do not know this one as a layout page
def test_mock_layout_pages_are_known_to_the_readers_as_the_real_ones_are(html, is_layout):
    from briefing.read.htmltext import parse_html
    from briefing.read.layout import parse_layout

    assert (parse_layout(*parse_html(html.encode("utf-8"), "page")) is not None) == is_layout
