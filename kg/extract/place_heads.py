"""Place heads: where a public body's name starts and the place it is in.

``江阴市总工会``, ``区总工会`` (the 区 the article speaks of), ``自治区总工会``,
``中华全国总工会``: :func:`place_head` finds the place (or level character)
that opens the name before a suffix that needs one, and :func:`head_mention`
names the body from there.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kg.extract import focus, lexicon
from kg.extract.base import Context
from kg.extract.districts import find_places, function_word_place, is_reference
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_names import CLAUSE_BREAK, org_mention
from kg.extract.org_suffixes import MAX_BODY, MAX_BUREAU_BODY, SuffixKind, body_ok
from kg.extract.public_bodies import OUTSIDE_MAINLAND, public_name
from kg.model import Kind, Mention
from kg.text.segmenter import tag


@dataclass(frozen=True)
class Head:
    """Where an organisation name starts and the place it is anchored in."""

    start: int
    place: Place | None
    """``None`` when the place name is ambiguous (狮山镇 exists in several
    counties): the body is named, but located nowhere."""
    short: bool
    """The place is a bare level character (市, 区) the context expands."""
    place_end: int
    name_start: int = -1
    """Where the canonical name starts: the innermost place of a chain
    (江阴市总工会 in 江苏省无锡市江阴市总工会); ``start`` when -1."""

    def __post_init__(self) -> None:
        if self.name_start < 0:
            object.__setattr__(self, "name_start", self.start)


def place_head(
    ctx: Context,
    clause_start: int,
    start: int,
    kind: SuffixKind,
    districts: tuple[Mention, ...],
) -> Head | None:
    """A place (or 市/区/县 short form) opening the name, with a short body."""
    text = ctx.doc.text
    first = bisect_left(districts, -start, key=lambda m: -m.end)
    for mention in districts[first:]:
        if mention.start < clause_start:
            if mention.end <= clause_start:
                break  # the rest end before the clause
            continue
        if mention.text == "全市" or _topic_place(ctx, mention):
            continue
        body = text[mention.end : start]
        if not body_ok(body, kind) or _short_form_ends(text, mention.end, start):
            break
        if mention.code is None:  # an undecided place: named, located nowhere
            return Head(mention.start, None, False, mention.end)
        place = Gazetteer.default().get(mention.code)
        short = is_reference(mention) or mention.text != place.name
        if short:
            return Head(mention.start, place, short, mention.end)
        return Head(
            _chain_start(ctx, mention), place, short, mention.end, mention.start
        )
    region = _region_head(ctx, clause_start, start, kind)
    if region is not None:
        return region
    for head in lexicon.NATIONAL_HEADS:  # 中华全国总工会, 国务院国资委
        at = text.rfind(head, clause_start, start)
        if at < 0 or not body_ok(text[at + len(head) : start], kind):
            continue
        if at == clause_start or opens_word(text, at, clause_start):
            return Head(at, None, False, at + len(head))
    limit = MAX_BUREAU_BODY if kind.subtype == "GovernmentBody" else MAX_BODY
    for offset in range(start - 1, max(clause_start, start - 1 - limit) - 1, -1):
        char = text[offset]
        if char == "道" and text[offset - 1 : offset] == "街" and offset > clause_start:
            street = _street_head(ctx, clause_start, offset - 1, start, kind)
            if street is not None:
                return street
            continue
        if char == "区" and text[offset - 1 : offset] == "地" and offset > clause_start:
            prefecture = _prefecture_head(ctx, clause_start, offset - 1, start, kind)
            if prefecture is not None:
                return prefecture
            continue
        if char not in focus.LEVEL_CHARS or not body_ok(text[offset + 1 : start], kind):
            continue
        if text.startswith(focus.LEVEL_WORDS, offset):
            continue  # 区市场监管局: 市场 is a word, the head is 区
        if not opens_word(text, offset, clause_start):
            continue  # tagging is dear: only for a level character with a body
        meant = focus.place_for(ctx, offset, char)
        if meant is not None:
            return Head(offset, meant, True, offset + 1)
    for match in find_places(text):
        if clause_start <= match.start and match.end == start and not match.short:
            if function_word_place(text, match.start, match.end, set()):
                continue
            return Head(match.start, None, False, match.end)
    return None


def _street_head(
    ctx: Context, clause_start: int, at: int, start: int, kind: SuffixKind
) -> Head | None:
    """街道党工委, 街道总工会: the street (subdistrict) the article names
    before, if it names one only there, else the one it names at all (在甲
    街道、乙街道试点……街道工会: the streets' unions, no one street's)."""
    text = ctx.doc.text
    if not body_ok(text[at + 2 : start], kind):
        return None
    if not opens_word(text, at, clause_start):
        return None
    named = [
        m for m in ctx.of_kind(Kind.DISTRICT) if m.name.endswith("街道") and m.code
    ]
    streets = {m.code for m in named if m.end <= at} or {m.code for m in named}
    if len(streets) != 1:
        return None
    meant = focus.place_for(ctx, at, "街道")
    return Head(at, meant, True, at + 2) if meant is not None else None


def _prefecture_head(
    ctx: Context, clause_start: int, at: int, start: int, kind: SuffixKind
) -> Head | None:
    """地区总工会, 地区行署: the prefecture (喀什地区, 阿里地区) the article
    names, if it names one only, as 市总工会 is the city's."""
    text = ctx.doc.text
    if not body_ok(text[at + 2 : start], kind) or not opens_word(
        text, at, clause_start
    ):
        return None
    gaz = Gazetteer.default()
    named = {
        m.code
        for m in ctx.of_kind(Kind.DISTRICT)
        if m.code and m.end <= start and gaz.get(m.code).name.endswith("地区")
    }
    if len(named) != 1:
        return None
    return Head(at, gaz.get(named.pop()), True, at + 2)


