"""The interactive network page: one self-contained, offline HTML file.

The page inlines sigma.js 3 (a WebGL network renderer) and graphology (the
graph it draws), both MIT-licensed and vendored under ``kg/assets/vendor``
with their licences (``scripts/vendor_js.py`` installs the pinned versions),
and the explorer's own script and style from ``kg/assets/``; nothing is
loaded from the network.

Where nodes go is decided here, not in the browser (``kg.publish.layout``:
communities found with Louvain, each laid out by a force layout and packed
apart, isolated nodes in a grid below), so a 20,000-node page is drawn as
soon as its data is parsed, and the same graph always gives the same
picture.  The explorer draws labels itself, most important first, skipping
any that would overlap one already drawn, so more appear as you zoom in.
A graph with more than ``max_nodes`` nodes is drawn as an overview of its
most central nodes, and the page says so.

Each node and edge carries the dates of the articles behind it, so the
page can show a time range; article nodes carry their date, outlet, URL,
file and the sentences read from them (and the text, when the graph holds
``schema:articleBody``).

Safety: the graph travels as a JSON data island in which ``<``, ``>`` and
``&`` are ``\\u``-escaped; the explorer writes text from the graph with
``textContent`` only (a URL becomes an ``href`` only if it is http or
https), and the page title and legend are HTML-escaped, so text read from
documents can never become markup.  As a second line, a
Content-Security-Policy lets only the page's own scripts run (by hash) and
forbids every fetch.

The same graph always gives the same bytes: nodes and edges are sorted, the
layout is seeded and nothing depends on the clock.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from rdflib import RDF, Graph
from rdflib.term import Node

from kg.atomic import write_atomically
from kg.corpus.open import load_graph
from kg.corpus.texts import text_reader
from kg.errors import OutputError
from kg.graph.namespaces import SCHEMA
from kg.graph.timespan import TimeSpan
from kg.graph.view import (
    KINDS,
    RELATIONS,
    central_nodes,
    district_nodes,
    ego_nodes,
    find_entity,
    network_edges,
    node_kinds,
    pagerank,
)
from kg.publish.articles import (
    ArticleInfo,
    Texts,
    article_days,
    article_dict,
    article_info,
    day_index,
    days_of_sources,
    node_days,
)
from kg.publish.layout import community_layout
from kg.publish.netview import NetView, build_view, label_of
from kg.sparql.timeslice import time_slice

log = logging.getLogger(__name__)

MAX_NODES = 20000
VENDOR = ("graphology.umd.min.js", "sigma.min.js")
ASSETS = ("page.html", "explorer.css", "explorer.js")
COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#1f77b4", "#17becf", "#bcbd22",
    "#8c564b", "#d62728", "#2ca02c", "#9467bd",
)  # fmt: skip
CROWDED = 300
"""From this many nodes on, nodes are coloured by community at first."""
_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


@dataclass(frozen=True)
class PageSummary:
    """What a written page shows: nodes and edges drawn, of how many."""

    path: Path
    nodes: int
    edges: int
    total_nodes: int
    overview: bool


def write_html(
    graph: Graph,
    path: Path,
    *,
    title: str | None = None,
    articles: bool = True,
    mentions: bool = False,
    max_nodes: int = MAX_NODES,
    keep: Collection[Node] | None = None,
    focus: Node | None = None,
    scope: str = "",
    total_nodes: int | None = None,
    texts: Texts | None = None,
) -> PageSummary:
    """Write ``graph`` as a self-contained interactive page at ``path``.

    ``articles`` draws news articles and their author edges; ``mentions``
    also draws article→entity mention edges (many; off by default).
    ``keep`` limits the page to those nodes (a mapping from node to distance
    ranks nearer nodes first when the size guard applies); ``focus`` is
    selected when the page opens; ``scope`` says on the page what is shown;
    ``title`` defaults to one that says what the graph holds.
    Above ``max_nodes`` nodes only the most central ``max_nodes`` are drawn,
    and the page says so; ``total_nodes`` is the size of the whole graph when
    ``graph`` is an overview already selected from it (a corpus store,
    :mod:`kg.publish.overview`); ``texts`` gives the articles' texts
    (:mod:`kg.publish.articles`).  The file is replaced atomically; raises
    OutputError if it cannot be written.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    kinds = node_kinds(graph, articles=articles)
    if keep is not None:
        kinds = {node: kind for node, kind in kinds.items() if node in keep}
    chosen = set(kinds)
    total = len(chosen)
    if total_nodes is not None and total <= max_nodes < total_nodes:
        total = total_nodes
    elif total > max_nodes:
        pairs = [(s, t) for s, _, t in network_edges(graph, kinds, mentions=mentions)]
        distance = keep if isinstance(keep, Mapping) else None
        chosen = central_nodes(pairs, kinds, max_nodes, distance=distance)
    view = build_view(graph, articles=articles, mentions=mentions, keep=chosen)
    note = _overview_note(total, max_nodes, focused=focus is not None)
    page = render_page(
        view,
        title=title or default_title(graph),
        articles=article_info(graph, view, texts),
        scope=scope,
        note=note if total > max_nodes else "",
        focus=str(focus) if focus is not None else None,
    )
    path = Path(path)
    write_atomically(path, page.encode("utf-8"), what="the network page")
    log.info("wrote %s: %d nodes, %d edges", path, len(view.nodes), len(view.edges))
    return PageSummary(
        path, len(view.nodes), len(view.edges), total, overview=total > max_nodes
    )


