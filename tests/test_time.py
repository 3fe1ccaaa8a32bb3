"""Dated posts (CONTRACT.md, "Time") read from invented appointment news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.sparql.oxigraph import open_graph_or_store
from kg.sparql.query import run_query

ARTICLES = [
    {
        "id": "n2019",
        "date": "2019-03-05",
        "title": "临泉县总工会召开全委会议",
        "text": "3月4日，临泉县总工会召开全委会议。临泉县总工会党组书记、主席"
        "杜文涛出席会议并讲话。",
    },
    {
        "id": "n2022",
        "date": "2022-07-12",
        "title": "临泉县总工会选举产生新一届领导班子",
        "text": "7月11日，临泉县总工会召开全委会议，选举庞海燕为临泉县总工会主席。"
        "杜文涛不再担任临泉县总工会主席职务。",
    },
]
TIME = """
SELECT ?name ?began ?ended ?flag WHERE {
  ?m a org:Membership ; org:member/skos:prefLabel ?name .
  OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?began }
  OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?ended }
  OPTIONAL { ?m kgo:ended ?flag }
} ORDER BY ?name ?began ?ended"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("time")
    feed = folder / "news.jsonl"
    feed.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n",
        encoding="utf-8",
    )
    build([feed], folder / "out", html=False)
    return folder / "out"


def test_posts_that_began_and_ended_are_dated(corpus: Path) -> None:
    rows = {
        tuple(str(t) if t is not None else None for t in row)
        for row in run_query(open_graph_or_store(corpus), TIME).rows
    }
    assert rows == {
        ("庞海燕", "2022-07-11", None, None),  # 7月11日, in the article's year
        ("杜文涛", None, None, None),  # 2019: held, no change told
        ("杜文涛", None, "2022-07-11", "true"),  # 不再担任
    }


@pytest.mark.parametrize(
    "date, holders",
    [("2020-01-01", ["杜文涛"]), ("2023-01-01", ["庞海燕"]), ("2018-01-01", [])],
)
def test_post_holders_follows_the_succession(corpus, date, holders) -> None:
    result = run_query(
        open_graph_or_store(corpus),
        "post-holders",
        params={"role": "主席", "org": "临泉县总工会", "date": date},
    )
    assert sorted(str(row[0]) for row in result.rows) == holders
