/* INR Survey: the site search box, backed by Pagefind's chunked index (pagefind/).
 *
 * Adds a search field to the header on every page (re-initialised after instant
 * navigation), loads only the index fragments a query needs, and renders results with
 * textContent: excerpts keep Pagefind's <mark> highlights and nothing else.
 *
 * Results come in groups, each searched on its own through Pagefind's `group` filter:
 * methods, then the survey's other pages, then its documentation (a group whose first
 * result is titled exactly as the query comes first). The header's panel shows the first
 * few of each group and links to the results page (search/), which Enter opens and which
 * lists every match, a group at a time. A method's result shows its venue, year and task (meta "facts"), why
 * it matched (search-match.js: "author: Ben Mildenhall", or where its text mentions the
 * query) and a line of its summary. Within a group, a page whose title is exactly the
 * query comes first, then the methods of a task so named (Pagefind ranks by word
 * matches, not exactness); authorship and venue rank through weighted metadata fields.
 */
import { el, onEveryPage, siteRoot } from "./dom.js";

var pagefind = null;
var match = null;
var loading = null;
/**
 * Metadata fields searched with a boost: names most, then who led and wrote the paper and
 * where it appeared, then its taxonomy terms; "facts" repeats venue and task, unboosted.
 */
var RANKING = { metaWeights: { title: 10, aka: 6, first_author: 6, authors: 4, venue: 4, tasks: 2, representations: 2, tags: 2, field: 1, facts: 0 } };
/** The result groups (search_meta.GROUPS), in order; `panel`: how many the header's panel shows. */
var GROUPS = [
  { id: "method", heading: "Methods", one: "method", many: "methods", panel: 6, head: 20 },
  { id: "survey", heading: "Survey pages", one: "survey page", many: "survey pages", panel: 3, head: 5 },
  { id: "docs", heading: "Documentation", one: "documentation page", many: "documentation pages", panel: 2, head: 5 },
];
/** Results per group that the results page adds at a time. */
var PAGE = 20;
var LEAD_WORDS = 24;

/** Pagefind and the match explainer, loaded on the first search (nothing on page load). */
function load() {
  if (pagefind) return Promise.resolve(pagefind);
  if (!loading) {
    var root = siteRoot();
    loading = Promise.all([import(new URL("pagefind/pagefind.js", root).href), import("./search-match.js")]).then(function (modules) {
      var module = modules[0];
      return module.options({ baseUrl: root.pathname, excerptLength: 20, ranking: RANKING }).then(function () {
        return module.init ? module.init() : null;
      }).then(function () { match = modules[1]; pagefind = module; return module; });
    });
  }
  return loading;
}

