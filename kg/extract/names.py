"""Person names: where one starts, how long it is, whether a word is one.

Names are read only where the genre puts them (after a title, in a byline,
before 表示/说), so the test here is about length and plausibility: a
surname from the list, Han characters, not a common word (祝福, 关怀, 金秋
start with surnames too), and a following word that fits (张忠|表示,
杨卫中|主动).
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.text.segmenter import dictionary_entry, words

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_INNER_STOP = set("的了在是和与及等说表对向为把被从到率将要也还就都时、，。")
_COMMON_NAME_FREQ = 100
_COMMON_WORD_FREQ = 5
_COMMON_GIVEN_FREQ = 5000
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・][\u4e00-\u9fff]{1,8})+")
_PUNCT = set("，,。；;：:、！？!?“”‘’「」《》()（）【】[] \n\t　…—")


def surname_length(text: str) -> int:
    """Length of the surname ``text`` starts with (0 if none)."""
    if text[:2] in lexicon.SURNAMES_DOUBLE:
        return 2
    return 1 if text[:1] in lexicon.SURNAMES_SINGLE else 0


def plausible(name: str) -> bool:
    """Could ``name`` be a person's full name, by its shape alone?"""
    surname = surname_length(name)
    if not surname or not 2 <= len(name) <= surname + 2:
        return False
    if not _HAN.fullmatch(name) or any(c in _INNER_STOP for c in name[surname:]):
        return False
    return not _ordinary_word(name)


def common_word(name: str) -> bool:
    """Is ``name`` more likely a word than a name (祝福, 关怀, 金秋, 高度)?

    jieba's dictionary tags some common words as names; a two-character
    "name" it has seen a hundred times is a word.  Famous three-character
    names (习近平) are kept.
    """
    freq, flag = dictionary_entry(name)
    if _ordinary_word(name):
        return True
    return flag.startswith("nr") and len(name) == 2 and freq >= _COMMON_NAME_FREQ


def _ordinary_word(name: str) -> bool:
    freq, flag = dictionary_entry(name)
    if flag and not flag.startswith("nr") and freq >= _COMMON_WORD_FREQ:
        return True
    given = name[surname_length(name) :]
    return len(given) > 1 and _common_noun(given)  # 向记者, 王主任, 和其他


def _common_noun(word: str) -> bool:
    """A frequent dictionary word that is not a name or place (记者, 其他)."""
    freq, flag = dictionary_entry(word)
    return freq >= _COMMON_GIVEN_FREQ and not flag.startswith(("nr", "ns", "nz"))


def read_name(text: str, start: int, *, strict: bool = False) -> int | None:
    """End of the name that starts at ``start``, or None if none does.

    A name followed by a word that usually follows names (表示, 说, 、) is
    taken first; otherwise, unless ``strict``, one followed by any longer
    dictionary word (杨卫中|主动请缨).
    """
    transliterated = _TRANSLITERATED.match(text, start)
    if transliterated is not None:  # 艾尔肯·吐尔逊: no surname list applies
        last_dot = max(transliterated.group().rfind(d) for d in "·•・")
        for end in range(start + last_dot + 3, transliterated.end() + 1):
            if _followed_well(text, end):
                return end
    surname = surname_length(text[start:])
    if not surname:
        return None
    lengths = [surname + 1, surname + 2]
    for length in lengths:
        end = start + length
        if plausible(text[start:end]) and _followed_well(text, end):
            return end
    if strict:
        return None
    for length in lengths:
        end = start + length
        name = text[start:end]
        if plausible(name) and not common_word(name) and _opens_word(text, end):
            return end
    return None


def _followed_well(text: str, end: int) -> bool:
    """The next dictionary word is one that follows names (表示, 说, 等)."""
    if end >= len(text) or text[end] in _PUNCT:
        return True
    following = words(text[end : end + 4])
    return bool(following) and following[0] in _FOLLOW_SET


_FOLLOW_SET = frozenset(lexicon.FOLLOW_WORDS)


def _opens_word(text: str, end: int) -> bool:
    """A dictionary word of two or more characters starts at ``end``."""
    following = words(text[end : end + 6])
    return bool(following) and len(following[0]) >= 2


def read_name_list(
    text: str, start: int, *, strict: bool = False
) -> list[tuple[int, int]]:
    """Names from ``start`` separated by 、: 陆某、黄某某、汪某某等."""
    found: list[tuple[int, int]] = []
    position = start
    while True:
        end = read_name(text, position, strict=strict)
        if end is None:
            break
        found.append((position, end))
        if end < len(text) and text[end] == "、":
            position = end + 1
            continue
        break
    return found
