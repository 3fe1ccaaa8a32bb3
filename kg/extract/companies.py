"""Companies in title chains: which company a 集团 or 公司 points to, and
whose Party body or union a body is; and the hospitals, schools and studios
that 医院, 该校, 工作室 point to, whose Party bodies keep their titles in them
as a company's do.

``集团党委书记、董事长某某`` names the group, its Party committee and two
titles; GUIDELINES ("Party bodies of a company stay in the company") puts
both titles in the group.  These helpers answer the questions the chain
parser (:mod:`kg.extract.chains`) asks about companies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kg.extract import lexicon
from kg.extract.base import Context
from kg.extract.org_suffixes import suffix_kind
from kg.model import Kind, Mention

ANAPHOR = re.compile(r"(?:该|本|这家)?(?:集团公司|集团|公司)")
"""Words that point back to a company named before (集团, 该公司)."""
BODIES = ("党委", "党组", "工会", "党支部", "党总支", "纪委")
"""Bodies of a company named after it (某某公司党委, 某某集团工会)."""
PARTY_BODIES = frozenset(("党委", "党组", "党支部", "党总支", "纪委"))
"""The Party bodies among them, which stay in the company."""
ROLES = frozenset(
    "董事长 副董事长 总经理 副总经理 常务副总经理 总裁 副总裁 经理 副经理 厂长 "
    "副厂长 董事 监事长 总工程师 总会计师 总经济师".split()
)
"""Titles held in the company itself, not in its Party body."""

_LEGAL_SUFFIXES = ("有限公司", "有限责任公司", "集团公司", "股份公司")
_GROUP = re.compile(r"集团(?:股份有限公司|有限责任公司|有限公司|公司)?$")


_HOSPITALS = ("医院", "卫生院")
INSTITUTION_WORD = re.compile(
    r"(?:该|本)?(?:医院|学校|学院|大学|中学|小学|工作室)|(?:该|本)[院校]"
)
"""Words that point back to a hospital, school or studio named before
(医院党委, 该校工会, 工作室领衔人)."""


def keeps_party_bodies(name: str) -> bool:
    """Whether titles in the Party bodies of ``name`` are held in it: a
    company, and likewise a hospital or school (医院党委书记 is the hospital's,
    as the gold writers read GUIDELINES' rule for companies)."""
    return suffix_kind(name) in ("Company", "School") or name.endswith(_HOSPITALS)


def party_owner(org: Mention | None) -> str | None:
    """The company, hospital or school whose Party committee ``org`` is
    (某某公司党委, 某某医院党委)."""
    if org is None:
        return None
    for body in PARTY_BODIES:
        owner = org.name.removesuffix(body)
        if owner != org.name and keeps_party_bodies(owner):
            return owner
    return None


def last_institution(ctx: Context, start: int, word: str) -> Mention | None:
    """The hospital (医院, 该院, 本院), school (学校, 该校, 本校) or studio
    (工作室) ``word`` points to: the last named before ``start``; ``None`` if
    ``word`` is no such word or none was named."""
    if not INSTITUTION_WORD.fullmatch(word):
        return None
    # 医院 is a hospital; 该院 may be a 卫生院 too
    hospitals = ("医院",) if "医院" in word else _HOSPITALS

    def named(org: Mention) -> bool:
        if "工作室" in word:
            return org.name.endswith("工作室") and len(org.name) > len(word)
        if "校" in word:
            return org.subtype == "School"
        if word.endswith(("学", "学院")):  # 学院党委: the college's
            return org.subtype == "School" and org.name.endswith(word[-2:])
        return org.name.endswith(hospitals) and len(org.name) > len("卫生院")

    before = [m for m in ctx.of_kind(Kind.ORGANIZATION) if m.end <= start and named(m)]
    return max(before, key=lambda m: m.end) if before else None


def company_of(org: Mention | None) -> str | None:
    """The company an organisation is, or whose 党委/工会 it is."""
    if org is None:
        return None
    if org.subtype == "Company":
        return org.name
    for body in BODIES:
        rest = org.name.removesuffix(body)
        if rest != org.name and suffix_kind(rest) == "Company":
            return rest
    return None


def last_company(ctx: Context, start: int, anaphor: str) -> Mention | None:
    """The company an anaphor before ``start`` points to: in a company's own
    document (:func:`letterhead`), that company unless the anaphor is 该公司;
    else the last named in full (某某有限公司) before it, else the last named;
    a 集团 is a group."""
    own = letterhead(ctx) if not anaphor.startswith(("该", "这")) else None
    if own is not None:
        return own  # a company's own document: its 公司 and departments are its
    before = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if m.subtype == "Company" and m.end <= start
    ]
    if "集团" in anaphor:  # the group itself, not 某某集团物流有限公司
        before = [m for m in before if _GROUP.search(m.name)] or before
    full = [m for m in before if m.name.endswith(_LEGAL_SUFFIXES)]
    chosen = full or before
    return max(chosen, key=lambda m: m.end) if chosen else None


