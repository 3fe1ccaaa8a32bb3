"""launchedBy: who set up, issued or runs an initiative.

The shapes the genre uses:

* an actor, a launch verb, then the initiative, the actor possibly several
  clauses back in the sentence: ``洛社镇总工会新推出的“车间课堂”``,
  ``某市总工会在市委市政府坚强领导下，深入实施“…”工程``; every actor joined
  to it by 联合/会同/和/与/、 (or written right against it: 市委市政府)
  launches it too, and ``与某法院共同建立的`` adds the法院 to the subject;
* an actor directly before its initiatives: ``某集团“星级员工评定”``,
  ``区政府关于《…方案》``;
* the passive: ``…计划，由某管委会联合某厅实施``, and a sentence about
  ``该措施`` / ``本届大赛`` (the initiative last named) ``由某办会同某局制定``;
* a sentence with no actor of its own (今年以来，开展“金秋助学”活动) continues
  the subject of the sentence before it in the paragraph.

An actor is an organisation or a district, or a word standing for one
(:mod:`kg.extract.launch_actors` says which).  ``支持某某打造“…”`` is
launched by 某某, never by the supporter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract import joint_launchers, launch_actors, meeting_holders, unveilings
from kg.extract.base import Context, Found
from kg.extract.launch_actors import MARKED
from kg.extract.lexicon import LAUNCH_VERBS
from kg.model import Kind, Mention, Relation, RelKind, Span, entity_key
from kg.text.scan import Anchored
from kg.text.segmenter import plain_tag

_JOINERS = re.compile(
    r"^[将要已正还也又共同]{0,3}(?:、|和|与|及|以及|联合|会同|携手)?$"
)
_PIVOT = re.compile(r"(?:支持|帮助|鼓励|引导|指导|协助|推动|督促|要求)")
_QUOTES = '“”"《》「」『』 '
_YEAR = re.compile(r"\d{4}年度?")
_PASSIVE = re.compile(r"(?:的[\u4e00-\u9fff]{1,4}[，,])?[，,]?(?:并|将|还|已|均)?由")
"""……计划，由…; 名为“某驿”的服务点，由…: what stands between an initiative
and the 由 that names who launched it."""
_ANAPHORIC_INITIATIVE = Anchored(
    r"(?:该|本届|本次|此次|这项|这一|这个|这座|(?:(?<=[。！？\n])|^)(?=[\u4e00-\u9fff]{2}由))"
    r"(措施|办法|方案|计划|活动|行动|工程|大赛|竞赛|项目|机制|政策|意见|联盟|制度"
    r"|品牌|平台|规划|驿站|课堂|之家|服务站)"
    r"(?:[^，。；]{0,6}?)由",
    "该本此这" + "措办方计活行工大竞项机政意联制品平规驿课之服",
    near=("由", 10),  # two characters, a head of two, six more, then 由
)


def extract(ctx: Context) -> Found:
    if not ctx.of_kind(Kind.INITIATIVE):
        return Found()
    relations: list[Relation] = []
    actors = launch_actors.actors(ctx)
    for initiative, launchers in _launches(ctx, actors):
        relations.extend(
            Relation(
                RelKind.LAUNCHED_BY,
                entity_key(Kind.INITIATIVE, initiative.name),
                _key(actor),
                evidence=ctx.evidence(initiative.start),
            )
            for actor in launchers
        )
    return Found(relations=tuple(dict.fromkeys(relations)))


def _launches(
    ctx: Context, actors: list[Mention]
) -> Iterator[tuple[Mention, list[Mention]]]:
    initiatives = sorted(ctx.of_kind(Kind.INITIATIVE), key=lambda m: m.start)
    for initiative in initiatives:
        sentence = ctx.sentence_at(initiative.start)
        launchers = _held_by(ctx, initiative, actors, sentence)
        launchers = launchers or _launchers(ctx, initiative, actors, sentence)
        launchers = launchers or _after_semicolon(ctx, initiative, actors, sentence)
        launchers = launchers or _passive(ctx, initiative.end, actors, sentence)
        launchers = launchers or _listed_by(ctx, initiative, actors)
        launchers = launchers or _adopted_by(ctx, initiative, actors)
        launchers = launchers or joint_launchers.pair(ctx, initiative, actors)
        launchers = launchers or unveilings.unveiled_by(ctx, initiative, actors)
        owner = _owner(ctx, initiative)
        if owner is not None and owner not in launchers:
            launchers = [owner, *launchers]
        yield initiative, launchers
    yield from _anaphoric(ctx, initiatives, actors)


_LISTED = re.compile(r"(?:列为|确定为|纳入)[“「《\"]?$")


def _listed_by(
    ctx: Context, initiative: Mention, actors: list[Mention]
) -> list[Mention]:
    """被某总工会列为“某某行动”试点企业: the actor that put the subject on the
    initiative's list runs it."""
    text = ctx.doc.text
    listed = _LISTED.search(text, max(0, initiative.start - 4), initiative.start)
    if listed is None:
        return []
    for actor in actors:
        if actor.end == listed.start() and text.endswith("被", 0, actor.start):
            return [actor]
    return []


