// The breath cycle: ONE spec in the browser for every view that paces a breath (the animator
// and the session player). Python inlines this file ahead of each view's ES module (their
// `_esm` is this text followed by the view's), so the functions below are in scope there.
// They mirror widgets/model/breath.py, the reference; tests/browser/test_breath_spec.py holds
// them equal to it over a property-based grid, to 1e-9. Change both together.

/** Bounds of one breath cycle. `p` holds tempo (breaths/min), exhale_ratio (k of 1:k) and
 * hold_in, hold_out (s). Returns the period (s) and the ends of inhale, hold-in and exhale as
 * fractions of the period: {period, a, b, c} (breath.py `_bounds`). */
export function cycleBounds(p) {
  const breath = 60 / p.tempo;
  const inhale = breath / (1 + p.exhale_ratio);
  const period = breath + p.hold_in + p.hold_out;
  return {
    period,
    a: inhale / period,
    b: (inhale + p.hold_in) / period,
    c: 1 - p.hold_out / period,
  };
}

/** Start and end of each phase of nonzero length, in cycle order (breath.py `phase_bounds`). */
export function phaseBounds(bd, phases) {
  const spans = [[0, bd.a], [bd.a, bd.b], [bd.b, bd.c], [bd.c, 1]];
  const out = {};
  phases.forEach((name, k) => {
    if (spans[k][1] > spans[k][0]) out[name] = spans[k];
  });
  return out;
}

/** Breath fraction (0 = out, 1 = in) at cycle phase u in [0, 1) (breath.py `profile`). */
export function profile(u, bd) {
  if (u < bd.a) return 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max(u / bd.a, 0), 1));
  if (u < bd.b) return 1;
  if (u < bd.c) {
    const x = Math.min(Math.max((u - bd.b) / (bd.c - bd.b), 0), 1);
    return 0.5 + 0.5 * Math.cos(Math.PI * x);
  }
  return 0;
}

/** Index of the phase at cycle phase u (breath.py `phase_index`). */
export function phaseIndex(u, bd) {
  return u < bd.a ? 0 : u < bd.b ? 1 : u < bd.c ? 2 : 3;
}

/** Cycle phase after dt seconds: (u + dt / (factor * period)) mod 1 (breath.py `advance`). */
export function advance(u, dt, period, factor = 1) {
  const next = (u + dt / (factor * period)) % 1;
  return next >= 1 ? 0 : next;
}

/** Lift fraction on the lift's own cycle phase liftU ("lift-independent"). */
export function liftProfile(liftU) {
  return 0.5 - 0.5 * Math.cos(2 * Math.PI * liftU);
}

/** [lift, breath] fractions in exercise `mode` (breath.py `lift_and_breath`). */
export function liftAndBreath(mode, u, liftU, bd) {
  const breath = profile(u, bd);
  if (mode === "lift-with-breath") return [breath, breath];
  if (mode === "breath-only") return [0, breath];
  return [liftProfile(liftU), breath];
}
