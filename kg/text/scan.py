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
from collections.abc import Iterator


class Anchored:
    """``pattern``, whose every match begins with one of ``first``."""

    def __init__(self, pattern: str | re.Pattern[str], first: str) -> None:
        self.pattern = re.compile(pattern)
        self._first = re.compile("[" + re.escape(first) + "]")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text)``."""
        match = self.pattern.match
        end = 0
        for candidate in self._first.finditer(text):
            start = candidate.start()
            if start < end:
                continue
            found = match(text, start)
            if found is not None:
                yield found
                end = found.end()
