"""Organisations: bodies named by a place or a proper name and a suffix.

Two readings cover the genre:

* public bodies (unions, Party and government organs) are anchored in a
  place: ``江阴市总工会``, ``无锡经济开发区党工委``, or a short form whose place
  the context supplies (``区总工会`` → 滨湖区总工会, ``市委党校`` → 无锡市委党校);
* companies, media, schools and the like carry a proper name before their
  suffix (``红豆集团``, ``无锡威卡威汽车零部件有限公司``, ``工人日报``); the name
  is read leftwards word by word and stops at a verb, a preposition, a title
  or a generic word, so ``希望某某集团`` and ``代表集团`` never swallow the verb.

Each organisation anchored in a place also yields ``locatedIn`` that place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from kg.extract import focus, lexicon, roles
from kg.extract.base import Context, Found
from kg.extract.districts import find_places, function_word_place, is_reference
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.org_names import (
    CLAUSE_BREAK,
    agencies,
    clause_start_of,
    latin_brands,
    media_titles,
    news_sites,
    org_mention,
    outlet_lines,
    proper_name_start,
)
from kg.extract.public_bodies import SESSION, cppcc_mentions, public_name
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.text.literals import Literals
from kg.text.scan import Anchored
from kg.text.segmenter import plain_tag, tag

_DOC_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_MAX_BODY = 6
_MAX_BUREAU_BODY = 12
# One-character suffixes that start a longer word: 委员, 办法, 局长, 厅堂.
_NOT_AFTER = {"委": "员会托屈婉", "办": "法理学事公", "局": "长面势部限", "厅": "长堂"}
_PROJECT_AFTER = ("建设项目", "项目")
_LEGAL_AFTER_HOLDING = ("有限", "股份", "集团", "公司")
_GENERIC_AFTER_UNION = ("干部", "组织", "工作", "系统", "会员", "职能", "经费", "活动")


@dataclass(frozen=True)
class _Kind:
    subtype: str
    needs_place: bool


def _suffix_table() -> dict[str, _Kind]:
    table: dict[str, _Kind] = {}
    groups = (
        (lexicon.OTHER_SUFFIXES, _Kind("", False)),
        (lexicon.MEDIA_SUFFIXES, _Kind("Media", False)),
        (lexicon.COMPANY_SUFFIXES, _Kind("Company", False)),
        (lexicon.MASS_SUFFIXES, _Kind("", True)),
        (lexicon.GOV_SUFFIXES, _Kind("GovernmentBody", True)),
        (lexicon.PARTY_SUFFIXES, _Kind("PartyOrganization", True)),
        (lexicon.UNION_SUFFIXES, _Kind("TradeUnion", True)),
        (lexicon.CONGRESS_SUFFIXES, _Kind("GovernmentBody", True)),
        (lexicon.PUBLIC_SERVICE_SUFFIXES, _Kind("", True)),
        (lexicon.ASSOCIATION_SUFFIXES, _Kind("", False)),
    )
    for suffixes, kind in groups:
        for suffix in suffixes:
            table[suffix] = kind
    for school in ("大学", "学院", "中学", "小学", "学校", "幼儿园", "党校", "委党校"):
        table[school] = _Kind("School", table[school].needs_place)
    return table


SUFFIXES = _suffix_table()
_NAMED_SUFFIXES = tuple(s for s, kind in SUFFIXES.items() if not kind.needs_place)
_PUBLIC_SUFFIXES = tuple(
    s for s, kind in SUFFIXES.items() if kind.needs_place and len(s) > 1
)
_SUFFIX_WORDS = Literals(SUFFIXES)
"""Every suffix, leftmost-longest (as the alternation longest first)."""


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """One alternation of ``words``, longest first."""
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


_BUREAU_BODIES = frozenset(
    full[: -len(suffix)]
    for full in lexicon.BUREAU_ABBREVIATIONS.values()
    for suffix in ("委员会", "局")
    if full.endswith(suffix)
)
_GENERIC_IN_BODY = _any_of(w for w in lexicon.GENERIC_HEADS if len(w) > 1)
_NAMED_IN_BODY = _any_of(_NAMED_SUFFIXES)
_PUBLIC_IN_BODY = _any_of(_PUBLIC_SUFFIXES)


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    role_spans = roles.role_spans(text)
    role_starts = [start for start, _ in role_spans]
    districts = tuple(sorted(ctx.of_kind(Kind.DISTRICT), key=lambda m: -m.end))
    candidates: list[tuple[Mention, Place | None]] = []
    for start, end in _SUFFIX_WORDS.spans(text):
        if _inside_role(start, end, role_spans, role_starts):
            continue
        if _continues(text, start, end):
            continue
        if _ends_verb(text, start, end):
            continue
        found = _read(ctx, start, end, SUFFIXES[text[start:end]], districts)
        if found is not None:
            candidates.append(found)
    titles = [m.span() for m in _DOC_TITLE.finditer(text)]
    candidates = [
        c
        for c in candidates
        if not any(s < c[0].start and c[0].end < e for s, e in titles)
    ]
    candidates.extend(media_titles(text))
    candidates.extend(news_sites(text))
    candidates.extend(outlet_lines(text))
    candidates.extend(agencies(text))
    candidates.extend(cppcc_mentions(ctx))
    candidates.extend(latin_brands(text))
    kept = _outermost(candidates)
    kept.extend(_coordinated(ctx, kept))
    kept.extend(_anaphors(text, [m for m, _ in kept]))
    mentions = tuple(m for m, _ in kept)
    mentions += _outlet(ctx, mentions)
    relations = tuple(
        Relation(
            RelKind.LOCATED_IN,
            entity_key(Kind.ORGANIZATION, m.name),
            entity_key(Kind.DISTRICT, place.name, place.id),
            evidence=ctx.evidence(m.start),
        )
        for m, place in kept
        if place is not None
    )
    return Found(mentions=mentions, relations=relations)


_AND = ("、", "和", "与", "及", "以及")


def _coordinated(
    ctx: Context, kept: list[tuple[Mention, Place | None]]
) -> list[tuple[Mention, Place | None]]:
    """渭滨区、金台区、陈仓区总工会: the suffix is shared by every place."""
    places = {m.end: m for m in ctx.of_kind(Kind.DISTRICT) if m.code}
    text = ctx.doc.text
    out: list[tuple[Mention, Place | None]] = []
    for org, place in kept:
        if place is None or not org.name.startswith(place.name):
            continue
        suffix = org.name[len(place.name) :]
        if suffix not in SUFFIXES or not SUFFIXES[suffix].needs_place:
            continue
        start = org.start
        while True:
            joiner = next((j for j in _AND if text.endswith(j, 0, start)), None)
            before = places.get(start - len(joiner)) if joiner else None
            if before is None or before.text != before.name:
                break
            other = Gazetteer.default().get(before.code or "")
            name = other.name + suffix
            body = replace(
                org,
                start=before.start,
                end=before.end,
                text=name,
                name=name,
                place=other.id,
            )
            out.append((body, other))
            start = before.start
    return out


_ANAPHOR = Anchored(
    r"(?:(?<=[，,。；;：:、“\n由年])|^)(?:该|本|这家)?(?:公司|集团|企业)"
    r"(?=将|还|也|已|要|正|在|推出|开展|实施|启动|建立|成立|设立|举办|打造|工会|党委"
    r"|深入|持续|同步|全面|积极|大力|不断|率先|今年|去年|近年|下一步|推行|发布"
    r"|制定|出台|印发|投资|联合|组织|主办|承办|与|同)"
    r"|(?<=[\u4e00-\u9fff])(?:该|本)?(?:公司|集团|企业)"
    r"(?=[“「《]|(?:投资|推出|推行|打造|实施|发布|制定|启动|开展)的)",
    "该本这公集企",
)
_GROUP_NAME = re.compile(r"集团(?:股份有限公司|有限责任公司|有限公司|公司)?$")


def _anaphors(text: str, found: list[Mention]) -> list[tuple[Mention, Place | None]]:
    """该公司, 集团 at the head of a clause: the company last named.

    该公司工会 becomes that company's union."""
    companies = [m for m in found if m.subtype == "Company"]
    out: list[tuple[Mention, Place | None]] = []
    for match in _ANAPHOR.finditer(text):
        before = [c for c in companies if c.end <= match.start()]
        if not before:
            continue
        company = max(before, key=lambda c: c.end)
        if "集团" in match.group():
            company = _group_of(before) or company
        for suffix, subtype in (("工会", "TradeUnion"), ("党委", "PartyOrganization")):
            if text.startswith(suffix, match.end()):
                end = match.end() + len(suffix)
                body = Mention(
                    Kind.ORGANIZATION,
                    match.start(),
                    end,
                    text[match.start() : end],
                    company.name + suffix,
                    subtype,
                )
                out.append((body, None))
                break
        else:
            out.append(
                (
                    replace(
                        company,
                        start=match.start(),
                        end=match.end(),
                        text=match.group(),
                    ),
                    None,
                )
            )
    return out


