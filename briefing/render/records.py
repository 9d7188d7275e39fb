"""ArticleSummary <-> the JSON contract of DESIGN.md."""
from __future__ import annotations

from typing import Any

from ..models import ArticleSummary


def summary_to_dict(summary: ArticleSummary) -> dict[str, Any]:
    """One article as in `briefing summarize --format json`."""
    article, entities = summary.article, summary.entities
    return {
        "id": article.id,
        "source": article.source,
        "date": article.date,
        "title": article.title,
        "subtitle": article.subtitle,
        "pretitle": article.pretitle,
        "paper": article.paper,
        "page": article.page,
        "byline": {"reporters": list(article.byline.reporters),
                   "correspondents": list(article.byline.correspondents)},
        "paragraphs": list(article.paragraphs),
        "keywords": [{"word": k.word, "weight": k.weight} for k in summary.keywords],
        "keyphrases": list(summary.keyphrases),
        "summary": list(summary.summary),
        "entities": {
            "people": [{"name": p.name, "title": p.title} for p in entities.people],
            "organizations": list(entities.organizations),
            "places": list(entities.places),
            "dates": list(entities.dates),
            "figures": list(entities.figures),
        },
    }
