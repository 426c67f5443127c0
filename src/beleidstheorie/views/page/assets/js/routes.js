/* The samenhang links drawn as routes around the initiatives' column, never through a box.
 * In the column layout vis-network would draw a link between two initiatives of one column as
 * an arc through the boxes between them; its own drawing of those edges is made transparent
 * (core) and each link shown is drawn here instead: out of the left side of its tail's box, along
 * a lane in the gutter left of the column, into the left side of its head's box with the arrow.
 * Lanes are assigned like intervals on a line (shorter links nearer the column, no two links
 * overlapping in one lane); the gutter ends before the input column. Hovering a route shows its
 * links (core's linkTip) in the page's own tooltip element and draws it wider. Uses core's state. */
  var ROUTE_PAD = 8;  // space between the column and the first lane, and before the inputs
  var ROUTE_STEP = 10;  // the widest spacing of the lanes
  var ROUTED = !!data.headers.length;  // column layout; with physics the nodes float and vis draws
  var linkEdges = data.edges.filter(function (e) { return e.linkType; });

  function routedEdge(e) { return ROUTED && !!e.linkType; }

  function routeLinks() {
    // [{id, ids, type, from, to, colour, dashes, both, points: [[x, y], ...]}] for every link
    // drawn now; ids: the links the route stands for (more than one into a collapsed group)
    if (!ROUTED || !state.links) { return []; }
    var joined = {};
    var links = [];
    linkEdges.forEach(function (e) {
      var cur = edges.get(e.id);
      if (!cur || cur.hidden) { return; }
      if (nodes.get(e.from).hidden || nodes.get(e.to).hidden) { return; }
      var from = shownId(e.from), to = shownId(e.to);
      var key = from + "|" + to + "|" + e.linkType;
      if (from === to) { return; }  // inside one collapsed group
      if (joined[key]) { joined[key].ids.push(e.id); return; }  // drawn already: one more link on it
      joined[key] = { id: e.id, ids: [e.id], type: e.linkType, from: from, to: to,
                      colour: baseEdge[e.id].color.color, dashes: e.dashes,
                      both: !!(e.arrows.from && e.arrows.from.enabled),
                      a: network.getBoundingBox(from), b: network.getBoundingBox(to) };
      links.push(joined[key]);
    });
    if (!links.length) { return []; }
    var column = {};  // the boxes of the initiatives' column: what the lanes run beside
    links.forEach(function (l) { column[l.from] = l.a; column[l.to] = l.b; });
    data.nodes.forEach(function (n) {
      if (n.level === 1 && !nodes.get(n.id).hidden) { column[shownId(n.id)] = null; }
    });
    Object.keys(column).forEach(function (id) { column[id] = column[id] || network.getBoundingBox(id); });
    var boxes = Object.keys(column).map(function (id) { return column[id]; });
    var left = Math.min.apply(null, boxes.map(function (b) { return b.left; }));
    var limit = -Infinity;  // the right side of the input column
    data.nodes.forEach(function (n) {
      if (n.level === 0 && !nodes.get(n.id).hidden) { limit = Math.max(limit, network.getBoundingBox(n.id).right); }
    });
    // lanes: shortest span first, each in the first lane where it overlaps no other
    var lanes = [];
    links.forEach(function (l) {
      l.ya = (l.a.top + l.a.bottom) / 2;
      l.yb = (l.b.top + l.b.bottom) / 2;
      l.lo = Math.min(l.a.top, l.b.top);  // the boxes' extent: ports spread over their height
      l.hi = Math.max(l.a.bottom, l.b.bottom);
    });
    links.slice().sort(function (p, q) { return (p.hi - p.lo) - (q.hi - q.lo) || p.lo - q.lo; })
      .forEach(function (l) {
        var k = 0;
        while (lanes[k] && lanes[k].some(function (o) { return l.lo <= o.hi && o.lo <= l.hi; })) { k++; }
        (lanes[k] = lanes[k] || []).push(l);
        l.lane = k;
      });
    var room = isFinite(limit) ? left - limit - 2 * ROUTE_PAD : ROUTE_STEP * lanes.length;
    // lanes closer together as they grow in number, so that all of them stay clear of the inputs
    var step = Math.max(1, Math.min(ROUTE_STEP, room / Math.max(lanes.length - 1, 1)));
    // ports: the ends on one box spread down its left side, ordered by where the other end is
    var ends = {};
    links.forEach(function (l) {
      (ends[l.from] = ends[l.from] || []).push({ l: l, tail: true, other: l.yb });
      (ends[l.to] = ends[l.to] || []).push({ l: l, tail: false, other: l.ya });
    });
    Object.keys(ends).forEach(function (id) {
      var list = ends[id].sort(function (p, q) { return p.other - q.other || p.l.lane - q.l.lane; });
      var b = column[id];
      var inset = Math.min(6, (b.bottom - b.top) / 4);
      list.forEach(function (end, k) {
        var y = b.top + inset + (b.bottom - b.top - 2 * inset) * (k + 1) / (list.length + 1);
        if (end.tail) { end.l.ya = y; } else { end.l.yb = y; }
      });
    });
    return links.map(function (l) {
      var x = left - ROUTE_PAD - l.lane * step;
      return { id: l.id, ids: l.ids, type: l.type, from: l.from, to: l.to, colour: l.colour,
               dashes: l.dashes, both: l.both, points: [[l.a.left, l.ya], [x, l.ya], [x, l.yb], [l.b.left, l.yb]] };
    });
  }
  window.btLinkRoutes = routeLinks;

  function arrowHead(ctx, x, y, dir) {
    // a filled arrow whose point is at (x, y), pointing along dir (+1 right, -1 left)
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x - dir * 9, y - 4.5);
    ctx.lineTo(x - dir * 9, y + 4.5);
    ctx.closePath();
    ctx.fill();
  }

  var drawnRoutes = [];  // the routes of the last drawing: what the pointer is tested against
  var hovered = null;  // the id of the route under the pointer, drawn wider

  network.on("beforeDrawing", function (ctx) {
    var routes = routeLinks();
    drawnRoutes = routes;
    if (!routes.length) { return; }
    var dim = state.focus !== null;  // a traced path follows the theory's edges, not the samenhang
    ctx.save();
    routes.forEach(function (r) {
      var colour = dim ? FADED_EDGE.color : r.colour;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = r.id === hovered ? 3.2 : 1.6;
      ctx.setLineDash(Array.isArray(r.dashes) ? r.dashes : []);
      ctx.beginPath();
      r.points.forEach(function (p, k) { if (k) { ctx.lineTo(p[0], p[1]); } else { ctx.moveTo(p[0], p[1]); } });
      ctx.stroke();
      ctx.setLineDash([]);
      var end = r.points[r.points.length - 1];
      arrowHead(ctx, end[0], end[1], 1);
      if (r.both) { arrowHead(ctx, r.points[0][0], r.points[0][1], 1); }
    });
    ctx.restore();
  });

  function routeAt(x, y) {
    // the drawn route nearest to the canvas point (x, y), within a few screen pixels, or null
    var reach = ROUTE_HIT_PX / network.getScale();
    var best = null, bestDistance = reach;
    drawnRoutes.forEach(function (r) {
      for (var k = 0; k + 1 < r.points.length; k++) {
        var a = r.points[k], b = r.points[k + 1];
        // the segments are horizontal or vertical: the distance to the nearest point of the box
        var dx = Math.max(Math.min(a[0], b[0]) - x, 0, x - Math.max(a[0], b[0]));
        var dy = Math.max(Math.min(a[1], b[1]) - y, 0, y - Math.max(a[1], b[1]));
        var d = Math.sqrt(dx * dx + dy * dy);
        if (d <= bestDistance) { best = r; bestDistance = d; }
      }
    });
    return best;
  }
  window.btRouteAt = function (x, y) { var r = routeAt(x, y); return r ? r.id : null; };

  var ROUTE_HIT_PX = 5;  // how near (screen pixels) the pointer must be to a route to hover it
  var frame = document.querySelector("#bt-graph .vis-network");
  var routeTip = el("div", null, "bt-route-tip");
  routeTip.id = "bt-route-tip";
  routeTip.setAttribute("role", "tooltip");
  routeTip.hidden = true;
  frame.appendChild(routeTip);

  function hideRouteTip() {
    routeTip.hidden = true;
    if (hovered !== null) { hovered = null; network.redraw(); }
  }

  frame.addEventListener("mousemove", function (ev) {
    // a route is drawn on the canvas, not by vis: its tooltip is this page's own element
    if (!drawnRoutes.length) { return; }
    var rect = frame.getBoundingClientRect();
    var at = { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
    if (network.getNodeAt(at) !== undefined) { hideRouteTip(); return; }  // a node's own tooltip
    var p = network.DOMtoCanvas(at);
    var r = routeAt(p.x, p.y);
    if (!r) { hideRouteTip(); return; }
    if (r.id !== hovered || routeTip.hidden) {
      routeTip.textContent = "";
      routeTip.appendChild(linkTip(r.ids));
      routeTip.setAttribute("data-route", r.id);
      routeTip.hidden = false;
      hovered = r.id;
      network.redraw();
    }
    // beside the pointer, kept inside the graph's frame
    var left = Math.min(at.x + 14, Math.max(rect.width - routeTip.offsetWidth - 4, 0));
    var top = Math.min(at.y + 14, Math.max(rect.height - routeTip.offsetHeight - 4, 0));
    routeTip.style.left = left + "px";
    routeTip.style.top = top + "px";
  });
  frame.addEventListener("mouseleave", hideRouteTip);
  network.on("dragStart", hideRouteTip);
  network.on("zoom", hideRouteTip);
