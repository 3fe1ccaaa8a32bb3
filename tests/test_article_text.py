"""Reading an article's text: the corpus keeps it, the page's panel carries it
(within a budget), ``kg article`` prints it, and it follows the article
through replacement and removal.  The articles are invented for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.publish.articles as page_articles
from kg.build import build, remove
from kg.cli import main
from kg.corpus.texts import read_texts, text_reader

CHAIN = "泰州市总工会党组书记、主席秦牧之表示，将为一线职工办好十件实事。"
FIRST = {
    "id": "q01",
    "title": "泰州市总工会部署年度实事项目",
    "date": "2024-02-06",
    "source": "泰州日报",
    "url": "https://news.example.org/q01.html",
    "text": "2月5日，泰州市总工会召开全委会议。" + CHAIN + "\n\n（记者 罗映雪）",
}
TRADITIONAL = {
    "id": "q02",
    "title": "海曙區總工會舉辦技能競賽",
    "date": "2024-03-11",
    "text": "3月10日，海曙區總工會舉辦職工技能競賽。"
    "海曙區總工會副主席樊曉棠主持開幕式。",
}


def write_feed(folder: Path, *records: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feed.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def page_articles_of(page: Path) -> dict[str, dict]:
    text = page.read_text("utf-8")
    found = re.search(
        r'<script type="application/json"[^>]*>(.*?)</script>', text, re.S
    )
    assert found is not None
    nodes = json.loads(found.group(1))["nodes"]
    return {n["article"]["id"]: n["article"] for n in nodes if "article" in n}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("texts")
    write_feed(root / "in", FIRST, TRADITIONAL)
    build([root / "in"], root / "out")
    return root / "out"


def test_the_corpus_keeps_each_text_as_the_source_wrote_it(corpus: Path) -> None:
    read = text_reader(corpus)
    assert read is not None
    texts = read(["q01", "q02", "nope"])
    assert set(texts) == {"q01", "q02"}
    assert CHAIN in texts["q01"] and "（记者 罗映雪）" in texts["q01"]
    assert "海曙區總工會副主席樊曉棠" in texts["q02"]  # not the Simplified copy


def test_the_page_panel_carries_the_text_and_the_id(corpus: Path) -> None:
    shown = page_articles_of(corpus / "graph.html")
    assert set(shown) == {"q01", "q02"}
    assert CHAIN in shown["q01"]["body"] and "held" not in shown["q01"]
    assert any(CHAIN in s for s in shown["q01"]["sentences"])  # marked on the page


def test_a_page_over_the_budget_leaves_the_texts_to_kg_article(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_articles, "TEXT_BUDGET", 40)
    result = CliRunner().invoke(main, ["view", str(corpus), "-o", str(tmp_path / "v")])
    assert result.exit_code == 0, result.output
    shown = page_articles_of(tmp_path / "v")
    assert all(a.get("held") and "body" not in a for a in shown.values())


def test_kg_article_prints_metadata_text_and_facts(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["article", "q01", str(corpus), "--facts"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:6] == [
        "article: q01",
        "title:   泰州市总工会部署年度实事项目",
        "date:    2024-02-06",
        "source:  泰州日报",
        "url:     https://news.example.org/q01.html",
        "file:    " + str(corpus.parent / "in" / "feed.jsonl"),
    ]
    assert CHAIN in result.output
    assert "秦牧之 —post (党组书记、主席)→ 泰州市总工会" in result.output
    assert f"«{CHAIN}»" in result.output


def test_kg_article_suggests_ids_for_a_miss(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["article", "q1", str(corpus)])
    assert result.exit_code == 1
    assert "no article 'q1'; did you mean" in result.output and "q01" in result.output
    result = CliRunner().invoke(main, ["article", "q01", str(tmp_path)])
    assert result.exit_code == 1 and "not a corpus folder" in result.output


def test_texts_follow_replacement_and_removal(tmp_path: Path) -> None:
    build(
        [write_feed(tmp_path / "a", FIRST, TRADITIONAL)], tmp_path / "out", html=False
    )
    changed = {**FIRST, "text": FIRST["text"].replace("十件", "十二件")}
    build([write_feed(tmp_path / "b", changed)], tmp_path / "out", html=False)
    index = tmp_path / "out" / "current" / "index.sqlite"
    assert "十二件实事" in read_texts(index, ["q01"])["q01"]
    remove(["q02"], tmp_path / "out", html=False)
    index = tmp_path / "out" / "current" / "index.sqlite"
    assert read_texts(index, ["q01", "q02"]).keys() == {"q01"}


def test_a_corpus_built_before_texts_were_kept_gets_them(tmp_path: Path) -> None:
    import sqlite3

    feed = write_feed(tmp_path / "a", FIRST, TRADITIONAL)
    build([feed], tmp_path / "out", html=False)
    turtle = (tmp_path / "out" / "graph.ttl").read_bytes()
    db = sqlite3.connect(tmp_path / "out" / "current" / "index.sqlite")
    db.execute("DROP TABLE texts")  # as an index written before texts were kept
    db.commit()
    db.close()
    result = CliRunner().invoke(main, ["article", "q01", str(tmp_path / "out")])
    assert result.exit_code == 0 and "(no text kept" in result.output
    summary = build([feed], tmp_path / "out", html=False)
    assert (summary.added, summary.replaced) == (0, 0)  # the facts stand
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == turtle
    result = CliRunner().invoke(main, ["article", "q01", str(tmp_path / "out")])
    assert CHAIN in result.output
