"""kg.text.words: jieba's HMM-off segmentation, the same words, faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.text.segmenter import _jieba
from kg.text.words import cut

DATA = Path(__file__).parent / "data"


def _jieba_words(text: str) -> list[str]:
    jieba, _ = _jieba()
    return list(jieba.cut(text, HMM=False))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\r\n",
        "a b\r\n\r\r\nc",
        "江阴市总工会党组书记、主席张忠表示",
        "ABC123中文abc，SK海力士",
        "100%的-职工&#.",
        "\u3400\u9fd6\u9fff𠀀县委",
        "\t\u3000　全　总　宋　霖",
        "和县委书记在无锡市委",
    ],
)
def test_cut_is_jiebas(text: str) -> None:
    assert cut(text) == _jieba_words(text)


def test_cut_is_jiebas_on_every_bundled_article() -> None:
    for path in sorted(DATA.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        assert cut(text) == _jieba_words(text), path.name
