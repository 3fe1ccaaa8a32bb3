"""Person identity on article facts: records in, person nodes out.

:func:`records_of` reads one article's facts into
:class:`~kg.resolve.identity.PersonMention` records (the evidence identity
needs: posts and the places of their bodies, the article's places, date,
co-mentioned people, organisations named).  :func:`assign` clusters the
records (:func:`~kg.resolve.identity.cluster_people`) and gives every
mention the IRI of its person: a person who keeps their identity keeps the
IRI they had (``previous``), a new person gets one minted from the name and
the first evidence, ``Person:<name>@<anchor>``.  :func:`naming_of` turns an
assignment into an article's naming for :func:`kg.graph.triples.article_quads`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.companies import without_legal_form
from kg.extract.gazetteer import Gazetteer, GazetteerError
from kg.extract.lexicon import LEGAL_FORMS
from kg.model import ArticleFacts, Kind, RelKind
from kg.resolve.identity import (
    Overrides,
    PersonCluster,
    PersonMention,
    PlaceTest,
    cluster_people,
    keep_identities,
)

PERSON_PREFIX = f"{Kind.PERSON.value}:"
BYLINE = "byline"
"""Pseudo-organisation of a byline: the article's outlet, when it has one."""
_LOCAL_LEVELS = frozenset({"City", "County", "Town", "DevelopmentZone"})
_NOT_OF_A_PLACE = frozenset({"Company", "Media", "School"})
"""Organisations that stand in a place without being its bodies: a post in
one does not tie a person to the place's other bodies."""

Mint = Callable[[str, str], str]
"""Entity key and name → IRI."""
MentionKey = tuple[str, str]
"""(article id, name)."""


def person_key(name: str, anchor: str) -> str:
    return f"{PERSON_PREFIX}{name}@{anchor}"


def records_of(facts: ArticleFacts) -> list[PersonMention]:
    """The person records of one article's facts."""
    gaz = Gazetteer.default()
    entities = {e.key: e for e in facts.entities}
    people = sorted({e.name for e in facts.entities if e.kind is Kind.PERSON})
    mentioned = set(facts.mentions)
    places = frozenset(
        e.place
        for e in facts.entities
        if e.kind is Kind.DISTRICT
        and e.key in mentioned
        and e.place
        and _local(gaz, e.place)
    )
    org_place: dict[str, str] = {}
    for rel in facts.relations:
        if rel.kind is RelKind.LOCATED_IN and rel.object in entities:
            where = entities[rel.object].place
            if where and rel.subject in entities:
                org_place.setdefault(entities[rel.subject].name, where)
    orgs: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[str]] = defaultdict(set)
    for rel in facts.relations:
        if rel.kind is RelKind.POST and rel.subject in entities:
            person = entities[rel.subject].name
            if rel.object in entities:
                orgs[person].add(entities[rel.object].name)
            roles[person].update(rel.roles)
        elif rel.kind is RelKind.AUTHOR and rel.object in entities:
            author = entities[rel.object].name
            if not orgs[author]:
                orgs[author].add(f"{BYLINE}:{facts.article.source or ''}")
    public = {
        e.name
        for e in facts.entities
        if e.kind is Kind.ORGANIZATION and e.subtype not in _NOT_OF_A_PLACE
    }
    context = frozenset(
        e.name
        for e in facts.entities
        if e.kind is Kind.ORGANIZATION and e.key in mentioned
    )
    meta = facts.article
    return [
        PersonMention(
            doc=meta.id,
            name=person,
            date=meta.date or "",
            orgs=frozenset(orgs[person]),
            org_places=frozenset(
                where
                for org in orgs[person]
                if org in public
                and (where := org_place.get(org))
                and _local(gaz, where)
            ),
            seats=frozenset(
                where
                for org in orgs[person]
                if (where := org_place.get(org)) and _local(gaz, where)
            ),
            roles=frozenset(roles[person]),
            places=places,
            companions=frozenset(p for p in people if p != person),
            context=context,
        )
        for person in people
    ]


