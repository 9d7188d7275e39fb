"""What can go wrong fetching a page: one line each, naming the URL (or host) and what to do."""
from __future__ import annotations

from ..errors import BriefingError, InputError


class FetchError(InputError):
    """One page could not be fetched, or is not what its site profile expects; the run goes on."""


class HostError(FetchError):
    """A whole host is out of reach (no network, name not found, robots.txt unreadable): the rest of it is skipped."""


class OffSite(FetchError):
    """A redirect to another host: never followed."""


class MissingDependency(BriefingError):
    """httpx or tenacity is not installed."""

    def __init__(self, name: str) -> None:
        super().__init__(f"fetching pages needs {name}: pip install 'briefing[fetch]'")
