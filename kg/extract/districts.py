"""Districts: administrative areas named in the text, resolved by the gazetteer.

Every match the gazetteer finds is resolved against the other places of the
same article (鼓楼区 next to 南京 is 南京's); a match the context cannot
decide is dropped rather than guessed.  我市/全市/本市 name the article's home
city once that is known.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kg.extract.base import Context, Found
from kg.gazetteer import Gazetteer, Place, PlaceMatch
from kg.model import Kind, Mention

HOME_REFS = re.compile(r"我市|全市|本市")
_HOME_LEVELS = ("City", "County")


@lru_cache(maxsize=64)
def find_places(text: str) -> tuple[PlaceMatch, ...]:
    """Every gazetteer match in ``text`` (cached: the pipeline asks twice)."""
    return tuple(Gazetteer.default().find(text))


def extract(ctx: Context) -> Found:
    gaz = Gazetteer.default()
    matches = find_places(ctx.doc.text)
    places = resolve_matches(gaz, matches)
    mentions = [
        _mention(match, place)
        for match, place in zip(matches, places, strict=True)
        if place is not None
    ]
    home = ctx.home or home_place(gaz, mentions)
    if home is not None:
        mentions.extend(_home_refs(ctx.doc.text, gaz.get(home)))
    return Found(mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))))


def resolve_matches(
    gaz: Gazetteer, matches: Sequence[PlaceMatch], extra: Iterable[Place] = ()
) -> list[Place | None]:
    """Resolve each match, using the unambiguous ones as context."""
    context = [m.candidates[0] for m in matches if len(m.candidates) == 1]
    context.extend(extra)
    return [gaz.resolve(match, context) for match in matches]


def home_place(gaz: Gazetteer, mentions: Iterable[Mention]) -> str | None:
    """The article's home city: the city-level place it names most often.

    Mentions of a county count for nothing here; a county-level city (江阴市)
    can be home only when no prefecture-level city is named at all.
    """
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.kind is Kind.DISTRICT and mention.code:
            counts[mention.code] += 1
    if not counts:
        return None
    for level in _HOME_LEVELS:
        ranked = sorted(
            (-n, code)
            for code, n in counts.items()
            if gaz.get(code).level == level
            and (level == "City" or gaz.get(code).name.endswith("市"))
        )
        if ranked:
            return ranked[0][1]
    return None


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


def _home_refs(text: str, home: Place) -> list[Mention]:
    return [
        Mention(
            kind=Kind.DISTRICT,
            start=m.start(),
            end=m.end(),
            text=m.group(),
            name=home.name,
            subtype=home.level,
            code=home.id,
        )
        for m in HOME_REFS.finditer(text)
    ]
