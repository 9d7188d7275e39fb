"""The vocabulary of briefing: a few frozen dataclasses passed between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Byline:
    """Who wrote an article: reporters (记者) and correspondents (通讯员)."""

    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article as read from a page: display text, original punctuation kept."""

    title: str
    paragraphs: tuple[str, ...]
    subtitle: str | None = None
    byline: Byline = Byline()
    date: str | None = None
    source: str = "-"
    id: str | None = None
    index: int = 0
    pretitle: str | None = None  # 引题, the line printed above the headline
    paper: str | None = None  # the paper's name, when the input gives it
    page: str | None = None  # 版次 such as "03", when the input gives it

    @property
    def text(self) -> str:
        """The body as one string, paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Keyword:
    word: str
    weight: float


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleSummary:
    """An article with what the analysis found in it."""

    article: Article
    keywords: tuple[Keyword, ...]
    keyphrases: tuple[str, ...]
    summary: tuple[str, ...]
    entities: Entities = Entities()
    candidates: tuple[str, ...] = ()  # the article's sentences ranked best first (the summary is chosen from them)


#: The names Options.engine and Options.backend take; engines.ENGINES holds what each engine does.
ENGINE_NAMES = ("builtin", "textrank4zh")
BACKEND_NAMES = ("rjieba", "jieba")


@dataclass(frozen=True)
class Options:
    """Every knob of the analysis, in one place, checked once when built; the CLI fills it from flags."""

    sentences: int = 3
    keywords: int = 10
    max_chars: int | None = None
    engine: str = "builtin"
    backend: str = "rjieba"
    user_dict: str | None = None
    window: int = 2
    extra_stopwords: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        from .errors import OptionsError

        for name, low, high in (("sentences", 1, 1000), ("keywords", 1, 10_000), ("window", 1, 20)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise OptionsError(f"Options({name}={value!r}): give a whole number from {low} to {high}")
        if self.max_chars is not None and (not isinstance(self.max_chars, int) or isinstance(self.max_chars, bool)
                                           or self.max_chars < 1):
            raise OptionsError(f"Options(max_chars={self.max_chars!r}): give a whole number of characters, or None")
        if self.engine not in ENGINE_NAMES:
            raise OptionsError(f"Options(engine={self.engine!r}): choose one of {', '.join(ENGINE_NAMES)}")
        if self.backend not in BACKEND_NAMES:
            raise OptionsError(f"Options(backend={self.backend!r}): choose one of {', '.join(BACKEND_NAMES)}")
        if self.user_dict is not None and not isinstance(self.user_dict, str):
            raise OptionsError(f"Options(user_dict={self.user_dict!r}): give the dictionary's path as a string")
        if not isinstance(self.extra_stopwords, frozenset):
            object.__setattr__(self, "extra_stopwords", frozenset(self.extra_stopwords))


@dataclass(frozen=True)
class Source:
    """One article a brief item cites: where it was printed (paper and page, never a path or hash) and when."""

    source: str  # a display name: 青溪日报 第03版, xwlb_dated, 2024-05-14
    id: str | None  # the record's id when the input had one
    date: str | None  # the publication date, YYYY-MM-DD
    title: str
    paper: str | None = None
    page: str | None = None
    text: tuple[str, ...] = ()  # the article's paragraphs as read and cleaned, for a reviewer to check against


@dataclass(frozen=True)
class BriefItem:
    """One story in a brief: merged from every article that reports it (each one cited)."""

    title: str
    summary: tuple[str, ...]
    date: str | None  # the event's date when the text states it, else the publication date
    figures: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    sources: tuple[Source, ...] = ()
    candidates: tuple[str, ...] = ()  # the lead article's sentences, best first, for a reviewer to pick from
    key: str = ""  # unique within a brief; highlights refer to items by it
    section: str = ""  # the section the item was sorted into (for a listed item: where it would go)
    score: float = 0.0  # the selection score (higher is more important)
    tier: int = 0  # 1 leads the brief, 2 in full, 3 may be listed, 4 left out of the items in full; 0 unrated


@dataclass(frozen=True)
class Section:
    name: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True)
class Highlight:
    """One line of 本期要点: the item it points to (by key) and the line's own text."""

    item: str
    text: str


