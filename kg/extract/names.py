"""Person names in text: where one starts, how long it is, the lists it
stands in.

Names are read only where the genre puts them (after a title, in a byline,
before 表示/说), so the test here is about length and what follows: a
string shaped like a name (:mod:`kg.extract.name_shapes`: a surname from
the list, Han characters, not a common word) and a following word that fits
(张忠|表示, 杨卫中|主动).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import roles
from kg.extract.name_shapes import (
    FOLLOW_SET,
    FOLLOW_STARTS,
    HAN,
    INNER_STOP,
    common_word,
    plausible,
    surname_length,
    unlisted_shape,
)
from kg.text.marks import ETHNICITY, SEX
from kg.text.segmenter import dictionary_entry, words

_TRANSLITERATED = re.compile(
    r"(?:(?![的了着在是])[\u4e00-\u9fff]){1,6}(?:[·•・][\u4e00-\u9fff]{1,8})+"
)
"""A transliterated name; no particle in its first part (来自阿克苏的|甲·乙)."""
DOTS = frozenset("·•・")
"""The dots between the parts of a transliterated name (艾尔肯·吐尔逊)."""
_SYLLABLES_AFTER_DU = frozenset("拉热外克吉力依米尔买合")
"""After 都 inside a transliterated name, syllables that carry it on."""
_LAST_SYLLABLES = frozenset("提")
"""A name's last syllable that opens a word with what follows (买买提|出席)."""
_PUNCT = set("，,。；;：:、！？!?“”‘’「」《》()（）【】[] \n\t　…—｜|│")


def _dotted_ahead(text: str, start: int) -> bool:
    """Could a transliterated name (艾尔肯·吐尔逊) start at ``start``?  Its
    regex needs a dot within the six characters after the first."""
    return bool(DOTS.intersection(text[start + 1 : start + 7]))


def read_name(text: str, start: int, *, strict: bool = False) -> int | None:
    """End of the name that starts at ``start``, or None if none does.

    A name followed by a word that usually follows names (表示, 说, 、) is
    taken first; otherwise, unless ``strict``, one followed by any longer
    dictionary word (杨卫中|主动请缨).
    """
    transliterated = (
        _TRANSLITERATED.match(text, start) if _dotted_ahead(text, start) else None
    )
    if transliterated is not None:  # 艾尔肯·吐尔逊: no surname list applies
        last_dot = max(transliterated.group().rfind(d) for d in "·•・")
        ends = range(start + last_dot + 3, transliterated.end() + 1)
        for end in ends:
            if not _followed_well(text, end):
                continue
            if (
                text[end : end + 1] in _LAST_SYLLABLES
                and end + 1 in ends
                and _FOLLOW_LONG.match(text, end + 1)
            ):
                continue  # 阿依古丽·买买提|出席, not 买买|提出
            if text[end : end + 1] in _NAME_FINAL and end + 1 in ends:
                after = text[end + 1 : end + 2]
                if not after or after in _PUNCT:
                    continue  # 热合曼·阿不都，: 都 ends the name
                if after in _SYLLABLES_AFTER_DU and end + 2 in ends:
                    continue  # 艾合买提·阿布都拉: 都拉 goes on (Abdulla)
            return end
    surname = surname_length(text[start : start + 2])
    if not surname:
        return None
    lengths = [surname + 1, surname + 2]
    shorter = None
    for length in lengths:
        end = start + length
        if plausible(text[start:end]) and _followed_well(text, end):
            if shorter is not None or not _loose_and(text, end):
                return end
            shorter = end  # 杜庆|和同志: try 杜庆和 first
    if shorter is not None:
        return shorter
    if strict:
        return None
    for length in lengths:
        end = start + length
        name = text[start:end]
        if plausible(name) and not common_word(name) and _opens_word(text, end):
            return end
    return None


