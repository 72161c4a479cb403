// The range control's front end (StopsControl, StepControl): one labelled native range
// input, shared by the views' sliders.
// Two kinds of model: `stops` and `labels` (the input runs over the index of a stop, and the
// label of that stop is its text), or `low`, `high`, `step`, `digits` and `unit` (the input
// runs over the value itself, and its text is the number with its unit).
// The label names the input; aria-valuetext and the readout give the value in words; the keys
// that move a slider stop at its row, so JupyterLab's shortcuts (which would take the arrow
// keys) never see them. The `value` trait is the single source of truth; `render` returns its
// cleanup.

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

/** A number as shown: fixed decimals, a minus sign, then the unit ("45°", "0.30 m"). */
export function valueText(value, digits, unit) {
  const text = Number(value).toFixed(digits).replace("-", "−");
  return unit === "°" ? `${text}°` : `${text} ${unit}`;
}

/** How the input maps to the model: its range, the value of a position and its text. */
export function scale(model) {
  const stops = model.get("stops");
  if (Array.isArray(stops)) {
    const labels = model.get("labels");
    return {
      min: 0,
      max: stops.length - 1,
      step: 1,
      position: (value) => nearestIndex(stops, value),
      valueAt: (position) => stops[position],
      text: (value) => labels[nearestIndex(stops, value)],
      texts: labels,
    };
  }
  const [low, high, digits, unit] = ["low", "high", "digits", "unit"].map((k) => model.get(k));
  const text = (value) => valueText(value, digits, unit);
  return {
    min: low,
    max: high,
    step: model.get("step"),
    position: (value) => value,
    valueAt: (position) => position,
    text,
    texts: [text(low), text(high)],
  };
}

function render({ model, el }) {
  const name = model.get("css_class");
  const id = uniqueId(name);
  const row = document.createElement("div");
  row.className = `gs-range gs-range-${model.get("variant")} ${name}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  Object.assign(input, { type: "range", id });
  const readout = document.createElement("output");
  readout.htmlFor = id;
  readout.className = `gs-range-value ${name}-value`;
  row.append(label, input, readout);
  el.append(row);
  let map = scale(model);

  function show(value) {
    const text = map.text(value);
    input.setAttribute("aria-valuetext", text);
    readout.textContent = text;
  }

  function sync() {
    map = scale(model);
    label.textContent = model.get("description");
    Object.assign(input, { min: String(map.min), max: String(map.max), step: String(map.step) });
    input.value = String(map.position(model.get("value")));
    // room for the longest text, so the row does not jump as the value changes
    readout.style.minWidth = `${Math.max(...map.texts.map((t) => t.length)) + 1}ch`;
    show(model.get("value"));
  }

  function onInput() {
    const value = map.valueAt(Number(input.value));
    show(value); // at once, before the kernel answers
    model.set("value", value);
    model.save_changes();
  }

  const keepKey = (event) => SLIDER_KEYS.has(event.key) && event.stopPropagation();
  input.addEventListener("input", onInput);
  row.addEventListener("keydown", keepKey);
  model.on("change", sync);
  sync();

  return () => {
    input.removeEventListener("input", onInput);
    row.removeEventListener("keydown", keepKey);
    model.off("change", sync);
    row.remove();
  };
}

export default { render };
