// SessionPlayer front end: check-in, settings, a progress ring and countdown, cues as text,
// tones and speech, pause and resume, check-out, then one message to Python with the session.
// breath_cycle.js (the one browser spec of the breath: cycleBounds, phaseIndex, profile,
// advance, liftAndBreath) and breath_figure.js (the animator's lying figure: lyingFigure,
// endPose) are inlined ahead of this module by session_player.py, so their functions are in
// scope: beside the ring the figure does the movement, drawn by the animator's code.
// Settings, limits, modes, phase names and cues come from traits (written in Python).

// Tone of each phase, Hz, in cycle order (as the animator).
const TONES = [392, 330, 262, 220];
const RING = 2 * Math.PI * 44; // circumference of the progress ring (r = 44 in a 100 box)

// ---- pure functions (tests/browser/test_session_player.py holds them to Python) ----

/** Rounds in a session (session_player_plan.py `planned_rounds`). */
export function planRounds(lengthBy, minutes, rounds, period) {
  if (lengthBy === "rounds") return rounds;
  return Math.max(1, Math.floor((60 * minutes) / period + 0.5));
}

/** Where a session stands after t seconds of practice (pauses excluded): the breath phase u
 * (breath_cycle `advance` from 0), the phase index, rounds done, seconds left, fraction done. */
export function sessionClock(t, bd, total) {
  const length = total * bd.period;
  const tt = Math.min(Math.max(t, 0), length);
  const u = advance(0, tt, bd.period);
  return {
    u,
    phase: phaseIndex(u, bd),
    breath: profile(u, bd),
    round: Math.min(Math.floor(tt / bd.period + 1e-9), total),
    left: length - tt,
    fraction: length > 0 ? tt / length : 1,
    done: tt >= length,
  };
}

/** Whole rounds in `seconds` of practice at `period` s per round. */
export function roundsIn(seconds, period) {
  return Math.floor(seconds / period + 1e-9);
}

/** "m:ss" for a number of seconds (rounded up: the countdown shows 0:00 only at the end). */
export function formatClock(seconds) {
  const s = Math.max(0, Math.ceil(seconds - 1e-9));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** ISO 8601 local time with its UTC offset, e.g. 2025-03-01T07:30:00.000+01:00. */
export function isoLocal(date) {
  const pad = (n, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, "0");
  const off = -date.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `.${pad(date.getMilliseconds(), 3)}${sign}${pad(off / 60)}:${pad(off % 60)}`
  );
}

// ---- DOM helpers ----
function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

let nextId = 0;

function painSelect(id) {
  const sel = h("select", { id, class: "gs-sp-pain" });
  sel.append(h("option", { value: "", text: "not recorded" }));
  for (let k = 0; k <= 10; k++) {
    const word = k === 0 ? " (no pain)" : k === 10 ? " (worst imaginable)" : "";
    sel.append(h("option", { value: String(k), text: `${k}${word}` }));
  }
  return sel;
}

