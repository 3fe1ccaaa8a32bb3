"""Every console example in the README is real output.

Each ```console block is a session: its ``$`` lines are run, in README
order, in one sandbox that holds the project's example and test articles
and ``../shared`` (the commands read them by the same relative paths), and
what they print must be what the block shows.  Absolute ``/tmp/…`` paths in
a block are the sandbox's own; timings are compared as ``<t>``.  A line
``...`` in a block stands for the rest of that command's output.

Synopses and instructions that are no session are written ```text or
```sh and are not run; so is ``kg push`` to a Virtuoso server
(``tests/test_push.py`` covers it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
TIMING = re.compile(r"\b\d+(?:\.\d+)?(?= s\b)|(?<=seconds:)\s+\d+(?:\.\d+)?")


def sessions() -> list[list[tuple[str, list[str]]]]:
    """Each console block as (command, expected output lines) pairs."""
    out = []
    for block in BLOCK.findall(README.read_text(encoding="utf-8")):
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        out.append(steps)
    return out


def normalise(text: str, sandbox: Path, *, timings: bool = True) -> list[str]:
    text = text.replace(f"{sandbox}/tmp/", "/tmp/").replace(f"{sandbox}/repo/", "")
    if timings:
        text = TIMING.sub(lambda m: " <t>" if m.group()[0] == " " else "<t>", text)
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


def matches(expected: list[str], got: list[str]) -> bool:
    if "..." in expected:
        head = expected[: expected.index("...")]
        return got[: len(head)] == head
    return got == expected


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("readme")
    repo = root / "repo"
    repo.mkdir()
    (root / "tmp").mkdir()
    for name in ("examples", "tests"):
        (repo / name).symlink_to(ROOT / name)
    (root / "shared").symlink_to(ROOT.parent / "shared")
    _corpus_with_bad_inputs(repo / "corpus")
    return root


def _corpus_with_bad_inputs(folder: Path) -> None:
    """The folder the README's "Exit codes" example builds."""
    folder.mkdir()
    text = (ROOT / "examples" / "jiangyin_union.txt").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    (folder / "README.md").write_text("说明文件\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes("职工之家".encode()[:6] + b"\xff\xfe")
    (folder / "nul.txt").write_bytes(b"\x00" * 1000)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    record = {"id": "a", "url": "https://x.org/a b", "title": first, "text": text}
    (folder / "feed.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n{oops\n", encoding="utf-8"
    )
    (folder / "ok.txt").write_text(text, encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_every_console_example_is_real_output(sandbox: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    env["COLUMNS"] = "200"
    repo = sandbox / "repo"
    port = _free_port()
    server: subprocess.Popen[bytes] | None = None
    drift: list[str] = []
    outputs: list[list[str]] = []
    try:
        for steps in sessions():
            for command, expected in steps:
                if command.startswith("kg push") or "KG_PUSH_PASSWORD" in command:
                    continue
                if "broken.ttl" in command and not (repo / "broken.ttl").exists():
                    _break(repo / "output" / "graph.ttl", repo / "broken.ttl")
                run = command.replace("/tmp/", f"{sandbox}/tmp/")
                run = run.replace("7878", str(port))
                if run.startswith("kg serve"):
                    server = subprocess.Popen(
                        f"exec {run} --port {port}",
                        shell=True,
                        cwd=repo,
                        env=env,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT,
                    )
                    got = _server_banner(server, len(expected))
                else:
                    done = subprocess.run(
                        run,
                        shell=True,
                        cwd=repo,
                        env=env,
                        capture_output=True,
                        text=True,
                        timeout=300,
                    )
                    got = done.stdout + done.stderr
                lines = normalise(got.replace(str(port), "7878"), sandbox)
                want = normalise("\n".join(expected), sandbox)
                if UPDATE:
                    raw = normalise(
                        got.replace(str(port), "7878"), sandbox, timings=False
                    )
                    outputs.append(_kept(want, raw, expected))
                elif not matches(want, lines):
                    drift.append(
                        f"$ {command}\n--- README\n"
                        + "\n".join(want)
                        + "\n--- got\n"
                        + "\n".join(lines)
                    )
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        shutil.rmtree(sandbox / "tmp", ignore_errors=True)
    if UPDATE:
        _rewrite(outputs)
    assert not drift, (
        "README examples drifted (KG_README_UPDATE=1 rewrites them from this run; "
        "read the diff before committing):\n\n" + "\n\n".join(drift)
    )


UPDATE = os.environ.get("KG_README_UPDATE") == "1"


def _kept(want: list[str], got: list[str], written: list[str]) -> list[str]:
    """What a rewritten block shows: the output, cut where the README cuts,
    and the blank line the README left after it."""
    if "..." in want:
        got = [*got[: want.index("...")], "..."]
    return [*got, ""] if written and written[-1] == "" else got


def _rewrite(outputs: list[list[str]]) -> None:
    """Put this run's outputs into the README's console blocks."""
    found = iter(outputs)
    text = README.read_text(encoding="utf-8")

    def block(match: re.Match[str]) -> str:
        lines = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                lines.append(line)
                if not (line.startswith("$ kg push") or "KG_PUSH_PASSWORD" in line):
                    lines.extend(next(found))
        return "```console\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(block, text), encoding="utf-8")


def _break(graph: Path, broken: Path) -> None:
    """The README's broken graph: a fact without its evidence, a post
    without a role."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import PROV, RDF

    org = Namespace("http://www.w3.org/ns/org#")
    kgo = Namespace("https://w3id.org/kgzh/ontology#")
    g = Graph().parse(graph)
    statement = min(g.subjects(RDF.predicate, kgo.locatedIn))
    g.remove((statement, PROV.wasDerivedFrom, None))
    membership = min(g.subjects(org.role, None))
    g.remove((membership, org.role, None))
    g.serialize(broken, format="turtle")


def _server_banner(server: subprocess.Popen[bytes], lines: int) -> str:
    """The first lines the server prints, once it answers."""
    assert server.stdout is not None
    got = [server.stdout.readline().decode() for _ in range(lines)]
    time.sleep(0.5)
    return "".join(got)
