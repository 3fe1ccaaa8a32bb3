"""Where a place name may start and end: jieba's word boundaries, HMM off.

A mention must begin and end on a word boundary of jieba's segmentation, so
示范县 does not give 范县; it may end inside a token when what follows opens
an organisation name (无锡市委 gives 无锡市).  Used by
:meth:`kg.extract.gazetteer.Gazetteer.find`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

# What may follow a place name inside one jieba token: the head of an
# organisation name (无锡市委, 江阴市政府, 梁溪区总工会).
ORG_HEADS = tuple(
    "委 政府 人民 人大 政协 总工会 工会 党 纪委 公安 法院 检察 妇联 团委 教育局 "
    "财政局 文明办".split()
)
# One-character words that may stand before 县委/区委 without naming a place:
# 和|县委 is "and the county committee", not 和县's committee.
FUNCTION_CHARS = frozenset("和与及或并在对向给为被把从由是等也都将让使到于以之各该本我")
# Surnames that are far more often words before a place (来桂林, 原崇安区,
# 全无锡, 游桂林): after them a short form is still read as a place.
NOT_SURNAMES = FUNCTION_CHARS | set("来去原全游居经过回出进平安成新老国海明南东西北中")
# Modal verbs and adverbs that stand before a verb: after them a county's
# stem that is a common word is that word (要|会同|县总工会: "together with").
BEFORE_VERBS = frozenset("要将应须需并还也都已可能会再又")
_COMMON_STEM = 100
"""How often jieba's dictionary has seen a stem that reads as a word."""
# jieba's blocks (``jieba.re_han_default``): segmented one at a time.
_BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%-]+")


class Segmentation:
    """Word boundaries of a text by jieba's default dictionary, HMM off.

    jieba cuts a text into blocks (runs of Han characters, Latin letters,
    digits and ``+#&._%-``) and every other character, and segments each
    block on its own; so a block is segmented only when a question falls
    inside it, the same words ``words(text)`` would give, at a fraction of
    the cost (most blocks hold no place name).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._blocks = [match.span() for match in _BLOCK.finditer(text)]
        self._block_starts = [start for start, _ in self._blocks]
        self._cut: dict[int, list[int]] = {}

    def _is_bound(self, offset: int) -> bool:
        """Whether a word of jieba's segmentation starts or ends at ``offset``."""
        token = self._token_at(offset)
        return token is None or token[0] == offset

    def _token_at(self, offset: int) -> tuple[int, int] | None:
        """The word of a block that ``offset`` falls strictly inside, or
        starts (``None`` at a block's edge, where no dictionary word could
        span ``offset``, or outside every block, where jieba cuts at every
        character but inside ``\\r\\n``)."""
        at = bisect_right(self._block_starts, offset) - 1
        if at < 0 or offset >= self._blocks[at][1]:
            if offset > 0 and self.text[offset - 1 : offset + 1] == "\r\n":
                return (offset - 1, offset + 1)
            return None
        start, end = self._blocks[at]
        if offset == start or not _spanned(self.text, start, offset):
            return None
        starts = self._cut.get(start)
        if starts is None:
            starts = self._cut[start] = _word_starts(self.text[start:end], start)
        at = bisect_right(starts, offset) - 1
        return starts[at], starts[at + 1]

    def starts_word(self, start: int) -> bool:
        return start == 0 or not _is_han(self.text[start - 1]) or self._is_bound(start)

    def after_surname(self, start: int) -> bool:
        """Whether a lone surname stands just before ``start`` (记者刘|桂林)."""
        if start == 0 or self.text[start - 1] not in _surnames():
            return False
        return self._is_bound(start - 1) and self._is_bound(start)

    def word_after_modal(self, start: int, stem: str) -> bool:
        """Whether the place name at ``start`` opens with ``stem``, a common
        word, right after a modal or adverb (要会同县总工会, 将通道县…)."""
        if start == 0 or self.text[start - 1] not in BEFORE_VERBS:
            return False
        from kg.text.segmenter import dictionary_entry

        freq, flag = dictionary_entry(stem)
        if flag.startswith("ns"):
            return False  # 将上海市…: the stem is known as a place
        return freq >= _COMMON_STEM and self._is_bound(start)

    def ends_word(self, start: int, end: int) -> bool:
        """Whether a name ``text[start:end]`` may end at ``end``.

        Inside a token, only before the head of an organisation name, and
        only when the token began with the name (无锡市委), the name has two
        characters before it (锡山|区委), or its one character before it is
        not a function word (范|县总工会, but not 和|县委).
        """
        if end == len(self.text) or not _is_han(self.text[end]):
            return True
        token = self._token_at(end)
        if token is None or token[0] == end:
            return True
        token_start, token_end = token
        if token_start - start == 1 and self.text[start] in FUNCTION_CHARS:
            return False
        return self.text[end:token_end].startswith(ORG_HEADS)


def _spanned(text: str, block_start: int, offset: int) -> bool:
    """Could a word of jieba's dictionary hold both ``text[offset - 1]`` and
    ``text[offset]``?  jieba's dictionary holds every prefix of its words, so
    if no stretch that starts before ``offset`` (in its block, no longer than
    the longest word) and takes in ``text[offset]`` is a prefix, every word of
    the segmentation starts or ends at ``offset``: no need to segment."""
    prefixes, longest = _dictionary()
    first = max(block_start, offset + 1 - longest)
    return any(text[k : offset + 1] in prefixes for k in range(first, offset))


@cache
def _dictionary() -> tuple[dict[str, int], int]:
    from kg.text.dictionary import jieba_modules as _jieba

    jieba, _ = _jieba()
    freq: dict[str, int] = jieba.dt.FREQ
    return freq, max(len(word) for word, count in freq.items() if count)


def _word_starts(block: str, offset: int) -> list[int]:
    """Where each word of ``block`` (written at ``offset``) starts, by jieba's
    segmentation, HMM off, and where the last one ends."""
    from kg.text.segmenter import words

    starts = [offset]
    for token in words(block):
        offset += len(token)
        starts.append(offset)
    return starts


@cache
def _surnames() -> frozenset[str]:
    # Imported here: kg.extract imports this module.
    from kg.extract.surnames import SURNAMES_SINGLE

    return SURNAMES_SINGLE - NOT_SURNAMES


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"