function render({ model, el }) {
  const uid = `gs-sp-${++nextId}`;
  const reduceQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
  const limits = model.get("limits");
  const phases = model.get("phases");

  const root = h("div", {
    class: "gs-sp",
    tabindex: "0",
    role: "group",
    "aria-label": "Guided session. Space starts, pauses or resumes.",
  });
  root.dataset.state = "ready";

  // ---- check-in before ----
  const painBefore = painSelect(`${uid}-pain-before`);
  const noteBefore = h("textarea", { id: `${uid}-note-before`, rows: "2", maxlength: "2000" });
  const before = h("fieldset", { class: "gs-sp-before" }, [
    h("legend", { text: "1. Before you start" }),
    h("div", { class: "gs-sp-row" }, [
      h("label", { for: painBefore.id, text: "Pain now (0–10)" }),
      painBefore,
    ]),
    h("div", { class: "gs-sp-row" }, [
      h("label", { for: noteBefore.id, text: "Note (optional)" }),
      noteBefore,
    ]),
  ]);

  // ---- settings ----
  const lengthBy = h("select", { id: `${uid}-by` });
  lengthBy.append(h("option", { value: "minutes", text: "minutes" }), h("option", { value: "rounds", text: "rounds" }));
  const length = h("input", { type: "number", id: `${uid}-length`, inputmode: "decimal" });
  const tempo = h("input", { type: "range", id: `${uid}-tempo`, ...limits.tempo });
  const tempoOut = h("output", { for: tempo.id });
  const ratio = h("input", { type: "range", id: `${uid}-ratio`, ...limits.exhale_ratio });
  const ratioOut = h("output", { for: ratio.id });
  const modeSel = h("select", { id: `${uid}-mode` });
  for (const [v, label] of model.get("modes")) modeSel.append(h("option", { value: v, text: label }));
  const voiceBox = h("input", { type: "checkbox", id: `${uid}-voice` });
  const tonesBox = h("input", { type: "checkbox", id: `${uid}-tones` });
  const eyesBox = h("input", { type: "checkbox", id: `${uid}-eyes` });
  const voiceNote = h("span", { class: "gs-sp-hint" });
  const plan = h("p", { class: "gs-sp-plan" });
  const settingsBox = h("fieldset", { class: "gs-sp-settings" }, [
    h("legend", { text: "2. Your session" }),
    h("div", { class: "gs-sp-row" }, [
      h("label", { for: length.id, text: "Length" }),
      h("span", { class: "gs-sp-pair" }, [length, lengthBy]),
    ]),
    h("div", { class: "gs-sp-row" }, [h("label", { for: tempo.id, text: "Tempo" }), tempo, tempoOut]),
    h("div", { class: "gs-sp-row" }, [h("label", { for: ratio.id, text: "Inhale : exhale" }), ratio, ratioOut]),
    h("div", { class: "gs-sp-row" }, [h("label", { for: modeSel.id, text: "Mode" }), modeSel]),
    h("div", { class: "gs-sp-checks" }, [
      h("span", {}, [voiceBox, h("label", { for: voiceBox.id, text: "Spoken cues" }), voiceNote]),
      h("span", {}, [tonesBox, h("label", { for: tonesBox.id, text: "Soft tones" })]),
      h("span", {}, [eyesBox, h("label", { for: eyesBox.id, text: "Eyes closed (sound only, the screen dims)" })]),
    ]),
    plan,
  ]);
  lengthBy.setAttribute("aria-label", "Length in");

  // ---- the session: ring, countdown, cue, buttons ----
  const ring = svgNode("svg", { class: "gs-sp-ring", viewBox: "-50 -50 100 100", "aria-hidden": "true" });
  const track = svgNode("circle", { r: "44", class: "gs-sp-track" });
  const progress = svgNode("circle", { r: "44", class: "gs-sp-progress", transform: "rotate(-90)" });
  progress.setAttribute("stroke-dasharray", `${RING} ${RING}`);
  const breathDot = svgNode("circle", { r: "14", class: "gs-sp-breath" });
  ring.append(track, progress, breathDot);
  // the person doing the movement: the animator's figure and drawing (breath_figure.js)
  const figureSvg = svgNode("svg", {
    role: "img",
    "aria-label": "A person lying on their back on a bed, doing the movement with the session",
  });
  const figure = lyingFigure(figureSvg);
  figure.box.classList.add("gs-sp-figure");
  const countdown = h("div", { class: "gs-sp-countdown", role: "timer", "aria-live": "off" });
  const roundText = h("div", { class: "gs-sp-round" });
  // per-frame writes only when the value changes: writing the same text or attribute again
  // still invalidates style and layout in the browser
  const written = new Map();
  const setText = (node, text) => {
    if (written.get(node) !== text) {
      written.set(node, text);
      node.textContent = text;
    }
  };
  const setAttr = (node, name, v) => {
    const last = written.get(node) || {};
    if (last[name] !== v) {
      written.set(node, { ...last, [name]: v });
      node.setAttribute(name, v);
    }
  };
  const cueText = h("div", { class: "gs-sp-cue", "aria-live": "polite", role: "status" });
  const startBtn = h("button", { type: "button", class: "gs-sp-start", text: "Start" });
  const pauseBtn = h("button", { type: "button", class: "gs-sp-pause", "aria-pressed": "false", text: "Pause" });
  const endBtn = h("button", { type: "button", class: "gs-sp-end", text: "End now" });
  const stage = h("section", { class: "gs-sp-stage", "aria-label": "Session" }, [
    ring,
    figure.box,
    h("div", { class: "gs-sp-readout" }, [countdown, roundText, cueText]),
    h("div", { class: "gs-sp-buttons" }, [startBtn, pauseBtn, endBtn]),
  ]);

  // ---- check-out after ----
  const painAfter = painSelect(`${uid}-pain-after`);
  const noteAfter = h("textarea", { id: `${uid}-note-after`, rows: "2", maxlength: "2000" });
  const saveBtn = h("button", { type: "button", class: "gs-sp-save", text: "Save to my journal" });
  const discardBtn = h("button", { type: "button", class: "gs-sp-discard", text: "Don't save" });
  const after = h("fieldset", { class: "gs-sp-after" }, [
    h("legend", { text: "3. Afterwards" }),
    h("div", { class: "gs-sp-row" }, [h("label", { for: painAfter.id, text: "Pain now (0–10)" }), painAfter]),
    h("div", { class: "gs-sp-row" }, [h("label", { for: noteAfter.id, text: "Note (optional)" }), noteAfter]),
    h("div", { class: "gs-sp-buttons" }, [saveBtn, discardBtn]),
  ]);
  const status = h("p", { class: "gs-sp-status", role: "status", "aria-live": "polite" });
  const help = h("p", { class: "gs-sp-hint", text: "Keys: Space starts, pauses or resumes; Tab moves between controls." });
  root.append(before, settingsBox, stage, after, status, help);
  el.append(root);

  // ---- state ----
  let state = "ready"; // ready | running | paused | after
  let t = 0; // seconds practised (pauses excluded)
  let total = 1; // rounds planned
  let bd = null; // breath bounds of the running session
  let startedAt = null;
  let last = null;
  let lastPhase = -1;
  let raf = 0;
  let timer = 0;
  let audio = null;
  let drawnLift = NaN; // the figure's pose drawn last
  let drawnBreath = NaN;
  const debug = { state, t: 0, u: 0, round: 0, cues: [], channel: "", frames: 0, lift: 0, breath: 0 };
  root.gsDebug = debug;

  const synth = globalThis.speechSynthesis;
  const canSpeak = () =>
    !!synth && typeof globalThis.SpeechSynthesisUtterance === "function" && synth.getVoices().length > 0;

  function setTrait(name, value) {
    model.set(name, value);
    model.save_changes();
  }

  function settings() {
    return { tempo: model.get("tempo"), exhale_ratio: model.get("exhale_ratio"), hold_in: 0, hold_out: 0 };
  }

  function planned() {
    const b = cycleBounds(settings());
    return [planRounds(model.get("length_by"), model.get("minutes"), model.get("rounds"), b.period), b];
  }

  // ---- cues: text always; speech where there is a voice, tones otherwise or as well ----
  function tone(phase) {
    try {
      audio ??= new AudioContext();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = TONES[phase] ?? TONES[0];
      gain.gain.setValueAtTime(0.0001, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.05, audio.currentTime + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.4);
      return true;
    } catch (err) {
      console.warn("gentle-spine: sound unavailable", err);
      return false;
    }
  }

  function speak(text) {
    try {
      synth.cancel();
      const said = new SpeechSynthesisUtterance(text);
      said.rate = 0.9;
      said.volume = 0.8;
      synth.speak(said);
      return true;
    } catch (err) {
      console.warn("gentle-spine: speech unavailable", err);
      return false;
    }
  }

  /** Show `text` and, as chosen, say it or sound the phase's tone. */
  function giveCue(text, phase) {
    cueText.textContent = text;
    const eyes = model.get("eyes_closed");
    const wantVoice = model.get("voice") || eyes;
    const wantTones = model.get("tones") || eyes;
    let channel = "text";
    if (wantVoice && canSpeak() && speak(text)) channel = "speech";
    else if ((wantTones || wantVoice) && tone(phase)) channel = "tone";
    debug.channel = channel;
    debug.cues.push([text, channel]);
    if (debug.cues.length > 50) debug.cues.shift();
  }

  // ---- drawing ----
  /** The figure at fractions lift, breath; with reduced motion it rests and the ghost shows
   * the top of the movement (as in the animator). Only what moved is written. */
  function drawFigure(lift, breath) {
    const reduced = reduceQuery.matches;
    if (reduced) lift = breath = 0;
    if (lift === drawnLift && breath === drawnBreath) return;
    drawnLift = lift;
    drawnBreath = breath;
    debug.lift = lift;
    debug.breath = breath;
    figure.draw(lift, breath);
  }

  /** Build the figure from the `scene` trait and draw its ghost (the mode's end pose). */
  function buildFigure() {
    figure.build(model.get("scene"));
    drawnLift = drawnBreath = NaN;
    drawGhost();
    draw();
  }

  function drawGhost() {
    figure.drawGhost(...endPose(model.get("mode")));
    figure.ghost.style.display = reduceQuery.matches ? "" : "none";
  }

  function draw() {
    if (state === "ready" || !bd) {
      const [rounds, b] = planned();
      const secs = rounds * b.period;
      setText(countdown, formatClock(secs));
      setText(roundText, `${rounds} round${rounds === 1 ? "" : "s"}`);
      setAttr(progress, "stroke-dashoffset", String(RING));
      setAttr(breathDot, "r", "14");
      drawFigure(0, 0);
      return;
    }
    const c = sessionClock(t, bd, total);
    debug.t = t;
    debug.u = c.u;
    debug.round = c.round;
    setText(countdown, formatClock(c.left));
    setText(roundText, `round ${Math.min(c.round + 1, total)} of ${total}`);
    const reduce = reduceQuery.matches;
    // reduced motion: the ring fills a round at a time and the dot has two sizes, no glide
    const shown = reduce ? c.round / total : c.fraction;
    setAttr(progress, "stroke-dashoffset", (RING * (1 - shown)).toFixed(2));
    const breath = reduce ? (c.phase <= 1 ? 1 : 0) : c.breath;
    setAttr(breathDot, "r", (14 + 24 * breath).toFixed(2));
    // the figure: the session's breath, and the lift the mode gives (its own rhythm in
    // "lift-independent", from the start of the session like the breath)
    const practised = Math.min(Math.max(t, 0), total * bd.period);
    const liftU = advance(0, practised, bd.period, model.get("lift_period_factor"));
    drawFigure(...liftAndBreath(model.get("mode"), c.u, liftU, bd));
    if (state === "running" && c.phase !== lastPhase) {
      giveCue(model.get("cues")[model.get("mode")][phases[c.phase]], c.phase);
      lastPhase = c.phase;
    }
    root.dataset.phase = phases[c.phase];
  }

  // ---- the clock: rAF draws while visible, an interval keeps time when the screen is off ----
  function tick(now = performance.now()) {
    if (last === null) last = now;
    const dt = Math.min(Math.max((now - last) / 1000, 0), 5);
    last = now;
    if (state === "running") {
      t += dt;
      if (t >= total * bd.period) {
        t = total * bd.period;
        draw();
        finishPractice();
        return;
      }
    }
    debug.frames += 1;
    draw();
  }

  function frame(now) {
    raf = 0;
    if (state !== "running") return;
    tick(now);
    raf = requestAnimationFrame(frame);
  }

  function runClock() {
    last = null;
    if (!raf) raf = requestAnimationFrame(frame);
    if (!timer) timer = setInterval(() => { if (document.hidden) tick(); }, 250);
  }

  function stopClock() {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    if (timer) clearInterval(timer);
    timer = 0;
  }

  // ---- state changes ----
  function setState(next) {
    state = next;
    debug.state = next;
    root.dataset.state = next;
    const running = next === "running" || next === "paused";
    for (const c of [lengthBy, length, tempo, ratio, modeSel]) c.disabled = next !== "ready";
    for (const c of [painBefore, noteBefore]) c.disabled = next !== "ready";
    startBtn.hidden = next !== "ready";
    pauseBtn.hidden = !running;
    endBtn.hidden = !running;
    after.hidden = next !== "after";
    pauseBtn.textContent = next === "paused" ? "Resume" : "Pause";
    pauseBtn.setAttribute("aria-pressed", String(next === "paused"));
    root.classList.toggle("gs-sp-dim", running && model.get("eyes_closed"));
    if (next === "after") status.textContent = "Session over. Check in, then save it or not.";
  }

  function start() {
    [total, bd] = planned();
    t = 0;
    lastPhase = -1;
    startedAt = new Date();
    status.textContent = "";
    setState("running");
    runClock();
    draw();
  }

  function pause() {
    if (state !== "running") return;
    tick();
    stopClock();
    setState("paused");
    giveCue("Paused", 3);
  }

  function resume() {
    if (state !== "paused") return;
    lastPhase = -1;
    setState("running");
    runClock();
    draw();
  }

  function finishPractice() {
    stopClock();
    if (synth && canSpeak() && model.get("voice")) synth.cancel();
    setState("after");
    giveCue("Session complete. Rest a moment.", 3);
    painAfter.focus();
  }

  function sessionRecord() {
    const notes = [];
    if (noteBefore.value.trim()) notes.push(`before: ${noteBefore.value.trim()}`);
    if (noteAfter.value.trim()) notes.push(`after: ${noteAfter.value.trim()}`);
    const pain = (sel) => (sel.value === "" ? null : Number(sel.value));
    return {
      start: isoLocal(startedAt),
      duration_s: t,
      rounds: roundsIn(t, bd.period),
      tempo: model.get("tempo"),
      exhale_ratio: model.get("exhale_ratio"),
      mode: model.get("mode"),
      pain_before: pain(painBefore),
      pain_after: pain(painAfter),
      note: notes.join("\n"),
    };
  }

  function reset(message) {
    setState("ready");
    bd = null;
    t = 0;
    status.textContent = message;
    cueText.textContent = "";
    draw();
  }

  function toggle() {
    if (state === "ready") start();
    else if (state === "running") pause();
    else if (state === "paused") resume();
  }

  // ---- sync controls with traits ----
  function syncControls() {
    const by = model.get("length_by");
    lengthBy.value = by;
    const lim = limits[by];
    for (const k of ["min", "max", "step"]) length.setAttribute(k, lim[k]);
    length.value = model.get(by);
    const tp = model.get("tempo");
    tempo.value = tp;
    tempoOut.textContent = `${tp.toFixed(1)}/min · ${(60 / tp).toFixed(1)} s`;
    tempo.setAttribute("aria-valuetext", `${tp.toFixed(1)} breaths per minute, ${(60 / tp).toFixed(1)} seconds per breath`);
    const k = model.get("exhale_ratio");
    ratio.value = k;
    ratioOut.textContent = `1 : ${k}`;
    ratio.setAttribute("aria-valuetext", `inhale 1 to exhale ${k}`);
    modeSel.value = model.get("mode");
    voiceBox.checked = model.get("voice");
    tonesBox.checked = model.get("tones");
    eyesBox.checked = model.get("eyes_closed");
    voiceNote.textContent = canSpeak() ? "" : " (no voice in this browser: tones instead)";
    const [rounds, b] = planned();
    plan.textContent = `${rounds} round${rounds === 1 ? "" : "s"} of ${b.period.toFixed(1)} s = ${formatClock(rounds * b.period)} (min:s)`;
    if (state === "ready") draw();
  }

  const listeners = [];
  function on(target, event, fn) {
    target.addEventListener(event, fn);
    listeners.push(() => target.removeEventListener(event, fn));
  }

  on(lengthBy, "change", () => setTrait("length_by", lengthBy.value));
  on(length, "change", () => {
    const by = model.get("length_by");
    const { min, max } = limits[by];
    let v = Number(length.value);
    if (!Number.isFinite(v)) v = model.get(by);
    v = Math.min(max, Math.max(min, by === "rounds" ? Math.round(v) : v));
    setTrait(by, v);
    syncControls();
  });
  on(tempo, "input", () => setTrait("tempo", Number(tempo.value)));
  on(ratio, "input", () => setTrait("exhale_ratio", Number(ratio.value)));
  on(modeSel, "change", () => setTrait("mode", modeSel.value));
  on(voiceBox, "change", () => setTrait("voice", voiceBox.checked));
  on(tonesBox, "change", () => setTrait("tones", tonesBox.checked));
  on(eyesBox, "change", () => setTrait("eyes_closed", eyesBox.checked));
  on(startBtn, "click", start);
  on(pauseBtn, "click", () => (state === "paused" ? resume() : pause()));
  on(endBtn, "click", () => {
    if (state === "running") tick();
    finishPractice();
  });
  on(saveBtn, "click", () => {
    saveBtn.disabled = true;
    status.textContent = "Saving…";
    model.send({ type: "finish", session: sessionRecord() });
  });
  on(discardBtn, "click", () => reset("Not saved. Nothing was written to your journal."));
  on(root, "keydown", (e) => {
    const tag = e.target.tagName;
    const inControl = ["INPUT", "SELECT", "BUTTON", "TEXTAREA"].includes(tag);
    if (inControl && e.key !== "Tab") e.stopPropagation(); // keep JupyterLab's shortcuts out
    if (e.key === " " && !inControl) {
      e.preventDefault();
      e.stopPropagation();
      toggle();
    }
  });
  on(document, "visibilitychange", () => {
    if (!document.hidden && state === "running" && !raf) raf = requestAnimationFrame(frame);
  });
  const onCustom = (msg) => {
    if (!msg || typeof msg !== "object") return;
    saveBtn.disabled = false;
    if (msg.type === "saved") {
      reset(`Saved: session ${msg.id} in your journal (${msg.count} in all).`);
      root.dataset.saved = String(msg.id);
    } else if (msg.type === "refused") {
      status.textContent = `Not saved: ${msg.error}`;
    }
  };
  model.on("msg:custom", onCustom);
  const onVoices = () => syncControls();
  if (synth && synth.addEventListener) {
    synth.addEventListener("voiceschanged", onVoices);
    listeners.push(() => synth.removeEventListener("voiceschanged", onVoices));
  }
  const traitEvents = ["length_by", "minutes", "rounds", "tempo", "exhale_ratio", "mode", "voice", "tones", "eyes_closed"];
  for (const name of traitEvents) model.on(`change:${name}`, syncControls);
  model.on("change:mode", drawGhost);
  model.on("change:scene", buildFigure);
  const onReduce = () => { drawGhost(); draw(); };
  reduceQuery.addEventListener("change", onReduce);
  listeners.push(() => reduceQuery.removeEventListener("change", onReduce));

  setState("ready");
  buildFigure();
  syncControls();
  draw();

  return () => {
    stopClock();
    figure.destroy();
    for (const off of listeners) off();
    model.off("msg:custom", onCustom);
    for (const name of traitEvents) model.off(`change:${name}`, syncControls);
    model.off("change:mode", drawGhost);
    model.off("change:scene", buildFigure);
    if (audio) audio.close();
    root.remove();
  };
}

export default { render };
