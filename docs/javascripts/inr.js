/* INR Survey: the site's entry module, on every page (re-run on each instant navigation):
 * sortable tables and the compare list (tables.js), the light/dark toggle (palette.js), small
 * accessibility fixes, and the page's own view (catalog, compare, lineage), imported only on the
 * page that has its root element.
 */
import { onEveryPage } from "./dom.js";
import { startPalette } from "./palette.js";
import { enhanceTables } from "./tables.js";

/** The pages' own views: the element a view starts in, and its module (exports start(root)). */
const VIEWS = [
  { root: ".inr-catalog[data-src]", load: () => import("./catalog.js") },
  { root: ".inr-compare[data-src]", load: () => import("./compare.js") },
  { root: ".inr-method-actions", load: () => import("./method.js") },
  { root: "figure.inr-lineage[data-lineage]", load: () => import("./lineage.js") }
];

let stops = [];  // stop functions of the views started on the page shown

/** Stop the views of the page left; start the views of the page shown. */
function startViews() {
  stops.forEach((stop) => stop());
  stops = [];
  VIEWS.forEach((view) => {
    const root = document.querySelector(view.root);
    if (!root) return;
    view.load().then((module) => { if (root.isConnected) stops.push(module.start(root)); })
      .catch((error) => console.error("INR Survey: a view could not load", error));
  });
}

function init() {
  enhanceTables();
  startPalette(document.querySelector("form[data-inr-palette]"));
  // Material's search dialog has no accessible name (axe-core: aria-dialog-name).
  const dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  startViews();
}

// Modules run once the page is parsed: start fetching the view and its index now, while the
// theme's bundle starts up; the view (started on document$) takes the same promises.
VIEWS.forEach((view) => {
  const root = document.querySelector(view.root);
  if (!root) return;
  view.load().catch(() => null);
  const src = root.getAttribute("data-src");  // the lineage view has no index to fetch
  if (src) import("./data.js").then((data) => data.loadIndex(src)).catch(() => null);
});

onEveryPage(init);
