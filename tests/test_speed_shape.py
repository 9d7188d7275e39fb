"""The shape of the cost, not its seconds: what is imported, how big graphs get, how far input is read ahead."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from briefing.jobs import parallel
from briefing.analyze import textrank
from briefing.models import Article, ArticleSummary, Options

from .helpers import SEEDS


def test_summarize_imports_only_what_it_needs():
    # rjieba's package __init__ builds a default tokenizer (a second dictionary load); only its extension is loaded
    code = ("import sys; sys.argv = ['briefing', 'summarize', sys.argv[1], '-f', 'jsonl'];\n"
            "from briefing.cli import _run\n"
            "try: _run()\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in ('jieba', 'networkx', 'scipy', 'textrank4zh', 'docx', 'pandas', 'rjieba') if m in sys.modules),"
            " file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, str(SEEDS / "2024-05-13.txt")],
                            capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_long_texts_give_graphs_linear_in_their_length():
    rng = np.random.default_rng(3)
    for n in (2_000, 8_000):
        sentences = [[f"w{k}" for k in rng.integers(0, 2_000, 15)] for _ in range(n)]
        graph = textrank.sentence_graph(sentences)
        assert isinstance(graph, textrank.Edges)
        assert len(graph.rows) <= n * (2 * textrank.SENTENCE_BAND + 1)
        vocabulary = {f"w{k}": k for k in range(2_000)}
        words = textrank.cooccurrence_graph(sentences, vocabulary)
        assert isinstance(words, textrank.Edges) and len(words.rows) <= 2 * 14 * n


def _articles(count: int, pulled: list[int]):
    for i in range(count):
        pulled.append(i)
        yield Article(title=f"标题{i}", paragraphs=("本报讯 青溪区召开会议，部署项目建设工作。会议强调要抓好落实。",), index=i)


def test_one_worker_reads_one_article_ahead_at_most():
    pulled: list[int] = []
    stream = parallel.summarize_stream(_articles(50, pulled), Options(), workers=1)
    first = next(stream)
    assert isinstance(first, ArticleSummary) and len(pulled) == 1


def test_workers_keep_order_and_read_at_most_two_batches_ahead():
    pulled: list[int] = []
    stream = parallel.summarize_stream(_articles(300, pulled), Options(), workers=2)
    first = next(stream)
    assert first.article.index == 0
    assert len(pulled) <= 2 * 2 * parallel.BATCH_PER_WORKER
    rest = list(stream)
    assert [s.article.index for s in [first, *rest]] == list(range(300))


def test_workers_give_the_same_output_as_one_process():
    def run(fmt, workers):
        command = [sys.executable, "-m", "briefing", "summarize", str(SEEDS), "-f", fmt, "--workers", workers]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    for fmt in ("jsonl", "json", "text", "markdown"):  # each summary is rendered in the worker that made it
        one = run(fmt, "1")
        assert one.count("星禾") >= 2 and run(fmt, "2") == one, fmt


def test_auto_workers_follow_the_size_of_the_input(tmp_path, monkeypatch):
    from briefing.cli import common as cli

    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    small = tmp_path / "small.jsonl"
    small.write_text('{"title": "标题", "text": "正文。"}\n', encoding="utf-8")
    big = tmp_path / "folder" / "big.jsonl"
    big.parent.mkdir()
    big.write_text(small.read_text(encoding="utf-8") * (cli.AUTO_WORKERS_MIN_BYTES // 20), encoding="utf-8")
    assert cli.resolve_workers("auto", [str(small)]) == 1
    assert cli.resolve_workers("auto", [str(big.parent)]) == 3  # folders count by their files
    assert cli.resolve_workers("auto", ["-", str(tmp_path / "missing.txt")]) == 1
    assert cli.resolve_workers(2, [str(small)]) == 2 and cli.resolve_workers(1, [str(big)]) == 1
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert cli.resolve_workers("auto", [str(big)]) == 1


def _spans_by_loop(line: str) -> list[tuple[int, int]]:
    """The character loop sentence_spans replaced: the reference its regex scan must agree with."""
    from briefing.read.text import CLOSERS, TERMINATORS, _CLOSE_QUOTES, _OPEN_QUOTES

    def stop_dot(i: int) -> bool:
        before, after = line[i - 1] if i else "", line[i + 1] if i + 1 < len(line) else ""
        return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())

    depth, balanced = 0, True
    for ch in line:
        depth += (ch in _OPEN_QUOTES) - (ch in _CLOSE_QUOTES)
        balanced = balanced and depth >= 0
    balanced = balanced and depth == 0
    out, start, depth, i, n = [], 0, 0, 0, len(line)
    while i < n:
        ch = line[i]
        depth = depth + 1 if ch in _OPEN_QUOTES else max(0, depth - 1) if ch in _CLOSE_QUOTES else depth
        if ch in TERMINATORS or (ch == "." and stop_dot(i)):
            j = i + 1
            while j < n and (line[j] in TERMINATORS or line[j] == "."):
                j += 1
            while j < n and line[j] in CLOSERS:
                depth = max(0, depth - 1) if line[j] in _CLOSE_QUOTES else depth
                j += 1
            if depth == 0 or not balanced:
                out.append((start, j))
                start = j
            i = j
            continue
        i += 1
    out.append((start, n))
    return [(a + len(line[a:b]) - len(line[a:b].lstrip()), a + len(line[a:b].rstrip()))
            for a, b in out if line[a:b].strip()]


def test_sentence_spans_regex_scan_agrees_with_the_character_loop():
    from briefing.read.text import sentence_spans

    rng = np.random.default_rng(5)
    alphabet = list("。！？!?….”’」』）)】》\"'“「『a1 中,\u3000")
    lines = ["".join(rng.choice(alphabet, size=rng.integers(0, 16))) for _ in range(20_000)]
    lines += ["他说：“我们来了。你们呢？”然后走了。", "版本3.5发布. 下一句", "“不平衡。", "a.b.c. d"]
    assert [sentence_spans(line) for line in lines] == [_spans_by_loop(line) for line in lines]


def test_organisations_searched_near_their_word_match_a_full_scan():
    from briefing.analyze.entities import _ORG_RE, _ORG_SUFFIX_RE, _finditer_near

    rng = np.random.default_rng(7)
    alphabet = list("有限公司集团委员会管委会学校中小大学医院协会商会在的和ab1 ，。\n")
    texts = ["".join(rng.choice(alphabet, size=rng.integers(0, 60))) for _ in range(20_000)]
    for text in texts:
        assert ([m.span() for m in _finditer_near(_ORG_RE, _ORG_SUFFIX_RE, (2, 16), text)]
                == [m.span() for m in _ORG_RE.finditer(text)])


@pytest.mark.parametrize("kernel", ["recurrence", "recurrence_py"])
def test_recurrence_counts_the_bigrams_a_regex_finds(kernel, monkeypatch):
    import re

    from briefing.analyze import kernels
    from briefing.analyze.scoring import recurrence

    monkeypatch.setattr(kernels, "recurrence", getattr(kernels, kernel))  # C when built, and Python

    bigram = re.compile(r"(?=([^\W_]{2}))")

    def by_regex(sentences):
        grams = [bigram.findall(s) for s in sentences]
        shared = {g for i, gs in enumerate(grams) for g in gs if any(g in other for other in grams[:i] + grams[i + 1:])}
        return [sum(g in shared for g in gs) / len(gs) if gs else 0.0 for gs in grams]

    rng = np.random.default_rng(17)
    alphabet = list("青溪区园区产业ab12_，。 \u00b2\u2163\u3007·-")
    for _ in range(3_000):
        sentences = tuple("".join(rng.choice(alphabet, size=rng.integers(0, 12))) for _ in range(rng.integers(0, 6)))
        assert recurrence(sentences).tolist() == by_regex(sentences), sentences


def test_strip_lead_skips_only_sentences_no_lead_can_match():
    from briefing.read import text

    def slow(sentence):
        previous = None
        while previous != sentence:
            previous, sentence = sentence, text._LEAD_RE.sub("", sentence, count=1)
        return text._TAIL_BYLINE_RE.sub("", sentence).strip()

    rng = np.random.default_rng(19)
    pieces = ["本报讯", "新华社", "北京", "1", "5", "月", "日", "电", "讯", "报道", "消息", "（", "）", "(", ")", "记者",
              "王五", " ", "【", "】", "<p>", "原标题", "：", "据", "综合", "，", "编辑", "通讯员", "会议召开", "。"]
    sentences = ["".join(rng.choice(pieces, size=rng.integers(0, 10))) for _ in range(30_000)]
    sentences += ["本报讯（记者 王五）会议召开。", "新华社北京1月5日电 会议召开", "会议召开。（记者 王五）", " 会议 "]
    assert [text.strip_lead(s) for s in sentences] == [slow(s) for s in sentences]


def test_word_cache_is_emptied_between_articles_and_earlier_analyses_still_read(monkeypatch):
    from briefing.analyze import analysis, scoring
    from briefing.analyze.segment import get_segmenter

    first = Article(title="星禾产业园签约", paragraphs=("星禾产业园项目签约。星禾产业园项目开工。",))
    second = Article(title="青溪区召开会议", paragraphs=("青溪区召开会议，部署项目建设工作。",))
    segmenter = get_segmenter()
    expected = scoring._phrase_counts(analysis.analyse_text(first, segmenter))
    monkeypatch.setattr(analysis, "_VIEWS_MAX", 3)
    analysis._views.cache_clear()
    earlier = analysis.analyse_text(first, segmenter)
    cache = analysis._views(frozenset())
    assert len(cache) > 3  # an article is analysed whole with one set of integers
    analysis.analyse_text(second, segmenter)
    assert cache.pairs is not earlier.phrase_pairs and ("星禾", "nz") not in cache.keys  # emptied in between
    assert scoring._phrase_counts(earlier) == expected and ("星禾", "产业园") in expected
    analysis._views.cache_clear()


def test_titles_are_searched_only_where_an_office_ends_the_window():
    from briefing.analyze.entities import _OFFICES, _TITLE_JOINERS, _TITLE_RE

    rng = np.random.default_rng(23)
    pieces = [*_OFFICES, *_TITLE_JOINERS, "区委", "常务", "副", "有限公司", "青溪", "局", "市", "王", "的", "会议"]
    for _ in range(30_000):
        window = "".join(rng.choice(pieces, size=rng.integers(1, 8)))[-30:]
        ends_in_office = window.endswith(_OFFICES) or (window[-1] in _TITLE_JOINERS and window[:-1].endswith(_OFFICES))
        assert ends_in_office or _TITLE_RE.search(window) is None, window


@pytest.mark.parametrize("finder", ["dates", "figures"])
def test_patterns_found_in_two_halves_match_a_full_scan(finder):
    import re

    from briefing.analyze import entities

    whole, alphabet, seed, examples = {
        "dates": (entities._DATE_RE, "0123456789１２约近超过逾达共累计总计年月日前期今至~—-多余万亿元人%上午下晚 ，。\n.,", 11,
                  ["2024年5月13日上午", "13日至15日", "近日，今年5月", "12345月6日"]),
        "figures": (entities._FIGURE_PREFIX + "?" + entities._FIGURE_NUMBER,
                    "0123456789１约近超过逾达共累计总计.,至~-—多余万亿千百元美亩平方米公里个家人次名 以上左右%，。\n", 29,
                    ["约3000万元", "超过1.57亿元以上", "超过", "共12个和约5人", "达3至5亩左右"]),
    }[finder]
    pattern, find = re.compile(whole), getattr(entities, finder)
    rng = np.random.default_rng(seed)
    texts = ["".join(rng.choice(list(alphabet), size=rng.integers(0, 40))) for _ in range(30_000)] + examples
    for text in texts:
        assert [m.span() for m in find(text)] == [m.span() for m in pattern.finditer(text)], text


def test_workers_parse_jsonl_lines_and_report_bad_ones_as_one_process_does(tmp_path):
    import json

    from briefing.api import read_articles

    records = [json.dumps({"id": str(i), "title": a.title, "text": a.text}, ensure_ascii=False)
               for i, a in enumerate(read_articles(str(SEEDS / "2024-05-13.txt")))]
    records[2:2] = ["{not json", '{"id": "empty", "text": ""}']
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")

    def run(workers):
        command = [sys.executable, "-m", "briefing", "summarize", str(source), "-f", "jsonl", "--workers", workers]
        return subprocess.run(command, capture_output=True, text=True)

    one, two = run("1"), run("2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == len(records) - 2
    assert one.stderr == two.stderr and [line.split(": ")[2] for line in one.stderr.splitlines()] == [
        f"{source}:3", f"{source}:4"]


def test_workers_give_library_callers_whole_summaries_of_articles_and_of_jsonl_lines(tmp_path):
    from briefing.api import read_articles

    source = tmp_path / "two.jsonl"
    source.write_text('{"id": "a", "title": "青溪区召开会议", "text": "青溪区召开会议，部署项目建设工作。会议强调要抓好落实。"}\n'
                      '{"id": "b", "title": "星禾产业园签约", "text": "星禾产业园项目签约。项目总投资约3000万元。"}\n',
                      encoding="utf-8")
    for parse in (True, False):
        items = list(read_articles(str(source), parse=parse))
        results = list(parallel.summarize_stream(items, Options(), workers=2))
        assert [r.article.id for r in results] == ["a", "b"] and all(r.article.paragraphs for r in results)
        assert results[1].entities.figures == ("约3000万元",)