/** The results page's address for `query` (and a group to scroll to). */
function resultsUrl(query, group) {
  var url = new URL("search/", siteRoot());
  url.searchParams.set("q", query);
  if (group) url.hash = "results-" + group;
  return url.href;
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

/** Remove the label of the summary's key idea (`Key idea.`, or `idea.` where the excerpt cut it) from an excerpt's start. */
function dropKeyIdea(holder) {
  return dropLeading(dropLeading(holder, "Key idea."), "idea.");
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
  if (hit) return dropKeyIdea(dropLeading(excerpt(hit.excerpt), "Summary"));
  if (item.meta && item.meta.key_idea) return el("p", { class: "inr-search-excerpt inr-search-key-idea" }, item.meta.key_idea);
  var lead = sectionLead(item, "summary");
  return lead ? el("p", { class: "inr-search-excerpt" }, lead) : dropLeading(excerpt(item.excerpt || ""), item.meta.title);
}

/** The section of a method's page where its text matched: the best-matching section under a heading, else the page's head. */
function textHit(item) {
  var subs = item.sub_results || [];
  var headed = subs.filter(function (sub) { return sub.anchor && sub.anchor.element !== "h1"; });
  var pool = headed.length ? headed : subs;
  return pool.slice().sort(function (x, y) { return (y.locations || []).length - (x.locations || []).length; })[0] || null;
}

/**
 * A method's lines under its name: why it matched (the fields that hold the query, or the
 * section that mentions it, with that section's excerpt), then a line of its summary.
 */
function methodLines(item, query) {
  var fields = match.matchedFields(item.meta || {}, query);
  if (fields === null) {
    var hit = textHit(item);
    if (hit) {
      var section = hit.anchor && hit.anchor.element !== "h1" ? hit.title : "the method's facts";
      return [match.sectionLine(section), dropKeyIdea(dropLeading(excerpt(hit.excerpt || ""), hit.title))];
    }
  }
  var reason = match.reasonLine(fields, query);
  return reason ? [reason, summaryLine(item)] : [summaryLine(item)];
}

function result(item, query) {
  var meta = item.meta || {};
  var link = el("a", { href: item.url, class: "inr-search-link" });
  link.appendChild(el("span", { class: "inr-search-title" }, meta.title || item.url));
  if (meta.facts) {
    link.appendChild(el("span", { class: "inr-search-facts" }, meta.facts));
    methodLines(item, query).forEach(function (line) { link.appendChild(line); });
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

/** `count` with the group's noun in the right number: `1 method`, `28 methods`. */
function counted(count, group) {
  return count + " " + (count === 1 ? group.one : group.many);
}

/**
 * The results of `query` in one group, loaded on demand: `upTo(n)` gives the first n in
 * display order (within the group's first `head` results, exact titles and task names first).
 */
function groupResults(group, results, query) {
  var loaded = null;
  function upTo(count) {
    var wanted = Math.min(count, results.length);
    if (!loaded) {
      loaded = Promise.all(results.slice(0, Math.min(group.head, results.length)).map(function (r) { return r.data(); }))
        .then(function (items) { return exactFirst(items, query); });
    }
    loaded = loaded.then(function (items) {
      if (items.length >= wanted) return items;
      return Promise.all(results.slice(items.length, wanted).map(function (r) { return r.data(); }))
        .then(function (more) { return items.concat(more); });
    });
    return loaded.then(function (items) { return items.slice(0, wanted); });
  }
  return { group: group, count: results.length, upTo: upTo };
}

/**
 * Search every group; resolves to the groups with results, in display order (methods,
 * survey pages, documentation; a group whose first result is titled as the query first).
 */
function searchGroups(module, query) {
  return Promise.all(GROUPS.map(function (group) {
    return module.search(query, { filters: { group: group.id } }).then(function (search) {
      return groupResults(group, search.results, query);
    });
  })).then(function (groups) {
    var found = groups.filter(function (g) { return g.count > 0; });
    return Promise.all(found.map(function (g) { return g.upTo(1); })).then(function (firsts) {
      var wanted = normal(query);
      var exact = found.map(function (g, i) { return normal((firsts[i][0] || {}).meta && firsts[i][0].meta.title) === wanted; });
      return found.map(function (g, i) { return { g: g, rank: exact[i] ? 0 : 1, i: i }; })
        .sort(function (x, y) { return x.rank - y.rank || x.i - y.i; })
        .map(function (entry) { return entry.g; });
    });
  });
}

/** `31 results: 28 methods, 1 survey page, 2 documentation pages`. */
function countLine(groups) {
  var total = groups.reduce(function (sum, g) { return sum + g.count; }, 0);
  if (!total) return "No matching pages";
  var parts = GROUPS.map(function (group) {
    var found = groups.find(function (g) { return g.group === group; });
    return found ? counted(found.count, group) : "";
  }).filter(Boolean);
  return total + (total === 1 ? " result: " : " results: ") + parts.join(", ");
}

/** One group's section: heading with its count, its first `shown` results, and what leads to the rest. */
function groupSection(g, items, query, inPage) {
  var section = el("section", { class: "inr-search-group", "data-group": g.group.id });
  if (inPage) section.id = "results-" + g.group.id;
  var heading = el(inPage ? "h2" : "p", { class: "inr-search-group-title" }, g.group.heading + " ");
  heading.appendChild(el("span", { class: "inr-search-group-count" }, "(" + g.count + ")"));
  section.appendChild(heading);
  var list = el("ol", { class: "inr-search-list" });
  items.forEach(function (item) { list.appendChild(result(item, query)); });
  section.appendChild(list);
  return section;
}

/** The results page's "Show more" button of a group, until every result is listed. */
function moreButton(g, section, query) {
  var list = section.querySelector("ol");
  function shown() { return list.children.length; }
  if (shown() >= g.count) return;
  var button = el("button", { type: "button", class: "md-button inr-search-show-more" });
  function label() { button.textContent = "Show " + Math.min(PAGE, g.count - shown()) + " more " + (g.count - shown() === 1 ? g.group.one : g.group.many) + " (" + shown() + " of " + g.count + " shown)"; }
  label();
  button.addEventListener("click", function () {
    var before = shown();
    g.upTo(before + PAGE).then(function (items) {
      items.slice(before).forEach(function (item) { list.appendChild(result(item, query)); });
      var first = list.children[before] && list.children[before].querySelector("a");
      if (shown() >= g.count) button.remove(); else label();
      if (first) first.focus();
    });
  });
  section.appendChild(button);
}

/** Render `groups` into `panel`: the header's panel shows a few per group, the results page all (in steps). */
function fill(panel, groups, query, inPage) {
  return Promise.all(groups.map(function (g) { return g.upTo(inPage ? PAGE : g.group.panel); })).then(function (lists) {
    var counts = countLine(groups);
    var summary = el("p", { class: "inr-search-count" }, counts);
    if (!inPage && groups.length) {
      summary.appendChild(document.createTextNode(" · "));
      summary.appendChild(el("a", { class: "inr-search-all", href: resultsUrl(query) }, "show all (Enter)"));
    }
    var parts = [summary];
    groups.forEach(function (g, i) {
      var section = groupSection(g, lists[i], query, inPage);
      if (inPage) moreButton(g, section, query);
      else if (g.count > lists[i].length) {
        section.appendChild(el("a", { class: "inr-search-more", href: resultsUrl(query, g.group.id) }, "All " + counted(g.count, g.group)));
      }
      parts.push(section);
    });
    panel.replaceChildren.apply(panel, parts);
    return counts;
  });
}

/**
 * Make a search box work: `wrap` holds an input, a role=status element and a
 * .inr-search-results panel. A floating panel (the header's) closes on a click elsewhere.
 * `inPage` (the results page) lists every result; elsewhere Enter opens the results page.
 */
function attach(wrap, floating, inPage) {
  var input = wrap.querySelector("input");
  var status = wrap.querySelector("[role=status]");
  var panel = wrap.querySelector(".inr-search-results");
  var generation = 0;
  function render(query) {
    var mine = ++generation;
    if (!query) { panel.hidden = true; panel.replaceChildren(); panel.removeAttribute("data-query"); status.textContent = ""; return; }
    load().then(function (module) {
      return searchGroups(module, query);
    }).then(function (groups) {
      if (mine !== generation) return null;
      return fill(panel, groups, query, inPage).then(function (counts) {
        if (mine !== generation) return;
        panel.setAttribute("data-query", query);
        panel.hidden = false;
        status.textContent = counts;
        var target = inPage && mine === 1 && window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
        if (target) target.scrollIntoView();
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
    if (inPage) {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(window.history.state, "", url.href);
    }
    timer = setTimeout(function () { render(query); }, 120);
  });
  input.addEventListener("focus", function () { load().catch(function () {}); if (input.value.trim()) panel.hidden = false; });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; render(""); if (floating) input.blur(); }
    if (event.key === "Enter" && !event.isComposing && input.value.trim()) {
      event.preventDefault();
      if (inPage) { clearTimeout(timer); render(input.value.trim()); } else window.location.assign(resultsUrl(input.value.trim()));
    }
    if (event.key === "ArrowDown") {
      var first = panel.querySelector("a.inr-search-link");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  panel.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (index < 0) return;
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
  // The results page (search/): every result of the query in its address (`?q=`).
  var all = document.getElementById("inr-search-all");
  if (all && !all.hasAttribute("data-inr-ready")) {
    all.setAttribute("data-inr-ready", "");
    all.replaceChildren();
    var renderAll = attach(fillBox(all, "inr-search-page", "A method, author, venue, task or tag", true), false, true);
    var query = (new URL(window.location.href).searchParams.get("q") || "").trim();
    if (query) { all.querySelector("input").value = query; renderAll(query); }
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
