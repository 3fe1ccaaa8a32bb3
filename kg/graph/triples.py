"""The one module that turns the data model into triples (CONTRACT.md).

IRIs are stable: an entity's IRI depends only on its kind and canonical name
(a district's on its gazetteer id), never on the order of the input, so an
entity keeps its IRI when more documents are added.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePath

from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL

from kg.graph.namespaces import BASE_IRI, KGO, ORG, PROV, SCHEMA
from kg.model import (
    GAZETTEER,
    Document,
    Entity,
    Evidence,
    Extraction,
    Kind,
    Relation,
    RelKind,
)
from kg.text.pinyin import slug, to_pinyin

ZH = "zh"
PINYIN = "zh-Latn-pinyin"

KIND_TYPES = {
    Kind.PERSON: (SCHEMA.Person, FOAF.Person),
    Kind.ORGANIZATION: (ORG.Organization,),
    Kind.DISTRICT: (SCHEMA.AdministrativeArea,),
    Kind.INITIATIVE: (KGO.Initiative,),
}
KIND_SEGMENTS = {
    Kind.PERSON: "person",
    Kind.ORGANIZATION: "org",
    Kind.DISTRICT: "place",
    Kind.INITIATIVE: "initiative",
}
SUBTYPES = {
    "TradeUnion": KGO.TradeUnion,
    "Company": KGO.Company,
    "GovernmentBody": KGO.GovernmentBody,
    "PartyOrganization": KGO.PartyOrganization,
    "Media": KGO.Media,
    "School": KGO.School,
    "Province": KGO.Province,
    "City": KGO.City,
    "County": KGO.County,
    "Town": KGO.Town,
    "DevelopmentZone": KGO.DevelopmentZone,
    "Policy": KGO.Policy,
    "Programme": KGO.Programme,
    "Alliance": KGO.Alliance,
    "Campaign": KGO.Campaign,
    "Mechanism": KGO.Mechanism,
}
RELATION_PREDICATES = {
    RelKind.LOCATED_IN: KGO.locatedIn,
    RelKind.PART_OF: SCHEMA.containedInPlace,
    RelKind.LAUNCHED_BY: KGO.launchedBy,
    RelKind.AUTHOR: SCHEMA.author,
}
PREFIXES = {
    "kgo": Namespace(str(KGO._NS)),
    "org": ORG,
    "schema": SCHEMA,
    "skos": SKOS,
    "prov": PROV,
    "rdfs": RDFS,
    "foaf": FOAF,
    "owl": OWL,
}


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


class IRIs:
    """Mints the graph's IRIs under one base."""

    def __init__(self, base_iri: str = BASE_IRI) -> None:
        self.base = Namespace(base_iri)
        self.gazetteer = self.base["source/gazetteer"]

    def entity(self, key: str, kind: Kind, name: str) -> URIRef:
        ident = key.split(":", 1)[1]
        if kind is Kind.DISTRICT and ident.isdigit():
            return self.base[f"place/{ident}"]
        return self.base[f"{KIND_SEGMENTS[kind]}/{slug(name)}-{_digest(key)[:6]}"]

    def article(self, doc_id: str) -> URIRef:
        return self.base[f"article/{slug(doc_id)}-{_digest(doc_id)[:6]}"]

    def role(self, role: str) -> URIRef:
        return self.base[f"role/{slug(role)}-{_digest(role)[:6]}"]

    def membership(self, person: str, org: str | None, doc_id: str) -> URIRef:
        return self.base[f"membership/{_digest(person, org or '', doc_id)}"]

    def statement(self, *parts: str) -> URIRef:
        return self.base[f"statement/{_digest(*parts)}"]


