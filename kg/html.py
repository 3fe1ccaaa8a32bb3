"""The interactive network page ``graph.html``: one self-contained file.

The page works offline: the vis-network 9.1.2 script and stylesheet that
pyvis ships (dual Apache-2.0/MIT licensed, header kept) are inlined, and
nothing is loaded from the network.  Pyvis's own template is not used as it
links Bootstrap from a CDN and switches tooltips to ``innerHTML``.

Safety: the graph travels as a JSON data island in which ``<``, ``>`` and
``&`` are ``\\u``-escaped, tooltips are plain strings (vis-network 9 shows a
string ``title`` with ``innerText``) and the page title is HTML-escaped, so
text read from documents can never become markup.

The same graph always gives the same bytes: nodes and edges are sorted, the
layout seed is fixed and nothing depends on the clock.
"""

from __future__ import annotations

import html
import json
import logging
import os
import tempfile
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from rdflib import Graph

from kg.errors import OutputError
from kg.netview import KINDS, NetView, build_view

log = logging.getLogger(__name__)

VIS_DIR = "lib/vis-9.1.2"
STABILIZATION_ITERATIONS = 400
IMPROVED_LAYOUT_MAX_NODES = 1000
_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def write_html(
    graph: Graph,
    path: Path,
    *,
    title: str = "kg",
    articles: bool = True,
    mentions: bool = False,
) -> None:
    """Write ``graph`` as a self-contained interactive page at ``path``.

    ``articles`` draws news articles and their author edges; ``mentions``
    also draws article→entity mention edges (many; off by default).  The
    file is replaced atomically; raises OutputError if it cannot be written.
    """
    view = build_view(graph, articles=articles, mentions=mentions)
    page = render_page(view, title=title)
    _write_atomically(Path(path), page)
    log.info("wrote %s: %d nodes, %d edges", path, len(view.nodes), len(view.edges))


def render_page(view: NetView, *, title: str = "kg") -> str:
    """The whole page as a string; see the module docstring for its safety."""
    script, style = _vis_assets()
    return _PAGE.substitute(
        title=html.escape(title),
        vis_style=style,
        vis_script=script,
        legend=_legend_html(),
        data=_json_island(_page_data(view)),
    )


def _page_data(view: NetView) -> dict[str, Any]:
    nodes = [
        {
            "id": n.id,
            "label": n.label,
            "group": n.kind,
            "title": n.title,
            "value": n.degree,
        }
        for n in view.nodes
    ]
    edges = [
        {
            "id": f"e{i}",
            "from": e.source,
            "to": e.target,
            "label": e.label,
            "title": e.title,
        }
        for i, e in enumerate(view.edges)
    ]
    summary = f"{len(nodes)} 个节点，{len(edges)} 条边"
    return {
        "nodes": nodes,
        "edges": edges,
        "options": _options(len(nodes)),
        "summary": summary,
    }


def _options(node_count: int) -> dict[str, Any]:
    groups = {k.key: {"color": k.color} for k in KINDS}
    return {
        "groups": groups,
        "nodes": {"shape": "dot", "scaling": {"min": 8, "max": 36}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle"},
            "color": {"inherit": "from"},
            "smooth": False,
        },
        "layout": {
            "randomSeed": 7,
            "improvedLayout": node_count <= IMPROVED_LAYOUT_MAX_NODES,
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {
                "enabled": True,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 25,
            },
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }


def _json_island(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def _legend_html() -> str:
    items = (
        f'<li><span class="kg-swatch" style="background:{html.escape(k.color)}">'
        f"</span>{html.escape(k.name_zh)} {html.escape(k.key)}</li>"
        for k in KINDS
    )
    return '<ul id="kg-legend">' + "".join(items) + "</ul>"


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
    if "</script" in script.lower() or "</style" in style.lower():
        raise OutputError(
            f"cannot inline {folder}: the vis-network files contain a closing "
            "tag; reinstall pyvis 0.3.2"
        )
    return script, style


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


_PAGE = Template(
    """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${vis_style}</style>
<style>
html, body { margin: 0; height: 100%; font-family: sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0 0 4px 0; display: inline-block; }
#kg-status { color: #666; font-size: 13px; margin-left: 12px; }
#kg-legend { list-style: none; margin: 0; padding: 0; font-size: 13px; }
#kg-legend li { display: inline-block; margin-right: 14px; }
.kg-swatch { display: inline-block; width: 12px; height: 12px;
  border-radius: 6px; margin-right: 4px; vertical-align: middle; }
#kg-network { flex: 1; min-height: 300px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 520px; font-family: sans-serif;
  font-size: 13px; line-height: 1.4; }
</style>
</head>
<body>
<header>
<h1>${title}</h1><span id="kg-status"></span>
${legend}
</header>
<div id="kg-network"></div>
<script type="application/json" id="kg-data">${data}</script>
<script>${vis_script}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var status = document.getElementById("kg-status");
  status.textContent = data.summary;
  var network = new vis.Network(
    document.getElementById("kg-network"),
    { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
    data.options
  );
  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局中 " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    status.textContent = data.summary;
  });
})();
</script>
</body>
</html>
"""
)
