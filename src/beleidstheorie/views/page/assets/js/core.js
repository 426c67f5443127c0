/* beleidstheorie interactive page, core: the data, the network and its legible views, the
 * view state, tooltips, the filters' visible set, path tracing and render().
 * All data comes from the JSON block #bt-data and reaches the page through
 * textContent or DOM elements only: no data string is ever parsed as HTML.
 * The parts (build.JS_PARTS) share one function scope; this one comes first. */
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
  data.edges.forEach(function (e) {
    // in the column layout the samenhang links are drawn as routes around the boxes (routes.js):
    // vis-network's own drawing of them, an arc through the column, is made transparent
    if (e.linkType && data.headers.length) { e.color = { color: e.color.color, inherit: false, opacity: 0 }; e.chosen = false; }
    baseEdge[e.id] = e;
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("bt-graph"),
                                { nodes: nodes, edges: edges }, data.options);
  network.on("beforeDrawing", function (ctx) {
    // column headers live on the canvas, not in the data sets: they are no nodes
    ctx.save();
    ctx.font = "bold 22px 'DejaVu Sans', Arial, sans-serif";
    ctx.fillStyle = "#3a3a3a";
    headersNow().forEach(function (h) {
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
    network.fit({ nodes: shownIds(ids), animation: false });
    if (network.getScale() >= legibleScale()) { return; }
    var at = centre !== undefined ? network.getPositions([shownId(centre)])[shownId(centre)] : null;
    if (!at) { at = network.getViewPosition(); }
    network.moveTo({ position: at, scale: legibleScale(), animation: false });
  }

  function firstView() {
    // a legible first view: the goals (mechanisms, sub-goals, main goal), not the whole graph
    var goals = shownIds(data.nodes.filter(function (n) { return GOAL_LEVELS[n.level]; })
      .map(function (n) { return n.id; }));
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

  var SECTIONS = { table: "bt-table-wrap", links: "bt-links-wrap", changes: "bt-changes-wrap",
                   matrix: "bt-matrix-wrap" };
  var state = { round: data.defaultRound, subgoal: "", initiative: "", insufficient: false,
                focus: null, links: true, hide: [], open: [], group: data.defaultGroup, expanded: [],
               mgroup: data.defaultMechanismGroup, mexpanded: [] };

  function tooltip(id, inPanel) {
    // what hovering a node says; the details panel (inPanel) lists the evidence on its own
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
      if (sc.evidence.length && !inPanel) {
        box.appendChild(el("div", T.evidence, "bt-tip-head"));
        var list = el("ul");
        sc.evidence.slice(0, data.tipEvidence).forEach(function (ev) {
          list.appendChild(el("li", ev.indicator + " — " + ev.status + " (" + ev.reference + ")"));
        });
        box.appendChild(list);
      }
    }
    if (info.reference) { box.appendChild(el("div", T.reference + ": " + info.reference, "bt-tip-ref")); }
    return box;
  }

  var linkInfo = {};
  data.links.forEach(function (k) { linkInfo[k.id] = k; });

  function linkTip(ids) {
    // a samenhang link's hover text: its type, from → to, the report's words and where they are;
    // a route into a collapsed group may stand for several links, each listed
    var box = el("div", null, "bt-tip");
    box.appendChild(el("div", T.link_tip, "bt-tip-kind"));
    ids.forEach(function (id) {
      var k = linkInfo[id];
      var item = el("div", null, "bt-tip-link");
      item.setAttribute("data-link", id);
      item.appendChild(el("div", k.type, "bt-tip-label"));
      item.appendChild(el("div", k.from + " \u2192 " + k.to));
      if (k.quote) { item.appendChild(el("p", "\u201c" + k.quote + "\u201d", "bt-tip-desc")); }
      if (k.reference) { item.appendChild(el("div", T.reference + ": " + k.reference, "bt-tip-ref")); }
      box.appendChild(item);
    });
    return box;
  }

  function edgeTip(e) { return e.linkType ? linkTip([e.id]) : el("div", e.meaning, "bt-tip"); }

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
    revealFocus();
    writeUrl();
    ungroup();
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
      if (routedEdge(e)) { return { id: e.id }; }  // drawn by routes.js, no tooltip on an unseen arc
      return { id: e.id, color: dim ? FADED_EDGE : baseEdge[e.id].color, title: edgeTip(e) };
    }));
    group(near);
    document.getElementById("bt-visible-count").textContent =
      T.visible.replace("{n}", String(shown.length)).replace("{total}", String(data.nodes.length));
    if (fit && shown.length) { network.fit({ nodes: shownIds(shown), animation: false }); }
  }

