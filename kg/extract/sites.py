"""Where an organisation stands, as the text says it: 某某集团位于某市某区,
地处某镇, 坐落在某街道 — a ``locatedIn`` to the most specific area of the run
of districts right after the verb (GUIDELINES: the most specific area)."""

from __future__ import annotations

import re

from kg.extract.base import Context, Found
from kg.model import Kind, Relation, RelKind, entity_key

_SITED = re.compile(r"位于|地处|坐落于|坐落在|地址在|落户于|落户在")


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    ending = {m.end: m for m in ctx.of_kind(Kind.ORGANIZATION)}
    relations = []
    for match in _SITED.finditer(text):
        org = ending.get(match.start())
        place = ctx.districts_from(match.end())
        if org is not None and place is not None:
            relations.append(
                Relation(
                    RelKind.LOCATED_IN,
                    entity_key(Kind.ORGANIZATION, org.name),
                    entity_key(Kind.DISTRICT, place.name, place.code),
                    evidence=ctx.evidence(org.start),
                )
            )
    return Found(relations=tuple(relations))
