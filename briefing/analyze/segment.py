"""The segmenter: words and POS tags from jieba or rjieba, user dictionaries, stop words.

Only this module imports jieba or rjieba. rjieba (the Rust port) uses the same dictionary
and tag set as jieba and is the default: on ../shared/eval/news_headlines.jsonl (1591 articles,
bench/bench_segment.py, 2 cores) the POS-filtered words that feed TextRank agree with jieba's at
F1 0.970 (rjieba's HMM joins a few unknown pairs differently, e.g. 手举 / 手 举), while it tags
72x faster (2.55M vs 36k chars/s) and loads its dictionary in 0.3 s instead of 1.9 s.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

BACKENDS = ("rjieba", "jieba")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The shipped Chinese stop-word list."""
    # in briefing/data (importlib.resources would cost 5 ms of imports at every start)
    text = (Path(__file__).parent.parent / "data" / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def read_user_dict(path: str) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba-format user dictionary: `word [freq] [tag]` a line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the user dictionary ({error.__class__.__name__})",
                         "give a UTF-8 text file with one `word [freq] [tag]` a line") from None
    entries = []
    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return entries


class Segmenter:
    """Words with POS tags. Owns its tokenizer (never jieba's global one) and is quiet."""

    def __init__(self, backend: str = "rjieba", user_dict: str | None = None) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown segmenter backend {backend!r}; choose one of {BACKENDS}")
        self.backend = backend
        entries = read_user_dict(user_dict) if user_dict else []
        self._tag = _rjieba_tagger(entries) if backend == "rjieba" else _jieba_tagger(entries)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, POS flag) pairs covering the whole text, in order."""
        return self._tag(text)

    def warm_up(self) -> Segmenter:
        """Build what the tagger builds at its first unknown word (rjieba's HMM: 25-35 ms) now: before
        worker processes fork, so that each does not build it again."""
        self._tag("禾星禾")  # not in the dictionary
        return self


def _rjieba_tagger(entries):
    tokenizer = _rjieba_class()()
    for word, freq, tag in entries:
        tokenizer.add_word(word, freq, tag)
    return tokenizer.tag


def _rjieba_class():
    """rjieba's Jieba class, loaded without running rjieba/__init__.py when the extension is where it
    is expected: that file builds a default tokenizer at import (80 ms, a fifth of a cold start),
    which we never use because each Segmenter owns its own. Falls back to the ordinary import.
    """
    import importlib.machinery
    import importlib.util
    import sys

    name = "rjieba.rjieba"
    if name not in sys.modules:
        spec = importlib.util.find_spec("rjieba")
        folder = Path(next(iter(spec.submodule_search_locations or ()), "")) if spec else None
        found = [folder / f"rjieba{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES] if folder else []
        path = next((p for p in found if p.is_file()), None)
        if path is None:
            import rjieba

            return rjieba.Jieba
        loader = importlib.machinery.ExtensionFileLoader(name, str(path))
        module = importlib.util.module_from_spec(importlib.util.spec_from_file_location(name, path, loader=loader))
        loader.exec_module(module)
        sys.modules[name] = module  # a later `import rjieba` finds it and shares the class
    return sys.modules[name].Jieba


def _jieba_tagger(entries):
    import jieba
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = cache_dir()
    for word, freq, tag in entries:
        tokenizer.add_word(word, freq, tag)
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    return lambda text: [(pair.word, pair.flag) for pair in tagger.cut(text)]


def cache_dir() -> str:
    """jieba's dictionary cache goes to the user's cache directory, not a shared file in /tmp."""
    import platformdirs

    path = platformdirs.user_cache_dir("briefing")
    os.makedirs(path, exist_ok=True)
    return path


@lru_cache(maxsize=4)
def get_segmenter(backend: str = "rjieba", user_dict: str | None = None) -> Segmenter:
    """One segmenter per backend and dictionary per process: the dictionary is loaded once."""
    return Segmenter(backend, user_dict)
