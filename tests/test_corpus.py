"""A corpus, not a batch: incremental builds give the graph a clean build gives.

The articles are invented for these tests.  Builds in any order or grouping
give byte-identical exports; removing articles gives what a build without
them gives; re-adding unchanged articles changes nothing; a changed article
replaces its facts; interrupted builds leave the corpus as it was.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

import kg.build
import kg.corpus.generations as generations
import kg.corpus.increments
from kg.build import build, remove
from kg.corpus.generations import CorpusBusy, current_generation, locked
from kg.errors import OutputError

ARTICLES = [
    {
        "id": "t01",
        "title": "临江市总工会启动“匠心学堂”计划",
        "date": "2024-03-02",
        "url": "https://news.example.org/t01.html",
        "text": "3月1日，江阴市总工会启动“匠心学堂”计划。江阴市总工会党组书记、"
        "主席陶文彬出席会议并讲话。无锡市总工会副主席柯晓岚参加会议。"
        "\n\n（记者 甘雨桐）",
    },
    {
        "id": "t02",
        "title": "江阴澄星精工有限公司召开职代会",
        "date": "2024-03-05",
        "text": "日前，江阴澄星精工有限公司召开职工代表大会。公司董事长简思远表示，"
        "将加大职工培训投入。江阴市总工会党组书记、主席陶文彬参加会议。",
    },
    {
        "id": "t03",
        "title": "宜兴市人力资源和社会保障局印发补贴细则",
        "date": "2024-04-11",
        "url": "https://news.example.org/t03.html",
        "text": "近日，宜兴市人力资源和社会保障局印发"
        "《宜兴市职工技能提升补贴实施细则》。宜兴市人力资源和社会保障局局长聂远航介绍，细则惠及职工一万余人次。",
    },
    {
        "id": "t04",
        "title": "鼓楼区总工会举办讲座",
        "text": "鼓楼区总工会举办法律讲座。鼓楼区总工会副主席梅若雪主持。"
        "无锡市总工会副主席柯晓岚到场指导。",
    },
    {
        "id": "t05",
        "title": "常州市武进区总工会推出“暖心驿站”",
        "date": "2024-05-20",
        "text": "武进区总工会推出“暖心驿站”服务。武进区总工会党组书记、常务副主席"
        "庞书逸表示，今年将新建驿站二十个。（通讯员 闻雅琪）",
    },
    {
        "id": "t06",
        "title": "江阴市召开领导干部会议",
        "date": "2024-06-01",
        "text": "江阴市召开领导干部会议。任命顾清源为江阴市总工会党组书记；"
        "免去陶文彬的江阴市总工会主席职务。无锡市总工会副主席柯晓岚讲话。",
    },
]


def write(folder: Path, records: list[dict[str, str]], name: str = "feed") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def exports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}


def graph(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All articles built at once."""
    base = tmp_path_factory.mktemp("whole")
    out = base / "out"
    build([write(base / "in", ARTICLES)], out, html=False)
    return out


def test_a_corpus_folder_has_one_generation_and_links(whole: Path) -> None:
    names = sorted(p.name for p in whole.iterdir())
    # built with html=False: no graph.html, so no link to one
    assert names == [".lock", "current", "gen-000001", "graph.trig", "graph.ttl"]
    assert os.readlink(whole / "current") == "gen-000001"
    assert os.readlink(whole / "graph.ttl") == "current/graph.ttl"
    live = current_generation(whole)
    assert live is not None and (live / "store").is_dir()
    assert (live / "index.sqlite").is_file() and (live / "build.json").is_file()


def test_one_at_a_time_and_in_batches_give_the_same_bytes(
    whole: Path, tmp_path: Path
) -> None:
    one = tmp_path / "one"
    for n, record in enumerate(ARTICLES):
        build([write(tmp_path / f"in{n}", [record])], one, html=False)
    assert exports(one) == exports(whole)
    batches = tmp_path / "batches"
    shuffled = ARTICLES[:]
    random.Random(7).shuffle(shuffled)
    for n, part in enumerate((shuffled[:2], shuffled[2:5], shuffled[5:])):
        build([write(tmp_path / f"b{n}", part)], batches, html=False)
    assert exports(batches) == exports(whole)
    assert len(list(batches.glob("gen-*"))) == 1


