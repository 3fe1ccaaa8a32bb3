"""Pinyin forms of labels, for search and for readers without Chinese input.

pypinyin reads surnames as ordinary words (单 dān, 曾 céng); a person's
surname is read from the override table instead.
"""

from __future__ import annotations

from functools import lru_cache

SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "缪": "miao",
    "召": "shao",
    "员": "yun",
    "宓": "mi",
    "秘": "bi",
    "繁": "po",
    "种": "chong",
    "翟": "zhai",
    "尉": "yu",
    "万俟": "mo qi",
    "长孙": "zhang sun",
    "尉迟": "yu chi",
    "折": "she",
    "藏": "zang",
    "卜": "bu",
    "任": "ren",
    "沈": "shen",
    "郇": "xun",
    "隗": "wei",
}


_SURNAMES_LONGEST_FIRST = sorted(SURNAME_READINGS, key=len, reverse=True)


@lru_cache(maxsize=65536)
def to_pinyin(text: str, *, person: bool = False) -> str:
    """``text`` in toneless pinyin, syllables separated by spaces."""
    from pypinyin import lazy_pinyin

    if person:
        for surname in _SURNAMES_LONGEST_FIRST:
            if text.startswith(surname) and len(text) > len(surname):
                rest = lazy_pinyin(text[len(surname) :], errors="default")
                return " ".join([SURNAME_READINGS[surname], *rest]).strip()
        return to_pinyin(text)  # the same reading, cached once for both uses
    return " ".join(s for s in lazy_pinyin(text, errors="default") if s.strip())


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """An ASCII slug for IRIs: pinyin joined with hyphens, lower case (names
    recur across a corpus's articles: each is read once per process)."""
    out = []
    for part in to_pinyin(text).lower().split():
        cleaned = "".join(c for c in part if c.isascii() and c.isalnum())
        if cleaned:
            out.append(cleaned)
    return "-".join(out)[:60] or "x"
