"""What each leader did in the period, as an editor lists it in 领导活动: one complete phrase per leader
per event, dated on the day it happened.

A report's host is its highest-ranked leader with an act of their own; a companion's 参加上述活动,
参加会见 or 陪同考察 becomes 参加 / 陪同 + the host + the host's act. Reports that recount or comment
(学习进行时, 央视快评, 引发热烈反响 …: the protocol table's `recaps`) give no acts; plans (将出席) and
photo captions give none either. The same act found in several reports (the main report, its short
version, another agency's) is kept once.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence

from ..models import Activity, Article, ArticleSummary
from .deeds import JOIN_RE, complete_bare, name_the_event, phrases
from .protocol import Protocol
from .when import day_of

#: Days before the period an act may lie and still be listed (a 宣讲 on Friday reported on Monday);
#: a caption of September in November's news is older.
EARLY_DAYS = 7
#: Acts that are events of their own when a report gives a second one (与会期间，…会见了联合国秘书长):
#: the steps of an inspection (来到, 察看) are parts of the first.
_SECOND_ACT = re.compile(r"^(?:应邀|分别|还|随后|同日|当天)?(?:会见|会谈|会晤|集体会见|接见|出席|主持|签署|宣布|见证|"
                         r"致电|致信|致贺|复信|回信|访问|举行)")


#: 分别致辞 / 讲话 after the host's act: they spoke at the host's event.
_BARE_SPEECH = re.compile(r"^(?:分别|先后|也|还|并)?((?:作)?(?:交流)?(?:致辞|讲话|发言)|致欢迎辞|作总结讲话)$")
_REPORTED_TO = re.compile(r"^(?:分别|先后)?作(?:了)?(?:工作)?汇报$|^汇报$")
_HEARD = re.compile(r"^(?:在[^，。]{1,10}?)?听取([^，。]{2,30}?)(?:的)?汇报")
_HOSTED = re.compile(r"^(?:出席|主持|主持召开)([^，。]{2,30}?)(?:并|$)")
_PRESIDED_AND = re.compile(r"^(主持|出席|参加)(?:了)?并(讲话|致辞|作总结讲话|作动员讲话)$")
_HEADLINE_EVENT = re.compile(r"^([\u4e00-\u9fff]{2,16}?)(?:举行|召开)([\u4e00-\u9fff“”]{2,20})$")
#: 在江苏作宣讲报告: a lecture whose topic is the headline's (中央宣讲团…宣讲党的二十届四中全会精神).
_BARE_LECTURE = re.compile(r"^在([^，。]{2,14}?)(?:作)?(?:宣讲报告|宣讲)$")
_LECTURE_TOPIC = re.compile(r"宣讲(?!团)([^，。\s]{4,24}?精神)")
#: 《求是》杂志发表习近平总书记的重要文章《…》; 人民日报发表张国清署名文章《…》.
_ARTICLE_RE = re.compile(r"(?:《(?P<journal>[^》]{2,8})》(?:杂志)?)?(?:发表|刊发|刊登)(?P<who>[^《》。\n]{2,40}?)的?"
                         r"(?P<kind>重要文章|署名文章)《(?P<what>[^》]{2,40})》")
#: 张国清：提高防灾减灾救灾能力 — a headline of the author's name and the title of a signed article.
_SIGNED_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,4})[：:]\s*([^：:《》]{4,40}?)\s*$")
#: What a host's act begins with that a companion's does not share: 带队视察 → 陪同某某视察.
_HOST_LEAD = re.compile(r"^(?:带队|率队|带领[^，。]{0,12}?(?=赴|到|前往|深入|视察|调研|考察))")
_ATTENDED = re.compile(r"^(?:出席|参加)(?:了)?([^，。并]{4,40})(?:并[^，。]*)?$")
_STEP = re.compile(r"^(?:来到|走进|步入|乘车|乘坐|乘机|乘专机|同[^，。]{1,12}?(?:登上|步入|走上|来到|一同|共同步入|检阅))")
_SPOKEN = re.compile(r"^(?:就[^，。]{2,30})?(?:提出|作了?说明|阐述|回答|介绍)")
#: The host's welcome of a state visit (举行仪式欢迎西班牙王国国王费利佩六世对我国进行国事访问), its guest,
#: and the headline's shorter name of the guest (习近平举行仪式欢迎西班牙国王访华).
_WELCOME = re.compile(r"^举行(?:隆重的?)?(?:欢迎)?仪式[，,]?欢迎(.{2,30}?)(?:对我国进行|来华进行|进行)?(?:国事|正式|工作)?访问")
_WELCOME_HEADLINE = re.compile(r"举行(?:欢迎)?仪式欢迎(.{2,16}?)(?:访华|来华)")
_CEREMONY_JOIN = re.compile(r"^(?:出席|参加)(?:了)?(?:欢迎)?仪式$")
#: 参加习近平会见… : a companion at the host's talks, the part before the guest.
_JOINED_TALKS = re.compile(r"^(参加[\u4e00-\u9fff]{2,4}?(?:会见|会谈|会晤))")
#: 致贺信 with nothing after: what was congratulated is the headline's event (…大会在澳门开幕 王沪宁致贺信).
_BARE_GREETING = re.compile(r"^(?:发来|致)(贺信|贺电)$")
_GREETED_EVENT = re.compile(r"^\s*([^\s，。]{4,30}?(?:开幕|召开|举行|成立|开通|启动|揭牌|闭幕|开工|投产|建成|通车|开馆))\s")
#: 在广东考察 and, in the body, 先后到梅州、广州考察调研: where the inspection went.
_INSPECTED_IN = re.compile(r"^在([\u4e00-\u9fff]{2,8})考察(调研)?$")
_VISITED_PLACES = re.compile(r"先后(?:到|来到|赴|前往)([\u4e00-\u9fff、]{2,30}?)(?:等地)?(?:考察|调研|视察)")
#: 参加上述活动: joining everything the report (or the broadcast item it is part of) told.
_COVERING = re.compile(r"^(?:参加|出席)(?:了)?(?:上述|以上)活动$")
_RECENT = 10  # days before publication a stated day may lie and still be the act's (not background)
_SPECIFIC = 12  # a phrase this long names its act: the same words are the same act, whatever the story
_AGAIN_DAYS = 2  # the same phrase this many days after an act is that act reported again
_SHORT = 24  # a phrase longer than this gives way to the headline's shorter name of the same act
_LONG = 40  # a phrase longer than this is a page's run-on text: another report's shorter phrase is better


def find_acts(reports: Sequence[tuple[str, ArticleSummary]], texts: Sequence[str], rows: dict[str, tuple],
              seen: set[tuple[int, str]], others: re.Pattern | None, protocol: Protocol,
              period: tuple[dt.date, dt.date] | None = None,
              places: Sequence[int] | None = None) -> dict[str, tuple[Activity, ...]]:
    """Each listed leader's acts, once per event, in date order (then report order). `places` gives each
    report's place in its input (the reports' own order when not given): 陈吉宁、吴政隆参加上述活动 closing
    the last of a run of one host's meetings that day covers each of them."""
    found: dict[str, list[tuple]] = {}
    scenes: dict[tuple, tuple] = {}
    for i, ((item, summary), text) in enumerate(zip(reports, texts)):
        article = summary.article
        if _is_recap(article, protocol):
            continue
        acts, scene = _report_acts(i, article, text, rows, seen, others)
        scenes[(article.source, article.date, places[i] if places else i)] = (i, item, scene)
        for k, (name, date, phrase) in enumerate(acts):
            found.setdefault(name, []).append((date.isoformat(), (i, k), phrase, item, name in _headline(article)))
    for name, date, phrase, i, item in _covered(scenes):
        found.setdefault(name, []).append((date.isoformat(), (i, 99), phrase, item, False))
    if period:
        found = {name: [a for a in acts if period[0] - dt.timedelta(days=EARLY_DAYS) <= dt.date.fromisoformat(a[0])
                        <= period[1]] for name, acts in found.items()}
    return {name: _once_per_event(acts) for name, acts in found.items() if acts}