def test_a_build_without_exports_leaves_them_to_the_next(
    whole: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "a", ARTICLES[:3])], out, html=False)
    build([write(tmp_path / "b", ARTICLES[3:5])], out, exports=False)
    live = current_generation(out)
    assert live is not None and (live / "build.json").is_file()
    assert not any((live / name).exists() for name in generations.EXPORTS)
    assert not any((out / name).is_symlink() for name in generations.EXPORTS)
    build([write(tmp_path / "c", ARTICLES[5:])], out, html=False)
    assert exports(out) == exports(whole)


def test_both_parsers_read_the_exports(whole: Path) -> None:
    import pyoxigraph as ox

    for name, fmt in (("graph.ttl", "turtle"), ("graph.trig", "trig")):
        assert len(Graph().parse(whole / name, format=fmt)) > 0 or fmt == "trig"
        assert list(ox.parse(path=whole / name))
    from kg.graph.files import parse_graph_file

    assert isomorphic(parse_graph_file(whole / "graph.trig"), graph(whole))


def test_the_trig_holds_each_article_graph_once(whole: Path, tmp_path: Path) -> None:
    """graph.trig holds the named graphs, one per article, in IRI order, and
    not their union a second time; a store made from it (``kg query
    --graph graph.trig``) answers on that union, graph.ttl."""
    import pyoxigraph as ox

    from kg.corpus.store import import_file, load_store_graph

    quads = list(ox.parse(path=whole / "graph.trig"))
    assert quads and all(isinstance(q.graph_name, ox.NamedNode) for q in quads)
    names = list(dict.fromkeys(q.graph_name.value for q in quads))
    assert names == sorted(names)
    assert sum("/graph/article/" in name for name in names) == len(ARTICLES)
    assert import_file(whole / "graph.trig", tmp_path / "store") > len(quads)
    assert isomorphic(load_store_graph(tmp_path / "store"), graph(whole))


def test_readding_unchanged_articles_changes_nothing(
    whole: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    source = write(tmp_path / "in", ARTICLES)
    build([source], out, html=False)
    before = exports(out)
    summary = build([source], out, html=False)
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 0, 6)
    assert exports(out) == before == exports(whole)


def test_remove_gives_the_graph_of_a_build_without(tmp_path: Path) -> None:
    out, clean = tmp_path / "out", tmp_path / "clean"
    build([write(tmp_path / "in", ARTICLES)], out, html=False)
    summary = remove(["t01", "t06"], out, html=False)
    assert summary.removed == 2 and summary.documents == 4
    kept = [r for r in ARTICLES if r["id"] not in ("t01", "t06")]
    build([write(tmp_path / "kept", kept)], clean, html=False)
    assert isomorphic(graph(out), graph(clean))
    assert exports(out) == exports(clean)


def test_remove_refuses_an_unknown_id(whole: Path) -> None:
    before = exports(whole)
    with pytest.raises(OutputError, match="nope"):
        remove(["nope"], whole, html=False)
    assert exports(whole) == before
    assert len(list(whole.glob("gen-*"))) == 1


def test_a_changed_article_replaces_its_facts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "a", ARTICLES[:3])], out, html=False)
    changed = dict(ARTICLES[2], text=ARTICLES[2]["text"].replace("聂远航", "池映雪"))
    summary = build([write(tmp_path / "b", [changed])], out, html=False)
    assert summary.replaced == 1
    labels = {str(o) for o in graph(out).objects()}
    assert "池映雪" in labels and "聂远航" not in labels
    by_url = dict(
        ARTICLES[0], id="t01-new", text=ARTICLES[0]["text"] + "活动持续一周。"
    )
    summary = build([write(tmp_path / "c", [by_url])], out, html=False)
    assert summary.replaced == 1 and summary.documents == 3
    ids = {str(o) for o in graph(out).objects(None, SCHEMA_ID)}
    assert ids == {"t01-new", "t02", "t03"}


