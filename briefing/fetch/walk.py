"""Walk one day of an e-paper: its 版面 (layout) pages, then the article pages they list, saved in
OUT/PAPER/YYYY-MM-DD for the readers (briefing.read.html, briefing.read.layout) to read."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .client import Client
from .errors import FetchError, HostError
from .issues import Issue
from .links import clean, day_link, day_links
from .store import atomic_write, day_folder, file_name, load_manifest, save_manifest, sweep_parts

OnError = Callable[[Exception], None]
#: Called with (pages done, pages known so far, the URL at hand) after each page.
OnProgress = Callable[[int, int, str], None]


@dataclass
class Outcome:
    """What a walk did: pages fetched, found already saved, failed; in dry runs, what it would fetch."""

    folder: Path
    fetched: int = 0
    cached: int = 0
    failed: int = 0
    planned: list[tuple[str, Path]] = field(default_factory=list)


class Walk:
    """The walk of one issue: fetch or reuse 版面 pages, then fetch each article page not yet saved."""

    def __init__(self, issue: Issue, out: str | Path, client: Client, on_error: OnError,
                 on_progress: OnProgress | None = None, dry_run: bool = False) -> None:
        self.issue, self.client, self.on_error, self.dry_run = issue, client, on_error, dry_run
        self.on_progress = on_progress or (lambda done, total, url: None)
        self.outcome = Outcome(day_folder(out, issue.key, issue.date))
        self.manifest = load_manifest(self.outcome.folder)
        self._done = 0
        self._known = 1

    def run(self) -> Outcome:
        """Walk the day; a HostError (the site is out of reach) ends it, any other failure skips one page."""
        if not self.dry_run:
            sweep_parts(self.outcome.folder)
        try:
            if self.issue.family.kind(self.issue.start) == "article":
                self._articles([clean(self.issue.start)])
            else:
                self._articles(self._layouts())
        except HostError as error:
            self.outcome.failed += 1
            self.on_error(error)
        return self.outcome

    def _layouts(self) -> list[str]:
        """Every 版面 page of the day reachable from the start, in order; the article URLs they list."""
        queue, seen, articles = [clean(self.issue.start)], set(), {}
        while queue:
            url = queue.pop(0)
            seen.add(url)
            links = self._layout_links(url)
            self._step(url)
            if links is None:
                continue
            for page in links["pages"]:
                if page not in seen and page not in queue:
                    queue.append(page)
                    self._known += 1
            for article in links["articles"]:
                if article not in articles:
                    articles[article] = None
                    self._known += 1
        return list(articles)

    def _layout_links(self, url: str) -> dict | None:
        """The links of a 版面 page: from the manifest when read before, else fetched (and kept when the
        readers know it as a layout page, so they can take each article's 版次 from it)."""
        known = self._known_links(url)
        if known is not None:
            self.outcome.cached += 1
            return known
        try:
            final, body = self._get(url)
            links, is_layout = day_links(self.issue, final, body)
        except HostError:
            raise
        except FetchError as error:
            self.outcome.failed += 1
            self.on_error(error)
            return None
        self.outcome.fetched += 1
        if not self.dry_run:
            if is_layout:
                atomic_write(self.outcome.folder / file_name(url), body)
            self.manifest["layouts"][url] = links
            self.manifest.update(date=self.issue.date.isoformat(), paper=self.issue.paper, start=self.issue.start)
            save_manifest(self.outcome.folder, self.manifest)
        return links

    def _known_links(self, url: str) -> dict | None:
        """A 版面 page's links as the manifest keeps them, each checked again as a fetched page's are
        (a damaged or edited manifest never leads off the site or to another day)."""
        known = self.manifest["layouts"].get(url)
        if not isinstance(known, dict):
            return None
        checked = {}
        for key, kind in (("pages", "layout"), ("articles", "article")):
            links = known.get(key)
            if not isinstance(links, list):
                return None
            checked[key] = [link for link in links if isinstance(link, str)
                            and day_link(self.issue, url, link) == (kind, link)]
        return checked

    def _articles(self, urls: list[str]) -> None:
        for url in urls:
            self._article(url)
            self._step(url)

    def _article(self, url: str) -> None:
        target = self.outcome.folder / file_name(url)
        if target.exists():
            self.outcome.cached += 1
            return
        if self.dry_run:
            self.outcome.planned.append((url, target))
            return
        try:
            _, body = self._get(url)
            self._check_article(url, body)
        except HostError:
            raise
        except FetchError as error:
            self.outcome.failed += 1
            self.on_error(error)
            return
        atomic_write(target, body)
        self.outcome.fetched += 1

    def _get(self, url: str) -> tuple[str, bytes]:
        """The page, whole, from where it was found; a redirect to another day (a site sends a day not yet
        published to its latest issue) is a failure, not that day's page."""
        final, body = self.client.get(url)
        day = self.issue.family.date_of(final)
        if day is not None and day != self.issue.date:
            raise FetchError(url, f"redirects to {final}, a page of {day}", "the paper of "
                             f"{self.issue.date} may not be published yet; run again later")
        _check_whole(url, body)
        return final, body

    def _check_article(self, url: str, body: bytes) -> None:
        marks = self.issue.family.article_marks
        if marks and not any(mark.encode("ascii", "ignore") in body for mark in marks):
            raise FetchError(url, f"is not a {self.issue.family.name} article page (none of "
                                  f"{', '.join(marks)} in it); not saved",
                             "open it in a browser: the site may have changed, or served an error page")

    def _step(self, url: str) -> None:
        self._done += 1
        self.on_progress(self._done, self._known, url)


def _check_whole(url: str, body: bytes) -> None:
    """A page that stops before its end (</body> or </html>) was cut short on the way; it is not saved."""
    tail = body[-4096:].lower()
    if b"</html>" not in tail and b"</body>" not in tail:
        raise FetchError(url, f"ends before </html> ({len(body)} bytes): cut short on the way; not saved",
                         "run again; only what is missing is fetched")
