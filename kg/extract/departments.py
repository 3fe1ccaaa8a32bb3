"""Departments and organs named under a parent body.

The genre names many bodies only through the body they belong to:

* a Party committee's departments: ``市委组织部``, ``中共某县委统战部`` and
  their offices (``市委组织部干部一处``); in a title chain the committee is
  the segment before (``市委常委、统战部部长`` is the 市委's 统战部);
* a company's departments: ``集团财务部``, ``某某公司人力资源部``, and a bare
  ``客运部`` before a title in an article about one company;
* a union's funds-review committee, ``经费审查委员会`` (``经审会``), of the
  union last named;
* a zone's administrative committee after its Party working committee in a
  title chain: ``某开发区党工委委员、管委会副主任``.

Each is named by its parent (集团财务部 → 某某集团有限公司财务部) and located
where the parent is.
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer
from kg.extract.org_names import CLAUSE_BREAK
from kg.model import Kind, Mention, Relation, RelKind, entity_key
from kg.text.segmenter import plain_tag

_PARTY_DEPARTMENTS = re.compile(
    r"组织部|宣传部|统战部|统一战线工作部|社会工作部|政法委员会|政法委|编办"
)
_OFFICE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?[一二三四五六七八九十]?[处科室](?=[处科室]长|副|[，,。、；\s）)]|$)"
)
_CHAIN_TITLE = re.compile(r"(?:常委|委员|副书记|书记)、$")
_COMPANY_DEPARTMENT = re.compile(
    r"(集团|公司)([\u4e00-\u9fff]{2,6}?部)(?![分门署队件位落委属])"
    r"|(?<=[为任])([\u4e00-\u9fff]{2,5}部)(?=副?(?:经理|部长|主任|总监))"
)
_NOT_DEPARTMENTS = frozenset(
    "干部 全部 内部 外部 总部 本部 局部 东部 西部 南部 北部 中部 俱乐部 "
    "各部 该部 两部 基层干部 领导干部".split()
)
_DEPARTMENT_FLAGS = ("n", "vn", "v", "an", "j", "nz", "nt")
_FUNDS_REVIEW = re.compile(r"经费审查委员会|经审会")
_ZONE_COMMITTEE = re.compile(r"(?<=、)管委会")


def extract(ctx: Context) -> Found:
    orgs = sorted(ctx.of_kind(Kind.ORGANIZATION), key=lambda m: m.start)
    text = ctx.doc.text
    found = [
        *(_party_departments(ctx, orgs) if "部" in text or "委" in text else ()),
        *_offices(ctx, orgs),
        *(_wards(ctx, orgs) if "科" in text or "病区" in text else ()),
        *(_company_departments(ctx, orgs) if "部" in text else ()),
        *(_funds_review(ctx, orgs) if "经" in text else ()),
        *(_zone_committees(ctx, orgs) if "管委会" in text else ()),
    ]
    taken = {(m.start, m.end) for m in orgs}
    mentions = tuple(m for m in found if (m.start, m.end) not in taken)
    relations = tuple(
        Relation(
            RelKind.LOCATED_IN,
            entity_key(Kind.ORGANIZATION, m.name),
            entity_key(Kind.DISTRICT, place.name, place.id),
            evidence=ctx.evidence(m.start),
        )
        for m in mentions
        if m.place
        for place in [Gazetteer.default().get(m.place)]
    )
    return Found(mentions=mentions, relations=relations)


def _department(
    parent: Mention, start: int, end: int, text: str, name: str, subtype: str
) -> Mention:
    return Mention(
        Kind.ORGANIZATION,
        start,
        end,
        text[start:end],
        parent.name + name,
        subtype,
        place=parent.place,
    )


def _ending_at(orgs: list[Mention], end: int) -> Mention | None:
    return next((m for m in reversed(orgs) if m.end == end), None)


def _party_departments(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """市委组织部 (干部一处); 市委常委、统战部部长: the committee's department."""
    text = ctx.doc.text
    out: list[Mention] = []
    for match in _PARTY_DEPARTMENTS.finditer(text):
        start, end = match.span()
        parent = _ending_at(orgs, start)
        span_start = parent.start if parent is not None else start
        if parent is None:
            parent = _chain_committee(text, orgs, start)
        if parent is None or not parent.name.endswith("委"):
            continue
        department = _department(
            parent, span_start, end, text, match.group(), "PartyOrganization"
        )
        out.append(department)
        office = _OFFICE.match(text, end)
        if office is not None:
            out.append(
                _department(
                    department, span_start, office.end(), text, office.group(), ""
                )
            )
    return out


def _chain_committee(text: str, orgs: list[Mention], start: int) -> Mention | None:
    """市委常委、统战部部长: the committee that opens the chain segment before."""
    title = _CHAIN_TITLE.search(text, max(0, start - 6), start)
    if title is None:
        return None
    return _ending_at(orgs, title.start())


