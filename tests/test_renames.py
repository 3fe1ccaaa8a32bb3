"""renamedTo: a body the text says took a new name, old → new, dated when the
text dates it; and the link in the graph, with its sentence."""

from __future__ import annotations

import pytest
from rdflib import Graph

from conftest import pairs, run
from kg.build import build
from kg.graph.namespaces import KGO, STANDARD_PREFIXES
from kg.model import RelKind

CASES = [
    (
        "经市委研究决定，原宿迁市人事局更名为宿迁市人力资源和社会保障局。",
        {("宿迁市人事局", "宿迁市人力资源和社会保障局")},
    ),
    (
        "江苏鸿远机械有限公司正式更名为江苏鸿远智能装备股份有限公司。",
        {("江苏鸿远机械有限公司", "江苏鸿远智能装备股份有限公司")},
    ),
    (  # 将甲更名为乙
        "会议同意将衢州港航集团有限公司更名为衢州交通投资集团有限公司。",
        {("衢州港航集团有限公司", "衢州交通投资集团有限公司")},
    ),
    (  # 乙（原甲）
        "临沂市人力资源和社会保障局（原临沂市人事局）召开会议。",
        {("临沂市人事局", "临沂市人力资源和社会保障局")},
    ),
    (  # 乙前身为甲
        "赣州章贡稀土集团有限公司前身为赣州市有色金属工业公司。",
        {("赣州市有色金属工业公司", "赣州章贡稀土集团有限公司")},
    ),
    (  # 乙由甲更名而来
        "烟台蓝港物流集团有限公司由烟台港务物流有限公司更名而来。",
        {("烟台港务物流有限公司", "烟台蓝港物流集团有限公司")},
    ),
    # no change of name: two bodies side by side, a post in brackets, a merger
    ("泸州老窖集团有限公司与泸州市总工会签署合作协议。", set()),
    ("韩晓岚（原泸州市总工会副主席）出席会议。", set()),
    ("泸州市总工会（泸州市职工服务中心）地址未变。", set()),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_renames(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.RENAMED) == expected


def test_a_date_before_the_verb() -> None:
    text = "江苏鸿远机械有限公司于2021年3月更名为江苏鸿远智能装备股份有限公司。"
    assert pairs(run(text), RelKind.RENAMED) == {
        ("江苏鸿远机械有限公司", "江苏鸿远智能装备股份有限公司")
    }


def test_the_graph_links_the_two_bodies_with_the_sentence(tmp_path) -> None:
    source = tmp_path / "a.txt"
    sentence = "衢州港航集团有限公司正式更名为衢州交通投资集团有限公司。"
    source.write_text(f"集团更名\n\n{sentence}集团工会主席俞晓峰表示。\n", "utf-8")
    build([source], tmp_path / "out", html=False)  # checked against the shapes
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(list(graph.subject_objects(KGO.renamedTo))) == 1
    query = """
        SELECT ?old ?new ?text WHERE {
          ?o kgo:renamedTo ?n ; skos:prefLabel ?old . ?n skos:prefLabel ?new .
          ?st rdf:subject ?o ; rdf:predicate kgo:renamedTo ; rdf:object ?n ;
              kgo:evidenceText ?text .
        }"""
    rows = list(graph.query(query, initNs=dict(STANDARD_PREFIXES)))
    assert [tuple(map(str, row)) for row in rows] == [
        ("衢州港航集团有限公司", "衢州交通投资集团有限公司", sentence)
    ]


def test_the_page_and_the_statistics_show_the_link(tmp_path) -> None:
    import json
    import re

    from click.testing import CliRunner

    from kg.cli import main

    source = tmp_path / "a.txt"
    source.write_text(
        "集团更名\n\n衢州港航集团有限公司正式更名为衢州交通投资集团有限公司。\n",
        "utf-8",
    )
    build([source], tmp_path / "out")
    page = (tmp_path / "out" / "graph.html").read_text("utf-8")
    island = re.search(
        r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S
    )
    assert island is not None
    data = json.loads(island.group(1))
    labels = [n["label"] for n in data["nodes"]]
    renamed = [e for e in data["edges"] if e["rel"] == "renamedTo"]
    assert [(labels[e["from"]], labels[e["to"]]) for e in renamed] == [
        ("衢州港航集团有限公司", "衢州交通投资集团有限公司")
    ]
    for graph in (tmp_path / "out", tmp_path / "out" / "graph.ttl"):
        said = CliRunner().invoke(main, ["stats", str(graph)]).output
        assert re.search(r"renamedTo\s+1\n", said), said