_ADOPTED = re.compile(r"(?:(?:会议|会上)?(?:审议|表决)|会议)(?:并原则|并)?通过(?:了)?$")
"""会议审议通过了, 表决通过, 会议原则通过: adopted (a bare 通过 is "by means of")."""
_TITLES_BEFORE = re.compile(r"《[^《》\n]{1,60}》(?:和|、|及|以及|与)$")


def _adopted_by(
    ctx: Context, initiative: Mention, actors: list[Mention]
) -> list[Mention]:
    """会议审议通过了《某某规定》和《…》, 会议提出，今年将在全市实施“…”: in
    the report of a body's meeting, with no actor of its own in the
    sentence, the body whose meeting it is (:mod:`kg.extract.meeting_holders`)."""
    text = ctx.doc.text
    start = initiative.start
    while (
        before := _TITLES_BEFORE.search(text, max(0, start - 70), start)
    ) is not None:
        start = before.start()
    if not _ADOPTED.search(text, max(0, start - 12), start):
        sentence = ctx.sentence_at(initiative.start)
        if not meeting_holders.meeting_subject(text, sentence):
            return []
        if _verb(text[sentence.start : initiative.start], initiative) is None:
            return []
        if any(sentence.start <= a.start < initiative.start for a in actors):
            return []
    found = meeting_holders.holder(ctx)
    return [] if found is None else [found]


def _owner(ctx: Context, initiative: Mention) -> Mention | None:
    """The body whose name opens the initiative's (某集团第三届职工技能大赛):
    its own contest or plan."""
    return next(
        (
            org
            for org in ctx.of_kind(Kind.ORGANIZATION)
            if org.start == initiative.start and org.end < initiative.end
        ),
        None,
    )


def _key(mention: Mention) -> str:
    return entity_key(mention.kind, mention.name, mention.code)


# -- launchers ------------------------------------------------------------------


def _launchers(
    ctx: Context, initiative: Mention, actors: list[Mention], sentence: Span
) -> list[Mention]:
    text = ctx.doc.text
    before = [
        a for a in actors if sentence.start <= a.start and a.end <= initiative.start
    ]
    if not before:
        return _topic(ctx, initiative, actors, sentence.start)
    if _adjacent(text[before[-1].end : initiative.start], initiative):
        return [before[-1]]
    for index in range(len(before) - 1, -1, -1):
        actor = before[index]
        gap = text[actor.end : initiative.start]
        verb = _verb(gap, initiative) or _event_of(text, gap, initiative)
        if verb is None or _too_far(gap[: verb.start()]):
            return []
        between = gap[: verb.start()]
        if _CLAUSE_BREAKS & set(between) and not _subject_position(text, actor):
            continue  # 支持某县做大…，推行“…”: an object of an earlier clause
        if _pivot(between):
            return []  # 支持某某打造: the one supported launches it
        return _with_partners(ctx, before, index, actors, sentence)
    return []


