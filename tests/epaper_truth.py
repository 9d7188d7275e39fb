"""The true body of the real pages in ../shared/epaper, computed at test time from each page's own
body container (never written down here), and the character-bigram F1 the readers are held to."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.helpers import SHARED

EPAPER = SHARED / "epaper"
FOUNDER_ISSUE = EPAPER / "hbrb_20230211"
_ENP_RE = re.compile(r"<!--enpcontent-->(.*?)<!--/enpcontent-->", re.S)

#: For each news-site page: its body container and the parts of it that are not body text, as read
#: off each page by hand (photo blocks and captions, link-only lines, paging, the editor's line).
NEWS_PAGES = {
    "gne_shanxi_1.html": ("//div[@class='TRS_Editor']", [".//div[contains(@style, 'center')]"]),
    "gne_cjn_1.html": ("//div[@class='TRS_Editor']",
                       [".//center", ".//p[font[contains(@style, '9pt')]]", ".//p[starts-with(normalize-space(.), '【编辑')]"]),
    "gne_people_1.html": ("//div[@id='rwb_zw']",
                          [".//p[a]", ".//div[@class='zdfy clearfix']", ".//div[@class='edit clearfix']"]),
    "gne_other_1.html": ("//div[@id='UCAP-CONTENT']", [".//p[1]/font", ".//div[@style='display:none']"]),
}


def squeeze(text: str) -> str:
    """Text without any white space, for comparing bodies."""
    return re.sub(r"\s+", "", text)


def bigram_f1(candidate: str, reference: str) -> float:
    """F1 of the multisets of character bigrams of two texts, white space ignored."""
    a, b = squeeze(candidate), squeeze(reference)
    x, y = Counter(a[i:i + 2] for i in range(len(a) - 1)), Counter(b[i:i + 2] for i in range(len(b) - 1))
    overlap = sum((x & y).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(x.values()), overlap / sum(y.values())
    return 2 * precision * recall / (precision + recall)


def founder_truth(path: Path) -> str:
    """A Founder page's own body: the text between its enpcontent markers, tags stripped."""
    raw = path.read_text(encoding="utf-8")
    bodies = list(dict.fromkeys(_ENP_RE.findall(raw)))
    return re.sub(r"<[^>]+>", "\n", "\n".join(bodies)).replace("&nbsp;", " ")


def news_truth(name: str) -> str:
    """A news page's true body: its container's text less the parts that are not body."""
    import lxml.html

    container, drops = NEWS_PAGES[name]
    tree = lxml.html.fromstring((EPAPER / name).read_text(encoding="utf-8"))
    body = tree.xpath(container)[0]
    for xpath in drops:
        for element in body.xpath(xpath):
            element.drop_tree()
    for element in body.xpath(".//script|.//style"):
        element.drop_tree()
    return body.text_content()
