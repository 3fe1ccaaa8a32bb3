"""The embedded Oxigraph store against rdflib in memory, on a kg-shaped graph.

Run ``python benchmarks/bench_store.py [--triples 1000000]``; a report, not a
test (about three minutes at a million triples on two cores).  It generates
people, organisations, districts, articles, memberships and evidence
statements with Chinese labels and sentences, then times, side by side:
loading, on-disk size (memory for rdflib), three queries (a join, a CONTAINS
filter, a GROUP BY), and writing Turtle.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF
from rdflib.query import Result

from kg.corpus.store import (
    DEFAULT_PREFIXES,
    import_file,
    open_store,
    sorted_turtle,
    turtle_prefixes,
    write_store,
)
from kg.sparql.oxigraph import query_store

KGO = Namespace(DEFAULT_PREFIXES["kgo"])
KGR = Namespace(DEFAULT_PREFIXES["kgr"])
ORG = Namespace(DEFAULT_PREFIXES["org"])
SCHEMA = Namespace(DEFAULT_PREFIXES["schema"])
PROV = Namespace(DEFAULT_PREFIXES["prov"])

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红卫东志文"
PLACES = "江阴梁溪新吴锡山惠山滨湖宜兴徐州常州苏州南通连云港淮安盐城扬州镇江泰州宿迁"
SUFFIXES = (
    "总工会",
    "人民政府",
    "党委",
    "人力资源和社会保障局",
    "集团有限公司",
    "日报",
)
ROLES = ("党组书记", "主席", "副主席", "局长", "副局长", "董事长", "总经理", "记者")
VERBS = ("出席会议并讲话", "表示", "介绍说", "参加活动", "带队调研")

QUERIES = {
    "join": """
        SELECT ?name ?orgName ?roleName WHERE {
          ?d kgo:adminCode "320013" . ?o kgo:locatedIn ?d ; skos:prefLabel ?orgName .
          ?m org:organization ?o ; org:member ?p ; org:role ?r .
          ?p skos:prefLabel ?name . ?r skos:prefLabel ?roleName }""",
    "contains": """
        SELECT ?s ?label WHERE {
          ?s skos:prefLabel ?label FILTER(CONTAINS(?label, "建华"))
        }""",
    "group by": """
        SELECT ?o (COUNT(?m) AS ?n) WHERE { ?m org:organization ?o }
        GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 10""",
}

T = TypeVar("T")


def timed(func: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def best_of(runs: int, func: Callable[[], T]) -> tuple[T, float]:
    results = [timed(func) for _ in range(runs)]
    return results[-1][0], min(seconds for _, seconds in results)


class Generator:
    """Deterministic kg-shaped triples; sizes scale with ``triples``."""

    def __init__(self, triples: int, seed: int = 4) -> None:
        scale = triples / 1_000_000
        self.rng = random.Random(seed)
        self.people = int(30_000 * scale)
        self.orgs = int(20_000 * scale)
        self.districts = max(10, int(3_000 * scale))
        self.articles = int(20_000 * scale)
        self.memberships = int(40_000 * scale)
        self.statements = int(25_000 * scale)

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, 2))

    def place(self, i: int) -> str:
        return PLACES[i % len(PLACES)] + PLACES[(i // 7) % len(PLACES)] + "区"

    def triples(self) -> Iterator[tuple[Any, Any, Any]]:
        yield from self._districts()
        yield from self._people()
        yield from self._orgs()
        yield from self._roles()
        yield from self._articles()
        yield from self._memberships()
        yield from self._statements()

    def _entity(self, node: URIRef, label: str, *types: URIRef) -> Iterator[Any]:
        for kind in types:
            yield node, RDF.type, kind
        yield node, SKOS.prefLabel, Literal(label, lang="zh")
        yield node, RDFS.label, Literal(label, lang="zh")
        yield node, SKOS.altLabel, Literal(f"pinyin {label}", lang="zh-Latn-pinyin")

    def _districts(self) -> Iterator[Any]:
        for i in range(self.districts):
            node = KGR[f"place/{320000 + i}"]
            yield from self._entity(node, self.place(i), SCHEMA.AdministrativeArea)
            yield node, KGO.adminCode, Literal(str(320000 + i))
            yield node, SCHEMA.containedInPlace, KGR[f"place/{320000 + i // 10}"]

    def _people(self) -> Iterator[Any]:
        for i in range(self.people):
            node = KGR[f"person/p{i}"]
            yield from self._entity(node, self.name(), SCHEMA.Person, FOAF.Person)

    def _orgs(self) -> Iterator[Any]:
        for i in range(self.orgs):
            node, district = KGR[f"org/o{i}"], i % self.districts
            label = self.place(district) + SUFFIXES[i % len(SUFFIXES)]
            yield from self._entity(node, label, ORG.Organization, KGO.TradeUnion)
            yield node, KGO.locatedIn, KGR[f"place/{320000 + district}"]

    def _roles(self) -> Iterator[Any]:
        for i, role in enumerate(ROLES):
            yield KGR[f"role/r{i}"], RDF.type, ORG.Role
            yield KGR[f"role/r{i}"], SKOS.prefLabel, Literal(role, lang="zh")

    def _articles(self) -> Iterator[Any]:
        for i in range(self.articles):
            node = KGR[f"article/a{i}"]
            yield node, RDF.type, SCHEMA.NewsArticle
            headline = f"{self.place(i)}总工会召开第{i}次职工代表大会"
            yield node, SCHEMA.headline, Literal(headline, lang="zh")
            yield node, SCHEMA.identifier, Literal(f"a{i}")
            yield node, SCHEMA.datePublished, Literal(f"2024-{1 + i % 12:02d}-01")
            for _ in range(10):
                target = self.rng.randrange(self.people + self.orgs)
                kind = "person/p" if target < self.people else "org/o"
                yield node, SCHEMA.mentions, KGR[f"{kind}{target % self.people}"]

    def _sentence(self, person: int, org: int, role: str) -> Literal:
        org_name = self.place(org % self.districts) + SUFFIXES[org % len(SUFFIXES)]
        verb = self.rng.choice(VERBS)
        return Literal(f"{org_name}{role}{self.name()}{verb}。", lang="zh")

    def _memberships(self) -> Iterator[Any]:
        for i in range(self.memberships):
            node, person = KGR[f"membership/m{i}"], self.rng.randrange(self.people)
            org, role = self.rng.randrange(self.orgs), self.rng.randrange(len(ROLES))
            yield node, RDF.type, ORG.Membership
            yield node, ORG.member, KGR[f"person/p{person}"]
            yield node, ORG.organization, KGR[f"org/o{org}"]
            yield node, ORG.role, KGR[f"role/r{role}"]
            yield node, PROV.wasDerivedFrom, KGR[f"article/a{i % self.articles}"]
            yield node, KGO.evidenceText, self._sentence(person, org, ROLES[role])
            yield KGR[f"person/p{person}"], ORG.memberOf, KGR[f"org/o{org}"]

    def _statements(self) -> Iterator[Any]:
        for i in range(self.statements):
            node, org = KGR[f"statement/s{i}"], self.rng.randrange(self.orgs)
            yield node, RDF.type, RDF.Statement
            yield node, RDF.subject, KGR[f"org/o{org}"]
            yield node, RDF.predicate, KGO.locatedIn
            yield node, RDF.object, KGR[f"place/{320000 + org % self.districts}"]
            yield node, PROV.wasDerivedFrom, KGR[f"article/a{i % self.articles}"]
            yield node, KGO.evidenceText, self._sentence(0, org, "")


def rss_mb() -> float:
    """Resident memory of this process (Linux), in MB; 0 elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []
        self.pending = ""

    def add(self, what: str, rdflib_value: str, store_value: str) -> None:
        self.rows.append((what, rdflib_value, store_value))
        print(f"  {what}: rdflib {rdflib_value} | store {store_value}", file=sys.stderr)

    def print(self, title: str) -> None:
        width = max(len(r[0]) for r in self.rows)
        print(title)
        print(f"{'':{width}}  {'rdflib (memory)':>22}  {'Oxigraph store':>28}")
        for what, left, right in self.rows:
            print(f"{what:{width}}  {left:>22}  {right:>28}")


