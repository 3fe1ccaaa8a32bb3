"""SHACL shapes of the contract: real builds conform, each rule catches a break."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from conftest import ROOT
from kg.cli.query import validate
from kg.graph.shacl import (
    KGSH,
    ContractError,
    ShapesError,
    check_graph,
    format_report,
    load_shapes,
    shapes_path,
    validate_graph,
)
from kg.graph.triples import build_graph
from kg.pipeline import extract_documents
from kg.read.files import read_paths

PREFIXES = """
@prefix kgo:    <https://w3id.org/kgzh/ontology#> .
@prefix kgr:    <https://w3id.org/kgzh/resource/> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix foaf:   <http://xmlns.com/foaf/0.1/> .
"""
SPARQL_PREFIXES = "\n".join(
    line.replace("@prefix", "PREFIX").rstrip(" .")
    for line in PREFIXES.strip().splitlines()
)

# One of everything the contract has, as kg writes it.
VALID = (
    PREFIXES
    + """
kgr:p a schema:Person , foaf:Person ;
    skos:prefLabel "张某"@zh ; rdfs:label "张某"@zh ;
    skos:altLabel "Zhang Mou"@zh-Latn-pinyin ;
    org:memberOf kgr:o ;
    schema:jobTitle "代表"@zh .
kgr:o a org:Organization , kgo:TradeUnion ;
    skos:prefLabel "江阴市总工会"@zh ; rdfs:label "江阴市总工会"@zh ;
    skos:altLabel "市总工会"@zh ;
    kgo:locatedIn kgr:d .
kgr:d a schema:AdministrativeArea , kgo:County ;
    skos:prefLabel "江阴市"@zh ; rdfs:label "江阴市"@zh ;
    kgo:adminCode "320281" ;
    schema:containedInPlace kgr:c .
kgr:c a schema:AdministrativeArea , kgo:City ;
    skos:prefLabel "无锡市"@zh ; rdfs:label "无锡市"@zh ; kgo:adminCode "320200" .
kgr:i a kgo:Initiative , kgo:Programme ;
    skos:prefLabel "车间课堂"@zh ; rdfs:label "车间课堂"@zh ;
    kgo:launchedBy kgr:o .
kgr:role a org:Role ; skos:prefLabel "主席"@zh ; rdfs:label "主席"@zh .
kgr:a a schema:NewsArticle ;
    skos:prefLabel "标题"@zh ; rdfs:label "标题"@zh ;
    schema:identifier "a1" ;
    schema:author kgr:p ;
    schema:mentions kgr:p , kgr:o , kgr:d , kgr:c , kgr:i .
kgr:gaz a prov:Entity , kgo:Gazetteer ; rdfs:label "gazetteer"@en .
kgr:m a org:Membership ;
    org:member kgr:p ; org:organization kgr:o ; org:role kgr:role ;
    prov:wasDerivedFrom kgr:a ; kgo:evidenceText "江阴市总工会主席张某说。"@zh .
kgr:s1 a rdf:Statement ;
    rdf:subject kgr:o ; rdf:predicate kgo:locatedIn ; rdf:object kgr:d ;
    prov:wasDerivedFrom kgr:a ; kgo:evidenceText "江阴市总工会主席张某说。"@zh .
kgr:s2 a rdf:Statement ;
    rdf:subject kgr:d ; rdf:predicate schema:containedInPlace ; rdf:object kgr:c ;
    prov:wasDerivedFrom kgr:gaz .
kgr:s3 a rdf:Statement ;
    rdf:subject kgr:i ; rdf:predicate kgo:launchedBy ; rdf:object kgr:o ;
    prov:wasDerivedFrom kgr:a ; kgo:evidenceText "总工会推出车间课堂。"@zh .
kgr:s4 a rdf:Statement ;
    rdf:subject kgr:a ; rdf:predicate schema:author ; rdf:object kgr:p ;
    prov:wasDerivedFrom kgr:a ; kgo:evidenceText "（记者 张某）"@zh .
kgr:s5 a rdf:Statement ;
    rdf:subject kgr:p ; rdf:predicate schema:jobTitle ; rdf:object "代表"@zh ;
    prov:wasDerivedFrom kgr:a ; kgo:evidenceText "代表张某说。"@zh .
