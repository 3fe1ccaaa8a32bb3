"""What a listed person holds (:mod:`kg.extract.name_lists` finds them).

A person listed with a unit and no title is a person–organisation pair
(GUIDELINES, "Name lists"): the unit is the organisation another extractor
read there, else the unit as written (a bare workshop, 焊装车间, is the
workshop of the company last named), placed in the last district its name
opens with.  A ``姓名　单位职务`` line holds the posts of the title chain
after the name, or of its unit and a word kg does not know as a title
(某某有限公司品酒师).  甲、乙两位副县长 gives each the title after 两位.
"""

from __future__ import annotations

import re

from kg.extract import chains, companies, names, roles, segments, units
from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer
from kg.extract.org_names import canonical
from kg.extract.org_suffixes import SUFFIXES, suffix_kind
from kg.model import Kind, Mention, Relation, RelKind, entity_key

_UNIT_SUFFIXES = (
    *SUFFIXES,
    *"合作社 研究院 设计院 医院 卫生院 所 站 队 馆 场 矿 院 处 店 社 部 室".split(),
    *units.COMPANY_UNITS,
)


def bare_title(ctx: Context, named: names.Named, at: int) -> list[Relation]:
    """The title right after ``at`` (两位|副县长) as a post of no named body,
    when a title ends a word there; else none."""
    text = ctx.doc.text
    for size in range(min(6, len(text) - at), 1, -1):
        word = text[at : at + size]
        if word in roles.TITLES and roles.split_roles(word) == (word,):
            return [
                Relation(
                    RelKind.POST,
                    entity_key(Kind.PERSON, named.name),
                    None,
                    roles=(word,),
                    evidence=ctx.evidence(named.start),
                )
            ]
    return []


Titled = tuple[names.Named, int, int, chains.Chain | None]
"""A ``姓名　单位职务`` line: the name, where the unit starts and ends, and
the title chain that fills the unit (None: a unit with no title, or a unit
and a word kg does not know as a title: :func:`unit_and_word`)."""
_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")


def unit_and_word(
    ctx: Context, start: int, end: int
) -> tuple[Mention | None, str] | None:
    """某某有限公司品酒师, 某某街道社区工作者: an organisation read there (or
    districts only) and then one word, a trade or title kg does not know:
    the organisation (None after districts) and the word; None otherwise."""
    org = max(
        (m for m in ctx.of_kind(Kind.ORGANIZATION) if m.start == start and m.end < end),
        key=lambda m: m.end,
        default=None,
    )
    places = ctx.districts_from(start, end, coded=False) if org is None else None
    at = org.end if org is not None else places.end if places else start
    if at == start or not _WORD.fullmatch(ctx.doc.text, at, end):
        return None
    return org, ctx.doc.text[at:end]


def filling_chain(ctx: Context, start: int, end: int) -> chains.Chain | None:
    """The title chain that is all of ``text[start:end]``, ends in a title and
    names a body (某某公司装配车间主任); None if there is none."""
    parts = segments.read_segments(ctx, end, start)
    if not parts or parts[0].start != start or any(p.junk for p in parts):
        return None
    chain = chains.parse_chain(ctx, end, floor=start)
    if chain is None or all(org is None for org, _, _ in chain.posts):
        return None
    return chain


def titled_posts(
    ctx: Context,
    titled: Titled,
    mentions: list[Mention],
    relations: list[Relation],
) -> None:
    """The posts of a ``姓名　单位职务`` line: the chain's, the unit's with no
    title, or the unit's with the word after it."""
    named, unit_start, unit_end, chain = titled
    text = ctx.doc.text
    evidence = ctx.evidence(named.start)
    if chain is None and roles.split_roles(text[unit_start:unit_end]) is not None:
        chain = chains.parse_chain(ctx, unit_end, floor=unit_start)  # 甲　站长
        if chain is None:
            return
    if chain is None and is_unit(text[unit_start:unit_end]):
        unit_post(ctx, named, unit_start, unit_end, mentions, relations)
        return
    if chain is None:  # a unit, then a word kg does not know as a title
        read = unit_and_word(ctx, unit_start, unit_end)
        if read is None:
            return  # 甲　种植基地技术员 with no unit above: read under a unit only
        org, word = read
        mentions.append(person(text, named))
        relations.append(
            Relation(
                RelKind.POST,
                entity_key(Kind.PERSON, named.name),
                entity_key(Kind.ORGANIZATION, org.name) if org else None,
                roles=(word,),
                evidence=evidence,
            )
        )
        return
    for body, place in chain.new_orgs:
        mentions.append(body)
        if place is not None:
            relations.append(chains.located(body, place, evidence))
    mentions.append(person(text, named))
    relations.extend(chains.post_relations(named.name, chain, evidence))


