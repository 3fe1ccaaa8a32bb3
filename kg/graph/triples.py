"""The one module that turns the data model into triples (CONTRACT.md).

Each article's facts become one named graph (CONTRACT.md, "Per-article
graphs"): :func:`article_quads` is a pure function of an article's
:class:`~kg.model.ArticleFacts` and a *naming* (entity key → IRI), so a
corpus can derive an article's graph again from its stored facts, and a
later identity step may change the naming without re-reading anything.
Quads are pyoxigraph terms (the store takes them as they are);
:func:`build_graph` makes an rdflib ``Graph`` of the union for small graphs
and tests.  No blank nodes: every node has an IRI, so the same input always
gives the same graph, byte for byte.

The IRIs themselves are minted by :mod:`kg.graph.iris`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePath

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL

from kg.graph.iris import IRIs, Naming, name_based
from kg.graph.namespaces import BASE_IRI, KGO, ORG, PROV, SCHEMA
from kg.model import (
    GAZETTEER,
    ArticleFacts,
    ArticleMeta,
    Change,
    Entity,
    Evidence,
    Extraction,
    Kind,
    Relation,
    RelKind,
)
from kg.resolve.identity import Overrides
from kg.resolve.pages import split_articles
from kg.resolve.people import assign, naming_of, records_of, without_people
from kg.text.pinyin import to_pinyin

_Object = ox.NamedNode | ox.BlankNode | ox.Literal
"""What a triple of an article graph points at."""

ZH = "zh"
PINYIN = "zh-Latn-pinyin"
PREFIXES = {
    "kgo": Namespace(str(KGO._NS)),
    "time": Namespace("http://www.w3.org/2006/time#"),
    "org": ORG,
    "schema": SCHEMA,
    "skos": SKOS,
    "prov": PROV,
    "rdfs": RDFS,
    "foaf": FOAF,
    "owl": OWL,
}


def _iri(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


A = _iri(RDF.type)
PREF, ALT, LABEL, NOTE = (
    _iri(SKOS.prefLabel),
    _iri(SKOS.altLabel),
    _iri(RDFS.label),
    _iri(SKOS.note),
)
R_STATEMENT, R_SUBJECT, R_PREDICATE, R_OBJECT = (
    _iri(RDF.Statement),
    _iri(RDF.subject),
    _iri(RDF.predicate),
    _iri(RDF.object),
)
DERIVED, EVIDENCE = _iri(PROV.wasDerivedFrom), _iri(KGO.evidenceText)
MENTIONS, JOB_TITLE = _iri(SCHEMA.mentions), _iri(SCHEMA.jobTitle)
ATTESTED, ENDED = _iri(KGO.attestedOn), _iri(KGO.ended)
TIME = "http://www.w3.org/2006/time#"
MEMBER_DURING = _iri(ORG.memberDuring)
INTERVAL, INSTANT = ox.NamedNode(f"{TIME}Interval"), ox.NamedNode(f"{TIME}Instant")
HAS_BEGINNING, HAS_END = (
    ox.NamedNode(f"{TIME}hasBeginning"),
    ox.NamedNode(f"{TIME}hasEnd"),
)
MEMBERSHIP, MEMBER, ORGANIZATION, ROLE, ROLE_CLASS, MEMBER_OF = (
    _iri(ORG.Membership),
    _iri(ORG.member),
    _iri(ORG.organization),
    _iri(ORG.role),
    _iri(ORG.Role),
    _iri(ORG.memberOf),
)
KIND_TYPES = {
    Kind.PERSON: (_iri(SCHEMA.Person), _iri(FOAF.Person)),
    Kind.ORGANIZATION: (_iri(ORG.Organization),),
    Kind.DISTRICT: (_iri(SCHEMA.AdministrativeArea),),
    Kind.INITIATIVE: (_iri(KGO.Initiative),),
}
SUBTYPES = {
    name: _iri(KGO[name])
    for name in (
        "TradeUnion Company GovernmentBody PartyOrganization Media School Province "
        "City County Town Community Village DevelopmentZone "
        "Policy Programme Alliance Campaign Mechanism"
    ).split()
}
RELATION_PREDICATES = {
    RelKind.LOCATED_IN: _iri(KGO.locatedIn),
    RelKind.PART_OF: _iri(SCHEMA.containedInPlace),
    RelKind.LAUNCHED_BY: _iri(KGO.launchedBy),
    RelKind.AUTHOR: _iri(SCHEMA.author),
    RelKind.RENAMED: _iri(KGO.renamedTo),
}
DISTRICT_PREFIX = f"{Kind.DISTRICT.value}:"
UNDECIDED_NOTE = "文中地名对应多个行政区，上下文无法确定，未赋行政区划代码"
GAZETTEER_LABEL = "kg district gazetteer (GB/T 2260)"


MERGE_REASON = _iri(KGO.mergeReason)


def serialise_article(quads: Sequence[ox.Quad]) -> bytes:
    """An article graph as N-Quads, for Oxigraph's bulk loader."""
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert nquads is not None  # no output given: the bytes are returned
    return nquads


