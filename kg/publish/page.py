"""The interactive network page: one self-contained, offline HTML file.

The page inlines the vis-network 9.1.2 script and stylesheet that pyvis
ships (dual Apache-2.0/MIT licensed, header kept) and the explorer's own
script and style from ``kg/assets/``; nothing is loaded from the network.
Pyvis's template is not used as it links Bootstrap from a CDN and switches
tooltips to ``innerHTML``.

The page lays the network out once in the browser (a seeded force layout in
``kg/assets/layout.js``, linear in the number of nodes), then draws it with
physics off, so it is still as soon as it appears.  A graph with more than
``max_nodes`` nodes is drawn as an overview of its most central nodes, and
the page says so.

Safety: the graph travels as a JSON data island in which ``<``, ``>`` and
``&`` are ``\\u``-escaped; the explorer writes text from the graph with
``textContent`` only, tooltips are plain strings (vis-network 9 shows a
string ``title`` with ``innerText``) and the page title and legend are
HTML-escaped, so text read from documents can never become markup.  As a
second line, a Content-Security-Policy lets only the page's own three
scripts run (by hash) and forbids every fetch.

The same graph always gives the same bytes: nodes and edges are sorted, the
layout is seeded and nothing depends on the clock.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import os
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from kg.corpus.open import load_graph
from kg.errors import OutputError
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
from kg.publish.netview import NetView, build_view, label_of

log = logging.getLogger(__name__)

MAX_NODES = 1500
VIS_DIR = "lib/vis-9.1.2"
ASSETS = ("page.html", "explorer.css", "layout.js", "explorer.js")
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
    title: str = "kg",
    articles: bool = True,
    mentions: bool = False,
    max_nodes: int = MAX_NODES,
    keep: Collection[Node] | None = None,
    focus: Node | None = None,
    scope: str = "",
    total_nodes: int | None = None,
) -> PageSummary:
    """Write ``graph`` as a self-contained interactive page at ``path``.

    ``articles`` draws news articles and their author edges; ``mentions``
    also draws article→entity mention edges (many; off by default).
    ``keep`` limits the page to those nodes (a mapping from node to distance
    ranks nearer nodes first when the size guard applies); ``focus`` is
    selected when the page opens; ``scope`` says on the page what is shown.
    Above ``max_nodes`` nodes only the most central ``max_nodes`` are drawn,
    and the page says so; ``total_nodes`` is the size of the whole graph when
    ``graph`` is an overview already selected from it (a corpus store,
    :mod:`kg.publish.overview`).  The file is replaced atomically; raises
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
        title=title,
        scope=scope,
        note=note if total > max_nodes else "",
        focus=str(focus) if focus is not None else None,
    )
    path = Path(path)
    _write_atomically(path, page)
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
) -> PageSummary:
    """Read the graph file and write the page of one part of it.

    A corpus or store folder is read in place (:mod:`kg.publish.overview`).
    ``name`` (a label, alias, pinyin or IRI) draws that entity and what lies
    within ``depth`` edges of it; ``district`` draws that district, its
    sub-districts and everything that lies in them; neither draws the whole
    graph.  Raises GraphError when the file cannot be read or the name is
    not that of exactly one entity.
    """
    if name is not None and district is not None:
        raise ValueError("give a name or a district, not both")
    if Path(graph_path).is_dir():
        from kg.publish.overview import write_store_view

        return write_store_view(
            Path(graph_path),
            path,
            name=name,
            district=district,
            depth=depth,
            max_nodes=max_nodes,
            articles=articles,
            mentions=mentions,
        )
    graph = load_graph(Path(graph_path))
    part = _Part(keep=None, focus=None, title=Path(graph_path).name, scope="")
    if name is not None:
        part = _neighbourhood(graph, name, depth, str(graph_path), articles, mentions)
    elif district is not None:
        part = _district(graph, district, str(graph_path), articles)
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


def render_page(
    view: NetView,
    *,
    title: str = "kg",
    scope: str = "",
    note: str = "",
    focus: str | None = None,
) -> str:
    """The whole page as a string; see the module docstring for its safety."""
    vis_script, vis_style = _vis_assets()
    page, style, layout, explorer = (_asset(name) for name in ASSETS)
    data = _page_data(view, scope=scope, note=note, focus=focus)
    return Template(page).substitute(
        policy=_content_policy(vis_script, layout, explorer),
        title=html.escape(title),
        vis_style=vis_style,
        style=style,
        legend=_legend_html(),
        relations=_relations_html(),
        data=_json_island(data),
        vis_script=vis_script,
        layout_script=layout,
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
    view: NetView, *, scope: str, note: str, focus: str | None
) -> dict[str, Any]:
    index = {node.id: i for i, node in enumerate(view.nodes)}
    places = _district_order(view)
    ranks = pagerank(index, ((e.source, e.target) for e in view.edges))
    nodes = [
        {
            "iri": n.id,
            "label": n.label,
            "group": n.kind,
            "title": n.title,
            "degree": n.degree,
            "rank": ranks[n.id],
            "keys": list(n.keys),
            "districts": [places[d] for d in n.districts if d in places],
        }
        for n in view.nodes
    ]
    edges = [
        {
            "from": index[e.source],
            "to": index[e.target],
            "label": e.label,
            "rel": e.relation,
            "title": e.title,
        }
        for e in view.edges
    ]
    return {
        "scope": scope,
        "note": note,
        "summary": f"{len(nodes)} 个节点，{len(edges)} 条边",
        "focus": index.get(focus, -1) if focus is not None else -1,
        "kinds": [{"key": k.key, "name": k.name_zh} for k in KINDS],
        "relations": [{"key": r.key, "color": r.color} for r in RELATIONS],
        "districts": _district_entries(view, places, index),
        "nodes": nodes,
        "edges": edges,
        "options": _options(len(nodes)),
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


def _options(node_count: int) -> dict[str, Any]:
    groups = {k.key: {"color": k.color} for k in KINDS}
    crowded = node_count > 300
    return {
        "groups": groups,
        "nodes": {
            "shape": "dot",
            "scaling": {"min": 8, "max": 32},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#555"},
            "smooth": False,
            "width": 1.2,
        },
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {
            "hover": not crowded,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": crowded,
            "hideEdgesOnZoom": crowded,
        },
    }


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
    if name != "page.html" and _closes_element(text):
        raise OutputError(f"cannot inline {path}: it contains a closing tag")
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's minified script and stylesheet, as shipped in pyvis."""
    folder = resources.files("pyvis").joinpath(VIS_DIR)
    try:
        script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot build graph.html: vis-network files missing under {folder} "
            f"({exc}); reinstall pyvis: pip install --force-reinstall 'pyvis==0.3.2'"
        ) from exc
    if _closes_element(script) or _closes_element(style):
        raise OutputError(
            f"cannot inline {folder}: the vis-network files contain a closing "
            "tag; reinstall pyvis 0.3.2"
        )
    return script, style


def _closes_element(text: str) -> bool:
    lowered = text.lower()
    return "</script" in lowered or "</style" in lowered


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _output_error(path, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _output_error(path, exc) from exc
        raise


def _output_error(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(
        f"{path}: cannot write the network page ({reason}); "
        "make sure the folder is writable or choose another output folder"
    )
