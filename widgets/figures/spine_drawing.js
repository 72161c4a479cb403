// SpineDrawing front end: draws the spines of the `scene` trait in SVG (mm, y down).
// Python sends the whole scene on every change; when the parts are the same (a new age, a
// new preset) only their points and texts change, so the drawing morphs without rebuilding.
// The trait is the single source of truth; `render` returns its cleanup.

const SVG = "http://www.w3.org/2000/svg";

function svgNode(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** "x0,y0 x1,y1 ..." from a flat [x0, y0, x1, y1, ...]. */
export function pointsAttr(flat) {
  let out = "";
  for (let k = 0; k < flat.length; k += 2) out += `${flat[k]},${flat[k + 1]} `;
  return out.trimEnd();
}

/** A key that changes only when the drawing needs new nodes (not for new coordinates). */
export function structureKey(scene) {
  return (scene.spines || [])
    .map((s) => `${s.shapes.map((p) => p.name).join(",")}|${s.labels.map((l) => l.lines.length).join(",")}`)
    .join("/");
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "gs-spd";
  const svg = svgNode("svg", { class: "gs-spd-svg", role: "img" });
  const tip = document.createElement("div");
  tip.className = "gs-spd-tip";
  tip.setAttribute("aria-hidden", "true");
  root.append(svg, tip);
  el.append(root);

  let key = null;
  let nodes = []; // per spine: {title, shapes: [polygon], labels: [text], hip}

  function setLines(text, lines, x) {
    const spans = text.children;
    lines.forEach((line, i) => {
      spans[i].textContent = line;
      spans[i].setAttribute("x", x);
    });
  }

  function build(scene) {
    svg.replaceChildren();
    nodes = [];
    for (const spine of scene.spines) {
      const group = svgNode("g", { class: "gs-spd-spine" });
      const shapes = spine.shapes.map((shape) => {
        const node = svgNode("polygon", { class: `gs-spd-${shape.kind}`, "vector-effect": "non-scaling-stroke" });
        group.append(node);
        return node;
      });
      const hip = svgNode("circle", { class: "gs-spd-hip", r: 6 });
      const labels = spine.labels.map((label) => {
        const text = svgNode("text", { class: `gs-spd-label${label.colour ? "" : " gs-spd-plain"}` });
        label.lines.forEach((_, i) => {
          const span = svgNode("tspan", { dy: i === 0 ? "0" : "1.2em" });
          if (i > 0) span.setAttribute("class", "gs-spd-value");
          text.append(span);
        });
        return text;
      });
      const title = svgNode("text", { class: "gs-spd-title", "text-anchor": "middle" });
      group.append(hip, ...labels, title);
      svg.append(group);
      nodes.push({ shapes, labels, hip, title });
    }
    const bar = svgNode("g", { class: "gs-spd-scale" });
    bar.append(svgNode("line", {}), svgNode("text", { "text-anchor": "middle" }));
    svg.append(bar);
  }

  function draw() {
    const scene = model.get("scene");
    if (!scene || !scene.spines) return;
    const newKey = structureKey(scene);
    if (newKey !== key) {
      build(scene);
      key = newKey;
    }
    const [vx, vy, vw, vh] = scene.viewBox;
    svg.setAttribute("viewBox", `${vx} ${vy} ${vw} ${vh}`);
    svg.setAttribute("aria-label", scene.label);
    root.style.maxWidth = `${scene.width}px`;
    root.style.setProperty("--gs-spd-font", `${scene.fontSize}px`);
    for (const [name, colour] of Object.entries(scene.palette)) root.style.setProperty(`--gs-${name}`, colour);
    scene.spines.forEach((spine, s) => {
      const n = nodes[s];
      spine.shapes.forEach((shape, k) => {
        const node = n.shapes[k];
        node.setAttribute("points", pointsAttr(shape.points));
        node.style.fill = `var(--gs-${shape.colour})`;
        node.style.stroke = `var(--gs-${shape.colour})`;
        node.style.fillOpacity = shape.opacity;
        node.style.strokeWidth = shape.width;
        node.dataset.hover = `${shape.hover} · ${spine.title}`;
      });
      spine.labels.forEach((label, k) => {
        const text = n.labels[k];
        text.setAttribute("x", label.x);
        text.setAttribute("y", label.y);
        text.setAttribute("text-anchor", label.anchor);
        if (label.colour) text.style.fill = `var(--gs-${label.colour})`;
        setLines(text, label.lines, label.x);
      });
      n.hip.setAttribute("cx", spine.hip[0]);
      n.hip.setAttribute("cy", spine.hip[1]);
      n.title.setAttribute("x", spine.titleX);
      n.title.setAttribute("y", spine.titleY);
      n.title.textContent = spine.title;
    });
    const sb = scene.scaleBar;
    const [line, text] = svg.querySelector(".gs-spd-scale").children;
    for (const [k, v] of Object.entries({ x1: sb.x, x2: sb.x + sb.mm, y1: sb.y, y2: sb.y })) line.setAttribute(k, v);
    text.setAttribute("x", sb.x + sb.mm / 2);
    text.setAttribute("y", sb.y - 0.5 * scene.fontSize);
    text.textContent = `${sb.mm} mm · facing right →`;
  }

  function showTip(event) {
    const label = event.target.dataset && event.target.dataset.hover;
    if (!label) {
      tip.style.display = "none";
      return;
    }
    const box = root.getBoundingClientRect();
    tip.textContent = label;
    tip.style.display = "block";
    tip.style.left = `${event.clientX - box.left + 12}px`;
    tip.style.top = `${event.clientY - box.top + 12}px`;
  }
  const hideTip = () => (tip.style.display = "none");

  svg.addEventListener("pointermove", showTip);
  svg.addEventListener("pointerleave", hideTip);
  model.on("change:scene", draw);
  draw();

  return () => {
    model.off("change:scene", draw);
    svg.removeEventListener("pointermove", showTip);
    svg.removeEventListener("pointerleave", hideTip);
    root.remove();
  };
}

export default { render };
