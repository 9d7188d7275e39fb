"""The section of an item, from the words of its main event (headline first, then the lead)."""
from __future__ import annotations

import re

from collections.abc import Sequence

from ..analyze.offices import is_foreign
from ..config import Lexicon
from ..models import Article, ArticleSummary
from .items import display_title

OTHER = "其他"
FOREIGN_AFFAIRS = "外事活动"
MEETINGS = "重要会议与讲话"
_TOP_LEADER_BONUS = 6  # the General Secretary's acts: as much as a two-character word in the headline
#: The title of a work inside a headline (《…》, not 《求是》 which names where it was published).
_WORK_TITLE = re.compile(r"《(?!求是》)[^》]{1,40}》")


def section_of_title(title: str, lexicon: Lexicon) -> str:
    """The section of a record known only by its headline."""
    return section_of(ArticleSummary(Article(title=title, paragraphs=()), (), (), ()), lexicon)


def section_of(summary: ArticleSummary, lexicon: Lexicon, leaders: Sequence[str] = ()) -> str:
    """The section of the article's main event: its headline's first clause (习近平在广东考察时强调 …) counts
    most, then the rest of the headline, then the first sentence of the lead; a word further down the
    body does not count, nor a word inside the title of a work (《因地制宜发展新质生产力》 is an article
    published, not the economy). 其他 when no word matches; ties go to the earlier section.

    A national leader (`leaders`) named in the headline with a foreign country, body or guest is 外事活动
    (a letter to a foreign conference, a keynote at a world congress); the General Secretary's other acts
    lean to 重要会议与讲话."""
    title = _WORK_TITLE.sub("", display_title(summary.article))
    acting = [name for name in leaders if name in title]
    if acting and FOREIGN_AFFAIRS in dict(lexicon) and is_foreign(title):
        return FOREIGN_AFFAIRS
    first, _, rest = re.split(r"[ \u3000：:—]+", title, maxsplit=1) + [""] if re.search(r"[ \u3000：:—]", title) \
        else (title, "", "")
    lead = re.split(r"(?<=[。！？])", summary.article.paragraphs[0])[0] if summary.article.paragraphs else ""
    lead = _WORK_TITLE.sub("", lead)
    best, best_score = OTHER, 0.0
    for name, words in lexicon:
        # Longer words are more specific (老旧小区 over 项目).
        score = sum(len(w) * (3 * (w in first) + 1.5 * (w in rest) + min(lead.count(w), 2)) for w in words)
        score += _TOP_LEADER_BONUS * (name == MEETINGS and bool(acting) and acting[0] == leaders[0])
        if score > best_score:
            best, best_score = name, score
    return best