SCHEMA_ID = __import__("rdflib").URIRef("https://schema.org/identifier")


def test_jobs_2_gives_the_same_bytes(whole: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "in", ARTICLES)], out, html=False, jobs=2)
    assert exports(out) == exports(whole)


def test_batches_of_one_article_loaded_beside_the_next_give_the_same_bytes(
    whole: Path, tmp_path: Path
) -> None:
    """Each batch is loaded on the writer's loader thread while the next is
    taken in; an article whose URL comes back in a later batch of the same
    build is replaced, after its load."""
    old = dict(ARTICLES[2], id="t03-old", text=ARTICLES[2]["text"][:40])
    out = tmp_path / "out"
    summary = build(
        [write(tmp_path / "in", [old, *ARTICLES])], out, html=False,
        batch_articles=1,
    )  # fmt: skip
    assert summary.replaced == 1
    assert exports(out) == exports(whole)


def test_a_load_that_fails_on_the_loader_thread_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error reaches the build, which leaves the corpus as it was."""
    out = tmp_path / "out"
    build([write(tmp_path / "a", ARTICLES[:2])], out, html=False)
    before = exports(out)
    loads = []

    def load(store: object, graphs: dict[str, bytes]) -> None:
        loads.append(len(graphs))
        if len(loads) == 2:
            raise OSError("disk full")
        real_load(store, graphs)

    real_load = kg.corpus.increments.load
    monkeypatch.setattr(kg.corpus.increments, "load", load)
    with pytest.raises(OSError, match="disk full"):
        build([write(tmp_path / "b", ARTICLES)], out, html=False, batch_articles=1)
    assert len(loads) == 2  # the error stopped the build at the next batch
    assert exports(out) == before
    assert [p.name for p in out.glob("gen-*")] == ["gen-000001"]


def test_a_dask_cluster_gives_the_same_graph(whole: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with (
        distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        out = tmp_path / "out"
        build([write(tmp_path / "in", ARTICLES)], out, html=False, dask=client)
    assert isomorphic(graph(out), graph(whole))
    assert exports(out) == exports(whole)


class _Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no cleanup either."""


POINTS = [
    "generation-made",
    "store-copied",
    "index-copied",
    "batch-written",
    "exports-written",
    "link-written",
]


@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_before_the_switch_leaves_the_old_corpus(
    point: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "a", ARTICLES[:2])], out, html=False)
    before = exports(out)
    live = os.readlink(out / "current")

    def die(name: str) -> None:
        if name == point:
            raise _Killed(name)

    monkeypatch.setattr(generations, "crash_point", die)
    monkeypatch.setattr(kg.build, "crash_point", die)
    monkeypatch.setattr(kg.build, "_discard", lambda generation: None)
    with pytest.raises(_Killed):
        build([write(tmp_path / "b", ARTICLES[2:])], out, html=False)
    assert os.readlink(out / "current") == live
    assert exports(out) == before
    monkeypatch.undo()
    build([write(tmp_path / "b", ARTICLES[2:])], out, html=False)
    left = sorted(p.name for p in out.iterdir() if p.name.startswith((".", "gen-")))
    assert left == [".lock", os.readlink(out / "current")]


@pytest.mark.parametrize("point", ["switched", "exports-linked"])
def test_a_build_killed_after_the_switch_has_the_new_corpus(
    point: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, clean = tmp_path / "out", tmp_path / "clean"
    build([write(tmp_path / "a", ARTICLES[:2])], out, html=False)

    def die(name: str) -> None:
        if name == point:
            raise _Killed(name)

    monkeypatch.setattr(generations, "crash_point", die)
    monkeypatch.setattr(kg.build, "_discard", lambda generation: None)
    with pytest.raises(_Killed):
        build([write(tmp_path / "b", ARTICLES[2:])], out, html=False)
    monkeypatch.undo()
    build([write(tmp_path / "all", ARTICLES)], clean, html=False)
    assert exports(out) == exports(clean)
    build([write(tmp_path / "b", ARTICLES[2:])], out, html=False)
    assert len(list(out.glob("gen-*"))) == 1


def test_a_real_kill_leaves_the_old_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "a", ARTICLES[:2])], out, html=False)
    before = exports(out)
    env = dict(os.environ, KG_CRASH_AT="exports-written")
    source = write(tmp_path / "b", ARTICLES[2:])
    command = [sys.executable, "-m", "kg", "build", str(source), "-o", str(out), "-q"]
    run = subprocess.run(command, env=env, capture_output=True, text=True)
    assert run.returncode == 99, run.stderr
    assert exports(out) == before
    assert len(list(out.glob("gen-*"))) == 2  # the dead build's, until the next


