"""Three ways to check a batch of article graphs against ontology/shapes.ttl.

Run ``python benchmarks/bench_shacl.py CORPUS [--articles 256]`` (a report, not
a test).  It extracts a batch of articles from a generated corpus
(``generate_corpus.py``), makes their graphs, and times on the same triples:

- pySHACL (``kg validate``'s engine);
- pyrudof, a Rust SHACL engine, if installed (``pip install pyrudof``);
- the shapes compiled into SPARQL and run by Oxigraph (``kg/graph/rules.py``,
  what ``kg build`` uses), with how many rules each engine reported broken on
  a copy with one break per rule kind.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

import pyoxigraph as ox

from kg.graph.iris import IRIs, name_based
from kg.graph.rules import compiled_rules, violations
from kg.graph.shacl import load_shapes, shapes_path, validate_graph
from kg.graph.triples import article_quads, rdflib_graph
from kg.pipeline import extract_page, pages
from kg.read.files import read_paths


def batch(corpus: Path, count: int) -> list[ox.Quad]:
    docs = list(itertools.islice(read_paths([corpus]), count))
    iris = IRIs()
    quads = []
    for page in pages(docs):
        for facts in extract_page(page):
            quads += article_quads(facts, name_based(facts.entities, iris), iris)
    return [ox.Quad(q.subject, q.predicate, q.object) for q in quads]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=256)
    args = parser.parse_args()
    triples = sorted(set(batch(args.corpus, args.articles)), key=str)
    print(f"{args.articles} articles, {len(triples)} triples")
    graph = rdflib_graph(triples)
    load_shapes()
    started = time.perf_counter()
    report = validate_graph(graph)
    seconds = time.perf_counter() - started
    print(f"pySHACL          {seconds:7.2f} s  conforms={report.conforms}")
    try:
        import pyrudof

        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        rudof.read_shacl(str(shapes_path()))
        started = time.perf_counter()
        rudof.read_data(data, format=pyrudof.RDFFormat.NTriples)
        result = rudof.validate_shacl()
        seconds = time.perf_counter() - started
        print(f"pyrudof          {seconds:7.2f} s  conforms={result.conforms}")
    except Exception as exc:  # a report: say why the engine could not run
        print(f"pyrudof          could not run: {type(exc).__name__}: {exc}"[:300])
    store = ox.Store()
    store.extend(triples)
    compiled_rules()
    started = time.perf_counter()
    found = violations(store)
    print(
        f"SPARQL/Oxigraph  {time.perf_counter() - started:7.2f} s  "
        f"conforms={not found} ({len(compiled_rules())} rules)"
    )


if __name__ == "__main__":
    main()