def run(total: int, workdir: Path) -> None:
    report = Report()
    graph, memory = _rdflib_graph(total, report)
    store_dir = workdir / "store"
    count, store_write = timed(lambda: write_store(graph, store_dir))
    report.add("load: add triples", report.pending, f"{store_write:.1f} s")
    print(f"  triples: rdflib {len(graph):,}, store {count:,}", file=sys.stderr)

    ttl = workdir / "graph.ttl"
    _, rdflib_ttl = timed(
        lambda: ttl.write_bytes(graph.serialize(format="turtle", encoding="utf-8"))
    )
    rdflib_parse = timed(lambda: Graph().parse(ttl, format="turtle"))[1]
    store_import = timed(lambda: import_file(ttl, workdir / "store2"))[1]
    report.add(
        "load: parse graph.ttl", f"{rdflib_parse:.1f} s", f"{store_import:.1f} s"
    )
    store, reopen = timed(lambda: open_store(store_dir))
    report.add("open existing", "(parse again)", f"{reopen:.3f} s")
    disk = f"{folder_mb(store_dir):,.0f} MB on disk"
    report.add("size", f"RSS +{memory:,.0f} MB", disk)
    report.add("graph.ttl size", f"{ttl.stat().st_size / 1e6:,.0f} MB", "")
    for name, sparql in QUERIES.items():
        _compare_query(report, name, sparql, graph, store)
    _turtle_times(report, graph, store, workdir, rdflib_ttl)
    report.print(f"\n{len(graph):,} triples (Python {sys.version.split()[0]})")


