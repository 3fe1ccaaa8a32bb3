"""The district gazetteer: China's administrative areas, their codes and parents.

The bundled ``data/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py``)
holds provinces, prefecture cities and county-level units with their GB/T 2260
codes, towns and streets, development zones and former names.  Municipalities
(北京市 110000 …) are ``Province`` places whose counties hang directly under
them, as in GB/T 2260.

:meth:`Gazetteer.find` reads every mention of a place in a text: full names,
plus the short forms the data marks as matchable (江阴 for 江阴市, 湘西州 for
湘西土家族苗族自治州), plus the other short forms right after a parent
(浙江义乌).  A mention must begin and end on a word boundary of jieba's
segmentation, so 示范县 does not give 范县; it may end inside a token when
what follows opens an organisation name (无锡市委 gives 无锡市).  A
two-character short form after a lone surname is a given name (刘桂林).  A
city or county name followed by a zone suffix (吉首经开区) gives a development
zone.  :meth:`Gazetteer.resolve` picks one candidate with the help of context
places, and never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KGError
from kg.extract.place_bounds import Segmentation
from kg.text.literals import find_in

if TYPE_CHECKING:
    from ahocorasick_rs import AhoCorasick

DATA = Path(__file__).parent.parent / "data" / "gazetteer.tsv"
LEVELS = ("Province", "City", "County", "Town", "DevelopmentZone")
QUIET_LEVELS = ("Province", "City", "County")

# Heads of landmark names built on a place name: 崖州湾, 太湖, 钟山, 秦淮河.
LANDMARK_CHARS = frozenset("湾湖山河江海岛港峡溪川岭峰洲滩桥路街巷村城园门塔寺")
ZONE_TAIL = re.compile(
    r"(国家级|国家)?(经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区"
    r"|开发区|工业园区|新区)"
)
_ZONE_OPENS = frozenset("国经高开工新")
"""The characters a ZONE_TAIL can begin with (checked before the regex)."""
ZONE_LONG = {
    "高新区": ("高新技术产业开发区",),
    "经开区": ("经济开发区", "经济技术开发区"),
}
"""Full names a zone suffix abbreviates; a zone the data does not know is
named with the last (national zones, named after cities, are 经济技术开发区)
or, after a county, the first (吉首经开区 is 吉首经济开发区)."""


_Ids = tuple[tuple[str, ...], tuple[str, ...]]
"""A matcher key's place ids: those it names anywhere, those it names quietly."""


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

    Places are kept as the cells the data file holds, in one flat list, and
    made into :class:`Place` values on first use, so that loading stays fast.
    A gazetteer built from :class:`Place` values matches every name and alias.
    """

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self._places: dict[str, Place] = {place.id: place for place in places}
        self._use([cell for p in self._places.values() for cell in _cells(p)])

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer, loaded once."""
        return _default()

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read a gazetteer file written by ``scripts/build_gazetteer.py``."""
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise GazetteerError(
                f"{path}: cannot read the gazetteer ({err.strerror}); "
                "rebuild it with scripts/build_gazetteer.py"
            ) from err
        gazetteer = cls()
        gazetteer._use(_flat_cells(text) or _checked_cells(text, path))
        return gazetteer

    def _use(self, cells: list[str]) -> None:
        """Index ``cells``, the seven columns of every row one after another."""
        self._cells = cells
        self._rows = dict(zip(cells[0::7], range(0, len(cells), 7), strict=True))
        self._extra: dict[str, Place] = {}
        self._names = _index(cells)
        self._automaton: AhoCorasick | None = None
        self._ids: dict[str, _Ids] = {}
        self._chains: dict[str, tuple[Place, ...]] = {}
        self._chain_id_cache: dict[str, tuple[Place, tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Place]:
        return (self.get(pid) for pid in sorted(self._rows))

    def holds(self, place_id: str) -> bool:
        """Whether the gazetteer has a place with this id."""
        return (
            place_id in self._places
            or place_id in self._extra
            or place_id in self._rows
        )

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
        return self._places.setdefault(place_id, _place(self._cells[row : row + 7]))

    def parent(self, place: Place) -> Place | None:
        return self.get(place.parent) if place.parent else None

    def chain(self, place: Place) -> list[Place]:
        """The place, its parent, and so on up to its province."""
        return list(self._chain(place))

    def _chain(self, place: Place) -> tuple[Place, ...]:
        """:meth:`chain`, kept for each place (places never change)."""
        known = self._chains.get(place.id)
        if known is not None and known[0] is place:
            return known
        chain = [place]
        while chain[-1].parent and len(chain) < len(LEVELS) + 2:
            chain.append(self.get(chain[-1].parent))
        self._chains[place.id] = found = tuple(chain)
        return found

    def _chain_ids(self, place: Place) -> tuple[str, ...]:
        known = self._chain_id_cache.get(place.id)
        if known is not None and known[0] is place:
            return known[1]
        ids = tuple(p.id for p in self._chain(place))
        self._chain_id_cache[place.id] = (place, ids)
        return ids

    def province_of(self, place: Place) -> Place:
        return self.chain(place)[-1]

    def current(self, place: Place) -> Place:
        """The place itself, or for a former name the place that replaced it."""
        while place.successor:
            place = self.get(place.successor)
        return place

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place with this full name or alias, sorted by id."""
        return tuple(self.get(pid) for pid in sorted(set(self._names.get(name, ()))))

    def find(self, text: str) -> list[PlaceMatch]:
        """All mentions of places in ``text``: leftmost-longest, non-overlapping."""
        starts = self._starts(text)
        if not starts:
            return []
        words = Segmentation(text)
        matches: list[PlaceMatch] = []
        for start in sorted(starts):
            if matches and start < matches[-1].end:
                continue
            prev = matches[-1] if matches and matches[-1].end == start else None
            keys = [
                (k, self._with_quiet(ids, prev, _char_at(text, start + len(k))))
                for k, ids in starts[start]
            ]
            match = self._match_at(text, start, keys, words)
            if match is not None:
                matches.append(match)
        return matches

    def _with_quiet(
        self, ids: _Ids, prev: PlaceMatch | None, after: str
    ) -> tuple[str, ...]:
        """The ids a key names here: its matchable ones, plus those it names
        only quietly when the place just before is their parent (浙江|义乌,
        佛山|顺德, 河南|开封) and no landmark named after it follows
        (三亚|崖州|湾)."""
        loud, quiet = ids
        if prev is None or not quiet or after in LANDMARK_CHARS:
            return loud
        above = {p.id for p in prev.candidates}
        near = [q for q in quiet if above.intersection(self._chain_ids(self.get(q)))]
        return (*loud, *near)

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
        # the nearest of the context places counts: each once is enough
        anchors = list({a.id: a for a in map(self.current, context)}.values())
        scored = [(self._distance(c, anchors), c) for c in candidates]
        ranked = sorted((d, c.id) for d, c in scored if d is not None)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return self.get(ranked[0][1])

    def _distance(self, place: Place, anchors: list[Place]) -> int | None:
        ups = self._chain_ids(place)
        best = None
        for anchor in anchors:
            theirs = self._chain_ids(anchor)
            for steps, pid in enumerate(ups):
                if pid in theirs:
                    distance = steps + theirs.index(pid)
                    best = distance if best is None else min(best, distance)
                    break
        return best

    def _starts(self, text: str) -> dict[int, list[tuple[str, _Ids]]]:
        """Every name found in ``text``, overlaps included, by start offset
        (the longest first at each)."""
        found: dict[int, list[str]] = {}
        for _, start, end in find_in(self._matcher(), text, overlapping=True):
            found.setdefault(start, []).append(text[start:end])
        starts: dict[int, list[tuple[str, _Ids]]] = {}
        for start, keys in found.items():
            keys.sort(key=len, reverse=True)
            hits = [(key, self._key_ids(key)) for key in keys]
            hits = [(key, ids) for key, ids in hits if ids[0] or ids[1]]
            if hits:
                starts[start] = hits
        return starts

    def _matcher(self) -> AhoCorasick:
        """An Aho-Corasick automaton over every name and alias (built in
        about 0.1 s; it reads a text at tens of millions of characters a
        second)."""
        if self._automaton is None:
            from ahocorasick_rs import AhoCorasick

            names = [name for name in self._names if len(name) >= 2]
            self._automaton = AhoCorasick(names)
        return self._automaton

    def _key_ids(self, key: str) -> _Ids:
        """The ids ``key`` names wherever it stands, and those it names only
        after a parent (memoised)."""
        ids = self._ids.get(key)
        if ids is None:
            loud: list[str] = []
            quiet: list[str] = []
            for pid in sorted(set(self._names[key])):
                row = self._rows[pid]
                how = _how_matched(self._cells[row : row + 7], key)
                if how is not None:
                    (loud if how else quiet).append(pid)
            ids = self._ids[key] = (tuple(loud), tuple(quiet))
        return ids

    def _match_at(
        self,
        text: str,
        start: int,
        keys: list[tuple[str, tuple[str, ...]]],
        words: Segmentation,
    ) -> PlaceMatch | None:
        if not any(ids for _, ids in keys) or not words.starts_word(start):
            return None  # nothing to name here: no need to segment
        for key, ids in sorted(keys, key=lambda item: -len(item[0])):
            if not ids:
                continue
            places = tuple(self.get(pid) for pid in ids)
            short = all(place.name != key for place in places)
            if short and len(key) == 2 and words.after_surname(start):
                continue  # 刘|桂林, 王|金华: a given name
            if not short and words.word_after_modal(start, key[:-1]):
                continue  # 要|会同|县总工会: the verb 会同, not 会同县
            zone = self._zone_at(text, start, key, places, words)
            if zone is not None:
                return zone
            end = start + len(key)
            if short and text.startswith(_LOCAL_AREA_WORDS, end):
                continue  # 荷塘|村, 新华|社区: a village's or community's name
            if words.ends_word(start, end):
                return PlaceMatch(start, end, key, places, short)
        return None

    def _zone_at(
        self,
        text: str,
        start: int,
        key: str,
        places: tuple[Place, ...],
        words: Segmentation,
    ) -> PlaceMatch | None:
        """A development zone named after the city or county ``key`` names.

        A city wins over a county of the same short name (长沙经开区 is
        长沙市's, not 长沙县's).
        """
        parents = [p for p in places if p.level == "City"]
        parents = parents or [p for p in places if p.level == "County"]
        after = start + len(key)
        opens = text[after : after + 1] in _ZONE_OPENS
        tail = ZONE_TAIL.match(text, after) if opens else None
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
        name = names[-1] if parent.level == "City" else names[0]
        alias = (prefix + suffix,) if prefix + suffix != name else ()
        zone_id = f"{parent.id}/{name}"
        zone = Place(zone_id, name, "DevelopmentZone", parent.id, None, alias)
        return self._extra.setdefault(zone.id, zone)


