"""Loopback load test of a SPARQL endpoint, clean and with 5 % hostile requests.

    python benchmarks/bench_serve_load.py                       # kg serve
    python benchmarks/bench_serve_load.py --server oxigraph --oxigraph-bin PATH
    python benchmarks/bench_serve_load.py --python OTHER_VENV/bin/python  # e.g. kg
                                            # of an earlier commit, installed there
    python benchmarks/bench_serve_load.py --server uvicorn --python P  # P has
                                            # uvicorn and starlette

Builds the example articles into a store, starts the server on 127.0.0.1,
warms it up, then sends N queries (default 5,000) at concurrency 64 twice:
clean, and with 5 % hostile requests mixed in — a SERVICE to a loopback
listener that answers garbage, a 2 MB body, ``Content-Length: -1`` and
``abc``, and slow senders (a byte every 0.2 s for up to 4 s, on threads of
their own).  Reports throughput of the ordinary queries, answers by status,
connection resets, worker processes that died, and the server's memory
(RSS of it and its children) before and after.  Traffic goes to loopback
only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from garbage_service import GarbageService

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "SELECT ?name ?org WHERE { ?m org:member/skos:prefLabel ?name ; "
    "org:organization/skos:prefLabel ?org } ORDER BY ?name",
    "SELECT ?o ?d WHERE { ?o kgo:locatedIn ?d } LIMIT 20",
    "ASK { ?s a schema:Person }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
]
PREFIXES = (
    "PREFIX org: <http://www.w3.org/ns/org#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX kgo: <https://w3id.org/kgzh/ontology#>\n"
    "PREFIX schema: <https://schema.org/>\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the server under test -------------------------------------------------------


def start_server(args: argparse.Namespace, store: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ)
    python = args.python
    if args.server == "kg":
        command = [python, "-m", "kg", "serve", str(store), "--port", str(port)]
    elif args.server == "uvicorn":
        command = [python, str(Path(__file__).with_name("serve_uvicorn.py"))]
        command += [str(store), str(port)]
    else:
        location = store / "current" / "store"  # the corpus's Oxigraph store
        command = [args.oxigraph_bin, "serve-read-only", "--location", str(location)]
        command += ["--bind", f"127.0.0.1:{port}", "--timeout-s", "30"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request(port, "ASK { ?s ?p ?o }")[0] == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"{args.server} did not start on port {port}")


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            found.extend(tree(int(child)))
    return found


def rss_mb(pid: int) -> float:
    total = 0
    for each in tree(pid):
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


# --- requests --------------------------------------------------------------------


def request(port: int, query: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        body = f"query={quote(PREFIXES + query)}".encode()
        conn.request(
            "POST",
            "/sparql",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def raw(port: int, data: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(data)
        head = sock.recv(64)
    return int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0


def slow_sender(port: int) -> None:
    """A byte every 0.2 s, for at most 4 s; then gone."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            for byte in b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n":
                sock.sendall(bytes([byte]))
                time.sleep(0.2)
    except OSError:
        pass


def hostile(port: int, kind: int, service_port: int) -> str:
    if kind == 0:
        target = f"<http://127.0.0.1:{service_port}/>"
        query = f"SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}"
        return f"service:{request(port, query)[0]}"
    if kind == 1:
        head = (
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n"
        )
        body = head + b"Connection: close\r\n\r\n" + b"q" * 2_000_000
        return f"2MB:{raw(port, body)}"
    if kind == 2:
        bad = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n"
        return f"len-1:{raw(port, bad + b'query=ASK{}')}"
    if kind == 3:
        bad = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n"
        return f"len-abc:{raw(port, bad + b'query=ASK{}')}"
    threading.Thread(target=slow_sender, args=(port,), daemon=True).start()
    return "slow:sent"


def run(port: int, total: int, share: float, service_port: int) -> dict[str, object]:
    rng = random.Random(7)
    plan = [
        ("hostile", rng.randrange(5)) if rng.random() < share else ("query", i)
        for i in range(total)
    ]
    statuses: Counter[str] = Counter()
    resets = 0
    lock = threading.Lock()

    def one(item: tuple[str, int]) -> None:
        nonlocal resets
        kind, n = item
        try:
            if kind == "query":
                label = f"query:{request(port, QUERIES[n % len(QUERIES)])[0]}"
            else:
                label = hostile(port, n, service_port)
        except (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError):
            label = f"{kind}:reset"
            if kind == "query":
                with lock:
                    resets += 1
        except OSError as exc:
            label = f"{kind}:{type(exc).__name__}"
        with lock:
            statuses[label] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(64) as pool:
        list(pool.map(one, plan))
    seconds = time.perf_counter() - started
    ordinary = sum(1 for kind, _ in plan if kind == "query")
    return {
        "seconds": seconds,
        "qps": ordinary / seconds,
        "statuses": dict(sorted(statuses.items())),
        "resets": resets,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=["kg", "uvicorn", "oxigraph"], default="kg")
    parser.add_argument("--python", default=sys.executable, help="for the server")
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--oxigraph-bin", default="oxigraph")
    args = parser.parse_args()
    service_port = GarbageService().port
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "out"  # a corpus folder: kg serve opens it
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kg",
                "build",
                str(ROOT / "examples"),
                "-o",
                str(store),
                "--no-html",
                "-q",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        port = free_port()
        server = start_server(args, store, port)
        try:
            run(port, 300, 0.0, service_port)  # warm up
            pids = set(tree(server.pid))
            memory = rss_mb(server.pid)
            clean = run(port, args.queries, 0.0, service_port)
            dirty = run(port, args.queries, 0.05, service_port)
            time.sleep(5)  # slow senders give up; connections close
            after = rss_mb(server.pid)
            died = len(pids - set(tree(server.pid)))
        finally:
            server.kill()
            server.wait()
    print(f"server: {args.server}; {args.queries} queries, concurrency 64")
    print("| run | q/s | resets | answers |")
    print("| --- | --- | --- | --- |")
    for name, result in (("clean", clean), ("5 % hostile", dirty)):
        print(
            f"| {name} | {result['qps']:.0f} | {result['resets']} | "
            f"{result['statuses']} |"
        )
    ratio = dirty["qps"] / clean["qps"]  # type: ignore[operator]
    print(f"throughput hostile/clean: {ratio:.2f}")
    print(f"worker processes that died: {died}")
    print(
        f"memory (server + workers): {memory:.0f} MB before, {after:.0f} MB after "
        f"({(after - memory) / memory:+.0%})"
    )


if __name__ == "__main__":
    main()