def _loose_and(text: str, end: int) -> bool:
    """杜庆|和同志: a 和 after a name that no name follows is the name's own."""
    if text[end : end + 1] not in ("和", "与", "及"):
        return False
    surname = surname_length(text[end + 1 : end + 3])
    return not surname or not plausible(text[end + 1 : end + 2 + surname])


def _followed_well(text: str, end: int) -> bool:
    """The next dictionary word is one that follows names (表示, 说, 等)."""
    if end >= len(text) or text[end] in _PUNCT:
        return True
    if _FOLLOW_LONG.match(text, end):  # 出席|会议, 曾|任 as jieba cuts them
        return True
    following = words(text[end : end + 4])
    if not following:
        return False
    first = following[0]
    if first in FOLLOW_SET:
        return True
    if len(first) > 1 and first[0] in FOLLOW_SET:  # 任县 is a county in 任县公安,
        wider = words(text[end : end + 6])  # not in 任县公安局局
        return bool(wider) and wider[0] in FOLLOW_SET
    return False


_FOLLOW_LONG = re.compile(
    "|".join(sorted((w for w in FOLLOW_SET if len(w) > 1), key=len, reverse=True))
)


def _opens_word(text: str, end: int) -> bool:
    """A dictionary word of two or more characters starts at ``end``."""
    following = words(text[end : end + 6])
    return bool(following) and len(following[0]) >= 2


class Named(NamedTuple):
    """A name read in text: ``text[start:end]`` is the surface, ``name`` the
    name without the padding some lists put inside it (``王　磊`` → 王磊)."""

    start: int
    end: int
    name: str


