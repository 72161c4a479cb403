// True once the approach is on the page and drawing: ours has run a few frames and has its canvas;
// the baseline's plotly figure has the L3 trace's line path.
(mode) => {
  if (mode === "ours") {
    const r = document.querySelector(".gs-bla");
    return !!(r && r.gsDebug && r.gsDebug.frames > 2 && r.querySelector(".gs-bla-canvas"));
  }
  const gd = document.querySelector(".gs-baseline .js-plotly-plot");
  const tr = gd && gd.data && gd.data.find((t) => t.name === "L3");
  return !!(tr && gd.querySelector(`.scatterlayer .trace${tr.uid} path.js-line`));
}