def _covered(scenes: dict[tuple, tuple]) -> list[tuple[str, dt.date, str, int, str]]:
    """The companions a report names as 参加上述活动 at its end, at each meeting of the same host the
    reports just before it in the input give that day (one broadcast item told as several web records),
    when those name no companions of their own."""
    extra = []
    for (source, date, at), (_, _, (host, act, _, covering)) in scenes.items():
        verb = act[:2]
        if not covering or verb not in ("会见", "会谈", "会晤"):
            continue
        before = at - 1
        while (scene := scenes.get((source, date, before))) and scene[2][0] == host and \
                scene[2][1].startswith(verb) and not scene[2][3]:
            i, item, (_, their_act, day, _) = scene
            extra += [(name, day, f"参加{host}{their_act}", i, item) for name in covering]
            before -= 1
    return extra


def _report_acts(i: int, article: Article, text: str, rows: dict[str, tuple], seen: set[tuple[int, str]],
                 others: re.Pattern | None) -> tuple[list[tuple[str, dt.date, str]], tuple]:
    """(name, day, phrase) of every act the report gives a listed leader; and the scene: its host, the
    host's act and day, and who joined it as 参加上述活动 (whose joining may cover the reports before)."""
    published = _published(article)
    if published is None:
        return [], (None, "", None, ())
    year = published.isoformat()[:4]
    present = [name for name in rows if name in text]
    body_end = len("\n".join(article.paragraphs))
    said, headed = {}, {}
    for name in present:  # the body's sentences; the headline's only when the body gives no act
        found = phrases(text, name, reported=(i, name) in seen or name in _headline(article), year=year,
                        others=others)
        body = [(at, p) for at, p in found if at < body_end]
        head = [(at, p) for at, p in found if at >= body_end][:1]
        said[name] = body if any(not _STEP.match(p) and not _SPOKEN.match(p) for _, p in body) else body + head
        headed[name] = head[0][1] if head else ""
    own = [name for name in present if any(not JOIN_RE.match(p) for _, p in said[name])]
    host = min(own, key=lambda name: rows[name][:3]) if own else None
    host_at, host_act = _main_act(said[host]) if host else (0, "")
    host_act = _completed(host_act, article, text, headed[host]) if host else host_act
    opening = _opening_day(text, published)
    stated = {name: _stated_day(text, name, published) or opening for name in present}
    host_day = day_of(text, host_at, published, default=stated[host]) if host else opening
    acts = []
    covering = tuple(name for name in present if name != host and host and
                     any(_COVERING.match(p) for _, p in said[name]) and rows[host][:2] <= rows[name][:2])
    for name in present:
        kept: list[str] = []
        last = None
        for at, phrase in said[name]:
            if _STEP.match(phrase) or _SPOKEN.match(phrase) and name == host:
                continue  # 来到…, 乘车抵达: a step of the act; 就…提出4点建议: what was said at it
            joins = host and host != name and rows[host][:2] <= rows[name][:2]  # one joins a senior's act
            if _CEREMONY_JOIN.match(phrase) and joins and (welcome := _WELCOME.match(host_act)):
                guest = _WELCOME_HEADLINE.search(_headline(article))  # 出席欢迎西班牙国王仪式
                phrase, day = f"出席欢迎{guest.group(1) if guest else welcome.group(1)}仪式", host_day
            elif JOIN_RE.match(phrase) and joins and phrase not in ("出席", "参加"):  # 出席。: the report's event
                verb = "陪同" if phrase.startswith("陪同") else "参加"
                attended = _ATTENDED.match(host_act)  # 李强出席开幕式 → 参加开幕式 (not 参加李强出席…)
                phrase = f"{verb}{attended.group(1)}" if attended else f"{verb}{host}{_HOST_LEAD.sub('', host_act)}"
                day = host_day
            elif _REPORTED_TO.match(phrase) and joins and (heard := _HEARD.match(host_act)):
                phrase, day = f"向{host}汇报{heard.group(1)}", host_day  # 作了汇报: to the host who heard it
            elif (speech := _BARE_SPEECH.match(phrase)) and joins and \
                    (event := _HOSTED.match(host_act)):
                phrase, day = f"出席{event.group(1)}并{speech.group(1)}", host_day  # 分别致辞: at the host's event
            else:
                if phrase.startswith("陪同") and host and host != name and host not in phrase:
                    phrase = f"陪同{host}{phrase[2:]}"
                phrase = _completed(phrase, article, text, headed[name])
                day = day_of(text, at, published, last, default=stated[name])
            if kept and (not _SECOND_ACT.match(phrase) or len(phrase) < 6):
                continue  # one act a report, unless it reports a second event (会见 after 出席峰会)
            if any(_same_act(phrase, other) for other in kept):
                continue
            kept.append(phrase)
            last = day
            acts.append((name, day, phrase))
    return acts + _articles(article, rows, published), (host, host_act, host_day, covering)


