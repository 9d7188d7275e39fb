"""The links of a 版面 page that lead to the same day of the same site: its other 版面 pages and its articles."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from ..errors import InputError
from .errors import FetchError
from .issues import Issue


def day_links(issue: Issue, url: str, body: bytes) -> tuple[dict, bool]:
    """{"pages": [...], "articles": [...]} of a 版面 page found at `url`, in page order, and whether the
    readers know the page as a layout page (then it is kept: it gives each article its 版次). A page
    linking to no other page and no article of the day raises FetchError."""
    from ..read.htmltext import parse_html
    from ..read.layout import parse_layout

    try:
        raw, tree = parse_html(body, url)
    except InputError as error:
        raise FetchError(url, error.problem, error.fix) from None
    pages, articles = [], []
    for element in tree.iter("a", "area"):
        link = day_link(issue, url, element.get("href") or "")
        if link is not None:
            (pages if link[0] == "layout" else articles).append(link[1])
    if not articles and len(set(pages)) <= 1:
        raise FetchError(url, f"is not a {issue.family.name} 版面 page of {issue.date}: it links to no other "
                              "page and no article of the day",
                         "check the URL, or the site's profile (the site may have changed its pages)")
    return {"pages": list(dict.fromkeys(pages)), "articles": list(dict.fromkeys(articles))}, \
        parse_layout(raw, tree) is not None


def day_link(issue: Issue, base: str, href: str) -> tuple[str, str] | None:
    """('layout'|'article', URL) for a link to a page of the issue's day on its site; None for any other link."""
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "#")):
        return None
    target = clean(urljoin(base, href))
    if urlsplit(target).hostname != urlsplit(base).hostname:
        return None  # never a link off the site
    kind = issue.family.kind(target)
    if kind is None or issue.family.date_of(target) != issue.date:
        return None
    return kind, target


def clean(url: str) -> str:
    """Without query and fragment: content_1.htm?div=-1 and content_1.htm are one article."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
