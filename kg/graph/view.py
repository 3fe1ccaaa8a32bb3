"""Which part of a contract graph to draw, and how it hangs together.

The kinds of node and edge the page draws; the cheap structural passes over
an rdflib graph (``node_kinds``, ``network_edges``, ``district_index``); and
the selections ``kg view`` makes: one entity's neighbourhood
(``ego_nodes``), a district with everything that lies in it
(``district_nodes``) and, when a graph is too big to draw, its most central
nodes (``central_nodes``).  Nothing here builds text for the page.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import FOAF
from rdflib.term import Node

from kg.errors import GraphError
from kg.graph.names import Named, suggest
from kg.graph.namespaces import KGO, ORG, SCHEMA

PAGERANK_DAMPING = 0.85
PAGERANK_ITERATIONS = 40


@dataclass(frozen=True)
class Kind:
    """A kind of node: its key (the vis group), names and colour."""

    key: str
    name_zh: str
    color: str
    base: URIRef
    finer: tuple[URIRef, ...] = ()


KINDS: tuple[Kind, ...] = (
    Kind("Article", "文章", "#9e9e9e", SCHEMA.NewsArticle),
    Kind("Person", "人物", "#e15759", SCHEMA.Person, (FOAF.Person,)),
    Kind(
        "Organization",
        "组织",
        "#4e79a7",
        ORG.Organization,
        (
            KGO.TradeUnion,
            KGO.Company,
            KGO.GovernmentBody,
            KGO.PartyOrganization,
            KGO.Media,
            KGO.School,
            KGO.Department,
        ),
    ),
    Kind(
        "District",
        "行政区",
        "#59a14f",
        SCHEMA.AdministrativeArea,
        (
            KGO.Province,
            KGO.City,
            KGO.County,
            KGO.Town,
            KGO.Community,
            KGO.Village,
            KGO.DevelopmentZone,
        ),
    ),
    Kind(
        "Initiative",
        "倡议",
        "#f28e2b",
        KGO.Initiative,
        (KGO.Policy, KGO.Programme, KGO.Alliance, KGO.Campaign, KGO.Mechanism),
    ),
)


@dataclass(frozen=True)
class Relation:
    """A kind of edge: its key, the label drawn on it and its colour."""

    key: str
    name_zh: str
    color: str


POST = "post"
RELATIONS: tuple[Relation, ...] = (
    Relation(POST, "任职", "#c44e52"),
    Relation("locatedIn", "位于", "#59a14f"),
    Relation("partOf", "属于", "#8cb369"),
    Relation("launchedBy", "发起", "#f28e2b"),
    Relation("author", "作者", "#7f7f7f"),
    Relation("renamedTo", "更名为", "#9c755f"),
    Relation("mentions", "提及", "#c7c7c7"),
)
# Predicates drawn as edges (posts come from org:memberOf and memberships);
# the one list the page, the analytics, the tables and time slices read.
EDGE_PREDICATES: dict[URIRef, str] = {
    KGO.locatedIn: "locatedIn",
    SCHEMA.containedInPlace: "partOf",
    KGO.launchedBy: "launchedBy",
    SCHEMA.author: "author",
    KGO.renamedTo: "renamedTo",
    SCHEMA.mentions: "mentions",
}
BEYOND_CONTRACT = frozenset({"renamedTo"})
"""Relations the graph contract does not name: counted only when present."""
FACT_PREDICATES = {p: key for p, key in EDGE_PREDICATES.items() if key != "mentions"}
"""The edges that are facts read from text (each with its sentence)."""
RELATION_NAMES = {r.key: r.name_zh for r in RELATIONS}


def node_kinds(graph: Graph, *, articles: bool = True) -> dict[Node, Kind]:
    """Every node with a type of ``KINDS``, with its kind."""
    kinds: dict[Node, Kind] = {}
    for kind in KINDS:
        if kind.key == "Article" and not articles:
            continue
        for rdf_type in (kind.base, *kind.finer):
            for node in graph.subjects(RDF.type, rdf_type):
                kinds.setdefault(node, kind)  # KINDS order breaks ties
    return kinds


def grouped(graph: Graph, predicate: URIRef) -> dict[Node, list[Node]]:
    """Subject → its objects for ``predicate``, sorted, in one pass."""
    found: dict[Node, list[Node]] = defaultdict(list)
    for subject, obj in graph.subject_objects(predicate):
        found[subject].append(obj)
    return {subject: sorted(objs, key=str) for subject, objs in found.items()}


def network_edges(
    graph: Graph, kinds: Collection[Node], *, mentions: bool = False
) -> list[RawEdge]:
    """(source, relation key, target) for each edge between ``kinds``, sorted."""
    found: set[RawEdge] = set()
    for person, org in graph.subject_objects(ORG.memberOf):
        found.add((person, POST, org))
    bodies = grouped(graph, ORG.organization)
    for membership, members in grouped(graph, ORG.member).items():
        for member in members:
            found.update((member, POST, body) for body in bodies.get(membership, ()))
    for predicate, key in EDGE_PREDICATES.items():
        if key == "mentions" and not mentions:
            continue
        for source, target in graph.subject_objects(predicate):
            found.add((source, key, target))
    edges = [e for e in found if e[0] in kinds and e[2] in kinds]
    return sorted(edges, key=lambda e: (str(e[0]), e[1], str(e[2])))


def district_index(
    graph: Graph, kinds: Mapping[Node, Kind]
) -> dict[Node, tuple[Node, ...]]:
    """The districts each node lies in, innermost first, its own included.

    A district lies in itself and its schema:containedInPlace ancestors; an
    organisation in those of its kgo:locatedIn districts; a person in those
    of the organisations it is a member of; an initiative in those of its
    launchers; an article in those of the entities it mentions.
    """
    parents = grouped(graph, SCHEMA.containedInPlace)
    index: dict[Node, list[Node]] = {}
    for node, kind in kinds.items():
        if kind.key == "District":
            index[node] = _ancestry(node, parents, kinds)
    steps = (
        ("Organization", KGO.locatedIn),
        ("Person", ORG.memberOf),
        ("Initiative", KGO.launchedBy),
        ("Article", SCHEMA.mentions),
    )
    for key, predicate in steps:
        targets = grouped(graph, predicate)
        for node in (n for n, k in kinds.items() if k.key == key):
            places = [p for t in targets.get(node, ()) for p in index.get(t, ())]
            index[node] = list(dict.fromkeys(places))
    return {node: tuple(places) for node, places in index.items() if places}


def _ancestry(
    district: Node, parents: Mapping[Node, list[Node]], kinds: Mapping[Node, Kind]
) -> list[Node]:
    """The district, its parent, the parent's parent … (first parent by IRI)."""
    chain = [district]
    while True:
        above = [p for p in parents.get(chain[-1], ()) if p in kinds and p not in chain]
        if not above:
            return chain
        chain.append(above[0])


