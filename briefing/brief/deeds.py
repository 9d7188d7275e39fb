"""What a leader did, as a short phrase from the sentence that reports it: 会见塞尔维亚总理,
带队赴苏州、杭州开展招商考察 (the predicate after the name, its time and venue), not the headline."""
from __future__ import annotations

import re

from ..analyze.offices import title_before

#: Verbs that start what a leader did: the predicate after the name, its time and its venue.
_ACTION = (r"会见|会谈|会晤|集体会见|接见|举行|出席|主持|发表|致|考察|调研|视察|检查|看望|慰问|访问|出访|参加|陪同|"
           r"同|与|向|就|听取|宣讲|作|签署|签发|讲话|回信|复信|抵达|率|带队|带领|赴|前往|来到|走访|召开|部署|宣布|"
           r"见证|共同|分别|一同|先后|参观|登|颁发|授予|批示|通报|汇报|主讲|出发|通电话|应约|应邀|深入|实地|督导|"
           r"督查|调度|开展|宣读|乘|离京|结束|组织|召集|列席|来|到|对(?=[^，。；]{2,40}?作出(?:重要)?(?:指示|批示))|将|在")
_ACTION_RE = re.compile(rf"^(?:{_ACTION})")
_VERB_RE = re.compile(_ACTION.removesuffix("|在"))
#: What a leader said rather than did: taken only when no sentence says what they did.
_SPEECH_RE = re.compile(r"^(?:在[^，。]{0,14}中)?(?:指出|强调|表示|说|要求|认为|希望|介绍|提出)")
_TIME_RE = re.compile(r"^[，,]?(?:(?:当地时间)?(?:\d{1,2}月)?\d{1,2}日(?:[~～至—和-](?:\d{1,2}月)?\d{1,2}日)?"
                      r"(?:上午|下午|晚上|晚|中午)?|今天|昨天|当天|日前|近日|上午|下午|晚上|今晚|随后|还|也|"
                      r"[（(][^）)]{1,12}[）)]|亲切|热情|专门|应邀(?=出席|参加|访问|会见)|与会期间|会议期间|访问期间)[，,]?")
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
_WITH_OTHERS = re.compile(r"^及[^，。；]{0,40}?(?:负责同志|负责人|同志)(?=等?(?:参加|陪同|出席|列席))")
_MODIFIER_RE = re.compile(r"^(?:提出|发表|作出|倡导|宣布|主持|出席)的")
#: What may stand right before a leader who is the subject of a sentence (start, punctuation, a time).
_SUBJECT_BEFORE = set("，。；：、！？\n“”\"（）(),;: 　日午晚天上后")
_MAX_PHRASE = 40  # characters: longer phrases are cut where two acts or two listed objects join
#: What follows an act on a page that lost its punctuation: its agenda, a speech, the next dateline.
_RUN_ON_RE = re.compile(r"研究|部署|听取|讨论|审议|强调|指出|要求|新华社|央视网")
#: Acts whose object is the next clause: 签署国务院令，公布…; 致电某某，祝贺…; 作出重要批示，要求….
_OPEN_ACT_RE = re.compile(r"访问[^，。]{2,10}|签署(?:国务院令|主席令|命令|通令)|(?:分别)?致(?:电|贺电|贺信|信|慰问电|唁电)[^，。]{0,16}|"
                          r"作出(?:重要)?(?:指示|批示)|(?:分别)?复信[^，。]{0,16}|(?:分别)?回信[^，。]{0,16}")
_PURPOSE_RE = re.compile(r"公布|祝贺|庆祝|欢迎|勉励|向|就|对|要求|强调|表示慰问|致以|"
                         r"(?:在[^，。]{1,10}?)?(?:分别)?(?:会见|会晤|同[^，。]{2,12}?(?:会谈|会晤))")
