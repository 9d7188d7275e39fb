"""Near-duplicate candidates: exactly the pairs an all-pairs comparison finds, and the same merges."""
import itertools
import math
from collections import Counter
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.api import expand_paths, read_articles
from briefing.brief.stories import _bigrams, _cosine, _tfidf, duplicate_groups, is_same_story
from briefing.brief.dedup import components, jaccard, prefix_length, similar_pairs
from briefing.models import Article, ArticleSummary, Entities
from briefing.analyze.scoring import summarize_article

from .helpers import SEEDS


def brute_force(sets, threshold):
    return [(i, j) for i, j in itertools.combinations(range(len(sets)), 2) if jaccard(sets[i], sets[j]) >= threshold]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.sampled_from("abcdefgh"), max_size=8), max_size=14),
       st.sampled_from([0.1, 0.2, 0.3, 0.5, 0.6, 0.75, 0.9, 1.0]))
def test_similar_pairs_are_the_all_pairs_answer(sets, threshold):
    assert similar_pairs(sets, threshold) == brute_force(sets, threshold)


def test_prefix_is_never_shorter_than_the_bound():
    # 0.3 * 10 is 3.0000000000000004 in floating point: the bound |x| - ceil(t|x|) + 1 would give 7
    for size in range(0, 200):
        for threshold in ("0.1", "0.3", "0.5", "0.7"):
            exact = size - math.ceil(Fraction(threshold) * size) + 1
            assert prefix_length(size, float(threshold)) >= min(size, exact)


def test_components_in_input_order():
    assert components(6, [(3, 5), (1, 4), (4, 5)]) == [[0], [1, 3, 4, 5], [2]]
    assert components(3, []) == [[0], [1], [2]]


def test_components_ask_only_about_pairs_not_yet_joined():
    asked = []
    five_reprints = [(i, j) for i in range(5) for j in range(i + 1, 5)]
    assert components(5, five_reprints, lambda i, j: asked.append((i, j)) or True) == [[0, 1, 2, 3, 4]]
    assert asked == [(0, 1), (0, 2), (0, 3), (0, 4)]
    assert components(4, [(0, 1), (2, 3), (1, 2)], lambda i, j: (i, j) != (1, 2)) == [[0, 1], [2, 3]]


def story(title, text, figures=()):
    article = Article(title, tuple(text.split("\n")), date="2024-06-03")
    return ArticleSummary(article, (), (), (), Entities(figures=tuple(figures)))


def all_pairs_groups(summaries):
    """The groups the all-pairs loop gave, for comparison."""
    vector = _tfidf([s.article.title + "\n" + s.article.text for s in summaries])
    edges = [(i, j) for i, j in itertools.combinations(range(len(summaries)), 2)
             if is_same_story(summaries[i], summaries[j], _cosine(vector(i), vector(j)))]
    return components(len(summaries), edges)


def test_reprints_and_shared_figures_merge_other_stories_do_not():
    body = "云川县今天召开春耕生产调度会，部署全县百万亩良田的播种、灌溉和农资保障工作。\n会议要求各乡镇抓好种子供应。"
    summaries = [
        story("云川县部署春耕生产", body),
        story("枫岭镇举办非遗文化展演", "枫岭镇文化站组织剪纸、皮影等非遗项目展演，吸引游客三千余人。"),
        story("云川县部署春耕生产工作", body + "\n记者 林沐"),  # the same text, a longer title
        story("云川县召开春耕生产调度会", "全县落实春播面积一百二十万亩，投入资金三千万元。", ["一百二十万亩", "三千万元"]),
        story("云川县春耕生产调度会召开", "调度会明确春播面积一百二十万亩，县财政安排三千万元。", ["一百二十万亩", "三千万元"]),
        story("云川县部署秋收工作", "云川县部署秋收工作，确保颗粒归仓。"),
    ]
    groups = duplicate_groups(summaries)
    assert groups == [[0, 2], [1], [3, 4], [5]]
    assert groups == all_pairs_groups(summaries)


def test_seed_week_merges_as_all_pairs_did():
    found = [summarize_article(a) for p in expand_paths([str(SEEDS)]) for a in read_articles(p)]
    assert duplicate_groups(found) == all_pairs_groups(found)
    assert sum(len(g) > 1 for g in duplicate_groups(found)) == 1


def test_titles_too_different_are_never_candidates():
    a, b = set(_bigrams("云川县部署春耕生产")), set(_bigrams("枫岭镇举办非遗文化展演"))
    assert similar_pairs([a, b, a], 0.3) == [(0, 2)]
    assert similar_pairs([set(), set()], 0.3) == []  # two untitled articles are not alike


def string_tfidf(texts):
    """The TF-IDF vectors as the merge rule made them before numpy: a Counter of bigram strings per text."""
    counts = [_bigrams(text) for text in texts]
    df = Counter(gram for count in counts for gram in count)
    vectors = []
    for count in counts:
        vector = {g: (1 + math.log(c)) * (math.log((1 + len(texts)) / (1 + df[g])) + 1) for g, c in count.items()}
        norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
        vectors.append({g: x / norm for g, x in vector.items()})
    return vectors


def test_cosines_are_the_floats_of_the_string_version():
    texts = [s.article.title + "\n" + s.article.text
             for p in expand_paths([str(SEEDS)]) for s in map(summarize_article, read_articles(p))]
    texts += ["孤\ud800立代理", "", "一", "下_划-线 空格", "重重重重复", "Mixed 中英 text 123"]
    before, vector = string_tfidf(texts), _tfidf(texts)
    for i, j in itertools.product(range(len(texts)), repeat=2):
        assert _cosine(vector(i), vector(j)) == _cosine(before[i], before[j]), (texts[i][:10], texts[j][:10])
    assert [list(vector(i).values()) for i in range(len(texts))] == [list(v.values()) for v in before]
