"""Tables for spreadsheets: kg export --format csv (a folder) and xlsx."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kg.build import build
from kg.cli import main
from kg.corpus.store import write_store
from kg.graph.files import parse_graph_file
from kg.publish.tables import graph_tables
from kg.sparql.oxigraph import open_graph_or_store


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    build([ROOT / "examples"], out, html=False)
    write_store(parse_graph_file(out / "graph.ttl"), out / "store")
    return out


def test_store_and_file_give_the_same_tables(example: Path) -> None:
    from_file = graph_tables(open_graph_or_store(example / "graph.ttl"))
    from_store = graph_tables(open_graph_or_store(example / "store"))
    assert from_file == from_store
    assert [t.name for t in from_file] == ["entities", "posts", "relations", "articles"]


def _read(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_folder(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = CliRunner().invoke(
        main, ["export", str(example / "graph.ttl"), "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["articles.csv", "entities.csv", "posts.csv", "relations.csv"]
    posts = {row["person"]: row for row in _read(out / "posts.csv")}
    assert posts["钱卫东"]["roles"] == "党组书记、主席"
    assert posts["钱卫东"]["organization"] == "江阴市总工会"
    assert posts["钱卫东"]["place"] == "江阴市"
    assert posts["钱卫东"]["first_date"] == "2023-06-08"
    assert "钱卫东出席会议" in posts["钱卫东"]["evidence"]
    relations = _read(out / "relations.csv")
    located = [r for r in relations if r["relation"] == "locatedIn"]
    assert located and all(r["evidence"] and r["source"] for r in located)
    assert any(r["url"].startswith("https://") for r in relations)
    articles = _read(out / "articles.csv")
    assert len(articles) == 5 and {a["date"] for a in articles} >= {"2023-06-08"}
    entities = _read(out / "entities.csv")
    codes = {e["label"]: e["admin_code"] for e in entities}
    assert codes["江阴市"] == "320281"


def test_csv_over_a_file_is_refused(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    result = CliRunner().invoke(
        main,
        ["export", str(example / "graph.ttl"), "--format", "csv", "-o", str(target)],
    )
    assert result.exit_code == 1 and "writes a folder" in result.output


def test_xlsx_workbook(example: Path, tmp_path: Path) -> None:
    import openpyxl

    paths = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for path in paths:
        args = ["export", str(example / "graph.ttl"), "--format", "xlsx"]
        result = CliRunner().invoke(main, [*args, "-o", str(path)])
        assert result.exit_code == 0, result.output
    assert paths[0].read_bytes() == paths[1].read_bytes()
    book = openpyxl.load_workbook(paths[0])
    assert book.sheetnames == ["entities", "posts", "relations", "articles"]
    posts = book["posts"]
    header = [cell.value for cell in posts[1]]
    rows = [
        dict(zip(header, (c.value for c in row), strict=True))
        for row in posts.iter_rows(min_row=2)
    ]
    assert any(r["person"] == "钱卫东" and r["roles"] == "党组书记、主席" for r in rows)


def test_span_cuts_the_tables(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "recent"
    args = ["export", str(example / "graph.ttl"), "--format", "csv", "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--since", "2023-09"])
    assert result.exit_code == 0, result.output
    assert {a["date"] for a in _read(out / "articles.csv")} == {
        "2023-09-15",
        "2023-09-20",
    }
    assert "钱卫东" not in {p["person"] for p in _read(out / "posts.csv")}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "nquads"])
def test_a_corpus_folder_is_read_in_place(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The tables and the N-Quads of a corpus folder come from its store,
    never from the whole graph loaded into rdflib (5 GB and four minutes at
    10k articles), and are the bytes the graph file gives."""
    import kg.sparql.timeslice

    from_file, from_folder = tmp_path / f"file.{fmt}", tmp_path / f"folder.{fmt}"
    args = ["export", str(example / "graph.ttl"), "--format", fmt]
    assert CliRunner().invoke(main, [*args, "-o", str(from_file)]).exit_code == 0

    def refuse(*_: object) -> None:
        raise AssertionError("the corpus was loaded into rdflib")

    monkeypatch.setattr(kg.sparql.timeslice, "load_slice", refuse)
    args = ["export", str(example), "--format", fmt, "-o", str(from_folder)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        assert sorted(p.name for p in from_folder.iterdir()) == sorted(
            p.name for p in from_file.iterdir()
        )
        for path in from_file.iterdir():
            assert (from_folder / path.name).read_bytes() == path.read_bytes()
    else:
        assert from_folder.read_bytes() == from_file.read_bytes()