def as_triples(nquads: bytes, graph_iri: str) -> bytes:
    """The N-Triples of one graph's N-Quads (for the default graph, and for
    the rules, which read triples): made when needed rather than kept, as
    they are as long as the quads.  N-Quads escape line breaks in literals,
    so each line is one quad, ending with its graph."""
    return nquads.replace(f" <{graph_iri}> .\n".encode(), b" .\n")


def identity_quads(
    reasons: Iterable[tuple[str, Sequence[str]]], iris: IRIs
) -> list[ox.Quad]:
    """The identity graph's quads: each person node's ``kgo:mergeReason``
    notes (why its mentions are one person, why it is kept apart)."""
    graph = ox.NamedNode(iris.identity_graph())
    return [
        ox.Quad(ox.NamedNode(node), MERGE_REASON, ox.Literal(why, language="en"), graph)
        for node, whys in reasons
        for why in whys
    ]


def article_quads(facts: ArticleFacts, naming: Naming, iris: IRIs) -> list[ox.Quad]:
    """The named graph of one article: every quad, in a fixed order."""
    graph = ox.NamedNode(iris.article_graph(facts.article.id))
    out = _ArticleGraph(facts, naming, iris)
    return [ox.Quad(s, p, o, graph) for s, p, o in out.triples()]


