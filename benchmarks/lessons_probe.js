// Page-side recorder for benchmarks/lessons.py (see its docstring for the definitions).
// Evaluated once per page after the notebook is open; installs window.__gsLessons.
// Knows JupyterLab's notebook DOM (cells, prompts, output areas) and nothing of our views.
() => {
  if (window.__gsLessons) return true;
  const now = () => performance.now();
  const SLIDER = 'input[type="range"], [role="slider"]';
  const CHOICE = "select";
  const RUN_ALL = '[data-command="runmenu:run-all"], [data-command="notebook:run-all-cells"]';

  const panel = () => {
    const panels = Array.from(document.querySelectorAll(".jp-NotebookPanel"));
    return panels.find((p) => !p.classList.contains("lm-mod-hidden")) || panels[0];
  };
  const notebook = () => panel().querySelector(".jp-Notebook");
  const cells = () => Array.from(notebook().querySelectorAll(".jp-Notebook-cell"));
  const elementOf = (node) => (node.nodeType === 1 ? node : node.parentElement);
  const outputsOf = (cell) => cell.querySelector(".jp-Cell-outputArea, .jp-OutputArea");
  // A drawing: an svg or canvas of at least 100 x 50 px in an output (not an icon, and not
  // JupyterLab's own prompt overlay).
  const DRAWING = ".jp-OutputArea-output svg, .jp-OutputArea-output canvas";
  const isDrawing = (el) => {
    const box = el.getBoundingClientRect();
    return box.width >= 100 && box.height >= 50;
  };
  const drawingOf = (el) => {
    const d = el.closest("svg, canvas");
    return d && d.matches(DRAWING) && isDrawing(d) ? d : null;
  };

  const state = {
    runAllAt: [], // performance.now() of each pointerdown on a Run All menu item
    runKeyAt: [], // performance.now() of each Ctrl+Enter / Shift+Enter keydown
    executed: new Map(), // cell -> when its prompt first showed an execution count
    structure: new Map(), // cell -> when an element was last added to/removed from its outputs
    mutated: new Map(), // cell -> Map(node -> last time it was mutated), outputs only
    lastStructure: null,
    view: null, // the view being measured (see prepare())
  };

  document.addEventListener(
    "pointerdown",
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && target.closest(RUN_ALL)) state.runAllAt.push(now());
    },
    true,
  );

  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.shiftKey)) state.runKeyAt.push(now());
    },
    true,
  );

  const observer = new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      const el = elementOf(r.target);
      const cell = el && el.closest(".jp-Notebook-cell");
      if (!cell) continue;
      const prompt = el.closest(".jp-InputArea-prompt");
      if (prompt) {
        if (/\[\s*\d+\s*\]/.test(prompt.textContent) && !state.executed.has(cell)) {
          state.executed.set(cell, t);
        }
        continue;
      }
      if (!el.closest(".jp-OutputArea")) continue;
      if (!state.mutated.has(cell)) state.mutated.set(cell, new Map());
      state.mutated.get(cell).set(r.target, t);
      const nodes = r.type === "childList" ? [...r.addedNodes, ...r.removedNodes] : [];
      if (nodes.some((n) => n.nodeType === 1)) {
        state.structure.set(cell, t);
        state.lastStructure = t;
      }
      const v = state.view;
      if (v && v.cell === cell && v.movedAt !== null && v.answeredAt === null && t >= v.movedAt) {
        if (v.counts(r.target) || v.redraws(r)) {
          v.answeredAt = t;
          v.answer = describe(el);
        }
      }
    }
  });
  observer.observe(notebook(), {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });

  function describe(el) {
    const cls = typeof el.className === "string" ? el.className : el.getAttribute("class") || "";
    return `${el.tagName.toLowerCase()}${cls ? "." + cls.trim().split(/\s+/).join(".") : ""}`;
  }

  // The control's row: the smallest ancestor that also holds a <label> (its name, and for
  // ipywidgets its readout), as long as that holds no drawing; else the control itself.
  function controlRow(control, area) {
    for (let el = control.parentElement; el && el !== area; el = el.parentElement) {
      if (el.querySelector(DRAWING)) break;
      if (el.querySelector("label")) return el;
    }
    return control;
  }

  window.__gsLessons = {
    cellCount: () => cells().length,

    // Times (ms, performance.now) for the Run All pass.
    runAll() {
      const list = cells();
      return {
        now: now(),
        runAllAt: state.runAllAt,
        lastStructure: state.lastStructure,
        executed: list.map((c) => (state.executed.has(c) ? state.executed.get(c) : null)),
        structure: list.map((c) => (state.structure.has(c) ? state.structure.get(c) : null)),
      };
    },

    // One cell, for the views pass.
    cell(index) {
      const cell = cells()[index];
      const area = outputsOf(cell);
      const control = area && (area.querySelector(SLIDER) || area.querySelector(CHOICE));
      return {
        now: now(),
        runKeyAt: state.runKeyAt.length ? state.runKeyAt[state.runKeyAt.length - 1] : null,
        executed: state.executed.has(cell) ? state.executed.get(cell) : null,
        structure: state.structure.has(cell) ? state.structure.get(cell) : null,
        control: control ? (control.matches(SLIDER) ? "slider" : "choice") : null,
        drawing: !!area && Array.from(area.querySelectorAll(DRAWING)).some(isDrawing),
      };
    },

    // Scroll the cell's first control to the middle of the page; returns when.
    reveal(index) {
      const area = outputsOf(cells()[index]);
      const control = area.querySelector(SLIDER) || area.querySelector(CHOICE);
      control.scrollIntoView({block: "center"});
      return now();
    },

    // Mark the cell's first control with data-gs-control; decide whether the view animates by
    // itself (something inside its drawing mutated in the last `quietMs`); start watching.
    prepare(index, quietMs) {
      const cell = cells()[index];
      const area = outputsOf(cell);
      const control = area.querySelector(SLIDER) || area.querySelector(CHOICE);
      for (const old of document.querySelectorAll("[data-gs-control]")) {
        old.removeAttribute("data-gs-control");
      }
      const t = now();
      const recent = new Set();
      for (const [node, when] of state.mutated.get(cell) || []) {
        if (t - when <= quietMs) recent.add(node);
      }
      const inDrawing = (node) => {
        const el = elementOf(node);
        return !!(el && area.contains(el) && drawingOf(el));
      };
      const animated = [...recent].some(inDrawing);
      const row = controlRow(control, area);
      const counts = (node) => {
        const el = elementOf(node);
        if (!el || control.contains(el)) return false;
        if (animated) return row !== control && row.contains(el) && !recent.has(node);
        return inDrawing(node) && !row.contains(el);
      };
      // A view that redraws by replacing its drawing (an HTML output whose svg is swapped for a
      // new one) answers when a new drawing is added outside the control's row.
      const redraws = (r) =>
        !animated &&
        r.type === "childList" &&
        area.contains(elementOf(r.target)) &&
        !row.contains(elementOf(r.target)) &&
        [...r.addedNodes].some(
          (n) =>
            n.nodeType === 1 &&
            (drawingOf(n) || [...n.querySelectorAll("svg, canvas")].some((d) => drawingOf(d))),
        );
      const v = {
        cell, control, movedAt: null, answeredAt: null, answer: null, animated, counts, redraws,
      };
      const mark = () => {
        if (v.movedAt === null) v.movedAt = now();
      };
      for (const type of ["keydown", "pointerdown", "input", "change"]) {
        control.addEventListener(type, mark, {capture: true});
      }
      state.view = v;
      control.setAttribute("data-gs-control", "");
      return {
        kind: control.matches(SLIDER) ? "slider" : "choice",
        animated,
        row: describe(row),
        label: (row.textContent || control.getAttribute("aria-label") || "").trim().slice(0, 60),
      };
    },

    // The moved control's value (input/select value, or aria-valuenow of a [role=slider]).
    value() {
      const c = state.view.control;
      return c.matches("input, select") ? c.value : c.getAttribute("aria-valuenow");
    },

    // Forget a move that did not change the value (a key swallowed by JupyterLab).
    rearm() {
      state.view.movedAt = null;
      state.view.answeredAt = null;
      state.view.answer = null;
    },

    // Where to drag a slider's thumb from, and how far (px) to the right (negative: left).
    thumb() {
      const c = state.view.control;
      let box = c.getBoundingClientRect();
      let x = box.left + box.width / 2;
      let track = box.width;
      if (c.matches("input")) {
        const [lo, hi, v] = [Number(c.min || 0), Number(c.max || 100), Number(c.value)];
        const f = hi > lo ? (v - lo) / (hi - lo) : 0;
        x = box.left + 8 + f * (box.width - 16);
      } else {
        const target = c.closest(".noUi-target") || c.parentElement;
        track = target.getBoundingClientRect().width;
        const [lo, hi] = [Number(c.getAttribute("aria-valuemin")), Number(c.getAttribute("aria-valuemax"))];
        const v = Number(c.getAttribute("aria-valuenow"));
        box = {left: 0, width: track};
        if (hi > lo && (v - lo) / (hi - lo) > 0.8) track = -track;
        return {x, y: c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2, dx: track / 8};
      }
      const y = box.top + box.height / 2;
      const f = (x - box.left) / box.width;
      return {x, y, dx: (f > 0.8 ? -track : track) / 8};
    },

    answer() {
      const v = state.view;
      return v && {now: now(), movedAt: v.movedAt, answeredAt: v.answeredAt, answer: v.answer};
    },
  };
  return true;
};
