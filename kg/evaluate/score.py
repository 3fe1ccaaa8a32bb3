"""Score a graph against gold files, exactly as gold/GUIDELINES.md says.

``load_gold`` (kg/gold.py) reads and validates a ``*.gold.json`` file,
``read_prediction`` reads what a graph (CONTRACT.md) predicts for one document,
``score`` compares them and ``format_report`` / ``report_to_dict``
(kg/eval_report.py) present the result.

Decisions the guidelines leave open:

- Names are compared by :func:`normalize_name`; relation tuples hold
  normalised names, an end that matches a gold entity being replaced by that
  entity's canonical name.
- Matching is greedy in order of quality: a node's preferred label equal to
  the gold name first, then its preferred label equal to an alias, then an
  alternative label equal to the name, then to an alias; ties go to nodes in
  order of (preferred label, IRI).  A node left over that matches an optional
  gold entity is ignored; one that matches an already matched required
  entity is a false positive (a missed merge).
- A node with several entity types is counted once: under the first of its
  types (order Person, Organization, District, Initiative) that the gold
  entity allows, or under its first type when it matches nothing.  A missed
  gold entity is counted under its first listed type.
- For one document, the predicted entities are those its articles mention
  plus their authors; a relation is predicted for it when its evidence
  (``prov:wasDerivedFrom``) is one of its articles or its subject is one of
  them, except that a post with evidence counts only where it was read: a
  person two articles share brings to each only its own posts.
- ``post`` pairs are read from ``org:Membership`` nodes, from the direct
  ``org:memberOf`` triple and from ``schema:jobTitle``.
- Precision, recall and F1 are ``None`` when their denominator is zero
  (kg/eval_report.py).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

import rdflib
from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.term import Node

from kg.errors import GoldError
from kg.evaluate.gold import (
    ENTITY_TYPES,
    POST_ORG,
    POST_ROLE,
    RELATION_KINDS,
    Gold,
    GoldEntity,
    GoldRelation,
    load_gold,
    normalize_name,
)
from kg.evaluate.report import (
    Counts,
    DocumentScore,
    Finding,
    Report,
    format_report,
    report_to_dict,
)
from kg.graph.namespaces import KGO, ORG, PROV, SCHEMA

__all__ = [
    "Counts",
    "DocumentScore",
    "Finding",
    "Gold",
    "PredictedNode",
    "PredictedRelation",
    "Prediction",
    "Report",
    "compare",
    "format_report",
    "load_gold",
    "read_prediction",
    "report_to_dict",
    "score",
    "score_document",
]

log = logging.getLogger(__name__)

TYPE_CLASSES: dict[str, URIRef] = {
    "Person": SCHEMA.Person,
    "Organization": ORG.Organization,
    "District": SCHEMA.AdministrativeArea,
    "Initiative": KGO.Initiative,
}
PAIR_PREDICATES: dict[str, URIRef] = {
    "locatedIn": KGO.locatedIn,
    "partOf": SCHEMA.containedInPlace,
    "launchedBy": KGO.launchedBy,
}


# ----------------------------------------------------------- graph reading


@dataclass(frozen=True)
class PredictedNode:
    """A graph node: its entity types (may be none) and labels, preferred
    label first."""

    iri: str
    types: tuple[str, ...]
    labels: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.labels[0]


@dataclass(frozen=True)
class PredictedRelation:
    """``kind`` is one of RELATION_KINDS; ends are nodes, or role names."""

    kind: str
    ends: tuple[PredictedNode | str, ...]


@dataclass(frozen=True)
class Prediction:
    document: str | None
    scope: str
    entities: tuple[PredictedNode, ...]
    relations: tuple[PredictedRelation, ...]


def read_prediction(graph: rdflib.Graph, *, document: str | None = None) -> Prediction:
    """What ``graph`` predicts for ``document`` (an input file name), or for
    the whole graph when ``document`` is None or the graph names no source
    file at all.  A document the graph does not hold is a GoldError."""
    articles = _document_articles(graph, document)
    if articles is None:
        scope, entities = "whole graph", _typed_nodes(graph)
    else:
        scope = f"articles from {PurePath(str(document)).name}"
        entities = _mentioned(graph, articles)
    relations = [
        rel
        for rel, subject, sources in _relations(graph)
        if articles is None or _read_from(rel, subject, sources, entities, articles)
    ]
    return Prediction(
        document=document,
        scope=scope,
        entities=tuple(sorted((_node(graph, n) for n in entities), key=_node_key)),
        relations=tuple(relations),
    )


def _read_from(
    rel: PredictedRelation,
    subject: Node,
    sources: set[Node],
    entities: set[Node],
    articles: set[Node],
) -> bool:
    """Whether a relation counts for the document of ``articles``: read from
    one of them, or about one of its ``entities`` (a district's parent, an
    organisation's place: facts of the world any article may have shown).
    A post counts only where it was read, when the graph says where: a person
    two articles share brings to each only its own posts."""
    if sources & articles:
        return True
    if rel.kind in (POST_ORG, POST_ROLE) and sources:
        return False
    return subject in entities


def _document_articles(graph: rdflib.Graph, document: str | None) -> set[Node] | None:
    if document is None:
        return None
    by_file: dict[str, set[Node]] = defaultdict(set)
    for article in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        for source in graph.objects(article, KGO.sourceFile):
            by_file[PurePath(str(source)).name].add(article)
    name = PurePath(document).name
    if name in by_file:
        return by_file[name]
    if not by_file:
        log.warning("the graph names no source files; scoring the whole graph")
        return None
    raise GoldError(
        f"gold document {name!r} is not in the graph, which holds "
        f"{', '.join(sorted(by_file))}; build the graph from {name} or pick "
        f"the matching gold file"
    )


def _typed_nodes(graph: rdflib.Graph) -> set[Node]:
    return {n for cls in TYPE_CLASSES.values() for n in graph.subjects(RDF.type, cls)}


def _mentioned(graph: rdflib.Graph, articles: set[Node]) -> set[Node]:
    typed = _typed_nodes(graph)
    found = {
        node
        for article in articles
        for prop in (SCHEMA.mentions, SCHEMA.author)
        for node in graph.objects(article, prop)
    }
    return found & typed


def _relations(
    graph: rdflib.Graph,
) -> Iterable[tuple[PredictedRelation, Node, set[Node]]]:
    """Each relation with its subject node and its source articles."""
    evidence = _statement_sources(graph)
    yield from _posts(graph, evidence)
    for kind, prop in PAIR_PREDICATES.items():
        for s, o in graph.subject_objects(prop):
            ends = (_node(graph, s), _node(graph, o))
            yield PredictedRelation(kind, ends), s, evidence.get((s, prop, o), set())
    for article, person in graph.subject_objects(SCHEMA.author):
        yield PredictedRelation("author", (_node(graph, person),)), article, {article}


def _posts(
    graph: rdflib.Graph, evidence: Mapping[tuple[Node, Node, Node], set[Node]]
) -> Iterable[tuple[PredictedRelation, Node, set[Node]]]:
    held: dict[tuple[Node, Node], set[Node]] = defaultdict(set)
    for membership in graph.subjects(RDF.type, ORG.Membership):
        sources = set(graph.objects(membership, PROV.wasDerivedFrom))
        roles = [_role_name(graph, r) for r in graph.objects(membership, ORG.role)]
        for person in graph.objects(membership, ORG.member):
            pnode = _node(graph, person)
            for org in graph.objects(membership, ORG.organization):
                held[(person, org)] |= sources
                ends = (pnode, _node(graph, org))
                yield PredictedRelation(POST_ORG, ends), person, sources
            for role in roles:
                yield PredictedRelation(POST_ROLE, (pnode, role)), person, sources
    for person, org in graph.subject_objects(ORG.memberOf):
        ends = (_node(graph, person), _node(graph, org))
        sources = evidence.get((person, ORG.memberOf, org), set())
        sources = sources | held.get((person, org), set())  # the shortcut's
        yield PredictedRelation(POST_ORG, ends), person, sources
    for person, title in graph.subject_objects(SCHEMA.jobTitle):
        sources = evidence.get((person, SCHEMA.jobTitle, title), set())
        rel = PredictedRelation(POST_ROLE, (_node(graph, person), str(title)))
        yield rel, person, sources


def _statement_sources(
    graph: rdflib.Graph,
) -> dict[tuple[Node, Node, Node], set[Node]]:
    sources: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (
            graph.value(stmt, x) for x in (RDF.subject, RDF.predicate, RDF.object)
        )
        if s is not None and p is not None and o is not None:
            sources[(s, p, o)].update(graph.objects(stmt, PROV.wasDerivedFrom))
    return sources


def _role_name(graph: rdflib.Graph, role: Node) -> str:
    if isinstance(role, Literal):
        return str(role)
    return _labels(graph, role)[0]


def _node(graph: rdflib.Graph, node: Node) -> PredictedNode:
    types = tuple(
        t for t, cls in TYPE_CLASSES.items() if (node, RDF.type, cls) in graph
    )
    return PredictedNode(str(node), types, _labels(graph, node))


def _labels(graph: rdflib.Graph, node: Node) -> tuple[str, ...]:
    pref = sorted(str(x) for x in graph.objects(node, SKOS.prefLabel) if _is_zh(x))
    alt = sorted(str(x) for x in graph.objects(node, SKOS.altLabel) if _is_zh(x))
    if not pref:
        pref = sorted(str(x) for x in graph.objects(node, RDFS.label) if _is_zh(x))
    if not pref:
        pref = [str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]]
    return tuple(dict.fromkeys(pref + alt))


def _is_zh(term: Node) -> bool:
    if not isinstance(term, Literal):
        return False
    lang = (term.language or "zh").lower()
    return (lang == "zh" or lang.startswith("zh-")) and "latn" not in lang


def _node_key(node: PredictedNode) -> tuple[str, str]:
    return (node.label, node.iri)


# ---------------------------------------------------------------- scoring


def score(golds: Sequence[Gold], graph: rdflib.Graph) -> Report:
    """Score every gold document against ``graph`` and sum the counts."""
    docs = tuple(score_document(gold, graph) for gold in golds)
    return Report(
        documents=docs,
        entities=_sum_counts([d.entities for d in docs], ENTITY_TYPES),
        relations=_sum_counts([d.relations for d in docs], RELATION_KINDS),
        misses=tuple(f for d in docs for f in d.misses),
        false_positives=tuple(f for d in docs for f in d.false_positives),
    )


def score_document(gold: Gold, graph: rdflib.Graph) -> DocumentScore:
    return compare(gold, read_prediction(graph, document=gold.document))


def compare(gold: Gold, pred: Prediction) -> DocumentScore:
    """Score one prediction against one gold file."""
    matcher = _Matcher(gold)
    tps, ent_misses, ent_fps = matcher.match(pred.entities)
    rel_tps, rel_misses, rel_fps = _compare_relations(gold, pred, matcher)
    misses, fps = ent_misses + rel_misses, ent_fps + rel_fps
    return DocumentScore(
        document=gold.document,
        gold=gold.path,
        scope=pred.scope,
        entities=_counts(ENTITY_TYPES, tps, misses, fps),
        relations=_counts(RELATION_KINDS, rel_tps, misses, fps),
        misses=tuple(misses),
        false_positives=tuple(fps),
    )


class _Matcher:
    """Matches predicted nodes to one gold file's entities."""

    def __init__(self, gold: Gold) -> None:
        self.gold = gold
        self.index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, ent in enumerate(gold.entities):
            self.index[normalize_name(ent.name)].append((i, 0))
            for alias in ent.aliases:
                self.index[normalize_name(alias)].append((i, 1))
        self.assigned: dict[str, int] = {}

    def candidates(self, node: PredictedNode) -> list[tuple[int, int]]:
        """(quality, gold index) pairs, best first; see the module doc."""
        best: dict[int, int] = {}
        for pos, label in enumerate(node.labels):
            for i, is_alias in self.index.get(normalize_name(label), ()):
                types = self.gold.entities[i].types
                if node.types and not set(node.types) & set(types):
                    continue
                quality = 2 * (pos > 0) + is_alias
                best[i] = min(quality, best.get(i, quality))
        return sorted((q, i) for i, q in best.items())

    def match(
        self, nodes: Sequence[PredictedNode]
    ) -> tuple[list[str], list[Finding], list[Finding]]:
        """Entity types of the true positives, the misses, the false positives."""
        ents, doc = self.gold.entities, self.gold.document
        cands = [self.candidates(node) for node in nodes]
        pairs = sorted(
            (q, k, i) for k, c in enumerate(cands) for q, i in c if not ents[i].optional
        )
        for _, k, i in pairs:
            if nodes[k].iri not in self.assigned and i not in self.assigned.values():
                self.assigned[nodes[k].iri] = i
        tps, fps = [], []
        for node, cand in zip(nodes, cands, strict=True):
            required = [i for _, i in cand if not ents[i].optional]
            if node.iri in self.assigned:
                tps.append(_first_type(node, ents[self.assigned[node.iri]]))
            elif required and len(required) == len(cand):
                ent = ents[required[0]]
                note = f"duplicate of {ent.name}"
                fps.append(Finding(doc, _first_type(node, ent), (node.label,), note))
            elif not cand:
                fps.append(Finding(doc, node.types[0], (node.label,)))
        matched = set(self.assigned.values())
        misses = [
            Finding(doc, ent.types[0], (ent.name,))
            for i, ent in enumerate(ents)
            if not ent.optional and i not in matched
        ]
        return tps, misses, fps

    def name_of(self, end: PredictedNode | str) -> str:
        """A relation end as a gold canonical name, or its own label."""
        if isinstance(end, str):
            return normalize_name(end)
        if end.iri in self.assigned:
            return normalize_name(self.gold.entities[self.assigned[end.iri]].name)
        cands = [i for _, i in self.candidates(end)]
        required = [i for i in cands if not self.gold.entities[i].optional]
        chosen = required or cands
        if chosen:
            return normalize_name(self.gold.entities[chosen[0]].name)
        return normalize_name(end.label)

    def gold_name(self, name: str) -> str:
        """A gold relation end as its entity's canonical name."""
        hits = self.index.get(normalize_name(name))
        if not hits:
            log.warning(
                "%s: relation end %r names no gold entity", self.gold.path, name
            )
            return normalize_name(name)
        _, i = min((is_alias, i) for i, is_alias in hits)
        return normalize_name(self.gold.entities[i].name)


def _first_type(node: PredictedNode, ent: GoldEntity) -> str:
    return next(t for t in node.types if t in ent.types)


def _compare_relations(
    gold: Gold, pred: Prediction, matcher: _Matcher
) -> tuple[list[str], list[Finding], list[Finding]]:
    required: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    optional: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for rel in gold.relations:
        for kind, item in _gold_tuples(rel, matcher):
            (optional if rel.optional else required)[kind].add(item)
    predicted: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for prel in pred.relations:
        predicted[prel.kind].add(tuple(matcher.name_of(end) for end in prel.ends))
    tps, misses, fps = [], [], []
    doc = gold.document
    for kind in RELATION_KINDS:
        got, want = predicted[kind], required[kind]
        tps += [kind] * len(got & want)
        misses += [Finding(doc, kind, item) for item in sorted(want - got)]
        fps += [
            Finding(doc, kind, item) for item in sorted(got - want - optional[kind])
        ]
    return tps, misses, fps


def _gold_tuples(
    rel: GoldRelation, matcher: _Matcher
) -> Iterable[tuple[str, tuple[str, ...]]]:
    name = matcher.gold_name
    if rel.type == "post":
        person = name(str(rel.person))
        if rel.organization is not None:
            yield POST_ORG, (person, name(rel.organization))
        for role in rel.roles:
            yield POST_ROLE, (person, normalize_name(role))
    elif rel.type == "author":
        yield "author", (name(str(rel.person)),)
    else:
        yield rel.type, (name(str(rel.subject)), name(str(rel.object)))


def _counts(
    categories: Sequence[str],
    tps: Sequence[str],
    misses: Sequence[Finding],
    fps: Sequence[Finding],
) -> dict[str, Counts]:
    def tally(cat: str, items: Sequence[Finding]) -> int:
        return sum(1 for f in items if f.category == cat)

    return {
        cat: Counts(tps.count(cat), tally(cat, fps), tally(cat, misses))
        for cat in categories
    }


def _sum_counts(
    tables: Sequence[Mapping[str, Counts]], categories: Sequence[str]
) -> dict[str, Counts]:
    return {cat: sum((t[cat] for t in tables), Counts()) for cat in categories}
