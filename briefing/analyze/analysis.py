"""Article -> sentences and token views: the segmenter's output cut into what the rankers need."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, chain, count
from operator import itemgetter

import numpy as np

from .idf import idf_table
from .kernels import FIRST, INSIDE, LAST
from ..models import Article
from .segment import Segmenter, stopwords
from ..read.text import sentence_spans, strip_lead, strip_subheading, token_view

#: POS tags that may become keywords: nouns, names, places, organisations, verbs, idioms.
KEYWORD_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "v", "j", "l", "i", "an", "eng"})
#: Numeral, classifier and time tags, which the tagger gives names it does not know (红米/q, 两会/m, 春晚/t):
#: such a word is a candidate when it is no quantity and rarer than this IDF (很多 4.9, 今日 5.0, 一艘 8.1, 两会 9.5).
#: On keywords_news.jsonl, recall@10 on the even (odd) rows: IDF 8.5 0.730 (0.719); 0: 0.733 (0.722), with 很多
#: and 今日 among the top 10; the tags left out: 0.713 (0.705).
MISTAGGED_TAGS = frozenset({"m", "q", "t"})
MISTAGGED_MIN_IDF = 8.5
#: Latin tokens with digits are model names (s10, note7, 5g, 50etf), except a number with a unit (8gb, 7nm, 4000mah)
_LETTER_RE = re.compile(r"[^\W\d_]")
_MEASURE_RE = re.compile(r"[\d.]+(?:[kmgt]?b|mah|[kmcn]?m|[kmg]?hz|k?w|mp|fps|ml|kg|mg)")
#: a quantity is numerals (or a demonstrative) with at most one classifier: 两百个, 三斤, 那艘, 数十年
_QUANTITY_LEAD = "〇零一二三四五六七八九十百千万亿两几数半第这那每各该此某"
_CLASSIFIERS = frozenset("个只件条张本位名家次回年月日天周岁元角分斤吨米里克升档艘包把台辆架部种类项批份场届期号层倍成万亿")
_WORD_RE = re.compile(r"\w")  # CJK ideographs are \w too; a [\u4e00-\u9fff] range costs 1.5 ms to compile
_NUMBER_RE = re.compile(r"^[\d.,%％·]+|[\d０-９]")
#: Tags a keyphrase may not start or end with: particles, prepositions, conjunctions, adverbs.
PHRASE_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "d", "r", "f"})
_PHRASE_PART = re.compile(r"[\w+\-.]+")  # CJK ideographs are \w (a [\u4e00-\u9fff] range: 1 ms to compile)

Tagged = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Analysed:
    """An article's sentences with their token views: the input of the rankers."""

    sentences: tuple[str, ...]  # display text, lead markers and run-in sub-headings removed
    tokens: tuple[tuple[str, ...], ...]  # words without stop words or punctuation (token view)
    candidates: tuple[tuple[str, ...], ...]  # words that may become keywords
    segments: tuple[tuple[str, Tagged], ...]  # (title or paragraph, its tagged words): for entities
    views: tuple[tuple[str, ...], ...]  # token view of every tagged word of each segment: for phrases
    #: each tagged word's (view, flag) as an integer, per segment, and the (view, flag) of each integer:
    #: runs of adjacent words are counted as tuples of integers, which hash much faster than tuples of pairs
    phrase_keys: tuple[tuple[int, ...], ...] = field(default=(), compare=False, repr=False)
    phrase_pairs: list[tuple[str, str]] = field(default_factory=list, compare=False, repr=False)
    phrase_roles: bytearray = field(default_factory=bytearray, compare=False, repr=False)  # FIRST|INSIDE|LAST by integer
    #: the same tokens as integers, so that the rankers count and compare arrays instead of hashing strings:
    vocabulary: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # token -> id, by first use
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64), compare=False, repr=False)  # all sentences'
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64), compare=False, repr=False)  # per sentence

    @cached_property
    def idf(self) -> np.ndarray:
        """IDF of each vocabulary word, by id: one look-up an article for keywords and centroid alike."""
        return idf_table().lookup(list(self.vocabulary))


def analyse_text(article: Article, segmenter: Segmenter, extra_stopwords: frozenset[str] = frozenset()) -> Analysed:
    """Segment each paragraph once, then cut the tagged words into sentences."""
    views = _views(extra_stopwords).for_next_article()
    sentences, tokens, candidates, segments, segment_views, phrase_keys = [], [], [], [], [], []
    for heading in filter(None, (article.title, article.subtitle)):
        tagged = tuple(segmenter.tag(heading))
        segments.append((heading, tagged))
        word_views, _, _, keys = zip(*map(views.__getitem__, tagged)) if tagged else ((), (), (), ())
        segment_views.append(word_views)
        phrase_keys.append(keys)
    for paragraph in article.paragraphs:
        tagged = tuple(segmenter.tag(paragraph))
        segments.append((paragraph, tagged))
        # one cache look-up a word, then slices per sentence
        word_views, kept, wanted, keys = zip(*map(views.__getitem__, tagged)) if tagged else ((), (), (), ())
        segment_views.append(word_views)
        phrase_keys.append(keys)
        for display, begin, end in _sentences_of(paragraph, tagged):
            sentences.append(display)
            tokens.append(tuple(filter(None, kept[begin:end])))
            candidates.append(tuple(filter(None, wanted[begin:end])))
    flat = list(chain.from_iterable(tokens))
    index = dict(zip(dict.fromkeys(flat), count()))  # the one string look-up a token; ids follow first use
    return Analysed(tuple(sentences), tuple(tokens), tuple(candidates), tuple(segments), tuple(segment_views),
                    tuple(phrase_keys), views.pairs, views.roles, index,
                    np.fromiter(map(index.__getitem__, flat), np.int64, len(flat)),
                    np.fromiter(map(len, tokens), np.int64, len(tokens)))


