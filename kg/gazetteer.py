"""The district gazetteer: China's administrative areas, their codes and parents.

The bundled ``data/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py``)
holds provinces, prefecture cities and county-level units with their GB/T 2260
codes, towns and streets, development zones and former names.  Municipalities
(北京市 110000 …) are ``Province`` places whose counties hang directly under
them, as in GB/T 2260.

:meth:`Gazetteer.find` reads every mention of a place in a text: full names,
plus the short forms the data marks as matchable (江阴 for 江阴市, 湘西州 for
湘西土家族苗族自治州).  A mention must begin and end on a word boundary of
jieba's segmentation, so 示范县 does not give 范县; it may end inside a token
when what follows opens an organisation name (无锡市委 gives 无锡市).  A city
or county name followed by a zone suffix (吉首经开区) gives a development zone.
:meth:`Gazetteer.resolve` picks one candidate with the help of context places,
and never guesses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import KGError

DATA = Path(__file__).parent / "data" / "gazetteer.tsv"
LEVELS = ("Province", "City", "County", "Town", "DevelopmentZone")

# What may follow a place name inside one jieba token: the head of an
# organisation name (无锡市委, 江阴市政府, 梁溪区总工会).
ORG_HEADS: tuple[str, ...] = (
    "委",
    "政府",
    "人民",
    "人大",
    "政协",
    "总工会",
    "工会",
    "党",
    "纪委",
)
ORG_HEADS += ("公安", "法院", "检察", "妇联", "团委", "教育局", "财政局", "文明办")
ZONE_TAIL = re.compile(
    r"(国家级|国家)?(经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区"
    r"|开发区|工业园区|新区)"
)
ZONE_LONG = {
    "高新区": ("高新技术产业开发区",),
    "经开区": ("经济技术开发区", "经济开发区"),
}


class GazetteerError(KGError):
    """The gazetteer data cannot be read, or a place id is unknown."""


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative area, a town or street, or a development zone."""

    id: str
    """The GB/T 2260 code for coded places (``"320213"``), else
    ``<parent id>/<name>`` (``"320206/洛社镇"``)."""
    name: str
    """Official full name, Simplified: ``"江阴市"``."""
    level: str
    """``Province``, ``City``, ``County``, ``Town`` or ``DevelopmentZone``."""
    parent: str | None
    """Id of the direct parent; ``None`` for provinces."""
    code: str | None
    """GB/T 2260 six-digit code; ``None`` for towns and zones."""
    aliases: tuple[str, ...] = ()
    """Short forms and other names."""
    successor: str | None = None
    """For a former name: id of the place that replaced it."""


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A mention of a place in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]
    """Every place this surface can name, by id."""
    short: bool
    """Matched a short form (江阴) rather than a full name."""


