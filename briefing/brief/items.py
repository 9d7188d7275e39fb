"""One brief item from a story's articles: its headline, event date, sentences, sources and score."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from ..analyze.entities import is_leader
from ..analyze.offices import chinese_name
from ..models import Article, ArticleSummary, BriefItem, Source
from .cn import cn_date, full_width
from .sources import printed_name
from .when import calendar_day

_MONEY_RE = re.compile(r"[万亿]?元")
#: A figure worth printing under an item: a sum, a magnitude or a rate, not a bare count.
_TELLING_FIGURE = re.compile(r"元|万|亿|%|％|倍|成")
#: A column tag before a headline: 【学习贯彻党的二十届四中全会精神】, 【权威访谈】, 新闻特写：.
_COLUMN_RE = re.compile(r"^\s*(?:【[^】]{1,30}】|[\u4e00-\u9fff]{2,6}[：:](?=\S{6}))\s*")
#: A slogan headline: two short parallel phrases (抓项目促发展 比学赶超当先锋); its subtitle says what happened.
_SLOGAN_RE = re.compile(r"^[\u4e00-\u9fff“”]{3,10}[ \u3000]+[\u4e00-\u9fff“”]{3,10}$")
#: A daily roundup: one item a day, never the same story as the next day's roundup.
ROUNDUP_RE = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:联播)?(?:快讯|简讯|短讯)$|^(?:一句话新闻|要闻速览|新闻速览|今日要闻)$")
_DATE_RE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
#: A day without a month at the start of a lead (3日，国务院总理李强…; 赵乐际3日在北京会见…).
_DAY_RE = re.compile(r"(?:^|当地时间|[\u4e00-\u9fff])(\d{1,2})日(?=[上下]午|晚|早|凌晨|在|，|,|电)")
_LEAD_CHARS = 120  # the event's date is stated at the start of a news lead
#: Days before publication an event date may lie: the real page reports 4月19日 on 4月21日; 新闻联播
#: reports the day or the day before; dates 25 days back on W46 were background (the plenum).
EVENT_WINDOW = 10
HIGHLIGHT_CHARS = 80  # three lines of the Word body
SUMMARY_CHARS = 120  # an item's summary past its first sentence: about five lines of the Word body
_HASH_RE = re.compile(r"(?:^|[_-])[0-9a-f]{8,}$|^[0-9a-f_-]{12,}$", re.IGNORECASE)
_DATE_NAME_RE = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")


def display_title(article: Article) -> str:
    """The headline a brief prints: without a column tag (央视快评：), never without the person it names
    (张国清：提高防灾减灾救灾能力 is his article; 习近平：… his words), and the subtitle when the headline
    is a slogan."""
    tag = _COLUMN_RE.match(article.title or "")
    named = tag and chinese_name(tag.group(0).strip().rstrip("：:"))
    title = (article.title or "").strip() if named else \
        _COLUMN_RE.sub("", article.title or "").strip() or (article.title or "").strip()
    if article.subtitle and _SLOGAN_RE.match(title):
        return article.subtitle.strip()
    return title or _untitled(article)


def is_roundup(title: str) -> bool:
    """A daily roundup such as 国内联播快讯."""
    return bool(ROUNDUP_RE.match(_COLUMN_RE.sub("", title).strip()))


def _untitled(article: Article) -> str:
    text = article.paragraphs[0] if article.paragraphs else ""
    return text[:24] + ("…" if len(text) > 24 else "") or "（无标题）"


def event_date(article: Article) -> str | None:
    """The date the lead gives the event (4月19日上午, 今天（11月4日）, 3日，…), else the publication date.

    Only a date up to EVENT_WINDOW days before publication is the event's: a later one announces what
    is to come (将于11月17日), an older one is background (an interview on a plenum of last month).
    A roundup (国内联播快讯) is the day's, whatever its first story says.
    """
    try:
        published = dt.date.fromisoformat((article.date or "")[:10])
    except ValueError:
        return article.date
    if is_roundup(article.title):
        return published.isoformat()
    lead = (article.paragraphs[0] if article.paragraphs else "")[:_LEAD_CHARS]
    found = [calendar_day(published, int(d), int(m), int(y) if y else None)
             for y, m, d in (match.groups() for match in _DATE_RE.finditer(lead)
                             if lead[max(0, match.start() - 2):match.start()] not in ("截至", "截止"))]  # a status date
    day = _DAY_RE.search(lead)
    if day and not _DATE_RE.search(lead):  # 3日，… : this month, or last month when the day is still to come
        found = [calendar_day(published, int(day.group(1)))]
    for when in found:
        if when and 0 <= (published - when).days <= EVENT_WINDOW:
            return when.isoformat()
    return published.isoformat()


def source_name(article: Article, papers: Sequence[tuple[str, str]] = ()) -> str:
    """How 来源 names an article: the office's `[papers]` name for the paper the record names (Xinhua →
    新华社), else that paper itself, with its page; for a record that names none, the `[papers]` name for
    its file's name, else the file's name when it means something (not a hash, a date or a path); else
    本报 for a page, 稿件 for a record. A file pattern never renames what a record says it is."""
    page = f" 第{article.page}版" if article.page else ""
    name = Path(article.source).name
    named = article.paper if article.paper and not re.search(r"[/\\]|://", article.paper) else ""
    candidates = (named,) if named else (name, Path(name).stem)
    for pattern, paper in papers:
        if any(Path(candidate).match(pattern) for candidate in candidates if candidate):
            return paper + page
    if named:
        return named + page
    stem = Path(name).stem
    if stem and stem != "-" and not _HASH_RE.search(stem) and not _DATE_NAME_RE.match(stem):
        return stem + page
    return ("稿件" if article.id else "本报") + page


def _within(sentences: Sequence[str], limit: int) -> list[str]:
    """The first sentence, then the next ones while the summary stays within `limit` characters."""
    kept: list[str] = []
    for sentence in sentences:
        if kept and sum(map(len, kept)) + len(sentence) > limit:
            break
        kept.append(sentence)
    return kept


def cite(article: Article, papers: Sequence[tuple[str, str]] = ()) -> Source:
    """The Source that cites one article in a brief under the name a brief prints (新闻联播, not the
    transcript's English name: so the draft and the review page show it too), with the record's own
    paper kept, and the article's text (the review page shows it)."""
    name = printed_name(source_name(article, papers), article.id is not None)
    return Source(name, article.id, article.date, full_width(display_title(article)),
                  article.paper, article.page, tuple(full_width(p) for p in article.paragraphs))


def title_coverage(sentence: str, title: str) -> float:
    """Share of the title's character bigrams that the sentence repeats."""
    grams = {title[i:i + 2] for i in range(len(title) - 1)}
    return sum(g in sentence for g in grams) / len(grams) if grams else 0.0


def highlight_text(item: BriefItem, repeat: float = 0.6) -> str:
    """The 要点 line after the headline: one sentence that says who did what (or with what result) and
    does not restate the headline, preferring one that names the headline's actor; never a sentence
    without its antecedent (他说…, 部分著作…), a greeting, a filler, a step of a visit (来到…) or a list
    of who else attended; a relative day (今天上午) becomes the item's date."""
    sentences = [s for s in dict.fromkeys((*item.summary, *item.candidates)) if _may_lead(s)]
    actor = _ACTOR_RE.match(item.title)
    for longest in (HIGHLIGHT_CHARS, HIGHLIGHT_CHARS * 3 // 2):  # short first: 要点 are read at a glance
        fitting = [s for s in sentences if 12 <= len(s) <= longest and _restates(s, item.title) < repeat]
        named = [s for s in fitting if actor and actor.group(1) in s]
        if named or fitting:
            return _dated((named or fitting)[0], item.date)
    # nothing but the headline again: a sentence that says more (who: 区委常委、常务副区长屈连武组织召开…),
    # or its first clause when the sentence runs on with what else happened
    shorter = [s if len(s) <= HIGHLIGHT_CHARS else re.split(r"[，；]", s)[0] + "。" for s in sentences]
    shorter = [s for s in shorter if not _SETTING.match(s)]
    fuller = [s for s in shorter if 12 <= len(s) <= HIGHLIGHT_CHARS and
              (len(s) >= len(item.title) + 6 or _restates(s, item.title) < 0.95)]
    return _dated(fuller[0], item.date) if fuller else ""


#: A headline that opens with its actor (习近平会见…, 李强主持召开…): the line should name them too.
_ACTOR_RE = re.compile(r"^(?:【[^】]*】)?([\u4e00-\u9fff]{2,3}?)(?=会见|会谈|出席|主持|访问|致电|致信|向|同|复信|回信|签署|"
                       r"在|就|对|接见|举行|发表|考察|视察|听取|作出)")
#: Sentences a 要点 line must not be: one that leans on an antecedent, a greeting, a filler, a step of a
#: visit or the list of who else attended.
_NOT_A_LEAD = re.compile(
    r"^(?:他|她|它|他们|她们|其|该|此|这|那|本次|此次|上述|这次|这些|部分|与会|大家|据悉|据了解|记者|小分队|"
    r"[上下]午\d|晚上\d|\d{1,2}时)|(?:致以|表示)(?:诚挚|热烈|亲切|衷心)?的?(?:问候|祝贺|慰问|感谢)[！!。]$|"
    r"(?:具体实践|生动实践|重要举措|有力举措|具有重要意义)[。！]$|^(?:[^，。]{0,8}，)?[^，。]{0,16}(?:来到|步入|走进|抵达)|"
    r"等?(?:出席|参加|陪同|列席)(?:了)?(?:开幕式|闭幕式|欢迎仪式|仪式|活动|会见|会谈|会议|上述活动)?[。]$|^[一二三四五六七八九十]是|挥手致意|合影留念|热烈掌声|是应[^。]{2,20}邀请|"
    r"华灯|璀璨|气氛热烈|热闹非凡|欢声笑语|秋意正浓|春意盎然|寒意渐浓|^在[^，。]{2,24}(?:声中|氛围中)|"  # the scene
    r"^(?:同时|此外|另外|其间|期间|随后|之后|此前|为此|对此|其中|最后|首先|其次|再次|一方面|另一方面)[，,]|"  # a link
    r"^[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+等?(?:出席|参加|陪同|列席)|(?:出席|参加)[^，。]{0,20}的(?:还)?有")
_RELATIVE_DAY = re.compile(r"今天|今日|昨天|昨日")
#: A clause that only sets the scene (在…即将开幕之际, 为落实…, 随着…): no one does anything in it.
_SETTING = re.compile(r"^(?:在|于|为|据|随着|根据|按照|围绕|面对)[^。]*。$")


def _restates(sentence: str, title: str) -> float:
    """How much the sentence repeats the headline, or any part of a headline in parts (引题 主题)."""
    parts = [title] + [part for part in re.split(r"[ \u3000]+", title) if len(part) >= 6]
    return max(max(title_coverage(sentence, part), title_coverage(part, sentence)) for part in parts)


def _may_lead(sentence: str) -> bool:
    return not _NOT_A_LEAD.search(sentence)


def _dated(sentence: str, date: str | None) -> str:
    """今天上午 → 11月12日上午: a brief of a week has no today."""
    day = cn_date(date) if date else ""
    return _RELATIVE_DAY.sub(day, sentence) if day else sentence


def make_item(group: Sequence[ArticleSummary], weights: dict[str, float], sentences: int = 2,
              stopwords: frozenset[str] = frozenset(), lead: bool = False,
              papers: Sequence[tuple[str, str]] = ()) -> BriefItem:
    """One item from a story's articles: the earliest article speaks, every article is cited.

    Score: a leader present 2, a sum of money 1.5, more reports of the story 1 each (up to 2), a lead
    position (头条, or among a day's first three records) 1.5, a roundup -1.5, keyword centrality 3.
    """
    group = sorted(group, key=lambda s: (s.article.date or "", s.article.source, s.article.index))
    first = group[0]
    people = {p.name: p for s in group for p in s.entities.people}
    figures = list(dict.fromkeys(f for s in group for f in s.entities.figures))
    shown = [f for f in figures if _TELLING_FIGURE.search(f)]  # 3个, 2000余人: no figure an editor prints
    keywords = [k.word for k in first.keywords if len(k.word) > 1 and k.word not in stopwords][:5]
    centrality = sum(weights.get(word, 0.0) for word in keywords) / 5
    title = full_width(display_title(first.article))
    score = (2.0 * any(is_leader(p) for p in people.values()) + 1.5 * any(_MONEY_RE.search(f) for f in figures)
             + 1.0 * min(len(group) - 1, 2) + 1.5 * lead - 1.5 * is_roundup(first.article.title)
             + 3.0 * centrality)
    dates = sorted(d for d in (event_date(s.article) for s in group) if d)
    return BriefItem(
        title=title, summary=tuple(full_width(s) for s in _within(first.summary[:sentences], SUMMARY_CHARS)),
        date=dates[0] if dates else None, figures=tuple(shown[:4]), people=tuple(people.values()),
        sources=tuple(cite(s.article, papers) for s in group),
        candidates=tuple(full_width(s) for s in first.candidates), score=round(score, 4),
    )
