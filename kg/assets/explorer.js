/* kg explorer: search, filters, sizes, side panel.
 *
 * Text from the graph is only ever written with textContent (or given to
 * vis-network as a plain-string title, which it shows with innerText).
 * When the page is drawn and still, body[data-state] becomes "ready" and
 * window.kgExplorer offers the network and a few helpers to tests.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var kindNames = {}, relationColors = {};
  data.kinds.forEach(function (k) { kindNames[k.key] = k.name; });
  data.relations.forEach(function (r) { relationColors[r.key] = r.color; });
  var adjacent = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e, i) { adjacent[e.from].push(i); adjacent[e.to].push(i); });
  var state = { kinds: {}, district: -1 };
  data.kinds.forEach(function (k) { state.kinds[k.key] = true; });

  var MAX_LABEL = 18, MAX_EDGE_LABEL = 8, MAX_RESULTS = 12;
  var network, nodes, edges;

  function draw() {
    var src = data.edges.map(function (e) { return e.from; });
    var dst = data.edges.map(function (e) { return e.to; });
    var n = data.nodes.length;
    var at = kgLayout(n, src, dst, { length: 100, gravity: 0.01, iterations: n > 1000 ? 200 : 300 });
    nodes = new vis.DataSet(data.nodes.map(function (node, i) {
      return { id: i, label: shorten(node.label, MAX_LABEL), group: node.group, title: node.title,
               value: node.degree, x: at.x[i], y: at.y[i] };
    }));
    edges = new vis.DataSet(data.edges.map(function (e, i) {
      var color = relationColors[e.rel] || "#999";
      return { id: i, from: e.from, to: e.to, label: shorten(e.label, MAX_EDGE_LABEL), title: e.title,
               color: { color: color, highlight: color, hover: color } };
    }));
    network = new vis.Network(byId("kg-network"), { nodes: nodes, edges: edges }, data.options);
    network.fit({ animation: false });
  }

  function shorten(label, most) {
    return label.length > most ? label.slice(0, most - 1) + "\u2026" : label;
  }

  function isShown(i) {
    var node = data.nodes[i];
    if (!state.kinds[node.group]) return false;
    return state.district < 0 || node.districts.indexOf(state.district) >= 0;
  }

  function applyFilters() {
    var shown = data.nodes.map(function (_, i) { return isShown(i); });
    var nodeUpdates = [], edgeUpdates = [], nodeCount = 0, edgeCount = 0;
    shown.forEach(function (visible, i) {
      if (visible) nodeCount++;
      if (nodes.get(i).hidden !== !visible) nodeUpdates.push({ id: i, hidden: !visible });
    });
    data.edges.forEach(function (e, i) {
      var visible = shown[e.from] && shown[e.to];
      if (visible) edgeCount++;
      if (edges.get(i).hidden !== !visible) edgeUpdates.push({ id: i, hidden: !visible });
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var all = nodeCount === data.nodes.length;
    byId("kg-status").textContent = all ? data.summary
      : "显示 " + nodeCount + " / " + data.nodes.length + " 个节点，" + edgeCount + " / " + data.edges.length + " 条边";
    return nodeCount;
  }

  function resetFilters() {
    state.district = -1;
    byId("kg-district").value = "-1";
    document.querySelectorAll("#kg-legend input[data-kind]").forEach(function (box) {
      box.checked = true;
      state.kinds[box.getAttribute("data-kind")] = true;
    });
    return applyFilters();
  }

  function setUpFilters() {
    var counts = {}, relCounts = {};
    data.nodes.forEach(function (n) { counts[n.group] = (counts[n.group] || 0) + 1; });
    data.edges.forEach(function (e) { relCounts[e.rel] = (relCounts[e.rel] || 0) + 1; });
    document.querySelectorAll("#kg-legend .kg-count").forEach(function (span) {
      span.textContent = "(" + (counts[span.getAttribute("data-count")] || 0) + ")";
    });
    document.querySelectorAll("#kg-relations li").forEach(function (li) {
      li.hidden = !relCounts[li.getAttribute("data-rel")];
    });
    document.querySelectorAll("#kg-legend input[data-kind]").forEach(function (box) {
      box.addEventListener("change", function () {
        state.kinds[box.getAttribute("data-kind")] = box.checked;
        applyFilters();
      });
    });
    var select = byId("kg-district");
    data.districts.forEach(function (d, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = "\u3000".repeat(d.depth) + d.label;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      state.district = parseInt(select.value, 10);
      applyFilters();
    });
    byId("kg-reset").addEventListener("click", resetFilters);
    byId("kg-size").addEventListener("change", function () { setSize(byId("kg-size").value); });
  }

  function setSize(measure) {
    nodes.update(data.nodes.map(function (n, i) {
      return { id: i, value: measure === "rank" ? n.rank : n.degree };
    }));
  }

  function matches(query) {
    var q = query.toLowerCase().replace(/\s+/g, "");
    if (!q) return [];
    var found = [];
    data.nodes.forEach(function (n, i) {
      var label = n.label.toLowerCase().replace(/\s+/g, ""), score = -1;
      if (label === q) score = 0;
      else if (label.indexOf(q) === 0) score = 1;
      else if (label.indexOf(q) > 0) score = 2;
      n.keys.forEach(function (key) {
        if (key === q) score = score < 0 ? 1 : Math.min(score, 1);
        else if (key.indexOf(q) >= 0 && score < 0) score = 3;
      });
      if (score >= 0) found.push([score, label.length, -n.degree, i]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
    return found.slice(0, MAX_RESULTS).map(function (f) { return f[3]; });
  }

  function showResults(list) {
    var box = byId("kg-results");
    box.textContent = "";
    list.forEach(function (i, rank) {
      var li = document.createElement("li");
      li.setAttribute("data-node", String(i));
      if (rank === 0) li.className = "kg-active";
      li.appendChild(document.createTextNode(data.nodes[i].label));
      var kind = document.createElement("span");
      kind.className = "kg-kind";
      kind.textContent = kindNames[data.nodes[i].group] || data.nodes[i].group;
      li.appendChild(kind);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      box.appendChild(li);
    });
    box.hidden = list.length === 0;
  }

  function setUpSearch() {
    var input = byId("kg-search");
    input.addEventListener("input", function () { showResults(matches(input.value)); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = matches(input.value)[0];
        if (first !== undefined) choose(first);
      } else if (event.key === "Escape") {
        byId("kg-results").hidden = true;
      }
    });
    input.addEventListener("blur", function () { byId("kg-results").hidden = true; });
  }

  function choose(i) {
    byId("kg-results").hidden = true;
    if (!isShown(i)) resetFilters();
    select(i, true);
  }

  function select(i, move) {
    network.selectNodes([i]);
    if (move) network.focus(i, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    showNode(i);
  }

  function textBlock(text) {
    var div = document.createElement("div");
    div.className = "kg-text";
    div.textContent = text;
    return div;
  }

  function showNode(i) {
    var node = data.nodes[i], lines = node.title.split("\n");
    byId("kg-panel-title").textContent = node.label;
    byId("kg-panel-kind").textContent = node.degree + " 条关系";
    byId("kg-panel-iri").textContent = node.iri;
    byId("kg-panel-text").textContent = lines.slice(1).join("\n");
    var facts = adjacent[i].slice().sort(function (a, b) {
      var ea = data.edges[a], eb = data.edges[b];
      return ea.rel < eb.rel ? -1 : ea.rel > eb.rel ? 1 : a - b;
    });
    byId("kg-facts-title").textContent = "关系（" + facts.length + "）";
    var list = byId("kg-facts");
    list.textContent = "";
    facts.forEach(function (e) { list.appendChild(factItem(i, data.edges[e])); });
    byId("kg-panel").hidden = false;
  }

  function factItem(i, edge) {
    var other = edge.from === i ? edge.to : edge.from;
    var li = document.createElement("li");
    li.className = "kg-fact";
    li.appendChild(document.createTextNode((edge.from === i ? "→ " : "← ") + edge.label + " "));
    var link = document.createElement("button");
    link.type = "button";
    link.textContent = data.nodes[other].label;
    link.addEventListener("click", function () { choose(other); });
    li.appendChild(link);
    var kind = document.createElement("span");
    kind.className = "kg-kind";
    kind.textContent = kindNames[data.nodes[other].group] || "";
    li.appendChild(kind);
    var evidence = edge.title.split("\n").slice(1).join("\n");
    if (evidence) li.appendChild(textBlock(evidence));
    return li;
  }

  function showEdge(e) {
    var edge = data.edges[e], lines = edge.title.split("\n");
    byId("kg-panel-title").textContent = lines[0];
    byId("kg-panel-kind").textContent = "关系";
    byId("kg-panel-iri").textContent = "";
    byId("kg-panel-text").textContent = lines.slice(1).join("\n");
    byId("kg-facts-title").textContent = "";
    var list = byId("kg-facts");
    list.textContent = "";
    [edge.from, edge.to].forEach(function (n) {
      var li = document.createElement("li");
      li.className = "kg-fact";
      var link = document.createElement("button");
      link.type = "button";
      link.textContent = data.nodes[n].label;
      link.addEventListener("click", function () { choose(n); });
      li.appendChild(link);
      list.appendChild(li);
    });
    byId("kg-panel").hidden = false;
  }

  function setUpPanel() {
    byId("kg-close").addEventListener("click", function () { byId("kg-panel").hidden = true; });
    network.on("click", function (params) {
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
      else byId("kg-panel").hidden = true;
    });
  }

  function ready() {
    if (data.focus >= 0) select(data.focus, false);
    window.kgExplorer.readyAt = performance.now();
    document.body.setAttribute("data-state", "ready");
  }

  function start() {
    byId("kg-status").textContent = data.summary;
    if (data.scope) { byId("kg-scope").textContent = data.scope; byId("kg-scope").hidden = false; }
    if (data.note) { byId("kg-note").textContent = data.note; byId("kg-note").hidden = false; }
    draw();
    setUpFilters();
    setUpSearch();
    setUpPanel();
    network.once("afterDrawing", function () { window.setTimeout(ready, 0); });
    network.redraw();
    window.kgExplorer = {
      network: network, nodes: nodes, edges: edges, data: data,
      search: matches, choose: choose, resetFilters: resetFilters,
      shownCount: function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; }
    };
  }

  start();
})();
