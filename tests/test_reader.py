"""Reading files: formats, encodings, ids, errors; and Traditional → Simplified."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read.files import decode, read_paths
from kg.text.script import to_simplified

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PAGE = "# 江阴召开产改推进会\n\n江阴市总工会召开推进会，部署工作。\n\n（记者 陶立群）\n"
TWO_ARTICLES = (
    PAGE + "\n## 周庄镇职工驿站上岗\n\n首批驿站日前投入使用。\n\n（顾文涛）\n"
)
TRADITIONAL = (
    "# 武進區總工會開展慰問活動\n\n"
    "區總工會黨組書記鄒明德帶隊走進工地。\n\n（記者 華穎）\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# ------------------------------------------------------------------ script


@pytest.mark.parametrize(
    "text, expected",
    [
        ("江陰市總工會黨組書記、主席", "江阴市总工会党组书记、主席"),
        ("（記者 華穎 通訊員 過立新）", "（记者 华颖 通讯员 过立新）"),
        ("「勞模創新工作室」", "「劳模创新工作室」"),
        ("江阴市总工会", "江阴市总工会"),
        ("ASCII only", "ASCII only"),
        ("", ""),
    ],
)
def test_to_simplified(text: str, expected: str) -> None:
    assert to_simplified(text) == expected


class _Growing:
    """A converter whose phrase rule changes length, as some OpenCC rules may."""

    def convert(self, text: str) -> str:
        return text.replace("後來", "后来了").translate(
            str.maketrans("後來說", "后来说")
        )


def test_to_simplified_keeps_length_when_a_phrase_rule_would_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("kg.text.script._converter", lambda: _Growing())
    assert to_simplified("他後來說：後來") == "他后来说：后来"


# --------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "text, encoding",
    [
        (PAGE, "utf-8"),
        (PAGE, "utf-8-sig"),
        (PAGE, "utf-16"),
        (PAGE, "gb18030"),
        (PAGE, "gbk"),
        (TRADITIONAL, "gbk"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "utf-16"),
    ],
)
def test_decode_detects(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), name="page.txt") == text


def test_decode_forced_encoding() -> None:
    data = TRADITIONAL.encode("big5")
    assert decode(data, name="page.txt", encoding="big5") == TRADITIONAL


@pytest.mark.parametrize(
    "data, encoding, message",
    [
        (
            "江阴".encode() + b"\xff\xff\xff" + "总工会".encode(),
            None,
            "page.txt: not UTF-8 or GB18030 (byte 0xff at offset 6); pass --encoding",
        ),
        (b"\xff\xfe\xfd", "utf-8", "page.txt: not utf-8 (byte 0xff at offset 0)"),
        (b"abc", "klingon", "page.txt: unknown encoding 'klingon'"),
    ],
)
def test_decode_errors(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, name="page.txt", encoding=encoding)
    assert str(caught.value).startswith(message)


# ------------------------------------------------------------------- paths


def test_examples_folder_is_read_in_order() -> None:
    docs = list(read_paths([EXAMPLES]))
    assert [d.id for d in docs] == [
        "jiangyin_union-1",
        "jiangyin_union-2",
        "kunshan-2023-0915",
        "suzhou_union-2",
        "wujin_traditional",
    ]
    assert all(d.authors for d in docs)
    assert all(len(d.text) == len(d.original) for d in docs)


@pytest.mark.parametrize(
    "files, expected_ids",
    [
        ({"a.txt": PAGE}, ["a"]),
        ({"a.txt": TWO_ARTICLES}, ["a-1", "a-2"]),
        ({"b.md": PAGE, "a.txt": PAGE}, ["a", "b"]),
        ({"x/news.txt": PAGE, "y/news.txt": PAGE}, ["news", "news_2"]),
        ({"sub/z.txt": PAGE, "a.txt": PAGE}, ["a", "z"]),
        ({".hidden.txt": PAGE, ".git/c.txt": PAGE, "a.txt": PAGE}, ["a"]),
        ({"a.txt": PAGE, "notes.docx": "x"}, ["a"]),
        ({"page one.txt": PAGE}, ["page_one"]),
    ],
)
def test_folder_ids(
    tmp_path: Path, files: dict[str, str], expected_ids: list[str]
) -> None:
    for name, content in files.items():
        write(tmp_path, name, content)
    assert [d.id for d in read_paths([tmp_path])] == expected_ids


def test_unknown_type_in_folder_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "notes.docx", "x")
    with caplog.at_level(logging.WARNING, logger="kg.read.files"):
        assert list(read_paths([tmp_path])) == []
    assert "notes.docx" in caplog.text


def test_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "in/a.txt", PAGE)
    monkeypatch.chdir(tmp_path)
    assert [d.path for d in read_paths(["in"])] == ["in/a.txt"]
    assert [d.path for d in read_paths(["in/a.txt", "in"])] == ["in/a.txt"]


@pytest.mark.parametrize(
    "name, message",
    [
        ("missing.txt", "missing.txt: no such file or folder"),
        ("notes.docx", "notes.docx: unknown file type '.docx'"),
        ("README", "README: unknown file type '(no extension)'"),
    ],
)
def test_path_errors(tmp_path: Path, name: str, message: str) -> None:
    if name != "missing.txt":
        write(tmp_path, name, "x")
    with pytest.raises(InputError, match=re.escape(message)):
        list(read_paths([tmp_path / name]))


def test_missing_path_fails_before_any_article(tmp_path: Path) -> None:
    good = write(tmp_path, "a.txt", PAGE)
    docs = read_paths([good, tmp_path / "gone"])
    with pytest.raises(InputError, match="gone: no such file"):
        next(docs)


# ------------------------------------------------------------ text pages


def test_traditional_page(tmp_path: Path) -> None:
    path = write(tmp_path, "wujin.txt", TRADITIONAL.encode("big5"))
    (doc,) = read_paths([path])
    assert doc.title == "武进区总工会开展慰问活动"
    assert doc.authors == ("华颖",)
    assert "党组书记邹明德" in doc.text
    assert "黨組書記鄒明德" in doc.original
    assert doc.original[doc.byline.start : doc.byline.end] == "（記者 華穎）"


def test_windows_newlines_and_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + TWO_ARTICLES.replace("\n", "\r\n").encode()
    (first, second) = read_paths([write(tmp_path, "a.txt", data)])
    assert (
        first.text
        == "江阴召开产改推进会\n\n江阴市总工会召开推进会，部署工作。\n（记者 陶立群）"
    )
    assert second.authors == ("顾文涛",)


# ------------------------------------------------------------------- jsonl


def jsonl(*records: object) -> str:
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records
    )


@pytest.mark.parametrize(
    "records, expected",
    [
        (
            [
                {
                    "text": "江阴市总工会召开推进会。",
                    "id": "jy-1",
                    "date": "2023年6月8日",
                }
            ],
            [("jy-1", None, "2023-06-08", None)],
        ),
        (
            ["", {"text": "正文。\n\n作者：钱卫东", "title": "江阴召开推进会"}],
            [("feed-2", "江阴召开推进会", None, ("钱卫东",))],
        ),
        (
            [
                {
                    "text": "正文。",
                    "id": 7,
                    "source": "澄江日报",
                    "url": "https://x.org/7",
                }
            ],
            [("7", None, None, None)],
        ),
    ],
)
def test_jsonl_records(
    tmp_path: Path, records: list[object], expected: list[tuple[object, ...]]
) -> None:
    docs = list(read_paths([write(tmp_path, "feed.jsonl", jsonl(*records))]))
    got = [(d.id, d.title, d.date, d.authors or None) for d in docs]
    assert got == expected


def test_jsonl_fields_fill_the_document(tmp_path: Path) -> None:
    record = {"text": "正文。", "source": "澄江日报", "url": "https://x.org/7"}
    (doc,) = read_paths([write(tmp_path, "feed.jsonl", jsonl(record))])
    assert (doc.source, doc.url, doc.path) == ("澄江日报", "https://x.org/7", doc.path)
    assert doc.path.endswith("feed.jsonl")


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "feed.jsonl:2: not valid JSON"),
        ("[1, 2]", "feed.jsonl:2: expected a JSON object"),
        ('{"title": "无正文"}', "feed.jsonl:2: 'text' is missing or empty"),
        ('{"text": "  "}', "feed.jsonl:2: 'text' is missing or empty"),
        ('{"text": "正文。", "title": 3}', "feed.jsonl:2: 'title' must be a string"),
        (
            '{"text": "正文。", "date": "上周"}',
            "feed.jsonl:2: 'date' '上周' is not a date",
        ),
    ],
)
def test_jsonl_errors(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, "feed.jsonl", jsonl({"text": "第一篇。"}, line))
    with pytest.raises(InputError, match=message.replace("[", r"\[")):
        list(read_paths([path]))


# -------------------------------------------------------------------- html

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>宜兴举办职工技能竞赛_阳羡新闻网</title>
<meta property="article:published_time" content="2023-10-09T09:30:00+08:00">
<meta property="og:site_name" content="阳羡新闻网">
<link rel="canonical" href="https://example.org/a/1.html">
<script>var x = "脚本里的字";</script><style>p{color:red}</style></head>
<body><header><nav><a href="/">首页</a> <a href="/n">新闻中心</a></nav></header>
<div class="content"><p>10月8日，宜兴市总工会在丁蜀镇举办
  第五届职工职业技能竞赛，200余名选手参加&amp;比拼。</p>
<p>宜兴市总工会党组书记、主席周文斌出席。<br>比赛设3个工种。</p>
<p>（通讯员 芮晓东）</p></div>
<footer>版权所有 &copy; 阳羡新闻网</footer></body></html>
"""


