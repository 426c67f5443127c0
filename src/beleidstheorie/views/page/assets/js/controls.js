/* The controls above the graph: filters, round, search, zoom and fit, reset, export buttons. */
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
      var hit = params.nodes.length ? params.nodes[0] : null;
      if (hit !== null && clusters[hit]) { toggleGroup(clusters[hit].key, clusters[hit].kind); return; }
      state.focus = hit;
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
    var reset = document.getElementById("bt-reset");
    reset.textContent = T.reset;
    reset.addEventListener("click", resetView);
  }