def write_view(
    graph_path: Path,
    path: Path,
    *,
    name: str | None = None,
    district: str | None = None,
    depth: int = 2,
    max_nodes: int = MAX_NODES,
    articles: bool = True,
    mentions: bool = False,
    span: TimeSpan | None = None,
) -> PageSummary:
    """Read the graph file and write the page of one part of it.

    ``name`` (a label, alias, pinyin or IRI) draws that entity and what lies
    within ``depth`` edges of it; ``district`` draws that district, its
    sub-districts and everything that lies in them; neither draws the whole
    graph.  Raises GraphError when the file cannot be read or the name is
    not that of exactly one entity.  ``span`` keeps only what articles of
    that time support (``kg.sparql.timeslice``).
    """
    if name is not None and district is not None:
        raise ValueError("give a name or a district, not both")
    graph = load_graph(Path(graph_path))
    if span is not None and not span.open:
        graph = time_slice(graph, span)
    part = _Part(keep=None, focus=None, title=default_title(graph), scope="")
    if name is not None:
        part = _neighbourhood(graph, name, depth, str(graph_path), articles, mentions)
    elif district is not None:
        part = _district(graph, district, str(graph_path), articles)
    if span is not None and not span.open:
        scope = f"{part.scope}；" if part.scope else ""
        part = _Part(part.keep, part.focus, part.title, scope + span.describe())
    return write_html(
        graph,
        path,
        title=part.title,
        articles=articles,
        mentions=mentions,
        max_nodes=max_nodes,
        keep=part.keep,
        focus=part.focus,
        scope=part.scope,
        texts=text_reader(Path(graph_path)) if Path(graph_path).is_dir() else None,
    )


@dataclass(frozen=True)
class _Part:
    """The part of a graph a page shows, and how the page names it."""

    keep: Collection[Node] | None
    focus: Node | None
    title: str
    scope: str


def _neighbourhood(
    graph: Graph, name: str, depth: int, source: str, articles: bool, mentions: bool
) -> _Part:
    focus = find_entity(graph, name, source=source)
    label = label_of(graph, focus)
    return _Part(
        keep=ego_nodes(graph, focus, depth, articles=articles, mentions=mentions),
        focus=focus,
        title=f"{label} · {depth} 步以内",
        scope=f"以“{label}”为中心、{depth} 步以内的实体与关系",
    )


