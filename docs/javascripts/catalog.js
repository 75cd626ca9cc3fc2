/* INR Survey catalog: facets, free text, sorting, selection, comparison, URL state and BibTeX export.
 *
 * Loaded by inr.js only on the catalog page. Reads the compact index data/catalog.json (one
 * row per method, no BibTeX) and replaces the page's static list, which stays as the
 * no-JavaScript fallback. The filters are those of the table in filters.js. All data is
 * inserted with textContent and checked URLs, never as HTML.
 */
import { el, safeUrl } from "./dom.js";
import { bibDownload, bibtexOf, byKey, loadIndex } from "./data.js";
import { FILTERS, SORTS, activeCount, applyFilters, clearedState, knownState, readState, searchText, sorter, vocabularies, writeState } from "./filters.js";

const PAGE_SIZE = 50;  // cards shown before "Show all": a phone lays out the first view without a long task

const byDisplay = (display) => FILTERS.filter((f) => f.display === display);
const without = (list, value) => list.filter((x) => x !== value);
const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
const MAX_VALUE_SHOWN = 64;
const shortValue = (value) => (value.length > MAX_VALUE_SHOWN ? value.slice(0, MAX_VALUE_SHOWN) + "…" : value);

class Catalog {
  constructor(root, index) {
    this.root = root;
    this.index = index;
    this.limits = index.data.compare_limits;
    this.vocab = vocabularies(index);
    // Every map keyed by data is a Map: a slug or id such as "constructor" is just a key.
    this.names = new Map(Object.keys(this.vocab).map((name) => [name, byKey(this.vocab[name], "value", (t) => t.label)]));
    this.methods = index.methods;
    this.methods.forEach((m) => { if (!m._text) m._text = searchText(m); });
    this.slugs = new Set(this.methods.map((m) => m.slug));
    this.cards = new Map();
    this.limit = PAGE_SIZE;
  }

  /** Replace the static list by the live catalog and show the state of the address. */
  mount() {
    this.root.classList.add("inr-catalog--live");
    this.root.querySelectorAll(".inr-catalog-static, .inr-catalog-list").forEach((n) => { n.hidden = true; });
    this.app = el("div", { class: "inr-catalog-app" });
    this.app.append(this.buildControls(), this.buildResults());
    this.root.appendChild(this.app);
    this.readAddress();
    this.update(null);
    this.onPop = () => { this.readAddress(); this.update(null); };
    window.addEventListener("popstate", this.onPop);
  }

  unmount() {
    if (this.onPop) window.removeEventListener("popstate", this.onPop);
  }

  /** Take the state from the address; values the survey does not have are left out and named. */
  readAddress() {
    const { state, ignored } = knownState(readState(window.location.search), this.vocab, this.slugs);
    const sort = new URLSearchParams(window.location.search).get("sort");
    if (sort && sort !== state.sort) ignored.push(["Sort", sort]);
    this.state = state;
    this.ignoredNote.hidden = !ignored.length;
    this.ignoredNote.textContent = ignored.length
      ? "This address names " + plural(ignored.length, "value") + " the survey does not have; left out: "
        + ignored.map(([label, value]) => label + " “" + shortValue(value) + "”").join(", ") + "."
      : "";
  }

  /* ---- Building: the controls ---- */

  /** The text filter, the Filters control (a disclosure on narrow screens) and its panel of facets. */
  buildControls() {
    const controls = el("form", { class: "inr-catalog-controls", role: "search", "aria-label": "Filter methods" });
    controls.addEventListener("submit", (e) => e.preventDefault());
    byDisplay("text").forEach((f) => this.buildText(controls, f));
    this.filtersToggle = el("button", { type: "button", class: "inr-filters-toggle", "aria-expanded": "false", "aria-controls": "inr-facets" });
    this.filtersToggle.addEventListener("click", () => this.showFilters(this.filtersToggle.getAttribute("aria-expanded") !== "true"));
    controls.appendChild(this.filtersToggle);
    controls.appendChild(this.buildPanel());
    return controls;
  }

  buildText(parent, f) {
    parent.appendChild(el("label", { for: "inr-" + f.id, class: "inr-label" }, "Filter by text"));
    this.search = el("input", { id: "inr-" + f.id, type: "search", placeholder: "Name, title, author, venue, task, idea", autocomplete: "off" });
    this.search.addEventListener("input", () => { this.state[f.id] = this.search.value.trim(); this.update("replace"); });
    parent.appendChild(this.search);
    // Keyboard users reach the results (sort, downloads, Compare, the cards) without walking every facet.
    const skip = el("a", { href: "#inr-results-start", class: "inr-skip-results" }, "Skip the filters to the results");
    skip.addEventListener("click", (e) => { e.preventDefault(); this.resultsStart.focus(); });
    parent.appendChild(skip);
  }

