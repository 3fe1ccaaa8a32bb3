"""Short names an article gives a body in brackets: 某某职工互助联合会（职联会）.

Where a newspaper first names an organisation in full, it often puts the
short name it uses from then on in brackets right after it (``（职联会）``,
``（简称“全总”）``, ``（以下简称“市协会”）``).  Each later occurrence of that
short name stands for the organisation: an Organization mention with the
full name, so a title after it (``职联会理事长甲``) is a post in it and the
short name becomes one of its names.

The bracket must hold an abbreviation of the full name — its characters
appear in the full name in the same order, and it is shorter — so a second
name (``市总工会（市职工服务中心）``), a place or a note in brackets gives
nothing; and a short name that is a common word (公司, 协会) gives nothing.
Occurrences inside what another extractor read are left to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract import lexicon
from kg.extract.base import Context, Found
from kg.model import Kind, Mention

_BRACKET = re.compile(
    r"[（(](?:以下)?(简称|下称)?[“「\"]?([\u4e00-\u9fff]{2,6})[”」\"]?[)）]"
)
_COMMON = frozenset(
    "公司 集团 协会 学会 工会 总工会 政府 本会 该会 大会 委员会 联合会 "
    "合作社 中心 本公司 该公司 本集团 该集团 甲方 乙方".split()
)
"""Words a bracket may give as a short name that name no one body (（协会）
after a name is a note); only a definition (下称“协会”) makes one stand for
the body, and only where it stands as a word of its own (:func:`_alone`)."""
_DEFINABLE = frozenset("协会 学会 工会 总工会 委员会 联合会 合作社 中心".split())
"""The common words a definition may give a body (公司 and 集团 stand for a
company wherever they head a clause: :mod:`kg.extract.organizations`)."""
_BEFORE_ALONE = frozenset("与和及同由向在对经据让该")


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    taken = sorted((m.start, m.end) for m in ctx.mentions)
    found: list[Mention] = []
    for org, short, after in _defined(ctx):
        common = short in _COMMON or short in lexicon.GENERIC_HEADS
        for at in _occurrences(text, short, after):
            end = at + len(short)
            if any(s < end and at < e for s, e in taken):
                continue  # inside a name another extractor read
            if common and not _alone(text, at):
                continue  # 行业协会: a kind of body, not the one defined
            found.append(
                Mention(
                    Kind.ORGANIZATION,
                    at,
                    end,
                    short,
                    org.name,
                    subtype=org.subtype,
                    place=org.place,
                )
            )
            taken.append((at, end))
    return Found(mentions=tuple(found))


def _defined(ctx: Context) -> Iterator[tuple[Mention, str, int]]:
    """Each organisation a bracket right after it gives a short name: the
    organisation, the short name, where the bracket ends."""
    text = ctx.doc.text
    seen: set[str] = set()
    for org in ctx.of_kind(Kind.ORGANIZATION):
        bracket = _BRACKET.match(text, org.end)
        if bracket is None:
            continue
        short = bracket.group(2)
        common = short in _COMMON or short in lexicon.GENERIC_HEADS
        if short in seen or (common and not (bracket.group(1) and short in _DEFINABLE)):
            continue
        if len(short) < len(org.name) and _in_order(short, org.name):
            seen.add(short)
            yield org, short, bracket.end()


def defined_after(text: str, end: int) -> str | None:
    """The short name a bracket right after ``end`` gives, if any."""
    bracket = _BRACKET.match(text, end)
    return bracket.group(2) if bracket else None


def _alone(text: str, at: int) -> bool:
    """Does a word at ``at`` open a phrase (协会主席, 与协会, 。协会表示)?"""
    before = text[at - 1 : at]
    return not before or before in _BEFORE_ALONE or not ("\u4e00" <= before <= "\u9fff")


def _in_order(short: str, full: str) -> bool:
    """Whether the characters of ``short`` occur in ``full`` in that order."""
    rest = iter(full)
    return all(char in rest for char in short)


def _occurrences(text: str, word: str, start: int) -> Iterator[int]:
    at = text.find(word, start)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))
