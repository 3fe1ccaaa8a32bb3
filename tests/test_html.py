"""The network page: offline, escaped, deterministic, written atomically; its
data (search keys, districts, sizes), the size guard, and `kg view`."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kg.cli.view import view as view_command
from kg.errors import GraphError, OutputError
from kg.graph.namespaces import BASE_IRI, KGO, ORG, PROV, SCHEMA
from kg.graph.view import (
    central_nodes,
    district_nodes,
    ego_nodes,
    find_entity,
    node_kinds,
    pagerank,
)
from kg.publish.netview import build_view
from kg.publish.page import write_html, write_view

R = Namespace(BASE_IRI)
EVIL_LABEL = "<script>alert(1)</script>"
EVIL_EVIDENCE = '"><img src=x onerror=alert(1)>'
POST_SENTENCE = "青禾区总工会党组书记、主席林小远表示，将推进星火计划。"
LAUNCH_SENTENCE = "青禾区总工会发起星火计划。"
PERSON, ORG_ = R["person/lin-xiaoyuan"], R["org/qinghe-union"]
DISTRICT, PROVINCE, TOWN = R["district/qinghe"], R["district/donghai"], R["town/sq"]
TOWN_ORG, TOWN_PERSON = R["org/shiqiao-union"], R["person/wang-ming"]
INITIATIVE, ARTICLE = R["initiative/xinghuo"], R["article/a1"]


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _entity(graph: Graph, node: URIRef, rdf_type: URIRef, label: str) -> None:
    graph.add((node, RDF.type, rdf_type))
    graph.add((node, SKOS.prefLabel, _zh(label)))
    graph.add((node, RDFS.label, _zh(label)))


def _statement(graph: Graph, triple: tuple, text: str, source: URIRef) -> None:
    graph.add(triple)
    st = BNode()
    graph.add((st, RDF.type, RDF.Statement))
    graph.add((st, RDF.subject, triple[0]))
    graph.add((st, RDF.predicate, triple[1]))
    graph.add((st, RDF.object, triple[2]))
    graph.add((st, KGO.evidenceText, _zh(text)))
    graph.add((st, PROV.wasDerivedFrom, source))


def _membership(graph: Graph, person: URIRef, org: URIRef, article: URIRef) -> None:
    membership = R["membership/lin-xiaoyuan-union"]
    graph.add((membership, RDF.type, ORG.Membership))
    graph.add((membership, ORG.member, person))
    graph.add((membership, ORG.organization, org))
    for slug, role_label in (("zhuxi", "主席"), ("dangzu-shuji", "党组书记")):
        role = R[f"role/{slug}"]
        graph.add((role, RDF.type, ORG.Role))
        graph.add((role, SKOS.prefLabel, _zh(role_label)))
        graph.add((membership, ORG.role, role))
    graph.add((membership, KGO.evidenceText, _zh(POST_SENTENCE)))
    graph.add((membership, PROV.wasDerivedFrom, article))
    graph.add((person, ORG.memberOf, org))


def sample_graph(*, evil: bool = False) -> Graph:
    """An invented graph per CONTRACT.md; ``evil`` plants markup in the text.

    东海省 ⊃ 青禾区 ⊃ 石桥镇; 青禾区总工会 in 青禾区 with 林小远 its chair;
    石桥镇总工会 in 石桥镇 with 王明; 星火计划 launched by 青禾区总工会;
    one article by 林小远 mentioning four entities.
    """
    graph = Graph()
    _entity(graph, PERSON, SCHEMA.Person, EVIL_LABEL if evil else "林小远")
    graph.add((PERSON, SKOS.altLabel, Literal("lin xiao yuan", lang="zh-Latn-pinyin")))
    _entity(graph, ORG_, ORG.Organization, "青禾区总工会")
    graph.add((ORG_, RDF.type, KGO.TradeUnion))
    graph.add((ORG_, SKOS.altLabel, _zh("区总工会")))
    _entity(graph, DISTRICT, SCHEMA.AdministrativeArea, "青禾区")
    _entity(graph, PROVINCE, SCHEMA.AdministrativeArea, "东海省")
    _entity(graph, TOWN, SCHEMA.AdministrativeArea, "石桥镇")
    _entity(graph, TOWN_ORG, ORG.Organization, "石桥镇总工会")
    _entity(graph, TOWN_PERSON, SCHEMA.Person, "王明")
    graph.add((TOWN_PERSON, ORG.memberOf, TOWN_ORG))
    graph.add((TOWN_ORG, KGO.locatedIn, TOWN))
    graph.add((TOWN, SCHEMA.containedInPlace, DISTRICT))
    _entity(graph, INITIATIVE, KGO.Initiative, "星火计划")
    graph.add((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    graph.add((ARTICLE, SCHEMA.headline, _zh("青禾区工会召开年度大会")))
    graph.add((ARTICLE, SCHEMA.author, PERSON))
    graph.add((ARTICLE, SCHEMA.datePublished, Literal("2023-03-15")))
    for entity in (PERSON, ORG_, DISTRICT, INITIATIVE):
        graph.add((ARTICLE, SCHEMA.mentions, entity))
    _membership(graph, PERSON, ORG_, ARTICLE)
    launch = EVIL_EVIDENCE if evil else LAUNCH_SENTENCE
    _statement(graph, (INITIATIVE, KGO.launchedBy, ORG_), launch, ARTICLE)
    _statement(graph, (ORG_, KGO.locatedIn, DISTRICT), POST_SENTENCE, ARTICLE)
    gazetteer = R["gazetteer"]
    graph.add((gazetteer, RDF.type, KGO.Gazetteer))
    graph.add((gazetteer, RDFS.label, Literal("行政区划表", lang="zh")))
    graph.add((DISTRICT, SCHEMA.containedInPlace, PROVINCE))
    return graph


def star_graph(leaves: int) -> Graph:
    """One district with ``leaves`` organisations in it and one initiative."""
    graph = Graph()
    _entity(graph, DISTRICT, SCHEMA.AdministrativeArea, "青禾区")
    for i in range(leaves):
        org = R[f"org/{i:04d}"]
        _entity(graph, org, ORG.Organization, f"组织{i}")
        graph.add((org, KGO.locatedIn, DISTRICT))
    _entity(graph, INITIATIVE, KGO.Initiative, "星火计划")
    return graph


@pytest.fixture
def page(tmp_path: Path) -> str:
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path, title="测试图谱")
    return path.read_text(encoding="utf-8")


def _data(text: str) -> dict:
    found = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>', text
    )
    assert found, "no data island"
    return json.loads(found.group(1))


def _nodes(text: str) -> dict[str, dict]:
    return {n["iri"]: n for n in _data(text)["nodes"]}


EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|//cdn|@import""", re.I
)


