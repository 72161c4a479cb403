// BreathLiftAnimator front end: draws the lying figure in SVG and animates it in a
// requestAnimationFrame loop driven by elapsed time. Python sends the key poses once
// (trait `scene`); this module interpolates them by breath phase. The traits are the single
// source of truth for every setting, and limits, slider steps, speeds, modes, phase names and
// cues come from read-only traits too (written once, in Python); `render` returns its cleanup.

const SVG = "http://www.w3.org/2000/svg";
// Keys a focused control handles itself (sliders, lists), kept from JupyterLab's shortcuts.
const CONTROL_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
// Tone of each phase, Hz, in cycle order (the phase names come from the `phases` trait).
const TONES = [392, 330, 262, 220];

// ---- pure functions: the key-pose interpolation ----
// The breath cycle (cycleBounds, phaseBounds, profile, phaseIndex, advance, liftProfile,
// liftAndBreath) is in breath_cycle.js, which breath_lift.py inlines ahead of this module.
// These mirror widgets/views/breath_lift_scene.py, the reference; tests/browser/
// test_breath_spec.py holds both files' functions equal to Python over a property-based grid.

/** Cell of a uniform key-pose grid `values` holding fraction x: [index, weight of index+1]. */
export function gridCell(values, x) {
  const n = values.length - 1;
  const f = Math.min(Math.max(x, 0), 1) * n;
  const i = Math.min(Math.floor(f), n - 1);
  return [i, f - i];
}

/** Bilinear interpolation of a lift x breath table of numbers or of flat number arrays
 * (breath_lift_scene.py `interpolate`). Writes into `out` when given an array table. */
export function interpolate(table, lifts, breaths, lift, breath, out = null) {
  const [i, fi] = gridCell(lifts, lift);
  const [j, fj] = gridCell(breaths, breath);
  const w00 = (1 - fi) * (1 - fj), w01 = (1 - fi) * fj, w10 = fi * (1 - fj), w11 = fi * fj;
  const a = table[i][j], b = table[i][j + 1], c = table[i + 1][j], d = table[i + 1][j + 1];
  if (out === null) return w00 * a + w01 * b + w10 * c + w11 * d;
  for (let k = 0; k < out.length; k++) out[k] = w00 * a[k] + w01 * b[k] + w10 * c[k] + w11 * d[k];
  return out;
}

/** Empty buffers for a pose of `scene`: free shapes' points and rigid shapes' transforms. */
export function newPose(scene) {
  return {
    coords: new Float64Array(scene.coords[0][0].length),
    moves: new Float64Array(scene.transforms[0][0].length),
  };
}

/** The pose of `scene` at fractions lift, breath: the interpolated points of the shapes that
 * are not rigid and the interpolated transforms [a, b, c, d, e, f] of the rigid ones. */
export function poseAt(scene, lift, breath, out = newPose(scene)) {
  interpolate(scene.coords, scene.lift, scene.breath, lift, breath, out.coords);
  interpolate(scene.transforms, scene.lift, scene.breath, lift, breath, out.moves);
  return out;
}

/** Points of every shape of a pose, one flat [x0, y0, ...] array per shape (mm, bed frame),
 * as drawn: a rigid shape's `local` points moved by its transform (breath_lift_scene.py
 * `pose_points`). */
export function posePoints(scene, pose) {
  let free = 0, rigid = 0;
  return scene.shapes.map((shape) => {
    const n = 2 * shape.n;
    if (!shape.rigid) {
      free += n;
      return Array.from(pose.coords.subarray(free - n, free));
    }
    const [a, b, c, d, e, f] = pose.moves.subarray(6 * rigid, 6 * ++rigid);
    const out = new Array(n);
    for (let k = 0; k < n; k += 2) {
      const x = shape.local[k], y = shape.local[k + 1];
      out[k] = a * x + c * y + e;
      out[k + 1] = b * x + d * y + f;
    }
    return out;
  });
}