def _company_departments(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """集团财务部, 某某公司人力资源部; 客运部 before a title in a company story."""
    text = ctx.doc.text
    companies = [m for m in orgs if m.subtype == "Company"]
    if not companies or "部" not in text:
        return []  # every department's name ends in 部
    out: list[Mention] = []
    for match in _COMPANY_DEPARTMENT.finditer(text):
        start, end = match.span()
        word = match.group(2) or match.group(3)
        if not _is_department(word) or _PARTY_DEPARTMENTS.fullmatch(word):
            continue
        if match.group(1):
            owner = _ending_at(companies, match.end(1)) or _company_before(
                companies, start, match.group(1)
            )
        else:
            owner = _company_in_sentence(ctx, orgs, start)
        if owner is None:
            continue
        span_start = owner.start if owner.end == match.end(1) else start
        out.append(_department(owner, span_start, end, text, word, ""))
    return out


_OFFICE_OF_A_BODY = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:工作部|处|科)(?![长室级])|办公室"
)
_OFFICE_PARENTS = ("TradeUnion", "GovernmentBody")


def _offices(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """市总工会劳动和经济工作部, 市总工会办公室, 市民政局某某处: an office of the
    union or bureau named right before it."""
    text = ctx.doc.text
    out: list[Mention] = []
    for parent in orgs:
        if parent.subtype not in _OFFICE_PARENTS:
            continue
        match = _OFFICE_OF_A_BODY.match(text, parent.end)
        if match is None or not _is_department(match.group()):
            continue
        if any(c in CLAUSE_BREAK for c in match.group()):
            continue
        out.append(
            _department(parent, parent.start, match.end(), text, match.group(), "")
        )
    return out


_WARD = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:科(?:[一二三四五六七八九十]?病区)?|病区)(?![学技研普长室级])"
)
HOSPITALS = ("医院", "卫生院", "保健院", "卫生服务中心")
"""How the names of bodies that have clinical departments end."""


def _wards(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """某某医院重症医学科, 某某卫生院内科: a clinical department named right
    after its hospital."""
    text = ctx.doc.text
    out: list[Mention] = []
    for parent in orgs:
        if not parent.name.endswith(HOSPITALS):
            continue
        match = _WARD.match(text, parent.end)
        if match is None or not _is_department(match.group()):
            continue
        out.append(
            _department(parent, parent.start, match.end(), text, match.group(), "")
        )
    return out


def _is_department(word: str) -> bool:
    """财务部, 党群工作部, 客运部; not 干部, 总部, 全部, 俱乐部."""
    if any(word.endswith(n) for n in _NOT_DEPARTMENTS):
        return False
    return all(
        (flag.startswith(_DEPARTMENT_FLAGS) or w == "和")
        and w not in lexicon.GENERIC_HEADS
        for w, flag in plain_tag(word[:-1])
    )


def _company_before(
    companies: list[Mention], start: int, anchor: str
) -> Mention | None:
    """The company an anaphor (集团, 公司) or a bare department stands for."""
    before = [c for c in companies if c.end <= start]
    if anchor:
        fitting = [c for c in before if anchor in c.name]
        before = fitting or before
    return max(before, key=lambda c: c.end) if before else None


def _company_in_sentence(
    ctx: Context, orgs: list[Mention], start: int
) -> Mention | None:
    """任命某某为客运部副经理: the company the sentence speaks of, if the last
    body it names before the department is one."""
    sentence = ctx.sentence_at(start)
    before = [m for m in orgs if sentence.start <= m.start and m.end <= start]
    if not before or before[-1].subtype != "Company":
        return None
    return before[-1]


def _funds_review(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """经费审查委员会: the funds-review committee of the union last named."""
    text = ctx.doc.text
    unions = [m for m in orgs if m.subtype == "TradeUnion"]
    out: list[Mention] = []
    for match in _FUNDS_REVIEW.finditer(text):
        before = [u for u in unions if u.end <= match.start()]
        if not before:
            continue
        union = max(before, key=lambda u: u.end)
        start = union.start if union.end == match.start() else match.start()
        out.append(_department(union, start, match.end(), text, "经费审查委员会", ""))
    return out


def _zone_committees(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """某开发区党工委委员、管委会副主任: the zone's administrative committee."""
    text = ctx.doc.text
    out: list[Mention] = []
    for match in _ZONE_COMMITTEE.finditer(text):
        working = _chain_committee(text, orgs, match.start())
        if working is None or not working.name.endswith("党工委"):
            continue
        zone = working.name.removesuffix("党工委")
        out.append(
            Mention(
                Kind.ORGANIZATION,
                match.start(),
                match.end(),
                match.group(),
                zone + "管委会",
                "GovernmentBody",
                place=working.place,
            )
        )
    return out
