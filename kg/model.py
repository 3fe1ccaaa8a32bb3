"""The pure data model: documents, mentions, entities and relations.

Extractors return these frozen values, with character offsets into
``Document.text``; only :mod:`kg.graph.triples` turns them into triples.  This module
imports neither rdflib nor click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The four kinds of entity the graph holds (gold/GUIDELINES.md)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    DISTRICT = "District"
    INITIATIVE = "Initiative"


class RelKind(StrEnum):
    """The relation types of the graph contract (mentions aside)."""

    POST = "post"
    LOCATED_IN = "locatedIn"
    PART_OF = "partOf"
    LAUNCHED_BY = "launchedBy"
    AUTHOR = "author"
    RENAMED = "renamedTo"
    """An organisation that the text says took a new name: old → new."""


class Change(StrEnum):
    """What the text says happened to a post (CONTRACT.md, "Time").

    ``BEGAN``: the post was conferred here (任命, 当选, 聘任, 新任, 增补).
    ``ENDED``: the person no longer holds it (免去, 辞去, 不再担任, 原…, 曾任).
    A post with no change is simply held, as far as the article says.
    """

    BEGAN = "began"
    ENDED = "ended"


@dataclass(frozen=True)
class Span:
    """A stretch ``[start, end)`` of a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True)
class Document:
    """One article.

    ``text`` is the Simplified, layout-repaired text that extractors read;
    ``original`` is the same text in the characters the source used.  The two
    always have the same length, so an offset into one is an offset into the
    other and evidence can quote the original.
    """

    id: str
    text: str
    original: str
    path: str = ""
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    body_start: int = 0
    """Offset where the body begins; the headline lines come before it."""
    byline: Span | None = None
    """Where the byline that gave ``authors`` stands in ``text``, if any."""

    def __post_init__(self) -> None:
        if len(self.text) != len(self.original):
            raise ValueError(
                f"document {self.id}: text and original differ in length "
                f"({len(self.text)} != {len(self.original)})"
            )


@dataclass(frozen=True)
class Mention:
    """A surface form of an entity in one document.

    ``name`` is the canonical name the extractor resolved the surface to
    (``滨湖区总工会`` for ``区总工会`` in a paragraph about 滨湖区); ``text``
    is the surface as written (Simplified).
    """

    kind: Kind
    start: int
    end: int
    text: str
    name: str
    subtype: str | None = None
    code: str | None = None
    """For a district: the gazetteer id of the place (its GB/T 2260 code
    where it has one)."""
    place: str | None = None
    """For an organisation: the gazetteer id of the place its name is
    anchored in (江阴市 for 江阴市总工会), if any."""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the article and the sentence."""

    doc_id: str
    sentence: str
    start: int = 0
    end: int = 0


GAZETTEER = "gazetteer"
"""``Relation.source`` of facts that come from the gazetteer, not the text."""


@dataclass(frozen=True)
class Relation:
    """A fact between two entities, named by their entity keys.

    ``post``: subject is the person, object the organisation (or ``None`` for a
    bare title such as 总书记), ``roles`` the bare titles; ``change`` says
    whether the text tells that the post began or ended, and ``date`` when, if
    the text says (ISO: ``2024-03-26``, ``2024-03`` or ``2024``; ``None``: the
    article's own date is the best estimate).  ``author``: subject is the
    article id, object the person.  ``partOf`` facts from the gazetteer have
    ``source == GAZETTEER`` and no evidence.
    """

    kind: RelKind
    subject: str
    object: str | None
    roles: tuple[str, ...] = ()
    evidence: Evidence | None = None
    source: str = "text"
    change: Change | None = None
    date: str | None = None


def entity_key(kind: Kind, name: str, code: str | None = None) -> str:
    """The identity of an entity: kind and canonical name, or district code."""
    if kind is Kind.DISTRICT and code:
        return KEY_PREFIX[kind] + code
    return KEY_PREFIX[kind] + name


KEY_PREFIX: dict[Kind, str] = {kind: f"{kind.value}:" for kind in Kind}
"""What each kind's entity keys start with (looked up: reading an enum
member's value is slow, and a key is made for every mention)."""


@dataclass(frozen=True)
class Entity:
    """One thing in the graph, whatever forms it takes in the text."""

    key: str
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    subtype: str | None = None
    code: str | None = None
    level: str | None = None
    place: str | None = None
    """For a district: its gazetteer id; ``None`` when the text named a place
    the gazetteer holds several of and the context could not tell which."""
    former_names: tuple[str, ...] = ()
    """For a district: names it had before a change of division (崇安区)."""
    reasons: tuple[str, ...] = ()
    """For a person: why its mentions are one person, or why it is kept apart
    from others of the same name (kg/resolve/identity.py)."""

    @property
    def undecided(self) -> bool:
        """A district the text named but the context could not place (a
        community or village is in no gazetteer: it is not undecided)."""
        return (
            self.kind is Kind.DISTRICT
            and self.place is None
            and self.subtype not in LOCAL_AREAS
        )


LOCAL_AREAS = ("Community", "Village")
"""Districts below the township that no gazetteer lists (kg/extract/communities.py)."""


@dataclass(frozen=True)
class ArticleMeta:
    """What the graph says of an article itself: no text."""

    id: str
    path: str = ""
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """What one article contributes to the graph, after its page's resolution.

    ``entities`` are every entity its graph names (those it mentions, the
    ends of its relations and the gazetteer parents of its districts);
    ``relations`` the facts read from it, plus the gazetteer ``partOf`` chain
    of its districts; ``mentions`` the keys of the entities it mentions.  No
    text is kept but the evidence sentences, so the article's graph can be
    derived again (:func:`kg.graph.triples.article_quads`) without reading or
    extracting the article again.
    """

    article: ArticleMeta
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from a set of documents, ready to become triples."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    mentions: tuple[tuple[str, str], ...] = field(default=())
    """(document id, entity key) pairs: which article mentions what."""
