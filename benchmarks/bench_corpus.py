"""Corpus builds at 1k, 10k and 100k articles against a plain jieba.posseg pass.

Run ``python benchmarks/bench_corpus.py --sizes 1000 10000 --work /tmp/kgbench``
(a report, not a test; the 10k size takes about half an hour on two loaded
cores, 100k many hours).  For each size it generates the corpus
(``generate_corpus.py``), then measures, each in its own process:

- the reference: ``jieba.posseg.cut`` over the Simplified text kg reads;
- ``kg build`` with each ``--jobs`` given (``--jobs 1 2`` compares them):
  wall time, characters and articles a second, peak RSS of the build and its
  children, store size, triples;
- extraction alone on one core (``extract_page`` over a sample of 1,000
  articles, against posseg over the same sample): the ratio of the best of
  three alternating rounds of each in CPU time of the process, every
  bounded cache emptied before each round (``bench_extract.py``'s way: other
  work on a shared machine steals wall time from either side at random),
  and, as ``one_wall_pass``, the ratio of one pass of each in wall time;
- with ``--increment``: adding 100 new articles to the built corpus with
  ``--no-exports`` (store and index), then building the same folder again
  without it (nothing to extract: the cost of writing every export);
- with ``--queries``: every bundled query, ``kg path`` and ``kg stats`` on the
  built corpus (times of the library calls, opening the store included;
  starting Python adds about 0.5 s to a command).

The machine is shared and noisy, so every figure is also given as a ratio to
the reference measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable

REFERENCE = """
import sys, time, jieba, jieba.posseg
from kg.read.files import read_paths
docs = list(read_paths([sys.argv[1]]))
jieba.initialize()
started = time.perf_counter()
for doc in docs:
    for _ in jieba.posseg.cut(doc.text):
        pass
print(time.perf_counter() - started, sum(len(d.text) for d in docs), len(docs))
"""

EXTRACTION = """
import sys, time, itertools
sys.path.insert(0, sys.argv[3])
from bench_extract import extract_pass, posseg_pass
from kg.read.files import read_paths
from kg.pipeline import extract_page, pages, warm
docs = list(itertools.islice(read_paths([sys.argv[1]]), int(sys.argv[2])))
warm()
started = time.perf_counter()
for page in pages(docs):
    extract_page(page)
seconds = time.perf_counter() - started
import jieba.posseg
started = time.perf_counter()
for doc in docs:
    for _ in jieba.posseg.cut(doc.text):
        pass
wall = time.perf_counter() - started
rounds = [(extract_pass(docs, 1), posseg_pass(docs, 1)) for _ in range(3)]
best = min(e for e, _ in rounds), min(p for _, p in rounds)
print(seconds, wall, *best, sum(len(d.text) for d in docs))
"""

QUERIES = """
import sys, time, json
from pathlib import Path
from kg.sparql.oxigraph import open_graph_or_store
from kg.sparql.query import run_query, bundled_queries
out = Path(sys.argv[1])
params = json.loads(sys.argv[2])
times = {}
for name in [*bundled_queries(), "posts"]:
    label = f"{name} (no filter)" if name in times else name
    given = {} if name in times else params.get(name, {})
    started = time.perf_counter()
    result = run_query(open_graph_or_store(out), name, params=given)
    times[label] = (time.perf_counter() - started, len(result.rows))
from kg.analytics.store import paths_at, stats_at
first, second = params["path"]
started = time.perf_counter()
found = paths_at(out, first, second, limit=3)
times["kg path"] = (time.perf_counter() - started, len(found.chains))
first, second = params["path_near"]
started = time.perf_counter()
found = paths_at(out, first, second, limit=3)
times["kg path (4 steps)"] = (time.perf_counter() - started, len(found.chains))
started = time.perf_counter()
stats = stats_at(out)
times["kg stats"] = (time.perf_counter() - started, stats.nodes)
print(json.dumps(times))
"""


PEAKS: dict[str, int] = {}
"""Peak memory of the last command measured: ``rss`` (the sum of the
processes' resident sets: pages that forked workers share with the build
count once per process) and ``pss`` (each shared page divided among its
sharers: what the processes take from the machine)."""


def measured(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (bytes, process and children) and stdout;
    both peaks in :data:`PEAKS`."""
    started = time.perf_counter()
    process = psutil.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    PEAKS.update(rss=0, pss=0)
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            infos = [p.memory_full_info() for p in tree]
            PEAKS["rss"] = max(PEAKS["rss"], sum(i.rss for i in infos))
            PEAKS["pss"] = max(PEAKS["pss"], sum(i.pss for i in infos))
        except psutil.Error:
            pass
        time.sleep(0.2)
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return time.perf_counter() - started, PEAKS["rss"], out


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    seconds, peak, _ = measured(
        [PYTHON, "-m", "kg", "build", str(corpus), "-o", str(out), "-q",
         "--jobs", str(jobs)]
    )  # fmt: skip
    manifest = json.loads((out / "current" / "build.json").read_text("utf-8"))
    return {
        "seconds": seconds,
        "peak_rss_mb": peak / 2**20,
        "peak_pss_mb": PEAKS["pss"] / 2**20,
        "store_mb": folder_size(out / "current" / "store") / 2**20,
        "triples": manifest["triples"],
    }