  /** The panel: the "Only" toggles, a fieldset per checkbox filter, the tags, and a Done button. */
  buildPanel() {
    const panel = el("div", { id: "inr-facets", class: "inr-facets" });
    panel.appendChild(this.buildToggles());
    this.facetBoxes = new Map();
    byDisplay("checkboxes").forEach((f) => panel.appendChild(this.buildFacet(f)));
    panel.appendChild(this.buildTags());
    // On narrow screens: close the panel and go back to the results.
    this.filtersDone = el("button", { type: "button", class: "inr-filters-done" });
    this.filtersDone.addEventListener("click", () => { this.showFilters(false); this.filtersToggle.focus(); });
    panel.appendChild(this.filtersDone);
    return panel;
  }

  showFilters(open) {
    this.filtersToggle.setAttribute("aria-expanded", open ? "true" : "false");
    this.app.classList.toggle("inr-filters-open", open);
  }

  buildToggles() {
    const toggles = el("fieldset", { class: "inr-facet inr-toggles" });
    toggles.appendChild(el("legend", null, "Only"));
    this.toggleBoxes = new Map();
    byDisplay("toggle").forEach((f) => {
      this.toggleBoxes.set(f.id, this.checkbox(toggles, "inr-" + f.id, f.option, (on) => { this.state[f.id] = on; }));
    });
    return toggles;
  }

  /** A fieldset with a checkbox for each value of the filter's vocabulary. */
  buildFacet(f) {
    const fieldset = el("fieldset", { class: "inr-facet", "data-facet": f.id });
    fieldset.appendChild(el("legend", null, f.label));
    const boxes = new Map();
    this.facetBoxes.set(f.id, boxes);
    this.vocab[f.vocabulary].forEach((term) => {
      boxes.set(term.value, this.checkbox(fieldset, "inr-" + f.id + "-" + term.value, term.label, (on) => {
        const chosen = without(this.state[f.id], term.value);
        this.state[f.id] = on ? chosen.concat([term.value]) : chosen;
      }, term.definition));
    });
    const defined = this.vocab[f.vocabulary].filter((term) => term.definition);
    if (defined.length) fieldset.appendChild(this.facetHelp(f, defined));
    return fieldset;
  }

  /** A disclosure under a facet with the definition of each of its values (the taxonomy's rules). */
  facetHelp(f, terms) {
    const help = el("details", { class: "inr-facet-help", "data-help": f.id });
    help.appendChild(el("summary", null, "What the " + f.label.toLowerCase() + " values mean"));
    const list = el("dl");
    terms.forEach((term) => list.append(el("dt", null, term.label), el("dd", null, term.definition)));
    help.appendChild(list);
    return help;
  }

  /** A checkbox with its label, a count and (if given) its definition as help, in `parent`; a change calls `onChange(checked)` and updates. */
  checkbox(parent, id, label, onChange, help) {
    const wrap = el("div", help ? { class: "inr-check", title: help } : { class: "inr-check" });
    const box = el("input", { type: "checkbox", id });
    const text = el("label", { for: id });
    const count = el("span", { class: "inr-count" });
    text.append(el("span", { class: "inr-check-label" }, label), count);
    box.addEventListener("change", () => { onChange(box.checked); this.update("push"); });
    wrap.append(box, text);
    parent.appendChild(wrap);
    box._count = count;
    return box;
  }

  /** The tag buttons: a click cycles a tag through off, included (filter `tag`) and excluded (`xtag`). */
  buildTags() {
    const [inc, exc] = [byDisplay("tags").find((f) => !f.exclude), byDisplay("tags").find((f) => f.exclude)];
    const tagSet = el("fieldset", { class: "inr-facet inr-tags", "data-facet": inc.id });
    tagSet.appendChild(el("legend", null, "Tags (select: include, again: exclude)"));
    this.tagButtons = new Map();
    this.vocab[inc.vocabulary].forEach((term) => {
      const button = el("button", { type: "button", class: "inr-tag", "data-tag": term.value, title: term.definition });
      button.addEventListener("click", () => {
        const wasInc = this.state[inc.id].indexOf(term.value) >= 0, wasExc = this.state[exc.id].indexOf(term.value) >= 0;
        this.state[inc.id] = without(this.state[inc.id], term.value);
        this.state[exc.id] = without(this.state[exc.id], term.value);
        if (!wasInc && !wasExc) this.state[inc.id].push(term.value);
        else if (wasInc) this.state[exc.id].push(term.value);
        this.update("push");
      });
      this.tagButtons.set(term.value, button);
      tagSet.appendChild(button);
    });
    this.tagFilters = { inc, exc };
    return tagSet;
  }

