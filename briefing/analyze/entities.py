"""People with their titles, organisations, places, dates, money and counts."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain, compress, count, repeat
from operator import itemgetter

from ..models import Entities, Person
from .offices import is_chinese_official, officials

_UNIT_PREFIX = (r"(?:统战|组织|宣传|政法委|发改委|[\u4e00-\u9fff]{1,3}局|[\u4e00-\u9fff]{2,8}(?:有限公司|集团)|区委|市委|县委|省委|党委|党工委|党组|区政府|市政府|县政府|区人大常委会|市人大常委会|人大常委会"
                r"|区政协|市政协|政协|区纪委|市纪委|纪委|监委|区委组织部|区委宣传部|区委统战部|区委办|区政府办"
                r"|管委会|办事处|街道|区|市|县|镇|乡|省)?")
_OFFICES = ("书记", "区长", "市长", "县长", "镇长", "乡长", "省长", "主任", "主席", "部长", "局长", "厅长", "处长", "科长",
            "秘书长", "常委", "董事长", "总经理", "经理", "总裁", "校长", "院长", "所长", "队长", "会长", "理事长", "组长",
            "总监", "监察委员会主任")
_TITLE_JOINERS = "、，,和及"
_UNIT_CORE = rf"(?:常务)?(?:副)?(?:{'|'.join(_OFFICES)})"
_TITLE_RE = re.compile(rf"((?:{_UNIT_PREFIX}{_UNIT_CORE}[{_TITLE_JOINERS}]?)+)$")
#: What a title can end with (or a line end after it: `$` matches before "\n"): a name after
#: anything else needs no regex search, which was most of the time spent finding people.
_TITLE_LAST = frozenset(office[-1] for office in _OFFICES) | frozenset(_TITLE_JOINERS + "\n")
_FIGURE_PREFIX = r"(?:约|近|超|超过|逾|达|共|累计|总计)"
_FIGURE_NUMBER = (
    r"\d+(?:[.,]\d+)*(?:\s*[至~～\-—]\s*\d+(?:\.\d+)?)?(?:多|余)?"
    r"(?:万|亿|千|百)?(?:元|美元|亩|平方米|公里|千米|个|家|人次|人|名|所|项|辆|套|户|座|吨|栋|间|条|场|%|％)(?:以上|左右|多)?"
)
# A figure (约3000万元, 1.57亿元以上, 12个) is _FIGURE_PREFIX + "?" + _FIGURE_NUMBER, found with two patterns
# that each start with a fixed set of characters, which the regex engine skips to in C; the optional
# prefix made it try the pattern at every position.
_PREFIXED_FIGURE_RE = re.compile(_FIGURE_PREFIX + _FIGURE_NUMBER)
_BARE_FIGURE_RE = re.compile(_FIGURE_NUMBER)
#: A date (2024年5月13日上午, 13日至15日, 近日, 今年5月) is _DATE_RE; it is found as _DIGIT_DATE_RE or
#: _WORD_DATE_RE, the same alternatives grouped by what starts them (a digit, kept first, or a word), so
#: that the regex engine skips in C to where one can start instead of trying every position.
_DATE_RE = (r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\s*[~～至—\-]\s*(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?"
            r"|(?<![月\d])\d{1,2}日\s*[~～至—\-]\s*\d{1,2}日(?:上午|下午|晚上)?"
            r"|近日|日前|近期|今年\d{1,2}月|\d{4}年\d{1,2}月")
_DIGIT_DATE_RE = re.compile(
    r"\d(?:\d{3}年\d{1,2}月\d{1,2}日(?:\s*[~～至—\-]\s*(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?"
    r"|\d?月\d{1,2}日(?:\s*[~～至—\-]\s*(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?"
    r"|(?<![月\d]\d)\d?日\s*[~～至—\-]\s*\d{1,2}日(?:上午|下午|晚上)?"
    r"|\d{3}年\d{1,2}月)")
_WORD_DATE_RE = re.compile(r"近日|日前|近期|今年\d{1,2}月")
_ORG_SUFFIX = (r"(?:有限公司|股份公司|集团|委员会|管委会|办事处|学校|中学|小学|幼儿园|医院|大学|研究院"
               r"|协会|商会|指挥部|博物馆)")
_ORG_RE = re.compile(r"[\u4e00-\u9fff]{2,16}?" + _ORG_SUFFIX)
_ORG_SUFFIX_RE = re.compile(_ORG_SUFFIX)
#: Words that end the run-up to an organisation's name: the regex is lazy from the left, so a match
#: may start inside the clause before the name (小分队实地走访考察唐久便利集团); cut after the last one.
_ORG_BREAK_RE = re.compile(r"走访|考察|调研|了解|来到|听取|会见|代表|还有|前往|参观|实地|先后|首先|组织|召开|走进|深入|看望"
                           r"|慰问|用好|创建|更多|打造|推进|引进|赴|到|在|与|的|了|是|对|向|为|由|将|把|从|等|和|及")


def organizations(text: str) -> list[str]:
    """Names ending in an organisation word (集团, 有限公司, 管委会…), the clause before them cut off."""
    found = []
    for match in _finditer_near(_ORG_RE, _ORG_SUFFIX_RE, (2, 16), text):
        name = _ORG_BREAK_RE.split(match.group(0))[-1]
        if len(name) >= 4:
            found.append(name)
    return _unique(found)


def _finditer_near(pattern: re.Pattern, anchor: re.Pattern, reach: tuple[int, int], text: str) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern whose every match starting at p holds an anchor match starting
    in p + reach[0] .. p + reach[1]: the regex is tried only at those few starts before each anchor.

    A search from every position (or from each anchor onwards) scanned text where no match can start;
    the anchors are the organisation words, the digits of figures and dates.
    """
    position = 0  # no match starts before the end of the previous one
    tried = -1  # anchors up to here had no match before them
    cursor = reach[0]
    while near := anchor.search(text, cursor):
        at = near.start()
        for start in range(max(position, at - reach[1]), at - reach[0] + 1):
            if match := pattern.match(text, start):
                yield match
                position = max(match.end(), start + 1)  # as finditer, never stuck on an empty match
                break
        else:
            tried = at
        cursor = max(position + reach[0], tried + 1)


