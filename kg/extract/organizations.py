"""Organisations: bodies named by a place or a proper name and a suffix.

Two readings cover the genre:

* public bodies (unions, Party and government organs) are anchored in a
  place: ``江阴市总工会``, ``无锡经济开发区党工委``, or a short form whose place
  the context supplies (``区总工会`` → 滨湖区总工会, ``市委党校`` → 无锡市委党校);
* companies, media, schools and the like carry a proper name before their
  suffix (``红豆集团``, ``无锡威卡威汽车零部件有限公司``, ``工人日报``); the name
  is read leftwards word by word and stops at a verb, a preposition, a title
  or a generic word, so ``希望某某集团`` and ``代表集团`` never swallow the verb.

Each organisation anchored in a place also yields ``locatedIn`` that place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract import company_anaphors, focus, lexicon, roles
from kg.extract.base import Context, Found
from kg.extract.communities import community_bodies
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.name_shapes import surname_length
from kg.extract.org_names import (
    WORKS,
    clause_start_of,
    org_mention,
    proper_name_start,
)
from kg.extract.org_suffixes import (
    SUFFIX_WORDS,
    SUFFIXES,
    SuffixKind,
    continues,
    ends_verb,
    inside_role,
    suffix_kind,
)
from kg.extract.outlets import (
    agencies,
    latin_brands,
    media_titles,
    news_sites,
    outlet_lines,
    quoted_teams,
)
from kg.extract.place_heads import head_mention, place_head
from kg.extract.public_bodies import cppcc_mentions, sar_bureaus
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.text.marks import NUMERAL

_DOC_TITLE = re.compile(r"《[^《》\n]{1,80}》")


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    role_spans = roles.role_spans(text)
    role_starts = [start for start, _ in role_spans]
    districts = tuple(sorted(ctx.of_kind(Kind.DISTRICT), key=lambda m: -m.end))
    candidates: list[tuple[Mention, Place | None]] = []
    for start, end in SUFFIX_WORDS.spans(text):
        if inside_role(start, end, role_spans, role_starts):
            continue
        if continues(text, start, end):
            continue
        if ends_verb(text, start, end):
            continue
        found = _read(ctx, start, end, SUFFIXES[text[start:end]], districts)
        if found is not None:
            candidates.append(found)
    titles = [m.span() for m in _DOC_TITLE.finditer(text)]
    candidates = [
        c
        for c in candidates
        if not any(s < c[0].start and c[0].end < e for s, e in titles)
    ]
    candidates.extend(media_titles(text))
    candidates.extend(news_sites(text))
    candidates.extend(outlet_lines(text))
    candidates.extend(agencies(text))
    candidates.extend(cppcc_mentions(ctx))
    candidates.extend(sar_bureaus(ctx))
    candidates.extend(latin_brands(text))
    candidates.extend(quoted_teams(text))
    candidates.extend(community_bodies(ctx))
    kept = [pair for pair in _outermost(candidates) if not _placed_studio(ctx, *pair)]
    kept = company_anaphors.numbered_works(text, kept)
    kept = [(_congress_holder(text, m), place) for m, place in kept]
    kept = _stationed(ctx, _without_descriptors(kept))
    kept.extend(_coordinated(ctx, kept))
    anaphoric = company_anaphors.anaphors(text, [m for m, _ in kept])
    pointed = {(m.start, m.end) for m, _ in anaphoric}  # 集团公司党委: the group's
    kept = [pair for pair in kept if (pair[0].start, pair[0].end) not in pointed]
    kept.extend(anaphoric)
    mentions = tuple(m for m, _ in kept)
    mentions += _outlet(ctx, mentions)
    relations = tuple(
        Relation(
            RelKind.LOCATED_IN,
            entity_key(Kind.ORGANIZATION, m.name),
            entity_key(Kind.DISTRICT, place.name, place.id),
            evidence=ctx.evidence(m.start),
        )
        for m, place in kept
        if place is not None
    )
    return Found(mentions=mentions, relations=relations)


_AND = ("、", "和", "与", "及", "以及")
_CONGRESS = re.compile(f"第{NUMERAL}次(?:会员)?代表大会")
"""包头市工会第十四次代表大会: the congress of the city's unions, which its
总工会 holds."""


def _congress_holder(text: str, mention: Mention) -> Mention:
    """某市工会 right before its numbered congress is the place's 总工会."""
    if (
        mention.place is None
        or not mention.name.endswith("工会")
        or mention.name.endswith("总工会")
        or _CONGRESS.match(text, mention.end) is None
    ):
        return mention
    place = Gazetteer.default().get(mention.place)
    if mention.name != place.name + "工会" or place.level not in ("City", "County"):
        return mention
    return replace(mention, name=place.name + "总工会")


