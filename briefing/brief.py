"""A leadership brief from article summaries: period, sections, one story one item, leaders, keywords, length."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from .config import BriefConfig, Lexicon
from .dedup import components, shared_runs, similar_pairs
from .errors import BriefingError
from .leaders import find_leaders
from .items import display_title, highlight_text, is_roundup, make_item
from .models import (Article, ArticleSummary, Brief, BriefItem, Counts, Highlight, Keyword, Section)
from .render import distinct
from .render.cn import period_label  # noqa: F401  (part of this module's API before render/cn.py)
from .select import DEFAULT_LENGTH, SELECTION_RULE, choose

OTHER = "其他"
RANK_RULE = "按领导出席、头条位置、涉及金额、关键词集中度、多日或多源报道综合排序"
#: A keyword that starts with an action or holds an office is part of a clause, not a topic.
_OFFICE = r"(?:书记|副?区长|副?市长|副?县长|主任|主席|董事长|总经理|副?部长|局长|委员|院长|校长)"
_FRAGMENT_RE = re.compile(r"^(?:实地|调研|召开|举行|开展|推进|深入|带领|参加|出席|主持|听取|研究|全力|积极)|"
                          rf"^{_OFFICE}$|{_OFFICE}(?=[\u4e00-\u9fff]{{2,3}}$)")
PERIOD_TITLES = {"day": "每日要情", "week": "每周要情", "month": "月度要情", "quarter": "季度要情", "year": "年度要情"}
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")
#: Char-bigram TF-IDF cosine at or above which two articles are one story printed twice, if their
#: titles are also alike. Tuned on 新闻联播 2025-W45/W46: true repeats scored 0.80-0.98 (titles
#: 0.44-1.0), the closest different stories (welcome ceremonies for two kings) 0.69; two scraped
#: pages of site navigation scored 0.98 with unrelated titles (0.02).
SAME_TEXT, LIKE_TITLE = 0.75, 0.3
#: Or: titles this alike (bigram Jaccard) and at least two identical figures (seeds: 星禾 signing,
#: titles 0.65, four shared figures; the daily 宣讲团 series has alike titles but no shared figures).
SAME_TITLE, SHARED_FIGURES = 0.5, 2
#: Or: headlines this alike are one series (中央宣讲团在各地各部门宣讲… / 在各地宣讲…: 0.86 on W46); the
#: closest different stories on W45/W46 (two 致电祝贺 of different presidents) scored 0.40.
SERIES = 0.75
#: Or: a headline of at least this many characters that another headline contains (the same report
#: with the guest's name added, or a second line: 李强主持召开国务院常务会议 研究…).
EXTENDS = 6
#: Or: headlines that share a run of this many characters covering this share of the shorter one (the
#: same letter under a reaction headline: 向第二十次中越两党理论研讨会致贺信, 17 of 20). On W45/W46 the closest
#: different stories share 9 of 15 (习近平举行仪式欢迎 … 国王访华) and 11 of 21 (…党的二十届四中全会精神).
COMMON_CHARS, COMMON_SHARE = 8, 0.7
#: Or: a reaction or commentary headline (——…引发热烈反响, 央视快评, 述评) sharing a run of 5 characters
#: with the event's headline and a text cosine of 0.3 (W45/W46: true pairs 0.33-0.54; a commentary on
#: 法治文选 0.19 to the publication report, 0.33 to its contents, the same story).
REACTION_RE = re.compile(r"快评|引发.{0,6}反响|激励|述评|评论员|高度评价|热议")
REACTION_COMMON, REACTION_TEXT = 5, 0.3
#: A headline that opens with its actor: a two- or three-character name and the act (赵乐际会见…).
_ACTOR_RE = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:会见|会谈|出席|主持|访问|致电|致信|致贺信|复信|同|向|签署|就|对|在|将|接见|举行)")


class PeriodError(BriefingError):
    """No period to brief: no dated articles, a malformed --week, or nothing in the chosen period."""


def parse_week(text: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week written YYYY-Www."""
    match = _WEEK_RE.match(text.strip())
    try:
        if not match or not 1900 <= int(match.group(1)) <= 2100:  # 9999-W52 overflowed the date maths
            raise ValueError
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise PeriodError(f"--week {text}: not an ISO week; write it like 2025-W48 (weeks 01-52 or 53)") from None
    return monday, monday + dt.timedelta(days=6)


