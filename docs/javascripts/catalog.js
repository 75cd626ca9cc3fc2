/* INR Survey catalog: facets, free text, sorting, selection, URL state and BibTeX export.
 *
 * Reads data/papers.json (written by the build) and replaces the static list of the
 * catalog page, which stays as the no-JavaScript fallback. All data is inserted with
 * textContent and checked URLs, never as HTML. Re-initialised on every page load
 * (Material's instant navigation emits document$).
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
  var SORTS = { name: "Name", year: "Year (newest first)", venue: "Venue" };

  var el = window.INR.el;

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  var siteRoot = window.INR.siteRoot;

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

  function download(name, text) {
    var blob = new Blob([text], { type: "application/x-bibtex;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /** The BibTeX of `methods`: each entry exactly as its bib/<key>.bib file, a blank line between. */
  function bibtexOf(methods) {
    return methods.map(function (m) { return m.bibtex; }).join("\n");
  }

  function Catalog(root, data) {
    this.root = root;
    this.data = data;
    this.siteRoot = siteRoot();
    var tax = data.taxonomy;
    this.names = { field: {}, task: {}, venue: {}, tag: {}, kind: {} };
    var names = this.names;
    tax.fields.forEach(function (t) { names.field[t.slug] = t.name; });
    tax.tasks.forEach(function (t) { names.task[t.slug] = t.name; });
    tax.venues.forEach(function (v) { names.venue[v.slug] = v.kind === "preprint" ? "arXiv only" : v.id; });
    tax.tags.forEach(function (t) { names.tag[t.id] = t.name; });
    ["conference", "journal", "workshop", "preprint"].forEach(function (k) { names.kind[k] = k.charAt(0).toUpperCase() + k.slice(1); });
    this.methods = data.methods.map(function (m) {
      m._text = [m.name].concat(m.aliases, [m.title], m.authors, [m.venue_label, m.venue, m.task, m.field]).join(" \u0001 ").toLowerCase();
      return m;
    });
    this.order = {};
    var order = this.order;
    ["field", "task", "venue"].forEach(function (key) {
      order[key] = Object.keys(names[key]);
    });
    order.kind = Object.keys(names.kind);
    this.build();
  }

  Catalog.prototype.build = function () {
    var self = this;
    var root = this.root;
    root.classList.add("inr-catalog--live");
    root.querySelectorAll(".inr-catalog-static, .inr-catalog-list").forEach(function (n) { n.hidden = true; });

    var app = el("div", { class: "inr-catalog-app" });
    var controls = el("form", { class: "inr-catalog-controls", role: "search", "aria-label": "Filter methods" });
    controls.addEventListener("submit", function (e) { e.preventDefault(); });
    var searchLabel = el("label", { for: "inr-q", class: "inr-label" }, "Filter by text");
    this.search = el("input", { id: "inr-q", type: "search", placeholder: "Name, title, author, venue, task", autocomplete: "off" });
    this.search.addEventListener("input", function () { self.state.q = self.search.value.trim(); self.update("replace"); });
    controls.appendChild(searchLabel);
    controls.appendChild(this.search);

    var toggles = el("fieldset", { class: "inr-facet inr-toggles" });
    toggles.appendChild(el("legend", null, "Only"));
    this.codeBox = this.checkbox(toggles, "inr-code", "with official code", function (on) { self.state.code = on; });
    this.peerBox = this.checkbox(toggles, "inr-peer", "peer-reviewed", function (on) { self.state.peer = on; });
    this.onlyBox = this.checkbox(toggles, "inr-only", "selected methods", function (on) { self.state.only = on; });
    controls.appendChild(toggles);

    this.facetBoxes = {};
    FACETS.forEach(function (f) {
      var values = f.key === "year" ? self.years() : self.order[f.key];
      var fieldset = el("fieldset", { class: "inr-facet", "data-facet": f.key });
      fieldset.appendChild(el("legend", null, f.label));
      self.facetBoxes[f.key] = {};
      values.forEach(function (value) {
        var label = f.key === "year" ? value : self.names[f.key][value];
        var box = self.checkbox(fieldset, "inr-" + f.key + "-" + value, label, function (on) {
          var list = self.state[f.key];
          if (on && list.indexOf(value) < 0) list.push(value);
          if (!on) self.state[f.key] = list.filter(function (v) { return v !== value; });
        });
        self.facetBoxes[f.key][value] = box;
      });
      controls.appendChild(fieldset);
    });

    var tagSet = el("fieldset", { class: "inr-facet inr-tags", "data-facet": "tag" });
    tagSet.appendChild(el("legend", null, "Tags (select: include, again: exclude)"));
    this.tagButtons = {};
    this.data.taxonomy.tags.forEach(function (t) {
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
    controls.appendChild(tagSet);

    var main = el("div", { class: "inr-catalog-results" });
    var bar = el("div", { class: "inr-catalog-bar" });
    this.counter = el("p", { class: "inr-counter", role: "status", "aria-live": "polite" });
    bar.appendChild(this.counter);
    var sortLabel = el("label", { for: "inr-sort", class: "inr-label" }, "Sort by");
    this.sortSelect = el("select", { id: "inr-sort" });
    Object.keys(SORTS).forEach(function (k) { self.sortSelect.appendChild(el("option", { value: k }, SORTS[k])); });
    this.sortSelect.addEventListener("change", function () { self.state.sort = self.sortSelect.value; self.update("push"); });
    bar.appendChild(sortLabel);
    bar.appendChild(this.sortSelect);
    this.dlFiltered = el("button", { type: "button", class: "md-button inr-download-filtered" });
    this.dlFiltered.addEventListener("click", function () { download("inr-survey-filtered.bib", bibtexOf(self.visible)); });
    this.dlSelected = el("button", { type: "button", class: "md-button inr-download-selected" });
    this.dlSelected.addEventListener("click", function () { download("inr-survey-selected.bib", bibtexOf(self.selectedMethods())); });
    bar.appendChild(this.dlFiltered);
    bar.appendChild(this.dlSelected);
    main.appendChild(bar);
    this.chips = el("div", { class: "inr-chips", role: "group", "aria-label": "Active filters" });
    main.appendChild(this.chips);
    this.list = el("ol", { class: "inr-results" });
    main.appendChild(this.list);
    this.limit = PAGE_SIZE;
    this.more = el("button", { type: "button", class: "md-button inr-more", hidden: "" });
    this.more.addEventListener("click", function () { self.limit = Infinity; self.update(null); });
    main.appendChild(this.more);

    app.appendChild(controls);
    app.appendChild(main);
    root.appendChild(app);

    this.cards = {};
    this.state = readState();
    this.update(null);
    this.onPop = function () { self.state = readState(); self.update(null); };
    window.addEventListener("popstate", this.onPop);
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
    var name = el("a", { href: new URL(m.page, this.siteRoot).href, class: "inr-card-name" }, m.name);
    head.appendChild(name);
    head.appendChild(el("span", { class: "inr-badge" }, m.venue_label));
    li.appendChild(head);
    li.appendChild(el("p", { class: "inr-card-title" }, m.title));
    var first = m.authors.length > 2 ? m.authors[0] + " et al." : m.authors.join(" and ");
    var meta = el("p", { class: "inr-card-meta" }, first + " · " + m.field + " · " + m.task + (m.year ? " · " + m.year : ""));
    li.appendChild(meta);
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

  Catalog.prototype.update = function (history) {
    var self = this, state = this.state, methods = this.methods;
    if (history) this.limit = PAGE_SIZE;
    // Controls reflect the state.
    if (this.search.value.trim() !== state.q) this.search.value = state.q;
    this.sortSelect.value = state.sort;
    this.codeBox.checked = state.code;
    this.peerBox.checked = state.peer;
    this.onlyBox.checked = state.only;
    var counts = { code: 0, peer: 0, tag: {} };
    FACETS.forEach(function (f) { counts[f.key] = {}; });
    var visible = [];
    methods.forEach(function (m) {
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
    // Results: the first `limit` cards (built on first use), and a button for the rest.
    this.visible = visible.sort(sorter(state.sort));
    var fragment = document.createDocumentFragment();
    this.visible.slice(0, this.limit).forEach(function (m) {
      var card = self.cards[m.slug] || (self.cards[m.slug] = self.card(m));
      card._box.checked = state.sel.indexOf(m.slug) >= 0;
      fragment.appendChild(card);
    });
    this.list.replaceChildren(fragment);
    var rest = this.visible.length - Math.min(this.limit, this.visible.length);
    this.more.hidden = rest <= 0;
    this.more.textContent = "Show all " + this.visible.length + " methods (" + rest + " more)";
    this.counter.textContent = this.visible.length + " of " + methods.length + " methods";
    this.dlFiltered.textContent = "Download BibTeX (" + this.visible.length + " shown)";
    this.dlFiltered.disabled = this.visible.length === 0;
    this.dlSelected.textContent = "Download BibTeX (" + state.sel.length + " selected)";
    this.dlSelected.disabled = state.sel.length === 0;
    // Active filter chips.
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
    // URL.
    var query = stateQuery(state);
    if (history && query !== window.location.search) {
      var url = window.location.pathname + query + window.location.hash;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
  };

  function emptyState() {
    var state = { q: "", sort: "name", tag: [], xtag: [], sel: [], code: false, peer: false, only: false };
    FACETS.forEach(function (f) { state[f.key] = []; });
    return state;
  }

  var active = null;

  function init() {
    if (active) {
      window.removeEventListener("popstate", active.onPop);
      active = null;
    }
    var root = document.querySelector(".inr-catalog[data-src]");
    if (!root) return;
    fetch(new URL(root.getAttribute("data-src"), siteRoot()).href)
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (!document.body.contains(root)) return;
        active = new Catalog(root, data);
        window.inrCatalog = active;
      })
      .catch(function (error) {
        var note = el("p", { class: "inr-catalog-error", role: "alert" }, "The filters could not load (" + error.message + "); the full list is shown below.");
        root.insertBefore(note, root.firstChild);
      });
  }

  window.inrBibtexOf = bibtexOf;
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
