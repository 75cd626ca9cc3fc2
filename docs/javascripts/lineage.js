/* INR Survey: the lineage graph's own view (lineage page).
 *
 * - Fit: the page carries the graph laid out for a phone; where the figure is wide enough,
 *   every element's geometry is swapped with its `data-alt` (the wide layout), and back.
 * - Trace: pointing at or focusing a method lights it, its ancestors and its descendants,
 *   and the edges between them; the rest is dimmed.
 * - Focus view: `?focus=<slug>` keeps one method's ancestors and descendants lit, says so
 *   above the graph, with a way back to the whole graph.
 */

/** Attributes each element keeps in `data-alt`, in order. */
const GEOMETRY = { svg: ["width", "height"], rect: ["y", "height"], text: ["y"], path: ["d"], foreignObject: ["x", "y"] };

function swap(element) {
  const names = GEOMETRY[element.localName] || GEOMETRY[element.tagName];
  const values = names.length === 1 ? [element.getAttribute("data-alt")] : element.getAttribute("data-alt").split(" ");
  const old = names.map((name) => element.getAttribute(name));
  names.forEach((name, i) => element.setAttribute(name, values[i]));
  element.setAttribute("data-alt", old.join(" "));
}

/** Every method reachable from `slug` along `next` (parents or children), without `slug`. */
function reach(slug, next) {
  const seen = new Set([slug]);
  const queue = [slug];
  while (queue.length) {
    (next.get(queue.shift()) || []).forEach((other) => {
      if (!seen.has(other)) { seen.add(other); queue.push(other); }
    });
  }
  seen.delete(slug);
  return seen;
}

export function start(root) {
  const svg = root.querySelector("svg.inr-lineage-svg");
  if (!svg) return () => {};
  if (root.inrLineageStop) root.inrLineageStop();  // started twice on one page: one view only
  const nodes = new Map();
  svg.querySelectorAll("a.inr-lin-box").forEach((a) => nodes.set(a.id.slice("lineage-node-".length), a));
  const edges = [];
  const parents = new Map();
  const children = new Map();
  svg.querySelectorAll("path[data-e]").forEach((path) => {
    const [source, target] = path.getAttribute("data-e").split(" ");
    edges.push({ path, source, target });
    if (!children.has(source)) children.set(source, []);
    if (!parents.has(target)) parents.set(target, []);
    children.get(source).push(target);
    parents.get(target).push(source);
  });

  // Fit: the wide layout where it fits, the narrow one (the page's own) elsewhere.
  // The layout shown is the figure's class, so that a second start on the same page agrees.
  function fit() {
    const wide = root.classList.contains("inr-lineage--wide");
    const width = Number(wide ? svg.getAttribute("width") : svg.getAttribute("data-alt").split(" ")[0]);
    if (root.clientWidth >= width === wide) return;
    swap(svg);
    svg.querySelectorAll("[data-alt]").forEach(swap);
    svg.setAttribute("viewBox", `0 0 ${svg.getAttribute("width")} ${svg.getAttribute("height")}`);
    root.classList.toggle("inr-lineage--wide", !wide);
  }
  // The observer's first call (after the first layout) fits the figure: no layout is forced
  // here. A focused method is scrolled to once the figure has its final geometry.
  let arrive = null;
  const resize = new ResizeObserver(() => {
    fit();
    if (arrive) { arrive(); arrive = null; }
  });
  resize.observe(root);

  // Trace: light a method, its ancestors and descendants.
  let lit = [];
  function clear() {
    lit.forEach((element) => element.classList.remove("is-self", "is-up", "is-down"));
    lit = [];
    svg.classList.remove("inr-lin-tracing");
  }
  function light(slug) {
    clear();
    if (!slug || !nodes.has(slug)) return null;
    const up = reach(slug, parents);
    const down = reach(slug, children);
    const mark = (element, kind) => { element.classList.add(kind); lit.push(element); };
    mark(nodes.get(slug).parentNode, "is-self");
    up.forEach((other) => mark(nodes.get(other).parentNode, "is-up"));
    down.forEach((other) => mark(nodes.get(other).parentNode, "is-down"));
    edges.forEach(({ path, source, target }) => {
      if (up.has(source) && (target === slug || up.has(target))) mark(path, "is-up");
      else if (down.has(target) && (source === slug || down.has(source))) mark(path, "is-down");
    });
    svg.classList.add("inr-lin-tracing");
    return { up: up.size, down: down.size };
  }

  const focus = new URLSearchParams(window.location.search).get("focus");
  const kept = nodes.has(focus) ? focus : null;
  let bar = null;
  if (kept) {
    const counts = light(kept);
    const name = nodes.get(kept).textContent;
    bar = document.createElement("p");
    bar.className = "inr-lin-focusbar";
    bar.setAttribute("role", "status");
    const strong = document.createElement("strong");
    strong.textContent = `Ancestors and descendants of ${name}`;
    const all = document.createElement("a");
    all.href = window.location.pathname;
    all.textContent = "Show the whole graph";
    const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    bar.append(strong, `: ${plural(counts.up, "earlier method")} it builds on, directly or not, and `
      + `${plural(counts.down, "later method")} building on it. `, all);
    root.prepend(bar);
    root.classList.add("inr-lineage--focus");
    if (!window.location.hash) arrive = () => nodes.get(kept).scrollIntoView({ block: "center" });
  }

  const back = () => light(kept);
  function over(event) {
    const box = event.target.closest && event.target.closest("a.inr-lin-box");
    if (box) light(box.id.slice("lineage-node-".length));
  }
  function out(event) {
    if (!event.relatedTarget || !svg.contains(event.relatedTarget)) back();
  }
  svg.addEventListener("pointerover", over);
  svg.addEventListener("focusin", over);
  svg.addEventListener("pointerleave", back);
  svg.addEventListener("focusout", out);

  root.inrLineageStop = () => {
    root.inrLineageStop = null;
    resize.disconnect();
    svg.removeEventListener("pointerover", over);
    svg.removeEventListener("focusin", over);
    svg.removeEventListener("pointerleave", back);
    svg.removeEventListener("focusout", out);
    if (bar) bar.remove();
  };
  return root.inrLineageStop;
}
