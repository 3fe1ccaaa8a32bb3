"""A contract graph seen as a network: typed nodes, labelled edges, tooltips.

``build_view`` reads an rdflib graph that follows ``CONTRACT.md`` and returns
plain, sorted values (no rdflib, no HTML) for ``kg/html.py`` to draw.  The
tooltips are plain text; escaping them is the page's job.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import FOAF
from rdflib.term import Node

from kg.namespaces import KGO, ORG, PROV, SCHEMA

MAX_EVIDENCE = 3
MAX_SOURCES = 5
MAX_SENTENCE = 160


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
        (KGO.Province, KGO.City, KGO.County, KGO.Town, KGO.DevelopmentZone),
    ),
    Kind(
        "Initiative",
        "倡议",
        "#f28e2b",
        KGO.Initiative,
        (KGO.Policy, KGO.Programme, KGO.Alliance, KGO.Campaign, KGO.Mechanism),
    ),
)

# Edge predicates other than posts, with the label drawn on the edge.
EDGE_LABELS: dict[URIRef, str] = {
    KGO.locatedIn: "位于",
    SCHEMA.containedInPlace: "属于",
    KGO.launchedBy: "发起",
    SCHEMA.author: "作者",
    SCHEMA.mentions: "提及",
}
POST = "post"


@dataclass(frozen=True)
class NodeView:
    """One node: IRI, label, kind key, plain-text tooltip and degree."""

    id: str
    label: str
    kind: str
    title: str
    degree: int


@dataclass(frozen=True)
class EdgeView:
    """One directed edge with its label and plain-text tooltip."""

    source: str
    target: str
    label: str
    title: str


@dataclass(frozen=True)
class NetView:
    """The whole network, nodes sorted by IRI, edges by (source, target, label)."""

    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]


@dataclass
class _Trace:
    """Evidence sentences and source IRIs gathered for one node or edge."""

    sentences: set[str] = field(default_factory=set)
    sources: set[Node] = field(default_factory=set)

    def add(self, sentences: Iterable[str], sources: Iterable[Node]) -> None:
        self.sentences.update(sentences)
        self.sources.update(sources)


@dataclass
class _Post:
    """A person's roles at one organisation (or none), gathered over memberships."""

    roles: set[str] = field(default_factory=set)
    trace: _Trace = field(default_factory=_Trace)


def build_view(
    graph: Graph, *, articles: bool = True, mentions: bool = False
) -> NetView:
    """Turn a contract graph into sorted nodes and edges with tooltips.

    ``articles`` keeps schema:NewsArticle nodes (and their author edges);
    ``mentions`` also draws schema:mentions edges, off by default as there are
    many.  Mentions always feed the "source articles" of a tooltip.
    """
    kinds = _node_kinds(graph, articles=articles)
    posts = _posts(graph)
    traces = _traces(graph, posts)
    raw_edges = _raw_edges(graph, kinds, posts, mentions=mentions)
    post_lines = _post_lines(graph, posts)
    degree: dict[Node, int] = defaultdict(int)
    for source, _, target, _ in raw_edges:
        degree[source] += 1
        degree[target] += 1
    nodes = tuple(
        _node_view(graph, node, kind, post_lines.get(node, []), traces, degree[node])
        for node, kind in sorted(kinds.items(), key=lambda item: str(item[0]))
    )
    edges = tuple(
        sorted(
            (_edge_view(graph, edge, traces) for edge in raw_edges),
            key=lambda e: (e.source, e.target, e.label),
        )
    )
    return NetView(nodes, edges)


def _node_kinds(graph: Graph, *, articles: bool) -> dict[Node, Kind]:
    kinds: dict[Node, Kind] = {}
    for kind in KINDS:
        if kind.key == "Article" and not articles:
            continue
        for rdf_type in (kind.base, *kind.finer):
            for node in graph.subjects(RDF.type, rdf_type):
                kinds.setdefault(node, kind)  # KINDS order breaks ties
    return kinds


def _posts(graph: Graph) -> dict[tuple[Node, Node | None], _Post]:
    """Memberships grouped by (person, organisation); org None for job titles."""
    posts: dict[tuple[Node, Node | None], _Post] = defaultdict(_Post)
    for membership in graph.subjects(RDF.type, ORG.Membership):
        person = graph.value(membership, ORG.member)
        if person is None:
            continue
        post = posts[(person, graph.value(membership, ORG.organization))]
        for role in graph.objects(membership, ORG.role):
            post.roles.add(label_of(graph, role))
        post.trace.add(_texts(graph, membership), _derived(graph, membership))
    for person, title in graph.subject_objects(SCHEMA.jobTitle):
        posts[(person, None)].roles.add(str(title))
    return posts


