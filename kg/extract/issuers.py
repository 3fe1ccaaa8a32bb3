"""launchedBy from a document's own title: the body that opens it issued it.

``会议审议通过《中共某某市委关于加快建设…的实施意见》``: the title names its
issuer before 关于, and no actor stands in the sentence (the meeting only
passes it).  The issuer is the body of that name the article names, else,
when the words before 关于 are a place and a public body's word (某某市委,
某某县人民政府, 某某市总工会), that body, named from the title.  Other names
inside titles are no organisations of their own
(:mod:`kg.extract.organizations`).
"""

from __future__ import annotations

import re

from kg.extract.base import Context, Found
from kg.extract.chains import located
from kg.extract.gazetteer import Gazetteer
from kg.extract.org_names import canonical
from kg.model import Kind, Mention, Relation, RelKind, entity_key

_ISSUER = re.compile(r"(.{3,30}?)(?:关于|印发|转发)")
_PUBLIC_BODY = re.compile(
    r"^(.{2,12}?[省市县区州旗])(委|人民政府|政府|总工会|人大常委会|政协)$"
)


def extract(ctx: Context) -> Found:
    bodies = {m.name: m for m in ctx.of_kind(Kind.ORGANIZATION)}
    mentions: list[Mention] = []
    relations = []
    for initiative in ctx.of_kind(Kind.INITIATIVE):
        match = _ISSUER.match(initiative.name)
        if match is None:
            continue
        name = canonical(match.group(1))
        issuer = bodies.get(name) or _named_body(ctx, initiative, match.group(1))
        if issuer is None:
            continue
        if issuer.name not in bodies:
            bodies[issuer.name] = issuer
            mentions.append(issuer)
            relations.extend(_located(ctx, issuer))
        relations.append(
            Relation(
                RelKind.LAUNCHED_BY,
                entity_key(Kind.INITIATIVE, initiative.name),
                entity_key(Kind.ORGANIZATION, issuer.name),
                evidence=ctx.evidence(initiative.start),
            )
        )
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _named_body(ctx: Context, initiative: Mention, written: str) -> Mention | None:
    """The public body a title opens with, when the article does not name it."""
    name = canonical(written)
    body = _PUBLIC_BODY.match(name)
    gazetteer = Gazetteer.default()
    if body is None or not gazetteer.lookup(body.group(1)):
        return None
    at = ctx.doc.text.find(written, initiative.start, initiative.end)
    if at < 0:
        return None
    home = [gazetteer.get(ctx.home)] if ctx.home else []
    place = gazetteer.resolve(body.group(1), home)
    subtype = "TradeUnion" if name.endswith("工会") else "GovernmentBody"
    return Mention(
        Kind.ORGANIZATION,
        at,
        at + len(written),
        written,
        name,
        subtype=subtype,
        place=place.id if place is not None else None,
    )


def _located(ctx: Context, body: Mention) -> list[Relation]:
    if body.place is None:
        return []
    place = Gazetteer.default().get(body.place)
    return [located(body, place, ctx.evidence(body.start))]
