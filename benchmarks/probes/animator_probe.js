// Installed in the page by benchmarks/animator.py as window.__gsProbe: its own
// requestAnimationFrame loop records, per frame, the rAF timestamp, performance.now(), whether
// what is on screen changed since the previous frame (and whether the L3 outline alone did),
// and the cycle phase and frame number that are drawn.
//
// What is on screen (no layout is read):
//   ours      the pixels of sixteen one-pixel columns across the figure's canvas (the body is
//             painted there; every part of it crosses some column as it moves); phase and
//             frame (and the figure's canvas repaints) from the widget's gsDebug. The L3 outline alone cannot be told apart on a
//             canvas: its entry is null;
//   baseline  the `d` of every trace's line path in the plotly SVG; phase and Play step from
//             the L3 trace's `meta`, which the baseline sets in the same restyle call.
(mode) => {
  if (window.__gsProbe) window.__gsProbe.stop();
  const fresh = () => ({ now: [], t: [], changed: [], changedL3: [], u: [], n: [], p: [] });
  let log = fresh();
  let prev = null, prevL3 = null, raf = 0, running = true;
  const root = document.querySelector(mode === "ours" ? ".gs-bla" : ".gs-baseline");
  const COLUMNS = 16;
  const readOurs = () => {
    const canvas = root.querySelector(".gs-bla-canvas");
    let all = "";
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const ctx = canvas.getContext("2d");
      for (let k = 0; k < COLUMNS; k++) {
        const x = Math.floor(((k + 0.5) / COLUMNS) * canvas.width);
        const px = new Uint32Array(ctx.getImageData(x, 0, 1, canvas.height).data.buffer);
        let hash = 2166136261;
        for (let q = 0; q < px.length; q++) hash = Math.imul(hash ^ px[q], 16777619);
        all += `${hash >>> 0},`;
      }
    }
    const d = root.gsDebug;
    return { all, l3: null, u: d.u, n: d.frames, p: d.paints };
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
    log.changedL3.push(r.l3 === null ? null : differs(r.l3, prevL3));
    log.u.push(r.u);
    log.n.push(r.n);
    log.p.push(r.p === undefined ? null : r.p);
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
