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

// ---- painting: only when something moved ----
// The moving body is painted on a <canvas>: a frame costs one canvas repaint and no style,
// layout or paint of SVG elements. What does not move each frame stays SVG (the bed, the
// pillow, the reduced-motion ghost, the accessible name). The canvas is repainted whenever
// the pose asked for changes (never while it stands still). The SVG outlines of the ghost and
// the hover targets are rewritten only when some point has moved by more than MOVE_MM since
// it was last written (a tenth of a millimetre, well under a tenth of a pixel). No layout is
// read in the loop: the canvas learns its size from a ResizeObserver, its colours from
// breath_figure.css (read once per theme).
const MOVE_MM = 0.1;
// Style properties of a shape's class that the canvas paints with (breath_figure.css).
const PAINT_PROPS = ["fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width", "stroke-linejoin", "stroke-linecap"];

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

/** How a canvas paints a shape of CSS class `cls`: its computed style as drawn by SVG. */
function paintStyle(node) {
  const cs = getComputedStyle(node);
  const v = Object.fromEntries(PAINT_PROPS.map((p) => [p, cs.getPropertyValue(p).trim()]));
  const paint = (c) => (c && c !== "none" && c !== "transparent" ? c : null);
  return {
    fill: paint(v.fill),
    fillAlpha: Number.parseFloat(v["fill-opacity"] || "1"),
    stroke: paint(v.stroke),
    strokeAlpha: Number.parseFloat(v["stroke-opacity"] || "1"),
    width: Number.parseFloat(v["stroke-width"] || "1"),
    join: v["stroke-linejoin"] || "miter",
    cap: v["stroke-linecap"] || "butt",
  };
}

/** How a canvas writes text of the class of `node` (a hidden SVG <text>): colour and font. */
function textStyle(node) {
  const cs = getComputedStyle(node);
  const fill = cs.getPropertyValue("fill").trim();
  return {
    fill: fill && fill !== "none" ? fill : null,
    fillAlpha: Number.parseFloat(cs.getPropertyValue("fill-opacity") || "1"),
    font: `${cs.fontStyle} ${cs.fontWeight} ${Number.parseFloat(cs.fontSize)}px ${cs.fontFamily}`,
  };
}

/**
 * The lying figure of a scene. `svg` (the caller's, with its role and accessible name) gets
 * the class `gs-bla-figure gs-bla-front` and, at each `build`, its viewBox; it sizes the
 * drawing and holds the caller's own layers (labels) and, with a `<title>` each, a hover
 * target per vertebra and per contact mark (moved only while the pointer is over the
 * figure). The figure's element is `box` (class `gs-bla-figure-box`): the caller puts `box`
 * where the drawing goes. Inside it, under `svg`: an SVG `back` with `ghost` (the end pose in
 * dashed outline, for reduced motion; the caller shows or hides it) and the static `world`
 * (the bed, the pillow), and the `canvas` on which the body and, with `contacts`, a mark
 * where each soft-tissue outline rests are painted.
 *
 * A rigid shape (scene.shapes[k].rigid: a vertebra, the skull, the pelvis...) is painted from
 * its `local` points moved by its transform; the others (the skin, the legs, the lumbar
 * discs) from their points. `draw(lift, breath)` repaints only when something moved.
 *
 * Returns {box, canvas, world, ghost, build(scene) -> bool (false: nothing to draw),
 * draw(lift, breath), drawGhost(lift, breath), pointOf(k, index), centreOf(k), shapeAt: name
 * -> index, scene, pose, paints (canvas repaints so far), overlay, repaint(), destroy()}.
 * `overlay`, if set, is called at each repaint with `label(text, x, y)`, which writes text in
 * the style of the class `gs-bla-label`, centred at x with its baseline at y (mm) on top;
 * `onStyles`, if set, is called when the colours were read again (a new theme). With reduced motion a
 * view draws the rest pose (0, 0) and shows the ghost at `endPose(mode)`, as the animator
 * does. `destroy()` disconnects the figure's observers (call it in the view's cleanup).
 */