#: Where a long phrase may be cut: before a second act (并发表…, 并讲话) or a second listed object (、).
_JOINT_RE = re.compile(r"、|并(?=发表|讲话|致辞|发言|宣布|出席|会见|主持|视察|考察|调研|登|看望|观看|见证|签署|举行|作)")
#: What only lengthens a deed: 题为《…》的, 在…举行的, 来华…的, 出席…期间 (会见).
_SHORTER = tuple(re.compile(p) for p in (
    r"题为《[^》]{1,60}》的", r"在[^，。；在]{2,16}?举行的(?=[\u4e00-\u9fff]{4})", r"(?<=会见)来华[^，。；]{0,30}?的",
    r"^出席[^，。；]{2,30}?期间(?=(?:应约|分别|集体)?会见)", r"[（(]以下简称[^）)]{1,20}[）)]"))
#: The article's event, for a bare 参加 / 陪同 / 出席 (区委常委王泽文参加。 → 参加调研).
_DEED_RE = re.compile(r"调研|考察|视察|检查|督导|签约仪式|会见|座谈会|推进会|开幕式|活动|会议|仪式")
#: 带领招商小分队，赴西安、成都开展招商 → 带队赴西安、成都开展招商: who came along is not the deed.
_LEADING_RE = re.compile(r"^(?:带领|率领|组织)[^，,。；]{1,40}?(?:负责同志|负责人|小分队|一行|代表团|人员|委员|代表|干部|"
                         r"专家|工作组|调研组|督导组)[，,]?(?=(?:赴|到|前往|深入|实地|走进|来到|调研|考察|视察|督导|"
                         r"开展|围绕|对|就|察看))|^(?:带队|率队)[，,](?:组织[^，,。]{1,30}[，,])?(?:围绕[^，,。]{1,30}[，,])?")


def phrases(text: str, name: str, reported: bool = True, year: str = "",
            others: re.Pattern | None = None) -> list[tuple[int, str]]:
    """(where, phrase) of each sentence that reports the leader acting, in text order; a speech verb
    (他强调…) only when no sentence has an act.

    A sentence that names an earlier year (2024年3月，习近平参加…) recalls the past, and one that shows
    a photograph (资料图, …摄) another day: neither is this period's. `others` finds the period's other
    leaders, whom a sentence may list before its verb."""
    acts, speech = [], []
    for at in (m.start() for m in re.finditer(re.escape(name), text)):
        if not reported and _CITED_RE.match(text, at + len(name)):
            continue
        start = max((m.end() for m in _STOP_RE.finditer(text, 0, at)), default=0)
        end = _STOP_RE.search(text, at)
        sentence = text[start:end.start() if end else len(text)]
        if any(y < year for y in re.findall(r"((?:19|20)\d\d)年", text[start:at])) or _PHOTO_RE.search(sentence):
            continue
        phrase = _phrase_at(text, at, name, others)
        if not phrase or _PLAN_RE.match(phrase) or "，将" in phrase or _is_announced(text, at + len(name), phrase):
            continue
        (speech if _is_speech(phrase) else acts).append((at, phrase))
    return acts or speech[:1]


def _is_announced(text: str, after: int, phrase: str) -> bool:
    """李强将于17日至18日出席…, 李强出席峰会，将同各方…: a 将 between the name and the act, or opening the
    clause after it, announces the act."""
    found = text.find(phrase[:4], after, after + 60)
    if found < 0:
        return False
    last = text.find(phrase[-2:], found)
    ends = last + 2 if last >= 0 else found + len(phrase)
    return bool(re.search(r"将|拟|即将", text[after:found]) or re.match(r"[，,]\s*(?:将|拟|即将)", text[ends:ends + 4]))


