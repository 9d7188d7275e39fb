"""领导活动: each Chinese leader of a period once, in protocol order, with what they did, taken from the
sentences that report it (会见塞尔维亚总理), not from the headline."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..config import Roster
from .deeds import best_phrase
from ..models import Activity, Article, ArticleSummary, Leader
from ..analyze.offices import TextCounts, chinese_name, officials, rank_of

#: Verbs that start what a leader did (the predicate after the name, time and venue).
def find_leaders(reports: Sequence[tuple[str, ArticleSummary]], roster: Roster | None = None) -> tuple[Leader, ...]:
    """Each Chinese leader of the reports once, in protocol order, with their activities in date order.

    A report is (the title of the brief item the article went into, the article's summary).
    """
    texts = tuple(_full_text(summary.article) for _, summary in reports)
    titles, first, seen = _mentions(texts, roster)
    titles = _drop_home_place(titles)
    rows: dict[str, tuple] = {}
    for name in titles:
        entry = roster.entry(name) if roster else None
        title = entry.title if entry else _fullest(titles[name])
        rank = entry.rank if entry else rank_of(title)
        rows[name] = (rank, _secondary(title), first[name], title)
    if not (roster and roster.only):
        for name, (beside, side) in _companions(texts, rows).items():
            rank, secondary, (i, at), _ = rows[beside]
            rows[name] = (rank, secondary, (i, at + side), "")  # just before or after the leader beside them
    others = re.compile("|".join(map(re.escape, sorted(rows, key=len, reverse=True)))) if rows else None
    leaders = []
    for name, (rank, secondary, where, title) in rows.items():
        if activities := _activities(name, reports, texts, seen, others):
            leaders.append((rank, secondary, where, Leader(name, title, rank, activities)))
    return tuple(leader for *_, leader in sorted(leaders, key=lambda row: row[:3]))


_LIST_RE = re.compile(r"(?:^|(?<=[，。；：\n]))((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})(?=等?(?:参加|陪同|出席))")


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


def _headline(article: Article) -> str:
    return f"{article.pretitle or ''} {article.title or ''} {article.subtitle or ''}"


def _full_text(article: Article) -> str:
    """The body first (its sentences report best), then the headline and subtitle."""
    return "\n".join([*article.paragraphs, article.title or "", article.subtitle or "", article.pretitle or ""])


def _mentions(texts: Sequence[str], roster: Roster | None) -> tuple[dict[str, list[str]], dict[str, tuple], set]:
    """Names of Chinese officials after their titles, with every title seen; where each first appears;
    the (text, name) pairs where a title names them (the articles that report them, not quote them)."""
    seen: set[tuple[int, str]] = set()
    counts = TextCounts(texts)
    titles: dict[str, list[str]] = {}
    first: dict[str, tuple] = {}
    on_roster = roster.names() if roster else ()
    for i, text in enumerate(texts):
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


def _activities(name: str, reports: Sequence[tuple[str, ArticleSummary]], texts: Sequence[str],
                seen: set[tuple[int, str]], others: re.Pattern | None = None) -> tuple[Activity, ...]:
    """One activity per item that reports the leader doing something, in date order.

    An article reports a leader when it gives their title or names them in its headline; in one that
    does not, a name with a title after it is cited (习近平主席同殿下两度会晤, in a report of another
    leader's visit), and only a bare name does something there (王毅等参加会见)."""
    found: dict[str, tuple] = {}
    for i, ((item, summary), text) in enumerate(zip(reports, texts)):
        article = summary.article
        if item in found or name not in text:
            continue
        phrase = best_phrase(text, name, reported=(i, name) in seen or name in _headline(article),
                              year=(article.date or "")[:4], others=others)
        if phrase and (article.date, phrase) not in {(a.date, a.text) for *_, a in found.values()}:
            found[item] = (summary.article.date or "", i, Activity(summary.article.date, phrase, item))
    return tuple(row[-1] for row in sorted(found.values(), key=lambda row: row[:2]))
