"""Government, congress and CPPCC bodies of a place: one name for each.

The genre writes one body many ways, and the graph wants one node:

* ``X市政府`` and ``X市人民政府`` are the city's people's government (outside
  the mainland a ``市政府`` keeps its own name: 台中市政府);
* ``X市第十八届人民代表大会常务委员会``, ``X市十八届人大常委会`` and
  ``X市人大常委会`` are one standing committee; ``X市人民代表大会`` is ``X市人大``;
* ``政协X市委员会``, ``政协X市第六届委员会`` and ``政协第十五届X市委员会`` are
  ``X市政协``; with ``常务委员会`` (or ``常委会``) after them, its standing
  committee ``X市政协常委会``.

Session numbers (第十八届) belong to a body's term, not its name.
"""

from __future__ import annotations

import re

from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_names import org_mention
from kg.model import Kind, Mention

SESSION = re.compile(r"第?[一二三四五六七八九十]{1,3}届")
"""A session number between a place and its body (第十七届, 十八届)."""

OUTSIDE_MAINLAND = ("台湾省", "香港特别行政区", "澳门特别行政区")
_CONGRESS = (
    ("人民代表大会常务委员会", "人大常委会"),
    ("人大常务委员会", "人大常委会"),
    ("人民代表大会", "人大"),
    ("政协常务委员会", "政协常委会"),
)
_CPPCC = re.compile(
    r"(?:中国人民政治协商会议|政协)(?:第[一二三四五六七八九十]{1,3}届)?"
)
_CPPCC_TAIL = re.compile(
    r"(?:第[一二三四五六七八九十]{1,3}届)?委员会(常务委员会|常委会)?"
)


def public_name(place: Place | None, body: str) -> str:
    """The canonical name of ``body`` (the words after the place name)."""
    body = SESSION.sub("", body, count=1) if SESSION.match(body) else body
    for written, name in _CONGRESS:
        if body.endswith(written):
            body = body[: -len(written)] + name
            break
    if body == "政府" and place is not None and _mainland(place):
        body = "人民政府"
    return (place.name if place else "") + body


def _mainland(place: Place) -> bool:
    gaz = Gazetteer.default()
    return gaz.province_of(place).name not in OUTSIDE_MAINLAND


def cppcc_mentions(ctx: Context) -> list[tuple[Mention, Place | None]]:
    """政协X市委员会 (常务委员会): the place's CPPCC committee, named X市政协."""
    text = ctx.doc.text
    if "政协" not in text and "政治协商会议" not in text:
        return []
    places = {m.start: m for m in ctx.of_kind(Kind.DISTRICT) if m.code}
    found: list[tuple[Mention, Place | None]] = []
    for match in _CPPCC.finditer(text):
        district = places.get(match.end())
        if district is None:
            continue
        tail = _CPPCC_TAIL.match(text, district.end)
        if tail is None:
            continue
        place = Gazetteer.default().get(district.code or "")
        name = place.name + ("政协常委会" if tail.group(1) else "政协")
        surface = text[match.start() : tail.end()]
        mention = org_mention(
            match.start(), tail.end(), surface, name, "GovernmentBody", place
        )
        found.append((mention, place))
    return found
