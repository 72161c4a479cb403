// PostureSlider front end: a labelled native range input with its value and unit beside it.
// The label is its accessible name; aria-valuetext speaks the value with its unit; the keys
// that move a slider stop at its row, so JupyterLab's shortcuts never take them.
// The `value` trait is the single source of truth; `render` returns its cleanup.

/** An id unique on the page: every copy of the module (one per widget) counts from 0, so a
 * counter alone would repeat ids when a notebook shows the view twice. */
const uniqueId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const SLIDER_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/** The value as shown: fixed decimals, a minus sign, then the unit. */
export function valueText(value, digits, unit) {
  const text = Number(value).toFixed(digits).replace("-", "−");
  return unit === "°" ? `${text}°` : `${text} ${unit}`;
}

function render({ model, el }) {
  const id = uniqueId("gs-posture");
  const row = document.createElement("div");
  row.className = "gs-posture-slider";
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  Object.assign(input, { type: "range", id });
  const readout = document.createElement("output");
  readout.htmlFor = id;
  row.append(label, input, readout);
  el.append(row);

  function show(value) {
    const text = valueText(value, model.get("digits"), model.get("unit"));
    input.setAttribute("aria-valuetext", text);
    readout.textContent = text;
  }

  function sync() {
    label.textContent = model.get("description");
    input.min = String(model.get("low"));
    input.max = String(model.get("high"));
    input.step = String(model.get("step"));
    input.value = String(model.get("value"));
    show(model.get("value"));
  }

  function onInput() {
    const value = Number(input.value);
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