def is_unit(unit: str) -> bool:
    return unit.endswith(_UNIT_SUFFIXES) and not unit.startswith(("记者", "通讯员"))


def unit_post(
    ctx: Context,
    named: names.Named,
    unit_start: int,
    unit_end: int,
    mentions: list[Mention],
    relations: list[Relation],
) -> None:
    """The person and the unit written beside the name, a post with no
    title between them, and where the unit lies."""
    org = unit_at(ctx, unit_start, unit_end)
    listed = person(ctx.doc.text, named)
    evidence = ctx.evidence(named.start)
    mentions.extend((listed, org))
    relations.append(
        Relation(
            RelKind.POST,
            entity_key(Kind.PERSON, listed.name),
            entity_key(Kind.ORGANIZATION, org.name),
            evidence=evidence,
        )
    )
    code = _opening_code(ctx, unit_start, unit_end) or org.place
    if code:
        place = Gazetteer.default().get(code)
        relations.append(chains.located(org, place, evidence))


def _bare(title: str) -> str:
    """种植基地技术员 in a unit: the title, 技术员, without what qualifies it."""
    spans = roles.role_spans(title)
    return title[spans[-1][0] :] if spans and spans[-1][1] == len(title) else title


def placed(ctx: Context, unit: Mention) -> list[Relation]:
    """Where a unit read from a list's heading lies, from its name."""
    place = Gazetteer.default().get(unit.place) if unit.place else None
    return [chains.located(unit, place, ctx.evidence(unit.start))] if place else []


def unit_at(ctx: Context, start: int, end: int) -> Mention:
    """The organisation the organisations extractor read there, else the unit
    as written, placed in the last district its name opens with."""
    for mention in ctx.of_kind(Kind.ORGANIZATION):
        if mention.start == start and mention.end == end:
            return mention
    surface = ctx.doc.text[start:end]
    name = canonical(surface)
    if surface.endswith(units.COMPANY_UNITS):  # 焊装车间: of the company
        company = companies.last_company(ctx, start, "公司")  # last named before
        if company is not None and not surface.startswith(company.name):
            name = company.name + surface
    return Mention(
        Kind.ORGANIZATION,
        start,
        end,
        surface,
        name,
        subtype=suffix_kind(surface),
        place=_opening_code(ctx, start, end),
    )


def person(text: str, named: names.Named) -> Mention:
    return Mention(
        Kind.PERSON, named.start, named.end, text[named.start : named.end], named.name
    )


def _opening_code(ctx: Context, start: int, end: int) -> str | None:
    """柯桥区华舍街道社区卫生服务中心 → 华舍街道: the code of the last of the
    districts the name opens with."""
    opening = ctx.districts_from(start, end)
    return opening.code if opening else None


def posts_in_unit(
    ctx: Context,
    titled: Titled,
    unit: Mention,
    mentions: list[Mention],
    relations: list[Relation],
) -> bool:
    """The posts of a ``姓名　职务`` line under a heading that names the unit
    (an award list's ``（一）某某医院`` then ``甲（女）　急诊科护士长``): a title
    with no body of its own is held in the unit, trades and job titles too
    (首席技师, 教师); a department the line names is the unit's.  False if
    the line holds no title chain."""
    named, unit_start, unit_end, _ = titled
    text = ctx.doc.text
    chain = chains.parse_chain(ctx, unit_end, inherited=unit, floor=unit_start)
    if chain is None or not chain.posts:
        return False
    evidence = ctx.evidence(named.start)
    home = Gazetteer.default().get(unit.place) if unit.place else None
    for body, place in chain.new_orgs:
        if body.name.startswith(unit.name):
            mentions.append(body)  # 某某公司装配车间
            if place is not None:
                relations.append(chains.located(body, place, evidence))
    posts: list[chains.Post] = []
    for org, titles, marked in chain.posts:
        if org is None:
            org, titles = unit, tuple(_bare(title) for title in titles)
        elif not org.name.startswith(unit.name) and unit_start <= org.start < unit_end:
            surface = text[org.start : org.end]
            name = canonical(unit.name + surface)
            org = Mention(
                Kind.ORGANIZATION,
                org.start,
                org.end,
                surface,
                name,
                subtype=suffix_kind(name),
                place=unit.place,
            )
            mentions.append(org)
            if home is not None:
                relations.append(chains.located(org, home, evidence))
        posts.append((org, titles, marked))
    mentions.append(person(text, named))
    relations.extend(
        chains.post_relations(named.name, chains.Chain(posts=posts), evidence)
    )
    return True
