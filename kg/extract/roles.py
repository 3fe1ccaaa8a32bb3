"""Titles (党组书记, 副主席, 部长) located in text."""

from __future__ import annotations

from functools import lru_cache

from kg.extract import lexicon
from kg.extract.surnames import SURNAMES_SINGLE
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
    spans = [
        (start, end)
        for start, end in _ROLES.spans(text)
        if not text.startswith(_NOT_ROLE_AFTER, end)
        and not _job_inside_word(text, start, end)
    ]
    if _HEAD in text:
        spans = sorted({*spans, *_heads_of_units(text, spans)})
    return spans


def _heads_of_units(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """主管 right after a department and right before a surname: 电商部主管
    韩某 (but 主管部门, 主管副县长 and 由主管领导 are no title); the word
    alone, or at either end of the text asked about, may be one."""
    taken = {at for start, end in spans for at in range(start, end)}
    out = []
    at = text.find(_HEAD)
    while at >= 0:
        end = at + len(_HEAD)
        if (
            at not in taken
            and (at == 0 or text.endswith(_UNIT_ENDS, 0, at))
            and (end == len(text) or text[end] in SURNAMES_SINGLE)
        ):
            out.append((at, end))
        at = text.find(_HEAD, end)
    return out


_HEAD = "主管"
_UNIT_ENDS = ("部", "科", "室", "组", "中心", "车间", "班组", "门店", "店")


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
