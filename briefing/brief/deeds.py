"""What a leader did, as a short phrase from the sentence that reports it: 会见塞尔维亚总理,
带队赴苏州、杭州开展招商考察 (the predicate after the name, its time and venue), not the headline."""
from __future__ import annotations

import re

from ..analyze.offices import title_before

#: Verbs that start what a leader did: the predicate after the name, its time and its venue.
_ACTION = (r"会见|会谈|会晤|集体会见|接见|举行|出席|主持|发表|致|考察|调研|视察|检查|看望|慰问|访问|出访|参加|陪同|"
           r"同|与|向|就|听取|宣讲|作|签署|签发|讲话|回信|复信|抵达|率|带队|带领|赴|前往|来到|走访|召开|部署|宣布|"
           r"见证|共同|分别|一同|先后|参观|登|颁发|授予|批示|通报|汇报|主讲|出发|通电话|应约|应邀|深入|实地|督导|"
           r"督查|调度|开展|宣读|乘|离京|结束|组织|召集|列席|来|到|将|在")
_ACTION_RE = re.compile(rf"^(?:{_ACTION})")
_VERB_RE = re.compile(_ACTION.removesuffix("|在"))
#: What a leader said rather than did: taken only when no sentence says what they did.
_SPEECH_RE = re.compile(r"^(?:在[^，。]{0,14}中)?(?:指出|强调|表示|说|要求|认为|希望|介绍|提出)")
_TIME_RE = re.compile(r"^[，,]?(?:(?:当地时间)?(?:\d{1,2}月)?\d{1,2}日(?:[~～至—和-](?:\d{1,2}月)?\d{1,2}日)?"
                      r"(?:上午|下午|晚上|晚|中午)?|今天|昨天|当天|日前|近日|上午|下午|晚上|今晚|随后|还|也|"
                      r"[（(][^）)]{1,12}[）)])[，,]?")
#: 在人民大会堂会见…: the venue of a meeting says little; 在广东考察 keeps its place.
_MEETING_PLACE_RE = re.compile(r"^在[^，。；]{1,14}?(?=(?:分别|集体|共同|亲切)?(?:会见|会谈|会晤|接见|主持|出席|举行|同|与))")
_AFTER_TITLE_RE = re.compile(r"(?:同志|总书记|主席|总理|委员长|副主席|副总理|书记|区长|市长|县长|省长|一行|等(?:人|同志|领导)?)+")
#: 习近平主席同殿下两度会晤, in an article that reports someone else: cited, not reported.
_CITED_RE = re.compile(r"同志|总书记|主席|总理|委员长|副主席|副总理")
#: The end of a clause: a comma or stop outside 《》 and “” (题为《发挥…作用，…》的演讲 is one clause).
_CLAUSE_END = re.compile(r"[，。；！？：\n,;:!? 　](?![^《》]*》)(?![^“”]*”)")
#: 在省委书记甲和省长乙陪同下，到…考察: both accompanied the visit.
_ACCOMPANY_RE = re.compile(r"^(?:[和、][^，。]{1,24}?)?等?陪同下[，,]?(?:先后|一同)?")
#: 习近平主席提出的倡议顺应…: the leader qualifies a noun and does nothing in the sentence.
_MODIFIER_RE = re.compile(r"(?:提出|发表|作出|倡导|宣布|主持|出席)的")
#: What may stand right before a leader who is the subject of a sentence (start, punctuation, a time).
_SUBJECT_BEFORE = set("，。；：、！？\n“”\"（）(),;: 　日午晚天上后")
_MAX_PHRASE = 30  # characters: a table cell of a 领导活动 row, several activities a row
#: What only lengthens a deed: 题为《…》的, 在…举行的, 来华…的, 出席…期间 (会见).
_SHORTER = tuple(re.compile(p) for p in (
    r"题为《[^》]{1,60}》的", r"在[^，。；在]{2,16}?举行的(?=[\u4e00-\u9fff]{4})", r"(?<=会见)来华[^，。；]{0,30}?的",
    r"^出席[^，。；]{2,30}?期间(?=(?:应约|分别|集体)?会见)"))