def _district(graph: Graph, name: str, source: str, articles: bool) -> _Part:
    districts = {n: k for n, k in node_kinds(graph).items() if k.key == "District"}
    place = find_entity(graph, name, kinds=districts, source=source)
    label = label_of(graph, place)
    return _Part(
        keep=district_nodes(graph, place, articles=articles),
        focus=place,
        title=f"{label} · 行政区",
        scope=f"{label}及其下辖行政区，以及位于其中的组织、人物、倡议和文章",
    )


def _overview_note(total: int, max_nodes: int, *, focused: bool) -> str:
    which = "离中心最近、关系最多" if focused else "关系最多"
    return (
        f"概览：这里有 {total:,} 个节点，超过上限 {max_nodes:,}，"
        f"只画出{which}的 {max_nodes:,} 个（每类实体都留一些）及其间的关系。"
        "要看某个实体或行政区的全部内容，请用 kg view 名称 图谱文件 --depth 2，"
        "或 kg view --district 行政区 图谱文件。"
    )


def default_title(graph: Graph) -> str:
    """``知识图谱 · 5 篇文章 · 2023-06-08 至 2023-09-20``: what the graph holds."""
    dates = sorted(
        str(d)[:10] for d in graph.objects(None, SCHEMA.datePublished) if str(d)
    )
    count = len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle)))
    return corpus_title(count, dates[0] if dates else "", dates[-1] if dates else "")


def corpus_title(articles: int, first: str, last: str) -> str:
    """The page title of a graph of ``articles`` dated ``first`` to ``last``."""
    title = f"知识图谱 · {articles:,} 篇文章"
    if first:
        title += f" · {first}"
        title += f" 至 {last}" if last != first else ""
    return title


def render_page(
    view: NetView,
    *,
    title: str = "知识图谱",
    scope: str = "",
    note: str = "",
    focus: str | None = None,
    articles: Mapping[str, ArticleInfo] | None = None,
) -> str:
    """The whole page as a string; see the module docstring for its safety."""
    libraries = [_vendor(name) for name in VENDOR]
    page, style, explorer = (_asset(name) for name in ASSETS)
    data = _page_data(
        view, scope=scope, note=note, focus=focus, articles=articles or {}
    )
    return Template(page).substitute(
        policy=_content_policy(*libraries, explorer),
        title=html.escape(title),
        style=style,
        legend=_legend_html(),
        relations=_relations_html(),
        data=_json_island(data),
        graphology_script=libraries[0],
        sigma_script=libraries[1],
        explorer_script=explorer,
    )


def _content_policy(*scripts: str) -> str:
    """Only these inline scripts may run and nothing may be fetched: markup
    that slipped into the page could neither run nor call out."""
    hashes = " ".join(
        "'sha256-"
        + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )


def _page_data(
    view: NetView,
    *,
    scope: str,
    note: str,
    focus: str | None,
    articles: Mapping[str, ArticleInfo],
) -> dict[str, Any]:
    index = {node.id: i for i, node in enumerate(view.nodes)}
    places = _district_order(view)
    pairs = [(index[e.source], index[e.target]) for e in view.edges]
    ranks = pagerank(index, ((e.source, e.target) for e in view.edges))
    at = community_layout(len(view.nodes), pairs)
    days = day_index(articles)
    day_of = article_days(articles, days)
    days_by_node = node_days(view, articles, day_of)
    nodes = []
    for i, n in enumerate(view.nodes):
        node: dict[str, Any] = {
            "iri": n.id,
            "label": n.label,
            "group": n.kind,
            "title": n.title,
            "degree": n.degree,
            "rank": ranks[n.id],
            "keys": list(n.keys),
            "districts": [places[d] for d in n.districts if d in places],
            "x": at.x[i],
            "y": -at.y[i],
            "c": at.community[i],
            "d": days_by_node[i],
        }
        if n.id in articles:
            node["article"] = article_dict(articles[n.id])
        nodes.append(node)
    edges = [
        {
            "from": index[e.source],
            "to": index[e.target],
            "label": e.label,
            "rel": e.relation,
            "title": e.title,
            "d": days_of_sources(e.sources, day_of),
        }
        for e in view.edges
    ]
    communities = max(at.community, default=-1) + 1
    return {
        "scope": scope,
        "note": note,
        "summary": f"{len(nodes)} 个节点，{len(edges)} 条边，{communities} 个社区",
        "focus": index.get(focus, -1) if focus is not None else -1,
        "kinds": [{"key": k.key, "name": k.name_zh, "color": k.color} for k in KINDS],
        "relations": [{"key": r.key, "color": r.color} for r in RELATIONS],
        "districts": _district_entries(view, places, index),
        "dates": days,
        "palette": list(COMMUNITY_COLORS),
        "colorBy": "community" if len(nodes) >= CROWDED else "kind",
        "nodes": nodes,
        "edges": edges,
    }


