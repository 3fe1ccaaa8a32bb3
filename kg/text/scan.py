"""A regular expression tried only where its match can begin.

``pattern.finditer(text)`` tries the pattern at every offset; a pattern that
opens with a lookbehind or an optional group (``(?:同志)?(?:总书记|…)``) gets
none of the regex engine's quick skipping, and in an article of a thousand
characters most of the work goes to offsets where no match can start.
:class:`Anchored` is told the characters a match can begin with, finds them
with a one-character class (which the engine skips to at C speed) and tries
the pattern at each, in turn, from where the last match ended: the same
matches as ``finditer`` (lookbehinds and ``^`` see the whole text, as there),
for patterns that never match the empty string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


class Anchored:
    """``pattern``, whose every match begins with one of ``first``.

    ``near=(literals, reach)`` says more: every match also holds one of
    ``literals`` (a string, or a tuple of them), starting at most ``reach``
    characters after the match's start (a pattern that ends in 由 after at
    most ten characters), so only the offsets of ``first`` that close before
    one are tried.
    """

    def __init__(
        self,
        pattern: str | re.Pattern[str],
        first: str,
        *,
        near: tuple[str | tuple[str, ...], int] | None = None,
    ) -> None:
        self.pattern = re.compile(pattern)
        self._first = re.compile("[" + re.escape(first) + "]")
        self._near = near

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text)``."""
        match = self.pattern.match
        end = 0
        if self._near is None:
            starts: Iterable[int] = map(_START, self._first.finditer(text))
        else:
            starts = self._near_starts(text, *self._near)
        for start in starts:
            if start < end:
                continue
            found = match(text, start)
            if found is not None:
                yield found
                end = found.end()

    def _near_starts(
        self, text: str, literals: str | tuple[str, ...], reach: int
    ) -> list[int]:
        """The offsets of ``first`` that close before a ``near`` literal."""
        starts: set[int] = set()
        for literal in (literals,) if isinstance(literals, str) else literals:
            at = text.find(literal)
            while at >= 0:
                window = self._first.finditer(text, max(0, at - reach), at + 1)
                starts.update(map(_START, window))
                at = text.find(literal, at + 1)
        return sorted(starts)


_START = re.Match.start
"""A match's start, as a function (for ``map``: no Python frame a match)."""
