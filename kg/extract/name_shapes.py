"""Whether a string is shaped like a person's name: a surname from the
list, Han characters, no common word (祝福, 关怀, 金秋 start with surnames
too), and for names no surname list holds (宝音, 才让东周), no word inside.
:mod:`kg.extract.names` reads names in text with these tests.
"""

from __future__ import annotations

import re

from kg.extract import lexicon, roles, surnames
from kg.extract.gazetteer import Gazetteer
from kg.text.segmenter import dictionary_entry, words

_SURNAMES = surnames.SURNAMES_SINGLE | surnames.MORE_SURNAMES
HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
INNER_STOP = set("的了在是和与及等说表对向为把被从到率将要也亦还就都时、，。")
# Stop characters that also stand in given names (宋向阳, 杜庆和, 李为民): the
# shorter reading is tried first, so 张某|和李某 and 王某|向记者 still split.
_GIVEN_OK = frozenset("向和为亦")
_PLACE_ENDS = frozenset("村镇乡县区市街省")
_COMMON_NAME_FREQ = 100
_COMMON_WORD_FREQ = 5
_COMMON_GIVEN_FREQ = 5000
FOLLOW_SET = frozenset(lexicon.FOLLOW_WORDS) | lexicon.MORE_FOLLOW_WORDS
FOLLOW_STARTS = tuple(FOLLOW_SET)


def surname_length(text: str) -> int:
    """Length of the surname ``text`` starts with (0 if none)."""
    if text[:2] in surnames.SURNAMES_DOUBLE:
        return 2
    return 1 if text[:1] in _SURNAMES else 0


def plausible(name: str) -> bool:
    """Could ``name`` be a person's full name, by its shape alone?"""
    surname = surname_length(name)
    if not surname or not 2 <= len(name) <= surname + 2:
        return False
    given = name[surname:]
    if len(given) == 2 and given[-1] in _PLACE_ENDS:
        return False  # 花茂村, 柳湾镇: a place whose name opens with a surname
    if name[0] in _CONJUNCTION_SURNAMES and given[0] in _LEVELS:
        return False  # 主席和|市总工会: 和 joins, 市 opens a body
    stops = INNER_STOP if len(given) == 1 else INNER_STOP - _GIVEN_OK
    if not HAN.fullmatch(name) or any(c in stops for c in given):
        return False
    if surname == 1 and len(given) == 2 and _verb_opening(name[:2]):
        return False  # 检修工|成长为, 快递员|来自: a verb after a noun, no name
    return not _ordinary_word(name)


_LEVELS = frozenset("省市县区镇乡村州盟旗")


def _verb_opening(word: str) -> bool:
    """A frequent verb or adverb (成长, 来自, 尚未) the surname opens."""
    freq, flag = dictionary_entry(word)
    return freq >= _COMMON_VERB_FREQ and flag in ("v", "d")


_COMMON_VERB_FREQ = 1000


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
    if flag.startswith("n") and not flag.startswith("nr") and name[-1] in _GROUPS:
        return True  # 宣讲团, 志愿队: a known word for a group, however rare
    given = name[surname_length(name) :]
    if given in _NOUNS_GIVEN_AS_NAMES:
        return False
    if len(given) < 2:
        return False
    if name[0] in _CONJUNCTION_SURNAMES and _conjoined(given):
        return True  # 教师和|优秀班主任, 焊工和|化工: a conjunction, not a surname
    if name[0] in _PREPOSITION_SURNAMES and given in WHEN:
        return True  # 已于|本月调任: a preposition before a time, not the surname 于
    return _common_noun(given)  # 向记者, 王主任, 和其他


def _common_noun(word: str) -> bool:
    """A frequent dictionary word that is no given name: a noun, pronoun or
    adverb (记者, 其他, 已经); verbs and adjectives are given names too
    (王建成, 白建设, 李伟大)."""
    freq, flag = dictionary_entry(word)
    if flag.startswith(("nr", "ns", "nz")):
        return False
    return freq >= _COMMON_GIVEN_FREQ and flag.startswith(_NOT_GIVEN_FLAGS)


_GROUPS = frozenset("团队组班社")
"""Last characters of words for a group of people (宣讲团, 服务队, 工作组)."""
_NOT_GIVEN_FLAGS = ("n", "r", "b", "d", "m", "q", "p", "c", "u", "f")
_NOUNS_GIVEN_AS_NAMES = frozenset(("海军", "空军", "陆军"))
"""Frequent nouns that are frequent given names too (王海军, 李空军)."""
_CONJUNCTION_SURNAMES = frozenset("和与及同")
"""Surnames that are also words joining two things."""
_CONJOINED_WORD_FREQ = 2000
"""A common noun or verb this frequent after 和 is the second thing joined,
not a given name (化工); a place word needs more (建国 of 和建国, a Naxi name)."""


def _conjoined(given: str) -> bool:
    freq, flag = dictionary_entry(given)
    if freq >= _COMMON_GIVEN_FREQ:
        return True
    return freq >= _CONJOINED_WORD_FREQ and flag in ("n", "vn", "v")


_PREPOSITION_SURNAMES = frozenset("于")
"""Surnames that are prepositions too: before a time word they are one."""
WHEN = frozenset(
    "本月 本年 本周 今年 今日 今天 近日 日前 近期 上月 上周 去年 明年 当天 当日 "
    "同日 次日 此前 目前 年初 年底 年中 月初 月底 月中 上午 下午 晚上 昨日".split()
)
"""Words of when that follow 于 (于本月, 于近日) and are no given name."""


def unlisted_shape(name: str) -> bool:
    """No word, no common word inside, no function or body character."""
    if name.startswith(FOLLOW_STARTS):
        return False
    freq, flag = dictionary_entry(name)
    if freq and not flag.startswith("nr") and not _named_like_a_place(name, flag):
        return False
    for word in words(name):
        freq, flag = dictionary_entry(word)
        if len(word) > 1 and freq >= 100 and not flag.startswith(("nr", "ns")):
            return False
    return True


def loose_unlisted_shape(name: str) -> bool:
    """A name where the layout leaves nothing else to stand (the head of a
    line of appointments): no word of its own but a name or a place, no
    title, no function or body character to open it."""
    if name.startswith(FOLLOW_STARTS) or roles.role_spans(name):
        return False
    freq, flag = dictionary_entry(name)
    return not freq or flag.startswith("nr") or _named_like_a_place(name, flag)


def _named_like_a_place(name: str, flag: str) -> bool:
    """乌云其木格: a name the dictionary tags as a place, which no gazetteer
    holds (a Mongolian name, after a title)."""
    return flag.startswith("ns") and not Gazetteer.default().lookup(name)
