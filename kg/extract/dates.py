"""Dates the text gives for an event: 2024年3月26日, 3月26日, 今年一月.

A date without a year takes the article's year (the year before, when its
month is later than the article's: an article of January reporting 12月28日);
``今年``/``去年`` count from the article's year.  Dates are ISO strings as
precise as the text: ``2024-03-26``, ``2024-03`` or ``2024``.
"""

from __future__ import annotations

import re

_MONTHS = {n: i for i, n in enumerate("一二三四五六七八九十", start=1)}
_MONTHS.update({"十一": 11, "十二": 12})
_MONTH = r"(\d{1,2}|十[一二]|[一二三四五六七八九十])"
_DATE = re.compile(
    rf"(?:(\d{{4}})年|(今年|去年|前年))?{_MONTH}月(?:(\d{{1,2}})[日号])?"
    r"|(\d{4})年(?!\d)"
)
_BACK = {"今年": 0, "去年": 1, "前年": 2}


def last_date(text: str, start: int, end: int, article: str | None) -> str | None:
    """The last date written in ``text[start:end]``, as ISO, or ``None``."""
    found = None
    for match in _DATE.finditer(text, start, end):
        found = match
    return _iso(found, article) if found else None


def _iso(match: re.Match[str], article: str | None) -> str | None:
    year_text, relative, month_text, day_text, year_only = match.groups()
    if year_only:
        return year_only
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text, 0)
    if not 1 <= month <= 12:
        return None
    year = _year(year_text, relative, month, article)
    if year is None:
        return None
    if day_text and 1 <= int(day_text) <= 31:
        return f"{year:04d}-{month:02d}-{int(day_text):02d}"
    return f"{year:04d}-{month:02d}"


def _year(
    written: str | None, relative: str | None, month: int, article: str | None
) -> int | None:
    if written:
        return int(written)
    if not article or not article[:4].isdigit():
        return None
    year = int(article[:4])
    if relative:
        return year - _BACK[relative]
    article_month = int(article[5:7]) if article[5:7].isdigit() else 12
    return year - 1 if month > article_month else year


def opening_date(text: str, start: int, article: str | None) -> str | None:
    """The date a paragraph opens with (``3月26日，……``), as ISO."""
    match = _DATE.match(text, start)
    return _iso(match, article) if match else None
