/* The persistent details panel of a node and the legend beside the graph. */
  function details(id) {
    // the persistent panel: what the tooltip says, plus who contributes, and the quotes
    var panel = document.getElementById("bt-details");
    panel.textContent = "";
    panel.hidden = false;
    panel.setAttribute("data-node", id);
    var body = tooltip(id, true);
    body.className = "bt-details-body";
    panel.appendChild(body);
    var scores = state.round ? data.scores[state.round] || {} : {};
    var sc = scores[id];
    if (sc && sc.evidence.length) {
      // every item the engine ranks for this node: what was measured, by whom, its status, its
      // impact on this score, and the report's words with the page they are on
      panel.appendChild(el("h3", T.panel_evidence));
      var items = el("ol", null, "bt-evidence");
      sc.evidence.forEach(function (ev) {
        var li = el("li");
        li.appendChild(el("div", ev.indicator + " — " + ev.status, "bt-evidence-what"));
        if (ev.initiative) { li.appendChild(el("div", ev.initiative, "bt-evidence-who")); }
        if (ev.impact) { li.appendChild(el("div", T.col_impact + ": " + ev.impact, "bt-evidence-impact")); }
        var q = el("blockquote", ev.quote || "");
        q.appendChild(el("cite", (ev.quote ? " " : "") + "(" + T.quotes + ", " + ev.reference + ")"));
        li.appendChild(q);
        items.appendChild(li);
      });
      panel.appendChild(items);
    }
    var next = data.next && data.next.round === state.round ? data.next.byNode[id] || [] : [];
    if (next.length) {
      // the engine's value of information: the measurements that would most change this verdict
      panel.appendChild(el("h3", T.next_title));
      var plan = el("ol", null, "bt-next");
      next.forEach(function (line) { plan.appendChild(el("li", line)); });
      panel.appendChild(plan);
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
    var grp = el("div", null, "bt-legend-row");  // a collapsed group's box (groups.js)
    grp.id = "bt-legend-group";
    grp.appendChild(el("span", "\u25b8", "bt-swatch bt-group-swatch"));
    grp.appendChild(el("span", T.legend_group));
    aside.appendChild(grp);
    groupLegend();
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

