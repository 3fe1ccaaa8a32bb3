"""Reading input files into :class:`~kg.model.Document` values.

A path is a file or a folder; :mod:`kg.read.folders` says which files of a
folder are read.  A file or jsonl line that cannot be read is skipped, never
fatal: :func:`read_inputs` yields a :class:`~kg.read.records.Skipped` for it
(and a :class:`~kg.read.records.Notice` for what was read with a caveat)
beside the documents.  Text is cleaned of NUL and control characters
(:mod:`kg.read.clean`); a ``url`` that is not an absolute http(s) IRI is
dropped with a notice; an article over 5,000 characters is read in parts and a
file over 10 million characters not at all (:mod:`kg.read.parts`).  Formats:

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
from 1) for a page with several, a jsonl line's ``id`` or ``<stem>-<line>``;
``-p<n>`` added for the parts of a long article.
An id already taken in the run gets ``_2``, ``_3``… (with a warning).
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Document
from kg.read.clean import clean_text, web_address
from kg.read.folders import SUFFIXES, find_files
from kg.read.html import html_text
from kg.read.pages import ArticleText, normalise_date, read_article, split_page
from kg.read.parts import MAX_CHARS, PART_CHARS, in_parts
from kg.read.records import Notice, Reading, Record, Skipped
from kg.text.script import to_simplified

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSABLE = ("big5", "cp950", "big5hkscs", "gb18030", "gbk", "utf_16", "utf_32")
_JSONL_FIELDS = ("title", "date", "source", "url", "id")


def read_inputs(
    paths: Iterable[str | Path], *, encoding: str | None = None
) -> Iterator[Record]:
    """Every article under ``paths`` as a Document, in a deterministic order,
    and a :class:`Skipped` or :class:`Notice` for whatever was not read whole.

    All paths are checked before any is read: a missing path, a file named
    explicitly whose type is unknown, or an unknown ``encoding`` raises
    :class:`InputError`.  Nothing else does: a bad file or line is skipped.
    """
    if encoding is not None:
        _check_encoding(encoding)
    taken: set[str] = set()
    for found in find_files(paths):
        if not isinstance(found, Path):
            yield found
            continue
        for record in read_file(found, encoding=encoding):
            yield (
                _with_unique_id(record, taken)
                if isinstance(record, Document)
                else record
            )


def read_paths(
    paths: Iterable[str | Path], *, encoding: str | None = None
) -> Iterator[Document]:
    """The articles under ``paths``, strictly: an input that would be skipped
    raises :class:`InputError`; notices are logged as warnings."""
    for record in read_inputs(paths, encoding=encoding):
        if isinstance(record, Skipped):
            raise InputError(str(record))
        if isinstance(record, Notice):
            logger.warning("%s", record)
        else:
            yield record


def read_all(
    paths: Iterable[str | Path], *, encoding: str | None = None, strict: bool = False
) -> Reading:
    """Everything under ``paths``: documents, inputs skipped, notices.

    ``strict`` makes the first skipped input an :class:`InputError`.  Finding
    no article at all is an :class:`InputError` that says what was found.
    """
    paths = list(paths)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    notices: list[Notice] = []
    for record in read_inputs(paths, encoding=encoding):
        if isinstance(record, Document):
            docs.append(record)
        elif isinstance(record, Notice):
            notices.append(record)
        elif strict:
            raise InputError(f"{record} (--strict stops at the first bad input)")
        else:
            skipped.append(record)
    if not docs:
        raise InputError(nothing_read(paths, skipped, notices))
    return Reading(tuple(docs), tuple(skipped), tuple(notices))


def nothing_read(
    paths: Iterable[str | Path], skipped: list[Skipped], notices: list[Notice]
) -> str:
    given = ", ".join(str(p) for p in paths)
    passed = [str(r) for r in (*skipped, *notices)]
    found = "; ".join(passed[:5]) + (
        f"; … {len(passed) - 5} more" if passed[5:] else ""
    )
    return (
        f"{given}: no article to read ({found or 'no files'}); give files or "
        f"folders of {', '.join(SUFFIXES)} articles"
    )


def _check_encoding(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}; pass a codec name such as "
            "utf-8, gb18030 or big5"
        ) from None


# --------------------------------------------------------------------- files


def read_file(path: Path, *, encoding: str | None = None) -> Iterator[Record]:
    """The articles of one file, or why it was skipped, and any notices."""
    name = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Skipped(name, None, f"cannot be read ({err.strerror})", _PERMISSIONS)
        return
    try:
        text = decode(data, name=name, encoding=encoding)
    except InputError as err:
        yield _skipped(err, name, None)
        return
    if len(text) > MAX_CHARS and path.suffix.lower() != ".jsonl":
        yield Skipped(name, None, *_too_long(len(text)))
        return
    text, dropped = clean_text(_normalise_newlines(text))
    if dropped and not text.strip():
        yield Skipped(name, None, _ONLY_CONTROLS.format(dropped), _BINARY_HINT)
        return
    if dropped:
        yield Notice(name, None, f"{dropped} NUL or control characters dropped")
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_records(text, name=name, stem=path.stem)
        return
    yield from _page_records(path, text)


_PERMISSIONS = "check its permissions"
_ONLY_CONTROLS = "no text, only {} NUL or control characters"
_BINARY_HINT = (
    "is it a binary file, or UTF-16 without a byte-order mark? "
    "pass --encoding utf-16 if so"
)


def _too_long(chars: int) -> tuple[str, str]:
    return (
        f"{chars:,} characters, over the limit of {MAX_CHARS:,} for one article",
        "split it into articles (a .jsonl file holds one a line)",
    )


def _skipped(err: InputError, name: str, line: int | None) -> Skipped:
    """A Skipped from an InputError's ``where: reason; hint`` message."""
    message = str(err)
    for prefix in (f"{name}:{line}: ", f"{name}: "):
        message = message.removeprefix(prefix)
    reason, _, hint = message.rpartition("; ")
    return Skipped(name, line, reason or hint, hint if reason else "fix or remove it")


