"""Which body a meeting or a congress elects for: the body an election names
with no organisation of its own (``经费审查委员会第一次会议选举甲为主任``,
``某工会召开会员代表大会……甲当选为主席``).  Used by
:mod:`kg.extract.appointments`.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract import chains
from kg.extract.appointees import CLAUSE_BREAK
from kg.extract.base import Context
from kg.model import Kind, Mention
from kg.text.marks import NUMERAL

_MEETING = re.compile(r"[^，。；,;]{0,12}?(会议|全委会|大会|常委会议)")
_ORDINAL = re.compile(f"第{NUMERAL}[届次].*$")


def meeting_body(ctx: Context, verb: int) -> Mention | None:
    """经费审查委员会第一次会议选举甲为主任: the body whose meeting elects,
    named at the head of the clause."""
    text = ctx.doc.text
    clause = verb
    while clause > 0 and text[clause - 1] not in CLAUSE_BREAK:
        clause -= 1
    meeting = _MEETING.match(text, clause)
    if meeting is not None:  # 经费审查委员会第一次会议: a union's body
        body = _ORDINAL.sub("", text[clause : meeting.start(1)])
        found = chains.union_body(ctx, clause, body, clause + len(body))
        if found is not None:
            return found
    for org in ctx.of_kind(Kind.ORGANIZATION):
        meeting = _MEETING.match(text, org.end) if org.start == clause else None
        if meeting is None:
            continue
        body = _ORDINAL.sub("", text[org.end : meeting.start(1)])
        if not body:
            return org
        if chains.is_body(body):  # 某某总工会经费审查委员会第一次会议
            return chains.new_body(ctx, org, body, org.start, org.end + len(body))
    return None


_HOLDS_ELECTION = re.compile(
    r"(?:于[^，。；]{0,12}?)?(?:召开|举行|举办|早前举行|日前召开|近日召开)"
    r"[^，。；]{0,16}?(?:代表大会|会员大会|全体会议|换届选举|换届大会|大会)"
    r"|(?:第[^，。；]{1,6}?[届次])?(?:会员代表大会|代表大会|会员大会|换届选举大会)"
)
_THIS_BODY = re.compile(r"(?:该|本)(?=会[^议])")


def electing_body(ctx: Context, verb: int) -> Mention | None:
    """某工会召开会员代表大会，选举产生新一届委员会：甲当选为主席: the body
    that holds the congress earlier in the sentence elects (该会 and 本会 are
    the association named most often before, the first of those)."""
    text = ctx.doc.text
    sentence = ctx.sentence_at(verb)
    holders = [
        org
        for org in ctx.of_kind(Kind.ORGANIZATION)
        if sentence.start <= org.start
        and org.end <= verb
        and _HOLDS_ELECTION.match(text, org.end)
    ]
    if holders:
        return max(holders, key=lambda m: m.end)
    this = _THIS_BODY.match(text, sentence.start)
    if this is None or not _HOLDS_ELECTION.match(text, this.end() + 1):
        return None
    before = [
        org
        for org in ctx.of_kind(Kind.ORGANIZATION)
        if org.end <= sentence.start and org.name.endswith("会")
    ]
    if not before:
        return None
    times = Counter(org.name for org in before)  # the one the article is about
    return min(before, key=lambda m: (-times[m.name], m.start))
