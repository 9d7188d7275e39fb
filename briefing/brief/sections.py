"""The section of an item, from the words of its main event (headline first, then the lead)."""
from __future__ import annotations

import re

from ..config import Lexicon
from ..models import ArticleSummary
from .items import display_title

OTHER = "其他"


def section_of(summary: ArticleSummary, lexicon: Lexicon) -> str:
    """The section of the article's main event: its headline's first clause (习近平在广东考察时强调 …) counts
    most, then the rest of the headline, then the first sentence of the lead; a word further down the
    body does not count. 其他 when no word matches; ties go to the earlier section."""
    title = display_title(summary.article)
    first, _, rest = re.split(r"[ \u3000：:—]+", title, maxsplit=1) + [""] if re.search(r"[ \u3000：:—]", title) \
        else (title, "", "")
    lead = re.split(r"(?<=[。！？])", summary.article.paragraphs[0])[0] if summary.article.paragraphs else ""
    best, best_score = OTHER, 0.0
    for name, words in lexicon:
        # Longer words are more specific (老旧小区 over 项目).
        score = sum(len(w) * (3 * (w in first) + 1.5 * (w in rest) + min(lead.count(w), 2)) for w in words)
        if score > best_score:
            best, best_score = name, score
    return best
