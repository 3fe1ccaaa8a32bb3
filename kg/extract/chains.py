"""Title chains: the posts that the titles before a name give.

``无锡经济开发区党工委委员、党群工作部部长、总工会主席王勇`` is three segments
(:mod:`kg.extract.segments`); each gives a post:

* a segment that names an organisation starts a new one:
  ``市人大常委会副主任、市总工会主席周某``;
* a segment with a bare department or body (``党群工作部``, ``总工会``) is
  that body of the chain's place: 无锡经济开发区党群工作部 (of the company
  the chain is about: 某公司党委副书记、工会主席);
* a segment of titles only continues the organisation before it:
  ``江阴市总工会党组书记、主席张忠`` is one organisation, two roles; a
  company's Party body stays in the company (集团党委书记、董事长);
* a head of government with no body (``市长韩某``, ``代县长某某``) implies
  the place's 人民政府, and ``镇党委书记`` the place's 党委.

The parser serves :mod:`kg.extract.posts` (chains before names),
:mod:`kg.extract.appointments` (chains after 任命某某为) and
:mod:`kg.extract.notices` (chains in a notice's cells).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.extract import companies, focus, kind_anaphors, lexicon, segments, units
from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_names import canonical
from kg.extract.org_suffixes import suffix_kind
from kg.model import Change, Evidence, Kind, Mention, Relation, RelKind, entity_key

_PARTY_ROLE_HEADS = ("党工委", "党委", "党组")
_PARTY_TITLES = ("书记", "副书记", "委员", "常委", "成员", "党")
_TRADES = lexicon.PROFESSIONAL_ROLES | lexicon.JOB_TITLES
_UNION_BODIES = frozenset(("经费审查委员会", "经审会", "女职工委员会", "女职委"))
_PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委", "办公室", "政策研究室")
_COMPANY_DEPARTMENTS = ("部", "中心")
"""A department a company has as well as a place (财务部, 技术中心)."""

Post = tuple[Mention | None, tuple[str, ...], Change | None]
"""An organisation (or none), the titles held in it, and whether the chain
says they began (新任) or ended (原)."""


@dataclass
class Chain:
    """What a title chain says: posts, and organisations it named on its own."""

    posts: list[Post] = field(default_factory=list)
    new_orgs: list[tuple[Mention, Place | None]] = field(default_factory=list)
    unread: bool = False
    """The chain ends in a body no extractor read (工联总会会长甲): titles
    after it in the sentence (、副会长乙) are that body's, not an earlier one's."""


def post_relations(
    person: str,
    chain: Chain,
    evidence: Evidence,
    change: Change | None = None,
    date: str | None = None,
) -> list[Relation]:
    """The posts of a chain held by ``person``; ``change`` (an appointment or
    a removal, on ``date`` if the text says) applies to those the chain itself
    does not mark.  Grades and trades with no unit (电工技师何某) are no post."""
    return [
        Relation(
            RelKind.POST,
            entity_key(Kind.PERSON, person),
            entity_key(Kind.ORGANIZATION, org.name) if org else None,
            roles=titles,
            evidence=evidence,
            change=marked or change,
            date=date if (marked or change) else None,
        )
        for org, titles, marked in chain.posts
        if org is not None or not _trades(titles)
    ]


def _trades(titles: tuple[str, ...]) -> bool:
    """Grades and trades only, a trade with its craft too (模具钳工)."""
    return all(t in _TRADES or units.jobs_only((t,)) for t in titles)


def in_unit(
    chain: Chain, unit: Mention, held: Callable[[tuple[str, ...]], bool] = _trades
) -> Chain:
    """The chain with the titles that name no unit and are ``held`` there put
    in ``unit`` (挡车工甲在公司工作了十年: the company the article speaks of)."""
    posts = [
        (unit if org is None and held(titles) else org, titles, marked)
        for org, titles, marked in chain.posts
    ]
    return Chain(posts=posts, new_orgs=chain.new_orgs)


def located(org: Mention, place: Place, evidence: object) -> Relation:
    """``org`` is located in ``place`` (from its name or its chain)."""
    return Relation(
        RelKind.LOCATED_IN,
        entity_key(Kind.ORGANIZATION, org.name),
        entity_key(Kind.DISTRICT, place.name, place.id),
        evidence=evidence,  # type: ignore[arg-type]
    )


def parse_chain(
    ctx: Context,
    end: int,
    *,
    inherited: Mention | None = None,
    floor: int = 0,
    place: Place | None = None,
) -> Chain | None:
    """Read the title chain that ends at ``end`` (where the name starts).

    ``inherited`` is the organisation of the chain before this one in the
    sentence: titles with no body of their own are its titles
    (``市人大常委会主任甲主持会议，副主任乙、丙，秘书长丁出席``).  The chain
    starts no earlier than ``floor`` (after 任命某某为).  原 or 新任 before
    the chain, or before a title in it, marks its posts ended or begun.
    ``place`` is the place the chain speaks of when none of its bodies is
    anchored (挂职副县长 in the county named before it), instead of home.
    """
    parts = segments.read_segments(ctx, end, floor)
    if not parts:
        return None
    opening = parts[0].opening
    chain = Chain()
    place = _chain_place(ctx, parts, place)
    current: Mention | None = inherited
    for segment in parts:
        org, titles = _segment_post(ctx, segment, place, chain, current)
        if org is not None:
            current = org
        elif segment.tail or segment.place or segment.unread:
            current = None
        elif current is inherited and units.jobs_only(titles):
            # 副主席甲看望了环卫工人乙: a job is held in a unit of its own
            current = None
        elif (
            current is inherited
            and titles[0] in _COMPANY_HEADS
            and companies.company_of(current) is None
        ):  # 由某部次长甲颁奖，董事长乙领奖: no ministry has a 董事长
            current = None
        elif current is not None and titles[0] in companies.ROLES:
            current = _company_body(ctx, current, segment) or current
        elif current is not None and not titles[0].startswith(_PARTY_TITLES):
            current = _body_of_party(ctx, current, segment, chain) or current
        current, titles = _party_of_company(ctx, segment, current, titles, chain)
        _add_post(chain, current, titles, segment.change or opening)
    chain.unread = current is None and parts[-1].unread
    return chain


_COMPANY_HEADS = frozenset(
    "董事长 副董事长 总经理 副总经理 常务副总经理 总裁 副总裁".split()
)
"""Titles only a company has (an association has a 监事长 too)."""


def _party_of_company(
    ctx: Context,
    segment: segments.Segment,
    org: Mention | None,
    titles: tuple[str, ...],
    chain: Chain,
) -> tuple[Mention | None, tuple[str, ...]]:
    """集团党委书记: a company's Party body stays in the company, its titles
    carry the body (党委书记, 党总支书记) — GUIDELINES, "Party bodies of a
    company stay in the company"; a hospital's and a school's likewise.  An
    owner no mention names on its own (某某医院党委: one mention, the body)
    becomes a body of the chain."""
    owner_name = companies.party_owner(org)
    if org is None or owner_name is None:
        return org, titles
    body = org.name.removeprefix(owner_name)
    if companies.ANAPHOR.fullmatch(owner_name):  # 集团公司党委: the group last named
        company = companies.last_company(ctx, org.start, owner_name)
        owner_name = company.name if company else owner_name
    owner = segments.new_org(
        segment.start, segment.end, ctx, owner_name, None, implied=True
    )
    if not any(m.name == owner_name for m in ctx.of_kind(Kind.ORGANIZATION)):
        place = Gazetteer.default().get(org.place) if org.place else None
        owner = replace(owner, place=org.place)
        chain.new_orgs.append((owner, place))
    return owner, tuple(body + title for title in titles)


def _company_body(
    ctx: Context, org: Mention, segment: segments.Segment
) -> Mention | None:
    """集团党委书记、董事长: the 董事长 is the company's, not its 党委's."""
    company = companies.company_of(org)
    if company is None or company == org.name:
        return None
    return segments.new_org(
        segment.start, segment.end, ctx, company, None, implied=True
    )


def _body_of_party(
    ctx: Context, org: Mention, segment: segments.Segment, chain: Chain
) -> Mention | None:
    """市国资委党委委员、副主任: the 副主任 is the 国资委's, not its 党委's."""
    for body in companies.PARTY_BODIES:
        owner = org.name.removesuffix(body)
        if owner != org.name and suffix_kind(owner) is not None:
            where = Gazetteer.default().get(org.place) if org.place else None
            found = segments.new_org(
                segment.start, segment.end, ctx, owner, where, implied=True
            )
            chain.new_orgs.append((found, where))
            return found
    return None


def _add_post(
    chain: Chain, org: Mention | None, titles: tuple[str, ...], change: Change | None
) -> None:
    for index, (known, held, known_change) in enumerate(chain.posts):
        same = (known is None and org is None) or (
            known is not None and org is not None and known.name == org.name
        )
        if same and known_change == change:
            merged = held + tuple(t for t in titles if t not in held)
            chain.posts[index] = (known, merged, change)
            return
    chain.posts.append((org, titles, change))


def _chain_place(
    ctx: Context, segments: list[segments.Segment], given: Place | None = None
) -> Place | None:
    """The place the chain speaks of: its first anchored body, else the
    ``given`` place, else home."""
    gaz = Gazetteer.default()
    for segment in segments:
        if segment.org is not None and segment.org.place:
            return gaz.get(segment.org.place)
        if segment.place is not None:
            return segment.place
    if given is not None:
        return given
    return gaz.get(ctx.home) if ctx.home else None


def _segment_post(
    ctx: Context,
    segment: segments.Segment,
    place: Place | None,
    chain: Chain,
    previous: Mention | None = None,
) -> tuple[Mention | None, tuple[str, ...]]:
    titles = segment.roles
    if segment.tail in lexicon.NATIONAL_MINISTRIES and not segment.org:
        # 由劳动部政务次长甲颁奖: a ministry is no place's, not the home city's
        tail_end = segment.tail_end or segment.tail_start + len(segment.tail)
        org = segments.new_org(segment.tail_start, tail_end, ctx, segment.tail, None)
        org = replace(org, subtype="GovernmentBody")
        chain.new_orgs.append((org, None))
        return org, titles
    if segment.tail.startswith("该") and not segment.org:
        return kind_anaphors.last_of_kind(ctx, segment.start, segment.tail[1:]), titles
    if not segment.org and not segment.place:
        named = kind_anaphors.bare_kind(ctx, segment.start, segment.tail)
        if named is not None:
            return named, titles
    if segment.unread:
        return None, titles
    if segment.tail:
        if segment.org:
            owner = segment.org.name
        elif segment.place:
            owner = segment.place.name
        else:
            owner = _owner(previous, place, segment.tail) or ""
            own = companies.letterhead(ctx) if previous is None else None
            if own is not None:
                owner = own.name  # 人力资源部部长 in a company's own document
            union = _union_before(ctx, segment.start, segment.tail)
            owner = union.name if union is not None else owner
            if segment.tail == "工会" and suffix_kind(owner) != "Company":
                owner = _company_of_bare_union(ctx, segment.start)
        if (
            not segment.org
            and not segment.place
            and suffix_kind(owner) != "Company"
            and segment.tail.endswith(_COMPANY_DEPARTMENTS)
            and not segment.tail.endswith(_PARTY_DEPARTMENTS)
        ):  # 安全环保部部长 in a company's news: its own, after nothing or
            main = companies.main_company(ctx)  # another of its departments
            if main is not None and (
                previous is None or previous.name.startswith(main.name)
            ):
                owner = main.name
        if (
            segment.tail.endswith(units.COMPANY_UNITS)
            or (segment.tail.endswith("部") and titles[0] in companies.ROLES)
        ) and suffix_kind(owner) != "Company":
            # a workshop (or a 部 with a 经理) is no place's: the article's
            # one company's, else the company last named in full before it
            only = companies.only_company(ctx) or companies.last_company(
                ctx, segment.start, ""
            )
            owner = only.name if only is not None else ""
        if not owner:
            if segment.tail.endswith(units.UNITS_IN_TITLES):  # 车间|主任 again
                unit = next(
                    u for u in units.UNITS_IN_TITLES if segment.tail.endswith(u)
                )
                titles = (unit + titles[0], *titles[1:])
            return None, titles
        if segment.tail in companies.PARTY_BODIES and suffix_kind(owner) == "Company":
            company = segments.new_org(
                segment.start, segment.end, ctx, owner, None, implied=True
            )
            return company, tuple(segment.tail + title for title in titles)
        name = canonical(segment.written or owner + segment.tail)
        where = segment.place or _place_of(segment.org, place)
        if previous is not None and owner == previous.name:
            where = _place_of(previous, None)  # the bureau's division: where it is
        if suffix_kind(owner) == "Company":
            where = None  # a company's union or department: where the company is
        tail_end = segment.tail_end or segment.tail_start + len(segment.tail)
        org = segments.new_org(segment.tail_start, tail_end, ctx, name, where)
        chain.new_orgs.append((org, where))
        return org, titles
    if segment.org is not None:
        return segment.org, titles
    subject = kind_anaphors.association_before(ctx, segment.start, segment.roles[0])
    if subject is not None:
        return subject, titles
    implied = _implied(segment, place, ctx)
    if implied is None:
        return None, titles
    org, titles = implied
    where = Gazetteer.default().get(org.place) if org.place else None
    chain.new_orgs.append((org, where))
    return org, titles


def is_body(text: str) -> bool:
    """Is ``text`` the name of a body under another (经费审查委员会, 财务部)?"""
    return bool(units.TAIL.fullmatch(text)) and not segments.OWN_PLACE.search(text)


def new_body(ctx: Context, owner: Mention, body: str, start: int, end: int) -> Mention:
    """The body ``body`` of ``owner`` (某某总工会经费审查委员会), written at
    ``[start, end)``."""
    place = Gazetteer.default().get(owner.place) if owner.place else None
    name = canonical(owner.name + body)
    return segments.new_org(start, end, ctx, name, place, implied=True)


def _union_before(ctx: Context, start: int, body: str) -> Mention | None:
    """经费审查委员会 is a union's (its audit committee, elected by its
    congress): the union last named before ``start``."""
    if body not in _UNION_BODIES:
        return None
    unions = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.subtype == "TradeUnion" and m.end <= start
    ]
    return max(unions, key=lambda m: m.end) if unions else None


def union_body(ctx: Context, start: int, body: str, end: int) -> Mention | None:
    """The union body ``body`` written at ``[start, end)``, of the union last
    named before it (某某总工会经费审查委员会), if ``body`` is one."""
    union = _union_before(ctx, start, body)
    return new_body(ctx, union, body, start, end) if union is not None else None


def _company_of_bare_union(ctx: Context, start: int) -> str:
    """工会主席甲 with no body before 工会: the company whose union the article
    named last (某某生物工会成立于2016年。工会主席甲……), else the one company
    it names; never a place's (a city's union is its 总工会)."""
    unions = [
        (m.end, owner)
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.end <= start
        and m.name.endswith("工会")
        and (owner := companies.company_of(m)) is not None
    ]
    if unions:
        return max(unions)[1]
    only = companies.only_company(ctx)
    return only.name if only is not None else ""


def _owner(previous: Mention | None, place: Place | None, tail: str) -> str:
    """Whose bare body (工会, 党委) a segment names: the company the chain is
    about (某公司党委副书记、工会主席), else the chain's place."""
    company = companies.company_of(previous)
    if company is not None:
        return company
    if (
        previous is not None
        and previous.name.endswith("委")
        and tail.endswith(_PARTY_DEPARTMENTS)
    ):
        return previous.name  # 县委常委、组织部长: 县委组织部
    if previous is not None and tail in _OFFICES:
        return previous.name  # 市总工会副主席兼办公室主任: the union's office
    if (
        previous is not None
        and previous.name.endswith(_BUREAUS)
        and tail.endswith(_DIVISIONS)
    ):  # 劳工事务局副局长甲、职业培训厅厅长乙: the bureau's division
        return previous.name
    return place.name if place else ""


