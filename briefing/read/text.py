"""Pure str -> str helpers: normalisation, sentence splitting, lead and dateline removal."""
from __future__ import annotations

import re
import unicodedata

#: Characters that end a sentence (runs of them stay together: "？！", "……", "!!").
TERMINATORS = "。！？!?…"
#: Closing marks that belong to the sentence they follow.
CLOSERS = "”’」』）)】》\"'"
#: What may end a paragraph that is complete (anything else marks a print-layout break).
PARAGRAPH_END = TERMINATORS + CLOSERS + "；;：:."
_OPEN_QUOTES = "“「『"
_CLOSE_QUOTES = "”」』"

_SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")
_BRACKETED_BYLINE = r"[（(][^（()）]{0,40}[）)]"
_LEAD_RE = re.compile(
    r"^\s*(?:"
    r"本报讯\s*(?:" + _BRACKETED_BYLINE + r")?"  # 本报讯（记者 王五）
    # 新华社北京1月5日电（记者 某某）, 伦敦2月17日电, 1月24日电, 参考消息网1月31日报道
    r"|[\u4e00-\u9fffA-Za-z·]{0,16}?\d{1,2}月\d{1,2}日"
    r"(?:电(?![话视脑影力网子商池信器梯])|(?:讯|报道|消息)(?=[\s（(，,：:]|据|综合))(?:\s*" + _BRACKETED_BYLINE + r")?"
    r"|[\u4e00-\u9fff]{2,12}讯\s*[（(][^）)]{0,30}(?:记者|通讯员)[^）)]{0,20}[）)]"  # 中青在线华盛顿讯(…记者 刘平)
    r"|[\u4e00-\u9fff]{2,10}报讯(?=[\s（(])"  # 湖北日报讯 2月10日
    r"|[（(][^）)]{0,10}记者[^）)]{0,30}[）)]"  # （记者 张三）
    r"|本报记者\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*\s+"
    r"|【[^】]{0,12}(?:报道|记者|消息|电)[^】]{0,24}】"  # 【环球时报综合报道】, 【环球网报道 记者 杨阳】
    r"|<[a-zA-Z/][^>]{0,40}>"  # <p> left over from scraped HTML
    r"|原标题[:：]"
    r"|(?:据|综合)[^，,。：:；;]{1,16}(?:报道|消息)\s*[，,：:]"  # 据外媒报道，
    r"|[\u4e00-\u9fff]{2,6}消息[:：]"  # 德黑兰消息：
    r")\s*[,，:：]?\s*"
)
#: A byline remnant closing a sentence: （央视记者 卢星海）, (编辑 王五).
_TAIL_BYLINE_RE = re.compile(r"\s*[（(][^（()）]{0,12}(?:记者|编辑|通讯员|责编|供稿)[^（()）]{0,30}[）)]\s*$")


def clean_display(text: str) -> str:
    """NFC-normalise and trim display text; original characters and punctuation are kept."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def token_view(text: str) -> str:
    """The view that feeds the ranker: NFKC (full-width digits and letters folded), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


#: What every lead marker and tail byline contains: a sentence without any of these is left as it is
#: (one search instead of three substitutions, for the nine sentences in ten that have none).
_LEAD_HINT_RE = re.compile(r"讯|月|记者|【|<|原标题|报道|消息|编辑|通讯员|责编|供稿")


def strip_lead(sentence: str) -> str:
    """Remove lead markers and datelines (本报讯, 新华社北京1月5日电, （记者 某某）) from the start
    and a byline remnant (（央视记者 卢星海）) from the end."""
    if not _LEAD_HINT_RE.search(sentence):
        return sentence.strip()
    previous = None
    while previous != sentence:
        previous, sentence = sentence, _LEAD_RE.sub("", sentence, count=1)
    sentence = _TAIL_BYLINE_RE.sub("", sentence)
    return sentence.strip()


def ends_paragraph(text: str) -> bool:
    """Whether a paragraph ends as complete text does, not cut by the print layout."""
    text = text.rstrip()
    return bool(text) and text[-1] in PARAGRAPH_END


#: One scan finds the quotes and the sentence ends: a terminator (a half-width '.' only outside a
#: number or ASCII word), the terminators and dots after it, then its closing marks. A Python loop
#: over every character was a fifth of the analysis time.
_SPAN_RE = re.compile(
    rf"[{_OPEN_QUOTES}{_CLOSE_QUOTES}]"
    rf"|(?:[{re.escape(TERMINATORS)}]|(?<![A-Za-z0-9])\.|\.(?![A-Za-z0-9]))[{re.escape(TERMINATORS)}.]*[{re.escape(CLOSERS)}]*"
)