def _with_partners(
    ctx: Context,
    before: list[Mention],
    index: int,
    actors: list[Mention],
    sentence: Span,
) -> list[Mention]:
    """The actor with those joined to it on either side (某总工会联合某局、
    某局); 与某法院共同建立的 adds the sentence's subject."""
    text = ctx.doc.text
    group = _joined(text, before[: index + 1])
    for later in before[index + 1 :]:
        if not _JOINERS.match(text[group[-1].end : later.start]):
            break
        group.append(later)
    last = group[-1]
    if (
        len(group) == 1
        and text[: last.start].endswith(("与", "同"))
        and text.startswith(_TOGETHER, last.end)
    ):
        subject = _subject(ctx, actors, sentence)
        if subject is not None and subject not in group:
            group.insert(0, subject)
    elif _PARTNER_CLAUSE.fullmatch(
        text, _clause_start(text, group[0].start), group[0].start
    ):
        subject = _subject_before(text, before, group[0])
        if subject is not None and subject not in group:
            group.insert(0, subject)
    return group


_PARTNER_CLAUSE = re.compile(r"(?:并|还|同时)?(?:联合|会同|携手)")
"""A clause that opens with the partner (……，联合某局开展“…”): the subject of
the clause before it launches too."""


def _clause_start(text: str, position: int) -> int:
    """Where the clause that ``position`` is in starts."""
    while position > 0 and text[position - 1] not in "，,：:；;。\n":
        position -= 1
    return position


def _subject_before(
    text: str, before: list[Mention], partner: Mention
) -> Mention | None:
    """The subject of the clauses before the partner's, in its sentence: the
    last actor before it that opens its clause or leads (由某会牵头)."""
    for actor in reversed(before):
        if actor.end <= partner.start and _subject_position(text, actor):
            return actor
    return None


_TOGETHER = ("共同", "一道", "一起", "合作", "联合")
_LEAD_FLAGS = ("t", "d", "ad", "c", "m", "q", "ns")  # 福建省某总工会: a place
_REGION_WORDS = frozenset({"中国大陆", "大陆", "内地", "中国"})


_LEADS = ("牵头", "负责", "主导", "统筹")


def _subject_position(text: str, actor: Mention) -> bool:
    """The actor opens its clause, after time words and adverbs at most, or
    leads what follows (由某局牵头，…开展“…”)."""
    lead = text[_clause_start(text, actor.start) : actor.start]
    if lead.endswith("由") and text.startswith(_LEADS, actor.end):
        return set(lead[:-1]) <= set("要将并还也")  # 要由某会牵头
    return all(
        flag.startswith(_LEAD_FLAGS) or word.isdigit() or word in _REGION_WORDS
        for word, flag in plain_tag(lead)
    )


_RUNNING_VERBS = ("推进", "深化")
_CLAUSE_BREAKS = set("，,；;。：:")


def _verb(gap: str, initiative: Mention) -> re.Match[str] | None:
    """The launch verb that governs the initiative: the last one in ``gap``,
    in the initiative's own clause (推出“甲”计划和“乙”竞赛 launches both; in
    推出“甲”计划，选树工匠，为“乙”规划 nothing launches 乙).  推进 and 深化 run
    programmes, not someone else's plan or document."""
    found = None
    for verb in LAUNCH_VERBS.finditer(gap):
        if verb.group() in _RUNNING_VERBS and initiative.subtype == "Policy":
            continue
        found = verb
    if found is None or _CLAUSE_BREAKS & set(gap[found.end() :]):
        return None
    return found


_HOLDS = re.compile(r"召开|举行|举办")
_EVENTS = ("发布会", "启动会", "启动仪式", "表彰会", "表彰大会", "颁奖典礼", "推进会")


def _event_of(text: str, gap: str, initiative: Mention) -> re.Match[str] | None:
    """联合召开2023年度“某某工匠”发布会: who holds the event an initiative is
    launched or honoured at launches it."""
    if not text.startswith(_EVENTS, initiative.end):
        return None
    found = next(reversed(list(_HOLDS.finditer(gap))), None)
    if found is None or _CLAUSE_BREAKS & set(gap[found.end() :]):
        return None
    return found


