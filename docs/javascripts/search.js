/* INR Survey: the site search box, backed by Pagefind's chunked index (pagefind/).
 *
 * Adds a search field to the header on every page (re-initialised after instant
 * navigation), loads only the index fragments a query needs, and renders results with
 * textContent: excerpts keep Pagefind's <mark> highlights and nothing else.
 *
 * A result shows the page's title (Pagefind meta "title"); a method's result adds its
 * venue, year and task (meta "facts") and a line of its summary. A page whose title is
 * exactly the query comes first, then the methods of a task so named (Pagefind ranks by
 * word matches, not exactness).
 */
import { el, onEveryPage, siteRoot } from "./dom.js";

var pagefind = null;
var loading = null;
/** Titles weigh most; a method's facts line (venue, year, task) is searched, lightly. */
var RANKING = { metaWeights: { title: 10, facts: 1 } };
var SHOWN = 10;
var CONSIDERED = 20;
var LEAD_WORDS = 24;

function load() {
  if (pagefind) return Promise.resolve(pagefind);
  if (!loading) {
    var root = siteRoot();
    loading = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
      return module.options({ baseUrl: root.pathname, excerptLength: 20, ranking: RANKING }).then(function () {
        return module.init ? module.init() : null;
      }).then(function () { pagefind = module; return module; });
    });
  }
  return loading;
}

/** Rebuild Pagefind's excerpt as DOM: <mark> kept, all other markup dropped. */
function excerpt(html) {
  var holder = el("p", { class: "inr-search-excerpt" });
  var parts = String(html).split(/(<mark>|<\/mark>)/);
  var marked = false;
  var scratch = document.createElement("textarea");
  parts.forEach(function (part) {
    if (part === "<mark>") { marked = true; return; }
    if (part === "</mark>") { marked = false; return; }
    scratch.innerHTML = part.replace(/<[^>]*>/g, "");
    var text = scratch.value;
    if (!text) return;
    holder.appendChild(marked ? el("mark", null, text) : document.createTextNode(text));
  });
  return holder;
}

/** Remove a leading heading (`Summary.`, the page's title) that Pagefind puts in excerpts. */
function dropLeading(holder, heading) {
  var prefix = normal(heading);
  if (!prefix || normal(holder.textContent).indexOf(prefix) !== 0) return holder;
  var left = String(heading).trim().split(/\s+/).length;
  while (left > 0 && holder.firstChild) {
    var node = holder.firstChild;
    var tokens = node.textContent.trim().split(/\s+/).filter(Boolean);
    if (tokens.length <= left) { left -= tokens.length; holder.removeChild(node); continue; }
    node.textContent = tokens.slice(left).join(" ") + (/\s$/.test(node.textContent) ? " " : "");
    left = 0;
  }
  var first = holder.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE) first.textContent = first.textContent.replace(/^\s+/, "");
  return holder;
}

