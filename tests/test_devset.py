"""Regression floors on the invented development set (tests/data/devset).

The set was written blind to the extractors and then used to improve them,
so these figures measure regressions, not generalisation; see its README.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from kg.build import build
from kg.corpus.open import load_graph
from kg.evaluate.score import load_gold, score

DEVSET = ROOT / "tests" / "data" / "devset"
ENTITY_FLOORS = {
    "Person": 0.92,
    "Organization": 0.92,
    "District": 0.93,
    "Initiative": 0.92,
}
RELATION_FLOORS = {
    "post(person,org)": 0.90,
    "post(person,role)": 0.90,
    "locatedIn": 0.93,
    "partOf": 0.93,
    "launchedBy": 0.80,
    "author": 0.88,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("devset")
    build(sorted(DEVSET.glob("*.txt")), out, html=False)
    golds = [load_gold(path) for path in sorted(DEVSET.glob("*.gold.json"))]
    return score(golds, load_graph(out / "graph.ttl"))


@pytest.mark.parametrize("kind, floor", sorted(ENTITY_FLOORS.items()))
def test_entities(report, kind: str, floor: float) -> None:  # type: ignore[no-untyped-def]
    assert report.entities[kind].f1 >= floor


@pytest.mark.parametrize("kind, floor", sorted(RELATION_FLOORS.items()))
def test_relations(report, kind: str, floor: float) -> None:  # type: ignore[no-untyped-def]
    assert report.relations[kind].f1 >= floor


def test_every_article_has_a_gold_file() -> None:
    articles = {p.stem for p in DEVSET.glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in DEVSET.glob("*.gold.json")}
    assert articles == golds and len(articles) == 10
