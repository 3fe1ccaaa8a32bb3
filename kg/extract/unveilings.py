"""Unveilings: ``某集团工会为“某某劳模创新工作室”揭牌`` — the body that unveils
a studio, a station or a base launches it (gold/GUIDELINES.md: whoever set
it up or unveiled it).

Used by :mod:`kg.extract.launches` when no verb before the initiative names
who launched it.  授牌 (awarding a plaque to a body that exists already) is
left out: the one awarding it is no launcher.
"""

from __future__ import annotations

import re

from kg.extract.base import Context
from kg.model import Mention

_UNVEIL = re.compile(r"(?:举行)?(?:揭牌|揭幕)")
_FOR = re.compile(r"(?:共同|一同|一起)?为$")
"""甲为…揭牌, 甲共同为…揭牌: what stands between the actor and the initiative."""


def unveiled_by(
    ctx: Context, initiative: Mention, actors: list[Mention]
) -> list[Mention]:
    """The actor right before 为 when 揭牌 follows the initiative."""
    text = ctx.doc.text
    if _UNVEIL.match(text, initiative.end) is None:
        return []
    lead = _FOR.search(text, max(0, initiative.start - 3), initiative.start)
    if lead is None:
        return []
    before = [a for a in actors if a.end == lead.start()]
    return [min(before, key=lambda a: a.start)] if before else []
