"""Units and words a title chain names without another extractor's help.

``TAIL`` is how a body nobody read ends (某某工作部, 某某局, 电机车间); a
company's units (车间, 班组, 分厂) are no place's; a title that holds its
unit (车间主任) names the unit after a word (精密加工|车间主任); and a word
before some titles qualifies them (安全|总监, 货车|司机) rather than naming
a department.  :mod:`kg.extract.segments` and :mod:`kg.extract.chains` ask
these questions.
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.base import Context
from kg.model import Kind

TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:工作部|办公室|总工会|工会|党工委|党委|党组|党总支|党支部"
    r"|管委会"
    r"|人民政府|政府|委员会|部|局|委|办|处|科|室|中心|所|站|馆"
    r"|(?<=[\u4e00-\u9fff])(?:厅|车间|作业区|班组|分厂|总队|支队|大队|中队|审判庭"
    r"|第[一二三四五六七八九十]{1,2}庭|(?<!党)课|(?<![值上下领加早晚])班"
    r"|[一二三四五六七八九十]{1,2}队))$"
)
COMPANY_UNITS = ("车间", "作业区", "班组", "分厂", "课")
"""Units of a company only: no place has a workshop."""
# A title that holds its unit (车间主任): after a word, the unit is named
# (电机车间主任 is 主任 of the 电机车间).
UNITS_IN_TITLES = ("车间",)
# Titles a word before them qualifies (安全总监, 货车司机, 数控车工): one
# title, no unit.
_QUALIFIED = re.compile(
    "^(?:"
    + "|".join(sorted({"总监", "主管", "工程师", "技师", *lexicon.JOB_TITLES}))
    + ")$"
)
_QUALIFIER_AT_MOST = 4
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


def unit_in_title(ctx: Context, start: int, role_start: int, title: str) -> str:
    """The unit a title holds (车间 of 车间主任) when a word before it names
    that unit and no organisation ends there (精密加工|车间主任, not
    某某公司|车间主任); else ""."""
    unit = next((u for u in UNITS_IN_TITLES if title.startswith(u)), "")
    text = ctx.doc.text
    if not unit or role_start <= start or not _HAN_WORD.match(text, role_start - 1):
        return ""
    for mention in ctx.starting_in(Kind.ORGANIZATION, start, role_start):
        if mention.end == role_start:
            return ""
    return unit


_LINKING = re.compile(r"的(?:[\u4e00-\u9fff]{1,3}族)?")


def jobs_only(titles: tuple[str, ...]) -> bool:
    """Jobs inside a unit only, a job with its craft too (模具钳工, 客房服务员);
    no grade."""
    return all(t.endswith(_JOBS) for t in titles)


_JOBS = tuple(lexicon.JOB_TITLES)


def without_linking(between: str) -> str:
    """The words between a body and a title without the 的 that links them
    and the people's nationality after it (某公司的焊工, 某酒店的黎族客房服务员)."""
    linking = _LINKING.match(between)
    return between[linking.end() :] if linking else between


def qualifies(between: str, title: str) -> bool:
    """Is the word between a body and its ``title`` part of the title
    (安全|总监, 货车|司机), not a department or words that are no part of it?"""
    if not title or not _HAN_WORD.fullmatch(between) or TAIL.fullmatch(between):
        return False
    return bool(_QUALIFIED.match(title)) and len(between) <= _QUALIFIER_AT_MOST
