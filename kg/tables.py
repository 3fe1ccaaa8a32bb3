"""Plain-text tables that line up in a terminal, Chinese included.

Wide and full-width characters (every Han character) take two columns,
combining marks none; the table and query reports all measure with this.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def char_width(char: str) -> int:
    """Columns one character takes in a terminal."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    return sum(map(char_width, text))


def aligned(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    left: set[int] | None = None,
) -> list[str]:
    """Rows padded to line up; column 0 and ``left`` left-aligned, the rest
    right-aligned (numbers)."""
    lefts = {0} | (left or set())
    body = [header, *rows]
    widths = [max(display_width(row[c]) for row in body) for c in range(len(header))]
    return [
        "  ".join(
            _pad(cell, size, left=c in lefts)
            for c, (cell, size) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in body
    ]


def _pad(text: str, size: int, *, left: bool) -> str:
    gap = " " * (size - display_width(text))
    return text + gap if left else gap + text
