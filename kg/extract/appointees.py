"""Appointees: the people an appointment or a career sentence speaks of.

After a verb that comes first (``任命甲、乙为……``) the names follow it, or
``其`` stands for the person of the sentence; before a verb that comes after
(``甲当选为……``, ``丙因工作调动辞去……``) the names precede it.  A clause that
opens with the verb (``……，转任某职``) speaks of the people the sentence spoke
of already (``earlier``), else of the name that closes the clause before,
opens the sentence or heads a résumé.
"""

from __future__ import annotations

import re

from kg.extract import name_shapes, names, roles
from kg.extract.base import Context

_GAP = re.compile(
    r"(?:[（(][^（）()\n，。、,]{1,24}[)）]|[（(][男女][，,、][\u4e00-\u9fff]{1,5}族[)）])?"
    r"(?:同志)?(?:因[^，。；,;\n]{1,14}?)?(?:现已|已经|已|将)?"
    r"(?:于?(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|"
    + "|".join(sorted(name_shapes.WHEN, key=len, reverse=True))
    + "))?"
)
"""Between the names and the verb: （兼职）, 同志, 因工作调动, 已于2月23日,
已于本月 (the words of when are those that follow 于 in a name's place)."""
CLAUSE_BREAK = "，,。；;：:！？!?\n"
PRONOUN = "其"
# Who is appointed, described before the name: 任命台籍员工甲为……
_DESCRIBED = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:员工|职工|干部|同志|青年)")
_CONNECTIVES = (
    "并", "同时", "随后", "后", "还", "另", "已", "已经", "现已",
    "请求", "申请", "主动",  # 甲因工作变动，请求辞去……
)  # fmt: skip
_HAN = re.compile(r"[\u4e00-\u9fff]")
_RESUME = re.compile(r"([\u4e00-\u9fff·]{2,8}?)(?:同志)?简历[：:]")


def people_at(
    ctx: Context, position: int, earlier: list[names.Named]
) -> list[names.Named]:
    """The names a verb is followed by; 其 is the person of the sentence."""
    text = ctx.doc.text
    line_start = _at_line_start(text, position)
    if text.startswith(PRONOUN, position) and not _unlisted_before_wei(
        text, position, line_start=line_start
    ):  # 其为……, 免去其……职务; 其木格（女）为……, (line break) 其其格为……: a name
        return [names.Named(position, position + 1, n.name) for n in earlier[-1:]]
    found = names.read_name_list(text, position)
    if len(found) <= 1:  # 旦增曲扎为……, 阿苏拉则为……: a name no surname list holds
        unlisted = _unlisted_before_wei(text, position, line_start=line_start)
        if unlisted and (not found or found[0].end < unlisted[0].end):
            found = unlisted
    described = None if found else _DESCRIBED.match(text, position)
    if described is not None:
        found = names.read_name_list(text, described.end(), strict=True)
    return found


