"""Kill test: interrupted builds never lose, corrupt or mix a corpus.

Run ``python benchmarks/kill_test.py --kills 100 --interrupts 20`` (a report,
not a test: about half an hour on two loaded cores).  It builds a small
generated corpus from input set A, then, again and again, starts an
incremental add of set B (new articles) or a removal of them and stops it:
with SIGKILL at a random moment, with SIGINT (Ctrl-C) at a random moment,
and once at every named point of the build (``KG_CRASH_AT``: after the
generation folder is made, the store and the index copied, a batch written,
the exports written, the new link written, the switch, the export links, the
removal of the old generation).  Also a few first builds into an empty
folder are killed.  After each stop it checks:

- the corpus opens, and ``current`` is one complete generation: its
  graph.ttl is byte-identical to a clean build of A (the old state) or of
  A+B (the new state), and the store's default graph is that same graph
  (nothing mixed);
- every fifth trial (and after each first build) the next build runs to
  its end: the corpus then equals the clean build and holds no leftovers
  (one generation, no temporary links or files), whatever the stopped builds
  before it left.

The trials run one after another on one corpus: each stops an add of B
(when the corpus holds A) or a ``kg remove`` of B's new articles (when it
holds A+B), so removals are stopped too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.corpus.generations import EXPORTS

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
POINTS = (
    "generation-made",
    "store-copied",
    "index-copied",
    "batch-written",
    "exports-written",
    "link-written",
    "switched",
    "exports-linked",
    "old-generation-removed",
)
ALLOWED = {".lock", "current", *EXPORTS}
"""What a corpus folder holds besides its one generation: the lock, the
current link and the links to the exports."""


def kg_build(source: Path, out: Path, env: dict[str, str] | None = None) -> int:
    command = [PYTHON, "-m", "kg", "build", str(source), "-o", str(out), "-q"]
    return subprocess.run(command, env=env, capture_output=True).returncode


def started(source: Path, out: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [PYTHON, "-m", "kg", "build", str(source), "-o", str(out), "-q"]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def state(out: Path, old: bytes, new: bytes) -> str:
    """'old', 'new' or 'empty' (no generation yet); raises if broken or mixed."""
    if not (out / "current").is_symlink():
        return "empty"  # a first build stopped before its switch
    live = out / os.readlink(out / "current")
    for name in (
        "store",
        "index.sqlite",
        "graph.ttl",
        "graph.trig",
        "report.html",
        "build.json",
    ):
        if not (live / name).exists():
            raise AssertionError(f"{live}: current generation lacks {name}")
    data = (out / "graph.ttl").read_bytes()
    if data not in (old, new):
        raise AssertionError(f"{out}: graph.ttl is neither the old nor the new graph")
    store = ox.Store.read_only(str(live / "store"))
    dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    exported = ox.Store()
    exported.load(data, ox.RdfFormat.TURTLE)
    if set(dumped.splitlines()) != set(
        exported.dump(
            format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()
        ).splitlines()
    ):
        raise AssertionError(f"{out}: the store and graph.ttl differ (mixed)")
    return "old" if data == old else "new"


def _ids(folder: Path) -> set[str]:
    return {
        json.loads(line)["id"]
        for path in folder.glob("*.jsonl")
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    }


def leftovers(out: Path) -> list[str]:
    live = os.readlink(out / "current")
    extra = [p.name for p in out.iterdir() if p.name not in ALLOWED | {live}]
    inside = [p.name for p in (out / live).iterdir() if p.name.startswith(".")]
    return extra + inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--interrupts", type=int, default=20)
    parser.add_argument("--first-builds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-kill"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    subprocess.run(
        [PYTHON, str(HERE / "generate_corpus.py"), "--articles", "12",
         "--per-file", "4", "-o", str(work / "gen")], check=True, capture_output=True,
    )  # fmt: skip
    files = sorted((work / "gen").glob("*.jsonl"))
    set_a, set_b = work / "a", work / "b"
    set_a.mkdir()
    set_b.mkdir()
    for path in files[:2]:
        shutil.copy(path, set_a / path.name)
    shutil.copy(files[2], set_b / files[2].name)
    both = work / "both"
    both.mkdir()
    for folder in (set_a, set_b):
        for path in folder.iterdir():
            shutil.copy(path, both / path.name)
    base = work / "base"
    assert kg_build(set_a, base) == 0
    old = (base / "graph.ttl").read_bytes()
    clean = work / "clean"
    assert kg_build(set_a, clean) == 0 and kg_build(set_b, clean) == 0
    new = (clean / "graph.ttl").read_bytes()
    assert old != new
    t0 = time.perf_counter()
    probe = work / "probe"
    shutil.copytree(base, probe, symlinks=True)
    assert kg_build(set_b, probe) == 0
    duration = time.perf_counter() - t0
    assert (probe / "graph.ttl").read_bytes() == new, "add ≠ clean build"
    trials: list[tuple[str, str | int | float]] = [("crash", p) for p in POINTS]
    trials += [("kill", rng.uniform(0.05, duration)) for _ in range(args.kills)]
    trials += [
        ("interrupt", rng.uniform(0.05, duration)) for _ in range(args.interrupts)
    ]
    rng.shuffle(trials)
    trials += [("first", rng.uniform(0.05, duration)) for _ in range(args.first_builds)]
    ids = sorted(_ids(set_b) - _ids(set_a))
    seen: dict[str, int] = {}
    failures: list[str] = []
    out = work / "trial"
    shutil.copytree(base, out, symlinks=True)
    for number, (kind, when) in enumerate(trials, 1):
        if kind == "first":
            shutil.rmtree(out, ignore_errors=True)
        env = dict(os.environ)
        # an add (old → new) or a removal (new → old), whichever changes it
        removing = kind != "first" and (out / "graph.ttl").read_bytes() == new
        command = (
            [PYTHON, "-m", "kg", "remove", *ids, "--from", str(out)]
            if removing
            else [PYTHON, "-m", "kg", "build", str(set_a if kind == "first" else both),
                  "-o", str(out), "-q"]
        )  # fmt: skip
        if kind == "crash":
            env["KG_CRASH_AT"] = str(when)
            subprocess.run(command, env=env, capture_output=True)
        else:
            process = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(float(when))
            process.send_signal(
                signal.SIGINT if kind == "interrupt" else signal.SIGKILL
            )
            process.wait()
        try:
            found = state(out, old, new)
            if kind == "first" and found == "new":
                raise AssertionError("a first build of A gave A+B")
            if number % 5 == 0 or kind == "first" or number == len(trials):
                # the next build completes: the corpus is whole, with no leftovers
                repair = set_a if kind == "first" else both
                assert kg_build(repair, out) == 0, "the next build failed"
                expected = old if kind == "first" else new
                if (out / "graph.ttl").read_bytes() != expected:
                    raise AssertionError("after the next build the graph is wrong")
                left = leftovers(out)
                if left:
                    raise AssertionError(f"leftovers after the next build: {left}")
                found += ", next build clean"
        except AssertionError as exc:
            failures.append(f"{kind} {when}: {exc}")
            found = "FAILED"
        key = f"{kind}{' remove' if removing else ''}: {found.split(',')[0]}"
        seen[key] = seen.get(key, 0) + 1
        what = "remove" if removing else "build"
        print(
            f"{number:3d}/{len(trials)} {kind:9} {what:6} {when!s:>20.20} → {found}",
            flush=True,
        )
    report = {
        "trials": len(trials),
        "outcomes": seen,
        "failures": failures,
        "add_seconds": duration,
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
