"""The bundled post-holders query: who held ROLE in ORG on DATE, on a graph
file (rdflib) and on a store (Oxigraph) alike.

A hand-made union: 沈国华 chairs it from 2018 (two articles), 钱卫东 is its
vice-chairman from 2018 and is elected chairman on 2021-04-27 (a post that
began, org:memberDuring); 李娜 is a vice-chairman too.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.corpus.store import import_file
from kg.sparql.oxigraph import open_graph_or_store
from kg.sparql.query import run_query

UNION = """\
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix kgo: <https://w3id.org/kgzh/ontology#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
ex:u skos:prefLabel "湖州市总工会"@zh ; skos:altLabel "市总工会"@zh .
ex:chair skos:prefLabel "主席"@zh .
ex:vice skos:prefLabel "副主席"@zh .
ex:shen skos:prefLabel "沈国华"@zh .
ex:qian skos:prefLabel "钱卫东"@zh .
ex:li skos:prefLabel "李娜"@zh .
ex:m1 a org:Membership ; org:organization ex:u ; org:role ex:chair ;
  org:member ex:shen ; kgo:attestedOn "2018-03-16"^^xsd:date .
ex:m2 a org:Membership ; org:organization ex:u ; org:role ex:chair ;
  org:member ex:shen ; kgo:attestedOn "2019-06-21"^^xsd:date .
ex:m3 a org:Membership ; org:organization ex:u ; org:role ex:vice ;
  org:member ex:qian ; kgo:attestedOn "2018-03-16"^^xsd:date .
ex:m4 a org:Membership ; org:organization ex:u ; org:role ex:chair ;
  org:member ex:qian ; kgo:attestedOn "2021-04-28"^^xsd:date ;
  org:memberDuring ex:m4d .
ex:m4d time:hasBeginning ex:m4b .
ex:m4b time:inXSDDate "2021-04-27"^^xsd:date .
ex:m5 a org:Membership ; org:organization ex:u ; org:role ex:vice ;
  org:member ex:li ; kgo:attestedOn "2018-03-16"^^xsd:date .
ex:m6 a org:Membership ; org:organization ex:u ; org:role ex:vice ;
  org:member ex:li ; kgo:attestedOn "2022-01-05"^^xsd:date ;
  org:memberDuring ex:m6d .
ex:m6d time:hasEnd ex:m6e .
ex:m6e time:inXSDDate "2022-01-05"^^xsd:date .
ex:co skos:prefLabel "湖州澄远机械有限公司"@zh .
ex:cou skos:prefLabel "湖州澄远机械有限公司工会"@zh .
ex:yu skos:prefLabel "俞晓峰"@zh .
ex:m7 a org:Membership ; org:organization ex:cou ; org:role ex:chair ;
  org:member ex:yu ; kgo:attestedOn "2020-05-15"^^xsd:date .
ex:pw skos:prefLabel "党委委员"@zh .
ex:m8 a org:Membership ; org:organization ex:co ; org:role ex:pw ;
  org:member ex:yu ; kgo:attestedOn "2019-03-01"^^xsd:date .
ex:m9 a org:Membership ; org:organization ex:co ; org:role ex:pw ;
  org:member ex:li ; kgo:attestedOn "2020-03-01"^^xsd:date .
"""


@pytest.fixture(scope="module", params=["file", "store"])
def source(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("union")
    path = folder / "union.ttl"
    path.write_text(UNION, encoding="utf-8")
    if request.param == "file":
        return Graph().parse(path)
    import_file(path, folder / "store")
    return open_graph_or_store(folder / "store")


@pytest.mark.parametrize(
    "role, org, date, holders",
    [
        ("主席", "湖州市总工会", "2017-12-31", []),  # before anyone is known
        ("主席", "湖州市总工会", "2018-03-16", ["沈国华"]),
        ("主席", "市总工会", "2020-06-01", ["沈国华"]),  # an alias names the body
        ("主席", "湖州市总工会", "2021-04-26", ["沈国华"]),
        ("主席", "湖州市总工会", "2021-04-27", ["钱卫东"]),  # the successor began
        ("主席", "湖州市总工会", "2024", ["钱卫东"]),  # a year will do
        # several vice-chairmen at once; one stepped down on 2022-01-05
        ("副主席", "湖州市总工会", "2020-06-01", ["李娜", "钱卫东"]),
        ("副主席", "湖州市总工会", "2023-01-01", ["钱卫东"]),
        ("主席", "武进区总工会", "2020-06-01", []),  # no such body
        # a role that names a body inside the organisation: its 工会's 主席
        ("工会主席", "湖州澄远机械有限公司", "2021-01-01", ["俞晓峰"]),
        ("主席", "湖州澄远机械有限公司", "2021-01-01", []),
        # a role ending in 委员 is held by several at once: no succession
        ("党委委员", "湖州澄远机械有限公司", "2021-01-01", ["俞晓峰", "李娜"]),
    ],
)
def test_who_held_a_post_on_a_date(source, role, org, date, holders):
    result = run_query(
        source, "post-holders", params={"role": role, "org": org, "date": date}
    )
    assert sorted(str(row[0]) for row in result.rows) == holders


def test_the_rows_say_when(source):
    result = run_query(
        source,
        "post-holders",
        params={"role": "主席", "org": "湖州市总工会", "date": "2019-01-01"},
    )
    [(person, first, last, until)] = result.rows
    assert (str(person), str(first), str(last), until) == (
        "沈国华",
        "2018-03-16",
        "2019-06-21",
        None,
    )


def test_an_ended_post_says_until_when(source):
    result = run_query(
        source,
        "post-holders",
        params={"role": "副主席", "org": "湖州市总工会", "date": "2020-01-01"},
    )
    ends = {str(row[0]): row[3] and str(row[3]) for row in result.rows}
    assert ends == {"李娜": "2022-01-05", "钱卫东": None}
