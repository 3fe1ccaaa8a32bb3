"""Organisation suffixes: the kind of body each suffix names, and the checks
on the words before it.

``SUFFIXES`` maps every suffix (``总工会``, ``有限公司``, ``局``…) to its
subtype and whether it needs a place (``江阴市总工会``) or a proper name
(``红豆集团``) before it; :func:`body_ok` judges the words between a place
and a suffix (``发改`` in ``县发改局``), and :func:`continues`,
:func:`ends_verb` and :func:`inside_role` reject a suffix that is part of
another word (``工会干部``, ``举办``, ``局长``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.extract import lexicon, roles
from kg.extract.org_names import CLAUSE_BREAK, POST_VERBS
from kg.extract.public_bodies import SESSION
from kg.text.literals import Literals
from kg.text.segmenter import plain_tag

MAX_BODY = 6
MAX_BUREAU_BODY = 12
# One-character suffixes that start a longer word: 委员, 办法, 局长, 厅堂.
_NOT_AFTER = {
    "委": "员会托屈婉",
    "办": "法理学事公",
    "局": "长面势部限",
    "厅": "长堂",
    "大学": "习",  # 中心组扩大学习会: 扩大|学习, no university
}
_PROJECT_AFTER = ("建设项目", "项目")
_LEGAL_AFTER_HOLDING = ("有限", "股份", "集团", "公司")
_GENERIC_AFTER_UNION = ("干部", "组织", "工作", "系统", "会员", "职能", "经费", "活动")


@dataclass(frozen=True)
class SuffixKind:
    subtype: str
    needs_place: bool


def _suffix_table() -> dict[str, SuffixKind]:
    table: dict[str, SuffixKind] = {}
    groups = (
        (lexicon.OTHER_SUFFIXES, SuffixKind("", False)),
        (lexicon.MEDIA_SUFFIXES, SuffixKind("Media", False)),
        (lexicon.COMPANY_SUFFIXES, SuffixKind("Company", False)),
        (lexicon.MASS_SUFFIXES, SuffixKind("", True)),
        (lexicon.GOV_SUFFIXES, SuffixKind("GovernmentBody", True)),
        (lexicon.PARTY_SUFFIXES, SuffixKind("PartyOrganization", True)),
        (lexicon.UNION_SUFFIXES, SuffixKind("TradeUnion", True)),
        (lexicon.CONGRESS_SUFFIXES, SuffixKind("GovernmentBody", True)),
        (lexicon.PUBLIC_SERVICE_SUFFIXES, SuffixKind("", True)),
        (lexicon.ASSOCIATION_SUFFIXES, SuffixKind("", False)),
    )
    for suffixes, kind in groups:
        for suffix in suffixes:
            table[suffix] = kind
    for school in ("大学", "学院", "中学", "小学", "学校", "幼儿园", "党校", "委党校"):
        table[school] = SuffixKind("School", table[school].needs_place)
    return table


SUFFIXES = _suffix_table()
_NAMED_SUFFIXES = tuple(s for s, kind in SUFFIXES.items() if not kind.needs_place)
_PUBLIC_SUFFIXES = tuple(
    s for s, kind in SUFFIXES.items() if kind.needs_place and len(s) > 1
)
SUFFIX_WORDS = Literals(SUFFIXES)
"""Every suffix, leftmost-longest (as the alternation longest first)."""


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """One alternation of ``words``, longest first."""
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


_BUREAU_BODIES = frozenset(
    full[: -len(suffix)]
    for full in lexicon.BUREAU_ABBREVIATIONS.values()
    for suffix in ("委员会", "局")
    if full.endswith(suffix)
)
_GENERIC_IN_BODY = _any_of(w for w in lexicon.GENERIC_HEADS if len(w) > 1)
_NAMED_IN_BODY = _any_of(_NAMED_SUFFIXES)
_PUBLIC_IN_BODY = _any_of(_PUBLIC_SUFFIXES)
_GOVERNMENT = "人民政府"
"""Written before a bureau it runs: 某市人民政府国有资产监督管理委员会."""


def inside_role(
    start: int, end: int, role_spans: list[tuple[int, int]], role_starts: list[int]
) -> bool:
    """``党组`` in ``党组书记``, ``局`` in ``局长``: a title, not a body.

    Titles do not overlap (``role_starts`` are their starts, in order), so
    only the last one starting at or before ``start`` can hold it."""
    at = bisect_right(role_starts, start) - 1
    if at < 0:
        return False
    rs, re_ = role_spans[at]
    return (rs <= start < re_ and re_ > end) or rs < start < re_


def continues(text: str, start: int, end: int) -> bool:
    """The suffix ``text[start:end]`` is the start of a longer ordinary word
    (工会干部, 委员), a word ends in it (布局, 大厅), or it names what a
    project builds (某某中心建设项目)."""
    after = text[end : end + 4]
    suffix = text[start:end]
    if after.startswith(_PROJECT_AFTER) and SUFFIXES[suffix].subtype in ("", "School"):
        return True  # 科创中心建设项目; but 某某有限公司项目工地 is the firm's
    if text[start - 1 : end] in lexicon.NOT_BODY_WORDS:
        return True
    if text[max(0, start - 2) : end] in lexicon.NOT_BODY_WORDS:
        return True
    if suffix == "控股" and after.startswith(_LEGAL_AFTER_HOLDING):
        return True  # 某某控股有限公司: the name goes on
    if suffix == "工会":
        return after.startswith(_GENERIC_AFTER_UNION)
    if after[:1] == "级":
        return True  # 集团级, 省级: an adjective, not a body
    if suffix.endswith("报") and after[:1] == "道":
        return True  # 昨日报道
    if after.startswith("会同"):
        return False  # 某发改委会同某局: 会同 is "together with"
    return after[:1] in _NOT_AFTER.get(suffix, "")


def ends_verb(text: str, start: int, end: int) -> bool:
    """A one-character suffix that ends a verb: 办 in 举办, 委 in 受委托."""
    if end - start != 1:
        return False
    if text[start] == "厂" and text[start - 1 : start] in _INTO_WORKS:
        return True  # 进驻开发区设厂, 进厂: a verb of the works, no name
    words = plain_tag(text[max(0, start - 2) : end])
    word, flag = words[-1] if words else ("", "")
    return len(word) > 1 and flag.startswith("v")


_INTO_WORKS = frozenset("设建办进入出返回离驻下到")
"""Verbs that make a word of 厂 (设厂, 进厂), which jieba tags as nouns."""
_TRADE_MEMBERS = re.compile(r"([\u4e00-\u9fff]{1,8}业)(?:职工|工人|雇员|从业员)")
_TRADE_UNION = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:行业|产业)(?:联合)?"
    r"|([\u4e00-\u9fff]{1,6}?)(?:司机|骑手|快递员|外卖员|送餐员|配送员|快递小哥)"
)
"""A union of a trade's or a job's workers: 快递行业(工会), 外卖配送行业联合(工会),
货车司机(工会联合会), 网约车司机(工会)."""
_ORDINAL = re.compile(r"^第[一二三四五六七八九十]{1,3}")


def _trade(words: str) -> bool:
    """快递, 外卖配送, 货车: the words of a trade, not of a time, a count or a
    verb (江北街道日前成立榨菜行业工会, 市直各产业工会)."""
    if _GENERIC_IN_BODY.search(words) or roles.role_spans(words):
        return False
    if any(c in lexicon.NAME_STOP_CHARS or c in "各级直" for c in words):
        return False
    return not any(
        flag.startswith(_NOT_TRADE_FLAGS) or lexicon.LAUNCH_VERBS.fullmatch(word)
        for word, flag in plain_tag(words)
    )


_NOT_TRADE_FLAGS = ("t", "r", "q", "m", "p", "c", "u")


def body_ok(body: str, kind: SuffixKind) -> bool:
    """Words between a place and a suffix: 发改 in 县发改局, 人力资源和社会保障
    in 市人力资源和社会保障局; nothing generic, no title, no verb."""
    session = SESSION.match(body)
    if session and kind.subtype == "GovernmentBody":
        body = body[session.end() :]  # 通州区第十七届人民代表大会常务委员会
    if kind.subtype == "TradeUnion" and (job := _TRADE_UNION.fullmatch(body)):
        return _trade(job.group(1) or job.group(2))
    limit = MAX_BUREAU_BODY if kind.subtype == "GovernmentBody" else MAX_BODY
    if len(body) > limit or any(c in CLAUSE_BREAK for c in body):
        return False
    if not body or body.removeprefix(_GOVERNMENT) in _BUREAU_BODIES:
        return True  # (人民政府)国有资产监督管理(委员会): a bureau's full name
    trade = _TRADE_MEMBERS.fullmatch(body)  # 酒店业职工(总会): a trade's workers
    named = trade.group(1) if trade else body
    if _GENERIC_IN_BODY.search(named) or lexicon.COUNTED.match(body):
        return False  # 高雄市一名航运业工会: one union of the city, no name
    if kind.needs_place and _NAMED_IN_BODY.search(body):
        return False  # 江苏石油分公司工会 is the company's union, not 江苏's
    if any(not body.endswith(m.group()) for m in _PUBLIC_IN_BODY.finditer(body)):
        return False  # 市人民政府作政府: a body, then words, is no longer a name
    if any(verb in body for verb in POST_VERBS) or "领导" in body:
        return False  # 桂城街道担任党工委, 区委领导下做好政府: a verb, then the body
    inner = body.replace("和", "") if kind.subtype == "GovernmentBody" else body
    inner = _ORDINAL.sub("", inner, count=1)  # 市第二人民医院
    if inner and kind.needs_place and any(c in lexicon.NAME_STOP_CHARS for c in inner):
        return False
    return not roles.role_spans(body)


@cache
def suffix_kind(name: str) -> str | None:
    """The subtype an organisation name's suffix implies (TradeUnion, …)."""
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix].subtype or None
    return None
