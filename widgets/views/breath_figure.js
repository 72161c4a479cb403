// The lying figure: ONE drawing in the browser for every view that shows the body doing the
// movement (the animator and the session player). Python inlines this file ahead of each
// view's ES module, after breath_cycle.js (their `_esm` is the two files followed by the
// view's), so the functions below are in scope there; breath_figure.css is their shared style.
//
// The scene (a view's `scene` trait) is widgets/figures/supine_scene.py `scene_payload`: the
// lying model's key poses on a lift x breath grid. The pure functions mirror that module, the
// reference; tests/browser/test_breath_spec.py holds them equal to it over a property-based
// grid. `lyingFigure` draws a scene in an SVG and repaints it at any lift and breath fraction.

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element `tag` with attributes `attrs`. */
function svgNode(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

// ---- pure functions: the key-pose interpolation ----

/** Cell of a uniform key-pose grid `values` holding fraction x: [index, weight of index+1]. */
export function gridCell(values, x) {
  const n = values.length - 1;
  const f = Math.min(Math.max(x, 0), 1) * n;
  const i = Math.min(Math.floor(f), n - 1);
  return [i, f - i];
}

/** Bilinear interpolation of a lift x breath table of numbers or of flat number arrays
 * (supine_scene.py `interpolate`). Writes into `out` when given an array table. */
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
 * as drawn: a rigid shape's `local` points moved by its transform (supine_scene.py
 * `pose_points`). */
export function posePoints(scene, pose) {
  return scene.shapes.map((_, k) => shapePoints(scene, pose, k));
}

/** Points of shape `k` of a pose, flat [x0, y0, ...] (mm, bed frame), as drawn. */
export function shapePoints(scene, pose, k) {
  let free = 0, rigid = 0;
  for (let q = 0; q < k; q++) {
    if (scene.shapes[q].rigid) rigid++;
    else free += 2 * scene.shapes[q].n;
  }
  const shape = scene.shapes[k];
  const n = 2 * shape.n;
  if (!shape.rigid) return Array.from(pose.coords.subarray(free, free + n));
  const [a, b, c, d, e, f] = pose.moves.subarray(6 * rigid, 6 * rigid + 6);
  const out = new Array(n);
  for (let q = 0; q < n; q += 2) {
    const x = shape.local[q], y = shape.local[q + 1];
    out[q] = a * x + c * y + e;
    out[q + 1] = b * x + d * y + f;
  }
  return out;
}

/** Lowest point [x, y] (mm) of shape `k` of `scene` in `pose`: where a soft-tissue outline
 * rests on the bed or the pillow. Reads the pose buffers, allocates only the answer. */
/** Where soft-tissue shape `k` of `scene` rests in `pose`: [x, height of what it rests on], mm.
 * On the bed, or on the pillow under the head, that is under its lowest point; on a pillow
 * that props the shoulders, the point lowest over what lies under it: the pillow's top up to
 * the pillow's end toward the feet (the skin often rests on its corner), the bed beyond (as
 * widgets/figures/supine_figure.py's _rest_point). */
export function restPoint(scene, pose, k) {
  const shape = scene.shapes[k];
  const block = scene.pillow_block;
  if (shape.rests_on !== "pillow" || !block || !block.length) {
    return [lowestPoint(scene, pose, k)[0], 0];
  }
  const top = block[5];
  const edge = Math.max(block[0], block[2], block[4], block[6]);
  const pts = shapePoints(scene, pose, k);
  const n = pts.length / 2;
  let best = [NaN, Infinity], bestUnder = 0;
  const consider = (x, y) => {
    const under = x <= edge ? top : 0;
    if (y - under < best[1]) {
      best = [x, y - under];
      bestUnder = under;
    }
  };
  for (let q = 0; q < n; q++) {
    const x = pts[2 * q], y = pts[2 * q + 1];
    consider(x, y);
    const r = (q + 1) % n, xb = pts[2 * r], yb = pts[2 * r + 1];
    if ((x - edge) * (xb - edge) < 0) consider(edge, y + ((edge - x) / (xb - x)) * (yb - y));
  }
  return [best[0], bestUnder];
}

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

/** How far the waist rises at the top of the lift, whole mm, from the scene's readouts (the
 * model's waist height at full lift minus at rest, both without a breath); null if unknown. */
export function waistRise(scene) {
  const heights = scene && scene.readouts && scene.readouts.waist_height;
  if (!heights || heights.length < 2) return null;
  return Math.round(heights[heights.length - 1][0] - heights[0][0]);
}

/** [lift, breath] fractions at the top of the movement in exercise `mode`: the pose the
 * ghost outlines when motion is reduced (breath-only: a full breath and no lift). */
