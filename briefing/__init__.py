"""briefing: summaries and leadership briefs (简报) from Chinese news pages.

Public API::

    from briefing import read_articles, summarize, summarize_article
    for summary in summarize(open("page.txt", encoding="utf-8").read()):
        print(summary.article.title, summary.summary)
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["read_articles", "summarize", "summarize_article", "build_brief", "brief_articles", "Options", "__version__"]


def __getattr__(name: str):
    # Lazy: `briefing --version` and the CLI's help must not pay for numpy and the segmenter.
    if name in ("read_articles", "summarize", "summarize_article", "brief_articles", "build_brief"):
        from . import api
        return getattr(api, name)
    if name == "Options":
        from .models import Options
        return Options
    raise AttributeError(name)
