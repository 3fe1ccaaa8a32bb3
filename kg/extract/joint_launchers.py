"""Two bodies named as a pair: ``两部门``, ``双方``, ``两家单位`` stand for the
two organisations the text has just named, and launch the initiative their
sentence or the next one names, when nothing else in the text launches it::

    市人社局与市总工会开展了摸排，两部门据此列出了培训清单。“某某”培育行动
    启动半年来……

    劳工局与职工协会签署合作协议……。双方合办的“某某计划”……

Used by :mod:`kg.extract.launches` as its last resort.
"""

from __future__ import annotations

import re

from kg.extract.base import Context
from kg.model import Kind, Mention, Span

_PAIR = re.compile(r"两部门|双方|两家单位|两单位|两家机构|两机构|两会")
"""Words for the two bodies just named (Traditional text is read Simplified)."""


def pair(ctx: Context, initiative: Mention, actors: list[Mention]) -> list[Mention]:
    """The two organisations 两部门 or 双方 stands for, if it stands in the
    initiative's sentence before it or in the sentence right before."""
    text = ctx.doc.text
    sentence = ctx.sentence_at(initiative.start)
    spans = [Span(sentence.start, initiative.start)]
    before = ctx.sentence_before(sentence)
    if before is not None:
        spans.append(before)
    for span in spans:
        words = list(_PAIR.finditer(text, span.start, span.end))
        if words:
            return _named_before(ctx, words[-1].start(), actors)
    return []


def _named_before(ctx: Context, at: int, actors: list[Mention]) -> list[Mention]:
    """The two organisations named last before ``at``, in its sentence or
    the one before, when they are two bodies of one kind of act (no more
    than two distinct ones there)."""
    sentence = ctx.sentence_at(at)
    start = sentence.start
    named = _organisations(actors, start, at)
    if not named:
        before = ctx.sentence_before(sentence)
        if before is not None:
            named = _organisations(actors, before.start, before.end)
    distinct = list(dict.fromkeys(m.name for m in named))
    if len(distinct) != 2:
        return []
    firsts = {m.name: m for m in reversed(named)}
    return [firsts[name] for name in distinct]


def _organisations(actors: list[Mention], start: int, end: int) -> list[Mention]:
    return [
        m
        for m in actors
        if m.kind is Kind.ORGANIZATION and start <= m.start and m.end <= end
    ]
