/* beleidstheorie interactive view.
 * All data comes from the JSON block #bt-data and reaches the page through
 * textContent or DOM elements only: no data string is ever parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("bt-data").textContent);
  var T = data.text;
  var FADED = { background: "#f1f1f1", border: "#d6d6d6",
                highlight: { background: "#f1f1f1", border: "#999999" },
                hover: { background: "#f1f1f1", border: "#999999" } };
  var FADED_EDGE = { color: "#e4e4e4", inherit: false };
  var MIN_TEXT_PX = 10.5;  // legible: no node label rendered below this on screen
  var GOAL_LEVELS = { 2: true, 3: true, 4: true };  // mechanisms, sub-goals, main goal

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  var base = {};
  data.nodes.forEach(function (n) { base[n.id] = n; });
  var baseEdge = {};
  data.edges.forEach(function (e) { baseEdge[e.id] = e; });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("bt-graph"),
                                { nodes: nodes, edges: edges }, data.options);
  network.on("beforeDrawing", function (ctx) {
    // column headers live on the canvas, not in the data sets: they are no nodes
    ctx.save();
    ctx.font = "bold 22px 'DejaVu Sans', Arial, sans-serif";
    ctx.fillStyle = "#3a3a3a";
    data.headers.forEach(function (h) {
      ctx.textAlign = h.align;
      ctx.fillText(h.text, h.x, h.y);
    });
    ctx.restore();
  });
  (function () {
    // the graph's frame is a keyboard stop (vis gives it tabindex 0): name it and say its keys
    var frame = document.querySelector("#bt-graph .vis-network");
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", T.graph_label);
    frame.querySelector("canvas").setAttribute("aria-hidden", "true");
  })();
  window.btNetwork = network;
  window.btNodes = nodes;
  window.btEdges = edges;

  function legibleScale() {
    // the scale at which the smallest node font is rendered at MIN_TEXT_PX on screen
    var smallest = Math.min.apply(null, data.nodes.map(function (n) { return n.font.size; }));
    return MIN_TEXT_PX / smallest;
  }
  window.btLegibleScale = legibleScale;

  function legibleFit(ids, centre) {
    // fit the given nodes; if that makes text too small, zoom to legible text around `centre`
    network.fit({ nodes: ids, animation: false });
    if (network.getScale() >= legibleScale()) { return; }
    var at = centre !== undefined ? network.getPositions([centre])[centre] : null;
    if (!at) { at = network.getViewPosition(); }
    network.moveTo({ position: at, scale: legibleScale(), animation: false });
  }

  function firstView() {
    // a legible first view: the goals (mechanisms, sub-goals, main goal), not the whole graph
    var goals = data.nodes.filter(function (n) { return GOAL_LEVELS[n.level]; })
      .map(function (n) { return n.id; });
    network.fit({ nodes: goals, animation: false });
    var scale = network.getScale();
    if (scale >= legibleScale()) { return; }
    // too many goals for one screen: start at the top of the goals, text legible
    var box = goals.map(function (id) { return network.getBoundingBox(id); });
    var left = Math.min.apply(null, box.map(function (b) { return b.left; }));
    var right = Math.max.apply(null, box.map(function (b) { return b.right; }));
    var top = Math.min.apply(null, box.map(function (b) { return b.top; }));
    var s = legibleScale();
    var rect = document.getElementById("bt-graph").getBoundingClientRect();
    network.moveTo({ position: { x: (left + right) / 2, y: top - 80 + rect.height / (2 * s) },
                     scale: s, animation: false });
  }
  window.btFirstView = firstView;

  function zoomToTrace(id) {
    // zoom to the traced part: the node's paths to the main goal and back, the hidden ones left out
    var ids = Array.from(trace(id)).filter(function (x) { return !nodes.get(x).hidden; });
    legibleFit(ids, id);
  }

  var SECTIONS = { table: "bt-table-wrap", changes: "bt-changes-wrap", matrix: "bt-matrix-wrap" };
  var state = { round: data.defaultRound, subgoal: "", initiative: "", insufficient: false,
                focus: null, links: true, hide: [], open: [] };

  function tooltip(id) {
    var info = data.info[id];
    var box = el("div", null, "bt-tip");
    box.appendChild(el("div", info.kind, "bt-tip-kind"));
    box.appendChild(el("div", info.label, "bt-tip-label"));
    if (info.penvoerder) { box.appendChild(el("div", T.penvoerder + ": " + info.penvoerder)); }
    if (info.description) { box.appendChild(el("p", info.description, "bt-tip-desc")); }
    var scores = state.round ? data.scores[state.round] || {} : {};
    var sc = scores[id];
    if (sc) {
      box.appendChild(el("div", T.score + ": " + sc.score + " · " + sc.verdict, "bt-tip-score"));
      if (sc.note) { box.appendChild(el("p", sc.note, "bt-tip-note")); }
      if (sc.evidence.length) {
        box.appendChild(el("div", T.evidence, "bt-tip-head"));
        var list = el("ul");
        sc.evidence.forEach(function (ev) {
          list.appendChild(el("li", ev.indicator + " — " + ev.status + " (" + ev.reference + ")"));
        });
        box.appendChild(list);
      }
    }
    if (info.reference) { box.appendChild(el("div", T.reference + ": " + info.reference, "bt-tip-ref")); }
    return box;
  }

  function edgeTip(e) { return el("div", e.meaning, "bt-tip"); }

  function intersect(keep, list) {
    var next = new Set(list);
    if (keep === null) { return next; }
    return new Set(Array.from(keep).filter(function (x) { return next.has(x); }));
  }

  function visibleSet() {
    var keep = null;
    if (state.subgoal) { keep = intersect(keep, data.keep.subgoal[state.subgoal]); }
    if (state.initiative) { keep = intersect(keep, data.keep.initiative[state.initiative]); }
    if (state.insufficient && state.round) {
      keep = intersect(keep, data.keep.insufficient[state.round] || []);
    }
    return keep;
  }

  var restoring = false;

  function writeUrl() {
    if (restoring) { return; }
    var p = new URLSearchParams();
    if (state.round && state.round !== data.defaultRound) { p.set("round", state.round); }
    if (state.subgoal) { p.set("subgoal", state.subgoal); }
    if (state.initiative) { p.set("initiative", state.initiative); }
    if (state.insufficient) { p.set("insufficient", "1"); }
    if (state.focus !== null) { p.set("node", state.focus); }
    if (!state.links) { p.set("links", "0"); }
    if (state.hide.length) { p.set("hide", state.hide.join(",")); }
    if (state.open.length) { p.set("open", state.open.join(",")); }
    var hash = p.toString();
    if (hash !== location.hash.replace(/^#/, "")) { history.pushState(null, "", "#" + hash); }
  }

  function readUrl() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    var known = function (id) { return id && data.info[id] ? id : null; };
    state.round = p.get("round") || data.defaultRound;
    state.subgoal = p.get("subgoal") || "";
    state.initiative = p.get("initiative") || "";
    state.insufficient = p.get("insufficient") === "1";
    state.focus = known(p.get("node"));
    state.links = p.get("links") !== "0";
    var types = data.linkTypes.map(function (t) { return t.type; });
    var listed = function (name, allowed) {
      var got = (p.get(name) || "").split(",");
      return allowed.filter(function (x) { return got.indexOf(x) >= 0; });
    };
    state.hide = listed("hide", types);
    state.open = listed("open", Object.keys(SECTIONS));
    document.getElementById("bt-filter-subgoal").value = state.subgoal;
    document.getElementById("bt-filter-initiative").value = state.initiative;
    if (state.round) { document.getElementById("bt-filter-round").value = state.round; }
    document.getElementById("bt-filter-insufficient").checked = state.insufficient;
    document.getElementById("bt-layer-links").checked = state.links;
    data.linkTypes.forEach(function (t) {
      document.getElementById("bt-link-" + t.type).checked = state.hide.indexOf(t.type) < 0;
    });
    Object.keys(SECTIONS).forEach(function (k) {
      document.getElementById(SECTIONS[k]).open = state.open.indexOf(k) >= 0;
    });
  }

  function restore() {
    restoring = true;
    readUrl();
    applyLinks();
    render(true);
    legend();
    table();
    matrix();
    changes();
    var panel = document.getElementById("bt-details");
    if (state.focus !== null) {
      network.selectNodes([state.focus]);
      zoomToTrace(state.focus);
      details(state.focus);
    } else {
      network.unselectAll();
      panel.hidden = true;
    }
    restoring = false;
  }

  function trace(id) {
    // the paths through a node: everything it leads to (up to the main goal) and everything
    // that feeds it (back to the initiatives and the input), along the theory's own edges
    var seen = new Set([id]);
    [["from", "to"], ["to", "from"]].forEach(function (dir) {
      var todo = [id];
      var done = new Set([id]);
      while (todo.length) {
        var cur = todo.pop();
        data.edges.forEach(function (e) {
          if (!e.structural || e[dir[0]] !== cur || done.has(e[dir[1]])) { return; }
          done.add(e[dir[1]]);
          seen.add(e[dir[1]]);
          todo.push(e[dir[1]]);
        });
      }
    });
    return seen;
  }
  window.btTrace = function (id) { return Array.from(trace(id)); };

  function render(fit) {
    writeUrl();
    var keep = visibleSet();
    var styles = state.round ? data.styles[state.round] || {} : {};
    var near = null;
    if (state.focus !== null) { near = trace(state.focus); }
    var shown = [];
    nodes.update(data.nodes.map(function (n) {
      var st = styles[n.id] || base[n.id];
      var hidden = keep !== null && !keep.has(n.id);
      if (!hidden) { shown.push(n.id); }
      var dim = near !== null && !near.has(n.id);
      return { id: n.id, hidden: hidden, label: st.label, borderWidth: st.borderWidth,
               shapeProperties: st.shapeProperties, title: tooltip(n.id),
               color: dim ? FADED : st.color,
               font: dim ? { color: "#b5b5b5", face: st.font.face, size: st.font.size } : st.font };
    }));
    edges.update(data.edges.map(function (e) {
      var dim = near !== null && !(near.has(e.from) && near.has(e.to) && e.structural);
      return { id: e.id, color: dim ? FADED_EDGE : baseEdge[e.id].color, title: edgeTip(e) };
    }));
    document.getElementById("bt-visible-count").textContent =
      T.visible.replace("{n}", String(shown.length)).replace("{total}", String(data.nodes.length));
    if (fit && shown.length) { network.fit({ nodes: shown, animation: false }); }
  }

  // -- the samenhang as a switchable layer, one filter per link type ----------------------------
  function applyLinks() {
    // the layer and each link type as the state says; the URL follows
    edges.update(data.edges.filter(function (e) { return e.linkType; }).map(function (e) {
      return { id: e.id, hidden: !state.links || state.hide.indexOf(e.linkType) >= 0 };
    }));
    data.linkTypes.forEach(function (t) {
      document.getElementById("bt-link-" + t.type).disabled = !state.links || t.count === 0;
    });
    writeUrl();
  }

  function sectionControls() {
    // which of the tables below the graph are open is part of the view, so it is in the URL too
    Object.keys(SECTIONS).forEach(function (k) {
      document.getElementById(SECTIONS[k]).addEventListener("toggle", function (ev) {
        var open = ev.target.open;
        var at = state.open.indexOf(k);
        if (open === (at >= 0)) { return; }
        if (open) { state.open = Object.keys(SECTIONS).filter(function (x) {
          return x === k || state.open.indexOf(x) >= 0; }); } else { state.open.splice(at, 1); }
        writeUrl();
      });
    });
  }

  function linkControls() {
    document.getElementById("bt-label-layer-links").textContent = T.layer_links;
    var holder = document.getElementById("bt-link-types");
    data.linkTypes.forEach(function (t) {
      var label = el("label", null, "bt-legend-row");
      var box = el("input");
      box.type = "checkbox";
      box.id = "bt-link-" + t.type;
      box.checked = true;
      box.disabled = t.count === 0;
      box.setAttribute("data-count", String(t.count));
      box.addEventListener("change", function () {
        state.hide = data.linkTypes.map(function (x) { return x.type; }).filter(function (x) {
          return x === t.type ? !box.checked : state.hide.indexOf(x) >= 0;
        });
        applyLinks();
      });
      label.appendChild(box);
      var line = el("span", null, "bt-line");
      line.style.borderTopColor = t.colour;
      label.appendChild(line);
      label.appendChild(el("span", t.label + " (" + t.count + ")"));
      holder.appendChild(label);
    });
    var layer = document.getElementById("bt-layer-links");
    layer.addEventListener("change", function () { state.links = layer.checked; applyLinks(); });
  }

  function option(select, value, text) {
    var o = el("option", text);
    o.value = value;
    select.appendChild(o);
    return o;
  }

  function controls() {
    document.getElementById("bt-title").textContent = data.title;
    document.getElementById("bt-help").textContent = T.help;
    document.getElementById("bt-label-subgoal").textContent = T.filter_subgoal;
    document.getElementById("bt-label-initiative").textContent = T.filter_initiative;
    document.getElementById("bt-label-round").textContent = T.filter_round;
    document.getElementById("bt-label-insufficient").textContent = T.filter_insufficient;

    var sg = document.getElementById("bt-filter-subgoal");
    option(sg, "", T.all_subgoals);
    data.subgoals.forEach(function (s) { option(sg, s.id, s.label); });
    sg.addEventListener("change", function () { state.subgoal = sg.value; render(true); });

    var ini = document.getElementById("bt-filter-initiative");
    option(ini, "", T.all_initiatives);
    data.initiatives.forEach(function (i) {
      option(ini, i.id, (i.sub ? "\u00a0\u00a0\u00a0" : "") + i.label);
    });
    ini.addEventListener("change", function () { state.initiative = ini.value; render(true); });

    var rnd = document.getElementById("bt-filter-round");
    var box = document.getElementById("bt-filter-insufficient");
    if (!data.rounds.length) {
      option(rnd, "", T.no_rounds);
      rnd.disabled = true;
      box.disabled = true;
    }
    data.rounds.forEach(function (r) {
      var o = option(rnd, r.id, r.label);
      if (r.id === state.round) { o.selected = true; }
    });
    rnd.addEventListener("change", function () { state.round = rnd.value; render(true); legend(); table(); matrix(); changes(); });
    box.addEventListener("change", function () { state.insufficient = box.checked; render(true); });

    network.on("click", function (params) {
      state.focus = params.nodes.length ? params.nodes[0] : null;
      render(false);
      if (state.focus !== null) { zoomToTrace(state.focus); details(state.focus); }
    });

    document.getElementById("bt-label-search").textContent = T.search;
    var search = document.getElementById("bt-search");
    var list = document.getElementById("bt-search-list");
    var byLabel = {};
    data.nodes.forEach(function (n) {
      var label = data.info[n.id].label;
      byLabel[label.toLowerCase()] = n.id;
      option(list, label, data.info[n.id].kind);
    });
    function find() {
      var id = byLabel[search.value.trim().toLowerCase()];
      if (id === undefined) { return; }
      state.focus = id;
      render(false);
      network.selectNodes([id]);
      zoomToTrace(id);
      details(id);
    }
    search.addEventListener("change", find);
    search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(); } });

    document.getElementById("bt-fit").textContent = T.fit;
    document.getElementById("bt-zoom-in").setAttribute("aria-label", T.zoom_in);
    document.getElementById("bt-zoom-out").setAttribute("aria-label", T.zoom_out);
    function zoom(factor) {
      network.moveTo({ scale: network.getScale() * factor, animation: false });
    }
    document.getElementById("bt-zoom-in").addEventListener("click", function () { zoom(1.25); });
    document.getElementById("bt-zoom-out").addEventListener("click", function () { zoom(0.8); });
    var png = document.getElementById("bt-export-png");
    var svgButton = document.getElementById("bt-export-svg");
    png.textContent = "PNG";
    png.setAttribute("aria-label", T.export_png);
    png.title = T.export_png;
    svgButton.textContent = "SVG";
    svgButton.setAttribute("aria-label", T.export_svg);
    svgButton.title = T.export_svg;
    png.addEventListener("click", exportPng);
    svgButton.addEventListener("click", exportSvg);
    document.getElementById("bt-fit").addEventListener("click", function () {
      network.fit({ animation: false });
    });
  }

  // -- export of the current view: PNG from the canvas, SVG drawn from the positions -------------
  var SVG_NS = "http://www.w3.org/2000/svg";

  function download(name, url) {
    var a = el("a");
    a.download = name;
    a.href = url;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function fileName(ext) {
    return (data.title || "beleidstheorie").replace(/[^A-Za-z0-9\u00C0-\u024F-]+/g, "-") + "." + ext;
  }

  function exportPng() {
    download(fileName("png"), document.querySelector("#bt-graph canvas").toDataURL("image/png"));
  }

  function svgOfView() {
    // what is on screen now: the visible nodes and edges inside the current view, as vector shapes
    var rect = document.getElementById("bt-graph").getBoundingClientRect();
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var z = network.DOMtoCanvas({ x: rect.width, y: rect.height });
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("xmlns", SVG_NS);
    svg.setAttribute("viewBox", [a.x, a.y, z.x - a.x, z.y - a.y].join(" "));
    svg.setAttribute("width", String(Math.round(rect.width)));
    svg.setAttribute("height", String(Math.round(rect.height)));
    var title = document.createElementNS(SVG_NS, "title");
    title.textContent = data.title;
    svg.appendChild(title);
    function inView(b) { return b.right >= a.x && b.left <= z.x && b.bottom >= a.y && b.top <= z.y; }
    var pos = network.getPositions();
    edges.get({ filter: function (e) { return !e.hidden; } }).forEach(function (e) {
      var f = nodes.get(e.from), t = nodes.get(e.to);
      if (!f || !t || f.hidden || t.hidden) { return; }
      var line = document.createElementNS(SVG_NS, "line");
      line.setAttribute("x1", pos[e.from].x); line.setAttribute("y1", pos[e.from].y);
      line.setAttribute("x2", pos[e.to].x); line.setAttribute("y2", pos[e.to].y);
      line.setAttribute("stroke", (e.color && e.color.color) || "#555555");
      line.setAttribute("stroke-width", String(e.width || 1));
      if (e.dashes) { line.setAttribute("stroke-dasharray", "6 4"); }
      svg.appendChild(line);
    });
    nodes.get({ filter: function (n) { return !n.hidden; } }).forEach(function (n) {
      var b = network.getBoundingBox(n.id);
      if (!inView(b)) { return; }
      var g = document.createElementNS(SVG_NS, "g");
      g.setAttribute("data-node", n.id);
      var box = document.createElementNS(SVG_NS, "rect");
      box.setAttribute("x", b.left); box.setAttribute("y", b.top);
      box.setAttribute("width", b.right - b.left); box.setAttribute("height", b.bottom - b.top);
      box.setAttribute("rx", "8");
      box.setAttribute("fill", n.color.background);
      box.setAttribute("stroke", n.color.border);
      box.setAttribute("stroke-width", String(n.borderWidth || 1));
      if (n.shapeProperties && n.shapeProperties.borderDashes) { box.setAttribute("stroke-dasharray", "6 3"); }
      g.appendChild(box);
      var text = document.createElementNS(SVG_NS, "text");
      var size = n.font.size;
      var lines = String(n.label || "").split("\n");
      text.setAttribute("font-family", "DejaVu Sans, Arial, sans-serif");
      text.setAttribute("font-size", String(size));
      text.setAttribute("fill", n.font.color || "#000000");
      text.setAttribute("text-anchor", "middle");
      var cx = (b.left + b.right) / 2, top = (b.top + b.bottom) / 2 - (lines.length - 1) * size * 0.6;
      lines.forEach(function (ln, k) {
        var span = document.createElementNS(SVG_NS, "tspan");
        span.setAttribute("x", cx);
        span.setAttribute("y", top + k * size * 1.2 + size * 0.35);
        span.textContent = ln;
        text.appendChild(span);
      });
      g.appendChild(text);
      svg.appendChild(g);
    });
    return new XMLSerializer().serializeToString(svg);
  }
  window.btSvgOfView = svgOfView;

  function exportSvg() {
    download(fileName("svg"), "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgOfView()));
  }

  function table() {
    // the table alternative of everything in the graph: one row per node, reachable by keyboard
    document.getElementById("bt-table-summary").textContent = T.table;
    document.getElementById("bt-table-caption").textContent = data.title;
    var head = document.querySelector("#bt-table thead tr");
    head.textContent = "";
    [T.col_kind, T.col_label, T.col_verdict, T.score, T.reference].forEach(function (h) {
      var th = el("th", h);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = document.querySelector("#bt-table tbody");
    body.textContent = "";
    var scores = state.round ? data.scores[state.round] || {} : {};
    data.nodes.forEach(function (n) {
      var info = data.info[n.id];
      var sc = scores[n.id];
      var tr = el("tr");
      tr.setAttribute("data-node", n.id);
      tr.appendChild(el("td", info.kind));
      var cell = el("th");
      cell.scope = "row";
      var b = el("button", info.label, "bt-row-button");
      b.type = "button";
      b.addEventListener("click", function () {
        state.focus = n.id;
        render(false);
        network.selectNodes([n.id]);
        zoomToTrace(n.id);
        details(n.id);
        document.getElementById("bt-details").focus();
      });
      cell.appendChild(b);
      tr.appendChild(cell);
      tr.appendChild(el("td", sc ? sc.verdict : ""));
      tr.appendChild(el("td", sc ? sc.score : ""));
      tr.appendChild(el("td", info.reference));
      body.appendChild(tr);
    });
  }

  function changes() {
    // round comparison: what changed since the round before the chosen one
    var wrap = document.getElementById("bt-changes-wrap");
    var c = state.round ? data.changes[state.round] : null;
    wrap.hidden = !c;
    if (!c) { return; }
    var title = T.changes + " " + c.from;
    document.getElementById("bt-changes-summary").textContent = title + " (" + c.rows.length + ")";
    document.getElementById("bt-changes-caption").textContent = title;
    var head = document.querySelector("#bt-changes thead");
    head.textContent = "";
    var tr = el("tr");
    [T.col_label, T.col_before, T.col_after, T.col_new].forEach(function (h) {
      var th = el("th", h);
      th.scope = "col";
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var body = document.querySelector("#bt-changes tbody");
    body.textContent = "";
    if (!c.rows.length) { body.appendChild(el("tr")).appendChild(el("td", T.no_changes)); }
    c.rows.forEach(function (r) {
      var row = el("tr", null, r.verdictChanged ? "bt-verdict-changed" : "");
      row.setAttribute("data-node", r.id);
      var th = el("th");
      th.scope = "row";
      var b = el("button", r.label, "bt-row-button");
      b.type = "button";
      b.addEventListener("click", function () {
        state.focus = r.id;
        render(false);
        network.selectNodes([r.id]);
        zoomToTrace(r.id);
        details(r.id);
      });
      th.appendChild(b);
      row.appendChild(th);
      row.appendChild(el("td", r.before));
      row.appendChild(el("td", r.after));
      var cell = el("td");
      var ul = el("ul");
      r.new.forEach(function (n) { ul.appendChild(el("li", n)); });
      cell.appendChild(ul);
      row.appendChild(cell);
      body.appendChild(row);
    });
  }

  function matrix() {
    // the evidence matrix of the chosen round as an HTML table: initiatives x mechanisms
    var wrap = document.getElementById("bt-matrix-wrap");
    var m = state.round ? data.matrix[state.round] : null;
    wrap.hidden = !m;
    if (!m) { return; }
    document.getElementById("bt-matrix-summary").textContent = m.title;
    document.getElementById("bt-matrix-caption").textContent = m.title;
    var head = document.querySelector("#bt-matrix thead");
    head.textContent = "";
    var tr = el("tr");
    var corner = el("th", m.corner);
    corner.scope = "col";
    tr.appendChild(corner);
    m.columns.forEach(function (c) {
      var th = el("th", c.label);
      th.scope = "col";
      th.appendChild(el("div", c.subgoal, "bt-matrix-subgoal"));
      if (c.verdict) { th.appendChild(el("div", c.verdict, "bt-matrix-verdict")); }
      tr.appendChild(th);
    });
    head.appendChild(tr);
    var body = document.querySelector("#bt-matrix tbody");
    body.textContent = "";
    m.rows.forEach(function (r) {
      var row = el("tr");
      var th = el("th", r.label);
      th.scope = "row";
      row.appendChild(th);
      r.cells.forEach(function (c) {
        var td = el("td", c.text);
        td.title = c.state;
        td.setAttribute("aria-label", (c.text ? c.text + " — " : "") + c.state);
        td.style.background = c.fill;
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    var key = document.getElementById("bt-matrix-key");
    key.textContent = "";
    m.key.forEach(function (k) { key.appendChild(el("li", k)); });
  }

  function details(id) {
    // the persistent panel: what the tooltip says, plus who contributes, and the quotes
    var panel = document.getElementById("bt-details");
    panel.textContent = "";
    panel.hidden = false;
    panel.setAttribute("data-node", id);
    var body = tooltip(id);
    body.className = "bt-details-body";
    panel.appendChild(body);
    var scores = state.round ? data.scores[state.round] || {} : {};
    var sc = scores[id];
    if (sc && sc.evidence.length) {
      panel.appendChild(el("h3", T.quotes));
      sc.evidence.forEach(function (ev) {
        if (ev.quote) {
          var q = el("blockquote", ev.quote);
          q.appendChild(el("cite", " (" + ev.reference + ")"));
          panel.appendChild(q);
        }
      });
    }
    var who = data.contributors[id] || [];
    if (who.length) {
      panel.appendChild(el("h3", T.contributors));
      var ul = el("ul", null, "bt-contributors");
      who.forEach(function (c) { ul.appendChild(el("li", c.label + " — " + c.strength + ", " + c.provenance)); });
      panel.appendChild(ul);
    }
    var close = el("button", T.close);
    close.type = "button";
    close.id = "bt-details-close";
    close.addEventListener("click", function () { panel.hidden = true; state.focus = null; render(false); });
    panel.appendChild(close);
  }

  function legend() {
    var aside = document.getElementById("bt-legend");
    aside.textContent = "";
    aside.appendChild(el("h2", T.legend));
    data.legend.kinds.forEach(function (k) {
      var row = el("div", null, "bt-legend-row");
      var sw = el("span", null, "bt-swatch");
      sw.style.background = k.fill;
      sw.style.borderColor = k.border;
      row.appendChild(sw);
      row.appendChild(el("span", k.label));
      aside.appendChild(row);
    });
    data.legend.edges.forEach(function (e) {
      var row = el("div", null, "bt-legend-row");
      var line = el("span", null, "bt-line" + (e.dashed ? " bt-dashed" : ""));
      line.style.borderTopColor = e.colour;
      row.appendChild(line);
      row.appendChild(el("span", e.label));
      aside.appendChild(row);
    });
    if (!data.rounds.length) { return; }
    aside.appendChild(el("h2", T.score_scale));
    data.legend.scale.slice().reverse().forEach(function (s) {
      var row = el("div", null, "bt-legend-row");
      var sw = el("span", null, "bt-swatch");
      sw.style.background = s.colour;
      row.appendChild(sw);
      row.appendChild(el("span", s.text));
      aside.appendChild(row);
    });
    aside.appendChild(el("p", data.legend.scaleNote));
    data.legend.verdicts.forEach(function (v) {
      var row = el("div", null, "bt-legend-row bt-verdict-row");
      row.setAttribute("data-verdict", v.verdict);
      var sw = el("span", null, "bt-swatch" + (v.dashed ? " bt-dashed" : "") + (v.double ? " bt-double" : ""));
      sw.style.background = v.fill;
      sw.style.borderColor = v.border;
      row.appendChild(sw);
      row.appendChild(el("span", v.label + ": " + v.explain));
      aside.appendChild(row);
    });
    var current = data.rounds.filter(function (r) { return r.id === state.round; })[0];
    if (current) { aside.appendChild(el("p", T.round + ": " + current.label)); }
  }

  controls();
  linkControls();
  sectionControls();
  legend();
  table();
  matrix();
  changes();
  var fromUrl = location.hash.length > 1;
  if (fromUrl) { restore(); } else { render(false); }
  window.addEventListener("popstate", restore);
  network.once("afterDrawing", function () {
    // vis fits the whole graph on its first drawing; the first view replaces that fit
    if (!fromUrl) { firstView(); } else if (state.focus !== null) { zoomToTrace(state.focus); }
    document.body.setAttribute("data-bt-ready", "1");
  });
  network.redraw();
})();
