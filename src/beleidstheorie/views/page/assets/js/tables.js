/* The tables below the graph: every node and every link (the keyboard alternative), what changed,
 * the matrix. */
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

  function linkTable() {
    // the table alternative of the samenhang: every link with its type, ends and source
    var wrap = document.getElementById("bt-links-wrap");
    wrap.hidden = !data.links.length;
    document.getElementById("bt-links-summary").textContent = T.links_table + " (" + data.links.length + ")";
    document.getElementById("bt-links-caption").textContent = T.layer_links;
    var head = document.querySelector("#bt-link-table thead tr");
    head.textContent = "";
    [T.col_from, T.col_kind, T.col_to, T.reference].forEach(function (h) {
      var th = el("th", h);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = document.querySelector("#bt-link-table tbody");
    body.textContent = "";
    data.links.forEach(function (k) {
      var tr = el("tr");
      tr.setAttribute("data-link", k.id);
      var from = el("th", k.from);
      from.scope = "row";
      tr.appendChild(from);
      tr.appendChild(el("td", k.type));
      tr.appendChild(el("td", k.to));
      var source = el("td", k.reference);
      if (k.quote) { source.appendChild(el("blockquote", k.quote)); }
      tr.appendChild(source);
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