#: The article's event, for a bare 参加 / 陪同 / 出席 (区委常委王泽文参加。 → 参加调研).
_DEED_RE = re.compile(r"调研|考察|视察|检查|督导|签约仪式|会见|座谈会|推进会|开幕式|活动|会议|仪式")
#: 带领招商小分队，赴西安、成都开展招商 → 带队赴西安、成都开展招商: who came along is not the deed.
_LEADING_RE = re.compile(r"^(?:带领|率领|组织)[^，,。；]{1,40}?(?:负责同志|负责人|小分队|一行|代表团|人员|委员|代表|干部|"
                         r"专家|工作组|调研组|督导组)[，,]?(?=(?:赴|到|前往|深入|实地|走进|来到|调研|考察|视察|督导|"
                         r"开展|围绕|对|就|察看))|^(?:带队|率队)[，,](?:组织[^，,。]{1,30}[，,])?(?:围绕[^，,。]{1,30}[，,])?")


def best_phrase(text: str, name: str, reported: bool = True, year: str = "",
                others: re.Pattern | None = None) -> str | None:
    """What the leader did, from the first sentence with an action; a speech verb only when none has.

    A sentence that names an earlier year (2024年3月，习近平参加…) recalls the past: not this period's.
    `others` finds the period's other leaders, whom a sentence may list before its verb."""
    speech = None
    for at in (m.start() for m in re.finditer(re.escape(name), text)):
        if not reported and _CITED_RE.match(text, at + len(name)):
            continue
        sentence = re.split(r"[。！？\n]", text[:at])[-1]
        if any(y < year for y in re.findall(r"((?:19|20)\d\d)年", sentence)):
            continue
        phrase = _phrase_at(text, at, name, others)
        if phrase in ("参加", "陪同", "出席") and (deed := _DEED_RE.search(text)):
            phrase += deed.group(0)  # 王泽文参加。: what they joined is the article's event (参加调研)
        if phrase and not _is_speech(phrase):
            return phrase
        speech = speech or phrase
    return speech


def _is_speech(phrase: str) -> bool:
    """他强调… or 在贺信中指出…: what a leader said, taken only when no sentence says what they did."""
    return bool(_SPEECH_RE.match(phrase) or re.fullmatch(r"(?:就[^，。]{2,20})?讲话", phrase))


def _phrase_at(text: str, at: int, name: str, others: re.Pattern | None = None) -> str | None:
    """The predicate of the sentence whose subject is the name at text[at], trimmed to a short phrase."""
    title = title_before(text, at)
    start = at - len(title.text) if title and text.endswith(title.text, 0, at) else at
    before = text[start - 1] if start else "\n"
    tail = _AFTER_TITLE_RE.match(text, at + len(name))
    rest = _skip_listed(text[tail.end() if tail else at + len(name):], others)
    if accompany := _ACCOMPANY_RE.match(rest):  # 在省委书记甲和省长乙陪同下，到…考察: both accompanied
        deed = _trim(rest[accompany.end():accompany.end() + 160])
        return "陪同" + deed if deed and _ACTION_RE.match(rest[accompany.end():]) else "陪同"
    if before not in _SUBJECT_BEFORE:
        return _attended(text, start)
    if rest.startswith("、"):  # one of a list of leaders: the verb comes after the list
        verb = re.search(rf"等?(?=(?:{_ACTION}))", rest[:60].split("。")[0][1:])
        if not verb:
            return None
        rest = rest[1 + verb.end():]
    while (time := _TIME_RE.match(rest)) and time.end():
        rest = rest[time.end():].lstrip("，,")
    rest = _MEETING_PLACE_RE.sub("", re.sub(
        r"^将于(?:\d{1,2}月)?\d{1,2}日(?:[至—-](?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?", "将", rest))
    if re.match(r"(?:强调|指出|表示|说|要求)[，,：:]", rest):  # 就…工作，主任吕安民强调：a speech on it
        topic = re.search(r"(就[^，,。；]{2,20})[，,]$", text[max(0, start - 24):start])
        return (topic.group(1) if topic else "") + "讲话"
    return _trim(rest[:160]) if _ACTION_RE.match(rest) else None  # a phrase is short: no need to scan on


