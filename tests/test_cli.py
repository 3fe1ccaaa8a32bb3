"""The command line: summaries, exit codes, and errors that name the culprit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kg.cli.main import main

ARTICLE = (
    "南京市总工会党组书记、主席王大明表示，要推出“暖心驿站”服务。\n（记者 李小红）\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_build_prints_a_summary(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["build", str(page), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "documents: 1" in result.output
    assert "Person 2" in result.output and "post 1" in result.output
    assert (tmp_path / "out" / "graph.ttl").is_file()
    assert (tmp_path / "out" / "graph.html").is_file()


def test_missing_input_names_the_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "nope.txt" in result.output


def test_bad_input_leaves_earlier_output_untouched(
    runner: CliRunner, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(good), "-o", str(out)]).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8" + "总工会".encode() + b"\x80\x81\xfe")
    result = runner.invoke(
        main, ["build", str(bad), "-o", str(out), "--encoding", "ascii"]
    )
    assert result.exit_code == 1
    assert "bad.txt" in result.output
    assert (out / "graph.ttl").read_bytes() == before


def test_bad_usage_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["build"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_eval_text_and_json(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    runner.invoke(main, ["build", str(page), "-o", str(out), "--no-html"])
    gold = tmp_path / "a.gold.json"
    gold.write_text(
        json.dumps(
            {
                "document": "a.txt",
                "entities": [
                    {"type": "Person", "name": "王大明"},
                    {"type": "Person", "name": "李小红"},
                    {"type": "Organization", "name": "南京市总工会"},
                    {"type": "District", "name": "南京市"},
                    {"type": "Initiative", "name": "暖心驿站"},
                ],
                "relations": [
                    {
                        "type": "post",
                        "person": "王大明",
                        "organization": "南京市总工会",
                        "roles": ["党组书记", "主席"],
                    },
                    {"type": "author", "person": "李小红"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    text = runner.invoke(main, ["eval", str(gold), "--graph", str(out / "graph.ttl")])
    assert text.exit_code == 0, text.output
    assert "Person" in text.output and "post(person,role)" in text.output
    as_json = runner.invoke(
        main, ["eval", str(gold), "--graph", str(out / "graph.ttl"), "--json"]
    )
    scores = json.loads(as_json.output)
    assert scores["entities"]["Person"]["f1"] == 1.0
    assert scores["relations"]["post(person,org)"]["tp"] == 1


def test_eval_names_a_missing_graph(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "g.gold.json"
    gold.write_text('{"document": "a.txt", "entities": [], "relations": []}', "utf-8")
    result = runner.invoke(
        main, ["eval", str(gold), "--graph", str(tmp_path / "x.ttl")]
    )
    assert result.exit_code == 1 and "x.ttl" in result.output


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in main.commands:
        assert f"kg {name}" in readme, name


def test_graphs_in_named_graphs_are_read_whole(
    runner: CliRunner, tmp_path: Path
) -> None:
    page = tmp_path / "a.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    runner.invoke(main, ["build", str(page), "-o", str(out), "--no-html"])
    quads = tmp_path / "g.nq"
    result = runner.invoke(
        main, ["export", str(out / "graph.ttl"), "--format", "nquads", "-o", str(quads)]
    )
    assert result.exit_code == 0, result.output
    from kg.corpus.open import load_graph

    assert len(load_graph(quads)) == len(load_graph(out / "graph.ttl"))