class _ArticleGraph:
    """The triples of one article's graph."""

    def __init__(self, facts: ArticleFacts, naming: Naming, iris: IRIs) -> None:
        self.facts, self.iris = facts, iris
        self.nodes = {e.key: ox.NamedNode(naming[e.key]) for e in facts.entities}
        self.article = ox.NamedNode(iris.article(facts.article.id))
        self.out: list[tuple[ox.NamedNode, ox.NamedNode, _Object]] = []

    def triples(self) -> list[tuple[ox.NamedNode, ox.NamedNode, _Object]]:
        facts = self.facts
        for entity in facts.entities:
            self.entity(self.nodes[entity.key], entity)
        outlet = next(
            (
                self.nodes[e.key]
                for e in facts.entities
                if e.kind is Kind.ORGANIZATION
                and e.name == (facts.article.source or "")
            ),
            None,
        )
        self._article(facts.article, outlet)
        for key in facts.mentions:
            self.add(self.article, MENTIONS, self.nodes[key])
        self._posts()
        gazetteer = False
        for relation in facts.relations:
            if relation.kind is not RelKind.POST:
                gazetteer |= self._fact(relation)
        if gazetteer:
            node = ox.NamedNode(self.iris.gazetteer)
            self.add(node, A, _iri(PROV.Entity))
            self.add(node, A, _iri(KGO.Gazetteer))
            self.add(node, LABEL, ox.Literal(GAZETTEER_LABEL, language="en"))
        return self.out

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: _Object) -> None:
        self.out.append((s, p, o))

    def label(self, node: ox.NamedNode, name: str) -> None:
        text = ox.Literal(name, language=ZH)
        self.add(node, PREF, text)
        self.add(node, LABEL, text)

    def entity(self, node: ox.NamedNode, entity: Entity) -> None:
        for rdf_type in KIND_TYPES[entity.kind]:
            self.add(node, A, rdf_type)
        if entity.subtype in SUBTYPES:
            self.add(node, A, SUBTYPES[entity.subtype])
        self.label(node, entity.name)
        for alias in entity.aliases:
            self.add(node, ALT, ox.Literal(alias, language=ZH))
        reading = to_pinyin(entity.name, person=entity.kind is Kind.PERSON)
        if reading and reading != entity.name:
            self.add(node, ALT, ox.Literal(reading, language=PINYIN))
        if entity.code:
            self.add(node, _iri(KGO.adminCode), ox.Literal(entity.code))
        for former in entity.former_names:
            self.add(node, _iri(KGO.formerName), ox.Literal(former, language=ZH))
            note = f"{former}：已撤销的旧行政区名，今属{entity.name}"
            self.add(node, NOTE, ox.Literal(note, language=ZH))
        if entity.undecided:
            self.add(node, NOTE, ox.Literal(UNDECIDED_NOTE, language=ZH))

    def _article(self, meta: ArticleMeta, outlet: ox.NamedNode | None) -> None:
        node = self.article
        self.add(node, A, _iri(SCHEMA.NewsArticle))
        self.label(node, meta.title or meta.id)
        if meta.title:
            self.add(node, _iri(SCHEMA.headline), ox.Literal(meta.title, language=ZH))
        if meta.date:
            self.add(node, _iri(SCHEMA.datePublished), date_literal(meta.date))
        if meta.url:
            self.add(node, _iri(SCHEMA.url), _url(meta.url))
        if outlet is not None:
            self.add(node, _iri(SCHEMA.publisher), outlet)
        self.add(node, _iri(SCHEMA.identifier), ox.Literal(meta.id))
        if meta.path:
            name = PurePath(meta.path).name
            self.add(node, _iri(KGO.sourceFile), ox.Literal(name))

    def _evidence(self, node: ox.NamedNode, ev: Evidence) -> None:
        self.add(node, DERIVED, self.article)
        self.add(node, EVIDENCE, ox.Literal(ev.sentence, language=ZH))

    def _posts(self) -> None:
        """One org:Membership per person, organisation, article and change:
        a post the text says began or ended is its own membership, with
        ``org:memberDuring`` an interval that begins or ends (CONTRACT.md,
        "Time"); every membership is attested on its article's date."""
        grouped: dict[tuple[str, str | None, Change | None], list[Relation]]
        grouped = defaultdict(list)
        for rel in self.facts.relations:
            if rel.kind is RelKind.POST and rel.evidence is not None:
                grouped[(rel.subject, rel.object, rel.change)].append(rel)
        doc_id = self.facts.article.id
        for (person, org, change), rels in grouped.items():
            roles = list(dict.fromkeys(role for rel in rels for role in rel.roles))
            if org is None:
                for role in roles:
                    title = ox.Literal(role, language=ZH)
                    self.add(self.nodes[person], JOB_TITLE, title)
                    self._statement(self.nodes[person], JOB_TITLE, title, rels[0])
                continue
            parts = (
                (person, org, doc_id, change.value) if change else (person, org, doc_id)
            )
            member = ox.NamedNode(self.iris.membership(*parts))
            self.add(member, A, MEMBERSHIP)
            if self.facts.article.date:
                self.add(member, ATTESTED, date_literal(self.facts.article.date))
            self.add(member, MEMBER, self.nodes[person])
            self.add(member, ORGANIZATION, self.nodes[org])
            if org.startswith(DISTRICT_PREFIX):  # a community's own post (网格员)
                self.add(self.nodes[org], A, KIND_TYPES[Kind.ORGANIZATION][0])
            self.add(self.nodes[person], MEMBER_OF, self.nodes[org])
            for role in roles:
                role_node = ox.NamedNode(self.iris.role(role))
                self.add(member, ROLE, role_node)
                self.add(role_node, A, ROLE_CLASS)
                self.label(role_node, role)
            if change is not None:
                self._during(member, change, rels)
            for rel in rels:
                if rel.evidence is not None:
                    self._evidence(member, rel.evidence)

    def _during(
        self, member: ox.NamedNode, change: Change, rels: list[Relation]
    ) -> None:
        """The interval of a post that began or ended: its beginning or end
        dated by the text, else by the article; an end with no date at all
        leaves ``kgo:ended true``."""
        date = next((r.date for r in rels if r.date), None) or self.facts.article.date
        if change is Change.ENDED:
            self.add(member, ENDED, ox.Literal("true", datatype=_iri(XSD.boolean)))
        if not date:
            return
        interval = ox.NamedNode(f"{member.value}/during")
        instant = ox.NamedNode(f"{member.value}/{change.value}")
        self.add(member, MEMBER_DURING, interval)
        self.add(interval, A, INTERVAL)
        edge = HAS_BEGINNING if change is Change.BEGAN else HAS_END
        self.add(interval, edge, instant)
        self.add(instant, A, INSTANT)
        self.add(instant, _instant_property(date), date_literal(date))

    def _fact(self, rel: Relation) -> bool:
        """The triple and its statement; whether it came from the gazetteer."""
        if rel.kind is RelKind.AUTHOR:
            subject = ox.NamedNode(self.iris.article(rel.subject))
        else:
            subject = self.nodes[rel.subject]
        obj = self.nodes[rel.object or ""]
        predicate = RELATION_PREDICATES[rel.kind]
        self.add(subject, predicate, obj)
        if rel.source == GAZETTEER:
            parts = (subject.value, predicate.value, obj.value, GAZETTEER)
            node = ox.NamedNode(self.iris.statement(*parts))
            self._reify(node, subject, predicate, obj)
            self.add(node, DERIVED, ox.NamedNode(self.iris.gazetteer))
            return True
        self._statement(subject, predicate, obj, rel)
        return False

    def _statement(
        self,
        subject: ox.NamedNode,
        predicate: ox.NamedNode,
        obj: _Object,
        rel: Relation,
    ) -> None:
        if rel.evidence is None:
            return
        text = obj.value if isinstance(obj, ox.NamedNode | ox.Literal) else str(obj)
        parts = (subject.value, predicate.value, text, rel.evidence.doc_id)
        node = ox.NamedNode(self.iris.statement(*parts))
        self._reify(node, subject, predicate, obj)
        self._evidence(node, rel.evidence)

    def _reify(
        self, node: ox.NamedNode, s: ox.NamedNode, p: ox.NamedNode, o: _Object
    ) -> None:
        self.add(node, A, R_STATEMENT)
        self.add(node, R_SUBJECT, s)
        self.add(node, R_PREDICATE, p)
        self.add(node, R_OBJECT, o)