def build_graph(extraction: Extraction, *, base_iri: str = BASE_IRI) -> Graph:
    """The contract graph of an extraction."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("kgr", Namespace(base_iri))
    iris = IRIs(base_iri)
    nodes = {e.key: iris.entity(e.key, e.kind, e.name) for e in extraction.entities}
    articles = {d.id: iris.article(d.id) for d in extraction.documents}
    for entity in extraction.entities:
        _add_entity(graph, nodes[entity.key], entity)
    outlets = {
        e.name: nodes[e.key] for e in extraction.entities if e.kind is Kind.ORGANIZATION
    }
    for doc in extraction.documents:
        _add_article(graph, articles[doc.id], doc, outlets.get(doc.source or ""))
    for doc_id, key in extraction.mentions:
        graph.add((articles[doc_id], SCHEMA.mentions, nodes[key]))
    _add_gazetteer(graph, iris.gazetteer)
    _add_posts(graph, iris, nodes, articles, extraction.relations)
    for relation in extraction.relations:
        if relation.kind is not RelKind.POST:
            _add_fact(graph, iris, nodes, articles, relation)
    return graph


def _label(graph: Graph, node: URIRef, name: str) -> None:
    graph.add((node, SKOS.prefLabel, Literal(name, lang=ZH)))
    graph.add((node, RDFS.label, Literal(name, lang=ZH)))


def _add_entity(graph: Graph, node: URIRef, entity: Entity) -> None:
    for rdf_type in KIND_TYPES[entity.kind]:
        graph.add((node, RDF.type, rdf_type))
    if entity.subtype in SUBTYPES:
        graph.add((node, RDF.type, SUBTYPES[entity.subtype]))
    _label(graph, node, entity.name)
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang=ZH)))
    reading = to_pinyin(entity.name, person=entity.kind is Kind.PERSON)
    if reading and reading != entity.name:
        graph.add((node, SKOS.altLabel, Literal(reading, lang=PINYIN)))
    if entity.code:
        graph.add((node, KGO.adminCode, Literal(entity.code)))
    for former in entity.former_names:
        graph.add((node, KGO.formerName, Literal(former, lang=ZH)))
        note = f"{former}：已撤销的旧行政区名，今属{entity.name}"
        graph.add((node, SKOS.note, Literal(note, lang=ZH)))
    for reason in entity.reasons:
        graph.add((node, KGO.mergeReason, Literal(reason, lang="en")))
    if entity.kind is Kind.DISTRICT and entity.place is None:
        note = "文中地名对应多个行政区，上下文无法确定，未赋行政区划代码"
        graph.add((node, SKOS.note, Literal(note, lang=ZH)))


def _add_article(
    graph: Graph, node: URIRef, doc: Document, outlet: URIRef | None
) -> None:
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    _label(graph, node, doc.title or doc.id)
    if doc.title:
        graph.add((node, SCHEMA.headline, Literal(doc.title, lang=ZH)))
    if doc.date:
        graph.add((node, SCHEMA.datePublished, Literal(doc.date)))
    if doc.url:
        graph.add((node, SCHEMA.url, URIRef(doc.url)))
    if outlet is not None:
        graph.add((node, SCHEMA.publisher, outlet))
    graph.add((node, SCHEMA.identifier, Literal(doc.id)))
    if doc.path:
        graph.add((node, KGO.sourceFile, Literal(PurePath(doc.path).name)))


def _add_gazetteer(graph: Graph, node: URIRef) -> None:
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, RDF.type, KGO.Gazetteer))
    graph.add(
        (node, RDFS.label, Literal("kg district gazetteer (GB/T 2260)", lang="en"))
    )


def _evidence(
    graph: Graph, node: URIRef, articles: dict[str, URIRef], ev: Evidence
) -> None:
    graph.add((node, PROV.wasDerivedFrom, articles[ev.doc_id]))
    graph.add((node, KGO.evidenceText, Literal(ev.sentence, lang=ZH)))


def _add_posts(
    graph: Graph,
    iris: IRIs,
    nodes: dict[str, URIRef],
    articles: dict[str, URIRef],
    relations: Iterable[Relation],
) -> None:
    """One org:Membership per person, organisation and article."""
    grouped: dict[tuple[str, str | None, str], list[Relation]] = defaultdict(list)
    for rel in relations:
        if rel.kind is RelKind.POST and rel.evidence is not None:
            grouped[(rel.subject, rel.object, rel.evidence.doc_id)].append(rel)
    for (person, org, doc_id), rels in grouped.items():
        roles = list(dict.fromkeys(role for rel in rels for role in rel.roles))
        if org is None:
            for role in roles:
                _add_job_title(
                    graph, iris, nodes[person], role, articles, rels[0].evidence
                )
            continue
        member = iris.membership(person, org, doc_id)
        graph.add((member, RDF.type, ORG.Membership))
        graph.add((member, ORG.member, nodes[person]))
        graph.add((member, ORG.organization, nodes[org]))
        graph.add((nodes[person], ORG.memberOf, nodes[org]))
        for role in roles:
            role_node = iris.role(role)
            graph.add((member, ORG.role, role_node))
            graph.add((role_node, RDF.type, ORG.Role))
            _label(graph, role_node, role)
        for rel in rels:
            if rel.evidence is not None:
                _evidence(graph, member, articles, rel.evidence)


def _add_job_title(
    graph: Graph,
    iris: IRIs,
    person: URIRef,
    role: str,
    articles: dict[str, URIRef],
    evidence: Evidence | None,
) -> None:
    title = Literal(role, lang=ZH)
    graph.add((person, SCHEMA.jobTitle, title))
    if evidence is not None:
        _statement(graph, iris, articles, person, SCHEMA.jobTitle, title, evidence)


def _add_fact(
    graph: Graph,
    iris: IRIs,
    nodes: dict[str, URIRef],
    articles: dict[str, URIRef],
    rel: Relation,
) -> None:
    subject = (
        articles[rel.subject] if rel.kind is RelKind.AUTHOR else nodes[rel.subject]
    )
    obj = nodes[rel.object or ""]
    predicate = RELATION_PREDICATES[rel.kind]
    graph.add((subject, predicate, obj))
    if rel.source == GAZETTEER:
        node = iris.statement(str(subject), str(predicate), str(obj), GAZETTEER)
        _reify(graph, node, subject, predicate, obj)
        graph.add((node, PROV.wasDerivedFrom, iris.gazetteer))
    elif rel.evidence is not None:
        _statement(graph, iris, articles, subject, predicate, obj, rel.evidence)


def _statement(
    graph: Graph,
    iris: IRIs,
    articles: dict[str, URIRef],
    subject: URIRef,
    predicate: URIRef,
    obj: URIRef | Literal,
    evidence: Evidence,
) -> None:
    node = iris.statement(str(subject), str(predicate), str(obj), evidence.doc_id)
    _reify(graph, node, subject, predicate, obj)
    _evidence(graph, node, articles, evidence)


def _reify(
    graph: Graph,
    node: URIRef,
    subject: URIRef,
    predicate: URIRef,
    obj: URIRef | Literal,
) -> None:
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
