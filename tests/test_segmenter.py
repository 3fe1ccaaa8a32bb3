"""kg.text.words and kg.text.tags: jieba's segmentation and tagging, the same
words and flags, faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.place_bounds import Segmentation
from kg.text.script import to_simplified
from kg.text.segmenter import _jieba
from kg.text.tags import tag
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


def _jieba_pairs(text: str, hmm: bool) -> list[tuple[str, str]]:
    _, posseg = _jieba()
    return [(pair.word, pair.flag) for pair in posseg.cut(text, HMM=hmm)]


@pytest.mark.parametrize("hmm", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "",
        "\r\n",
        "3.5万元，a1.5b，x.y_z",
        "调研。杨峰彬表示",
        "会议。卢娟柏介绍",
        "\u3400\u9fd6𠀀　宋　霖",
        "江阴市总工会党组书记、主席张忠表示",
    ],
)
def test_tag_is_jiebas(text: str, hmm: bool) -> None:
    assert tag(text, hmm=hmm) == _jieba_pairs(text, hmm)


def test_cut_and_tag_are_jiebas_on_every_bundled_article() -> None:
    for path in sorted(DATA.glob("*/*.txt")):
        text = to_simplified(path.read_text(encoding="utf-8"))  # as kg reads it
        assert cut(text) == _jieba_words(text), path.name
        for hmm in (True, False):
            assert tag(text, hmm=hmm) == _jieba_pairs(text, hmm), path.name
        for end in range(6, len(text), 61):  # short windows, as extractors tag
            window = text[end - 6 : end]
            assert tag(window) == _jieba_pairs(window, True), (path.name, end)


def test_place_bounds_are_jiebas_word_boundaries() -> None:
    """Segmentation answers, block by block and mostly without segmenting,
    what jieba's segmentation of the whole text says at every offset between
    two Han characters."""
    for path in sorted(DATA.glob("*/*.txt")):
        text = to_simplified(path.read_text(encoding="utf-8"))
        bounds, offset = {0}, 0
        for word in _jieba_words(text):
            offset += len(word)
            bounds.add(offset)
        found = Segmentation(text)
        for at in range(1, len(text)):
            if _han(text[at - 1]) and _han(text[at]):
                assert found.starts_word(at) == (at in bounds), (path.name, at)


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fa5"