def body_start(text: str, start: int, role_start: int) -> int:
    """Where a company body (党委, 工会) before the titles starts, if any."""
    for body in BODIES:
        if (
            text.startswith(body, role_start - len(body))
            and role_start - len(body) > start
        ):
            return role_start - len(body)
    return role_start


def only_company(ctx: Context) -> Mention | None:
    """The one company the article names (its short forms and the names
    inside it aside), the first time it is named in full; ``None`` if it
    names several or none."""
    found = [m for m in ctx.of_kind(Kind.ORGANIZATION) if m.subtype == "Company"]
    cores = {m.name: without_legal_form(m.name) for m in found}
    whole = {
        n
        for n, core in cores.items()
        if core and not any(n != o and core in other for o, other in cores.items())
    }
    if len(whole) != 1:
        return None
    (name,) = whole
    return min((m for m in found if m.name == name), key=lambda m: m.start)


def without_legal_form(name: str) -> str:
    """A company's name without its legal form (江城汽车配件 of 江城汽车配件公司)."""
    for form in lexicon.LEGAL_FORMS:
        if name.endswith(form):
            return name[: -len(form)]
    return name


_LETTERHEAD_TAIL = re.compile(r"(?:文件|通知|公告)?[ \u3000]*$")


def letterhead(ctx: Context) -> Mention | None:
    """The company whose document the article is: named on a line of its own
    (``某某集团有限公司文件`` at the head, or the signature above the date),
    the one such company; ``None`` if none or several."""
    return letterhead_in(ctx.doc.text, ctx.of_kind(Kind.ORGANIZATION))


def letterhead_in(text: str, orgs: Iterable[Mention]) -> Mention | None:
    """:func:`letterhead` among ``orgs``."""
    found: dict[str, Mention] = {}
    for m in orgs:
        if m.subtype != "Company" or not m.name.endswith(_LEGAL_SUFFIXES):
            continue
        line = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.end)
        if text[line : m.start].strip(" \u3000") or not _LETTERHEAD_TAIL.match(
            text[m.end : len(text) if end < 0 else end]
        ):
            continue
        found.setdefault(m.name, m)
    return next(iter(found.values())) if len(found) == 1 else None


def main_company(ctx: Context) -> Mention | None:
    """The company the article is about: the one named most often (short
    forms and its Party body and union count as the company), when it is
    named more often than any other; ``None`` if none is."""
    named = [
        (company, m)
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if (company := company_of(m)) is not None
    ]  # 公司党委, 公司工会: the company named again
    times = Counter(company for company, _ in named)
    if not times:
        return None
    (first, most), *rest = times.most_common(2)
    if rest and rest[0][1] == most:
        return None
    found = [m for company, m in named if company == first and m.name == first]
    return min(found, key=lambda m: m.start) if found else None
