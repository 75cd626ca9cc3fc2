/* INR Survey: the site's entry module, on every page (re-run on each instant navigation):
 * sortable tables, small accessibility fixes, and the page's own view (catalog, compare, lineage),
 * imported only on the page that has its root element.
 */
import { onEveryPage } from "./dom.js";

/** The pages' own views: the element a view starts in, and its module (exports start(root)). */
const VIEWS = [
  { root: ".inr-catalog[data-src]", load: () => import("./catalog.js") },
  { root: ".inr-compare[data-src]", load: () => import("./compare.js") },
  { root: "figure.inr-lineage[data-lineage]", load: () => import("./lineage.js") }
];

function cellKey(cell) {
  var tagged = cell.querySelector("[data-sort]");
  var text = tagged ? tagged.getAttribute("data-sort") : cell.textContent.trim();
  var number = Number(text);
  return text !== "" && !isNaN(number) ? { n: number, t: text } : { n: null, t: text.toLowerCase() };
}

function compare(a, b) {
  if (a.n !== null && b.n !== null) return a.n - b.n;
  return a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
}

function makeSortable(table) {
  if (table.dataset.inrSortable) return;
  table.dataset.inrSortable = "1";
  var headers = table.querySelectorAll("thead th");
  headers.forEach(function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "inr-sort";
    button.textContent = th.textContent;
    button.setAttribute("aria-label", "Sort by " + th.textContent.trim());
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r1, r2) {
        var result = compare(cellKey(r1.cells[index]), cellKey(r2.cells[index]));
        return ascending ? result : -result;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
}

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
  document.querySelectorAll('[data-sortable="true"] table').forEach(makeSortable);
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
