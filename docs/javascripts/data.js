/* INR Survey: the compact index (data/catalog.json), BibTeX on demand and downloads, shared by
 * the catalog and compare views. The index is fetched once per page session (kept across
 * instant navigation); BibTeX only when a download is asked for: bib/<key>.bib for a few
 * entries, data/papers.json (the full export) for many; the reported results
 * (data/results.json) only on the compare page.
 */
import { el, siteRoot } from "./dom.js";

const FEW_BIB = 24;  // up to this many entries are fetched one file each; more come from data/papers.json

// Every map keyed by data is a Map: a key such as "constructor" or "__proto__" is just a key.
const indexCache = new Map();  // absolute URL -> promise of the expanded index
const bibCache = new Map();  // citation key -> BibTeX entry text
let papersPromise = null;
let resultsPromise = null;

function fetchOk(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response;
  });
}

/** A Map from each item of `list`'s `key` to the item (or to `pick(item)`). */
export function byKey(list, key, pick) {
  const map = new Map();
  list.forEach((item) => { map.set(item[key], pick ? pick(item) : item); });
  return map;
}

/** One method object from a row of the index: names, venue facts and page URL filled in. */
function method(row, columns, names, pageUrl) {
  const m = Object.create(null);
  for (let i = 0; i < columns.length; i++) m[columns[i]] = row[i];
  const venue = names.venues.get(m.venue_slug) || Object.create(null);
  m.venue = venue.id || "";
  m.venue_name = venue.name || "";
  m.venue_kind = venue.kind || "";
  m.peer_reviewed = Boolean(venue.peer_reviewed);
  m.field = names.fields.get(m.field_slug) || m.field_slug;
  m.task = names.tasks.get(m.task_slug) || m.task_slug;
  m.tasks = m.task_slugs.map((slug) => names.tasks.get(slug) || slug);
  m.representations = m.representation.map((id) => names.representations.get(id) || id);
  m.page = pageUrl(m.slug);
  return m;
}

/** The index with its rows turned into method objects. */
function expand(data, base) {
  const tax = data.taxonomy;
  const names = {
    venues: byKey(tax.venues, "slug"),
    fields: byKey(tax.fields, "slug", (t) => t.name),
    tasks: byKey(tax.tasks, "slug", (t) => t.name),
    representations: byKey(tax.representations, "id", (r) => r.name)
  };
  const pattern = data.urls.method.split("{slug}");
  const root = base.href;  // ends with "/"; the patterns are relative to it
  const pageUrl = (slug) => root + pattern.join(encodeURIComponent(slug));
  const methods = data.methods.map((row) => method(row, data.columns, names, pageUrl));
  return {
    data, base, methods,
    bySlug: byKey(methods, "slug"),
    tagNames: byKey(tax.tags, "id", (t) => t.name),
    url: (name) => new URL(data.urls[name], base).href
  };
}

/** A promise of the expanded index at `src` (relative to the site root), fetched once. */
export function loadIndex(src) {
  const base = siteRoot();
  const url = new URL(src, base).href;
  if (!indexCache.has(url)) {
    const promise = fetchOk(url)
      .then((response) => response.json())
      .then((data) => expand(data, base));
    indexCache.set(url, promise);
    promise.catch(() => { indexCache.delete(url); });
  }
  return indexCache.get(url);
}

/**
 * A promise of the reported results (data/results.json, fetched once): `benchmarks` in declared
 * order, `metrics` by id, and `byMethod`, each method's results on each benchmark
 * (slug -> benchmark id -> results), a result being the numbers one paper row prints
 * (same variant, deviation, scenes and source) with its `values` in the benchmark's metric order.
 */
export function loadResults(index) {
  resultsPromise = resultsPromise || fetchOk(index.url("results")).then((r) => r.json()).then(groupResults);
  resultsPromise.catch(() => { resultsPromise = null; });
  return resultsPromise;
}

function groupResults(data) {
  const metrics = byKey(data.metrics, "id");
  const benchmarks = byKey(data.benchmarks, "id");
  const byMethod = new Map();
  data.results.forEach((record) => {
    if (!benchmarks.has(record.benchmark)) return;
    if (!byMethod.has(record.method)) byMethod.set(record.method, new Map());
    const perBench = byMethod.get(record.method);
    if (!perBench.has(record.benchmark)) perBench.set(record.benchmark, new Map());
    const rows = perBench.get(record.benchmark);
    const key = JSON.stringify([record.variant, record.protocol, record.scenes, record.source]);
    if (!rows.has(key)) {
      rows.set(key, { variant: record.variant, protocol: record.protocol, scenes: record.scenes || [], source: record.source, values: new Map() });
    }
    rows.get(key).values.set(record.metric, record.printed);
  });
  byMethod.forEach((perBench) => {
    perBench.forEach((rows, id) => {
      const order = benchmarks.get(id).metrics;
      perBench.set(id, Array.from(rows.values()).map((row) => {
        row.values = order.filter((m) => row.values.has(m)).map((m) => [m, row.values.get(m)]);
        return row;
      }));
    });
  });
  return { benchmarks: data.benchmarks, metrics, byMethod };
}

/** Fill the BibTeX cache for `missing` from their bib/<key>.bib files. */
function loadFew(index, missing) {
  return Promise.all(missing.map((m) => {
    const url = new URL(index.data.urls.bib.replace("{key}", encodeURIComponent(m.key)), index.base).href;
    return fetchOk(url).then((r) => r.text()).then((text) => { bibCache.set(m.key, text); });
  }));
}

/** Fill the BibTeX cache from the full export (fetched once). */
function loadAll(index) {
  papersPromise = papersPromise || fetchOk(index.url("papers")).then((r) => r.json());
  papersPromise.catch(() => { papersPromise = null; });
  return papersPromise.then((full) => {
    full.methods.forEach((record) => { bibCache.set(record.key, record.bibtex); });
  });
}

/** A promise of the BibTeX of `methods`: each entry exactly as its bib/<key>.bib file, a blank line between. */
export function bibtexOf(index, methods) {
  const missing = methods.filter((m) => !bibCache.has(m.key));
  const loaded = !missing.length ? Promise.resolve()
    : missing.length <= FEW_BIB ? loadFew(index, missing) : loadAll(index);
  return loaded.then(() => methods.map((m) => bibCache.get(m.key)).join("\n"));
}

function download(name, text) {
  const blob = new Blob([text], { type: "application/x-bibtex;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

/** Run `makeText` (a promise of BibTeX) behind `button`, download the result, report failures in `status`. */
export function bibDownload(button, status, name, makeText) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  button.textContent = "Preparing BibTeX…";
  return makeText()
    .then((text) => { download(name, text); status.textContent = ""; })
    .catch((error) => { status.textContent = "The BibTeX could not be loaded (" + error.message + ")."; })
    .then(() => { button.disabled = false; button.removeAttribute("aria-busy"); button.textContent = label; });
}