/** Lowest point [x, y] (mm) of shape `k` of `scene` in `pose`: where a soft-tissue outline
 * rests on the bed or the pillow. Reads the pose buffers, allocates only the answer. */
export function lowestPoint(scene, pose, k) {
  let at = 0, rigid = 0;
  for (let q = 0; q < k; q++) {
    if (scene.shapes[q].rigid) rigid++;
    else at += 2 * scene.shapes[q].n;
  }
  const shape = scene.shapes[k];
  let best = [NaN, Infinity];
  if (!shape.rigid) {
    for (let q = at, end = at + 2 * shape.n; q < end; q += 2) {
      if (pose.coords[q + 1] < best[1]) best = [pose.coords[q], pose.coords[q + 1]];
    }
    return best;
  }
  const [a, b, c, d, e, f] = pose.moves.subarray(6 * rigid, 6 * rigid + 6);
  for (let q = 0; q < shape.local.length; q += 2) {
    const x = shape.local[q], y = shape.local[q + 1];
    const yy = b * x + d * y + f;
    if (yy < best[1]) best = [a * x + c * y + e, yy];
  }
  return best;
}

/** Parts of the spine with a joint at its range of motion in the key pose nearest to
 * fractions lift, breath (scene.limits), e.g. ["neck"]; [] when none or unknown. */
export function limitsAt(scene, lift, breath) {
  if (!scene || !scene.limits) return [];
  const near = (grid, x) => Math.round(Math.min(Math.max(x, 0), 1) * (grid.length - 1));
  return scene.limits[near(scene.lift, lift)][near(scene.breath, breath)];
}

function settings(model) {
  return {
    tempo: model.get("tempo"),
    exhale_ratio: model.get("exhale_ratio"),
    hold_in: model.get("hold_in"),
    hold_out: model.get("hold_out"),
  };
}

