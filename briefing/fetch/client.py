"""A polite HTTP client for e-paper sites: robots.txt, one request at a time per host with a delay,
a user agent that names briefing, retries with backoff, redirects only within the site, a size cap.

httpx does the HTTP and tenacity the retries; both are the optional extra `briefing[fetch]`."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .errors import FetchError, HostError, MissingDependency, OffSite

#: Larger than any e-paper page we have seen (the 科技日报 layout page is 14 KB, an article 10 KB) by far,
#: small enough that a wrong link to a video or an archive stops early.
MAX_PAGE_BYTES = 8 * 2**20
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 120.0  # seconds: a longer Retry-After is waited only this long (then the page fails, the run goes on)
_RETRY_STATUS = {429, 500, 502, 503, 504}
_NAME_ERRORS = ("Name or service not known", "nodename nor servname", "Temporary failure in name resolution",
                "No address associated", "getaddrinfo failed", "Errno -2", "Errno -3", "Errno 11001")


def user_agent() -> str:
    """briefing/VERSION and what it does, so a site's staff know who is asking."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("briefing")
    except PackageNotFoundError:  # run from a source tree that was never installed
        number = "dev"
    return f"briefing/{number} (news brief tool; one request at a time; robots.txt honoured)"


@dataclass
class Settings:
    """How politely and how patiently to fetch."""

    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds for connecting and for each read
    retries: int = 3  # further tries after a timeout, a dropped connection or a 5xx
    max_bytes: int = MAX_PAGE_BYTES
    agent: str = field(default_factory=user_agent)


class _Transient(Exception):
    """A 5xx or 429 answer: worth another try after a pause."""

    def __init__(self, status: int, retry_after: str = "") -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = min(float(retry_after), MAX_RETRY_AFTER) if retry_after.strip().isdigit() else 0.0


