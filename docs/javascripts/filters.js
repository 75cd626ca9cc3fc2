/* INR Survey catalog: the filter table and everything derived from it that needs no page
 * element: the vocabularies of values (from the loaded index), the state in the address,
 * which filters a method fails, and the counts shown beside each value.
 */

/** The sort orders of the results (the URL's `sort`), with their labels. */
export const SORTS = new Map([["name", "Name"], ["year", "Year of publication (newest first)"], ["venue", "Venue"]]);

/**
 * The catalog's filters, declared once, in the order of the address, the panel and the chips.
 *   id          URL parameter and state key; ids of its elements (inr-<id>, inr-<id>-<value>)
 *   label       its facet's legend and its chip's text (before the value, if any)
 *   field       the method record's field it reads
 *   value       "single": one value per method, "multi": a list of values, "flag": true or
 *               false, "selection": the method's slug is in the selection, "text": free words
 *   display     "text": the text box; "checkboxes": one checkbox per value of `vocabulary`;
 *               "tags": the tag buttons (select: include, again: exclude); "toggle": a
 *               checkbox in the "Only" group, labelled `option`
 *   vocabulary  for checkboxes and tags: the value list built from the index (vocabularies())
 *   exclude     a method passes when it has none of the chosen values (else: any of them)
 */
export const FILTERS = [
  { id: "q", label: "Text", field: "_text", value: "text", display: "text" },
  { id: "field", label: "Field", field: "field_slug", value: "single", display: "checkboxes", vocabulary: "fields" },
  { id: "task", label: "Task", field: "task_slugs", value: "multi", display: "checkboxes", vocabulary: "tasks" },
  { id: "rep", label: "Representation", field: "representation", value: "multi", display: "checkboxes", vocabulary: "representations" },
  { id: "venue", label: "Venue", field: "venue_slug", value: "single", display: "checkboxes", vocabulary: "venues" },
  { id: "kind", label: "Kind of venue", field: "venue_kind", value: "single", display: "checkboxes", vocabulary: "kinds" },
  { id: "year", label: "Year of publication", field: "year", value: "single", display: "checkboxes", vocabulary: "years" },
  { id: "tag", label: "Tag", field: "tags", value: "multi", display: "tags", vocabulary: "tags" },
  { id: "xtag", label: "Without", field: "tags", value: "multi", display: "tags", vocabulary: "tags", exclude: true },
  { id: "code", label: "With official code", option: "with official code", field: "has_official_code", value: "flag", display: "toggle" },
  { id: "peer", label: "Peer-reviewed", option: "peer-reviewed", field: "peer_reviewed", value: "flag", display: "toggle" },
  { id: "only", label: "Selected only", option: "selected methods", field: "slug", value: "selection", display: "toggle" }
];