def params_for(out: Path) -> dict[str, object]:
    """Parameters that select something in the generated corpus."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "current" / "store"))
    org = next(iter(store.query(
        "SELECT ?n { ?m <http://www.w3.org/ns/org#organization> ?o . "
        "?o <http://www.w3.org/2004/02/skos/core#prefLabel> ?n } LIMIT 1"
    )))[0].value  # fmt: skip
    # IRIs, not names: at 10k a name may name two people, and kg path
    # would ask which
    people = [
        row[0].value
        for row in store.query(
            "SELECT DISTINCT ?p { ?p a <https://schema.org/Person> ; "
            "<http://www.w3.org/ns/org#memberOf> ?o } LIMIT 400"
        )
    ]
    # and two people four steps apart (person, organisation, district,
    # organisation, person): a search that meets
    near = next(iter(store.query(
        "SELECT ?a ?b { ?a <http://www.w3.org/ns/org#memberOf> ?x . "
        "?x <https://w3id.org/kgzh/ontology#locatedIn> ?d . "
        "?y <https://w3id.org/kgzh/ontology#locatedIn> ?d . "
        "?b <http://www.w3.org/ns/org#memberOf> ?y FILTER (?x != ?y && ?a != ?b) "
        "} LIMIT 1"
    )))  # fmt: skip
    del store
    return {
        "path_near": [near[0].value, near[1].value],
        "posts": {"org": org},
        "orgs-in-district": {"district": "江苏省"},
        "initiatives": {},
        "org-links": {"org": org},
        "facts": {"entity": org},
        "mentions": {"entity": org},
        "find": {"text": "总工会"},
        "post-holders": {"role": "主席", "org": org, "date": "2024-06-01"},
        "path": [people[0], people[-1]],
    }


def run_size(size: int, work: Path, args: argparse.Namespace) -> dict[str, object]:
    corpus = work / f"c{size}"
    if not corpus.is_dir():
        subprocess.run(
            [PYTHON, str(HERE / "generate_corpus.py"), "--articles", str(size),
             "-o", str(corpus)], check=True, capture_output=True,
        )  # fmt: skip
    row: dict[str, object] = {"articles": size}
    _, _, text = measured([PYTHON, "-c", REFERENCE, str(corpus)])
    ref, chars, _ = (float(x) for x in text.split())
    row.update(chars=int(chars), posseg_seconds=ref)
    print(f"[{size}] posseg {ref:.1f} s", file=sys.stderr, flush=True)
    sample = min(size, args.sample)
    _, _, text = measured(
        [PYTHON, "-c", EXTRACTION, str(corpus), str(sample), str(HERE)]
    )
    extract, posseg, cpu_extract, cpu_posseg, sample_chars = (
        float(x) for x in text.split()
    )
    row["extraction"] = {
        "sample_articles": sample,
        "chars_per_s": sample_chars / cpu_extract,
        "posseg_chars_per_s": sample_chars / cpu_posseg,
        "ratio": cpu_posseg / cpu_extract,
        "one_wall_pass": {
            "chars_per_s": sample_chars / extract,
            "posseg_chars_per_s": sample_chars / posseg,
            "ratio": posseg / extract,
        },
    }
    print(f"[{size}] extraction {row['extraction']}", file=sys.stderr, flush=True)
    for jobs in args.jobs:
        out = work / f"out{size}-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        result = build(corpus, out, jobs)
        result["ratio_to_posseg"] = result["seconds"] / ref
        result["chars_per_s"] = chars / result["seconds"]
        result["articles_per_s"] = size / result["seconds"]
        row[f"jobs{jobs}"] = result
        print(f"[{size}] jobs {jobs}: {result}", file=sys.stderr, flush=True)
    out = work / f"out{size}-j{args.jobs[0]}"
    if args.increment:
        extra = work / f"extra{size}"
        if not extra.is_dir():
            subprocess.run(
                [PYTHON, str(HERE / "generate_corpus.py"), "--articles", "100",
                 "--seed", "99", "--first-id", str(size), "-o", str(extra)],
                check=True, capture_output=True,
            )  # fmt: skip
        full = row[f"jobs{args.jobs[0]}"]["seconds"]  # type: ignore[index]
        row["add100"] = {}
        # first store and index only, then the same 100 again with every
        # export (they are unchanged then: what is measured is the exports)
        for flags in (["--no-exports"], []):
            seconds, _, _ = measured(
                [PYTHON, "-m", "kg", "build", str(extra), "-o", str(out), "-q",
                 "--jobs", str(args.jobs[0]), *flags]
            )  # fmt: skip
            key = "no_exports" if flags else "then_exports_only"
            row["add100"][key] = {  # type: ignore[index]
                "seconds": seconds,
                "share_of_full_build": seconds / full,
            }
        print(f"[{size}] add 100: {row['add100']}", file=sys.stderr, flush=True)
    if args.queries:
        params = params_for(out)
        _, _, text = measured([PYTHON, "-c", QUERIES, str(out), json.dumps(params)])
        row["queries"] = json.loads(text)
        print(f"[{size}] queries {row['queries']}", file=sys.stderr, flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kgbench"))
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1], help="Build with each of these."
    )
    parser.add_argument("--increment", action="store_true")
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    rows = [run_size(size, args.work, args) for size in args.sizes]
    text = json.dumps(rows, indent=1, ensure_ascii=False)
    if args.json:
        args.json.write_text(text + "\n", "utf-8")
    print(text)


if __name__ == "__main__":
    main()
