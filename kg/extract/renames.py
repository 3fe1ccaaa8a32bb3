"""Renamed bodies: the text says one organisation is another under a new name.

Read only where the text says so, between two organisations the earlier
extractors found in one sentence:

* ``甲更名为乙`` (also 正式更名为, 已更名为, 改名为, 更名成, 改制为, 将甲更名为乙,
  and a date before the verb: ``甲于2019年3月更名为乙``);
* ``乙（原甲）``;
* ``乙前身为甲`` / ``乙的前身是甲``, ``乙由甲更名而来``.

Each gives a ``renamedTo`` fact from the old body to the new one.  Nothing
is merged: the two stay two nodes, linked
(W3C ORG would model the change as an ``org:ChangeEvent``; ``kgo:renamedTo``
is its shortcut, ontology/kg.ttl).
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extract.base import Context, Found
from kg.model import Kind, Mention, Relation, RelKind, entity_key

_WHEN = r"(?:(?:于|自|从)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起)?)?"
_OLD_TO_NEW = re.compile(
    rf"^{_WHEN}(?:正式|已|已经|现已|整体|依法|经批准)?"
    r"(?:更名|改名|改称|改制|更名称)(?:为|成)$"
)
_NEW_OF_OLD = re.compile(r"^(?:[（(]原|的?前身(?:为|是))$")
_NEW_FROM_OLD = re.compile(r"^由$")
_FROM_TAIL = re.compile(r"(?:更名|改名|改制)而(?:来|成)")
_CLOSE = "）)"


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    bodies = sorted(ctx.of_kind(Kind.ORGANIZATION), key=lambda m: (m.start, m.end))
    relations: list[Relation] = []
    for first, second in pairwise(bodies):
        if first.end > second.start or first.name == second.name:
            continue
        gap = text[first.end : second.start]
        if _OLD_TO_NEW.match(gap):
            old, new = first, second
        elif (
            _NEW_OF_OLD.match(gap)
            and (not gap.endswith("原") or text[second.end : second.end + 1] in _CLOSE)
        ) or (_NEW_FROM_OLD.match(gap) and _FROM_TAIL.match(text, second.end)):
            old, new = second, first
        else:
            continue
        if ctx.sentence_at(first.start) != ctx.sentence_at(second.start):
            continue
        relations.append(_renamed(ctx, old, new))
    return Found(relations=tuple(relations))


def _renamed(ctx: Context, old: Mention, new: Mention) -> Relation:
    return Relation(
        RelKind.RENAMED,
        entity_key(Kind.ORGANIZATION, old.name),
        entity_key(Kind.ORGANIZATION, new.name),
        evidence=ctx.evidence(min(old.start, new.start)),
    )
