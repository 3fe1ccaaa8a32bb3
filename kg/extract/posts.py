"""Posts: the names after a title chain, and the posts the chain gives them.

``江阴市总工会党组书记、主席张忠``: every title in the text is a possible end
of a chain; the names after it (several: ``副市长陆某、黄某某、汪某某等``;
padded ``王　磊``; spaced out; names no surname list knows, ``乌兰图雅``) get
the posts the chain parser (:mod:`kg.extract.chains`) reads before it.  A
chain with no body of its own continues the body of the chain before it in
the sentence (``主任甲主持会议，副主任乙、丙出席``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract import chains, companies, lexicon, names, roles, units
from kg.extract.base import Context, Found
from kg.extract.departments import HOSPITALS
from kg.model import Kind, Mention, Relation


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    mentions: list[Mention] = []
    relations: list[Relation] = []
    seen_names: set[int] = set()
    starts = [span.start for span in ctx.sentences]
    last_org: dict[int, Mention] = {}
    for role_start, role_end in roles.role_spans(text):
        people = (
            names.read_name_list(text, role_end)
            or _unlisted(text, role_start, role_end)
            or _listed_after_colon(text, role_end)
            or _after_note(text, role_end)
        )
        if not people or people[0].start in seen_names:
            continue
        sentence = bisect_right(starts, role_start)
        inherited = _named_before_short_form(ctx, role_start) or last_org.get(sentence)
        chain = chains.parse_chain(ctx, role_end, inherited=inherited)
        if chain is not None:
            for org, _, _ in chain.posts:
                if org is not None:
                    last_org[sentence] = org
            if chain.unread:
                last_org.pop(sentence, None)
        if chain is None:
            for named in people:
                seen_names.add(named.start)
                mentions.append(_person(text, named))
            continue
        chain = _works_at_company(ctx, chain, people[-1].end)
        chain = _in_ward(ctx, chain, role_start)
        evidence = ctx.evidence(role_start)
        for body, place in chain.new_orgs:
            mentions.append(body)
            if place is not None:
                relations.append(chains.located(body, place, evidence))
        for named in people:
            seen_names.add(named.start)
            person = named.name
            mentions.append(_person(text, named))
            relations.extend(chains.post_relations(person, chain, evidence))
    return Found(mentions=tuple(mentions), relations=tuple(relations))


_WORKS_AT = re.compile(r"在(?:该|本|这家)?(公司|集团|企业|厂)(?:里)?(?:工作|上班|干)")
"""挡车工甲在公司工作了十年: where a worker with a bare trade works."""


def _works_at_company(ctx: Context, chain: chains.Chain, end: int) -> chains.Chain:
    """A trade with no unit (挡车工甲) is held in the company the article
    speaks of when the person is said to work there (甲在公司工作), or in
    the one company the article names (a list of a company's award winners:
    焊接工艺员甲、模具钳工乙); a company's own title with no company (董事长甲)
    in the company its sentence is about."""
    if all(org is not None for org, _, _ in chain.posts):
        return chain
    bare = [titles for org, titles, _ in chain.posts if org is None]
    works = _WORKS_AT.match(ctx.doc.text, end)
    if works is not None:
        company = companies.last_company(ctx, works.start(), works.group(1))
    elif all(_factory_jobs(titles) for titles in bare):
        company = companies.only_company(ctx)  # not a grade (电工技师): a visitor's
    elif all(companies.ROLES.issuperset(titles) for titles in bare):
        company = _company_of_sentence(ctx, end)
        if company is not None:
            return chains.in_unit(chain, company, companies.ROLES.issuperset)
        return chain
    else:
        return chain
    return chain if company is None else chains.in_unit(chain, company)


def _company_of_sentence(ctx: Context, end: int) -> Mention | None:
    """某某有限公司近年加速布局，董事长甲表示: a company's own title with no
    company before it is held in the one company its sentence names first,
    as the sentence's subject."""
    sentence = ctx.sentence_at(end)
    orgs = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if sentence.start <= m.start and m.end <= end
    ]
    first = min(orgs, key=lambda m: m.start, default=None)
    if first is None or first.subtype != "Company":
        return None
    if any(m.subtype == "Company" and m.name != first.name for m in orgs):
        return None  # two companies before the title: whose is it?
    return first


