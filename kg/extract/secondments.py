"""Secondments: 甲赴某集团挂职副总经理, 甲到某大学挂职，任学校党委常委、
副校长, 甲到毕节市挂职副市长.

挂职 puts a cadre in a host body for a term; the titles after it are held in
the host, the body or place named between 赴/到 and 挂职 (a post, however
long: gold/GUIDELINES.md).  The person is the subject of the clause, the one
named last before the verb.  The titles go through the title-chain parser
(:func:`kg.extract.chains.parse_chain`), so a body they name of their own
(挂职新疆喀什地区总工会副主席) wins over the host, and a head of government
with no body (副市长) is the host place's 人民政府.

The same host-first shape describes a person: 在某公司担任设备工程师的台湾女生
甲 holds the title (with the word that qualifies it) in the body after 在.
"""

from __future__ import annotations

import re

from kg.extract import chains, lexicon, names, roles
from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer
from kg.model import Kind, Mention, Relation, RelKind, entity_key

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
    relations: list[Relation] = []
    at = text.find(_WORD)
    while at >= 0:
        relations.extend(_secondment(ctx, at))
        at = text.find(_WORD, at + len(_WORD))
    mentions: list[Mention] = []
    for match in _SERVING.finditer(text):
        relations.extend(_serving(ctx, match, mentions))
    return Found(mentions=tuple(mentions), relations=tuple(relations))


_SERVING = re.compile(r"在(?:[^，。；：“”\n]{2,30}?)(担任|任职|任)")
"""在某公司担任设备工程师的台湾女生甲: a post in the body after 在, held by the
person the clause goes on to name."""
_DESCRIBED_GAP = 8
"""The most characters between 的 and the name (的台湾女生甲, 的80后青年乙)."""


def _serving(
    ctx: Context, match: re.Match[str], mentions: list[Mention]
) -> list[Relation]:
    text = ctx.doc.text
    opening = match.start() + 1
    host = next(
        (
            m
            for m in ctx.starting_in(Kind.ORGANIZATION, opening, opening)
            if m.end == match.start(1)
        ),
        None,
    )
    if host is None:
        return []
    end = _titles_end(text, match.end(), stops="的")
    if end is None or text[end : end + 1] != "的":
        return []
    window = text[match.end() : end]
    titles = roles.split_roles(window) or (
        (window,) if len(window) <= _QUALIFIED_TITLE else None
    )  # 设备工程师: a title and the word that qualifies it, as one
    if titles is None:
        return []
    person = next(
        (
            m
            for m in ctx.of_kind(Kind.PERSON)
            if end < m.start <= end + 1 + _DESCRIBED_GAP
            and not any(c in _CLAUSE_ENDS for c in text[end : m.start])
        ),
        None,
    )
    if person is None:
        person = _introduced(text, end + 1)
        if person is None:
            return []
        mentions.append(person)  # read here: no extractor read it before
    return [
        Relation(
            RelKind.POST,
            entity_key(Kind.PERSON, person.name),
            entity_key(Kind.ORGANIZATION, host.name),
            roles=titles,
            evidence=ctx.evidence(match.start()),
        )
    ]


_QUALIFIED_TITLE = 8
_INTRODUCERS = tuple(sorted(lexicon.INTRODUCERS, key=len, reverse=True))


def _introduced(text: str, start: int) -> Mention | None:
    """的台湾女生陈静: a name right after a word that introduces people."""
    for offset in range(start, min(len(text), start + _DESCRIBED_GAP)):
        if text[offset] in _CLAUSE_ENDS:
            return None
        if text.endswith(_INTRODUCERS, start, offset):
            named = names.read_one(text, offset)
            if named is not None:
                return Mention(
                    Kind.PERSON, named.start, named.end, text[named.start : named.end],
                    named.name,
                )  # fmt: skip
    return None


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


def _titles_end(text: str, start: int, stops: str = "") -> int | None:
    """Where the run of titles that opens at ``start`` ends, at the end of
    its clause (学校党委常委、副校长（挂职）: after 副校长) or at one of
    ``stops``."""
    stop = start
    while stop < len(text) and text[stop] not in _CLAUSE_ENDS + stops:
        stop += 1
    spans = roles.role_spans(text[start:stop])
    if not spans or spans[-1][1] != stop - start:
        return None
    return start + spans[-1][1]
