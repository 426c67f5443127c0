/* The view in the URL hash: written on every step (Back undoes one), read on load and on popstate.
 * Uses core's state and render(); the layers' applyLinks() and the tables' renderers. */
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
    if (state.group !== data.defaultGroup) { p.set("group", state.group || "none"); }
    if (state.group && state.expanded.length) { p.set("expanded", state.expanded.join(",")); }
    if (state.mgroup !== data.defaultMechanismGroup) { p.set("mgroup", state.mgroup || "none"); }
    if (state.mgroup && state.mexpanded.length) { p.set("mexpanded", state.mexpanded.join(",")); }
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
    var by = p.get("group");
    state.group = by === "none" ? "" : (by && data.groupings[by] ? by : data.defaultGroup);
    state.expanded = state.group ? listed("expanded", data.groupings[state.group].groups.map(function (g) {
      return g.key;
    })) : [];
    var mby = p.get("mgroup");
    state.mgroup = mby === "none" ? "" : (mby === "subgoal" ? mby : data.defaultMechanismGroup);
    state.mexpanded = state.mgroup ? listed("mexpanded", data.mechanismGroups.groups.map(function (g) {
      return g.key;
    })) : [];
    document.getElementById("bt-group").value = state.group;
    document.getElementById("bt-mgroup").value = state.mgroup;
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


  function resetView() {
    // the first view again: no filter, focus or hidden link type, the default grouping and layers,
    // the tables closed; one step in the history, so Back returns to the view before the reset
    history.pushState(null, "", "#");
    document.getElementById("bt-search").value = "";
    restore();
    firstView();
  }
