"""Reading input files into :class:`~kg.model.Document` values.

A path is a file or a folder; folders are read recursively in sorted order,
hidden files and folders skipped, files of unknown type skipped with a
warning.  Formats:

* ``.txt``, ``.md``: a page of plain text, split into articles by
  :func:`kg.read.pages.split_page`;
* ``.jsonl``: one article a line, ``text`` required, ``title``, ``date``,
  ``source``, ``url``, ``id`` optional;
* ``.html``, ``.htm``: the article text of a web page (scripts, styles,
  navigation, header, footer and asides dropped; only ``<article>`` or
  ``<main>`` when the page has one), ``<h1>``–``<h6>`` as headings, the
  ``<h1>`` (else ``<title>``) as headline.

Encodings: a BOM (UTF-8, UTF-16, UTF-32), else strict UTF-8, else strict
GB18030 (a superset of GBK and GB2312; Big5 bytes that merely decode as
GB18030 are caught and re-read), else what charset-normalizer finds among the
Chinese and UTF-16/32 encodings; ``encoding=`` forces one.

Document ids: the file stem for a page with one article, ``<stem>-<n>`` (n
from 1) for a page with several, a jsonl line's ``id`` or ``<stem>-<line>``.
An id already taken in the run gets ``_2``, ``_3``… (with a warning).
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Document
from kg.read.pages import ArticleText, normalise_date, read_article, split_page
from kg.text.script import to_simplified

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSABLE = ("big5", "cp950", "big5hkscs", "gb18030", "gbk", "utf_16", "utf_32")
_JSONL_FIELDS = ("title", "date", "source", "url", "id")


def read_paths(
    paths: Iterable[str | Path], *, encoding: str | None = None
) -> Iterator[Document]:
    """The articles of every file under ``paths``, in a deterministic order.

    All paths are checked before any is read: a missing path, or a file named
    explicitly whose type is unknown, raises :class:`InputError`.
    """
    taken: set[str] = set()
    for path in _files(paths):
        for doc in _read_file(path, encoding=encoding):
            yield _with_unique_id(doc, taken)


# --------------------------------------------------------------------- files


def _files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        for path in _expand(Path(given)):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
    return files


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return _folder_files(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"{path}: unknown file type {path.suffix or '(no extension)'!r}; "
            f"use one of {', '.join(SUFFIXES)}"
        )
    return [path]


def _folder_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        if path.suffix.lower() not in SUFFIXES:
            logger.warning("%s: skipped, unknown file type %r", path, path.suffix)
            continue
        found.append((parts, path))
    return [path for _, path in sorted(found)]


def _read_file(path: Path, *, encoding: str | None) -> Iterator[Document]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    name = path.as_posix()
    text = _normalise_newlines(decode(data, name=name, encoding=encoding))
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_documents(text, name=name, stem=path.stem)
        return
    page, meta = _html_text(text) if suffix in (".html", ".htm") else (text, {})
    articles = split_page(to_simplified(page), original=page)
    if not articles:
        logger.warning("%s: no article text found", name)
    for n, article in enumerate(articles, start=1):
        doc_id = path.stem if len(articles) == 1 else f"{path.stem}-{n}"
        yield _document(article, doc_id=doc_id, path=name, fields=meta)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _document(
    article: ArticleText, *, doc_id: str, path: str, fields: dict
) -> Document:
    """A Document from an article; ``fields`` (jsonl, html meta) fill gaps."""
    return Document(
        id=doc_id.replace(" ", "_"),
        text=article.text,
        original=article.original,
        path=path,
        title=article.title,
        date=fields.get("date") or article.date,
        source=fields.get("source") or article.source,
        url=fields.get("url"),
        authors=article.authors,
        body_start=article.body_start,
        byline=article.byline,
    )


def _with_unique_id(doc: Document, taken: set[str]) -> Document:
    doc_id, n = doc.id, 1
    while doc_id in taken:
        n += 1
        doc_id = f"{doc.id}_{n}"
    if doc_id != doc.id:
        logger.warning(
            "%s: id %r already used; this article is %r", doc.path, doc.id, doc_id
        )
    taken.add(doc_id)
    if doc_id == doc.id:
        return doc
    return replace(doc, id=doc_id)


# ----------------------------------------------------------------- encodings


def decode(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """The text of a file's bytes; ``name`` is for messages."""
    if encoding is not None:
        return _decode_as(data, name=name, encoding=encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name=name, encoding=codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return _gb_or_big5(data)
        except UnicodeDecodeError as gb_error:
            guessed = _guess(data)
            if guessed is not None:
                return guessed
            worst = max(utf8_error, gb_error, key=lambda e: e.start)
            raise InputError(
                f"{name}: not UTF-8 or GB18030 (byte 0x{data[worst.start]:02x} "
                f"at offset {worst.start}); pass --encoding"
            ) from None


def _decode_as(data: bytes, *, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(
            f"{name}: unknown encoding {encoding!r}; pass a codec name such as "
            "utf-8, gb18030 or big5"
        ) from None
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not {encoding} (byte 0x{data[err.start]:02x} at offset "
            f"{err.start}); pass another --encoding"
        ) from None


def _gb_or_big5(data: bytes) -> str:
    """GB18030, unless the text reads as Big5 misread (many rare characters)."""
    text = data.decode("gb18030")
    if not _rare_han(text):
        return text
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return text
    return _guess(data, among=("gb18030", "big5")) or text


def _rare_han(text: str) -> bool:
    """Whether over a third of the Han characters lie outside GB2312."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 4:
        return False
    rare = sum(1 for c in han if not _in_gb2312(c))
    return rare * 3 > len(han)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _guess(data: bytes, among: tuple[str, ...] = _GUESSABLE) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(among)).best()
    if best is None or best.encoding not in _GUESSABLE:
        return None
    logger.info("encoding guessed as %s", best.encoding)
    return str(best)


# --------------------------------------------------------------------- jsonl


def _jsonl_documents(text: str, *, name: str, stem: str) -> Iterator[Document]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        fields = _record(line, where=where)
        doc = _record_document(fields, where=where, path=name)
        if doc is None:
            logger.warning("%s: no article text found", where)
            continue
        yield doc if doc.id else replace(doc, id=f"{stem}-{lineno}")


def _record(line: str, *, where: str) -> dict[str, str]:
    """The fields of one jsonl line, checked; strings only."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{where}: not valid JSON ({err.msg} at column {err.colno}); "
            "write one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: 'text' is missing or empty; give the article text")
    fields = {"text": text}
    for key in _JSONL_FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, int) and key == "id":
            value = str(value)
        if not isinstance(value, str):
            raise InputError(f"{where}: '{key}' must be a string, not {value!r}")
        fields[key] = value.strip()
    return fields


