"""Joining lines the page layout broke, and splitting a page into articles.

A page is read line by line.  Each non-empty line is one of

* a **heading**: a markdown ``#`` line (hashes stripped).  In a page with no
  markdown heading at all, also a short line (at most 36 characters) without
  sentence punctuation or commas that stands after a finished sentence and
  before more text;
* a **meta line**: a byline ``（记者 王 某 通讯员 李某）``, ``(曹某某)``,
  ``作者：某某``, ``文/某某``, ``记者 某某``, ``本报讯（记者 某某）``,
  ``（某某日报记者 某某）``; a source ``来源：某某日报``; a dateline
  ``2023年5月12日``; an editor ``责任编辑：某某`` (see
  :func:`kg.read.bylines.parse_meta_line`);
* a **standalone line**: a short numbered section head (``一、…``,
  ``（二）…``) or a photo caption (``图为…``), kept as its own paragraph;
* **body text**.

Layout repair: a body paragraph of at least 12 characters that does not end a
sentence (``。！？；：…”`` and their ASCII forms, possibly followed by closing
brackets) is joined to the next body line, so ``…直补企业、直`` + blank line
+ ``补培训机构…`` becomes one sentence.  Headings and meta lines are never
joined.

Articles: a new article starts at a heading that follows body text, and at
body text that follows a *trailing byline* (a byline after body text).
Consecutive headings form one headline (kicker, headline, sub-headline); the
**title is the headline lines joined with a space**.  Meta lines before the
first heading that name no author give the date and source of every article
on the page.  An article's source is its own ``来源：…``, else the page's,
else the outlet its first byline names (``（某某日报记者 某某）``).

An article's text is its headline lines (one per line), a blank line, then
its paragraphs one per line, meta lines kept where they stood so evidence can
quote a byline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from enum import Enum

from kg.model import Span
from kg.read import line_marks
from kg.read.bylines import MetaLine, normalise_date, parse_meta_line

# normalise_date is kg.read.bylines's, re-exported for kg/reader.py.
__all__ = [
    "ArticleText",
    "normalise_date",
    "read_article",
    "repair_layout",
    "split_page",
]

logger = logging.getLogger(__name__)

Piece = tuple[int, int] | str
"""A stretch ``[start, end)`` of the page, or literal text the layout adds."""

_MIN_JOIN = 12
_MAX_HEADING = 36
_MAX_STANDALONE = 40
_MAX_TOP_HEADING = 64
_CLOSING_QUOTES = frozenset("”’」』")
_CELL = r"\S+(?:[ \u3000]\S+)*"
_TABLE_ROW = re.compile(
    rf"{_CELL}(?:(?:[ \u3000]*\t\s*|[ \u3000]{{2,}}){_CELL}){{2,}}"
    r"|[^\s。！？!?]+(?:\u3000[^\s。！？!?]+){4,}"
    r"|[^\n｜|│]+(?:[｜|│][^\n｜|│]+){2,}[｜|│]?"
)
"""A row of a table: three cells or more split by tabs, runs of spaces or
bars (贺某｜男｜1976.09｜……), or five or more split by one full-width space
(崔某　男　1981.07　研究生　……)."""

_END = frozenset("。！？；：…”’」』!?;:")
_CLOSE = frozenset("）)》】〉]")
_NOT_HEADING_END = frozenset("，,、—-（(“‘《")
_MD_HEADING = re.compile(r"(#{1,6})[ \t\u3000]+(.*?)[ \t#]*")
_STANDALONE = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]"
    r"|\d{1,2}[、．](?!\d)|图为|图[:：]|[▲△■●◆])"
)
_INLINE_BYLINE = re.compile(r".{0,24}?(?:讯|电)[】\]]?\s*([（(][^（()）]{2,40}[）)])")
# With no 讯/电 before it, the bracket opening a paragraph is a byline only
# when it says who wrote: （记者 某某 通讯员 某某）5月15日上午，…, and Taiwan's
# 〔记者某某／综合报导〕据……
_BARE_BYLINE = re.compile(
    r"\s*([（(〔][^（()）〔〕]{0,20}(?:记者|通讯员|特约|作者|撰稿)[^（()）〔〕]{1,30}[）)〕])"
)


# -------------------------------------------------------------------- blocks


class _Kind(Enum):
    HEADING = "heading"
    META = "meta"
    STANDALONE = "standalone"
    BODY = "body"


@dataclass
class _Block:
    """One paragraph of the page: pieces of the page joined into one line."""

    kind: _Kind
    pieces: list[Piece]
    raw: Span
    meta: MetaLine | None = None

    @property
    def end(self) -> int:
        return self.raw.end


def _lines(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(Span(start, end))
    return spans


def _ends_sentence(text: str, start: int, end: int) -> bool:
    i = end - 1
    while i > start and text[i] in _CLOSE:
        i -= 1
    return text[i] in _END


def _intrinsic(text: str, line: Span) -> _Block | None:
    """The block a line is by itself, or ``None`` for plain text."""
    raw = text[line.start : line.end]
    heading = _MD_HEADING.fullmatch(raw)
    if heading and heading.group(2):
        start = line.start + heading.start(2)
        return _Block(_Kind.HEADING, [(start, start + len(heading.group(2)))], line)
    meta = parse_meta_line(raw)
    if meta is not None:
        return _Block(_Kind.META, [(line.start, line.end)], line, meta)
    if len(raw) <= _MAX_STANDALONE and _STANDALONE.match(raw):
        return _Block(_Kind.STANDALONE, [(line.start, line.end)], line)
    return None


def _is_open(block: _Block, text: str) -> bool:
    """Whether a body block broke off mid-sentence and takes the next line."""
    if block.kind is not _Kind.BODY:
        return False
    length = sum(p[1] - p[0] if isinstance(p, tuple) else len(p) for p in block.pieces)
    return length >= _MIN_JOIN and not _ends_sentence(text, block.raw.start, block.end)


def _headline_like(
    text: str, line: Span, *, longest: int = _MAX_HEADING, quoted: bool = False
) -> bool:
    raw = text[line.start : line.end]
    quoted_word = quoted and raw[-1] in _CLOSING_QUOTES and raw[-2:-1] not in _END
    return (
        len(raw) <= longest
        and (quoted_word or not _ends_sentence(text, line.start, line.end))
        and raw[-1] not in _NOT_HEADING_END
        and not any(mark in raw for mark in "。！？!?，,；;")
    )


def _join(block: _Block, text: str, line: Span) -> None:
    before, after = text[block.end - 1], text[line.start]
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        block.pieces.append(" ")
    block.pieces.append((line.start, line.end))
    block.raw = Span(block.raw.start, line.end)


def _blocks(text: str) -> list[_Block]:
    lines = _lines(text)
    markdown = any(_MD_HEADING.fullmatch(text[s.start : s.end]) for s in lines)
    metas = [_intrinsic(text, line) for line in lines]
    blocks: list[_Block] = []
    listing = appendix = False
    for i, line in enumerate(lines):
        block = metas[i]
        following = metas[i + 1] if i + 1 < len(metas) else None
        appendix = appendix or (
            bool(blocks)
            and line_marks.APPENDIX.match(text, line.start, line.end) is not None
        )
        if block is not None:
            blocks.append(block)
        elif (
            _TABLE_ROW.fullmatch(text, line.start, line.end)
            or (listing and (_headline_like(text, line) or _list_item(text, line)))
            or (appendix and not markdown)
            or (blocks and _signature(text, line, following))
            or (blocks and line_marks.NOTICE_TAIL.match(text, line.start, line.end))
            or (blocks and line_marks.LIST_TITLE.fullmatch(text, line.start, line.end))
        ):
            blocks.append(_Block(_Kind.STANDALONE, [(line.start, line.end)], line))
        elif blocks and _is_open(blocks[-1], text):
            _join(blocks[-1], text, line)
        elif (
            not markdown
            and i + 1 < len(lines)
            and _heading_at(text, line, following, top=_at_top(blocks))
        ):
            blocks.append(_Block(_Kind.HEADING, [(line.start, line.end)], line))
        else:
            blocks.append(_Block(_Kind.BODY, [(line.start, line.end)], line))
        listing = _introduces_list(blocks[-1], text) or (
            blocks[-1].kind is _Kind.STANDALONE
            and (
                listing
                or line_marks.SECTION.match(text, blocks[-1].raw.start) is not None
                or line_marks.LIST_TITLE.fullmatch(text, line.start, line.end)
                is not None
            )
        )
    return blocks


def _signature(text: str, line: Span, following: _Block | None) -> bool:
    """某某县人民政府 above a date line, after the text: who signs a notice,
    not the headline of another article."""
    return (
        following is not None
        and following.meta is not None
        and following.meta.date is not None
        and not following.meta.authors
        and line_marks.SIGNER.fullmatch(text, line.start, line.end) is not None
    )


_BRACKETED = re.compile(r"[（(][^（()）\n]*[)）]")


_LABEL = re.compile(r"^[^：:，,。]{1,10}[：:]")
"""合肥市：甲（…）、乙（…）: the label that opens a line of a list."""


def _list_item(text: str, line: Span) -> bool:
    """A line of a list that notes in brackets (甲（女，布依族，某某公司质检员）):
    a headline-like line once its brackets are dropped."""
    raw = text[line.start : line.end]
    bare = _LABEL.sub("", _BRACKETED.sub("", raw), count=1)
    return (
        0 < len(bare) < len(raw) <= _MAX_TOP_HEADING
        and bare[-1] not in _NOT_HEADING_END
        and not any(mark in bare for mark in "。！？!?，,；;：:")
    )


def _introduces_list(block: _Block, text: str) -> bool:
    """A paragraph ending in a colon announces the lines after it
    (``名单如下：``, ``当选常务委员的有：``): they are a list, not headings."""
    return block.kind is _Kind.BODY and text[block.end - 1] in "：:"


def _heading_at(text: str, line: Span, following: _Block | None, *, top: bool) -> bool:
    """A short line before more text.  At the top of the page a headline may
    end in a quoted word (聚力建设“百亿强企”); right before a byline, source
    or date line it may be as long as headlines go."""
    if following is not None and following.kind is _Kind.META:
        return _headline_like(text, line, longest=_MAX_TOP_HEADING, quoted=True)
    return _headline_like(text, line, quoted=top)


def _at_top(blocks: list[_Block]) -> bool:
    return all(b.kind in (_Kind.HEADING, _Kind.META) for b in blocks)


def _render(pieces: list[Piece], text: str) -> str:
    return "".join(p if isinstance(p, str) else text[p[0] : p[1]] for p in pieces)


def repair_layout(text: str) -> str:
    """``text`` with lines the layout broke joined; one blank line between paragraphs.

    Headings are kept as written (with their ``#``), meta lines too.
    """
    paragraphs = []
    for block in _blocks(text):
        if block.kind is _Kind.HEADING:
            paragraphs.append(text[block.raw.start : block.raw.end])
        else:
            paragraphs.append(_render(block.pieces, text))
    return "\n\n".join(paragraphs)


# ------------------------------------------------------------------ articles


@dataclass(frozen=True)
class ArticleText:
    """One article cut from a page; ``text`` and ``original`` of equal length."""

    text: str
    original: str
    title: str | None = None
    body_start: int = 0
    byline: Span | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    date: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass
class _Draft:
    heads: list[_Block] = field(default_factory=list)
    body: list[_Block] = field(default_factory=list)
    has_text: bool = False
    closed: bool = False


def _assemble(blocks: list[_Block], *, single: bool) -> tuple[list[_Draft], MetaLine]:
    """Group blocks into articles; also the page-wide date and source."""
    drafts: list[_Draft] = []
    page = MetaLine()
    for block in blocks:
        current = drafts[-1] if drafts else None
        meta = block.meta
        if current is None and meta is not None and not meta.authors:
            page = MetaLine(
                source=page.source or meta.source, date=page.date or meta.date
            )
            continue
        if current is None or _starts_article(current, block, single=single):
            current = _Draft()
            drafts.append(current)
        _add(current, block, single=single)
    return drafts, page


def _starts_article(draft: _Draft, block: _Block, *, single: bool) -> bool:
    if single:
        return False
    if block.kind is _Kind.HEADING:
        return bool(draft.body) or draft.closed
    return block.kind is not _Kind.META and draft.closed


def _add(draft: _Draft, block: _Block, *, single: bool) -> None:
    if block.kind is _Kind.HEADING and not draft.body:
        draft.heads.append(block)
        return
    draft.body.append(block)
    if block.kind is _Kind.META:
        if block.meta and block.meta.authors and draft.has_text and not single:
            draft.closed = True
    else:
        draft.has_text = True


def _finish(draft: _Draft, page: MetaLine, simple: str, original: str) -> ArticleText:
    pieces: list[Piece] = []
    for i, head in enumerate(draft.heads):
        if i:
            pieces.append("\n")
        pieces.extend(head.pieces)
    if draft.heads:
        pieces.append("\n\n")
    body_start = _length(pieces)
    starts = []
    for i, block in enumerate(draft.body):
        if i:
            pieces.append("\n")
        starts.append(_length(pieces))
        pieces.extend(block.pieces)
    text = _render(pieces, simple)
    title = " ".join(_render(h.pieces, simple) for h in draft.heads) or None
    metas = [
        (b.meta, start) for b, start in zip(draft.body, starts, strict=True) if b.meta
    ]
    credits, byline = _credits(metas, text, draft.body, starts)
    source = next((m.source for m, _ in metas if m.source), None)
    return ArticleText(
        text=text,
        original=_render(pieces, original),
        title=title,
        body_start=body_start,
        byline=byline,
        authors=credits.authors,
        source=source or page.source or credits.outlet,
        date=next((m.date for m, _ in metas if m.date), page.date)
        or lead_date(text[body_start:]),
    )


_LEAD_DATE_WINDOW = 40
"""How far into the body a date still dates the article: 本报讯 2023年6月8日…"""


def lead_date(body: str) -> str | None:
    """The date a body opens with (``2022年7月12日上午，…``), when no dateline
    gave one: the first full date in the first sentence's opening characters."""
    opening = body.lstrip()[:_LEAD_DATE_WINDOW]
    opening = opening.split("。", 1)[0]
    return normalise_date(opening)


def _length(pieces: list[Piece]) -> int:
    return sum(p[1] - p[0] if isinstance(p, tuple) else len(p) for p in pieces)


def _credits(
    metas: list[tuple[MetaLine, int]], text: str, body: list[_Block], starts: list[int]
) -> tuple[MetaLine, Span | None]:
    """Authors and first outlet of all bylines, and the span of the first byline.

    Without a byline line, an inline byline at the start of the first paragraph.
    """
    authors: list[str] = []
    outlet: str | None = None
    byline: Span | None = None
    for meta, start in metas:
        outlet = outlet or meta.outlet
        if meta.authors:
            authors.extend(a for a in meta.authors if a not in authors)
            if byline is None:
                line_end = text.find("\n", start)
                byline = Span(start, len(text) if line_end < 0 else line_end)
    if authors:
        return MetaLine(authors=tuple(authors), outlet=outlet), byline
    return _inline_byline(text, body, starts)


def _inline_byline(
    text: str, body: list[_Block], starts: list[int]
) -> tuple[MetaLine, Span | None]:
    """``本报讯（记者 王某 通讯员 李某）…``, or ``（记者 王某）…`` with no 讯,
    at the start of one of the first two paragraphs (the first may be a
    headline the layout did not mark)."""
    paragraphs = [i for i, b in enumerate(body) if b.kind is _Kind.BODY][:2]
    for index in paragraphs:
        match = _INLINE_BYLINE.match(text, starts[index]) or _BARE_BYLINE.match(
            text, starts[index]
        )
        meta = parse_meta_line(match.group(1)) if match else None
        if match is not None and meta is not None and meta.authors:
            return meta, Span(match.start(1), match.end(1))
    return MetaLine(), None


def split_page(text: str, *, original: str | None = None) -> list[ArticleText]:
    """The articles of a page, layout repaired; see the module docs for the rules.

    ``text`` is the Simplified page that the rules read; ``original``, of the
    same length, the page as written (``text`` itself when not given).
    """
    return _articles(text, original, single=False)


def read_article(text: str, *, original: str | None = None) -> ArticleText | None:
    """``text`` as one article: layout repaired, headline and bylines read.

    Headings after the body stay in the body; ``None`` if there is no body.
    """
    articles = _articles(text, original, single=True)
    return articles[0] if articles else None


def _articles(text: str, original: str | None, *, single: bool) -> list[ArticleText]:
    original = text if original is None else original
    if len(original) != len(text):
        raise ValueError("text and original differ in length")
    drafts, page = _assemble(_blocks(text), single=single)
    kept = [d for d in drafts if d.has_text]
    if len(kept) < len(drafts):
        logger.debug("dropped %d heading-only articles", len(drafts) - len(kept))
    return [_finish(d, page, text, original) for d in kept]
