"""Many literal words found in one pass, as a regular alternation would.

``re.compile("|".join(sorted(words, key=len, reverse=True)))`` finds, left
to right, the longest word at each position and goes on after it; with
hundreds of words Python's regex engine tries them one by one at every
offset.  :class:`Literals` gives the same spans from an Aho-Corasick
automaton (ahocorasick-rs, leftmost-longest), several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


class Literals:
    """A set of literal words (none empty), matched leftmost-longest."""

    def __init__(self, words: Iterable[str]) -> None:
        from ahocorasick_rs import AhoCorasick, MatchKind

        self.words = tuple(sorted(set(words)))
        if not all(self.words):
            raise ValueError("an empty word would match everywhere")
        self._automaton = AhoCorasick(self.words, matchkind=MatchKind.LeftmostLongest)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the words stand in ``text``: leftmost, longest, no overlaps."""
        found = find_in(self._automaton, text)
        return [(start, end) for _, start, end in found]


def find_in(
    automaton: Any, text: str, *, overlapping: bool = False
) -> list[tuple[int, int, int]]:
    """``automaton.find_matches_as_indexes(text)``, also for a text holding
    lone surrogates (which cannot be encoded for it): each is read as U+FFFD,
    which no word holds, so the offsets and matches are the same."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=overlapping)
    except UnicodeEncodeError:
        clean = _SURROGATE.sub("\ufffd", text)
        return automaton.find_matches_as_indexes(clean, overlapping=overlapping)
