/* INR Survey catalog: facets, free text, sorting, selection, comparison, URL state and BibTeX export.
 *
 * Reads the compact index data/catalog.json (written by the build: one row per method, no
 * BibTeX) and replaces the static list of the catalog page, which stays as the no-JavaScript
 * fallback. BibTeX is fetched only when a download is asked for: bib/<key>.bib for a few
 * entries, data/papers.json (the full export) for many. All data is inserted with
 * textContent and checked URLs, never as HTML. Re-initialised on every page load (Material's
 * instant navigation emits document$). The loaders and the download are shared with
 * compare.js through window.INR.
 */
(function () {
  "use strict";

  var FACETS = [
    { key: "field", label: "Field", value: function (m) { return [m.field_slug]; } },
    { key: "task", label: "Task", value: function (m) { return [m.task_slug]; } },
    { key: "venue", label: "Venue", value: function (m) { return [m.venue_slug]; } },
    { key: "kind", label: "Kind of venue", value: function (m) { return [m.venue_kind]; } },
    { key: "year", label: "Year", value: function (m) { return m.year ? [String(m.year)] : []; } }
  ];
  var PAGE_SIZE = 200;  // cards shown before "Show all": keeps every update fast at thousands of methods
  var FEW_BIB = 24;  // up to this many entries are fetched one file each; more come from data/papers.json
  var SORTS = { name: "Name", year: "Year (newest first)", venue: "Venue" };

  var el = window.INR.el;
  var siteRoot = window.INR.siteRoot;

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  /* ---- Shared: the compact index, BibTeX on demand, downloads ---- */

  var indexCache = {};  // absolute URL -> promise of the expanded index (kept across instant navigation)
  var bibCache = {};  // citation key -> BibTeX entry text
  var papersPromise = null;

  function fetchOk(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response;
    });
  }

  /** The index with its rows turned into method objects; names, venue facts and page URLs filled in. */
  function expand(data, base) {
    var tax = data.taxonomy, byVenue = {}, fieldNames = {}, taskNames = {}, tagNames = {};
    tax.venues.forEach(function (v) { byVenue[v.slug] = v; });
    tax.fields.forEach(function (t) { fieldNames[t.slug] = t.name; });
    tax.tasks.forEach(function (t) { taskNames[t.slug] = t.name; });
    tax.tags.forEach(function (t) { tagNames[t.id] = t.name; });
    var columns = data.columns, bySlug = {}, pageUrl = data.urls.method.split("{slug}");
    var root = base.href;  // ends with "/"; the patterns are relative to it
    var methods = data.methods.map(function (row) {
      var m = {};
      for (var i = 0; i < columns.length; i++) m[columns[i]] = row[i];
      var venue = byVenue[m.venue_slug] || {};
      m.venue = venue.id || "";
      m.venue_name = venue.name || "";
      m.venue_kind = venue.kind || "";
      m.peer_reviewed = Boolean(venue.peer_reviewed);
      m.field = fieldNames[m.field_slug] || m.field_slug;
      m.task = taskNames[m.task_slug] || m.task_slug;
      m.page = root + pageUrl.join(encodeURIComponent(m.slug));
      bySlug[m.slug] = m;
      return m;
    });
    return { data: data, base: base, methods: methods, bySlug: bySlug, tagNames: tagNames,
      url: function (name) { return new URL(data.urls[name], base).href; } };
  }

  /** A promise of the expanded index at `src` (relative to the site root), fetched once. */
  function loadIndex(src) {
    var base = siteRoot();
    var url = new URL(src, base).href;
    if (!indexCache[url]) {
      indexCache[url] = fetchOk(url)
        .then(function (response) { return response.json(); })
        .then(function (data) { return expand(data, base); });
      indexCache[url].catch(function () { delete indexCache[url]; });
    }
    return indexCache[url];
  }

  /** A promise of the BibTeX of `methods`: each entry exactly as its bib/<key>.bib file, a blank line between. */
  function bibtexOf(index, methods) {
    var missing = methods.filter(function (m) { return !Object.prototype.hasOwnProperty.call(bibCache, m.key); });
    var loaded;
    if (!missing.length) {
      loaded = Promise.resolve();
    } else if (missing.length <= FEW_BIB) {
      loaded = Promise.all(missing.map(function (m) {
        var url = new URL(index.data.urls.bib.replace("{key}", encodeURIComponent(m.key)), index.base).href;
        return fetchOk(url).then(function (r) { return r.text(); }).then(function (text) { bibCache[m.key] = text; });
      }));
    } else {
      papersPromise = papersPromise || fetchOk(index.url("papers")).then(function (r) { return r.json(); });
      papersPromise.catch(function () { papersPromise = null; });
      loaded = papersPromise.then(function (full) {
        full.methods.forEach(function (record) { bibCache[record.key] = record.bibtex; });
      });
    }
    return loaded.then(function () { return methods.map(function (m) { return bibCache[m.key]; }).join("\n"); });
  }

  function download(name, text) {
    var blob = new Blob([text], { type: "application/x-bibtex;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /** Run `makeText` (a promise of BibTeX) behind `button`, download the result, report failures in `status`. */
  function bibDownload(button, status, name, makeText) {
    var label = button.textContent;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    button.textContent = "Preparing BibTeX…";
    return makeText()
      .then(function (text) { download(name, text); status.textContent = ""; })
      .catch(function (error) { status.textContent = "The BibTeX could not be loaded (" + error.message + ")."; })
      .then(function () { button.disabled = false; button.removeAttribute("aria-busy"); button.textContent = label; });
  }

  window.INR.catalogIndex = loadIndex;
  window.INR.bibtexOf = bibtexOf;
  window.INR.bibDownload = bibDownload;
  window.INR.safeUrl = safeUrl;

  /* ---- URL state ---- */

  function emptyState() {
    var state = { q: "", sort: "name", tag: [], xtag: [], sel: [], code: false, peer: false, only: false };
    FACETS.forEach(function (f) { state[f.key] = []; });
    return state;
  }

  function readState() {
    var params = new URLSearchParams(window.location.search);
    function list(name) { var v = params.get(name); return v ? v.split(",").filter(Boolean) : []; }
    var state = { q: params.get("q") || "", sort: SORTS[params.get("sort")] ? params.get("sort") : "name",
      tag: list("tag"), xtag: list("xtag"), sel: list("sel"), code: params.get("code") === "1",
      peer: params.get("peer") === "1", only: params.get("only") === "1" };
    FACETS.forEach(function (f) { state[f.key] = list(f.key); });
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { if (state[f.key].length) params.set(f.key, state[f.key].join(",")); });
    if (state.tag.length) params.set("tag", state.tag.join(","));
    if (state.xtag.length) params.set("xtag", state.xtag.join(","));
    if (state.code) params.set("code", "1");
    if (state.peer) params.set("peer", "1");
    if (state.sort !== "name") params.set("sort", state.sort);
    if (state.sel.length) params.set("sel", state.sel.join(","));
    if (state.only) params.set("only", "1");
    var text = params.toString().replace(/%2C/g, ",");
    return text ? "?" + text : "";
  }

  /** How many filters of the Filters panel are on (facet values, tags, the three toggles). */
  function activeFilters(state) {
    var n = state.tag.length + state.xtag.length + (state.code ? 1 : 0) + (state.peer ? 1 : 0) + (state.only ? 1 : 0);
    FACETS.forEach(function (f) { n += state[f.key].length; });
    return n;
  }

  /** The filters a method fails, by name ("field", ..., "tag", "xtag", "code", "peer", "only", "q").
   * A method is shown when it fails none; it counts towards a facet's values when it fails
   * nothing but that facet. One pass over the methods gives both (linear in N). */
  function failures(m, state) {
    var failed = [];
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (!state[f.key].length) continue;
      var values = f.value(m);
      if (!values.some(function (v) { return state[f.key].indexOf(v) >= 0; })) failed.push(f.key);
    }
    if (state.tag.length && !m.tags.some(function (t) { return state.tag.indexOf(t) >= 0; })) failed.push("tag");
    if (state.xtag.length && m.tags.some(function (t) { return state.xtag.indexOf(t) >= 0; })) failed.push("xtag");
    if (state.code && !m.has_official_code) failed.push("code");
    if (state.peer && !m.peer_reviewed) failed.push("peer");
    if (state.only && state.sel.indexOf(m.slug) < 0) failed.push("only");
    if (state.q) {
      var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      for (var w = 0; w < words.length; w++) {
        if (m._text.indexOf(words[w]) < 0) { failed.push("q"); break; }
      }
    }
    return failed;
  }

  function sorter(key) {
    return function (a, b) {
      if (key === "year" && a.year !== b.year) return (b.year || 0) - (a.year || 0);
      if (key === "venue" && a.venue_label !== b.venue_label) return a.venue_label < b.venue_label ? -1 : 1;
      var an = a.name.toLowerCase(), bn = b.name.toLowerCase();
      return an < bn ? -1 : an > bn ? 1 : 0;
    };
  }

  /* ---- The catalog view ---- */

  function Catalog(root, index) {
    this.root = root;
    this.index = index;
    var tax = index.data.taxonomy;
    this.limits = index.data.compare_limits;
    this.names = { field: {}, task: {}, venue: {}, tag: index.tagNames, kind: {} };
    var names = this.names;
    tax.fields.forEach(function (t) { names.field[t.slug] = t.name; });
    tax.tasks.forEach(function (t) { names.task[t.slug] = t.name; });
    tax.venues.forEach(function (v) { names.venue[v.slug] = v.kind === "preprint" ? "arXiv only" : v.id; });
    ["conference", "journal", "workshop", "preprint"].forEach(function (k) { names.kind[k] = k.charAt(0).toUpperCase() + k.slice(1); });
    this.methods = index.methods;
    this.methods.forEach(function (m) {
      if (!m._text) m._text = [m.name].concat(m.aliases, [m.title], m.authors, [m.venue_label, m.venue, m.task, m.field]).join(" \u0001 ").toLowerCase();
    });
    this.order = {};
    var order = this.order;
    ["field", "task", "venue"].forEach(function (key) { order[key] = Object.keys(names[key]); });
    order.kind = Object.keys(names.kind);
    this.build();
  }

  Catalog.prototype.build = function () {
    var self = this;
    this.root.classList.add("inr-catalog--live");
    this.root.querySelectorAll(".inr-catalog-static, .inr-catalog-list").forEach(function (n) { n.hidden = true; });
    this.app = el("div", { class: "inr-catalog-app" });
    this.app.appendChild(this.buildControls());
    this.app.appendChild(this.buildResults());
    this.root.appendChild(this.app);
    this.cards = {};
    this.state = readState();
    this.update(null);
    this.onPop = function () { self.state = readState(); self.update(null); };
    window.addEventListener("popstate", this.onPop);
  };

  /** The text filter, the Filters control (a disclosure on narrow screens) and its panel of facets. */
  Catalog.prototype.buildControls = function () {
    var self = this;
    var controls = el("form", { class: "inr-catalog-controls", role: "search", "aria-label": "Filter methods" });
    controls.addEventListener("submit", function (e) { e.preventDefault(); });
    controls.appendChild(el("label", { for: "inr-q", class: "inr-label" }, "Filter by text"));
    this.search = el("input", { id: "inr-q", type: "search", placeholder: "Name, title, author, venue, task", autocomplete: "off" });
    this.search.addEventListener("input", function () { self.state.q = self.search.value.trim(); self.update("replace"); });
    controls.appendChild(this.search);

    this.filtersToggle = el("button", { type: "button", class: "inr-filters-toggle", "aria-expanded": "false", "aria-controls": "inr-facets" });
    this.filtersToggle.addEventListener("click", function () { self.showFilters(self.filtersToggle.getAttribute("aria-expanded") !== "true"); });
    controls.appendChild(this.filtersToggle);
    var panel = el("div", { id: "inr-facets", class: "inr-facets" });
    controls.appendChild(panel);

    var toggles = el("fieldset", { class: "inr-facet inr-toggles" });
    toggles.appendChild(el("legend", null, "Only"));
    this.codeBox = this.checkbox(toggles, "inr-code", "with official code", function (on) { self.state.code = on; });
    this.peerBox = this.checkbox(toggles, "inr-peer", "peer-reviewed", function (on) { self.state.peer = on; });
    this.onlyBox = this.checkbox(toggles, "inr-only", "selected methods", function (on) { self.state.only = on; });
    panel.appendChild(toggles);

    this.facetBoxes = {};
    FACETS.forEach(function (f) {
      var values = f.key === "year" ? self.years() : self.order[f.key];
      var fieldset = el("fieldset", { class: "inr-facet", "data-facet": f.key });
      fieldset.appendChild(el("legend", null, f.label));
      self.facetBoxes[f.key] = {};
      values.forEach(function (value) {
        var label = f.key === "year" ? value : self.names[f.key][value];
        self.facetBoxes[f.key][value] = self.checkbox(fieldset, "inr-" + f.key + "-" + value, label, function (on) {
          var list = self.state[f.key];
          if (on && list.indexOf(value) < 0) list.push(value);
          if (!on) self.state[f.key] = list.filter(function (v) { return v !== value; });
        });
      });
      panel.appendChild(fieldset);
    });
    panel.appendChild(this.buildTags());
    // On narrow screens: close the panel and go back to the results.
    this.filtersDone = el("button", { type: "button", class: "inr-filters-done" });
    this.filtersDone.addEventListener("click", function () { self.showFilters(false); self.filtersToggle.focus(); });
    panel.appendChild(this.filtersDone);
    return controls;
  };

  Catalog.prototype.showFilters = function (open) {
    this.filtersToggle.setAttribute("aria-expanded", open ? "true" : "false");
    this.app.classList.toggle("inr-filters-open", open);
  };

  Catalog.prototype.buildTags = function () {
    var self = this;
    var tagSet = el("fieldset", { class: "inr-facet inr-tags", "data-facet": "tag" });
    tagSet.appendChild(el("legend", null, "Tags (select: include, again: exclude)"));
    this.tagButtons = {};
    this.index.data.taxonomy.tags.forEach(function (t) {
      var button = el("button", { type: "button", class: "inr-tag", "data-tag": t.id, title: t.definition });
      button.addEventListener("click", function () {
        var inc = self.state.tag.indexOf(t.id) >= 0, exc = self.state.xtag.indexOf(t.id) >= 0;
        self.state.tag = self.state.tag.filter(function (x) { return x !== t.id; });
        self.state.xtag = self.state.xtag.filter(function (x) { return x !== t.id; });
        if (!inc && !exc) self.state.tag.push(t.id);
        else if (inc) self.state.xtag.push(t.id);
        self.update("push");
      });
      self.tagButtons[t.id] = button;
      tagSet.appendChild(button);
    });
    return tagSet;
  };

  /** The counter, sorting, downloads, the Compare control, the active-filter chips and the result list. */
  Catalog.prototype.buildResults = function () {
    var self = this;
    var main = el("div", { class: "inr-catalog-results" });
    var bar = el("div", { class: "inr-catalog-bar" });
    this.counter = el("p", { class: "inr-counter", role: "status", "aria-live": "polite" });
    bar.appendChild(this.counter);
    var sortWrap = el("span", { class: "inr-sort-wrap" });
    sortWrap.appendChild(el("label", { for: "inr-sort", class: "inr-label" }, "Sort by"));
    this.sortSelect = el("select", { id: "inr-sort" });
    Object.keys(SORTS).forEach(function (k) { self.sortSelect.appendChild(el("option", { value: k }, SORTS[k])); });
    this.sortSelect.addEventListener("change", function () { self.state.sort = self.sortSelect.value; self.update("push"); });
    sortWrap.appendChild(this.sortSelect);
    bar.appendChild(sortWrap);
    this.bibStatus = el("p", { class: "inr-bib-status", role: "alert" });
    this.dlFiltered = el("button", { type: "button", class: "md-button inr-download-filtered" });
    this.dlFiltered.addEventListener("click", function () {
      var methods = self.visible.slice();
      bibDownload(self.dlFiltered, self.bibStatus, "inr-survey-filtered.bib", function () { return bibtexOf(self.index, methods); });
    });
    this.dlSelected = el("button", { type: "button", class: "md-button inr-download-selected" });
    this.dlSelected.addEventListener("click", function () {
      var methods = self.selectedMethods();
      bibDownload(self.dlSelected, self.bibStatus, "inr-survey-selected.bib", function () { return bibtexOf(self.index, methods); });
    });
    this.compareButton = el("button", { type: "button", class: "md-button inr-compare-button", "aria-describedby": "inr-compare-hint" });
    this.compareButton.addEventListener("click", function () { window.location.assign(self.compareUrl()); });
    this.compareHint = el("p", { id: "inr-compare-hint", class: "inr-compare-hint" });
    [this.dlFiltered, this.dlSelected, this.compareButton].forEach(function (b) { bar.appendChild(b); });
    main.appendChild(bar);
    main.appendChild(this.compareHint);
    main.appendChild(this.bibStatus);
    this.chips = el("div", { class: "inr-chips", role: "group", "aria-label": "Active filters" });
    main.appendChild(this.chips);
    this.list = el("ol", { class: "inr-results" });
    main.appendChild(this.list);
    this.limit = PAGE_SIZE;
    this.more = el("button", { type: "button", class: "md-button inr-more", hidden: "" });
    this.more.addEventListener("click", function () { self.limit = Infinity; self.update(null); });
    main.appendChild(this.more);
    return main;
  };

  /** The compare page's address for the selection, in the order the methods were selected. */
  Catalog.prototype.compareUrl = function () {
    var url = new URL(this.index.url("compare"));
    url.search = "?methods=" + this.state.sel.map(encodeURIComponent).join(",");
    return url.href;
  };

  Catalog.prototype.years = function () {
    var seen = {};
    this.methods.forEach(function (m) { if (m.year) seen[m.year] = true; });
    return Object.keys(seen).sort().reverse();
  };

  Catalog.prototype.checkbox = function (parent, id, label, onChange) {
    var self = this;
    var wrap = el("div", { class: "inr-check" });
    var box = el("input", { type: "checkbox", id: id });
    var text = el("label", { for: id });
    text.appendChild(el("span", { class: "inr-check-label" }, label));
    var count = el("span", { class: "inr-count" });
    text.appendChild(count);
    box.addEventListener("change", function () { onChange(box.checked); self.update("push"); });
    wrap.appendChild(box);
    wrap.appendChild(text);
    parent.appendChild(wrap);
    box._count = count;
    return box;
  };

  Catalog.prototype.card = function (m) {
    var self = this;
    var li = el("li", { class: "inr-card", "data-slug": m.slug });
    var head = el("div", { class: "inr-card-head" });
    var box = el("input", { type: "checkbox", id: "inr-sel-" + m.slug, class: "inr-select" });
    box.setAttribute("aria-label", "Select " + m.name);
    box.addEventListener("change", function () {
      self.state.sel = self.state.sel.filter(function (s) { return s !== m.slug; });
      if (box.checked) self.state.sel.push(m.slug);
      self.update("push");
    });
    li._box = box;
    head.appendChild(box);
    head.appendChild(el("a", { href: m.page, class: "inr-card-name" }, m.name));
    head.appendChild(el("span", { class: "inr-badge" }, m.venue_label));
    li.appendChild(head);
    li.appendChild(el("p", { class: "inr-card-title" }, m.title));
    var first = m.authors.length > 2 ? m.authors[0] + " et al." : m.authors.join(" and ");
    li.appendChild(el("p", { class: "inr-card-meta" }, first + " · " + m.field + " · " + m.task + (m.year ? " · " + m.year : "")));
    var tags = el("p", { class: "inr-card-tags" });
    m.tags.forEach(function (t) { tags.appendChild(el("span", { class: "inr-card-tag" }, self.names.tag[t] || t)); });
    li.appendChild(tags);
    var links = el("p", { class: "inr-card-links" });
    [["paper", m.paper_url], ["code", m.code.length ? m.code[0].url : null], ["project", m.project]].forEach(function (pair) {
      var url = safeUrl(pair[1]);
      if (url) links.appendChild(el("a", { href: url, rel: "noopener" }, pair[0]));
    });
    li.appendChild(links);
    return li;
  };

  Catalog.prototype.selectedMethods = function () {
    var sel = this.state.sel;
    return this.methods.filter(function (m) { return sel.indexOf(m.slug) >= 0; }).sort(sorter(this.state.sort));
  };

  Catalog.prototype.chip = function (label, remove) {
    var self = this;
    var button = el("button", { type: "button", class: "inr-chip" });
    button.appendChild(el("span", null, label));
    button.appendChild(el("span", { "aria-hidden": "true" }, " ✕"));
    button.setAttribute("aria-label", "Remove filter " + label);
    button.addEventListener("click", function () { remove(); self.update("push"); });
    this.chips.appendChild(button);
  };

  /** Count, for every facet value, the methods that pass every other filter; return the visible methods. */
  Catalog.prototype.filter = function () {
    var state = this.state;
    var counts = { code: 0, peer: 0, tag: {} };
    FACETS.forEach(function (f) { counts[f.key] = {}; });
    var visible = [];
    this.methods.forEach(function (m) {
      var failed = failures(m, state);
      if (failed.length > 1) return;
      var only = failed.length ? failed[0] : null;
      if (!only) visible.push(m);
      FACETS.forEach(function (f) {
        if (only && only !== f.key) return;
        f.value(m).forEach(function (v) { counts[f.key][v] = (counts[f.key][v] || 0) + 1; });
      });
      if (!only || only === "tag") m.tags.forEach(function (t) { counts.tag[t] = (counts.tag[t] || 0) + 1; });
      if ((!only || only === "code") && m.has_official_code) counts.code += 1;
      if ((!only || only === "peer") && m.peer_reviewed) counts.peer += 1;
    });
    this.counts = counts;
    return visible.sort(sorter(state.sort));
  };

  Catalog.prototype.updateFacets = function () {
    var self = this, state = this.state, counts = this.counts;
    this.codeBox.checked = state.code;
    this.peerBox.checked = state.peer;
    this.onlyBox.checked = state.only;
    FACETS.forEach(function (f) {
      Object.keys(self.facetBoxes[f.key]).forEach(function (value) {
        var box = self.facetBoxes[f.key][value];
        box.checked = state[f.key].indexOf(value) >= 0;
        var n = counts[f.key][value] || 0;
        box._count.textContent = " (" + n + ")";
        box.setAttribute("data-count", String(n));
      });
    });
    this.codeBox._count.textContent = " (" + counts.code + ")";
    this.peerBox._count.textContent = " (" + counts.peer + ")";
    this.onlyBox._count.textContent = " (" + state.sel.length + ")";
    Object.keys(this.tagButtons).forEach(function (id) {
      var button = self.tagButtons[id];
      var inc = state.tag.indexOf(id) >= 0, exc = state.xtag.indexOf(id) >= 0;
      var n = counts.tag[id] || 0;
      button.textContent = (inc ? "+ " : exc ? "− " : "") + self.names.tag[id] + " (" + n + ")";
      button.setAttribute("data-state", inc ? "include" : exc ? "exclude" : "off");
      button.setAttribute("aria-label", self.names.tag[id] + ": " + (inc ? "included" : exc ? "excluded" : "not used") + ", " + n + " methods");
    });
    var active = activeFilters(state);
    this.filtersToggle.textContent = "Filters (" + (active ? active + " active" : "none active") + ")";
    this.filtersDone.textContent = "Show " + this.visible.length + " result" + (this.visible.length === 1 ? "" : "s");
  };

  Catalog.prototype.updateBar = function () {
    var state = this.state, n = state.sel.length, limits = this.limits;
    this.counter.textContent = this.visible.length + " of " + this.methods.length + " methods";
    if (!this.dlFiltered.hasAttribute("aria-busy")) {
      this.dlFiltered.textContent = "Download BibTeX (" + this.visible.length + " shown)";
      this.dlFiltered.disabled = this.visible.length === 0;
    }
    if (!this.dlSelected.hasAttribute("aria-busy")) {
      this.dlSelected.textContent = "Download BibTeX (" + n + " selected)";
      this.dlSelected.disabled = n === 0;
    }
    this.compareButton.textContent = "Compare " + n + " selected";
    this.compareButton.disabled = n < limits.min || n > limits.max;
    this.compareHint.textContent = n < limits.min
      ? "Tick " + limits.min + " to " + limits.max + " methods to compare them side by side."
      : n > limits.max ? "Compare shows at most " + limits.max + " methods; " + n + " are selected." : "";
  };

  Catalog.prototype.updateChips = function () {
    var self = this, state = this.state;
    this.chips.replaceChildren();
    if (state.q) this.chip("Text: " + state.q, function () { state.q = ""; });
    FACETS.forEach(function (f) {
      state[f.key].forEach(function (v) {
        self.chip(f.label + ": " + (f.key === "year" ? v : self.names[f.key][v] || v), function () {
          state[f.key] = state[f.key].filter(function (x) { return x !== v; });
        });
      });
    });
    state.tag.forEach(function (t) { self.chip("Tag: " + (self.names.tag[t] || t), function () { state.tag = state.tag.filter(function (x) { return x !== t; }); }); });
    state.xtag.forEach(function (t) { self.chip("Without: " + (self.names.tag[t] || t), function () { state.xtag = state.xtag.filter(function (x) { return x !== t; }); }); });
    if (state.code) this.chip("With official code", function () { state.code = false; });
    if (state.peer) this.chip("Peer-reviewed", function () { state.peer = false; });
    if (state.only) this.chip("Selected only", function () { state.only = false; });
    if (this.chips.childNodes.length) {
      var clear = el("button", { type: "button", class: "inr-chip inr-clear" }, "Clear all");
      clear.addEventListener("click", function () {
        var sel = state.sel;
        self.state = emptyState();
        self.state.sel = sel;
        self.state.sort = state.sort;
        self.update("push");
      });
      this.chips.appendChild(clear);
    }
  };

  Catalog.prototype.update = function (history) {
    var self = this, state = this.state;
    if (history) this.limit = PAGE_SIZE;
    if (this.search.value.trim() !== state.q) this.search.value = state.q;
    this.sortSelect.value = state.sort;
    this.visible = this.filter();
    this.updateFacets();
    // Results: the first `limit` cards (built on first use), and a button for the rest. Moving the
    // cards drops the focus: it goes back to the control that had it (a card's checkbox).
    var focused = this.list.contains(document.activeElement) ? document.activeElement : null;
    var fragment = document.createDocumentFragment();
    this.visible.slice(0, this.limit).forEach(function (m) {
      var card = self.cards[m.slug] || (self.cards[m.slug] = self.card(m));
      card._box.checked = state.sel.indexOf(m.slug) >= 0;
      fragment.appendChild(card);
    });
    this.list.replaceChildren(fragment);
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
    var rest = this.visible.length - Math.min(this.limit, this.visible.length);
    this.more.hidden = rest <= 0;
    this.more.textContent = "Show all " + this.visible.length + " methods (" + rest + " more)";
    this.updateBar();
    this.updateChips();
    var query = stateQuery(state);
    if (history && query !== window.location.search) {
      var url = window.location.pathname + query + window.location.hash;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
  };

  var active = null;

  function init() {
    if (active) {
      window.removeEventListener("popstate", active.onPop);
      active = null;
    }
    var root = document.querySelector(".inr-catalog[data-src]");
    if (!root) return;
    loadIndex(root.getAttribute("data-src"))
      .then(function (index) {
        if (!document.body.contains(root)) return;
        active = new Catalog(root, index);
        window.inrCatalog = active;
      })
      .catch(function (error) {
        var note = el("p", { class: "inr-catalog-error", role: "alert" }, "The filters could not load (" + error.message + "); the plain list is shown below.");
        root.insertBefore(note, root.firstChild);
      });
  }

  // Scripts run at the end of the page's body: start fetching the index now, while the theme's
  // bundle starts up; init (on document$) takes the same promise.
  var early = document.querySelector(".inr-catalog[data-src], .inr-compare[data-src]");
  if (early) loadIndex(early.getAttribute("data-src")).catch(function () { return null; });

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
