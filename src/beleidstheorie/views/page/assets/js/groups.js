/* Grouping the initiatives' column (views.page.groups): a collapsed group is one vis-network
 * cluster, an expanded group its initiatives, the groups stacked in the column in their order.
 * render() calls ungroup() before it changes the data sets and group() after, so a cluster is
 * always made from the nodes as they are drawn (hidden ones left out). Uses core's state. */
  var GROUP_ROW = 96;  // the rows in the initiatives' column: a collapsed group, an initiative
  var INITIATIVE_ROW = 66;  // views.columns.ROW_HEIGHT["initiative"]
  var GROUP_PREFIX = "bt-group:";
  var GROUP_LOOK = { background: "#ffffff", border: "#3d3d3d",
                     highlight: { background: "#ffffff", border: "#000000" },
                     hover: { background: "#ffffff", border: "#000000" } };
  var groupOf = {};  // per grouping: initiative IRI -> the key of its group
  Object.keys(data.groupings).forEach(function (by) {
    groupOf[by] = {};
    data.groupings[by].groups.forEach(function (g) {
      g.members.forEach(function (id) { groupOf[by][id] = g.key; });
    });
  });
  var clusters = {};  // the clusters drawn now: id -> { key, label }

  var bandShift = 0;  // how far the context band moves down below a taller grouped column

  function headersNow() {
    var g = state.group ? data.groupings[state.group] : null;
    if (!g || !g.headers) { return data.headers; }
    return g.headers.map(function (h) {
      return h.y > 0 ? { text: h.text, x: h.x, y: h.y + bandShift, align: h.align } : h;  // band rows
    });
  }

  function shownId(id) {
    // what is on screen for `id`: the node itself, or the collapsed group it is in
    var path = network.findNode(id);
    return path.length ? path[0] : id;
  }

  function shownIds(ids) {
    return Array.from(new Set(ids.map(shownId)));
  }
  window.btShownId = shownId;

  function revealFocus() {
    // a focused initiative inside a collapsed group opens that group
    if (!state.group || state.focus === null) { return; }
    var key = groupOf[state.group][state.focus];
    if (key !== undefined && state.expanded.indexOf(key) < 0) { state.expanded = state.expanded.concat([key]); }
  }

  function ungroup() {
    Object.keys(clusters).forEach(function (id) {
      if (network.isCluster(id)) { network.openCluster(id); }
    });
    clusters = {};
  }

  function group(near) {
    // positions change in one update of the data set (one redraw), before any cluster is made
    var g = state.group ? data.groupings[state.group] : null;
    var placed = !!(g && g.positions);
    var moves = [];
    if (!g) {
      if (data.headers.length) {
        nodes.update(data.nodes.map(function (n) { return { id: n.id, x: n.x, y: n.y }; }));
      }
      groupList();
      return;
    }
    var rows = g.groups.map(function (grp) {
      var shown = grp.members.filter(function (id) { return !nodes.get(id).hidden; });
      return { grp: grp, shown: shown, open: state.expanded.indexOf(grp.key) >= 0 };
    }).filter(function (r) { return r.shown.length; });
    var height = rows.reduce(function (h, r) {
      return h + (r.open ? r.shown.length * INITIATIVE_ROW : GROUP_ROW);
    }, 0);
    // expanded groups can make the column taller than the other columns: the context band
    // beneath moves down with it, so no initiative lands on a context factor
    bandShift = Math.max(0, height - g.height);
    if (placed) {
      Object.keys(g.positions).forEach(function (id) {
        var below = base[id].level === 5 ? bandShift : 0;
        moves.push({ id: id, x: g.positions[id][0], y: g.positions[id][1] + below });
      });
    }
    var y = Math.max(0, (g.height - height) / 2);
    rows.forEach(function (r) {
      r.y = y;
      if (r.open) {
        r.shown.forEach(function (id) {
          moves.push({ id: id, x: g.x, y: y + INITIATIVE_ROW / 2 });
          y += INITIATIVE_ROW;
        });
      } else {
        y += GROUP_ROW;
      }
    });
    if (placed) { nodes.update(moves); }
    rows.forEach(function (r) {
      if (r.open) { return; }
      var id = GROUP_PREFIX + r.grp.key;
      var members = new Set(r.shown);
      var dim = near !== null && !r.shown.some(function (m) { return near.has(m); });
      var count = T.group_count.replace("{n}", String(r.shown.length));
      var label = "\u25b8 " + r.grp.boxLabel + "\n" + count;
      var tip = el("div", null, "bt-tip");
      tip.appendChild(el("div", r.grp.label + " — " + count, "bt-tip-label"));
      tip.appendChild(el("div", T.group_hint));
      var props = { id: id, label: label, shape: "box", title: tip, borderWidth: 2.5,
                    color: dim ? FADED : GROUP_LOOK,
                    font: { color: dim ? "#b5b5b5" : "#000000", face: data.nodes[0].font.face, size: 15 },
                    shapeProperties: { borderDashes: false, borderRadius: 3 },
                    scaling: { label: { drawThreshold: 5 } }, margin: 12,
                    allowSingleNodeCluster: true };  // a group of one is a row like the others
      if (placed) { props.x = g.x; props.y = r.y + GROUP_ROW / 2; }
      network.cluster({ joinCondition: function (o) { return members.has(o.id); },
                        clusterNodeProperties: props });
      clusters[id] = { key: r.grp.key, label: label };
    });
    groupList();
  }

  function regroup() {
    ungroup();
    group(state.focus !== null ? trace(state.focus) : null);
  }

  function setExpanded(keys) {
    state.expanded = keys;
    render(false);
  }

  function toggleGroup(key) {
    var at = state.expanded.indexOf(key);
    setExpanded(at >= 0 ? state.expanded.filter(function (k) { return k !== key; })
                        : state.expanded.concat([key]));
  }

  function groupList() {
    // the groups beside the graph, each a button that expands or collapses it (keyboard too)
    var box = document.getElementById("bt-groups");
    var g = state.group ? data.groupings[state.group] : null;
    box.hidden = !g;
    if (!g) { return; }
    document.getElementById("bt-groups-title").textContent = T.groups + " — " + g.label;
    var list = document.getElementById("bt-group-list");
    list.textContent = "";
    g.groups.forEach(function (grp) {
      var open = state.expanded.indexOf(grp.key) >= 0;
      var li = el("li");
      var b = el("button", (open ? "\u25be " : "\u25b8 ") + grp.label + " (" + grp.members.length + ")",
                 "bt-group-button");
      b.type = "button";
      b.setAttribute("aria-expanded", open ? "true" : "false");
      b.setAttribute("data-group", grp.key);
      b.addEventListener("click", function () {
        toggleGroup(grp.key);
        var again = list.querySelector("[data-group=\"" + CSS.escape(grp.key) + "\"]");
        if (again) { again.focus(); }
      });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function groupControls() {
    document.getElementById("bt-label-group").textContent = T.group_by;
    document.getElementById("bt-groups-hint").textContent = T.group_hint;
    var select = document.getElementById("bt-group");
    option(select, "", T.group_none);
    Object.keys(data.groupings).forEach(function (by) { option(select, by, data.groupings[by].label); });
    select.value = state.group;
    select.addEventListener("change", function () {
      state.group = select.value;
      state.expanded = [];
      render(true);
    });
    var all = document.getElementById("bt-expand-all");
    all.textContent = T.expand_all;
    all.addEventListener("click", function () {
      setExpanded(data.groupings[state.group].groups.map(function (grp) { return grp.key; }));
    });
    var none = document.getElementById("bt-collapse-all");
    none.textContent = T.collapse_all;
    none.addEventListener("click", function () { setExpanded([]); });
  }