def _completed(phrase: str, article: Article, text: str, headline: str) -> str:
    """A leader's own phrase as an editor completes it from the report: the event a bare attendance was
    at, the event's full name, the headline's event or lecture topic, what a greeting congratulated, the
    places an inspection went to; then the headline's shorter name of the same act (`headline`)."""
    phrase = _with_topic(_headline_event(name_the_event(complete_bare(phrase, text), text), article), article)
    return _shortest(_with_places(_greeted(phrase, article), text), headline)


def _articles(article: Article, rows: dict[str, tuple], published: dt.date) -> list[tuple[str, dt.date, str]]:
    """《求是》杂志发表习近平总书记的重要文章《…》: the leader published an article (dated on publication)."""
    found = []
    for match in _ARTICLE_RE.finditer(_headline(article) + "\n" + "\n".join(article.paragraphs[:1])):
        name = next((n for n in rows if n in match.group("who")), None)
        if name and all(n != name for n, _, _ in found):
            journal = f"《{match.group('journal')}》" if match.group("journal") else ""
            found.append((name, published, f"在{journal}发表{match.group('kind')}《{match.group('what')}》"
                          if journal else f"发表{match.group('kind')}《{match.group('what')}》"))
    signed = _signed(article, rows)
    if signed and all(n != signed[0] for n, _, _ in found):
        found.append((signed[0], published, f"发表署名文章《{signed[1]}》"))
    return found