_PADDING = " \u3000"
_LIST_MARKS = frozenset("、，,；;")
_MAX_PADDING = 2
_WEAK_FOLLOWERS = frozenset("和与及的了也还就都对向为将要是")
_NOT_OPENING = frozenset("由经据让请给应把被兼")
_NAME_FINAL = frozenset("都和")  # follow words that also end names (阿不都)
_ACTION_FLAGS = ("d", "v", "p", "u", "r", "m", "q")
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,5}(?=[、，,。；;：:等及和\s（(]|$)")
# Characters that make a list item a body or a title, never a name.
_NOT_IN_ITEM = set("会委局厅办部处院校司厂站所队组省市县区镇乡村街州长员席记任")
# What an unlisted name may hold: three to six Han characters (额尔敦巴特尔),
# no body or function character (一职由某某: 由 and 一 open no name), though
# 和 may (那顺孟和).
_UNLISTED_RUN = re.compile(
    "[^"
    + "".join(sorted(_NOT_IN_ITEM | INNER_STOP - {"和"} | {"由", "一", "职"}))
    + r"\W\d\sA-Za-z]{2,6}"
)


def read_padded(text: str, start: int) -> Named | None:
    """``王　磊``: a one-character given name spaced from its surname to line
    up with three-character names in lists and bylines."""
    surname = surname_length(text[start : start + 2])
    gap = start + surname
    if not surname or text[gap : gap + 1] not in tuple(_PADDING):
        return None
    given = text[gap + 1 : gap + 2]
    if not HAN.fullmatch(given):
        return None
    if given in INNER_STOP and text[gap + 2 : gap + 3] not in _LIST_MARKS:
        return None  # 苏　和、刘某: a padded name, 和 and all, before a list mark
    if not _followed_well(text, gap + 2) and not _verb_after(text, gap + 2):
        return None
    return Named(start, gap + 2, text[start:gap] + given)


def _verb_after(text: str, end: int) -> bool:
    """A verb right after a padded name (骑手杨　帆推门进来): the padding
    already says the name ends there."""
    following = words(text[end : end + 4])
    return bool(following) and dictionary_entry(following[0])[1].startswith("v")


def read_one(text: str, start: int, *, strict: bool = False) -> Named | None:
    """The name that starts at ``start``, padded or not."""
    padded = read_padded(text, start)
    if padded is not None:
        return padded
    end = read_name(text, start, strict=strict)
    if end is not None and (_loose_and(text, end) or not _followed_well(text, end)):
        unlisted = read_unlisted(text, start)  # 那顺孟|和主持: 那顺孟和
        if unlisted is not None and _extends_name(text, end, unlisted.end):
            return unlisted
    return Named(start, end, text[start:end]) if end is not None else None


def _extends_name(text: str, end: int, longer: int) -> bool:
    """Do the characters ``[end, longer)`` continue a name (孟和巴|雅尔), not
    start what the person does (林海燕|正操作)?"""
    if longer <= end:
        return False
    return not any(
        dictionary_entry(word)[1].startswith(_ACTION_FLAGS)
        for word in words(text[end:longer])
    )


_DAI_PREFIXES = frozenset("岩玉")
"""How Dai names open (岩 for men, 玉 for women): a name of two characters
after a title may open with one (副主席岩罕，)."""


def read_unlisted(text: str, start: int) -> Named | None:
    """A name no surname list knows, where the genre puts a name (after a
    title): three to six characters that are no word and hold none of the
    common words (two after 岩 or 玉, as Dai names are), then a clause break
    or a word that follows names (那顺孟和主持, 敖登图雅到会, 孟和巴雅尔在主席台
    就座)."""
    head = text[start : start + 1]
    if not head or head in INNER_STOP or head in _NOT_OPENING or head in _NOT_IN_ITEM:
        return None
    run = _UNLISTED_RUN.match(text, start)
    if run is None:
        return None
    known: list[int] | None = None
    sizes = (6, 5, 4, 3, 2) if head in _DAI_PREFIXES else (6, 5, 4, 3)
    for size in sizes:
        end = start + size
        if end > run.end() or not unlisted_shape(text[start:end]):
            continue
        if known is None:
            surname = surname_length(text[start : start + 2])
            known = [
                start + length
                for length in (surname + 2, surname + 1)
                if surname and plausible(text[start : start + length])
            ]
        if known and not _extends_name(text, known[0], end):
            continue  # 林海燕|正操作: the surname's name, then a verb
        if _followed_strongly(text, end):
            return Named(start, end, name=text[start:end])
    return _two_characters(text, start, run.end())


_RARE_PAIR = 30
"""How often jieba's dictionary may have seen a two-character name (宝音: 4)."""


def _two_characters(text: str, start: int, run_end: int) -> Named | None:
    """A name of two characters no surname list knows (主任宝音，, 书记扎西、):
    a pair the dictionary has seldom seen, right before a clause break, a
    list mark or a word that follows names (主任宝音主持)."""
    end = start + 2
    if end > run_end or not _followed_strongly(text, end):
        return None
    name = text[start:end]
    freq, flag = dictionary_entry(name)
    if freq >= _RARE_PAIR and not flag.startswith("nr"):
        return None
    if name.startswith(FOLLOW_STARTS) or surname_length(name):
        return None  # 主任说，; a surname's one-character name is read_name's
    if any(c in _NOT_IN_PAIR for c in name):
        return None  # 司机之家, 监事九人: a word, a count
    return Named(start, end, name)


_NOT_IN_PAIR = frozenset("之人们家一二三四五六七八九十百千万两几")


def _followed_strongly(text: str, end: int) -> bool:
    """A clause break, or a word that follows names and could not end one."""
    if end >= len(text) or text[end] in _PUNCT:
        return True
    return text[end] not in _WEAK_FOLLOWERS and _followed_well(text, end)


def read_name_list(text: str, start: int, *, strict: bool = False) -> list[Named]:
    """Names from ``start``: 陆某、黄某某、汪某某等, or spaced out as lists
    print them (``县领导 宋　霖 任晓梅 柴国庆 出席``).

    Inside a list of 、 that a known name opened, an item of two to five
    characters that is no dictionary word is a name too (乌兰图雅, 孟和巴雅尔:
    names without a surname from the list).
    """
    position = _after_padding(text, start)
    if position - start > _MAX_PADDING:
        return []  # the next cell of a table, not a name after a title
    if not surname_length(text[position : position + 2]) and not _dotted_ahead(
        text, position
    ):
        return []  # no surname, no dotted name: read_one could read none (quick)
    first = read_one(text, position, strict=strict or position > start)
    return list_from(text, first) if first is not None else []


def list_from(text: str, first: Named) -> list[Named]:
    """``first`` and the names after it, if it opens a list (甲、乙和丙)."""
    found = [first]
    position = _next_item(text, first.end)
    while position is not None:
        named = read_one(text, position, strict=True) or _list_item(text, position)
        if named is None:
            break
        found.append(named)
        position = _next_item(text, named.end)
    return found


def _after_padding(text: str, offset: int) -> int:
    while offset < len(text) and text[offset] in _PADDING:
        offset += 1
    return offset


_NOTE = re.compile(f"[（(](?:[^（）()\\n，。、,]{{1,8}}|{SEX}[，,、]{ETHNICITY})[)）]")
"""A short note after a name in a list: 韩某（兼职）、……, 李某（女）, 包某
（女，蒙古族）."""
_PERSON_NOTE = re.compile(f"[（(]{SEX}(?:[，,、]{ETHNICITY})?[)）]")
"""A note that says the one before it is a person: （女）, （女，蒙古族）."""


def _next_item(text: str, end: int) -> int | None:
    """Where the next name of a list starts, if the list goes on after ``end``."""
    note = _NOTE.match(text, end)
    if note is not None and text[note.end() : note.end() + 1] in ("、", *_PADDING):
        end = note.end()  # 李某（女）、……; 刘某某（女）　孙某某 in a spaced list
    if end < len(text) and text[end] == "、":
        return _after_padding(text, end + 1)
    if end < len(text) and text[end] in _PADDING:
        after = _after_padding(text, end)
        if read_one(text, after, strict=True) or _list_item(text, after):
            return after
    if text[end : end + 1] in ("和", "及", "与") and read_one(
        text, end + 1, strict=True
    ):
        return end + 1  # 张某、李某和王某
    return None


def _last_item(text: str, start: int) -> Named | None:
    """The list's last item, right before a word that follows names
    (……、索南才让当选为副主席), checked as :func:`_list_item` checks one."""
    for size in (5, 4, 3, 2):
        end = start + size
        if _HAN_ONLY.fullmatch(text, start, end) and _FOLLOW_LONG.match(text, end):
            named = _list_item(text[:end] + "、", start)
            if named is not None:
                return named
    return None


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _list_item(text: str, start: int) -> Named | None:
    """An item of a list that already holds names, bounded by separators: a
    name whose given name is also a word (白建设), or one with no surname
    from the list (乌兰图雅, 孟和巴雅尔), if the item is no word itself."""
    if start == 0 or text[start - 1] not in "、" + _PADDING:
        return None
    match = _LIST_ITEM.match(text, start)
    if match is None:
        return _last_item(text, start)
    item = match.group()
    freq, flag = dictionary_entry(item)
    if any(c in _NOT_IN_ITEM for c in item) or (freq and not flag.startswith("nr")):
        return None
    if roles.role_spans(item):
        return None  # 焊工甲、电工乙: a title and a name, not one name
    if any(c in INNER_STOP for c in item.replace("和", "")):
        return None
    if "和" in item and all(plausible(part) for part in item.split("和")):
        return None  # 张三和李四: two names
    if (
        not surname_length(item)
        and len(item) < 4
        and (len(item) < 3 or not _PERSON_NOTE.match(text, match.end()))
    ):
        return None  # but 娜仁花（女，蒙古族）: three characters a note makes a name
    return Named(start, match.end(), item)
