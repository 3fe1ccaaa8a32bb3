"""launchedBy: who set up, issued or runs an initiative.

Two shapes carry it in the genre, both within one sentence:

* an actor, a launch verb, then the initiative:
  ``洛社镇总工会新推出的“车间课堂”``, ``某市总工会联合某党校等8家单位，成立“…联盟”``
  (every actor joined by 联合/和/与/、 before the verb launches it);
* an actor directly followed by its initiatives:
  ``某集团“星级员工评定”``, ``某公司“职群管理”“职位转换”``.

An actor is an organisation or a district; an organisation inside a title
chain (江阴市总工会主席张某表示…) speaks through its officer and is no actor.
"""

from __future__ import annotations

import re

from kg.extract import roles
from kg.extract.base import Context, Found
from kg.model import Kind, Mention, Relation, RelKind, entity_key

LAUNCH_VERBS = re.compile(
    r"推出|出台|成立|组建|制定|印发|发布|开展|举办|实施|启动|打造|建立|创建|发起|推行|"
    r"推广|设立|开设|创办|做强做优|做优做强|打响|培育|探索|牵头|主办|承办|深化|建成|"
    r"新建|升级|以|签署|签订|共同实施|开办|设计"
)
_JOINERS = re.compile(r"^[将要已正还也又共同]{0,3}(?:、|和|与|及|以及|联合|会同|携手)$")
# A place after these is where something happens, not who does it.
_LOCATIVE = ("在", "于", "到", "赴", "来到", "走进", "深入", "前往", "位于")
_QUOTES = '“”"《》「」『』 '
_YEAR = re.compile(r"\d{4}年度?")


def extract(ctx: Context) -> Found:
    relations: list[Relation] = []
    actors = _actors(ctx)
    for initiative in ctx.of_kind(Kind.INITIATIVE):
        sentence = ctx.sentence_at(initiative.start)
        for actor in _launchers(ctx, initiative, actors, sentence.start):
            relations.append(
                Relation(
                    RelKind.LAUNCHED_BY,
                    entity_key(Kind.INITIATIVE, initiative.name),
                    _key(actor),
                    evidence=ctx.evidence(initiative.start),
                )
            )
    return Found(relations=tuple(dict.fromkeys(relations)))


def _key(mention: Mention) -> str:
    return entity_key(mention.kind, mention.name, mention.code)


def _actors(ctx: Context) -> list[Mention]:
    """Organisations and districts that can act: not inside another mention,
    not the head of a title chain, not a bare 我市/全市."""
    text = ctx.doc.text
    orgs = ctx.of_kind(Kind.ORGANIZATION)
    found: list[Mention] = []
    for mention in (*orgs, *ctx.of_kind(Kind.DISTRICT)):
        inside = any(
            o is not mention and o.start <= mention.start and mention.end <= o.end
            for o in orgs
        )
        if inside or mention.text in ("全市",) or _in_title(text, mention.end):
            continue
        if text[: mention.start].endswith(_LOCATIVE):
            continue
        found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _in_title(text: str, end: int) -> bool:
    """A title follows at once: the body is only where its officer works."""
    return any(start == 0 for start, _ in roles.role_spans(text[end : end + 8]))


def _launchers(
    ctx: Context, initiative: Mention, actors: list[Mention], sentence_start: int
) -> list[Mention]:
    text = ctx.doc.text
    before = [
        a for a in actors if sentence_start <= a.start and a.end <= initiative.start
    ]
    if not before:
        return _topic(ctx, initiative, actors, sentence_start)
    last = before[-1]
    gap = text[last.end : initiative.start]
    if _adjacent(gap):
        return [last]
    verb = LAUNCH_VERBS.search(gap)
    if verb is None or _too_far(gap[: verb.start()]):
        return []
    return _joined(text, before)


def _topic(
    ctx: Context, initiative: Mention, actors: list[Mention], sentence_start: int
) -> list[Mention]:
    """A subjectless sentence (今年以来，开展“金秋助学”活动) continues the one
    before it in the paragraph, when that one opens with its actor."""
    text = ctx.doc.text
    lead = text[sentence_start : initiative.start]
    verb = LAUNCH_VERBS.search(lead)
    if verb is None or _too_far(lead[: verb.start()]) or "\n" in lead:
        return []
    if any(
        m.start < initiative.start
        for m in ctx.of_kind(Kind.PERSON)
        if m.start >= sentence_start
    ):
        return []
    earlier = [span for span in ctx.sentences if span.end <= sentence_start]
    if not earlier or "\n" in text[earlier[-1].end - 1 : sentence_start]:
        return []  # the first sentence of a paragraph has no one to continue
    previous = earlier[-1]
    opening = _OPENING.sub("", text[previous.start : previous.end])
    offset = previous.end - previous.start - len(opening)
    first = [a for a in actors if a.start == previous.start + offset]
    return first[:1] if first and first[0].kind is Kind.ORGANIZATION else []


_OPENING = re.compile(
    r"^\s*(?:(?:近日|日前|近年来|今年以来|去年以来|\d+月\d+日)[，,]?)?"
)


def _adjacent(gap: str) -> bool:
    """Nothing but quotes, a year, and other initiatives' names between the two."""
    gap = _YEAR.sub("", gap)
    return gap.strip(_QUOTES) == "" or bool(re.fullmatch(r"(?:“[^”]{1,20}”)+", gap))


def _too_far(between: str) -> bool:
    """Actor and verb in different clauses: a full stop, or another subject."""
    return len(between) > 30 or any(c in between for c in "。；;")


def _joined(text: str, before: list[Mention]) -> list[Mention]:
    """The last actor and those joined to it by 联合/和/与/、."""
    group = [before[-1]]
    for earlier in reversed(before[:-1]):
        gap = text[earlier.end : group[0].start]
        if not _JOINERS.match(gap):
            break
        group.insert(0, earlier)
    return group