_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def date_literal(date: str) -> ox.Literal:
    """``2023-06-08`` as an ``xsd:date``; ``2023-06`` an ``xsd:gYearMonth``;
    ``2023`` an ``xsd:gYear`` (CONTRACT.md, "Time"); anything else as text."""
    datatype = _DATE_TYPES.get(len(date))
    if datatype is None:
        return ox.Literal(date)
    return ox.Literal(date, datatype=_iri(datatype))


def _instant_property(date: str) -> ox.NamedNode:
    """OWL-Time's property for a date as precise as ``date``."""
    kind = {7: "inXSDgYearMonth", 4: "inXSDgYear"}.get(len(date), "inXSDDate")
    return ox.NamedNode(f"{TIME}{kind}")


def _url(url: str) -> ox.NamedNode | ox.Literal:
    """A URL as an IRI, or as text when it is not a valid IRI."""
    try:
        return ox.NamedNode(url)
    except ValueError:
        return ox.Literal(url)


# ---------------------------------------------------------------- whole graphs


def extraction_quads(
    extraction: Extraction,
    *,
    base_iri: str = BASE_IRI,
    overrides: Overrides | None = None,
) -> Iterator[ox.Quad]:
    """Every article graph of an extraction, people told apart across its
    articles (kg/resolve/people.py) with the identity graph; entities no
    article names go into the default graph."""
    iris = IRIs(base_iri)
    naming = name_based(extraction.entities, iris)
    hidden = overrides.not_person if overrides else frozenset()
    articles = [without_people(f, hidden) for f in split_articles(extraction)]
    people = assign(
        (r for facts in articles for r in records_of(facts)),
        mint=lambda key, name: iris.entity(key, Kind.PERSON, name),
        overrides=overrides,
    )
    named: set[str] = set()
    for facts in articles:
        named.update(e.key for e in facts.entities)
        yield from article_quads(facts, naming_of(facts, naming, people.nodes), iris)
    yield from identity_quads(
        ((iri, cluster.reasons) for cluster, iri in people.clusters), iris
    )
    orphans = tuple(
        e
        for e in extraction.entities
        if e.key not in named and not (e.kind is Kind.PERSON and e.name in hidden)
    )
    if orphans:
        out = _ArticleGraph(ArticleFacts(ArticleMeta(""), orphans, ()), naming, iris)
        for entity in orphans:
            out.entity(out.nodes[entity.key], entity)
        for s, p, o in out.out:
            yield ox.Quad(s, p, o, ox.DefaultGraph())


def build_graph(
    extraction: Extraction,
    *,
    base_iri: str = BASE_IRI,
    overrides: Overrides | None = None,
) -> Graph:
    """The contract graph of an extraction: the union of its article graphs
    and its identity graph."""
    quads = extraction_quads(extraction, base_iri=base_iri, overrides=overrides)
    return rdflib_graph(quads, base_iri)


def rdflib_graph(
    quads: Iterable[ox.Quad | ox.Triple], base_iri: str = BASE_IRI
) -> Graph:
    """An rdflib ``Graph`` of the triples of ``quads`` (or of triples)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("kgr", Namespace(base_iri))
    terms: dict[object, URIRef | Literal | BNode] = {}  # IRIs repeat a lot

    def term(node: object) -> URIRef | Literal | BNode:
        found = terms.get(node)
        if found is None:
            found = terms[node] = to_rdflib(node)
        return found

    add = graph.store.add  # Graph.add's own checks, once per triple, cost a third
    for quad in quads:
        add((term(quad.subject), term(quad.predicate), term(quad.object)), graph)
    return graph


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: object) -> URIRef | Literal | BNode:
    """One Oxigraph term as an rdflib term; ``xsd:string`` literals become plain."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"{term!r}: not an IRI, literal or blank node")