def complete_bare(phrase: str, text: str) -> str:
    """参加 / 陪同 / 出席 with nothing after: what they joined is the article's event — the one its lead
    says was held (…启动仪式在汉举行，…参加并讲话 → 参加…启动仪式并讲话; 到会致辞 → 出席…并致辞), else the
    kind of act it reports (参加调研)."""
    bare = _BARE_ATTENDANCE.match(phrase)
    held = _HELD_RE.search(text[:_LEAD_SPAN]) if bare else None
    if held:
        verb = "出席" if bare.group(1) == "到会" else bare.group(1)
        return f"{verb}{held.group(1)}" + (f"并{bare.group(2)}" if bare.group(2) else "")
    if phrase in ("参加", "陪同", "出席") and (deed := _DEED_RE.search(text)):
        return phrase + deed.group(0)
    return phrase


#: 出席 / 参加并讲话 / 到会致辞: an attendance that does not say at what.
_BARE_ATTENDANCE = re.compile(r"^(出席|参加|到会)(?:并|会议并)?(讲话|致辞|发言)?$")
#: The event the lead says was held: 2023年湖北文旅重点项目招商签约大会在汉举行 (after a date or dateline).
_HELD_RE = re.compile(r"(?:^|[，,。\n）)\s])(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚上)?[，,]?)?([^，,。；\n（(\s]{4,40}?)"
                      r"(?:[0-9]{1,2}日)?(?:上午|下午|晚上)?(?:在[^，,。；\n]{1,12}?)?(?:隆重)?(?:举行|召开|开幕)[。，,]")
_LEAD_SPAN = 240  # the lead: where a report says what was held


_STOP_RE = re.compile(r"[。！？\n]")
#: Joining another's act: 参加上述活动, 参加会见, 陪同考察, 出席汇报会 (whose act it was is the report's).
JOIN_RE = re.compile(r"^(?:参加|出席|陪同|列席)(?:了)?(?:上述|有关|相关|以上)?(?:活动|会见|会谈|会晤|接见|考察|调研|视察|"
                     r"汇报会|会议|仪式|欢迎仪式|座谈会|检查|宴会)?$")
#: An act whose object is a bare kind of event (出席会议并讲话, 主持仪式): the report names the event.
_BARE_OBJECT_RE = re.compile(r"^(主持|出席|参加|主持召开)(会议|仪式|开幕式|闭幕式|座谈会|汇报会|大会|论坛|峰会|典礼|发布会|"
                             r"推进会|调度会|活动|开幕会|闭幕会)((?:并|和)(?:讲话|致辞|发言|作总结讲话|宣布[^，。]{0,12}|"
                             r"发表(?:重要|主旨)?(?:讲话|演讲)|作报告))?$")
_EVENT_START = re.compile(r"[，。；：、！？\n“”]|召开|举行|出席|参加|主持|在|于|日|的$")
#: What is announced, not done: 将出席, 拟于, 即将访问.
_PLAN_RE = re.compile(r"^(?:将|拟|即将|准备|计划|将于|将在|将要)")
#: A photograph's caption: another day's picture.
_PHOTO_RE = re.compile(r"资料图|资料照片|图为|（[^（）]{0,20}摄）|\([^()]{0,20}摄\)")


def name_the_event(phrase: str, text: str) -> str:
    """出席会议并讲话 → 出席全国冬春农田水利暨高标准农田建设视频会议并讲话: the fullest name the report
    gives the event of that kind; the phrase itself when it names none."""
    bare = _BARE_OBJECT_RE.match(phrase)
    if not bare:
        return phrase
    verb, kind, tail = bare.groups()
    best = ""
    for match in re.finditer(re.escape(kind), text):
        run = text[max(0, match.start() - 40):match.start()]
        cut = max((m.end() for m in _EVENT_START.finditer(run)), default=0)
        name = run[cut:]
        if 2 <= len(name) <= 36 and len(name) > len(best) and not re.search(r"[a-zA-Z0-9]{6}", name):
            best = name
    if not best and kind == "仪式":  # 举行仪式，纪念孙中山先生诞辰159周年 → 出席纪念孙中山诞辰159周年仪式
        purposes = [m.group(1) for m in _PURPOSE_OF_CEREMONY.finditer(text)]
        best = min(purposes, key=len, default="")
    return f"{verb}{best}{kind}{tail or ''}" if best else phrase


