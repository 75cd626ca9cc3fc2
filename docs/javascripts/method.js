/* INR Survey: a method page's citing controls. Each "Copy BibTeX" link (to the cite block)
 * becomes a button of the same size that copies the entry exactly as the block shows it and
 * says so in a status line; a BibTeX block that still scrolls sideways can take focus.
 */
import { el } from "./dom.js";

/** The BibTeX entry shown in the page's cite block, or "" if there is none. */
function entryText() {
  const code = document.querySelector(".inr-cite pre > code");
  return code ? code.textContent.replace(/\n+$/, "") + "\n" : "";
}

/** Copy `text` to the clipboard; resolves when done, rejects when the browser refuses. */
function copy(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise((resolve, reject) => {
    const area = el("textarea", { "aria-hidden": "true", readonly: "" });
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    if (done) resolve(); else reject(new Error("copy refused"));
  });
}

/** Replace the link `link` by a button with the same classes and content. */
function upgrade(link) {
  const button = el("button", { type: "button", class: link.className });
  button.append(...link.childNodes);
  const status = el("span", { class: "inr-copy-status", role: "status" });
  button.addEventListener("click", () => {
    const text = entryText();
    copy(text).then(
      () => { status.textContent = "BibTeX copied to the clipboard."; },
      () => { status.textContent = "The browser did not allow copying: select the entry below and copy it."; }
    );
  });
  link.replaceWith(button);
  const row = button.parentElement;
  if (row) row.appendChild(status);
  return button;
}

/** Start the page's controls; returns a function that stops them (nothing to stop). */
export function start(root) {
  if (!entryText()) return () => {};
  document.querySelectorAll("a.inr-copy-bib").forEach(upgrade);
  document.querySelectorAll(".inr-cite pre > code").forEach((code) => {
    if (code.scrollWidth > code.clientWidth && !code.hasAttribute("tabindex")) {
      code.setAttribute("tabindex", "0");
    }
  });
  return () => {};
}