_OFFICES = ("办公室", "办公厅")
"""The office of the body the chain named before it."""
_BUREAUS = ("局", "署")
_DIVISIONS = ("厅", "处", "科")
"""The divisions of a bureau named before them in the chain."""


def _place_of(org: Mention | None, fallback: Place | None) -> Place | None:
    if org is not None and org.place:
        return Gazetteer.default().get(org.place)
    return fallback


def _implied(
    segment: segments.Segment, place: Place | None, ctx: Context
) -> tuple[Mention, tuple[str, ...]] | None:
    """市长 → the city's 人民政府; 镇党委书记 → the town's 党委."""
    first = segment.roles[0]
    where = segment.place
    for head in _PARTY_ROLE_HEADS:
        if where is not None and first.startswith(head) and first != head:
            rest = first[len(head) :]
            name = where.name + head
            org = segments.new_org(
                segment.start, segment.end, ctx, name, where, implied=True
            )
            return org, (rest, *segment.roles[1:])
    level = lexicon.IMPLIED_GOVERNMENT.get(_head_title(first))
    if level is None:
        return None
    if where is None and place is not None and place.name.endswith(level):
        where = place  # 寿光市委副书记、市长: the chain's own city
    if where is None:
        where = focus.place_for(ctx, segment.start, level)
    if where is None or not where.name.endswith(level):
        return None
    name = where.name + lexicon.GOVERNMENT_NAMES.get(level, "人民政府")
    org = segments.new_org(segment.start, segment.end, ctx, name, where, implied=True)
    return org, segment.roles


def _head_title(title: str) -> str:
    """The head a deputy or an acting head stands for: 常务副市长, 代理县长,
    代县长 → 市长, 县长 (whose government is the same)."""
    for prefix in ("代理", "代", "常务", "副"):
        title = title.removeprefix(prefix)
    return title