  /* ---- Building: the results ---- */

  /** The bar (counter, sort, downloads, Compare), the hint, the chips, the result list and "Show all". */
  buildResults() {
    const main = el("div", { class: "inr-catalog-results" });
    this.resultsStart = el("h2", { id: "inr-results-start", class: "inr-results-heading inr-visually-hidden", tabindex: "-1" }, "Results");
    this.empty = el("div", { class: "inr-empty", role: "status", hidden: "" });
    this.compareHint = el("p", { id: "inr-compare-hint", class: "inr-compare-hint" });
    this.bibStatus = el("p", { class: "inr-bib-status", role: "alert" });
    this.ignoredNote = el("p", { class: "inr-ignored", role: "status", hidden: "" });
    this.chips = el("div", { class: "inr-chips", role: "group", "aria-label": "Active filters" });
    this.list = el("ol", { class: "inr-results" });
    this.more = el("button", { type: "button", class: "md-button inr-more", hidden: "" });
    this.more.addEventListener("click", () => { this.limit = Infinity; this.update(null); });
    main.append(this.resultsStart, this.buildBar(), this.compareHint, this.bibStatus, this.ignoredNote, this.chips, this.empty, this.list, this.more);
    return main;
  }

  buildBar() {
    const bar = el("div", { class: "inr-catalog-bar" });
    this.counter = el("p", { class: "inr-counter", role: "status", "aria-live": "polite" });
    this.dlFiltered = this.downloadButton("inr-download-filtered", "inr-survey-filtered.bib", () => this.visible.slice());
    this.dlSelected = this.downloadButton("inr-download-selected", "inr-survey-selected.bib", () => this.selectedMethods());
    this.compareButton = el("button", { type: "button", class: "md-button inr-compare-button", "aria-describedby": "inr-compare-hint" });
    this.compareButton.addEventListener("click", () => window.location.assign(this.compareUrl()));
    bar.append(this.counter, this.buildSort(), this.dlFiltered, this.dlSelected, this.compareButton);
    return bar;
  }

  buildSort() {
    const wrap = el("span", { class: "inr-sort-wrap" });
    wrap.appendChild(el("label", { for: "inr-sort", class: "inr-label" }, "Sort by"));
    this.sortSelect = el("select", { id: "inr-sort" });
    SORTS.forEach((label, k) => this.sortSelect.appendChild(el("option", { value: k }, label)));
    this.sortSelect.addEventListener("change", () => { this.state.sort = this.sortSelect.value; this.update("push"); });
    wrap.appendChild(this.sortSelect);
    return wrap;
  }

  /** A button downloading the BibTeX of `methods()` (taken when clicked) as `name`. */
  downloadButton(className, name, methods) {
    const button = el("button", { type: "button", class: "md-button " + className });
    button.addEventListener("click", () => {
      const chosen = methods();
      bibDownload(button, this.bibStatus, name, () => bibtexOf(this.index, chosen));
    });
    return button;
  }

  /** The compare page's address for the selection, in the order the methods were selected. */
  compareUrl() {
    const url = new URL(this.index.url("compare"));
    url.search = "?methods=" + this.state.sel.map(encodeURIComponent).join(",");
    return url.href;
  }

  selectedMethods() {
    const sel = this.state.sel;
    return this.methods.filter((m) => sel.indexOf(m.slug) >= 0).sort(sorter(this.state.sort));
  }

  /** A method's card: selection box, name, venue, title, authors and facts, tags, links. */
  card(m) {
    const li = el("li", { class: "inr-card", "data-slug": m.slug });
    li.appendChild(this.cardHead(m, li));
    li.appendChild(el("p", { class: "inr-card-title" }, m.title));
    const first = m.authors.length > 2 ? m.authors[0] + " et al." : m.authors.join(" and ");
    li.appendChild(el("p", { class: "inr-card-meta" }, first + " · " + m.field + " · " + m.tasks.join(", ") + (m.year ? " · " + m.year : "")));
    if (m.key_idea) li.appendChild(el("p", { class: "inr-card-idea" }, m.key_idea));
    const tags = el("p", { class: "inr-card-tags" });
    m.tags.forEach((t) => tags.appendChild(el("span", { class: "inr-card-tag" }, this.names.get("tags").get(t) || t)));
    li.appendChild(tags);
    const links = el("p", { class: "inr-card-links" });
    [["paper", m.paper_url], ["code", m.code.length ? m.code[0].url : null], ["project", m.project]].forEach(([label, url]) => {
      if (safeUrl(url)) links.appendChild(el("a", { href: url, rel: "noopener" }, label));
    });
    li.appendChild(links);
    return li;
  }

