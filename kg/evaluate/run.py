"""``kg eval``: score a graph against per-article gold files and identity files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rdflib

from kg.evaluate.identity import (
    IdentityGold,
    IdentityScore,
    format_identity,
    identity_to_dict,
    is_identity_file,
    load_identity,
    score_identity,
)
from kg.evaluate.report import Report, format_report, report_to_dict
from kg.evaluate.score import load_gold, score


@dataclass(frozen=True)
class Evaluation:
    """The scores of one ``kg eval``: per-article gold (if any were given) and
    each identity file."""

    report: Report | None
    identities: tuple[tuple[IdentityGold, IdentityScore], ...] = ()


def evaluate(paths: Sequence[Path], graph: rdflib.Graph) -> Evaluation:
    """Score ``graph``: files holding a ``people`` list are identity files
    (GUIDELINES "Identity files"), the others per-article gold files."""
    identity_paths = [p for p in paths if is_identity_file(p)]
    golds = [load_gold(p) for p in paths if p not in identity_paths]
    report = score(golds, graph) if golds else None
    identities = []
    for path in identity_paths:
        gold = load_identity(path)
        identities.append((gold, score_identity(gold, graph)))
    return Evaluation(report, tuple(identities))


def format_evaluation(evaluation: Evaluation) -> str:
    parts = [format_report(evaluation.report)] if evaluation.report else []
    parts += [format_identity(s, gold=g) for g, s in evaluation.identities]
    return "\n\n".join(parts)


def evaluation_to_dict(evaluation: Evaluation) -> dict[str, Any]:
    out: dict[str, Any] = report_to_dict(evaluation.report) if evaluation.report else {}
    if evaluation.identities:
        out["identity"] = {
            Path(g.path).name: identity_to_dict(s) for g, s in evaluation.identities
        }
    return out
