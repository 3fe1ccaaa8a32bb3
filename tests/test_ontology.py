"""The ontology file and the code's closed namespace stay in step."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph

from conftest import ROOT
from kg.graph.namespaces import KGO

ONTOLOGY = ROOT / "ontology" / "kg.ttl"


def test_namespace_and_ontology_agree() -> None:
    graph = Graph().parse(ONTOLOGY, format="turtle")
    base = str(KGO._NS)
    defined = {
        str(s)[len(base) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(base)
    }
    in_code = {name for name in KGO.__annotations__ if not name.startswith("_")}
    assert defined == in_code


def test_every_term_is_labelled_in_both_languages() -> None:
    graph = Graph().parse(ONTOLOGY, format="turtle")
    for term in set(graph.subjects(RDFS.label, None)):
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term