"""
)

# rule broken, SPARQL Update that breaks it in the valid graph
BREAKS = [
    ("PrefLabel", "DELETE WHERE { kgr:p skos:prefLabel ?l }"),
    ("PrefLabel", 'INSERT DATA { kgr:p skos:prefLabel "张某某"@zh }'),
    (
        "PrefLabel",
        'DELETE DATA { kgr:o skos:prefLabel "江阴市总工会"@zh ;'
        ' rdfs:label "江阴市总工会"@zh } ;'
        ' INSERT DATA { kgr:o skos:prefLabel "union"@en ; rdfs:label "union"@en }',
    ),
    ("PrefLabelIsLabel", 'INSERT DATA { kgr:d rdfs:label "江阴"@zh }'),
    ("AltLabel", 'INSERT DATA { kgr:o skos:altLabel "Jiangyin union"@en }'),
    ("PersonTypeShape", "DELETE DATA { kgr:p a schema:Person }"),
    ("OrganizationTypeShape", "DELETE DATA { kgr:o a org:Organization }"),
    ("DistrictTypeShape", "DELETE DATA { kgr:d a schema:AdministrativeArea }"),
    ("InitiativeTypeShape", "DELETE DATA { kgr:i a kgo:Initiative }"),
    (
        "AdminCode",
        'DELETE DATA { kgr:d kgo:adminCode "320281" } ;'
        ' INSERT DATA { kgr:d kgo:adminCode "32028" }',
    ),
    ("AdminCode", 'INSERT DATA { kgr:d kgo:adminCode "320282" }'),
    ("Parent", "INSERT DATA { kgr:d schema:containedInPlace kgr:o }"),
    ("LocatedInShape", "INSERT DATA { kgr:p kgo:locatedIn kgr:d }"),
    ("LocatedIn", "INSERT DATA { kgr:o kgo:locatedIn kgr:p }"),
    ("PartOfShape", "INSERT DATA { kgr:o schema:containedInPlace kgr:d }"),
    ("LaunchedByShape", "INSERT DATA { kgr:a kgo:launchedBy kgr:o }"),
    ("RenamedToShape", "INSERT DATA { kgr:p kgo:renamedTo kgr:o }"),
    ("RenamedTo", "INSERT DATA { kgr:o kgo:renamedTo kgr:d }"),
    ("Author", "INSERT DATA { kgr:a schema:author kgr:o }"),
    ("ArticleId", "DELETE WHERE { kgr:a schema:identifier ?id }"),
    ("ArticleRelationShape", "INSERT DATA { kgr:p schema:mentions kgr:o }"),
    ("PersonRelationShape", 'INSERT DATA { kgr:o schema:jobTitle "主席"@zh }'),
    ("JobTitle", 'INSERT DATA { kgr:p schema:jobTitle "deputy"@en }'),
    ("MemberOf", "INSERT DATA { kgr:p org:memberOf kgr:d }"),
    ("Member", "DELETE WHERE { kgr:m org:member ?p }"),
    ("Member", "INSERT DATA { kgr:m org:member kgr:o }"),
    ("MemberOrganization", "INSERT DATA { kgr:m org:organization kgr:d }"),
    ("MemberOrganization", "DELETE WHERE { kgr:m org:organization ?o }"),
    ("Role", "INSERT DATA { kgr:m org:role kgr:o }"),
    ("MembershipSource", "DELETE WHERE { kgr:m prov:wasDerivedFrom ?a }"),
    ("MembershipEvidence", "DELETE WHERE { kgr:m kgo:evidenceText ?t }"),
    ("StatementSubject", "DELETE WHERE { kgr:s1 rdf:subject ?s }"),
    ("StatementPredicate", 'INSERT DATA { kgr:s1 rdf:predicate "locatedIn" }'),
    ("StatementObject", "INSERT DATA { kgr:s1 rdf:object kgr:c }"),
    ("StatementSource", "DELETE WHERE { kgr:s3 prov:wasDerivedFrom ?a }"),
    ("StatementEvidenceText", 'INSERT DATA { kgr:s1 kgo:evidenceText "said"@en }'),
    ("FactHasEvidence", "INSERT DATA { kgr:o kgo:locatedIn kgr:c }"),
    ("FactHasEvidence", "DELETE WHERE { kgr:s2 prov:wasDerivedFrom ?g }"),
    ("MemberOfHasMembership", "INSERT DATA { kgr:p org:memberOf kgr:o2 }"),
    ("MembershipHasMemberOf", "DELETE DATA { kgr:p org:memberOf kgr:o }"),
    ("StatementIsAsserted", "DELETE DATA { kgr:o kgo:locatedIn kgr:d }"),
    ("StatementProvenance", "DELETE WHERE { kgr:s3 kgo:evidenceText ?t }"),
    ("StatementProvenance", "INSERT DATA { kgr:s5 prov:wasDerivedFrom kgr:p }"),
    ("MentionsAnEntity", "INSERT DATA { kgr:a schema:mentions kgr:role }"),
    (
        "LaunchedByAnActor",
        "DELETE DATA { kgr:i kgo:launchedBy kgr:o } ;"
        " INSERT DATA { kgr:i kgo:launchedBy kgr:a }",
    ),
]


def valid_graph() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def broken(update: str) -> Graph:
    graph = valid_graph()
    graph.update(SPARQL_PREFIXES + "\n" + update)
    return graph


def rules(graph: Graph) -> set[str]:
    report = validate_graph(graph)
    return {str(v.rule).removeprefix(str(KGSH)) for v in report.violations}


def test_the_valid_graph_conforms() -> None:
    report = validate_graph(valid_graph())
    assert report.conforms, format_report(report, valid_graph())


@pytest.mark.parametrize("rule, update", BREAKS)
def test_each_rule_catches_its_break(rule: str, update: str) -> None:
    graph = broken(update)
    assert not isomorphic(graph, valid_graph())
    assert not validate_graph(graph).conforms
    assert rule in rules(graph)


def test_every_rule_has_a_break() -> None:
    shapes = load_shapes()
    named = {
        str(s).removeprefix(str(KGSH))
        for s in shapes.subjects(SH.message, None)
        if isinstance(s, URIRef)
    }
    assert named == {rule for rule, _ in BREAKS}


@pytest.mark.parametrize(
    "shape, base",
    [
        ("OrganizationTypeShape", "http://www.w3.org/ns/org#Organization"),
        ("DistrictTypeShape", "https://schema.org/AdministrativeArea"),
        ("InitiativeTypeShape", "https://w3id.org/kgzh/ontology#Initiative"),
    ],
)
def test_type_shapes_cover_the_ontology(shape: str, base: str) -> None:
    """Every finer class in ontology/kg.ttl must also assert its kind."""
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    finer = {
        s
        for s in ontology.subjects(RDFS.subClassOf, URIRef(base))
        if (s, RDF.type, OWL.Class) in ontology
    }
    targets = set(load_shapes().objects(KGSH[shape], SH.targetClass))
    assert finer <= targets


def built(paths: list[Path]) -> Graph:
    graph = build_graph(extract_documents(read_paths(paths)))
    return Graph().parse(data=graph.serialize(format="turtle"), format="turtle")


def test_the_example_build_conforms() -> None:
    graph = built([ROOT / "examples"])
    report = validate_graph(graph)
    assert report.conforms, format_report(report, graph)


@pytest.mark.slow
def test_the_seed_build_conforms(shared: Path) -> None:
    graph = built([shared / "seeds" / "000_800d7f6a987cfa3a.txt"])
    report = validate_graph(graph)
    assert report.conforms, format_report(report, graph)


def test_check_graph_names_the_rule_and_the_culprit() -> None:
    with pytest.raises(ContractError) as caught:
        check_graph(broken("INSERT DATA { kgr:m org:role kgr:o }"), what="out.ttl")
    message = str(caught.value)
    assert "out.ttl" in message
    assert "kgsh:Role" in message and "kgr:m" in message
    assert "must be an org:Role" in message


def test_report_lists_graph_wide_culprits_with_labels() -> None:
    graph = broken("INSERT DATA { kgr:o kgo:locatedIn kgr:c }")
    text = format_report(validate_graph(graph), graph, name="g.ttl")
    assert text.startswith("g.ttl: 1 violation of the graph contract")
    assert "kgr:o (江阴市总工会) kgo:locatedIn kgr:c has no evidence" in text


def test_report_limits_culprits_per_rule() -> None:
    graph = valid_graph()
    for n in range(4):
        graph.update(
            f"{SPARQL_PREFIXES}\nINSERT DATA {{ kgr:o kgo:locatedIn kgr:x{n} }}"
        )
    text = format_report(validate_graph(graph), graph, limit=2)
    assert "… and 2 more" in text


def test_shapes_are_found_and_parse() -> None:
    assert shapes_path().name == "shapes.ttl"
    assert (None, RDF.type, SH.NodeShape) in load_shapes()


def test_a_broken_shapes_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"bad\.ttl"):
        load_shapes(bad)


@pytest.mark.parametrize(
    "update, code, expected",
    [
        ("", 0, "conforms to the graph contract"),
        ("INSERT DATA { kgr:m org:role kgr:o }", 1, "kgsh:Role (1)"),
    ],
)
def test_validate_command(
    tmp_path: Path, update: str, code: int, expected: str
) -> None:
    path = tmp_path / "graph.ttl"
    (broken(update) if update else valid_graph()).serialize(path, format="turtle")
    result = CliRunner().invoke(validate, [str(path)])
    assert result.exit_code == code, result.output
    assert expected in result.output


def test_validate_command_reports_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(validate, [str(tmp_path / "nope.ttl")])
    assert result.exit_code == 1
    assert "nope.ttl" in result.output


# ---------------------------------------------------------------- the build's engine


def _store(update: str = "") -> object:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(VALID.encode("utf-8"), ox.RdfFormat.TURTLE)
    if update:
        store.update(SPARQL_PREFIXES + "\n" + update)
    return store


def test_the_compiled_rules_pass_the_valid_graph() -> None:
    from kg.graph.rules import violations

    assert violations(_store()) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("rule, update", BREAKS)
def test_the_compiled_rules_catch_each_break(rule: str, update: str) -> None:
    """kg build checks batches with the shapes compiled into SPARQL
    (kg/graph/rules.py): each rule must catch the break pySHACL catches."""
    from kg.graph.rules import violations

    found = {
        str(v.rule).removeprefix(str(KGSH))
        for v in violations(_store(update))  # type: ignore[arg-type]
    }
    assert rule in found


def test_every_shape_is_compiled() -> None:
    from kg.graph.rules import compiled_rules

    compiled = {str(r.rule).removeprefix(str(KGSH)) for r in compiled_rules()}
    assert compiled == {rule for rule, _ in BREAKS}


def _corpus(*graphs: tuple[str, str]) -> object:
    """A corpus store: each (graph IRI, Turtle) in its named graph and in
    the default graph, as kg.corpus.increments keeps them."""
    import pyoxigraph as ox

    store = ox.Store()
    for iri, turtle in graphs:
        for quad in ox.parse((PREFIXES + turtle).encode("utf-8"), ox.RdfFormat.TURTLE):
            store.add(ox.Quad(quad.subject, quad.predicate, quad.object))
            store.add(
                ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(iri))
            )
    return store


PLACE = """kgr:d a schema:AdministrativeArea ;
    skos:prefLabel "江阴市"@zh ; rdfs:label "江阴市"@zh ;
    schema:containedInPlace kgr:%s ."""


@pytest.mark.parametrize("parent, conforms", [("wuxi", True), ("suzhou", False)])
def test_the_corpus_check_sees_what_two_articles_give_one_node(
    parent: str, conforms: bool
) -> None:
    """A district that a later article gives a second parent breaks the
    contract once both articles are in the corpus, though each article's
    graph conforms on its own; checking the later article's graph is enough."""
    from kg.graph.rules import check_touched

    store = _corpus(("urn:g:1", PLACE % "wuxi"), ("urn:g:2", PLACE % parent))
    if conforms:
        check_touched(store, ["urn:g:2"])  # type: ignore[arg-type]
    else:
        with pytest.raises(ContractError, match="containedInPlace"):
            check_touched(store, ["urn:g:2"])  # type: ignore[arg-type]


def test_the_corpus_check_reads_only_the_shared_nodes() -> None:
    """An article's own nodes (a membership) are checked where the article
    is extracted, not read again from the corpus: the check of a graph
    without shared nodes loads nothing."""
    from kg.graph.rules import _shared

    store = _corpus(
        ("urn:g:1", "kgr:m a org:Membership ; org:member kgr:p ."),
        ("urn:g:2", PLACE % "wuxi"),
    )
    assert _shared(store, ["urn:g:1"]) == []  # type: ignore[arg-type]
    assert _shared(store, ["urn:g:2"]) == [  # type: ignore[arg-type]
        "https://w3id.org/kgzh/resource/d"
    ]
