"""Communities and villages: the bodies of the one an article speaks of.

Below the street and the town no gazetteer lists places, yet the genre names
them (``某某街道青禾社区``, ``某某镇柳湾村``) and then speaks of their bodies
in short (``社区党委书记甲``, ``村党支部书记乙``, ``居委会主任丙``).  A
community or village is read where it follows its town or street, or opens a
line (a headline, a paragraph); a short form is the body of the one named
last before it, else of the first the article names:
``社区党委`` → ``青禾社区党委``.  Bodies of many communities at once
(``各社区党委``, ``辖区社区党支部``) are none in particular.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer
from kg.extract.org_names import FUNCTION_CHARS
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.text.segmenter import dictionary_entry, words

_NAMED = re.compile(r"([\u4e00-\u9fff]{2,5}?)(社区|村)")
_NAMED_AFTER_TOWN = re.compile(r"([\u4e00-\u9fff]{1,5}?)(社区|村)")
"""After its town a village's name may be one character (天荒坪镇余村)."""
_GRID_TITLES = ("专职网格员", "兼职网格员", "网格员", "网格长")
"""A community's own staff: 网格员甲 works for the community itself."""
_BEFORE_ITS_BODY = re.compile(
    r"(?<=[，,。；;：:、和与及\n“])([\u4e00-\u9fff]{2,4}?)(社区|村)"
    r"(?=党委|党总支|党支部|居委会|村委会|" + "|".join(_GRID_TITLES) + ")"
)
"""A community or village named anywhere, right before its body or its
grid worker (俞某和银坑村网格员朱某)."""
_ITS_BODY = re.compile(
    r"(?:社区|村)(?=党委|党总支|党支部|居委会|村委会|" + "|".join(_GRID_TITLES) + ")"
)
"""Where :data:`_BEFORE_ITS_BODY`'s name ends: found first, as its name's
start is no one character the regex engine could skip to."""
_LINE_START = re.compile(r"(?:^|\n)[ \u3000]*", re.MULTILINE)
_BODIES = {
    "党委": "PartyOrganization",
    "党总支": "PartyOrganization",
    "党支部": "PartyOrganization",
    "居委会": "",
    "村委会": "",
}
_SHORT = re.compile(r"社区(?:党委|党总支|党支部|居委会)|村(?:党委|党总支|党支部|委会)")
_BARE = re.compile(r"(?<=[、，,])居委会")
"""居委会 after another title of the chain (社区党委书记、居委会主任)."""
_MANY = ("各", "全", "每", "其他", "所有", "辖区", "多个", "个", "等")
_NOT_IN_NAMES = frozenset("社区村他她它我你咱和与及的了在是")
_SHORT_FREQ = 100
"""A one-character village name: the word with 村 is rarer than this (全村 is
260)."""
_COMMON_FREQ = 2000
"""A name part that is one frequent common word (城乡, 农业) names no place."""


class Community(NamedTuple):
    start: int
    end: int
    name: str
    level: str


def community_bodies(ctx: Context) -> list[tuple[Mention, None]]:
    """The bodies of the article's communities and villages, named in full
    (青禾社区党委) or in short (社区党委, and 居委会 in a chain)."""
    text = ctx.doc.text
    named = _communities(ctx)
    if not named:
        return []
    out: list[tuple[Mention, None]] = []
    for match in _SHORT.finditer(text):
        level = "社区" if match.group().startswith("社区") else "村"
        body = match.group()[len(level) :]
        body = "村委会" if body == "委会" else body  # 某村村委会
        full = next(
            (
                c
                for c in named
                if c.end == match.start() + len(level) and c.level == level
            ),
            None,
        )
        if full is not None:
            out.append((_body(text, full.start, match.end(), full.name + body), None))
            continue
        if _many_before(text, match.start()):
            continue
        home = _home(named, match.start(), level)
        if home is not None:
            out.append(
                (_body(text, match.start(), match.end(), home.name + body), None)
            )
    for match in _BARE.finditer(text):
        home = _home(named, match.start(), "社区")
        if home is not None:
            name = home.name + match.group()
            out.append((_body(text, match.start(), match.end(), name), None))
    return out


def _body(text: str, start: int, end: int, name: str) -> Mention:
    body = next(b for b in _BODIES if name.endswith(b))
    return Mention(Kind.ORGANIZATION, start, end, text[start:end], name, _BODIES[body])


def _home(named: list[Community], at: int, level: str) -> Community | None:
    """The community (or village) last named before ``at``, else the first."""
    of_level = [c for c in named if c.level == level]
    before = [c for c in of_level if c.end <= at]
    if before:
        return before[-1]
    return of_level[0] if of_level else None


def _many_before(text: str, start: int) -> bool:
    return text[max(0, start - 2) : start].endswith(_MANY) or (
        start > 0 and text[start - 1].isdigit()
    )


def _communities(ctx: Context) -> list[Community]:
    """Communities and villages named after their town or street, or at the
    start of a line, in the order of the text."""
    towns = {m.end for m in ctx.of_kind(Kind.DISTRICT) if m.subtype == "Town"}
    return list(_named_areas(ctx.doc.text, frozenset(towns)))


