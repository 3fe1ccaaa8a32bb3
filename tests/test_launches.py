"""launchedBy: the actor, the launch verb and the initiative in one sentence."""

from __future__ import annotations

import pytest

from conftest import pairs, run
from kg.model import RelKind

CASES = [
    (
        "这是洛社镇总工会新推出的“车间课堂”特色服务活动。",
        {("车间课堂", "洛社镇总工会")},
    ),
    (
        "无锡市总工会联合市委党校等8家单位，成立“无锡市职工思想引领新探索联盟”。",
        {
            ("无锡市职工思想引领新探索联盟", "无锡市总工会"),
            ("无锡市职工思想引领新探索联盟", "无锡市委党校"),
        },
    ),
    (
        "红豆集团“一线岗位星级员工评定”、SK海力士“职群管理”“职位转换”鼓励职工创新。",
        {
            ("一线岗位星级员工评定", "红豆集团"),
            ("职群管理", "SK海力士"),
            ("职位转换", "SK海力士"),
        },
    ),
    (
        "2020年，无锡市在全省率先出台《关于加强新时代产业工人队伍建设的实施方案》。",
        {("关于加强新时代产业工人队伍建设的实施方案", "320200")},
    ),
]

NOTHING = [
    # the organisation is where the speaker works, not who launched it
    "江阴市总工会党组书记、主席张忠表示，要在“六攻坚六突破”3年行动中发光发热。",
    # no actor at all
    "出台“高技能人才培养补贴实施办法”，明确补贴标准。",
    "",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_launched_by(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_launch(text: str) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == set()