def test_two_builds_never_run_at_once(whole: Path) -> None:
    with locked(whole), pytest.raises(CorpusBusy, match="another kg build"):
        build([], whole, html=False)


def test_an_old_style_output_folder_becomes_a_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# old\n", "utf-8")
    (out / "graph.html").write_text("<p>old</p>", "utf-8")
    build([write(tmp_path / "in", ARTICLES[:1])], out)
    assert (out / "graph.ttl").is_symlink() and (out / "graph.html").is_symlink()
    assert "陶文彬" in (out / "graph.ttl").read_text("utf-8")


def test_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(OutputError, match=r"notes\.txt"):
        build([write(tmp_path / "in", ARTICLES[:1])], out)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_the_summary_counts_as_sparql_does(whole: Path) -> None:
    from kg.corpus.counts import COUNT_QUERY

    rows = graph(whole).query(
        COUNT_QUERY,
        initNs={
            "org": "http://www.w3.org/ns/org#",
            "schema": "https://schema.org/",
            "kgo": "https://w3id.org/kgzh/ontology#",
        },
    )
    counted = {str(what): int(n) for what, n in rows}  # type: ignore[misc]
    manifest = json.loads((whole / "current" / "build.json").read_text("utf-8"))
    for name, n in {**manifest["entities"], **manifest["relations"]}.items():
        assert counted.get(name, 0) == n, name
    assert Literal("t01") in set(graph(whole).objects(None, SCHEMA_ID))


# ---------------------------------------------------------------- commands


def run(*args: str) -> str:
    from click.testing import CliRunner

    from kg.cli.main import main

    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    "command",
    [
        ["stats", "{}", "--top", "3"],
        ["path", "陶文彬", "柯晓岚", "{}", "--max", "3"],
        ["query", "{}", "mentions", "--param", "entity=江阴市总工会"],
        ["query", "{}", "orgs-in-district", "--param", "district=无锡市"],
        ["query", "{}", "org-links", "--param", "org=江阴市总工会"],
    ],
)
def test_commands_read_the_corpus_as_its_graph_file(
    whole: Path, command: list[str]
) -> None:
    on_corpus = run(*(c.format(whole) for c in command))
    on_file = run(*(c.format(whole / "graph.ttl") for c in command))
    assert on_corpus == on_file
    assert "Error" not in on_corpus


@pytest.mark.parametrize(
    "view",
    [["陶文彬", "--depth", "2"], ["--district", "无锡市"], ["柯晓岚", "--depth", "1"]],
)
def test_views_of_the_corpus_are_those_of_its_graph_file(
    whole: Path, tmp_path: Path, view: list[str]
) -> None:
    name = view[0] if not view[0].startswith("--") else None
    rest = view[1:] if name else view
    """The same nodes and edges; from a store, a node's degree and districts
    are read from the drawn part (kg/publish/overview.py)."""
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    said = []
    for source, page in ((whole, a), (whole / "graph.ttl", b)):
        args = ["view", *([name] if name else []), str(source), *rest, "-o", str(page)]
        said.append(run(*args).replace(str(page), "PAGE"))
    assert said[0] == said[1]
    for page in (a, b):
        assert '"iri":"https://w3id.org/kgzh/resource/' in page.read_text("utf-8")


