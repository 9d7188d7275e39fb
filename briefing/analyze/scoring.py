"""Per-article analysis: sentences and tokens in, keywords, keyphrases and key sentences out.

Sentences: TextRank centrality with a news prior (the lead, the title) as the personalization of
the same PageRank, times a length factor; MMR removes redundancy. Keywords: TextRank blended with
jieba's IDF table, title words and named-entity tags; keyphrases replace their parts.
"""
from __future__ import annotations

from collections import Counter
from itertools import chain, groupby, repeat
from operator import itemgetter

import numpy as np

from . import kernels, textrank
from .analysis import KEYWORD_TAGS, Analysed, analyse_text
from ..models import Article, ArticleSummary, Keyword, Options
from .segment import Segmenter, get_segmenter, stopwords
from ..read.clean import is_furniture, not_alone, restates
from ..read.text import strip_opener

# --- sentence weights: tuned on ../shared/eval, one-sentence ROUGE-L F1, titles withheld, on the even rows of
# news_headlines.jsonl (0.458; Lead-1 0.407) and lcsts.jsonl (0.238), checked on their odd rows (0.449, 0.240)
# and on xwlb_dated.jsonl (0.431; Lead-1 0.410).
SENTENCE_DAMPING = 0.5  # weight of centrality against the prior: 0.85 (plain TextRank) loses to Lead-1 by 0.17
#: (lead decay, recurrence exponent, length exponent). The prior of the i-th sentence is ∝ (i + 1) ** -decay
#: × recurrence ** exponent, and the score is divided by len ** length exponent. News puts the point
#: first; a short post (Weibo's 140 characters) does not, and its point is the sentence its others echo.
NEWS = (2.0, 0.5, 0.3)
SHORT_POST = (1.0, 2.0, 0.6)
SHORT_POST_CHARS = 120
TITLE_WEIGHT = 2.0  # prior × (1 + TITLE_WEIGHT × share of title words in the sentence); untuned (eval withholds titles)
CENTROID_EXPONENT = 1.0  # prior × centroid similarity ** CENTROID_EXPONENT: the sentence that carries the topic words
MIN_CHARS = 8  # sentences shorter than this are fragments (a stray sub-heading, "图为…")
MMR_LAMBDA = 0.7  # relevance against redundancy for the 2nd+ sentence; untuned (the eval sets are one-sentence)
CANDIDATES = 8  # ranked sentences kept per article for a reviewer to choose from (brief.json `candidates`)

# --- keyword weights: tuned on keywords_news.jsonl, recall@10 0.730 on the even rows, checked on the odd rows (0.719)
# (through `briefing eval`); the weights below were re-swept after numeral-tagged names, Latin model names, split
# one-character pieces and kept names were added (0.676 / 0.668 before), and none moved both halves up by more than a row.
# Before keyphrases were added: 0.594 / 0.480 (and 0.557 / 0.467 with IDF off as well).
IDF_EXPONENT = 1.0  # score = TextRank × idf ** IDF_EXPONENT
TITLE_BONUS = 2.0  # × (1 + TITLE_BONUS) for words of the title
NAME_BONUS = 0.5  # × (1 + NAME_BONUS) for names of people, places and organisations (nr, ns, nt, nz)
PHRASE_MAX = 3  # words in a keyphrase
PHRASE_CHARS = 12  # longer runs are clauses, not names
#: a part that occurs only inside the phrase is merged into it (0.7: recall@10 0.64 vs 0.68), unless it is a
#: name (NAME_TAGS), which stays a keyword of its own: apex of apex英雄 (recall@10 on the halves 0.730 / 0.719;
#: merging names too: 0.721 / 0.715; never merging: 0.718 / 0.710)
PHRASE_MERGE = 1.0
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", "eng"})


Views = list[tuple[tuple[str, ...], tuple[str, ...]]]


def segment_views(analysed: Analysed) -> Views:
    """(token-view words, POS flags) of each title and paragraph."""
    return [(views, tuple(map(itemgetter(1), tagged))) for views, (_, tagged) in zip(analysed.views, analysed.segments)]


