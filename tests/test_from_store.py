"""The page's Oxigraph-backed graph answers as rdflib's own would."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, SKOS, Literal, URIRef

from kg.graph.namespaces import KGO, ORG, PROV, SCHEMA
from kg.graph.triples import rdflib_graph
from kg.publish.from_store import store_graph

R = "https://w3id.org/kgzh/resource/"
TRIPLES = [
    ox.Triple(ox.NamedNode(R + s), ox.NamedNode(str(p)), o)
    for s, p, o in [
        ("org/a", RDF.type, ox.NamedNode(str(ORG.Organization))),
        ("org/a", SKOS.prefLabel, ox.Literal("江阴市总工会", language="zh")),
        ("org/a", SKOS.altLabel, ox.Literal("市总工会", language="zh")),
        ("person/b", SKOS.prefLabel, ox.Literal("张忠", language="zh")),
        ("person/b", ORG.memberOf, ox.NamedNode(R + "org/a")),
        ("article/1", SCHEMA.datePublished, ox.Literal("2023-06-08")),
        ("article/1", KGO.evidenceText, ox.Literal("张忠表示")),
        ("article/1", SCHEMA.identifier, ox.Literal("7", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer"))),
    ]
]  # fmt: skip


@pytest.mark.parametrize(
    "pattern",
    [
        (None, None, None),
        (URIRef(R + "org/a"), None, None),
        (None, SKOS.prefLabel, None),
        (None, None, URIRef(R + "org/a")),
        (None, SKOS.prefLabel, Literal("张忠", lang="zh")),
        (None, SCHEMA.datePublished, Literal("2023-06-08")),
        (None, KGO.evidenceText, Literal("张忠表示")),
        (URIRef(R + "nobody"), None, None),
        (None, RDF.type, ORG.Organization),
    ],
)
def test_answers_as_rdflib(pattern: tuple) -> None:
    expected = set(rdflib_graph(TRIPLES).triples(pattern))
    assert set(store_graph(TRIPLES).triples(pattern)) == expected


def test_counts_and_values() -> None:
    graph, expected = store_graph(TRIPLES), rdflib_graph(TRIPLES)
    assert len(graph) == len(expected) == len(TRIPLES)
    node = URIRef(R + "person/b")
    assert graph.value(node, SKOS.prefLabel) == expected.value(node, SKOS.prefLabel)
    assert set(graph) == set(expected)


def test_is_read_only() -> None:
    with pytest.raises(TypeError):
        store_graph(TRIPLES).add((URIRef(R + "x"), RDF.type, ORG.Organization))


def test_holds_each_triple_once_however_often_given() -> None:
    """The page's queries overlap (a source article's label, a role shared by
    many posts), and a folded fact has thousands of sources: each triple is
    held and counted once, and every one is found by every pattern."""
    fact = ox.NamedNode(R + "statement/1")
    sources = [ox.NamedNode(f"{R}article/{n}") for n in range(40)]
    given = (
        [
            ox.Triple(fact, ox.NamedNode(str(PROV.wasDerivedFrom)), source)
            for source in sources + sources[::3]
        ]
        + TRIPLES
        + TRIPLES[:3]
    )
    graph, expected = store_graph(given), rdflib_graph(given)
    assert len(graph) == len(expected) == 40 + len(TRIPLES)
    assert set(graph) == set(expected)
    subject = URIRef(fact.value)
    assert set(graph.objects(subject, PROV.wasDerivedFrom)) == set(
        expected.objects(subject, PROV.wasDerivedFrom)
    )
    one = URIRef(sources[7].value)
    assert set(graph.subjects(PROV.wasDerivedFrom, one)) == {subject}
    fact_triple = (subject, PROV.wasDerivedFrom, one)
    assert set(graph.triples((None, None, one))) == {fact_triple}
    assert fact_triple in graph
    assert (subject, PROV.wasDerivedFrom, URIRef(R + "article/99")) not in graph
