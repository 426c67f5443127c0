/* Export of the current view: PNG from the canvas, SVG drawn from the positions. */
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
    // a node inside a collapsed group is drawn as its group, once; an edge joins what is drawn
    var drawn = nodes.get({ filter: function (n) { return !n.hidden && shownId(n.id) === n.id; } })
      .map(function (n) {
        return { id: n.id, label: n.label, fill: n.color.background, stroke: n.color.border,
                 width: n.borderWidth, dashed: !!(n.shapeProperties && n.shapeProperties.borderDashes),
                 size: n.font.size, colour: n.font.color, group: false };
      });
    Object.keys(clusters).forEach(function (id) {
      drawn.push({ id: id, label: clusters[id].label, fill: GROUP_LOOK.background, stroke: GROUP_LOOK.border,
                   width: 2.5, dashed: false, size: 15, colour: "#000000", group: true });
    });
    var pos = network.getPositions(drawn.map(function (d) { return d.id; }));
    var joined = {};
    routeLinks().forEach(function (r) {  // the samenhang links as the page draws them (routes.js)
      var path = document.createElementNS(SVG_NS, "polyline");
      path.setAttribute("points", r.points.map(function (p) { return p.join(","); }).join(" "));
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", r.colour);
      path.setAttribute("stroke-width", "1.6");
      path.setAttribute("data-link", r.id);
      if (Array.isArray(r.dashes)) { path.setAttribute("stroke-dasharray", r.dashes.join(" ")); }
      svg.appendChild(path);
    });
    edges.get({ filter: function (e) { return !e.hidden && !routedEdge(e); } }).forEach(function (e) {
      var f = nodes.get(e.from), t = nodes.get(e.to);
      if (!f || !t || f.hidden || t.hidden) { return; }
      var from = shownId(e.from), to = shownId(e.to);
      var colour = (e.color && e.color.color) || "#555555";
      var key = [from, to, colour, e.dashes ? 1 : 0].join("|");
      if (from === to || joined[key] || !pos[from] || !pos[to]) { return; }
      joined[key] = true;
      var line = document.createElementNS(SVG_NS, "line");
      line.setAttribute("x1", pos[from].x); line.setAttribute("y1", pos[from].y);
      line.setAttribute("x2", pos[to].x); line.setAttribute("y2", pos[to].y);
      line.setAttribute("stroke", colour);
      line.setAttribute("stroke-width", String(e.width || 1));
      if (e.dashes) { line.setAttribute("stroke-dasharray", "6 4"); }
      svg.appendChild(line);
    });
    drawn.forEach(function (n) {
      var b = network.getBoundingBox(n.id);
      if (!inView(b)) { return; }
      var g = document.createElementNS(SVG_NS, "g");
      g.setAttribute(n.group ? "data-group" : "data-node", n.id);
      var box = document.createElementNS(SVG_NS, "rect");
      box.setAttribute("x", b.left); box.setAttribute("y", b.top);
      box.setAttribute("width", b.right - b.left); box.setAttribute("height", b.bottom - b.top);
      box.setAttribute("rx", "8");
      box.setAttribute("fill", n.fill);
      box.setAttribute("stroke", n.stroke);
      box.setAttribute("stroke-width", String(n.width || 1));
      if (n.dashed) { box.setAttribute("stroke-dasharray", "6 3"); }
      g.appendChild(box);
      var text = document.createElementNS(SVG_NS, "text");
      var size = n.size;
      var lines = String(n.label || "").split("\n");
      text.setAttribute("font-family", "DejaVu Sans, Arial, sans-serif");
      text.setAttribute("font-size", String(size));
      text.setAttribute("fill", n.colour || "#000000");
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