def _signed(article: Article, rows: dict[str, tuple]) -> tuple[str, str] | None:
    """(author, title) of a signed article headlined 作者：标题 whose body opens as the article is printed,
    its title and then its author (提高防灾减灾救灾能力张国清…), or says 署名文章; a quotation headlined
    习近平：… opens otherwise (习近平指出…) and is no article of his."""
    match = _SIGNED_RE.match(article.title or "")
    if not match or match.group(1) not in rows:
        return None
    name, what = match.groups()
    opening = re.sub(r"\s+", "", "".join(article.paragraphs[:3]))[:300]
    return (name, what) if what + name in opening or "署名文章" in opening else None


def _headline_event(phrase: str, article: Article) -> str:
    """主持并讲话 → 主持区委理论学习中心组专题学习并讲话: the event is the one the headline reports."""
    bare = _PRESIDED_AND.match(phrase)
    event = _HEADLINE_EVENT.match(article.title or "") if bare else None
    return f"{bare.group(1)}{event.group(1)}{event.group(2)}并{bare.group(2)}" if event else phrase


def _with_topic(phrase: str, article: Article) -> str:
    """在江苏作宣讲报告 → 在江苏宣讲党的二十届四中全会精神: what was lectured on, from the headline."""
    bare = _BARE_LECTURE.match(phrase)
    topic = _LECTURE_TOPIC.search(_headline(article)) if bare else None
    return f"在{bare.group(1)}宣讲{topic.group(1)}" if topic else phrase