  cardHead(m, li) {
    const head = el("div", { class: "inr-card-head" });
    const box = el("input", { type: "checkbox", id: "inr-sel-" + m.slug, class: "inr-select", "aria-label": "Select " + m.name });
    box.addEventListener("change", () => {
      this.state.sel = without(this.state.sel, m.slug);
      if (box.checked) this.state.sel.push(m.slug);
      this.update("push", true);  // ticking a card keeps the list as long as it is ("Show all" stays)
    });
    li._box = box;
    head.append(box, el("a", { href: m.page, class: "inr-card-name" }, m.name), el("span", { class: "inr-badge" }, m.venue_label));
    return head;
  }

  /* ---- Updating ---- */

  /**
   * Show the state: filter, then every part; `history` ("push", "replace" or null) records it in
   * the address. A recorded change shows the first cards again, unless `keepLength` (a selection).
   */
  update(history, keepLength = false) {
    if (history && !keepLength) this.limit = PAGE_SIZE;
    const result = applyFilters(this.methods, this.state);
    this.visible = result.visible;
    this.counts = result.counts;
    this.showInputs();
    this.showToggles();
    this.showFacets();
    this.showTags();
    this.showSummary();
    this.showResults();
    this.showBar();
    this.showChips();
    this.record(history);
  }

  /** The text box and the sort order, when the state changed elsewhere (address, Clear all). */
  showInputs() {
    if (this.search.value.trim() !== this.state.q) this.search.value = this.state.q;
    this.sortSelect.value = this.state.sort;
  }

  showToggles() {
    byDisplay("toggle").forEach((f) => {
      const box = this.toggleBoxes.get(f.id);
      box.checked = this.state[f.id];
      box._count.textContent = " (" + (f.value === "selection" ? this.state.sel.length : this.counts.get(f.id)) + ")";
    });
  }

  showFacets() {
    byDisplay("checkboxes").forEach((f) => {
      const boxes = this.facetBoxes.get(f.id), counts = this.counts.get(f.id), chosen = this.state[f.id];
      boxes.forEach((box, value) => {
        const n = counts.get(value) || 0;
        box.checked = chosen.indexOf(value) >= 0;
        box._count.textContent = " (" + n + ")";
        box.setAttribute("data-count", String(n));
      });
    });
  }

  showTags() {
    const { inc, exc } = this.tagFilters;
    this.tagButtons.forEach((button, id) => {
      const name = this.names.get("tags").get(id);
      const on = this.state[inc.id].indexOf(id) >= 0 ? "include" : this.state[exc.id].indexOf(id) >= 0 ? "exclude" : "off";
      const n = this.counts.get(inc.id).get(id) || 0;
      button.textContent = { include: "+ ", exclude: "− ", off: "" }[on] + name + " (" + n + ")";
      button.setAttribute("data-state", on);
      button.setAttribute("aria-label", name + ": " + { include: "included", exclude: "excluded", off: "not used" }[on] + ", " + n + " methods");
    });
  }

  /** The Filters control's count of active filters and the panel's "Show N results". */
  showSummary() {
    const active = activeCount(this.state);
    this.filtersToggle.textContent = "Filters (" + (active ? active + " active" : "none active") + ")";
    this.filtersDone.textContent = "Show " + plural(this.visible.length, "result");
  }

  /**
   * The first `limit` cards (built on first use) and a button for the rest. Moving the cards
   * drops the focus: it goes back to the control that had it (a card's checkbox).
   */
  showResults() {
    const focused = this.list.contains(document.activeElement) ? document.activeElement : null;
    const fragment = document.createDocumentFragment();
    this.visible.slice(0, this.limit).forEach((m) => {
      if (!this.cards.has(m.slug)) this.cards.set(m.slug, this.card(m));
      const card = this.cards.get(m.slug);
      card._box.checked = this.state.sel.indexOf(m.slug) >= 0;
      fragment.appendChild(card);
    });
    this.list.replaceChildren(fragment);
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
    const rest = this.visible.length - Math.min(this.limit, this.visible.length);
    this.more.hidden = rest <= 0;
    this.more.textContent = "Show all " + this.visible.length + " methods (" + rest + " more)";
    this.showEmpty();
  }

