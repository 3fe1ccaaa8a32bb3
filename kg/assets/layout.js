/* kg: a seeded force layout, run once before the network is drawn.
 *
 * Fruchterman-Reingold with repulsion only between nodes in neighbouring
 * cells of a grid (the "grid variant"), so each iteration costs about
 * linear time; a gravity that grows with degree keeps hubs in the middle
 * and loose parts near them.  Nodes start on a sunflower spiral in
 * breadth-first order from the busiest node, so neighbours start close.
 * No randomness: the same network always gets the same picture.
 */
var kgLayout = (function () {
  "use strict";

  function adjacency(n, src, dst) {
    var degree = new Int32Array(n), start = new Int32Array(n + 1);
    var list = new Int32Array(2 * src.length), i;
    for (i = 0; i < src.length; i++) { degree[src[i]]++; degree[dst[i]]++; }
    for (i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
    var fill = start.slice(0, n);
    for (i = 0; i < src.length; i++) {
      list[fill[src[i]]++] = dst[i];
      list[fill[dst[i]]++] = src[i];
    }
    return { degree: degree, start: start, list: list };
  }

  function breadthFirst(n, adj) {
    var byDegree = [], i;
    for (i = 0; i < n; i++) byDegree.push(i);
    byDegree.sort(function (a, b) { return adj.degree[b] - adj.degree[a] || a - b; });
    var order = new Int32Array(n), seen = new Uint8Array(n), head = 0, tail = 0;
    for (var r = 0; r < n; r++) {
      if (seen[byDegree[r]]) continue;
      seen[byDegree[r]] = 1;
      order[tail++] = byDegree[r];
      while (head < tail) {
        var u = order[head++];
        for (var e = adj.start[u]; e < adj.start[u + 1]; e++) {
          var v = adj.list[e];
          if (!seen[v]) { seen[v] = 1; order[tail++] = v; }
        }
      }
    }
    return order;
  }

  function Grid(n) {
    var size = 1;
    while (size < 2 * n) size *= 2;
    this.mask = size - 1;
    this.start = new Int32Array(size + 1);
    this.members = new Int32Array(n);
    this.cells = new Int32Array(n);
  }

  Grid.prototype.hash = function (cx, cy) {
    return (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) & this.mask;
  };

  Grid.prototype.fill = function (x, y, cellSize) {
    var n = x.length, start = this.start, i;
    start.fill(0);
    for (i = 0; i < n; i++) {
      var h = this.hash(Math.floor(x[i] / cellSize), Math.floor(y[i] / cellSize));
      this.cells[i] = h;
      start[h + 1]++;
    }
    for (i = 1; i < start.length; i++) start[i] += start[i - 1];
    var fill = start.slice(0, start.length - 1);
    for (i = 0; i < n; i++) this.members[fill[this.cells[i]]++] = i;
  };

  function repel(x, y, dx, dy, grid, length) {
    var cellSize = 2 * length, cutoff = cellSize * cellSize, k2 = length * length;
    grid.fill(x, y, cellSize);
    for (var i = 0; i < x.length; i++) {
      var cx = Math.floor(x[i] / cellSize), cy = Math.floor(y[i] / cellSize);
      for (var gx = cx - 1; gx <= cx + 1; gx++) {
        for (var gy = cy - 1; gy <= cy + 1; gy++) {
          var h = grid.hash(gx, gy);
          for (var m = grid.start[h]; m < grid.start[h + 1]; m++) {
            var j = grid.members[m];
            if (j === i) continue;
            var ex = x[i] - x[j], ey = y[i] - y[j], d2 = ex * ex + ey * ey;
            if (d2 > cutoff) continue;
            if (d2 < 1e-6) { ex = ((i + 1) % 7) - 3 + 0.5; ey = ((j + 3) % 5) - 2 + 0.5; d2 = ex * ex + ey * ey; }
            var f = k2 / d2;
            dx[i] += ex * f;
            dy[i] += ey * f;
          }
        }
      }
    }
  }

  function attract(x, y, dx, dy, src, dst, length) {
    for (var e = 0; e < src.length; e++) {
      var a = src[e], b = dst[e];
      if (a === b) continue;
      var ex = x[a] - x[b], ey = y[a] - y[b];
      var f = Math.sqrt(ex * ex + ey * ey) / length;
      dx[a] -= ex * f; dy[a] -= ey * f;
      dx[b] += ex * f; dy[b] += ey * f;
    }
  }

  /* Positions {x, y} (Float64Arrays) for n nodes and edges src[i]→dst[i]. */
  return function layout(n, src, dst, options) {
    var length = options.length, iterations = options.iterations;
    var x = new Float64Array(n), y = new Float64Array(n);
    var dx = new Float64Array(n), dy = new Float64Array(n);
    var adj = adjacency(n, src, dst), order = breadthFirst(n, adj), i;
    for (i = 0; i < n; i++) {
      var angle = i * 2.399963229728653, radius = length * 0.6 * Math.sqrt(i);
      x[order[i]] = radius * Math.cos(angle);
      y[order[i]] = radius * Math.sin(angle);
    }
    var grid = new Grid(n), heat = length * Math.sqrt(n) / 4 + length;
    var cooling = heat / (iterations + 1);
    for (var step = 0; step < iterations; step++) {
      dx.fill(0); dy.fill(0);
      repel(x, y, dx, dy, grid, length);
      attract(x, y, dx, dy, src, dst, length);
      for (i = 0; i < n; i++) {
        var pull = options.gravity * Math.sqrt(adj.degree[i] + 1);
        dx[i] -= x[i] * pull; dy[i] -= y[i] * pull;
        var move = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (move > heat) { dx[i] *= heat / move; dy[i] *= heat / move; }
        x[i] += dx[i]; y[i] += dy[i];
      }
      heat -= cooling;
    }
    return { x: x, y: y };
  };
})();
