"""The segmenter: words and POS tags from jieba or rjieba, user dictionaries, stop words.

Only this module imports jieba or rjieba. rjieba (the Rust port) uses the same dictionary
and tag set as jieba and is the default: on ../shared/eval/news_headlines.jsonl (1591 articles,
bench/bench_segment.py, 2 cores) the POS-filtered words that feed TextRank agree with jieba's at
F1 0.970 (rjieba's HMM joins a few unknown pairs differently, e.g. 手举 / 手 举), while it tags
72x faster (2.55M vs 36k chars/s) and loads its dictionary in 0.3 s instead of 1.9 s.
"""
from __future__ import annotations

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


#: The largest frequency a user dictionary may give: a thousand times the commonest word of jieba's
#: dictionary (的, 318,825). rjieba keeps frequencies in 64 bits and jieba takes their logarithm, so
#: 1e40 or a 200-digit number ended the run in an OverflowError from the segmenter.
MAX_USER_FREQ = 1_000_000_000
MAX_USER_DICT_BYTES = 64 * 1024 * 1024  # jieba's own dictionary is 5 MB
_FREQ_FIX = "write the count in digits (`词 300 n`), or leave it out (`词 n`)"


def read_user_dict(path: str) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba-format user dictionary: `word [freq] [tag]` a line. A frequency that is a
    number but not a whole one from 0 to MAX_USER_FREQ is an InputError naming the file and line."""
    from ..read.ingest import read_regular_file

    fix = "give a UTF-8 text file with one `word [freq] [tag]` a line"
    try:
        text = read_regular_file(path, "the user dictionary", MAX_USER_DICT_BYTES).decode("utf-8-sig")
    except InputError as error:  # missing, a folder, a FIFO or device, too large
        raise InputError(path, f"cannot read the user dictionary: {error.problem}", fix) from None
    except UnicodeDecodeError:
        raise InputError(path, "cannot read the user dictionary (UnicodeDecodeError)", fix) from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = _frequency(parts[1], f"{path}:{number}") if len(parts) > 1 else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return entries


def _frequency(field: str, where: str) -> int | None:
    """The frequency in a dictionary line's second field; None when the field is a tag, not a number."""
    if field.isascii() and field.isdigit():
        if len(field) <= len(str(MAX_USER_FREQ)) and int(field) <= MAX_USER_FREQ:
            return int(field)
    elif not _looks_numeric(field):
        return None
    shown = field if len(field) <= 40 else field[:40] + "…"
    raise InputError(where, f"the frequency {shown!r} is not a whole number from 0 to {MAX_USER_FREQ:,}", _FREQ_FIX)


def _looks_numeric(field: str) -> bool:
    """1e40, -5, 3.5, inf, ５, ² : meant as a number (a POS tag is letters)."""
    if any(ch.isdigit() for ch in field):
        return True
    try:
        float(field)
    except ValueError:
        return False
    return True


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
    import logging  # only here: 3 ms of every start with rjieba

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
