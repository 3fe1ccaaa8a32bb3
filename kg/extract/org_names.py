"""Where an organisation's name begins, and names that carry no suffix.

A company, school or outlet name is read leftwards from its suffix, word by
word over jieba's dictionary words, and stops at a verb, a preposition, a
function character, a title or a generic word, so 希望某某集团 and 代表集团
never swallow the verb.  Media titles (《工人日报》), news sites (据人民网报道)
and Latin-initial brands before a quoted practice (SK海力士“职群管理”) are
named without a suffix word (:mod:`kg.extract.outlets`).
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.gazetteer import Gazetteer, Place
from kg.model import Kind, Mention
from kg.text.segmenter import dictionary_entry, plain_tag

CLAUSE_BREAK = set("，,。；;：:、！？!?“”‘’「」《》()（）【】[]\n\t 　·…—")
_STOP_FLAGS = ("v", "p", "c", "u", "r", "d", "f", "y", "e", "o", "q", "t", "m", "ad")
_KEEP_FLAGS = ("vn", "eng", "mq")  # 零部件 is tagged mq
FUNCTION_CHARS = set(
    "的在和与及对向给为被把从由是等了也都将让使到于以之其这那该每各"
    "已曾均又再才就只还亦记后前并而且或除据某号说讯刚"
    "一二三四五六七八九十两几百千万"
)
_BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[）)]")


def proper_name_start(
    text: str,
    clause_start: int,
    start: int,
    *,
    proper: bool = False,
    suffix: str = "",
) -> int | None:
    """Start of the proper name before ``start``, read leftwards word by word.

    Dictionary words only (HMM off): an unknown name such as 天合光能 comes
    out as single characters, which never stop the walk; a known verb,
    preposition or generic word does.  A place in brackets before the suffix
    (某某照明（佛山）有限公司) belongs to the name.  With ``proper``, the name
    must hold a proper noun (技术中心 is no name, 泰山技术中心 is).
    """
    bracket = _BRACKETED.search(text, max(0, start - 8), start)
    if bracket is not None and bracket.end() == start:
        start = bracket.start()
        clause_start = clause_start_of(text, start)
    words = plain_tag(text[clause_start:start])
    taken: list[tuple[str, str]] = []
    for index in range(len(words) - 1, -1, -1):
        word, flag = words[index]
        if _stops(word, flag) and not (
            _fields(words, index, suffix)
            or _trade_word(words, index)
            or _members(words, index)
            or _brand_and(words, index)
            or _cross_strait(words, index)
            or _industry(words, index, suffix)
            or _numeral_in_brand(words, index)
        ):
            if _is_number(word) and taken:
                _drop_date_unit(taken)
            break
        if _ORDINAL.fullmatch(word) and not _numbered_unit(words, index):
            break  # 要第一时间找银行: an ordinal of time, not of a unit
        if _former(words, index):
            break  # 原某某有限公司总经理: a former post, not part of the name
        if (
            word.endswith(WORKS)
            and len(word) > 1
            and sum(map(len, (w for w, _ in taken))) >= 2
        ):
            break  # 精密模具厂|宏昱精密工业股份有限公司, 家电大厂|美凯集团: what it is
        taken.insert(0, (word, flag))
    else:
        outer = _before_bracketed_place(text, clause_start, taken)
        if outer is not None:
            return outer
    name = "".join(word for word, _ in taken)
    if len(name) < 2 or name in lexicon.GENERIC_HEADS:
        return None
    if suffix in _KIND_SUFFIXES and all(_common_noun(*pair) for pair in taken):
        return None  # 外贸公司, 商业银行, 茶叶加工厂: a kind of body, not a name
    if proper and not any(_is_proper(word, flag) for word, flag in taken):
        return None
    return start - len(name)


def _before_bracketed_place(
    text: str, clause_start: int, taken: list[tuple[str, str]]
) -> int | None:
    """某某（玉溪）新材料有限公司: a place in brackets inside the name, with a
    brand before it; the start of the whole name, else None."""
    bracket = _BRACKETED.search(text, max(0, clause_start - 8), clause_start)
    if not taken or bracket is None or bracket.end() != clause_start:
        return None
    if not Gazetteer.default().lookup(text[bracket.start() + 1 : bracket.end() - 1]):
        return None
    start = bracket.start()
    return proper_name_start(text, clause_start_of(text, start), start)


WORKS = ("厂", "厂商", "厂家")
"""Words for a works, which put a kind of business before a company's name."""
_INDUSTRY_WORDS = ("产业", "行业")
_COMPANY_ENDS = ("公司", "集团")
_TRADE_ASSOCIATIONS = ("协会", "商会", "促进会")
"""Bodies of a trade's firms (某市精密机械行业协会, 某省模具产业协会)."""