class _Views(dict):
    """(word, flag) -> (its token view, the view again if it is a token else "", and again if it may be a
    keyword else "", and the integer of (view, flag)). Punctuation and stop words are no tokens.

    A cache: news text repeats its words, so each pair is looked at once.
    """

    def __init__(self, stop: frozenset[str]) -> None:
        super().__init__()
        self.stop = stop
        self.pairs: list[tuple[str, str]] = []  # (view, flag) of each integer
        self.roles = bytearray()  # where each integer may stand in a keyphrase
        self.keys: dict[tuple[str, str], int] = {}
        self.word_views: dict[str, str] = {}  # a word's view whatever its flag

    def for_next_article(self) -> _Views:
        """The cache, emptied first when it has grown past its bound: memory must not grow with a stream
        of articles, and within an article every pair keeps one integer. An Analysed made earlier keeps
        the list of pairs it was made with."""
        if len(self) >= _VIEWS_MAX:
            self.clear()
            self.pairs, self.roles, self.keys, self.word_views = [], bytearray(), {}, {}
        return self

    def __missing__(self, pair: tuple[str, str]) -> tuple[str, str, str, int]:
        word, flag = pair
        view = self.word_views.get(word)
        if view is None:
            view = self.word_views[word] = token_view(word)
        token = view if view not in self.stop and _WORD_RE.search(word) else ""
        key = self.keys.get((view, flag))
        if key is None:
            key = self.keys[view, flag] = len(self.pairs)
            self.pairs.append((view, flag))
            self.roles.append(_phrase_role(view, flag))
        value = self[pair] = view, token, token if token and _is_candidate(token, flag) else "", key
        return value


_VIEWS_MAX = 200_000


@lru_cache(maxsize=8)
def _views(extra_stopwords: frozenset[str]) -> _Views:
    return _Views(stopwords() | extra_stopwords)


def _sentences_of(paragraph: str, tagged: Tagged):
    """(display sentence, first and end index of its tagged words) for each sentence of a paragraph that has words."""
    starts = list(accumulate(map(len, map(itemgetter(0), tagged)), initial=0))
    for start, end in sentence_spans(paragraph):
        raw = paragraph[start:end]
        display = strip_subheading(strip_lead(raw))
        if not _WORD_RE.search(display):
            continue
        begin = start + raw.rindex(display)
        yield display, bisect_left(starts, begin), bisect_left(starts, end)


def _phrase_role(view: str, flag: str) -> int:
    """Where a (view, flag) may stand in a keyphrase, as kernels' FIRST, INSIDE and LAST bits. Punctuation
    may stand nowhere; a stop word (the default list) not first or inside, as a run with one is a clause
    (杭州开展招商); a particle, preposition, conjunction or adverb not first or last."""
    if not (view.isalnum() or _PHRASE_PART.fullmatch(view)):
        return 0
    stop, particle = view in stopwords(), flag in PHRASE_STOP_TAGS
    return (FIRST if not (stop or particle) else 0) | (INSIDE if not stop else 0) | (LAST if not particle else 0)


def _is_quantity(word: str) -> bool:
    """Numerals or a demonstrative, then at most one classifier (三斤, 那艘), not a name (两会, 一千零一夜)."""
    rest = word.lstrip(_QUANTITY_LEAD)
    return len(rest) <= 1 and (not rest or rest in _CLASSIFIERS)


def _is_candidate(word: str, flag: str) -> bool:
    """Whether a token view may become a keyword: two characters or more, a keyword tag, no number.

    A Latin token with digits is a model or standard name (5g, s10, note7), unless it is a measure. A rare
    word tagged numeral, classifier or time that is no quantity is a name the tagger mistook (see MISTAGGED_TAGS).
    """
    if len(word) < 2:
        return False
    if flag == "eng":
        return _LETTER_RE.search(word) is not None and not _MEASURE_RE.fullmatch(word)
    if flag in MISTAGGED_TAGS:
        return not _NUMBER_RE.search(word) and not _is_quantity(word) and idf_table().get(word) >= MISTAGGED_MIN_IDF
    return flag in KEYWORD_TAGS and not _NUMBER_RE.search(word)
