"""Both segmenter backends: user dictionaries, stop words, quiet start, cache in the user's cache dir."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing.analyze.analysis import analyse_text
from briefing.errors import InputError
from briefing.models import Article
from briefing.analyze.segment import BACKENDS, Segmenter, read_user_dict, stopwords

NAME = "龙鳞阁茗"  # made up: not in jieba's dictionary, so it is cut into pieces without a user dict
TEXT = f"昨天{NAME}来到青溪区调研。{NAME}表示，要把项目建设好。"


@pytest.fixture
def user_dict(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text(f"# local names\n{NAME} 5 nr\n樱桃湾村\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("backend", BACKENDS)
def test_user_dict_makes_a_name_one_word_and_a_keyword_candidate(backend, user_dict):
    assert NAME not in [w for w, _ in Segmenter(backend).tag(TEXT)]
    segmenter = Segmenter(backend, user_dict)
    assert (NAME, "nr") in segmenter.tag(TEXT)
    assert "樱桃湾村" in [w for w, _ in segmenter.tag("游客到樱桃湾村采摘樱桃。")]  # no freq, no tag
    analysed = analyse_text(Article(title="调研", paragraphs=(TEXT,)), segmenter)
    assert all(NAME in words for words in analysed.candidates)


@pytest.mark.parametrize("backend", BACKENDS)
def test_tags_cover_the_text(backend):
    tagged = Segmenter(backend).tag(TEXT)
    assert "".join(w for w, _ in tagged) == TEXT
    assert Segmenter(backend).tag("") == []


def test_backends_agree_on_a_news_sentence():
    text = "二七区委书记樊惠林带领招商小分队，赴西安、成都开展招商活动。"
    assert Segmenter("rjieba").tag(text) == Segmenter("jieba").tag(text)


def test_unknown_backend_and_unreadable_dict(tmp_path):
    with pytest.raises(ValueError, match="rjieba"):
        Segmenter("thulac")
    with pytest.raises(InputError, match="UTF-8"):
        read_user_dict(str(tmp_path / "missing.txt"))


def test_read_user_dict_formats(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("\ufeff甲乙丙\n丁戊 3\n己庚 nz\n辛壬 7 nr\n\n# comment\n", encoding="utf-8")
    assert read_user_dict(str(path)) == [("甲乙丙", None, None), ("丁戊", 3, None), ("己庚", None, "nz"),
                                         ("辛壬", 7, "nr")]


def test_stopwords_are_loaded():
    assert {"的", "了"} <= stopwords()


def test_jieba_is_quiet_and_caches_under_the_user_cache_dir(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    code = "from briefing.analyze.segment import Segmenter; print(Segmenter('jieba').tag('青溪区')[0][0])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "青溪" and result.stderr == ""
    assert (tmp_path / "cache" / "briefing" / "jieba.cache").exists()
    assert not list((tmp_path / "tmp").iterdir())
