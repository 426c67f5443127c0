/* Grouping the initiatives' column (per sub-goal or penvoerder) and the mechanisms' column (per
 * sub-goal), views.page.groups: a collapsed group is one vis-network cluster, an expanded group
 * its members. Grouped, the columns are laid out here from the rows of data.layout: each column
 * stacked top to bottom and centred on the tallest, a sub-goal level with its mechanisms, the
 * main goal with the sub-goals, the context band beneath. render() calls ungroup() before it
 * changes the data sets and group() after, so a cluster is always made from the nodes as they
 * are drawn (hidden ones left out). Uses core's state. */
  var GROUP_LOOK = { background: "#ffffff", border: "#3d3d3d",
                     highlight: { background: "#ffffff", border: "#000000" },
                     hover: { background: "#ffffff", border: "#000000" } };
  var GROUP_KINDS = {
    initiative: { prefix: "bt-group:", count: "group_count", list: "bt-group-list",
                  groups: function () { return state.group ? data.groupings[state.group].groups : null; },
                  expanded: function () { return state.expanded; },
                  set: function (keys) { state.expanded = keys; } },
    mechanism: { prefix: "bt-mgroup:", count: "mgroup_count", list: "bt-mgroup-list",
                 groups: function () { return state.mgroup ? data.mechanismGroups.groups : null; },
                 expanded: function () { return state.mexpanded; },
                 set: function (keys) { state.mexpanded = keys; } }
  };
  var groupOf = { mechanism: {} };  // per grouping: member IRI -> the key of its group
  Object.keys(data.groupings).forEach(function (by) {
    groupOf[by] = {};
    data.groupings[by].groups.forEach(function (g) {
      g.members.forEach(function (id) { groupOf[by][id] = g.key; });
    });
  });
  var subgoalOf = {};  // mechanism IRI -> its sub-goal
  var mechanismOrder = [];  // the mechanisms' column, sub-goal by sub-goal
  data.mechanismGroups.groups.forEach(function (g) {
    g.members.forEach(function (id) {
      groupOf.mechanism[id] = g.key;
      subgoalOf[id] = g.subgoal;
      mechanismOrder.push(id);
    });
  });
  var clusters = {};  // the clusters drawn now: id -> { key, kind, label }
  var bandShift = 0;  // how far the context band moves (down) below the grouped columns

  function headersNow() {
    if (!bandShift) { return data.headers; }
    return data.headers.map(function (h) {
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
    // a focused initiative or mechanism inside a collapsed group opens that group
    if (state.focus === null) { return; }
    [["initiative", state.group], ["mechanism", state.mgroup ? "mechanism" : ""]].forEach(function (p) {
      if (!p[1]) { return; }
      var key = groupOf[p[1]][state.focus];
      var c = GROUP_KINDS[p[0]];
      if (key !== undefined && c.expanded().indexOf(key) < 0) { c.set(c.expanded().concat([key])); }
    });
  }

  function ungroup() {
    Object.keys(clusters).forEach(function (id) {
      if (network.isCluster(id)) { network.openCluster(id); }
    });
    clusters = {};
  }

  function isShown(id) { return !nodes.get(id).hidden; }

  function columnRows(kind) {
    // the rows of one column, top to bottom: a node, or a collapsed group of the shown members
    var c = GROUP_KINDS[kind];
    var rows = data.layout ? data.layout.rows : {};
    var height = rows[kind];
    var groups = c.groups();
    if (!groups) {
      var order = kind === "initiative" ? data.initiatives.map(function (i) { return i.id; }) : mechanismOrder;
      return order.filter(isShown).map(function (id) { return { ids: [id], h: height }; });
    }
    var out = [];
    groups.forEach(function (grp) {
      var shown = grp.members.filter(isShown);
      if (!shown.length) { return; }
      if (c.expanded().indexOf(grp.key) >= 0) {
        shown.forEach(function (id) { out.push({ ids: [id], h: height }); });
      } else {
        out.push({ ids: shown, grp: grp, kind: kind, h: rows.group });
      }
    });
    return out;
  }

  function spread(ids, height) {
    var at = {};
    ids.forEach(function (id, k) { at[id] = height / ids.length * (k + 0.5); });
    return at;
  }

  function layOut(columns) {
    // positions of every shown node when grouped (views.columns' rules, with stacked columns)
    var L = data.layout;
    var total = function (rows) { return rows.reduce(function (h, r) { return h + r.h; }, 0); };
    var subgoals = data.subgoals.map(function (s) { return s.id; });
    var height = Math.max(total(columns.initiative), total(columns.mechanism),
                          subgoals.length * L.rows.subgoal, L.rows.main_goal);
    var moves = [];
    var y = {};
    [["initiative", 1], ["mechanism", 2]].forEach(function (p) {
      var rows = columns[p[0]];
      var top = (height - total(rows)) / 2;
      rows.forEach(function (r) {
        r.y = top + r.h / 2;
        r.ids.forEach(function (id) { y[id] = r.y; });
        top += r.h;
      });
    });
    var own = {};  // sub-goal -> the rows of its mechanisms
    columns.mechanism.forEach(function (r) {
      var sg = subgoalOf[r.ids[0]];
      (own[sg] = own[sg] || []).push(r.y);
    });
    var mean = function (ys) { return ys.reduce(function (a, b) { return a + b; }, 0) / ys.length; };
    var lone = spread(subgoals.filter(function (sg) { return !own[sg]; }), height);
    subgoals.forEach(function (sg) { y[sg] = own[sg] ? mean(own[sg]) : lone[sg]; });
    var main = data.nodes.filter(function (n) { return n.level === 4; });
    main.forEach(function (n) { y[n.id] = subgoals.length ? mean(subgoals.map(function (sg) { return y[sg]; })) : height / 2; });
    var inputs = spread(data.nodes.filter(function (n) { return n.level === 0; }).map(function (n) { return n.id; }), height);
    Object.keys(inputs).forEach(function (id) { y[id] = inputs[id]; });
    bandShift = height - L.height;
    data.nodes.forEach(function (n) {
      if (n.level === 5) { y[n.id] = n.y + bandShift; }
      if (y[n.id] !== undefined) { moves.push({ id: n.id, x: n.x, y: y[n.id] }); }
    });
    nodes.update(moves);  // one update of the data set (one redraw), before any cluster is made
  }

  function group(near) {
    var columns = { initiative: columnRows("initiative"), mechanism: columnRows("mechanism") };
    var grouped = !!(state.group || state.mgroup);
    if (!grouped) {
      if (bandShift || data.layout) {
        nodes.update(data.nodes.map(function (n) { return { id: n.id, x: n.x, y: n.y }; }));
      }
      bandShift = 0;
      groupList();
      return;
    }
    if (data.layout) { layOut(columns); }
    ["initiative", "mechanism"].forEach(function (kind) {
      columns[kind].forEach(function (r) {
        if (!r.grp) { return; }
        var c = GROUP_KINDS[kind];
        var id = c.prefix + r.grp.key;
        var members = new Set(r.ids);
        var dim = near !== null && !r.ids.some(function (m) { return near.has(m); });
        var count = T[c.count].replace("{n}", String(r.ids.length));
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
        if (data.layout) { props.x = (kind === "initiative" ? 1 : 2) * data.layout.column; props.y = r.y; }
        network.cluster({ joinCondition: function (o) { return members.has(o.id); },
                          clusterNodeProperties: props });
        clusters[id] = { key: r.grp.key, kind: kind, label: label };
      });
    });
    groupList();
  }

  function setExpanded(kind, keys) {
    GROUP_KINDS[kind].set(keys);
    render(false);
  }

  function toggleGroup(key, kind) {
    var open = GROUP_KINDS[kind].expanded();
    setExpanded(kind, open.indexOf(key) >= 0 ? open.filter(function (k) { return k !== key; })
                                             : open.concat([key]));
  }

  function groupButtons(kind) {
    // one list of groups beside the graph, each a button that expands or collapses it
    var c = GROUP_KINDS[kind];
    var list = document.getElementById(c.list);
    var groups = c.groups();
    list.hidden = !groups;
    list.textContent = "";
    if (!groups) { return; }
    groups.forEach(function (grp) {
      var open = c.expanded().indexOf(grp.key) >= 0;
      var li = el("li");
      var b = el("button", (open ? "\u25be " : "\u25b8 ") + grp.label + " (" + grp.members.length + ")",
                 "bt-group-button");
      b.type = "button";
      b.setAttribute("aria-expanded", open ? "true" : "false");
      b.setAttribute("data-group", grp.key);
      b.addEventListener("click", function () {
        toggleGroup(grp.key, kind);
        var again = list.querySelector("[data-group=\"" + CSS.escape(grp.key) + "\"]");
        if (again) { again.focus(); }
      });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function groupList() {
    var box = document.getElementById("bt-groups");
    box.hidden = !state.group && !state.mgroup;
    groupLegend();
    if (box.hidden) { return; }
    var title = document.getElementById("bt-groups-title");
    title.hidden = !state.group;
    if (state.group) { title.textContent = T.groups + " — " + data.groupings[state.group].label; }
    document.getElementById("bt-mgroups-title").hidden = !state.mgroup;
    groupButtons("initiative");
    groupButtons("mechanism");
  }

  function groupLegend() {
    // the legend's row for a group box, shown while one is drawn
    var row = document.getElementById("bt-legend-group");
    if (row) { row.hidden = !Object.keys(clusters).length; }
  }

  function groupControls() {
    document.getElementById("bt-label-group").textContent = T.group_by;
    document.getElementById("bt-label-mgroup").textContent = T.mgroup_by;
    document.getElementById("bt-groups-hint").textContent = T.group_hint;
    document.getElementById("bt-mgroups-title").textContent = T.mgroups;
    var select = document.getElementById("bt-group");
    option(select, "", T.group_none);
    Object.keys(data.groupings).forEach(function (by) { option(select, by, data.groupings[by].label); });
    select.value = state.group;
    select.addEventListener("change", function () {
      state.group = select.value;
      state.expanded = [];
      render(true);
    });
    var mech = document.getElementById("bt-mgroup");
    option(mech, "", T.group_none);
    option(mech, "subgoal", data.mechanismGroups.label);
    mech.value = state.mgroup;
    mech.addEventListener("change", function () {
      state.mgroup = mech.value;
      state.mexpanded = [];
      render(true);
    });
    var all = document.getElementById("bt-expand-all");
    all.textContent = T.expand_all;
    all.addEventListener("click", function () {
      Object.keys(GROUP_KINDS).forEach(function (kind) {
        var groups = GROUP_KINDS[kind].groups();
        GROUP_KINDS[kind].set(groups ? groups.map(function (grp) { return grp.key; }) : []);
      });
      render(false);
    });
    var none = document.getElementById("bt-collapse-all");
    none.textContent = T.collapse_all;
    none.addEventListener("click", function () {
      Object.keys(GROUP_KINDS).forEach(function (kind) { GROUP_KINDS[kind].set([]); });
      render(false);
    });
  }