/** Filters whose value is a list of chosen values (the others hold a string or a boolean). */
function isList(f) {
  return f.value === "single" || f.value === "multi";
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The kinds of venue in the taxonomy, in the order they first appear. */
function venueKinds(venues) {
  const kinds = [];
  venues.forEach((v) => { if (v.kind && kinds.indexOf(v.kind) < 0) kinds.push(v.kind); });
  return kinds;
}

/** The years of the methods, newest first. */
function methodYears(methods) {
  const seen = new Set();
  methods.forEach((m) => { if (m.year) seen.add(String(m.year)); });
  return Array.from(seen).sort().reverse();
}

/** The values that at least one method has in `field` (a single value or a list). */
function inUse(methods, field) {
  const seen = new Set();
  methods.forEach((m) => { [].concat(m[field]).forEach((v) => seen.add(v)); });
  return seen;
}

/**
 * Every vocabulary of the filter table: name -> [{ value, label, definition? }], from the index.
 * Only values some method has are offered: a term of the taxonomy no method uses yet would
 * be an option that always empties the list.
 */
export function vocabularies(index) {
  const tax = index.data.taxonomy, methods = index.methods;
  const used = (list, field, key) => { const s = inUse(methods, field); return list.filter((t) => s.has(key(t))); };
  const venues = used(tax.venues, "venue_slug", (v) => v.slug);
  return {
    fields: used(tax.fields, "field_slug", (t) => t.slug).map((t) => ({ value: t.slug, label: t.name, definition: t.definition })),
    tasks: used(tax.tasks, "task_slugs", (t) => t.slug).map((t) => ({ value: t.slug, label: t.name, definition: t.definition })),
    representations: used(tax.representations, "representation", (r) => r.id).map((r) => ({ value: r.id, label: r.name, definition: r.definition })),
    venues: venues.map((v) => ({ value: v.slug, label: v.kind === "preprint" ? "arXiv only" : (v.label || v.id) })),
    kinds: venueKinds(venues).map((k) => ({ value: k, label: capitalize(k) })),
    years: methodYears(methods).map((y) => ({ value: y, label: y })),
    tags: used(tax.tags, "tags", (t) => t.id).map((t) => ({ value: t.id, label: t.name, definition: t.definition }))
  };
}

/** The lower-case text the text filter searches: names, title, authors, venue, tasks, field, representations, key idea. */
export function searchText(m) {
  return [m.name].concat(m.aliases, [m.title], m.authors, [m.venue_label, m.venue], m.tasks, [m.field], m.representations, [m.key_idea]).join(" \u0001 ").toLowerCase();
}

/* ---- State: the address's parameters ---- */

/** No filter on, sorted by name, nothing selected. */
export function emptyState() {
  const state = { sort: "name", sel: [] };
  FILTERS.forEach((f) => { state[f.id] = isList(f) ? [] : f.value === "text" ? "" : false; });
  return state;
}

/** The state written in `search` (a location's query string). */
export function readState(search) {
  const params = new URLSearchParams(search);
  const list = (name) => { const v = params.get(name); return v ? v.split(",").filter(Boolean) : []; };
  const state = { sort: SORTS.has(params.get("sort")) ? params.get("sort") : "name", sel: list("sel") };
  FILTERS.forEach((f) => {
    state[f.id] = isList(f) ? list(f.id) : f.value === "text" ? params.get(f.id) || "" : params.get(f.id) === "1";
  });
  return state;
}

/**
 * `state` keeping only values the survey has: every listed filter's values must be in its
 * vocabulary, the selection must name methods. Returns { state, ignored }, `ignored` the
 * dropped [label, value] pairs, so the page can say what of its address it did not use.
 */
export function knownState(state, vocab, slugs) {
  const ignored = [];
  const keep = (label, known) => (value) => {
    if (known.has(value)) return true;
    ignored.push([label, value]);
    return false;
  };
  const clean = Object.assign(emptyState(), state);
  FILTERS.forEach((f) => {
    if (!isList(f)) return;
    const known = new Set(vocab[f.vocabulary].map((term) => String(term.value)));
    clean[f.id] = Array.from(new Set(state[f.id])).filter(keep(f.label, known));
  });
  clean.sel = Array.from(new Set(state.sel)).filter(keep("Selected", slugs));
  return { state: clean, ignored };
}

/** The query string of `state` ("" when it is the empty state). */
export function writeState(state) {
  const params = new URLSearchParams();
  FILTERS.forEach((f) => {
    const v = state[f.id];
    if (isList(f) ? v.length : v) params.set(f.id, isList(f) ? v.join(",") : v === true ? "1" : v);
  });
  if (state.sort !== "name") params.set("sort", state.sort);
  if (state.sel.length) params.set("sel", state.sel.join(","));
  const text = params.toString().replace(/%2C/g, ",");
  return text ? "?" + text : "";
}

/** `state` with every filter off; the selection and the sort order stay. */
export function clearedState(state) {
  return Object.assign(emptyState(), { sel: state.sel, sort: state.sort });
}

/** How many filters of the Filters panel are on (each chosen value counts; the text does not). */
export function activeCount(state) {
  let n = 0;
  FILTERS.forEach((f) => {
    if (f.display !== "text") n += isList(f) ? state[f.id].length : state[f.id] ? 1 : 0;
  });
  return n;
}

/* ---- Filtering and counting ---- */

/** The values of filter `f` a method has, as strings (none when the field is empty). */
export function valuesOf(f, m) {
  const v = m[f.field];
  if (f.value === "multi") return v;
  return v === null || v === undefined || v === "" ? [] : [String(v)];
}

/** A test of one method for filter `f` in `state`, or null when the filter is off. */
function predicate(f, state) {
  const chosen = state[f.id];
  if (f.value === "text") {
    const words = chosen.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length ? (m) => words.every((w) => m[f.field].indexOf(w) >= 0) : null;
  }
  if (f.value === "flag") return chosen ? (m) => Boolean(m[f.field]) : null;
  if (f.value === "selection") return chosen ? (m) => state.sel.indexOf(m[f.field]) >= 0 : null;
  if (!chosen.length) return null;
  const hit = (m) => valuesOf(f, m).some((v) => chosen.indexOf(v) >= 0);
  return f.exclude ? (m) => !hit(m) : hit;
}

/** Empty counts: a Map of a value -> number Map for each listed filter a method can count towards, a number for each flag. */
function emptyCounts() {
  const counts = new Map();
  FILTERS.forEach((f) => {
    if (isList(f) && !f.exclude) counts.set(f.id, new Map());
    else if (f.value === "flag") counts.set(f.id, 0);
  });
  return counts;
}

/** Count method `m` towards every filter but those it fails; `failed` is null or the one filter it fails. */
function countMethod(counts, m, failed) {
  FILTERS.forEach((f) => {
    if (!counts.has(f.id) || (failed && failed !== f.id)) return;
    if (f.value === "flag") { if (m[f.field]) counts.set(f.id, counts.get(f.id) + 1); return; }
    const map = counts.get(f.id);
    valuesOf(f, m).forEach((v) => { map.set(v, (map.get(v) || 0) + 1); });
  });
}

/**
 * The methods that pass every filter of `state`, and the counts: for every value, the methods
 * that pass every other filter (a method failing one filter counts only towards that one).
 * One pass over the methods (linear in their number).
 */
export function applyFilters(methods, state) {
  const tests = FILTERS.map((f) => ({ id: f.id, test: predicate(f, state) })).filter((t) => t.test);
  const counts = emptyCounts();
  const visible = [];
  methods.forEach((m) => {
    let failed = null, failures = 0;
    for (let i = 0; i < tests.length && failures < 2; i++) {
      if (!tests[i].test(m)) { failed = tests[i].id; failures += 1; }
    }
    if (failures > 1) return;
    if (!failures) visible.push(m);
    countMethod(counts, m, failed);
  });
  return { visible: visible.sort(sorter(state.sort)), counts };
}

/** The comparison of methods for sort order `key` (name breaks ties). */
export function sorter(key) {
  return (a, b) => {
    if (key === "year" && a.year !== b.year) return (b.year || 0) - (a.year || 0);
    if (key === "venue" && a.venue_label !== b.venue_label) return a.venue_label < b.venue_label ? -1 : 1;
    const an = a.name.toLowerCase(), bn = b.name.toLowerCase();
    return an < bn ? -1 : an > bn ? 1 : 0;
  };
}
