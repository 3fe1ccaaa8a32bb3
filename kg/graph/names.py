"""Did you mean …? Near names for a name that matches no entity.

A miss is compared with every entity's names three ways, with rapidfuzz:

- **characters**: edit distance on the Chinese text (钱卫冬 → 钱卫东);
- **pinyin**: the same on toneless pinyin, so a homophone or a name typed in
  pinyin finds its characters (qian wei dong, 钱伟东 → 钱卫东);
- **short forms**: the miss inside a name or a name inside the miss, as
  place and body names are shortened (苏州 → 苏州市, 武进 → 武进区总工会).

``NAMES_QUERY`` gathers the names to compare in one SPARQL query, so the
same suggestions come from a graph file or a store
(``kg.sparql.lookup.entity_names`` runs it); ``suggest`` ranks them;
``find_named`` is the exact match the commands start from; ``did_you_mean``
words a miss.  ``view``, ``path``, ``query --param`` (and ``explain``) use
them.  Nothing here imports rdflib.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.text.pinyin import to_pinyin

MAX_SUGGESTIONS = 5
MIN_SCORE = 60.0
"""Scores are 0–100; below this a name is not offered."""
CLOSE_TO_BEST = 12.0
"""Names scoring this much below the best are not offered beside it."""
MIN_SOUND = 80.0
"""Pinyin counts only when it is this close (北京市 is not 江阴市)."""

KIND_TYPES = {
    "Person": "schema:Person",
    "Organization": "org:Organization",
    "District": "schema:AdministrativeArea",
    "Initiative": "kgo:Initiative",
    "Article": "schema:NewsArticle",
}
KIND_NAMES_ZH = {
    "Person": "人物",
    "Organization": "组织",
    "District": "行政区",
    "Initiative": "倡议",
    "Article": "文章",
}
KIND_NAMES = {
    "Person": "person",
    "Organization": "organisation",
    "District": "district",
    "Initiative": "initiative",
    "Article": "article",
}

NAMES_QUERY = """
SELECT ?entity ?kind ?label ?name WHERE {
  VALUES (?type ?kind) { %s }
  ?entity a ?type ; skos:prefLabel ?label .
  { ?entity skos:prefLabel|skos:altLabel|rdfs:label|schema:headline ?name }
  UNION { ?entity kgo:adminCode ?name }
}
"""


@dataclass(frozen=True)
class Named:
    """An entity with its kind key, preferred label and every other name."""

    iri: str
    kind: str
    label: str
    names: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower case without white space: how names are compared."""
    return "".join(text.lower().split())


def names_query(kinds: Iterable[str] | None = None) -> str:
    """SPARQL listing (entity, kind, label, name) for entities of ``kinds``
    (keys of ``KIND_TYPES``; all when None)."""
    wanted = list(kinds) if kinds is not None else list(KIND_TYPES)
    return NAMES_QUERY % " ".join(f'({KIND_TYPES[k]} "{k}")' for k in wanted)


def from_rows(rows: Iterable[Sequence[object]]) -> list[Named]:
    """The rows of ``names_query`` as entities with their names, by IRI."""
    found: dict[str, tuple[str, str, dict[str, None]]] = {}
    for entity, kind, label, name in sorted(rows, key=_row_key):
        iri = str(entity)
        if iri not in found:
            found[iri] = (str(kind), str(label), {})
        found[iri][2].setdefault(str(name))
    return [
        Named(iri, kind, label, tuple(names))
        for iri, (kind, label, names) in sorted(found.items())
    ]


def _row_key(row: Sequence[object]) -> tuple[str, ...]:
    return tuple(str(term) for term in row)


def find_named(name: str, entities: Iterable[Named]) -> list[Named]:
    """The entities whose IRI, label, alias, pinyin or code is ``name``
    (ignoring case and spaces)."""
    wanted = normalise(name)
    return [
        entity
        for entity in entities
        if entity.iri == name or wanted in {normalise(n) for n in entity.names}
    ]


def suggest(
    name: str, entities: Iterable[Named], *, limit: int = MAX_SUGGESTIONS
) -> list[Named]:
    """The entities whose names come nearest ``name``, best first (ties by
    shorter label, then label); none scoring under ``MIN_SCORE``."""
    wanted = normalise(name)
    if not wanted:
        return []
    spelled = _pinyin(wanted)
    scored = []
    for entity in entities:
        score = max(_score(wanted, spelled, normalise(n)) for n in entity.names)
        if score >= MIN_SCORE:
            scored.append((-score, len(entity.label), entity.label, entity.iri, entity))
    scored.sort(key=lambda item: item[:4])
    best = -scored[0][0] if scored else 0.0
    return [item[4] for item in scored[:limit] if -item[0] >= best - CLOSE_TO_BEST]


def _score(wanted: str, spelled: str, other: str) -> float:
    from rapidfuzz import fuzz

    if not other:
        return 0.0
    best = fuzz.ratio(wanted, other)
    if len(wanted) >= 2 and wanted in other:  # a short form: 苏州 for 苏州市
        best = max(best, 70.0 + 30.0 * len(wanted) / len(other))
    elif len(other) >= 0.6 * len(wanted) and other in wanted:  # 苏州市区 for 苏州市
        best = max(best, 70.0 + 30.0 * len(other) / len(wanted))
    sound = fuzz.ratio(spelled, _pinyin(other))
    if sound >= MIN_SOUND:
        best = max(best, sound - 5.0)
    return best


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> str:
    """Toneless pinyin without spaces (ASCII text is kept as it is)."""
    if text.isascii():
        return text
    return "".join(to_pinyin(text).split()).lower()


def did_you_mean(name: str, entities: Iterable[Named], *, kind: str = "") -> str:
    """``no district named '苏州'; did you mean 苏州市?`` — the message for a
    miss, naming the kind when one was wanted."""
    what = KIND_NAMES.get(kind, "entity")
    close = suggest(name, entities)
    message = f"no {what} named {name!r}"
    if close:
        message += "; did you mean " + "、".join(e.label for e in close) + "?"
    return message
