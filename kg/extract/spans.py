"""Spans sorted by start, with the furthest end reached so far: whether one
holds a stretch is a bisection, not a scan of every span."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """``(start, end)`` spans, sorted."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.reach = list(accumulate((end for _, end in self.spans), max))

    def reach_before(self, offset: int) -> int:
        """The furthest end of a span starting before ``offset`` (-1 if none)."""
        at = bisect_left(self.starts, offset)
        return self.reach[at - 1] if at else -1