@dataclass(frozen=True)
class Counts:
    """What became of the period's articles: each one read is cited by an item (in full or listed) or dropped."""

    read: int = 0  # articles dated in the period
    shown: int = 0  # items printed in full
    listed: int = 0  # items listed by title in 附：本期其他报道
    merged: int = 0  # articles folded into another article's item (the same story)
    dropped: int = 0  # records that are not news (navigation, script, boilerplate)
    omitted: int = 0  # daily roundups (联播快讯) left out by the `roundups` setting, each named in left_out
    inputs: int = 0  # articles read from the inputs, any date


@dataclass(frozen=True)
class Activity:
    """One thing a leader did in the period: when, a short phrase of what, and the item it is from."""

    date: str | None
    text: str  # 会见塞尔维亚总理; 带队赴苏州、杭州开展招商考察
    item: str  # the title of the brief item that reports it


@dataclass(frozen=True)
class Leader:
    """A Chinese official named in the period, with the fullest title the text gives and a protocol rank."""

    name: str
    title: str
    rank: int  # smaller ranks first (protocol order)
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class LeftOut:
    """A record of the period that the brief leaves out, named so that nothing vanishes without a trace."""

    title: str
    id: str | None
    source: str
    date: str | None
    reason: str  # why, in the brief's words


@dataclass(frozen=True)
class WatchHit:
    """An article that names a watched word (涉我报道): where and when it was printed, and the sentence naming it."""

    title: str
    paper: str  # the paper's name as 来源 gives it without the page (本报 when the input names none)
    page: str | None  # 版次 such as "03"
    date: str | None  # the publication date, YYYY-MM-DD
    sentence: str  # the first sentence naming it (the headline when only the headline does)
    marks: tuple[tuple[int, int], ...]  # each mention in the sentence as [start, end): sentence[start:end]
    words: tuple[str, ...]  # the watch entries it names, by their first word, in the configuration's order
    id: str | None = None  # the input record's id


@dataclass(frozen=True)
class Brief:
    """A leadership brief for one period (每日要情 / 每周要情 / 月度要情 …); also the draft a reviewer edits."""

    title: str
    issue: str  # 第N期
    unit: str  # the issuing office
    period: str  # day, week, month, quarter or year
    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD
    editor_note: str = ""  # 编者按
    highlights: tuple[Highlight, ...] = ()
    sections: tuple[Section, ...] = ()
    more: tuple[BriefItem, ...] = ()  # 附：本期其他报道, listed by title, date and source
    leaders: tuple[Leader, ...] = ()
    keywords: tuple[str, ...] = ()
    counts: Counts = Counts()
    total_issue: str = ""  # 总第N期
    date: str = ""  # 印发日期 YYYY-MM-DD; empty: the period's end
    classification: str = ""  # 密级 or handling line, e.g. 内部资料 注意保存
    closing: tuple[str, ...] = ()  # 版记 lines: 报：… 送：… 发：…
    copies: int | None = None  # 印发份数
    rule: str = ""  # the stated rule by which items were chosen (printed under 本期要点)
    leaders_rule: str = ""  # whom 领导活动 lists and by which table (printed under its heading)
    left_out: tuple[LeftOut, ...] = ()  # every record of the period that is in no item, and why
    dropped: tuple[Section, ...] = ()  # items a reviewer dropped, by their section, kept to restore; never printed
    print_rule: bool = True  # print the selection note (rule) under 本期要点
    print_counts: bool = True  # print the footer's counts line
    issue_set: bool = False  # 第N期 was set by hand (the review page, or the JSON): publishing keeps it
    watch: tuple[WatchHit, ...] = ()  # 涉我报道: every article of the period naming a watched word

    def items(self) -> tuple[BriefItem, ...]:
        """Every item printed in full, in section order."""
        return tuple(item for section in self.sections for item in section.items)
