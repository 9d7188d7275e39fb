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
    """Where a brief item came from: a page (file) and the date of the article."""

    path: str
    date: str | None
    title: str


@dataclass(frozen=True)
class BriefItem:
    """One event in a brief: merged from one or more articles (near-duplicates cite all)."""

    title: str
    summary: tuple[str, ...]
    figures: tuple[str, ...]
    people: tuple[Person, ...]
    keywords: tuple[str, ...]
    date: str | None
    sources: tuple[Source, ...]
    score: float = 0.0


@dataclass(frozen=True)
class Section:
    name: str
    items: tuple[BriefItem, ...]


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
class Brief:
    """A leadership brief for one period (每日要情 / 每周要情 / 工作简报)."""

    title: str
    issue: str
    unit: str
    period: str  # "day" or "week"
    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD
    highlights: tuple[BriefItem, ...]
    sections: tuple[Section, ...]
    leaders: tuple[Leader, ...]
    keywords: tuple[Keyword, ...]
    articles_read: int
    articles_used: int
    closing: tuple[str, ...] = ()  # 报/送/发 lines from the configuration