def _without_descriptors(
    kept: list[tuple[Mention, Place | None]],
) -> list[tuple[Mention, Place | None]]:
    """精密模具厂宏昱精密工业股份有限公司, 家电大厂美凯集团: a works right before
    a company's name says what the company is; it is no company of its own."""
    starts = {m.start for m, _ in kept if m.subtype == "Company"}
    return [
        (m, place)
        for m, place in kept
        if not (m.subtype == "Company" and m.end in starts and m.name.endswith(WORKS))
    ]


_STATION = re.compile(
    r"驻[\u4e00-\u9fff]{2,14}?(?:工作站|服务站|联络站|办事处|联络处|代表处|工作组"
    r"|工作队|联络办|办公室|中心|站|处)"
)


def _stationed(
    ctx: Context, kept: list[tuple[Mention, Place | None]]
) -> list[tuple[Mention, Place | None]]:
    """某县驻天津劳务工作站, 某省人民政府驻北京办事处: a body stationed in a
    place (read from 驻) is its sender's, named with the sender and located
    where the sender is; what was read inside it is dropped, the sender kept."""
    text = ctx.doc.text
    places = {m.start for m in ctx.of_kind(Kind.DISTRICT)}
    senders = {m.end: m for m in ctx.of_kind(Kind.DISTRICT)}
    senders.update((m.end, m) for m, _ in kept)
    stationed: list[tuple[Mention, Place | None]] = []
    for match in _STATION.finditer(text):
        sender = senders.get(match.start())
        if sender is None or match.start() + 1 not in places:
            continue
        code = sender.code if sender.kind is Kind.DISTRICT else sender.place
        home = Gazetteer.default().get(code or "")
        name = sender.name + match.group()
        body = Mention(
            Kind.ORGANIZATION,
            sender.start,
            match.end(),
            text[sender.start : match.end()],
            name,
            subtype=suffix_kind(name),
            place=home.id if home else None,
        )
        stationed.append((body, home))
    if not stationed:
        return kept
    inside = [(m.start(), m.end()) for m in _STATION.finditer(text)]
    kept = [
        pair
        for pair in kept
        if not any(start <= pair[0].start < end for start, end in inside)
    ]
    return sorted([*kept, *stationed], key=lambda pair: pair[0].start)


def _coordinated(
    ctx: Context, kept: list[tuple[Mention, Place | None]]
) -> list[tuple[Mention, Place | None]]:
    """渭滨区、金台区、陈仓区总工会: the suffix is shared by every place."""
    places = {m.end: m for m in ctx.of_kind(Kind.DISTRICT) if m.code}
    text = ctx.doc.text
    out: list[tuple[Mention, Place | None]] = []
    for org, place in kept:
        if place is None or not org.name.startswith(place.name):
            continue
        suffix = org.name[len(place.name) :]
        if suffix not in SUFFIXES or not SUFFIXES[suffix].needs_place:
            continue
        start = org.start
        while True:
            joiner = next((j for j in _AND if text.endswith(j, 0, start)), None)
            before = places.get(start - len(joiner)) if joiner else None
            if before is None or before.text != before.name:
                break
            other = Gazetteer.default().get(before.code or "")
            name = other.name + suffix
            body = replace(
                org,
                start=before.start,
                end=before.end,
                text=name,
                name=name,
                place=other.id,
            )
            out.append((body, other))
            start = before.start
    return out