def _traces(
    graph: Graph, posts: dict[tuple[Node, Node | None], _Post]
) -> dict[object, _Trace]:
    """Evidence per node IRI and per edge key (source, predicate, target)."""
    traces: dict[object, _Trace] = defaultdict(_Trace)
    for (person, org), post in posts.items():
        keys: tuple[object, ...] = (person, org, (person, POST, org))
        for key in keys:
            if key is not None:
                traces[key].add(post.trace.sentences, post.trace.sources)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        subject = graph.value(statement, RDF.subject)
        predicate = graph.value(statement, RDF.predicate)
        obj = graph.value(statement, RDF.object)
        texts, sources = _texts(graph, statement), _derived(graph, statement)
        keys = (subject, obj, (subject, predicate, obj))
        for key in keys:
            if key is not None:
                traces[key].add(texts, sources)
    for article, entity in graph.subject_objects(SCHEMA.mentions):
        traces[entity].sources.add(article)
    return traces


RawEdge = tuple[Node, object, Node, str]


def _raw_edges(
    graph: Graph,
    kinds: dict[Node, Kind],
    posts: dict[tuple[Node, Node | None], _Post],
    *,
    mentions: bool,
) -> list[RawEdge]:
    """(source, predicate or POST, target, label) for edges between nodes."""
    edges: list[RawEdge] = []
    for (person, org), post in posts.items():
        if org in kinds and person in kinds:
            edges.append((person, POST, org, _join_roles(post)))
    for predicate, label in EDGE_LABELS.items():
        if predicate == SCHEMA.mentions and not mentions:
            continue
        for source, target in graph.subject_objects(predicate):
            if source in kinds and target in kinds:
                edges.append((source, predicate, target, label))
    return edges


def _join_roles(post: _Post) -> str:
    """Roles joined by "、", in the order they appear in the evidence."""
    text = "\n".join(sorted(post.trace.sentences))

    def position(role: str) -> tuple[int, str]:
        found = text.find(role)
        return (found if found >= 0 else len(text), role)

    return "、".join(sorted(post.roles, key=position))


def _node_view(
    graph: Graph,
    node: Node,
    kind: Kind,
    post_lines: list[str],
    traces: dict[object, _Trace],
    degree: int,
) -> NodeView:
    label = label_of(graph, node)
    lines = [label, f"类型：{kind.name_zh} {kind.key}{_finer(graph, node, kind)}"]
    lines += post_lines
    lines += _trace_lines(graph, traces.get(node))
    return NodeView(str(node), label, kind.key, "\n".join(lines), degree)


def _edge_view(graph: Graph, edge: RawEdge, traces: dict[object, _Trace]) -> EdgeView:
    source, predicate, target, label = edge
    heading = f"{label_of(graph, source)} —{label}→ {label_of(graph, target)}"
    lines = [heading, *_trace_lines(graph, traces.get((source, predicate, target)))]
    return EdgeView(str(source), str(target), label, "\n".join(lines))


def _finer(graph: Graph, node: Node, kind: Kind) -> str:
    names = sorted(_local_name(t) for t in graph.objects(node, RDF.type))
    finer = [n for n in names if n in {_local_name(t) for t in kind.finer}]
    return f"（{', '.join(finer)}）" if finer else ""


def _post_lines(
    graph: Graph, posts: dict[tuple[Node, Node | None], _Post]
) -> dict[Node, list[str]]:
    """Per person, the tooltip lines "职务：" then "· roles @ organisation"."""
    lines: dict[Node, list[str]] = defaultdict(list)
    for (person, org), post in posts.items():
        where = f" @ {label_of(graph, org)}" if org is not None else ""
        lines[person].append(f"· {_join_roles(post)}{where}")
    return {person: ["职务：", *sorted(found)] for person, found in lines.items()}


def _trace_lines(graph: Graph, trace: _Trace | None) -> list[str]:
    if trace is None:
        return []
    lines: list[str] = []
    sentences = sorted(trace.sentences)
    if sentences:
        lines.append(f"证据（{len(sentences)} 句）：")
        lines += [f"· {_clip(s)}" for s in sentences[:MAX_EVIDENCE]]
    sources = sorted({label_of(graph, s) for s in trace.sources})
    if sources:
        lines.append(f"来源（{len(sources)} 篇）：")
        lines += [f"· {_clip(s)}" for s in sources[:MAX_SOURCES]]
    return lines


def label_of(graph: Graph, node: Node) -> str:
    """Headline, Chinese prefLabel, any prefLabel, rdfs:label, else IRI tail."""
    for predicate in (SCHEMA.headline, SKOS.prefLabel, RDFS.label):
        literals = sorted(
            (o for o in graph.objects(node, predicate) if isinstance(o, Literal)),
            key=lambda lit: (lit.language != "zh", str(lit)),
        )
        if literals:
            return str(literals[0])
    return _local_name(node)


def _texts(graph: Graph, node: Node) -> list[str]:
    return [" ".join(str(t).split()) for t in graph.objects(node, KGO.evidenceText)]


def _derived(graph: Graph, node: Node) -> list[Node]:
    return list(graph.objects(node, PROV.wasDerivedFrom))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SENTENCE else text[: MAX_SENTENCE - 1] + "…"


def _local_name(node: Node) -> str:
    text = str(node).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text
