"""The network page: offline, escaped, deterministic, written atomically."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kg.errors import OutputError
from kg.html import write_html
from kg.namespaces import BASE_IRI, KGO, ORG, PROV, SCHEMA
from kg.netview import build_view

R = Namespace(BASE_IRI)
EVIL_LABEL = "<script>alert(1)</script>"
EVIL_EVIDENCE = '"><img src=x onerror=alert(1)>'
POST_SENTENCE = "青禾区总工会党组书记、主席林小远表示，将推进星火计划。"
LAUNCH_SENTENCE = "青禾区总工会发起星火计划。"


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
    """An invented graph per CONTRACT.md; ``evil`` plants markup in the text."""
    graph = Graph()
    person, org = R["person/lin-xiaoyuan"], R["org/qinghe-union"]
    district, province = R["district/qinghe"], R["district/donghai"]
    initiative, article = R["initiative/xinghuo"], R["article/a1"]
    _entity(graph, person, SCHEMA.Person, EVIL_LABEL if evil else "林小远")
    _entity(graph, org, ORG.Organization, "青禾区总工会")
    graph.add((org, RDF.type, KGO.TradeUnion))
    _entity(graph, district, SCHEMA.AdministrativeArea, "青禾区")
    _entity(graph, province, SCHEMA.AdministrativeArea, "东海省")
    _entity(graph, initiative, KGO.Initiative, "星火计划")
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    graph.add((article, SCHEMA.headline, _zh("青禾区工会召开年度大会")))
    graph.add((article, SCHEMA.author, person))
    for entity in (person, org, district, initiative):
        graph.add((article, SCHEMA.mentions, entity))
    _membership(graph, person, org, article)
    launch = EVIL_EVIDENCE if evil else LAUNCH_SENTENCE
    _statement(graph, (initiative, KGO.launchedBy, org), launch, article)
    _statement(graph, (org, KGO.locatedIn, district), POST_SENTENCE, article)
    gazetteer = R["gazetteer"]
    graph.add((gazetteer, RDF.type, KGO.Gazetteer))
    graph.add((gazetteer, RDFS.label, Literal("行政区划表", lang="zh")))
    graph.add((district, SCHEMA.containedInPlace, province))
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


EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|//cdn|@import""", re.I
)


def test_no_external_references(page: str) -> None:
    assert not EXTERNAL.search(page)
    assert "<link" not in page


def test_vis_network_inlined(page: str) -> None:
    assert "vis-network" in page and "@version 9.1.2" in page
    assert "new vis.Network(" in page
    assert "stabilizationIterationsDone" in page
    assert "setOptions({ physics: false })" in page


@pytest.mark.parametrize(
    "kind", ["Person", "Organization", "District", "Initiative", "Article"]
)
def test_legend_lists_kind(page: str, kind: str) -> None:
    legend = re.search(r'<ul id="kg-legend">(.*?)</ul>', page)
    assert legend and kind in legend.group(1)


@pytest.mark.parametrize(
    "node_id, label, group",
    [
        ("person/lin-xiaoyuan", "林小远", "Person"),
        ("org/qinghe-union", "青禾区总工会", "Organization"),
        ("district/qinghe", "青禾区", "District"),
        ("district/donghai", "东海省", "District"),
        ("initiative/xinghuo", "星火计划", "Initiative"),
        ("article/a1", "青禾区工会召开年度大会", "Article"),
    ],
)
def test_node_label_and_group(page: str, node_id: str, label: str, group: str) -> None:
    nodes = {n["id"]: n for n in _data(page)["nodes"]}
    assert nodes[BASE_IRI + node_id]["label"] == label
    assert nodes[BASE_IRI + node_id]["group"] == group


@pytest.mark.parametrize(
    "source, target, label",
    [
        ("person/lin-xiaoyuan", "org/qinghe-union", "党组书记、主席"),
        ("org/qinghe-union", "district/qinghe", "位于"),
        ("district/qinghe", "district/donghai", "属于"),
        ("initiative/xinghuo", "org/qinghe-union", "发起"),
        ("article/a1", "person/lin-xiaoyuan", "作者"),
    ],
)
def test_edge(page: str, source: str, target: str, label: str) -> None:
    edges = {(e["from"], e["to"]): e["label"] for e in _data(page)["edges"]}
    assert edges[(BASE_IRI + source, BASE_IRI + target)] == label


def test_mentions_not_drawn_by_default(page: str) -> None:
    assert "提及" not in {e["label"] for e in _data(page)["edges"]}


def test_mentions_drawn_on_request() -> None:
    view = build_view(sample_graph(), mentions=True)
    assert sum(e.label == "提及" for e in view.edges) == 4


def test_articles_can_be_left_out() -> None:
    view = build_view(sample_graph(), articles=False)
    assert "Article" not in {n.kind for n in view.nodes}
    assert "作者" not in {e.label for e in view.edges}


@pytest.mark.parametrize(
    "node_id, expected",
    [
        ("person/lin-xiaoyuan", ["类型：人物 Person", "党组书记、主席 @ 青禾区总工会"]),
        ("person/lin-xiaoyuan", [POST_SENTENCE, "青禾区工会召开年度大会"]),
        ("org/qinghe-union", ["（TradeUnion）", LAUNCH_SENTENCE, POST_SENTENCE]),
        ("district/qinghe", ["来源", "青禾区工会召开年度大会"]),
    ],
)
def test_node_tooltip(node_id: str, expected: list[str]) -> None:
    titles = {n.id: n.title for n in build_view(sample_graph()).nodes}
    for text in expected:
        assert text in titles[BASE_IRI + node_id]


def test_edge_tooltip_has_evidence_and_source() -> None:
    view = build_view(sample_graph())
    (launch,) = [e for e in view.edges if e.label == "发起"]
    assert launch.title.startswith("星火计划 —发起→ 青禾区总工会")
    assert LAUNCH_SENTENCE in launch.title and "青禾区工会召开年度大会" in launch.title


def test_gazetteer_edge_names_its_source() -> None:
    view = build_view(sample_graph())
    (part_of,) = [e for e in view.edges if e.label == "属于"]
    assert "证据" not in part_of.title


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
    labels = {n["label"] for n in data["nodes"]}
    assert EVIL_LABEL in labels
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

    monkeypatch.setattr("kg.html.os.replace", broken_replace)
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
    write_html(Graph(), path)
    assert _data(path.read_text(encoding="utf-8"))["nodes"] == []


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_page_draws_in_headless_chromium(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path)
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu"]
    args += ["--disable-background-networking", "--no-first-run"]
    args += [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000"]
    args += ["--dump-dom", path.as_uri()]
    dom = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
    assert "<canvas" in dom
    assert "6 个节点，5 条边" in dom
