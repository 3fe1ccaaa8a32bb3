"""Did you mean …: near names by characters, pinyin and short forms, on a
graph file and on a store alike, and in ``kg query --param``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kg.build import build
from kg.cli import main
from kg.corpus.store import write_store
from kg.graph.files import parse_graph_file
from kg.graph.names import Named, did_you_mean, find_named, suggest
from kg.sparql.lookup import UnknownEntityError, check_params, entity_names
from kg.sparql.oxigraph import open_graph_or_store

ENTITIES = [
    Named("p1", "Person", "钱卫东", ("钱卫东", "qian wei dong")),
    Named("p2", "Person", "钱伟", ("钱伟",)),
    Named("d1", "District", "苏州市", ("苏州市", "320500")),
    Named("d2", "District", "苏州工业园区", ("苏州工业园区",)),
    Named("d3", "District", "江阴市", ("江阴市",)),
    Named("o1", "Organization", "武进区总工会", ("武进区总工会",)),
]


@pytest.mark.parametrize(
    "miss, first",
    [
        ("钱卫冬", "钱卫东"),  # one character wrong
        ("钱伟东", "钱卫东"),  # a homophone
        ("qianweidon", "钱卫东"),  # pinyin, misspelt
        ("苏州", "苏州市"),  # a short form
        ("江阴", "江阴市"),
        ("武进总工会", "武进区总工会"),  # a character left out
    ],
)
def test_suggest_finds_the_near_name(miss: str, first: str) -> None:
    assert suggest(miss, ENTITIES)[0].label == first


@pytest.mark.parametrize("miss", ["北京市", "张", "", "zzzz"])
def test_suggest_offers_nothing_far(miss: str) -> None:
    assert suggest(miss, ENTITIES) == []


def test_find_named_ignores_case_and_spaces() -> None:
    assert [e.iri for e in find_named("QianWeiDong", ENTITIES)] == ["p1"]
    assert [e.iri for e in find_named("320500", ENTITIES)] == ["d1"]


def test_did_you_mean_names_the_kind() -> None:
    districts = [e for e in ENTITIES if e.kind == "District"]
    assert did_you_mean("苏州", districts, kind="District") == (
        "no district named '苏州'; did you mean 苏州市、苏州工业园区?"
    )


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("names")
    build([ROOT / "examples"], out, html=False)
    write_store(parse_graph_file(out / "graph.ttl"), out / "store")
    return out


@pytest.mark.parametrize("where", ["graph.ttl", "store"])
def test_graph_file_and_store_give_the_same_names(example: Path, where: str) -> None:
    source = open_graph_or_store(example / where)
    named = entity_names(source, ["Person"])
    assert [e.label for e in suggest("钱卫冬", named)] == ["钱卫东"]
    with pytest.raises(UnknownEntityError, match=r"did you mean 苏州市"):
        check_params(source, "posts", {"district": "苏州"})
    check_params(source, "posts", {"district": "苏州市"})
    check_params(source, "posts", {"district": "320500"})


def test_query_param_that_names_nothing_says_so(example: Path) -> None:
    graph = str(example / "graph.ttl")
    result = CliRunner().invoke(
        main, ["query", graph, "posts", "--param", "district=苏州"]
    )
    assert result.exit_code == 1
    assert "no district named '苏州'; did you mean 苏州市" in result.output


def test_empty_result_of_own_query_hints(example: Path) -> None:
    graph = str(example / "graph.ttl")
    query = "SELECT ?x WHERE { ?x skos:prefLabel ?n FILTER(STR(?n) = ?name) }"
    result = CliRunner().invoke(main, ["query", graph, query, "--param", "name=钱卫冬"])
    assert result.exit_code == 0
    assert "did you mean 钱卫东?" in result.stderr


@pytest.mark.parametrize("command", ["view", "path"])
def test_view_and_path_suggest(example: Path, command: str) -> None:
    graph = str(example / "graph.ttl")
    args = {"view": ["view", "钱卫冬", graph, "-o", str(example / "v.html")]}
    args["path"] = ["path", "钱卫冬", "江阴市", graph]
    result = CliRunner().invoke(main, args[command])
    assert result.exit_code == 1
    assert "did you mean 钱卫东?" in result.output
