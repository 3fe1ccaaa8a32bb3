"""Communities and villages: the bodies of the one an article names
(invented sentences)."""

from __future__ import annotations

import pytest

from conftest import names, posts, run
from kg.model import Kind

CASES = [
    # a community after its street; its Party committee in short
    (
        "记者走进武汉市江汉区万松街道青禾社区。“多跑一步。”社区党委书记苗青说。",
        {("苗青", "青禾社区党委", ("书记",))},
    ),
    # a village after its town; its Party branch and its committee in one chain
    (
        "无锡市惠山区洛社镇柳湾村召开会议。村党支部书记、村委会主任柯明说，要办实事。",
        {
            ("柯明", "柳湾村党支部", ("书记",)),
            ("柯明", "柳湾村村委会", ("主任",)),
        },
    ),
    # a community that opens the headline; 居委会 in the chain is its own
    (
        "青禾社区“暖心驿站”开门\n驿站每天开放。社区党委书记、居委会主任姜华说，欢迎大家。",
        {
            ("姜华", "青禾社区党委", ("书记",)),
            ("姜华", "青禾社区居委会", ("主任",)),
        },
    ),
]

NOTHING = [
    # bodies of every community or village are none in particular
    "洛社镇柳湾村召开会议。全镇各村党支部书记参加了培训。",
    "万松街道青禾社区开展活动。辖区社区党委书记交流了经验。",
    # no community named: the short form names none
    "社区党委书记苗青说，要办实事。",
    # a common word before 社区 or 村 names no place
    "城乡社区治理水平不断提高。社区党委书记苗青说。",
    "美丽乡村建设稳步推进。村党支部书记柯明说。",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_bodies_of_the_named_community(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert expected <= posts(run(text))


@pytest.mark.parametrize("text", NOTHING)
def test_no_body_of_a_community(text: str) -> None:
    assert not {
        n for n in names(run(text), Kind.ORGANIZATION) if "社区" in n or "村" in n
    }
