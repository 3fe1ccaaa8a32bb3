"""Check a graph against the SHACL shapes of the graph contract.

The shapes are ``ontology/shapes.ttl``: one named shape per rule of
CONTRACT.md, each with a message saying what the contract asks for.
:func:`validate_graph` runs pySHACL (no inference: types are checked as
asserted) and returns a :class:`ValidationReport`; :func:`check_graph` raises
:class:`ContractError` when a graph breaks a rule, for ``kg build`` to fail
loudly; :func:`format_report` makes the report readable.

Rules that join several nodes (every fact has evidence, every statement's
triple is asserted …) are SPARQL constraints on the single focus node
``kgsh:graph`` and run once over the whole graph; pySHACL reports the
culprit as ``sh:value``, which :class:`Violation` moves into ``focus``.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import RDF, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.plugins.stores.memory import Memory, SimpleMemory
from rdflib.term import Node

from kg.errors import GraphError
from kg.graph.namespaces import STANDARD_PREFIXES, compact

log = logging.getLogger(__name__)

KGSH = Namespace("https://w3id.org/kgzh/shapes#")
GRAPH_NODE = KGSH.graph
"""The focus node of the graph-wide rules."""

SHAPES_NAME = "shapes.ttl"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "ontology" / SHAPES_NAME
SHOWN_PER_RULE = 10
"""How many culprits :func:`format_report` lists per broken rule by default."""


class ShapesError(GraphError):
    """The shapes file is missing or is not a readable SHACL graph."""


class ContractError(GraphError):
    """A graph breaks a rule of the graph contract's shapes."""


@dataclass(frozen=True)
class Violation:
    """One broken rule at one node.

    ``rule`` names the shape (or SPARQL constraint) that was broken, e.g.
    ``kgsh:Role``; ``focus`` is the node that breaks it; ``path`` and
    ``value`` say where, when the rule is about a property.
    """

    rule: URIRef | BNode
    focus: Node
    message: str
    component: URIRef
    severity: URIRef = SH.Violation
    path: Node | None = None
    value: Node | None = None


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of checking one graph against the shapes."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int
    seconds: float
    shapes: str = ""
    """Where the shapes came from, for messages."""

    def by_rule(self) -> dict[Node, list[Violation]]:
        """Violations grouped by rule, in order of first appearance."""
        groups: dict[Node, list[Violation]] = defaultdict(list)
        for violation in self.violations:
            groups[violation.rule].append(violation)
        return dict(groups)


def shapes_path() -> Path:
    """The shapes file: installed package data, else the source tree's."""
    installed = resources.files("kg").joinpath("ontology", SHAPES_NAME)
    if installed.is_file():
        return Path(str(installed))
    if _SOURCE_TREE.is_file():
        return _SOURCE_TREE
    raise ShapesError(
        f"{SHAPES_NAME}: not found in the kg package nor at {_SOURCE_TREE}; "
        "reinstall kg, or pass a shapes file (kg validate --shapes FILE)"
    )


@cache
def load_shapes(path: Path | None = None) -> Graph:
    """Parse a shapes file (the contract's by default), once per process."""
    path = path or shapes_path()
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise ShapesError(f"{path}: no such shapes file; check the path") from exc
    except Exception as exc:  # rdflib raises many kinds of parse error
        raise ShapesError(f"{path}: not a readable Turtle shapes file ({exc})") from exc


def validate_graph(
    graph: Graph, *, shapes: Graph | None = None, source: str = ""
) -> ValidationReport:
    """Check ``graph`` against the contract's shapes (or ``shapes``).

    About 0.1 s for a graph of 800 triples and 0.6 s for 5,000, on top of
    importing pySHACL once (0.3 s).
    """
    from pyshacl import validate

    if shapes is None:
        path = shapes_path()
        shapes, source = load_shapes(path), source or f"ontology/{SHAPES_NAME}"
    started = time.perf_counter()
    try:
        _, results, _ = validate(
            _ParsedOnce(graph),
            shacl_graph=shapes,
            inference="none",
            allow_infos=True,
            allow_warnings=True,
        )
    except Exception as exc:  # pySHACL reports broken shapes as exceptions
        raise ShapesError(
            f"{source or 'the shapes'}: pySHACL cannot use them ({exc}); "
            "fix the shapes file"
        ) from exc
    violations = tuple(sorted(_violations(results), key=_order))
    seconds = time.perf_counter() - started
    log.info("validated %d triples in %.2f s", len(graph), seconds)
    conforms = not any(v.severity == SH.Violation for v in violations)
    return ValidationReport(conforms, violations, len(graph), seconds, source)


