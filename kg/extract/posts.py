"""Posts: title chains before a name, read segment by segment.

``无锡经济开发区党工委委员、党群工作部部长、总工会主席王勇`` is three segments
separated by 、, each ``[organisation] title+``:

* a segment that names an organisation (found by the organisations
  extractor) starts a new one: ``市人大常委会副主任、市总工会主席周某``;
* a segment with a bare department or body (``党群工作部``, ``总工会``) is
  that body of the chain's place: 无锡经济开发区党群工作部;
* a segment of titles only continues the organisation before it:
  ``江阴市总工会党组书记、主席张忠`` is one organisation, two roles;
* a head of government with no body (``市长韩某``) implies the place's
  人民政府, and ``镇党委书记`` the place's 党委.

Every name after the chain (副市长陆某、黄某某、汪某某等) gets the posts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from kg.extract import focus, lexicon, names, roles
from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_names import canonical
from kg.extract.organizations import suffix_kind
from kg.model import Change, Evidence, Kind, Mention, Relation, RelKind, entity_key
from kg.text.segmenter import words

_BREAK = set("，,。；;：:！？!?“”‘’「」《》()（）【】[]\n\t 　…—")
_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:工作部|办公室|总工会|工会|党工委|党委|党组|党支部|管委会"
    r"|人民政府|政府|委员会|部|局|委|办|处|科|室|中心|所|站|馆)$"
)
_PARTY_ROLE_HEADS = ("党工委", "党委", "党组")
_BODIES_OF_A_COMPANY = ("党委", "党组", "工会", "党支部", "党总支", "纪委")
_PARTY_BODIES_OF_A_COMPANY = frozenset(("党委", "党组", "党支部", "党总支", "纪委"))
_PARTY_TITLES = ("书记", "副书记", "委员", "常委", "成员", "党")
_TRADES = lexicon.PROFESSIONAL_ROLES | lexicon.JOB_TITLES
_UNION_BODIES = frozenset(("经费审查委员会", "经审会", "女职工委员会", "女职委"))
_COMPANY_ROLES = frozenset(
    "董事长 副董事长 总经理 副总经理 常务副总经理 总裁 副总裁 经理 副经理 厂长 "
    "副厂长 董事 监事长 总工程师 总会计师 总经济师".split()
)
_SHARED_HEADS = frozenset("部局处科")
# What may stand before a body that opens a title chain mid-segment.
_BODY_OPENERS = frozenset("与和及的在是由为任原")
# Words ending a clause's verb or linking it, after which a title stands alone.
_FUNCTION_BEFORE_TITLE = frozenset("了与和及向由请对被把将从")
# Endings of associations, councils and societies: their titles are read even
# when the body itself was not (its post then has no organisation).
_UNREAD_BODIES = (
    "协会",
    "联合会",
    "联谊会",
    "协进会",
    "商会",
    "学会",
    "研究会",
    "促进会",
    "职联会",
    "工会",
)
_ANAPHOR = re.compile(r"(?:该|本|这家)?(?:集团公司|集团|公司)")
_LEGAL_SUFFIXES = ("有限公司", "有限责任公司", "集团公司", "股份公司")
_GROUP = re.compile(r"集团(?:股份有限公司|有限责任公司|有限公司|公司)?$")
# The N-th committee or board of a body, elected by it: the body itself.
_SESSION = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+届(?:委员会|董事会|理事会|监事会)?"
)
_MARKERS = {"原": Change.ENDED, "前任": Change.ENDED, "新任": Change.BEGAN}
_PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委", "办公室", "政策研究室")
# A bare body with a place of its own (周庄镇总工会) is not the chain's.
_OWN_PLACE = re.compile(r"[省市县区镇乡]|街道")


@dataclass
class _Segment:
    start: int
    end: int
    roles: tuple[str, ...]
    org: Mention | None = None
    tail: str = ""
    tail_start: int = 0
    tail_end: int = 0
    unread: bool = False
    """The titles follow a body no extractor read (某某联谊会会长)."""
    written: str = ""
    """The body as the text writes it, when its name is that (晋江市自然资源局)."""
    place: Place | None = None
    junk: bool = False
    change: Change | None = None
    """原/新任 before the segment's titles (市总工会原主席)."""
    opening: Change | None = None
    """原/新任 before the whole segment (原县财政局局长): the whole chain's."""


