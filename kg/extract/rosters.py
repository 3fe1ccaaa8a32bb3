"""Rosters: the office holders a body's list prints a title a line, as
election results and 名单 do::

    集团工会第三届委员会
    主　席：谭某某
    副主席：邢某某　张某某（女）
    委　员（按姓氏笔画为序）：
    马　某　王　某　邢某某　刘某某（女）……

A roster line is a title (its letters may be spaced out to line up: 主　席),
a note in brackets, a colon, and the names on the line or on the lines
below it.  The titles are posts in the body the heading above the lines
names: a session's committee (第三届委员会, 第十八届执行委员会) is the body it
belongs to, a body named under it (经费审查委员会, 女职工委员会) is that body,
and a heading ending in 名单 or in the titles it lists is read without them.
A line with no heading above it is left to the title-chain readers: ``主持：``
or ``记者：`` lines name no body.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract import chains, names, roles
from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.text.lines import lines_above
from kg.text.marks import THIS_SESSION

_PAD = " \u3000"
_LINE = re.compile(
    r"^[ \u3000]*((?:[\u4e00-\u9fff][ \u3000]?){1,7}[\u4e00-\u9fff])"
    r"(?:[（(][^（）()\n]{1,16}[)）])?[：:][ \u3000]*",
    re.M,
)
"""A title, maybe spaced out, a note, a colon: 委　员（按姓氏笔画为序）："""
_SESSION = re.compile(f"^{THIS_SESSION}")
"""A session before the body: 第三届委员会, 第十八届执行委员会."""
_COMMITTEE = ("执行委员会", "常务委员会", "委员会", "理事会", "领导班子")
"""What a session's body is called: the body it belongs to."""
_LISTED = re.compile(r"(?:组成)?(?:人员)?名单$")
_HEADING_AT_MOST = 40
_SEPARATORS = "、，," + _PAD


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    mentions: list[Mention] = []
    relations: list[Relation] = []
    bodies: dict[int, Mention | None] = {}
    for match in _LINE.finditer(text):
        role = "".join(c for c in match.group(1) if c not in _PAD)
        if roles.split_roles(role) is None:
            continue
        people = _names(text, match.end())
        if not people:
            continue
        body = _heading_body(ctx, match.start(), bodies, mentions, relations)
        if body is None:
            continue
        evidence = ctx.evidence(match.start())
        for person in people:
            mentions.append(
                Mention(
                    Kind.PERSON,
                    person.start,
                    person.end,
                    text[person.start : person.end],
                    person.name,
                )
            )
            relations.append(
                Relation(
                    RelKind.POST,
                    entity_key(Kind.PERSON, person.name),
                    entity_key(Kind.ORGANIZATION, body.name),
                    roles=(role,),
                    evidence=evidence,
                )
            )
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _names(text: str, start: int) -> list[names.Named]:
    """The names after a roster title: on its line, else on the lines below
    it, up to the next title or a line that holds anything but names."""
    line_end = _line_end(text, start)
    if text[start:line_end].strip(_PAD):
        return _line_names(text, start, line_end) or []
    found: list[names.Named] = []
    position = line_end + 1
    while position < len(text):
        end = _line_end(text, position)
        if _LINE.match(text, position) or not text[position:end].strip(_PAD):
            break
        listed = _line_names(text, position, end)
        if listed is None:
            break
        found.extend(listed)
        position = end + 1
    return found


def _line_names(text: str, start: int, end: int) -> list[names.Named] | None:
    """The names of a line that holds nothing else (notes after them aside);
    ``None`` if anything else is on it."""
    found: list[names.Named] = []
    position = start
    while position < end:
        while position < end and text[position] in _SEPARATORS:
            position += 1
        if position >= end:
            break
        listed = names.read_name_list(text, position)
        if not listed:
            return None
        found.extend(listed)
        position = _after_note(text, listed[-1].end, end)
    return found


_NOTE = re.compile(r"[（(][^（）()\n]{1,10}[)）]")


def _after_note(text: str, position: int, end: int) -> int:
    note = _NOTE.match(text, position, end)
    return note.end() if note else position


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _heading_body(
    ctx: Context,
    line: int,
    bodies: dict[int, Mention | None],
    mentions: list[Mention],
    relations: list[Relation],
) -> Mention | None:
    """The body the heading above the roster line at ``line`` names: the first
    line above that is neither a roster line nor a line of names (``bodies``:
    those read so far, by where their heading starts)."""
    text = ctx.doc.text
    for start, end in lines_above(text, line):
        heading = (
            text[start:end].strip(_PAD)
            and not _LINE.match(text, start)
            and _line_names(text, start, end) is None
        )
        if heading:
            if start not in bodies:
                bodies[start] = _body(ctx, start, end, mentions, relations)
            return bodies[start]
    return None


def _body(
    ctx: Context,
    start: int,
    end: int,
    mentions: list[Mention],
    relations: list[Relation],
) -> Mention | None:
    """The body a heading ``[start, end)`` names, if it names one."""
    text = ctx.doc.text
    while start < end and text[start] in _PAD:
        start += 1
    if end - start > _HEADING_AT_MOST or any(c in "：:。，" for c in text[start:end]):
        return None
    named = [
        m for m in ctx.starting_in(Kind.ORGANIZATION, start, start) if m.end <= end
    ]
    if not named:
        return None
    read = max(named, key=lambda m: m.end)
    org = _without_session(read)
    if org is not read:
        mentions.append(org)  # the union a 某某工会第四届委员会 is of
    rest = _trimmed(text[org.end : end].rstrip(_PAD))
    if not rest:
        return org
    if not chains.is_body(rest):
        return None
    body = chains.new_body(ctx, org, rest, start, end)
    mentions.append(body)
    if org.place:
        home = Gazetteer.default().get(org.place)
        if home is not None:
            relations.append(chains.located(body, home, ctx.evidence(start)))
    return body


_SESSION_AT_END = re.compile(f"{THIS_SESSION}(?:{'|'.join(_COMMITTEE)})$")


def _without_session(org: Mention) -> Mention:
    """某某工会第四届委员会 read as one name: the union."""
    session = _SESSION_AT_END.search(org.name)
    if session is None or session.start() == 0:
        return org
    return replace(org, name=org.name[: session.start()])


def _trimmed(rest: str) -> str:
    """The body named after the organisation in a heading, without the
    session and the list it announces: 经费审查委员会 stays, 第三届委员会 and
    第十八届执行委员会主席、副主席名单 are the organisation itself ('')."""
    if _LISTED.search(rest):
        items = re.split("[、和及]", _LISTED.sub("", rest))
        if all(_ends_in_title(item) for item in items):
            first = roles.role_spans(items[0])[-1][0]
            rest = items[0][:first]
    rest = _SESSION_AT_END.sub("", _SESSION.sub("", rest))
    for committee in _COMMITTEE:
        if rest.endswith(committee) and rest[: -len(committee)] in ("", "工会"):
            return rest[: -len(committee)]  # 第三届工会委员会: the union
    return rest


def _ends_in_title(item: str) -> bool:
    spans = roles.role_spans(item)
    return bool(spans) and spans[-1][1] == len(item)
