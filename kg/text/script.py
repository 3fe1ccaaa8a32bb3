"""Traditional → Simplified Chinese, keeping every offset.

``Document.text`` is Simplified and ``Document.original`` holds the
characters the source used; the two must have the same length so that an
offset into one is an offset into the other.  OpenCC's ``t2s`` conversion
almost always maps one character to one character; where a phrase rule
would change the length, the text is converted run by run, and a run that
still changes length character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _converter() -> _Converter:
    import opencc  # a core dependency, imported on first use

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, always of the same length."""
    if not text or text.isascii():
        return text
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return _HAN_RUN.sub(lambda m: _convert_run(m.group(), converter), text)


def _convert_run(run: str, converter: _Converter) -> str:
    converted = converter.convert(run)
    if len(converted) == len(run):
        return converted
    return "".join(_convert_char(char, converter) for char in run)


def _convert_char(char: str, converter: _Converter) -> str:
    converted = converter.convert(char)
    return converted if len(converted) == 1 else char
