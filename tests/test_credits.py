"""Credits: outlets, editors and units named in an article's meta lines."""

from __future__ import annotations

import pytest

from conftest import names, pairs, posts, run
from kg.extract import credits
from kg.extract.base import Context
from kg.model import Document, Kind, RelKind

BODY = "\n澄江市总工会日前召开全委会议。"


@pytest.mark.parametrize(
    "text, outlets",
    [
        ("工人日报-中工网记者 秦予帆 通讯员 沈晓岚" + BODY, {"工人日报", "中工网"}),
        ("澄江日报全媒体记者 秦予帆" + BODY, {"澄江日报"}),
        ("海光商报 2024年5月8日" + BODY, {"海光商报"}),
        (BODY + "\n（澄江日报记者 秦予帆 通讯员 沈 岚 缪振宇）", {"澄江日报"}),
        # no outlet: a bare byline, a body sentence naming a paper
        ("记者 秦予帆 通讯员 沈晓岚" + BODY, set()),
        ("澄江日报记者秦予帆日前走访了企业，了解职工需求。", set()),
    ],
)
def test_outlets_of_meta_lines(text: str, outlets: set[str]) -> None:
    found = credits.extract(Context(Document("t", text, text)))
    assert {m.name for m in found.mentions if m.kind is Kind.ORGANIZATION} == outlets


def test_outlet_named_after_a_place_is_located_there() -> None:
    result = run("苏州日报记者 秦予帆" + BODY)
    assert ("苏州日报", "320500") in {
        (s, o) for s, o in pairs(result, RelKind.LOCATED_IN)
    }


@pytest.mark.parametrize(
    "text, people",
    [
        (BODY + "\n（编辑：沈晓岚）", {"沈晓岚"}),
        (BODY + "\n责任编辑：缪振宇", {"缪振宇"}),
        (BODY + "\n编辑部召开了会议。", set()),
    ],
)
def test_editors_are_people(text: str, people: set[str]) -> None:
    assert people <= names(run(text), Kind.PERSON)
    assert not run(text).relations or all(
        r.kind is not RelKind.AUTHOR for r in run(text).relations
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            BODY + "\n作者：秦 岚 沈晓岚（澄江市总工会）",
            {("秦岚", "澄江市总工会", ()), ("沈晓岚", "澄江市总工会", ())},
        ),
        (BODY + "\n作者：秦予帆", set()),
        (BODY + "\n澄江市总工会（澄江市职工服务中心）", set()),
    ],
)
def test_authors_unit(
    text: str, expected: set[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert {p for p in posts(run(text)) if p[2] == ()} == expected
