"""People with titles, organisations and figures, on the real page and on the repo's seeds."""
import pytest

from briefing.api import read_articles
from briefing.analyze.scoring import summarize_article

from .helpers import SEEDS, real_page


@pytest.fixture(scope="module")
def real_entities():
    return [summarize_article(a).entities for a in read_articles(str(real_page()))]


def test_people_and_titles_on_the_real_page(real_entities):
    people = {p.name: p.title for e in real_entities for p in e.people}
    assert "书记" in people["樊惠林"]
    for name in ("虎荣鑫", "屈连武", "吕安民", "张春丽"):
        assert name in people
    assert people["虎荣鑫"] == "区委副书记、区长"
    assert people["王泽文"] == "区委常委、统战部长、区委办主任"
    assert people["屈连武"] == "区委常委、常务副区长"


def test_figures_and_dates_on_the_real_page(real_entities):
    figures = [f for e in real_entities for f in e.figures]
    for figure in ("3000万元", "8亿元", "1.57亿元", "200至400家", "32个"):
        assert any(figure in f for f in figures), figure
    dates = {d for e in real_entities for d in e.dates}
    assert {"4月21日~23日", "22日~23日上午", "近日"} <= dates


def test_organisations_do_not_swallow_the_clause_before_them(real_entities):
    orgs = [o for e in real_entities for o in e.organizations]
    assert "唐久便利集团" in orgs and "河南时事通医疗大数据有限公司" in orgs and "陕西西部实业控股集团" in orgs
    for noisy in ("小分队实地走访考察唐久便利集团", "详细了解唐久集团", "切实用好学校"):
        assert noisy not in orgs
    assert not any(o.startswith(("实地", "会见", "与")) for o in orgs)


def test_seed_pages_give_titled_people():
    for page in sorted(SEEDS.glob("*.txt")):
        for article in read_articles(str(page)):
            for person in summarize_article(article).entities.people:
                assert 2 <= len(person.name) <= 4 and person.title


def test_is_leader_on_the_real_page(real_entities):
    from briefing.analyze.entities import is_leader

    people = {p.name: p for e in real_entities for p in e.people}
    assert is_leader(people["樊惠林"]) and is_leader(people["虎荣鑫"]) and is_leader(people["屈连武"])
    assert not is_leader(people["张春丽"])  # 董事长 of a company: no office


def test_is_leader_on_seeds():
    from briefing.analyze.entities import is_leader

    people = {p.name: p for path in sorted(SEEDS.glob("*.txt"))
              for a in read_articles(str(path)) for p in summarize_article(a).entities.people}
    assert is_leader(people["周明远"]) and is_leader(people["何志强"])
    assert not any(is_leader(p) for p in people.values() if p.title and "董事长" in p.title)