RawEdge = tuple[Node, str, Node]


def normalise(text: str) -> str:
    """Lower case without white space: how names are compared in search."""
    return "".join(text.lower().split())


def find_entity(
    graph: Graph,
    name: str,
    *,
    kinds: Mapping[Node, Kind] | None = None,
    source: str = "the graph",
) -> Node:
    """The one entity of ``kinds`` whose IRI, label or alias is ``name``.

    Names are compared whole, ignoring case and spaces, so pinyin works with
    or without them.  Raises GraphError naming ``source`` with suggestions
    when no entity or more than one has that name.
    """
    kinds = node_kinds(graph) if kinds is None else kinds
    wanted = normalise(name)
    found = sorted(
        (
            node
            for node in kinds
            if str(node) == name
            or wanted in {normalise(n) for n in _names(graph, node)}
        ),
        key=str,
    )
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{node} ({kinds[node].key})" for node in found)
        raise GraphError(
            f"{source}: {name!r} names {len(found)} entities: {listed}; "
            "pass one of these IRIs instead"
        )
    raise GraphError(
        f"{source}: no entity named {name!r}{_suggest(graph, name, kinds)}"
    )


def _suggest(graph: Graph, name: str, kinds: Mapping[Node, Kind]) -> str:
    """Near names (edit distance, pinyin, short forms: ``kg.graph.names``)."""
    entities = [
        Named(str(node), kind.key, label_of(graph, node), tuple(_names(graph, node)))
        for node, kind in sorted(kinds.items(), key=lambda item: str(item[0]))
    ]
    close = [entity.label for entity in suggest(name, entities)]
    hint = "give a whole name in Chinese or pinyin, or an entity's IRI"
    return f"; did you mean {'、'.join(close)}? ({hint})" if close else f"; {hint}"


