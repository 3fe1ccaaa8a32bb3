"""Segments of a title chain: ``[organisation] title+``, read right to left.

``无锡经济开发区党工委委员、党群工作部部长、总工会主席`` is three segments
separated by 、.  A segment's titles are the run of titles that ends it
(``副总经理兼总工程师`` is one run); what stands before them is one of:

* an organisation another extractor read (``市总工会``), perhaps with a
  department after it (``市总工会基层工作部``) or an N-th committee that is
  the body itself (``总工会第十四届委员会``);
* 集团, 公司 (the company last named; :mod:`kg.extract.companies`);
* a place of the level a title implies (``市长``: the city);
* districts and a body of theirs that nobody read (``晋江市自然资源局``),
  a level character and a body (``县财政局``), a bare body (``党群工作部``);
* an association nobody read (``某某联谊会``), or a verb (``审议了``): the
  titles alone.

原 or 新任 before a segment or its titles mark its posts ended or begun.
:mod:`kg.extract.chains` turns segments into posts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import companies, focus, lexicon, roles, units
from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_suffixes import suffix_kind
from kg.extract.units import TAIL
from kg.model import Change, Kind, Mention
from kg.text.marks import SESSION
from kg.text.segmenter import plain_tag, words

_BREAK = set("，,。；;：:！？!?“”‘’「」《》()（）【】[]\n\t 　…—")
_SHARED_HEADS = frozenset("部局处科")
# What may stand before a body that opens a title chain mid-segment.
_BODY_OPENERS = frozenset("与和及的在是由为任原")
# Words ending a clause's verb or linking it, after which a title stands alone.
_FUNCTION_BEFORE_TITLE = frozenset("了与和及向由请对被把将从")
_PREPOSITIONS = frozenset("由在从与及")
"""Prepositions before a body in a chain (向阳, 和平, 对川 open names)."""
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
    "总会",
    "工会",
)
# The N-th committee or board of a body, elected by it: the body itself.
_SESSION = re.compile(f"{SESSION}(?:委员会|董事会|理事会|监事会)?")
MARKERS = {"原": Change.ENDED, "前任": Change.ENDED, "新任": Change.BEGAN}
# A bare body with a place of its own (周庄镇总工会) is not the chain's.
OWN_PLACE = re.compile(r"[省市县区镇乡]|街道")


@dataclass
class Segment:
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


def read_segments(ctx: Context, end: int, floor: int = 0) -> list[Segment]:
    """Segments of the chain, leftmost first; stops at the first that fails."""
    text = ctx.doc.text
    segments: list[Segment] = []
    position = end
    while True:
        start = position
        while (
            start > floor
            and text[start - 1] not in _BREAK
            and not _joins_titles(text, start - 1)
        ):
            start -= 1
        segment = _parse_segment(ctx, start, position)
        if segment is None:
            break
        segments.insert(0, segment)
        if segment.junk or start <= floor or not _joins_titles(text, start - 1):
            break
        position = start - 1
    return segments


def _joins_titles(text: str, at: int) -> bool:
    """、 between two segments; 兼 right after a title (副总经理兼工会主席:
    two posts, the second in a body of its own)."""
    if text[at] == "、":
        return True
    if text[at] != "兼":
        return False
    before = text[max(0, at - 8) : at]
    return any(end == len(before) for _, end in roles.role_spans(before))


def _parse_segment(ctx: Context, start: int, end: int) -> Segment | None:
    text = ctx.doc.text
    run = _trailing_roles(text, start, end)
    if run is None:
        return None
    role_start, titles = run
    unit = units.unit_in_title(ctx, start, role_start, titles[0])
    if unit:  # 精密加工|车间主任: the 精密加工车间's 主任
        role_start += len(unit)
        titles = (titles[0][len(unit) :], *titles[1:])
    segment = Segment(start, end, titles)
    opening = _marker(ctx, start, role_start)
    if opening is not None:
        segment.opening = MARKERS[opening]
        start += len(opening)
    marker = _marker_before(text, start, role_start)
    if marker is not None:
        segment.change = MARKERS[marker]
        role_start -= len(marker)
    if role_start == start:
        return segment
    session = (
        _SESSION.search(text, start, role_start)
        if "届" in text[start:role_start]
        else None
    )
    whole = _org_ending_at(ctx, start, role_start) if session is not None else None
    if whole is not None and whole.end == role_start and "届" in whole.text:
        session = None  # 中共某县第十五届委员会委员: a name that holds the session
    if session is not None and session.end() == role_start and session.start() > start:
        role_start = session.start()  # 总工会第十四届委员会常委: the union's
    org = (
        _org_ending_at(ctx, start, role_start, titles[0])
        or _company_anaphor(ctx, start, role_start, titles[0])
        or _institution_anaphor(ctx, start, role_start)
    )
    if org is not None:
        segment.org = org
        segment.junk = org.start > start
        if segment.junk and segment.opening is None:
            segment.opening = _marker_opening(text, start, org.start)
        return _with_department(ctx, segment, org.end, role_start)
    if companies.INSTITUTION_WORD.fullmatch(
        text, start, companies.body_start(text, start, role_start)
    ):
        segment.junk = True  # 工作室领衔人 with no studio named: the title alone
        return segment
    place = _place_ending_at(ctx, start, role_start)
    if place is not None:
        segment.place, place_start = place
        segment.junk = place_start > start
        return segment
    if _placed_body(ctx, segment, start, role_start):
        return segment
    if text[start] in _PREPOSITIONS and role_start - start > 2:
        start += 1  # 由|装配车间班组长甲担任: the preposition opens no body
    described = text.rfind("的", start, role_start)
    if described >= 0 and role_start - described > 2:
        start = described + 1  # 来自台南的|生产部经理: no body holds 的
    tail = TAIL.search(text[start:role_start]) or TAIL.fullmatch(
        _shared_head(text, start, role_start)
    )
    if tail is not None and tail.start() == 0 and OWN_PLACE.match(tail.group()):
        return _short_body(ctx, segment, start, tail.group())
    if tail is None and text[role_start - 1] in _FUNCTION_BEFORE_TITLE:
        segment.junk = True  # 审议了市长某某提请的议案: the title alone
        return segment
    if tail is None and _qualified_trade(text, start, role_start, titles):
        segment.roles = (text[start:role_start] + titles[0], *titles[1:])
        return segment  # 模具钳工甲, 焊接工艺员乙: the trade in full, no unit
    if tail is None and text.endswith(_UNREAD_BODIES, start, role_start):
        segment.junk = segment.unread = True  # 某某联谊会会长: a body not read
        if text[start:role_start] in _UNREAD_BODIES:  # 协会秘书长: the kind alone
            segment.tail, segment.junk = text[start:role_start], False
            segment.tail_start, segment.tail_end = start, role_start
        return segment
    if tail is None or OWN_PLACE.search(tail.group()):
        return None
    if tail.start() > 0 and not _starts_word(text, start, start + tail.start()):
        return None
    segment.tail = tail.group()
    segment.tail_start = start + tail.start()
    segment.junk = tail.start() > 0
    anaphor = companies.ANAPHOR.match(segment.tail)
    company = companies.last_company(ctx, start, anaphor.group()) if anaphor else None
    if (
        anaphor is not None
        and company is not None
        and anaphor.end() < len(tail.group())
    ):
        segment.org = new_org(start, start, ctx, company.name, None, implied=True)
        segment.tail_end = segment.tail_start + len(segment.tail)
        segment.tail = segment.tail[anaphor.end() :]  # 集团财务部: the company's
    return segment


def _qualified_trade(text: str, start: int, end: int, titles: tuple[str, ...]) -> bool:
    """A trade with the craft it works in before it (模具|钳工, 焊接|工艺员):
    one or two words, all nouns or verbs."""
    if not lexicon.JOB_TITLES.issuperset(titles) or not 0 < end - start <= 4:
        return False
    tagged = plain_tag(text[start:end])
    return len(tagged) <= 2 and all(flag.startswith(("n", "v")) for _, flag in tagged)


def _placed_body(ctx: Context, segment: Segment, start: int, role_start: int) -> bool:
    """晋江市自然资源局局长, 上虞区曹娥街道环卫所所长: districts, one after
    another, then a body of theirs — the body as written, in the last
    district (when no other extractor read it)."""
    text = ctx.doc.text
    if not TAIL.search(text, start, role_start):
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
    if body.startswith("的") or not TAIL.fullmatch(body) or OWN_PLACE.search(body):
        return False  # 来自台南的生产部经理: no body of 台南's
    if lexicon.COUNTED.match(body):
        segment.junk = True  # 高雄市一名航运业工会理事长: the title alone
        return True
    if first.start > start and not _starts_word(text, start, first.start):
        return False
    segment.tail, segment.written = body, text[first.start : role_start]
    segment.tail_start, segment.tail_end = first.start, role_start
    segment.place = Gazetteer.default().get(last.code or "")
    segment.junk = first.start > start
    return True


def _company_anaphor(
    ctx: Context, start: int, role_start: int, title: str = ""
) -> Mention | None:
    """集团总经理, 公司党委书记, 该公司副总经理: the company last named (also
    after 与, 和: 电工何某与公司技师许某); 集团铸造车间主任, 公司安全总监: with
    a unit or a word of the title after it."""
    text = ctx.doc.text
    if "公司" not in text[start:role_start] and "集团" not in text[start:role_start]:
        return None
    body_start = companies.body_start(text, start, role_start)
    match = None
    for head in range(start, body_start - 1):
        if head == start or text[head - 1] in _BODY_OPENERS:
            match = companies.ANAPHOR.fullmatch(text, head, body_start)
            if match is None:
                match = companies.ANAPHOR.match(text, head, body_start)
                rest = text[match.end() : role_start] if match else ""
                if not (TAIL.fullmatch(rest) or units.qualifies(rest, title)):
                    match = None
            if match is not None:
                break
    if match is None:
        return None
    company = companies.last_company(ctx, start, match.group())
    if company is None:
        return None
    return new_org(match.start(), match.end(), ctx, company.name, None, implied=True)


def _institution_anaphor(ctx: Context, start: int, role_start: int) -> Mention | None:
    """医院党委书记, 学校工会主席, 该院院长, 工作室领衔人: the hospital, school
    or studio last named (a Party body's titles stay in it, as a company's do)."""
    text = ctx.doc.text
    body_start = companies.body_start(text, start, role_start)
    owner = companies.last_institution(ctx, start, text[start:body_start])
    if owner is None:
        return None
    place = Gazetteer.default().get(owner.place) if owner.place else None
    return new_org(start, body_start, ctx, owner.name, place, implied=True)


def _short_body(
    ctx: Context, segment: Segment, start: int, body: str
) -> Segment | None:
    """市总工会主席, 县财政局局长: a level character and a body, of the place
    of that level the text speaks of (when no other extractor read it)."""
    level, rest = body[0], body[1:]
    if level not in focus.LEVEL_CHARS or OWN_PLACE.search(rest):
        return None
    if body.startswith(focus.LEVEL_WORDS):
        return None  # 市场监管局局长: 市场 is a word, no city's short form
    place = focus.place_for(ctx, start, level)
    if place is None or not place.name.endswith(level):
        return None
    segment.tail, segment.tail_start, segment.place = rest, start, place
    segment.tail_end = start + len(body)
    return segment


def _marker(ctx: Context, start: int, role_start: int) -> str | None:
    """原, 新任 opening a segment, unless a name starts there (原平市)."""
    text = ctx.doc.text
    for marker in MARKERS:
        fits = start + len(marker) <= role_start
        if fits and text.startswith(marker, start) and not _named_at(ctx, start):
            return marker
    return None


def _named_at(ctx: Context, start: int) -> bool:
    return any(m.start == start for m in ctx.mentions if m.kind is not Kind.PERSON)


def _marker_opening(text: str, start: int, org_start: int) -> Change | None:
    """会议宣布原某某公司总经理: 原 or 新任 right before the body that opens
    the chain, after words of the clause."""
    for marker, change in MARKERS.items():
        if org_start - len(marker) >= start and text.endswith(marker, 0, org_start):
            return change
    return None


def _marker_before(text: str, start: int, role_start: int) -> str | None:
    """市总工会原主席: 原 between a body and its title."""
    for marker in MARKERS:
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
    ctx: Context, segment: Segment, org_end: int, role_start: int
) -> Segment | None:
    """``市总工会基层工作部部长``: a department after the organisation (a job
    may be linked to it by 的: 某公司的焊工)."""
    head = segment.roles[0]
    between = ctx.doc.text[org_end:role_start]
    if units.jobs_only((head,)):
        between = units.without_linking(between)
    if not between:
        return segment
    if units.qualifies(between, head):
        segment.roles = (between + head, *segment.roles[1:])
        return segment  # 某公司安全总监, 某公司货车司机: one title
    tail = TAIL.fullmatch(between)
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


def _linked_job(between: str, title: str) -> bool:
    """某公司的焊工, 某酒店的黎族客房服务员: a job (not an office: 某公司的
    总经理 is read as the text's other chains are) after the 的 that links
    it to its unit."""
    if not units.jobs_only((title,)):
        return False
    return not between or units.qualifies(between, title)


def _org_ending_at(
    ctx: Context, start: int, end: int, title: str = ""
) -> Mention | None:
    """The organisation mention that ends at ``end`` or ends a department, or
    a word that is part of the ``title`` after it (安全|总监, 货车|司机)."""
    best: Mention | None = None
    for mention in ctx.starting_in(Kind.ORGANIZATION, start, end):
        if start <= mention.start and mention.end <= end:
            between = ctx.doc.text[mention.end : end]
            linked = units.without_linking(between)
            tail_ok = (
                mention.end == end
                or TAIL.fullmatch(between)
                or units.qualifies(between, title)
                or (linked != between and _linked_job(linked, title))
            )
            if tail_ok and (best is None or mention.end > best.end):
                best = mention
    return best or _bracketed_org(ctx, start, end)


def _bracketed_org(ctx: Context, start: int, end: int) -> Mention | None:
    """某某（玉溪）新材料有限公司工会主席, “钢花”班组班长: the segment opens
    after a bracket or quote inside a body that holds it and ends where the
    titles begin."""
    if start == 0 or ctx.doc.text[start - 1] not in "）)”」":
        return None
    for mention in ctx.starting_in(Kind.ORGANIZATION, max(0, start - 30), start):
        if mention.start < start and mention.end == end:
            return mention
    return None


def _place_ending_at(ctx: Context, start: int, end: int) -> tuple[Place, int] | None:
    text = ctx.doc.text
    for mention in ctx.starting_in(Kind.DISTRICT, start, end):
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


def new_org(
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
