"""Whose meeting a report is about: the body that holds the meeting, for a
sentence whose subject is the meeting (``会议审议通过了《…》``, ``会议提出，
今年将在全市实施“…”``).  Used by :mod:`kg.extract.launches`.

The holder is the first organisation the article names right before its
meeting: ``某集团有限公司（以下简称“某集团”）第五届职工代表大会第三次会议``,
``某公司召开第三届职工代表大会第二次会议``, ``某市总工会十六届五次全委（扩大）
会议``, ``县委常委会（扩大）会议``, ``某市人大常委会第二十一次会议``,
``县政府第46次常务会议``, ``三届二次职工代表大会暨2023年工作会议``.
"""

from __future__ import annotations

import re

from kg.extract.base import Context
from kg.model import Kind, Mention, Span
from kg.text.marks import NUMERAL

_HOLDS = re.compile(
    r"(?:（[^（）\n]{1,24}）)?"  # （以下简称“某集团”）
    r"(?:主持)?(?:召开|举行)?(?:了)?"
    rf"(?:第?{NUMERAL}届)?(?:第?{NUMERAL}次)?"
    r"(?:(?:职工代表大会|职代会|会员代表大会|代表大会)"
    r"|(?:全委|常委会|党委会|执委会|委员会|董事会)?"
    rf"(?:第{NUMERAL}次)?(?:全体|常务|主任|党组|扩大|（扩大）)*(?:会议|大会))"
)
"""What follows a body that holds a meeting (see the module doc)."""
_SUBJECT = re.compile(r"\s*(?:会议|大会|全会|会上)(?:还|也|同时|并)?")
"""A sentence whose subject is the meeting."""


def holder(ctx: Context) -> Mention | None:
    """The body whose meeting the article reports: the first organisation
    it names right before a meeting (see the module doc)."""
    text = ctx.doc.text
    orgs = sorted(ctx.of_kind(Kind.ORGANIZATION), key=lambda m: m.start)
    for org in orgs:
        if org.name.endswith("会议") or _HOLDS.match(text, org.end):
            return _committee(org, orgs)
    return None


_STANDING = re.compile(r"(.+委)常委会(?:（扩大）|\(扩大\))?(?:会议)?")
"""县委常委会（扩大）会议: the meeting of a Party committee's standing
committee (not a congress's 人大常委会)."""


def _committee(holder: Mention, orgs: list[Mention]) -> Mention | None:
    """A Party committee's standing committee meets for the committee (县委
    常委会会议 adopts the 县委's plan): the committee when the article names
    it, else nobody (a document's title may still name its issuer:
    :mod:`kg.extract.issuers`)."""
    standing = _STANDING.fullmatch(holder.name)
    if standing is None or standing.group(1).endswith("人大"):
        return holder
    names = {standing.group(1), _DOUBLED_LEVEL.sub(r"\1委", standing.group(1))}
    return next((o for o in orgs if o.name in names), None)


_DOUBLED_LEVEL = re.compile(r"([县市区旗])\1委$")
"""泾县县委 is named 泾县委."""


def meeting_subject(text: str, sentence: Span) -> bool:
    """The sentence opens with the meeting as its subject (会议, 大会, 全会,
    会上)."""
    return _SUBJECT.match(text, sentence.start, sentence.end) is not None
