"""jieba, loaded once: its dictionary and part-of-speech tagger.

Every module that segments or tags text (:mod:`kg.text.words`,
:mod:`kg.text.tags`, :mod:`kg.text.segmenter`) asks here, so jieba is
initialised once per process and quietly, and those modules import one
another in one direction only.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any


@cache
def jieba_modules() -> tuple[Any, Any]:
    """``jieba`` and ``jieba.posseg``, initialised."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, jieba.posseg