def test_no_external_references(page: str) -> None:
    assert not EXTERNAL.search(page)
    assert "<link" not in page


def test_scripts_inlined(page: str) -> None:
    assert "Te.Sigma=ue()" in page and "graphology" in page
    assert "new Sigma(graph" in page and "window.kgExplorer" in page


def test_vendored_libraries_match_their_checksums() -> None:
    folder = resources.files("kg").joinpath("assets", "vendor")
    sums = folder.joinpath("SHA256SUMS").read_text("utf-8").splitlines()
    assert len(sums) == 7
    for line in sums:
        digest, name = line.split("  ", 1)
        data = folder.joinpath(name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name


def test_page_carries_layout_communities_and_dates(page: str) -> None:
    data = _data(page)
    assert data["dates"] == ["2023-03-15"]
    for node in data["nodes"]:
        assert isinstance(node["x"], float) and isinstance(node["y"], float)
        assert node["c"] >= -1
    nodes = _nodes(page)
    article = nodes[str(ARTICLE)]
    assert article["d"] == [0] and article["article"]["date"] == "2023-03-15"
    assert LAUNCH_SENTENCE in article["article"]["sentences"]
    assert nodes[str(PERSON)]["d"] == [0]
    assert {e["rel"]: e["d"] for e in data["edges"]}["launchedBy"] == [0]


def test_page_title_says_what_the_graph_holds(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path)
    assert "<title>知识图谱 · 1 篇文章 · 2023-03-15</title>" in path.read_text("utf-8")


def test_policy_allows_only_the_page_scripts(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy and "default-src 'none'" in policy.group(1)
    assert policy.group(1).count("'sha256-") == 3  # graphology, sigma, explorer
    assert "unsafe-eval" not in policy.group(1)
    assert len(re.findall(r"^<script>", page, re.M)) == 3


@pytest.mark.parametrize("asset", ["explorer.js", "explorer.css"])
def test_assets_write_no_markup(asset: str) -> None:
    text = resources.files("kg").joinpath("assets", asset).read_text("utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert unsafe not in text
    assert "</script" not in text.lower() and "Math.random" not in text


@pytest.mark.parametrize(
    "kind", ["Person", "Organization", "District", "Initiative", "Article"]
)
def test_legend_lists_kind_with_a_filter(page: str, kind: str) -> None:
    legend = re.search(r'<ul id="kg-legend">(.*?)</ul>', page)
    assert legend and f'data-kind="{kind}" checked' in legend.group(1)


@pytest.mark.parametrize("relation", ["任职", "位于", "属于", "发起", "作者"])
def test_legend_lists_relation(page: str, relation: str) -> None:
    legend = re.search(r'<ul id="kg-relations">(.*?)</ul>', page)
    assert legend and relation in legend.group(1)


@pytest.mark.parametrize(
    "node, label, group",
    [
        (PERSON, "林小远", "Person"),
        (ORG_, "青禾区总工会", "Organization"),
        (DISTRICT, "青禾区", "District"),
        (PROVINCE, "东海省", "District"),
        (INITIATIVE, "星火计划", "Initiative"),
        (ARTICLE, "青禾区工会召开年度大会", "Article"),
    ],
)
def test_node_label_and_group(page: str, node: URIRef, label: str, group: str) -> None:
    assert _nodes(page)[str(node)]["label"] == label
    assert _nodes(page)[str(node)]["group"] == group


@pytest.mark.parametrize(
    "source, target, label, relation",
    [
        (PERSON, ORG_, "党组书记、主席", "post"),
        (TOWN_PERSON, TOWN_ORG, "任职", "post"),
        (ORG_, DISTRICT, "位于", "locatedIn"),
        (DISTRICT, PROVINCE, "属于", "partOf"),
        (INITIATIVE, ORG_, "发起", "launchedBy"),
        (ARTICLE, PERSON, "作者", "author"),
    ],
)
def test_edge(
    page: str, source: URIRef, target: URIRef, label: str, relation: str
) -> None:
    data = _data(page)
    iris = [n["iri"] for n in data["nodes"]]
    edges = {
        (iris[e["from"]], iris[e["to"]]): (e["label"], e["rel"]) for e in data["edges"]
    }
    assert edges[(str(source), str(target))] == (label, relation)


@pytest.mark.parametrize(
    "node, keys",
    [
        (PERSON, {"linxiaoyuan", "lxy"}),
        (ORG_, {"区总工会"}),
        (DISTRICT, set()),
    ],
)
def test_search_keys(page: str, node: URIRef, keys: set[str]) -> None:
    assert set(_nodes(page)[str(node)]["keys"]) == keys


@pytest.mark.parametrize(
    "node, districts",
    [
        (PROVINCE, ["东海省"]),
        (DISTRICT, ["青禾区", "东海省"]),
        (ORG_, ["青禾区", "东海省"]),
        (PERSON, ["青禾区", "东海省"]),
        (TOWN_PERSON, ["石桥镇", "青禾区", "东海省"]),
        (INITIATIVE, ["青禾区", "东海省"]),
        (ARTICLE, ["青禾区", "东海省"]),
    ],
)
def test_node_lies_in_districts(page: str, node: URIRef, districts: list) -> None:
    data = _data(page)
    labels = [
        data["districts"][i]["label"] for i in _nodes(page)[str(node)]["districts"]
    ]
    assert labels == districts


def test_district_filter_lists_districts_in_tree_order(page: str) -> None:
    entries = [(d["label"], d["depth"]) for d in _data(page)["districts"]]
    assert entries == [("东海省", 0), ("青禾区", 1), ("石桥镇", 2)]


def test_sizes_by_degree_and_pagerank(page: str) -> None:
    org = _nodes(page)[str(ORG_)]
    province = _nodes(page)[str(PROVINCE)]
    assert (org["degree"], province["degree"]) == (3, 1)
    assert org["rank"] > province["rank"]


def test_mentions_not_drawn_by_default(page: str) -> None:
    assert "mentions" not in {e["rel"] for e in _data(page)["edges"]}


def test_mentions_drawn_on_request() -> None:
    view = build_view(sample_graph(), mentions=True)
    assert sum(e.label == "提及" for e in view.edges) == 4


def test_articles_can_be_left_out() -> None:
    view = build_view(sample_graph(), articles=False)
    assert "Article" not in {n.kind for n in view.nodes}
    assert "作者" not in {e.label for e in view.edges}


@pytest.mark.parametrize(
    "node, expected",
    [
        (PERSON, ["类型：人物 Person", "党组书记、主席 @ 青禾区总工会"]),
        (PERSON, [POST_SENTENCE, "青禾区工会召开年度大会"]),
        (ORG_, ["（TradeUnion）", LAUNCH_SENTENCE, POST_SENTENCE]),
        (DISTRICT, ["来源", "青禾区工会召开年度大会"]),
    ],
)
def test_node_tooltip(node: URIRef, expected: list[str]) -> None:
    titles = {n.id: n.title for n in build_view(sample_graph()).nodes}
    for text in expected:
        assert text in titles[str(node)]


def test_edge_tooltip_has_evidence_and_source() -> None:
    view = build_view(sample_graph())
    (launch,) = [e for e in view.edges if e.label == "发起"]
    assert launch.title.startswith("星火计划 —发起→ 青禾区总工会")
    assert LAUNCH_SENTENCE in launch.title and "青禾区工会召开年度大会" in launch.title


def test_gazetteer_edge_has_no_evidence() -> None:
    view = build_view(sample_graph())
    assert all("证据" not in e.title for e in view.edges if e.label == "属于")


@pytest.mark.parametrize("raw", ["<script>alert", "<img", "<b onclick", "图</b>"])
def test_markup_from_data_is_escaped(tmp_path: Path, raw: str) -> None:
    path = tmp_path / "graph.html"
    write_html(sample_graph(evil=True), path, title='<b onclick="x">图</b>')
    assert raw not in path.read_text(encoding="utf-8")


def test_page_title_is_html_escaped(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path, title='<b onclick="x">图</b>')
    escaped = "&lt;b onclick=&quot;x&quot;&gt;图&lt;/b&gt;"
    assert f"<title>{escaped}</title>" in path.read_text(encoding="utf-8")


def test_markup_survives_as_text(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(sample_graph(evil=True), path)
    data = _data(path.read_text(encoding="utf-8"))
    assert EVIL_LABEL in {n["label"] for n in data["nodes"]}
    assert any(EVIL_EVIDENCE in e["title"] for e in data["edges"])


def test_same_graph_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(sample_graph(), first)
    write_html(sample_graph(), second)
    assert first.read_bytes() == second.read_bytes()


def test_write_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    path.write_text("old", encoding="utf-8")
    write_html(sample_graph(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_failed_write_keeps_old_page(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "graph.html"
    path.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.atomic.os.replace", broken_replace)
    with pytest.raises(OutputError, match=r"graph\.html"):
        write_html(sample_graph(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    assert path.read_text(encoding="utf-8") == "old"


def test_unwritable_folder_raises_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        write_html(sample_graph(), blocker / "graph.html")


def test_empty_graph_gives_a_page(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    summary = write_html(Graph(), path)
    assert _data(path.read_text(encoding="utf-8"))["nodes"] == []
    assert (summary.nodes, summary.overview) == (0, False)


# The size guard


@pytest.mark.parametrize(
    "leaves, max_nodes, drawn, overview",
    [(8, 10, 10, False), (9, 10, 10, True), (40, 10, 10, True), (40, 1, 1, True)],
)
def test_size_guard(
    tmp_path: Path, leaves: int, max_nodes: int, drawn: int, overview: bool
) -> None:
    path = tmp_path / "graph.html"
    summary = write_html(star_graph(leaves), path, max_nodes=max_nodes)
    data = _data(path.read_text(encoding="utf-8"))
    assert (summary.nodes, len(data["nodes"]), summary.overview) == (
        drawn,
        drawn,
        overview,
    )
    assert summary.total_nodes == leaves + 2
    assert ("概览" in data["note"]) is overview


def test_overview_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(star_graph(40), first, max_nodes=10)
    write_html(star_graph(40), second, max_nodes=10)
    assert first.read_bytes() == second.read_bytes()


def test_overview_keeps_the_hub_and_every_kind(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(star_graph(40), path, max_nodes=20)
    groups = {n["label"]: n["group"] for n in _data(path.read_text("utf-8"))["nodes"]}
    assert "青禾区" in groups and "星火计划" in groups


def test_central_nodes_prefers_near_then_busy() -> None:
    graph = star_graph(3)
    kinds = node_kinds(graph)
    edges = [(R[f"org/{i:04d}"], DISTRICT) for i in range(3)]
    distance = {INITIATIVE: 0, R["org/0002"]: 1}
    assert central_nodes(edges, kinds, 10, distance=distance) >= {INITIATIVE}
    chosen = central_nodes(edges, {n: kinds[n] for n in distance}, 1, distance=distance)
    assert chosen == {INITIATIVE}


def test_pagerank_favours_the_centre_and_averages_one() -> None:
    ranks = pagerank(["hub", "a", "b", "c"], [("hub", "a"), ("hub", "b"), ("c", "hub")])
    assert ranks["hub"] > ranks["a"] == ranks["b"] == ranks["c"]
    assert sum(ranks.values()) == pytest.approx(4.0, abs=1e-3)


# Selections for `kg view`


@pytest.mark.parametrize(
    "name, expected",
    [
        ("林小远", PERSON),
        ("lin xiao yuan", PERSON),
        ("LinXiaoyuan", PERSON),
        ("区总工会", ORG_),
        (str(TOWN), TOWN),
        ("青禾区工会召开年度大会", ARTICLE),
    ],
)
def test_find_entity(name: str, expected: URIRef) -> None:
    assert find_entity(sample_graph(), name) == expected


@pytest.mark.parametrize(
    "name, message",
    [
        ("林小", r"no entity named '林小'; did you mean 林小远\?"),
        ("张三", r"no entity named '张三'; give a whole name"),
        ("主席", r"no entity named '主席'"),  # a role is not an entity
    ],
)
def test_find_entity_errors(name: str, message: str) -> None:
    with pytest.raises(GraphError, match=message):
        find_entity(sample_graph(), name, source="g.ttl")


def test_ambiguous_name_lists_the_iris() -> None:
    graph = sample_graph()
    graph.add((TOWN_PERSON, SKOS.altLabel, _zh("林小远")))
    with pytest.raises(GraphError, match=r"names 2 entities: .*wang-ming.*pass one"):
        find_entity(graph, "林小远")


@pytest.mark.parametrize(
    "focus, depth, expected",
    [
        (PERSON, 0, {PERSON}),
        (PERSON, 1, {PERSON, ORG_, ARTICLE}),
        (PERSON, 2, {PERSON, ORG_, ARTICLE, DISTRICT, INITIATIVE}),
        (TOWN, 1, {TOWN, DISTRICT, TOWN_ORG}),
    ],
)
def test_ego_nodes(focus: URIRef, depth: int, expected: set[URIRef]) -> None:
    assert set(ego_nodes(sample_graph(), focus, depth)) == expected


def test_ego_nodes_give_distances() -> None:
    distance = ego_nodes(sample_graph(), PERSON, 2)
    assert (distance[PERSON], distance[ORG_], distance[DISTRICT]) == (0, 1, 2)


@pytest.mark.parametrize(
    "district, expected",
    [
        (TOWN, {TOWN, TOWN_ORG, TOWN_PERSON}),
        (
            DISTRICT,
            {DISTRICT, TOWN, TOWN_ORG, TOWN_PERSON, ORG_, PERSON, INITIATIVE, ARTICLE},
        ),
    ],
)
def test_district_nodes(district: URIRef, expected: set[URIRef]) -> None:
    assert district_nodes(sample_graph(), district) == expected


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


def test_write_view_of_a_neighbourhood(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ego.html"
    summary = write_view(graph_file, out, name="lin xiao yuan", depth=1)
    data = _data(out.read_text(encoding="utf-8"))
    assert summary.nodes == 3 and data["nodes"][data["focus"]]["label"] == "林小远"
    assert "以“林小远”为中心、1 步以内" in data["scope"]


def test_write_view_of_a_district(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    summary = write_view(graph_file, out, district="石桥镇")
    data = _data(out.read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"石桥镇", "石桥镇总工会", "王明"}
    assert summary.edges == 2 and data["scope"].startswith("石桥镇及其下辖")


def test_write_view_district_must_be_a_district(
    graph_file: Path, tmp_path: Path
) -> None:
    with pytest.raises(GraphError, match=r"graph\.ttl: no entity named '林小远'"):
        write_view(graph_file, tmp_path / "d.html", district="林小远")


@pytest.mark.parametrize(
    "args, code, output",
    [
        (["林小远", "{graph}", "--depth", "1"], 0, "wrote {out}: 3 nodes, 2 edges"),
        (["--district", "青禾区", "{graph}"], 0, "wrote {out}: 8 nodes"),
        (["{graph}", "--max-nodes", "2"], 0, "overview: the 2 most central of 9"),
        (["张三", "{graph}"], 1, "no entity named '张三'"),
        (["{graph}.missing"], 1, "no such graph file"),
        (["林小远", "--district", "青禾区", "{graph}"], 2, "not both"),
        (["{graph}", "--depth", "1"], 2, "--depth needs NAME"),
        (["a", "b", "{graph}"], 2, "at most NAME and GRAPH"),
    ],
)
def test_view_command(
    graph_file: Path, tmp_path: Path, args: list[str], code: int, output: str
) -> None:
    out = tmp_path / "v.html"
    argv = [a.format(graph=graph_file) for a in args] + ["-o", str(out)]
    result = CliRunner().invoke(view_command, argv)
    assert result.exit_code == code, result.output
    assert output.format(out=out) in result.output
