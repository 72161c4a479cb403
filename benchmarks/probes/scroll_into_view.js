// Scroll `selector` to the middle of the viewport; return its box and whether it is fully in view.
(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: "center" });
  const r = el.getBoundingClientRect();
  return {
    top: r.top, bottom: r.bottom, left: r.left, right: r.right,
    width: window.innerWidth, height: window.innerHeight,
    fully: r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
  };
}
