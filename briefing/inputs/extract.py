"""The general extractor for pages of no known family: the element whose own paragraphs hold the
most sentence text is the body (a text-density rule; see bench/bench_html.py for how it compares
with trafilatura, readability-lxml and gne on the pages in ../shared/epaper)."""
from __future__ import annotations

import re

from .htmltext import BLOCKS, blocks, has_block_child

_SENTENCE_RE = re.compile(r"[，。；！？、]")
#: A paragraph counts towards its parent's score when it has at least this many sentence marks:
#: link lists and menus have none, body paragraphs several.
MIN_MARKS = 1


def extract_body(tree) -> list[str]:
    """The body paragraphs of a page: those of the element with the most paragraph text."""
    best, best_score = None, 0
    for element in tree.iter(*BLOCKS):
        score = _own_text(element)
        if score > best_score:
            best, best_score = element, score
    return blocks(best) if best is not None else []


def _own_text(element) -> int:
    """Characters of sentence text in an element's own child paragraphs (not its grandchildren's),
    less the characters inside links."""
    total = 0
    for child in element:
        if not isinstance(child.tag, str) or child.tag not in BLOCKS and child.tag != "span" \
                or has_block_child(child):  # a nested block is scored as the parent of its own paragraphs
            continue
        text = child.text_content()
        if len(_SENTENCE_RE.findall(text)) >= MIN_MARKS:
            linked = sum(len(a.text_content()) for a in child.iter("a"))
            total += max(0, len(text.strip()) - 2 * linked)
    if element.text and _SENTENCE_RE.search(element.text):
        total += len(element.text.strip())
    return total