def _industry(words: tuple[tuple[str, str], ...], index: int, suffix: str) -> bool:
    """某某产业集团有限公司, 某市精密机械行业协会: 产业 or 行业 after a proper
    word or a noun, inside a company's or a trade association's name, is its
    trade (alone it makes a mention generic: 产业工会)."""
    if words[index][0] not in _INDUSTRY_WORDS or index == 0:
        return False
    if not suffix.endswith(_COMPANY_ENDS) and suffix not in _TRADE_ASSOCIATIONS:
        return False
    before, flag = words[index - 1]
    return _is_proper(before, flag) or (flag == "n" and len(before) > 1)


def _former(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """原 (former) opening the name: alone, after a clause break or a word
    that stops a name (宣布原某某公司); not the 原 of a name (秦原, 中原)."""
    if words[index][0] != _FORMER:
        return False
    return index == 0 or _stops(*words[index - 1])


_KIND_SUFFIXES = ("公司", "银行", "中心", "学校", "大学", "学院", "医院", "工厂", "厂")


def _common_noun(word: str, flag: str) -> bool:
    """A frequent common noun: 外贸 in 外贸公司 names a trade, not a firm."""
    freq, _ = dictionary_entry(word)
    return flag in ("n", "vn") and freq >= 1000


def _trade_word(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """A verb after a proper name is the trade in a company name (某某照明)."""
    word, flag = words[index]
    if not flag.startswith("v") or len(word) < 2 or index == 0:
        return False
    if _predicate(word):
        return False
    before, before_flag = words[index - 1]
    if before_flag.startswith(("nr", "nt")) or before in lexicon.GENERIC_HEADS:
        return False  # 某某来到, 政协常委会聚焦: a subject and its verb
    if _is_proper(before, before_flag):
        return True
    if index >= 2 and _brand_end(before, before_flag):
        # 青岛顺达|通|快递服务有限公司, 百色|顺|邦|快递有限公司: characters the
        # dictionary reads alone, back to the place or name they follow
        for earlier, earlier_flag in reversed(words[max(0, index - 4) : index - 1]):
            if _NUMBER.search(earlier):
                return False
            if _is_proper(earlier, earlier_flag):
                return True
            if len(earlier) > 1 or not _brand_end(earlier, earlier_flag):
                return False
        return False
    if index < 2 or before_flag not in ("n", "a") or len(before) < 2:
        return False
    if before_flag == "n":  # 北方|装备|制造: a trade after a brand
        earlier, earlier_flag = words[index - 2]
        return earlier in _NAME_WORDS or _is_proper(earlier, earlier_flag)
    # 吉林裕丰|精密|铸造: a trade after a quality, after a brand of single
    # characters the dictionary splits
    for earlier, earlier_flag in reversed(words[max(0, index - 4) : index - 1]):
        if _is_proper(earlier, earlier_flag):
            return True
        if len(earlier) > 1 or earlier in FUNCTION_CHARS:
            return False
    return False


_NUMERALS = frozenset("一二三四五六七八九十")


def _numeral_in_brand(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """临夏|八|坊, 三都水族自治县|九|阡: a numeral between a place and a
    character the dictionary reads alone is part of a brand (八坊, 九阡), not a
    count (全市三家公司: a measure word follows one)."""
    word = words[index][0]
    if word not in _NUMERALS or index == 0 or index + 1 >= len(words):
        return False
    after = words[index + 1][0]
    if len(after) != 1 or after in _MEASURE_WORDS or after in _DATE_UNITS:
        return False
    if after in FUNCTION_CHARS:
        return False
    before, before_flag = words[index - 1]
    return before_flag.startswith("ns") or bool(Gazetteer.default().lookup(before))


def _brand_end(word: str, flag: str) -> bool:
    """A character the dictionary reads alone that may end a brand (the 通 of
    顺达通): no function character, measure word or verb that opens a name
    after it (1275名考入大学)."""
    return (
        len(word) == 1
        and not flag.startswith(("m", "q"))
        and word not in FUNCTION_CHARS
        and word not in lexicon.SINGLE_VERBS_BEFORE_NAMES
        and word not in CLAUSE_BREAK
    )


def _brand_and(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """长兴县天和新能源, 山东菜都农业, 江西木之韵家居: a 和, 与, 之 or 都 after one
    character that follows a place (or opens the clause) is part of a brand
    (天和, 菜都, 木之韵), not a conjunction, a particle or an adverb."""
    if words[index][0] not in _BRAND_CHARS or index == 0:
        return False
    before, before_flag = words[index - 1]
    if len(before) != 1 or before in FUNCTION_CHARS or before in _LEVEL_CHARS:
        return False
    if before_flag.startswith(_STOP_FLAGS) and before_flag != "q":
        return False  # 他和某公司: a pronoun and a conjunction
    if index == 1:
        return True
    place, place_flag = words[index - 2]
    return place_flag.startswith("ns") or bool(Gazetteer.default().lookup(place))


_BRAND_CHARS = ("和", "与", "之", "都")
_LEVEL_CHARS = frozenset("省市县区州盟旗镇乡村")


_FIELD_SUFFIXES = ("学院", "系", "研究院", "研究所", "实验室", "研究中心")
_LINKS_BEFORE_NAMES = frozenset("经属系")
"""经某某大学推荐, 某省属综合性大学, 甲系某某公司副总经理: a preposition and
verbs the dictionary tags otherwise."""


def _fields(words: tuple[tuple[str, str], ...], index: int, suffix: str) -> bool:
    """机械与能源工程学院, 经济和管理系: a school named after two fields."""
    if words[index][0] not in ("与", "和", "及") or suffix not in _FIELD_SUFFIXES:
        return False
    if index == 0 or index + 1 == len(words):
        return False
    field, flag = words[index - 1]
    return (
        len(field) >= 2
        and flag in ("n", "vn")
        and not field.endswith(_BODY_WORDS)
        and not _is_proper(*words[index + 1])  # 公司与某某职业技术学院: two bodies
    )


_BODY_WORDS = ("公司", "集团", "企业", "大学", "学院", "学校", "医院", "单位", "部门")


def _members(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """职工 after a place names an association's members (澳门职工联谊会)."""
    if words[index][0] not in lexicon.MEMBER_WORDS or index == 0:
        return False
    for before, before_flag in words[max(0, index - 3) : index]:  # 香港新界西职工
        if before_flag.startswith("ns") or Gazetteer.default().lookup(before):
            return True
    return False


def _is_proper(word: str, flag: str) -> bool:
    """A place, a name, a foreign word, or a character outside the dictionary."""
    if flag.startswith(("ns", "nt", "nz", "nr", "eng", "j")):
        return True
    return (len(word) == 1 and flag == "x") or bool(Gazetteer.default().lookup(word))


def _cross_strait(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """中华两岸技职交流协会: 两岸 (cross-strait, tagged a locative) inside a
    name that a proper noun opens (not the 两岸工厂 of a story)."""
    return (
        words[index][0] == "两岸"
        and index > 0
        and words[index - 1][1].startswith(("nz", "ns", "nt"))
    )


def _stops(word: str, flag: str) -> bool:
    if word in lexicon.GENERIC_HEADS or word in lexicon.ROLES:
        return True
    if any(c in CLAUSE_BREAK for c in word):
        return True
    if any(c.isdigit() for c in word):
        return True  # 全州1275名考入大学: a count, not a name
    if word in ("中国共产党", "中共"):
        return True  # 中国共产党某某有限公司委员会: the company's Party body
    if word.endswith("届"):
        return True  # 新一届公司党委: a session, not part of a name
    if len(word) == 1:
        return (
            word in FUNCTION_CHARS
            or word in lexicon.SINGLE_VERBS_BEFORE_NAMES
            or word in _LINKS_BEFORE_NAMES
        )
    if _ORDINAL.fullmatch(word) or word in _NAME_WORDS:
        return False  # 北仑第二集装箱码头, 某某控股有限公司
    if _predicate(word) or word in lexicon.COMPANY_DESCRIPTORS:
        return True
    if flag == "v" and Gazetteer.default().lookup(word):
        return False  # 包头 is tagged a verb; as a city it opens 包头日报
    return flag.startswith(_STOP_FLAGS) and flag not in _KEEP_FLAGS


_ORDINAL = re.compile(r"第[一二三四五六七八九十]{1,3}")
_FORMER = "原"
_NAME_WORDS = frozenset(
    {"控股", "北方", "南方", "东方", "西方", "东部", "西部", "中部", "北部", "南部"}
)
"""Words that stop nothing inside a name: 龙江北方装备制造集团 (北方 is
tagged a locative)."""
POST_VERBS = frozenset(
    (
        "担任 兼任 出任 接任 转任 调任 升任 就任 现任 曾任 历任 任职 挂职 分管 主持 "
        "胜任"
    ).split()
)
_VISIT_VERBS = frozenset(
    "走进 来到 走访 前往 深入 视察 考察 调研 参观 莅临 到访 看望 慰问 探访".split()
)
"""Verbs of a visit (某某走进某某公司): never a trade in a firm's name."""
_DATE_UNITS = "年月日号届期"
_MEASURE_WORDS = "所家个座名位支批项条处户间"
"""What counts bodies after a number (100所中小学, 30家企业): no name."""


def _numbered_unit(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """第二 in 北仑第二集装箱码头 (after a place or name) or opening its clause
    (第一工程公司); not 第一时间."""
    after = words[index + 1][1] if index + 1 < len(words) else ""
    if after.startswith("t"):
        return False
    return index == 0 or _is_proper(*words[index - 1])


def _predicate(word: str) -> bool:
    """A verb or adverb the dictionary tags as a noun (助力, 全力支持), a verb
    of posts (某某担任公司总经理) or of a visit (某某走进某某公司): never a
    trade in a firm's name."""
    if word in lexicon.VERBS_TAGGED_AS_NOUNS or word in POST_VERBS:
        return True
    if word in _VISIT_VERBS:
        return True
    return word.startswith(tuple(lexicon.MANNER_ADVERBS))


_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十〇零]+")


def _is_number(word: str) -> bool:
    return bool(_NUMBER.fullmatch(word))


def _drop_date_unit(taken: list[tuple[str, str]]) -> None:
    """2023年华兴集团, 2023年度集团, 100所中小学: the unit after a number is
    no name."""
    word, flag = taken[0]
    units = _DATE_UNITS + _MEASURE_WORDS
    if word in lexicon.DATE_WORDS or (len(word) == 1 and word in units):
        taken.pop(0)
    elif word[0] in units:
        taken[0] = (word[1:], flag)


def clause_start_of(text: str, start: int) -> int:
    """Where the clause holding ``start`` begins (after the last break)."""
    position = start
    while position > 0 and text[position - 1] not in CLAUSE_BREAK:
        position -= 1
    return position


def org_mention(
    start: int,
    end: int,
    surface: str,
    name: str,
    subtype: str,
    place: Place | None = None,
) -> Mention:
    return Mention(
        kind=Kind.ORGANIZATION,
        start=start,
        end=end,
        text=surface,
        name=canonical(name),
        subtype=subtype or None,
        place=place.id if place else None,
    )


_MASS_FULL = {
    "妇女联合会": "妇联",
    "残疾人联合会": "残联",
    "工商业联合会": "工商联",
    "科学技术协会": "科协",
    "归国华侨联合会": "侨联",
}
"""People's organisations written in full: named as the genre names them."""


def canonical(name: str) -> str:
    """The canonical form of an organisation name: no 中共 prefix; a people's
    organisation by its usual short name (某市妇女联合会 is 某市妇联)."""
    name = name[2:] if name.startswith("中共") and len(name) > 4 else name
    for full, short in _MASS_FULL.items():
        if name.endswith(full) and len(name) > len(full):
            return name[: -len(full)] + short
    return name