_SOURCE_END = re.compile(r"[，,。；;（(\s]")
_CHANNEL = re.compile(r"[-－—][\u4e00-\u9fff]{2,10}频道$")


def _group_of(companies: list[Mention]) -> Mention | None:
    """The group 集团 stands for: the last group named, else the group a
    subsidiary is named after (某某集团 of 某某集团物流有限公司)."""
    groups = [c for c in companies if _GROUP_NAME.search(c.name)]
    if groups:
        return max(groups, key=lambda c: c.end)
    for company in sorted(companies, key=lambda c: -c.end):
        at = company.name.find("集团")
        if at > 1:
            return replace(company, name=company.name[: at + 2])
    return None


def _outlet(ctx: Context, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The outlet a byline or a 来源 line names, as a media organisation (the
    site of ``人民网-某某频道``), unless the text has named it already."""
    source = _SOURCE_END.split(ctx.doc.source or "", maxsplit=1)[0]
    if not source:
        return ()
    where = ctx.doc.text.find(source)
    start = max(where, 0)
    end = start + len(source) if where >= 0 else 0
    if any(m.start <= start and end <= m.end for m in found) and where >= 0:
        return ()
    name = _CHANNEL.sub("", source)
    subtype = suffix_kind(name) if name.endswith(_BODY_ENDS) else "Media"
    return (Mention(Kind.ORGANIZATION, start, end, source, name, subtype),)


_BODY_ENDS = ("部", "委", "局", "厅", "办", "政府", "总工会", "工会")


def _inside_role(
    start: int, end: int, role_spans: list[tuple[int, int]], role_starts: list[int]
) -> bool:
    """``党组`` in ``党组书记``, ``局`` in ``局长``: a title, not a body.

    Titles do not overlap (``role_starts`` are their starts, in order), so
    only the last one starting at or before ``start`` can hold it."""
    at = bisect_right(role_starts, start) - 1
    if at < 0:
        return False
    rs, re_ = role_spans[at]
    return (rs <= start < re_ and re_ > end) or rs < start < re_


def _continues(text: str, start: int, end: int) -> bool:
    """The suffix ``text[start:end]`` is the start of a longer ordinary word
    (工会干部, 委员), a word ends in it (布局, 大厅), or it names what a
    project builds (某某中心建设项目)."""
    after = text[end : end + 4]
    suffix = text[start:end]
    if after.startswith(_PROJECT_AFTER) and SUFFIXES[suffix].subtype in ("", "School"):
        return True  # 科创中心建设项目; but 某某有限公司项目工地 is the firm's
    if text[start - 1 : end] in lexicon.NOT_BODY_WORDS:
        return True
    if text[max(0, start - 2) : end] in lexicon.NOT_BODY_WORDS:
        return True
    if suffix == "控股" and after.startswith(_LEGAL_AFTER_HOLDING):
        return True  # 某某控股有限公司: the name goes on
    if suffix == "工会":
        return after.startswith(_GENERIC_AFTER_UNION)
    if after[:1] == "级":
        return True  # 集团级, 省级: an adjective, not a body
    if suffix.endswith("报") and after[:1] == "道":
        return True  # 昨日报道
    if after.startswith("会同"):
        return False  # 某发改委会同某局: 会同 is "together with"
    return after[:1] in _NOT_AFTER.get(suffix, "")


def _ends_verb(text: str, start: int, end: int) -> bool:
    """A one-character suffix that ends a verb: 办 in 举办, 委 in 受委托."""
    if end - start != 1:
        return False
    words = plain_tag(text[max(0, start - 2) : end])
    word, flag = words[-1] if words else ("", "")
    return len(word) > 1 and flag.startswith("v")


def _read(
    ctx: Context,
    start: int,
    end: int,
    kind: _Kind,
    districts: tuple[Mention, ...],
) -> tuple[Mention, Place | None] | None:
    """The organisation whose suffix is ``text[start:end]``, if any
    (``districts``: the article's places, last-ending first)."""
    text = ctx.doc.text
    clause_start = clause_start_of(text, start)
    if kind.needs_place:
        head = _place_head(ctx, clause_start, start, kind, districts)
        if (
            head is not None
            and head.short
            and _EVERY.search(text, max(0, head.start - 20), head.start)
        ):
            return None  # 各县区、开发区工会: every zone's union, no one body
        if (
            head is not None
            and head.short
            and _SEVERAL.search(text, max(0, head.start - 3), head.start)
        ):
            return None  # 四省区总工会: the unions of four provinces
        if head is not None:
            return head_mention(ctx, head, end, kind)
        return _on_named_org(ctx, clause_start, start, end, kind)
    name_start = proper_name_start(
        text, clause_start, start, proper=not kind.subtype, suffix=text[start:end]
    )
    if name_start is None:
        return None
    surface = text[name_start:end]
    if surface in lexicon.COMPANY_DESCRIPTORS or _only_places(
        text, districts, name_start, start
    ):
        return None
    place = _place_opening(districts, name_start, start)
    return org_mention(name_start, end, surface, surface, kind.subtype, place), place


_SEVERAL = re.compile(r"[两二三四五六七八九十几多][省市县区州]{0,2}$")
_EVERY = re.compile(r"各[\u4e00-\u9fff]{1,4}(?:[、和及][\u4e00-\u9fff]{1,4})*[、和及]$")


def _only_places(
    text: str, districts: tuple[Mention, ...], start: int, end: int
) -> bool:
    """在郑州市金水区集团总部: full place names, then 集团 or 公司, are where
    the company is, not its name."""
    if not text.startswith(("集团", "公司"), end) or start == end:
        return False
    position = start
    for mention in sorted(districts, key=lambda m: m.start):
        if mention.start == position and mention.end <= end:
            if not mention.text.endswith((*focus.LEVEL_CHARS, "街道")):
                return False
            position = mention.end
    return position == end


def _place_opening(
    districts: tuple[Mention, ...], start: int, end: int
) -> Place | None:
    """The district a company name opens with (郑州 in 郑州圆方集团)."""
    for mention in districts:
        if mention.start == start and mention.end <= end and mention.code:
            return Gazetteer.default().get(mention.code)
    return None


@dataclass(frozen=True)
class Head:
    """Where an organisation name starts and the place it is anchored in."""

    start: int
    place: Place | None
    """``None`` when the place name is ambiguous (狮山镇 exists in several
    counties): the body is named, but located nowhere."""
    short: bool
    """The place is a bare level character (市, 区) the context expands."""
    place_end: int
    name_start: int = -1
    """Where the canonical name starts: the innermost place of a chain
    (江阴市总工会 in 江苏省无锡市江阴市总工会); ``start`` when -1."""

    def __post_init__(self) -> None:
        if self.name_start < 0:
            object.__setattr__(self, "name_start", self.start)


def _place_head(
    ctx: Context,
    clause_start: int,
    start: int,
    kind: _Kind,
    districts: tuple[Mention, ...],
) -> Head | None:
    """A place (or 市/区/县 short form) opening the name, with a short body."""
    text = ctx.doc.text
    first = bisect_left(districts, -start, key=lambda m: -m.end)
    for mention in districts[first:]:
        if mention.start < clause_start:
            if mention.end <= clause_start:
                break  # the rest end before the clause
            continue
        if mention.text == "全市" or _topic_place(ctx, mention):
            continue
        body = text[mention.end : start]
        if not _body_ok(body, kind) or _short_form_ends(text, mention.end, start):
            break
        if mention.code is None:  # an undecided place: named, located nowhere
            return Head(mention.start, None, False, mention.end)
        place = Gazetteer.default().get(mention.code)
        short = is_reference(mention) or mention.text != place.name
        if short:
            return Head(mention.start, place, short, mention.end)
        return Head(
            _chain_start(ctx, mention), place, short, mention.end, mention.start
        )
    region = _region_head(ctx, clause_start, start, kind)
    if region is not None:
        return region
    for head in lexicon.NATIONAL_HEADS:  # 中华全国总工会, 国务院国资委
        at = text.rfind(head, clause_start, start)
        if at < 0 or not _body_ok(text[at + len(head) : start], kind):
            continue
        if at == clause_start or _opens_word(text, at, clause_start):
            return Head(at, None, False, at + len(head))
    limit = _MAX_BUREAU_BODY if kind.subtype == "GovernmentBody" else _MAX_BODY
    for offset in range(start - 1, max(clause_start, start - 1 - limit) - 1, -1):
        char = text[offset]
        if char not in focus.LEVEL_CHARS or not _body_ok(
            text[offset + 1 : start], kind
        ):
            continue
        if not _opens_word(text, offset, clause_start):
            continue  # tagging is dear: only for a level character with a body
        meant = focus.place_for(ctx, offset, char)
        if meant is not None:
            return Head(offset, meant, True, offset + 1)
    for match in find_places(text):
        if clause_start <= match.start and match.end == start and not match.short:
            if function_word_place(text, match.start, match.end, set()):
                continue
            return Head(match.start, None, False, match.end)
    return None


def _topic_place(ctx: Context, mention: Mention) -> bool:
    """海口市台湾事务办公室: a place right after another, and not inside it, is
    the body's subject; the place before is where the body is."""
    if mention.subtype != "Province":
        return False
    gaz = Gazetteer.default()
    before = next(
        (m for m in ctx.of_kind(Kind.DISTRICT) if m.end == mention.start and m.code),
        None,
    )
    if before is None or mention.code is None or is_reference(before):
        return False
    place = gaz.get(mention.code)
    outer = gaz.get(before.code or "")
    return place.level == "Province" and outer not in gaz.chain(place)


def _short_form_ends(text: str, body_start: int, start: int) -> bool:
    """县委县政府, 城固县召开县委: a level character that opens a word right
    before the suffix starts a short form of its own."""
    offset = start - 1
    if offset < body_start or text[offset] not in focus.LEVEL_CHARS:
        return False
    return _opens_word(text, offset, body_start)


def _region_head(
    ctx: Context, clause_start: int, start: int, kind: _Kind
) -> Head | None:
    """自治区总工会, 自治区人社厅: the autonomous region the article is in."""
    text = ctx.doc.text
    at = text.rfind("自治区", clause_start, start)
    if at < 0 or not _body_ok(text[at + 3 : start], kind):
        return None
    if (
        at > clause_start
        and text[at - 1] not in CLAUSE_BREAK
        and not _opens_word(text, at, clause_start)
    ):
        return None
    gaz = Gazetteer.default()
    home = gaz.get(ctx.home) if ctx.home else None
    region = gaz.province_of(home) if home else None
    if region is None or not region.name.endswith("自治区"):
        return None
    return Head(at, region, True, at + 3)


def _chain_start(ctx: Context, mention: Mention) -> int:
    """Where the places written together end-to-end before ``mention`` begin:
    陕西省安康市旬阳县人民法院 is named from 陕西省 on."""
    start = mention.start
    ends = {m.end: m for m in ctx.of_kind(Kind.DISTRICT) if m.code}
    while start in ends and ends[start].text == ends[start].name:
        start = ends[start].start
    return start


def _body_ok(body: str, kind: _Kind) -> bool:
    """Words between a place and a suffix: 发改 in 县发改局, 人力资源和社会保障
    in 市人力资源和社会保障局; nothing generic, no title, no verb."""
    session = SESSION.match(body)
    if session and kind.subtype == "GovernmentBody":
        body = body[session.end() :]  # 通州区第十七届人民代表大会常务委员会
    limit = _MAX_BUREAU_BODY if kind.subtype == "GovernmentBody" else _MAX_BODY
    if len(body) > limit or any(c in CLAUSE_BREAK for c in body):
        return False
    if not body or body in _BUREAU_BODIES:
        return True  # 国有资产监督管理(委员会): a bureau's full name
    if _GENERIC_IN_BODY.search(body):
        return False
    if kind.needs_place and _NAMED_IN_BODY.search(body):
        return False  # 江苏石油分公司工会 is the company's union, not 江苏's
    if any(not body.endswith(m.group()) for m in _PUBLIC_IN_BODY.finditer(body)):
        return False  # 市人民政府作政府: a body, then words, is no longer a name
    inner = body.replace("和", "") if kind.subtype == "GovernmentBody" else body
    if inner and kind.needs_place and any(c in lexicon.NAME_STOP_CHARS for c in inner):
        return False
    return not roles.role_spans(body)


def _opens_word(text: str, offset: int, clause_start: int) -> bool:
    """A level character that begins a word (市委 in 联合市委党校, not 城市;
    县妇联 in 县总工会和县妇联, where jieba reads 和县)."""
    if offset == clause_start or text[offset - 1] in "和与及、":
        return True
    if text[offset - 1] in lexicon.SINGLE_VERBS_BEFORE_NAMES:
        return True  # 某某任县公安局局长: jieba reads 任县
    words = tag(text[clause_start : offset + 3])
    position = clause_start
    for word, _flag in words:
        if position == offset:
            return True
        position += len(word)
        if position > offset:
            return False
    return False


def head_mention(
    ctx: Context, head: Head, end: int, kind: _Kind
) -> tuple[Mention, Place | None]:
    """An organisation named from a place head up to ``end``."""
    text = ctx.doc.text
    surface = text[head.start : end]
    if head.place is not None:
        name = public_name(head.place, text[head.place_end : end])
    else:
        name = text[head.name_start : end]
    start = head.start
    if text[max(0, start - 2) : start] == "中共":
        start -= 2
        surface = text[start:end]
    return org_mention(start, end, surface, name, kind.subtype, head.place), head.place


def _on_named_org(
    ctx: Context, clause_start: int, start: int, end: int, kind: _Kind
) -> tuple[Mention, Place | None] | None:
    """A union or Party body of a company or school: 某某集团工会."""
    text = ctx.doc.text
    for suffix, inner in SUFFIXES.items():
        if inner.needs_place or not text[clause_start:start].endswith(suffix):
            continue
        name_start = proper_name_start(text, clause_start, start - len(suffix))
        if name_start is not None:
            surface = text[name_start:end]
            return org_mention(name_start, end, surface, surface, kind.subtype), None
    return None


def _outermost(
    found: list[tuple[Mention, Place | None]],
) -> list[tuple[Mention, Place | None]]:
    """Drop mentions nested in a longer one, sorted by position; but a company
    that opens a longer name (某某有限公司 in 某某有限公司工会) is kept too:
    the company and its union, Party committee or centre are two bodies."""
    ordered = sorted(found, key=lambda f: (f[0].start, -f[0].end))
    kept: list[tuple[Mention, Place | None]] = []
    outer: Mention | None = None
    owned = False
    for mention, place in ordered:
        if outer is not None and mention.start < outer.end:
            if not owned and _owns(outer, mention):
                kept.append((mention, place))
                owned = True
            continue
        kept.append((mention, place))
        outer, owned = mention, False
    return kept


def _owns(outer: Mention, inner: Mention) -> bool:
    return (
        inner.start == outer.start
        and inner.end < outer.end
        and inner.subtype == "Company"
        and outer.subtype != "Company"
    )


@cache
def suffix_kind(name: str) -> str | None:
    """The subtype an organisation name's suffix implies (TradeUnion, …)."""
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix].subtype or None
    return None