@lru_cache(maxsize=8)
def _named_areas(text: str, towns: frozenset[int]) -> tuple[Community, ...]:
    """:func:`_communities` of a text whose towns end at ``towns`` (kept: the
    organisations extractor asks first, for the communities' bodies)."""
    starts = {m.end() for m in _LINE_START.finditer(text)}
    found: list[Community] = []
    for start in sorted(towns | starts):
        named = _NAMED_AFTER_TOWN if start in towns else _NAMED
        match = named.match(text, start)
        if match is None or not _named_well(text, match):
            continue
        found.append(Community(start, match.end(), match.group(), match.group(2)))
    for match in _before_bodies(text):
        if _named_well(text, match) and all(c.start != match.start() for c in found):
            found.append(
                Community(match.start(), match.end(), match.group(), match.group(2))
            )
    return tuple(sorted(found))


def _before_bodies(text: str) -> Iterator[re.Match[str]]:
    """``_BEFORE_ITS_BODY.finditer(text)``, tried only two to four characters
    before a 社区 or 村 that its body follows, in order, from where the last
    match ended."""
    tries = sorted(
        {at.start() - size for at in _ITS_BODY.finditer(text) for size in (4, 3, 2)}
    )
    end = 0
    for start in tries:
        if start < end:
            continue
        match = _BEFORE_ITS_BODY.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def _named_well(text: str, match: re.Match[str]) -> bool:
    """The name part is no common word nor function word, and no dictionary
    word runs from it into 社区 or 村 (乡村, 和谐社区, 各村)."""
    name = match.group(1)
    if name[0] in FUNCTION_CHARS or any(c in _NOT_IN_NAMES for c in name):
        return False  # 他和村党总支: a pronoun and 和, then the village's body
    if len(name) == 1:  # 余村, not 全村 or 本村: the whole is no common word
        return name not in _MANY and dictionary_entry(match.group())[0] < _SHORT_FREQ
    freq, flag = dictionary_entry(name)
    if freq >= _COMMON_FREQ and not flag.startswith(("ns", "nr", "nz")):
        return False
    position = match.start()
    for word in words(text[match.start() : match.end() + 2]):
        if position < match.start(2) < position + len(word):
            return False
        position += len(word)
    return True


_AREA_SUBTYPES = {"社区": "Community", "村": "Village"}


def extract(ctx: Context) -> Found:
    """The article's communities and villages as districts: each mention of
    one named after its town or street, or opening a line; ``partOf`` that
    town or street; ``locatedIn`` it for the bodies named after it
    (青禾社区党委).

    A community is known by its town or street and its name, else by the
    article's home city and its name, so two 新华村 of two towns stay two."""
    named = _communities(ctx)
    if not named:
        return Found()
    text = ctx.doc.text
    gaz = Gazetteer.default()
    towns = {
        m.end: gaz.get(m.code)
        for m in ctx.of_kind(Kind.DISTRICT)
        if m.subtype == "Town" and m.code
    }
    mentions: list[Mention] = []
    relations: list[Relation] = []
    for name in dict.fromkeys(c.name for c in named):
        first = [c for c in named if c.name == name]
        town_at = next((c for c in first if c.start in towns), None)
        town = towns[town_at.start] if town_at is not None else None
        anchor = town.id if town is not None else ctx.home
        code = f"{anchor}/{name}" if anchor else None
        subtype = _AREA_SUBTYPES[first[0].level]
        key = entity_key(Kind.DISTRICT, name, code)
        mentions.extend(
            Mention(Kind.DISTRICT, start, start + len(name), name, name, subtype, code)
            for start in _occurrences(text, name)
        )
        if town is not None and town_at is not None:
            relations.append(
                Relation(
                    RelKind.PART_OF,
                    key,
                    entity_key(Kind.DISTRICT, town.name, town.id),
                    evidence=ctx.evidence(town_at.start),
                )
            )
        bodies = {
            m.name: m
            for m in ctx.of_kind(Kind.ORGANIZATION)
            if m.name.startswith(name) and len(m.name) > len(name)
        }
        relations.extend(
            Relation(
                RelKind.LOCATED_IN,
                entity_key(Kind.ORGANIZATION, body.name),
                key,
                evidence=ctx.evidence(body.start),
            )
            for body in bodies.values()
        )
    relations.extend(_grid_workers(ctx, named, mentions))
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _grid_workers(
    ctx: Context, named: list[Community], areas: list[Mention]
) -> list[Relation]:
    text = ctx.doc.text
    keys = {m.name: entity_key(Kind.DISTRICT, m.name, m.code) for m in areas}
    out = []
    for person in ctx.of_kind(Kind.PERSON):
        title = next(
            (t for t in _GRID_TITLES if text.endswith(t, 0, person.start)), None
        )
        home = _grid_home(named, person.start - len(title)) if title else None
        if title is None or home is None or home.name not in keys:
            continue
        out.append(
            Relation(
                RelKind.POST,
                entity_key(Kind.PERSON, person.name),
                keys[home.name],
                roles=(title,),
                evidence=ctx.evidence(person.start),
            )
        )
    return out


def _grid_home(named: list[Community], title: int) -> Community | None:
    """The community (or village) a grid title belongs to: the one written
    right before it (银坑村网格员), else the one last named before, else the
    first the article names."""
    right_before = [c for c in named if c.end == title]
    if right_before:
        return right_before[0]
    before = [c for c in named if c.end <= title]
    if before:
        return max(before, key=lambda c: c.end)
    return named[0] if named else None


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` is written, not preceded by a word for many (各村)."""
    found = []
    start = text.find(name)
    while start >= 0:
        if not _many_before(text, start):
            found.append(start)
        start = text.find(name, start + len(name))
    return found
