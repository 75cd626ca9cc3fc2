/* INR Survey compare page: the methods named in ?methods=a,b,c side by side.
 *
 * Loaded by inr.js only on the compare page. Reads the compact index (data/catalog.json,
 * through data.js), so the address alone reproduces the view. Unknown slugs are named in a visible message;
 * fewer than the minimum or more than the maximum of methods are explained (beyond the
 * maximum, the first ones are shown and the rest named). "Download BibTeX" fetches exactly
 * the shown entries. Below the facts, one row per benchmark that at least two of the shown
 * methods report on, with the numbers as their papers print them (data/results.json, loaded
 * after the table; the table's data-results says when the rows are in: "shown", "none" when
 * no benchmark is shared, "failed"). All data is inserted with textContent and checked URLs,
 * never as HTML.
 */
import { el, safeUrl } from "./dom.js";
import { bibDownload, bibtexOf, loadIndex, loadResults } from "./data.js";

const MAX_SLUG_SHOWN = 64;

/** The rows of the table after the name: label and a function filling a cell for a method. */
const ROWS = [
  ["title", "Title", function (m) { return m.title; }],
  ["authors", "Authors", function (m) { return m.authors.join(", "); }],
  ["venue", "Venue", function (m) { return m.venue_kind === "preprint" ? "arXiv preprint (not peer-reviewed)" : m.venue_name + " (" + m.venue + ")"; }],
  ["year", "Year", function (m) { return m.year ? String(m.year) : null; }],
  ["field", "Field", function (m) { return m.field; }],
  ["tasks", "Tasks (primary first)", function (m) { return m.tasks.join("; "); }],
  ["representation", "Representation", function (m) { return m.representations.join(" + ") || null; }],
  ["key_idea", "Key idea", function (m) { return m.key_idea || null; }],
  ["inputs", "Inputs", function (m) { return m.inputs.join("; ") || null; }],
  ["outputs", "Outputs", function (m) { return m.outputs.join("; ") || null; }],
  ["tags", "Tags", function (m, index) { return m.tags.map(function (t) { return index.tagNames.get(t) || t; }).join(", ") || null; }],
  ["code", "Code", codeCell],
  ["builds_on", "Builds on", buildsOnCell],
  ["links", "Paper and project", linksCell]
];

function list(items) {
  if (!items.length) return null;
  var ul = el("ul", { class: "inr-compare-list" });
  items.forEach(function (node) { var li = el("li"); li.appendChild(node); ul.appendChild(li); });
  return ul;
}

function codeCell(m) {
  return list(m.code.filter(function (c) { return safeUrl(c.url); }).map(function (c) {
    var span = el("span");
    span.appendChild(el("a", { href: c.url, rel: "noopener" }, c.framework || "code"));
    span.appendChild(document.createTextNode(c.official ? " (official)" : " (unofficial)"));
    return span;
  }));
}

function buildsOnCell(m, index) {
  return list(m.builds_on_slugs.map(function (slug) {
    var target = index.bySlug.get(slug);
    return target ? el("a", { href: target.page }, target.name) : el("span", null, slug);
  }));
}

function linksCell(m) {
  return list([["paper", m.paper_url], ["project page", m.project]].filter(function (pair) {
    return safeUrl(pair[1]);
  }).map(function (pair) { return el("a", { href: pair[1], rel: "noopener" }, pair[0]); }));
}

function shortSlug(slug) {
  return "“" + (slug.length > MAX_SLUG_SHOWN ? slug.slice(0, MAX_SLUG_SHOWN) + "…" : slug) + "”";
}

