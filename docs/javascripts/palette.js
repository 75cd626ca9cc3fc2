/* INR Survey: the light/dark toggle in the header (the form marked data-inr-palette).
 *
 * The palette is applied while the header is parsed (overrides/partials/javascripts/palette.html);
 * this module only answers the toggle: it switches the palette, remembers it as the theme does
 * (`__palette` in the theme's storage, so both read the same choice) and updates the
 * browser's theme-color. Nothing runs at page load that would restyle the page.
 */

const KEYS = ["media", "scheme", "primary", "accent"];

/** A <meta name=`name`> in the head, created when missing. */
function meta(name) {
  let tag = document.head.querySelector(`meta[name="${name}"]`);
  if (!tag) {
    tag = document.createElement("meta");
    tag.setAttribute("name", name);
    document.head.appendChild(tag);
  }
  return tag;
}

/** The browser's theme colour and colour scheme, from the header as now styled. */
function updateMeta() {
  const header = document.querySelector(".md-header");
  if (!header) return;
  const style = window.getComputedStyle(header);
  const rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
  if (rgb.length === 3) meta("theme-color").setAttribute("content", "#" + rgb.map((c) => (+c).toString(16).padStart(2, "0")).join(""));
  if (style.colorScheme) meta("color-scheme").setAttribute("content", style.colorScheme);
}

/** Apply option `index` of `inputs`: body attributes, the toggle shown, the stored choice. */
function apply(inputs, index) {
  const input = inputs[index];
  const body = document.body;
  body.setAttribute("data-md-color-switching", "");  // the theme's rule: no colour transitions while switching
  const color = {};
  KEYS.forEach((key) => {
    color[key] = input.getAttribute("data-md-color-" + key);
    body.setAttribute("data-md-color-" + key, color[key]);
  });
  inputs.forEach((other, k) => {
    const label = other.nextElementSibling;
    if (label && label.tagName === "LABEL") label.hidden = k !== index;
  });
  if (typeof window.__md_set === "function") window.__md_set("__palette", { index, color });
  updateMeta();
  requestAnimationFrame(() => body.removeAttribute("data-md-color-switching"));
}

/** Answer the toggle in `form` (once per page life: the header stays across instant navigation). */
export function startPalette(form) {
  if (!form || form.hasAttribute("data-inr-ready")) return;
  form.setAttribute("data-inr-ready", "");
  const inputs = Array.from(form.querySelectorAll("input.md-option"));
  if (!inputs.length) return;
  inputs.forEach((input, index) => input.addEventListener("change", () => apply(inputs, index)));
  // Enter on the focused option moves to the next one, as the theme's toggle does.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const current = Math.max(0, inputs.findIndex((input) => input.checked));
    const next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  const later = window.requestIdleCallback || ((callback) => setTimeout(callback, 1));
  later(updateMeta);
}
