/* INR Survey: the list of methods to compare, kept in the browser (localStorage) so that
 * methods ticked on task tables or added on method pages meet on the compare page.
 * Only slugs are stored; the compare page checks them against the index.
 */
import { siteRoot } from "./dom.js";

const KEY = "inr-survey-compare";
const MAX_STORED = 64;
/* Mirrors of the site's URL layout (render/paths.py): a method page and the compare page,
 * relative to the site root. The browser tests open both through these. */
const METHOD_PAGE = /^methods\/([^/?#]+)\/$/;
const COMPARE_PAGE = "compare/";

/** The slugs on the list, in the order they were added (an empty list when storage is unavailable). */
export function getPicks() {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
    return Array.isArray(value) ? value.filter((s) => typeof s === "string" && s).slice(0, MAX_STORED) : [];
  } catch (e) {
    return [];
  }
}

/** Store `slugs` (without repeats) as the list and tell the page's other views. */
export function setPicks(slugs) {
  const unique = Array.from(new Set(slugs)).slice(0, MAX_STORED);
  try { window.localStorage.setItem(KEY, JSON.stringify(unique)); } catch (e) { /* private mode: the page still works */ }
  window.dispatchEvent(new CustomEvent("inr-picks", { detail: unique }));
  return unique;
}

/** Add `slug` to the list, or take it off; returns whether it is on the list now. */
export function togglePick(slug) {
  const picks = getPicks();
  const on = picks.indexOf(slug) < 0;
  setPicks(on ? picks.concat([slug]) : picks.filter((s) => s !== slug));
  return on;
}

/** The compare page's address for `slugs` (the page itself when there are none). */
export function compareUrl(slugs) {
  const url = new URL(COMPARE_PAGE, siteRoot());
  if (slugs.length) url.search = "?methods=" + slugs.map(encodeURIComponent).join(",");
  return url.href;
}

/** The slug of the method whose page is shown, or null on any other page. */
export function methodOfPage() {
  const root = siteRoot();
  const here = new URL(window.location.href);
  if (!here.pathname.startsWith(root.pathname)) return null;
  const match = METHOD_PAGE.exec(here.pathname.slice(root.pathname.length));
  return match ? decodeURIComponent(match[1]) : null;
}
