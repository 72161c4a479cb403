// BreathLiftAnimator front end: draws the lying figure in SVG and animates it in a
// requestAnimationFrame loop driven by elapsed time. Python sends the key poses once
// (trait `scene`); this module interpolates them by breath phase. The traits are the single
// source of truth for every setting, and limits, slider steps, speeds, modes, phase names and
// cues come from read-only traits too (written once, in Python); `render` returns its cleanup.

// Keys a focused control handles itself (sliders, lists), kept from JupyterLab's shortcuts.
const CONTROL_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
// Tone of each phase, Hz, in cycle order (the phase names come from the `phases` trait).
const TONES = [392, 330, 262, 220];

// The breath cycle (cycleBounds, phaseBounds, profile, phaseIndex, advance, liftProfile,
// liftAndBreath) is in breath_cycle.js; the lying figure (the key-pose interpolation:
// gridCell, interpolate, newPose, poseAt, posePoints, lowestPoint, limitsAt, waistRise,
// endPose; and lyingFigure, which draws it in SVG) is in breath_figure.js. breath_lift.py
// inlines both ahead of this module, as session_player.py does for the session player.

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

/** An id unique on the page: every copy of the module (one per widget) counts from 0, so a
 * counter alone would repeat ids when a notebook shows the view twice. */
const uniqueId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

function slider(id, label, { min, max, step }) {
  const input = h("input", { type: "range", id, min, max, step });
  const out = h("output", { for: id });
  const row = h("div", { class: "gs-bla-row" }, [h("label", { for: id, text: label }), input, out]);
  return { row, input, out };
}

/** Keep `canvas`'s bitmap at its box's size in device pixels (a ResizeObserver: no layout is
 * read); call `paint()` after each resize. Returns the observer (disconnect it in cleanup). */
