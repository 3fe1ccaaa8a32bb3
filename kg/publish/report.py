"""The report page: a corpus at a glance, one self-contained offline file.

``write_report(source, out_path)`` reads a graph file, a store folder or a
build folder (anything ``kg.sparql.oxigraph.open_graph_or_store`` opens,
and a folder holding ``current/store`` or ``graph.ttl``) through SPARQL
(``kg.publish.digest``: counters, not the corpus's rows, so its memory
does not grow with the posts and evidence of the corpus), so a store and a
file give the same page, and writes charts an analyst would otherwise make
by hand:

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
from kg.publish.digest import (
    TOP,
    Digest,
    Links,
    Posts,
    is_iri,
    top_by_count,
)
from kg.publish.page import (
    _asset,
    _content_policy,
    _json_island,
    _vendor,
)
from kg.publish.tables import QUERIES, read_strings, year_month

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.sparql.query import SparqlBackend

log = logging.getLogger(__name__)

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
        from kg.sparql.query import as_graph
        from kg.sparql.timeslice import time_slice

        source = time_slice(as_graph(source), span)
    data = report_data(source, notes=notes)
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


def report_data(
    source: Graph | SparqlBackend, *, notes: Iterable[str] = ()
) -> dict[str, Any]:
    """Everything the report shows, as plain sorted JSON-ready values, read
    with :mod:`kg.publish.digest` (counters, not the corpus's rows)."""
    digest = Digest(source)
    mentioned, per_month, mentions = digest.mentions()
    links = Links(digest)
    links.read_statements()
    posts = Posts(digest, links)  # adds the posts to the links
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
        for r in posts.latest()
    ]
    relation_counts, neighbours = links.settle()
    districts = Districts(digest)
    dates = sorted(a.date for a in digest.articles.values() if a.date)
    return {
        "counts": {
            "articles": len(digest.articles),
            "first": dates[0] if dates else "",
            "last": dates[-1] if dates else "",
            "entities": dict(sorted(Counter(digest.kinds).items())),
            "relations": {**relation_counts, "mentions": mentions},
        },
        "kinds": [
            {"key": k, "name": KIND_NAMES[k], "color": KIND_COLORS[k]}
            for k in KIND_NAMES
        ],
        "months": _months(digest, per_month),
        "connected": {
            kind: top_by_count(digest, neighbours, kind)
            for kind in ("Person", "Organization")
        },
        "mentioned": {
            kind: top_by_count(digest, mentioned, kind)
            for kind in ("Person", "Organization")
        },
        "districts": _district_tree(digest, links, districts),
        "launchers": _launchers(digest, links),
        "posts": latest,
        "postsTotal": posts.total,
        "notes": _notes(digest, districts, notes),
    }


def _months(digest: Digest, per_month: dict[tuple[str, str], int]) -> dict[str, Any]:
    """Articles per month, and distinct entities of each kind mentioned."""
    articles = Counter(year_month(a.date) for a in digest.articles.values())
    months = sorted(set(articles) - {""})
    return {
        "months": months,
        "articles": [articles[m] for m in months],
        "undated": articles[""],
        "entities": {
            kind: [per_month.get((kind, m), 0) for m in months]
            for kind in KIND_NAMES
            if kind != "Article"
        },
    }


class Districts:
    """The districts' codes (the greatest, when several) and the first
    place each lies in, read once for the tree and the notes."""

    def __init__(self, digest: Digest) -> None:
        ids, kinds = digest.ids, digest.kinds
        self.codes: dict[int, str] = {}
        self.coded: set[int] = set()
        for entity, code in read_strings(digest.source, QUERIES["codes"]):
            n = ids.get(entity)
            if n is not None and kinds[n] == "District":
                if code > self.codes.get(n, ""):
                    self.codes[n] = code
                self.codes.setdefault(n, code)
                if code:
                    self.coded.add(n)
        self.place: dict[int, str] = {}  # the least place IRI
        for entity, place in read_strings(digest.source, QUERIES["places"]):
            n = ids.get(entity)
            if (
                n is not None
                and kinds[n] == "District"
                and place
                and place < self.place.get(n, "\U0010ffff")
            ):
                self.place[n] = place


def _district_tree(
    digest: Digest, links: Links, districts: Districts
) -> list[dict[str, Any]]:
    """Districts nested by schema:containedInPlace, named with their code;
    value: organisations located in the district (at least 1)."""
    ids, codes = digest.ids, districts.codes
    chosen = [n for n, kind in enumerate(digest.kinds) if kind == "District"]
    up = {n: districts.place[n] for n in chosen if n in districts.place}
    up.update(links.parents)  # a statement's place first
    children: dict[int, list[int]] = defaultdict(list)
    for district in chosen:
        children[ids.get(up.get(district, ""), -1)].append(district)
    digest.fetch_labels(digest.entities[n] for n in chosen)

    def order(n: int) -> tuple[str, str]:
        return (codes.get(n, "999999"), digest.entities[n])

    def node(n: int) -> dict[str, Any]:
        name = digest.label(digest.entities[n])
        below = [node(c) for c in sorted(children.get(n, []), key=order)]
        entry: dict[str, Any] = {
            "name": f"{name} {codes.get(n, '')}".strip(),
            "value": max(links.located[n], 1) + sum(b["value"] for b in below),
        }
        if below:
            entry["children"] = below
        return entry

    return [node(root) for root in sorted(children.get(-1, []), key=order)]


def _launchers(digest: Digest, links: Links) -> list[dict[str, Any]]:
    """Launchers with the most initiatives, with the initiatives' names."""
    digest.fetch_labels(n for pair in links.launched for n in pair)
    launched: dict[str, set[str]] = defaultdict(set)
    for initiative, launcher in links.launched:
        name = digest.label(launcher) if is_iri(launcher) else launcher
        launched[name].add(digest.label(initiative))
    ranked = sorted(launched.items(), key=lambda p: (-len(p[1]), p[0]))[:TOP]
    return [
        {"name": name, "value": len(items), "items": sorted(items)}
        for name, items in ranked
    ]


def _notes(digest: Digest, districts: Districts, extra: Iterable[str]) -> list[str]:
    """Districts the text did not decide (no code, no place), undated
    articles, then ``extra``."""
    undecided = [
        n
        for n, kind in enumerate(digest.kinds)
        if kind == "District" and n not in districts.coded and n not in districts.place
    ]
    digest.fetch_labels(digest.entities[n] for n in undecided)
    notes = [
        f"行政区未定：{digest.label(digest.entities[n])}（文中地名对应多个行政区，未赋代码）"
        for n in undecided
    ]
    undated = sorted(a.title for a in digest.articles.values() if not a.date)
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
