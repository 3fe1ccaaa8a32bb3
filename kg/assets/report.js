/* kg report: ECharts charts and a sortable posts table from the data island.
 *
 * Text from the graph goes into the page only through textContent, and
 * into charts drawn on canvas (tooltips too: renderMode "richText"), so it
 * is never markup.  When every chart has drawn, body[data-state] becomes
 * "ready" and window.kgReport offers the charts to tests.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var charts = {};
  var TOOLTIP = { renderMode: "richText", confine: true };
  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", sans-serif';

  function chart(id, option) {
    var element = byId(id);
    var instance = echarts.init(element, null, { renderer: "canvas" });
    option.animation = false;
    option.textStyle = { fontFamily: FONT };
    instance.setOption(option);
    charts[id] = instance;
    return instance;
  }

  function empty(id, text) {
    var element = byId(id);
    element.textContent = text;
    element.style.height = "auto";
    element.style.color = "#888";
  }

  function counts() {
    var list = byId("kg-counts"), c = data.counts;
    var items = [c.articles + " 篇文章" + (c.first ? "（" + c.first + " 至 " + c.last + "）" : "")];
    data.kinds.forEach(function (k) {
      if (c.entities[k.key]) items.push(k.name + " " + c.entities[k.key]);
    });
    Object.keys(c.relations).forEach(function (r) { items.push(r + " " + c.relations[r]); });
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    });
    if (data.span) { byId("kg-span").textContent = "时间范围：" + data.span; byId("kg-span").hidden = false; }
  }

  function timeCharts() {
    var m = data.months;
    if (!m.months.length) {
      empty("chart-articles", "没有带日期的文章。");
      empty("chart-entities", "没有带日期的文章。");
      return;
    }
    var labels = m.months.slice(), values = m.articles.slice();
    if (m.undated) {
      labels.push("无日期");
      values.push({ value: m.undated, itemStyle: { color: "#bbbbbb" } });
    }
    chart("chart-articles", {
      tooltip: Object.assign({ trigger: "axis" }, TOOLTIP),
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", name: "文章", data: values, itemStyle: { color: "#4e79a7" },
                 label: { show: true, position: "top" } }]
    });
    var series = data.kinds.filter(function (k) { return m.entities[k.key]; }).map(function (k) {
      return { type: "bar", stack: "all", name: k.name, data: m.entities[k.key], itemStyle: { color: k.color } };
    });
    chart("chart-entities", {
      tooltip: Object.assign({ trigger: "axis" }, TOOLTIP),
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: "category", data: m.months },
      yAxis: { type: "value", minInterval: 1 },
      series: series
    });
  }

  function ranking(id, rows, color, unit) {
    if (!rows.length) { empty(id, "没有。"); return; }
    var shown = rows.slice().reverse();
    chart(id, {
      tooltip: Object.assign({ trigger: "item", formatter: "{b}：{c} " + unit }, TOOLTIP),
      grid: { left: 10, right: 40, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: shown.map(function (r) { return r.name; }),
               axisLabel: { width: 180, overflow: "truncate" } },
      series: [{ type: "bar", data: shown.map(function (r) { return r.value; }),
                 itemStyle: { color: color }, label: { show: true, position: "right" } }]
    });
  }

  function districts() {
    if (!data.districts.length) { empty("chart-districts", "没有行政区。"); return; }
    chart("chart-districts", {
      tooltip: Object.assign({ formatter: "{b}：{c}" }, TOOLTIP),
      series: [{
        type: "treemap", data: data.districts, leafDepth: 2, roam: false,
        breadcrumb: { show: true }, label: { show: true, formatter: "{b}" },
        upperLabel: { show: true, height: 20 },
        levels: [
          { itemStyle: { borderColor: "#fff", borderWidth: 3, gapWidth: 3 } },
          { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.6, gapWidth: 2, borderWidth: 2 } },
          { colorSaturation: [0.35, 0.5], itemStyle: { borderColorSaturation: 0.5, gapWidth: 1 } }
        ]
      }]
    });
  }

  function launchers() {
    var rows = data.launchers;
    if (!rows.length) { empty("chart-launchers", "没有读出发起者。"); return; }
    var shown = rows.slice().reverse();
    chart("chart-launchers", {
      tooltip: Object.assign({
        trigger: "item",
        formatter: function (p) { return p.name + "：" + shown[p.dataIndex].items.join("、"); }
      }, TOOLTIP),
      grid: { left: 10, right: 40, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: shown.map(function (r) { return r.name; }),
               axisLabel: { width: 220, overflow: "truncate" } },
      series: [{ type: "bar", data: shown.map(function (r) { return r.value; }),
                 itemStyle: { color: "#f28e2b" }, label: { show: true, position: "right" } }]
    });
  }

  /* ------------------------------------------------------------ posts */

  var sort = { key: "person", dir: 1 }, filter = "";

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  function posts() {
    var body = document.querySelector("#kg-posts tbody");
    var rows = data.posts.filter(function (p) {
      if (!filter) return true;
      return [p.person, p.roles, p.org, p.place, p.evidence, p.source].join(" ").indexOf(filter) >= 0;
    });
    rows.sort(function (a, b) {
      var x = a[sort.key] || "", y = b[sort.key] || "";
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);
    });
    body.textContent = "";
    rows.forEach(function (p) {
      var tr = document.createElement("tr");
      cell(tr, p.person); cell(tr, p.roles); cell(tr, p.org); cell(tr, p.place);
      cell(tr, p.first === p.last ? p.first : p.first + " 至 " + p.last);
      cell(tr, p.evidence, "kg-evidence"); cell(tr, p.source);
      body.appendChild(tr);
    });
    var total = data.postsTotal || data.posts.length;
    byId("kg-posts-count").textContent = rows.length + " / " + total + " 条任职" +
      (total > data.posts.length ? "（表中为最近的 " + data.posts.length +
        " 条；全部任职见 kg export --format csv）" : "");
    document.querySelectorAll("#kg-posts th").forEach(function (th) {
      var key = th.getAttribute("data-key");
      if (key === sort.key) th.setAttribute("data-sort", sort.dir > 0 ? "asc" : "desc");
      else th.removeAttribute("data-sort");
    });
  }

  function setUpPosts() {
    document.querySelectorAll("#kg-posts th").forEach(function (th) {
      th.addEventListener("click", function () {
        var key = th.getAttribute("data-key");
        sort = { key: key, dir: sort.key === key ? -sort.dir : 1 };
        posts();
      });
    });
    byId("kg-filter").addEventListener("input", function () { filter = byId("kg-filter").value.trim(); posts(); });
    posts();
  }

  function notes() {
    var list = byId("kg-notes");
    var items = data.notes.length ? data.notes : ["没有。"];
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    });
  }

  counts();
  timeCharts();
  ranking("chart-connected-person", data.connected.Person, "#e15759", "个关系对象");
  ranking("chart-connected-org", data.connected.Organization, "#4e79a7", "个关系对象");
  ranking("chart-mentioned-person", data.mentioned.Person, "#e15759", "篇");
  ranking("chart-mentioned-org", data.mentioned.Organization, "#4e79a7", "篇");
  districts();
  launchers();
  setUpPosts();
  notes();
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
  window.kgReport = { charts: charts, data: data, sortBy: function (key) {
    document.querySelector('#kg-posts th[data-key="' + key + '"]').click();
  } };
  window.requestAnimationFrame(function () { document.body.setAttribute("data-state", "ready"); });
})();
