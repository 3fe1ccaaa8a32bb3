"""launchedBy from a document's title that opens with its issuer."""

from __future__ import annotations

import pytest

from conftest import names, pairs, run
from kg.model import Kind, RelKind

CASES = [
    # a body the article names elsewhere
    (
        "汾阳市人民政府召开常务会议。会议审议通过《汾阳市人民政府关于促进"
        "文旅消费的若干措施》。",
        {("汾阳市人民政府关于促进文旅消费的若干措施", "汾阳市人民政府")},
    ),
    # a Party committee named only in its standing committee and the title
    (
        "中共汾阳市委常委会召开会议，审议通过《中共汾阳市委关于加快建设"
        "文旅强市的实施意见》。",
        {("中共汾阳市委关于加快建设文旅强市的实施意见", "汾阳市委")},
    ),
    # a title that names no public body, or a body of no place
    ("会议审议通过《关于促进文旅消费的若干措施》。", set()),
    ("会议学习了《中共中央关于进一步全面深化改革的决定》。", set()),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_title_names_its_issuer(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == expected


def test_the_issuer_named_from_the_title_is_placed() -> None:
    result = run(
        "中共汾阳市委常委会召开会议，审议通过《中共汾阳市委关于加快建设"
        "文旅强市的实施意见》。"
    )
    assert "汾阳市委" in names(result, Kind.ORGANIZATION)
    assert ("汾阳市委", "141182") in pairs(result, RelKind.LOCATED_IN)
