"""Short forms of a company resolve to the full name the page gives (issue 8)."""

from __future__ import annotations

import pytest

from kg.model import Document, Kind
from kg.pipeline import extract_documents


def organisations(text: str) -> dict[str, tuple[str, ...]]:
    extraction = extract_documents([Document("t", text, text, path="p.txt")])
    return {
        e.name: e.aliases for e in extraction.entities if e.kind is Kind.ORGANIZATION
    }


SHORT_FORMS = [
    # the group's core within the full one's (the place and trade dropped)
    (
        "河北冀东恒昌建设集团有限公司召开会议。去年恒昌集团营收增长。",
        "河北冀东恒昌建设集团有限公司",
        "恒昌集团",
    ),
    # the first characters of the core (汽配 for 汽车零部件)
    (
        "柳州龙腾汽车零部件集团有限公司召开会议。龙腾汽配集团将扩大产能。",
        "柳州龙腾汽车零部件集团有限公司",
        "龙腾汽配集团",
    ),
    # the unregistered long form, too
    (
        "新疆天山星能源集团有限责任公司主办大赛。新疆天山星能源集团举办大赛。"
        "天山星集团同步启动工程。",
        "新疆天山星能源集团有限责任公司",
        "天山星集团",
    ),
]


COMPANY_SHORT_FORMS = [
    # the full name opens with a city and a district: both go from its core
    (
        "获奖职工包括孟晓丽（绍兴市越城区青禾纺织有限公司）等。"
        "青禾纺织公司质检员孟晓丽发言。",
        "绍兴市越城区青禾纺织有限公司",
        "青禾纺织公司",
    ),
]


@pytest.mark.parametrize("text, full, short", COMPANY_SHORT_FORMS)
def test_short_forms_of_a_company(text: str, full: str, short: str) -> None:
    found = organisations(text)
    assert short in found[full]
    assert short not in found


PLACE_CHAIN_SHORT_FORMS = [
    # a body named after a city and a district, then by its own name alone
    (
        "宜昌市西陵区青禾医院召开大会。青禾医院院长孟晓丽讲话。",
        "宜昌市西陵区青禾医院",
        "青禾医院",
    ),
    (
        "绍兴市越城区青禾中学举行典礼，青禾中学校长柯明致辞。",
        "绍兴市越城区青禾中学",
        "青禾中学",
    ),
]


@pytest.mark.parametrize("text, full, short", PLACE_CHAIN_SHORT_FORMS)
def test_short_forms_without_a_chain_of_places(
    text: str, full: str, short: str
) -> None:
    found = organisations(text)
    assert short in found[full]
    assert short not in found


def test_places_not_one_inside_the_other_make_no_short_form() -> None:
    found = organisations("宜昌市越城区青禾医院召开大会。青禾医院院长孟晓丽讲话。")
    assert "青禾医院" not in found["宜昌市越城区青禾医院"]
    assert "青禾医院" in found


@pytest.mark.parametrize("text, full, short", SHORT_FORMS)
def test_short_forms_of_a_group(text: str, full: str, short: str) -> None:
    found = organisations(text)
    assert short in found[full]
    assert short not in found


def test_a_subsidiary_is_not_the_group() -> None:
    text = (
        "浙江东港航运集团有限公司召开会议。东港航运集团推出计划。"
        "获奖的有：东港航运集团物流有限公司 王某"
    )
    found = organisations(text)
    assert "东港航运集团" in found["浙江东港航运集团有限公司"]
    assert "东港航运集团物流有限公司" in found
    assert "浙江东港航运集团有限公司" not in found["东港航运集团物流有限公司"]


def test_unrelated_companies_stay_apart() -> None:
    text = "河南华泰建设集团有限公司召开会议，华泰路桥公司、华泰物业公司参加。"
    found = organisations(text)
    assert {"河南华泰建设集团有限公司", "华泰路桥公司", "华泰物业公司"} <= set(found)


def test_the_bodies_of_a_short_form_are_the_full_names() -> None:
    text = (
        "上海申浦建设集团有限公司召开职代会。去年申浦集团营收增长。集团工会推出计划。"
    )
    found = organisations(text)
    assert "上海申浦建设集团有限公司工会" in found
    assert "申浦集团工会" in found["上海申浦建设集团有限公司工会"]
    assert "集团工会" in found["上海申浦建设集团有限公司工会"]
