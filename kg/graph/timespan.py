"""Time spans: ``--since`` / ``--until`` and the dates a graph carries.

A date in the graph (``schema:datePublished`` of an article, and, when the
graph has them, ``kgo:attestedOn`` of a post and the ``time:Instant`` ends of
its ``org:memberDuring``) may be a day (``2023-06-08``), a month
(``2023-06``) or a year (``2023``), typed or not; it stands for the days it
covers.  A span's ``since`` starts at the first day of what it names and its
``until`` ends at the last (``--until 2023`` takes in 31 December 2023).
A date is *in* a span when the days overlap.

Pure values and string comparisons: no rdflib, no SPARQL engine.  The same
test is offered as a SPARQL ``FILTER`` (``sparql_filter``) for queries that
run on a store.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from kg.errors import KGError

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class SpanError(KGError):
    """A --since or --until value is not a date."""


@dataclass(frozen=True)
class Days:
    """The first and last day (ISO ``YYYY-MM-DD``) a date stands for."""

    first: str
    last: str


def days_of(text: str) -> Days | None:
    """The days a date literal covers; None when it is no date."""
    found = _DATE.match(text.strip())
    if found is None:
        return None
    year, month, day = found.group(1), found.group(2), found.group(3)
    if month is None:
        return Days(f"{year}-01-01", f"{year}-12-31")
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        last = calendar.monthrange(int(year), int(month))[1]
        return Days(f"{year}-{month}-01", f"{year}-{month}-{last:02d}")
    return Days(f"{year}-{month}-{day}", f"{year}-{month}-{day}")


@dataclass(frozen=True)
class TimeSpan:
    """From ``since`` to ``until`` (ISO days, both included; None: open)."""

    since: str | None = None
    until: str | None = None

    @property
    def open(self) -> bool:
        """True when the span leaves nothing out."""
        return self.since is None and self.until is None

    def overlaps(self, first: str, last: str) -> bool:
        """Whether the days ``first``…``last`` meet the span."""
        if self.since is not None and last < self.since:
            return False
        return self.until is None or first <= self.until

    def contains(self, date: str) -> bool:
        """Whether a date literal's days meet the span (a non-date: no)."""
        days = days_of(date)
        return days is not None and self.overlaps(days.first, days.last)

    def describe(self) -> str:
        """``2023-06-01 – 2023-12-31`` (for page titles and messages)."""
        return f"{self.since or '…'} – {self.until or '…'}"

    def sparql_filter(self, variable: str = "?date") -> str:
        """A SPARQL ``FILTER`` keeping rows whose ``variable`` (a date
        literal, of any of the three forms) meets the span."""
        if self.open:
            return ""
        text = f"STR({variable})"
        tests = []
        if self.until is not None:
            tests.append(f'{text} <= "{self.until}"')
        if self.since is not None:
            last = (
                f'IF(STRLEN({text}) = 4, CONCAT({text}, "-12-31"), '
                f'IF(STRLEN({text}) = 7, CONCAT({text}, "-31"), SUBSTR({text}, 1, 10)))'
            )
            tests.append(f'{last} >= "{self.since}"')
        return f"FILTER ({' && '.join(tests)})"


def parse_span(since: str | None = None, until: str | None = None) -> TimeSpan:
    """The span ``--since SINCE --until UNTIL`` (either may be None).

    Raises SpanError naming the value when it is not ``YYYY``, ``YYYY-MM``
    or ``YYYY-MM-DD``, or when ``since`` comes after ``until``.
    """
    first = _bound("--since", since, start=True)
    last = _bound("--until", until, start=False)
    if first is not None and last is not None and first > last:
        raise SpanError(
            f"--since {since} comes after --until {until}; swap them or widen the span"
        )
    return TimeSpan(first, last)


def _bound(option: str, value: str | None, *, start: bool) -> str | None:
    if value is None:
        return None
    days = days_of(value)
    if days is None or _DATE.fullmatch(value.strip()) is None:
        raise SpanError(
            f"{option} {value}: not a date; give YYYY, YYYY-MM or YYYY-MM-DD "
            "(e.g. 2023, 2023-06, 2023-06-08)"
        )
    return days.first if start else days.last
