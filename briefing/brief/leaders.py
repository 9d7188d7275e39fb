"""领导活动: each Chinese leader of a period once, in protocol order, with what they did, taken from the
sentences that report it (会见塞尔维亚总理), not from the headline."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from ..analyze.offices import OFFICE_RE, TextCounts, chinese_name, officials, rank_of
from ..config import Roster
from ..models import Article, ArticleSummary, Leader
from .acts import find_acts
from .protocol import Level, Protocol, load_protocol

def find_leaders(reports: Sequence[tuple[str, ArticleSummary]], roster: Roster | None = None,
                 protocol: Protocol | None = None, level: str | None = None,
                 period: tuple[dt.date, dt.date] | None = None) -> tuple[Leader, ...]:
    """The leaders of `leaders_of`, without the level."""
    return leaders_of(reports, roster, protocol, level, period)[1]


def leaders_of(reports: Sequence[tuple[str, ArticleSummary]], roster: Roster | None = None,
               protocol: Protocol | None = None, level: str | None = None,
               period: tuple[dt.date, dt.date] | None = None,
               places: Sequence[int] | None = None) -> tuple[Level, tuple[Leader, ...]]:
    """Each Chinese leader of the reports that the level lists, once, in protocol order, with what they
    did at each event of the period (`period`: acts dated outside it, by more than a week before, are not
    listed), in date order.

    A report is (the title of the brief item the article went into, the article's summary). `level` is
    national, province, city or district; None chooses it from the reports (`choose_level`). The table
    orders and chooses leaders of any period, but gives their titles only from its date on: in older news
    a leader is titled as the reports title them (何立峰 was not yet 国务院副总理 in February 2023). `places`
    gives each report's place in the input, when the reports come grouped by story."""
    protocol = protocol or load_protocol()
    texts = tuple(_full_text(summary.article) for _, summary in reports)
    titles, first, seen = _mentions(texts, roster, protocol)
    titles = _drop_home_place(titles)
    listed = protocol.level(level or choose_level(titles, protocol))
    in_force = period is None or period[1].isoformat() >= protocol.date
    rows: dict[str, tuple] = {}
    for name in titles:
        entry = roster.entry(name) if roster else None
        title = entry.title if entry else (protocol.title(name) or _fullest(titles[name]))
        rank = entry.rank if entry else rank_of(title)
        if entry or listed.lists(rank):
            rows[name] = (rank, protocol.order(name, title), _secondary(title), first[name],
                          title if entry or in_force else _fullest(titles[name]))
    if not (roster and roster.only):
        for name, (beside, side) in _companions(texts, rows).items():
            rank, order, secondary, (i, at), _ = rows[beside]
            if title := protocol.title(name):  # a national leader named bare (王毅等参加): the table places them
                rows[name] = (rank_of(title), protocol.order(name, title), _secondary(title), (i, at + side),
                              title if in_force else _fullest(titles.get(name, [])))
            else:  # just before or after the leader beside them
                rows[name] = (rank, order, secondary, (i, at + side), "")
    others = re.compile("|".join(map(re.escape, sorted(rows, key=len, reverse=True)))) if rows else None
    acts = find_acts(reports, texts, rows, seen, others, protocol, period, places)
    leaders = [(rank, order, secondary, where, Leader(name, title, rank, acts[name]))
               for name, (rank, order, secondary, where, title) in rows.items() if acts.get(name)]
    return listed, tuple(leader for *_, leader in sorted(leaders, key=lambda row: row[:4]))


def choose_level(titles: dict[str, list[str]], protocol: Protocol) -> str:
    """The level of the office whose inputs these are: district or city when the paper writes its own
    offices bare (区委书记), else national when the national leaders and ministers are named at least as
    often as provincial officials, else province; district when no official is named at all."""
    bare = {m.group(1) or m.group(2) for ts in titles.values() for t in ts if (m := _BARE_LOCAL.match(t))}
    if bare & {"区", "县"}:
        return "district"
    if bare:
        return "city"
    bands = Counter(min(rank_of(t) // 100, 2) for name, ts in titles.items() for t in ts
                    if rank_of(t) < 999 and protocol.title(name) is None)
    bands[0] += sum(len(ts) or 1 for name, ts in titles.items() if protocol.title(name) is not None)
    if not sum(bands.values()):
        return "district"  # no official named: a local paper's own news (nothing to list either way)
    if bands[0] >= bands[1]:
        return "national"
    return "province" if bands[1] >= bands[2] else "city"


#: A list of names that acts together (何立峰、吴政隆参加上述活动), after punctuation or after the office of
#: its first member (全国政协副主席邵鸿、何报翔、杨震出席).
_LIST_RE = re.compile(r"(?:^|(?<=[，。；：\n])|(?<=主席)|(?<=委员)|(?<=书记)|(?<=主任)|(?<=部长)|(?<=总理)|(?<=委员长))"
                      r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3}?)(?=等?(?:参加|陪同|出席))")


def _companions(texts: Sequence[str], known: dict) -> dict[str, tuple[str, int]]:
    """Untitled names listed with titled leaders (何立峰、吴政隆参加上述活动), each with a listed leader
    and -1 (the name stands before that leader) or +1: such lists follow protocol order."""
    found: dict[str, tuple[str, int]] = {}
    for text in texts:
        for match in _LIST_RE.finditer(text):
            members = match.group(1).split("、")
            if not any(member in known for member in members):
                continue
            for j, member in enumerate(members):
                if member in known or member in found or not chinese_name(member):
                    continue
                after = next((m for m in members[j + 1:] if m in known), None)
                found[member] = (after, -1) if after else (next(m for m in reversed(members[:j]) if m in known), 1)
    return found


def _full_text(article: Article) -> str:
    """The body first (its sentences report best), then the headline and subtitle."""
    return "\n".join([*article.paragraphs, article.title or "", article.subtitle or "", article.pretitle or ""])


def _mentions(texts: Sequence[str], roster: Roster | None,
              protocol: Protocol) -> tuple[dict[str, list[str]], dict[str, tuple], set]:
    """Names of Chinese officials after their titles, with every title seen; where each first appears;
    the (text, name) pairs where a title names them (the articles that report them, not quote them).
    A national leader of the protocol table is found by a name of three characters or more alone
    (王小洪、谌贻琴出席); one of two characters (王勇) needs a title or a listed leader beside them."""
    seen: set[tuple[int, str]] = set()
    counts = TextCounts(texts)
    titles: dict[str, list[str]] = {}
    first: dict[str, tuple] = {}
    on_roster = roster.names() if roster else ()
    table = () if roster and roster.only else protocol.names()
    for i, text in enumerate(texts):
        for name in table:
            if (at := text.find(name)) >= 0 and (len(name) >= 3 or _titled(text, name)):
                titles.setdefault(name, [])
                first.setdefault(name, (i, at))
        for name in on_roster:
            if (at := text.find(name)) >= 0:
                titles.setdefault(name, [])
                first.setdefault(name, (i, at))
                seen.add((i, name))
        if roster and roster.only:
            continue
        for at, name, title in officials(text, counts):
            titles.setdefault(name, []).append(title.text)
            first.setdefault(name, (i, at))
            seen.add((i, name))
    return titles, first, seen


def _titled(text: str, name: str) -> bool:
    """A national leader of two characters named right after an office (全国政协副主席穆虹): the name is
    theirs, even when its surname is rare (穆) or common as a word."""
    return bool(re.search(f"(?:{OFFICE_RE.pattern}){re.escape(name)}", text))


_BARE_LOCAL = re.compile(r"^([区县市])(?:委|政府|人大|政协|纪委|监委)|^(?:常务)?副?([区县市])长")


def _drop_home_place(titles: dict[str, list[str]]) -> dict[str, list[str]]:
    """A paper that writes 区委常委 bare is the district's own: it writes 二七区委书记 as 区委书记, and so do we.

    National news never writes a bare 区委, so there 海南省委书记 and 某某县委书记 keep their places."""
    levels = {m.group(1) or m.group(2) for ts in titles.values() for t in ts if (m := _BARE_LOCAL.match(t))}
    if not levels:
        return titles
    home = "".join(sorted(levels))
    place = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?(?=[{home}](?:委|政府|人大|政协|纪委|监委))"
                       rf"|^[\u4e00-\u9fff]{{2,4}}?[{home}](?=(?:常务)?副?[{home}]长)")
    return {name: [place.sub("", t, count=1) for t in ts] for name, ts in titles.items()}


def _fullest(titles: list[str]) -> str:
    """The fullest title the period's text gives: most offices, then longest, then first seen."""
    return max(titles, key=lambda t: (t.count("、") + 1, len(t), -titles.index(t))) if titles else ""


def _secondary(title: str) -> int:
    """The rank of a leader's second office: orders equals (政治局常委 who is also 书记处书记 first)."""
    ranks = sorted(rank_of(part) for part in re.split(r"[、兼]", title) if part)
    return ranks[1] if len(ranks) > 1 else 999
