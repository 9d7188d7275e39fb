"""A leadership brief from article summaries: period, sections, near-duplicate merge, leaders, keywords."""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from .config import BriefConfig, Lexicon
from .dedup import components, similar_pairs
from .entities import is_leader
from .errors import BriefingError
from .leaders import find_leaders
from .models import Article, ArticleSummary, Brief, BriefItem, Keyword, Section, Source

OTHER = "其他"
RANK_RULE = "按领导出席、涉及金额、关键词集中度、多日或多版报道综合排序"
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONEY_RE = re.compile(r"[万亿]?元")
#: Char-bigram TF-IDF cosine at or above which two articles are one story printed twice, if their
#: titles are also alike. Tuned on 新闻联播 2025-W45/W46: true repeats scored 0.80-0.98 (titles
#: 0.44-1.0), the closest different stories (welcome ceremonies for two kings) 0.69; two scraped
#: pages of site navigation scored 0.98 with unrelated titles (0.02).
SAME_TEXT, LIKE_TITLE = 0.75, 0.3
#: Or: titles this alike (bigram Jaccard) and at least two identical figures (seeds: 星禾 signing,
#: titles 0.65, four shared figures; the daily 宣讲团 series has alike titles but no shared figures).
SAME_TITLE, SHARED_FIGURES = 0.5, 2


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
    """The day itself, or the Monday-Sunday week that contains it."""
    if period == "day":
        return day, day
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


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


def period_label(start: str, end: str) -> str:
    """2025年11月24日—11月30日 (the year repeated only when it changes); one day is one date."""
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    first = f"{a.year}年{a.month}月{a.day}日"
    if a == b:
        return first
    return f"{first}—{'' if a.year == b.year else f'{b.year}年'}{b.month}月{b.day}日"


def _where(article: Article) -> str:
    """The page an article came from; a JSONL record is named by its id (news.jsonl#17); an e-paper
    article's paper and 版次 come first (湖北日报 第02版 · page.html#211259)."""
    where = f"{article.source}#{article.id}" if article.id else article.source
    printed = " ".join(filter(None, (article.paper, f"第{article.page}版" if article.page else None)))
    return f"{printed} · {where}" if printed else where


def section_of(summary: ArticleSummary, lexicon: Lexicon) -> str:
    """The section whose words the article matches best; 其他 when none match; ties to the earlier."""
    title, body = summary.article.title, summary.article.text
    best, best_score = OTHER, 0
    for name, words in lexicon:
        # Longer words are more specific (老旧小区 over 项目); a title mention outweighs body ones.
        score = sum(len(w) * (3 * (w in title) + min(body.count(w), 3)) for w in words)
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


def _jaccard(a: str, b: str) -> float:
    x, y = set(_bigrams(a)), set(_bigrams(b))
    return len(x & y) / len(x | y) if x | y else 0.0


def is_same_story(a: ArticleSummary, b: ArticleSummary, cosine: float) -> bool:
    """Near-duplicates: nearly the same text, or alike titles that report the same figures."""
    titles = _jaccard(a.article.title, b.article.title)
    shared = set(a.entities.figures) & set(b.entities.figures)
    return (cosine >= SAME_TEXT and titles >= LIKE_TITLE) or (len(shared) >= SHARED_FIGURES and titles >= SAME_TITLE)


def duplicate_groups(summaries: Sequence[ArticleSummary]) -> list[list[int]]:
    """Indices grouped by story (transitively), each group and the list in input order."""
    # Both clauses of is_same_story need titles at least LIKE_TITLE alike: those pairs are all the candidates.
    titles = [set(_bigrams(s.article.title)) for s in summaries]
    candidates = similar_pairs(titles, min(LIKE_TITLE, SAME_TITLE))
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


def make_item(group: Sequence[ArticleSummary], weights: dict[str, float], sentences: int = 2,
              stopwords: frozenset[str] = frozenset()) -> BriefItem:
    """One item from a story's articles: the earliest article speaks, every article is cited."""
    group = sorted(group, key=lambda s: (s.article.date or "", s.article.source, s.article.index))
    first = group[0]
    people = {p.name: p for s in group for p in s.entities.people}
    figures = list(dict.fromkeys(f for s in group for f in s.entities.figures))
    keywords = [k.word for k in first.keywords if len(k.word) > 1 and k.word not in stopwords][:5]
    centrality = sum(weights.get(word, 0.0) for word in keywords) / 5
    score = (2.0 * any(is_leader(p) for p in people.values()) + 1.5 * any(_MONEY_RE.search(f) for f in figures)
             + 1.0 * min(len(group) - 1, 2) + 3.0 * centrality)
    return BriefItem(
        title=first.article.title or _untitled(first.article), summary=first.summary[:sentences],
        figures=tuple(figures[:4]), people=tuple(people.values()), keywords=tuple(keywords),
        date=first.article.date,
        sources=tuple(Source(_where(s.article), s.article.date, s.article.title) for s in group),
        score=round(score, 4),
    )


def _untitled(article: Article) -> str:
    text = article.paragraphs[0] if article.paragraphs else ""
    return text[:24] + ("…" if len(text) > 24 else "") or "（无标题）"


def build_brief(summaries: Sequence[ArticleSummary], config: BriefConfig, period: str,
                start: dt.date, end: dt.date, articles_read: int) -> Brief:
    """The brief of one period from the summaries of the articles dated in it."""
    top = period_keywords(summaries, 50, config.stopwords)  # scaled by the first, so any prefix is the same
    keywords = top[:20]  # the template shows the first 10 distinct
    weights = {k.word: k.weight for k in top}
    lexicon = config.lexicon()
    grouped: dict[str, list[BriefItem]] = {name: [] for name, _ in lexicon} | {OTHER: []}
    items, reports = [], []
    for group in duplicate_groups(summaries):
        item = make_item([summaries[i] for i in group], weights, config.sentences, config.stopwords)
        grouped[section_of(summaries[group[0]], lexicon)].append(item)
        items.append(item)
        reports.extend((item.title, summaries[i]) for i in group)
    ranked = sorted(items, key=lambda i: -i.score)  # stable: ties keep date and input order
    default_issue = start.isocalendar()[1] if period == "week" else start.timetuple().tm_yday
    return Brief(
        title=config.title or ("每日要情" if period == "day" else "每周要情"),
        issue=str(config.issue if config.issue is not None else default_issue), unit=config.unit,
        period=period, start=start.isoformat(), end=end.isoformat(),
        highlights=tuple(ranked[:config.highlights]),
        sections=tuple(Section(name, tuple(found)) for name, found in grouped.items() if found),
        leaders=find_leaders(reports, config.roster), keywords=keywords,
        articles_read=articles_read, articles_used=len(summaries), closing=config.closing,
    )