  /** When nothing matches: say so, and offer the way out. */
  showEmpty() {
    const none = this.visible.length === 0;
    this.empty.hidden = !none;
    if (!none) { this.empty.replaceChildren(); return; }
    const clear = el("button", { type: "button", class: "md-button inr-empty-clear" }, "Clear all filters");
    clear.addEventListener("click", () => { this.state = clearedState(this.state); this.update("push"); this.search.focus(); });
    this.empty.replaceChildren(
      el("p", null, "No method matches all of these filters. Remove one of the active filters above, or clear them all."),
      clear);
  }

  /** The counter, the download buttons (unless busy) and the Compare control with its hint. */
  showBar() {
    const n = this.state.sel.length, shown = this.visible.length, limits = this.limits;
    this.counter.textContent = shown + " of " + this.methods.length + " methods";
    this.showDownload(this.dlFiltered, "Download BibTeX (" + shown + " shown)", shown === 0);
    this.showDownload(this.dlSelected, "Download BibTeX (" + n + " selected)", n === 0);
    this.compareButton.textContent = "Compare " + n + " selected";
    this.compareButton.disabled = n < limits.min || n > limits.max;
    this.compareHint.textContent = n < limits.min
      ? "Tick " + limits.min + " to " + limits.max + " methods to compare them side by side."
      : n > limits.max ? "Compare shows at most " + limits.max + " methods; " + n + " are selected." : "";
  }

  showDownload(button, label, disabled) {
    if (button.hasAttribute("aria-busy")) return;
    button.textContent = label;
    button.disabled = disabled;
  }

  /** A chip for every active filter (and value), in the order of the table, then "Clear all". */
  showChips() {
    this.chips.replaceChildren();
    FILTERS.forEach((f) => this.chipsOf(f).forEach(([label, remove]) => this.chip(label, remove)));
    if (!this.chips.childNodes.length) return;
    const clear = el("button", { type: "button", class: "inr-chip inr-clear" }, "Clear all");
    clear.addEventListener("click", () => { this.state = clearedState(this.state); this.update("push"); });
    this.chips.appendChild(clear);
  }

  /** The chips of filter `f`: [label, function turning it off] pairs. */
  chipsOf(f) {
    const chosen = this.state[f.id];
    if (f.value === "text") return chosen ? [[f.label + ": " + chosen, () => { this.state[f.id] = ""; }]] : [];
    if (f.value === "flag" || f.value === "selection") return chosen ? [[f.label, () => { this.state[f.id] = false; }]] : [];
    const names = this.names.get(f.vocabulary);
    return chosen.map((v) => [f.label + ": " + (names.get(v) || v), () => { this.state[f.id] = without(this.state[f.id], v); }]);
  }

  chip(label, remove) {
    const button = el("button", { type: "button", class: "inr-chip", "aria-label": "Remove filter " + label });
    button.append(el("span", null, label), el("span", { "aria-hidden": "true" }, " ✕"));
    button.addEventListener("click", () => { remove(); this.update("push"); });
    this.chips.appendChild(button);
  }

  /** Write the state into the address: a new history entry ("push") or the current one ("replace"). */
  record(history) {
    const query = writeState(this.state);
    if (!history || query === window.location.search) return;
    const url = window.location.pathname + query + window.location.hash;
    if (history === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }
}

/** Undo a partly mounted catalog: remove the live view and show the static list again. */
function showPlainList(root) {
  root.classList.remove("inr-catalog--live");
  root.querySelectorAll(".inr-catalog-app").forEach((n) => n.remove());
  root.querySelectorAll(".inr-catalog-static, .inr-catalog-list").forEach((n) => { n.hidden = false; });
}

/**
 * Start the catalog in `root` (an element with data-src, the index's address); returns a
 * function that stops it (called when instant navigation leaves the page).
 */
export function start(root) {
  let catalog = null, stopped = false;
  loadIndex(root.getAttribute("data-src"))
    .then((index) => {
      if (stopped || !root.isConnected) return;
      catalog = new Catalog(root, index);
      catalog.mount();
    })
    .catch((error) => {
      showPlainList(root);
      const note = el("p", { class: "inr-catalog-error", role: "alert" }, "The filters could not load (" + error.message + "); the plain list is shown below.");
      root.insertBefore(note, root.firstChild);
    });
  return () => { stopped = true; if (catalog) catalog.unmount(); };
}
