// AgeSlider front end: a native range input over the age stops; its index is the stop.
// The label names it, aria-valuetext and the readout give the age in words, and the keys
// that move a slider stop at its row, so that JupyterLab's shortcuts (which would take the
// arrow keys) never see them.
// The `value` trait is the single source of truth; `render` returns its cleanup.

/** An id unique on the page: every copy of the module (one per widget) counts from 0, so a
 * counter alone would repeat ids when a notebook shows the view twice. */
const uniqueId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const SLIDER_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/** Index of the stop nearest to `value`. */
export function nearestIndex(stops, value) {
  let best = 0;
  for (let i = 1; i < stops.length; i++) {
    if (Math.abs(stops[i] - value) < Math.abs(stops[best] - value)) best = i;
  }
  return best;
}

function render({ model, el }) {
  const id = uniqueId("gs-age");
  const row = document.createElement("div");
  row.className = "gs-age";
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  Object.assign(input, { type: "range", id, min: "0", step: "1" });
  const readout = document.createElement("output");
  readout.htmlFor = id;
  readout.className = "gs-age-value";
  row.append(label, input, readout);
  el.append(row);

  function show(index) {
    const text = model.get("labels")[index];
    input.setAttribute("aria-valuetext", text);
    readout.textContent = text;
  }

  function sync() {
    const stops = model.get("stops");
    const index = nearestIndex(stops, model.get("value"));
    label.textContent = model.get("description");
    input.max = String(stops.length - 1);
    input.value = String(index);
    show(index);
  }

  function onInput() {
    const index = Number(input.value);
    show(index); // at once, before the kernel answers
    model.set("value", model.get("stops")[index]);
    model.save_changes();
  }

  const keepKey = (event) => SLIDER_KEYS.has(event.key) && event.stopPropagation();
  input.addEventListener("input", onInput);
  row.addEventListener("keydown", keepKey);
  model.on("change:value", sync);
  model.on("change:description", sync);
  sync();

  return () => {
    input.removeEventListener("input", onInput);
    row.removeEventListener("keydown", keepKey);
    model.off("change:value", sync);
    model.off("change:description", sync);
    row.remove();
  };
}

export default { render };
