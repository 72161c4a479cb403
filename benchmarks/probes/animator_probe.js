// Installed in the page by benchmarks/animator.py as window.__gsProbe: its own
// requestAnimationFrame loop records, per frame, the rAF timestamp, performance.now(), whether
// what is on screen changed since the previous frame (and whether the L3 outline alone did),
// and the cycle phase and frame number that are drawn.
//
// What is on screen, read from the DOM (no layout is read):
//   ours      the `points` and `transform` of every outline in .gs-bla-world and the pacer
//             ring's radius; phase and frame from the widget's gsDebug;
//   baseline  the `d` of every trace's line path in the plotly SVG; phase and Play step from
//             the L3 trace's `meta`, which the baseline sets in the same restyle call.
(mode) => {
  if (window.__gsProbe) window.__gsProbe.stop();
  const fresh = () => ({ now: [], t: [], changed: [], changedL3: [], u: [], n: [] });
  let log = fresh();
  let prev = null, prevL3 = null, raf = 0, running = true, l3 = null;
  const root = document.querySelector(mode === "ours" ? ".gs-bla" : ".gs-baseline");
  const shape = (s) => `${s.getAttribute("points")} ${s.getAttribute("transform") || ""}|`;
  const readOurs = () => {
    if (!l3 || !l3.isConnected) {
      l3 = [...root.querySelectorAll(".gs-bla-world polygon")].find(
        (p) => (p.querySelector("title") || {}).textContent === "L3") || null;
    }
    let all = "";
    for (const s of root.querySelectorAll(".gs-bla-world polygon, .gs-bla-world polyline")) all += shape(s);
    const ring = root.querySelector(".gs-bla-pacer-ring");
    all += ring ? ring.getAttribute("r") : "";
    const d = root.gsDebug;
    return { all, l3: l3 ? shape(l3) : null, u: d.u, n: d.frames };
  };
  const readBaseline = () => {
    const gd = root.querySelector(".js-plotly-plot");
    const trace = gd && gd.data && gd.data.find((tr) => tr.name === "L3");
    const path = trace && gd.querySelector(`.scatterlayer .trace${trace.uid} path.js-line`);
    let all = "";
    if (gd) for (const p of gd.querySelectorAll(".scatterlayer path.js-line")) all += `${p.getAttribute("d")}|`;
    const m = trace && Array.isArray(trace.meta) ? trace.meta : [null, null];
    return { all, l3: path ? path.getAttribute("d") : null, u: m[1], n: m[0] };
  };
  const read = mode === "ours" ? readOurs : readBaseline;
  const differs = (a, b) => (a !== null && b !== null && a !== "" && a !== b ? 1 : 0);
  function tick(t) {
    if (!running) return;
    raf = requestAnimationFrame(tick);
    const now = performance.now();
    const r = read();
    log.now.push(now);
    log.t.push(t);
    log.changed.push(differs(r.all, prev));
    log.changedL3.push(differs(r.l3, prevL3));
    log.u.push(r.u);
    log.n.push(r.n);
    prev = r.all;
    prevL3 = r.l3;
  }
  raf = requestAnimationFrame(tick);
  window.__gsProbe = {
    take() {
      const out = log;
      log = fresh();
      return out;
    },
    stop() {
      running = false;
      cancelAnimationFrame(raf);
    },
  };
  return !!root;
}
