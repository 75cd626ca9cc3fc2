/* INR Survey: helpers shared by the site's modules (imported, never global). */

/** The site's root URL, from the base path Material writes into every page. */
export function siteRoot() {
  const config = document.getElementById("__config");
  let base = ".";
  try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
  return new URL(base.replace(/\/?$/, "/"), window.location.href);
}

/** An element with attributes and text content (never parsed as HTML). */
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** `url` if it is an http(s) address, else null (data never becomes a script or data: link). */
export function safeUrl(url) {
  return /^https?:\/\//i.test(url || "") ? url : null;
}

/**
 * Run `init` on every page shown: the first load and each instant navigation (Material's
 * document$ emits for both); without Material's bundle, once the document is parsed.
 */
export function onEveryPage(init) {
  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
