"""Site furniture out of web-sourced text before it is ranked: str -> str and line-list helpers.

Web records (JSONL from crawlers, text saved from news sites) carry what the page had around the
article: copyright and licence lines, ICP/公网安备 numbers, 总机/电话/邮箱 lines, 责任编辑/校对,
扫码/分享/关注 prompts, navigation, script and CSS, `[]` link stubs and photo captions. None of it
is ever a sentence candidate. The rules were found on ../shared/eval (news_headlines: 251 中新网
video stubs whose whole body is furniture; xwlb_dated: two 中国政府网 pages scraped with their
navigation and search script; keywords_news: captions, 编辑/校对 tails, 图片来源 lines) and are
checked there and on fixtures in tests/test_clean.py.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache

from .text import CLOSERS, TERMINATORS

_TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,200}>")
_BREAK_TAG_RE = re.compile(r"<\s*(?:br|/p|p|/div|div|/li|li)\b[^<>]{0,200}>", re.IGNORECASE)
#: A whole line of page furniture (searched: a match anywhere makes the line furniture).
_FURNITURE_RE = re.compile(
    r"公网安备|ICP[备证]|互联网新闻信息服务许可"
    r"|本网站所刊载|刊用本网站稿件|未经(?:书面)?授权[，,]?(?:禁止|不得|严禁)|版权所有|版权归.{0,12}所有|侵权必究"
    r"|转载请注明|违者将依法追究|免责声明|All Rights Reserved|Copyright\s*(?:©|\(c\)|\d)|©\s*\d{4}"
    r"|【我要纠错】|分享到[:：]?\s*(?:微信|微博|QQ)|长按(?:识别)?二维码|扫描?(?:下方|上方)?二维码|扫码(?:关注|下载|阅读)"
    r"|(?:欢迎|请|敬请)关注(?:我们|公众号|微信|微博)|#欢迎关注|下载.{0,8}(?:app|APP|客户端)"
    r"|图片来源|视频来源[:：]|(?:来源|出处)[:：]网络",
    re.IGNORECASE,
)
#: A line that starts like furniture: the label of an editor, a source, a caption or a keyword list.
_FURNITURE_START_RE = re.compile(
    r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|监制|值班编辑|主编|美编|制图|编审)\s*[:：/｜|]"
    r"|^[（(]?\s*(?:责任编辑|编辑|校对)\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*\s*[）)]?$"
    r"|^(?:总机|电话|传真|邮箱|邮编|地址|投稿邮箱|联系邮箱|联系电话|热线|E-?mail)\s*[:：]"
    r"|^(?:关键词|关键字|标签|Tags?)\s*[:：]"
    r"|^(?:资料图|图为|图片[:：]|图[:：]|▲|△|视频[:：]|(?:图|摄影|视频)\s*[/｜|])"
    r"|^(?:来源|稿源|出处)\s*[:：]\s*\S{0,24}$",
    re.IGNORECASE,
)
#: A caption's credit: 新华社记者 丁林 摄 at the end of a line.
_CREDIT_RE = re.compile(r"(?:记者|摄影|通讯员)\s*[\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,4})?\s*摄\s*[）)]?$")
#: Navigation and page tools: a short line that is one of these words.
_NAVIGATION = frozenset(
    "首页 简 繁 简体 繁体 EN English 登录 注册 个人中心 退出 邮箱 无障碍 打印 关闭 关闭窗口 大 中 小 超大 默认 收藏 "
    "分享 评论 相关稿件 相关新闻 相关阅读 延伸阅读 推荐阅读 热点推荐 上一篇 下一篇 返回顶部 返回首页 更多 查看更多 "
    "点击查看 网站地图 联系我们 手机版 客户端 微信 微博 扫一扫 我要纠错 纠错".split())
_NAVIGATION_RE = re.compile(r"^(?:字号|字体)\s*[:：]|^[|｜/\s]*$")
_TIMESTAMP_RE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$")
_CODE_START_RE = re.compile(r"^(?://|/\*|\*/|function\b|var\s|let\s|const\s|if\s*\(|else\b|for\s*\(|return\b|"
                            r"window\.|document\.|\$\(|[{}]|@media|\.[\w-]+\s*\{|[\w-]+\s*:\s*[^：]*;$)")
_CODE_MARKS_RE = re.compile(r"[{};=()]|&&|\|\|")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_CODE_HINT_RE = re.compile(r"[{};=/$@]|\b(?:function|var|let|const|if|else|for|return|window|document)\b")
_ORIGINAL_TITLE_RE = re.compile(r"^\s*原标题\s*[:：]\s*(.+?)\s*$")
_LINK_STUB_RE = re.compile(r"\[\s*\]")
_SPLIT_SPACES_RE = re.compile(r"[ \u3000\u00a0]{2,}|\t+")


def unmark(text: str) -> str:
    """HTML residue out of scraped text: entities decoded (&nbsp; → space), <br>/<p> → line breaks, other tags dropped."""
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG_RE.sub("", _BREAK_TAG_RE.sub("\n", text))
    return text.replace("\u00a0", " ")


def is_code(line: str) -> bool:
    """Script or stylesheet residue: code-like punctuation and (almost) no Chinese."""
    if not _CODE_HINT_RE.search(line):  # every code line has one of these; prose seldom does
        return False
    cjk = len(_CJK_RE.findall(line))
    if cjk > len(line) * 0.3:
        return False
    return bool(_CODE_START_RE.match(line)) or len(_CODE_MARKS_RE.findall(line)) >= 2


def is_furniture(line: str) -> bool:
    """A line that is page furniture, not article text (line-level: a sentence of the article never is)."""
    line = line.strip()
    if not line:
        return True
    if line in _NAVIGATION or _NAVIGATION_RE.match(line) or _TIMESTAMP_RE.match(line):
        return True
    if _LINK_STUB_RE.search(line) and len(_LINK_STUB_RE.sub("", line).strip()) < 40:
        return True
    if _FURNITURE_RE.search(line) or _FURNITURE_START_RE.match(line) or is_code(line):
        return True
    return len(line) <= 60 and bool(_CREDIT_RE.search(line))


def web_lines(text: str) -> list[str]:
    """The lines of a web record: HTML residue removed, paragraphs that a page set apart with runs of
    spaces split, furniture lines dropped."""
    lines = []
    for line in unmark(text).split("\n"):
        lines.extend(part.strip() for part in _SPLIT_SPACES_RE.split(line))
    return [line for line in lines if line and not is_furniture(line)]


def original_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The title given on a `原标题：…` line, and the lines without it."""
    for index, line in enumerate(lines):
        match = _ORIGINAL_TITLE_RE.match(line)
        if match:
            return match.group(1), lines[:index] + lines[index + 1:]
    return None, lines


