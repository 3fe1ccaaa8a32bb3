"""The headings of a list: the unit a ``姓名　职务`` line is under (``（一）某某
医院``), the city a unit is listed under (``一、成都市``, ``广州市``), and
the unit that leads a line of names with their titles
(``某某公司：甲（引航员）、乙（女，调度员）``).  Used by
:mod:`kg.extract.name_lists`.
"""

from __future__ import annotations

import re

from kg.extract import chains, list_posts, names, roles
from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer, Place
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.text.lines import lines_above
from kg.text.marks import NOTE_OPENING

_TRAILING = frozenset(" \u3000\t；;，,。：:")


def titled_lines(
    ctx: Context,
    titled: list[list_posts.Titled],
    mentions: list[Mention],
    relations: list[Relation],
) -> None:
    """The posts of the ``姓名　职务`` lines of a list: in the unit the heading
    above names, else the chain's; and where the city heading above puts
    the unit."""
    text = ctx.doc.text
    person_lines = {text.rfind("\n", 0, entry[0].start) + 1 for entry in titled}
    headed: set[int] = set()
    for entry in titled:
        unit = _heading_unit(ctx, entry[0].start, person_lines)
        if unit is None or not list_posts.posts_in_unit(
            ctx, entry, unit, mentions, relations
        ):
            before = len(relations)
            list_posts.titled_posts(ctx, entry, mentions, relations)
            place = _heading_place(ctx, entry[0].start)
            if place is not None:  # 广州市 (line break) 甲　某某公司车间主任
                relations.extend(_listed_in(ctx, relations[before:], place))
        elif unit.start not in headed:
            headed.add(unit.start)
            if unit not in ctx.of_kind(Kind.ORGANIZATION):
                mentions.append(unit)
                relations.extend(list_posts.placed(ctx, unit))
            place = _heading_place(ctx, unit.start)
            if place is not None and _narrower(place, unit.place):
                # 三、绵阳市 above 四川某某科技有限公司: in 绵阳市
                relations.append(chains.located(unit, place, ctx.evidence(unit.start)))


def _listed_in(ctx: Context, posts: list[Relation], place: Place) -> list[Relation]:
    """A company a listed person holds a post in, under a city's heading, is
    in that city (its department is where it is)."""
    companies = {
        m.name: m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.subtype == "Company"
        and m.name.endswith(("公司", "集团"))  # not a works of one (某某公司炼钢厂)
        and (not m.place or _nested(place, m.place))
    }
    out = []
    for post in posts:
        org = (post.object or "").partition(":")[2]
        if post.kind is RelKind.POST and org in companies:
            out.append(chains.located(companies[org], place, post.evidence))
    return out


_NUMBERED = re.compile(
    r"[ \u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|[一二三四五六七八九十\d]{1,3}[、.．])?[ \u3000]*"
)
"""The number that may open a unit's heading in a list: （一）, 1., 二、."""


def _heading_unit(ctx: Context, at: int, person_lines: set[int]) -> Mention | None:
    """The unit the heading above the person's line at ``at`` names (lines of
    other listed people and blank lines between): an organisation that fills
    the heading, after its number."""
    text = ctx.doc.text
    for start, end in lines_above(text, at):
        if start not in person_lines and text[start:end].strip():
            begin, stop = _after_number(text, start, end)
            units = [
                m
                for m in ctx.starting_in(Kind.ORGANIZATION, begin, begin)
                if m.end == stop
            ]
            if units:
                return units[0]
            if list_posts.is_unit(text[begin:stop]):  # 某某环境卫生管理所
                return list_posts.unit_at(ctx, begin, stop)  # no extractor's
            return None
    return None


