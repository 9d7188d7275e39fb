"""涉我报道: the articles that name the office's watched words, each with the sentence that names them.

Pure functions over articles: the same articles and watch entries give the same hits in the same order.

A watched word is named where the segmenter (briefing.analyze.segment) cuts the text so that:
- the word's first character starts a word: 二七区 in 郑州市二七区 (郑州市|二七区) counts; 惠济 in 优惠济困
  (优惠|济困) and 上街 in 走上街头 (走上|街头) are inside other words and do not;
- and its last character ends a word, or starts the next one (二七区委书记 is cut 二七|区委书记: the 区委
  of 二七区), or lies inside a longer name that the word begins, a name by its tag (ns, nr, nt, nz) or
  by its last character (区, 路, 院 …): 二七区 in 二七区人民医院 and 金水 in 金水区 count; 高新 in
  高新技术 does not.
Names the segmenter does not know go in the user dictionary (`user_dict` in briefing.toml).
"""
from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..config import BriefConfig, WatchEntry
from ..models import Article, WatchHit
from ..read.text import sentence_spans, strip_lead
from .cn import full_width
from .items import display_title, source_name
from .periods import PeriodError, article_day, choose_period
from .select import prepare

Tagger = Callable[[str], list[tuple[str, str]]]
Span = tuple[int, int]
Token = tuple[int, int, str]  # start, end, POS tag
TITLE = "涉我报道"
#: Tags of names (place, person, organisation, other proper noun) in jieba's tag set.
_NAME_TAGS = ("ns", "nr", "nt", "nz")
#: The last character of a place's or a body's name (二七区, 文化路, 人民医院, 区委, 管委会 …).
_NAME_ENDS = frozenset("省市区县州盟旗镇乡村街路巷道园港湾桥站场馆院校局委办会厅处所部队团社")
#: A sentence longer than this is shown around its first mention, cut with …
SENTENCE_CHARS = 150


def default_tagger(user_dict: str | None = None) -> Tagger:
    """The segmenter the analysis uses (rjieba, with the office's user dictionary)."""
    from ..analyze.segment import get_segmenter

    return get_segmenter("rjieba", user_dict).tag


def token_spans(text: str, tag: Tagger) -> list[Token]:
    """(start, end, POS tag) of each word of the text, as the segmenter cuts it."""
    tokens, at = [], 0
    for word, flag in tag(text):
        start = at if text.startswith(word, at) else text.find(word, at)
        if start < 0:  # the segmenter changed the text: no boundary is known past here
            break
        tokens.append((start, start + len(word), flag))
        at = start + len(word)
    return tokens