def _placed_studio(ctx: Context, mention: Mention, place: Place | None) -> bool:
    """某市劳模创新工作室 is an honour a studio is given, not a studio; one is
    named after the person who heads it (某某劳模创新工作室)."""
    if not mention.name.endswith("创新工作室"):
        return False
    return not surname_length(mention.text[:2]) or any(
        mention.start <= m.start < mention.end for m in ctx.of_kind(Kind.DISTRICT)
    )


_SOURCE_END = re.compile(r"[，,。；;（(\s]")
_CHANNEL = re.compile(r"[-－—][\u4e00-\u9fff]{2,10}频道$")


def _outlet(ctx: Context, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The outlet a byline or a 来源 line names, as a media organisation (the
    site of ``人民网-某某频道``), unless the text has named it already."""
    source = _SOURCE_END.split(ctx.doc.source or "", maxsplit=1)[0]
    if not source:
        return ()
    where = ctx.doc.text.find(source)
    start = max(where, 0)
    end = start + len(source) if where >= 0 else 0
    if any(m.start <= start and end <= m.end for m in found) and where >= 0:
        return ()
    name = _CHANNEL.sub("", source)
    subtype = suffix_kind(name) if name.endswith(_BODY_ENDS) else "Media"
    return (Mention(Kind.ORGANIZATION, start, end, source, name, subtype),)


_BODY_ENDS = ("部", "委", "局", "厅", "办", "政府", "总工会", "工会")


def _read(
    ctx: Context,
    start: int,
    end: int,
    kind: SuffixKind,
    districts: tuple[Mention, ...],
) -> tuple[Mention, Place | None] | None:
    """The organisation whose suffix is ``text[start:end]``, if any
    (``districts``: the article's places, last-ending first)."""
    text = ctx.doc.text
    clause_start = clause_start_of(text, start)
    if kind.needs_place:
        head = place_head(ctx, clause_start, start, kind, districts)
        if (
            head is not None
            and head.short
            and _EVERY.search(text, max(0, head.start - 20), head.start)
        ):
            return None  # 各县区、开发区工会: every zone's union, no one body
        if (
            head is not None
            and head.short
            and _SEVERAL.search(text, max(0, head.start - 3), head.start)
        ):
            return None  # 四省区总工会: the unions of four provinces
        if head is not None:
            return head_mention(ctx, head, end, kind)
        return _on_named_org(ctx, clause_start, start, end, kind)
    name_start = proper_name_start(
        text, clause_start, start, proper=not kind.subtype, suffix=text[start:end]
    )
    if name_start is None:
        if text[start:end] not in _LOCAL_ASSOCIATIONS:
            return None
        head = place_head(ctx, clause_start, start, kind, districts)
        if head is None or not head.short:
            return None
        return head_mention(ctx, head, end, kind)  # 州劳动模范协会: the 州's
    surface = text[name_start:end]
    if _SUBSIDIARIES.search(surface):
        return None  # 新设的三家子公司, 集团子公司: subsidiaries, no name
    if surface in lexicon.COMPANY_DESCRIPTORS or _only_places(
        text, districts, name_start, start
    ):
        return None
    place = _place_opening(districts, name_start, start)
    return org_mention(name_start, end, surface, surface, kind.subtype, place), place


_LOCAL_ASSOCIATIONS = frozenset(("协会", "学会", "商会", "促进会", "研究会"))
"""Associations a level word names as its place's (州劳动模范协会, 县个体劳动者协会)."""
_SUBSIDIARIES = re.compile(r"(?:家|新设|新成立|下属|旗下|所属|集团|各|该|这)子公司$")
_SEVERAL = re.compile(r"[两二三四五六七八九十几多][省市县区州]{0,2}$")
_EVERY = re.compile(r"各[\u4e00-\u9fff]{1,4}(?:[、和及][\u4e00-\u9fff]{1,4})*[、和及]$")


def _only_places(
    text: str, districts: tuple[Mention, ...], start: int, end: int
) -> bool:
    """在郑州市金水区集团总部: full place names, then 集团 or 公司, are where
    the company is, not its name."""
    if not text.startswith(("集团", "公司"), end) or start == end:
        return False
    position = start
    for mention in sorted(districts, key=lambda m: m.start):
        if mention.start == position and mention.end <= end:
            if not mention.text.endswith((*focus.LEVEL_CHARS, "街道")):
                return False
            position = mention.end
    return position == end


def _place_opening(
    districts: tuple[Mention, ...], start: int, end: int
) -> Place | None:
    """The district a company name opens with (郑州 in 郑州圆方集团), or the
    innermost of the places it opens with (西陵区 in 宜昌市西陵区峡江医院)."""
    by_start = {m.start: m for m in reversed(districts) if m.code and m.end <= end}
    opening = by_start.get(start)
    if opening is None:
        return None
    while opening.end in by_start and by_start[opening.end].end < end:
        opening = by_start[opening.end]
    return Gazetteer.default().get(opening.code or "")


def _on_named_org(
    ctx: Context, clause_start: int, start: int, end: int, kind: SuffixKind
) -> tuple[Mention, Place | None] | None:
    """A union or Party body of a company or school: 某某集团工会."""
    text = ctx.doc.text
    for suffix, inner in SUFFIXES.items():
        if inner.needs_place or not text[clause_start:start].endswith(suffix):
            continue
        name_start = proper_name_start(text, clause_start, start - len(suffix))
        if name_start is not None:
            surface = text[name_start:end]
            return org_mention(name_start, end, surface, surface, kind.subtype), None
    zone = next((z for z in _ZONES if text[clause_start:start].endswith(z)), None)
    if zone is not None and text[start:end] in _ZONE_BODIES:
        name_start = proper_name_start(
            text, clause_start, start - len(zone), proper=True
        )
        if name_start is not None:  # 宁东能源化工基地党工委: a zone no map holds
            surface = text[name_start:end]
            return org_mention(name_start, end, surface, surface, kind.subtype), None
    return None


_ZONES = ("基地", "园区", "开发区", "新区", "试验区", "实验区", "示范区", "合作区")
"""Zones a gazetteer may not hold, whose bodies are named after them."""
_ZONE_BODIES = frozenset(("党工委", "管委会", "管理委员会", "工委"))


def _outermost(
    found: list[tuple[Mention, Place | None]],
) -> list[tuple[Mention, Place | None]]:
    """Drop mentions nested in a longer one, sorted by position; but a company
    that opens a longer name (某某有限公司 in 某某有限公司工会) is kept too:
    the company and its union, Party committee or centre are two bodies."""
    ordered = sorted(found, key=lambda f: (f[0].start, -f[0].end))
    kept: list[tuple[Mention, Place | None]] = []
    outer: Mention | None = None
    owned = False
    for mention, place in ordered:
        if outer is not None and mention.start < outer.end:
            if not owned and _owns(outer, mention):
                kept.append((mention, place))
                owned = True
            continue
        kept.append((mention, place))
        outer, owned = mention, False
    return kept


def _owns(outer: Mention, inner: Mention) -> bool:
    return (
        inner.start == outer.start
        and inner.end < outer.end
        and inner.subtype == "Company"
        and (outer.subtype != "Company" or _unit_of_company(outer, inner))
    )


_COMPANY_ENDS = ("公司", "集团")
_UNIT_ENDS = ("厂", "车间", "作业区", "分公司", "矿", "工区")


def _unit_of_company(outer: Mention, inner: Mention) -> bool:
    """某某有限公司炼钢厂, 某某集团有限公司江苏分公司: a plant, workshop or
    branch named after its company is a unit of it; the company is a body
    of its own."""
    tail = outer.text[len(inner.text) :]
    return (
        inner.text.endswith(_COMPANY_ENDS)
        and len(tail) >= 2
        and tail.endswith(_UNIT_ENDS)
    )