Post = tuple[Mention | None, tuple[str, ...], Change | None]
"""An organisation (or none), the titles held in it, and whether the chain
says they began (新任) or ended (原)."""


@dataclass
class Chain:
    """What a title chain says: posts, and organisations it named on its own."""

    posts: list[Post] = field(default_factory=list)
    new_orgs: list[tuple[Mention, Place | None]] = field(default_factory=list)


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    mentions: list[Mention] = []
    relations: list[Relation] = []
    seen_names: set[int] = set()
    starts = [span.start for span in ctx.sentences]
    last_org: dict[int, Mention] = {}
    for role_start, role_end in roles.role_spans(text):
        people = names.read_name_list(text, role_end) or _unlisted(text, role_end)
        if not people or people[0].start in seen_names:
            continue
        sentence = bisect_right(starts, role_start)
        chain = parse_chain(ctx, role_end, inherited=last_org.get(sentence))
        if chain is not None:
            for org, _, _ in chain.posts:
                if org is not None:
                    last_org[sentence] = org
        if chain is None:
            for named in people:
                seen_names.add(named.start)
                mentions.append(_person(text, named))
            continue
        evidence = ctx.evidence(role_start)
        for body, place in chain.new_orgs:
            mentions.append(body)
            if place is not None:
                relations.append(located(body, place, evidence))
        for named in people:
            seen_names.add(named.start)
            person = named.name
            mentions.append(_person(text, named))
            relations.extend(post_relations(person, chain, evidence))
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _unlisted(text: str, end: int) -> list[names.Named]:
    """A name after a title that no surname list knows (市长乌兰图雅)."""
    found = names.read_unlisted(text, end)
    return [found] if found is not None else []


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
        if org is not None or not _TRADES.issuperset(titles)
    ]


def _person(text: str, named: names.Named) -> Mention:
    start, end, name = named
    return Mention(Kind.PERSON, start, end, text[start:end], name)


def located(org: Mention, place: Place, evidence: object) -> Relation:
    """``org`` is located in ``place`` (from its name or its chain)."""
    return Relation(
        RelKind.LOCATED_IN,
        entity_key(Kind.ORGANIZATION, org.name),
        entity_key(Kind.DISTRICT, place.name, place.id),
        evidence=evidence,  # type: ignore[arg-type]
    )


def parse_chain(
    ctx: Context, end: int, *, inherited: Mention | None = None, floor: int = 0
) -> Chain | None:
    """Read the title chain that ends at ``end`` (where the name starts).

    ``inherited`` is the organisation of the chain before this one in the
    sentence: titles with no body of their own are its titles
    (``市人大常委会主任甲主持会议，副主任乙、丙，秘书长丁出席``).  The chain
    starts no earlier than ``floor`` (after 任命某某为).  原 or 新任 before
    the chain, or before a title in it, marks its posts ended or begun.
    """
    segments = _segments(ctx, end, floor)
    if not segments:
        return None
    opening = segments[0].opening
    chain = Chain()
    place = _chain_place(ctx, segments)
    current: Mention | None = inherited
    for segment in segments:
        org, titles = _segment_post(ctx, segment, place, chain, current)
        if org is not None:
            current = org
        elif segment.tail or segment.place or segment.unread:
            current = None
        elif current is not None and titles[0] in _COMPANY_ROLES:
            current = _company_body(ctx, current, segment) or current
        elif current is not None and not titles[0].startswith(_PARTY_TITLES):
            current = _body_of_party(ctx, current, segment, chain) or current
        current, titles = _party_of_company(ctx, segment, current, titles)
        _add_post(chain, current, titles, segment.change or opening)
    return chain


def _party_of_company(
    ctx: Context, segment: _Segment, org: Mention | None, titles: tuple[str, ...]
) -> tuple[Mention | None, tuple[str, ...]]:
    """集团党委书记: a company's Party body stays in the company, its titles
    carry the body (党委书记, 党总支书记) — GUIDELINES, "Party bodies of a
    company stay in the company"."""
    owner_name = _owner_of_party_body(org)
    if org is None or owner_name is None:
        return org, titles
    body = org.name.removeprefix(owner_name)
    if _ANAPHOR.fullmatch(owner_name):  # 集团公司党委: the group last named
        company = _last_company(ctx, org.start, owner_name)
        owner_name = company.name if company else owner_name
    owner = _new_org(segment.start, segment.end, ctx, owner_name, None, implied=True)
    return owner, tuple(body + title for title in titles)