class Client:
    """GET pages one at a time per host; every failure is a FetchError (HostError when the host is out of reach)."""

    def __init__(self, settings: Settings | None = None, transport=None, sleep=time.sleep, clock=time.monotonic):
        httpx = _require("httpx")
        _require("tenacity")
        self.settings = settings or Settings()
        timeout = httpx.Timeout(self.settings.timeout)
        self._http = httpx.Client(headers={"User-Agent": self.settings.agent}, timeout=timeout,
                                  follow_redirects=False, transport=transport, trust_env=True)
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self._robots: dict[str, RobotFileParser] = {}

    def close(self) -> None:
        self._http.close()

    def get(self, url: str) -> tuple[str, bytes]:
        """The URL a page was found at (redirects are followed on the same host) and its body, after
        robots.txt allows it."""
        host = urlsplit(url).hostname or ""
        if not self._robots_for(url).can_fetch("briefing", url):
            raise FetchError(url, f"is disallowed for robots by {host}/robots.txt; not fetched",
                             "fetch only what the site allows, or ask the site for access")
        final, status, body = self._follow(url)
        return final, self._check_status(final, status, body)

    def _follow(self, url: str) -> tuple[str, int, bytes]:
        """The final URL, status and body; a redirect to another host is refused (never a link off the site)."""
        host = urlsplit(url).hostname
        for _ in range(MAX_REDIRECTS + 1):
            status, body, location = self._retrying(url)
            if location is None:
                return url, status, body
            target = urljoin(url, location)
            if urlsplit(target).hostname != host:
                raise OffSite(url, f"redirects off the site to {target}; not followed",
                              "check the URL in a browser; the page may have moved")
            if not url.endswith("/robots.txt") and not self._robots_for(target).can_fetch("briefing", target):
                raise FetchError(url, f"redirects to {target}, which {host}/robots.txt disallows; not followed",
                                 "fetch only what the site allows")
            url = target
        raise FetchError(url, f"redirects more than {MAX_REDIRECTS} times", "check the URL in a browser")

    def _check_status(self, url: str, status: int, body: bytes) -> bytes:
        if status == 200:
            return body
        if status in (404, 410):
            raise FetchError(url, f"is not there (HTTP {status})",
                             "the page may not be published yet, or the link is stale; run again later")
        raise FetchError(url, f"answered HTTP {status}", "open it in a browser; the site may refuse or be down")

    def _retrying(self, url: str) -> tuple[int, bytes, str | None]:
        import httpx
        import tenacity

        # pauses of 2, 4, 8 … times the delay between requests, or as long as a Retry-After asks (up to 2 min)
        backoff = tenacity.wait_exponential(multiplier=max(self.settings.delay, 0.01) * 2, max=60)
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.settings.retries + 1),
            wait=lambda state: max(backoff(state), _retry_after(state.outcome.exception())),
            retry=tenacity.retry_if_exception(_is_transient), sleep=self._sleep, reraise=True)
        try:
            return retrying(self._once, url)
        except _Transient as error:
            raise FetchError(url, f"answered {error} {self.settings.retries + 1} times",
                             "the site is struggling; run again later (what was fetched is kept)") from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out {self.settings.retries + 1} times (after {self.settings.timeout:g} s)",
                             "run again later, or give a longer --timeout") from None
        except httpx.RemoteProtocolError as error:
            raise FetchError(url, f"was cut short ({error})", "run again; only what is missing is fetched") from None
        except httpx.HTTPError as error:
            raise _transport_error(url, error) from None

    def _once(self, url: str) -> tuple[int, bytes, str | None]:
        """One request, after the host's turn has come; the body read up to the size cap."""
        host = urlsplit(url).hostname or ""
        self._wait_turn(host)
        try:
            with self._http.stream("GET", url) as response:
                if response.status_code in _RETRY_STATUS:
                    raise _Transient(response.status_code, response.headers.get("retry-after", ""))
                if response.is_redirect:
                    return response.status_code, b"", response.headers.get("location", "")
                return response.status_code, self._read_capped(url, response), None
        finally:
            self._last[host] = self._clock()

    def _read_capped(self, url: str, response) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"is {int(declared) // 1024} KB, over the {cap // 1024} KB a page may be",
                             "this is not an e-paper page; check the link")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"is over the {cap // 1024} KB a page may be; not saved",
                                 "this is not an e-paper page; check the link")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        delay = max(self.settings.delay, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - self._clock()
            if pause > 0:
                self._sleep(pause)

    def _crawl_delay(self, host: str) -> float:
        robots = self._robots.get(host)
        value = robots.crawl_delay("briefing") if robots is not None else None
        return float(value) if value else 0.0

    def _robots_for(self, url: str) -> RobotFileParser:
        """robots.txt of the URL's host, read once (RFC 9309: a 4xx allows all, a 5xx or no answer forbids all)."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host not in self._robots:
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            parser = RobotFileParser(robots_url)
            try:
                _, status, body = self._follow(robots_url)
            except HostError:
                raise
            except OffSite:  # robots.txt kept on another host: no rules for this one
                status, body = 404, b""
            except FetchError as error:
                raise HostError(host, f"robots.txt could not be read ({error.problem}); nothing fetched from it",
                                error.fix) from None
            if status == 200:
                parser.parse(body.decode("utf-8", "replace").splitlines())
            elif 400 <= status < 500:
                parser.allow_all = True  # no robots.txt: the site sets no rules
            else:
                raise HostError(host, f"robots.txt answered HTTP {status}; nothing fetched from it",
                                "run again later")
            parser.modified()
            self._robots[host] = parser
        return self._robots[host]


def _retry_after(error: BaseException | None) -> float:
    return error.retry_after if isinstance(error, _Transient) else 0.0


def _is_transient(error: BaseException) -> bool:
    """Worth another try: a 5xx or 429, a timeout, a connection dropped or refused; not a name that does not resolve."""
    import httpx

    if isinstance(error, _Transient | httpx.TimeoutException | httpx.RemoteProtocolError | httpx.ReadError):
        return True
    return isinstance(error, httpx.ConnectError) and not _is_name_error(error)


def _is_name_error(error: BaseException) -> bool:
    return any(text in str(error) for text in _NAME_ERRORS)


def _transport_error(url: str, error) -> FetchError:
    """A failure to reach the host at all is about the host, not the page: one line, and its fix."""
    import httpx

    host = urlsplit(url).hostname or url
    if isinstance(error, httpx.ConnectError) and _is_name_error(error):
        return HostError(host, "the name was not found (DNS): no network, or no such host",
                         "check the network connection (and a proxy: HTTPS_PROXY), or the URL's spelling")
    if isinstance(error, (httpx.ConnectError, httpx.ProxyError)):
        return HostError(host, f"cannot be reached ({error})",
                         "check the network connection and any proxy (HTTPS_PROXY), then run again")
    return FetchError(url, f"failed ({type(error).__name__}: {error})", "run again later")


def _require(name: str):
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingDependency(name) from None