_PURPOSE_OF_CEREMONY = re.compile(r"举行[^，。；]{0,6}?仪式[，,]?((?:纪念|欢迎|庆祝|悼念|缅怀)[^，。；\n]{2,24})")


def _is_speech(phrase: str) -> bool:
    """他强调… or 在贺信中指出…: what a leader said, taken only when no sentence says what they did."""
    return bool(_SPEECH_RE.match(phrase) or re.fullmatch(r"(?:就[^，。]{2,20})?讲话", phrase))


def _phrase_at(text: str, at: int, name: str, others: re.Pattern | None = None) -> str | None:
    """The predicate of the sentence whose subject is the name at text[at], trimmed to a short phrase."""
    title = title_before(text, at)
    start = at - len(title.text) if title and text.endswith(title.text, 0, at) else at
    before = text[start - 1] if start else "\n"
    if title and before not in _SUBJECT_BEFORE and (unit := re.search(r"[\u4e00-\u9fff]{1,6}$", text[:start])):
        before = text[unit.start() - 1] if unit.start() else "\n"  # 民革中央主席某某: the party is the title's
    tail = _AFTER_TITLE_RE.match(text, at + len(name))
    rest = _skip_listed(text[tail.end() if tail else at + len(name):], others)
    rest = _WITH_OTHERS.sub("", rest, count=1)  # 何立峰及有关部门负责同志参加: the others came too
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
    if behalf := re.match(r"代表([^，。；、]{2,12})[，,]", rest):  # 甲代表某某，乙代表…，先后向…敬献花篮
        sentence = rest[behalf.end():].split("。")[0]
        act = re.search(r"(?:先后|分别|共同|一同)?(向[^，。；]{2,30}?(?:敬献|献|致)[^，。；]{1,10})$", sentence)
        return f"代表{behalf.group(1)}{act.group(1)}" if act else None
    while (time := _TIME_RE.match(rest)) and time.end():
        rest = rest[time.end():].lstrip("，,")
    rest = _MEETING_PLACE_RE.sub("", re.sub(
        r"^将于(?:\d{1,2}月)?\d{1,2}日(?:[至—-](?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?", "将", rest))
    rest = re.sub(r"^(?:亲切|热情|专门|应邀)(?=[\u4e00-\u9fff]{2})", "", rest)  # 亲切接见: the act is 接见
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
    elif _OPEN_ACT_RE.fullmatch(phrase) and end and rest[end.start()] in "，," and \
            _PURPOSE_RE.match(rest, end.end()) and (more := _CLAUSE_END.search(rest, end.end())):
        phrase += "，" + rest[end.end():more.start()]  # 签署国务院令，公布…; 致电某某，祝贺他当选…
    if phrase.startswith("在") and not _VERB_RE.search(phrase, 1):
        return None  # 在领导…的伟大实践中: a setting, no deed
    if _MODIFIER_RE.search(phrase) or re.match(r"^[\u4e00-\u9fff]{1,4}中的", phrase) or \
            re.search(r"(?:讲话|指示|批示|文章|贺信|回信|复信|报告)中$|^(?:陪同|随行)人员", phrase):
        return None  # 习近平主席提出的倡议顺应…, 复信中的勉励: the leader qualifies a noun, does nothing
    for pattern in _SHORTER:
        phrase = pattern.sub("", phrase)
    if len(phrase) > _MAX_PHRASE:  # cut between two acts or two listed objects, never inside a word
        cuts = [m.start() for m in _JOINT_RE.finditer(phrase, 0, _MAX_PHRASE) if m.start() >= 8]
        if not cuts:  # a page without punctuation runs on (会议研究…部署…听取…): cut before what followed
            cuts = [m.start() for m in _RUN_ON_RE.finditer(phrase, 8)][:1]
        phrase = phrase[:cuts[-1]] if cuts else phrase
    return phrase if len(phrase) >= 2 else None
