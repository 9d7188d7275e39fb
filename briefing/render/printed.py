"""What prints: the brief after a review, its parts in order with their numbers, and the lines both
renderers share (来源, 附, 领导活动, the counts).

Markdown and Word both start from `as_printed(brief)` and walk `outline(...)`, so a draft, its preview
and the file `briefing brief` writes come from one function on one model: the same 本期要点 lines, the
same section numbers, the same order.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..brief.cn import cn_date, cn_number, full_width
from ..models import Brief, BriefItem, Leader
from ..brief.sources import printed_source

HIGHLIGHTS, SECTION, LEADERS, KEYWORDS, MORE = "highlights", "section", "leaders", "keywords", "more"


@dataclass(frozen=True)
class Part:
    """One printed part: its kind, its heading as printed (一、外事活动), and what it holds."""

    kind: str
    heading: str
    body: Any


def as_printed(brief: Brief) -> Brief:
    """The brief as printed after a review: 领导活动 of removed items and emptied sections left out,
    the footer's counts recounted so that they still add up, and 来源 under the names a brief prints
    (sources.printed_name: 新闻联播 for the transcript's English name; never a stray file's name).

    An activity names its item by title; it is kept while an item in `sections` or `more` has that
    title or cites an article of that headline, so retitling an item does not lose its activities.
    本期要点 lines print as the draft has them (`live_highlights` skips those of removed items).
    """
    present = {t for item in (*brief.items(), *brief.more) for t in (item.title, *(s.title for s in item.sources))}
    leaders = []
    for leader in brief.leaders:
        kept = tuple(a for a in leader.activities if a.item in present)
        if kept:
            leaders.append(dataclasses.replace(leader, activities=kept))
    counts = dataclasses.replace(brief.counts, shown=len(brief.items()), listed=len(brief.more))
    sections = tuple(dataclasses.replace(section, items=tuple(map(_named, section.items)))
                     for section in brief.sections if section.items)  # all its items moved or dropped
    return dataclasses.replace(brief, sections=sections, more=tuple(map(_named, brief.more)),
                               leaders=tuple(leaders), counts=counts)


def _named(item: BriefItem) -> BriefItem:
    """The item citing its sources by the names a brief prints (新闻联播, not the transcript's English name)."""
    sources = tuple(map(printed_source, item.sources))
    return item if sources == item.sources else dataclasses.replace(item, sources=sources)


def live_highlights(brief: Brief) -> list[dict[str, Any]]:
    """本期要点 whose item is still printed in full (a reviewer may have removed it), with that item."""
    items = {item.key: item for item in brief.items()}
    return [{"item": items[h.item], "text": h.text} for h in brief.highlights if h.item in items]


def outline(brief: Brief) -> list[Part]:
    """The printed parts in order: 本期要点, the sections numbered 一、二、…, 领导活动, 本期关键词, and
    附：本期其他报道 last; only the sections take numbers. Empty parts are left out."""
    parts = []
    highlights = live_highlights(brief)
    if highlights:
        parts.append(Part(HIGHLIGHTS, "本期要点", highlights))
    sections = [section for section in brief.sections if section.items]
    parts += [Part(SECTION, f"{cn_number(n)}、{section.name}", section) for n, section in enumerate(sections, 1)]
    if brief.leaders:
        parts.append(Part(LEADERS, "领导活动", brief.leaders))
    if brief.keywords:
        parts.append(Part(KEYWORDS, "本期关键词", brief.keywords))
    if brief.more:
        shared = common_source(brief)
        parts.append(Part(MORE, "附：本期其他报道" + (f"（来源：{shared}）" if shared else ""), brief.more))
    return parts


def common_source(brief: Brief) -> str:
    """The one 来源 every article of the brief shares (then 附 need not repeat it), else an empty string."""
    names = {s.source for item in (*brief.items(), *brief.more) for s in item.sources}
    return names.pop() if len(names) == 1 else ""


def sources_line(item: BriefItem) -> str:
    """（来源：paper page，4月21日）, or （来源：paper，4月21日、22日，共3篇）: a story's reports counted per
    source, not each cited (the draft keeps every one)."""
    by_source: dict[str, list[str]] = {}
    for source in item.sources:
        by_source.setdefault(full_width(source.source), []).append(cn_date(source.date))
    cited = []
    for name, dates in by_source.items():
        days = "、".join(d for d in dict.fromkeys(dates) if d)
        cited.append("，".join(part for part in (name, days, f"共{len(dates)}篇" if len(dates) > 1 else "") if part))
    return f"（来源：{'；'.join(cited)}）" if cited else ""


def cited_line(item: BriefItem) -> str:
    """Every report of a story, as the Markdown lists them: 本报（5月14日）《title》；… — reports of one source
    under one title collapse into one entry with their dates (本报（5月14日、5月15日）); the title is given
    only when the story has more than one report."""
    by_report: dict[tuple[str, str], list[str]] = {}
    for source in item.sources:
        by_report.setdefault((full_width(source.source), full_width(source.title)), []).append(cn_date(source.date))
    several = len(item.sources) > 1
    cited = []
    for (name, title), dates in by_report.items():
        days = "、".join(d for d in dict.fromkeys(dates) if d)
        cited.append(name + (f"（{days}）" if days else "") + (f"《{title}》" if several else ""))
    return "；".join(cited)


def listed_line(item: BriefItem, shared: str = "") -> str:
    """One entry of 附：本期其他报道: title（4月21日，paper page）; the source left out when all share it."""
    where = "" if shared else "；".join(dict.fromkeys(full_width(s.source) for s in item.sources))
    parts = [part for part in (cn_date(item.date), where) if part]
    return full_width(item.title) + (f"（{'，'.join(parts)}）" if parts else "")


def more_line(brief: Brief) -> str:
    """附：本期其他报道 as one run-in paragraph (1．title（date）；2．…。): looked up, not read."""
    shared = common_source(brief)
    return "；".join(f"{n}．{listed_line(item, shared)}" for n, item in enumerate(brief.more, 1)) + "。"


def leader_line(leader: Leader) -> str:
    """区委书记周明远：5月13日调研重点项目；5月16日带队赴苏州、杭州开展招商考察。 A day's date is printed
    once, before its first act (11月4日会见塞尔维亚总理马楚特；会见格鲁吉亚总理科巴希泽)."""
    days = [a.date for a in leader.activities]
    done = "；".join(f"{cn_date(a.date) if n == 0 or a.date != days[n - 1] else ''}{full_width(a.text)}"
                    for n, a in enumerate(leader.activities))
    return f"{full_width(leader.title)}{full_width(leader.name)}：{done}。"


def highlight_line(n: int, highlight: dict[str, Any]) -> str:
    """1．headline。the line — the item's title, then its 要点 sentence."""
    return f"{n}．{full_width(highlight['item'].title)}。{full_width(highlight['text'])}"


def rule_line(brief: Brief) -> str:
    """（选编说明：…。）under 本期要点, or empty when the draft has no rule or switches the note off."""
    return f"（选编说明：{full_width(brief.rule).rstrip('。')}。）" if brief.rule and brief.print_rule else ""


def counts_line(brief: Brief, spaced: bool = False) -> str:
    """The footer's count of what became of the period's articles (empty when switched off). Every article
    read is in one of its parts, so they add up to the total; items a reviewer took out are counted as such.
    `spaced` sets the numbers apart with spaces, as the Markdown prints them."""
    if not brief.print_counts:
        return ""
    c = brief.counts
    removed = c.read - c.shown - c.listed - c.merged - c.dropped - c.omitted
    n = (lambda value: f" {value} ") if spaced else str
    text = f"本期阅读稿件{n(c.read)}篇：全文编发{n(c.shown)}条"
    text += f"，列目{n(c.listed)}条" if c.listed else ""
    text += f"，合并重复报道{n(c.merged)}篇" if c.merged else ""
    text += f"，剔除非新闻稿件{n(c.dropped)}篇" if c.dropped else ""
    text += f"，每日综述不列{n(c.omitted)}篇" if c.omitted else ""
    text += f"，审校删去{n(removed)}条" if removed > 0 else ""
    return text + "。"


def missing_closing(brief: Brief) -> str:
    """One warning line when the brief has no 版记 (报/送/发) or no issuing unit, else an empty string."""
    missing = [what for what, present in (("版记 (closing = [\"报：…\", \"送：…\"])", brief.closing),
                                          ("编印单位 (unit = \"…\")", brief.unit)) if not present]
    if not missing:
        return ""
    return f"the brief has no {' and no '.join(missing)}; set them in briefing.toml (or in the draft)"