def _char_at(text: str, offset: int) -> str:
    return text[offset : offset + 1]


def _short_name(place: Place) -> str:
    """The short form a zone name is built on: 无锡 for 无锡市."""
    for alias in place.aliases:
        if len(alias) >= 2 and place.name.startswith(alias):
            return alias
    return place.name


_LOCAL_AREA_WORDS = ("村", "社区")
"""Below the township: a short name written before one names a village or a
community, not the county (kg/extract/communities.py reads those)."""


def _index(cells: list[str]) -> dict[str, list[str]]:
    """Place ids by every name and alias; a list may repeat an id."""
    names: dict[str, list[str]] = {}
    ids = cells[0::7]
    for pid, name in zip(ids, cells[2::7], strict=True):
        names.setdefault(name, []).append(pid)
    for pid, aliases in zip(ids, cells[4::7], strict=True):
        for alias in aliases.split("|") if aliases else ():
            names.setdefault(alias.lstrip("~"), []).append(pid)
    for pid, level, name in zip(ids, cells[1::7], cells[2::7], strict=True):
        written = _street_as_written(level, name)
        if written:
            names.setdefault(written, []).append(pid)
    return names


def _street_as_written(level: str, name: str) -> str | None:
    """某某街道 for a street whose official name is 某某街街道 (the 街 of its
    name is dropped in writing); ``None`` for any other place."""
    if level == "Town" and name.endswith("街街道") and len(name) >= 5:
        return name[:-3] + "街道"
    return None


