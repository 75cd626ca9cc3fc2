/* INR Survey: shared helpers, sortable tables and small accessibility fixes. Re-initialised on every page (instant navigation). */
(function () {
  "use strict";

  /** Helpers shared by the site's scripts (catalog.js, search.js), loaded first. */
  window.INR = {
    /** The site's root URL, from the base path Material writes into every page. */
    siteRoot: function () {
      var config = document.getElementById("__config");
      var base = ".";
      try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
      return new URL(base.replace(/\/?$/, "/"), window.location.href);
    },
    /** An element with attributes and text content (never parsed as HTML). */
    el: function (tag, attrs, text) {
      var node = document.createElement(tag);
      if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
    }
  };

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

  function init() {
    document.querySelectorAll('[data-sortable="true"] table').forEach(makeSortable);
    // Material's search dialog has no accessible name (axe-core: aria-dialog-name).
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
