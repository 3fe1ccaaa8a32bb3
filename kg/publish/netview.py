"""A contract graph seen as a network: typed nodes, labelled edges, tooltips.

``build_view`` reads an rdflib graph that follows ``CONTRACT.md`` and returns
plain, sorted values (no rdflib, no HTML) for ``kg/html.py`` to draw: each
node with its tooltip, search keys (aliases and pinyin) and the districts it
belongs to; each edge with its relation and label (a post's roles).  The
tooltips are plain text; escaping them is the page's job.

The kinds of node and edge and the graph's structure come from
``kg/view.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.graph.namespaces import KGO, ORG, PROV, SCHEMA
from kg.graph.view import (
    EDGE_PREDICATES,
    POST,
    RELATION_NAMES,
    Kind,
    RawEdge,
    district_index,
    grouped,
    label_of,
    local_name,
    network_edges,
    node_kinds,
    normalise,
)

MAX_EVIDENCE = 3
MAX_SOURCES = 5
MAX_SENTENCE = 160
PINYIN_LANG = "zh-latn-pinyin"


@dataclass(frozen=True)
class NodeView:
    """One node: IRI, label, kind key, plain-text tooltip and degree.

    ``keys`` are its other names normalised for search (lower case, no
    spaces; pinyin also as initials); ``districts`` the IRIs of the
    districts it lies in, its own included, from the innermost outwards.
    """

    id: str
    label: str
    kind: str
    title: str
    degree: int
    keys: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    """IRIs of the articles that mention it or state its facts, sorted."""


@dataclass(frozen=True)
class EdgeView:
    """One directed edge: its relation key, label and plain-text tooltip."""

    source: str
    target: str
    label: str
    title: str
    relation: str = ""
    sources: tuple[str, ...] = ()
    """IRIs of what the fact was derived from (articles, the gazetteer)."""


@dataclass(frozen=True)
class DistrictView:
    """A district that some node lies in, with its parent district's IRI."""

    id: str
    label: str
    parent: str | None


@dataclass(frozen=True)
class NetView:
    """The whole network, nodes sorted by IRI, edges by (source, target, label)."""

    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]
    districts: tuple[DistrictView, ...] = ()


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
    graph: Graph,
    *,
    articles: bool = True,
    mentions: bool = False,
    keep: Collection[Node] | None = None,
) -> NetView:
    """Turn a contract graph into sorted nodes and edges with tooltips.

    ``articles`` keeps schema:NewsArticle nodes (and their author edges);
    ``mentions`` also draws schema:mentions edges, off by default as there are
    many.  Mentions always feed the "source articles" of a tooltip.  ``keep``
    limits the view to those nodes (a node's degree still counts all its
    edges).
    """
    every_kind = node_kinds(graph)
    kinds = node_kinds(graph, articles=articles)
    all_edges = network_edges(graph, kinds, mentions=mentions)
    if keep is not None:
        kinds = {node: kind for node, kind in kinds.items() if node in keep}
    evidence = _Evidence(
        grouped(graph, KGO.evidenceText), grouped(graph, PROV.wasDerivedFrom)
    )
    posts = _posts(graph, kinds, evidence)
    context = _Context(
        post_lines=_post_lines(graph, posts, kinds),
        traces=_traces(graph, posts, kinds, evidence),
        degree=_degrees(all_edges),
        places=district_index(graph, every_kind),
    )
    nodes = tuple(
        _node_view(graph, node, kind, context)
        for node, kind in sorted(kinds.items(), key=lambda item: str(item[0]))
    )
    raw_edges = [e for e in all_edges if e[0] in kinds and e[2] in kinds]
    edges = tuple(
        sorted(
            (_edge_view(graph, edge, posts, context.traces) for edge in raw_edges),
            key=lambda e: (e.source, e.target, e.label),
        )
    )
    return NetView(nodes, edges, _district_views(graph, context.places, kinds))


@dataclass(frozen=True)
class _Evidence:
    """Evidence sentences and sources of every node that has them."""

    texts: dict[Node, list[Node]]
    sources: dict[Node, list[Node]]

    def of(self, node: Node) -> tuple[list[str], list[Node]]:
        texts = [" ".join(str(t).split()) for t in self.texts.get(node, ())]
        return texts, self.sources.get(node, [])


@dataclass(frozen=True)
class _Context:
    """What the node tooltips are made from, gathered once per graph."""

    post_lines: dict[Node, list[str]]
    traces: dict[object, _Trace]
    degree: dict[Node, int]
    places: dict[Node, tuple[Node, ...]]


def _degrees(edges: Iterable[RawEdge]) -> dict[Node, int]:
    degree: dict[Node, int] = defaultdict(int)
    for source, _, target in edges:
        degree[source] += 1
        degree[target] += 1
    return degree


def _district_views(
    graph: Graph, places: dict[Node, tuple[Node, ...]], drawn: Iterable[Node]
) -> tuple[DistrictView, ...]:
    """Every district some drawn node lies in, sorted by IRI."""
    used = sorted({place for node in drawn for place in places.get(node, ())}, key=str)
    views = []
    for place in used:
        chain = places.get(place, ())
        parent = str(chain[1]) if len(chain) > 1 else None
        views.append(DistrictView(str(place), label_of(graph, place), parent))
    return tuple(views)


