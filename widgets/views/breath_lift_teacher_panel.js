// Teacher panel front end: native, labelled controls in large type for a projector.
// Each control writes one trait; jslink carries it to the animator in the browser.
// Keys that move a control stop at the panel, so JupyterLab's shortcuts never take them.
// The traits are the single source of truth; `render` returns its cleanup.

/** An id unique on the page: every copy of the module (one per widget) counts from 0, so a
 * counter alone would repeat ids when a notebook shows the view twice. */
const uniqueId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const CONTROL_KEYS = new Set([
  "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", " ",
]);

/** A value's text as a screen reader should hear it. */
export function spoken(trait, value) {
  if (trait === "tempo") return `${value} breaths per minute`;
  if (trait === "exhale_ratio") return `breathe out ${value} times as long as in`;
  return String(value);
}

function field(root, text, control) {
  const id = uniqueId("gs-tp");
  const row = document.createElement("div");
  row.className = "gs-tp-row";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  row.append(label, control);
  root.append(row);
  return row;
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "gs-tp";
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Teacher panel for the animation");
  el.append(root);
  const limits = model.get("limits");
  const cleanups = [];
  const on = (target, type, fn) => {
    target.addEventListener(type, fn);
    cleanups.push(() => target.removeEventListener(type, fn));
  };
  const save = (trait, value) => {
    model.set(trait, value);
    model.save_changes();
  };

  const sliders = {};
  for (const [trait, text] of [["tempo", "Tempo (breaths/min)"], ["exhale_ratio", "Exhale (× inhale)"]]) {
    const input = document.createElement("input");
    const { min, max, step } = limits[trait];
    Object.assign(input, { type: "range", min: String(min), max: String(max), step: String(step) });
    const readout = document.createElement("output");
    readout.htmlFor = input.id;
    const row = field(root, text, input);
    readout.className = "gs-tp-value";
    row.append(readout);
    on(input, "input", () => save(trait, Number(input.value)));
    sliders[trait] = { input, readout };
  }

  const selects = {};
  for (const [trait, text, options] of [["mode", "Mode", model.get("modes")], ["speed", "Speed", model.get("speeds")]]) {
    const select = document.createElement("select");
    for (const [value, label] of options) select.append(new Option(label, String(value)));
    field(root, text, select);
    on(select, "change", () => save(trait, trait === "speed" ? Number(select.value) : select.value));
    selects[trait] = select;
  }

  const play = document.createElement("button");
  play.type = "button";
  play.className = "gs-tp-play";
  root.append(play);
  on(play, "click", () => save("playing", !model.get("playing")));
  on(root, "keydown", (event) => CONTROL_KEYS.has(event.key) && event.stopPropagation());

  function sync() {
    for (const [trait, { input, readout }] of Object.entries(sliders)) {
      const value = model.get(trait);
      input.value = String(value);
      input.setAttribute("aria-valuetext", spoken(trait, value));
      readout.textContent = String(value);
    }
    selects.mode.value = model.get("mode");
    selects.speed.value = String(model.get("speed"));
    const playing = model.get("playing");
    play.textContent = playing ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(playing));
  }
  const traits = ["tempo", "exhale_ratio", "mode", "speed", "playing"];
  for (const trait of traits) model.on(`change:${trait}`, sync);
  sync();

  return () => {
    for (const trait of traits) model.off(`change:${trait}`, sync);
    for (const undo of cleanups) undo();
    root.remove();
  };
}

export default { render };
