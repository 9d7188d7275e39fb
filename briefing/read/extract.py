"""The general extractor for pages of no known family: text density. Each paragraph of sentence
text scores its length for the element that holds it and half that for the one above (so a body
whose paragraphs are each wrapped in a <div> is still found); the best-scoring element is the body.
bench/bench_html.py compares it with trafilatura, readability-lxml and gne on ../shared/epaper."""
from __future__ import annotations

import re
from collections import defaultdict

from .htmltext import BLOCKS, blocks, has_block_child

_SENTENCE_RE = re.compile(r"[，。；！？、]")
#: The site's footer: long, punctuated, never the article.
_FOOTER_RE = re.compile(r"Copyright|版权所有|ICP备|ICP证|违法和不良信息|不良信息举报")
#: Share of a paragraph's score its grandparent gets.
GRANDPARENT = 0.5


def extract_body(tree) -> list[str]:
    """The body paragraphs of a page: those of the element with the most paragraph text."""
    scores: dict = defaultdict(float)
    for element in tree.iter(*BLOCKS):
        if has_block_child(element):
            _score_loose_text(element, scores)
            continue
        value = _value(element.text_content(), element)
        parent = element.getparent()
        if value and parent is not None:
            scores[parent] += value
            if parent.getparent() is not None:
                scores[parent.getparent()] += GRANDPARENT * value
    best = max(scores, key=lambda e: scores[e], default=None)
    return blocks(best) if best is not None else []


def _value(text: str, element) -> float:
    """Sentence characters of a paragraph, less twice the characters inside its links."""
    if not _SENTENCE_RE.search(text) or _FOOTER_RE.search(text):
        return 0.0
    linked = sum(len(a.text_content()) for a in element.iter("a"))
    return max(0.0, len(text.strip()) - 2 * linked)


def _score_loose_text(element, scores) -> None:
    """Text set straight into a container between its children (lines split by <br>) scores for it."""
    loose = (element.text or "") + "".join(child.tail or "" for child in element)
    if _SENTENCE_RE.search(loose):
        scores[element] += len(loose.strip())
