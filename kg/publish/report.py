"""The report page: a corpus at a glance, one self-contained offline file.

``write_report(source, out_path)`` reads a graph file, a store folder or a
build folder (anything ``kg.sparql.oxigraph.open_graph_or_store`` opens,
and a folder holding ``current/store`` or ``graph.ttl``) through SPARQL
(``kg.publish.tables``), so a store and a file give the same page, and
writes charts an analyst would otherwise make by hand:

- articles per month, and entities of each type mentioned per month;
- the most connected and the most mentioned people and organisations;
- districts as a hierarchy (a treemap by GB/T 2260 code; size: the
  organisations located there);
- initiatives by launcher;
- a sortable table of posts (person, roles, organisation, place, dates,
  evidence, source);
- the build's quality notes: districts the text did not decide (no code),
  articles without a date, inputs the build skipped (``skipped.txt`` in a
  build folder, or ``notes=`` from the caller).

The charts are Apache ECharts 6 (vendored under ``kg/assets/vendor``),
inlined, with the data in a JSON island where ``<``, ``>`` and ``&`` are
escaped; tooltips are drawn on the canvas (``renderMode: "richText"``) and
the table is filled with ``textContent``, so text from articles is never
markup; a Content-Security-Policy lets only the page's two scripts run.
The same graph always gives the same bytes.
"""

from __future__ import annotations

import html
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from kg.atomic import write_atomically
from kg.errors import GraphError
from kg.graph.timespan import TimeSpan
from kg.publish.page import (
    _asset,
    _content_policy,
    _json_island,
    _vendor,
)
from kg.publish.tables import GraphTables, year_month

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.sparql.query import SparqlBackend

log = logging.getLogger(__name__)

TOP = 15
KIND_NAMES = {
    "Person": "人物",
    "Organization": "组织",
    "District": "行政区",
    "Initiative": "倡议",
    "Article": "文章",
}
KIND_COLORS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "District": "#59a14f",
    "Initiative": "#f28e2b",
    "Article": "#9e9e9e",
}
SKIPPED_FILES = ("skipped.txt", "current/skipped.txt")


@dataclass(frozen=True)
class ReportSummary:
    """What a written report holds."""

    path: Path
    articles: int
    entities: int
    posts: int
    notes: int


def write_report(
    source: Graph | SparqlBackend | Path,
    out_path: Path,
    *,
    title: str | None = None,
    notes: Sequence[str] = (),
    span: TimeSpan | None = None,
) -> ReportSummary:
    """Write the report page of ``source`` (a graph, a store backend, or a
    path to a graph file, store or build folder) to ``out_path``.

    ``notes`` are extra quality notes (e.g. inputs a build skipped);
    ``span`` keeps only what articles of that time support.  Raises
    GraphError when the path cannot be opened, OutputError when the page
    cannot be written.
    """
    if isinstance(source, Path):
        notes = [*notes, *_skipped_notes(source)]
        source = _open(source)
    if span is not None and not span.open:
        from kg.sparql.timeslice import time_slice

        source = time_slice(_as_graph(source), span)
    tables = GraphTables(source)
    data = report_data(tables, notes=notes)
    if span is not None and not span.open:
        data["span"] = span.describe()
    page = render_report(data, title=title or _title(data))
    out_path = Path(out_path)
    write_atomically(out_path, page.encode("utf-8"), what="the report page")
    log.info("wrote %s", out_path)
    return ReportSummary(
        out_path,
        data["counts"]["articles"],
        sum(data["counts"]["entities"].values()),
        data["postsTotal"],
        len(data["notes"]),
    )


def _open(path: Path) -> Graph | SparqlBackend:
    from kg.sparql.oxigraph import open_graph_or_store

    for inner in ("current/store", "graph.ttl"):
        if path.is_dir() and (path / inner).exists():
            return open_graph_or_store(path / inner)
    if not path.exists():
        raise GraphError(
            f"{path}: no such graph file, store or build folder; run `kg build` first"
        )
    return open_graph_or_store(path)


