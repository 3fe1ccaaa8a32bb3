"""任前公示 tables: one person a row, with the post held now.

A pre-appointment notice prints a header row (``姓名 性别 出生年月 现任职务
拟任职务``) and a row per person, cells split by tabs or by runs of spaces
(a two-character name may be padded inside its cell: ``姜　珊``).  Each row
gives a person and the posts of the *current* post cell, read with the title
chain parser (:func:`kg.extract.chains.parse_chain`).  The proposed post
(拟任) is not held yet: it gives no post.  Cells split by a bar (``｜``,
``|``, ``│``), as plain-text tables print them, are read like tabs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import chains, names
from kg.extract.base import Context, Found
from kg.model import Kind, Mention, Relation

_HEADER = re.compile(
    r"^[^\n]*姓\s*名[^\n]*(?:现任|现职|现工作单位)[^\n]*$", re.MULTILINE
)
_CURRENT = re.compile(r"现任|现职|现工作单位")
_ROW = re.compile(r"[^\n]+")
_SEPARATORS = "\t|｜│"
"""Characters that split cells, in the order tried; else runs of spaces."""
_SPACED_CELL = re.compile(r"\S+(?:[ \u3000]\S+)*")


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    mentions: list[Mention] = []
    relations: list[Relation] = []
    for header in _HEADER.finditer(text):
        tabbed = next((c for c in _SEPARATORS if c in header.group()), None)
        columns = _columns(text, header, tabbed)
        if "姓名" not in columns and tabbed is None:  # 姓名　性别　…: one space
            tabbed = _ONE_SPACE
            columns = _columns(text, header, tabbed)
        if "姓名" not in columns:
            continue
        who = columns.index("姓名")
        now = next((i for i, c in enumerate(columns) if _CURRENT.match(c)), None)
        if now is None:
            continue
        for row in _ROW.finditer(text, header.end() + 1):
            cells = _cells(text, row.start(), row.end(), tabbed)
            if tabbed == _ONE_SPACE:
                cells = _padded_name(text, cells, who, len(columns))
            if len(cells) != len(columns):
                break
            _read_row(ctx, cells[who], cells[now], mentions, relations)
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _columns(text: str, header: re.Match[str], tabbed: str | None) -> list[str]:
    """The header's column titles, blanks inside them left out (姓　名)."""
    cells = _cells(text, header.start(), header.end(), tabbed)
    return [re.sub(r"\s", "", text[s:e]) for s, e in cells]


def _cells(
    text: str, start: int, end: int, tabbed: str | None
) -> list[tuple[int, int]]:
    """The cells of a row: split by the header's separator (a tab, a bar), or
    else by two spaces or more."""
    pattern = _cell_pattern(tabbed) if tabbed else _SPACED_CELL
    cells = [_stripped(text, *m.span()) for m in pattern.finditer(text, start, end)]
    return [(s, e) for s, e in cells if s < e]


@lru_cache(maxsize=8)
def _cell_pattern(separator: str) -> re.Pattern[str]:
    return re.compile(f"[^{re.escape(separator)}\n]+")


_ONE_SPACE = " \u3000"
"""Cells split by one space (a full-width one, as a word processor prints)."""


def _padded_name(
    text: str, cells: list[tuple[int, int]], who: int, columns: int
) -> list[tuple[int, int]]:
    """A two-character name padded inside its cell (姜　珊) is one cell."""
    if len(cells) != columns + 1 or who + 1 >= len(cells):
        return cells
    first, second = cells[who], cells[who + 1]
    if first[1] - first[0] != 1 or second[1] - second[0] != 1:
        return cells
    return [*cells[:who], (first[0], second[1]), *cells[who + 2 :]]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u3000":
        start += 1
    while end > start and text[end - 1] in " \u3000":
        end -= 1
    return start, end


def _read_row(
    ctx: Context,
    who: tuple[int, int],
    now: tuple[int, int],
    mentions: list[Mention],
    relations: list[Relation],
) -> None:
    text = ctx.doc.text
    named = names.read_one(text, who[0]) or names.read_padded(text, who[0])
    if named is None or named.end != who[1]:
        return
    mentions.append(
        Mention(Kind.PERSON, named.start, named.end, text[who[0] : who[1]], named.name)
    )
    chain = chains.parse_chain(ctx, now[1], floor=now[0])
    if chain is None:
        return
    evidence = ctx.evidence(now[0])
    for org, place in chain.new_orgs:
        mentions.append(org)
        if place is not None:
            relations.append(chains.located(org, place, evidence))
    relations.extend(chains.post_relations(named.name, chain, evidence))
