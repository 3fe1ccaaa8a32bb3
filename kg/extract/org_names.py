"""Where an organisation's name begins, and names that carry no suffix.

A company, school or outlet name is read leftwards from its suffix, word by
word over jieba's dictionary words, and stops at a verb, a preposition, a
function character, a title or a generic word, so 希望某某集团 and 代表集团
never swallow the verb.  Media titles (《工人日报》), news sites (据人民网报道)
and Latin-initial brands before a quoted practice (SK海力士“职群管理”) are
named without a suffix word.
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.gazetteer import Gazetteer, Place
from kg.model import Kind, Mention
from kg.text.segmenter import dictionary_entry, plain_tag

CLAUSE_BREAK = set("，,。；;：:、！？!?“”‘’「」《》()（）【】[]\n\t 　·…—")
_STOP_FLAGS = ("v", "p", "c", "u", "r", "d", "f", "y", "e", "o", "q", "t", "m")
_KEEP_FLAGS = ("vn", "eng", "mq")  # 零部件 is tagged mq
FUNCTION_CHARS = set(
    "的在和与及对向给为被把从由是等了也都将让使到于以之其这那该每各"
    "已曾均又再才就只还亦记后前并而且或除据某号说讯"
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
        if _stops(word, flag) and not _trade_word(words, index):
            break
        taken.insert(0, (word, flag))
    name = "".join(word for word, _ in taken)
    if len(name) < 2 or name in lexicon.GENERIC_HEADS:
        return None
    if suffix in _KIND_SUFFIXES and all(_common_noun(*pair) for pair in taken):
        return None  # 外贸公司, 商业银行, 茶叶加工厂: a kind of body, not a name
    if proper and not any(_is_proper(word, flag) for word, flag in taken):
        return None
    return start - len(name)


_KIND_SUFFIXES = ("公司", "银行", "中心", "学校", "医院", "工厂", "厂")


def _common_noun(word: str, flag: str) -> bool:
    """A frequent common noun: 外贸 in 外贸公司 names a trade, not a firm."""
    freq, _ = dictionary_entry(word)
    return flag in ("n", "vn") and freq >= 1000


def _trade_word(words: tuple[tuple[str, str], ...], index: int) -> bool:
    """A verb after a proper name is the trade in a company name (某某照明)."""
    word, flag = words[index]
    if not flag.startswith("v") or len(word) < 2 or index == 0:
        return False
    before, before_flag = words[index - 1]
    if before_flag.startswith("nr") or before in lexicon.GENERIC_HEADS:
        return False  # 某某来到: a person and a verb, not a trade
    return _is_proper(before, before_flag)


def _is_proper(word: str, flag: str) -> bool:
    """A place, a name, a foreign word, or a character outside the dictionary."""
    if flag.startswith(("ns", "nt", "nz", "nr", "eng", "j")):
        return True
    return (len(word) == 1 and flag == "x") or bool(Gazetteer.default().lookup(word))


def _stops(word: str, flag: str) -> bool:
    if word in lexicon.GENERIC_HEADS or word in lexicon.ROLES:
        return True
    if any(c in CLAUSE_BREAK for c in word):
        return True
    if any(c.isdigit() for c in word):
        return True  # 全州1275名考入大学: a count, not a name
    if len(word) == 1:
        return word in FUNCTION_CHARS
    return flag.startswith(_STOP_FLAGS) and flag not in _KEEP_FLAGS


def clause_start_of(text: str, start: int) -> int:
    """Where the clause holding ``start`` begins (after the last break)."""
    position = start
    while position > 0 and text[position - 1] not in CLAUSE_BREAK:
        position -= 1
    return position


def media_titles(text: str) -> list[tuple[Mention, Place | None]]:
    return [
        (org_mention(m.start(1), m.end(1), m.group(1), m.group(1), "Media"), None)
        for m in lexicon.MEDIA_NAME_RE.finditer(text)
    ]


_NEWS_SITE = re.compile(
    r"(?:(?<=[据在从由，。、：:“《\s])|^)([\u4e00-\u9fff]{2,4}网)"
    r"(?=报道|消息|讯|记者|发布|刊发|刊登|客户端|[，。、；”》)）\s]|$)"
)
_SITE_LEADS = "据在从由经"
_LATIN_BRAND = re.compile(r"[A-Z][A-Z0-9&]{1,5}[\u4e00-\u9fff]{2,4}(?=[“「])")
_NOT_SITES = ("互联网", "物联网", "局域网", "因特网", "万维网", "工业互联网", "一张网")


def news_sites(text: str) -> list[tuple[Mention, Place | None]]:
    """News sites named without marks: 据人民网报道, 来源：某某新闻网."""
    return [
        (org_mention(m.start(1) + lead, m.end(1), name, name, "Media"), None)
        for m in _NEWS_SITE.finditer(text)
        for lead in [len(m.group(1)) - len(m.group(1).lstrip(_SITE_LEADS))]
        for name in [m.group(1)[lead:]]
        if len(name) > 2 and not name.endswith(_NOT_SITES)
    ]


def latin_brands(text: str) -> list[tuple[Mention, Place | None]]:
    """SK海力士“职群管理”: a Latin-initial brand followed by its practice."""
    return [
        (org_mention(m.start(), m.end(), m.group(), m.group(), "Company"), None)
        for m in _LATIN_BRAND.finditer(text)
        if not any(c in FUNCTION_CHARS for c in m.group())
    ]


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


def canonical(name: str) -> str:
    """The canonical form of an organisation name: no 中共 prefix."""
    return name[2:] if name.startswith("中共") and len(name) > 4 else name
