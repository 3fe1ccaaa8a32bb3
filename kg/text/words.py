"""jieba's segmentation with the HMM off: the same words, found faster.

``jieba.cut(text, HMM=False)`` builds a dict of every dictionary word at
each offset, then scores each offset with a generator of tuples; this is
the same dynamic programme (the same log-frequency sums, added in the same
order, ties going to the longer word as ``max`` over ``(score, end)`` gives
them) in one loop, with each word's weight computed once.  Its words are
jieba's, character for character (``tests/test_segmenter.py`` compares them
on every bundled article); :func:`kg.text.segmenter.words` uses it.
"""

from __future__ import annotations

import re
from functools import cache
from math import log
from typing import Any

# jieba.re_han_default, jieba.re_skip_default, jieba.re_eng
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%-]+)")
_SKIP = re.compile(r"(\r\n|\s)")
_LATIN = re.compile("[a-zA-Z0-9]")


def cut(text: str) -> list[str]:
    """The words of ``text``, as ``jieba.cut(text, HMM=False)`` gives them."""
    out: list[str] = []
    for block in _BLOCK.split(text):
        if not block:
            continue
        if _BLOCK.match(block):
            _cut_block(block, out)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                out.append(piece)
            else:
                out.extend(piece)
    return out


def _cut_block(block: str, out: list[str]) -> None:
    ends = routes(block)
    size = len(block)
    at = 0
    latin = ""
    while at < size:
        nxt = ends[at] + 1
        word = block[at:nxt]
        if len(word) == 1 and _LATIN.match(word):
            latin += word
        else:
            if latin:
                out.append(latin)
                latin = ""
            out.append(word)
        at = nxt
    if latin:
        out.append(latin)


def routes(block: str) -> list[int]:
    """For each offset of ``block``, where the word jieba's best route takes
    from there ends (its last character): ``Tokenizer.calc``'s choices."""
    freq, weights, logtotal = _dictionary()
    size = len(block)
    scores = [0.0] * (size + 1)
    ends = [0] * (size + 1)
    for start in range(size - 1, -1, -1):
        best = 0.0
        best_end = -1
        end = start
        frag = block[start]
        while True:
            # log(freq) - log(total), as jieba computes it; None for a prefix
            # that is no word; a fragment that is not even a prefix ends it
            weight = weights.get(frag, _MISSING)
            if weight is _MISSING:
                count = freq.get(frag)
                if count is None:
                    break
                weight = weights[frag] = log(count) - logtotal if count else None
            if weight is not None:
                score = weight + scores[end + 1]
                if best_end < 0 or score >= best:
                    best, best_end = score, end
            end += 1
            if end == size:
                break
            frag = block[start : end + 1]
        if best_end < 0:  # no word: the character alone
            char = block[start]
            best = log(freq.get(char) or 1) - logtotal + scores[start + 1]
            best_end = start
        scores[start] = best
        ends[start] = best_end
    return ends


_MISSING: Any = object()


@cache
def _dictionary() -> tuple[dict[str, int], dict[str, Any], float]:
    from kg.text.dictionary import jieba_modules as _jieba

    jieba, _ = _jieba()
    return jieba.dt.FREQ, {}, log(jieba.dt.total)
