"""The graph contract (CONTRACT.md) on the bundled examples: shapes, evidence,
determinism, Turtle round trip, and the offline HTML page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.compare import isomorphic

from conftest import ROOT
from kg.build import build
from kg.graph.namespaces import KGO, ORG, PROV, SCHEMA

EXAMPLES = ROOT / "examples"
ENTITY_TYPES = (
    SCHEMA.Person,
    ORG.Organization,
    SCHEMA.AdministrativeArea,
    KGO.Initiative,
)
FACTS = (KGO.locatedIn, KGO.launchedBy, SCHEMA.author, SCHEMA.containedInPlace)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    build([EXAMPLES], out)
    return out


@pytest.fixture(scope="module")
def graph(built: Path) -> Graph:
    return Graph().parse(built / "graph.ttl", format="turtle")


def entities(graph: Graph) -> set:
    return {s for t in ENTITY_TYPES for s in graph.subjects(RDF.type, t)}


def test_examples_yield_every_kind_of_fact(graph: Graph) -> None:
    for rdf_type in ENTITY_TYPES:
        assert any(graph.subjects(RDF.type, rdf_type)), rdf_type
    for predicate in (*FACTS, SCHEMA.mentions, ORG.memberOf):
        assert any(graph.triples((None, predicate, None))), predicate


def test_one_chinese_preferred_label_each(graph: Graph) -> None:
    for node in entities(graph):
        labels = list(graph.objects(node, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "zh", node
        assert (node, RDFS.label, labels[0]) in graph


def test_memberships_have_member_roles_and_evidence(graph: Graph) -> None:
    for member in graph.subjects(RDF.type, ORG.Membership):
        assert len(list(graph.objects(member, ORG.member))) == 1
        roles = list(graph.objects(member, ORG.role))
        assert roles and all((r, RDF.type, ORG.Role) in graph for r in roles)
        assert any(graph.objects(member, PROV.wasDerivedFrom))
        assert all(t.language == "zh" for t in graph.objects(member, KGO.evidenceText))


def test_every_fact_has_a_statement_with_evidence(graph: Graph) -> None:
    for predicate in FACTS:
        for s, _, o in graph.triples((None, predicate, None)):
            statements = [
                st
                for st in graph.subjects(RDF.subject, s)
                if (st, RDF.predicate, predicate) in graph
                and (st, RDF.object, o) in graph
            ]
            assert statements, (s, predicate, o)
            for st in statements:
                sources = list(graph.objects(st, PROV.wasDerivedFrom))
                assert sources
                gazetteer = any((x, RDF.type, KGO.Gazetteer) in graph for x in sources)
                assert gazetteer or any(graph.objects(st, KGO.evidenceText))


def test_part_of_chains_reach_a_province(graph: Graph) -> None:
    for area in graph.subjects(RDF.type, SCHEMA.AdministrativeArea):
        if not any(graph.objects(area, KGO.adminCode)) and not any(
            graph.objects(area, SCHEMA.containedInPlace)
        ):
            continue  # a place the text did not decide: no parent is claimed
        node, steps = area, 0
        while (node, RDF.type, KGO.Province) not in graph:
            parents = list(graph.objects(node, SCHEMA.containedInPlace))
            assert len(parents) == 1, (area, node)
            node, steps = parents[0], steps + 1
            assert steps < 6


def test_coded_districts(graph: Graph) -> None:
    codes = {str(c) for c in graph.objects(None, KGO.adminCode)}
    assert {"320281", "320200", "320000"} <= codes
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)


def test_turtle_reparses_to_the_same_graph(built: Path, graph: Graph) -> None:
    again = Graph().parse(
        data=(built / "graph.ttl").read_text("utf-8"), format="turtle"
    )
    assert isomorphic(graph, again)


def test_two_builds_are_byte_identical(tmp_path: Path, built: Path) -> None:
    """Also across processes with different hash seeds."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(EXAMPLES), "-o", str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
    )
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_evidence_keeps_the_original_characters(graph: Graph) -> None:
    evidence = {str(t) for t in graph.objects(None, KGO.evidenceText)}
    assert any("總工會" in t for t in evidence)
    labels = {str(t) for t in graph.objects(None, SKOS.prefLabel)}
    assert "武进区总工会" in labels and "武進區總工會" not in labels


def test_html_is_offline_and_escapes_document_text(tmp_path: Path) -> None:
    page = tmp_path / "evil.txt"
    page.write_text(
        "<script>alert(1)</script>市总工会\n\n"
        "南京市总工会联合<img src=x onerror=alert(1)>"
        "推出“暖心驿站”服务项目，南京市总工会主席王大明表示要办好实事。\n",
        encoding="utf-8",
    )
    build([page], tmp_path / "out")
    html = (tmp_path / "out" / "graph.html").read_text("utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "王大明" in html or "\\u738b" in html


def test_a_district_literal_code_is_plain_string(graph: Graph) -> None:
    for code in graph.objects(None, KGO.adminCode):
        assert isinstance(code, Literal) and code.datatype is None


def test_undecided_and_former_districts(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("鼓楼区总工会举办讲座。无锡市崇安区总工会成立于上世纪。\n", "utf-8")
    summary = build([page], tmp_path / "out", html=False)
    assert summary.undecided and summary.undecided[0][0].startswith("鼓楼区 (in ")
    assert (
        (tmp_path / "out" / "current" / "undecided.txt")
        .read_text("utf-8")
        .startswith("1\t鼓楼区 (in ")
    )
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    gulou = next(graph.subjects(SKOS.prefLabel, Literal("鼓楼区", lang="zh")))
    assert not any(graph.objects(gulou, KGO.adminCode))
    assert not any(graph.objects(gulou, SCHEMA.containedInPlace))
    liangxi = next(graph.subjects(KGO.adminCode, Literal("320213")))
    assert (liangxi, KGO.formerName, Literal("崇安区", lang="zh")) in graph
