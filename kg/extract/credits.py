"""Credits: the outlets, editors and units that an article's meta lines name.

The reader (:mod:`kg.read.pages`) takes the authors of bylines into
``Document.authors`` (the ``people`` extractor makes them authors); the meta
lines stay in the text, and this extractor reads them again for the rest:

* the outlets a byline or a date line prints (``工人日报-中工网记者 某某``,
  ``某某商报 2024年5月8日``, ``（某某日报记者 某某）``): media organisations,
  located in the place their name starts with (``包头日报`` → 包头市);
* editors (``（编辑：某某）``, ``责任编辑：某某``): people, not authors;
* the unit printed after the names (``作者：甲 乙（某某市总工会）``): an
  organisation, and a post with no title for each author in it.

A ``来源：`` line's outlet is also the document's source, which the
``organizations`` extractor names as written; this one adds where it is.
"""

from __future__ import annotations

import re

from kg.extract.base import Context, Found
from kg.extract.chains import located
from kg.extract.gazetteer import Gazetteer
from kg.extract.org_names import canonical
from kg.extract.org_suffixes import suffix_kind
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.read.bylines import MetaLine, parse_meta_line

_MAX_LINE = 80
# Words without which a line names no outlet, editor or unit.
_CREDIT_HINT = re.compile(
    r"记者|通讯员|编辑|责编|作者|摄|文/|文／|图/|报|网|社|台|频道|客户端|中心"
)
# A source that is an outlet (某某日报, 人民网-江西频道), not a unit that
# published a notice (来源：某某市委组织部).
_MEDIA = re.compile(r"(?:报|报社|网|台|社|客户端|频道|新闻|杂志|媒体中心)$")


def extract(ctx: Context) -> Found:
    mentions: list[Mention] = []
    relations: list[Relation] = []
    text = ctx.doc.text
    start = 0
    for line in text.split("\n"):
        if len(line) <= _MAX_LINE and _CREDIT_HINT.search(line):
            meta = parse_meta_line(line)
            if meta is not None:
                _read_line(ctx, start, line, meta, mentions, relations)
        start += len(line) + 1
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _read_line(
    ctx: Context,
    start: int,
    line: str,
    meta: MetaLine,
    mentions: list[Mention],
    relations: list[Relation],
) -> None:
    for outlet in meta.outlets:
        org = _organisation(ctx, start, line, outlet)
        mentions.append(org)
        relations.extend(_located(ctx, org))
    if meta.source and _MEDIA.search(meta.source):  # named by organizations
        relations.extend(_located(ctx, _organisation(ctx, start, line, meta.source)))
    for editor in meta.editors:
        at = start + max(line.find(editor[0]), 0)
        mentions.append(Mention(Kind.PERSON, at, at + len(editor), editor, editor))
    if meta.affiliation:
        unit = _organisation(ctx, start, line, meta.affiliation)
        mentions.append(unit)
        relations.extend(_located(ctx, unit))
        for author in meta.authors:
            relations.append(
                Relation(
                    RelKind.POST,
                    entity_key(Kind.PERSON, author),
                    entity_key(Kind.ORGANIZATION, unit.name),
                    evidence=ctx.evidence(unit.start),
                )
            )


def _organisation(ctx: Context, start: int, line: str, name: str) -> Mention:
    at = start + max(line.find(name), 0)
    return Mention(
        Kind.ORGANIZATION,
        at,
        at + len(name),
        name,
        canonical(name),
        subtype=suffix_kind(name) or "Media",
        place=_place_code(ctx, name),
    )


def _place_code(ctx: Context, name: str) -> str | None:
    """The district an organisation's name starts with (包头 in 包头日报)."""
    gazetteer = Gazetteer.default()
    home = (gazetteer.get(ctx.home),) if ctx.home else ()
    for size in range(min(len(name) - 2, 7), 1, -1):
        head = name[:size]
        for form in (head, head + "市"):
            place = gazetteer.resolve(form, home) if gazetteer.lookup(form) else None
            if place is not None:
                return place.id
    return None


def _located(ctx: Context, org: Mention) -> tuple[Relation, ...]:
    if org.place is None:
        return ()
    place = Gazetteer.default().get(org.place)
    return (located(org, place, ctx.evidence(org.start)),)