/** Lower case, single spaces: how a title is compared with the query (NeRF is not NeRF++). */
function normal(text) {
  return String(text || "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The opening words of the section under the heading `id`, from the page's indexed text. */
function sectionLead(item, id) {
  var anchors = item.anchors || [];
  var index = anchors.findIndex(function (a) { return a.id === id; });
  if (index < 0 || !item.content) return "";
  var words = item.content.split(/\s+/);
  var start = anchors[index].location + String(anchors[index].text || "").split(/\s+/).filter(Boolean).length;
  var next = anchors.slice(index + 1).find(function (a) { return a.location >= start; });
  var end = Math.min(next ? next.location : words.length, start + LEAD_WORDS);
  var lead = words.slice(start, end).join(" ");
  return end < (next ? next.location : words.length) ? lead + " …" : lead;
}

/** A method's line of summary: the summary's matching excerpt, else its key idea, else its opening words. */
function summaryLine(item) {
  var hit = (item.sub_results || []).find(function (s) { return s.anchor && s.anchor.id === "summary"; });
  if (hit) return dropLeading(excerpt(hit.excerpt), "Summary");
  if (item.meta && item.meta.key_idea) return el("p", { class: "inr-search-excerpt inr-search-key-idea" }, item.meta.key_idea);
  var lead = sectionLead(item, "summary");
  return lead ? el("p", { class: "inr-search-excerpt" }, lead) : dropLeading(excerpt(item.excerpt || ""), item.meta.title);
}

function result(item) {
  var meta = item.meta || {};
  var link = el("a", { href: item.url, class: "inr-search-link" });
  link.appendChild(el("span", { class: "inr-search-title" }, meta.title || item.url));
  if (meta.facts) {
    link.appendChild(el("span", { class: "inr-search-facts" }, meta.facts));
    link.appendChild(summaryLine(item));
  } else {
    link.appendChild(dropLeading(excerpt(item.excerpt || ""), meta.title));
  }
  var li = el("li", { class: "inr-search-item" });
  li.appendChild(link);
  return li;
}

/**
 * Pages titled exactly as the query first, then methods whose task is the query (a task
 * query gives the task's page, then its methods), then Pagefind's order.
 */
function exactFirst(items, query) {
  var wanted = normal(query);
  function rank(item) {
    var meta = item.meta || {};
    if (normal(meta.title) === wanted) return 0;
    if (meta.facts && normal(meta.facts.split(" · ").pop()) === wanted) return 1;
    return 2;
  }
  return items.map(function (item, index) { return { item: item, rank: rank(item), index: index }; })
    .sort(function (a, b) { return a.rank - b.rank || a.index - b.index; })
    .map(function (entry) { return entry.item; });
}

/**
 * A search box's parts in `wrap`: label, field, live status and results panel, their ids
 * starting with `id`. The header's label is for screen readers only (the field shows
 * "Search"); a box in a page shows its label.
 */
function fillBox(wrap, id, placeholder, showLabel) {
  wrap.setAttribute("role", "search");
  wrap.appendChild(el("label", showLabel ? { for: id + "-input" } : { for: id + "-input", class: "inr-visually-hidden" }, "Search the survey"));
  wrap.appendChild(el("input", { id: id + "-input", type: "search", placeholder: placeholder, autocomplete: "off",
    "aria-controls": id + "-results", "aria-describedby": id + "-status" }));
  wrap.appendChild(el("p", { id: id + "-status", class: "inr-visually-hidden", role: "status", "aria-live": "polite" }));
  wrap.appendChild(el("div", { id: id + "-results", class: "inr-search-results", hidden: "" }));
  return wrap;
}

/**
 * Make a search box work: `wrap` holds an input, a role=status element and a
 * .inr-search-results panel. A floating panel (the header's) closes on a click elsewhere.
 */
function attach(wrap, floating) {
  var input = wrap.querySelector("input");
  var status = wrap.querySelector("[role=status]");
  var panel = wrap.querySelector(".inr-search-results");
  var generation = 0;
  function render(query) {
    var mine = ++generation;
    if (!query) { panel.hidden = true; panel.replaceChildren(); panel.removeAttribute("data-query"); status.textContent = ""; return; }
    load().then(function (module) {
      return module.search(query);
    }).then(function (search) {
      if (mine !== generation) return null;
      return Promise.all(search.results.slice(0, CONSIDERED).map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== generation) return;
        var list = el("ol", { class: "inr-search-list" });
        exactFirst(items, query).slice(0, SHOWN).forEach(function (item) { list.appendChild(result(item)); });
        var count = search.results.length;
        var summary = el("p", { class: "inr-search-count" }, count === 0 ? "No matching pages" : count + " matching page" + (count === 1 ? "" : "s"));
        panel.replaceChildren(summary, list);
        panel.setAttribute("data-query", query);
        panel.hidden = false;
        status.textContent = summary.textContent;
      });
    }).catch(function (error) {
      panel.replaceChildren(el("p", { class: "inr-search-count" }, "Search is unavailable here (" + error.message + ")."));
      panel.hidden = false;
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    timer = setTimeout(function () { render(query); }, 120);
  });
  input.addEventListener("focus", function () { load().catch(function () {}); if (input.value.trim()) panel.hidden = false; });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; render(""); if (floating) input.blur(); }
    if (event.key === "ArrowDown") {
      var first = panel.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  panel.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) { event.preventDefault(); links[index + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? links[index - 1] : input).focus(); }
    if (event.key === "Escape") { input.focus(); if (floating) panel.hidden = true; }
  });
  if (floating) {
    document.addEventListener("click", function (event) {
      if (!wrap.contains(event.target)) panel.hidden = true;
    });
  }
  return render;
}

var SECTIONS = ["methods", "tasks", "fields", "venues", "years", "tags", "catalog", "bib", "data"];

/** Words to search for from a missing address: `/methods/nerf-2/` gives "nerf 2". */
function wordsOfAddress() {
  var path = window.location.pathname.slice(siteRoot().pathname.length);
  try { path = decodeURIComponent(path); } catch (e) { /* keep it encoded */ }
  var parts = path.split("/").map(function (p) { return p.replace(/\.html?$/, ""); }).filter(function (p) {
    return p && p !== "index" && SECTIONS.indexOf(p.toLowerCase()) < 0;
  });
  return (parts[0] || "").replace(/[-_.+]+/g, " ").trim();
}

function init() {
  var header = document.querySelector(".md-header__inner");
  if (header && !header.querySelector(".inr-search")) {
    var box = fillBox(el("div", { class: "inr-search" }), "inr-search", "Search", false);
    header.insertBefore(box, header.querySelector(".md-header__source"));
    attach(box, true);
  }
  // A search box in the page itself (the 404 page), searching for the missing address's words.
  var own = document.querySelector("[data-inr-search-page]:not([data-inr-ready])");
  if (own) {
    own.setAttribute("data-inr-ready", "");
    var render = attach(fillBox(own, "inr-search-page", "A method, task, author or venue", true), false);
    var input = own.querySelector("input");
    var words = wordsOfAddress();
    if (words && !input.value) { input.value = words; render(words); }
  }
}

document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
  if (event.key === "/" && !typing) {
    var input = document.getElementById("inr-search-input");
    if (input) { event.preventDefault(); input.focus(); }
  }
});

onEveryPage(init);
