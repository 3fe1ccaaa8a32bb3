"""The scorer's report: counts, findings, and their presentation.

``format_report`` gives plain-text tables, ``report_to_dict`` a JSON-ready
dict.  Precision, recall and F1 are ``None`` when their denominator is zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kg.evaluate.gold import ENTITY_TYPES, RELATION_KINDS
from kg.tables import aligned

# ---------------------------------------------------------------- counts


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass(frozen=True)
class Finding:
    """A miss or a false positive; ``category`` is an entity type or a
    relation kind, ``item`` the name or the tuple of normalised names."""

    document: str
    category: str
    item: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class DocumentScore:
    document: str
    gold: str
    scope: str
    entities: Mapping[str, Counts]
    relations: Mapping[str, Counts]
    misses: tuple[Finding, ...]
    false_positives: tuple[Finding, ...]


@dataclass(frozen=True)
class Report:
    """Per-document scores and their sums (micro) over all documents."""

    documents: tuple[DocumentScore, ...]
    entities: Mapping[str, Counts]
    relations: Mapping[str, Counts]
    misses: tuple[Finding, ...]
    false_positives: tuple[Finding, ...]

    @property
    def entity_total(self) -> Counts:
        return sum(self.entities.values(), Counts())

    @property
    def relation_total(self) -> Counts:
        return sum(self.relations.values(), Counts())


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


# ---------------------------------------------------------------- output


def report_to_dict(report: Report) -> dict[str, Any]:
    """A JSON-ready dict; keys in a fixed order, findings sorted."""
    return {
        "documents": [
            {
                "document": doc.document,
                "entities": _counts_dict(doc.entities),
                "gold": doc.gold,
                "relations": _counts_dict(doc.relations),
                "scope": doc.scope,
            }
            for doc in report.documents
        ],
        "entities": _counts_dict(report.entities),
        "false_positives": _findings_dict(report.false_positives),
        "misses": _findings_dict(report.misses),
        "relations": _counts_dict(report.relations),
    }


def _counts_dict(table: Mapping[str, Counts]) -> dict[str, dict[str, Any]]:
    rows = {**table, "overall": sum(table.values(), Counts())}
    return {
        cat: {
            "f1": _round(c.f1),
            "fn": c.fn,
            "fp": c.fp,
            "precision": _round(c.precision),
            "recall": _round(c.recall),
            "tp": c.tp,
        }
        for cat, c in rows.items()
    }


def _findings_dict(findings: Sequence[Finding]) -> dict[str, list[dict[str, Any]]]:
    return {
        cat: [
            {"document": f.document, "item": list(f.item), "note": f.note}
            for f in items
        ]
        for cat, items in _grouped(findings)
    }


def _grouped(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for cat in (*ENTITY_TYPES, *RELATION_KINDS):
        items = [f for f in findings if f.category == cat]
        if items:
            groups[cat] = sorted(items, key=lambda f: (f.item, f.document, f.note))
    return list(groups.items())


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def format_report(report: Report) -> str:
    """Plain-text tables of the report, aligned for double-width Chinese."""
    lines = [*_documents_lines(report), ""]
    if len(report.documents) > 1:
        lines += [*_documents_table(report), ""]
    lines += [*_counts_table("entity", report.entities, "overall (micro)"), ""]
    lines += [*_counts_table("relation", report.relations, "overall (micro)"), ""]
    several = len(report.documents) > 1
    lines += _findings_lines("misses", report.misses, several)
    lines += _findings_lines("false positives", report.false_positives, several)
    return "\n".join(lines)


def _documents_lines(report: Report) -> list[str]:
    lines = [f"documents scored: {len(report.documents)}"]
    lines += [f"  {d.document}: {d.scope}; gold {d.gold}" for d in report.documents]
    return lines


def _documents_table(report: Report) -> list[str]:
    header = ["document", "entity P", "R", "F1", "relation P", "R", "F1"]
    rows = []
    for doc in report.documents:
        ent = sum(doc.entities.values(), Counts())
        rel = sum(doc.relations.values(), Counts())
        rows.append([doc.document, *_prf(ent), *_prf(rel)])
    return aligned(header, rows)


def _counts_table(title: str, table: Mapping[str, Counts], total: str) -> list[str]:
    header = [title, "tp", "fp", "fn", "P", "R", "F1"]
    rows = [
        [cat, str(c.tp), str(c.fp), str(c.fn), *_prf(c)]
        for cat, c in [*table.items(), (total, sum(table.values(), Counts()))]
    ]
    return aligned(header, rows)


def _prf(counts: Counts) -> list[str]:
    return [
        "-" if v is None else f"{v:.3f}"
        for v in (counts.precision, counts.recall, counts.f1)
    ]


def _findings_lines(
    title: str, findings: Sequence[Finding], several: bool
) -> list[str]:
    groups = _grouped(findings)
    if not groups:
        return [f"{title}: none"]
    lines = [f"{title}:"]
    for cat, items in groups:
        lines.append(f"  {cat} ({len(items)})")
        for f in items:
            text = " → ".join(f.item)
            note = f"  ({f.note})" if f.note else ""
            where = f"  [{f.document}]" if several else ""
            lines.append(f"    {text}{note}{where}")
    return lines