def _posts(
    graph: Graph, wanted: Collection[Node], evidence: _Evidence
) -> dict[tuple[Node, Node | None], _Post]:
    """Memberships of or at ``wanted`` nodes grouped by (person, organisation);
    organisation None for job titles."""
    posts: dict[tuple[Node, Node | None], _Post] = defaultdict(_Post)
    bodies, roles = grouped(graph, ORG.organization), grouped(graph, ORG.role)
    role_labels: dict[Node, str] = {}
    for membership, members in grouped(graph, ORG.member).items():
        orgs: list[Node | None] = [*bodies.get(membership, [])] or [None]
        for person in members:
            for org in orgs:
                if person not in wanted and org not in wanted:
                    continue
                post = posts[(person, org)]
                for role in roles.get(membership, ()):
                    if role not in role_labels:
                        role_labels[role] = label_of(graph, role)
                    post.roles.add(role_labels[role])
                post.trace.add(*evidence.of(membership))
    for person, title in graph.subject_objects(SCHEMA.jobTitle):
        if person in wanted:
            posts[(person, None)].roles.add(str(title))
    return posts


def _traces(
    graph: Graph,
    posts: dict[tuple[Node, Node | None], _Post],
    wanted: Collection[Node],
    evidence: _Evidence,
) -> dict[object, _Trace]:
    """Evidence per node and per edge key (source, relation, target)."""
    traces: dict[object, _Trace] = defaultdict(_Trace)
    for (person, org), post in posts.items():
        keys: tuple[object, ...] = (person, org, (person, POST, org))
        for key in keys:
            if key is not None:
                traces[key].add(post.trace.sentences, post.trace.sources)
    subjects, objects = grouped(graph, RDF.subject), grouped(graph, RDF.object)
    predicates = grouped(graph, RDF.predicate)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        subject = next(iter(subjects.get(statement, ())), None)
        obj = next(iter(objects.get(statement, ())), None)
        if subject not in wanted and obj not in wanted:
            continue
        predicate = next(iter(predicates.get(statement, ())), None)
        relation = (
            EDGE_PREDICATES.get(predicate) if isinstance(predicate, URIRef) else None
        )
        texts, sources = evidence.of(statement)
        for key in (subject, obj, (subject, relation, obj)):
            if key is not None:
                traces[key].add(texts, sources)
    for article, entity in graph.subject_objects(SCHEMA.mentions):
        if entity in wanted:
            traces[entity].sources.add(article)
    return traces


def _join_roles(post: _Post) -> str:
    """Roles joined by "、", in the order they appear in the evidence."""
    text = "\n".join(sorted(post.trace.sentences))

    def position(role: str) -> tuple[int, str]:
        found = text.find(role)
        return (found if found >= 0 else len(text), role)

    return "、".join(sorted(post.roles, key=position))


def _node_view(graph: Graph, node: Node, kind: Kind, context: _Context) -> NodeView:
    label = label_of(graph, node)
    lines = [label, f"类型：{kind.name_zh} {kind.key}{_finer(graph, node, kind)}"]
    lines += context.post_lines.get(node, [])
    trace = context.traces.get(node)
    lines += _trace_lines(graph, trace)
    return NodeView(
        str(node),
        label,
        kind.key,
        "\n".join(lines),
        context.degree.get(node, 0),
        search_keys(graph, node, label),
        tuple(str(place) for place in context.places.get(node, ())),
        tuple(sorted(str(s) for s in trace.sources)) if trace else (),
    )


def _edge_view(
    graph: Graph,
    edge: RawEdge,
    posts: dict[tuple[Node, Node | None], _Post],
    traces: dict[object, _Trace],
) -> EdgeView:
    source, relation, target = edge
    label = RELATION_NAMES[relation]
    if relation == POST and (source, target) in posts:
        label = _join_roles(posts[(source, target)]) or label
    heading = f"{label_of(graph, source)} —{label}→ {label_of(graph, target)}"
    trace = traces.get(edge)
    lines = [heading, *_trace_lines(graph, trace)]
    sources = tuple(sorted(str(s) for s in trace.sources)) if trace else ()
    if relation == "author":
        sources = (str(source),)
    return EdgeView(
        str(source), str(target), label, "\n".join(lines), relation, sources
    )


def search_keys(graph: Graph, node: Node, label: str) -> tuple[str, ...]:
    """Other names of ``node`` for search: aliases, pinyin and its initials."""
    keys: set[str] = set()
    for predicate in (SKOS.altLabel, SKOS.prefLabel, RDFS.label):
        for literal in graph.objects(node, predicate):
            if not isinstance(literal, Literal):
                continue
            keys.add(normalise(str(literal)))
            if (literal.language or "").lower() == PINYIN_LANG:
                keys.add("".join(word[:1] for word in str(literal).lower().split()))
    keys.discard(normalise(label))
    keys.discard("")
    return tuple(sorted(keys))


def _finer(graph: Graph, node: Node, kind: Kind) -> str:
    names = sorted(local_name(t) for t in graph.objects(node, RDF.type))
    finer = [n for n in names if n in {local_name(t) for t in kind.finer}]
    return f"（{', '.join(finer)}）" if finer else ""


def _post_lines(
    graph: Graph,
    posts: dict[tuple[Node, Node | None], _Post],
    wanted: Collection[Node],
) -> dict[Node, list[str]]:
    """Per person, the tooltip lines "职务：" then "· roles @ organisation"."""
    lines: dict[Node, list[str]] = defaultdict(list)
    for (person, org), post in posts.items():
        if person not in wanted:
            continue
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


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SENTENCE else text[: MAX_SENTENCE - 1] + "…"
