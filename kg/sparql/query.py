"""SPARQL over a graph: bundled queries, safe parameters, result formats.

A query is the name of a bundled query (``kg/queries/NAME.rq``), a ``.rq``
file, or SPARQL text.  Parameters are plain strings bound to the variable of
the same name before the query runs (rdflib ``initBindings``, Oxigraph
``substitutions``), never pasted into the text, so no value can change the
query.  A bundled query declares them in its header comment::

    # title: Organisations in a district
    # param district: district name or GB/T 2260 code, e.g. 无锡市
    # param org (optional): …

and tests ``!BOUND(?org)`` where an optional one is left out.

Queries run through a :class:`SparqlBackend`; :class:`RdflibBackend` serves a
plain rdflib Graph, and a store (Oxigraph) only needs the same ``query``
method returning a :class:`QueryResult` of rdflib terms.  The usual prefixes
(``kgo: kgr: org: schema: skos: prov: rdf: rdfs: foaf: owl: xsd:``) need not
be declared.  :func:`format_result` writes an aligned table (CJK counted
double width), SPARQL 1.1 CSV, TSV or JSON, or Turtle for CONSTRUCT and
DESCRIBE.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import KGError
from kg.graph.namespaces import STANDARD_PREFIXES
from kg.sparql.inner_bodies import RETRIES

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PARAM_LINE = re.compile(
    r"#\s*param\s+(?P<name>\w+)\s*(?P<optional>\(optional\))?\s*:\s*(?P<doc>.*)"
)
_TITLE_LINE = re.compile(r"#\s*title\s*:\s*(?P<title>.*)")


class QueryError(KGError):
    """A query cannot be found, parsed, bound or run."""


class QuerySyntaxError(QueryError):
    """A query does not parse; ``line`` and ``column`` count from 1."""

    def __init__(self, reason: str, line: int, column: int, text: str = "") -> None:
        self.reason, self.line, self.column = reason, line, column
        where = f"line {line}, column {column}: {reason}"
        if text:
            where += f"\n    {text}\n    {' ' * (column - 1)}^"
        super().__init__(where)


@dataclass(frozen=True)
class Param:
    """A parameter a bundled query declares."""

    name: str
    doc: str
    required: bool = True


@dataclass(frozen=True)
class BundledQuery:
    """A query shipped in ``kg/queries``, with its documentation."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


@dataclass(frozen=True)
class QueryResult:
    """What a query returns, whatever backend ran it (terms are rdflib's)."""

    form: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    prefixes: Mapping[str, str] = field(default_factory=dict)


class SparqlBackend(Protocol):
    """Anything that runs SPARQL: an rdflib graph, a triple store."""

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Literal | URIRef],
        prefixes: Mapping[str, str],
    ) -> QueryResult:
        """Run ``text`` with ``bindings`` pre-bound; raise QuerySyntaxError."""
        ...

    def prefixes(self) -> dict[str, str]:
        """Prefixes the data declares (e.g. its ``kgr:`` base)."""
        ...