_QUOTE_RE = re.compile(f"[{_OPEN_QUOTES}{_CLOSE_QUOTES}]")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, quote-aware; newlines always end a sentence."""
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(line[start:end] for start, end in sentence_spans(line))
    return sentences


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one line, surrounding spaces excluded.

    A sentence end inside quotes does not cut the line, unless its quotes do not balance.
    """
    if not _QUOTE_RE.search(line):  # most lines: every sentence end cuts
        cuts = [match.end() for match in _SPAN_RE.finditer(line)]
        spans = zip([0, *cuts], [*cuts, len(line)])
        return [_trim(line, a, b) for a, b in spans if line[a:b].strip()]
    ends, inside = [], []  # every sentence end, and whether it is inside quotes
    depth, balanced = 0, True
    for match in _SPAN_RE.finditer(line):
        mark = match[0]
        if mark in _OPEN_QUOTES:
            depth += 1
            continue
        closes = sum(map(mark.count, _CLOSE_QUOTES))  # the mark itself, or the closers after a terminator
        balanced = balanced and depth >= closes
        depth = max(0, depth - closes)
        if mark not in _CLOSE_QUOTES:
            ends.append(match.end())
            inside.append(depth > 0)
    balanced = balanced and depth == 0
    cuts = [end for end, quoted in zip(ends, inside) if not (quoted and balanced)]
    spans = zip([0, *cuts], [*cuts, len(line)])
    return [_trim(line, a, b) for a, b in spans if line[a:b].strip()]


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    text = line[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip())


_SUBHEADING_RE = re.compile(r"^([^\s，,。！？!?；;：:]{4,24})\s+(?=\S)")
_OPENING_MARKS, _CLOSING_MARKS = "(（“‘《「『[【〈", ")）”’》」』]】〉"


def strip_subheading(sentence: str) -> str:
    """Remove a run-in sub-heading (`聚焦“五破五促”目标任务 围绕…`) from the start of a sentence.

    Never cuts inside brackets or quotes (`丘尔金(Vitaly Churkin)20日…`), before a Latin word, or
    a line that is not a sentence after the cut (the two halves of a headline, `走出去 引进来壮大产业`).
    """
    match = _SUBHEADING_RE.match(sentence)
    if not match or len(sentence) - match.end() < 10:
        return sentence
    head, rest = match.group(1), sentence[match.end():]
    if sum(map(head.count, _OPENING_MARKS)) != sum(map(head.count, _CLOSING_MARKS)):
        return sentence
    if rest[0].isascii() and rest[0].isalpha():  # a Latin name goes on after the space
        return sentence
    core = rest.rstrip(CLOSERS)
    return rest if core and core[-1] in TERMINATORS else sentence


_OPENER_RE = re.compile(
    r"^(?:"
    r"(?:当地时间|北京时间)?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:\s*[至到—\-~～]\s*(?:\d{1,2}月)?\d{1,2}日)?"
    r"(?:上午|下午|晚上|晚间|晚|早上|凌晨|中午|清晨)?"
    r"|(?:今天|昨天|昨晚|今晨|近日|日前|近期|今年以来|连日来)(?:[（(][^（()）]{1,12}[）)])?(?:上午|下午|晚上|晚)?"
    r"|记者(?:近日|日前)?(?:从|在)?[^，,。；;]{0,24}(?:获悉|了解到|得知)"
    r")\s*[，,]\s*"
)
#: Asides a one-line summary can do without: (Neuss), (Donald Trump), (音译), （即乌称波克罗夫斯克）, （11月15日）.
_ASIDE_RE = re.compile(r"\s?[（(](?:[A-Za-z][A-Za-z0-9 .·,'&\-]*|音译|即[^（()）]{1,20}|\d{1,2}月\d{1,2}日)[）)]")


def strip_opener(sentence: str) -> str:
    """Remove a time or source opener (11月4日上午，/ 近日，/ 记者从…获悉，) and asides like (音译) for display
    in a short summary; the article's date and entities keep the time."""
    trimmed = _ASIDE_RE.sub("", _OPENER_RE.sub("", sentence, count=1))
    return trimmed if len(trimmed) >= 8 else sentence