def _heading_place(ctx: Context, at: int) -> Place | None:
    """The district a heading above ``at`` names alone (``一、成都市``,
    ``广州市``), the lines between being the list's; None if prose comes
    first."""
    text = ctx.doc.text
    for start, end in lines_above(text, at):
        if "。" in text[start:end]:
            return None
        begin, stop = _after_number(text, start, end)
        for place in ctx.starting_in(Kind.DISTRICT, begin, begin):
            if place.end == stop and place.code:
                return Gazetteer.default().get(place.code)
    return None


def _after_number(text: str, start: int, end: int) -> tuple[int, int]:
    """What a heading line ``[start, end)`` names: after its number, before
    the marks that close it."""
    opening = _NUMBERED.match(text, start, end)
    begin = opening.end() if opening else start
    stop = end
    while stop > begin and text[stop - 1] in _TRAILING:
        stop -= 1
    return begin, stop


def _nested(place: Place, other: str) -> bool:
    """Is one of ``place`` and the place ``other`` inside the other?"""
    gazetteer = Gazetteer.default()
    inner = gazetteer.get(other)
    return place in gazetteer.chain(inner) or inner in gazetteer.chain(place)


def _narrower(place: Place, named: str | None) -> bool:
    """Does ``place`` say more than the place a unit's name gives, if any?"""
    if named is None:
        return True
    gazetteer = Gazetteer.default()
    return place.id != named and gazetteer.get(named) in gazetteer.chain(place)


_LEAD = re.compile(r"[ \u3000]*([^\s：:，,。、；;（）()]{3,40})[：:][ \u3000]*")
_TITLE_NOTE = re.compile(f"[（(]{NOTE_OPENING}([^（）()\\n，,、]{{2,12}})[)）]")
"""（引航员）, （女，调度员）, （女，瑶族，护士长）: a note that ends in a title."""


def lead_titles(
    ctx: Context,
    start: int,
    end: int,
    mentions: list[Mention],
    relations: list[Relation],
) -> list[names.Named]:
    """``某某公司：甲（引航员）、乙（女，调度员）``: a unit before a colon and
    the people of the line, each with a title in brackets, a post in the unit;
    the people read (none if the line is no such list)."""
    text = ctx.doc.text
    lead = _LEAD.match(text, start, end)
    if lead is None:
        return []
    unit_start, unit_end = lead.span(1)
    units = [
        m
        for m in ctx.starting_in(Kind.ORGANIZATION, unit_start, unit_start)
        if m.end == unit_end
    ]
    if not units and not list_posts.is_unit(text[unit_start:unit_end]):
        return []
    unit = units[0] if units else list_posts.unit_at(ctx, unit_start, unit_end)
    listed: list[tuple[names.Named, str]] = []
    position = lead.end()
    while position < end:
        named = names.read_one(text, position, strict=True)
        note = _TITLE_NOTE.match(text, named.end) if named else None
        if named is None or note is None or not _title_like(note.group(1)):
            return []
        listed.append((named, note.group(1)))
        position = note.end()
        while position < end and text[position] in "、，,；; \u3000":
            position += 1
    if not listed:
        return []
    if not units:
        mentions.append(unit)
        relations.extend(list_posts.placed(ctx, unit))
    posts = [
        Relation(
            RelKind.POST,
            entity_key(Kind.PERSON, named.name),
            entity_key(Kind.ORGANIZATION, unit.name),
            roles=(title,),
            evidence=ctx.evidence(named.start),
        )
        for named, title in listed
    ]
    mentions.extend(list_posts.person(text, named) for named, _ in listed)
    relations.extend(posts)
    place = _heading_place(ctx, start)
    if place is not None:  # 湛江市 (line break) 某某公司：甲（引航员）
        relations.extend(_listed_in(ctx, posts[:1], place))
    return [named for named, _ in listed]


_JOB = re.compile(r"[\u4e00-\u9fff]{1,4}[员师长工手]")
"""A job the title list may not hold (引航员, 配载员): its head says it is one."""


def _title_like(word: str) -> bool:
    return roles.split_roles(word) is not None or _JOB.fullmatch(word) is not None
