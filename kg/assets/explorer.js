/* kg explorer: a sigma.js network with search, filters, a time range,
 * labels that never overlap, a tooltip and a side panel.
 *
 * Positions and communities come with the data (laid out when the page was
 * written), so the page only draws.  Text from the graph is only ever
 * written with textContent; a URL becomes an href only if it is http(s).
 * When the network is drawn, body[data-state] becomes "ready" and
 * window.kgExplorer offers the renderer and a few helpers to tests.
 */
(function () {
  "use strict";
  performance.mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-parsed");
  var byId = function (id) { return document.getElementById(id); };
  var N = data.nodes.length, E = data.edges.length;
  var kindNames = {}, kindColors = {}, relationColors = {};
  data.kinds.forEach(function (k) { kindNames[k.key] = k.name; kindColors[k.key] = k.color; });
  data.relations.forEach(function (r) { relationColors[r.key] = r.color; });
  var adjacent = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e, i) { adjacent[e.from].push(i); adjacent[e.to].push(i); });
  var lastDay = Math.max(data.dates.length - 1, 0);
  var state = {
    kinds: {}, district: -1, from: 0, to: lastDay, colorBy: data.colorBy,
    size: "degree", selected: -1
  };
  data.kinds.forEach(function (k) { state.kinds[k.key] = true; });

  var MAX_LABEL = 18, MAX_RESULTS = 12, MAX_LABELS = 400, FONT_SIZE = 13, MAX_SIZE = 22;
  var FONT = FONT_SIZE + 'px "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
  var shown = new Uint8Array(N).fill(1), edgeShown = new Uint8Array(E).fill(1);
  var near = null;
  var graph, renderer, labelCanvas, labelContext, widths = new Float32Array(N);
  var importance = [], labelRects = [];

  /* ---------------------------------------------------------- drawing */

  function nodeSize(i) {
    var n = data.nodes[i];
    var size = state.size === "rank" ? 2 + 4 * Math.sqrt(n.rank) : 2 + 2.2 * Math.sqrt(n.degree);
    return Math.min(size, MAX_SIZE) * (N > 5000 ? 0.5 : N > 1000 ? 0.75 : 1);
  }

  function nodeColor(i) {
    var n = data.nodes[i];
    if (state.colorBy === "kind") return kindColors[n.group] || "#999";
    return n.c < 0 ? "#b0b0b0" : data.palette[n.c % data.palette.length];
  }

  function rgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  function draw() {
    graph = new graphology.Graph({ type: "directed", multi: true, allowSelfLoops: true });
    data.nodes.forEach(function (n, i) {
      graph.addNode(String(i), { x: n.x, y: n.y, size: nodeSize(i), color: nodeColor(i),
                                 label: shorten(n.label, MAX_LABEL) });
    });
    var edgeAlpha = E > 5000 ? 0.35 : 0.7;
    data.edges.forEach(function (e, i) {
      graph.addEdgeWithKey(String(i), String(e.from), String(e.to),
        { color: rgba(relationColors[e.rel] || "#999999", edgeAlpha), size: E > 5000 ? 0.6 : 1.2 });
    });
    renderer = new Sigma(graph, byId("kg-network"), {
      renderLabels: false,
      renderEdgeLabels: false,
      enableEdgeEvents: E <= 5000,  /* edge picking costs a second pass over every edge */
      hideEdgesOnMove: E > 5000,
      defaultEdgeType: E > 2000 ? "line" : "arrow",
      defaultNodeType: N > 5000 ? "point" : "circle",
      nodeProgramClasses: { point: Sigma.rendering.NodePointProgram, circle: Sigma.rendering.NodeCircleProgram },
      stagePadding: 40,
      minCameraRatio: 0.005,
      maxCameraRatio: 20,
      defaultDrawNodeHover: drawRing,
      nodeReducer: reduceNode,
      edgeReducer: reduceEdge
    });
    labelCanvas = document.createElement("canvas");
    labelCanvas.id = "kg-labels";
    byId("kg-network").appendChild(labelCanvas);
    labelContext = labelCanvas.getContext("2d");
    importance = data.nodes.map(function (_, i) { return i; });
    importance.sort(function (a, b) {
      return data.nodes[b].rank - data.nodes[a].rank || data.nodes[b].degree - data.nodes[a].degree || a - b;
    });
    renderer.on("afterRender", drawLabels);
    drawLabels();  /* sigma drew its first frame before the handler was set */
  }

  function reduceNode(key, attrs) {
    var i = +key, out = {};
    for (var k in attrs) out[k] = attrs[k];
    if (!shown[i]) { out.hidden = true; return out; }
    if (near && !near[i]) out.color = rgba(nodeColor(i), 0.22);
    if (i === state.selected) { out.highlighted = true; out.size = Math.max(attrs.size * 1.4, 6); }
    return out;
  }

  function reduceEdge(key, attrs) {
    var i = +key, e = data.edges[i], out = {};
    for (var k in attrs) out[k] = attrs[k];
    if (!edgeShown[i]) { out.hidden = true; return out; }
    if (near && !(e.from === state.selected || e.to === state.selected)) {
      out.color = rgba(relationColors[e.rel] || "#999999", 0.12);
    } else if (near) { out.color = relationColors[e.rel] || "#999"; out.size = 2; }
    return out;
  }

  /* A hovered or selected node gets a ring; its label is drawn with the others. */
  function drawRing(context, node) {
    context.beginPath();
    context.arc(node.x, node.y, node.size + 3, 0, Math.PI * 2);
    context.strokeStyle = "#333";
    context.lineWidth = 2;
    context.stroke();
  }

  function shorten(label, most) {
    return label.length > most ? label.slice(0, most - 1) + "\u2026" : label;
  }

  /* Labels, most important first; one that would overlap a label already
   * drawn is skipped, so labels never collide and more fit as you zoom. */
  function drawLabels() {
    var box = byId("kg-network"), w = box.clientWidth, h = box.clientHeight;
    var ratio = window.devicePixelRatio || 1;
    if (labelCanvas.width !== Math.round(w * ratio) || labelCanvas.height !== Math.round(h * ratio)) {
      labelCanvas.width = Math.round(w * ratio); labelCanvas.height = Math.round(h * ratio);
      labelCanvas.style.width = w + "px"; labelCanvas.style.height = h + "px";
    }
    var ctx = labelContext;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.font = FONT;
    ctx.textBaseline = "middle";
    var cell = 48, cols = Math.ceil(w / cell) + 1, grid = {}, placed = 0;
    var budget = Math.min(MAX_LABELS, Math.round(30 + 50 / renderer.getCamera().ratio));
    var order = state.selected >= 0 ? [state.selected].concat(importance) : importance;
    var rects = [];
    for (var k = 0; k < order.length && placed < budget; k++) {
      var i = order[k];
      if (!shown[i] || (near && !near[i])) continue;
      var n = data.nodes[i], at = renderer.graphToViewport({ x: n.x, y: n.y });
      if (at.x < -50 || at.y < -20 || at.x > w + 10 || at.y > h + 20) continue;
      if (!widths[i]) widths[i] = ctx.measureText(graph.getNodeAttribute(String(i), "label")).width;
      var r = renderer.scaleSize(graph.getNodeAttribute(String(i), "size"));
      var x0 = at.x + r + 2, y0 = at.y - FONT_SIZE / 2 - 1, x1 = x0 + widths[i] + 4, y1 = y0 + FONT_SIZE + 3;
      if (x1 > w || x0 < 0 || y0 < 0 || y1 > h) continue;
      if (collides(grid, cols, cell, x0 - 4, y0 - 2, x1 + 4, y1 + 2)) continue;
      mark(grid, cols, cell, x0, y0, x1, y1);
      rects.push([x0, y0, x1, y1, i]);
      placed++;
      var text = graph.getNodeAttribute(String(i), "label");
      ctx.fillStyle = "rgba(255,255,255,0.6)";
      ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
      ctx.fillStyle = i === state.selected ? "#000" : "#222";
      ctx.fillText(text, x0 + 2, at.y);
    }
    labelRects = rects;
  }

  function collides(grid, cols, cell, x0, y0, x1, y1) {
    for (var gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++) {
      for (var gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) {
        var rects = grid[gy * cols + gx];
        if (!rects) continue;
        for (var j = 0; j < rects.length; j += 4) {
          if (x0 < rects[j + 2] && rects[j] < x1 && y0 < rects[j + 3] && rects[j + 1] < y1) return true;
        }
      }
    }
    return false;
  }

  function mark(grid, cols, cell, x0, y0, x1, y1) {
    for (var gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++) {
      for (var gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) {
        var key = gy * cols + gx;
        (grid[key] = grid[key] || []).push(x0, y0, x1, y1);
      }
    }
  }

  /* ---------------------------------------------------------- filters */

  function inTime(days, undatedShown) {
    if (!days.length) return undatedShown;
    for (var j = 0; j < days.length; j++) if (days[j] >= state.from && days[j] <= state.to) return true;
    return false;
  }

  function isShown(i) {
    var node = data.nodes[i];
    if (!state.kinds[node.group]) return false;
    if (state.district >= 0 && node.districts.indexOf(state.district) < 0) return false;
    return inTime(node.d, !timeNarrowed());
  }

  function timeNarrowed() { return state.from > 0 || state.to < lastDay; }

  function applyFilters(refit) {
    var nodeCount = 0, edgeCount = 0;
    for (var i = 0; i < N; i++) { shown[i] = isShown(i) ? 1 : 0; nodeCount += shown[i]; }
    var narrowed = timeNarrowed();
    data.edges.forEach(function (e, k) {
      edgeShown[k] = shown[e.from] && shown[e.to] && (!narrowed || !e.d.length || inTime(e.d, true)) ? 1 : 0;
      edgeCount += edgeShown[k];
    });
    if (state.selected >= 0 && !shown[state.selected]) deselect();
    var all = nodeCount === N;
    byId("kg-status").textContent = all ? data.summary
      : "显示 " + nodeCount + " / " + N + " 个节点，" + edgeCount + " / " + E + " 条边";
    renderer.refresh();
    if (refit !== false) fit();
    return nodeCount;
  }

  /* Fit the camera to the nodes shown. */
  function fit() {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var i = 0; i < N; i++) {
      if (!shown[i]) continue;
      var n = data.nodes[i];
      if (n.x < minX) minX = n.x; if (n.x > maxX) maxX = n.x;
      if (n.y < minY) minY = n.y; if (n.y > maxY) maxY = n.y;
    }
    if (minX === Infinity) return;
    var pad = 1;
    renderer.setCustomBBox({ x: [minX - pad, maxX + pad], y: [minY - pad, maxY + pad] });
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    renderer.refresh();
  }

  function resetFilters() {
    state.district = -1;
    byId("kg-district").value = "-1";
    document.querySelectorAll("#kg-legend input[data-kind]").forEach(function (box) {
      box.checked = true;
      state.kinds[box.getAttribute("data-kind")] = true;
    });
    state.from = 0; state.to = lastDay;
    byId("kg-from").value = "0"; byId("kg-to").value = String(lastDay);
    showTime();
    return applyFilters();
  }

  function showTime() {
    if (!data.dates.length) return;
    var count = 0;
    byId("kg-time-label").textContent = data.dates[state.from] + " 至 " + data.dates[state.to] +
      (timeNarrowed() ? "" : "（全部）");
    return count;
  }

  function setTime(from, to) {
    state.from = Math.max(0, Math.min(from, lastDay));
    state.to = Math.max(state.from, Math.min(to, lastDay));
    byId("kg-from").value = String(state.from);
    byId("kg-to").value = String(state.to);
    showTime();
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
    if (data.dates.length) {
      byId("kg-time").hidden = false;
      ["kg-from", "kg-to"].forEach(function (id) {
        var input = byId(id);
        input.max = String(lastDay);
        input.addEventListener("input", function () {
          var from = parseInt(byId("kg-from").value, 10), to = parseInt(byId("kg-to").value, 10);
          if (id === "kg-from" && from > to) to = from;
          if (id === "kg-to" && to < from) from = to;
          setTime(from, to);
        });
      });
      byId("kg-to").value = String(lastDay);
      showTime();
    }
    byId("kg-reset").addEventListener("click", resetFilters);
    byId("kg-fit").addEventListener("click", fit);
    byId("kg-color").value = state.colorBy;
    byId("kg-color").addEventListener("change", function () { setColor(byId("kg-color").value); });
    byId("kg-size").addEventListener("change", function () { setSize(byId("kg-size").value); });
  }

  function setSize(measure) {
    state.size = measure;
    graph.updateEachNodeAttributes(function (key, attrs) { attrs.size = nodeSize(+key); return attrs; });
  }

  function setColor(by) {
    state.colorBy = by;
    graph.updateEachNodeAttributes(function (key, attrs) { attrs.color = nodeColor(+key); return attrs; });
  }

  /* ---------------------------------------------------------- search */

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

  /* Choosing a result shows it (clearing filters that hide it), selects it
   * and moves the view to it and its neighbours. */
  function choose(i) {
    byId("kg-results").hidden = true;
    if (!shown[i]) resetFilters();
    select(i, true);
  }

  function select(i, move) {
    state.selected = i;
    near = new Uint8Array(N);
    near[i] = 1;
    adjacent[i].forEach(function (e) {
      if (edgeShown[e]) { near[data.edges[e].from] = 1; near[data.edges[e].to] = 1; }
    });
    renderer.scheduleRefresh();  /* one frame for the highlight and the move */
    if (move) focusOn(i);
    showNode(i);
  }

  function deselect() {
    state.selected = -1;
    near = null;
    renderer.scheduleRefresh();
  }

  function focusOn(i) {
    var members = [];
    for (var j = 0; j < N; j++) if (near[j]) members.push(j);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    members.forEach(function (j) {
      var n = data.nodes[j];
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    var camera = renderer.getCamera();
    var corner = renderer.viewportToFramedGraph(renderer.graphToViewport({ x: minX, y: maxY }));
    var other = renderer.viewportToFramedGraph(renderer.graphToViewport({ x: maxX, y: minY }));
    var node = data.nodes[i];
    var centre = renderer.viewportToFramedGraph(renderer.graphToViewport({ x: node.x, y: node.y }));
    var span = Math.max(Math.abs(other.x - corner.x), Math.abs(other.y - corner.y));
    var ratio = Math.max(Math.min(span * 3, camera.ratio), 0.05);
    var target = { x: centre.x, y: centre.y, ratio: ratio };
    if (N > 5000) camera.setState(target);  /* each frame is dear on a big graph */
    else camera.animate(target, { duration: 300 });
  }

  /* ---------------------------------------------------------- panel */

  function textBlock(text) {
    var div = document.createElement("div");
    div.className = "kg-text";
    div.textContent = text;
    return div;
  }

  function showArticle(node) {
    var box = byId("kg-article"), info = node.article;
    box.hidden = !info;
    if (!info) return;
    var meta = byId("kg-article-meta");
    meta.textContent = "";
    var rows = [["编号", info.id], ["日期", info.date], ["媒体", info.outlet], ["文件", info.file], ["网址", info.url]];
    if (info.held) rows.push(["全文", "本页未收全文（篇幅过大），可用命令阅读：kg article " + info.id + " 语料库文件夹"]);
    rows.forEach(function (row) {
      if (!row[1]) return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = row[0];
      if (row[0] === "网址" && /^https?:\/\//i.test(row[1])) {
        var link = document.createElement("a");
        link.href = row[1];
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.textContent = row[1];
        dd.appendChild(link);
      } else {
        dd.textContent = row[1];
      }
      meta.appendChild(dt); meta.appendChild(dd);
    });
    var list = byId("kg-article-sentences");
    list.textContent = "";
    (info.sentences || []).forEach(function (s) {
      var li = document.createElement("li");
      li.textContent = s;
      list.appendChild(li);
    });
    byId("kg-article-body").hidden = !info.body;
    markSentences(byId("kg-article-text"), info.body || "", info.sentences || []);
  }

  // The article's text, with the sentences facts were read from marked.
  function markSentences(box, body, sentences) {
    var spans = [];
    sentences.forEach(function (s) {
      var at = s ? body.indexOf(s) : -1;
      if (at >= 0) spans.push([at, at + s.length]);
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    box.textContent = "";
    var done = 0;
    spans.forEach(function (span) {
      if (span[0] < done) return;  // inside one already marked
      box.appendChild(document.createTextNode(body.slice(done, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = body.slice(span[0], span[1]);
      box.appendChild(mark);
      done = span[1];
    });
    box.appendChild(document.createTextNode(body.slice(done)));
  }

  function showNode(i) {
    var node = data.nodes[i], lines = node.title.split("\n");
    byId("kg-panel-title").textContent = node.label;
    var when = node.d.length ? "，" + data.dates[node.d[0]] +
      (node.d.length > 1 ? " 至 " + data.dates[node.d[node.d.length - 1]] : "") : "";
    byId("kg-panel-kind").textContent = (kindNames[node.group] || node.group) + "，" + node.degree + " 条关系" + when;
    byId("kg-panel-iri").textContent = node.iri;
    showArticle(node);
    byId("kg-panel-text").textContent = node.article ? "" : lines.slice(1).join("\n");
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
    byId("kg-article").hidden = true;
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

  function tooltip(text, event) {
    var tip = byId("kg-tooltip");
    if (!text) { tip.hidden = true; return; }
    tip.textContent = text;
    tip.hidden = false;
    var box = byId("kg-network").getBoundingClientRect(), main = tip.parentNode.getBoundingClientRect();
    var x = event.x + box.left - main.left + 14, y = event.y + box.top - main.top + 14;
    tip.style.left = Math.min(x, main.width - tip.offsetWidth - 4) + "px";
    tip.style.top = Math.min(y, main.height - tip.offsetHeight - 4) + "px";
  }

  /* A node's tooltip; an article's also says when and where it appeared. */
  function tooltipText(i) {
    var node = data.nodes[i], info = node.article, lines = node.title.split("\n");
    if (!info) return node.title;
    var extra = [info.date && "日期：" + info.date, info.outlet && "媒体：" + info.outlet,
                 info.url && "网址：" + info.url, info.file && "文件：" + info.file];
    return [lines[0]].concat(extra.filter(Boolean), lines.slice(1)).join("\n");
  }

  function setUpPanel() {
    byId("kg-close").addEventListener("click", function () { byId("kg-panel").hidden = true; deselect(); });
    renderer.on("clickNode", function (p) { select(+p.node, false); });
    renderer.on("clickEdge", function (p) { showEdge(+p.edge); });
    renderer.on("clickStage", function () { byId("kg-panel").hidden = true; deselect(); });
    renderer.on("enterNode", function (p) { tooltip(tooltipText(+p.node), p.event); });
    renderer.on("leaveNode", function () { tooltip(""); });
    renderer.on("enterEdge", function (p) { tooltip(data.edges[+p.edge].title, p.event); });
    renderer.on("leaveEdge", function () { tooltip(""); });
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
    performance.mark("kg-drawn");
    setUpFilters();
    setUpSearch();
    setUpPanel();
    window.kgExplorer = {
      renderer: renderer, graph: graph, data: data,
      search: matches, choose: choose, resetFilters: resetFilters, setTime: setTime, fit: fit,
      selected: function () { return state.selected; },
      size: function (i) { return graph.getNodeAttribute(String(i), "size"); },
      viewportOf: function (i) {
        var at = renderer.graphToViewport({ x: data.nodes[i].x, y: data.nodes[i].y });
        var box = byId("kg-network").getBoundingClientRect();
        return [at.x + box.left, at.y + box.top];
      },
      shownCount: function () { var c = 0; for (var i = 0; i < N; i++) c += shown[i]; return c; },
      labels: function () { return labelRects; }
    };
    performance.mark("kg-fit");  /* sigma's first frame already fits the whole graph */
    window.requestAnimationFrame(function () { window.setTimeout(ready, 0); });
  }

  start();
})();
