// Runs Zotero's BibTeX import translator (BibTeX.js, unchanged) under node and prints the
// imported items as JSON: node harness.js BibTeX.js input.bib
//
// The translator expects Zotero's sandbox: `Zotero` (reading the input, creating items) and
// `Zotero.Utilities` / `ZU`. Only what the import path calls is provided here, each function
// doing what Zotero's own does for the values our .bib files hold.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [translatorPath, inputPath] = process.argv.slice(2);
const source = fs.readFileSync(translatorPath, "utf8");
// The file starts with a JSON header (the translator's metadata), then the code.
const headerEnd = source.indexOf("\n}\n") + 3;
const code = source.slice(headerEnd);
const input = fs.readFileSync(inputPath, "utf8");

let position = 0;
const items = [];

function Item(itemType) {
  this.itemType = itemType;
  this.creators = [];
  this.notes = [];
  this.tags = [];
  this.attachments = [];
  this.seeAlso = [];
}
Item.prototype.complete = function () {
  const out = {};
  for (const [name, value] of Object.entries(this)) {
    if (!name.startsWith("_") && typeof value !== "function") out[name] = value;
  }
  out.citationKey = this.itemID;
  items.push(out);
};

function Collection() {}
Collection.prototype.complete = function () {};

const trimInternal = (s) => String(s).replace(/\s+/g, " ").trim();

// Item types on which Zotero's schema has a DOI field.
const DOI_TYPES = new Set(["journalArticle", "conferencePaper", "preprint", "report", "book", "bookSection", "thesis", "dataset", "standard"]);

const Utilities = {
  trim: (s) => String(s).trim(),
  trimInternal,
  text2html: (s) => "<p>" + String(s) + "</p>",
  unescapeHTML: (s) => String(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  formatDate: (date) => (date.month !== undefined ? String(date.month + 1).padStart(2, "0") : ""),
  strToDate: (s) => ({ year: String(s).slice(0, 4) }),
  strToISO: (s) => {
    const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(String(s));
    return m ? [m[1], m[2], m[3]].filter(Boolean).join("-") : false;
  },
  cleanDOI: (s) => {
    const m = /10\.\d{4,9}\/[^\s]*[^\s.,]/.exec(String(s));
    return m ? m[0] : null;
  },
  fieldIsValidForType: (field, itemType) => field !== "DOI" || DOI_TYPES.has(itemType),
  // Zotero's cleanAuthor: "Family, Given" with useComma, else the last word is the family name.
  cleanAuthor: (author, creatorType, useComma) => {
    author = trimInternal(author);
    if (useComma) {
      const [lastName, ...rest] = author.split(/\s*,\s*/);
      return { firstName: rest.join(", "), lastName, creatorType };
    }
    const words = author.split(" ");
    const lastName = words.pop();
    return { firstName: words.join(" "), lastName, creatorType };
  },
  getCreatorsForType: () => ["author"],
  getVersion: () => "harness",
  removeDiacritics: (s) => String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
};

const Zotero = {
  read(length) {
    if (position >= input.length) return false;
    const chunk = input.slice(position, position + (length || 1));
    position += chunk.length;
    return chunk;
  },
  write() {},
  debug() {},
  getOption: () => undefined,
  getHiddenPref: () => false,
  Item,
  Collection,
  Utilities,
};

const context = vm.createContext({ Zotero, Z: Zotero, ZU: Utilities, Promise, console });
vm.runInContext(code, context, { filename: translatorPath });
Promise.resolve(vm.runInContext("doImport()", context)).then(
  () => process.stdout.write(JSON.stringify(items, null, 1) + "\n"),
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
    process.exit(1);
  },
);