def _as_graph(source: Graph | SparqlBackend) -> Graph:
    from rdflib import Graph

    if isinstance(source, Graph):
        return source
    from kg.sparql.query import run_query

    result = run_query(source, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return result.graph if result.graph is not None else Graph()


def _skipped_notes(path: Path) -> list[str]:
    found = []
    for name in SKIPPED_FILES:
        listed = path / name if path.is_dir() else None
        if listed is not None and listed.is_file():
            lines = listed.read_text(encoding="utf-8", errors="replace").splitlines()
            found += [f"未读入：{line.strip()}" for line in lines if line.strip()]
    return found


def _title(data: dict[str, Any]) -> str:
    counts = data["counts"]
    title = f"语料报告 · {counts['articles']:,} 篇文章"
    if counts["first"]:
        title += f" · {counts['first']} 至 {counts['last']}"
    return title


# ------------------------------------------------------------------- data


def report_data(tables: GraphTables, *, notes: Iterable[str] = ()) -> dict[str, Any]:
    """Everything the report shows, as plain sorted JSON-ready values.

    Each table is built, summed up and let go before the next (entities,
    posts, relations; the articles are counted, not tabled), so only one is
    held at a time.
    """
    entities = tables.entities().rows
    entity_counts = dict(sorted(Counter(r[1] for r in entities).items()))
    mentioned = _mentioned(entities)
    all_notes = _notes(tables, entities, notes)
    del entities
    posts = tables.posts().rows
    posts_total = len(posts)
    latest = [
        {
            "person": r[0],
            "roles": r[1],
            "org": r[2],
            "place": r[3],
            "first": r[4],
            "last": r[5],
            "evidence": r[8],
            "source": r[9],
        }
        for r in _latest(posts)
    ]
    del posts
    relations = tables.relations().rows
    relation_counts = _relation_counts(relations)
    connected = _connected(tables, relations)
    launchers = _launchers(relations, tables)
    del relations
    dates = sorted(a.date for a in tables.articles.values() if a.date)
    return {
        "counts": {
            "articles": len(tables.articles),  # a row each in the articles table
            "first": dates[0] if dates else "",
            "last": dates[-1] if dates else "",
            "entities": entity_counts,
            "relations": {
                **relation_counts,
                "mentions": len(set(tables.rows["mentions"])),
            },
        },
        "kinds": [
            {"key": k, "name": KIND_NAMES[k], "color": KIND_COLORS[k]}
            for k in KIND_NAMES
        ],
        "months": _months(tables),
        "connected": connected,
        "mentioned": mentioned,
        "districts": _district_tree(tables),
        "launchers": launchers,
        "posts": latest,
        "postsTotal": posts_total,
        "notes": all_notes,
    }


POST_ROWS = 5000
"""Most posts the report's table carries: the latest; ``kg export`` has all
(a 100,000-article corpus has 770,000 posts, 266 MB of page)."""


def _latest(rows: Sequence[tuple[Any, ...]]) -> Sequence[tuple[Any, ...]]:
    """The :data:`POST_ROWS` posts attested last, when there are more."""
    if len(rows) <= POST_ROWS:
        return rows
    return sorted(rows, key=_recency, reverse=True)[:POST_ROWS]


def _recency(row: tuple[Any, ...]) -> tuple[str, ...]:
    """Last date, first date, then the whole row: one order, always."""
    return (row[5] or "", row[4] or "", *(str(x or "") for x in row))


def _relation_counts(relations: Sequence[tuple[str, ...]]) -> dict[str, int]:
    """Distinct facts of each relation (a fact read from two articles is one)."""
    facts = {(r[2], r[11], r[12]) for r in relations}
    return dict(sorted(Counter(relation for relation, _, _ in facts).items()))


def _months(tables: GraphTables) -> dict[str, Any]:
    """Articles per month, and distinct entities of each kind mentioned."""
    months = sorted(
        {year_month(a.date) for a in tables.articles.values() if a.date} - {""}
    )
    articles = Counter(year_month(a.date) for a in tables.articles.values())
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entity, sources in tables.mentioned_in.items():
        kind = tables.kinds.get(entity)
        for article in sources:
            info = tables.articles.get(article)
            if kind and info is not None and info.date:
                seen[kind][year_month(info.date)].add(entity)
    return {
        "months": months,
        "articles": [articles[m] for m in months],
        "undated": articles[""],
        "entities": {
            kind: [len(seen[kind][m]) for m in months]
            for kind in KIND_NAMES
            if kind != "Article"
        },
    }


def _connected(
    tables: GraphTables, relations: Sequence[tuple[str, ...]]
) -> dict[str, list[dict[str, Any]]]:
    """People and organisations with the most distinct neighbours."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for row in relations:
        subject, obj = row[11], row[12]
        neighbours[subject].add(obj)
        neighbours[obj].add(subject)
    return {
        kind: _top(
            (tables.label(iri), len(others))
            for iri, others in neighbours.items()
            if tables.kinds.get(iri) == kind
        )
        for kind in ("Person", "Organization")
    }


def _mentioned(entities: Sequence[tuple[str, ...]]) -> dict[str, list[dict[str, Any]]]:
    """People and organisations mentioned in the most articles."""
    return {
        kind: _top((r[3], int(r[8])) for r in entities if r[1] == kind and r[8] != "0")
        for kind in ("Person", "Organization")
    }


def _top(pairs: Iterable[tuple[str, int]]) -> list[dict[str, Any]]:
    ranked = sorted(pairs, key=lambda p: (-p[1], p[0]))[:TOP]
    return [{"name": name, "value": value} for name, value in ranked]


def _district_tree(tables: GraphTables) -> list[dict[str, Any]]:
    """Districts nested by schema:containedInPlace, named with their code;
    value: organisations located in the district (at least 1)."""
    codes = {e: c for e, c in sorted(tables.rows["codes"])}
    districts = sorted(e for e, k in tables.kinds.items() if k == "District")
    parent: dict[str, str] = {}
    located: Counter[str] = Counter()
    for _, subject, predicate, obj in tables.rows["statements"]:
        if predicate.endswith("containedInPlace") and subject in tables.kinds:
            parent.setdefault(subject, obj)
        elif predicate.endswith("locatedIn"):
            located[obj] += 1
    for child, found in sorted(tables.places.items()):
        if tables.kinds.get(child) == "District" and child not in parent:
            parent[child] = found[0]
    children: dict[str, list[str]] = defaultdict(list)
    for district in districts:
        up = parent.get(district)
        children[up if up in tables.kinds else ""].append(district)

    def node(iri: str) -> dict[str, Any]:
        name = tables.label(iri)
        code = codes.get(iri, "")
        below = [node(c) for c in sorted(children.get(iri, []), key=_by_code(codes))]
        entry: dict[str, Any] = {
            "name": f"{name} {code}".strip(),
            "value": max(located[iri], 1) + sum(b["value"] for b in below),
        }
        if below:
            entry["children"] = below
        return entry

    return [node(root) for root in sorted(children.get("", []), key=_by_code(codes))]


def _by_code(codes: dict[str, str]) -> Any:
    return lambda iri: (codes.get(iri, "999999"), iri)


def _launchers(
    relations: Sequence[tuple[str, ...]], tables: GraphTables
) -> list[dict[str, Any]]:
    """Launchers with the most initiatives, with the initiatives' names."""
    launched: dict[str, set[str]] = defaultdict(set)
    for row in relations:
        if row[2] == "launchedBy":
            launched[row[3]].add(row[0])
    ranked = sorted(launched.items(), key=lambda p: (-len(p[1]), p[0]))[:TOP]
    return [
        {"name": name, "value": len(items), "items": sorted(items)}
        for name, items in ranked
    ]


def _notes(
    tables: GraphTables, entities: Sequence[tuple[str, ...]], extra: Iterable[str]
) -> list[str]:
    notes = []
    for row in entities:
        if row[1] == "District" and not row[6] and not row[7]:
            notes.append(f"行政区未定：{row[3]}（文中地名对应多个行政区，未赋代码）")
    undated = sorted(a.title for a in tables.articles.values() if not a.date)
    if undated:
        notes.append(f"无日期的文章 {len(undated)} 篇：" + "、".join(undated[:10]))
    notes += list(extra)
    return notes


# ------------------------------------------------------------------- page


def render_report(data: dict[str, Any], *, title: str) -> str:
    """The whole report page as a string (see the module docstring)."""
    charts = _vendor("echarts.min.js")
    page, style, script = (
        _asset(name) for name in ("report.html", "report.css", "report.js")
    )
    return Template(page).substitute(
        policy=_content_policy(charts, script),
        title=html.escape(title),
        style=style,
        data=_json_island(data),
        echarts_script=charts,
        report_script=script,
    )
