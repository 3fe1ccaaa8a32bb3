"""kg report: the corpus report page, from a graph file or a store alike,
and drawn in headless Chromium without errors."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from conftest import ROOT
from kg.build import build
from kg.cli import main
from kg.corpus.store import write_store
from kg.graph.files import parse_graph_file
from kg.graph.namespaces import KGO, SCHEMA
from kg.publish.browser import find_chromium, launch_offline
from kg.publish.report import write_report


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    build([ROOT / "examples"], out, html=False)
    write_store(parse_graph_file(out / "graph.ttl"), out / "store")
    return out


def _data(path: Path) -> dict:
    text = path.read_text("utf-8")
    found = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>', text
    )
    assert found
    return json.loads(found.group(1))


def test_a_big_corpus_shows_its_latest_posts(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table carries at most POST_ROWS posts, those attested last; the
    count still says how many there are."""
    import kg.publish.digest as digest

    whole = _data(write_report(example / "graph.ttl", tmp_path / "w.html").path)
    monkeypatch.setattr(digest, "POST_ROWS", 3)
    summary = write_report(example / "graph.ttl", tmp_path / "r.html")
    data = _data(tmp_path / "r.html")
    assert (summary.posts, data["postsTotal"], len(data["posts"])) == (8, 8, 3)
    latest = sorted((p["last"] for p in whole["posts"]), reverse=True)[:3]
    assert sorted((p["last"] for p in data["posts"]), reverse=True) == latest
    assert len(whole["posts"]) == whole["postsTotal"] == 8


def test_report_data(example: Path, tmp_path: Path) -> None:
    summary = write_report(example / "graph.ttl", tmp_path / "r.html")
    assert (summary.articles, summary.posts) == (5, 8)
    data = _data(tmp_path / "r.html")
    assert data["counts"]["relations"] == {
        "author": 7, "launchedBy": 5, "locatedIn": 8, "mentions": 53, "partOf": 16,
        "post": 8,
    }  # fmt: skip
    assert data["months"]["months"] == ["2023-06", "2023-09"]
    assert data["months"]["articles"] == [2, 2] and data["months"]["undated"] == 1
    assert data["connected"]["Organization"][0]["name"] == "江阴市总工会"
    top = data["districts"][0]
    assert top["name"] == "江苏省 320000" and top["children"]
    assert data["launchers"][0] == {
        "name": "江阴市总工会",
        "value": 2,
        "items": ["技能强企·匠心筑梦三年行动", "江阴市职工技能提升补贴实施细则"],
    }
    post = next(p for p in data["posts"] if p["person"] == "钱卫东")
    assert (post["roles"], post["org"], post["first"]) == (
        "党组书记、主席",
        "江阴市总工会",
        "2023-06-08",
    )
    assert any("无日期的文章 1 篇" in note for note in data["notes"])
    text = (tmp_path / "r.html").read_text("utf-8")
    assert "<title>语料报告 · 5 篇文章 · 2023-06-08 至 2023-09-20</title>" in text