@pytest.mark.parametrize("max_nodes", [8, 30, 1500])
def test_the_page_drawn_from_the_store_is_the_page_of_the_graph(
    whole: Path, tmp_path: Path, max_nodes: int
) -> None:
    """The same page; an overview draws the same nodes and edges, but places
    them in districts through the drawn nodes only (kg/publish/overview.py)."""
    from kg.corpus.open import load_graph
    from kg.corpus.store import open_store
    from kg.publish.overview import write_store_page
    from kg.publish.page import write_html

    write_store_page(open_store(whole), tmp_path / "a.html", max_nodes=max_nodes)
    whole_page = write_html(load_graph(whole), tmp_path / "b.html", max_nodes=max_nodes)
    a, b = ((tmp_path / n).read_text("utf-8") for n in ("a.html", "b.html"))
    if not whole_page.overview:
        assert a == b
    else:
        for page in (a, b):
            assert f"{whole_page.nodes} 个节点，{whole_page.edges} 条边" in page


@pytest.mark.parametrize("max_nodes", [8, 30])
def test_folding_statements_leaves_the_page_as_it_was(
    whole: Path, tmp_path: Path, max_nodes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overview folds the statements of a fact that no drawn article is
    a source of into one; the page is the one drawn from every statement."""
    import kg.publish.overview as overview
    from kg.corpus.store import open_store

    folding = overview._folded_statements
    folded: list[set[str]] = []

    def spy(*args: object) -> tuple[list, set[str]]:
        triples, found = folding(*args)  # type: ignore[arg-type]
        folded.append(found)
        return triples, found

    monkeypatch.setattr(overview, "_folded_statements", spy)
    overview.write_store_page(
        open_store(whole), tmp_path / "a.html", max_nodes=max_nodes
    )
    monkeypatch.setattr(overview, "_folded_statements", lambda *_: ([], set()))
    overview.write_store_page(
        open_store(whole), tmp_path / "b.html", max_nodes=max_nodes
    )
    assert folded and folded[0], "nothing was folded: the test tests nothing"
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_other_commands_open_the_corpus(whole: Path, tmp_path: Path) -> None:
    assert "conforms" in run("validate", str(whole))
    run("export", str(whole), "--format", "graphml", "-o", str(tmp_path / "g.xml"))
    assert (tmp_path / "g.xml").is_file()
    from kg.corpus.store import read_triples

    assert sum(1 for _ in read_triples(whole)) == len(graph(whole))
    from kg.sparql.serve import Endpoint

    endpoint = Endpoint(whole, workers=1)
    try:
        reply = endpoint.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv")
        assert str(len(graph(whole))).encode() in reply.body
    finally:
        endpoint.close()


def test_an_article_whose_graph_breaks_the_contract_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One bad article never stops a corpus: it is skipped with the reason,
    the others are built."""
    import kg.graph.rules
    from kg.graph.shacl import ContractError

    check = kg.graph.rules.check_articles

    def strict(ntriples: bytes, *, what: str = "the corpus") -> None:
        if "缪振宇".encode() in ntriples:
            raise ContractError(f"{what} breaks the graph contract\none violation")
        check(ntriples, what=what)

    monkeypatch.setattr(kg.graph.rules, "check_articles", strict)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("澄江市总工会主席秦予帆表示。", encoding="utf-8")
    (inputs / "b.txt").write_text("澄江市总工会副主席缪振宇表示。", encoding="utf-8")
    summary = build([inputs], tmp_path / "out", html=False)
    assert summary.added == 1
    [skip] = summary.skipped
    assert skip.path.endswith("b.txt") and "contract" in skip.reason
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "秦予帆" in turtle and "缪振宇" not in turtle


def test_an_article_an_extractor_fails_on_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in an extractor that shows on one article leaves that article
    out with the error; the articles of its page and the rest are built."""
    import kg.pipeline
    from kg.extract import EXTRACTORS

    people = EXTRACTORS["people"]

    def failing(ctx):  # type: ignore[no-untyped-def]
        if "缪振宇" in ctx.doc.text:
            raise KeyError("a bug")
        return people(ctx)

    monkeypatch.setitem(kg.pipeline.EXTRACTORS, "people", failing)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.md").write_text(
        "# 甲\n\n澄江市总工会主席秦予帆表示。\n\n"
        "# 乙\n\n澄江市总工会副主席缪振宇表示。\n",
        encoding="utf-8",
    )
    (inputs / "c.txt").write_text("澄江市总工会副主席姚青表示。", encoding="utf-8")
    summary = build([inputs], tmp_path / "out", html=False)
    assert summary.added == 2
    [skip] = summary.skipped
    assert "kg failed on it" in skip.reason and "KeyError" in skip.reason
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "秦予帆" in turtle and "姚青" in turtle and "缪振宇" not in turtle


def test_a_build_writes_the_report_beside_the_page(tmp_path: Path) -> None:
    """OUT/report.html comes with graph.html; --no-html writes neither."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    summary = build([examples], tmp_path / "out")
    report = tmp_path / "out" / "report.html"
    assert report.is_symlink() and report.resolve().is_file()
    assert any(Path(p).name == "report.html" for p in summary.outputs)
    assert "江阴市总工会" in report.read_text(encoding="utf-8")
    build([examples], tmp_path / "plain", html=False)
    assert not (tmp_path / "plain" / "report.html").exists()


def test_the_stream_a_load_reads_is_every_graph_in_order() -> None:
    """The bulk loader reads a batch's graphs through one stream: every
    byte, in order, across empty graphs and reads smaller than a graph."""
    from kg.corpus.increments import stream

    parts = [b"<a> <b> <c> <g> .\n", b"", b"x" * 3_000_000, b"z"]
    reader = stream(parts)
    assert reader.read(5) == b"<a> <"
    assert reader.read() == b"".join(parts)[5:]
    assert stream([]).read() == b""


def test_a_build_gives_freed_memory_back_on_linux() -> None:
    """glibc's malloc_trim is found (the build calls it before the page)."""
    import sys

    from kg.corpus.memory import _malloc_trim, release_memory

    if sys.platform.startswith("linux"):
        assert _malloc_trim() is not None
    release_memory()


def test_the_dump_process_ends_with_a_killed_build() -> None:
    """The process that dumps graph.ttl and graph.trig ends when the build
    that started it is killed, instead of dumping on for half an hour
    (prctl is Linux's: elsewhere the call changes nothing)."""
    import signal
    import time

    from kg.corpus.exports import end_with_parent

    if not sys.platform.startswith("linux"):
        end_with_parent(os.getppid())
        return

    child = (
        "import os, sys, time\n"
        "from kg.corpus.exports import end_with_parent\n"
        "end_with_parent(int(sys.argv[1]))\n"
        "time.sleep(60)\n"
    )
    build = (
        "import os, signal, subprocess, sys\n"
        f"child = subprocess.Popen([sys.executable, '-c', {child!r}, "
        "str(os.getpid())], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(child.pid, flush=True)\n"
        "import time; time.sleep(2)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", build], capture_output=True, text=True, check=False
    )
    assert done.returncode == -signal.SIGKILL
    pid = int(done.stdout.split()[0])

    def running() -> bool:  # a zombie nobody reaped yet has ended too
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and running():
        time.sleep(0.1)
    assert not running()


def test_graphs_travel_back_compressed_and_arrive_the_same() -> None:
    """What a worker process sends back is compressed (a pipe carried about a
    gigabyte of N-Quads in a 10k build) and unpacks to the very bytes an
    in-process extraction gives."""
    from kg.graph.namespaces import BASE_IRI
    from kg.model import Document
    from kg.pipeline import extract_chunk

    doc = Document("a", "澄江市总工会主席秦予帆表示。", "澄江市总工会主席秦予帆表示。")
    [[plain]] = extract_chunk([[doc]], base_iri=BASE_IRI)
    [[packed]] = extract_chunk([[doc]], base_iri=BASE_IRI, pack=True)
    assert not plain.packed and packed.packed
    assert "秦予帆".encode() in plain.nquads
    assert "秦予帆".encode() not in packed.nquads
    assert len(packed.nquads) < len(plain.nquads) / 2
    assert packed.graph() == plain.graph() == plain.nquads