export function lyingFigure(svg, { contacts: withContacts = true } = {}) {
  svg.classList.add("gs-bla-figure", "gs-bla-front");
  const box = document.createElement("div");
  box.className = "gs-bla-figure-box";
  const back = svgNode("svg", { class: "gs-bla-figure gs-bla-back", "aria-hidden": "true", focusable: "false" });
  const canvas = document.createElement("canvas");
  canvas.className = "gs-bla-canvas";
  canvas.setAttribute("aria-hidden", "true");
  box.append(back, canvas, svg);
  const ghost = svgNode("g", { class: "gs-bla-ghost" });
  const world = svgNode("g", { class: "gs-bla-world" });
  const hover = svgNode("g", { class: "gs-bla-hover" });
  const palette = svgNode("g", { class: "gs-bla-palette", style: "display: none" });
  back.append(palette, ghost, world);
  svg.prepend(hover);
  const ctx = canvas.getContext("2d");

  let scene = null;
  let parts = []; // per shape: {meta, ghostNode, hitNode, at, radius, shown, ghostShown, path, style}
  let contacts = []; // per soft-tissue outline: {k, hitNode, x, y}
  let viewBox = null; // [x, y, width, height], mm
  let size = null; // the canvas's size, device pixels, and CSS pixels: {w, h, cssW, cssH}
  let styles = null; // class -> paintStyle, read from breath_figure.css per theme
  let styleKey = "";
  let contactStyle = null;
  let labelStyle = null;
  let hovering = false;
  let drawnPose = false; // figure.pose holds a pose that was asked for
  let drawnAt = [NaN, NaN]; // its lift and breath fractions
  const figure = { box, canvas, world, ghost, scene: null, pose: null, ghostPose: null, shapeAt: {}, paints: 0, overlay: null, onStyles: null };

  function shapeClass(meta) {
    return `gs-bla-${meta.kind}${meta.region ? ` gs-bla-${meta.region}` : ""}`;
  }

  function makeNode(meta, layer, extra = "") {
    const node = svgNode(meta.closed ? "polygon" : "polyline", { class: shapeClass(meta) + extra });
    if (meta.rigid) node.setAttribute("points", meta.local.join(" "));
    layer.append(node);
    return node;
  }

  /** Read each shape class's colours and strokes from the page's CSS (theme variables);
   * true if they changed since last read. Style reads only, outside the animation loop. */
  function readStyles() {
    if (!scene || !box.isConnected) return false;
    const next = {};
    for (const node of palette.children) {
      next[node.getAttribute("class")] = node.tagName === "text" ? textStyle(node) : paintStyle(node);
    }
    const key = JSON.stringify(next);
    if (key === styleKey) return false;
    styleKey = key;
    styles = next;
    contactStyle = next["gs-bla-contact"] || null;
    labelStyle = next["gs-bla-label"] || null;
    for (const part of parts) part.style = styles[shapeClass(part.meta)];
    if (figure.onStyles) figure.onStyles();
    return true;
  }

  // The theme can change at any time (JupyterLab sets attributes on <body> and loads its
  // CSS): read the colours again a few times after such a change and repaint if they moved.
  let themeTimers = [];
  const themeObserver = new MutationObserver(() => {
    for (const t of themeTimers) clearTimeout(t);
    themeTimers = [50, 400, 1500].map((ms) => setTimeout(() => { if (readStyles()) repaint(); }, ms));
  });
  themeObserver.observe(document.body, { attributes: true });
  themeObserver.observe(document.head, { childList: true });

  // The canvas matches the SVG's box in device pixels; the viewBox maps onto it as SVG's
  // default preserveAspectRatio (xMidYMid meet) maps it onto the SVG.
  const resizeObserver = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    const cssW = entry.contentRect.width, cssH = entry.contentRect.height;
    const device = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
    const w = device ? device.inlineSize : Math.round(cssW * devicePixelRatio);
    const h = device ? device.blockSize : Math.round(cssH * devicePixelRatio);
    if (size && size.w === w && size.h === h) return;
    size = { w, h, cssW, cssH };
    canvas.width = w;
    canvas.height = h;
    readStyles();
    repaint();
  });
  resizeObserver.observe(svg);

  function onEnter() {
    hovering = true;
    paintHover();
  }
  function onLeave() {
    hovering = false;
  }
  box.addEventListener("pointerenter", onEnter);
  box.addEventListener("pointerleave", onLeave);

  figure.build = (next) => {
    scene = figure.scene = next;
    world.replaceChildren();
    ghost.replaceChildren();
    hover.replaceChildren();
    palette.replaceChildren();
    parts = [];
    contacts = [];
    styleKey = "";
    styles = null;
    drawnPose = false;
    figure.pose = figure.ghostPose = null;
    if (ctx && size) ctx.clearRect(0, 0, size.w, size.h);
    if (!scene || !scene.shapes) return false;
    const [x0, x1, y0, y1] = scene.bounds;
    const pad = 40;
    viewBox = [x0 - pad, -(y1 + pad), x1 - x0 + 2 * pad, y1 - y0 + 2 * pad + 30];
    for (const s of [svg, back]) s.setAttribute("viewBox", viewBox.join(" "));
    const bed = svgNode("rect", { class: "gs-bla-bed", x: x0 - pad, y: 0, width: x1 - x0 + 2 * pad, height: 30 });
    const bedTop = svgNode("line", { class: "gs-bla-bed-top", x1: x0 - pad, y1: 0, x2: x1 + pad, y2: 0 });
    world.append(bed, bedTop);
    const flip = svgNode("g", { transform: "scale(1,-1)" });
    const ghostFlip = svgNode("g", { transform: "scale(1,-1)" });
    const hoverFlip = svgNode("g", { transform: "scale(1,-1)" });
    world.append(flip);
    ghost.append(ghostFlip);
    hover.append(hoverFlip);
    // the pillow: a static block (its corners at rest), drawn only when it has a height
    const block = scene.pillow_block;
    if (block && block.length === 8 && block[5] > 0) {
      flip.append(svgNode("polygon", { class: "gs-bla-pillow", points: block.join(" ") }));
    }
    const classes = new Set(["gs-bla-contact"]);
    let free = 0, rigid = 0;
    figure.shapeAt = {};
    parts = scene.shapes.map((meta, k) => {
      classes.add(shapeClass(meta));
      const len = meta.rigid ? 6 : 2 * meta.n;
      const at = meta.rigid ? 6 * rigid++ : (free += len) - len;
      figure.shapeAt[meta.name] = k;
      // the ghost (reduced motion) outlines the bones and the skin, not the soft tissue
      const ghostNode = meta.kind === "tissue" ? null : makeNode(meta, ghostFlip);
      // a vertebra says its name under the pointer (a transparent target, moved on hover)
      let hitNode = null;
      if (meta.kind === "vertebra") {
        hitNode = makeNode(meta, hoverFlip, " gs-bla-hit");
        const title = svgNode("title");
        title.textContent = meta.name;
        hitNode.append(title);
      }
      let radius = 0;
      let path = null;
      if (meta.rigid) {
        for (let q = 0; q < meta.local.length; q += 2) radius = Math.max(radius, Math.hypot(meta.local[q], meta.local[q + 1]));
        path = new Path2D();
        for (let q = 0; q < meta.local.length; q += 2) {
          if (q === 0) path.moveTo(meta.local[q], meta.local[q + 1]);
          else path.lineTo(meta.local[q], meta.local[q + 1]);
        }
        if (meta.closed) path.closePath();
      }
      return {
        meta,
        ghostNode,
        hitNode,
        at,
        radius,
        path,
        style: null,
        shown: new Float64Array(len).fill(NaN),
        ghostShown: new Float64Array(len).fill(NaN),
        hitShown: new Float64Array(meta.rigid ? 6 : 0).fill(NaN),
      };
    });
    for (const cls of classes) palette.append(svgNode("polygon", { class: cls }));
    palette.append(svgNode("text", { class: "gs-bla-label" })); // the caller's labels (overlay)
    // a small mark where each soft-tissue outline rests: on the bed, or on the pillow's top
    if (withContacts) {
      scene.shapes.forEach((meta, k) => {
        if (meta.kind !== "tissue" || !meta.rests_on) return;
        const hitNode = svgNode("rect", { class: "gs-bla-contact gs-bla-hit", x: -22, y: -7, width: 44, height: 7, rx: 3 });
        const title = svgNode("title");
        title.textContent = `${meta.name} rest${meta.name.endsWith("s") ? "" : "s"} on the ${meta.rests_on}`;
        hitNode.append(title);
        hoverFlip.append(hitNode);
        contacts.push({ k, hitNode, x: NaN, y: NaN, shownX: NaN, shownY: NaN });
      });
    }
    figure.pose = newPose(scene);
    figure.ghostPose = newPose(scene);
    readStyles();
    return true;
  };

  /** Write the ghost's SVG outlines for pose `p` (only those that moved). */
  function paintGhost(p) {
    for (const part of parts) {
      if (!part.ghostNode) continue;
      const shown = part.ghostShown;
      if (part.meta.rigid) {
        if (!(rigidMove(p.moves, part.at, shown, part.radius) <= MOVE_MM)) {
          for (let k = 0; k < 6; k++) shown[k] = p.moves[part.at + k];
          part.ghostNode.setAttribute("transform", matrixText(shown));
        }
      } else if (!(freeMove(p.coords, part.at, shown) <= MOVE_MM)) {
        for (let k = 0; k < shown.length; k++) shown[k] = p.coords[part.at + k];
        part.ghostNode.setAttribute("points", pointsText(shown, 0, part.meta.n));
      }
    }
  }

  // The canvas state last set, so that a colour string is parsed only when it changes.
  let set = {};
  function setPaint(style, fill) {
    if (set.alpha !== (fill ? style.fillAlpha : style.strokeAlpha)) ctx.globalAlpha = set.alpha = fill ? style.fillAlpha : style.strokeAlpha;
    if (fill) {
      if (set.fill !== style.fill) ctx.fillStyle = set.fill = style.fill;
      return;
    }
    if (set.stroke !== style.stroke) ctx.strokeStyle = set.stroke = style.stroke;
    if (set.width !== style.width) ctx.lineWidth = set.width = style.width;
    if (set.join !== style.join) ctx.lineJoin = set.join = style.join;
    if (set.cap !== style.cap) ctx.lineCap = set.cap = style.cap;
  }

  /** Paint the pose in figure.pose on the canvas (the whole figure, in scene order). */
  function repaint() {
    if (!ctx || !size || !styles || !viewBox || !drawnPose) return;
    const p = figure.pose;
    const [vx, vy, vw, vh] = viewBox;
    const s = Math.min(size.w / vw, size.h / vh);
    const tx = (size.w - vw * s) / 2 - vx * s;
    const ty = (size.h - vh * s) / 2 - vy * s;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    ctx.miterLimit = 4; // SVG's default
    set = {};
    for (const part of parts) {
      const { meta, style } = part;
      const shown = part.shown;
      const path = part.path; // a rigid shape's, in its own frame; null: the current path
      if (meta.rigid) {
        for (let k = 0; k < 6; k++) shown[k] = p.moves[part.at + k];
        const [a, b, c, d, e, f] = shown;
        // model mm (y up) -> canvas pixels: x' = s x + tx, y' = -s y + ty
        ctx.setTransform(s * a, -s * b, s * c, -s * d, s * e + tx, -s * f + ty);
      } else {
        for (let k = 0; k < shown.length; k++) shown[k] = p.coords[part.at + k];
        ctx.setTransform(s, 0, 0, -s, tx, ty);
        ctx.beginPath();
        ctx.moveTo(shown[0], shown[1]);
        for (let k = 2; k < shown.length; k += 2) ctx.lineTo(shown[k], shown[k + 1]);
        if (meta.closed) ctx.closePath();
      }
      if (!style) continue;
      if (style.fill) {
        setPaint(style, true);
        if (path) ctx.fill(path);
        else ctx.fill();
      }
      if (style.stroke && style.width > 0) {
        setPaint(style, false);
        if (path) ctx.stroke(path);
        else ctx.stroke();
      }
    }
    ctx.setTransform(s, 0, 0, -s, tx, ty);
    if (contactStyle && contactStyle.fill) {
      setPaint(contactStyle, true);
      ctx.beginPath();
      for (const c of contacts) {
        // under the lowest point of its outline, in whole mm (as the SVG marks were)
        const [x, y] = restPoint(scene, p, c.k);
        c.x = Math.round(x);
        c.y = Math.round(y);
        ctx.roundRect(c.x - 22, c.y - 7, 44, 7, 3);
      }
      ctx.fill();
    }
    if (figure.overlay && labelStyle && labelStyle.fill) {
      // the caller's labels, on top: text centred at x, its baseline at y (mm, y up)
      ctx.setTransform(s, 0, 0, s, tx, ty);
      setPaint(labelStyle, true);
      ctx.font = labelStyle.font;
      ctx.textAlign = "center";
      ctx.textBaseline = "alphabetic";
      figure.overlay((text, x, y) => ctx.fillText(text, Math.round(x), Math.round(-y)));
    }
    ctx.globalAlpha = 1;
    figure.paints += 1;
    if (hovering) paintHover();
  }

  /** Move the hover targets (vertebrae, contact marks) to the pose last painted. */
  function paintHover() {
    if (!drawnPose) return;
    for (const part of parts) {
      if (!part.hitNode) continue;
      const shown = part.hitShown;
      if (rigidMove(part.shown, 0, shown, part.radius) <= MOVE_MM) continue;
      shown.set(part.shown);
      part.hitNode.setAttribute("transform", matrixText(shown));
    }
    for (const c of contacts) {
      if (c.x === c.shownX && c.y === c.shownY) continue;
      c.shownX = c.x;
      c.shownY = c.y;
      c.hitNode.setAttribute("transform", `translate(${c.x} ${c.y})`);
    }
  }

  /** Draw the pose at fractions lift, breath (the same pose again paints nothing). */
  figure.draw = (lift, breath) => {
    if (!figure.pose || (drawnPose && lift === drawnAt[0] && breath === drawnAt[1])) return;
    poseAt(scene, lift, breath, figure.pose);
    drawnAt = [lift, breath];
    drawnPose = true;
    repaint();
  };

  /** Paint the last pose again (after the caller's overlay changed). */
  figure.repaint = () => repaint();

  /** Draw the ghost layer's pose at fractions lift, breath. */
  figure.drawGhost = (lift, breath) => {
    if (figure.ghostPose) paintGhost(poseAt(scene, lift, breath, figure.ghostPose));
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

  /** Stop observing size and theme (the view's cleanup). */
  figure.destroy = () => {
    resizeObserver.disconnect();
    themeObserver.disconnect();
    for (const t of themeTimers) clearTimeout(t);
    box.removeEventListener("pointerenter", onEnter);
    box.removeEventListener("pointerleave", onLeave);
  };

  return figure;
}