@pytest.fixture(scope="module")
def wider(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and the development set: posts that share dates,
    districts without a code, launchers of several initiatives."""
    out = tmp_path_factory.mktemp("wider")
    inputs = [ROOT / "examples", *sorted((ROOT / "tests/data/devset").glob("*.txt"))]
    build(inputs, out, html=False)
    return out / "graph.ttl"


def _top(pairs: dict[str, int]) -> list[dict]:
    ranked = sorted(pairs.items(), key=lambda p: (-p[1], p[0]))[:15]
    return [{"name": name, "value": value} for name, value in ranked]


@pytest.mark.parametrize("limit", [2, 9, 5000])
def test_the_report_agrees_with_the_tables(
    wider: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """The report reads counters, not rows (kg.publish.digest); its figures
    are those of the spreadsheet tables, which hold every row."""
    import kg.publish.digest as digest
    from kg.publish.tables import GraphTables

    monkeypatch.setattr(digest, "POST_ROWS", limit)
    graph = parse_graph_file(wider)
    lost = URIRef("https://w3id.org/kgzh/id/district/新城区")  # no code, no place
    graph.add((lost, RDF.type, SCHEMA.AdministrativeArea))
    graph.add((lost, SKOS.prefLabel, Literal("新城区", lang="zh")))
    graph.add((lost, RDFS.label, Literal("新城", lang="zh")))  # prefLabel first
    graph.serialize(tmp_path / "g.ttl", format="turtle")
    data = _data(write_report(tmp_path / "g.ttl", tmp_path / "r.html").path)
    tables = GraphTables(graph)
    entities, posts, relations = tables.entities(), tables.posts(), tables.relations()
    kinds = {row[0]: row[1] for row in entities.rows}
    assert data["counts"]["entities"] == dict(sorted(Counter(kinds.values()).items()))
    facts = {(r[2], r[11], r[12]) for r in relations.rows}
    assert data["counts"]["relations"] == {
        **dict(sorted(Counter(f[0] for f in facts).items())),
        "mentions": len(set(tables.rows["mentions"])),
    }
    assert data["postsTotal"] == len(posts.rows) > 9
    latest = sorted(
        posts.rows,
        key=lambda r: (r[5], r[4], *r),
        reverse=True,
    )[:limit]
    if len(posts.rows) <= limit:
        latest = sorted(posts.rows)
    assert [(p["person"], p["org"], p["roles"], p["last"]) for p in data["posts"]] == [
        (r[0], r[2], r[1], r[5]) for r in latest
    ]
    for kind in ("Person", "Organization"):
        mentioned = {r[3]: int(r[8]) for r in entities.rows if r[1] == kind}
        assert data["mentioned"][kind] == _top(
            {name: n for name, n in mentioned.items() if n}
        )
        near: dict[str, set[str]] = {}
        for r in relations.rows:
            near.setdefault(r[11], set()).add(r[12])
            near.setdefault(r[12], set()).add(r[11])
        assert data["connected"][kind] == _top(
            {tables.label(n): len(o) for n, o in near.items() if kinds.get(n) == kind}
        )
    launched: dict[str, set[str]] = {}
    for r in relations.rows:
        if r[2] == "launchedBy":
            launched.setdefault(r[3], set()).add(r[0])
    assert [(x["name"], x["items"]) for x in data["launchers"]] == [
        (name, sorted(items))
        for name, items in sorted(launched.items(), key=lambda p: (-len(p[1]), p[0]))
    ][:15]
    undecided = [r[3] for r in entities.rows if r[1] == "District" and not r[6] + r[7]]
    assert (
        undecided
        and [
            note[len("行政区未定：") :].split("（")[0]
            for note in data["notes"]
            if note.startswith("行政区未定：")
        ]
        == undecided
    )


def test_store_file_and_build_folder_give_the_same_bytes(
    example: Path, tmp_path: Path
) -> None:
    pages = []
    for i, source in enumerate((example / "graph.ttl", example / "store", example)):
        write_report(source, tmp_path / f"r{i}.html")
        pages.append((tmp_path / f"r{i}.html").read_bytes())
    assert pages[0] == pages[1] == pages[2]


def test_report_is_self_contained(example: Path, tmp_path: Path) -> None:
    write_report(example / "graph.ttl", tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text("utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|<link""", text)
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', text)
    assert policy and policy.group(1).count("'sha256-") == 2
    assert "unsafe-eval" not in policy.group(1)


def test_markup_from_articles_stays_text(example: Path, tmp_path: Path) -> None:
    graph = parse_graph_file(example / "graph.ttl")
    evil = "<img src=x onerror=alert(1)>"
    article = next(iter(graph.subjects(SCHEMA.headline, None)))
    graph.set((article, SCHEMA.headline, Literal(evil, lang="zh")))
    graph.add((URIRef("https://example.org/x"), KGO.evidenceText, Literal(evil)))
    write_report(graph, tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text("utf-8")
    island = text[text.index('id="kg-data">') : text.index("</script>")]
    assert "<img" not in island
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in island


def test_skipped_inputs_become_notes(example: Path, tmp_path: Path) -> None:
    (example / "skipped.txt").write_text("a.pdf: unknown file type\n", "utf-8")
    try:
        write_report(example, tmp_path / "r.html")
    finally:
        (example / "skipped.txt").unlink()
    assert "未读入：a.pdf: unknown file type" in _data(tmp_path / "r.html")["notes"]


def test_report_command(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        main, ["report", str(example), "-o", str(out), "--since", "2023-09"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}: 2 articles")
    assert _data(out)["span"] == "2023-09-01 – …"
    missing = CliRunner().invoke(main, ["report", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "run `kg build` first" in missing.output


CHARTS_DRAWN = """() => Object.entries(kgReport.charts).map(([id, chart]) => {
  const canvas = document.querySelector('#' + id + ' canvas');
  const context = canvas.getContext('2d');
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
  return [id, painted];
})"""


def test_report_draws_in_chromium(example: Path, tmp_path: Path) -> None:
    chromium = find_chromium()
    if chromium is None:
        pytest.skip(
            "chromium is not installed (apt-get install chromium fonts-noto-cjk)"
        )
    from playwright.sync_api import sync_playwright

    path = tmp_path / "r.html"
    write_report(example, path)
    errors: list[str] = []
    refused: list[str] = []
    with sync_playwright() as driver:
        context = launch_offline(
            driver, tmp_path / "profile", chromium, width=1300, height=900
        )

        def route(route):  # type: ignore[no-untyped-def]
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                refused.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on(
            "console",
            lambda msg: errors.append(msg.text) if msg.type == "error" else None,
        )
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-state=ready]", timeout=30_000)
        drawn = dict(page.evaluate(CHARTS_DRAWN))
        assert len(drawn) == 8 and all(n > 2000 for n in drawn.values()), drawn
        first = page.locator("#kg-posts tbody tr td").first.inner_text()
        page.evaluate("kgReport.sortBy('person')")
        assert page.locator("#kg-posts tbody tr td").first.inner_text() != first
        page.fill("#kg-filter", "江阴")
        assert page.locator("#kg-posts-count").inner_text().startswith("3 / 8")
        context.close()
    assert errors == [] and refused == []