def _shortest(phrase: str, headline: str) -> str:
    """The headline's shorter name of the same act (出席贝伦气候峰会并致辞 for 出席《联合国气候变化框架公约》第30次
    缔约方大会贝伦气候峰会并致辞): same verb, same ending, what the body adds all before the ending."""
    if len(phrase) <= _SHORT or not headline or len(headline) >= len(phrase) or len(headline) < 6:
        return phrase
    if any(_common_run(guest, headline) < 3 for guest in _guests(phrase)):
        return phrase  # 同俄罗斯总理米舒斯京共同主持…: a headline that drops the guest's name says less
    same_ends = phrase[:2] == headline[:2] and phrase[-4:] == headline[-4:]
    return headline if same_ends and _bigram_f1(phrase, headline) >= 0.4 else phrase


def _greeted(phrase: str, article: Article) -> str:
    """致贺信 → 致贺信祝贺第十八届世界华商大会在澳门开幕: the event the headline names before the greeting."""
    bare = _BARE_GREETING.match(phrase)
    event = _GREETED_EVENT.match(article.title or "") if bare else None
    return f"致{bare.group(1)}祝贺{event.group(1)}" if event else phrase


def _with_places(phrase: str, text: str) -> str:
    """在广东考察 → 赴广东梅州、广州考察: the places the body says the inspection went to, in order."""
    bare = _INSPECTED_IN.match(phrase)
    places = _VISITED_PLACES.search(text) if bare else None
    return f"赴{bare.group(1)}{places.group(1)}考察" if places else phrase


def _opening_day(text: str, published: dt.date) -> dt.date:
    """The day the report's opening sentence gives its event (全运会9日晚在广州开幕), when it is recent."""
    stop = re.search(r"[。！？\n]", text)
    day = day_of(text, max(0, (stop.start() if stop else len(text)) - 1), published)
    return day if 0 <= (published - day).days <= _RECENT else published


def _stated_day(text: str, name: str, published: dt.date) -> dt.date | None:
    """The earliest recent day stated in a sentence about the leader (11月7日至8日，习近平在…陪同下): the day
    of an act whose own sentence says only 近日."""
    days = [day_of(text, m.start(), published, default=dt.date.max) for m in re.finditer(re.escape(name), text)]
    recent = [d for d in days if d != dt.date.max and 0 <= (published - d).days <= _RECENT]
    return min(recent, default=None)


def _main_act(said: list[tuple[int, str]]) -> tuple[int, str]:
    """The host's act that the report is about: the first that is not a step of it (来到, 走进) nor what
    was said at it (就…提出4点建议)."""
    own = [(at, p) for at, p in said if not JOIN_RE.match(p)]
    return next(((at, p) for at, p in own if not _STEP.match(p) and not _SPOKEN.match(p)), own[0] if own else (0, ""))


def _once_per_event(acts: list[tuple]) -> tuple[Activity, ...]:
    """One act per event: of two on one day that say the same (or name the same guest), the one from a
    report whose headline names the leader, else the fuller."""
    kept: list[tuple] = []
    for act in sorted(acts, key=lambda a: (a[0], not a[4], len(a[2]) > _LONG, -len(a[2]), a[1])):
        day = [n for n, other in enumerate(kept) if act[0] == other[0]]
        pair = next(((n, joined) for n in day if (joined := _ceremony_and_talks(kept[n][2], act[2]))), None)
        if pair:
            kept[pair[0]] = (*kept[pair[0]][:2], pair[1], *kept[pair[0]][3:])
        elif not any(_same_act(act[2], kept[n][2]) for n in day):
            kept.append(act)
    in_order = _reported_again(sorted(kept, key=lambda a: a[:2]))  # _reported_again keeps this order
    return tuple(Activity(date, phrase, item) for date, _, phrase, item, _ in in_order)


