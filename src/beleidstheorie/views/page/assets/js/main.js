/* Start: build the controls and tables, restore the view from the URL or show the first view. */
  controls();
  linkControls();
  sectionControls();
  groupControls();
  legend();
  table();
  linkTable();
  matrix();
  changes();
  var fromUrl = location.hash.length > 1;
  if (fromUrl) { restore(); } else { render(false); }
  window.addEventListener("popstate", restore);
  network.once("afterDrawing", function () {
    // vis fits the whole graph on its first drawing; the first view replaces that fit
    if (!fromUrl) { firstView(); } else if (state.focus !== null) { zoomToTrace(state.focus); }
    document.body.setAttribute("data-bt-ready", "1");
  });
  network.redraw();
