/* INR Survey compare page: the methods named in ?methods=a,b,c side by side, oldest first.
 *
 * Loaded by inr.js only on the compare page. Reads the compact index (data/catalog.json,
 * through data.js), so the address alone reproduces the view. Unknown slugs are named in a visible message;
 * fewer than the minimum or more than the maximum of methods are explained (beyond the
 * maximum, the first ones named are shown and the rest named). Columns follow the first
 * posting (the publication year where a method has none), whatever the order of the address.
 * A picker (a search box over the methods) adds methods, each column can be removed, and the
 * shown methods become the compare list of picks.js. "Download BibTeX", "Copy BibTeX" and
 * "Copy \cite keys" take exactly the shown entries. Below the facts, one row per benchmark that at
 * least two of the shown methods report on, with the numbers as their papers print them
 * (data/results.json, loaded after the table; the table's data-results says when the rows are
 * in: "shown", "none" when no benchmark is shared, "failed"). All data is inserted with textContent
 * and checked URLs, never as HTML.
 */
import { el, safeUrl } from "./dom.js";
import { bibDownload, bibtexOf, loadIndex, loadResults } from "./data.js";
import { compareUrl, getPicks, setPicks } from "./picks.js";

const PICKER_SHOWN = 10;  // results listed by the picker at a time

const MAX_SLUG_SHOWN = 64;

/** The rows of the table after the name: label and a function filling a cell for a method. */
const ROWS = [
  ["title", "Title", function (m) { return m.title; }],
  ["authors", "Authors", function (m) { return m.authors.join(", "); }],
  ["venue", "Venue", function (m) { return m.venue_kind === "preprint" ? "arXiv preprint (not peer-reviewed)" : m.venue_name + " (" + m.venue + ")"; }],
  ["year", "Year", function (m) { return m.year ? String(m.year) : null; }],
  ["posted", "First posted", function (m) { return m.posted || null; }],
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

/** The order of the columns: first posting (else the end of the publication year), then name. */
function postingKey(m) {
  return m.posted || (m.year ? m.year + "-12-32" : "9999");
}

export function byPosting(a, b) {
  var ka = postingKey(a), kb = postingKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0;
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
    message(parent, "inr-compare-range", ["No method to compare yet: find " + limits.min + " to " + limits.max
      + " methods with the search box below, tick them on a task page or in the ", catalogLink, ", or add them from their pages."]);
  } else if (known.length < limits.min) {
    message(parent, "inr-compare-range", ["Compare is meant for " + limits.min + " to " + limits.max
      + " methods; this address names only " + (known.length === 1 ? "one" : known.length) + ". Add more below or in the ", catalogLink, "."]);
  } else if (known.length > shown.length) {
    message(parent, "inr-compare-range", ["Compare shows at most " + limits.max + " methods side by side; this address names "
      + known.length + ". The first " + shown.length + " named are shown; left out: "
      + known.slice(shown.length).map(function (m) { return m.name; }).join(", ") + "."]);
  }
}