def period_of(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The day itself, or the Monday-Sunday week, calendar month, quarter or year that contains it."""
    if period == "day":
        return day, day
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    first_month = {"month": day.month, "quarter": 3 * ((day.month - 1) // 3) + 1, "year": 1}[period]
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    start = dt.date(day.year, first_month, 1)
    after = dt.date(start.year + (first_month - 1 + months) // 12, (first_month - 1 + months) % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


def default_issue(start: dt.date, period: str) -> int:
    """第N期 when the configuration sets none: the day of the year, ISO week, month, quarter, or 1 a year."""
    return {"day": start.timetuple().tm_yday, "week": start.isocalendar()[1], "month": start.month,
            "quarter": (start.month - 1) // 3 + 1, "year": 1}[period]


def article_day(article: Article) -> dt.date | None:
    """The article's date, or None when it has none or it is not a YYYY-MM-DD date."""
    try:
        return dt.date.fromisoformat((article.date or "")[:10])
    except ValueError:
        return None


def choose_period(days: Iterable[dt.date | None], period: str, date: str | None = None,
                  week: str | None = None) -> tuple[dt.date, dt.date]:
    """The period asked for (--week, --date), else the latest one found in the inputs."""
    if week:
        return parse_week(week)
    if date:
        try:
            return period_of(dt.date.fromisoformat(date), period)
        except ValueError:
            raise PeriodError(f"--date {date}: not a date; write it like 2025-11-24") from None
    known = [day for day in days if day is not None]
    if not known:
        raise PeriodError("no dated articles in the inputs; name the pages like 2024-05-13.txt, "
                          'give JSONL records a "date", or pass --date')
    return period_of(max(known), period)


def section_of(summary: ArticleSummary, lexicon: Lexicon) -> str:
    """The section of the article's main event: its headline's first clause (习近平在广东考察时强调 …) counts
    most, then the rest of the headline, then the first sentence of the lead; a word further down the
    body does not count. 其他 when no word matches; ties go to the earlier section."""
    title = display_title(summary.article)
    first, _, rest = re.split(r"[ \u3000：:—]+", title, maxsplit=1) + [""] if re.search(r"[ \u3000：:—]", title) \
        else (title, "", "")
    lead = re.split(r"(?<=[。！？])", summary.article.paragraphs[0])[0] if summary.article.paragraphs else ""
    best, best_score = OTHER, 0.0
    for name, words in lexicon:
        # Longer words are more specific (老旧小区 over 项目).
        score = sum(len(w) * (3 * (w in first) + 1.5 * (w in rest) + min(lead.count(w), 2)) for w in words)
        if score > best_score:
            best, best_score = name, score
    return best


def _bigrams(text: str) -> Counter[str]:
    text = re.sub(r"[\W_]+", "", text)
    return Counter(text[i:i + 2] for i in range(len(text) - 1))


def _bigram_codes(text: str):
    """The character bigrams of a text as _bigrams sees it, in order, each as one integer (21 bits a character)."""
    import numpy as np

    chars = np.frombuffer(re.sub(r"[\W_]+", "", text).encode("utf-32-le", "surrogatepass"), np.uint32)
    chars = chars.astype(np.uint64)
    return (chars[:-1] << np.uint64(21)) | chars[1:]


def _tfidf(texts: Sequence[str]) -> Callable[[int], dict[int, float]]:
    """Unit-length TF-IDF vectors of character bigrams (sublinear tf, smoothed idf), by text number,
    each made when first asked for: the document frequencies count every text."""
    import numpy as np

    # Counted in numpy over integer bigrams; each weight is still (1 + log tf) * (log((1 + n) / (1 + df)) + 1)
    # in Python floats, in first-occurrence order as a Counter of the bigram strings had them, so every
    # cosine is the float the string version computed (tests/test_dedup.py compares them).
    grams, df = np.unique(np.concatenate([np.unique(_bigram_codes(t)) for t in texts] or [np.zeros(0, np.uint64)]),
                          return_counts=True)
    n = len(texts)
    idf = [math.log((1 + n) / (1 + d)) + 1 for d in range(n + 1)]

    @functools.lru_cache(maxsize=None)
    def vector(i: int) -> dict[int, float]:
        keys, first, counts = np.unique(_bigram_codes(texts[i]), return_index=True, return_counts=True)
        order = np.argsort(first)
        found = df[np.searchsorted(grams, keys[order])].tolist()
        weights = {g: (1 + math.log(c)) * idf[d] for g, c, d in zip(keys[order].tolist(), counts[order].tolist(), found)}
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        return {g: x / norm for g, x in weights.items()}
    return vector


def _cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


def _actor(summary: ArticleSummary, title: str) -> str:
    """The first person the headline names (its actor: 赵乐际会见…), or an empty string."""
    named = [(title.find(p.name), p.name) for p in summary.entities.people if len(p.name) >= 2 and p.name in title]
    match = _ACTOR_RE.match(title)
    if match and (not named or match.start(1) < min(named)[0]):
        return match.group(1)
    return min(named)[1] if named else ""


def _numbers(title: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", title)


def _longest_common(a: str, b: str) -> int:
    """Length of the longest run of characters two headlines share."""
    best, previous = 0, [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _jaccard(a: str, b: str) -> float:
    x, y = set(_bigrams(a)), set(_bigrams(b))
    return len(x & y) / len(x | y) if x | y else 0.0


def story_title(article: Article) -> str:
    """The headline as compared between reports: no column tag, no punctuation or spaces."""
    return re.sub(r"[\W_]+", "", display_title(article))


def is_same_story(a: ArticleSummary, b: ArticleSummary, cosine: float) -> bool:
    """One story reported twice: the same headline (or one that extends the other: 李强会见泰国国王 /
    李强会见泰国国王哇集拉隆功), a series under nearly the same headline (中央宣讲团在各地…宣讲), nearly the
    same text under alike headlines, or alike headlines that report the same figures. A daily roundup
    (国内联播快讯) is only the same as another of the same day and source."""
    if is_roundup(a.article.title) or is_roundup(b.article.title):
        return (is_roundup(a.article.title) and a.article.title == b.article.title
                and a.article.date == b.article.date and a.article.source == b.article.source and cosine >= SAME_TEXT)
    ta, tb = story_title(a.article), story_title(b.article)
    actors = _actor(a, ta), _actor(b, tb)
    if (all(actors) and actors[0] != actors[1]) or _numbers(ta) != _numbers(tb):
        return False  # 赵乐际会见… / 王沪宁会见… the same guest, 今天共产生32枚金牌 / 27枚: different events
    if ta == tb or (min(len(ta), len(tb)) >= EXTENDS and (ta in tb or tb in ta)):
        return True
    common = _longest_common(ta, tb)
    if common >= COMMON_CHARS and common >= COMMON_SHARE * min(len(ta), len(tb)):
        return True
    if (bool(REACTION_RE.search(a.article.title)) != bool(REACTION_RE.search(b.article.title))
            and common >= REACTION_COMMON and cosine >= REACTION_TEXT):
        return True  # the reaction to an event, or a commentary on it, belongs to the event's item
    titles = _jaccard(ta, tb)
    shared = set(a.entities.figures) & set(b.entities.figures)
    return (titles >= SERIES or (cosine >= SAME_TEXT and titles >= LIKE_TITLE)
            or (len(shared) >= SHARED_FIGURES and titles >= SAME_TITLE))


def candidate_pairs(summaries: Sequence[ArticleSummary]) -> list[tuple[int, int]]:
    """The pairs is_same_story may say yes to, found without comparing every pair.

    Every way it says yes needs the story titles at least LIKE_TITLE alike (bigram Jaccard), or one
    inside the other (a run of EXTENDS characters or more), or a common run of COMMON_CHARS, or, when
    one headline is a reaction, a common run of REACTION_COMMON."""
    stories = [story_title(s.article) for s in summaries]
    alike = similar_pairs([set(_bigrams(t)) for t in stories], min(LIKE_TITLE, SAME_TITLE))
    reactions = {i for i, s in enumerate(summaries) if REACTION_RE.search(s.article.title)}
    return sorted(set(alike) | shared_runs(stories, min(EXTENDS, COMMON_CHARS))
                  | shared_runs(stories, REACTION_COMMON, reactions))


def duplicate_groups(summaries: Sequence[ArticleSummary]) -> list[list[int]]:
    """Indices grouped by story (transitively), each group and the list in input order."""
    candidates = candidate_pairs(summaries)
    if not candidates:
        return [[i] for i in range(len(summaries))]
    vector = _tfidf([s.article.title + "\n" + s.article.text for s in summaries])
    return components(len(summaries), candidates,
                      lambda i, j: is_same_story(summaries[i], summaries[j], _cosine(vector(i), vector(j))))


def period_keywords(summaries: Sequence[ArticleSummary], n: int = 10,
                    stopwords: frozenset[str] = frozenset()) -> tuple[Keyword, ...]:
    """The period's keywords: article keyword weights summed, scaled so the first is 1.0."""
    total: Counter[str] = Counter()
    for summary in summaries:
        for keyword in summary.keywords:
            if len(keyword.word) > 1 and keyword.word not in stopwords:
                total[keyword.word] += keyword.weight
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    top = ranked[0][1] if ranked else 1.0
    return tuple(Keyword(word, round(weight / top, 2)) for word, weight in ranked)


def brief_keywords(summaries: Sequence[ArticleSummary], ranked: Sequence[Keyword], n: int = 10) -> tuple[str, ...]:
    """本期关键词 as printed: words that several articles use (when there are three or more), not a
    fragment of a clause (实地调研交运) or a title glued to a name (董事长张春丽), none inside another."""
    texts = [s.article.title + s.article.text for s in summaries]
    shown = []
    for keyword in distinct([k for k in ranked if not _FRAGMENT_RE.search(k.word)]):
        if len(texts) < 3 or sum(keyword.word in text for text in texts) >= 2:
            shown.append(keyword.word)
    return tuple(shown[:n])




def build_brief(summaries: Sequence[ArticleSummary], config: BriefConfig, period: str,
                start: dt.date, end: dt.date, articles_read: int, dropped: Sequence[Article] = ()) -> Brief:
    """The brief of one period from the summaries of its news articles (junk already `dropped`)."""
    top = period_keywords(summaries, 50, config.stopwords)  # scaled by the first, so any prefix is the same
    lexicon = config.lexicon()
    weights = {k.word: k.weight for k in top}
    leads = lead_positions(summaries)
    grouped: dict[str, list[BriefItem]] = {name: [] for name, _ in lexicon} | {OTHER: []}
    reports = []  # (the title of the item, each article it is made of): for 领导活动
    for group in duplicate_groups(summaries):
        members = [summaries[i] for i in group]
        item = make_item(members, weights, config.sentences, config.stopwords, any(i in leads for i in group),
                         config.papers)
        name = section_of(min(members, key=_earliest), lexicon)
        grouped[name].append(dataclasses.replace(item, section=name))
        reports.extend((item.title, summaries[i]) for i in group)
    limit = config.length or DEFAULT_LENGTH[period]
    full, rest = choose(grouped, limit, config.section_lengths())
    keyed = iter(range(1, len(summaries) + 1))
    sections = tuple(Section(name, tuple(dataclasses.replace(i, key=str(next(keyed))) for i in items))
                     for name, items in full.items() if items)
    more = tuple(dataclasses.replace(i, key=str(next(keyed))) for i in rest)
    items = [item for section in sections for item in section.items]
    ranked = sorted(items, key=lambda i: -i.score)  # stable: ties keep section order
    return Brief(
        title=config.title or PERIOD_TITLES[period],
        issue=str(config.issue if config.issue is not None else default_issue(start, period)), unit=config.unit,
        period=period, start=start.isoformat(), end=end.isoformat(),
        highlights=tuple(Highlight(i.key, highlight_text(i)) for i in ranked[:config.highlights]),
        sections=sections, more=more, leaders=find_leaders(reports, config.roster),
        keywords=brief_keywords(summaries, top) if config.keywords else (),
        counts=Counts(read=len(summaries) + len(dropped), shown=len(items), listed=len(more),
                      merged=len(summaries) - len(items) - len(more), dropped=len(dropped), inputs=articles_read),
        classification=config.classification, closing=config.closing, copies=config.copies,
        rule=SELECTION_RULE.format(limit=limit),
    )


def _earliest(summary: ArticleSummary) -> tuple[str, str, int]:
    return summary.article.date or "", summary.article.source, summary.article.index


def lead_positions(summaries: Sequence[ArticleSummary], top: int = 3) -> set[int]:
    """Indices of each page's (or each day's records') first `top` articles: the lead stories."""
    seen: Counter[tuple[str, str | None]] = Counter()
    leads = set()
    for i, summary in enumerate(summaries):
        where = (summary.article.source, summary.article.date)
        if seen[where] < top:
            leads.add(i)
        seen[where] += 1
    return leads