_IN_MEMORY = (Memory, SimpleMemory)


class _ParsedOnce(Graph):
    """A view of a graph that parses each SPARQL text once per process.

    pySHACL sends every SPARQL constraint as text on every validation, and
    rdflib's parser takes 30–100 ms a query, more than checking a small graph.
    Other stores (Oxigraph has its own SPARQL engine) get the text unchanged.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(
            store=graph.store,
            identifier=graph.identifier,
            namespace_manager=graph.namespace_manager,
        )

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(query_object, str) and isinstance(self.store, _IN_MEMORY):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=64)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


def check_graph(graph: Graph, *, what: str = "the graph") -> ValidationReport:
    """Validate ``graph`` and raise :class:`ContractError` if it breaks a rule.

    ``what`` names the graph in the message, e.g. ``output/graph.ttl``.
    """
    report = validate_graph(graph)
    if not report.conforms:
        raise ContractError(
            f"{what} breaks the graph contract; this is a bug in kg, please "
            "report it with the input that caused it.\n"
            + format_report(report, graph, name=what)
        )
    return report


def _order(violation: Violation) -> tuple[str, ...]:
    parts = (violation.rule, violation.focus, violation.path, violation.value)
    return (*(str(part) for part in parts), violation.message)


def _violations(results: Graph) -> Iterable[Violation]:
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        rule = results.value(result, SH.sourceConstraint)
        if not isinstance(rule, URIRef):  # not a named SPARQL constraint
            rule = results.value(result, SH.sourceShape)
        if focus == GRAPH_NODE and value is not None:
            focus, value = value, None
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        yield Violation(
            rule=rule if isinstance(rule, URIRef | BNode) else BNode(),
            focus=focus if focus is not None else GRAPH_NODE,
            message="; ".join(messages),
            component=URIRef(str(results.value(result, SH.sourceConstraintComponent))),
            severity=URIRef(str(results.value(result, SH.resultSeverity))),
            path=results.value(result, SH.resultPath),
            value=value,
        )


def format_report(
    report: ValidationReport,
    graph: Graph,
    *,
    name: str = "the graph",
    limit: int | None = SHOWN_PER_RULE,
) -> str:
    """A readable report: one block per broken rule, culprits with labels."""
    if not report.violations:
        return (
            f"{name}: conforms to the graph contract "
            f"({report.triples} triples, {report.seconds:.2f} s)\n"
        )
    count = len(report.violations)
    lines = [
        f"{name}: {count} violation{'s' * (count != 1)} of the graph contract"
        + (f" ({report.shapes})" if report.shapes else "")
    ]
    prefixes = {
        **STANDARD_PREFIXES,
        "kgsh": str(KGSH),
        **{prefix: str(ns) for prefix, ns in graph.namespaces() if prefix},
    }
    for rule, violations in report.by_rule().items():
        lines.append("")
        lines.append(f"{_show(rule, prefixes)} ({len(violations)})")
        for violation in violations[:limit]:
            lines.append("  - " + _describe(violation, graph, prefixes))
        if limit is not None and len(violations) > limit:
            lines.append(f"  … and {len(violations) - limit} more")
    return "\n".join(lines) + "\n"


def _describe(violation: Violation, graph: Graph, prefixes: Mapping[str, str]) -> str:
    focus = _show(violation.focus, prefixes)
    label = graph.value(violation.focus, SKOS.prefLabel)
    named = f"{focus} ({label})" if label is not None else focus
    message = _shorten(violation.message, prefixes)
    if message.startswith(focus + " "):  # graph-wide rules name the culprit
        text = named + message[len(focus) :]
    else:
        text = f"{named}: {message}"
    if violation.value is not None:
        where = f"{_show(violation.path, prefixes)} " if violation.path else ""
        text += f" [{where}{_show(violation.value, prefixes)}]"
    return text


def _show(node: Node | None, prefixes: Mapping[str, str]) -> str:
    """``kgr:person/…`` for an IRI, ``"…"@en`` for a literal."""
    if isinstance(node, Literal):
        return node.n3()
    return compact(node, prefixes)


def _shorten(message: str, prefixes: Mapping[str, str]) -> str:
    """Shorten the full IRIs pySHACL writes into substituted messages."""
    for prefix, namespace in sorted(prefixes.items(), key=lambda p: -len(p[1])):
        message = message.replace(namespace, f"{prefix}:")
    return message