def _flat_cells(text: str) -> list[str]:
    """The cells of a well-formed data file in one split (comment lines only
    at the top); ``[]`` if the file is not that, to be read line by line."""
    body = text
    while body.startswith("#"):
        body = body.partition("\n")[2]
    cells = body.rstrip("\n").replace("\n", "\t").split("\t")
    if len(cells) % 7 or not set(cells[1::7]) <= set(LEVELS):
        return []
    return cells


def _how_matched(cells: list[str], form: str) -> bool | None:
    """``True`` if :meth:`Gazetteer.find` matches ``form`` for this place
    anywhere, ``False`` if only right after a parent (the ``~`` short forms
    of provinces, cities and counties), ``None`` if never."""
    _, level, name, _, aliases, flags, _ = cells
    if form == name and "x" not in flags:
        return True
    if form == _street_as_written(level, name) and "x" not in flags:
        return True
    forms = aliases.split("|") if aliases else ()
    if form in forms:
        return True
    if "~" + form in forms and level in QUIET_LEVELS:
        return False
    return None


def _cells(place: Place) -> list[str]:
    """A place as a row of the data file (all its aliases matchable)."""
    flags = "c" if place.code else ""
    aliases = "|".join(place.aliases)
    parent, successor = place.parent or "", place.successor or ""
    return [place.id, place.level, place.name, parent, aliases, flags, successor]


def _place(cells: list[str]) -> Place:
    pid, level, name, parent, aliases, flags, successor = cells
    code = pid if "c" in flags else None
    forms = tuple(a.lstrip("~") for a in aliases.split("|")) if aliases else ()
    return Place(pid, name, level, parent or None, code, forms, successor or None)


def _checked_cells(text: str, path: Path) -> list[str]:
    """The cells of a data file read line by line, blank and ``#`` lines
    skipped; :class:`GazetteerError` names the first line that is no row."""
    cells: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line[0] == "#":
            continue
        row = line.split("\t")
        if len(row) != 7 or row[1] not in LEVELS:
            raise GazetteerError(
                f"{path}:{number}: expected 7 tab-separated cells with a level "
                f"in {LEVELS}, got {line[:60]!r}; rebuild the file with "
                "scripts/build_gazetteer.py"
            )
        cells.extend(row)
    return cells


@cache
def _default() -> Gazetteer:
    return Gazetteer.load(DATA)