def _first_flags(views: Views) -> dict[str, str]:
    """POS flag of each token-view word of the article at its first use."""
    words = list(chain.from_iterable(ws for ws, _ in views))
    flags = list(chain.from_iterable(fs for _, fs in views))
    return dict(zip(reversed(words), reversed(flags)))  # the first use is written last


def _title_words(views: Views, article: Article | None) -> set[str]:
    """The candidate words of the article's title and subtitle."""
    headings = sum(1 for h in (article.title, article.subtitle) if h) if article else 0
    return {w for ws, fs in views[:headings] for w, f in zip(ws, fs) if len(w) >= 2 and f in KEYWORD_TAGS}


def _word_scores(analysed: Analysed, window: int, flags: dict[str, str], title: set[str]) -> dict[str, float]:
    """TextRank of each candidate word times its IDF, title and name boosts."""
    words = list(dict.fromkeys(chain.from_iterable(analysed.candidates)))  # in order of first use
    if not words:
        return {}
    n = len(words)
    node = np.full(len(analysed.vocabulary), -1, np.int64)
    ids = np.fromiter(map(analysed.vocabulary.__getitem__, words), np.int64, n)
    node[ids] = np.arange(n)
    # other tokens are not in the vocabulary: they count for distance but are never nodes
    scores = textrank.pagerank(textrank.cooccurrence_graph_ids(node[analysed.ids], analysed.lengths, n, window))
    # numpy multiplies in the same order as the scalar formula did: the same doubles, one call per factor
    scores = (scores * analysed.idf[ids] ** IDF_EXPONENT
              * (1 + TITLE_BONUS * np.fromiter(map(title.__contains__, words), bool, n))
              * (1 + NAME_BONUS * np.fromiter(map(NAME_TAGS.__contains__, map(flags.get, words, repeat(""))), bool, n)))
    return dict(zip(words, scores.tolist()))


def _phrase_counts(analysed: Analysed) -> Counter[tuple[str, ...]]:
    """How often each recurring run of 2 to PHRASE_MAX adjacent words occurs (title and body, token view).

    Runs of (word, flag) integers are counted by a kernel, which knows where each integer may stand.
    """
    pairs = analysed.phrase_pairs
    counts: Counter[tuple[str, ...]] = Counter()
    # only runs of words that may stand where they stand (analysis._phrase_role): no punctuation,
    # no stop word first or inside (dropping runs with one inside left keywords_news recall@10 at 0.674),
    # no particle first or last
    for keys, count in kernels.count_runs(analysed.phrase_keys, PHRASE_MAX, 2, analysed.phrase_roles):
        counts[tuple(pairs[key][0] for key in keys)] += count
    return counts


def _part_scores(parts: tuple[str, ...], glued: list[bool], scores: dict[str, float],
                 stop: frozenset[str]) -> list[float]:
    """The score of each part of a phrase. A one-character part found only inside the phrase is a piece of
    a word the segmenter split (姚 洪武, 欧 瑞康): it has no score of its own and counts as the phrase's
    best word (without this, recall@10 on the halves of keywords_news.jsonl: 0.712 / 0.710, not 0.730 / 0.719)."""
    best = max((scores[part] for part in parts if part in scores), default=0.0)
    return [scores.get(part, best if whole and len(part) == 1 and part not in stop else 0.0)
            for part, whole in zip(parts, glued)]


def rank_keywords(analysed: Analysed, k: int, window: int = 2, article: Article | None = None,
                  views: Views | None = None) -> list[Keyword]:
    """Words and keyphrases ranked by TextRank × IDF with title and name boosts; weights sum to 1.

    A phrase of adjacent words that recurs scores the sum of its parts times how often its parts
    occur inside it, and a part other than a name that never occurs outside the phrase is merged into it.
    """
    views = segment_views(analysed) if views is None else views
    flags = _first_flags(views)
    scores = _word_scores(analysed, window, flags, _title_words(views, article))
    if not scores:
        return []
    counts = _phrase_counts(analysed)
    singles = Counter(chain.from_iterable(words for words, _ in views))
    stop = stopwords()
    merged: set[str] = set()
    for parts, count in counts.items():
        if parts[-1] in stop or len("".join(parts)) > PHRASE_CHARS:
            continue
        # stop words (饿了么's 了) say nothing about whether the phrase is the usual form of its parts
        inside = count / max((singles[part] for part in parts if part not in stop), default=count)
        glued = [count >= PHRASE_MERGE * singles[part] for part in parts]  # the part occurs only in the phrase
        value = sum(_part_scores(parts, glued, scores, stop)) * inside
        if value > 0:
            phrase = "".join(parts)
            scores[phrase] = max(scores.get(phrase, 0.0), value)
            merged.update(part for part, whole in zip(parts, glued) if whole and flags.get(part) not in NAME_TAGS)
    words = [w for w in scores if w not in merged]
    values = np.array([scores[w] for w in words])
    values = values / values.sum()
    return [Keyword(words[i], round(float(values[i]), 6)) for i in textrank.rank(values, k)]


