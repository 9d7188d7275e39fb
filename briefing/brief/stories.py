"""One story, one item: when two articles report the same story (same or extended headline, a series,
a reaction, nearly the same text, the same figures), found among candidate pairs, never all pairs."""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..models import Article, ArticleSummary
from .dedup import components, shared_runs, similar_pairs
from .items import display_title, is_roundup

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
