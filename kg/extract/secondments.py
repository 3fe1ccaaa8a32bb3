"""Secondments: 甲赴某集团挂职副总经理, 甲到某大学挂职，任学校党委常委、
副校长, 甲到毕节市挂职副市长.

挂职 puts a cadre in a host body for a term; the titles after it are held in
the host, the body or place named between 赴/到 and 挂职 (a post, however
long: gold/GUIDELINES.md).  The person is the subject of the clause, the one
named last before the verb.  The titles go through the title-chain parser
(:func:`kg.extract.chains.parse_chain`), so a body they name of their own
(挂职新疆喀什地区总工会副主席) wins over the host, and a head of government
with no body (副市长) is the host place's 人民政府.
"""

from __future__ import annotations

import re

from kg.extract import chains, roles
from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer
from kg.model import Kind, Mention, Relation

_WORD = "挂职"
_GOES = "赴到去至"
"""The verb before the host: 赴某集团挂职."""
_TITLES_AFTER = re.compile(r"挂职(?:锻炼)?(?:[，,]?(?:任|担任))?")
"""挂职 and what may stand between it and the titles held there."""
_CLAUSE_ENDS = "，,。；;：:（(\n"
_SUBJECT_GAP = 12
"""The most characters between the person and the verb (甲于今年3月赴…)."""


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    if _WORD not in text:
        return Found()
    relations: list[Relation] = []
    at = text.find(_WORD)
    while at >= 0:
        relations.extend(_secondment(ctx, at))
        at = text.find(_WORD, at + len(_WORD))
    return Found(relations=tuple(relations))


def _secondment(ctx: Context, at: int) -> list[Relation]:
    text = ctx.doc.text
    host = _host(ctx, at)
    if host is None:
        return []
    verb = _above(ctx, host) - 1
    if verb < 0 or text[verb] not in _GOES:
        return []
    person = _subject(ctx, verb)
    if person is None:
        return []
    lead = _TITLES_AFTER.match(text, at)
    assert lead is not None  # the text has 挂职 at ``at``
    end = _titles_end(text, lead.end())
    if end is None:
        return []
    if host.kind is Kind.DISTRICT:
        place = Gazetteer.default().get(host.code) if host.code else None
        chain = chains.parse_chain(ctx, end, floor=lead.end(), place=place)
    else:
        chain = chains.parse_chain(ctx, end, inherited=host, floor=lead.end())
    if chain is None:
        return []
    return chains.post_relations(person.name, chain, ctx.evidence(at))


def _host(ctx: Context, at: int) -> Mention | None:
    """The organisation, else the district, named right before 挂职."""
    for kind in (Kind.ORGANIZATION, Kind.DISTRICT):
        found = [m for m in ctx.of_kind(kind) if m.end == at]
        if found:
            return min(found, key=lambda m: m.start)
    return None


def _above(ctx: Context, host: Mention) -> int:
    """Where the host's name starts with the places written before it
    (贵州省|毕节市)."""
    start = host.start
    places = {m.end: m for m in ctx.of_kind(Kind.DISTRICT)}
    while start in places:
        start = places[start].start
    return start


def _subject(ctx: Context, verb: int) -> Mention | None:
    """The person named last before the verb, in its clause."""
    text = ctx.doc.text
    before = [
        m
        for m in ctx.of_kind(Kind.PERSON)
        if m.end <= verb
        and verb - m.end <= _SUBJECT_GAP
        and not any(c in _CLAUSE_ENDS for c in text[m.end : verb])
    ]
    return max(before, key=lambda m: m.end, default=None)


def _titles_end(text: str, start: int) -> int | None:
    """Where the run of titles that opens at ``start`` ends, at the end of
    its clause (学校党委常委、副校长（挂职）: after 副校长)."""
    stop = start
    while stop < len(text) and text[stop] not in _CLAUSE_ENDS:
        stop += 1
    spans = roles.role_spans(text[start:stop])
    if not spans or spans[-1][1] != stop - start:
        return None
    return start + spans[-1][1]
