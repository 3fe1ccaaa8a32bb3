"""Acceptance on the seed page: the figures issue 2 asks for, measured by kg eval."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from kg.build import build
from kg.corpus.open import load_graph
from kg.evaluate.score import load_gold, score

SEED = "000_800d7f6a987cfa3a"
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
ENTITY_F1 = 0.90
RELATION_F1 = {
    "post(person,org)": 0.85,
    "post(person,role)": 0.85,
    "locatedIn": 0.85,
    "partOf": 0.85,
    "author": 0.85,
    "launchedBy": 0.70,
}


@pytest.fixture(scope="module")
def report(shared: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("seed")
    build([shared / "seeds" / f"{SEED}.txt"], out, html=False)
    gold = load_gold(shared / "gold" / f"{SEED}.gold.json")
    return score([gold], load_graph(out / "graph.ttl"))


@pytest.mark.parametrize("kind", ["Person", "Organization", "District", "Initiative"])
def test_entity_f1(report, kind: str) -> None:
    assert report.entities[kind].f1 >= ENTITY_F1


@pytest.mark.parametrize("kind, floor", sorted(RELATION_F1.items()))
def test_relation_f1(report, kind: str, floor: float) -> None:
    assert report.relations[kind].f1 >= floor


def test_seed_districts_have_their_codes_and_reach_the_province(
    shared: Path, tmp_path: Path
) -> None:
    from rdflib import Graph, Literal

    from kg.graph.namespaces import KGO, SCHEMA

    build([shared / "seeds" / f"{SEED}.txt"], tmp_path, html=False)
    graph = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    expected = {"梁溪区": "320213", "江阴市": "320281", "无锡市": "320200"}
    for name, code in expected.items():
        node = graph.value(predicate=KGO.adminCode, object=Literal(code))
        assert node is not None and str(graph.value(node, SKOS_PREF)) == name
    for area in graph.subjects(KGO.adminCode, None):
        node, steps = area, 0
        while graph.value(node, SCHEMA.containedInPlace) is not None:
            node, steps = graph.value(node, SCHEMA.containedInPlace), steps + 1
        assert str(graph.value(node, KGO.adminCode)).endswith("0000"), area