/** The slugs named in ?methods=, in order, without repeats. */
function requested() {
  var value = new URLSearchParams(window.location.search).get("methods") || "";
  var seen = new Set();
  return value.split(",").map(function (s) { return s.trim(); }).filter(function (s) {
    if (!s || seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

function message(parent, className, parts) {
  var p = el("p", { class: "inr-compare-message " + className, role: "alert" });
  parts.forEach(function (part) { p.appendChild(typeof part === "string" ? document.createTextNode(part) : part); });
  parent.appendChild(p);
}

/** Messages for unknown slugs and for a number of methods outside the limits. */
function explain(parent, index, unknown, known, shown) {
  var limits = index.data.compare_limits;
  var catalogLink = el("a", { href: index.url("catalog") }, "catalog");
  if (unknown.length) {
    message(parent, "inr-compare-unknown", [
      (unknown.length === 1 ? "No method of the survey has the slug " : "No method of the survey has the slugs ")
      + unknown.map(shortSlug).join(", ") + (unknown.length === 1 ? "; it is left out." : "; they are left out.")
    ]);
  }
  if (!known.length) {
    message(parent, "inr-compare-range", ["No method to compare: this address names none of the survey's methods. Tick "
      + limits.min + " to " + limits.max + " methods in the ", catalogLink, " and choose Compare."]);
  } else if (known.length < limits.min) {
    message(parent, "inr-compare-range", ["Compare is meant for " + limits.min + " to " + limits.max
      + " methods; this address names only " + (known.length === 1 ? "one" : known.length) + ". Add more in the ", catalogLink, "."]);
  } else if (known.length > shown.length) {
    message(parent, "inr-compare-range", ["Compare shows at most " + limits.max + " methods side by side; this address names "
      + known.length + ". The first " + shown.length + " are shown; left out: "
      + known.slice(shown.length).map(function (m) { return m.name; }).join(", ") + "."]);
  }
}

function table(index, methods) {
  var wrap = el("div", { class: "inr-compare-scroll", role: "region", "aria-label": "Comparison table (scrolls sideways)", tabindex: "0" });
  var t = el("table", { class: "inr-compare-table" });
  t.appendChild(el("caption", null, methods.length === 1 ? "One method" : methods.length + " methods side by side"));
  var head = el("tr", { "data-row": "name" });
  head.appendChild(el("th", { scope: "col" }, "Method"));
  methods.forEach(function (m) {
    var th = el("th", { scope: "col", "data-slug": m.slug });
    th.appendChild(el("a", { href: m.page }, m.name));
    head.appendChild(th);
  });
  var thead = el("thead");
  thead.appendChild(head);
  t.appendChild(thead);
  var body = el("tbody");
  ROWS.forEach(function (row) {
    var tr = el("tr", { "data-row": row[0] });
    tr.appendChild(el("th", { scope: "row" }, row[1]));
    methods.forEach(function (m) {
      var value = row[2](m, index);
      var td = el("td", { "data-slug": m.slug });
      if (value === null || value === undefined || value === "") td.appendChild(el("span", { class: "inr-compare-none" }, "none"));
      else if (typeof value === "string") td.textContent = value;
      else td.appendChild(value);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  t.appendChild(body);
  wrap.appendChild(t);
  return wrap;
}

/** The benchmarks, in declared order, that at least two of `methods` report on. */
export function sharedBenchmarks(results, methods) {
  return results.benchmarks.filter(function (bench) {
    return methods.filter(function (m) {
      var perBench = results.byMethod.get(m.slug);
      return perBench !== undefined && perBench.has(bench.id);
    }).length >= 2;
  });
}

/** One reported result as text: "PSNR 27.21 · SSIM 0.815 (variant)". */
function resultText(results, row) {
  var values = row.values.map(function (pair) {
    var metric = results.metrics.get(pair[0]);
    return (metric ? metric.name : pair[0]) + " " + pair[1];
  }).join(" · ");
  return values + (row.variant ? " (" + row.variant + ")" : "");
}

function resultCell(results, rows) {
  return list(rows.map(function (row) {
    var span = el("span", { class: "inr-compare-result" }, resultText(results, row));
    if (row.protocol || row.scenes.length) {
      var note = [row.protocol, row.scenes.length ? row.scenes.length + " scenes: " + row.scenes.join(", ") : ""]
        .filter(Boolean).join("; ");
      span.appendChild(el("span", { class: "inr-compare-deviation" }, " — deviates: " + note));
    }
    span.title = "Where: " + row.source;
    return span;
  }));
}

/** Rows for the benchmarks the shown methods share, after a heading row; returns how many. */
function addResultRows(body, index, results, methods) {
  var shared = sharedBenchmarks(results, methods);
  if (!shared.length) return 0;
  var heading = el("tr", { "data-row": "results" });
  heading.appendChild(el("th", { scope: "colgroup", colspan: String(methods.length + 1), class: "inr-compare-group" },
    "Reported results on the benchmarks these methods share, as each paper prints them (not re-run under one protocol)"));
  body.appendChild(heading);
  shared.forEach(function (bench) {
    var tr = el("tr", { "data-row": "benchmark:" + bench.id });
    var th = el("th", { scope: "row" });
    th.appendChild(el("a", { href: new URL(bench.url, index.base).href }, bench.name));
    tr.appendChild(th);
    methods.forEach(function (m) {
      var perBench = results.byMethod.get(m.slug);
      var rows = perBench !== undefined ? perBench.get(bench.id) : undefined;
      var td = el("td", { "data-slug": m.slug });
      if (rows === undefined) td.appendChild(el("span", { class: "inr-compare-none" }, "none"));
      else td.appendChild(resultCell(results, rows));
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  return shared.length;
}

/** Load the reported results and add the shared benchmarks' rows to the shown table. */
function showResults(wrap, index, methods) {
  var t = wrap.querySelector("table");
  loadResults(index)
    .then(function (results) {
      var added = addResultRows(t.querySelector("tbody"), index, results, methods);
      t.setAttribute("data-results", added ? "shown" : "none");
    })
    .catch(function (error) {
      t.setAttribute("data-results", "failed");
      wrap.parentNode.insertBefore(el("p", { class: "inr-compare-message", role: "alert" },
        "The reported results could not load (" + error.message + ")."), wrap.nextSibling);
    });
}

function actions(index, methods) {
  var bar = el("div", { class: "inr-compare-actions" });
  var status = el("p", { class: "inr-bib-status", role: "alert" });
  var button = el("button", { type: "button", class: "md-button inr-compare-download" },
    "Download BibTeX (" + methods.length + (methods.length === 1 ? " entry)" : " entries)"));
  button.addEventListener("click", function () {
    bibDownload(button, status, "inr-survey-compare.bib", function () { return bibtexOf(index, methods); });
  });
  bar.appendChild(button);
  var edit = new URL(index.url("catalog"));
  edit.search = "?sel=" + methods.map(function (m) { return encodeURIComponent(m.slug); }).join(",");
  bar.appendChild(el("a", { href: edit.href, class: "md-button inr-compare-edit" }, "Change the selection in the catalog"));
  bar.appendChild(status);
  return bar;
}

function render(root, index) {
  root.querySelectorAll(".inr-compare-static").forEach(function (n) { n.hidden = true; });
  var app = el("div", { class: "inr-compare-app" });
  var slugs = requested();
  var known = slugs.filter(function (s) { return index.bySlug.has(s); }).map(function (s) { return index.bySlug.get(s); });
  var unknown = slugs.filter(function (s) { return !index.bySlug.has(s); });
  var shown = known.slice(0, index.data.compare_limits.max);
  explain(app, index, unknown, known, shown);
  if (shown.length) {
    app.appendChild(actions(index, shown));
    var wrap = table(index, shown);
    app.appendChild(wrap);
    showResults(wrap, index, shown);
    document.title = "Compare " + shown.map(function (m) { return m.name; }).join(", ") + " - " + document.title.replace(/^Compare methods - /, "");
  }
  root.appendChild(app);
}

/** Show the comparison in `root` (an element with data-src, the index's address). */
export function start(root) {
  loadIndex(root.getAttribute("data-src"))
    .then(function (index) { if (root.isConnected) render(root, index); })
    .catch(function (error) {
      root.insertBefore(el("p", { class: "inr-compare-message", role: "alert" }, "The comparison could not load (" + error.message + ")."), root.firstChild);
    });
  return function () {};
}
