"""Word segmentation and part-of-speech tags, loaded lazily and cached.

jieba is the one expensive dependency of extraction (about 1.4 s to load its
dictionary, ~100k chars/s tagging): extractors call it only on the short
stretches where a name can stand, never on whole articles.
"""

from __future__ import annotations

from functools import lru_cache

from kg.text.dictionary import jieba_modules
from kg.text.tags import tag as pairs
from kg.text.words import cut

_jieba = jieba_modules
"""jieba and jieba.posseg, loaded once (:mod:`kg.text.dictionary`)."""


@lru_cache(maxsize=4096)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """Words of ``text`` with their part-of-speech flags (jieba, HMM on), by
    :func:`kg.text.tags.tag`, jieba.posseg's own steps made faster."""
    return tuple(pairs(text))


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Dictionary words of ``text`` (jieba, HMM off: no guessed words), by
    :func:`kg.text.words.cut`, jieba's own programme made faster."""
    return tuple(cut(text))


@lru_cache(maxsize=4096)
def plain_tag(text: str) -> tuple[tuple[str, str], ...]:
    """Dictionary words of ``text`` with their flags (HMM off: unknown
    stretches come out as single characters)."""
    return tuple(pairs(text, hmm=False))


def dictionary_entry(word: str) -> tuple[int, str]:
    """jieba's frequency and part-of-speech flag for ``word`` (0, "" if absent)."""
    freq, flags = _entries()
    return freq.get(word) or 0, flags.get(word, "")


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's word frequencies and flags (asked for some 90 times an article)."""
    jieba, posseg = _jieba()
    return jieba.dt.FREQ, posseg.dt.word_tag_tab
