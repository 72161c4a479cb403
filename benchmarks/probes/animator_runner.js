// Run by benchmarks/animator.py after the probe is installed; it then disconnects and this runs
// unobserved. After `lead` ms it keeps the probe's log of a `window` ms redraw window, then
// changes the tempo `tempos.length` times, `gap` ms apart, the way a learner would (an `input`
// event on our range input labelled Tempo; Enter in the FloatSlider's editable readout),
// noting t0 = performance.now() just before each event. The result is window.__gsRun.
(cfg) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const setOurs = (value) => {
    const root = document.querySelector(".gs-bla");
    const label = [...root.querySelectorAll("label")].find((l) => l.textContent.trim() === "Tempo");
    const input = label && document.getElementById(label.htmlFor);
    if (!input || input.type !== "range") throw new Error("no range input labelled Tempo");
    input.value = String(value);
    const t0 = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return t0;
  };
  const setBaseline = (value) => {
    const readout = document.querySelector(".gs-baseline .widget-slider .widget-readout");
    if (!readout) throw new Error("no FloatSlider readout");
    readout.textContent = String(value);
    const ev = new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true });
    Object.defineProperty(ev, "keyCode", { get: () => 13 });
    const t0 = performance.now();
    readout.dispatchEvent(ev);
    return t0;
  };
  const setTempo = cfg.mode === "ours" ? setOurs : setBaseline;
  window.__gsRun = { done: false, error: null };
  (async () => {
    try {
      await sleep(cfg.lead);
      window.__gsProbe.take();
      await sleep(cfg.window);
      const windowLog = window.__gsProbe.take();
      const t0s = [];
      for (const tempo of cfg.tempos) {
        await sleep(cfg.gap);
        t0s.push(setTempo(tempo));
      }
      await sleep(cfg.gap);
      window.__gsProbe.stop();
      window.__gsRun = { done: true, error: null, windowLog, trialLog: window.__gsProbe.take(), t0s, tempos: cfg.tempos };
    } catch (err) {
      window.__gsRun = { done: true, error: String(err) };
    }
  })();
  return true;
}
