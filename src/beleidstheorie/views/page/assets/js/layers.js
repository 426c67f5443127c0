/* The samenhang layer with one filter per link type, and the open tables: part of the view state. */
  function applyLinks() {
    // the layer and each link type as the state says; the URL follows
    ungroup();  // a cluster copies its edges when it is made: make it again after the change
    edges.update(data.edges.filter(function (e) { return e.linkType; }).map(function (e) {
      return { id: e.id, hidden: !state.links || state.hide.indexOf(e.linkType) >= 0 };
    }));
    group(state.focus !== null ? trace(state.focus) : null);
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