function fitCanvas(canvas, paint) {
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    const device = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
    canvas.width = device ? device.inlineSize : Math.round(entry.contentRect.width * devicePixelRatio);
    canvas.height = device ? device.blockSize : Math.round(entry.contentRect.height * devicePixelRatio);
    paint();
  });
  observer.observe(canvas);
  return observer;
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

  const svg = svgNode("svg", { role: "img", "aria-label": "A person lying on their back on a bed" });
  // the lying figure (breath_figure.js): the body and the labels painted on its canvas
  const figure = lyingFigure(svg);
  figure.box.classList.add("gs-bla-scene");
  const ghost = figure.ghost;

  const cue = h("div", { class: "gs-bla-cue", "aria-live": "polite", role: "status" });
  const pacerSvg = svgNode("svg", { class: "gs-bla-pacer", viewBox: "-50 -50 100 100", "aria-hidden": "true" });
  const pacerTrack = svgNode("circle", { r: "44", class: "gs-bla-pacer-track" });
  // the ring grows with the breath: painted on a canvas over the track (a canvas repaint costs
  // the page no style, layout or paint); the hidden circle holds its style (breath_lift.css)
  const pacerRing = svgNode("circle", { r: "42", class: "gs-bla-pacer-ring", style: "display: none" });
  pacerSvg.append(pacerTrack, pacerRing);
  const pacerCanvas = h("canvas", { class: "gs-bla-pacer-canvas", "aria-hidden": "true" });
  // the breath bar's fill, painted on a canvas too; the hidden div holds its colour
  const barFill = h("div", { class: "gs-bla-bar-fill", style: "display: none" });
  const barCanvas = h("canvas", { class: "gs-bla-bar-canvas" });
  const bar = h("div", { class: "gs-bla-bar", "aria-hidden": "true" }, [barFill, barCanvas]);
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
    // the number changes every frame: it sits in a box of fixed size (breath_lift.css), so
    // the browser lays out that box alone, not the page
    const value = h("span", { class: "gs-bla-value", "data-readout": key });
    readoutNodes[key] = value;
    const box = h("span", { class: "gs-bla-value-box" }, [value]);
    readouts.append(h("div", { class: "gs-bla-readout" }, [h("span", { text: label }), box]));
  }
  const limitLine = h("div", { class: "gs-bla-limit", "data-readout": "limits" });
  readouts.append(limitLine);
  const status = h("div", { class: "gs-bla-status" }, [
    h("div", { class: "gs-bla-pacer-box" }, [pacerSvg, pacerCanvas]),
    h("div", { class: "gs-bla-cuebox" }, [cue, bar]),
    readouts,
  ]);
  root.append(figure.box, status, controls);
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

  // ---- scene building: the figure (breath_figure.js), with the labels on its canvas ----
  let scene = null;

  function buildScene() {
    scene = model.get("scene");
    if (!figure.build(scene)) return;
    drawnLift = drawnBreath = NaN;
    readoutLift = readoutBreath = NaN;
    drawStatic();
  }

  /** The labels, written by the figure at each repaint (whole mm, as before). */
  function paintLabels(label) {
    if (!model.get("labels") || !scene) return;
    const { shapeAt, centreOf, pointOf } = figure;
    const head = centreOf(shapeAt.skull);
    const pelvis = centreOf(shapeAt.pelvis);
    const torso = scene.shapes[shapeAt.torso].n;
    const waist = pointOf(shapeAt.torso, scene.marks.waist);
    const chest = pointOf(shapeAt.torso, torso - Math.round(torso / 3));
    label("head", head[0], head[1] + 150);
    label("pelvis", pelvis[0], pelvis[1] + 130);
    label("↑ waist (L3)", waist[0], -62);
    label("chest", chest[0], chest[1] + 40);
  }
  figure.overlay = paintLabels;

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
  let shownFill = -1; // device pixels of the bar that are filled
  let drawnLift = NaN; // the pose drawn last
  let drawnBreath = NaN;
  // The readouts follow the pose at most every READOUT_MS (numbers that change 60 times a
  // second cannot be read, and each change costs the page a layout and a paint).
  const READOUT_MS = 100;
  let readoutLift = NaN; // the pose the readouts show
  let readoutBreath = NaN;
  let readoutAt = -Infinity;
  const debug = { frames: 0, u: 0, wraps: [], loopId: uid, breath: 0, lift: 0 };
  Object.defineProperty(debug, "paints", { get: () => figure.paints, enumerable: true }); // canvas repaints
  root.gsDebug = debug;
  let audio = null;

  function fractions(bd = cycleBounds(settings(model))) {
    const mode = model.get("mode");
    const [liftFrac, breath] = liftAndBreath(mode, u, liftU, bd);
    return { bd, breath, lift: liftFrac, mode };
  }

  // ---- the pacer's ring and the breath bar, on their canvases (sized by a ResizeObserver,
  // coloured from breath_lift.css, read again when the theme changes) ----
  const pacerCtx = pacerCanvas.getContext("2d");
  const barCtx = barCanvas.getContext("2d");
  let ringStyle = null;
  let barColour = null;

  /** Paint the ring at radius `r` (the track's viewBox units, -50..50). */
  function paintRing(r) {
    const pacerSize = pacerCanvas.width;
    if (!pacerCtx || !pacerSize || !r || !pacerCanvas.isConnected) return;
    if (!ringStyle) {
      const cs = getComputedStyle(pacerRing);
      const value = (name) => cs.getPropertyValue(name).trim();
      ringStyle = {
        fill: value("fill"),
        fillAlpha: Number.parseFloat(value("fill-opacity") || "1"),
        stroke: value("stroke"),
        width: Number.parseFloat(value("stroke-width") || "1"),
      };
    }
    const k = pacerSize / 100;
    pacerCtx.setTransform(1, 0, 0, 1, 0, 0);
    pacerCtx.clearRect(0, 0, pacerSize, pacerSize);
    pacerCtx.setTransform(k, 0, 0, k, pacerSize / 2, pacerSize / 2);
    pacerCtx.beginPath();
    pacerCtx.arc(0, 0, Number(r), 0, 2 * Math.PI);
    if (ringStyle.fill && ringStyle.fill !== "none") {
      pacerCtx.globalAlpha = ringStyle.fillAlpha;
      pacerCtx.fillStyle = ringStyle.fill;
      pacerCtx.fill();
    }
    if (ringStyle.stroke && ringStyle.stroke !== "none" && ringStyle.width > 0) {
      pacerCtx.globalAlpha = 1;
      pacerCtx.strokeStyle = ringStyle.stroke;
      pacerCtx.lineWidth = ringStyle.width;
      pacerCtx.stroke();
    }
    pacerCtx.globalAlpha = 1;
  }
  /** Paint the bar's first `width` device pixels. */
  function paintBar(width) {
    if (!barCtx || !barCanvas.width || !barCanvas.isConnected) return;
    barColour ??= getComputedStyle(barFill).getPropertyValue("background-color");
    barCtx.clearRect(0, 0, barCanvas.width, barCanvas.height);
    barCtx.fillStyle = barColour;
    barCtx.fillRect(0, 0, width, barCanvas.height);
  }

  const canvasObservers = [
    fitCanvas(pacerCanvas, () => paintRing(shownRing)),
    fitCanvas(barCanvas, () => {
      shownFill = -1; // the next frame paints the bar at its new width
    }),
  ];
  // the theme changed (the figure reads its colours again): so may the ring's and the bar's
  figure.onStyles = () => {
    ringStyle = barColour = null;
    paintRing(shownRing);
    if (shownFill >= 0) paintBar(shownFill);
  };

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
    if (!figure.pose) return;
    figure.drawGhost(...endPose(model.get("mode")));
    ghost.style.display = reduceQuery.matches ? "" : "none";
  }

  function draw(bd) {
    if (!figure.pose) return;
    const f = fractions(bd);
    debug.breath = f.breath;
    debug.lift = f.lift;
    // With reduced motion the figure rests (the ghost shows the end pose); the pacer moves.
    const reduced = reduceQuery.matches;
    const lift = reduced ? 0 : f.lift, breath = reduced ? 0 : f.breath;
    if (lift !== drawnLift || breath !== drawnBreath) {
      drawnLift = lift;
      drawnBreath = breath;
      figure.draw(lift, breath);
    }
    const now = performance.now();
    if ((lift !== readoutLift || breath !== readoutBreath) && now - readoutAt >= READOUT_MS) {
      readoutLift = lift;
      readoutBreath = breath;
      readoutAt = now;
      const atLimit = limitsAt(scene, lift, breath);
      const limitText = atLimit.length ? `At its range of motion: ${atLimit.join(", ")} (model)` : "";
      setText(limitLine, "limit", limitText);
      setText(readoutNodes.pelvic_tilt, "pt", `${readout("pelvic_tilt", lift, breath).toFixed(1)}°`);
      setText(readoutNodes.waist_height, "wh", `${readout("waist_height", lift, breath).toFixed(0)} mm`);
      setText(readoutNodes.head_pitch, "hp", `${readout("head_pitch", lift, breath).toFixed(1)}°`);
      setText(readoutNodes.lumbar_lordosis, "ll", `${readout("lumbar_lordosis", lift, breath).toFixed(1)}°`);
    }
    const r = (12 + 30 * f.breath).toFixed(1);
    if (r !== shownRing) paintRing((shownRing = r));
    const fill = Math.round(f.breath * barCanvas.width);
    if (fill !== shownFill) paintBar((shownFill = fill));
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
    "change:labels": () => { syncControls(); figure.repaint(); },
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
    figure.destroy();
    for (const observer of canvasObservers) observer.disconnect();
    for (const off of listeners) off();
    for (const [event, fn] of Object.entries(traitHandlers)) model.off(event, fn);
    if (audio) audio.close();
    root.remove();
  };
}

export default { render };