def _owner_of_party_body(org: Mention | None) -> str | None:
    """The company whose Party committee ``org`` is (某某公司党委)."""
    if org is None:
        return None
    for body in _PARTY_BODIES_OF_A_COMPANY:
        owner = org.name.removesuffix(body)
        if owner != org.name and suffix_kind(owner) == "Company":
            return owner
    return None


def _company_of(org: Mention | None) -> str | None:
    """The company an organisation is, or whose 党委/工会 it is."""
    if org is None:
        return None
    if org.subtype == "Company":
        return org.name
    for body in _BODIES_OF_A_COMPANY:
        rest = org.name.removesuffix(body)
        if rest != org.name and suffix_kind(rest) == "Company":
            return rest
    return None


def _company_body(ctx: Context, org: Mention, segment: _Segment) -> Mention | None:
    """集团党委书记、董事长: the 董事长 is the company's, not its 党委's."""
    company = _company_of(org)
    if company is None or company == org.name:
        return None
    return _new_org(segment.start, segment.end, ctx, company, None, implied=True)


def _body_of_party(
    ctx: Context, org: Mention, segment: _Segment, chain: Chain
) -> Mention | None:
    """市国资委党委委员、副主任: the 副主任 is the 国资委's, not its 党委's."""
    for body in _PARTY_BODIES_OF_A_COMPANY:
        owner = org.name.removesuffix(body)
        if owner != org.name and suffix_kind(owner) is not None:
            where = Gazetteer.default().get(org.place) if org.place else None
            found = _new_org(
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


def _segments(ctx: Context, end: int, floor: int = 0) -> list[_Segment]:
    """Segments of the chain, leftmost first; stops at the first that fails."""
    text = ctx.doc.text
    segments: list[_Segment] = []
    position = end
    while True:
        start = position
        while (
            start > floor and text[start - 1] not in _BREAK and text[start - 1] != "、"
        ):
            start -= 1
        segment = _parse_segment(ctx, start, position)
        if segment is None:
            break
        segments.insert(0, segment)
        if segment.junk or start <= floor or text[start - 1] != "、":
            break
        position = start - 1
    return segments


def _parse_segment(ctx: Context, start: int, end: int) -> _Segment | None:
    text = ctx.doc.text
    run = _trailing_roles(text, start, end)
    if run is None:
        return None
    role_start, titles = run
    segment = _Segment(start, end, titles)
    opening = _marker(ctx, start, role_start)
    if opening is not None:
        segment.opening = _MARKERS[opening]
        start += len(opening)
    marker = _marker_before(text, start, role_start)
    if marker is not None:
        segment.change = _MARKERS[marker]
        role_start -= len(marker)
    if role_start == start:
        return segment
    session = (
        _SESSION.search(text, start, role_start)
        if "届" in text[start:role_start]
        else None
    )
    if session is not None and session.end() == role_start and session.start() > start:
        role_start = session.start()  # 总工会第十四届委员会常委: the union's
    org = _org_ending_at(ctx, start, role_start) or _company_anaphor(
        ctx, start, role_start
    )
    if org is not None:
        segment.org = org
        segment.junk = org.start > start
        return _with_department(ctx, segment, org.end, role_start)
    place = _place_ending_at(ctx, start, role_start)
    if place is not None:
        segment.place, place_start = place
        segment.junk = place_start > start
        return segment
    if _placed_body(ctx, segment, start, role_start):
        return segment
    tail = _TAIL.search(text[start:role_start]) or _TAIL.fullmatch(
        _shared_head(text, start, role_start)
    )
    if tail is not None and tail.start() == 0 and _OWN_PLACE.match(tail.group()):
        return _short_body(ctx, segment, start, tail.group())
    if tail is None and text[role_start - 1] in _FUNCTION_BEFORE_TITLE:
        segment.junk = True  # 审议了市长某某提请的议案: the title alone
        return segment
    if tail is None and text.endswith(_UNREAD_BODIES, start, role_start):
        segment.junk = segment.unread = True  # 某某联谊会会长: a body not read
        return segment
    if tail is None or _OWN_PLACE.search(tail.group()):
        return None
    if tail.start() > 0 and not _starts_word(text, start, start + tail.start()):
        return None
    segment.tail = tail.group()
    segment.tail_start = start + tail.start()
    segment.junk = tail.start() > 0
    anaphor = _ANAPHOR.match(segment.tail)
    company = _last_company(ctx, start, anaphor.group()) if anaphor else None
    if (
        anaphor is not None
        and company is not None
        and anaphor.end() < len(tail.group())
    ):
        segment.org = _new_org(start, start, ctx, company.name, None, implied=True)
        segment.tail_end = segment.tail_start + len(segment.tail)
        segment.tail = segment.tail[anaphor.end() :]  # 集团财务部: the company's
    return segment


def _placed_body(ctx: Context, segment: _Segment, start: int, role_start: int) -> bool:
    """晋江市自然资源局局长, 上虞区曹娥街道环卫所所长: districts, one after
    another, then a body of theirs — the body as written, in the last
    district (when no other extractor read it)."""
    text = ctx.doc.text
    if not _TAIL.search(text, start, role_start):
        return False
    places = sorted(
        (
            m
            for m in ctx.of_kind(Kind.DISTRICT)
            if m.code and start <= m.start < role_start
        ),
        key=lambda m: m.start,
    )
    first = last = None
    for place in places:
        if place.start >= role_start:
            break
        if last is None or place.start == last.end:
            first = first or place
            last = place
        else:
            first, last = place, place
    if first is None or last is None or last.end >= role_start:
        return False
    body = text[last.end : role_start]
    if not _TAIL.fullmatch(body) or _OWN_PLACE.search(body):
        return False
    if first.start > start and not _starts_word(text, start, first.start):
        return False
    segment.tail, segment.written = body, text[first.start : role_start]
    segment.tail_start, segment.tail_end = first.start, role_start
    segment.place = Gazetteer.default().get(last.code or "")
    segment.junk = first.start > start
    return True


def _company_anaphor(ctx: Context, start: int, role_start: int) -> Mention | None:
    """集团总经理, 公司党委书记, 该公司副总经理: the company last named (also
    after 与, 和: 电工何某与公司技师许某)."""
    text = ctx.doc.text
    if "公司" not in text[start:role_start] and "集团" not in text[start:role_start]:
        return None
    body_start = _body_start(text, start, role_start)
    match = None
    for head in range(start, body_start - 1):
        if head == start or text[head - 1] in _BODY_OPENERS:
            match = _ANAPHOR.fullmatch(text, head, body_start)
            if match is not None:
                break
    if match is None:
        return None
    company = _last_company(ctx, start, match.group())
    if company is None:
        return None
    return _new_org(match.start(), match.end(), ctx, company.name, None, implied=True)


def _last_company(ctx: Context, start: int, anaphor: str) -> Mention | None:
    """The company an anaphor before ``start`` points to: the last named in
    full (某某有限公司) before it, else the last named; a 集团 is a group."""
    before = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.subtype == "Company" and m.end <= start
    ]
    if "集团" in anaphor:  # the group itself, not 某某集团物流有限公司
        before = [m for m in before if _GROUP.search(m.name)] or before
    full = [m for m in before if m.name.endswith(_LEGAL_SUFFIXES)]
    chosen = full or before
    return max(chosen, key=lambda m: m.end) if chosen else None


