/* INR Survey: why a search result matched, from the fields of a method's page.
 *
 * A method's page gives the search its authors, venue, other names and taxonomy terms as
 * metadata fields (hooks/inrsurvey/render/search_meta.py). A result names the fields that
 * hold the query's words ("author: Ben Mildenhall", "venue: CVPR 2022"); when no field
 * holds them all, the words were found in the page's text, and the result shows where.
 */
import { el } from "./dom.js";

/** Joins the items of a list-valued field (search_meta.LIST_SEPARATOR). */
var SEPARATOR = "; ";

/** The fields a reason may name, in the order they are tried: label, then how to split the value. */
var FIELDS = [
  { name: "title", label: "", inside: true },
  { name: "aka", label: "also known as", list: true, inside: true },
  { name: "authors", label: "author", plural: "authors", list: true },
  { name: "venue", label: "venue" },
  { name: "tasks", label: "task", plural: "tasks", list: true },
  { name: "representations", label: "representation", list: true },
  { name: "tags", label: "tag", plural: "tags", list: true },
  { name: "field", label: "field" },
];

/** The words of a text, lower case, letters and digits only. */
export function wordsOf(text) {
  return String(text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A query word matches a word of a field when one begins the other (Pagefind matches
 * prefixes and stems); in a name it may also stand inside a word (SDF in DeepSDF).
 */
function matches(term, word, inside) {
  return word.indexOf(term) === 0 || (word.length >= 3 && term.indexOf(word) === 0) || (inside && term.length >= 3 && word.indexOf(term) > 0);
}

function termsIn(terms, text, inside) {
  var words = wordsOf(text);
  return terms.filter(function (term) { return words.some(function (word) { return matches(term, word, inside); }); });
}

/**
 * The fields of a result that hold the query's words, as [{ label, values }], or null when
 * they do not hold every word (the page's text matched). The title needs no label: it is shown.
 */
export function matchedFields(meta, query) {
  var terms = wordsOf(query);
  if (!terms.length) return null;
  var left = terms.slice();
  var found = [];
  FIELDS.forEach(function (field) {
    var value = meta[field.name];
    if (!value || !left.length) return;
    var items = field.list ? String(value).split(SEPARATOR) : [String(value)];
    var hits = items.filter(function (item) { return termsIn(left, item, field.inside).length; });
    if (!hits.length) return;
    var covered = [];
    hits.forEach(function (item) { covered = covered.concat(termsIn(left, item, field.inside)); });
    left = left.filter(function (term) { return covered.indexOf(term) < 0; });
    if (field.label) found.push({ label: hits.length > 1 && field.plural ? field.plural : field.label, values: hits });
  });
  return left.length ? null : found;
}

/** `text` as DOM with the words that match the query marked. */
export function marked(text, query) {
  var terms = wordsOf(query);
  var span = el("span");
  String(text).split(/([\p{L}\p{N}]+)/u).forEach(function (part) {
    if (!part) return;
    var hit = terms.some(function (term) { return matches(term, part.toLowerCase(), false); });
    span.appendChild(hit ? el("mark", null, part) : document.createTextNode(part));
  });
  return span;
}

/** The reason line of a result: `author: Ben Mildenhall · venue: CVPR 2022`, or null. */
export function reasonLine(fields, query) {
  if (!fields || !fields.length) return null;
  var line = el("span", { class: "inr-search-reason" });
  fields.forEach(function (field, index) {
    if (index) line.appendChild(document.createTextNode(" · "));
    line.appendChild(el("span", { class: "inr-search-reason-label" }, field.label + ": "));
    field.values.forEach(function (value, i) {
      if (i) line.appendChild(document.createTextNode(", "));
      line.appendChild(marked(value, query));
    });
  });
  return line;
}

/** The reason line of a result found in its text: `mentioned in: Summary`. */
export function sectionLine(section) {
  var line = el("span", { class: "inr-search-reason" });
  line.appendChild(el("span", { class: "inr-search-reason-label" }, "mentioned in: "));
  line.appendChild(document.createTextNode(section));
  return line;
}