def subject(
    ctx: Context, verb_start: int, earlier: list[names.Named], verb: str
) -> list[names.Named]:
    """The names a verb comes after (甲、乙当选为…; 丙因工作调动辞去…), else the
    person the sentence or the résumé speaks of, for a clause that opens with
    the verb (……，转任某职)."""
    text = ctx.doc.text
    clause = _clause_start(text, verb_start)
    foreign = "·" in text[clause:verb_start]
    inside_titles = {
        clause + offset
        for first, last in roles.role_spans(text[clause:verb_start])
        for offset in range(first + 1, last)
    }  # 总工程师: 程 opens no name there
    for start in range(clause, verb_start - 1):
        if start in inside_titles:
            continue
        if not (foreign and _HAN.match(text, start)) and not name_shapes.surname_length(
            text[start : start + 2]
        ):
            continue
        people = names.read_name_list(text, start)
        if not people:
            continue
        if _GAP.fullmatch(text, people[-1].end, verb_start):
            return people
    opening = text[clause:verb_start].strip()
    dated = DATED.fullmatch(opening) is not None
    if (
        opening
        and opening not in _CONNECTIVES
        and not opening.endswith("后")
        and not dated  # a date may open the clause (2021年9月起任……)
    ):
        return []
    if verb == "任":  # a bare 任 opens too many clauses to carry a subject of
        return earlier  # its own: only the person the sentence appointed (原任…，任…)
    return (
        earlier
        or ([] if dated else _name_ending_at(text, clause - 1))
        or _sentence_opener(ctx, clause)
        or _described_before(text, clause)
        or _resume_subject(text, clause)
        or _profile_subject(text, clause)
    )


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts: after a clause break
    outside brackets (甲（女，蒙古族）、乙当选为: the note's comma breaks no
    clause)."""
    depth = 0
    clause = end
    while clause > 0:
        char = text[clause - 1]
        if char in "）)":
            depth += 1
        elif char in "（(":
            if depth == 0:
                break
            depth -= 1
        elif char in CLAUSE_BREAK and depth == 0:
            break
        clause -= 1
    return clause


def _unlisted_before_wei(
    text: str, start: int, *, line_start: bool = False
) -> list[names.Named]:
    """A name of three to five characters that no surname list holds, right
    after an appointing verb and before 为 or 的, or a note on the person
    before them (任命旦增曲扎为……, 格绒卓玛（女，藏族）为……).

    At the head of a line of a list of pairs (任命：(line break) 才让东周为……；
    (line break) 多杰的……职务) nothing but the name stands before 为 or 的:
    two characters are enough, and a word inside (东周) is no objection."""
    if line_start:
        return _unlisted_at(text, start, (5, 4, 3, 2), _BEFORE_WEI, loose=True)
    return _unlisted_at(text, start, (5, 4, 3), _BEFORE_WEI, loose=False)


def _unlisted_at(
    text: str,
    start: int,
    sizes: tuple[int, ...],
    after: re.Pattern[str],
    *,
    loose: bool,
) -> list[names.Named]:
    """The longest run of Han characters of one of ``sizes`` at ``start``
    that ``after`` follows and that has the shape of a name no surname list
    holds (``loose``: where the layout leaves nothing else to stand)."""
    shape = name_shapes.loose_unlisted_shape if loose else name_shapes.unlisted_shape
    for size in sizes:
        end = start + size
        name = text[start:end]
        if (
            len(name) == size
            and _HAN_RUN.fullmatch(name)
            and after.match(text, end)
            and shape(name)
        ):
            return [names.Named(start, end, name)]
    return []


def _at_line_start(text: str, position: int) -> bool:
    """Whether only spaces stand between ``position`` and a line break."""
    while position > 0 and text[position - 1] in " \u3000\t":
        position -= 1
    return position > 0 and text[position - 1] == "\n"


_BEFORE_WEI = re.compile(r"(?:[（(][^（）()\n]{1,12}[)）])?[为的]")


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
DATED = re.compile(
    r"(?:\d{4}年|今年|去年|前年|当年|同年|次年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}年"
)
"""A date that may open a clause before its verb (2021年9月起任……)."""


def _name_ending_at(text: str, end: int) -> list[names.Named]:
    """……的台中青年甲，现任……: the name that closes the clause before; the
    one before 接替 when that name is who is succeeded (甲接替乙，出任……)."""
    if end <= 0 or text[end : end + 1] not in "，,":
        return []
    found = _name_before(text, end)
    succeeds = next(
        (v for v in _SUCCEEDS if found and text.endswith(v, 0, found[0].start)), None
    )
    if succeeds is None:
        return found
    return _name_before(text, found[0].start - len(succeeds))


_SUCCEEDS = ("接替", "接任", "替代", "代替", "取代")


def _name_before(text: str, end: int) -> list[names.Named]:
    """The name that ends at ``end``."""
    for size in (4, 3, 2):
        named = names.read_one(text, end - size, strict=True) if end >= size else None
        if named is not None and named.end == end:
            return [named]
    return []


def _sentence_opener(ctx: Context, clause: int) -> list[names.Named]:
    """甲，男，1975年3月出生，现任……; 乙因工作调动，已调任……: the name that opens
    the sentence on its own."""
    text = ctx.doc.text
    start = ctx.sentence_at(clause).start
    while start < clause and text[start] in " \u3000\n":
        start += 1
    named = names.read_one(text, start, strict=True)
    if named is None or not (
        text[named.end : named.end + 1] in "，,（(" or text.startswith("因", named.end)
    ):
        return []
    return [named]


def _described_before(text: str, clause: int) -> list[names.Named]:
    """领衔人甲是江西省劳动模范，2019年6月起任……: the person the clause
    before describes (a name right before 是 or 系)."""
    if clause <= 0 or text[clause - 1 : clause] not in "，,":
        return []
    start = _clause_start(text, clause - 1)
    for at in range(clause - 2, start, -1):
        if text[at] in "是系":
            found = _name_before(text, at)
            if found:
                return found
    return []


def _resume_subject(text: str, clause: int) -> list[names.Named]:
    """甲简历：…… — the person a résumé paragraph is about."""
    line_start = text.rfind("\n", 0, clause) + 1
    found = _RESUME.search(text, line_start, clause)
    if found is None:
        return []
    people = names.read_name_list(text, found.start(1))
    return people[-1:] if people and people[-1].end == found.end(1) else []


_PROFILE = re.compile(
    r"\s*[，,（(]\s*(?:[男女]\s*[，,、）)]|\d{4}年(?:\d{1,2}月)?出?生[，,。）)])"
)
"""What follows the name that opens a profile: ，男， / （女，1980年生） /
，1978年生，."""


def _profile_subject(text: str, clause: int) -> list[names.Named]:
    """甲，男，1976年8月生，……中共党员。现任…… — the person a paragraph of a
    notice profiles, named at its start with their sex."""
    start = text.rfind("\n", 0, clause) + 1
    while start < clause and text[start] in " \u3000\t":
        start += 1
    named = names.read_one(text, start, strict=True)
    if named is None or not _PROFILE.match(text, named.end):
        return _unlisted_profile(text, start)
    return [named]


def _unlisted_profile(text: str, start: int) -> list[names.Named]:
    """岩温罕，男，傣族，……; 字春梅（女，白族）: a name no surname list holds,
    alone at the head of the line before the person's sex (额尔敦毕力格，男)."""
    return _unlisted_at(text, start, (6, 5, 4, 3, 2), _PROFILE, loose=True)
