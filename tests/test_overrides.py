"""Analyst overrides (identities.toml), kg merge / kg split / kg explain."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.resolve.overrides import add_override, load_overrides, parse_mention

ARTICLES = {
    "wuxing.txt": "2021年3月1日\n\n吴兴区总工会召开全委会议\n\n"
    "3月1日，吴兴区总工会召开全委会议。吴兴区总工会主席王建国出席会议并讲话。\n",
    "wujin.txt": "2023年5月1日\n\n武进区总工会表彰先进\n\n"
    "5月1日，武进区总工会召开表彰大会。武进区总工会主席王建国出席会议并讲话。\n",
}


@pytest.mark.parametrize(
    "text, mention",
    [
        ("wuxing:王建国", ("wuxing", "王建国")),
        (" a:b:王建国 ", ("a:b", "王建国")),
    ],
)
def test_parse_mention(text, mention):
    assert parse_mention(text) == mention


@pytest.mark.parametrize("text", ["王建国", ":王建国", "wuxing:"])
def test_a_bad_mention_says_the_form(text):
    with pytest.raises(InputError, match="ARTICLE:NAME"):
        parse_mention(text)


def test_overrides_round_trip(tmp_path):
    add_override(tmp_path, "same", [("a", "王勇"), ("b", "王勇")], note="同一人")
    add_override(tmp_path, "different", [("c", "王勇"), ("d", "王勇")])
    add_override(tmp_path, "not_person", name="金秋")
    overrides = load_overrides(tmp_path)
    assert overrides.same == (frozenset({("a", "王勇"), ("b", "王勇")}),)
    assert overrides.different == ((("c", "王勇"), ("d", "王勇")),)
    assert overrides.not_person == frozenset({"金秋"})
    assert "同一人" in (tmp_path / "identities.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[same]\n", "not valid TOML"),
        ("[[same]]\nmentions = ['a:王勇']\n", "at least two"),
        ("[[different]]\nmentions = ['a:王勇', 'b:王勇', 'c:王勇']\n", "exactly two"),
        ("[[same]]\nmentions = ['a', 'b:王勇']\n", "ARTICLE:NAME"),
    ],
)
def test_a_bad_overrides_file_names_itself(tmp_path, text, message):
    (tmp_path / "identities.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        load_overrides(tmp_path)
    assert "identities.toml" in str(err.value)


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, Path]:
    source = tmp_path / "articles"
    source.mkdir()
    for name, text in ARTICLES.items():
        (source / name).write_text(text, encoding="utf-8")
    return source, tmp_path / "out"


def _people(runner: CliRunner, out: Path) -> str:
    result = runner.invoke(main, ["explain", "王建国", str(out / "graph.ttl")])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[0]


def test_merge_and_split_survive_rebuilds(corpus):
    source, out = corpus
    runner = CliRunner()
    build = ["build", str(source), "-o", str(out), "-q", "--no-html"]
    assert runner.invoke(main, build).exit_code == 0
    assert _people(runner, out) == "王建国: 2 people"
    merged = runner.invoke(main, ["merge", str(out), "wuxing:王建国", "wujin:王建国"])
    assert merged.exit_code == 0 and "identities.toml" in merged.output
    assert runner.invoke(main, build).exit_code == 0
    assert _people(runner, out) == "王建国: 1 person"
    assert runner.invoke(main, build).exit_code == 0  # and again
    assert _people(runner, out) == "王建国: 1 person"
    explained = runner.invoke(main, ["explain", "王建国", str(out / "graph.ttl")])
    assert "analyst: wujin and wuxing are one" in explained.output


def test_not_a_person(corpus):
    source, out = corpus
    runner = CliRunner()
    build = ["build", str(source), "-o", str(out), "-q", "--no-html"]
    assert runner.invoke(main, build).exit_code == 0
    assert (
        runner.invoke(main, ["split", str(out), "--not-person", "王建国"]).exit_code
        == 0
    )
    assert runner.invoke(main, build).exit_code == 0
    result = runner.invoke(main, ["explain", "王建国", str(out / "graph.ttl")])
    assert result.exit_code == 1 and "no person named" in result.output


def test_split_takes_two_mentions(corpus):
    _, out = corpus
    result = CliRunner().invoke(main, ["split", str(out), "wuxing:王建国"])
    assert result.exit_code == 2 and "exactly two" in result.output
