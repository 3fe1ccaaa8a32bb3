"""Hospitals' clinical departments, the titles that work in them when the
sentence names no unit, a name read one character too long, and the
innermost place a body's name opens with (invented articles)."""

from __future__ import annotations

import pytest

from conftest import names, pairs, posts, run
from kg.model import Document, Kind, RelKind
from kg.pipeline import extract_document
from kg.resolve.pages import resolve_page

WARDS = [
    ("赣州市章贡区康宁医院心血管内科开设夜间门诊。", "赣州市章贡区康宁医院心血管内科"),
    ("桐乡市第二人民医院重症医学科的灯还亮着。", "桐乡市第二人民医院重症医学科"),
    ("梅溪镇卫生院全科病区新添了十张床位。", "梅溪镇卫生院全科病区"),
]


@pytest.mark.parametrize("text, ward", WARDS)
def test_a_department_after_its_hospital(text: str, ward: str) -> None:
    assert ward in names(run(text), Kind.ORGANIZATION)


@pytest.mark.parametrize(
    "text",
    [
        "赣州市章贡区康宁医院科技创新成果丰硕。",
        "赣州市章贡区康宁医院科室负责人参加了培训。",
        "赣州市章贡区康宁医院科学管理水平提升。",
    ],
)
def test_no_department_from_other_words(text: str) -> None:
    assert not {n for n in names(run(text), Kind.ORGANIZATION) if n.endswith("科")}


def test_a_head_nurse_works_in_the_ward_the_paragraph_named() -> None:
    text = (
        "凌晨两点，赣州市章贡区康宁医院重症医学科的灯还亮着。"
        "护士长柯雯刚处理完一名患者的突发状况。"
    )
    assert ("柯雯刚", "赣州市章贡区康宁医院重症医学科", ("护士长",)) in posts(run(text))


def test_no_ward_from_another_paragraph() -> None:
    text = "赣州市章贡区康宁医院重症医学科开设夜间门诊。\n护士长柯雯说，要办实事。"
    assert ("柯雯", None, ("护士长",)) in posts(run(text))


def test_a_head_nurse_keeps_the_body_her_chain_names() -> None:
    text = (
        "赣州市章贡区康宁医院重症医学科开设夜间门诊。"
        "赣州市人民医院护士长柯雯说，要办实事。"
    )
    assert ("柯雯", "赣州市人民医院", ("护士长",)) in posts(run(text))


def _facts(text: str):
    (facts,) = resolve_page([extract_document(Document("t", text, text))])
    return facts


def test_an_adverb_read_into_a_name_is_cut_off() -> None:
    facts = _facts(
        "赣州市人民医院护士长柯雯：守护生命线\n护士长柯雯刚处理完一名患者的突发状况。"
        "柯雯说，要办实事。"
    )
    people = {e.name for e in facts.entities if e.kind is Kind.PERSON}
    assert people == {"柯雯"}


def test_a_three_character_name_stays_when_the_short_one_is_absent() -> None:
    facts = _facts("赣州市总工会主席张志刚表示，要办实事。张志刚说。")
    people = {e.name for e in facts.entities if e.kind is Kind.PERSON}
    assert people == {"张志刚"}


@pytest.mark.parametrize(
    "text, body, place",
    [
        ("宜昌市西陵区峡江医院开设夜间门诊。", "宜昌市西陵区峡江医院", "420502"),
        ("郑州圆方物业集团开设培训班。", "郑州圆方物业集团", "410100"),
    ],
)
def test_a_body_is_located_in_the_innermost_place_it_opens_with(
    text: str, body: str, place: str
) -> None:
    assert (body, place) in pairs(run(text), RelKind.LOCATED_IN)