def _topic_place(ctx: Context, mention: Mention) -> bool:
    """海口市台湾事务办公室: a place right after another, and not inside it, is
    the body's subject; the place before is where the body is."""
    if mention.subtype != "Province":
        return False
    gaz = Gazetteer.default()
    before = next(
        (m for m in ctx.of_kind(Kind.DISTRICT) if m.end == mention.start and m.code),
        None,
    )
    if before is None or mention.code is None or is_reference(before):
        return False
    place = gaz.get(mention.code)
    outer = gaz.get(before.code or "")
    return place.level == "Province" and outer not in gaz.chain(place)


def _short_form_ends(text: str, body_start: int, start: int) -> bool:
    """县委县政府, 城固县召开县委: a level character that opens a word right
    before the suffix starts a short form of its own."""
    offset = start - 1
    if offset < body_start or text[offset] not in focus.LEVEL_CHARS:
        return False
    return opens_word(text, offset, body_start)


def _region_head(
    ctx: Context, clause_start: int, start: int, kind: SuffixKind
) -> Head | None:
    """自治区总工会, 自治区人社厅: the autonomous region of the article's home
    city, else the one the text names (before, or the only one)."""
    text = ctx.doc.text
    at = text.rfind("自治区", clause_start, start)
    if at < 0 or not body_ok(text[at + 3 : start], kind):
        return None
    if (
        at > clause_start
        and text[at - 1] not in CLAUSE_BREAK
        and not opens_word(text, at, clause_start)
    ):
        return None
    gaz = Gazetteer.default()
    home = gaz.get(ctx.home) if ctx.home else None
    region = gaz.province_of(home) if home else None
    if region is None or not region.name.endswith("自治区"):
        # no home city, or one outside the regions: the region the text
        # names (新疆维吾尔自治区总工会召开……自治区总工会副主席)
        region = focus.place_for(ctx, at, "自治区")
    if region is None or region.level != "Province":
        return None
    return Head(at, region, True, at + 3)


def _chain_start(ctx: Context, mention: Mention) -> int:
    """Where the places written together end-to-end before ``mention`` begin:
    陕西省安康市旬阳县人民法院 is named from 陕西省 on."""
    start = mention.start
    ends = {m.end: m for m in ctx.of_kind(Kind.DISTRICT) if m.code}
    while start in ends and ends[start].text == ends[start].name:
        start = ends[start].start
    return start


def opens_word(text: str, offset: int, clause_start: int) -> bool:
    """A level character that begins a word (市委 in 联合市委党校, not 城市;
    县妇联 in 县总工会和县妇联, where jieba reads 和县; 听取了市总工会…, where
    it reads 了市)."""
    if offset == clause_start or text[offset - 1] in "和与及、了":
        return True
    if text[offset - 1] == "原" and (
        offset - 1 == clause_start or text[offset - 2] in "和与及、"
    ):
        return True  # 原州总工会副主席 (former), where jieba reads 原州
    if text[offset - 1] in lexicon.SINGLE_VERBS_BEFORE_NAMES:
        return True  # 某某任县公安局局长: jieba reads 任县
    words = tag(text[clause_start : offset + 3])
    position = clause_start
    for word, _flag in words:
        if position == offset:
            return True
        position += len(word)
        if position > offset:
            return False
    return False


_PARTY = ("中国共产党", "中共")


def head_mention(
    ctx: Context, head: Head, end: int, kind: SuffixKind
) -> tuple[Mention, Place | None]:
    """An organisation named from a place head up to ``end``."""
    text = ctx.doc.text
    surface = text[head.start : end]
    if head.place is not None and not _own_name(head.place, kind):
        name = public_name(head.place, text[head.place_end : end])
    elif head.place is not None:
        name = text[head.start : end]  # 香港工会联合会: named as it names itself
    else:
        name = text[head.name_start : end]
    start = head.start
    party = next((p for p in _PARTY if text.endswith(p, 0, start)), None)
    if party is not None:
        start -= len(party)
        surface = text[start:end]
        if name.endswith("委员会") and name == public_name(head.place, "委员会"):
            name = name.removesuffix("员会")  # 中共某县（第N届）委员会: 某县委
    return org_mention(start, end, surface, name, kind.subtype, head.place), head.place


def _own_name(place: Place, kind: SuffixKind) -> bool:
    """A body of Hong Kong, Macau or Taiwan that is no government organ keeps
    the place as written (香港工会联合会, not 香港特别行政区工会联合会)."""
    if kind.subtype == "GovernmentBody":
        return False
    return Gazetteer.default().province_of(place).name in OUTSIDE_MAINLAND