export function endPose(mode) {
  return mode === "breath-only" ? [0, 1] : [1, 1];
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

/**
 * The lying figure of a scene, drawn in the SVG element `svg` (which gets the class
 * `gs-bla-figure` and, at each `build`, its viewBox). Two layers are appended to it: `ghost`
 * (the end pose in dashed outline, for reduced motion; the caller shows or hides it) and
 * `world` (the bed, the pillow, the body and, with `contacts`, a mark where each soft-tissue
 * outline rests). A caller's own layers (labels) go after them.
 *
 * Each shape is drawn once. A rigid shape (scene.shapes[k].rigid: a vertebra, the skull, the
 * pelvis...) keeps the `points` it gets at `build` and moves by its `transform` attribute; the
 * others (the skin, the legs, the lumbar discs) get new `points`. `draw(lift, breath)` writes
 * only the shapes that moved.
 *
 * Returns {world, ghost, build(scene) -> bool (false: nothing to draw), draw(lift, breath),
 * drawGhost(lift, breath), pointOf(k, index), centreOf(k), shapeAt: name -> index, scene,
 * pose}. With reduced motion a view draws the rest pose (0, 0) and shows the ghost at
 * `endPose(mode)`, as the animator does.
 */
export function lyingFigure(svg, { contacts: withContacts = true } = {}) {
  svg.classList.add("gs-bla-figure");
  const world = svgNode("g", { class: "gs-bla-world" });
  const ghost = svgNode("g", { class: "gs-bla-ghost" });
  svg.append(ghost, world);

  let scene = null;
  let parts = []; // per shape: {meta, node, ghostNode, at, radius, shown, ghostShown}
  let contacts = []; // per soft-tissue outline: {k, mark, top (mm), shown}
  const figure = { world, ghost, scene: null, pose: null, ghostPose: null, shapeAt: {} };

  function shapeClass(meta) {
    return `gs-bla-${meta.kind}${meta.region ? ` gs-bla-${meta.region}` : ""}`;
  }

  function makeNode(meta, layer) {
    const node = svgNode(meta.closed ? "polygon" : "polyline", { class: shapeClass(meta) });
    if (meta.rigid) node.setAttribute("points", meta.local.join(" "));
    layer.append(node);
    return node;
  }

  figure.build = (next) => {
    scene = figure.scene = next;
    world.replaceChildren();
    ghost.replaceChildren();
    parts = [];
    contacts = [];
    figure.pose = figure.ghostPose = null;
    if (!scene || !scene.shapes) return false;
    const [x0, x1, y0, y1] = scene.bounds;
    const pad = 40;
    svg.setAttribute("viewBox", `${x0 - pad} ${-(y1 + pad)} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad + 30}`);
    const bed = svgNode("rect", { class: "gs-bla-bed", x: x0 - pad, y: 0, width: x1 - x0 + 2 * pad, height: 30 });
    const bedTop = svgNode("line", { class: "gs-bla-bed-top", x1: x0 - pad, y1: 0, x2: x1 + pad, y2: 0 });
    world.append(bed, bedTop);
    const flip = svgNode("g", { transform: "scale(1,-1)" });
    const ghostFlip = svgNode("g", { transform: "scale(1,-1)" });
    world.append(flip);
    ghost.append(ghostFlip);
    // the pillow: a static block (its corners at rest), drawn only when it has a height
    const block = scene.pillow_block;
    if (block && block.length === 8 && block[5] > 0) {
      flip.append(svgNode("polygon", { class: "gs-bla-pillow", points: block.join(" ") }));
    }
    let free = 0, rigid = 0;
    figure.shapeAt = {};
    parts = scene.shapes.map((meta, k) => {
      const node = makeNode(meta, flip);
      if (meta.kind === "vertebra") {
        const title = svgNode("title");
        title.textContent = meta.name;
        node.append(title);
      }
      const size = meta.rigid ? 6 : 2 * meta.n;
      const at = meta.rigid ? 6 * rigid++ : (free += size) - size;
      figure.shapeAt[meta.name] = k;
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
    if (withContacts) {
      const markLayer = svgNode("g", { class: "gs-bla-contacts" });
      flip.append(markLayer);
      scene.shapes.forEach((meta, k) => {
        if (meta.kind !== "tissue" || !meta.rests_on) return;
        const mark = svgNode("rect", { class: "gs-bla-contact", x: -22, y: -7, width: 44, height: 7, rx: 3 });
        const title = svgNode("title");
        title.textContent = `${meta.name} rest${meta.name.endsWith("s") ? "" : "s"} on the ${meta.rests_on}`;
        mark.append(title);
        markLayer.append(mark);
        contacts.push({ k, mark, shown: "" });
      });
    }
    figure.pose = newPose(scene);
    figure.ghostPose = newPose(scene);
    return true;
  };

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

  /** Move each contact mark under the lowest point of its outline (whole mm: cheap). */
  function paintContacts() {
    for (const c of contacts) {
      const [x, y] = restPoint(scene, figure.pose, c.k);
      const text = `translate(${Math.round(x)} ${Math.round(y)})`;
      if (text !== c.shown) {
        c.mark.setAttribute("transform", text);
        c.shown = text;
      }
    }
  }

  /** Draw the pose at fractions lift, breath (only the shapes that moved are written). */
  figure.draw = (lift, breath) => {
    if (!figure.pose) return;
    paint(poseAt(scene, lift, breath, figure.pose));
    paintContacts();
  };

  /** Draw the ghost layer's pose at fractions lift, breath. */
  figure.drawGhost = (lift, breath) => {
    if (figure.ghostPose) paint(poseAt(scene, lift, breath, figure.ghostPose), true);
  };

  /** Point `index` of shape `k` in the pose drawn last, mm. */
  figure.pointOf = (k, index) => {
    const part = parts[k];
    const pose = figure.pose;
    if (!part.meta.rigid) return [pose.coords[part.at + 2 * index], pose.coords[part.at + 2 * index + 1]];
    const m = pose.moves.subarray(part.at, part.at + 6);
    const x = part.meta.local[2 * index], y = part.meta.local[2 * index + 1];
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  };

  /** Mean of the points of shape `k` in the pose drawn last, mm (a rigid shape's translation). */
  figure.centreOf = (k) => {
    const part = parts[k];
    const pose = figure.pose;
    if (part.meta.rigid) return [pose.moves[part.at + 4], pose.moves[part.at + 5]];
    let x = 0, y = 0;
    for (let q = part.at, end = part.at + 2 * part.meta.n; q < end; q += 2) {
      x += pose.coords[q];
      y += pose.coords[q + 1];
    }
    return [x / part.meta.n, y / part.meta.n];
  };

  return figure;
}
