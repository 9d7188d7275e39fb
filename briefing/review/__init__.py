"""`briefing review`: a local page to edit a brief draft, saved to the draft file on every change.

Flask is an optional extra (`pip install 'briefing[review]'`). The server binds 127.0.0.1 only,
serves nothing but the page, its script and style sheet, the draft and its renderings, and takes
changes only with the per-session token embedded in the page.
"""
from __future__ import annotations

from ..errors import BriefingError

DEFAULT_PORT = 8765
HOST = "127.0.0.1"


class ReviewError(BriefingError):
    """The review page cannot be served (Flask missing, port taken, draft unreadable)."""


def require_flask() -> None:
    """Fail in one line when the optional Flask is not installed."""
    try:
        import flask  # noqa: F401
    except ImportError:
        raise ReviewError("the review page needs Flask, which is not installed; "
                          "run pip install 'briefing[review]' (or pip install flask)") from None
