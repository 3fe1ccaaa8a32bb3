"""The gold scorer: gold loading, graph reading, counts and output.

Graphs are built by hand after CONTRACT.md, with invented names.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, BNode, Literal, Namespace, URIRef

from kg.errors import GoldError
from kg.evaluate.score import (
    Counts,
    Gold,
    Report,
    format_report,
    load_gold,
    read_prediction,
    report_to_dict,
    score,
)
from kg.graph.namespaces import KGO, ORG, PROV, SCHEMA

KGR = Namespace("https://w3id.org/kgzh/resource/")
CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": ORG.Organization,
    "District": SCHEMA.AdministrativeArea,
    "Initiative": KGO.Initiative,
}
SHARED_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold"


# ------------------------------------------------------------------ builders


class GraphBuilder:
    """A contract graph: entities, articles, relations with evidence."""

    def __init__(self) -> None:
        self.graph = rdflib.Graph()
        self.count = 0

    def _iri(self, prefix: str) -> URIRef:
        self.count += 1
        return KGR[f"{prefix}/{self.count}"]

    def entity(self, types: str, pref: str, *alts: str, pinyin: str = "") -> URIRef:
        node = self._iri("e")
        for kind in types.split("+"):
            self.graph.add((node, RDF.type, CLASSES[kind]))
        self.graph.add((node, SKOS.prefLabel, Literal(pref, lang="zh")))
        self.graph.add((node, RDFS.label, Literal(pref, lang="zh")))
        for alt in alts:
            self.graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
        if pinyin:
            self.graph.add(
                (node, SKOS.altLabel, Literal(pinyin, lang="zh-Latn-pinyin"))
            )
        return node

    def article(self, source: str, *mentions: URIRef) -> URIRef:
        node = self._iri("article")
        self.graph.add((node, RDF.type, SCHEMA.NewsArticle))
        self.graph.add((node, KGO.sourceFile, Literal(source)))
        for ent in mentions:
            self.graph.add((node, SCHEMA.mentions, ent))
        return node

    def post(
        self, person: URIRef, org: URIRef | None, roles: tuple[str, ...], src: URIRef
    ) -> None:
        membership = self._iri("membership")
        self.graph.add((membership, RDF.type, ORG.Membership))
        self.graph.add((membership, ORG.member, person))
        self.graph.add((membership, PROV.wasDerivedFrom, src))
        if org is not None:
            self.graph.add((membership, ORG.organization, org))
            self.graph.add((person, ORG.memberOf, org))
        for name in roles:
            role = self._iri("role")
            self.graph.add((role, RDF.type, ORG.Role))
            self.graph.add((role, SKOS.prefLabel, Literal(name, lang="zh")))
            self.graph.add((membership, ORG.role, role))

    def triple(self, subj: URIRef, pred: URIRef, obj: URIRef, src: URIRef) -> None:
        self.graph.add((subj, pred, obj))
        stmt = BNode()
        self.graph.add((stmt, RDF.type, RDF.Statement))
        self.graph.add((stmt, RDF.subject, subj))
        self.graph.add((stmt, RDF.predicate, pred))
        self.graph.add((stmt, RDF.object, obj))
        self.graph.add((stmt, PROV.wasDerivedFrom, src))


def write_gold(tmp_path: Path, data: Any, name: str = "doc.gold.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def gold_of(
    tmp_path: Path,
    entities: list[dict],
    relations: list[dict] | None = None,
    document: str = "doc.txt",
) -> Any:
    data = {"document": document, "entities": entities, "relations": relations or []}
    return load_gold(write_gold(tmp_path, data, f"{document}.gold.json"))


def nonzero(table: dict[str, Counts]) -> dict[str, tuple[int, int, int]]:
    return {k: (c.tp, c.fp, c.fn) for k, c in table.items() if c != Counts()}


def one_doc_graph(nodes: list[tuple]) -> GraphBuilder:
    """Entities (types, pref, *alts) all mentioned by one article of doc.txt."""
    builder = GraphBuilder()
    made = [builder.entity(*spec) for spec in nodes]
    builder.article("doc.txt", *made)
    return builder


# ------------------------------------------------------------------ entities

ORG_WITH_ALIAS = {"type": "Organization", "name": "甲市总工会", "aliases": ["市总工会"]}


@pytest.mark.parametrize(
    "gold_entities, nodes, expected",
    [
        pytest.param(
            [ORG_WITH_ALIAS],
            [("Organization", "甲市总工会")],
            {"Organization": (1, 0, 0)},
            id="canonical name",
        ),
        pytest.param(
            [ORG_WITH_ALIAS],
            [("Organization", "市总工会")],
            {"Organization": (1, 0, 0)},
            id="prefLabel is a gold alias",
        ),
        pytest.param(
            [ORG_WITH_ALIAS],
            [("Organization", "甲工会", "市总工会")],
            {"Organization": (1, 0, 0)},
            id="altLabel is a gold alias",
        ),
        pytest.param(
            [{"type": "Initiative", "name": "“春风 行动”"}],
            [("Initiative", "「春风行动」")],
            {"Initiative": (1, 0, 0)},
            id="quotes and spaces removed",
        ),
        pytest.param(
            [{"type": "Organization", "name": "ＡＢ公司"}],
            [("Organization", "AB 公司")],
            {"Organization": (1, 0, 0)},
            id="NFKC full-width letters",
        ),
        pytest.param(
            [{"types": ["Organization", "Initiative"], "name": "乙联盟"}],
            [("Initiative", "乙联盟")],
            {"Initiative": (1, 0, 0)},
            id="types alternative: second type",
        ),
        pytest.param(
            [{"types": ["Organization", "Initiative"], "name": "乙联盟"}],
            [("Organization+Initiative", "乙联盟")],
            {"Organization": (1, 0, 0)},
            id="node of two types counted once",
        ),
        pytest.param(
            [{"type": "Initiative", "name": "乙联盟"}],
            [("Organization+Initiative", "乙联盟")],
            {"Initiative": (1, 0, 0)},
            id="counted under the matching type",
        ),
        pytest.param(
            [{"type": "Person", "name": "张三"}],
            [("District", "张三")],
            {"Person": (0, 0, 1), "District": (0, 1, 0)},
            id="wrong type",
        ),
        pytest.param(
            [{"type": "District", "name": "甲省", "optional": True}],
            [("District", "甲省")],
            {},
            id="optional produced: ignored",
        ),
        pytest.param(
            [{"type": "District", "name": "甲省", "optional": True}],
            [],
            {},
            id="optional missed: ignored",
        ),
        pytest.param(
            [ORG_WITH_ALIAS],
            [("Organization", "甲市总工会"), ("Organization", "市总工会")],
            {"Organization": (1, 1, 0)},
            id="second node for one gold entity",
        ),
        pytest.param(
            [{"type": "Person", "name": "张三"}],
            [("Person", "李四"), ("Organization+Initiative", "丙")],
            {"Person": (0, 1, 1), "Organization": (0, 1, 0)},
            id="unmatched",
        ),
    ],
)
def test_entity_counts(
    tmp_path: Path, gold_entities: list, nodes: list, expected: dict
) -> None:
    gold = gold_of(tmp_path, gold_entities)
    report = score([gold], one_doc_graph(nodes).graph)
    assert nonzero(report.entities) == expected


def test_pinyin_alt_label_is_ignored(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [{"type": "Person", "name": "zhangsan"}])
    builder = GraphBuilder()
    builder.article("doc.txt", builder.entity("Person", "张三", pinyin="zhangsan"))
    assert nonzero(score([gold], builder.graph).entities) == {"Person": (0, 1, 1)}


def test_duplicate_is_listed_with_its_gold_entity(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [ORG_WITH_ALIAS])
    graph = one_doc_graph(
        [("Organization", "市总工会"), ("Organization", "甲市总工会")]
    ).graph
    report = score([gold], graph)
    assert [(f.item, f.note) for f in report.false_positives] == [
        (("市总工会",), "duplicate of 甲市总工会")
    ]


# ----------------------------------------------------------------- relations

PEOPLE = [
    {"type": "Person", "name": "张三"},
    {"type": "Person", "name": "李四"},
    {"type": "Organization", "name": "甲区总工会", "aliases": ["区总工会"]},
    {"type": "District", "name": "甲区"},
]


def relation_graph(kind: str) -> rdflib.Graph:
    b = GraphBuilder()
    zhang, li = b.entity("Person", "张三"), b.entity("Person", "李四")
    union, area = b.entity("Organization", "区总工会"), b.entity("District", "甲区")
    art = b.article("doc.txt", zhang, li, union, area)
    if kind == "post":
        b.post(zhang, union, ("主席", "党组书记"), art)
    elif kind == "post without org":
        b.post(li, None, ("书记",), art)
        b.graph.add((zhang, SCHEMA.jobTitle, Literal("总书记", lang="zh")))
    elif kind == "locatedIn":
        b.triple(union, KGO.locatedIn, area, art)
    elif kind == "partOf unknown ends":
        town, county = b.entity("District", "乙镇"), b.entity("District", "丙县")
        b.graph.add((art, SCHEMA.mentions, town))
        b.triple(town, SCHEMA.containedInPlace, county, art)
    elif kind == "launchedBy":
        plan = b.entity("Initiative", "丁计划")
        b.graph.add((art, SCHEMA.mentions, plan))
        b.triple(plan, KGO.launchedBy, union, art)
    elif kind == "author":
        b.graph.add((art, SCHEMA.author, li))
    return b.graph


@pytest.mark.parametrize(
    "kind, gold_relations, expected",
    [
        pytest.param(
            "post",
            [
                {
                    "type": "post",
                    "person": "张三",
                    "organization": "甲区总工会",
                    "roles": ["主席", "副书记"],
                }
            ],
            {"post(person,org)": (1, 0, 0), "post(person,role)": (1, 1, 1)},
            id="post as (person, org) and (person, role)",
        ),
        pytest.param(
            "post",
            [
                {
                    "type": "post",
                    "person": "张三",
                    "organization": "区总工会",
                    "roles": ["主席", "党组书记"],
                }
            ],
            {"post(person,org)": (1, 0, 0), "post(person,role)": (2, 0, 0)},
            id="gold end named by alias",
        ),
        pytest.param(
            "post without org",
            [
                {
                    "type": "post",
                    "person": "张三",
                    "organization": None,
                    "roles": ["总书记"],
                },
                {
                    "type": "post",
                    "person": "李四",
                    "organization": None,
                    "roles": ["书记"],
                },
            ],
            {"post(person,role)": (2, 0, 0)},
            id="null-org posts give only (person, role)",
        ),
        pytest.param(
            "locatedIn",
            [{"type": "locatedIn", "subject": "甲区总工会", "object": "甲区"}],
            {"locatedIn": (1, 0, 0)},
            id="predicted end mapped through alias",
        ),
        pytest.param(
            "partOf unknown ends",
            [{"type": "partOf", "subject": "乙镇", "object": "丙县"}],
            {"partOf": (1, 0, 0)},
            id="unmatched ends keep their labels",
        ),
        pytest.param(
            "partOf unknown ends",
            [{"type": "partOf", "subject": "乙镇", "object": "丙县", "optional": True}],
            {},
            id="optional relation produced: ignored",
        ),
        pytest.param(
            "launchedBy",
            [{"type": "launchedBy", "subject": "丁计划", "object": "甲区"}],
            {"launchedBy": (0, 1, 1)},
            id="wrong object",
        ),
        pytest.param(
            "author",
            [
                {"type": "author", "person": "李四"},
                {"type": "author", "person": "王五"},
            ],
            {"author": (1, 0, 1)},
            id="author set",
        ),
    ],
)
def test_relation_counts(
    tmp_path: Path, kind: str, gold_relations: list, expected: dict
) -> None:
    gold = gold_of(tmp_path, PEOPLE, gold_relations)
    assert nonzero(score([gold], relation_graph(kind)).relations) == expected


# ---------------------------------------------------------------- documents


def two_document_graph() -> rdflib.Graph:
    b = GraphBuilder()
    zhang, li = b.entity("Person", "张三"), b.entity("Person", "李四")
    org_a, org_b = b.entity("Organization", "甲厂"), b.entity("Organization", "乙厂")
    art_a = b.article("a.txt", zhang, org_a)
    art_b = b.article("b.txt", li, org_b)
    b.post(zhang, org_a, ("厂长",), art_a)
    b.post(li, org_b, ("厂长",), art_b)
    b.graph.add((art_b, SCHEMA.author, b.entity("Person", "王五")))
    return b.graph


GOLD_A = (
    [{"type": "Person", "name": "张三"}, {"type": "Organization", "name": "甲厂"}],
    [{"type": "post", "person": "张三", "organization": "甲厂", "roles": ["厂长"]}],
)


@pytest.mark.parametrize(
    "document, entities, relations",
    [
        (
            "a.txt",
            {"Person": (1, 0, 0), "Organization": (1, 0, 0)},
            {"post(person,org)": (1, 0, 0), "post(person,role)": (1, 0, 0)},
        ),
        (
            "b.txt",
            {"Person": (0, 2, 1), "Organization": (0, 1, 1)},
            {
                "post(person,org)": (0, 1, 1),
                "post(person,role)": (0, 1, 1),
                "author": (0, 1, 0),
            },
        ),
    ],
)
def test_per_document_filtering(
    tmp_path: Path, document: str, entities: dict, relations: dict
) -> None:
    gold = gold_of(tmp_path, *GOLD_A, document=document)
    report = score([gold], two_document_graph())
    assert nonzero(report.entities) == entities
    assert nonzero(report.relations) == relations


def test_several_documents_sum_micro(tmp_path: Path) -> None:
    gold_a = gold_of(tmp_path, *GOLD_A, document="a.txt")
    gold_b = gold_of(tmp_path, [{"type": "Person", "name": "李四"}], document="b.txt")
    report = score([gold_a, gold_b], two_document_graph())
    assert [d.document for d in report.documents] == ["a.txt", "b.txt"]
    assert nonzero(report.entities) == {
        "Person": (2, 1, 0),
        "Organization": (1, 1, 0),
    }


def test_document_missing_from_graph_names_the_graph_documents(
    tmp_path: Path,
) -> None:
    gold = gold_of(tmp_path, *GOLD_A, document="c.txt")
    with pytest.raises(GoldError, match=r"'c\.txt'.*a\.txt, b\.txt"):
        score([gold], two_document_graph())


def test_graph_without_source_files_is_scored_whole() -> None:
    b = GraphBuilder()
    b.entity("Person", "张三")
    prediction = read_prediction(b.graph, document="doc.txt")
    assert prediction.scope == "whole graph"
    assert [n.label for n in prediction.entities] == ["张三"]


def test_graph_of_one_other_file_is_refused() -> None:
    b = GraphBuilder()
    b.entity("Person", "张三")
    b.article("other.txt")
    with pytest.raises(GoldError, match=r"'doc\.txt' is not in the graph.*other"):
        read_prediction(b.graph, document="doc.txt")


# ---------------------------------------------------------------- gold files

GOOD_ENTITY = {"type": "Person", "name": "张三"}


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"document": "d.txt", "entities": [', "not valid JSON"),
        ([], "top level must be a JSON object"),
        ({"entities": [], "relations": []}, 'missing "document"'),
        ({"document": "d.txt", "entities": []}, 'missing "relations"'),
        (
            {"document": "d.txt", "entities": [{"name": "张三"}], "relations": []},
            r'entities\[0\]: give exactly one of "type" or "types"',
        ),
        (
            {
                "document": "d.txt",
                "entities": [{"type": "Persn", "name": "张三"}],
                "relations": [],
            },
            r"entities\[0\]: unknown type 'Persn'; use one of",
        ),
        (
            {
                "document": "d.txt",
                "entities": [{"types": [], "name": "张三"}],
                "relations": [],
            },
            "distinct types",
        ),
        (
            {"document": "d.txt", "entities": [{"type": "Person"}], "relations": []},
            '"name" must be a non-empty string',
        ),
        (
            {
                "document": "d.txt",
                "entities": [{**GOOD_ENTITY, "alias": ["三"]}],
                "relations": [],
            },
            "unknown key 'alias'",
        ),
        (
            {
                "document": "d.txt",
                "entities": [{**GOOD_ENTITY, "optional": "yes"}],
                "relations": [],
            },
            '"optional" must be true or false',
        ),
        (
            {
                "document": "d.txt",
                "entities": [GOOD_ENTITY, GOOD_ENTITY],
                "relations": [],
            },
            r"entities\[1\]: '张三' \(Person\) repeats entities\[0\]",
        ),
        (
            {
                "document": "d.txt",
                "entities": [],
                "relations": [{"type": "memberOf", "person": "张三"}],
            },
            r"relations\[0\]: unknown relation type 'memberOf'",
        ),
        (
            {
                "document": "d.txt",
                "entities": [],
                "relations": [{"type": "partOf", "subject": "乙镇"}],
            },
            r'relations\[0\]: "object" must be a non-empty string',
        ),
        (
            {
                "document": "d.txt",
                "entities": [],
                "relations": [{"type": "post", "person": "张三", "organization": None}],
            },
            'a post needs an "organization" or some "roles"',
        ),
    ],
)
def test_malformed_gold(tmp_path: Path, content: Any, message: str) -> None:
    path = write_gold(tmp_path, content, "bad.gold.json")
    with pytest.raises(GoldError, match=message) as err:
        load_gold(path)
    assert str(path) in str(err.value)


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"nowhere\.gold\.json: cannot read"):
        load_gold(tmp_path / "nowhere.gold.json")


def test_gold_fields(tmp_path: Path) -> None:
    gold = gold_of(
        tmp_path,
        [
            {
                "types": ["Organization", "Initiative"],
                "name": "乙联盟",
                "aliases": ["联盟"],
                "optional": True,
            }
        ],
        [{"type": "post", "person": "张三", "organization": None, "roles": ["书记"]}],
    )
    assert gold.document == "doc.txt"
    assert gold.entities[0].types == ("Organization", "Initiative")
    assert gold.entities[0].aliases == ("联盟",) and gold.entities[0].optional
    assert (gold.relations[0].organization, gold.relations[0].roles) == (
        None,
        ("书记",),
    )


@pytest.mark.parametrize(
    "path", sorted(SHARED_GOLD.glob("*.gold.json")) or [None], ids=str
)
def test_shared_gold_files_load(path: Path | None) -> None:
    if path is None:
        pytest.skip("no shared gold files")
    gold = load_gold(path)
    assert gold.document and gold.entities
    report = score([gold], rdflib.Graph())
    assert report.entity_total.tp == 0 and report.entity_total.fn > 0
    perfect = score([gold], graph_from_gold(gold))
    assert (perfect.entity_total.f1, perfect.relation_total.f1) == (1.0, 1.0)


def graph_from_gold(gold: Gold) -> rdflib.Graph:
    """The graph a perfect extractor would build for ``gold``."""
    b = GraphBuilder()
    nodes: dict[str, URIRef] = {}
    for ent in gold.entities:
        node = b.entity("+".join(ent.types[:1]), ent.name, *ent.aliases)
        for name in reversed((ent.name, *ent.aliases)):
            nodes[name] = node
    art = b.article(gold.document, *set(nodes.values()))

    def end(name: str) -> URIRef:
        return nodes.get(name) or b.entity("Person", name)

    for rel in gold.relations:
        if rel.type == "post":
            org = end(rel.organization) if rel.organization else None
            b.post(end(str(rel.person)), org, rel.roles, art)
        elif rel.type == "author":
            b.graph.add((art, SCHEMA.author, end(str(rel.person))))
        else:
            prop = {"locatedIn": KGO.locatedIn, "partOf": SCHEMA.containedInPlace}
            pred = prop.get(rel.type, KGO.launchedBy)
            b.triple(end(str(rel.subject)), pred, end(str(rel.object)), art)
    return b.graph


# ------------------------------------------------------------------- output


def small_report(tmp_path: Path) -> Report:
    gold_a = gold_of(tmp_path, *GOLD_A, document="a.txt")
    people = [{"type": "Person", "name": "李四"}, {"type": "Person", "name": "赵六"}]
    gold_b = gold_of(tmp_path, people, document="b.txt")
    return score([gold_a, gold_b], two_document_graph())


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_format_report_tables_are_aligned(tmp_path: Path) -> None:
    text = format_report(small_report(tmp_path))
    blocks = [block.splitlines() for block in text.split("\n\n")]
    tables = [
        b for b in blocks if b[0].split()[0] in ("document", "entity", "relation")
    ]
    assert len(tables) == 3
    for table in tables:
        assert len({display_width(line) for line in table}) == 1
    assert "overall (micro)" in text
    assert "    赵六  [b.txt]" in text
    assert "    王五  [b.txt]" in text
    assert "misses:" in text and "false positives:" in text


def test_format_report_of_a_perfect_score(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, *GOLD_A, document="a.txt")
    text = format_report(score([gold], two_document_graph()))
    assert "misses: none" in text and "false positives: none" in text
    assert "[a.txt]" not in text


def test_report_to_dict(tmp_path: Path) -> None:
    data = report_to_dict(small_report(tmp_path))
    assert list(data) == sorted(data)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["entities"]["Person"] == {
        "f1": 0.6667,
        "fn": 1,
        "fp": 1,
        "precision": 0.6667,
        "recall": 0.6667,
        "tp": 2,
    }
    assert data["entities"]["District"]["precision"] is None
    assert data["entities"]["overall"]["tp"] == 3
    assert [d["document"] for d in data["documents"]] == ["a.txt", "b.txt"]
    assert data["misses"]["Person"] == [
        {"document": "b.txt", "item": ["赵六"], "note": ""}
    ]
    assert list(data["relations"]) == [
        "post(person,org)",
        "post(person,role)",
        "locatedIn",
        "partOf",
        "launchedBy",
        "author",
        "overall",
    ]


@pytest.mark.parametrize(
    "evidence, expected", [("a.txt", (1, 0, 0)), ("b.txt", (0, 0, 1))]
)
def test_relation_kept_by_its_evidence(
    tmp_path: Path, evidence: str, expected: tuple[int, int, int]
) -> None:
    b = GraphBuilder()
    union, area = b.entity("Organization", "甲厂"), b.entity("District", "甲区")
    articles = {"a.txt": b.article("a.txt"), "b.txt": b.article("b.txt", union)}
    b.triple(union, KGO.locatedIn, area, articles[evidence])
    gold = gold_of(
        tmp_path,
        [],
        [{"type": "locatedIn", "subject": "甲厂", "object": "甲区"}],
        document="a.txt",
    )
    report = score([gold], b.graph)
    counts = report.relations["locatedIn"]
    assert (counts.tp, counts.fp, counts.fn) == expected


def test_a_shared_person_brings_each_document_only_its_own_posts(
    tmp_path: Path,
) -> None:
    """张三 is one node for two articles; the post read from b.txt is no
    prediction for a.txt (its direct org:memberOf shortcut neither)."""
    b = GraphBuilder()
    zhang = b.entity("Person", "张三")
    org_a, org_b = b.entity("Organization", "甲厂"), b.entity("Organization", "乙厂")
    art_a = b.article("a.txt", zhang, org_a)
    art_b = b.article("b.txt", zhang, org_b)
    b.post(zhang, org_a, ("厂长",), art_a)
    b.post(zhang, org_b, ("书记",), art_b)
    gold = gold_of(tmp_path, *GOLD_A, document="a.txt")
    report = score([gold], b.graph)
    assert nonzero(report.relations) == {
        "post(person,org)": (1, 0, 0),
        "post(person,role)": (1, 0, 0),
    }
