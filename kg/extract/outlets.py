"""Organisations named without a suffix word: media titles (《工人日报》),
news sites (据人民网报道), agencies, the outlets of source lines and
mastheads, Latin-initial brands before a quoted practice (SK海力士“职群管理”)
and quoted teams.  Read by :mod:`kg.extract.organizations` beside the names
it reads by their suffix.
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.gazetteer import Place
from kg.extract.org_names import FUNCTION_CHARS, org_mention
from kg.model import Mention


def media_titles(text: str) -> list[tuple[Mention, Place | None]]:
    return [
        (org_mention(m.start(1), m.end(1), m.group(1), m.group(1), "Media"), None)
        for m in lexicon.MEDIA_NAME_RE.finditer(text)
    ]


_NEWS_SITE = re.compile(
    r"(?:(?<=[据在从由，。、：:“《\s\-－—媒和与及])|^)([\u4e00-\u9fff]{2,4}网)"
    r"(?=报道|报导|消息|讯|记者|发布|刊发|刊登|客户端|[-－—和与及，。、；”》)）\s]|$)"
)
_SITE_LEADS = "据在从由经"
_LATIN_BRAND = re.compile(r"[A-Z][A-Z0-9&]{1,5}[\u4e00-\u9fff]{2,4}(?=[“「])")
_NOT_SITES = ("互联网", "物联网", "局域网", "因特网", "万维网", "工业互联网", "一张网")


def _site_lead(found: str) -> int:
    """Characters before the site's own name: 据 in 据人民网, 官媒 in 官媒新华网."""
    if "媒" in found[:-3]:
        return found.index("媒") + 1
    return len(found) - len(found.lstrip(_SITE_LEADS))


def news_sites(text: str) -> list[tuple[Mention, Place | None]]:
    """News sites named without marks: 据人民网报道, 来源：某某新闻网."""
    if "网" not in text:
        return []  # every site's name ends in 网
    return [
        (org_mention(m.start(1) + lead, m.end(1), name, name, "Media"), None)
        for m in _NEWS_SITE.finditer(text)
        for lead in [_site_lead(m.group(1))]
        for name in [m.group(1)[lead:]]
        if len(name) > 2 and not name.endswith(_NOT_SITES)
    ]


_OUTLET = (
    r"[\u4e00-\u9fff]{2,12}?"
    r"(?:日报|晚报|时报|商报|报|网|电视台|客户端|新闻|周刊|杂志|晨讯|快讯)"
)
_SOURCE_LINE = re.compile(
    rf"(?:(?:稿件来源|来源|稿源|出处)\s*[:：]\s*|[（(](?:转载自|转自|原载于?)\s*)"
    rf"({_OUTLET})"
    r"((?:[-－—][\u4e00-\u9fff]{2,10}频道)?)"
)
"""来源：某某日报, 某某周刊（转载自某某时报）: the outlet and the one it reprints."""
_MASTHEAD = re.compile(
    r"^[ \t　]*([\u4e00-\u9fff]{2,10}(?:日报|晚报|时报|商报|报))[ \t　]+\d{4}年",
    re.MULTILINE,
)


_AGENCY = re.compile("(?:" + "|".join(lexicon.NEWS_AGENCIES) + ")(?!网)")


def agencies(text: str) -> list[tuple[Mention, Place | None]]:
    """新华社, 中新社, 央视: national outlets without a media suffix."""
    return [
        (org_mention(m.start(), m.end(), m.group(), m.group(), "Media"), None)
        for m in _AGENCY.finditer(text)
    ]


def outlet_lines(text: str) -> list[tuple[Mention, Place | None]]:
    """Outlets of meta lines: ``来源：某某日报``, ``人民网-某某频道`` (the site,
    its channel an alias), and a masthead line ``某某报 2024年5月8日``."""
    found: list[tuple[Mention, Place | None]] = []
    if not any(char in text for char in "报网台端闻刊志讯"):
        return found
    for match in _SOURCE_LINE.finditer(text):
        name = match.group(1)
        surface = match.group(1) + match.group(2)
        found.append(
            (org_mention(match.start(1), match.end(2), surface, name, "Media"), None)
        )
    for match in _MASTHEAD.finditer(text):
        name = match.group(1)
        found.append(
            (org_mention(match.start(1), match.end(1), name, name, "Media"), None)
        )
    return found


def latin_brands(text: str) -> list[tuple[Mention, Place | None]]:
    """SK海力士“职群管理”: a Latin-initial brand followed by its practice."""
    return [
        (org_mention(m.start(), m.end(), m.group(), m.group(), "Company"), None)
        for m in _LATIN_BRAND.finditer(text)
        if not any(c in FUNCTION_CHARS for c in m.group())
    ]


_QUOTED_TEAM = re.compile(
    r"[“「]([\u4e00-\u9fff]{2,6})[”」](班组|班)(?=班组长|班长|副班长|组长)"
)


def quoted_teams(text: str) -> list[tuple[Mention, Place | None]]:
    """“钢花”班组班长, 「巧手」班组长: a team named in quotes, before its head's
    title, is a body (钢花班组)."""
    return [
        (org_mention(m.start(), m.end(), m.group(), m[1] + m[2], ""), None)
        for m in _QUOTED_TEAM.finditer(text)
    ]
