"""One entity per thing within a page, whatever forms it takes."""

from __future__ import annotations

import pytest

from kg.model import Document, Kind
from kg.pipeline import extract_documents


def entities(text: str, kind: Kind) -> dict[str, tuple[str, ...]]:
    extraction = extract_documents([Document("t", text, text, path="p.txt")])
    return {e.name: e.aliases for e in extraction.entities if e.kind is kind}


@pytest.mark.parametrize(
    "text, name, alias",
    [
        (
            "郑州圆方集团职工收到回信。圆方集团干部职工表示感谢。",
            "郑州圆方集团",
            "圆方集团",
        ),
        (
            "湖北楚峡新材料股份有限公司成立工会。楚峡新材料公司职工踊跃入会。",
            "湖北楚峡新材料股份有限公司",
            "楚峡新材料公司",
        ),
        (
            "开展“双创双提升”行动。“双创双提升”成效明显。",
            "双创双提升行动",
            "“双创双提升”",
        ),
    ],
)
def test_short_forms_merge_into_the_full_name(text: str, name: str, alias: str) -> None:
    kind = Kind.INITIATIVE if "行动" in name else Kind.ORGANIZATION
    found = entities(text, kind)
    assert name in found and alias in found[name]
    assert len(found) == 1


def test_anaphors_are_no_aliases() -> None:
    text = "记者走进山东鲁岳能源集团有限公司。下一步，集团将实施新工程。"
    found = entities(text, Kind.ORGANIZATION)
    assert found == {"山东鲁岳能源集团有限公司": ()}


def test_traditional_forms_become_aliases() -> None:
    original = "武進區總工會開展活動。"
    simplified = "武进区总工会开展活动。"
    extraction = extract_documents([Document("t", simplified, original, path="p.txt")])
    union = next(e for e in extraction.entities if e.name == "武进区总工会")
    assert "武進區總工會" in union.aliases


def test_company_short_form_from_the_core_opening() -> None:
    text = "安徽华擎科技有限公司工会成立。华擎公司职工踊跃入会。"
    found = entities(text, Kind.ORGANIZATION)
    assert "华擎公司" in found["安徽华擎科技有限公司"]


def test_bureau_abbreviation_merges_into_the_full_name() -> None:
    text = "合肥市人力资源和社会保障局发布通知。合肥市人社局相关负责人介绍。"
    found = entities(text, Kind.ORGANIZATION)
    assert found == {"合肥市人力资源和社会保障局": ("合肥市人社局",)}


def test_a_person_named_like_a_city_is_no_city() -> None:
    text = "河南鑫源公司总经理许昌表示，要抓好安全生产。"
    assert "许昌市" not in entities(text, Kind.DISTRICT)
    assert "许昌" in entities(text, Kind.PERSON)


def test_all_china_federation_short_form() -> None:
    text = "中华全国总工会发出通知。全国总工会要求各级工会抓好落实。"
    assert entities(text, Kind.ORGANIZATION) == {"中华全国总工会": ("全国总工会",)}


def test_a_name_read_as_body_and_initiative_is_one_initiative() -> None:
    """A quoted school being built is an initiative: its entity keeps the kind
    of its key, so a launcher never points at an organisation."""
    from kg.graph.shacl import check_graph
    from kg.graph.triples import build_graph
    from kg.model import Document, Kind
    from kg.pipeline import extract_documents

    text = (
        "澄江市召开会议。澄江精密机械有限公司总经理秦予帆说，公司正在建设"
        "“澄江工匠学院”，计划三年内培养技师300名。"
    )
    extraction = extract_documents([Document("t", text, text)])
    [school] = [e for e in extraction.entities if e.name == "澄江工匠学院"]
    assert school.kind is Kind.INITIATIVE
    check_graph(build_graph(extraction))