def _names(graph: Graph, node: Node) -> list[str]:
    predicates = (SKOS.prefLabel, SKOS.altLabel, RDFS.label, SCHEMA.headline)
    return [
        str(obj)
        for predicate in predicates
        for obj in graph.objects(node, predicate)
        if isinstance(obj, Literal)
    ]


def ego_nodes(
    graph: Graph,
    focus: Node,
    depth: int,
    *,
    articles: bool = True,
    mentions: bool = False,
) -> dict[Node, int]:
    """Each node within ``depth`` edges of ``focus`` (either direction), with
    its distance; edges are those the page draws."""
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    kinds = node_kinds(graph, articles=articles)
    neighbours: dict[Node, set[Node]] = defaultdict(set)
    for source, _, target in network_edges(graph, kinds, mentions=mentions):
        neighbours[source].add(target)
        neighbours[target].add(source)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        if distance[node] == depth:
            continue
        for other in sorted(neighbours[node], key=str):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


def district_nodes(graph: Graph, district: Node, *, articles: bool = True) -> set[Node]:
    """The district, its sub-districts and every node that lies in them."""
    index = district_index(graph, node_kinds(graph))
    kinds = node_kinds(graph, articles=articles)
    return {node for node in kinds if district in index.get(node, ())}


N = TypeVar("N", bound=Hashable)
"""A node: an rdflib term, or an IRI's text (the page of a store)."""


def central_nodes(
    edges: Iterable[tuple[N, N]],
    kinds: Mapping[N, Kind],
    limit: int,
    *,
    distance: Mapping[N, int] | None = None,
) -> set[N]:
    """The ``limit`` most central nodes of ``kinds``: most edges first (nearer
    ``distance`` first, when given), then IRI order.  Each kind keeps its
    best few so the overview still shows every kind of node."""
    degree: dict[N, int] = defaultdict(int)
    for source, target in edges:
        degree[source] += 1
        degree[target] += 1
    near = distance or {}
    ranked = sorted(kinds, key=lambda n: (near.get(n, 0), -degree[n], str(n)))
    quota = limit // (2 * len(KINDS))
    chosen: set[N] = set()
    for kind in KINDS:
        chosen.update([n for n in ranked if kinds[n] is kind][:quota])
    for node in ranked:
        if len(chosen) >= limit:
            break
        chosen.add(node)
    return chosen


def pagerank(
    nodes: Iterable[str], edges: Iterable[tuple[str, str]]
) -> dict[str, float]:
    """PageRank over undirected ``edges``, scaled so the mean node has 1.0."""
    order = sorted(set(nodes))
    neighbours: dict[str, list[str]] = {node: [] for node in order}
    for source, target in edges:
        if source in neighbours and target in neighbours and source != target:
            neighbours[source].append(target)
            neighbours[target].append(source)
    count = len(order) or 1
    rank = dict.fromkeys(order, 1.0 / count)
    for _ in range(PAGERANK_ITERATIONS):
        dangling = sum(rank[n] for n in order if not neighbours[n])
        base = (1 - PAGERANK_DAMPING + PAGERANK_DAMPING * dangling) / count
        incoming = dict.fromkeys(order, 0.0)
        for node in order:
            share = rank[node] / len(neighbours[node]) if neighbours[node] else 0.0
            for other in neighbours[node]:
                incoming[other] += share
        rank = {n: base + PAGERANK_DAMPING * incoming[n] for n in order}
    return {node: round(value * count, 4) for node, value in rank.items()}


def label_of(graph: Graph, node: Node) -> str:
    """Headline, Chinese prefLabel, any prefLabel, rdfs:label, else IRI tail."""
    for predicate in (SCHEMA.headline, SKOS.prefLabel, RDFS.label):
        literals = sorted(
            (o for o in graph.objects(node, predicate) if isinstance(o, Literal)),
            key=lambda lit: (lit.language != "zh", str(lit)),
        )
        if literals:
            return str(literals[0])
    return local_name(node)


def local_name(node: Node) -> str:
    text = str(node).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text