def keyphrases(analysed: Analysed, keywords: list[Keyword], paragraphs: int, top: int = 12) -> list[str]:
    """Runs of adjacent top keywords that occur at least twice in the body, the last `paragraphs`
    segments (textrank4zh's idea)."""
    best = {k.word for k in keywords[:top]}
    view = None  # the body's token view, made only when a run needs counting
    phrases: list[str] = []
    checked: set[str] = set()  # each run counted once: a long text repeats its runs thousands of times
    for words in analysed.tokens:
        if sum(map(best.__contains__, words)) < 2:  # no run of two here: most sentences, skipped in C
            continue
        for is_best, group in groupby(words, best.__contains__):
            run = list(group) if is_best else []
            phrase = "".join(run)
            if len(run) > 1 and phrase not in checked:
                checked.add(phrase)
                # the words' views end to end: NFKC of the whole text cost 1M instructions an article
                view = "\n".join(map("".join, analysed.views[len(analysed.views) - paragraphs:])) if view is None else view
                if view.count(phrase) >= 2:
                    phrases.append(phrase)
    return phrases


def title_similarity(tokens: tuple[tuple[str, ...], ...], title: set[str]) -> np.ndarray:
    """Share of the title's words that each sentence contains (0 when there is no title)."""
    if not title:
        return np.zeros(len(tokens))
    return np.array([len(title.intersection(words)) / len(title) for words in tokens])


def centroid_similarity(analysed: Analysed) -> np.ndarray:
    """Cosine of each sentence's IDF-weighted word set with the article's TF-IDF vector (Radev's centroid).

    Sums over (sentence, word) pairs with bincount, so memory grows with the text, not sentences × vocabulary.
    """
    n, size = len(analysed.lengths), len(analysed.vocabulary)
    if not size:
        return np.zeros(n)
    weights = analysed.idf
    centroid = np.bincount(analysed.ids, minlength=size) * weights  # ids follow first use, as a Counter's keys did
    rows = np.repeat(np.arange(n, dtype=np.int64), analysed.lengths)
    pairs = textrank.distinct(rows * size + analysed.ids)  # (sentence, word) pairs, each once
    rows, cols = pairs // size, pairs % size
    dots = np.bincount(rows, weights[cols] * centroid[cols], minlength=n)
    norms = np.sqrt(np.bincount(rows, weights[cols] ** 2, minlength=n)) * np.linalg.norm(centroid)
    return np.divide(dots, norms, out=np.zeros(n), where=norms > 0)


def recurrence(sentences: tuple[str, ...]) -> np.ndarray:
    """Share of each sentence's character bigrams that recur in another sentence: how much it is about the topic."""
    return np.array(kernels.recurrence(sentences))


