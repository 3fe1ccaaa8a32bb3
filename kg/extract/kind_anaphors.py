"""Bodies named by their kind alone: 该局, 该中心, a bare 中心 or 协会 before a
title, and the association a sentence before opens with.

Used by the title-chain parser (:mod:`kg.extract.chains`) for a segment that
names no body of its own: 该局局长甲, 中心主任乙, 协会秘书长丙, and 理事长丁
opening the sentence after 某某协会成立于2016年。
"""

from __future__ import annotations

from kg.extract.base import Context
from kg.model import Kind, Mention

BARE_KINDS = frozenset(("中心", "协会", "学会", "研究会", "基金会", "联合会", "商会"))
"""A kind of body written alone: the one of that kind the paragraph named,
or the one the article names."""
_ASSOCIATIONS = tuple(sorted(BARE_KINDS - {"中心"}))
_ASSOCIATION_TITLES = frozenset(
    "会长 副会长 常务副会长 理事长 副理事长 常务副理事长 秘书长 副秘书长".split()
)


def last_of_kind(ctx: Context, start: int, kind: str) -> Mention | None:
    """该部, 该局, 该中心: the body of that kind named last before ``start``."""
    named = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.end <= start and m.name.endswith(kind)
    ]
    return max(named, key=lambda m: m.end) if named else None


def bare_kind(ctx: Context, start: int, kind: str) -> Mention | None:
    """……法律服务中心的律师坐镇。中心主任甲说: a bare 中心 (协会 …) at
    ``start`` is the body of that kind named last in its paragraph, or
    anywhere before when the article names only one (协会秘书长乙)."""
    if kind not in BARE_KINDS:
        return None
    named = last_of_kind(ctx, start, kind)
    if named is None:
        return None
    paragraph = ctx.doc.text.rfind("\n", 0, start) + 1
    if named.start >= paragraph or _only_of_kind(ctx, named, kind):
        return named
    return None


def association_before(ctx: Context, start: int, title: str) -> Mention | None:
    """某某协会成立于2016年。理事长甲表示: an association's title that opens
    the sentence at ``start`` is held in the association the sentence before
    it in its paragraph opens with."""
    if title not in _ASSOCIATION_TITLES or start == 0:
        return None
    sentence = ctx.sentence_at(start)
    before = ctx.sentence_before(sentence) if sentence.start == start else None
    if before is None:
        return None
    orgs = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if before.start <= m.start < before.end
    ]
    first = min(orgs, key=lambda m: m.start, default=None)
    return first if first is not None and first.name.endswith(_ASSOCIATIONS) else None


def _only_of_kind(ctx: Context, named: Mention, kind: str) -> bool:
    """Whether ``named`` is the one body of that kind the article names."""
    return all(
        m.name == named.name
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.name.endswith(kind)
    )