// ---- small DOM helpers ----
function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function s(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** An id unique on the page: every copy of the module (one per widget) counts from 0, so a
 * counter alone would repeat ids when a notebook shows the view twice. */
const uniqueId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** How far the waist rises at the top of the lift, whole mm, from the scene's readouts (the
 * model's waist height at full lift minus at rest, both without a breath); null if unknown. */
export function waistRise(scene) {
  const heights = scene && scene.readouts && scene.readouts.waist_height;
  if (!heights || heights.length < 2) return null;
  return Math.round(heights[heights.length - 1][0] - heights[0][0]);
}

function slider(id, label, { min, max, step }) {
  const input = h("input", { type: "range", id, min, max, step });
  const out = h("output", { for: id });
  const row = h("div", { class: "gs-bla-row" }, [h("label", { for: id, text: label }), input, out]);
  return { row, input, out };
}

function render({ model, el }) {
  const uid = uniqueId("gs-bla");
  const loops = (globalThis.__gentleSpineLoops ??= new Set());
  const reduceQuery = window.matchMedia("(prefers-reduced-motion: reduce)");

  // ---- layout: play area and control area ----
  const root = h("div", {
    class: "gs-bla",
    tabindex: "0",
    role: "group",
    "aria-label": "Waist-lift animation. Space plays or pauses; arrow keys change the tempo.",
  });
  const controls = h("div", { class: "gs-bla-controls", role: "group", "aria-label": "Controls" });

  const svg = s("svg", { class: "gs-bla-scene", role: "img", "aria-label": "A person lying on their back on a bed" });
  const world = s("g", { class: "gs-bla-world" });
  const ghost = s("g", { class: "gs-bla-ghost" });
  const labelLayer = s("g", { class: "gs-bla-labels" });
  svg.append(ghost, world, labelLayer);

  const cue = h("div", { class: "gs-bla-cue", "aria-live": "polite", role: "status" });
  const pacerSvg = s("svg", { class: "gs-bla-pacer", viewBox: "-50 -50 100 100", "aria-hidden": "true" });
  const pacerTrack = s("circle", { r: "44", class: "gs-bla-pacer-track" });
  const pacerRing = s("circle", { r: "20", class: "gs-bla-pacer-ring" });
  pacerSvg.append(pacerTrack, pacerRing);
  const barFill = h("div", { class: "gs-bla-bar-fill" });
  const bar = h("div", { class: "gs-bla-bar", "aria-hidden": "true" }, [barFill]);
  const readouts = h("div", { class: "gs-bla-readouts", "aria-label": "Model readouts" }, [
    h("div", { class: "gs-bla-readouts-title", text: "Model readouts (not measured in people)" }),
  ]);
  const readoutNodes = {};
  for (const [key, label] of [
    ["pelvic_tilt", "Pelvic tilt"],
    ["waist_height", "Waist (L3) above the bed"],
    ["head_pitch", "Chin angle"],
    ["lumbar_lordosis", "Low-back curve (L1–S1)"],
  ]) {
    const value = h("span", { class: "gs-bla-value", "data-readout": key });
    readoutNodes[key] = value;
    readouts.append(h("div", { class: "gs-bla-readout" }, [h("span", { text: label }), value]));
  }
  const limitLine = h("div", { class: "gs-bla-limit", "data-readout": "limits" });
  readouts.append(limitLine);
  const status = h("div", { class: "gs-bla-status" }, [
    pacerSvg,
    h("div", { class: "gs-bla-cuebox" }, [cue, bar]),
    readouts,
  ]);
  root.append(svg, status, controls);
  el.append(root);

  // ---- controls ----
  const playBtn = h("button", { type: "button", class: "gs-bla-play-button", "aria-pressed": "true" });
  const stepBtn = h("button", { type: "button", text: "Step", "aria-label": "Step to the next phase" });
  const speedSel = h("select", { id: `${uid}-speed`, "aria-label": "Playback speed" });
  for (const [v, label] of model.get("speeds")) speedSel.append(h("option", { value: String(v), text: label }));
  const buttons = h("div", { class: "gs-bla-row gs-bla-buttons" }, [
    playBtn,
    stepBtn,
    h("label", { for: `${uid}-speed`, text: "Speed" }),
    speedSel,
  ]);
  const limits = model.get("limits");
  const phases = model.get("phases");
  const tempo = slider(`${uid}-tempo`, "Tempo", limits.tempo);
  const ratio = slider(`${uid}-ratio`, "Inhale : exhale", limits.exhale_ratio);
  const holdIn = slider(`${uid}-holdin`, "Hold after inhale", limits.hold);
  const holdOut = slider(`${uid}-holdout`, "Hold after exhale", limits.hold);
  const lift = slider(`${uid}-lift`, "Lift size (° of low-back curve)", limits.lift_range);
  const modeSel = h("select", { id: `${uid}-mode` });
  for (const [v, label] of model.get("modes")) modeSel.append(h("option", { value: v, text: label }));
  const modeRow = h("div", { class: "gs-bla-row gs-bla-row-wide" }, [
    h("label", { for: `${uid}-mode`, text: "Mode" }),
    modeSel,
  ]);
  const labelsBox = h("input", { type: "checkbox", id: `${uid}-labels` });
  const soundBox = h("input", { type: "checkbox", id: `${uid}-sound` });
  const toggles = h("div", { class: "gs-bla-row gs-bla-toggles" }, [
    labelsBox,
    h("label", { for: `${uid}-labels`, text: "Labels" }),
    soundBox,
    h("label", { for: `${uid}-sound`, text: "Sound at each phase" }),
  ]);
  const help = h("p", { class: "gs-bla-help", text: "Keys: Space plays or pauses; arrow keys change the tempo." });
  controls.append(buttons, tempo.row, ratio.row, holdIn.row, holdOut.row, modeRow, lift.row, toggles, help);

  function setTrait(name, value) {
    model.set(name, value);
    model.save_changes();
  }

  // ---- scene building ----
  // Each shape is drawn once. A rigid shape (scene.shapes[k].rigid: a vertebra, the skull,
  // the pelvis...) keeps the `points` it gets here and moves by its `transform` attribute; the
  // others (the skin, the legs, the lumbar discs) get new `points`.
  let scene = null;
  let parts = []; // per shape: {meta, node, ghostNode, at, shown, ghostShown}
  let pose = null;
  let ghostPose = null;
  let shapeAt = {}; // shape name -> index
  let contacts = []; // per soft-tissue outline: {k, mark, top (mm), shown}
  const labelNodes = {};
  const labelShown = {};
  let labelsShown = null;

  function shapeClass(meta) {
    return `gs-bla-${meta.kind}${meta.region ? ` gs-bla-${meta.region}` : ""}`;
  }

  function makeNode(meta, layer) {
    const node = s(meta.closed ? "polygon" : "polyline", { class: shapeClass(meta) });
    if (meta.rigid) node.setAttribute("points", meta.local.join(" "));
    layer.append(node);
    return node;
  }

  function buildScene() {
    scene = model.get("scene");
    world.replaceChildren();
    ghost.replaceChildren();
    labelLayer.replaceChildren();
    parts = [];
    if (!scene || !scene.shapes) return;
    const [x0, x1, y0, y1] = scene.bounds;
    const pad = 40;
    svg.setAttribute("viewBox", `${x0 - pad} ${-(y1 + pad)} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad + 30}`);
    const bed = s("rect", { class: "gs-bla-bed", x: x0 - pad, y: 0, width: x1 - x0 + 2 * pad, height: 30 });
    const bedTop = s("line", { class: "gs-bla-bed-top", x1: x0 - pad, y1: 0, x2: x1 + pad, y2: 0 });
    world.append(bed, bedTop);
    const flip = s("g", { transform: "scale(1,-1)" });
    const ghostFlip = s("g", { transform: "scale(1,-1)" });
    world.append(flip);
    ghost.append(ghostFlip);
    // the pillow: a static block (its corners at rest), drawn only when it has a height
    const block = scene.pillow_block;
    if (block && block.length === 8 && block[5] > 0) {
      flip.append(s("polygon", { class: "gs-bla-pillow", points: block.join(" ") }));
    }
    let free = 0, rigid = 0;
    shapeAt = {};
    parts = scene.shapes.map((meta, k) => {
      const node = makeNode(meta, flip);
      if (meta.kind === "vertebra") {
        const title = s("title");
        title.textContent = meta.name;
        node.append(title);
      }
      const size = meta.rigid ? 6 : 2 * meta.n;
      const at = meta.rigid ? 6 * rigid++ : (free += size) - size;
      shapeAt[meta.name] = k;
      // the ghost (reduced motion) outlines the bones and the skin, not the soft tissue
      const ghostNode = meta.kind === "tissue" ? null : makeNode(meta, ghostFlip);
      let radius = 0;
      if (meta.rigid) for (let q = 0; q < meta.local.length; q += 2) radius = Math.max(radius, Math.hypot(meta.local[q], meta.local[q + 1]));
      return {
        meta,
        node,
        ghostNode,
        at,
        radius,
        shown: new Float64Array(size).fill(NaN),
        ghostShown: new Float64Array(size).fill(NaN),
      };
    });
    // a small mark where each soft-tissue outline rests: on the bed, or on the pillow's top
    const markLayer = s("g", { class: "gs-bla-contacts" });
    flip.append(markLayer);
    contacts = [];
    scene.shapes.forEach((meta, k) => {
      if (meta.kind !== "tissue" || !meta.rests_on) return;
      const mark = s("rect", { class: "gs-bla-contact", x: -22, y: -7, width: 44, height: 7, rx: 3 });
      const title = s("title");
      title.textContent = `${meta.name} rest${meta.name.endsWith("s") ? "" : "s"} on the ${meta.rests_on}`;
      mark.append(title);
      markLayer.append(mark);
      const top = meta.rests_on === "pillow" && block ? block[5] : 0;
      contacts.push({ k, mark, top, shown: "" });
    });
    pose = newPose(scene);
    ghostPose = newPose(scene);
    for (const name of ["head", "waist", "pelvis", "chest"]) {
      const t = s("text", { class: "gs-bla-label", "text-anchor": "middle" });
      t.textContent = name === "waist" ? "↑ waist (L3)" : name;
      labelLayer.append(t);
      labelNodes[name] = t;
      labelShown[name] = "";
    }
    labelsShown = null;
    drawnLift = drawnBreath = NaN;
    drawStatic();
  }

  // ---- painting: only what moved ----
  // A shape is rewritten only when some point of it has moved by more than MOVE_MM since it
  // was last written (a tenth of a millimetre, the precision the points were always drawn at:
  // well under a tenth of a pixel, so the picture is the same). No layout is read here.
  const MOVE_MM = 0.1;

  /** SVG `matrix()` of [a, b, c, d, e, f]: rotation to 1e-5 (0.001 mm at 100 mm), shift to 0.01 mm. */
  function matrixText(m) {
    return `matrix(${m[0].toFixed(5)} ${m[1].toFixed(5)} ${m[2].toFixed(5)} ${m[3].toFixed(5)} ${m[4].toFixed(2)} ${m[5].toFixed(2)})`;
  }

  function pointsText(flat, at, n) {
    let text = "";
    for (let k = at, end = at + 2 * n; k < end; k += 2) text += `${flat[k].toFixed(1)},${flat[k + 1].toFixed(1)} `;
    return text;
  }

  /** Largest move (mm) of a point of a rigid shape of radius `radius` from `shown` to `src`. */
  function rigidMove(src, at, shown, radius) {
    let turn = 0;
    for (let k = 0; k < 4; k++) turn = Math.max(turn, Math.abs(src[at + k] - shown[k]));
    return Math.max(Math.abs(src[at + 4] - shown[4]), Math.abs(src[at + 5] - shown[5])) + 2 * radius * turn;
  }

  function freeMove(src, at, shown) {
    let most = 0;
    for (let k = 0; k < shown.length; k++) most = Math.max(most, Math.abs(src[at + k] - shown[k]));
    return most;
  }

  function paint(p, ghostLayer = false) {
    for (const part of parts) {
      if (ghostLayer && !part.ghostNode) continue;
      const shown = ghostLayer ? part.ghostShown : part.shown;
      if (part.meta.rigid) {
        const move = rigidMove(p.moves, part.at, shown, part.radius);
        if (!(move <= MOVE_MM)) {
          for (let k = 0; k < 6; k++) shown[k] = p.moves[part.at + k];
          (ghostLayer ? part.ghostNode : part.node).setAttribute("transform", matrixText(shown));
        }
      } else if (!(freeMove(p.coords, part.at, shown) <= MOVE_MM)) {
        for (let k = 0; k < shown.length; k++) shown[k] = p.coords[part.at + k];
        (ghostLayer ? part.ghostNode : part.node).setAttribute("points", pointsText(shown, 0, part.meta.n));
      }
    }
  }

  /** Point `index` of shape `k` in the current pose, mm. */
  function pointOf(k, index) {
    const part = parts[k];
    if (!part.meta.rigid) return [pose.coords[part.at + 2 * index], pose.coords[part.at + 2 * index + 1]];
    const m = pose.moves.subarray(part.at, part.at + 6);
    const x = part.meta.local[2 * index], y = part.meta.local[2 * index + 1];
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  }

  /** Mean of the points of shape `k` in the current pose, mm (a rigid shape's translation). */
  function centreOf(k) {
    const part = parts[k];
    if (part.meta.rigid) return [pose.moves[part.at + 4], pose.moves[part.at + 5]];
    let x = 0, y = 0;
    for (let q = part.at, end = part.at + 2 * part.meta.n; q < end; q += 2) {
      x += pose.coords[q];
      y += pose.coords[q + 1];
    }
    return [x / part.meta.n, y / part.meta.n];
  }

  /** Move each contact mark under the lowest point of its outline (whole mm: cheap). */
  function paintContacts() {
    for (const c of contacts) {
      const [x] = lowestPoint(scene, pose, c.k);
      const text = `translate(${Math.round(x)} ${c.top})`;
      if (text !== c.shown) {
        c.mark.setAttribute("transform", text);
        c.shown = text;
      }
    }
  }

  function place(name, x, y) {
    const text = `translate(${Math.round(x)} ${Math.round(-y)})`;
    if (labelShown[name] !== text) {
      labelNodes[name].setAttribute("transform", text);
      labelShown[name] = text;
    }
  }

  function paintLabels() {
    const show = model.get("labels");
    if (show !== labelsShown) {
      labelLayer.style.display = show ? "" : "none";
      labelsShown = show;
    }
    if (!show) return;
    const head = centreOf(shapeAt.skull);
    const pelvis = centreOf(shapeAt.pelvis);
    const torso = scene.shapes[shapeAt.torso].n;
    const waist = pointOf(shapeAt.torso, scene.marks.waist);
    const chest = pointOf(shapeAt.torso, torso - Math.round(torso / 3));
    place("head", head[0], head[1] + 150);
    place("pelvis", pelvis[0], pelvis[1] + 130);
    place("waist", waist[0], -62);
    place("chest", chest[0], chest[1] + 40);
  }

  function readout(name, liftFrac, breathFrac) {
    return interpolate(scene.readouts[name], scene.lift, scene.breath, liftFrac, breathFrac);
  }

  // ---- animation state ----
  let u = 0;
  let liftU = 0;
  let last = null;
  let raf = 0;
  let visible = true;
  let lastPhase = -1;
  let lastText = {};
  let shownRing = "";
  let shownFill = "";
  let drawnLift = NaN; // the pose drawn last
  let drawnBreath = NaN;
  const debug = { frames: 0, u: 0, wraps: [], loopId: uid, breath: 0, lift: 0 };
  root.gsDebug = debug;
  let audio = null;

  function fractions(bd = cycleBounds(settings(model))) {
    const mode = model.get("mode");
    const [liftFrac, breath] = liftAndBreath(mode, u, liftU, bd);
    return { bd, breath, lift: liftFrac, mode };
  }

  function tone(phase) {
    if (!model.get("sound")) return;
    try {
      audio ??= new AudioContext();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = TONES[phase];
      gain.gain.setValueAtTime(0.0001, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.05, audio.currentTime + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.4);
    } catch (err) {
      console.warn("gentle-spine: sound unavailable", err);
    }
  }

  function setText(node, key, text) {
    if (lastText[key] !== text) {
      const first = node.firstChild;
      if (first && first.nodeType === Node.TEXT_NODE && !first.nextSibling) first.data = text;
      else node.textContent = text;
      lastText[key] = text;
    }
  }

  function drawStatic() {
    // the two end poses, used when motion is reduced
    if (!scene) return;
    const mode = model.get("mode");
    const top = mode === "breath-only" ? [0, 1] : [1, 1];
    paint(poseAt(scene, top[0], top[1], ghostPose), true);
    ghost.style.display = reduceQuery.matches ? "" : "none";
  }

  function draw(bd) {
    if (!scene || !pose) return;
    const f = fractions(bd);
    debug.breath = f.breath;
    debug.lift = f.lift;
    // With reduced motion the figure rests (the ghost shows the end pose); the pacer moves.
    const reduced = reduceQuery.matches;
    const lift = reduced ? 0 : f.lift, breath = reduced ? 0 : f.breath;
    if (lift !== drawnLift || breath !== drawnBreath) {
      drawnLift = lift;
      drawnBreath = breath;
      paint(poseAt(scene, lift, breath, pose));
      paintContacts();
      paintLabels();
      const atLimit = limitsAt(scene, lift, breath);
      const limitText = atLimit.length ? `At its range of motion: ${atLimit.join(", ")} (model)` : "";
      setText(limitLine, "limit", limitText);
      setText(readoutNodes.pelvic_tilt, "pt", `${readout("pelvic_tilt", lift, breath).toFixed(1)}°`);
      setText(readoutNodes.waist_height, "wh", `${readout("waist_height", lift, breath).toFixed(0)} mm`);
      setText(readoutNodes.head_pitch, "hp", `${readout("head_pitch", lift, breath).toFixed(1)}°`);
      setText(readoutNodes.lumbar_lordosis, "ll", `${readout("lumbar_lordosis", lift, breath).toFixed(1)}°`);
    }
    const r = (12 + 30 * f.breath).toFixed(1);
    if (r !== shownRing) pacerRing.setAttribute("r", (shownRing = r));
    const fill = (Math.round(1000 * f.breath) / 1000).toString();
    if (fill !== shownFill) barFill.style.transform = `scaleX(${(shownFill = fill)})`;
    const phase = phaseIndex(u, f.bd);
    if (phase !== lastPhase) {
      setText(cue, "cue", model.get("cues")[f.mode][phases[phase]]);
      root.dataset.phase = phases[phase];
      if (lastPhase !== -1) tone(phase);
      lastPhase = phase;
    }
  }

  function frame(t) {
    raf = requestAnimationFrame(frame);
    if (last === null) last = t;
    const dt = Math.min((t - last) / 1000, 0.25);
    last = t;
    const bd = cycleBounds(settings(model));
    if (model.get("playing")) {
      const speed = model.get("speed");
      const next = advance(u, dt * speed, bd.period);
      if (next < u) debug.wraps.push(t);
      if (debug.wraps.length > 20) debug.wraps.shift();
      u = next;
      liftU = advance(liftU, dt * speed, bd.period, model.get("lift_period_factor"));
    }
    debug.frames += 1;
    debug.u = u;
    draw(bd);
  }

  function start() {
    if (raf || !visible || document.hidden) return;
    last = null;
    raf = requestAnimationFrame(frame);
    loops.add(uid);
  }

  function stop() {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    loops.delete(uid);
  }

  // ---- sync controls with traits ----
  function syncControls() {
    const playing = model.get("playing");
    playBtn.textContent = playing ? "Pause" : "Play";
    playBtn.setAttribute("aria-pressed", String(playing));
    playBtn.setAttribute("aria-label", playing ? "Pause" : "Play");
    speedSel.value = String(model.get("speed"));
    const tp = model.get("tempo");
    tempo.input.value = tp;
    const perBreath = (60 / tp).toFixed(1);
    const tempoText = `${tp.toFixed(1)} breaths per minute, ${perBreath} seconds per breath`;
    tempo.out.textContent = `${tp.toFixed(1)}/min · ${perBreath} s`;
    tempo.input.setAttribute("aria-valuetext", tempoText);
    const k = model.get("exhale_ratio");
    ratio.input.value = k;
    ratio.out.textContent = `1 : ${k}`;
    ratio.input.setAttribute("aria-valuetext", `inhale 1 to exhale ${k}`);
    for (const [ctl, name] of [[holdIn, "hold_in"], [holdOut, "hold_out"]]) {
      const v = model.get(name);
      ctl.input.value = v;
      ctl.out.textContent = `${v} s`;
      ctl.input.setAttribute("aria-valuetext", `${v} seconds`);
    }
    const lr = model.get("lift_range");
    lift.input.value = lr;
    const rise = waistRise(model.get("scene"));
    lift.out.textContent = rise === null ? `${lr}°` : `${lr}° (waist up ${rise} mm)`;
    lift.input.setAttribute(
      "aria-valuetext",
      `${lr} degrees of extra low-back curve` + (rise === null ? "" : `, the waist rises ${rise} millimetres`),
    );
    lift.row.style.display = model.get("mode") === "breath-only" ? "none" : "";
    modeSel.value = model.get("mode");
    labelsBox.checked = model.get("labels");
    soundBox.checked = model.get("sound");
  }

  const listeners = [];
  function on(target, event, fn) {
    target.addEventListener(event, fn);
    listeners.push(() => target.removeEventListener(event, fn));
  }

  on(playBtn, "click", () => setTrait("playing", !model.get("playing")));
  on(stepBtn, "click", () => {
    const bd = cycleBounds(settings(model));
    const starts = [0, bd.a, bd.b, bd.c].filter((x, i, arr) => i === 0 || x > arr[i - 1] + 1e-9);
    const after = starts.find((x) => x > u + 1e-9);
    u = after === undefined || after >= 1 ? 0 : after;
    setTrait("playing", false);
    draw();
  });
  on(speedSel, "change", () => setTrait("speed", Number(speedSel.value)));
  on(tempo.input, "input", () => setTrait("tempo", Number(tempo.input.value)));
  on(ratio.input, "input", () => setTrait("exhale_ratio", Number(ratio.input.value)));
  on(holdIn.input, "input", () => setTrait("hold_in", Number(holdIn.input.value)));
  on(holdOut.input, "input", () => setTrait("hold_out", Number(holdOut.input.value)));
  on(lift.input, "change", () => setTrait("lift_range", Number(lift.input.value)));
  on(modeSel, "change", () => setTrait("mode", modeSel.value));
  on(labelsBox, "change", () => setTrait("labels", labelsBox.checked));
  on(soundBox, "change", () => setTrait("sound", soundBox.checked));
  on(root, "keydown", (e) => {
    const tag = e.target.tagName;
    const inControl = tag === "INPUT" || tag === "SELECT" || tag === "BUTTON";
    // JupyterLab binds the arrow keys (and others) to the notebook: keep them in our controls.
    if (inControl && CONTROL_KEYS.has(e.key)) e.stopPropagation();
    if (e.key === " " && !inControl) {
      e.preventDefault();
      e.stopPropagation();
      setTrait("playing", !model.get("playing"));
    } else if (!inControl && ["ArrowUp", "ArrowRight", "ArrowDown", "ArrowLeft"].includes(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      const { min, max, step } = limits.tempo;
      const delta = e.key === "ArrowUp" || e.key === "ArrowRight" ? step : -step;
      setTrait("tempo", Math.min(max, Math.max(min, model.get("tempo") + delta)));
    }
  });
  on(document, "visibilitychange", () => (document.hidden ? stop() : start()));
  const onReduce = () => { drawStatic(); debug.frames = 0; draw(); };
  reduceQuery.addEventListener("change", onReduce);
  listeners.push(() => reduceQuery.removeEventListener("change", onReduce));

  const traitHandlers = {
    "change:scene": () => { buildScene(); syncControls(); draw(); },
    "change:mode": () => { lastPhase = -1; syncControls(); drawStatic(); },
    "change:playing": syncControls,
    "change:speed": syncControls,
    "change:tempo": syncControls,
    "change:exhale_ratio": syncControls,
    "change:hold_in": syncControls,
    "change:hold_out": syncControls,
    "change:lift_range": syncControls,
    "change:labels": () => { syncControls(); if (pose) paintLabels(); },
    "change:sound": syncControls,
  };
  for (const [event, fn] of Object.entries(traitHandlers)) model.on(event, fn);

  const observer = new IntersectionObserver((entries) => {
    visible = entries.some((e) => e.isIntersecting);
    if (visible) start();
    else stop();
  });
  observer.observe(root);

  buildScene();
  syncControls();
  draw();
  start();

  return () => {
    stop();
    observer.disconnect();
    for (const off of listeners) off();
    for (const [event, fn] of Object.entries(traitHandlers)) model.off(event, fn);
    if (audio) audio.close();
    root.remove();
  };
}

export default { render };