def _adjacent(gap: str, initiative: Mention) -> bool:
    """Nothing but quotes, a year, other initiatives' names, or 关于 before a
    document, between the two."""
    gap = _YEAR.sub("", gap)
    if gap.strip(_QUOTES) == "" or re.fullmatch(r"(?:“[^”]{1,20}”)+", gap):
        return True
    return gap == "关于" and initiative.text.startswith("《")


def _too_far(between: str) -> bool:
    """Actor and verb in different sentences, or too far apart (names in
    quotes and title marks between them do not count)."""
    return len(MARKED.sub("", between)) > 30 or any(c in between for c in "。；;")


def _pivot(between: str) -> bool:
    """全力支持某区打造: a verb of support, then someone who is no actor."""
    match = _PIVOT.search(between)
    return match is not None and bool(between[match.end() :].strip("将要会，, "))


def _joined(text: str, before: list[Mention]) -> list[Mention]:
    """The last actor and those joined to it by 联合/和/与/、 or written against
    it (市委市政府)."""
    group = [before[-1]]
    for earlier in reversed(before[:-1]):
        gap = text[earlier.end : group[0].start]
        if not _JOINERS.match(gap):
            break
        if not gap and Kind.DISTRICT in (earlier.kind, group[0].kind):
            break  # 福建省平潭某总工会: a place before a body is no partner
        group.insert(0, earlier)
    return group


def _subject(ctx: Context, actors: list[Mention], span: Span) -> Mention | None:
    """The first actor of a sentence: who the sentence is about."""
    return next((a for a in actors if span.start <= a.start < span.end), None)


def _topic(
    ctx: Context, initiative: Mention, actors: list[Mention], sentence_start: int
) -> list[Mention]:
    """A subjectless sentence (今年以来，开展“金秋助学”活动) continues the
    subject of the one before it in the paragraph."""
    text = ctx.doc.text
    lead = text[sentence_start : initiative.start]
    verb = _verb(lead, initiative)
    if verb is None or _too_far(lead[: verb.start()]) or "\n" in lead:
        return []
    if any(
        sentence_start <= m.start < initiative.start for m in ctx.of_kind(Kind.PERSON)
    ):
        return []
    if _has_subject(lead[: verb.start()]):
        return []  # 他介绍，支部推行“…”: the clause names its own subject
    earlier = [span for span in ctx.sentences if span.end <= sentence_start]
    if not earlier or "\n" in text[earlier[-1].end - 1 : sentence_start]:
        return []  # the first sentence of a paragraph has no one to continue
    return _opening_subject(text, actors, earlier[-1].start)


def _after_semicolon(
    ctx: Context, initiative: Mention, actors: list[Mention], sentence: Span
) -> list[Mention]:
    """……；在全省率先推出“…”: a clause after a semicolon with no subject of
    its own continues the subject its sentence opens with."""
    text = ctx.doc.text
    cut = max(text.rfind(c, sentence.start, initiative.start) for c in "；;")
    if cut < 0:
        return []
    lead = text[cut + 1 : initiative.start]
    verb = _verb(lead, initiative)
    if verb is None or _too_far(lead[: verb.start()]):
        return []
    if _has_subject(lead[: verb.start()]):
        return []
    people = ctx.of_kind(Kind.PERSON)
    if any(cut < m.start < initiative.start for m in (*actors, *people)):
        return []
    return _opening_subject(text, actors, sentence.start)


def _opening_subject(
    text: str, actors: list[Mention], sentence_start: int
) -> list[Mention]:
    """The body a sentence opens with, after a speech frame and a time."""
    opening = _OPENING.match(text, sentence_start)
    start = opening.end() if opening else sentence_start
    first = [a for a in actors if a.start == start and a.kind is Kind.ORGANIZATION]
    return first[:1]


