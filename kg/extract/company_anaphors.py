"""Companies named again: 该公司, a bare 公司 or 集团 (the one the article is
about), and the numbered works of a group (集团第二炼钢厂).  Used by
:mod:`kg.extract.organizations` on what it read before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from kg.extract.companies import letterhead_in
from kg.extract.gazetteer import Place
from kg.extract.short_names import defined_after
from kg.model import Kind, Mention
from kg.text.scan import Anchored

_ANAPHOR = Anchored(
    r"(?:(?<=[，,。；;：:、“\n由年对])|^)(?:该|本|这家)?(?:集团公司|公司|集团|企业)"
    r"(?=将|还|也|已|要|正|在|推出|开展|实施|启动|建立|成立|设立|举办|打造|工会|党委"
    r"|深入|持续|同步|全面|积极|大力|不断|率先|今年|去年|近年|下一步|推行|发布"
    r"|制定|出台|印发|投资|联合|组织|主办|承办|与|同)"
    r"|(?<=[\u4e00-\u9fff])(?:该|本)?(?:集团公司|公司|集团|企业)"
    r"(?=[“「《]|(?:投资|推出|推行|打造|实施|发布|制定|启动|开展)的)",
    "该本这公集企",
)
_FIRM_ENDS = ("公司", "集团")
_GROUP_NAME = re.compile(r"集团(?:股份有限公司|有限责任公司|有限公司|公司)?$")


def anaphors(text: str, found: list[Mention]) -> list[tuple[Mention, Place | None]]:
    """该公司 at the head of a clause: the company last named; a bare 集团,
    集团公司 or 公司, the one the article is about (named most often before,
    the last of those: not the previous post of a résumé).

    该公司工会 becomes that company's union."""
    companies = [m for m in found if m.subtype == "Company"]
    own = letterhead_in(text, companies)  # a company's own document
    out: list[tuple[Mention, Place | None]] = []
    again: list[Mention] = []  # the company each anaphor so far named again
    for match in _ANAPHOR.finditer(text):
        before = [c for c in companies if c.end <= match.start()]
        if match.group().startswith(("该", "本", "这家")):
            before += again  # the last one named, 公司 and 公司党委 too
        if not before:
            continue
        last = match.group().startswith(("该", "本", "这家"))
        if "公司" in match.group():  # a 公司 is no plant (某某有限公司炼钢厂)
            before = [c for c in before if c.name.endswith(_FIRM_ENDS)] or before
        company = _meant(
            before,
            group="集团" in match.group(),
            last=last,
            times=_times(text, before, match.start()),
        )
        if own is not None and not match.group().startswith(("该", "这家")):
            company = own
        again.append(replace(company, start=match.start(), end=match.end()))
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


_NUMBERED = re.compile(r"(集团|公司)?(第[一二三四五六七八九十]{1,3})$")
_WORKS = 4
"""At most this long, a works named by what it does (炼钢厂, 机械厂)."""


def _times(text: str, before: list[Mention], end: int) -> Counter[str]:
    """How often each company is named before ``end``, its short name (某某
    有限公司（以下简称“某某”）) counted too."""
    times = Counter(c.name for c in before)
    for company in before:
        short = defined_after(text, company.end)
        if short and short != company.name:
            opened = text.find("）", company.end) + 1
            times[company.name] += text.count(short, opened, end)
    return times


def _meant(
    before: list[Mention],
    *,
    group: bool,
    last: bool = False,
    times: Counter[str] | None = None,
) -> Mention:
    """The company a 集团 or 公司 (``group``) stands for, among those named
    ``before``: the one the article is about (named most often, the last of
    those: not the previous post of a résumé), or the ``last`` named (该公司)."""
    if group:  # a group, not its subsidiary
        before = [c for c in before if _GROUP_NAME.search(c.name)] or before
    if not last:
        times = times or Counter(c.name for c in before)
        most = max(times[c.name] for c in before)
        before = [c for c in before if times[c.name] == most]
    company = max(before, key=lambda c: c.end)
    return (_group_of(before) or company) if group else company


def numbered_works(
    text: str, kept: list[tuple[Mention, Place | None]]
) -> list[tuple[Mention, Place | None]]:
    """集团第二炼钢厂, 第三机械厂: a numbered works of the company the article
    is about (named before it, most often), not a company of its own."""
    firms = [m for m, _ in kept if m.subtype == "Company" and _FIRM.search(m.name)]
    out = []
    for mention, place in kept:
        if mention.subtype != "Company" or not mention.name.endswith("厂"):
            out.append((mention, place))
            continue
        numbered = _NUMBERED.search(text, max(0, mention.start - 6), mention.start)
        own = _ORDINAL_NAME.match(mention.name)
        works = mention.name[own.end() :] if own else mention.name
        before = [c for c in firms if c.end <= mention.start]
        if not (numbered or own) or len(works) > _WORKS or not before:
            out.append((mention, place))
            continue
        owner = _meant(before, group=bool(numbered and numbered.group(1) == "集团"))
        start = numbered.start(2) if numbered else mention.start
        surface = text[start : mention.end]
        named = replace(mention, start=start, text=surface, name=owner.name + surface)
        out.append((named, place))
    return out


_ORDINAL_NAME = re.compile(r"第[一二三四五六七八九十]{1,3}")
_FIRM = re.compile(r"公司$|集团")
"""A company that owns works: a firm or a group, not a works itself."""


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