def _body_start(text: str, start: int, role_start: int) -> int:
    """Where a company body (党委, 工会) before the titles starts, if any."""
    for body in _BODIES_OF_A_COMPANY:
        if (
            text.startswith(body, role_start - len(body))
            and role_start - len(body) > start
        ):
            return role_start - len(body)
    return role_start


def _short_body(
    ctx: Context, segment: _Segment, start: int, body: str
) -> _Segment | None:
    """市总工会主席, 县财政局局长: a level character and a body, of the place
    of that level the text speaks of (when no other extractor read it)."""
    level, rest = body[0], body[1:]
    if level not in focus.LEVEL_CHARS or _OWN_PLACE.search(rest):
        return None
    place = focus.place_for(ctx, start, level)
    if place is None or not place.name.endswith(level):
        return None
    segment.tail, segment.tail_start, segment.place = rest, start, place
    segment.tail_end = start + len(body)
    return segment


def _marker(ctx: Context, start: int, role_start: int) -> str | None:
    """原, 新任 opening a segment, unless a name starts there (原平市)."""
    text = ctx.doc.text
    for marker in _MARKERS:
        fits = start + len(marker) <= role_start
        if fits and text.startswith(marker, start) and not _named_at(ctx, start):
            return marker
    return None


def _named_at(ctx: Context, start: int) -> bool:
    return any(m.start == start for m in ctx.mentions if m.kind is not Kind.PERSON)