def is_named(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word of the text, or heads a longer name (the module's rule)."""
    if not any(s == start for s, _, _ in tokens):
        return False  # its first character belongs to a word that began before it: inside another word
    if any(e == end for _, e, _ in tokens):
        return True
    s, e, tag = next((t for t in tokens if t[0] < end < t[1]), (start, end, ""))
    return s > start or tag.startswith(_NAME_TAGS) or text[e - 1] in _NAME_ENDS


def mentions(text: str, word: str, tag: Tagger) -> list[Span]:
    """Where `word` is named in `text`, in order; the text is segmented only when it holds the word."""
    found, tokens = [], None
    at = text.find(word)
    while at >= 0:
        tokens = tokens if tokens is not None else token_spans(text, tag)
        if is_named(text, tokens, at, at + len(word)):
            found.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return found


def merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans in order, overlapping ones joined (二七区 inside a watched 二七区人民医院 is one mark)."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def article_lines(article: Article) -> tuple[list[str], list[str]]:
    """The article's headlines (引题, title, 副题) and its body's sentences, in order."""
    heads = [h for h in (article.pretitle, article.title, article.subtitle) if h and h.strip()]
    sentences = [line[a:b] for paragraph in article.paragraphs for line in paragraph.splitlines()
                 for a, b in sentence_spans(line)]
    return heads, sentences


class _Finder:
    """Mentions of each word in each line of one article, each line segmented at most once."""

    def __init__(self, lines: Sequence[str], tag: Tagger) -> None:
        self.lines, self.tag = lines, functools.lru_cache(maxsize=None)(tag)
        self._found: dict[str, list[list[Span]]] = {}

    def spans(self, word: str) -> list[list[Span]]:
        """The mentions of `word` in each line."""
        if word not in self._found:
            self._found[word] = [mentions(line, word, self.tag) for line in self.lines]
        return self._found[word]

    def named(self, word: str) -> bool:
        """Whether the article names `word` anywhere."""
        return any(self.spans(word))


def matches(entry: WatchEntry, named: Callable[[str], bool]) -> bool:
    """An article names the entry: one of its words, every `must` word, and no `exclude` word."""
    return (any(named(w) for w in entry.words) and all(named(w) for w in entry.must)
            and not any(named(w) for w in entry.exclude))


def find_hit(article: Article, entries: Sequence[WatchEntry], tag: Tagger,
             papers: Sequence[tuple[str, str]] = ()) -> WatchHit | None:
    """The article's hit: the entries it names and its first body sentence naming one (else its headline)."""
    words = {w for e in entries for w in (*e.words, *e.must, *e.exclude)}
    text = "\n".join(h for h in (article.pretitle, article.title, article.subtitle) if h) + "\n" + article.text
    if not any(w in text for w in words):  # most articles: nothing to segment
        return None
    heads, sentences = article_lines(article)
    lines = sentences + heads  # a body sentence first: the headline is listed anyway
    finder = _Finder(lines, tag)
    named = [e for e in entries if matches(e, finder.named)]
    if not named:
        return None
    marked = {w for e in named for w in e.words}
    line = next(n for n in range(len(lines)) if any(finder.spans(w)[n] for w in marked))
    marks = merge(span for w in marked for span in finder.spans(w)[line])
    sentence, marks = clip(*without_lead(full_width(lines[line]), marks))
    return WatchHit(title=full_width(display_title(article)), paper=paper_name(article, papers), page=article.page,
                    date=article.date, sentence=sentence, marks=marks, words=tuple(e.name for e in named),
                    id=article.id)


def paper_name(article: Article, papers: Sequence[tuple[str, str]] = ()) -> str:
    """The paper as 来源 names it, without the page (本报 when the input names none)."""
    return full_width(source_name(dataclasses.replace(article, page=None), papers))


def without_lead(sentence: str, marks: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    """The sentence without its dateline (本报讯, 新华社郑州5月14日电) or byline, unless a mark is in it."""
    bare = strip_lead(sentence)
    at = sentence.find(bare) if bare else -1
    if at < 0 or not all(at <= a and b <= at + len(bare) for a, b in marks):
        return sentence, marks
    return bare, tuple((a - at, b - at) for a, b in marks)


def clip(sentence: str, marks: tuple[Span, ...], limit: int = SENTENCE_CHARS) -> tuple[str, tuple[Span, ...]]:
    """A long sentence cut to `limit` characters around its first mark, with … where it was cut."""
    if len(sentence) <= limit or not marks:
        return sentence, marks
    start = max(0, min(marks[0][0] - limit // 3, len(sentence) - limit))
    end = max(start + limit, marks[0][1])
    head, tail = ("…" if start > 0 else ""), ("…" if end < len(sentence) else "")
    shift = len(head) - start
    kept = tuple((a + shift, b + shift) for a, b in marks if a >= start and b <= end)
    return head + sentence[start:end] + tail, kept


def find_hits(articles: Iterable[Article], entries: Sequence[WatchEntry], tag: Tagger | None = None,
              papers: Sequence[tuple[str, str]] = (), user_dict: str | None = None) -> tuple[WatchHit, ...]:
    """Every article naming a watch entry, by date, paper, 版次 and place in the input (segmented by `tag`,
    else by the analysis' segmenter with `user_dict`)."""
    if not entries:
        return ()
    tag = tag or default_tagger(user_dict)
    found = []
    for n, article in enumerate(articles):
        hit = find_hit(article, entries, tag, papers)
        if hit is not None:
            found.append((hit.date or "", hit.paper, _page_order(hit.page), n, hit))
    return tuple(row[-1] for row in sorted(found, key=lambda row: row[:4]))


def _page_order(page: str | None) -> tuple[int, str]:
    digits = "".join(ch for ch in page or "" if ch.isdigit())
    return (int(digits) if digits else 0, page or "")


def paper_counts(hits: Iterable[WatchHit]) -> tuple[tuple[str, int], ...]:
    """How many hits each paper has, the most first (ties by name)."""
    counts = Counter(hit.paper for hit in hits)
    return tuple(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def describe(entry: WatchEntry) -> str:
    """An entry as the report states it: 樊惠林（同时提及二七区；不含退休）."""
    conditions = [f"同时提及{'、'.join(entry.must)}" if entry.must else "",
                  f"不含{'、'.join(entry.exclude)}" if entry.exclude else ""]
    said = "；".join(c for c in conditions if c)
    return "、".join(entry.words) + (f"（{said}）" if said else "")


@dataclass(frozen=True)
class WatchReport:
    """涉我报道 as a report of its own: the period, what was watched, every hit and the articles read."""

    title: str
    unit: str
    period: str
    start: str  # YYYY-MM-DD
    end: str
    watch: tuple[str, ...]  # each entry as described()
    hits: tuple[WatchHit, ...]
    read: int  # articles of the period read (navigation and script pages not counted)

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        """Hits per paper, the most first."""
        return paper_counts(self.hits)


def watch_report(articles: Iterable[Article], config: BriefConfig, period: str = "week", date: str | None = None,
                 week: str | None = None, tag: Tagger | None = None) -> WatchReport:
    """The report of one period (the one asked for, else the latest found); undated articles take `date`."""
    period = "week" if week else period
    articles = [a if a.date or not date else dataclasses.replace(a, date=date) for a in articles]
    start, end = choose_period((article_day(a) for a in articles), period, date, week)
    chosen = [a for a in articles if (day := article_day(a)) is not None and start <= day <= end]
    if not chosen and articles:
        days = sorted(d for d in map(article_day, articles) if d is not None)
        if days:
            raise PeriodError(f"no articles dated {start} … {end}; the inputs cover {days[0]} … {days[-1]}, "
                              "pick a --week or --date in that range")
    news = prepare(chosen).kept
    hits = find_hits(news, config.watch, tag, config.papers, config.user_dict)
    return WatchReport(title=TITLE, unit=config.unit, period=period, start=start.isoformat(), end=end.isoformat(),
                       watch=tuple(describe(e) for e in config.watch), hits=hits, read=len(news))
