"""When a reported act happened, from the words of its sentence: 11月3日, 当地时间4日, 今天（11月4日）,
昨天, 7日至8日 (the first day), 同日 and 当天 (the day last stated), else the day of publication."""
from __future__ import annotations

import datetime as dt
import re

_STOPS = re.compile(r"[。！？\n]")
#: A stated day: [year年][month月]day日 (a range's first day), 今天/今日/昨天/昨日/前天, 同日/当天/当日.
_DAY_RE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?![电报]|出版|发行|起|以来|施行|前后)|(今天|今日|昨天|昨日|前天)|(同日|当天|当日)")
#: What makes a stated day not the act's: a deadline, a status date, an age, a publication.
_NOT_THE_ACT = re.compile(r"(?:截至|截止|出版的|发行的|自|于)$")
_RELATIVE = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}


def day_of(text: str, at: int, published: dt.date, last: dt.date | None = None,
           default: dt.date | None = None) -> dt.date:
    """The day of the act whose subject stands at text[at]: a day stated in its sentence before the
    subject or right after it (赵乐际3日在北京会见…), else `last` for 同日/当天, else `default` (the day the
    report opens with), else the publication day."""
    start = max((m.end() for m in _STOPS.finditer(text, 0, at)), default=0)
    after = _STOPS.search(text, at)
    window = text[start:min(after.start() if after else len(text), at + 24)]
    for match in _DAY_RE.finditer(window):
        if _NOT_THE_ACT.search(window, 0, match.start()):
            continue
        day = _resolve(match, published, last)
        if day is not None:
            return day
    return default or published


def _resolve(match: re.Match, published: dt.date, last: dt.date | None) -> dt.date | None:
    year, month, day, relative, same = match.groups()
    if relative:
        return published - dt.timedelta(days=_RELATIVE[relative])
    if same:
        return last
    return calendar_day(published, int(day), int(month) if month else None, int(year) if year else None)


def calendar_day(published: dt.date, day: int, month: int | None = None, year: int | None = None) -> dt.date | None:
    """The date a report published on `published` means by day [month [year]]: 3日 is this month, or the
    last when that day is still to come; 12月5日 in January is last year's; None when no such date."""
    if month is None:
        base = published if day <= published.day else published.replace(day=1) - dt.timedelta(days=1)
        year, month = base.year, base.month
    elif year is None:
        year = published.year - 1 if month > published.month + 1 else published.year
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