def _skip_listed(rest: str, others: re.Pattern | None) -> str:
    """…书记甲，中共中央政治局委员、外办主任乙出席: the verb comes after the other leaders listed."""
    while others and rest[:1] in "，、,":
        listed = others.search(rest, 1, 64)
        if not listed or re.search(r"[，。；！？\n,;]", rest[1:listed.start()]):
            break
        tail = _AFTER_TITLE_RE.match(rest, listed.end())
        rest = rest[tail.end() if tail else listed.end():]
    return rest


def _attended(text: str, start: int) -> str | None:
    """出席签约仪式的还有…主任陈卫东: the leader attended what the sentence opens with."""
    if not re.search(r"的(?:还)?有$", text[max(0, start - 4):start]):
        return None
    sentence = re.split(r"[。！？\n]", text[:start])[-1]
    opened = re.match(r"(?:出席|参加)[^，。；]{1,20}?的(?:还)?有", sentence)
    return opened.group(0).rsplit("的", 1)[0] if opened else None


def _trim(rest: str) -> str | None:
    """The clause up to its end, without a speech that follows (考察时强调), at most _MAX_PHRASE characters."""
    rest = _LEADING_RE.sub("带队", rest, count=1)
    end = _CLAUSE_END.search(rest)
    phrase = rest[:end.start()] if end else rest
    if re.fullmatch(r"作为.{1,12}|带队", phrase) and end and rest[end.start()] in "，,":  # the deed is next
        more = _CLAUSE_END.search(rest, end.end())
        phrase += rest[end.end():more.start() if more else None]
    phrase = re.sub(r"^(作为[^，,]{1,12}?)[，,]?与[^，,。]{2,40}?(?=签署|签订|签约)", r"\1", phrase)
    phrase = re.sub(r"围绕[^，,。]{1,30}?(?=开展|进行)", "", phrase)  # 带队围绕“双减”…开展专题视察
    phrase = re.sub(r"(会见|听取|参观|考察|出席|视察|看望|慰问|签订|签署|观看|察看)了", r"\1", phrase)
    phrase = re.sub(r"时(?:强调|指出|表示|说|要求).*|(?:强调|指出|表示|说)$", "", phrase)
    phrase = re.sub(r"^在(?=听取|出席|主持|会见|考察|调研|视察)", "", phrase)  # 在听取…汇报时强调: 听取…汇报
    if re.fullmatch(r"举行.{0,4}仪式", phrase) and end and (more := _CLAUSE_END.search(rest, end.end())):
        phrase += rest[end.end():more.start()]  # 举行仪式，欢迎西班牙国王…: what the ceremony was for
    if phrase.startswith("在") and not _VERB_RE.search(phrase, 1):
        return None  # 在领导…的伟大实践中: a setting, no deed
    if _MODIFIER_RE.search(phrase):  # 习近平主席提出的倡议顺应…: the leader qualifies a noun, does nothing
        return None
    for pattern in _SHORTER:
        phrase = pattern.sub("", phrase)
    if len(phrase) > _MAX_PHRASE:
        cut = max(phrase.rfind(mark, 0, _MAX_PHRASE) for mark in "、并及和")
        phrase = phrase[:cut] if cut >= 8 else phrase[:_MAX_PHRASE]
    return phrase if len(phrase) >= 2 else None
