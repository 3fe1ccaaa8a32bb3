"""Size and speed of the network page for graphs of 1,000, 5,000 and 20,000 nodes.

    python benchmarks/bench_html.py [--sizes 1000,5000,20000] [--max-nodes 20000]
                                    [--keep DIR]

For each size it invents a contract graph (districts in a tree, organisations
located in them, people with posts, initiatives, articles with authors,
mentions and evidence), writes the page with ``kg.publish.page.write_html`` and
opens it in headless Chromium with the network off, then prints: triples,
nodes drawn, HTML size, seconds to write (layout included), and

- ``ready_s``: from navigation until the network is drawn
  (``body[data-state=ready]``) plus one more animation frame, i.e. until the
  page is interactive; the target is 3 s at 20,000 nodes;
- ``search_s``: then typing a name in the search box, choosing the first
  result and waiting for the next frame (the selection drawn and the view
  moved to it): how quickly the page answers once ready.

Needs playwright and Debian's chromium for the browser columns (shown as
"-" without them).  Chromium draws with its software WebGL here (no GPU),
so frames take far longer than on a desktop.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef

from kg.graph.namespaces import BASE_IRI, KGO, ORG, PROV, SCHEMA
from kg.publish.browser import find_chromium, launch_offline
from kg.publish.page import MAX_NODES, write_html

SYLLABLES = list("华明东南西北新安和平江海山河湖金银光荣兴旺长青云龙凤春秋德")
PINYIN = "hua ming dong nan xi bei xin an he ping jiang hai shan he hu jin yin "
PINYIN += "guang rong xing wang chang qing yun long feng chun qiu de"
READINGS = dict(zip(SYLLABLES, PINYIN.split(), strict=True))
SHARES = {"district": 0.08, "org": 0.30, "person": 0.35, "initiative": 0.12}


def invented_graph(size: int, *, seed: int = 1) -> Graph:
    """A contract graph of about ``size`` entities and articles."""
    rng = random.Random(seed)
    graph = Graph()
    counts = {kind: max(2, int(size * share)) for kind, share in SHARES.items()}
    districts = _districts(graph, rng, counts["district"])
    lower = districts[len(districts) // 4 :]
    orgs = _entities(graph, rng, "org", counts["org"], ORG.Organization)
    for org in orgs:
        _fact(graph, rng, org, KGO.locatedIn, rng.choice(lower))
    people = _entities(graph, rng, "person", counts["person"], SCHEMA.Person)
    for i, person in enumerate(people):
        busy = orgs[int(rng.paretovariate(1.2)) % len(orgs)]  # a few big employers
        _membership(graph, rng, person, busy, i)
    initiatives = []
    for i in range(counts["initiative"]):
        initiative = _entity(graph, rng, "initiative", i, KGO.Initiative)
        _fact(graph, rng, initiative, KGO.launchedBy, rng.choice(orgs))
        initiatives.append(initiative)
    everything = districts + orgs + people + initiatives
    for i in range(size - len(everything)):
        _article(graph, rng, i, rng.choice(people), rng.sample(everything, 4))
    return graph


def _name(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(length))


def _entity(
    graph: Graph, rng: random.Random, kind: str, i: int, rdf_type: URIRef
) -> URIRef:
    node = URIRef(f"{BASE_IRI}{kind}/{i}")
    suffix = {"org": "总工会", "initiative": "行动"}.get(kind, "")
    name = _name(rng, 3) + suffix + ("" if kind == "person" else str(i))
    graph.add((node, RDF.type, rdf_type))
    graph.add((node, SKOS.prefLabel, Literal(name, lang="zh")))
    graph.add((node, RDFS.label, Literal(name, lang="zh")))
    reading = " ".join(READINGS.get(ch, ch) for ch in name)
    graph.add((node, SKOS.altLabel, Literal(reading, lang="zh-Latn-pinyin")))
    return node


def _entities(
    graph: Graph, rng: random.Random, kind: str, count: int, rdf_type: URIRef
) -> list[URIRef]:
    return [_entity(graph, rng, kind, i, rdf_type) for i in range(count)]


def _districts(graph: Graph, rng: random.Random, count: int) -> list[URIRef]:
    places = _entities(graph, rng, "district", count, SCHEMA.AdministrativeArea)
    for i, place in enumerate(places[1:], start=1):
        parent = places[(i - 1) // 6]
        graph.add((place, SCHEMA.containedInPlace, parent))
    return places


def _fact(
    graph: Graph, rng: random.Random, subject: URIRef, predicate: URIRef, obj: URIRef
) -> None:
    graph.add((subject, predicate, obj))
    statement = BNode()
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, obj))
    graph.add((statement, KGO.evidenceText, Literal(_name(rng, 20) + "。", lang="zh")))
    graph.add((statement, PROV.wasDerivedFrom, URIRef(f"{BASE_IRI}article/0")))


def _membership(
    graph: Graph, rng: random.Random, person: URIRef, org: URIRef, i: int
) -> None:
    membership = URIRef(f"{BASE_IRI}membership/{i}")
    graph.add((membership, RDF.type, ORG.Membership))
    graph.add((membership, ORG.member, person))
    graph.add((membership, ORG.organization, org))
    role = URIRef(f"{BASE_IRI}role/{rng.randrange(6)}")
    graph.add((role, SKOS.prefLabel, Literal(rng.choice(["主席", "书记"]), lang="zh")))
    graph.add((membership, ORG.role, role))
    graph.add((membership, KGO.evidenceText, Literal(_name(rng, 20), lang="zh")))
    graph.add((person, ORG.memberOf, org))


def _article(
    graph: Graph,
    rng: random.Random,
    i: int,
    author: URIRef,
    mentioned: list[URIRef],
) -> None:
    article = URIRef(f"{BASE_IRI}article/{i}")
    graph.add((article, RDF.type, SCHEMA.NewsArticle))
    graph.add((article, SCHEMA.headline, Literal(_name(rng, 12), lang="zh")))
    _fact(graph, rng, article, SCHEMA.author, author)
    for entity in mentioned:
        graph.add((article, SCHEMA.mentions, entity))


def seconds_until_ready(
    page_path: Path, profile: Path, search: str = ""
) -> tuple[float, float] | None:
    """Navigation to drawn plus one idle frame, and a search answered and
    drawn, offline; None if no browser is available."""
    chromium = find_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    with sync_playwright() as driver:
        browser = launch_offline(driver, profile, chromium, width=1280, height=800)
        page = browser.new_page()
        page.route("**/*", _block_non_file)
        page.goto(page_path.as_uri(), wait_until="commit")
        page.wait_for_selector("body[data-state=ready]", timeout=120_000)
        idle: float = page.evaluate(
            "new Promise(r => requestAnimationFrame(() => r(performance.now())))"
        )
        started = time.perf_counter()
        if search:
            page.fill("#kg-search", search)
            page.press("#kg-search", "Enter")
            page.wait_for_selector("#kg-panel:not([hidden])")
            page.evaluate("new Promise(r => requestAnimationFrame(() => r(0)))")
        answered = time.perf_counter() - started
        browser.close()
    return idle / 1000, answered


def _block_non_file(route) -> None:  # type: ignore[no-untyped-def]
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--max-nodes", type=int, default=MAX_NODES)
    parser.add_argument("--keep", type=Path, help="Keep the pages in this folder.")
    args = parser.parse_args()
    print("nodes   triples  drawn  html_MB  write_s  ready_s  search_s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in (int(s) for s in args.sizes.split(",")):
            graph = invented_graph(size)
            path = folder / f"graph{size}.html"
            start = time.perf_counter()
            summary = write_html(graph, path, max_nodes=args.max_nodes)
            write_s = time.perf_counter() - start
            name = next(iter(sorted(graph.objects(None, SKOS.prefLabel))))
            timed = seconds_until_ready(path, Path(tmp) / f"profile{size}", str(name))
            ready, search = (
                ("-", "-") if timed is None else (f"{timed[0]:.2f}", f"{timed[1]:.2f}")
            )
            print(
                f"{size:<7} {len(graph):<8} {summary.nodes:<6} "
                f"{path.stat().st_size / 1e6:<8.2f} {write_s:<8.2f} {ready:<8} {search}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
