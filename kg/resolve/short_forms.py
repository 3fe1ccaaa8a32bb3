"""Short forms of names on a page, and the full names they stand for.

:mod:`kg.resolve.pages` merges the forms of one thing within a page; these
are the rules that say which short form stands for which full name: a
bureau's abbreviation (发改局 for 发展和改革局), a company's core without its
places and legal form (青禾纺织公司 for 绍兴市越城区青禾纺织有限公司), a
plan's short title (“十四五”规划 for the plan's full title).
"""

from __future__ import annotations

import re
from collections import defaultdict

from kg.extract.companies import without_legal_form
from kg.extract.gazetteer import Gazetteer, Place
from kg.extract.lexicon import BUREAU_ABBREVIATIONS, LEGAL_FORMS

_PLAN_SHORT = re.compile(r"(.*?)十([一二三四五六七八九])五(?:发展)?规划(?:纲要)?")
_PLAN_TITLE = re.compile(
    r"(.*?)(?:国民经济和社会发展)?第十([一二三四五六七八九])个五年规划"
)


def plan_short_forms(initiatives: set[str]) -> dict[str, str]:
    """某市十四五规划 for 某市国民经济和社会发展第十四个五年规划纲要 on one page."""
    titles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in initiatives:
        title = _PLAN_TITLE.match(name)
        if title is not None:
            titles[(title.group(1), title.group(2))].append(name)
    out = {}
    for name in initiatives:
        short = _PLAN_SHORT.fullmatch(name)
        if short is None:
            continue
        full = titles.get((short.group(1), short.group(2)), [])
        if len(full) == 1:
            out[name] = full[0]
    return out


_REGISTERED = ("有限公司", "有限责任公司", "集团公司")
_GROUP_FORMS = tuple(f for f in LEGAL_FORMS if f.startswith("集团"))
_BODIES_OF_A_COMPANY = ("工会", "党委", "党总支", "党支部", "纪委", "团委")


def _company_core(name: str, gaz: Gazetteer | None) -> str:
    """楚峡新材料 for 湖北楚峡新材料股份有限公司: no place (unless ``gaz`` is
    None), no legal form; a chain of places goes whole (青禾纺织 for
    绍兴市越城区青禾纺织有限公司), a place not written in full inside the one
    before stays (天山星能源 for 新疆天山星能源集团有限责任公司)."""
    name = without_legal_form(name)
    if gaz is None:
        return name
    outer: tuple[Place, ...] = ()
    while True:
        cut, places = _place_opening(name, gaz)
        if not cut or (outer and not _inside(name[:cut], places, outer, gaz)):
            return name
        name, outer = name[cut:], places


def _place_opening(name: str, gaz: Gazetteer) -> tuple[int, tuple[Place, ...]]:
    """The length of the place that opens ``name`` (two characters at least
    left after it) and the places it may be; 0 if none opens it."""
    for cut in range(min(len(name) - 2, 8), 1, -1):
        places = gaz.lookup(name[:cut])
        if places:
            return cut, places
    return 0, ()


def place_chain(prefix: str, gaz: Gazetteer) -> bool:
    """``prefix`` is places written in full, each inside the one before
    (某某市某某区 before 青禾医院)."""
    outer: tuple[Place, ...] = ()
    while prefix:
        for cut in range(min(len(prefix), 8), 1, -1):
            places = gaz.lookup(prefix[:cut])
            if places and (not outer or _inside(prefix[:cut], places, outer, gaz)):
                break
        else:
            return False
        prefix, outer = prefix[cut:], places
    return bool(outer)


def _inside(
    written: str, places: tuple[Place, ...], outer: tuple[Place, ...], gaz: Gazetteer
) -> bool:
    """``written`` is the full name of one of ``places`` that lies within one of
    ``outer`` (南海区 after 佛山市; not 天山, a short form, after 新疆)."""
    return any(
        p.name == written and o in gaz.chain(p) for p in places for o in outer if o != p
    )


def bureau_short_forms(orgs: set[str]) -> dict[str, str]:
    """合肥市人社局 for 合肥市人力资源和社会保障局, when the page has both."""
    out = {}
    for name in orgs:
        for short, full in BUREAU_ABBREVIATIONS.items():
            if short in name:
                expanded = name.replace(short, full, 1)
                if expanded in orgs:
                    out[name] = expanded
    return out


def company_short_forms(orgs: set[str], gaz: Gazetteer) -> dict[str, str]:
    """Each short company name with the one full name it abbreviates:
    楚峡新材料公司 and 华擎公司 for 湖北楚峡新材料股份有限公司 and
    安徽华擎科技有限公司 (same core, or the core's opening); 华兴集团 and
    龙城汽配集团 for 河南中原华兴建设集团有限公司 and 柳州龙城汽车零部件集团有限公司
    (the group's core within the full one's, or its first characters), never
    a subsidiary (某某集团物流有限公司).  The bodies of a short form
    (华兴集团工会) become those of the full name."""
    companies = [n for n in orgs if n.endswith((*LEGAL_FORMS, "控股"))]
    cores = {name: _company_core(name, gaz) for name in companies}
    out: dict[str, str] = {}
    for short in companies:
        if short.endswith(_REGISTERED) or len(cores[short]) < 2:
            continue
        fuller = [
            name
            for name in companies
            if len(name) > len(short) and _abbreviates(short, name, cores)
        ]
        full = _the_full_name(fuller, cores)
        if full is not None:
            out[short] = full
    for name in orgs:
        for short, full in list(out.items()):
            body = name[len(short) :]
            if name.startswith(short) and _company_body(body):
                out[name] = full + body
    return out


def _company_body(body: str) -> bool:
    """工会, 党委, 人力资源部: a body or department of a company."""
    return body in _BODIES_OF_A_COMPANY or (2 < len(body) <= 8 and body.endswith("部"))


def _abbreviates(short: str, full: str, cores: dict[str, str]) -> bool:
    """华兴集团 for 河南中原华兴建设集团有限公司; 华擎公司 for 安徽华擎科技有限公司.

    The short form's core is tried as written too: 龙城 opens the brand
    龙城汽配, though a place of that name exists."""
    group = short.endswith("集团")
    if group and not full.endswith(_GROUP_FORMS):
        return False
    full_core = cores[full]
    for core in {cores[short], _company_core(short, None)}:
        if full_core.startswith(core) or (group and core in full_core):
            return True
        common = next(
            (
                i
                for i, (a, b) in enumerate(zip(core, full_core, strict=False))
                if a != b
            ),
            min(len(core), len(full_core)),
        )
        if group and common >= 2 and len(core) <= len(full_core):
            return True
    return False


def _the_full_name(fuller: list[str], cores: dict[str, str]) -> str | None:
    """The one registered name among several forms of one company."""
    if not fuller:
        return None
    registered = [n for n in fuller if n.endswith(_REGISTERED)] or fuller
    longest = max(registered, key=lambda n: (len(n), n))
    core = cores[longest]
    if all(core.startswith(cores[n]) or cores[n] in core for n in registered):
        return longest
    return None
