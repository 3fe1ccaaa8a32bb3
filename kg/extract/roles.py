"""Titles (党组书记, 副主席, 部长) located in text."""

from __future__ import annotations

from functools import lru_cache

from kg.extract import lexicon
from kg.text.literals import Literals
from kg.text.segmenter import dictionary_entry

TITLES = lexicon.ROLES | lexicon.POST_ROLES | lexicon.JOB_TITLES
"""Every title the post parser reads."""
_ROLES = Literals(TITLES)
# A title followed by these is another word: 主席台, 书记处, 主任科员, 委员会.
_NOT_ROLE_AFTER = ("台", "团", "处", "科员", "会", "制", "们")


@lru_cache(maxsize=1024)
def role_spans(text: str) -> list[tuple[int, int]]:
    """Every title in ``text`` as (start, end), leftmost-longest."""
    return [
        (start, end)
        for start, end in _ROLES.spans(text)
        if not text.startswith(_NOT_ROLE_AFTER, end)
        and not _job_inside_word(text, start, end)
    ]


def _job_inside_word(text: str, start: int, end: int) -> bool:
    """A job whose last character opens a word with the next (土木|工程, 环卫
    工|人): the job is part of a longer word, not a title."""
    if text[start:end] not in lexicon.JOB_TITLES or end >= len(text):
        return False
    freq, _ = dictionary_entry(text[end - 1 : end + 1])
    return freq >= _WORD_FREQ


_WORD_FREQ = 100


def split_roles(text: str) -> tuple[str, ...] | None:
    """``text`` read as a run of titles (党组书记副主席 → 2), or None."""
    out: list[str] = []
    position = 0
    for start, end in role_spans(text):
        if start != position:
            return None
        out.append(text[start:end])
        position = end
    return tuple(out) if out and position == len(text) else None