def _district_order(view: NetView) -> dict[str, int]:
    """District IRI → position in tree order (parents first, by label)."""
    children: dict[str | None, list[str]] = {}
    known = {d.id for d in view.districts}
    labels = {d.id: d.label for d in view.districts}
    for d in view.districts:
        parent = d.parent if d.parent in known else None
        children.setdefault(parent, []).append(d.id)
    order: list[str] = []
    stack = sorted(children.get(None, []), key=lambda i: (labels[i], i), reverse=True)
    while stack:
        current = stack.pop()
        order.append(current)
        below = children.get(current, [])
        stack += sorted(below, key=lambda i: (labels[i], i), reverse=True)
    return {iri: i for i, iri in enumerate(order)}


def _district_entries(
    view: NetView, places: dict[str, int], index: dict[str, int]
) -> list[dict[str, Any]]:
    by_id = {d.id: d for d in view.districts}
    entries: list[dict[str, Any]] = []
    for iri in sorted(places, key=places.__getitem__):
        district = by_id[iri]
        depth, parent = 0, district.parent
        while parent in places:
            depth, parent = depth + 1, by_id[parent].parent
        entries.append(
            {"label": district.label, "depth": depth, "node": index.get(iri, -1)}
        )
    return entries


def _json_island(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def _legend_html() -> str:
    items = (
        f'<li><label><input type="checkbox" data-kind="{html.escape(k.key)}" checked>'
        f'<span class="kg-swatch" style="background:{html.escape(k.color)}"></span>'
        f"{html.escape(k.name_zh)} {html.escape(k.key)} "
        f'<span class="kg-count" data-count="{html.escape(k.key)}"></span>'
        "</label></li>"
        for k in KINDS
    )
    return '<ul id="kg-legend">' + "".join(items) + "</ul>"


def _relations_html() -> str:
    items = (
        f'<li data-rel="{html.escape(r.key)}"><span class="kg-line" '
        f'style="background:{html.escape(r.color)}"></span>{html.escape(r.name_zh)}</li>'
        for r in RELATIONS
    )
    return '<ul id="kg-relations">' + "".join(items) + "</ul>"


def _asset(name: str) -> str:
    """One of the explorer's files in ``kg/assets``."""
    path = resources.files("kg").joinpath("assets", name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot build the network page: {path} is missing ({exc}); "
            "reinstall kg: pip install --force-reinstall ."
        ) from exc
    if not name.endswith(".html") and _closes_element(text):
        raise OutputError(f"cannot inline {path}: it contains a closing tag")
    return text


def _vendor(name: str) -> str:
    """A vendored library's minified build from ``kg/assets/vendor``."""
    path = resources.files("kg").joinpath("assets", "vendor", name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot build the network page: {path} is missing ({exc}); "
            "reinstall kg: pip install --force-reinstall ."
        ) from exc
    if _closes_element(text):
        raise OutputError(f"cannot inline {path}: it contains a closing tag")
    return text


def _closes_element(text: str) -> bool:
    lowered = text.lower()
    return "</script" in lowered or "</style" in lowered
