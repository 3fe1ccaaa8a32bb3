"""Districts: administrative areas named in the text, resolved by the gazetteer.

Every match the gazetteer finds is resolved against the other places of the
same article and the page's home city (鼓楼区 next to 南京 is 南京's); a
match the context cannot decide is dropped rather than guessed.  A county's
short form (江阴, 新建) counts only when another place of its province is
named, since many are ordinary words too.  我市/全市/本市 name the article's
home city, and a bare 园区/开发区 the development zone last named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer, Place, PlaceMatch
from kg.model import Kind, Mention
from kg.text.scan import Anchored

HOME_REFS = re.compile(r"我市|全市|本市")
ZONE_REFS = Anchored(
    r"(?:(?<=[^\u4e00-\u9fff])|(?<=[在从于到和与及的该本])|^)(?:园区|开发区|高新区|经开区)",
    "园开高经",
)
# The words alone (is_reference): what HOME_REFS and ZONE_REFS match in full.
_REFERENCES = frozenset(("我市", "全市", "本市", "园区", "开发区", "高新区", "经开区"))
_FUNCTION_OPENERS = set("和与及在从到向对为任")  # 某某任县长: 任县 is no place
_LEVEL_ENDINGS = ("县", "区", "市", "旗", "州", "盟")
_LEVEL_RANK = {"Province": 0, "City": 1, "County": 2}


@lru_cache(maxsize=1024)
def find_places(text: str) -> tuple[PlaceMatch, ...]:
    """Every gazetteer match in ``text`` (cached: the pipeline asks twice, once
    for the home city of the whole page and once per article, so the cache
    holds a page of up to 1,024 articles)."""
    return tuple(Gazetteer.default().find(text))


def extract(ctx: Context) -> Found:
    """Districts of the article; ``ctx.home`` (the page's city) helps resolve."""
    gaz = Gazetteer.default()
    matches = find_places(ctx.doc.text)
    hint = [gaz.get(ctx.home)] if ctx.home else []
    places = resolve_matches(gaz, matches, hint)
    mentions = [
        _mention(match, place)
        for match, place in zip(matches, places, strict=True)
        if place is not None
    ]
    mentions = _supported(gaz, ctx.doc.text, mentions, matches, hint)
    mentions.extend(
        _undecided(match)
        for match, place in zip(matches, places, strict=True)
        if place is None and not match.short
    )
    home = home_place(gaz, mentions) or ctx.home
    if home is not None:
        mentions.extend(_refs(HOME_REFS, ctx.doc.text, lambda _: gaz.get(home)))
    mentions.extend(_refs(ZONE_REFS, ctx.doc.text, lambda at: _last_zone(mentions, at)))
    return Found(mentions=_outside_others(mentions))


def resolve_matches(
    gaz: Gazetteer, matches: Sequence[PlaceMatch], extra: Iterable[Place] = ()
) -> list[Place | None]:
    """Resolve each match, using the unambiguous ones as context."""
    context = [m.candidates[0] for m in matches if len(m.candidates) == 1]
    context.extend(extra)
    places = [gaz.resolve(match, context) for match in matches]
    for index in range(1, len(matches)):
        before, match = matches[index - 1], matches[index]
        if places[index] is None and before.end == match.start and places[index - 1]:
            places[index] = _child_of(gaz, match, places[index - 1])
    return places


def _child_of(gaz: Gazetteer, match: PlaceMatch, parent: Place | None) -> Place | None:
    """延吉市河南街道: the candidate that lies in the place written before it."""
    inside = [p for p in match.candidates if parent in gaz.chain(gaz.current(p))[1:]]
    return gaz.current(inside[0]) if len(inside) == 1 else None


def _after_a_word(mention: Mention, text: str, ends: set[int]) -> bool:
    """A two-character place opening with a function word (和县, 与县) read
    right after another word (``ends``: where the places end): the function
    word belongs to the sentence."""
    return function_word_place(text, mention.start, mention.end, ends)


def function_word_place(text: str, start: int, end: int, ends: set[int]) -> bool:
    """``text[start:end]`` is 和县-like and follows a word, not a place."""
    if end - start != 2 or text[start] not in _FUNCTION_OPENERS:
        return False
    before = text[start - 1 : start]
    return bool(before) and "\u4e00" <= before <= "\u9fff" and start not in ends


def _supported(
    gaz: Gazetteer,
    text: str,
    mentions: list[Mention],
    matches: Sequence[PlaceMatch],
    hint: list[Place],
) -> list[Mention]:
    """Drop a county's short form unless its province is named elsewhere."""
    short = {(m.start, m.end) for m in matches if m.short}
    kept = []
    ends = {m.end for m in mentions}
    for mention in mentions:
        if _after_a_word(mention, text, ends):
            continue  # 县总工会和县妇联: 和 joins two bodies; no 和县 here
        if mention.code is None:
            kept.append(mention)
            continue
        place = gaz.get(mention.code or "")
        bare = not mention.text.endswith(_LEVEL_ENDINGS)  # 新建, not 互助县
        if (mention.start, mention.end) in short and place.level == "County" and bare:
            province = gaz.province_of(place).id
            others = [
                gaz.get(m.code)
                for m in mentions
                if m.code and (m.code != mention.code or (m.start, m.end) not in short)
            ]
            if not any(gaz.province_of(p).id == province for p in [*others, *hint]):
                continue
        kept.append(mention)
    return kept


def home_place(gaz: Gazetteer, mentions: Iterable[Mention]) -> str | None:
    """The article's home city: the city it names most often.

    Candidates are prefecture-level cities, municipalities (上海市) and
    county-level cities (江阴市).  A name in full (江门市) counts twice a
    short form (台山, in 台山、恩平等地), and the city named first (the lead's)
    once more; a tie goes to the higher level, so a Wuxi page that names
    江阴 twice and 无锡 twice is about 无锡.
    """
    counts: Counter[str] = Counter()
    first: tuple[int, str] | None = None
    for mention in mentions:
        if mention.kind is Kind.DISTRICT and mention.code and not is_reference(mention):
            place = gaz.get(mention.code)
            counts[mention.code] += 2 if mention.text == place.name else 1
            if place.level in _LEVEL_RANK and place.name.endswith("市"):
                first = min(
                    first or (mention.start, mention.code),
                    (mention.start, mention.code),
                )
    if first is not None:
        counts[first[1]] += 1  # the city the lead names first breaks a tie
    ranked = sorted(
        (-n, _LEVEL_RANK[place.level], code)
        for code, n in counts.items()
        for place in [gaz.get(code)]
        if place.level in _LEVEL_RANK and place.name.endswith("市")
    )
    return ranked[0][2] if ranked else None


def is_reference(mention: Mention) -> bool:
    """我市, 园区: a word standing for a place named elsewhere."""
    return mention.text in _REFERENCES


def _mention(match: PlaceMatch, place: Place) -> Mention:
    return Mention(
        kind=Kind.DISTRICT,
        start=match.start,
        end=match.end,
        text=match.surface,
        name=place.name,
        subtype=place.level,
        code=place.id,
    )


def _undecided(match: PlaceMatch) -> Mention:
    """A place the gazetteer holds several of (鼓楼区): kept, without a code."""
    levels = {p.level for p in match.candidates}
    return Mention(
        kind=Kind.DISTRICT,
        start=match.start,
        end=match.end,
        text=match.surface,
        name=match.surface,
        subtype=levels.pop() if len(levels) == 1 else None,
        code=None,
    )


def _last_zone(mentions: list[Mention], offset: int) -> Place | None:
    zones = [m for m in mentions if m.subtype == "DevelopmentZone" and m.end <= offset]
    if not zones:
        return None
    return Gazetteer.default().get(max(zones, key=lambda m: m.end).code or "")


def _refs(
    pattern: re.Pattern[str] | Anchored, text: str, place_at: object
) -> list[Mention]:
    out = []
    for match in pattern.finditer(text):
        place = place_at(match.start())  # type: ignore[operator]
        if place is None:
            continue
        out.append(
            Mention(
                kind=Kind.DISTRICT,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                name=place.name,
                subtype=place.level,
                code=place.id,
            )
        )
    return out


def _outside_others(mentions: list[Mention]) -> tuple[Mention, ...]:
    """Sorted, without a reference inside a longer place name."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return tuple(kept)
