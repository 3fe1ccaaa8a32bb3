"""Government, congress and CPPCC bodies of a place: one name for each.

The genre writes one body many ways, and the graph wants one node:

* ``X市政府`` and ``X市人民政府`` are the city's people's government (outside
  the mainland a ``市政府`` keeps its own name: 台中市政府); ``X区法院`` and
  ``X区检察院`` are its 人民法院 and 人民检察院;
* ``X市第十八届人民代表大会常务委员会``, ``X市十八届人大常委会`` and
  ``X市人大常委会`` are one standing committee; ``X市人民代表大会`` is ``X市人大``;
* ``政协X市委员会``, ``政协X市第六届委员会`` and ``政协第十五届X市委员会`` are
  ``X市政协``; with ``常务委员会`` (or ``常委会``) after them, its standing
  committee ``X市政协常委会``.

Session numbers (第十八届) belong to a body's term, not its name.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract import roles
from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_names import org_mention
from kg.model import Kind, Mention
from kg.text.segmenter import plain_tag

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


_PEOPLES = {"政府": "人民政府", "法院": "人民法院", "检察院": "人民检察院"}
"""Mainland bodies whose full names say 人民, often left out in writing."""
_OFFICE = "办公室"
"""The office of such a body, named after it (县政府办公室)."""


def public_name(place: Place | None, body: str) -> str:
    """The canonical name of ``body`` (the words after the place name)."""
    body = SESSION.sub("", body, count=1) if SESSION.match(body) else body
    for written, name in _CONGRESS:
        if body.endswith(written):
            body = body[: -len(written)] + name
            break
    head = body.removesuffix(_OFFICE)
    if head in _PEOPLES and place is not None and _mainland(place):
        # 乐都区法院 is 乐都区人民法院, 县政府办公室 the 人民政府办公室
        body = _PEOPLES[head] + body[len(head) :]
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
        while district.end in places:  # 政协重庆市渝北区委员会: the last place's
            district = places[district.end]
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


_SAR_BUREAU = re.compile(
    r"(?:(?<=[为任、，,。；;：:\n“原向与和])|(?<=政府)|^)"
    r"((?:(?![为任的是在原向与和])[\u4e00-\u9fff]){2,8}?(?:局|署|司|处))"
    r"(?=(?:代|副|助理)?(?:局长|署长|司长|处长)|行政总裁|总干事|发言人|下一阶段"
    r"|则|将|(?<=局)(?:加强|合作|共同|联合)|[、，,]|[（(](?:下称|以下简称))"
)
_SAR_OWN = re.compile(r"(?:(?<=[与和及同、，,。；;：:\n“])|^)(?:特区政府|立法会)")
"""特区政府, 立法会议员: the region's own government and legislature."""
_SAR_HOMES = ("81", "82")
"""Hong Kong and Macau, whose bureaus the press names with no place."""


def sar_bureaus(ctx: Context) -> list[tuple[Mention, Place | None]]:
    """社会工作局局长甲, 劳工处处长乙, 雇员再培训局（下称……）, 运输署发言人 in
    a Hong Kong or Macau story: the region's bureau, named as the region
    names it (no place before it)."""
    place = _sar_of(ctx)
    if place is None:
        return []
    text = ctx.doc.text
    found: list[tuple[Mention, Place | None]] = []
    placed = {m.end for m in ctx.of_kind(Kind.DISTRICT)}
    for match in _SAR_BUREAU.finditer(text):
        name = match.group(1)
        if match.start(1) in placed or not _plain_words(name[:-1]):
            continue  # 某某合作区商事服务局: the place's, read by the usual rules
        found.append(
            (
                org_mention(
                    match.start(1), match.end(1), name, name, "GovernmentBody", place
                ),
                place,
            )
        )
    for match in _SAR_OWN.finditer(text):
        if match.start() in placed:
            continue
        name = place.name + match.group().removeprefix("特区")
        found.append(
            (
                org_mention(
                    match.start(),
                    match.end(),
                    match.group(),
                    name,
                    "GovernmentBody",
                    place,
                ),
                place,
            )
        )
    return found


def _sar_of(ctx: Context) -> Place | None:
    """Hong Kong or Macau, when two in three of the places the article names
    are there, or the article speaks of it as its own (本港, 本澳: the
    region's press, whatever else the story visits)."""
    codes = [m.code for m in ctx.of_kind(Kind.DISTRICT) if m.code]
    sar = Counter(c[:2] for c in codes if c.startswith(_SAR_HOMES))
    own = [code for word, code in _SAR_SELVES if word in ctx.doc.text]
    if len(own) == 1:
        return Gazetteer.default().get(own[0] + "0000")
    if not sar or 3 * sum(sar.values()) < 2 * len(codes):
        return None
    return Gazetteer.default().get(sar.most_common(1)[0][0] + "0000")


_SAR_SELVES = (("本港", "81"), ("本澳", "82"))
"""How the press of Hong Kong and of Macau calls its own region."""


def _plain_words(words: str) -> bool:
    """A bureau's field (社会工作, 劳工及福利): nouns and verbs, no title or
    function word."""
    return all(
        flag.startswith(("n", "v", "j", "l"))
        or w in ("及", "和")
        or (index > 0 and flag == "d")  # 雇员再培训(局)
        for index, (w, flag) in enumerate(plain_tag(words))
    ) and not roles.role_spans(words)
