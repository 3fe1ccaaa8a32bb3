"""Word segmentation and part-of-speech tags, loaded lazily and cached.

jieba is the one expensive dependency of extraction (about 1.4 s to load its
dictionary, ~100k chars/s tagging): extractors call it only on the short
stretches where a name can stand, never on whole articles.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import Any


@cache
def _jieba() -> tuple[Any, Any]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, jieba.posseg


@lru_cache(maxsize=65536)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """Words of ``text`` with their part-of-speech flags (jieba, HMM on)."""
    _, posseg = _jieba()
    return tuple((pair.word, pair.flag) for pair in posseg.cut(text))


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Dictionary words of ``text`` (jieba, HMM off: no guessed words)."""
    jieba, _ = _jieba()
    return tuple(jieba.cut(text, HMM=False))


def word_frequency(word: str) -> int:
    """How often jieba's dictionary saw ``word`` (0 when absent)."""
    jieba, _ = _jieba()
    return int(jieba.dt.FREQ.get(word, 0))
