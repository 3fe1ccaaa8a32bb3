"""The identity scorer (GUIDELINES "Identity files") on small invented graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from kg.errors import GoldError
from kg.evaluate.identity import load_identity, score_identity
from kg.evaluate.run import evaluate

BASE = "https://w3id.org/kgzh/resource/"
PREFIXES = """\
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def graph_of(articles: dict[str, list[tuple[str, str]]]) -> rdflib.Graph:
    """Articles (id → [(person node, label)]) as a contract-shaped graph."""
    lines = [PREFIXES]
    for doc, people in articles.items():
        article = f"<{BASE}article/{doc}>"
        lines.append(f'{article} a schema:NewsArticle ; schema:identifier "{doc}" .')
        for node, label in people:
            iri = f"<{BASE}person/{node}>"
            lines.append(f'{iri} a schema:Person ; skos:prefLabel "{label}"@zh .')
            lines.append(f"{article} schema:mentions {iri} .")
    return rdflib.Graph().parse(data="\n".join(lines), format="turtle")


def identity_file(tmp_path: Path, people: list[dict], pairs=()) -> Path:
    path = tmp_path / "identity.json"
    data = {"people": people, "homonym_pairs": [list(p) for p in pairs]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def person(pid: str, name: str, *docs: str) -> dict:
    return {
        "id": pid,
        "name": name,
        "mentions": [{"doc": d, "name": name} for d in docs],
    }


TWO_WANGS = [person("P1", "王勇", "a", "b", "c"), person("P2", "王勇", "d")]


@pytest.mark.parametrize(
    "nodes, precision, recall, apart",
    [
        # one node per real person: perfect
        ({"a": "w1", "b": "w1", "c": "w1", "d": "w2"}, 1.0, 1.0, 1),
        # every 王勇 on one node: 3 true of 6 predicted pairs, homonyms merged
        ({"a": "w", "b": "w", "c": "w", "d": "w"}, 0.5, 1.0, 0),
        # every mention its own node: nothing merged
        ({"a": "1", "b": "2", "c": "3", "d": "4"}, None, 0.0, 1),
        # c not linked: its two gold pairs are missed
        ({"a": "w1", "b": "w1", "d": "w2"}, 1.0, 1 / 3, 1),
    ],
)
def test_merge_pairs_and_homonyms(tmp_path, nodes, precision, recall, apart):
    gold = load_identity(identity_file(tmp_path, TWO_WANGS, [("P1", "P2")]))
    graph = graph_of({doc: [(node, "王勇")] for doc, node in nodes.items()})
    result = score_identity(gold, graph)
    assert result.merge_precision == precision
    assert result.merge_recall == pytest.approx(recall)
    assert result.homonyms_apart == apart
    assert result.linked == len(nodes)


def test_a_mention_links_by_alternative_label(tmp_path):
    gold = load_identity(identity_file(tmp_path, [person("P1", "王勇", "a", "b")]))
    graph = graph_of({"a": [("w", "王勇")], "b": [("w", "王　勇")]})
    assert score_identity(gold, graph).true_pairs == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"people": "x"}, '"people" list'),
        ({"people": [{"id": "P1", "name": "王勇", "mentions": []}]}, "non-empty"),
        (
            {"people": [person("P1", "王勇", "a")], "homonym_pairs": [["P1", "P9"]]},
            "homonym_pairs[0]",
        ),
        ({"people": [person("P1", "王勇", "a"), person("P1", "李强", "b")]}, "repeat"),
    ],
)
def test_bad_identity_files_name_the_problem(tmp_path, data, message):
    path = tmp_path / "identity.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError, match=message.replace("[", r"\[")):
        load_identity(path)


def test_eval_tells_identity_files_from_article_gold(tmp_path):
    path = identity_file(tmp_path, TWO_WANGS, [("P1", "P2")])
    graph = graph_of({"a": [("w", "王勇")], "b": [("w", "王勇")]})
    result = evaluate([path], graph)
    assert result.report is None
    [(gold, score)] = result.identities
    assert gold.path == str(path) and score.true_pairs == 1