@pytest.mark.parametrize(
    "html, title, body",
    [
        (
            HTML,
            "宜兴举办职工技能竞赛",
            "10月8日，宜兴市总工会在丁蜀镇举办第五届职工职业技能竞赛，"
            "200余名选手参加&比拼。\n宜兴市总工会党组书记、主席周文斌出席。\n"
            "比赛设3个工种。\n（通讯员 芮晓东）",
        ),
        (
            "<title>站名</title><body><aside>热点</aside><article><h1>正题</h1>"
            "<h2>副题</h2><p>正文一段。</p></article><p>相关阅读</p></body>",
            "正题 副题",
            "正文一段。",
        ),
        (
            "<html><body><p>只有正文。</p></body></html>",
            None,
            "只有正文。",
        ),
    ],
)
def test_html_text(tmp_path: Path, html: str, title: str | None, body: str) -> None:
    (doc,) = read_paths([write(tmp_path, "page.html", html)])
    assert doc.title == title
    assert doc.text[doc.body_start :] == body
    for dropped in ("脚本", "首页", "版权", "热点", "相关阅读"):
        assert dropped not in doc.text


def test_html_meta(tmp_path: Path) -> None:
    (doc,) = read_paths([write(tmp_path, "page.htm", HTML)])
    assert doc.date == "2023-10-09"
    assert doc.source == "阳羡新闻网"
    assert doc.url == "https://example.org/a/1.html"
    assert doc.authors == ("芮晓东",)