def sentence_scores(analysed: Analysed, title: set[str] = frozenset(), headlines: tuple[str, ...] = ()) -> np.ndarray:
    """News-aware sentence scores: PageRank personalised by lead position, topic and title, over a length factor.

    Site furniture and restatements of a headline score 0: they are never candidates."""
    n = len(analysed.sentences)
    if n == 0:
        return np.zeros(0)
    lengths = np.array([len(s) for s in analysed.sentences], dtype=float)
    decay, focus, length_exponent = SHORT_POST if lengths.sum() < SHORT_POST_CHARS else NEWS
    prior = ((np.arange(n) + 1.0) ** -decay
             * (1 + TITLE_WEIGHT * title_similarity(analysed.tokens, title))
             * (1e-3 + centroid_similarity(analysed)) ** CENTROID_EXPONENT
             * (1e-2 + recurrence(analysed.sentences)) ** focus)
    graph = textrank.sentence_graph_ids(analysed.ids, analysed.lengths, len(analysed.vocabulary))
    scores = textrank.pagerank(graph, damping=SENTENCE_DAMPING, personalization=prior)
    scores = scores / np.maximum(lengths, 1.0) ** length_exponent
    scores = np.where(lengths < MIN_CHARS, scores * 1e-3, scores)
    excluded = np.array([is_furniture(s) or not_alone(s) or _restates(s, headlines) for s in analysed.sentences])
    return np.where(excluded, 0.0, scores)


def _restates(sentence: str, headlines: tuple[str, ...]) -> bool:
    """Whether a sentence only restates a headline, also once its opener (当地时间7日，) is cut for display."""
    if not headlines:
        return False
    shown = strip_opener(sentence)
    return any(restates(sentence, h) or restates(shown, h) for h in headlines)


def _overlap(sa: set[str], sb: set[str]) -> float:
    """Share of the shorter sentence's distinct words that the other contains."""
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def select(scores: np.ndarray, sentences: tuple[str, ...], n: int, max_chars: int | None = None,
           tokens: tuple[tuple[str, ...], ...] | None = None) -> list[str]:
    """Up to n sentences by MMR within a character budget, in document order; ties to the earlier one."""
    if len(scores) == 0 or n <= 0:
        return []
    relevance = scores / scores.max() if scores.max() > 0 else scores
    chosen: list[int] = []
    used = 0
    candidates = [i for i in textrank.rank(relevance, len(relevance)) if relevance[i] > 0]  # 0: never a candidate
    distinct = [set(words) for words in tokens] if tokens else []  # once, not once a comparison
    values = relevance.tolist()  # Python floats: the same doubles, without a numpy scalar per look-up
    redundancy = [0.0] * len(values)  # the largest overlap with a chosen sentence, updated as they are chosen
    while len(chosen) < n:
        best, best_value = None, -np.inf
        for i in candidates:
            if i in chosen or (max_chars is not None and used + len(sentences[i]) > max_chars):
                continue
            if not chosen:  # the first sentence: relevance alone
                value = values[i]
            else:
                value = MMR_LAMBDA * values[i] - (1 - MMR_LAMBDA) * redundancy[i]
            if value > best_value + 1e-12:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        used += len(sentences[best])
        if tokens and len(chosen) < n:
            picked = distinct[best]
            redundancy = [max(r, _overlap(d, picked)) for r, d in zip(redundancy, distinct)]
    if not chosen and max_chars is not None and candidates:  # nothing fits: cut the best sentence to the budget
        best = candidates[0]
        return [sentences[best][:max(max_chars - 1, 1)] + "…"]
    return [sentences[i] for i in sorted(chosen)]


def summarize_article(article: Article, options: Options = Options(),
                      segmenter: Segmenter | None = None) -> ArticleSummary:
    """Keywords, keyphrases, key sentences and entities of one article."""
    from .entities import extract_entities

    segmenter = segmenter or get_segmenter(options.backend, options.user_dict)
    analysed = analyse_text(article, segmenter, options.extra_stopwords)
    views = segment_views(analysed)
    keywords = rank_keywords(analysed, options.keywords, options.window, article, views)
    title = _title_words(views, article)
    scores = sentence_scores(analysed, title, tuple(filter(None, (article.title, article.subtitle))))
    # openers (11月4日上午，) go only from the chosen sentences: dates and entities still see them
    summary = [strip_opener(s) for s in select(scores, analysed.sentences, options.sentences,
                                                options.max_chars, analysed.tokens)]
    return ArticleSummary(
        article=article,
        keywords=tuple(keywords),
        keyphrases=tuple(keyphrases(analysed, keywords, len(article.paragraphs))),
        summary=tuple(summary),
        entities=extract_entities(analysed.segments),
        candidates=tuple(strip_opener(analysed.sentences[i]) for i in textrank.rank(scores, CANDIDATES)
                         if scores[i] > 0),
    )
