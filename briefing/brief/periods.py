"""The period of a brief: a day, an ISO week, a month, a quarter or a year, and 第N期 when none is set."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..errors import BriefingError
from ..models import Article

PERIOD_TITLES = {"day": "每日要情", "week": "每周要情", "month": "月度要情", "quarter": "季度要情", "year": "年度要情"}
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")


class PeriodError(BriefingError):
    """No period to brief: no dated articles, a malformed --week, or nothing in the chosen period."""


def parse_week(text: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week written YYYY-Www."""
    match = _WEEK_RE.match(text.strip())
    try:
        if not match or not 1900 <= int(match.group(1)) <= 2100:  # 9999-W52 overflowed the date maths
            raise ValueError
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise PeriodError(f"--week {text}: not an ISO week; write it like 2025-W48 (weeks 01-52 or 53)") from None
    return monday, monday + dt.timedelta(days=6)


def period_of(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The day itself, or the Monday-Sunday week, calendar month, quarter or year that contains it."""
    if period == "day":
        return day, day
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    first_month = {"month": day.month, "quarter": 3 * ((day.month - 1) // 3) + 1, "year": 1}[period]
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    start = dt.date(day.year, first_month, 1)
    after = dt.date(start.year + (first_month - 1 + months) // 12, (first_month - 1 + months) % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


def default_issue(start: dt.date, period: str) -> int:
    """第N期 when the configuration sets none: the day of the year, ISO week, month, quarter, or 1 a year."""
    return {"day": start.timetuple().tm_yday, "week": start.isocalendar()[1], "month": start.month,
            "quarter": (start.month - 1) // 3 + 1, "year": 1}[period]


def article_day(article: Article) -> dt.date | None:
    """The article's date, or None when it has none or it is not a YYYY-MM-DD date."""
    try:
        return dt.date.fromisoformat((article.date or "")[:10])
    except ValueError:
        return None


def choose_period(days: Iterable[dt.date | None], period: str, date: str | None = None,
                  week: str | None = None) -> tuple[dt.date, dt.date]:
    """The period asked for (--week, --date), else the latest one found in the inputs."""
    if week:
        return parse_week(week)
    if date:
        try:
            return period_of(dt.date.fromisoformat(date), period)
        except ValueError:
            raise PeriodError(f"--date {date}: not a date; write it like 2025-11-24") from None
    known = [day for day in days if day is not None]
    if not known:
        raise PeriodError("no dated articles in the inputs; name the pages like 2024-05-13.txt, "
                          'give JSONL records a "date", or pass --date')
    return period_of(max(known), period)