def _marker_before(text: str, start: int, role_start: int) -> str | None:
    """市总工会原主席: 原 between a body and its title."""
    for marker in _MARKERS:
        if role_start - len(marker) >= start and text.startswith(
            marker, role_start - len(marker)
        ):
            return marker
    return None


def _shared_head(text: str, start: int, role_start: int) -> str:
    """组织部长, 宣传部长: the department and its head share 部."""
    head = text[role_start : role_start + 1]
    if start < role_start and head in _SHARED_HEADS:
        return text[start:role_start] + head
    return ""


def _starts_word(text: str, start: int, offset: int) -> bool:
    """Does a dictionary word start at ``offset`` (源 in 资源 does not)?"""
    position = start
    for word in words(text[start : offset + 4]):
        if position >= offset:
            return position == offset
        position += len(word)
    return False


def _with_department(
    ctx: Context, segment: _Segment, org_end: int, role_start: int
) -> _Segment | None:
    """``市总工会基层工作部部长``: a department after the organisation."""
    between = ctx.doc.text[org_end:role_start]
    if not between:
        return segment
    tail = _TAIL.fullmatch(between)
    if tail is None:
        return None
    segment.tail = between
    segment.tail_start = org_end
    return segment


def _trailing_roles(
    text: str, start: int, end: int
) -> tuple[int, tuple[str, ...]] | None:
    """The run of titles that ends the segment, as (where it starts, titles)."""
    spans = [s for s in roles.role_spans(text[start:end])]
    titles: list[str] = []
    position = end - start
    for span_start, span_end in reversed(spans):
        if span_end != position and text[start + span_end : start + position] != "兼":
            break  # 副总经理兼总工程师: one run
        titles.insert(0, text[start + span_start : start + span_end])
        position = span_start
    if not titles:
        return None
    return start + position, tuple(titles)


def _org_ending_at(ctx: Context, start: int, end: int) -> Mention | None:
    """The organisation mention that ends at ``end`` or ends a department."""
    best: Mention | None = None
    for mention in ctx.of_kind(Kind.ORGANIZATION):
        if start <= mention.start and mention.end <= end:
            tail_ok = mention.end == end or _TAIL.fullmatch(
                ctx.doc.text[mention.end : end]
            )
            if tail_ok and (best is None or mention.end > best.end):
                best = mention
    return best


def _place_ending_at(ctx: Context, start: int, end: int) -> tuple[Place, int] | None:
    text = ctx.doc.text
    for mention in ctx.of_kind(Kind.DISTRICT):
        if mention.end == end and mention.start >= start and mention.code:
            return Gazetteer.default().get(mention.code), mention.start
    char = text[end - 1 : end]
    if (
        char
        and char in focus.LEVEL_CHARS
        and (end - 1 == start or text[end - 2] in _BREAK)
    ):
        place = focus.place_for(ctx, end - 1, char)
        if place is not None:
            return place, end - 1
    return None


def _chain_place(ctx: Context, segments: list[_Segment]) -> Place | None:
    """The place the chain speaks of: its first anchored body, else home."""
    gaz = Gazetteer.default()
    for segment in segments:
        if segment.org is not None and segment.org.place:
            return gaz.get(segment.org.place)
        if segment.place is not None:
            return segment.place
    return gaz.get(ctx.home) if ctx.home else None