class RdflibBackend:
    """Runs queries with rdflib's SPARQL engine over an in-memory graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def prefixes(self) -> dict[str, str]:
        return {prefix: str(ns) for prefix, ns in self.graph.namespaces() if prefix}

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Literal | URIRef],
        prefixes: Mapping[str, str],
    ) -> QueryResult:
        from pyparsing import ParseException
        from rdflib.plugins.sparql import prepareQuery

        try:
            prepared = prepareQuery(text, initNs=dict(prefixes))
        except ParseException as exc:
            raise QuerySyntaxError(exc.msg, exc.lineno, exc.col, exc.line) from exc
        except Exception as exc:  # rdflib: unknown prefix and the like
            raise _located(text, str(exc)) from exc
        try:
            given = {k: v for k, v in bindings.items() if v != ABSENT}
            result = self.graph.query(prepared, initBindings=given)
            return _from_rdflib(result, prefixes)
        except Exception as exc:  # evaluation errors of many kinds
            raise QueryError(f"the query failed while running: {exc}") from exc


def _from_rdflib(result: Result, prefixes: Mapping[str, str]) -> QueryResult:
    form = result.type
    if form == "ASK":
        return QueryResult(form, boolean=bool(result.askAnswer), prefixes=prefixes)
    if form in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(form, graph=result.graph, prefixes=prefixes)
    names = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(row) for row in result)  # type: ignore[arg-type]
    return QueryResult(form, names, rows, prefixes=prefixes)


def _located(text: str, message: str) -> QueryError:
    """Point at the first use of an undeclared prefix, if that is the trouble."""
    found = re.search(r"Unknown namespace prefix\s*:\s*(\w*)", message)
    if found is None:
        return QueryError(f"the query is not valid SPARQL: {message}")
    prefix = found.group(1)
    use = re.search(rf"(?<![\w<#]){re.escape(prefix)}:", text)
    reason = (
        f"unknown prefix {prefix}:; declare it (PREFIX {prefix}: <…>) or use one "
        f"of {', '.join(sorted(STANDARD_PREFIXES))}"
    )
    if use is None:
        return QueryError(reason)
    line = text.count("\n", 0, use.start()) + 1
    start = text.rfind("\n", 0, use.start()) + 1
    end = text.find("\n", use.start())
    return QuerySyntaxError(
        reason, line, use.start() - start + 1, text[start : end if end >= 0 else None]
    )


# ---------------------------------------------------------------- bundled


def bundled_queries() -> dict[str, BundledQuery]:
    """The queries shipped in ``kg/queries``, by name."""
    folder = resources.files("kg").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_bundled(name, entry.read_text(encoding="utf-8"))
    return found


def parse_bundled(name: str, text: str) -> BundledQuery:
    """Read a bundled query's header: ``# title:``, ``# param``, description."""
    title, description, params = name, [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if match := _TITLE_LINE.match(line):
            title = match["title"].strip()
        elif match := _PARAM_LINE.match(line):
            params.append(
                Param(match["name"], match["doc"].strip(), not match["optional"])
            )
        else:
            description.append(line.lstrip("#").strip())
    return BundledQuery(name, title, " ".join(description), tuple(params), text)


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class QueryText:
    """A query ready to bind: its text, where it came from, its declaration."""

    text: str
    origin: str
    bundled: BundledQuery | None = None


def load_query(spec: str) -> QueryText:
    """A bundled query's name, a ``.rq`` file, or SPARQL text, as a query."""
    queries = bundled_queries()
    if spec in queries:
        return QueryText(queries[spec].text, f"bundled query {spec}", queries[spec])
    path = Path(spec)
    looks_like_file = path.suffix.lower() in (".rq", ".sparql") and "\n" not in spec
    if looks_like_file or (len(spec) < 256 and "\n" not in spec and path.is_file()):
        try:
            return QueryText(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(
                f"{path}: cannot read the query file ({exc}); check the path, "
                "or run `kg query --list` for the bundled queries"
            ) from exc
    if _VARIABLE.fullmatch(spec.replace("-", "_")):
        raise QueryError(
            f"{spec}: no bundled query of that name (bundled: "
            f"{', '.join(queries)}); run `kg query --list`"
        )
    return QueryText(spec, "the query")


ABSENT = URIRef("urn:kg:absent")
"""Bound to an optional parameter left out: no value, only a sign that a
store backend may read ``BOUND(?name)`` as false while it plans (rdflib's
backend drops it)."""
UNBOUND = " unbound "
"""What a name form of a parameter left out is bound to: no label has it."""
NO_IRI = URIRef("urn:kg:no-value")
NAME_FORMS = ("zh", "pinyin", "text", "iri")


def bind_params(
    query: QueryText, params: Mapping[str, str]
) -> dict[str, Literal | URIRef]:
    """Check ``params`` against what the query takes; bind them as strings.

    A query may also use a parameter's *name forms*, which let a store look
    the value up in its indexes instead of comparing every label:
    ``?NAME_zh`` (the value as a ``@zh`` literal), ``?NAME_pinyin``
    (``@zh-Latn-pinyin``), ``?NAME_text`` (a plain literal) and ``?NAME_iri``
    (the value as an IRI, when it is one).  A form that does not apply, or of
    an optional parameter left out, is bound to a value no graph holds, so a
    pattern using it matches nothing, at once.
    """
    declared: list[str] = list(params)
    if query.bundled is not None:
        _check_declared(query.bundled, params)
        declared = [param.name for param in query.bundled.params]
    else:
        for name in params:
            _check_used(query, name)
    bindings: dict[str, Literal | URIRef] = {
        name: Literal(value) for name, value in params.items()
    }
    if query.bundled is not None:
        for param in query.bundled.params:
            if param.name not in params:
                bindings[param.name] = ABSENT
    for name in declared:
        for form in NAME_FORMS:
            if re.search(rf"[?$]{name}_{form}\b", query.text):
                bindings[f"{name}_{form}"] = _name_form(params.get(name), form)
    return bindings


def _name_form(value: str | None, form: str) -> Literal | URIRef:
    if form == "iri":
        absolute = value is not None and re.match(
            r"[A-Za-z][\w+.-]*:[^\s<>\"{}|^`\\]+$", value
        )
        return URIRef(value) if absolute and value else NO_IRI
    text = UNBOUND if value is None else value
    if form == "zh":
        return Literal(text, lang="zh")
    if form == "pinyin":
        return Literal(text, lang="zh-latn-pinyin")
    return Literal(text)


def expand_curies(
    params: Mapping[str, str], prefixes: Mapping[str, str]
) -> dict[str, str]:
    """``kgr:person/…`` in a value becomes the full IRI, as tables print it."""
    expanded = {}
    for name, value in params.items():
        prefix, sep, local = value.partition(":")
        known = sep and prefix in prefixes and not local.startswith("//")
        expanded[name] = prefixes[prefix] + local if known else value
    return expanded


def _check_declared(bundled: BundledQuery, params: Mapping[str, str]) -> None:
    known = {param.name: param for param in bundled.params}
    for name in params:
        if name not in known:
            takes = ", ".join(known) or "no parameters"
            raise QueryError(
                f"bundled query {bundled.name} has no parameter {name!r}; "
                f"it takes: {takes}"
            )
    for param in bundled.params:
        if param.required and param.name not in params:
            raise QueryError(
                f"bundled query {bundled.name} needs --param {param.name}=… "
                f"({param.doc})"
            )


def _check_used(query: QueryText, name: str) -> None:
    if not _VARIABLE.fullmatch(name):
        raise QueryError(
            f"--param {name}=…: not a SPARQL variable name (letters, digits, _)"
        )
    if not re.search(rf"[?$]{name}\b", query.text):
        raise QueryError(
            f"--param {name}=…: {query.origin} has no variable ?{name} to bind"
        )


def run_query(
    source: Graph | SparqlBackend,
    query: str,
    *,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a bundled query, a ``.rq`` file or SPARQL text over ``source``."""
    backend = RdflibBackend(source) if isinstance(source, Graph) else source
    loaded = load_query(query)
    prefixes = {**STANDARD_PREFIXES, **backend.prefixes()}
    bindings = bind_params(loaded, expand_curies(params or {}, prefixes))
    try:
        result = backend.query(loaded.text, bindings=bindings, prefixes=prefixes)
    except QueryError as exc:
        raise QueryError(f"{loaded.origin}: {exc}") from exc
    retry = RETRIES.get(loaded.bundled.name) if loaded.bundled else None
    if retry is not None and not result.rows and params:
        for again in retry(params):  # 工会主席 of a company: 主席 of its 工会
            found = run_query(source, query, params=again)
            if found.rows:
                return found
    return result


def as_graph(source: Graph | SparqlBackend) -> Graph:
    """``source`` as an rdflib graph: itself, or every triple of a store's
    default graph read into memory (for the few callers that need rdflib's
    Graph API on a small store)."""
    if isinstance(source, Graph):
        return source
    result = run_query(source, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return result.graph if result.graph is not None else Graph()
