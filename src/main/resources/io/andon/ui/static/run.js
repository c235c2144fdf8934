// The Run page's DAG: laid out by dagre (layered), drawn as SVG with a link per task, the
// critical path outlined, and states kept live by the service's event stream (one connection).
(function () {
  "use strict";
  var host = document.getElementById("dag");
  var dataEl = document.getElementById("dag-data");
  if (!host || !dataEl) {
    return;
  }
  var data = JSON.parse(dataEl.textContent);
  var runId = host.dataset.run;
  var SVG = "http://www.w3.org/2000/svg";
  var W = 190, H = 46;

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }

  var g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 50, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(function () { return {}; });
  data.nodes.forEach(function (n) { g.setNode(n.id, { width: W, height: H }); });
  data.edges.forEach(function (e) {
    g.setEdge(e.from, e.to, e.label ? { label: e.label, width: 30, height: 14 } : {});
  });
  dagre.layout(g);

  var size = g.graph();
  var svg = el("svg", { width: size.width, height: size.height, viewBox: "0 0 " + size.width + " " + size.height }, null);
  var critical = {};
  data.nodes.forEach(function (n) { if (n.share !== undefined) { critical[n.id] = true; } });

  data.edges.forEach(function (e) {
    var points = g.edge(e.from, e.to).points;
    var d = "M" + points.map(function (p) { return p.x + "," + p.y; }).join("L");
    var cls = "edge" + (critical[e.from] && critical[e.to] ? " critical" : "");
    var grp = el("g", { "class": cls }, svg);
    el("path", { d: d, "marker-end": "" }, grp);
    if (e.label) {
      var mid = points[Math.floor(points.length / 2)];
      var t = el("text", { x: mid.x + 3, y: mid.y - 3 }, grp);
      t.textContent = e.label;
    }
  });

  var nodes = {};
  data.nodes.forEach(function (n) {
    var pos = g.node(n.id);
    var grp = el("g", { "class": "node state-" + n.kind + (critical[n.id] ? " critical" : ""), "data-task": n.id,
      transform: "translate(" + (pos.x - W / 2) + "," + (pos.y - H / 2) + ")" }, svg);
    var a = el("a", { href: "/runs/" + runId + "/tasks/" + encodeURIComponent(n.id) }, grp);
    var title = el("title", {}, a);
    el("rect", { width: W, height: H, rx: 6 }, a);
    var main = el("text", { x: 8, y: 18 }, a);
    var sub = el("text", { x: 8, y: 36, "class": "sub" }, a);
    nodes[n.id] = { n: n, grp: grp, a: a, title: title, main: main, sub: sub };
    paint(n.id, n);
  });
  host.appendChild(svg);

  function paint(id, s) {
    var v = nodes[id];
    if (!v) { return; }
    var n = v.n;
    n.kind = s.kind; n.icon = s.icon; n.label = s.label;
    v.grp.setAttribute("class", "node state-" + n.kind + (critical[id] ? " critical" : ""));
    v.grp.setAttribute("data-state", n.label);
    v.main.textContent = n.icon + " " + id;
    var bits = [n.label];
    if (n.took) { bits.push(n.took); }
    if (n.share !== undefined) { bits.push(n.share + "% of run"); }
    v.sub.textContent = bits.join(" · ");
    var words = id + ": " + bits.join(", ") + (n.detail ? "; " + n.detail : "");
    v.title.textContent = words;
    v.a.setAttribute("aria-label", words);
  }

  if (host.dataset.live === "true" && window.EventSource) {
    var source = new EventSource("/runs/" + runId + "/events");
    source.addEventListener("tasks", function (e) {
      var ev = JSON.parse(e.data);
      ev.tasks.forEach(function (t) { paint(t.id, t); });
      if (ev.run) {
        var badge = document.getElementById("run-state");
        badge.className = "badge-state state-" + ev.run.kind;
        badge.querySelector(".icon").textContent = ev.run.icon;
        badge.querySelector(".label").textContent = ev.run.label;
      }
      host.dataset.updated = String(Date.now());
    });
    source.addEventListener("end", function () {
      source.close();
      host.dataset.live = "ended";
    });
  }
})();
