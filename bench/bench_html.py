"""How the general HTML extractor candidates do on the real pages in ../shared/epaper: body
character-bigram F1 against each page's true body (tests/epaper_truth.py), and time a page.

    python bench/bench_html.py        # needs trafilatura, readability-lxml and gne installed
    python bench/bench_html.py DIR    # pages without known truth: how often ours agrees with them

With DIR (e.g. the test pages of gne's repository, 62 news sites), a page counts as agreed when our
body has bigram F1 >= 0.8 with trafilatura's or gne's; the rest are listed to be read by eye.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.epaper_truth import EPAPER, FOUNDER_ISSUE, NEWS_PAGES, bigram_f1, founder_truth, news_truth  # noqa: E402


def ours(html: str) -> str:
    from briefing.read.extract import extract_body
    from briefing.read.htmltext import parse_html

    return "\n".join(extract_body(parse_html(html.encode("utf-8"), "-")[1]))


def ours_families(html: str) -> str:
    from briefing.read.html import read_html

    return "\n".join(read_html(html.encode("utf-8"), "-")[0].paragraphs)


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def readability_text(html: str) -> str:
    import lxml.html
    from readability import Document

    return lxml.html.fromstring(Document(html).summary()).text_content()


def gne_text(html: str) -> str:
    from gne import GeneralNewsExtractor

    return GeneralNewsExtractor().extract(html)["content"]


SYSTEMS = {"briefing (families)": ours_families, "briefing extract.py": ours, "trafilatura": trafilatura_text,
           "readability-lxml": readability_text, "gne": gne_text}


def main() -> None:
    if not EPAPER.exists():
        sys.exit(f"bench: {EPAPER} not found")
    pages = [(name, news_truth(name)) for name in NEWS_PAGES]
    pages += [(p.name[-22:], founder_truth(p)) for p in sorted(FOUNDER_ISSUE.glob("*.html"))[:4]]
    print(f"{'page':24}" + "".join(f"{name[:19]:>21}" for name in SYSTEMS))
    totals = {name: [] for name in SYSTEMS}
    for name, truth in pages:
        html = (EPAPER / name).read_text(encoding="utf-8") if (EPAPER / name).exists() else \
            next(FOUNDER_ISSUE.glob(f"*{name}")).read_text(encoding="utf-8")
        row = f"{name[:24]:24}"
        for system, run in SYSTEMS.items():
            start = time.perf_counter()
            try:
                score = bigram_f1(run(html), truth)
            except Exception as error:  # a candidate failing on a page scores 0 and says why
                score = 0.0
                print(f"  {system} failed on {name}: {type(error).__name__}: {error}", file=sys.stderr)
            totals[system].append((score, time.perf_counter() - start))
            row += f"{score:>21.3f}"
        print(row)
    print(f"{'mean F1 (news 4)':24}" + "".join(f"{sum(s for s, _ in v[:4]) / 4:>21.3f}" for v in totals.values()))
    print(f"{'min F1 (news 4)':24}" + "".join(f"{min(s for s, _ in v[:4]):>21.3f}" for v in totals.values()))
    print(f"{'mean F1 (all)':24}" + "".join(f"{sum(s for s, _ in v) / len(v):>21.3f}" for v in totals.values()))
    print(f"{'ms a page':24}" + "".join(f"{1000 * sum(t for _, t in v) / len(v):>21.1f}" for v in totals.values()))


def agreement(folder: str) -> None:
    pages = sorted(Path(folder).glob("*.htm*"))
    odd = []
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        body = _safe(ours_families, html)
        scores = [bigram_f1(body, _safe(run, html)) for run in (trafilatura_text, gne_text)]
        if max(scores) < 0.8:
            odd.append((page.name, len(body), scores))
    print(f"{len(pages) - len(odd)} of {len(pages)} pages agree (F1 >= 0.8 with trafilatura or gne); read these:")
    for name, length, (t, g) in odd:
        print(f"  {name}: ours {length} chars, F1 with trafilatura {t:.2f}, with gne {g:.2f}")


def _safe(run, html: str) -> str:
    try:
        return run(html)
    except Exception:  # a candidate that fails on a page gives no text there
        return ""


if __name__ == "__main__":
    agreement(sys.argv[1]) if len(sys.argv) > 1 else main()
