"""The lines of a text as spans: forward (the non-empty ones) and upward
from a point (the headings of a list are read above its lines)."""

from __future__ import annotations

from collections.abc import Iterator


def lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``text``'s lines that are not empty: what the regex
    ``[^\\n]+`` finds."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            yield start, end
        start = end + 1


def lines_above(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The spans of the lines above the one that holds ``at``, nearest first,
    empty ones included (the first line of the text is not reached when it
    is empty)."""
    end = text.rfind("\n", 0, at)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        yield start, end
        end = start - 1
