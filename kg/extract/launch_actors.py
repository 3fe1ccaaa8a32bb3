"""Who can launch an initiative: the actors kg.extract.launches chooses from.

Organisations and districts the text names, except those inside another
body's name, inside quotes or title marks, in a title chain (their officer
speaks), after 在/赴 (where things happen) or in ``在…领导下`` (who guides);
and words standing for one: 该区, 县上, 全市 and a bare 工会 as a subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from kg.extract import focus, roles
from kg.extract.base import Context
from kg.extract.lexicon import LAUNCH_VERBS
from kg.extract.spans import SpanIndex
from kg.model import Kind, Mention
from kg.text.scan import Anchored

# A place after these is where something happens, not who does it.
_LOCATIVE = ("在", "于", "到", "赴", "来到", "走进", "深入", "前往", "位于")
_GUIDANCE = re.compile(
    r"(?:的)?(?:坚强|正确|大力|有力|亲切|悉心|精心)?"
    r"(?:领导|指导|支持|帮助|关心|关怀|推动|带领|引领|部署)下"
)
MARKED = re.compile(r"《[^《》\n]*》|“[^“”\n]*”|「[^「」\n]*」|『[^『』\n]*』")
"""A name in quotes or title marks (part of another name)."""
_STANDS_FOR_PLACE = Anchored(
    r"该([区县市镇乡])|(?:(?<=[，,。；\n])|^)([县市区镇乡])[上里](?=[^\u4e00-\u9fff]{0,2}"
    r"(?:" + LAUNCH_VERBS.pattern + r"|将|已|正|还|先后|率先))",
    "该县市区镇乡",
)


def _bare_subject(word: str, after: str = "") -> Anchored:
    """``word`` (工会, 协会) opening a clause (or after ``after``) whose verb
    launches a quoted initiative: the subject that stands for a body."""
    also = f"|(?<={after})" if after else ""
    return Anchored(
        rf"(?:(?<=[，,。；\n]){also}|^){word}(?=[^，。；“”「」]{{0,30}}?(?:"
        + LAUNCH_VERBS.pattern
        + r")[^，。；]{0,4}?[“「《])",
        word[0],
        near=(word, 0),
    )


_BARE_UNION = _bare_subject("工会", after="支持")
_BARE_ASSOCIATION = _bare_subject("协会")
_WHOLE_CITY = Anchored(
    r"(?:(?<=[，,。；\n])|^)全市(?=(?:正在|正|已经|已|将|还)?(?:"
    + LAUNCH_VERBS.pattern
    + r"))",
    "全",
)


def actors(ctx: Context) -> list[Mention]:
    """Organisations and districts that can act, and words standing for them."""
    text = ctx.doc.text
    orgs = ctx.of_kind(Kind.ORGANIZATION)
    org_spans = SpanIndex((o.start, o.end) for o in orgs)
    places = [m for m in ctx.of_kind(Kind.DISTRICT) if m.code]
    place_ends = {p.end: p for p in places}
    marked = [m.span() for m in MARKED.finditer(text)]
    found: list[Mention] = []
    for mention in (*orgs, *ctx.of_kind(Kind.DISTRICT)):
        start, end = mention.start, mention.end
        own = 1 if mention.kind is Kind.ORGANIZATION else 0
        if _inside(org_spans, start, end, own):
            continue  # inside another organisation's name
        if mention.text == "全市" or _in_title(text, end):
            continue
        if any(s < start and end < e for s, e in marked):
            continue  # 《某市关于…的措施》: part of another name
        if _placed(text, mention, place_ends) or _GUIDANCE.match(text, end):
            continue
        found.append(mention)
    found.extend(_stand_ins(ctx, places))
    return sorted(found, key=lambda m: m.start)


def _inside(spans: SpanIndex, start: int, end: int, own: int) -> bool:
    """Is [start, end) inside one of ``spans``, ``own`` of them being the
    mention itself?"""
    before = bisect_left(spans.starts, start)
    if before and spans.reach[before - 1] >= end:
        return True  # a span that starts earlier and reaches as far
    equal = 0
    for s, e in spans.spans[before : bisect_right(spans.starts, start)]:
        if e > end:
            return True
        equal += e == end and s == start
    return equal > own


def _placed(text: str, mention: Mention, ends: dict[int, Mention]) -> bool:
    """在北仑区梅山街道: a place after 在 (and the places written with it)."""
    start = mention.start
    while start in ends or (start - 1 in ends and text[start - 1] in "、和与及"):
        start = ends[start].start if start in ends else ends[start - 1].start
    return text[max(0, start - 2) : start].endswith(_LOCATIVE)


def _stand_ins(ctx: Context, places: list[Mention]) -> list[Mention]:
    """该区, 县上, and 全市 as a subject: the place they stand for; 工会 as a
    subject (or supported): the union last named."""
    text = ctx.doc.text
    out: list[Mention] = []
    if "工会" in text:
        unions = [
            m for m in ctx.of_kind(Kind.ORGANIZATION) if m.subtype == "TradeUnion"
        ]
        out.extend(_standing_for_last(unions, _BARE_UNION.finditer(text)))
    if "该会" in text:  # 该会 (not 该会议): the association or union last named
        bodies = [m for m in ctx.of_kind(Kind.ORGANIZATION) if m.name.endswith("会")]
        out.extend(_standing_for_last(bodies, _THIS_ASSOCIATION.finditer(text)))
    if "该" in text:  # 该局, 该处: the bureau or office last named
        for match in _THIS_BODY.finditer(text):
            kind = match.group(1)
            bodies = [
                m for m in ctx.of_kind(Kind.ORGANIZATION) if m.name.endswith(kind)
            ]
            out.extend(_standing_for_last(bodies, [match]))
    if "协会" in text:  # 协会 as a subject: the association last named
        bodies = [m for m in ctx.of_kind(Kind.ORGANIZATION) if m.name.endswith("协会")]
        out.extend(_standing_for_last(bodies, _BARE_ASSOCIATION.finditer(text)))
    for match in _STANDS_FOR_PLACE.finditer(text):
        level = match.group(1) or match.group(2)
        place = focus.place_for(ctx, match.start(), level)
        if place is not None:
            out.append(_place_mention(match.start(), match.end(), match.group(), place))
    if ctx.home:
        home = focus.place_for(ctx, 0, "市")
        for match in _WHOLE_CITY.finditer(text):
            if home is not None:
                out.append(
                    _place_mention(match.start(), match.start() + 2, "全市", home)
                )
    return out


_THIS_ASSOCIATION = re.compile(r"该会(?![议上场期])")
_THIS_BODY = re.compile(r"该(局|处|署|委|办|中心)(?![长里内外员法理公])")
"""该局, 该处 (not 该局长, 该委员会, 该办法): the body of that kind named last."""


def _standing_for_last(
    bodies: list[Mention], matches: Iterable[re.Match[str]]
) -> list[Mention]:
    """Each word that stands for a body (工会, 该会) as the body of ``bodies``
    named last before it."""
    out = []
    for match in matches:
        before = [b for b in bodies if b.end <= match.start()]
        if before:
            body = max(before, key=lambda b: b.end)
            out.append(
                Mention(
                    Kind.ORGANIZATION,
                    match.start(),
                    match.end(),
                    match.group(),
                    body.name,
                    body.subtype,
                )
            )
    return out


def _place_mention(start: int, end: int, surface: str, place: object) -> Mention:
    return Mention(
        Kind.DISTRICT,
        start,
        end,
        surface,
        place.name,  # type: ignore[attr-defined]
        code=place.id,  # type: ignore[attr-defined]
    )


def _in_title(text: str, end: int) -> bool:
    """A title follows at once: the body is only where its officer works."""
    return any(start == 0 for start, _ in roles.role_spans(text[end : end + 8]))