def _rdflib_graph(total: int, report: Report) -> tuple[Graph, float]:
    """The generated graph in rdflib, and the memory it took (MB)."""
    triples, seconds = timed(lambda: list(Generator(total).triples()))
    print(f"generated {len(triples):,} triples in {seconds:.1f} s", file=sys.stderr)
    before = rss_mb()
    graph = Graph()
    for prefix, namespace in DEFAULT_PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    _, adding = timed(lambda: graph.addN((s, p, o, graph) for s, p, o in triples))
    report.pending = f"{adding:.1f} s"
    return graph, rss_mb() - before


def rows(result: Result) -> list[tuple[Any, ...]]:
    return [tuple(cast(Iterable[Any], row)) for row in result]


def _compare_query(
    report: Report, name: str, sparql: str, graph: Graph, store: ox.Store
) -> None:
    expected, on_rdflib = best_of(2, lambda: rows(graph.query(sparql)))
    found, on_store = best_of(3, lambda: list(query_store(store, sparql).rows))
    same = "" if sorted(expected) == sorted(found) else ", DIFFERENT"
    label = f"query: {name} ({len(found)} rows{same})"
    report.add(label, f"{on_rdflib:.3f} s", f"{on_store:.3f} s")


def _turtle_times(
    report: Report, graph: Graph, store: ox.Store, workdir: Path, rdflib_ttl: float
) -> None:
    """Oxigraph's Turtle: a store's dump, sorted_turtle, and rdflib's ox-turtle."""
    prefixes = turtle_prefixes(DEFAULT_PREFIXES)
    path = workdir / "out.ttl"
    dump = timed(
        lambda: store.dump(
            path, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes
        )
    )[1]
    report.add(
        "write Turtle (rdflib | store.dump)", f"{rdflib_ttl:.1f} s", f"{dump:.1f} s"
    )
    ordered = timed(lambda: path.write_bytes(sorted_turtle(store)))[1]
    report.add("write Turtle, sorted (sorted_turtle)", "", f"{ordered:.1f} s")
    via = timed(lambda: graph.serialize(path, format="ox-turtle"))[1]
    report.add("write Turtle, format='ox-turtle'", f"{via:.1f} s", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench_store."))
    try:
        run(args.triples, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
