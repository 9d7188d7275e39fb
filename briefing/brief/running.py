"""One event, one item, across the days of a period: a running story (俄称…乌称… every day, the day's
medals of a games, a harvest reported three times, a spacecraft's return) and the parts of one state
visit (the welcome ceremony and the talks) are one item.

Two stories join when they are about the same people and share what names the story: headlines that
name no national leader join across days when they share a rare noun (jieba's IDF at least RARE) that
few of the period's headlines use; headlines that name the same leaders join only on the same day and
when they name the same place or guest (the welcome ceremony and the talks of one visit; 习近平会见 and
李强会见 the same guest stay apart).
A daily roundup (联播快讯) never joins.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..analyze.idf import idf_table
from ..analyze.offices import is_foreign, officials
from ..analyze.segment import get_segmenter
from ..models import ArticleSummary
from .dedup import components
from .items import display_title, event_date, is_roundup

#: jieba IDF of a word rare enough to name a story (秋冬种 12.3, 神舟 11.5, 金牌 8.7, 哈马斯 12.0); common
#: news words stay below it (现代化 6.7, 国务院 6.5, 推进 5.7).
RARE = 8.5
#: Parts of speech that never name a story: numbers, measure words, pronouns, prepositions,
#: conjunctions, particles, adverbs, directions, punctuation (the tagger's other tags are unreliable on
#: headlines: 秋冬种 comes out as a time word, 停火协议 as an idiom).
_FUNCTION = ("x", "m", "q", "r", "p", "c", "u", "d", "w", "y", "e", "o", "f")
#: At most this share of the period's stories may share a word for it to name one story.
_SHARE = 8
#: What two headlines must share to be one story: two rare words (俄称 and 乌称, 星禾 and 生物医药), or one
#: word the dictionary knows as very rare (停摆 11.5, 秋冬种 12.3, 神舟 11.5), or one leader's guest.
#: A word the dictionary does not know (青溪, 文旅) is rare by default, so it counts once.
_WORDS = 2
VERY_RARE = 11.0
#: A name in Latin letters (COP30, APEC, G20), three characters or more.
_LATIN_NAME = re.compile(r"(?=.{3})(?:[A-Za-z]{2,}\d*|[A-Za-z]+\d+)")


def running_stories(groups: Sequence[Sequence[int]], summaries: Sequence[ArticleSummary],
                    leaders: Sequence[str] = ()) -> list[list[int]]:
    """The groups with running stories and the parts of one visit joined, in input order."""
    if len(groups) < 2:
        return [list(g) for g in groups]
    titles = [display_title(summaries[g[0]].article) for g in groups]
    tagger, table = get_segmenter(), idf_table()
    named = [frozenset(name for name in leaders if name in title) for title in titles]
    # stories without a leader share a rare word; one leader's acts of one day share a place or a guest
    words = [_places(title, tagger, set(leaders)) if named[n] else _rare_words(_without_officials(title), tagger, table)
             for n, title in enumerate(titles)]
    days = [min((event_date(summaries[i].article) or "" for i in g), default="") for g in groups]
    roundup = [is_roundup(summaries[g[0]].article.title) for g in groups]
    sharing: dict[str, list[int]] = defaultdict(list)
    for n, found in enumerate(words):
        for word in found:
            sharing[word].append(n)
    cap = max(3, len(groups) // _SHARE)  # a word in more headlines is the paper's own (青溪, 文旅), not a story's
    common: dict[tuple[int, int], int] = defaultdict(int)
    for word, members in sharing.items():
        if 2 <= len(members) and (len(members) <= cap or word.startswith("@")):  # a guest: one day, one leader
            weight = _weight(word, table)
            for k, a in enumerate(members):
                for b in members[k + 1:]:
                    common[a, b] += weight
    pairs = {pair for pair, count in common.items() if count >= _WORDS}
    joined = components(len(groups), sorted(pairs), lambda a, b: not roundup[a] and not roundup[b] and named[a] == named[b]
                        and (not named[a] or days[a] == days[b]))
    merged = [sorted(i for n in component for i in groups[n]) for component in joined]
    return sorted(merged, key=lambda g: g[0])


def _rare_words(title: str, tagger, table) -> frozenset[str]:
    """The rare words of a headline (its nouns, names and set phrases; not its function words), and its
    Latin-letter names (COP30, APEC), which the Chinese dictionary does not rate."""
    return frozenset(word for word, flag in tagger.tag(title)
                     if len(word) >= 2 and (flag == "eng" or not flag.startswith(_FUNCTION))  # eng: not e
                     and (table.get(word) >= RARE or _LATIN_NAME.fullmatch(word)))


def _without_officials(title: str) -> str:
    """The headline without its officials' titles and names (区委书记周明远调研… and 区委书记周明远带队赴…
    are two acts of one official, not one story)."""
    for at, name, office in sorted(officials(title), key=lambda found: -found[0]):
        title = title[:at - len(office.text)] + " " + title[at + len(name):]
    return title


def _weight(word: str, table) -> int:
    if word.startswith("@"):
        return _WORDS  # a leader's place or guest: with the same leaders on the same day, one is enough
    if _LATIN_NAME.fullmatch(word):
        return _WORDS  # COP30, APEC: a name of its own
    value = table.get(word)
    return _WORDS if value >= VERY_RARE and value != table.median else 1


def _places(title: str, tagger, leaders: set[str]) -> frozenset[str]:
    """The places and people a leader's headline names besides the leaders (西班牙, 泰国): the guest."""
    return frozenset("@" + word for word, flag in tagger.tag(title) if len(word) >= 2 and word not in leaders
                     and (flag in ("nr", "nrt") or (flag == "ns" and is_foreign(word))))  # not 在北京会见
