/* INR Survey: sortable tables (every table marked data-sortable), the tick boxes of the task
 * comparison tables that put methods on the list to compare, and the "add to compare" control
 * of method pages. The list itself lives in picks.js.
 */
import { el } from "./dom.js";
import { compareUrl, getPicks, methodOfPage, setPicks, togglePick } from "./picks.js";

const MIN_COMPARE = 2;  // as the compare page's limits (data/catalog.json's compare_limits)
const MAX_COMPARE = 8;

function cellKey(cell) {
  const tagged = cell.querySelector("[data-sort]");
  const text = tagged ? tagged.getAttribute("data-sort") : cell.textContent.trim();
  const number = Number(text);
  return text !== "" && !isNaN(number) ? { n: number, t: text } : { n: null, t: text.toLowerCase() };
}

function compareKeys(a, b) {
  if (a.n !== null && b.n !== null) return a.n - b.n;
  return a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
}

/** Turn each header of `table` into a button that sorts its rows (ascending, then descending). */
export function makeSortable(table) {
  if (table.dataset.inrSortable) return;
  table.dataset.inrSortable = "1";
  const headers = table.querySelectorAll("thead th");
  headers.forEach((th, index) => {
    const label = th.textContent.trim();
    const button = el("button", { type: "button", class: "inr-sort", "aria-label": "Sort by " + label }, label);
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.prototype.slice.call(body.rows);
      rows.sort((r1, r2) => {
        const result = compareKeys(cellKey(r1.cells[index]), cellKey(r2.cells[index]));
        return ascending ? result : -result;
      });
      rows.forEach((row) => { body.appendChild(row); });
    });
  });
}

function rowSlug(row) {
  return row.id && row.id.indexOf("row-") === 0 ? row.id.slice(4) : null;
}

/** The tick boxes of one task table and its bar: "Compare N ticked" and "Clear". */
function pickTable(box) {
  const table = box.querySelector("table.inr-task-table");
  const bar = box.querySelector(".inr-pick-bar");
  if (!table || !bar || box.dataset.inrPicks) return;
  box.dataset.inrPicks = "1";
  const boxes = [];
  table.querySelectorAll("tbody tr").forEach((row) => {
    const slug = rowSlug(row);
    const name = row.querySelector("th a");
    if (!slug || !name) return;
    const input = el("input", { type: "checkbox", class: "inr-pick", "aria-label": "Compare " + name.textContent });
    input.dataset.slug = slug;
    input.addEventListener("change", () => {
      const picks = getPicks().filter((s) => s !== slug);
      setPicks(input.checked ? picks.concat([slug]) : picks);
    });
    row.cells[0].insertBefore(input, row.cells[0].firstChild);
    boxes.push(input);
  });
  const go = el("a", { class: "md-button inr-pick-go" });
  const clear = el("button", { type: "button", class: "md-button inr-pick-clear" }, "Clear the list");
  const status = el("span", { class: "inr-pick-status", role: "status" });
  clear.addEventListener("click", () => { setPicks([]); });
  const controls = el("span", { class: "inr-pick-controls" });
  [go, clear, status].forEach((n) => controls.appendChild(n));
  bar.appendChild(controls);
  const update = () => {
    const picks = getPicks();
    boxes.forEach((input) => { input.checked = picks.indexOf(input.dataset.slug) >= 0; });
    const count = picks.length;
    go.textContent = "Compare " + count + (count === 1 ? " method" : " methods");
    go.href = compareUrl(picks);
    go.hidden = !count;
    clear.hidden = !count;
    status.textContent = count < MIN_COMPARE ? "Tick " + MIN_COMPARE + " to " + MAX_COMPARE + " methods to compare them."
      : count > MAX_COMPARE ? "The first " + MAX_COMPARE + " are compared." : "";
  };
  update();
  return update;
}

/** A method page's control: add the method to the list to compare (or take it off), and open the list. */
function methodTray(article) {
  const slug = methodOfPage();
  const title = article.querySelector("h1");
  if (!slug || !title || article.querySelector(".inr-tray")) return null;
  const name = Array.prototype.filter.call(title.childNodes, (n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
  const tray = el("div", { class: "inr-tray", role: "group", "aria-label": "Compare" });
  const toggle = el("button", { type: "button", class: "md-button inr-tray-toggle" });
  const go = el("a", { class: "md-button inr-tray-go" });
  toggle.addEventListener("click", () => { togglePick(slug); });
  tray.appendChild(toggle);
  tray.appendChild(go);
  title.insertAdjacentElement("afterend", tray);
  const update = () => {
    const picks = getPicks();
    const on = picks.indexOf(slug) >= 0;
    toggle.textContent = on ? "✓ On the compare list" : "+ Add to compare";
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.title = (on ? "Take " + name + " off" : "Add " + name + " to") + " the list of methods to compare";
    go.textContent = "Compare (" + picks.length + ")";
    go.href = compareUrl(picks);
    go.hidden = !picks.length;
  };
  update();
  return update;
}

let listener = null;

/** Enhance the page shown: sortable tables, task-table tick boxes, a method page's compare control. */
export function enhanceTables() {
  document.querySelectorAll('[data-sortable="true"] table').forEach(makeSortable);
  // A scroll box the keyboard can reach (axe-core: scrollable-region-focusable).
  document.querySelectorAll(".inr-task-scroll").forEach((box) => { box.setAttribute("tabindex", "0"); });
  const updates = [];
  document.querySelectorAll(".inr-task-compare").forEach((box) => {
    const update = pickTable(box);
    if (update) updates.push(update);
  });
  const article = document.querySelector("article.md-content__inner");
  const tray = article && methodTray(article);
  if (tray) updates.push(tray);
  if (listener) {
    window.removeEventListener("inr-picks", listener);
    window.removeEventListener("storage", listener);
  }
  listener = () => { updates.forEach((u) => u()); };
  window.addEventListener("inr-picks", listener);
  window.addEventListener("storage", listener);
}