def _segment_post(
    ctx: Context,
    segment: _Segment,
    place: Place | None,
    chain: Chain,
    previous: Mention | None = None,
) -> tuple[Mention | None, tuple[str, ...]]:
    titles = segment.roles
    if segment.tail:
        if segment.org:
            owner = segment.org.name
        elif segment.place:
            owner = segment.place.name
        else:
            owner = _owner(previous, place, segment.tail) or ""
            union = _union_before(ctx, segment.start, segment.tail)
            owner = union.name if union is not None else owner
        if not owner:
            return None, titles
        if (
            segment.tail in _PARTY_BODIES_OF_A_COMPANY
            and suffix_kind(owner) == "Company"
        ):
            company = _new_org(
                segment.start, segment.end, ctx, owner, None, implied=True
            )
            return company, tuple(segment.tail + title for title in titles)
        name = canonical(segment.written or owner + segment.tail)
        where = segment.place or _place_of(segment.org, place)
        if suffix_kind(owner) == "Company":
            where = None  # a company's union or department: where the company is
        tail_end = segment.tail_end or segment.tail_start + len(segment.tail)
        org = _new_org(segment.tail_start, tail_end, ctx, name, where)
        chain.new_orgs.append((org, where))
        return org, titles
    if segment.org is not None:
        return segment.org, titles
    if segment.unread:
        return None, titles
    implied = _implied(segment, place, ctx)
    if implied is None:
        return None, titles
    org, titles = implied
    where = Gazetteer.default().get(org.place) if org.place else None
    chain.new_orgs.append((org, where))
    return org, titles


def is_body(text: str) -> bool:
    """Is ``text`` the name of a body under another (经费审查委员会, 财务部)?"""
    return bool(_TAIL.fullmatch(text)) and not _OWN_PLACE.search(text)


def new_body(ctx: Context, owner: Mention, body: str, start: int, end: int) -> Mention:
    """The body ``body`` of ``owner`` (某某总工会经费审查委员会), written at
    ``[start, end)``."""
    place = Gazetteer.default().get(owner.place) if owner.place else None
    name = canonical(owner.name + body)
    return _new_org(start, end, ctx, name, place, implied=True)


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


def _owner(previous: Mention | None, place: Place | None, tail: str) -> str:
    """Whose bare body (工会, 党委) a segment names: the company the chain is
    about (某公司党委副书记、工会主席), else the chain's place."""
    company = _company_of(previous)
    if company is not None:
        return company
    if (
        previous is not None
        and previous.name.endswith("委")
        and tail.endswith(_PARTY_DEPARTMENTS)
    ):
        return previous.name  # 县委常委、组织部长: 县委组织部
    return place.name if place else ""


def _place_of(org: Mention | None, fallback: Place | None) -> Place | None:
    if org is not None and org.place:
        return Gazetteer.default().get(org.place)
    return fallback


def _implied(
    segment: _Segment, place: Place | None, ctx: Context
) -> tuple[Mention, tuple[str, ...]] | None:
    """市长 → the city's 人民政府; 镇党委书记 → the town's 党委."""
    first = segment.roles[0]
    where = segment.place
    for head in _PARTY_ROLE_HEADS:
        if where is not None and first.startswith(head) and first != head:
            rest = first[len(head) :]
            name = where.name + head
            org = _new_org(segment.start, segment.end, ctx, name, where, implied=True)
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
    name = where.name + "人民政府"
    org = _new_org(segment.start, segment.end, ctx, name, where, implied=True)
    return org, segment.roles


def _new_org(
    start: int,
    end: int,
    ctx: Context,
    name: str,
    place: Place | None,
    *,
    implied: bool = False,
) -> Mention:
    """An organisation the chain names; an implied one has no surface form."""
    return Mention(
        Kind.ORGANIZATION,
        start,
        end,
        name if implied else ctx.doc.text[start:end],
        name,
        subtype=suffix_kind(name),
        place=place.id if place else None,
    )


def _head_title(title: str) -> str:
    """The head a deputy or an acting head stands for: 常务副市长, 代理县长,
    代县长 → 市长, 县长 (whose government is the same)."""
    for prefix in ("代理", "代", "常务", "副"):
        title = title.removeprefix(prefix)
    return title
