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
    r"|[\u4e00-\u9fff]{2,12}讯\s*[（(][^）)]{0,30}记者[^）)]{0,20}[）)]"  # 中青在线华盛顿讯(…记者 刘平)
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


def strip_lead(sentence: str) -> str:
    """Remove lead markers and datelines (本报讯, 新华社北京1月5日电, （记者 某某）) from the start
    and a byline remnant (（央视记者 卢星海）) from the end."""
    previous = None
    while previous != sentence:
        previous, sentence = sentence, _LEAD_RE.sub("", sentence, count=1)
    sentence = _TAIL_BYLINE_RE.sub("", sentence)
    return sentence.strip()


def ends_paragraph(text: str) -> bool:
    """Whether a paragraph ends as complete text does, not cut by the print layout."""
    text = text.rstrip()
    return bool(text) and text[-1] in PARAGRAPH_END


def _is_stop_dot(text: str, i: int) -> bool:
    """A half-width '.' ends a sentence unless it sits inside a number or an ASCII word."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())


def _quotes_balance(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, quote-aware; newlines always end a sentence."""
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(line[start:end] for start, end in sentence_spans(line))
    return sentences


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one line, surrounding spaces excluded."""
    honour_quotes = _quotes_balance(line)
    out, start, depth, i, n = [], 0, 0, 0, len(line)
    while i < n:
        ch = line[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        if ch in TERMINATORS or (ch == "." and _is_stop_dot(line, i)):
            j = i + 1
            while j < n and (line[j] in TERMINATORS or line[j] == "."):
                j += 1
            while j < n and line[j] in CLOSERS:
                if line[j] in _CLOSE_QUOTES:
                    depth = max(0, depth - 1)
                j += 1
            if depth == 0 or not honour_quotes:
                out.append((start, j))
                start = j
            i = j
            continue
        i += 1
    out.append((start, n))
    return [_trim(line, a, b) for a, b in out if line[a:b].strip()]


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while line[start].isspace():
        start += 1
    while line[end - 1].isspace():
        end -= 1
    return start, end


_SUBHEADING_RE = re.compile(r"^([^\s，,。！？!?；;：:]{4,24})\s+(?=\S)")


def strip_subheading(sentence: str) -> str:
    """Remove a run-in sub-heading (`聚焦“五破五促”目标任务 围绕…`) from the start of a sentence."""
    match = _SUBHEADING_RE.match(sentence)
    if match and len(sentence) - match.end() >= 10:
        return sentence[match.end():]
    return sentence


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


_BOILERPLATE_RE = re.compile(
    r"本网站|本站|版权(?:所有|归)|转载|未经(?:书面)?授权|免责声明|责任编辑|^(?:来源|编辑|责编)[:：]|^图为|^(?:视频|图片)[:：]")


def is_boilerplate(sentence: str) -> bool:
    """A copyright notice, source or keyword line, photo caption: page furniture, never a key sentence."""
    return bool(_BOILERPLATE_RE.search(sentence))