def _finditer_either(first: re.Pattern, second: re.Pattern, text: str) -> Iterator[re.Match]:
    """re.finditer of the alternation of two patterns that never match at the same position."""
    one, two = first.search(text), second.search(text)
    while one or two:
        match = one if two is None or (one is not None and one.start() < two.start()) else two
        yield match
        position = match.end()
        if one is not None and one.start() < position:
            one = first.search(text, position)
        if two is not None and two.start() < position:
            two = second.search(text, position)


def figures(text: str) -> Iterator[re.Match]:
    """Figures in text, as re.finditer(_FIGURE_PREFIX + "?" + _FIGURE_NUMBER, text) finds them: at any
    position at most one of the two halves can match (a prefix word or a digit starts it), and there
    it matches as the whole pattern does."""
    return _finditer_either(_PREFIXED_FIGURE_RE, _BARE_FIGURE_RE, text)


def dates(text: str) -> Iterator[re.Match]:
    """Dates in text, as re.finditer(_DATE_RE, text) finds them."""
    return _finditer_either(_DIGIT_DATE_RE, _WORD_DATE_RE, text)


def extract_entities(segments: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> Entities:
    """Named things of an article given as (text, tagged words) segments, in order of first mention."""
    text = "\n".join(segment for segment, _ in segments)
    tagged = list(chain.from_iterable(chain(words, [("\n", "x")]) for _, words in segments))
    # a short list for the filters below; compress and map visit every word in C
    names = list(compress(tagged, map({"ns", "nt"}.__contains__, map(itemgetter(1), tagged))))
    return Entities(
        people=tuple(people(text, tagged)),
        organizations=tuple(organizations(text)
                            or _unique(w for w, f in names if f == "nt")),
        places=tuple(_unique(w for w, f in names if f == "ns" and len(w) >= 2)),
        dates=tuple(_unique(m.group(0).replace(" ", "") for m in dates(text))),
        figures=tuple(_unique(m.group(0).replace(" ", "") for m in figures(text))),
    )


def people(text: str, tagged: list[tuple[str, str]]) -> list[Person]:
    """People named right after a title (区委书记樊惠林, 区委副书记、区长虎荣鑫), title kept."""
    found: dict[str, Person] = {}
    starts = list(accumulate(map(len, map(itemgetter(0), tagged)), initial=0))
    for i in compress(count(), map(str.startswith, map(itemgetter(1), tagged), repeat("nr"))):  # a few an article
        name = _name_at(tagged, i)
        if not name or name in found and found[name].title:
            continue
        start = starts[i]
        if start == 0 or text[start - 1] not in _TITLE_LAST:  # no title can end here
            continue
        window = text[max(0, start - 30):start]
        # a title ends in an office, perhaps with a joiner after it: the regex (slow from every position
        # of the window) runs only then
        if not (window.endswith(_OFFICES) or window[-1] in _TITLE_JOINERS and window[:-1].endswith(_OFFICES)):
            continue
        match = _TITLE_RE.search(window)
        if match:
            title = match.group(1).rstrip(_TITLE_JOINERS)
            found[name] = Person(name, title)
    return _with_officials(text, found)


def _with_officials(text: str, found: dict[str, Person]) -> list[Person]:
    """The people found, and the officials the segmenter did not tag as names (副区长何志强), in text order."""

    for _, name, title in officials(text):
        if name not in found or not found[name].title:
            found[name] = Person(name, title.text)
    return sorted(found.values(), key=lambda person: text.find(person.name))


def _name_at(tagged: list[tuple[str, str]], i: int) -> str | None:
    """A person's name starting at token i: one nr token, or a surname token plus a given name."""
    word, flag = tagged[i]
    if not flag.startswith("nr"):
        return None
    if 2 <= len(word) <= 4:
        return word
    if len(word) == 1 and i + 1 < len(tagged) and 1 <= len(tagged[i + 1][0]) <= 2:
        following = tagged[i + 1][0]
        if re.fullmatch(r"[\u4e00-\u9fff]+", following):
            return word + following
    return None


def is_leader(person: Person) -> bool:
    """A Chinese official: a Chinese name after a Chinese party or government office (not 巴西总统卢拉)."""
    return is_chinese_official(person.name, person.title)


def _unique(items) -> list[str]:
    """The items once each, in order of first appearance."""
    return list(dict.fromkeys(items))