class Gazetteer:
    """Places by id and by name, and a matcher that finds them in text.

    ``surfaces`` maps a place id to the forms :meth:`find` may match; by
    default a place's name and all its aliases.  Places are kept as rows of
    strings and built on first use, so that loading stays fast.
    """

    def __init__(
        self,
        places: Iterable[Place],
        surfaces: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._rows: dict[str, _Row] = {}
        self._places: dict[str, Place] = {}
        for place in places:
            self._places[place.id] = place
            forms = (place.name, *place.aliases)
            if surfaces is not None:
                forms = tuple(surfaces.get(place.id, ()))
            self._rows[place.id] = _Row(place.name, place.aliases, forms)
        self._index()

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer, loaded once."""
        return _default()

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read a gazetteer file written by ``scripts/build_gazetteer.py``."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise GazetteerError(
                f"{path}: cannot read the gazetteer ({err.strerror}); "
                "rebuild it with scripts/build_gazetteer.py"
            ) from err
        gazetteer = cls(())
        for number, line in enumerate(lines, 1):
            if line and line[0] != "#":
                gazetteer._add_line(line, path, number)
        gazetteer._index()
        return gazetteer

    def _add_line(self, line: str, path: Path, number: int) -> None:
        cells = line.split("\t")
        if len(cells) != 7 or cells[1] not in LEVELS:
            raise GazetteerError(
                f"{path}:{number}: expected 7 tab-separated cells with a level "
                f"in {LEVELS}, got {line[:60]!r}; rebuild the file with "
                "scripts/build_gazetteer.py"
            )
        self._rows[cells[0]] = _Row(cells[2], cells[4], cells)

    def _index(self) -> None:
        self._extra: dict[str, Place] = {}
        self._automaton: Any = None
        self._names: dict[str, list[str]] = defaultdict(list)
        for pid, row in self._rows.items():
            self._names[row.name].append(pid)
            for alias in row.aliases():
                self._names[alias].append(pid)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Place]:
        return (self.get(pid) for pid in sorted(self._rows))

    def get(self, place_id: str) -> Place:
        """The place with this id; :class:`GazetteerError` if there is none."""
        place = self._places.get(place_id) or self._extra.get(place_id)
        if place is not None:
            return place
        row = self._rows.get(place_id)
        if row is None:
            raise GazetteerError(
                f"unknown place id {place_id!r}: use a GB/T 2260 code such as "
                "'320213' or an id returned by lookup() or find()"
            )
        return self._places.setdefault(place_id, row.place())

    def parent(self, place: Place) -> Place | None:
        return self.get(place.parent) if place.parent else None

    def chain(self, place: Place) -> list[Place]:
        """The place, its parent, and so on up to its province."""
        chain = [place]
        while chain[-1].parent and len(chain) < len(LEVELS) + 2:
            chain.append(self.get(chain[-1].parent))
        return chain

    def province_of(self, place: Place) -> Place:
        return self.chain(place)[-1]

    def current(self, place: Place) -> Place:
        """The place itself, or for a former name the place that replaced it."""
        while place.successor:
            place = self.get(place.successor)
        return place

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place with this full name or alias, sorted by id."""
        return tuple(self.get(pid) for pid in sorted(self._names.get(name, ())))

    def find(self, text: str) -> list[PlaceMatch]:
        """All mentions of places in ``text``: leftmost-longest, non-overlapping."""
        starts: dict[int, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for end, (key, ids) in self._matcher().iter(text):
            starts[end - len(key) + 1].append((key, ids))
        if not starts:
            return []
        words = _Segmentation(text)
        matches: list[PlaceMatch] = []
        for start in sorted(starts):
            if matches and start < matches[-1].end:
                continue
            match = self._match_at(text, start, starts[start], words)
            if match is not None:
                matches.append(match)
        return matches

    def resolve(
        self, match_or_name: PlaceMatch | str, context: Iterable[Place] = ()
    ) -> Place | None:
        """The one place a mention names, or ``None`` when it stays ambiguous.

        A unique candidate wins outright.  Otherwise the candidate closest in
        the tree to a context place wins (one inside a context city beats one
        that only shares its province); a tie gives ``None``.  Former names
        resolve to their successor.
        """
        if isinstance(match_or_name, PlaceMatch):
            found = match_or_name.candidates
        else:
            found = self.lookup(match_or_name)
        candidates = list(dict.fromkeys(self.current(p) for p in found))
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        anchors = [self.current(p) for p in context]
        scored = [(self._distance(c, anchors), c) for c in candidates]
        ranked = sorted((d, c.id) for d, c in scored if d is not None)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return self.get(ranked[0][1])

    def _distance(self, place: Place, anchors: list[Place]) -> int | None:
        ups = [p.id for p in self.chain(place)]
        best = None
        for anchor in anchors:
            theirs = [p.id for p in self.chain(anchor)]
            for steps, pid in enumerate(ups):
                if pid in theirs:
                    distance = steps + theirs.index(pid)
                    best = distance if best is None else min(best, distance)
                    break
        return best

    def _matcher(self) -> Any:
        if self._automaton is None:
            import ahocorasick

            keys: dict[str, list[str]] = defaultdict(list)
            for pid, row in self._rows.items():
                for form in row.surfaces():
                    keys[form].append(pid)
            automaton = ahocorasick.Automaton()
            for key, ids in keys.items():
                automaton.add_word(key, (key, tuple(sorted(set(ids)))))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def _match_at(
        self,
        text: str,
        start: int,
        keys: list[tuple[str, tuple[str, ...]]],
        words: _Segmentation,
    ) -> PlaceMatch | None:
        if not words.starts_word(start):
            return None
        for key, ids in sorted(keys, key=lambda item: -len(item[0])):
            places = tuple(self.get(pid) for pid in ids)
            short = all(place.name != key for place in places)
            zone = self._zone_at(text, start, key, places, words)
            if zone is not None:
                return zone
            end = start + len(key)
            if words.ends_word(start, end):
                return PlaceMatch(start, end, key, places, short)
        return None

    def _zone_at(
        self,
        text: str,
        start: int,
        key: str,
        places: tuple[Place, ...],
        words: _Segmentation,
    ) -> PlaceMatch | None:
        """A development zone named after the city or county ``key`` names."""
        parents = [p for p in places if p.level in ("City", "County")]
        tail = ZONE_TAIL.match(text, start + len(key))
        if not parents or tail is None or not words.ends_word(start, tail.end()):
            return None
        zones = tuple(self._zone(self.current(p), tail.group(2)) for p in parents)
        surface = text[start : tail.end()]
        return PlaceMatch(start, tail.end(), surface, zones, short=False)

    def _zone(self, parent: Place, suffix: str) -> Place:
        prefix = _short_name(parent)
        names = [prefix + long for long in ZONE_LONG.get(suffix, (suffix,))]
        for name in [*names, prefix + suffix]:
            for zone in self.lookup(name):
                if zone.level == "DevelopmentZone" and parent in self.chain(zone):
                    return self.current(zone)
        name = names[-1]
        alias = (prefix + suffix,) if prefix + suffix != name else ()
        zone_id = f"{parent.id}/{name}"
        zone = Place(zone_id, name, "DevelopmentZone", parent.id, None, alias)
        return self._extra.setdefault(zone.id, zone)


class _Segmentation:
    """Word boundaries of a text by jieba's default dictionary, HMM off."""

    def __init__(self, text: str) -> None:
        from kg.segmenter import words

        self.text = text
        self.bounds = {0, len(text)}
        self.token: dict[int, tuple[int, int]] = {}
        offset = 0
        for token in words(text):
            for inside in range(offset + 1, offset + len(token)):
                self.token[inside] = (offset, offset + len(token))
            offset += len(token)
            self.bounds.add(offset)

    def starts_word(self, start: int) -> bool:
        return start in self.bounds or not _is_han(self.text[start - 1])

    def ends_word(self, start: int, end: int) -> bool:
        """Whether a name ``text[start:end]`` may end at ``end``.

        Inside a token, only before the head of an organisation name, and
        only when the token began with the name (无锡市委) or the name has two
        characters before it (锡山|区委) — not 和|县委, where 和 is a word.
        """
        if end in self.bounds or not _is_han(self.text[end]):
            return True
        token_start, token_end = self.token[end]
        if 0 < token_start - start < 2:
            return False
        return self.text[end:token_end].startswith(ORG_HEADS)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _short_name(place: Place) -> str:
    """The short form a zone name is built on: 无锡 for 无锡市."""
    for alias in place.aliases:
        if len(alias) >= 2 and place.name.startswith(alias):
            return alias
    return place.name


class _Row:
    """A place as stored: its cells, parsed into a :class:`Place` on demand.

    ``cells`` are the seven columns of the data file, or a ready tuple of
    match surfaces for a gazetteer built from :class:`Place` values.
    """

    __slots__ = ("_aliases", "cells", "name")

    def __init__(self, name: str, aliases: str | tuple[str, ...], cells: Any) -> None:
        self.name = name
        self._aliases = aliases
        self.cells = cells

    def aliases(self) -> tuple[str, ...]:
        if isinstance(self._aliases, tuple):
            return self._aliases
        if not self._aliases:
            return ()
        return tuple(alias.lstrip("~") for alias in self._aliases.split("|"))

    def surfaces(self) -> tuple[str, ...]:
        if isinstance(self._aliases, tuple):
            return tuple(self.cells)
        forms = self._aliases.split("|") if self._aliases else ()
        matchable = tuple(form for form in forms if form[0] != "~")
        return matchable if "x" in self.cells[5] else (self.name, *matchable)

    def place(self) -> Place:
        pid, level, name, parent, _aliases, flags, successor = self.cells
        code = pid if "c" in flags else None
        return Place(
            pid, name, level, parent or None, code, self.aliases(), successor or None
        )


@cache
def _default() -> Gazetteer:
    return Gazetteer.load(DATA)
