"""Person identity in a corpus: the same people however articles arrive.

Invented articles: two 王建国 chair the unions of two districts (吴兴区,
武进区), the 吴兴区 one is in the news twice; a 2025 article about a
meeting of both unions gives the one 王建国 posts in both bodies and so
links them; removing it parts them again.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build import build, remove
from kg.corpus.open import load_graph
from kg.graph.namespaces import SCHEMA
from kg.resolve.overrides import add_override

ARTICLES = [
    {
        "id": "w19",
        "date": "2019-06-21",
        "title": "吴兴区总工会召开全委会议",
        "text": "6月20日，吴兴区总工会召开全委会议。吴兴区总工会党组书记、主席王建国"
        "出席会议并讲话。",
    },
    {
        "id": "j20",
        "date": "2020-05-15",
        "title": "武进区总工会开展法律援助",
        "text": "5月14日，武进区总工会开展职工法律援助活动。武进区总工会党组书记、"
        "主席王建国表示，要让职工少跑腿。",
    },
    {
        "id": "w23",
        "date": "2023-04-26",
        "title": "吴兴区总工会表彰劳动模范",
        "text": "4月25日，吴兴区总工会召开表彰大会。吴兴区总工会党组书记、主席王建国"
        "为劳动模范颁奖。",
    },
]
BRIDGE = {
    "id": "x25",
    "date": "2025-01-10",
    "title": "两区总工会签订合作协议",
    "text": "1月9日，吴兴区总工会与武进区总工会签订合作协议。吴兴区总工会主席、"
    "武进区总工会副主席王建国出席签约仪式。",
}


def feed(folder: Path, records: list[dict[str, str]], name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def people(out: Path, name: str = "王建国") -> set[frozenset[str]]:
    """The articles that mention each person node of ``name``."""
    graph: Graph = load_graph(out)
    ids = {a: str(i) for a, i in graph.subject_objects(SCHEMA.identifier)}
    by_node: dict[str, set[str]] = {}
    for article, node in graph.subject_objects(SCHEMA.mentions):
        labels = {str(x) for x in graph.objects(node, None) if str(x) == name}
        if labels and article in ids:
            by_node.setdefault(str(node), set()).add(ids[article])
    return {frozenset(docs) for docs in by_node.values()}


TWO = {frozenset({"w19", "w23"}), frozenset({"j20"})}


def test_two_people_of_one_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([feed(tmp_path / "in", ARTICLES, "all")], out, html=False)
    assert people(out) == TWO


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_gives_the_same_people(tmp_path: Path, seed: int) -> None:
    files = [feed(tmp_path / "in", [r], r["id"]) for r in ARTICLES]
    once = tmp_path / "once"
    build([tmp_path / "in"], once, html=False)
    random.Random(seed).shuffle(files)
    apart = tmp_path / "apart"
    for path in files:
        build([path], apart, html=False)
    assert people(apart) == people(once) == TWO
    first = (once / "graph.ttl").read_bytes()
    assert (apart / "graph.ttl").read_bytes() == first  # the same nodes too


def test_a_bridging_article_joins_them_and_removing_it_parts_them(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    build([feed(tmp_path / "in", ARTICLES, "all")], out, html=False)
    kept = {docs: node for docs, node in _nodes(out).items()}
    build([feed(tmp_path / "in2", [BRIDGE], "bridge")], out, html=False)
    assert people(out) == {frozenset({"w19", "w23", "j20", "x25"})}
    joined = _nodes(out)
    assert set(joined.values()) <= set(kept.values())  # a node kept its IRI
    remove(["x25"], out, html=False)
    assert people(out) == TWO


def test_overrides_apply_and_survive_later_builds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([feed(tmp_path / "in", ARTICLES[:2], "first")], out, html=False)
    add_override(out, "same", [("w19", "王建国"), ("j20", "王建国")])
    build([feed(tmp_path / "in", ARTICLES[:2], "first")], out, html=False)
    assert people(out) == {frozenset({"w19", "j20"})}
    build([feed(tmp_path / "in2", ARTICLES[2:], "later")], out, html=False)
    assert people(out) == {frozenset({"w19", "w23", "j20"})}
    (out / "identities.toml").unlink()
    build([feed(tmp_path / "in2", ARTICLES[2:], "later")], out, html=False)
    assert people(out) == TWO


def test_merges_are_explained_in_the_identity_graph(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([feed(tmp_path / "in", ARTICLES, "all")], out, html=False)
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "graph/identity" in trig
    assert "same organisation 吴兴区总工会 (w19, w23)" in trig
    assert "kept apart from 1 other 王建国" in trig


def _nodes(out: Path) -> dict[frozenset[str], str]:
    graph = load_graph(out)
    ids = {a: str(i) for a, i in graph.subject_objects(SCHEMA.identifier)}
    found: dict[str, set[str]] = {}
    for article, node in graph.subject_objects(SCHEMA.mentions):
        if "person/" in str(node) and article in ids:
            found.setdefault(str(node), set()).add(ids[article])
    return {frozenset(docs): node for node, docs in found.items()}
