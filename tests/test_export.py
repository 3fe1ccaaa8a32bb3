"""Contract tests over every registered exporter, and kg export."""

from __future__ import annotations

import json
import random
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.analytics.projection import project
from kg.cli.analytics import FORMATS, export
from kg.errors import OutputError
from kg.graph.files import write_turtle
from kg.graph.triples import build_graph
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
from kg.publish.export import EXPORTERS, ExportOptions, export_graph

TEXT = "滨江区总工会党组书记、主席郑海波表示，将推出“暖心驿站”服务。"
NETWORKS = ("graphml", "gexf")
READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def _graph() -> Graph:
    doc = Document(
        "d1", TEXT, TEXT, title="滨江区总工会推出暖心驿站", date="2024-05-01",
        url="https://example.org/news/1",
    )  # fmt: skip
    evidence = Evidence("d1", TEXT)
    entities = (
        Entity("Person:郑海波", Kind.PERSON, "郑海波"),
        Entity("Person:叶晴", Kind.PERSON, "叶晴"),
        Entity("Organization:滨江区总工会", Kind.ORGANIZATION, "滨江区总工会",
               ("区总工会",), subtype="TradeUnion"),
        Entity("District:770101", Kind.DISTRICT, "滨江区", code="770101"),
        Entity("District:770100", Kind.DISTRICT, "临江市", code="770100"),
        Entity("Initiative:暖心驿站", Kind.INITIATIVE, "暖心驿站"),
    )  # fmt: skip
    relations = (
        Relation(RelKind.POST, "Person:郑海波", "Organization:滨江区总工会",
                 ("党组书记", "主席"), evidence),
        Relation(RelKind.LOCATED_IN, "Organization:滨江区总工会", "District:770101",
                 evidence=evidence),
        Relation(RelKind.PART_OF, "District:770101", "District:770100",
                 source=GAZETTEER),
        Relation(RelKind.LAUNCHED_BY, "Initiative:暖心驿站",
                 "Organization:滨江区总工会", evidence=evidence),
        Relation(RelKind.AUTHOR, "d1", "Person:叶晴", evidence=evidence),
    )  # fmt: skip
    mentions = (("d1", "Person:郑海波"), ("d1", "Person:叶晴"))
    return build_graph(Extraction((doc,), entities, relations, mentions))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return _graph()


def _shuffled(graph: Graph, seed: int) -> Graph:
    """The same triples added in another order, with the same prefixes."""
    triples = list(graph)
    random.Random(seed).shuffle(triples)
    other = Graph()
    for prefix, namespace in graph.namespaces():
        other.bind(prefix, namespace, override=True)
    for triple in triples:
        other.add(triple)
    return other


def test_cli_formats_match_the_registry() -> None:
    assert tuple(EXPORTERS) == FORMATS


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_exporter_declares_itself(name: str) -> None:
    exporter = EXPORTERS[name]
    assert exporter.name == name
    assert exporter.suffix.startswith(".") and exporter.description


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_output_is_deterministic(graph: Graph, name: str) -> None:
    rendered = EXPORTERS[name].render(graph, ExportOptions())
    for seed in (1, 2):
        assert EXPORTERS[name].render(_shuffled(graph, seed), ExportOptions()) == (
            rendered
        )


@pytest.mark.parametrize("name", ["jsonld", "nquads"])
def test_rdf_formats_reparse_to_an_isomorphic_graph(
    graph: Graph, tmp_path: Path, name: str
) -> None:
    path = export_graph(graph, name, tmp_path / f"g{EXPORTERS[name].suffix}")
    dataset = Dataset()
    dataset.parse(path, format="json-ld" if name == "jsonld" else "nquads")
    quads = list(dataset.quads())
    back = Graph()
    for s, p, o, _ in quads:
        back.add((s, p, o))
    assert len(back) == len(graph)
    assert isomorphic(back, graph)


@pytest.mark.parametrize("name", NETWORKS)
@pytest.mark.parametrize("mentions", [False, True])
def test_network_formats_reparse_with_the_same_counts(
    graph: Graph, tmp_path: Path, name: str, mentions: bool
) -> None:
    options = ExportOptions(mentions=mentions)
    path = export_graph(graph, name, tmp_path / f"g.{name}", options=options)
    back = READERS[name](path)
    expected = project(graph, mentions=mentions)
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()


@pytest.mark.parametrize("name", NETWORKS)
def test_network_formats_keep_labels_types_relations_and_roles(
    graph: Graph, tmp_path: Path, name: str
) -> None:
    back = READERS[name](export_graph(graph, name, tmp_path / f"g.{name}"))
    labels = {data["label"]: data["type"] for _, data in back.nodes(data=True)}
    assert labels["郑海波"] == "Person" and labels["滨江区"] == "District"
    edges = {
        (back.nodes[u]["label"], data["relation"], data.get("roles") or "")
        for u, _, data in back.edges(data=True)
    }
    assert ("郑海波", "post", "党组书记、主席") in edges
    assert ("滨江区", "partOf", "") in edges


@pytest.mark.parametrize(
    "graph_iri, expected",
    [
        (None, "https://w3id.org/kgzh/resource/graph"),
        ("https://example.org/g/news", "https://example.org/g/news"),
    ],
)
def test_nquads_put_every_triple_in_one_named_graph(
    graph: Graph, graph_iri: str | None, expected: str
) -> None:
    text = EXPORTERS["nquads"].render(graph, ExportOptions(graph_iri=graph_iri))
    lines = text.decode("utf-8").splitlines()
    assert len(lines) == len(graph)
    assert all(line.endswith(f"<{expected}> .") for line in lines)
    assert lines == sorted(lines)


def test_gexf_carries_no_date(graph: Graph) -> None:
    assert b"lastmodifieddate" not in EXPORTERS["gexf"].render(graph, ExportOptions())


def test_jsonld_uses_the_contract_prefixes(graph: Graph) -> None:
    document = json.loads(EXPORTERS["jsonld"].render(graph, ExportOptions()))
    assert document["@context"]["org"] == "http://www.w3.org/ns/org#"
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)


def test_unknown_format_names_the_choices(graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="graphml, gexf, jsonld, nquads"):
        export_graph(graph, "dot", tmp_path / "g.dot")


class _Broken:
    name = "graphml"
    suffix = ".graphml"
    description = "fails half way"

    def render(self, graph: Graph, options: ExportOptions) -> bytes:
        raise OutputError("render failed")


def test_a_failed_export_leaves_the_old_file(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.graphml"
    path.write_text("old", encoding="utf-8")
    monkeypatch.setitem(EXPORTERS, "graphml", _Broken())
    with pytest.raises(OutputError):
        export_graph(graph, "graphml", path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_unwritable_output_is_named(graph: Graph, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match=r"file/g\.gexf"):
        export_graph(graph, "gexf", blocker / "g.gexf")


@pytest.mark.parametrize(
    "args, code, expected",
    [
        (["--format", "gexf"], 0, "wrote"),
        (["--format", "nquads", "--graph-iri", "https://example.org/g"], 0, "wrote"),
        (["--format", "dot"], 2, "dot"),
    ],
)
def test_export_command(
    graph: Graph, tmp_path: Path, args: list[str], code: int, expected: str
) -> None:
    source = write_turtle(graph, tmp_path / "graph.ttl")
    out = tmp_path / "out" / "graph.export"
    result = CliRunner().invoke(export, [str(source), *args, "-o", str(out)])
    assert result.exit_code == code, result.output
    assert expected in result.output
    assert out.is_file() == (code == 0)