def _page_records(path: Path, text: str) -> Iterator[Record]:
    name = path.as_posix()
    suffix = path.suffix.lower()
    page, meta = html_text(text) if suffix in (".html", ".htm") else (text, {})
    articles = split_page(to_simplified(page), original=page)
    if not articles:
        yield Notice(name, None, "no article text found")
    url = meta.pop("url", None)
    if url:
        url, notice = _checked_url(url, name, None)
        yield from notice
    fields = {**meta, "url": url} if url else meta
    for n, article in enumerate(articles, start=1):
        doc_id = path.stem if len(articles) == 1 else f"{path.stem}-{n}"
        yield from _parts(article, doc_id=doc_id, path=name, line=None, fields=fields)


def _parts(
    article: ArticleText,
    *,
    doc_id: str,
    path: str,
    line: int | None,
    fields: dict[str, str],
) -> Iterator[Record]:
    parts = in_parts(article)
    if len(parts) > 1:
        yield Notice(
            path,
            line,
            f"an article of {len(article.text):,} characters, read as "
            f"{len(parts)} parts of at most {PART_CHARS:,} (cut at line or "
            "sentence ends); is it really one article?",
        )
    for n, part in enumerate(parts, start=1):
        part_id = doc_id if len(parts) == 1 else f"{doc_id}-p{n}"
        yield _document(part, doc_id=part_id, path=path, fields=fields)


def _checked_url(
    value: str, name: str, line: int | None
) -> tuple[str | None, list[Notice]]:
    url, problem = web_address(value)
    if problem is None:
        return url, []
    message = (
        f"url {value!r} dropped: {problem}; the article is read without it "
        "(write a full http:// or https:// address)"
    )
    return None, [Notice(name, line, message)]


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


def _jsonl_records(text: str, *, name: str, stem: str) -> Iterator[Record]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line) > MAX_CHARS:
            yield Skipped(name, lineno, *_too_long(len(line)))
            continue
        try:
            fields = _record(line, where=f"{name}:{lineno}")
            yield from _record_documents(
                fields, name=name, line=lineno, stem=f"{stem}-{lineno}"
            )
        except InputError as err:
            yield _skipped(err, name, lineno)


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
        raise InputError(
            f"{where}: expected a JSON object with a 'text' field; "
            "write one JSON object per line"
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: 'text' is missing or empty; give the article text")
    fields = {"text": clean_text(text)[0]}
    for key in _JSONL_FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, int) and key == "id":
            value = str(value)
        if not isinstance(value, str):
            raise InputError(
                f"{where}: '{key}' must be a string, not {value!r}; quote it"
            )
        fields[key] = clean_text(value)[0].strip()
    return fields


def _record_documents(
    fields: dict[str, str], *, name: str, line: int, stem: str
) -> Iterator[Record]:
    raw = _normalise_newlines(fields["text"])
    title = " ".join(fields.get("title", "").split())
    if title and not raw.lstrip().startswith(title):
        raw = f"# {title}\n\n{raw}"
    article = read_article(to_simplified(raw), original=raw)
    if article is None:
        yield Notice(name, line, "no article text found")
        return
    checked = dict(fields)
    if "date" in fields:
        date = normalise_date(fields["date"])
        if date is None:
            raise InputError(
                f"{name}:{line}: 'date' {fields['date']!r} is not a date; "
                "use yyyy-mm-dd"
            )
        checked["date"] = date
    if "url" in fields:
        url, notices = _checked_url(fields["url"], name, line)
        yield from notices
        checked.pop("url")
        checked.update({"url": url} if url else {})
    doc_id = fields.get("id") or stem
    yield from _parts(article, doc_id=doc_id, path=name, line=line, fields=checked)