_NOT_LETTER_RE = re.compile(r"[\W_]+")


@lru_cache(maxsize=256)
def _letters(text: str) -> str:
    """Letters and digits only, lower case (a title is asked for once a sentence: cached)."""
    return _NOT_LETTER_RE.sub("", text).lower()


#: A body line or sentence restates the headline when at least this share of its letters is a common
#: subsequence with the title's (news_headlines with titles given: 21 of 1591 one-sentence summaries
#: were headline restatements at 1.0 — a run of the title — and 2 at 0.9).
RESTATES_SHARE = 0.9
RESTATES_MIN = 4  # shorter lines are fragments that the rankers pass over anyway
_RESTATEMENT_LABEL_RE = re.compile(r"^(?:题|标题|原标题|主题)[:：]")


def restates(line: str, title: str) -> bool:
    """Whether a line of the body only restates the headline: (nearly) all its letters and digits are the
    title's, in order (the 中新网 video pages print `美国：小型飞机坠毁` under `中新网-视频-美国：小型飞机坠毁
    飞行员奇迹生还`; Xinhua prints `题：旅美大熊猫“宝宝”即将回国` under its headline)."""
    if not title:
        return False
    headline = _letters(title)
    if len(line) * RESTATES_SHARE > 3 * len(title) + 8:
        return False  # far longer than the title, whatever its punctuation
    letters = _NOT_LETTER_RE.sub("", _RESTATEMENT_LABEL_RE.sub("", line)).lower()
    if len(letters) < RESTATES_MIN or len(letters) * RESTATES_SHARE > len(headline):
        return False  # a line longer than the title says more than the title
    if letters in headline:
        return True
    chars = set(headline)
    if sum(ch in chars for ch in letters) < RESTATES_SHARE * len(letters):
        return False  # a common subsequence is no longer than the letters the title has at all
    return common_subsequence(letters, headline) >= RESTATES_SHARE * len(letters)


def common_subsequence(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, one row of the table at a time."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def drop_restatements(lines: list[str], title: str, subtitle: str | None = None) -> list[str]:
    """The body without lines that repeat the title or subtitle."""
    return [line for line in lines if not (restates(line, title) or (subtitle and restates(line, subtitle)))]


#: A headline glued to the dateline of the text under it (…身体健康新华社北京12月1日电 今天是…), as pages
#: that put the title, the dateline and the lead in one block give it; and a series title after the
#: dateline (新华社河内11月13日电　题：…　…).
_GLUED_HEAD_RE = re.compile(r"^[^。！？\n]{4,80}?(?=(?:新华社|中新社|人民日报|央视网消息|本台消息)[^。，、\s]{0,12}?"
                            r"\d{1,2}月\d{1,2}日电)")
_DATELINE_TITLE_RE = re.compile(r"(?<=日电)[\s\u3000]*题[:：][^\u3000]{2,60}?\u3000+(?:[^\u3000]{2,40}?\u3000+)?")
#: A photograph's credit inside a paragraph (…（2024年11月2日摄）。新华社记者 陈诺 摄　徽风皖韵…).
_INLINE_CREDIT_RE = re.compile(r"(?:新华社|本报|央视)?(?:记者|摄影)\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})?\s*摄"
                               r"(?=[\s\u3000]|$)[\s\u3000]*")


def unglue_lead(lines: list[str]) -> list[str]:
    """The first line without a headline glued before its dateline or a series title after it; every
    line without a photograph's credit inside it."""
    if lines:
        first = _DATELINE_TITLE_RE.sub(" ", _GLUED_HEAD_RE.sub("", lines[0], count=1), count=1)
        lines = [first, *lines[1:]]
    return [cleaned for line in lines if (cleaned := _INLINE_CREDIT_RE.sub(" ", line).strip())]


#: Sentences that are never a summary on their own: a series' introduction (本台推出系列报道…今天来看…),
#: a list's later item without its first (二是…), a photograph's caption.
_NOT_ALONE_RE = re.compile(r"推出(?:大型)?系列(?:报道|节目|评论)|开设专栏|今天(?:我们)?(?:一起)?来看|请看(?:记者|本台)|"
                           r"^[二三四五六七八九十]是|^第[二三四五六七八九十]，|（[^（）]{0,16}摄）")


def not_alone(sentence: str) -> bool:
    """Whether a sentence cannot stand alone as a summary (a series intro, a list tail, a caption)."""
    return bool(_NOT_ALONE_RE.search(sentence))


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a sentence (its closing quotes and brackets aside)."""
    core = line.rstrip(CLOSERS)
    return bool(core) and core[-1] in TERMINATORS + "；;："