def _reported_again(acts: list[tuple]) -> list[tuple]:
    """The same act again a day or two later (复信青年汉学家… on the 13th, and 近日 in a report of the 14th):
    a second report, not a second act; the first day stays. A short phrase (出席签约仪式) is the same act
    only in the same story: two signings on two days are two acts."""
    kept: list[tuple] = []
    for act in acts:
        day = dt.date.fromisoformat(act[0])
        if not any((day - dt.date.fromisoformat(other[0])).days <= _AGAIN_DAYS and
                   _bigram_f1(act[2], other[2]) >= 0.9 and (act[3] == other[3] or len(act[2]) >= _SPECIFIC)
                   for other in kept):
            kept.append(act)
    return kept


def _ceremony_and_talks(one: str, two: str) -> str | None:
    """A companion's two parts of one state visit as one act: 出席欢迎西班牙国王仪式 and 参加习近平会见西班牙
    国王费利佩六世 → 出席欢迎西班牙国王仪式并参加习近平会见 (in either order)."""
    for ceremony, talks in ((one, two), (two, one)):
        guest = ceremony[4:-2] if ceremony.startswith("出席欢迎") and ceremony.endswith("仪式") else ""
        if guest and (part := _JOINED_TALKS.match(talks)) and _common_run(guest, talks) >= 3:
            return f"{ceremony}并{part.group(1)}"
    return None


def _same_act(one: str, two: str) -> bool:
    """Two phrases for one act: nearly the same words, or the same words or a long run in common after
    what both begin with (参加李强会见 + 塞尔维亚总理 and + 格鲁吉亚总理 are two acts; 举行仪式欢迎 +
    西班牙国王费利佩六世 and 会见 + 西班牙国王费利佩六世 one)."""
    if _same_guest(one, two):
        return True  # 举行仪式欢迎…总统马克龙 and 同法国总统马克龙举行会谈: one visit, one guest
    if _guests(one) and _guests(two):
        return False  # 会见东国总理甲乙丙 and 会见西国总理丁戊己: two guests, two meetings
    if _bigram_f1(one, two) >= 0.6:
        return True
    shared = len(os.path.commonprefix([one, two]))
    rest_one, rest_two = one[shared:], two[shared:]
    if shared >= 6 and not (rest_one and rest_two):
        return True  # 主持召开国务院常务会议 and the same run on with what it studied
    return _bigram_f1(rest_one, rest_two) >= 0.5 or _common_run(rest_one, rest_two) >= 6


def _same_guest(one: str, two: str) -> bool:
    """The same guest named in both (国王玛哈·哇集拉隆功 and 国王哇集拉隆功): a common run of three or more."""
    return any(_common_run(a, b) >= 3 for a in _guests(one) for b in _guests(two))


_GUEST_RE = re.compile(r"(?:总统|国王|女王|总理|首相|王储|埃米尔|议长|秘书长|主席)([\u4e00-\u9fff·]{2,10}?)"
                       r"(?=对|来华|访华|进行|举行|共同|并|的|和|、|，|。|$)")


def _guests(phrase: str) -> set[str]:
    """The names after a foreign office in a phrase (总统马克龙 → 马克龙): who was met."""
    return set(_GUEST_RE.findall(phrase))


def _bigram_f1(one: str, two: str) -> float:
    a = [one[k:k + 2] for k in range(len(one) - 1)]
    b = [two[k:k + 2] for k in range(len(two) - 1)]
    if not a or not b:
        return 0.0
    common = sum(min(a.count(g), b.count(g)) for g in set(a))
    return 2 * common / (len(a) + len(b))


def _common_run(one: str, two: str) -> int:
    best = 0
    for start in range(len(one)):
        length = best + 1
        while start + length <= len(one) and one[start:start + length] in two:
            best = length
            length += 1
    return best


def _is_recap(article: Article, protocol: Protocol) -> bool:
    """A report that recounts earlier acts or comments on them: its leaders did nothing new in it."""
    headline = _headline(article)
    return any(re.search(pattern, headline) for pattern in protocol.recaps)


def _headline(article: Article) -> str:
    return f"{article.pretitle or ''} {article.title or ''} {article.subtitle or ''}"


def _published(article: Article) -> dt.date | None:
    try:
        return dt.date.fromisoformat((article.date or "")[:10])
    except ValueError:
        return None