# The opening of a sentence before its subject: a speech frame and a time.
_OPENING = re.compile(
    r"\s*(?:[^，。；\n]{1,8}(?:说|表示|指出|介绍|透露|强调|认为)[，,：:])?"
    r"(?:(?:近日|日前|近年来|今年以来|去年以来|[一二三四五六七八九十两\d]+年来"
    r"|过去一年|今年|去年|\d+月\d+日|\d{4}年)[，,]?)?"
)
_SUBJECT_FLAGS = ("n", "nr", "ns", "nt", "nz", "vn", "j")


def _has_subject(clause_lead: str) -> bool:
    """Words before the verb in its clause that can be its subject."""
    clause = re.split(r"[，,：:]", clause_lead)[-1]
    return any(
        flag in _SUBJECT_FLAGS and len(word) > 1 and not word.startswith("全")
        for word, flag in plain_tag(clause)
    )  # 在全省率先推出: a scope (全省, 全市), no subject


def _passive(
    ctx: Context, end: int, actors: list[Mention], sentence: Span
) -> list[Mention]:
    """…计划，由某管委会联合某厅实施: the actors after 由, before the verb."""
    text = ctx.doc.text
    lead = _PASSIVE.match(text, end)
    if lead is None:
        return []
    after = _outer([a for a in actors if lead.end() <= a.start < sentence.end])
    if not after or after[0].start != lead.end():
        return []
    group = _partners(text, after)
    tail = text[group[-1].end : sentence.end]
    verb = LAUNCH_VERBS.search(tail)
    return group if verb is not None and verb.start() <= 6 else []


def _outer(actors: list[Mention]) -> list[Mention]:
    """The actors, each as far left as an actor it overlaps begins, those
    it swallows dropped (the community 江畔社区 and its body, read as
    社区居委会 after it: one actor, 江畔社区居委会)."""
    out: list[Mention] = []
    for actor in sorted(actors, key=lambda m: (m.start, -m.end)):
        if out and actor.start < out[-1].end:
            if actor.end > out[-1].end:
                out[-1] = replace(actor, start=out[-1].start)
            continue
        out.append(actor)
    return out


def _partners(text: str, actors: list[Mention]) -> list[Mention]:
    """The first actor and those joined to it after it (甲、乙, 甲联合乙)."""
    group = [actors[0]]
    for actor in actors[1:]:
        if not _JOINERS.match(text[group[-1].end : actor.start]):
            break
        group.append(actor)
    return group


_HELD_BY = re.compile(
    r"由(?P<who>[^，。；：“”《》]{2,60}?)(?:联合|共同)?(?P<verb>[^，。；：“”《》的]{1,4}?)的"
)


def _held_by(
    ctx: Context, initiative: Mention, actors: list[Mention], sentence: Span
) -> list[Mention]:
    """由某区总工会、区人社局联合主办的某区第六届职工技能大赛: the actors after
    由, a launch verb and 的, then the initiative (its place's name between)."""
    text = ctx.doc.text
    opening = text.rfind("由", sentence.start, initiative.start)
    if opening < 0:
        return []
    match = _HELD_BY.match(text, opening, initiative.start)
    if match is None or not LAUNCH_VERBS.fullmatch(match.group("verb")):
        return []
    tail = text[match.end() : initiative.start]
    if len(tail) > 8 or any(c in "，,。；;" for c in tail):
        return []
    inside = [a for a in actors if match.start("who") <= a.start < match.end("who")]
    if not inside or inside[0].start != match.start("who"):
        return []
    group = _partners(text, inside)
    rest = text[group[-1].end : match.start("verb")]
    return group if rest in ("", "联合", "共同") else []


def _anaphoric(
    ctx: Context, initiatives: list[Mention], actors: list[Mention]
) -> Iterator[tuple[Mention, list[Mention]]]:
    """该措施由某办会同某局制定: the last initiative of that kind named before."""
    text = ctx.doc.text
    for match in _ANAPHORIC_INITIATIVE.finditer(text):
        head = match.group(1)
        named = [
            m for m in initiatives if m.end <= match.start() and m.name.endswith(head)
        ]
        if not named:
            continue
        sentence = ctx.sentence_at(match.start())
        launchers = _passive(ctx, match.end() - 1, actors, sentence)
        if launchers:
            yield named[-1], launchers
