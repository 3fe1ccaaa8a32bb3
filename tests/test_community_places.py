"""Communities and villages as districts below the street or town: partOf
it, the bodies named after them located in them, 网格员 working for them,
and a county's short name before 村 read as no county (invented articles)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from conftest import pairs, posts, run
from kg.build import build
from kg.graph.namespaces import KGO, ORG, SCHEMA
from kg.model import Kind, RelKind


def _districts(text: str) -> dict[str, str | None]:
    return {m.name: m.code for m in run(text).mentions if m.kind is Kind.DISTRICT}


def test_a_community_after_its_street_is_part_of_it() -> None:
    text = "记者走进武汉市江汉区万松街道青禾社区。青禾社区党委书记苗青说，要办实事。"
    result = run(text)
    code = _districts(text)["青禾社区"]
    assert code is not None and code.endswith("/青禾社区")
    street = code.rsplit("/", 1)[0]
    assert ("District:" + code, "District:" + street) in {
        (r.subject, r.object) for r in result.relations if r.kind is RelKind.PART_OF
    }
    assert ("青禾社区党委", code) in pairs(result, RelKind.LOCATED_IN)


def test_two_villages_of_one_name_in_two_towns_are_two_places() -> None:
    first = _districts("无锡市惠山区洛社镇柳湾村召开会议。")["柳湾村"]
    second = _districts("无锡市惠山区阳山镇柳湾村召开会议。")["柳湾村"]
    assert first and second and first != second


def test_a_community_named_again_later_is_the_same_place() -> None:
    text = "宁波市海曙区鼓楼街道青禾社区召开会议。会后，青禾社区推出“邻里帮”服务。"
    result = run(text)
    codes = {m.code for m in result.mentions if m.name == "青禾社区"}
    assert len(codes) == 1
    launched = pairs(result, RelKind.LAUNCHED_BY)
    assert any(by == codes.pop() for _, by in launched)


def test_a_short_county_name_before_a_village_is_no_county() -> None:
    # 荷塘 is also 荷塘区 of 株洲市: here it is a village's name
    text = "衡阳市衡南县茶市镇荷塘村召开会议。荷塘村小学的老师也来了。"
    districts = _districts(text)
    assert "荷塘区" not in districts
    located = pairs(run(text), RelKind.LOCATED_IN)
    assert ("荷塘村小学", districts["荷塘村"]) in located


def test_a_grid_worker_works_for_the_community() -> None:
    text = "记者走进武汉市江汉区万松街道青禾社区。网格员柯蓝负责第三网格的居民。"
    assert ("柯蓝", None, ("网格员",)) not in posts(run(text))
    rows = [r for r in run(text).relations if r.kind is RelKind.POST]
    assert [(r.subject, r.object.rsplit("/", 1)[-1], r.roles) for r in rows] == [
        ("Person:柯蓝", "青禾社区", ("网格员",))
    ]


def test_no_grid_worker_post_without_a_community() -> None:
    rows = run("网格员柯蓝负责第三网格的居民。").relations
    assert not [r for r in rows if r.kind is RelKind.POST]


def test_the_graph_holds_the_community(tmp_path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(
        "青禾社区：网格员多跑一步\n\n2024年5月6日，记者走进武汉市江汉区万松街道"
        "青禾社区。社区党委书记苗青说，要办实事。网格员柯蓝负责第三网格。\n",
        "utf-8",
    )
    out = tmp_path / "out"
    build([source], out, html=False)  # checked against the shapes
    graph = Graph().parse(out / "graph.ttl")
    (node,) = graph.subjects(SKOS.prefLabel, Literal("青禾社区", lang="zh"))
    assert {SCHEMA.AdministrativeArea, KGO.Community, ORG.Organization} <= set(
        graph.objects(node, RDF.type)
    )
    assert not list(graph.objects(node, KGO.adminCode))
    (street,) = graph.objects(node, SCHEMA.containedInPlace)
    assert str(graph.value(street, SKOS.prefLabel)).endswith("街道")
    (party,) = graph.subjects(SKOS.prefLabel, Literal("青禾社区党委", lang="zh"))
    assert graph.value(party, KGO.locatedIn) == node
    worker = next(graph.subjects(SKOS.prefLabel, Literal("柯蓝", lang="zh")))
    assert (worker, ORG.memberOf, node) in graph
    assert "青禾社区" not in (out / "current" / "undecided.txt").read_text("utf-8")
    assert isinstance(node, URIRef)


def test_a_one_character_village_after_its_town() -> None:
    text = "在湖州市安吉县天荒坪镇柳村，提起网格员俞小红，村民们都竖起大拇指。"
    assert _districts(text).get("柳村", "").endswith("天荒坪镇/柳村")
    assert not {n for n in _districts("安吉县天荒坪镇全村动员。") if n.endswith("村")}


def test_a_village_before_its_grid_worker_is_that_village() -> None:
    text = (
        "湖州市安吉县天荒坪镇柳村评选最美网格员。"
        "柳村网格员俞小红和银坑村网格员朱丽芬获此称号。"
    )
    rows = {
        (r.subject, r.object.rsplit("/", 1)[-1])
        for r in run(text).relations
        if r.kind is RelKind.POST
    }
    assert rows == {("Person:俞小红", "柳村"), ("Person:朱丽芬", "银坑村")}


def test_a_pronoun_and_a_conjunction_before_a_village_body_name_no_village() -> None:
    text = "到任后，他和村党总支书记王光荣走访了农户。"
    assert not [m for m in run(text).mentions if m.kind is Kind.DISTRICT]