def _factory_jobs(titles: tuple[str, ...]) -> bool:
    """Jobs a company's own people hold (焊工, 挡车工), not the city's
    services (环卫工人, 快递员: a visit to them is no post in the company)."""
    return units.jobs_only(titles) and not any(t.endswith(_CITY_JOBS) for t in titles)


_CITY_JOBS = tuple(lexicon.CITY_JOBS)


_WARD_TITLES = frozenset(
    "护士长 副护士长 科主任 科副主任 主任医师 副主任医师 主治医师".split()
)
_WARDS = ("科", "病区", *HOSPITALS)


def _in_ward(ctx: Context, chain: chains.Chain, start: int) -> chains.Chain:
    """护士长甲 with no unit in the sentence works in the clinical department
    (or hospital) last named in the paragraph: 某医院重症医学科的灯还亮着。
    护士长甲刚处理完……"""
    if not any(org is None and _ward_titles(titles) for org, titles, _ in chain.posts):
        return chain
    paragraph = ctx.doc.text.rfind("\n", 0, start) + 1
    units = [
        m
        for m in ctx.of_kind(Kind.ORGANIZATION)
        if paragraph <= m.start and m.end <= start and m.name.endswith(_WARDS)
    ]
    if not units:
        return chain
    unit = max(units, key=lambda m: (m.end, -m.start))
    return chains.in_unit(chain, unit, _ward_titles)


def _ward_titles(titles: tuple[str, ...]) -> bool:
    return bool(titles) and _WARD_TITLES.issuperset(titles)


_NOTE_AND_COLON = re.compile(r"(?:[（(][^（）()\n]{1,12}[)）])?[：:]")


def _listed_after_colon(text: str, end: int) -> list[names.Named]:
    """理事（排名不分先后）：甲、乙、丙: names after a colon (and a note)."""
    lead = _NOTE_AND_COLON.match(text, end)
    if lead is None:
        return []
    found = names.read_name_list(text, lead.end(), strict=True)
    return found if len(found) >= 2 else []


_SHORT_FORM = re.compile(
    r"[（(](?:以下)?(?:简称|下称)[“「\"]?[\u4e00-\u9fff]{2,8}[”」\"]?[)）]$"
)


def _named_before_short_form(ctx: Context, start: int) -> Mention | None:
    """某某局（以下简称“某局”）局长甲: the body named before the bracket that
    gives its short form, whose title follows the bracket."""
    text = ctx.doc.text
    bracket = _SHORT_FORM.search(text, max(0, start - 16), start)
    if bracket is None:
        return None
    return next(
        (m for m in ctx.of_kind(Kind.ORGANIZATION) if m.end == bracket.start()), None
    )


_POST_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[)）]")
"""A note on a post between the title and the name (（挂职）, （职业安全）)."""


def _after_note(text: str, end: int) -> list[names.Named]:
    """副主席（挂职）甲, 助理处长（职业安全）乙: the name after a note on the
    post, read strictly."""
    note = _POST_NOTE.match(text, end)
    if note is None:
        return []
    return names.read_name_list(text, note.end(), strict=True)


def _unlisted(text: str, start: int, end: int) -> list[names.Named]:
    """A name after a title that no surname list knows (市长乌兰图雅), and the
    names of the list it opens (副主席阿拉坦仓、孟根图雅); after a job, what
    opens a list of things is no name (为快递员送去藏茶、酥油)."""
    found = names.read_unlisted(text, end)
    if found is None:
        return []
    listed = names.list_from(text, found)
    if (
        len(listed) == 1
        and text.startswith("、", found.end)
        and units.jobs_only((text[start:end],))
    ):
        return []
    return listed


def _person(text: str, named: names.Named) -> Mention:
    start, end, name = named
    return Mention(Kind.PERSON, start, end, text[start:end], name)
