"""What leads the brief: an item's tier from who acts in its headline and what kind of act it is (the
protocol table's `importance` rows), then its place within the tier by the actor's rank, the row's
weight and the item's own score (coverage, lead position, keywords).

Tiers as an editor uses them: 1 must lead the brief, 2 is printed in full, 3 may be listed by title,
4 is left out of the items in full.
"""
from __future__ import annotations

import re

from ..analyze.entities import is_leader
from ..analyze.offices import officials, rank_of
from ..models import BriefItem
from .protocol import Level, Protocol, Rule

DEFAULT_TIER = 3
_LEVEL_BASE = {"national": 0, "province": 100, "city": 200, "district": 300}


def actor_rank(item: BriefItem, protocol: Protocol, level: Level) -> int | None:
    """The protocol rank of the highest leader the headline names as acting; in a city or district brief,
    of the highest of the office's own leaders in the item."""
    title = item.title
    ranks = [rank_of(protocol.title(name) or "") for name in protocol.names() if name in title]
    ranks += [rank_of(t) for _, _, t in officials(title)]
    if level.name in ("city", "district"):
        ranks += [rank_of(p.title or "") for p in item.people if is_leader(p)]
    ranks = [r for r in ranks if r < 999 and level.lists(r)] or [r for r in ranks if r < 999]
    return min(ranks, default=None)


def rate(item: BriefItem, protocol: Protocol, level: Level) -> tuple[int, float, str]:
    """(tier, score within all items, the rule's kind) of one item."""
    who = actor_rank(item, protocol, level)
    rule = next((r for r in protocol.importance if _matches(r, item.title, who, level)), None)
    tier = rule.tier if rule else DEFAULT_TIER
    # 10 for the top of the brief's own level and anyone above it, then down the protocol order: in a
    # national brief 习近平 10, 李强 9 … a minister 0.5; in a district brief its 区委书记 10, 区长 9.9 …
    base = _LEVEL_BASE.get(level.name, 0)
    standing = 0.0 if who is None else max(0.0, 10.0 - max(0, who - base) / 10.0)
    score = (5 - tier) * 100 + standing * 3 + (rule.weight if rule else 0.0) * 2 + item.score
    return tier, round(score, 4), rule.kind if rule else ""


def _matches(rule: Rule, title: str, who: int | None, level: Level) -> bool:
    if rule.level and rule.level != level.name:
        return False
    if rule.who >= 0 and (who is None or who > rule.who):
        return False
    return bool(re.search(rule.act, title))
