"""build_brief: the brief of one period from its summaries (stories, sections, length, 本期要点, leaders, keywords)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from ..config import BriefConfig
from ..models import Article, ArticleSummary, Brief, BriefItem, Counts, Highlight, LeftOut, Section
from .items import cite, display_title, event_date, highlight_text, is_roundup, make_item, source_name
from .cn import cn_date, full_width
from .keywords import brief_keywords, period_keywords
from .leaders import leaders_of
from .periods import PERIOD_TITLES, default_issue
from .importance import rate
from .protocol import Level, Protocol, load_protocol
from .sections import OTHER, section_of, section_of_title
from .select import DEFAULT_LENGTH, SELECTION_RULE, choose, is_code_or_navigation
from .running import running_stories
from .stories import duplicate_groups
from .watch import find_hits

RANK_RULE = "按领导出席、头条位置、涉及金额、关键词集中度、多日或多源报道综合排序"
LEADERS_RULE = "按{level}简报列出{description}；职务、排序依据{date}领导人名单"
#: For a period before the table's date: its order still, the titles as the reports give them.
LEADERS_RULE_EARLIER = "按{level}简报列出{description}；排序依据{date}领导人名单，职务按当期报道"
LEVEL_NAMES = {"national": "全国", "province": "省级", "city": "市级", "district": "区县级"}


def build_brief(summaries: Sequence[ArticleSummary], config: BriefConfig, period: str,
                start: dt.date, end: dt.date, articles_read: int, dropped: Sequence[Article] = ()) -> Brief:
    """The brief of one period from the summaries of its news articles (junk already `dropped`)."""
    top = period_keywords(summaries, 50, config.stopwords)  # scaled by the first, so any prefix is the same
    lexicon = config.lexicon()
    weights = {k.word: k.weight for k in top}
    leads = lead_positions(summaries)
    grouped: dict[str, list[BriefItem]] = {name: [] for name, _ in lexicon} | {OTHER: []}
    reports, places = [], []  # (the title of the item, each article it is made of), and its place: for 领导活动
    protocol = load_protocol(config.protocol)
    national = [name for name, _ in protocol.leaders]  # in protocol order: the General Secretary first
    for group in running_stories(duplicate_groups(summaries), summaries, national):
        members = [summaries[i] for i in group]
        item = make_item(members, weights, config.sentences, config.stopwords, any(i in leads for i in group),
                         config.papers)
        name = section_of(min(members, key=_earliest), lexicon, national)
        grouped[name].append(dataclasses.replace(item, section=name))
        reports.extend((item.title, summaries[i]) for i in group)
        places.extend(group)
    titled, gone, headlines = _by_headline(dropped, lexicon, config.papers)
    titled, headlines, homes = _absorbed(titled, headlines, grouped)
    # a record whose body is page furniture still reports by its headline (张国清同…共同出席…会议)
    reports.extend((item.title, ArticleSummary(article, (), (), ())) for item, article in zip(titled, headlines))
    reports.extend((home, ArticleSummary(article, (), (), ())) for home, article in homes)
    places.extend(range(len(summaries), len(summaries) + len(titled) + len(homes)))
    level, leaders = leaders_of(reports, config.roster, protocol, config.level, (start, end), places)
    grouped = {name: [_rated(item, protocol, level) for item in items] for name, items in grouped.items()}
    grouped, omitted = _roundups(grouped, config.roundups)
    limit = config.length or DEFAULT_LENGTH[period]
    full, rest = choose(grouped, limit, config.section_lengths(), fill=limit // 3)  # tier 3 fills a thin period
    keyed = itertools.count(1)
    sections = tuple(Section(name, tuple(dataclasses.replace(i, key=str(next(keyed))) for i in items))
                     for name, items in full.items() if items)
    more = tuple(dataclasses.replace(i, key=str(next(keyed))) for i in rest)
    items = [item for section in sections for item in section.items]
    more = more + tuple(dataclasses.replace(i, key=str(next(keyed))) for i in titled)
    # 本期要点 are this period's events: an item dated days before it (a late report) is not one
    ranked = sorted((i for i in items if not i.date or i.date >= (start - dt.timedelta(days=1)).isoformat()),
                    key=lambda i: -i.score)  # stable: ties keep section order
    return Brief(
        title=config.title or PERIOD_TITLES[period],
        issue=str(config.issue if config.issue is not None else default_issue(start, period)), unit=config.unit,
        period=period, start=start.isoformat(), end=end.isoformat(),
        highlights=tuple(Highlight(i.key, highlight_text(i)) for i in ranked[:config.highlights]),
        sections=sections, more=more, leaders=leaders,
        keywords=brief_keywords(summaries, top) if config.keywords else (),
        counts=Counts(read=len(summaries) + len(dropped), shown=len(items), listed=len(more),
                      merged=len(summaries) - len(items) - len(more) + len(titled) - len(omitted) + len(homes),
                      dropped=len(gone), omitted=len(omitted), inputs=articles_read),
        left_out=gone + omitted,
        classification=config.classification, closing=config.closing, copies=config.copies,
        print_rule=config.selection_note, print_counts=config.counts_line,
        rule=SELECTION_RULE.format(limit=limit),
        leaders_rule=(LEADERS_RULE if end.isoformat() >= protocol.date else LEADERS_RULE_EARLIER).format(
            level=LEVEL_NAMES.get(level.name, level.name), description=level.description,
            date=cn_date(protocol.date, year=True)),
        watch=find_hits([s.article for s in summaries], config.watch, papers=config.papers, user_dict=config.user_dict),
    )


#: Why a record is left out, in the brief's words (the JSON's `left_out`).
NOT_NEWS = "非新闻稿件：正文为导航、脚本或网页框架"
#: A headline that names news (Chinese words, not a site's name or a navigation cell).
_NEWS_HEADLINE = re.compile(r"[\u4e00-\u9fff]{6}")


ROUNDUP_OMITTED = "每日综述（联播快讯等）：按设置不列入（roundups = \"list\" 逐日列目，\"merge\" 合为一条）"


def _roundups(grouped: dict[str, list[BriefItem]], how: str) -> tuple[dict[str, list[BriefItem]], tuple[LeftOut, ...]]:
    """A day's roundup (国内联播快讯) is no event: left out and named (omit), one line for the period
    (merge), or one line a day (list)."""
    if how == "list":
        return grouped, ()
    kept: dict[str, list[BriefItem]] = {}
    omitted: list[LeftOut] = []
    merged: dict[str, BriefItem] = {}
    for name, items in grouped.items():
        kept[name] = []
        for item in items:
            if not is_roundup(item.title):
                kept[name].append(item)
            elif how == "omit":
                omitted += [LeftOut(s.title, s.id, s.source, s.date, ROUNDUP_OMITTED) for s in item.sources]
            elif item.title in merged:
                first = merged[item.title]
                merged[item.title] = dataclasses.replace(first, sources=first.sources + item.sources)
            else:
                merged[item.title] = item
                kept[name].append(item)
    if merged:  # the merged roundup replaces its first day's item
        kept = {name: [merged.get(i.title, i) if is_roundup(i.title) else i for i in items]
                for name, items in kept.items()}
    return kept, tuple(omitted)


def _by_headline(dropped: Sequence[Article], lexicon, papers) -> tuple[list[BriefItem], tuple[LeftOut, ...],
                                                                     list[Article]]:
    """Records whose text is page furniture: listed by their headline when it is news (何立峰…视频通话),
    else named in the brief's `left_out` with the reason; and each listed one as an article of its
    headline alone (no furniture body), which 领导活动 reads."""
    titled, gone, headlines = [], [], []
    for article in dropped:
        title = display_title(article)
        if _NEWS_HEADLINE.search(title) and not is_code_or_navigation(title):
            titled.append(BriefItem(title=full_width(title), summary=(), date=event_date(article),
                                    sources=(cite(article, papers),), section=section_of_title(title, lexicon), tier=3))
            headlines.append(dataclasses.replace(article, paragraphs=(), subtitle=None, pretitle=None))
        else:
            gone.append(LeftOut(title, article.id, source_name(article, papers), article.date, NOT_NEWS))
    return titled, tuple(gone), headlines


def _absorbed(titled: list[BriefItem], headlines: list[Article], grouped: dict[str, list[BriefItem]]
              ) -> tuple[list[BriefItem], list[Article], list[tuple[str, Article]]]:
    """A record known by its headline alone that repeats an item's headline within a day (李强会见泰国国王
    and 李强会见泰国国王哇集拉隆功) is one more report of that item, not a second entry of 附: returns the
    records still listed, their articles, and (the item's title, article) of each one joined."""
    kept, articles, homes = [], [], []
    for item, article in zip(titled, headlines):
        home = next(((name, n) for name, items in grouped.items() for n, other in enumerate(items)
                     if _same_headline(item, other)), None)
        if home is None:
            kept.append(item)
            articles.append(article)
            continue
        name, n = home
        other = grouped[name][n]
        grouped[name][n] = dataclasses.replace(other, sources=other.sources + item.sources)
        homes.append((other.title, article))
    return kept, articles, homes


def _same_headline(one: BriefItem, two: BriefItem) -> bool:
    """One headline holds the other (six characters or more), and their dates lie at most a day apart."""
    a, b = (re.sub(r"\s+", "", item.title) for item in (one, two))
    if min(len(a), len(b)) < 6 or not (a in b or b in a):
        return False
    try:
        return abs((dt.date.fromisoformat(one.date or "") - dt.date.fromisoformat(two.date or "")).days) <= 1
    except ValueError:
        return False


def _rated(item: BriefItem, protocol: Protocol, level: Level) -> BriefItem:
    tier, score, _ = rate(item, protocol, level)
    return dataclasses.replace(item, tier=tier, score=score)


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
