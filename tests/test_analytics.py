"""kg stats and kg path on a small invented graph whose shape is known.

青川省 ─ 青川市 ─ 湖滨区 ─ 湖滨区总工会 ─ 林晓东 ─ 湖滨区人民政府 ─ 王芳
   │                  └──── 湖滨区人民政府 (locatedIn)     └ 暖心驿站
   └─ 白沙市 ─ 石门县 ─ 石门县总工会 ─ 周雨桐, 技能提升计划
        └ 白沙日报
a1 (author 陈立); a2 (no author); 孤岛计划 alone.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.analytics import (
    METHODS,
    AnalyticsError,
    Paths,
    find_paths,
    format_paths,
    format_stats,
    graph_stats,
    paths_to_dict,
    stats_to_dict,
)
from kg.analytics.betweenness import sampled_betweenness
from kg.analytics.stats import DEFAULT_SAMPLE, DEFAULT_TOP
from kg.cli.analytics import COMMUNITY_METHODS, path, stats
from kg.errors import GraphError
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
from kg.resolve.identity import Overrides
from kg.tables import display_width as width

PER, ORG, DIS, INI = Kind.PERSON, Kind.ORGANIZATION, Kind.DISTRICT, Kind.INITIATIVE
ENTITIES = [
    Entity("Person:林晓东", PER, "林晓东"),
    Entity("Person:王芳", PER, "王芳"),
    Entity("Person:周雨桐", PER, "周雨桐"),
    Entity("Person:陈立", PER, "陈立"),
    Entity("Organization:湖滨区总工会", ORG, "湖滨区总工会", ("总工会",)),
    Entity("Organization:湖滨区人民政府", ORG, "湖滨区人民政府"),
    Entity("Organization:石门县总工会", ORG, "石门县总工会", ("总工会",)),
    Entity("Organization:白沙日报", ORG, "白沙日报", subtype="Media"),
    Entity("District:880000", DIS, "青川省", code="880000"),
    Entity("District:880100", DIS, "青川市", code="880100"),
    Entity("District:880102", DIS, "湖滨区", code="880102"),
    Entity("District:880200", DIS, "白沙市", code="880200"),
    Entity("District:880221", DIS, "石门县", code="880221"),
    Entity("Initiative:暖心驿站", INI, "暖心驿站"),
    Entity("Initiative:技能提升计划", INI, "技能提升计划"),
    Entity("Initiative:孤岛计划", INI, "孤岛计划"),
]
SENTENCE = "湖滨区总工会党组书记、主席林晓东表示，将推出“暖心驿站”。"


def _fact(kind: RelKind, subject: str, obj: str, *roles: str) -> Relation:
    sentence = SENTENCE if kind is RelKind.POST else f"{subject}与{obj}。"
    return Relation(kind, subject, obj, roles, Evidence("a1", sentence))


def _gazetteer(child: str, parent: str) -> Relation:
    return Relation(
        RelKind.PART_OF, f"District:{child}", f"District:{parent}", source=GAZETTEER
    )


RELATIONS = [
    _fact(
        RelKind.POST, "Person:林晓东", "Organization:湖滨区总工会", "主席", "党组书记"
    ),
    _fact(RelKind.POST, "Person:林晓东", "Organization:湖滨区人民政府", "副区长"),
    _fact(RelKind.POST, "Person:王芳", "Organization:湖滨区人民政府", "科员"),
    _fact(RelKind.POST, "Person:周雨桐", "Organization:石门县总工会", "主席"),
    _fact(RelKind.LOCATED_IN, "Organization:湖滨区总工会", "District:880102"),
    _fact(RelKind.LOCATED_IN, "Organization:湖滨区人民政府", "District:880102"),
    _fact(RelKind.LOCATED_IN, "Organization:石门县总工会", "District:880221"),
    _fact(RelKind.LOCATED_IN, "Organization:白沙日报", "District:880200"),
    _gazetteer("880100", "880000"),
    _gazetteer("880102", "880100"),
    _gazetteer("880200", "880000"),
    _gazetteer("880221", "880200"),
    _fact(RelKind.LAUNCHED_BY, "Initiative:暖心驿站", "Organization:湖滨区总工会"),
    _fact(RelKind.LAUNCHED_BY, "Initiative:技能提升计划", "Organization:石门县总工会"),
    _fact(RelKind.AUTHOR, "a1", "Person:陈立"),
]
MENTIONS = [
    ("a1", "Person:林晓东"),
    ("a1", "Organization:湖滨区总工会"),
    ("a1", "Initiative:暖心驿站"),
    ("a2", "Person:周雨桐"),
    ("a2", "Person:陈立"),
]
DOCUMENTS = (Document("a1", SENTENCE, SENTENCE), Document("a2", "周雨桐", "周雨桐"))


@pytest.fixture(scope="module")
def graph() -> Graph:
    extraction = Extraction(
        DOCUMENTS, tuple(ENTITIES), tuple(RELATIONS), tuple(MENTIONS)
    )
    # a2 names 周雨桐 and 陈立 with no post and no place: person identity
    # would keep them apart from a1's (kg/resolve/identity.py); an analyst's
    # override says they are the same people, as this network assumes.
    same = Overrides(
        same=tuple(frozenset({("a1", n), ("a2", n)}) for n in ("周雨桐", "陈立"))
    )
    return build_graph(extraction, overrides=same)


@pytest.fixture(scope="module")
def graph_file(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_turtle(graph, tmp_path_factory.mktemp("g") / "graph.ttl")


# ---------------------------------------------------------------- stats


def test_counts_by_type_and_relation(graph: Graph) -> None:
    result = graph_stats(graph)
    assert result.types == {
        "Person": 4,
        "Organization": 4,
        "District": 5,
        "Initiative": 3,
        "Article": 2,
    }
    assert result.relations == {
        "post": 4,
        "locatedIn": 4,
        "partOf": 4,
        "launchedBy": 2,
        "author": 1,
        "mentions": 5,
    }


@pytest.mark.parametrize(
    "mentions, nodes, components, sizes, single",
    [
        (False, 17, 3, (14, 2, 1), 1),  # a1 joins by its author; a2 left out
        (True, 18, 2, (17, 1), 1),  # mentions tie both articles in
    ],
)
def test_components(
    graph: Graph,
    mentions: bool,
    nodes: int,
    components: int,
    sizes: tuple[int, ...],
    single: int,
) -> None:
    result = graph_stats(graph, mentions=mentions)
    assert result.nodes == nodes
    assert result.component_count == components
    assert result.component_sizes == sizes
    assert result.single_nodes == single


@pytest.mark.parametrize(
    "kind, first, degree",
    [
        ("Person", "林晓东", 2),  # the only person on a cycle, the rest are leaves
        ("Organization", "石门县总工会", 3),  # cuts off 周雨桐 and 技能提升计划
    ],
)
def test_most_central(graph: Graph, kind: str, first: str, degree: int) -> None:
    ranked = graph_stats(graph).central[kind]
    assert (ranked[0].label, ranked[0].degree) == (first, degree)
    assert ranked[0].betweenness > 0
    assert [c.betweenness for c in ranked] == sorted(
        (c.betweenness for c in ranked), reverse=True
    )


def test_leaves_have_no_betweenness(graph: Graph) -> None:
    people = {c.label: c for c in graph_stats(graph).central["Person"]}
    assert people["王芳"].betweenness == 0 and people["周雨桐"].betweenness == 0


@pytest.mark.parametrize(
    "sample, expected",
    [(0, None), (5, 5), (17, None), (1000, None)],
)
def test_betweenness_is_sampled_only_above_the_sample(
    graph: Graph, sample: int, expected: int | None
) -> None:
    assert graph_stats(graph, sample=sample).betweenness_sample == expected


@pytest.mark.parametrize("method", sorted(METHODS))
def test_communities_cover_every_node_once(graph: Graph, method: str) -> None:
    result = graph_stats(graph, method=method, top=100)
    shown = sum(c.size for c in result.communities)
    assert result.community_count >= 2
    assert shown + result.single_communities == result.nodes
    assert result.modularity is not None and result.modularity > 0


@pytest.mark.parametrize("method", sorted(METHODS))
def test_stats_are_deterministic(graph: Graph, method: str) -> None:
    first = graph_stats(graph, method=method, sample=5, seed=3)
    again = graph_stats(graph, method=method, sample=5, seed=3)
    assert stats_to_dict(first) == stats_to_dict(again)


def test_no_communities(graph: Graph) -> None:
    result = graph_stats(graph, method="none")
    assert (result.community_count, result.communities) == (0, ())
    assert "not searched" in format_stats(result)


@pytest.mark.parametrize(
    "options, culprit",
    [
        ({"method": "leiden"}, "leiden"),
        ({"top": 0}, "top"),
        ({"sample": -1}, "sample"),
    ],
)
def test_bad_parameters_name_the_culprit(
    graph: Graph, options: dict[str, object], culprit: str
) -> None:
    with pytest.raises(AnalyticsError, match=culprit):
        graph_stats(graph, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, columns",
    [("abc", 3), ("江阴", 4), ("ＡＢ", 4), ("总工会 No.1", 11), ("", 0)],
)
def test_width_counts_wide_characters_twice(text: str, columns: int) -> None:
    assert width(text) == columns


def test_tables_line_up_with_chinese_labels(graph: Graph) -> None:
    text = format_stats(graph_stats(graph))
    block = text.split("most central organisations")[1].split("\n\n")[0]
    rows = block.splitlines()[1:]  # the title line is not part of the table
    assert len(rows) == 5  # header and four organisations
    assert len({width(row) for row in rows}) == 1  # right-aligned last column


def test_stats_json_is_plain(graph: Graph) -> None:
    data = json.loads(json.dumps(stats_to_dict(graph_stats(graph))))
    assert data["types"]["Person"] == 4
    assert data["central"]["Person"][0]["label"] == "林晓东"


# ---------------------------------------------------------------- paths


def _walks(found: Paths) -> list[list[str]]:
    return [[node.label for node in chain.nodes] for chain in found.chains]


@pytest.mark.parametrize(
    "first, second, walks",
    [
        ("林晓东", "湖滨区", [["林晓东", "湖滨区总工会", "湖滨区"],
                              ["林晓东", "湖滨区人民政府", "湖滨区"]]),
        ("王芳", "湖滨区总工会", [
            ["王芳", "湖滨区人民政府", "林晓东", "湖滨区总工会"],
            ["王芳", "湖滨区人民政府", "湖滨区", "湖滨区总工会"]]),
        ("暖心驿站", "白沙日报", [["暖心驿站", "湖滨区总工会", "湖滨区", "青川市",
                                  "青川省", "白沙市", "白沙日报"]]),
    ],
)  # fmt: skip
def test_shortest_chains(
    graph: Graph, first: str, second: str, walks: list[list[str]]
) -> None:
    found = find_paths(graph, first, second, limit=3)
    assert sorted(_walks(found)[: len(walks)]) == sorted(walks)


def test_chains_come_shortest_first(graph: Graph) -> None:
    found = find_paths(graph, "林晓东", "湖滨区总工会", limit=3)
    assert [len(chain.hops) for chain in found.chains] == [1, 3]


@pytest.mark.parametrize(
    "first, second, relation, forward, roles",
    [
        ("林晓东", "湖滨区总工会", "post", True, ("党组书记", "主席")),
        ("湖滨区总工会", "林晓东", "post", False, ("党组书记", "主席")),
        ("暖心驿站", "湖滨区总工会", "launchedBy", True, ()),
        ("青川市", "湖滨区", "partOf", False, ()),
    ],
)
def test_hop_relation_and_direction(
    graph: Graph,
    first: str,
    second: str,
    relation: str,
    forward: bool,
    roles: tuple[str, ...],
) -> None:
    [link] = find_paths(graph, first, second, limit=1).chains[0].hops[0].links
    assert (link.relation, link.forward, link.roles) == (relation, forward, roles)


@pytest.mark.parametrize(
    "first, second, evidence, source",
    [
        ("林晓东", "湖滨区总工会", SENTENCE, "article/"),
        ("暖心驿站", "湖滨区总工会", "Initiative:暖心驿站与Organization:湖滨区总工会。",
         "article/"),
        ("青川市", "青川省", None, "source/gazetteer"),
    ],
)  # fmt: skip
def test_hop_evidence(
    graph: Graph, first: str, second: str, evidence: str | None, source: str
) -> None:
    [link] = find_paths(graph, first, second, limit=1).chains[0].hops[0].links
    assert link.evidence == ((evidence,) if evidence else ())
    assert [s for s in link.sources if source in s]
    text = format_paths(find_paths(graph, first, second, limit=1))
    assert (evidence or source) in text


@pytest.mark.parametrize(
    "name",
    [
        "林晓东",
        "Lin Xiaodong",
        "linxiaodong",
        "https://w3id.org/kgzh/resource/place/880102",
    ],
)
def test_ends_by_label_pinyin_or_iri(graph: Graph, name: str) -> None:
    found = find_paths(graph, name, "青川省")
    assert found.chains and found.target.label == "青川省"


@pytest.mark.parametrize(
    "first, second, message",
    [
        ("总工会", "湖滨区", "names 2 entities"),  # alias of two unions
        ("林小东", "湖滨区", "no entity named '林小东'"),
        ("林晓东", "Lin Xiaodong", "same entity"),
    ],
)
def test_bad_ends_are_named(
    graph: Graph, first: str, second: str, message: str
) -> None:
    with pytest.raises(GraphError, match=message):
        find_paths(graph, first, second)


def test_ambiguous_name_lists_the_candidates(graph: Graph) -> None:
    with pytest.raises(GraphError) as caught:
        find_paths(graph, "总工会", "湖滨区")
    assert "hu-bin-qu-zong-gong-hui" in str(caught.value)
    assert "shi-men-xian-zong-gong-hui" in str(caught.value)


@pytest.mark.parametrize(
    "first, second, mentions, hops",
    [
        ("陈立", "林晓东", False, None),  # only an article ties them
        ("陈立", "林晓东", True, 2),  # 陈立 ← author a1 mentions → 林晓东
        ("孤岛计划", "湖滨区", True, None),
    ],
)
def test_mentions_link_through_articles(
    graph: Graph, first: str, second: str, mentions: bool, hops: int | None
) -> None:
    found = find_paths(graph, first, second, mentions=mentions)
    if hops is None:
        assert found.chains == ()
        assert "no chain" in format_paths(found)
    else:
        assert len(found.chains[0].hops) == hops


def test_paths_json_is_plain(graph: Graph) -> None:
    data = json.loads(json.dumps(paths_to_dict(find_paths(graph, "王芳", "林晓东"))))
    assert data["source"]["label"] == "王芳"
    assert data["chains"][0]["hops"][0]["links"][0]["relation"] == "post"


# ---------------------------------------------------------------- CLI


def test_cli_choices_and_defaults_match_the_library() -> None:
    assert (*METHODS, "none") == COMMUNITY_METHODS
    defaults = {param.name: param.default for param in stats.params}
    assert defaults["sample"] == DEFAULT_SAMPLE
    assert defaults["top"] == DEFAULT_TOP


@pytest.mark.parametrize(
    "args, code, expected",
    [
        ([], 0, "石门县总工会"),
        (["--json"], 0, '"community_count"'),
        (["--communities", "leiden"], 2, "leiden"),
        (["--top", "0"], 2, "--top"),
    ],
)
def test_stats_command(
    graph_file: Path, args: list[str], code: int, expected: str
) -> None:
    result = CliRunner().invoke(stats, [str(graph_file), *args])
    assert result.exit_code == code, result.output
    assert expected in result.output


@pytest.mark.parametrize(
    "args, code, expected",
    [
        (["王芳", "湖滨区"], 0, "王芳 —post（科员）→ 湖滨区人民政府"),
        (["湖滨区", "王芳", "--max", "1"], 0, "1 shortest chain linking"),
        (["王芳", "湖滨区", "--json"], 0, '"chains"'),
        (["总工会", "湖滨区"], 1, "pass one of these IRIs"),
        (["陈立", "林晓东"], 0, "--mentions"),
    ],
)
def test_path_command(
    graph_file: Path, args: list[str], code: int, expected: str
) -> None:
    result = CliRunner().invoke(path, [*args[:2], str(graph_file), *args[2:]])
    assert result.exit_code == code, result.output
    assert expected in result.output


def test_missing_graph_file_is_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(stats, [str(tmp_path / "nope.ttl")])
    assert result.exit_code == 1
    assert "nope.ttl" in result.output


@pytest.mark.parametrize(
    "network, k, seed",
    [
        (nx.karate_club_graph(), None, 0),
        (nx.karate_club_graph(), 5, 3),
        (nx.les_miserables_graph(), 20, 0),
        (nx.path_graph(3), 2, 42),
        (nx.path_graph(2), None, 0),
        (nx.Graph(), None, 0),
        (nx.disjoint_union(nx.star_graph(5), nx.cycle_graph(7)), 4, 1),
        (nx.gnm_random_graph(300, 400, seed=7), 30, 5),
        (nx.gnm_random_graph(60, 30, seed=2), 1, 0),
    ],
)
def test_betweenness_equals_networkx(
    network: nx.Graph, k: int | None, seed: int
) -> None:
    """The same sample and scale as networkx; igraph sums in its own order,
    so a value may differ in its last bits (kg stats ranks on 12 digits)."""
    expected = nx.betweenness_centrality(network, k=k, normalized=True, seed=seed)
    found = sampled_betweenness(network, k=k, seed=seed)
    assert list(found) == list(expected)
    assert any(value > 0 for value in expected.values()) or len(network) < 3
    assert all(
        math.isclose(found[n], expected[n], rel_tol=1e-12, abs_tol=1e-300)
        or (math.isnan(found[n]) and math.isnan(expected[n]))
        for n in expected
    )
