"""Inputs never stop a corpus: each problem of issue 11, as a table.

A bad file or line is skipped with one line that names it, the reason and the
fix; the rest is built; the summary lists what was skipped and the build exits
3 (``--strict``: 1 at the first).  Notes are not read as news; nothing to
read is an error; urls and ``--base-iri`` are checked; text is cleaned;
terminal output is escaped.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli.main import main
from kg.cli.terminal import visible
from kg.errors import InputError, UsageError
from kg.read import parts
from kg.read.clean import check_base_iri, clean_text, web_address
from kg.read.files import read_all, read_inputs
from kg.read.records import Notice, Skipped

ARTICLE = "# 青石县总工会开展送清凉活动\n\n青石县总工会主席周晓东带队慰问一线职工。\n"
BAD_BYTES = "江阴".encode() + b"\xff\xff\xff" + "总工会".encode()
LINE = {"text": "某某市总工会主席刘明远出席活动。", "title": "送清凉"}


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def jsonl(*lines: object) -> str:
    return "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
        for line in lines
    )


def records(folder: Path) -> tuple[list[str], list[Skipped], list[Notice]]:
    found = list(read_inputs([folder]))
    docs = [r.id for r in found if not isinstance(r, Skipped | Notice)]
    skipped = [r for r in found if isinstance(r, Skipped)]
    notices = [r for r in found if isinstance(r, Notice)]
    return docs, skipped, notices


# ------------------------------------------------- a bad input is skipped


@pytest.mark.parametrize(
    "name, content, where, reason",
    [
        ("bad.txt", BAD_BYTES, "bad.txt", "not UTF-8"),
        ("feed.jsonl", jsonl(LINE, "{not json", LINE), "feed.jsonl:2", "not valid"),
        ("feed.jsonl", jsonl(LINE, "[1]"), "feed.jsonl:2", "a JSON object"),
        ("feed.jsonl", jsonl({"text": " "}), "feed.jsonl:1", "'text' is missing"),
        ("feed.jsonl", jsonl({**LINE, "date": "去年"}), "feed.jsonl:1", "not a date"),
        ("nul.txt", b"\x00" * 1000, "nul.txt", "only 1000 NUL or control"),
    ],
)
def test_a_bad_file_or_line_is_skipped_and_the_rest_read(
    tmp_path: Path, name: str, content: str | bytes, where: str, reason: str
) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, name, content)
    docs, skipped, _ = records(tmp_path)
    assert "good" in docs
    (skip,) = skipped
    line = str(skip)
    assert line.startswith(str(tmp_path / where) + ":") and reason in line
    assert skip.hint and skip.hint in line  # what to do


def test_a_malformed_line_keeps_the_other_lines(tmp_path: Path) -> None:
    write(tmp_path, "feed.jsonl", jsonl(LINE, "{oops", {**LINE, "id": "third"}))
    docs, skipped, _ = records(tmp_path)
    assert docs == ["feed-1", "third"]
    assert [(s.line, s.reason.split(" (")[0]) for s in skipped] == [
        (2, "not valid JSON")
    ]


def test_nul_bytes_hint_at_utf16(tmp_path: Path) -> None:
    write(tmp_path, "nul.txt", b"\x00" * 1000)
    with pytest.raises(InputError, match=r"nul\.txt.*--encoding utf-16"):
        read_all([tmp_path / "nul.txt"])


# --------------------------------------------- links and folders, never silent


def test_links_that_loop_or_dangle_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    os.symlink(tmp_path / "loop_b.txt", tmp_path / "loop_a.txt")
    os.symlink(tmp_path / "loop_a.txt", tmp_path / "loop_b.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path, tmp_path / "again")  # a link back to the folder
    docs, skipped, notices = records(tmp_path)
    assert docs == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons == {
        "dangling.txt": f"a broken link (to {tmp_path / 'gone.txt'})",
        "loop_a.txt": "a symbolic link that loops",
        "loop_b.txt": "a symbolic link that loops",
    }
    assert [Path(n.path).name for n in notices] == ["again"]


def test_an_unreadable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    locked = tmp_path / "locked"
    write(locked, "hidden.txt", ARTICLE)
    scandir = os.scandir

    def refuse(path: object) -> object:  # root reads anything: refuse by hand
        if Path(str(path)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr("kg.read.folders.os.scandir", refuse)
    docs, skipped, _ = records(tmp_path)
    assert docs == ["good"]
    assert [str(s) for s in skipped] == [
        f"{locked}: the folder cannot be read (Permission denied); "
        "check its permissions, or leave it out"
    ]


# ----------------------------------------------- only articles from folders


@pytest.mark.parametrize(
    "name, note",
    [
        ("README.md", "a note"),
        ("readme.txt", "a note"),
        ("README_c.md", "a note"),
        ("readme_fr.txt", "a note"),
        ("CHANGELOG.md", "a note"),
        ("LICENSE", "a note"),
        ("NOTICE.txt", "a note"),
        ("AUTHORS", "a note"),
        ("a.gold.json", "a gold file"),
        ("identity_map.json", "an identity file"),
        ("photo.jpg", "unknown file type '.jpg'"),
    ],
)
def test_notes_in_a_folder_are_not_read_as_news(
    tmp_path: Path, name: str, note: str
) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, name, ARTICLE)
    docs, skipped, notices = records(tmp_path)
    assert (docs, skipped) == (["a"], [])
    assert [(Path(n.path).name, note in n.message) for n in notices] == [(name, True)]


def test_a_note_named_explicitly_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "README.md", ARTICLE)
    assert [d.id for d in read_all([path]).documents] == ["README"]


@pytest.mark.parametrize(
    "files, message",
    [
        ({}, "no article to read (no files)"),
        ({"README.md": ARTICLE, "a.gold.json": "{}"}, "README.md: a note"),
        ({"empty.txt": "   \n"}, "empty.txt: no article text found"),
    ],
)
def test_nothing_to_read_is_an_error(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    for name, content in files.items():
        write(tmp_path, name, content)
    with pytest.raises(InputError, match="no article to read") as caught:
        read_all([tmp_path])
    assert message in str(caught.value)


def test_strict_stops_at_the_first_bad_input(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "feed.jsonl", jsonl("{oops"))
    with pytest.raises(InputError, match=r"feed.jsonl:1: not valid JSON.*--strict"):
        read_all([tmp_path], strict=True)


# ------------------------------------------------------------ urls, base IRI


@pytest.mark.parametrize(
    "url, kept",
    [
        ("https://news.example.org/a/1.html", True),
        ("http://例子.中国/新闻/1", True),
        ("https://x.org/a b", False),
        ('https://x.org/"q"', False),
        ("https://x.org/<x>", False),
        ("/news/2023/1.html", False),
        ("news/1.html", False),
        ("javascript:alert(1)", False),
        ("mailto:a@b.c", False),
        ("", False),
        ("https://x.org/\u0000", False),
    ],
)
def test_urls_are_checked(url: str, kept: bool) -> None:
    checked, problem = web_address(url)
    assert (checked is not None, problem is None) == (kept, kept)
    if kept:
        assert checked is not None
        ox.NamedNode(checked)


@pytest.mark.parametrize(
    "base, ok",
    [
        ("https://w3id.org/kgzh/resource/", True),
        ("http://example.org/kg#", True),
        ("urn:kg:", False),
        ("https://example.org/kg", False),
        ("example.org/kg/", False),
        ("https://example.org/a b/", False),
        ('https://example.org/"/', False),
        ("", False),
    ],
)
def test_base_iri_is_checked(base: str, ok: bool) -> None:
    if ok:
        assert check_base_iri(base) == base
    else:
        with pytest.raises(UsageError, match="--base-iri"):
            check_base_iri(base)


# --------------------------------------------------------------- clean text


@pytest.mark.parametrize(
    "text, expected, dropped",
    [
        ("总工会\x00\x00主席", "总工会主席", 2),
        ("\x1b[31m红色\x1b[0m", "[31m红色[0m", 2),
        ("甲\f乙\v丙", "甲\n乙\n丙", 0),
        ("制表\t换行\n", "制表\t换行\n", 0),
        ("孤\ud800字", "孤\ufffd字", 0),
        ("\x7f\x85\x9f", "\n", 2),
    ],
)
def test_clean_text(text: str, expected: str, dropped: int) -> None:
    assert clean_text(text) == (expected, dropped)


# ------------------------------------------------------------ huge articles


@pytest.mark.parametrize(
    "text, size, expected",
    [
        ("短文。", 10, []),
        ("甲" * 25, 10, [10, 20]),
        ("一二三四五。六七八九十一二三", 10, [6]),
        ("一二三\n四五六七。八九十一二", 10, [9]),
        ("一二三四五六\n七八九十一二", 10, [7]),
        ("一二三\n四五六七八九十一二三四五", 10, [10]),
    ],
)
def test_cut_points(text: str, size: int, expected: list[int]) -> None:
    assert parts.cut_points(text, size) == expected


def test_a_long_article_is_read_in_parts(tmp_path: Path) -> None:
    body = "青石县总工会主席周晓东带队慰问一线职工。" * 2400  # 48,000 characters
    write(tmp_path, "long.txt", f"# 长文\n\n{body}\n\n（记者 林小雨）\n")
    docs, skipped, notices = records(tmp_path)
    assert docs == ["long-p1", "long-p2", "long-p3"]
    assert not skipped
    assert "read as 3 parts" in notices[0].message
    found = read_all([tmp_path]).documents
    assert [len(d.text) <= parts.PART_CHARS for d in found] == [True] * 3
    assert [d.authors for d in found] == [(), (), ("林小雨",)]


def test_a_file_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.read.files.MAX_CHARS", 1000)
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "huge.txt", "工" * 1001)
    write(tmp_path, "feed.jsonl", jsonl({"text": "会" * 1001}, LINE))
    docs, skipped, _ = records(tmp_path)
    assert docs == ["feed-2", "good"]
    assert [(Path(s.path).name, s.line) for s in skipped] == [
        ("feed.jsonl", 1),
        ("huge.txt", None),
    ]
    assert all("characters, over the limit of 1,000" in s.reason for s in skipped)


# ------------------------------------------------------------ the command


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """One build of a folder with something wrong in every corner."""
    folder = tmp_path_factory.mktemp("messy")
    write(folder, "good.txt", ARTICLE)
    write(folder, "bad.txt", BAD_BYTES)
    write(folder, "README.md", "# 说明\n\n本文件夹收录新闻。\n")
    write(folder, "nul.txt", b"\x00" * 1000)
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    lines = [
        {**LINE, "url": "https://x.org/a b", "id": "spaced"},
        {**LINE, "url": 'https://x.org/"', "id": "quoted"},
        {**LINE, "url": "/relative/1.html", "id": "relative"},
        {**LINE, "id": "控制\x1b[2J符", "title": "标题\x1b]0;owned\x07"},
        "{broken",
    ]
    write(folder, "feed.jsonl", jsonl(*lines))
    out = folder.parent / (folder.name + "-out")
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out)])
    return out, result


def test_the_build_finishes_with_exit_3_and_lists_what_it_skipped(
    messy: tuple[Path, object],
) -> None:
    _, result = messy
    assert result.exit_code == 3, result.output  # type: ignore[attr-defined]
    stdout = result.stdout  # type: ignore[attr-defined]
    assert "skipped 4 inputs (exit 3):" in stdout
    for culprit in ("bad.txt", "nul.txt", "dangling.txt", "feed.jsonl:5"):
        assert culprit in stdout
    stderr = result.stderr  # type: ignore[attr-defined]
    assert "README.md: a note" in stderr
    assert stderr.count("dropped:") == 3
    assert "documents: 5" in stdout


def test_a_long_list_of_notes_and_skips_is_cut_on_the_console(
    tmp_path: Path,
) -> None:
    """An archive with a photo beside every article and many bad lines: the
    console shows ten of each and where the rest are; inputs.txt has all."""
    folder = tmp_path / "in"
    write(folder, "a.txt", ARTICLE)
    for n in range(13):
        write(folder, f"photo{n:02}.jpg", b"\xff\xd8")
    write(folder, "feed.jsonl", jsonl(LINE, *["{broken"] * 12))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 3, result.output
    listing = out / "current" / "inputs.txt"
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 11 and "photo09.jpg" in notes[9]
    assert notes[10] == f"note: … and 3 more (all in {listing})"
    assert "skipped 12 inputs (exit 3):" in result.stdout
    assert f"  … and 2 more (all in {listing})" in result.stdout
    assert "feed.jsonl:11:" in result.stdout
    assert "feed.jsonl:12:" not in result.stdout
    lines = listing.read_text("utf-8").splitlines()
    assert len(lines) == 25
    assert lines[0].startswith("skipped: ") and "feed.jsonl:2:" in lines[0]
    assert lines[-1].startswith("note: ") and "photo12.jpg" in lines[-1]


def test_the_graph_parses_in_oxigraph_and_rdflib(messy: tuple[Path, object]) -> None:
    out, _ = messy
    data = (out / "graph.ttl").read_bytes()
    quads = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    graph = Graph().parse(data=data, format="turtle")
    assert len(quads) == len(graph) > 0
    assert b"relative" in data and b"/relative/1.html" not in data


def test_no_control_character_reaches_the_terminal(
    messy: tuple[Path, object],
) -> None:
    _, result = messy
    assert "\x1b" not in result.output  # type: ignore[attr-defined]
    assert "\x07" not in result.output  # type: ignore[attr-defined]


def test_strict_build_exits_1(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "feed.jsonl", "{oops\n")
    result = CliRunner().invoke(
        main, ["build", str(tmp_path), "-o", str(tmp_path / "o"), "--strict"]
    )
    assert result.exit_code == 1
    assert "feed.jsonl:1: not valid JSON" in result.output
    assert not (tmp_path / "o" / "graph.ttl").exists()


@pytest.mark.parametrize("files", [{}, {"README.md": ARTICLE, "notes.docx": "x"}])
def test_build_of_nothing_exits_1(tmp_path: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        write(tmp_path / "in", name, content)
    (tmp_path / "in").mkdir(exist_ok=True)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "no article to read" in result.output


@pytest.mark.parametrize("base", ["example.org/", "https://x.org/a b/", "urn:x"])
def test_a_bad_base_iri_is_refused(tmp_path: Path, base: str) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path), "-o", str(tmp_path / "o"), "--base-iri", base]
    )
    assert result.exit_code == 2
    assert "--base-iri" in result.output and "Traceback" not in result.output


def test_eval_of_a_document_not_in_the_graph_exits_1(
    messy: tuple[Path, object], tmp_path: Path
) -> None:
    out, _ = messy
    gold = write(
        tmp_path,
        "missing.gold.json",
        json.dumps({"document": "missing.txt", "entities": [], "relations": []}),
    )
    result = CliRunner().invoke(
        main, ["eval", str(gold), "--graph", str(out / "graph.ttl")]
    )
    assert result.exit_code == 1
    assert "'missing.txt' is not in the graph" in result.output


@pytest.mark.parametrize(
    "text, shown",
    [
        ("\x1b[31m红\x1b[0m", "\\x1b[31m红\\x1b[0m"),
        ("回车\r覆盖", "回车\\r覆盖"),
        ("\u202e反向", "\\u202e反向"),
        ("换行\n制表\t", "换行\n制表\t"),
        ("\x9b\x07", "\\x9b\\x07"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown
