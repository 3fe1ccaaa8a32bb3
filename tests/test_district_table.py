"""District resolution measured on a table of invented sentences.

``tests/data/district_mentions.tsv`` holds one mention a row: a sentence in
the genre of the news the project reads, the surface of one place in it, and
what the whole pipeline must make of that surface:

* a gazetteer id (``320213``, ``320206/洛社镇``): the District mention with
  that text carries this id (a former name carries its successor's);
* ``-``: an ambiguous name the sentence gives no context for (鼓楼区 alone):
  a District mention of that text with no code;
* ``none``: a common word or a person's name that is also a place name
  (和平年代, 记者刘桂林): the sentence yields no District mention at all.

Traditional sentences are read as the reader reads them: a Simplified copy
for extraction, the original kept.  The positive rows must be at least 99 %
right; every ``-`` and ``none`` row must be.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from kg.extract.gazetteer import Gazetteer, Place
from kg.model import Document, Kind, Mention
from kg.pipeline import extract_document
from kg.text.script import to_simplified

TABLE = Path(__file__).parent / "data" / "district_mentions.tsv"
NO_CODE = "-"
NOTHING = "none"
MIN_SHARE = 0.99
PROVINCES = 34


@dataclass(frozen=True)
class Row:
    line: int
    sentence: str
    surface: str
    expected: str

    @property
    def simplified(self) -> str:
        return to_simplified(self.sentence)


@cache
def rows() -> tuple[Row, ...]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple(
            Row(number, r["sentence"], r["surface"], r["expected"])
            for number, r in enumerate(reader, 2)
        )


def coded() -> list[Row]:
    """Rows that expect a gazetteer id."""
    return [r for r in rows() if r.expected not in (NO_CODE, NOTHING)]


def marked(mark: str) -> list[Row]:
    """Rows that expect ``-`` or ``none``."""
    return [r for r in rows() if r.expected == mark]


@cache
def districts(row: Row) -> tuple[Mention, ...]:
    found = extract_document(Document("t", row.simplified, row.sentence)).mentions
    return tuple(m for m in found if m.kind is Kind.DISTRICT)


def outcome(row: Row) -> str:
    """What the pipeline made of the row's surface, in the table's terms."""
    found = districts(row)
    if row.expected == NOTHING:
        return NOTHING if not found else ",".join(m.text for m in found)
    surface = to_simplified(row.surface)
    hits = [m for m in found if m.text == surface]
    if not hits:
        return "no mention " + surface
    return hits[0].code or NO_CODE


def failures(table: Iterable[Row]) -> list[str]:
    return [
        f"line {r.line}: {r.surface} expected {r.expected}, got {got}  ({r.sentence})"
        for r in table
        for got in [outcome(r)]
        if got != r.expected
    ]


def test_positive_rows_resolve_to_the_right_place() -> None:
    table = coded()
    wrong = failures(table)
    share = 1 - len(wrong) / len(table)
    assert share >= MIN_SHARE, f"{share:.3f} right:\n" + "\n".join(wrong)


@pytest.mark.parametrize("expected", [NO_CODE, NOTHING])
def test_every_ambiguous_and_common_word_row_holds(expected: str) -> None:
    wrong = failures(marked(expected))
    assert not wrong, "\n".join(wrong)


def test_table_is_large_and_well_formed() -> None:
    table = rows()
    assert len(table) >= 300
    assert len(marked(NO_CODE)) >= 20
    assert len(marked(NOTHING)) >= 20
    assert len([r for r in table if r.simplified != r.sentence]) >= 15
    bad = [r.line for r in table if r.surface not in r.sentence]
    assert not bad, f"surface not in sentence on lines {bad}"


def expected_place(gaz: Gazetteer, row: Row) -> Place:
    """The row's expected place; zones the gazetteer names on the fly
    (吉首经开区) exist once it has read the sentence."""
    gaz.find(row.simplified)
    return gaz.get(row.expected)


def test_table_covers_every_province_level_division() -> None:
    gaz = Gazetteer.default()
    covered = {gaz.province_of(expected_place(gaz, r)).id for r in coded()}
    provinces = {p.id for p in gaz if p.level == "Province"}
    assert len(provinces) == PROVINCES
    assert provinces <= covered, sorted(provinces - covered)


def test_expected_ids_are_current_places() -> None:
    gaz = Gazetteer.default()
    former = [
        r.line
        for r in coded()
        for place in [expected_place(gaz, r)]
        if gaz.current(place) != place
    ]
    assert not former, f"expected ids that are former names, lines {former}"