function table(index, methods, remove) {
  var wrap = el("div", { class: "inr-compare-scroll", role: "region", "aria-label": "Comparison table (scrolls sideways)", tabindex: "0" });
  var t = el("table", { class: "inr-compare-table" });
  t.appendChild(el("caption", null, methods.length === 1 ? "One method" : methods.length + " methods side by side, in order of first posting"));
  var head = el("tr", { "data-row": "name" });
  head.appendChild(el("th", { scope: "col" }, "Method"));
  methods.forEach(function (m) {
    var th = el("th", { scope: "col", "data-slug": m.slug });
    th.appendChild(el("a", { href: m.page }, m.name));
    var drop = el("button", { type: "button", class: "inr-compare-remove", "aria-label": "Remove " + m.name + " from the comparison", title: "Remove" }, "×");
    drop.addEventListener("click", function () { remove(m.slug); });
    th.appendChild(drop);
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
    if (methods.length > 1) {
      var first = tr.cells[1].textContent;
      var same = Array.prototype.every.call(tr.cells, function (c, i) { return i === 0 || c.textContent === first; });
      if (same) tr.classList.add("inr-compare-same");
    }
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

/** Copy `makeText()` (a promise) to the clipboard; say what was copied, or why not, in `status`. */
function copyTo(status, makeText, said) {
  return makeText()
    .then(function (text) { return navigator.clipboard.writeText(text).then(function () { return text; }); })
    .then(function (text) { status.textContent = said(text); })
    .catch(function (error) { status.textContent = "Could not copy (" + error.message + "); use Download BibTeX instead."; });
}

function citeKeys(methods) {
  return "\\cite{" + methods.map(function (m) { return m.key; }).join(",") + "}";
}

function actions(index, methods, state) {
  var bar = el("div", { class: "inr-compare-actions" });
  var status = el("p", { class: "inr-bib-status", role: "status" });
  var entries = methods.length + (methods.length === 1 ? " entry" : " entries");
  var button = el("button", { type: "button", class: "md-button inr-compare-download" }, "Download BibTeX (" + entries + ")");
  button.addEventListener("click", function () {
    bibDownload(button, status, "inr-survey-compare.bib", function () { return bibtexOf(index, methods); });
  });
  var copyBib = el("button", { type: "button", class: "md-button inr-compare-copy-bib" }, "Copy BibTeX");
  copyBib.addEventListener("click", function () {
    copyTo(status, function () { return bibtexOf(index, methods); }, function () { return "Copied the BibTeX of " + entries + "."; });
  });
  var copyCite = el("button", { type: "button", class: "md-button inr-compare-copy-cite" }, "Copy \\cite keys");
  copyCite.addEventListener("click", function () {
    copyTo(status, function () { return Promise.resolve(citeKeys(methods)); }, function (text) { return "Copied " + text + "."; });
  });
  [button, copyBib, copyCite].forEach(function (n) { bar.appendChild(n); });
  var diff = el("label", { class: "inr-compare-diff" });
  var box = el("input", { type: "checkbox", id: "inr-compare-diff" });
  box.checked = state.differences;
  box.addEventListener("change", function () {
    state.differences = box.checked;
    document.querySelectorAll(".inr-compare-table").forEach(function (t) { t.classList.toggle("inr-differences", box.checked); });
  });
  diff.appendChild(box);
  diff.appendChild(document.createTextNode(" Differences only"));
  bar.appendChild(diff);
  var edit = new URL(index.url("catalog"));
  edit.search = "?sel=" + methods.map(function (m) { return encodeURIComponent(m.slug); }).join(",");
  bar.appendChild(el("a", { href: edit.href, class: "md-button inr-compare-edit" }, "Change the selection in the catalog"));
  bar.appendChild(status);
  return bar;
}

/** Whether method `m` matches every word of `words` (name, aliases, title, authors, venue, year). */
function matches(m, words) {
  if (!m.searchText) {
    m.searchText = [m.name].concat(m.aliases || [], [m.title], m.authors, [m.venue_label, String(m.year || "")]).join(" ").toLowerCase();
  }
  return words.every(function (w) { return m.searchText.indexOf(w) >= 0; });
}

function rank(m, query) {
  var name = m.name.toLowerCase();
  return name === query ? 0 : name.indexOf(query) === 0 ? 1 : name.indexOf(query) >= 0 ? 2 : 3;
}

/** The picker: a search box over the survey's methods, each result with an "Add" button. */
function picker(index, current, add) {
  var box = el("div", { class: "inr-picker", role: "search", "aria-label": "Add methods to the comparison" });
  box.appendChild(el("label", { for: "inr-pick-q", class: "inr-label" }, "Add a method"));
  var input = el("input", { type: "search", id: "inr-pick-q", placeholder: "Name, title, author, venue or year", autocomplete: "off", "aria-describedby": "inr-pick-count" });
  var count = el("p", { id: "inr-pick-count", class: "inr-pick-count", role: "status" });
  var list = el("ul", { class: "inr-pick-list" });
  [input, count, list].forEach(function (n) { box.appendChild(n); });
  function show() {
    var query = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!query) { count.textContent = ""; return; }
    var words = query.split(/\s+/);
    var found = index.methods.filter(function (m) { return matches(m, words); }).sort(function (a, b) {
      return rank(a, query) - rank(b, query) || byPosting(a, b);
    });
    count.textContent = !found.length ? "No method matches “" + input.value.trim() + "”."
      : found.length + (found.length === 1 ? " method matches" : " methods match") + (found.length > PICKER_SHOWN ? "; the first " + PICKER_SHOWN + " are listed." : ".");
    found.slice(0, PICKER_SHOWN).forEach(function (m) {
      var li = el("li", { class: "inr-pick-item" });
      var chosen = current().indexOf(m.slug) >= 0;
      var button = el("button", { type: "button", class: "md-button inr-pick-add", "data-slug": m.slug, "aria-label": (chosen ? m.name + " is compared" : "Add " + m.name) }, chosen ? "Added" : "Add");
      button.disabled = chosen;
      button.addEventListener("click", function () { add(m.slug); show(); input.focus(); });
      li.appendChild(button);
      var text = el("span", { class: "inr-pick-text" });
      text.appendChild(el("strong", null, m.name));
      text.appendChild(document.createTextNode(" · " + m.venue_label + " · " + m.title));
      li.appendChild(text);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", show);
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var first = list.querySelector("button.inr-pick-add:not(:disabled)");
    if (first) first.click();
  });
  return { node: box, refresh: show, input: input };
}

function render(root, index) {
  root.querySelectorAll(".inr-compare-static").forEach(function (n) { n.hidden = true; });
  var app = el("div", { class: "inr-compare-app" });
  var view = el("div", { class: "inr-compare-view" });
  var state = { slugs: requested(), differences: false };
  var pageTitle = document.title;
  var siteTitle = pageTitle.replace(/^Compare methods - /, "");
  if (!state.slugs.length) {
    // An address that names no method opens the compare list gathered on other pages.
    var picks = getPicks().filter(function (s) { return index.bySlug.has(s); });
    if (picks.length) {
      state.slugs = picks;
      window.history.replaceState(window.history.state, "", compareUrl(picks));
    }
  }
  function change(slugs) {
    state.slugs = slugs;
    window.history.replaceState(window.history.state, "", compareUrl(slugs));
    draw();
  }
  var pick = picker(index, function () { return state.slugs; }, function (slug) { change(state.slugs.concat([slug])); });
  function draw() {
    view.textContent = "";
    var known = state.slugs.filter(function (s) { return index.bySlug.has(s); }).map(function (s) { return index.bySlug.get(s); });
    var unknown = state.slugs.filter(function (s) { return !index.bySlug.has(s); });
    var shown = known.slice(0, index.data.compare_limits.max).sort(byPosting);
    explain(view, index, unknown, known, shown);
    if (known.length) setPicks(known.map(function (m) { return m.slug; }));
    if (shown.length) {
      view.appendChild(actions(index, shown, state));
      var t = table(index, shown, function (slug) {
        change(state.slugs.filter(function (s) { return s !== slug; }));
        pick.input.focus();
      });
      if (state.differences) t.querySelector("table").classList.add("inr-differences");
      view.appendChild(t);
      showResults(t, index, shown);
      document.title = "Compare " + shown.map(function (m) { return m.name; }).join(", ") + " - " + siteTitle;
    } else {
      document.title = pageTitle;
    }
    app.classList.toggle("inr-compare-empty", !shown.length);
  }
  draw();
  app.appendChild(view);
  app.appendChild(pick.node);
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