@dataclass(frozen=True)
class Assignment:
    """The person node of every mention, and the clusters behind them."""

    nodes: Mapping[MentionKey, str]
    clusters: tuple[tuple[PersonCluster, str], ...]
    """Each person and the IRI of their node."""


def assign(
    records: Iterable[PersonMention],
    *,
    mint: Mint,
    previous: Mapping[MentionKey, str] | None = None,
    overrides: Overrides | None = None,
) -> Assignment:
    """Cluster ``records`` and name each person: the node most of their
    mentions had before (``previous``), else ``mint(key, name)`` of
    ``Person:<name>@<anchor>`` (with the first article added when another
    person of the name already holds that IRI)."""
    clusters = cluster_people(
        records, within=_within_test(), core_of=company_core, overrides=overrides
    )
    kept = keep_identities(clusters, previous or {})
    taken = set(kept.values())
    named: list[tuple[PersonCluster, str]] = []
    for index, cluster in enumerate(clusters):
        iri = kept.get(index)
        if iri is None:
            iri = mint(person_key(cluster.name, cluster.anchor), cluster.name)
            if iri in taken:
                anchor = f"{cluster.anchor}#{cluster.mentions[0].doc}"
                iri = mint(person_key(cluster.name, anchor), cluster.name)
        taken.add(iri)
        named.append((cluster, iri))
    nodes = {m.key: iri for cluster, iri in named for m in cluster.mentions}
    return Assignment(nodes, tuple(named))


def naming_of(
    facts: ArticleFacts, base: Mapping[str, str], nodes: Mapping[MentionKey, str]
) -> dict[str, str]:
    """An article's naming: ``base`` (entity key → IRI) with each person
    entity named by its node in ``nodes``."""
    naming = dict(base)
    doc = facts.article.id
    for entity in facts.entities:
        if entity.kind is Kind.PERSON:
            node = nodes.get((doc, entity.name))
            if node is not None:
                naming[entity.key] = node
    return naming


def without_people(facts: ArticleFacts, names: frozenset[str]) -> ArticleFacts:
    """The facts less the persons an analyst said are no person, and every
    relation and mention of them."""
    if not names:
        return facts
    gone = {e.key for e in facts.entities if e.kind is Kind.PERSON and e.name in names}
    if not gone:
        return facts
    return replace(
        facts,
        entities=tuple(e for e in facts.entities if e.key not in gone),
        relations=tuple(
            r for r in facts.relations if r.subject not in gone and r.object not in gone
        ),
        mentions=tuple(k for k in facts.mentions if k not in gone),
    )


def _local(gaz: Gazetteer, place_id: str) -> bool:
    try:
        return gaz.get(place_id).level in _LOCAL_LEVELS
    except GazetteerError:  # an id the gazetteer no longer holds
        return False


@lru_cache(maxsize=1)
def _within_test() -> PlaceTest:
    gaz = Gazetteer.default()

    @lru_cache(maxsize=65536)
    def within(a: str, b: str) -> bool:
        try:
            return any(p.id == b for p in gaz.chain(gaz.get(a)))
        except GazetteerError:
            return False

    return within


_TRADES = tuple(
    sorted(
        (
            "建工 建设 路桥 工程 科技 实业 控股 投资 发展 贸易 物流 供应链管理 食品 "
            "机械 重工 精密机械 电子 化工 能源 材料 新材料 医药 纺织 服饰"
        ).split(),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=65536)
def company_core(name: str) -> str:
    """The brand of a company name: no place, no legal form, no trade word
    (瀚岳 for 山东瀚岳建工集团有限公司 and 潍坊瀚岳路桥工程有限公司); "" for
    anything not a company."""
    if not name.endswith(LEGAL_FORMS):
        return ""
    gaz = Gazetteer.default()
    name = without_legal_form(name)
    for cut in range(min(len(name) - 2, 8), 1, -1):
        if gaz.lookup(name[:cut]):
            name = name[cut:]
            break
    changed = True
    while changed:
        changed = False
        for trade in _TRADES:
            if name.endswith(trade) and len(name) > len(trade) + 1:
                name = name[: -len(trade)]
                changed = True
    return name