def _record_document(
    fields: dict[str, str], *, where: str, path: str
) -> Document | None:
    raw = _normalise_newlines(fields["text"])
    title = fields.get("title")
    if title and not raw.lstrip().startswith(title):
        raw = f"# {title}\n\n{raw}"
    article = read_article(to_simplified(raw), original=raw)
    if article is None:
        return None
    checked = dict(fields)
    if "date" in fields:
        date = normalise_date(fields["date"])
        if date is None:
            raise InputError(
                f"{where}: 'date' {fields['date']!r} is not a date; use yyyy-mm-dd"
            )
        checked["date"] = date
    return _document(article, doc_id=fields.get("id", ""), path=path, fields=checked)


# ---------------------------------------------------------------------- html


def _tags(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIP = _tags(
    "script style noscript nav header footer aside form iframe svg template "
    "button select textarea head"
)
_VOID = _tags("area base br col embed hr img input link meta source track wbr")
_BLOCK = _tags(
    "p div br li tr section article main blockquote pre table ul ol dl dd dt "
    "figure figcaption address hr td th"
)
_LINE_BREAK = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[^\S\n]+")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_DATE_META = ("article:published_time", "publishdate", "pubdate", "date", "dc.date")


class _PageText(HTMLParser):
    """The visible article text of a page, headings as markdown ``#`` lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.focus: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip = 0
        self.in_title = False
        self.focus_depth = 0
        self.has_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or tag == "link":
            self._meta(dict(attrs))
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            self._emit("\n" if tag in _BLOCK else "")
            return
        if tag in _SKIP or self.skip:
            self.skip += 1
            return
        if tag in ("article", "main"):
            self.focus_depth += 1
        self.has_h1 = self.has_h1 or tag == "h1"
        heading = _HEADINGS.get(tag)
        self._emit(f"\n{'#' * heading} " if heading else "\n" if tag in _BLOCK else "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        if tag in _BLOCK or tag in _HEADINGS:
            self._emit("\n")
        if tag in ("article", "main") and self.focus_depth:
            self.focus_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self._emit(_soften(data))

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.focus_depth:
            self.focus.append(text)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if attrs.get("rel") == "canonical":
            key = "og:url"
        value = attrs.get("content") or attrs.get("href")
        if key and value:
            self.meta.setdefault(key, value.strip())


def _soften(data: str) -> str:
    """Whitespace in HTML source: a line break becomes a soft-break mark."""
    return _SPACES.sub(" ", _LINE_BREAK.sub("\x00", data))


def _resolve_soft_breaks(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char != "\x00":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        out.append("" if _is_cjk(before) and _is_cjk(after) else " ")
    return "".join(out)


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def _html_text(page: str) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page, and date/source/url from its meta."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    body = "".join(parser.focus if "".join(parser.focus).strip() else parser.parts)
    body = "\n".join(
        " ".join(line.split()) for line in _resolve_soft_breaks(body).split("\n")
    )
    title = " ".join("".join(parser.title).split())
    if title and not parser.has_h1:
        body = f"# {_strip_site(title)}\n\n{body}"
    fields = {
        "url": parser.meta.get("og:url"),
        "source": parser.meta.get("og:site_name"),
    }
    date = next((parser.meta[k] for k in _DATE_META if k in parser.meta), None)
    fields["date"] = normalise_date(date) if date else None
    return body, {k: v for k, v in fields.items() if v}


def _strip_site(title: str) -> str:
    """``江阴召开会议_江阴日报`` → ``江阴召开会议``: drop the site suffix."""
    for mark in ("_", " - ", " | ", "｜", " — "):
        head = title.split(mark)[0].strip()
        if head and head != title:
            return head
    return title
