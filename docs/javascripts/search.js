/* INR Survey: the site search box, backed by Pagefind's chunked index (pagefind/).
 *
 * Adds a search field to the header on every page (re-initialised after instant
 * navigation), loads only the index fragments a query needs, and renders results with
 * textContent: excerpts keep Pagefind's <mark> highlights and nothing else.
 */
(function () {
  "use strict";

  var pagefind = null;
  var loading = null;

  var siteRoot = window.INR.siteRoot;

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    if (!loading) {
      var root = siteRoot();
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          return module.init ? module.init() : null;
        }).then(function () { pagefind = module; return module; });
      });
    }
    return loading;
  }

  var el = window.INR.el;

  /** Rebuild Pagefind's excerpt as DOM: <mark> kept, all other markup dropped. */
  function excerpt(html) {
    var holder = el("p", { class: "inr-search-excerpt" });
    var parts = String(html).split(/(<mark>|<\/mark>)/);
    var marked = false;
    var scratch = document.createElement("textarea");
    parts.forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      scratch.innerHTML = part.replace(/<[^>]*>/g, "");
      var text = scratch.value;
      if (!text) return;
      holder.appendChild(marked ? el("mark", null, text) : document.createTextNode(text));
    });
    return holder;
  }

  function build(header) {
    var wrap = el("div", { class: "inr-search", role: "search" });
    var label = el("label", { for: "inr-search-input", class: "md-visually-hidden" }, "Search the survey");
    var input = el("input", { id: "inr-search-input", type: "search", placeholder: "Search", autocomplete: "off",
      "aria-controls": "inr-search-results", "aria-describedby": "inr-search-status" });
    var status = el("p", { id: "inr-search-status", class: "md-visually-hidden", role: "status", "aria-live": "polite" });
    var panel = el("div", { id: "inr-search-results", class: "inr-search-results", hidden: "" });
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    wrap.appendChild(panel);
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(wrap, anchor);

    var generation = 0;
    function render(query) {
      var mine = ++generation;
      if (!query) { panel.hidden = true; panel.replaceChildren(); status.textContent = ""; return; }
      load().then(function (module) {
        return module.search(query);
      }).then(function (search) {
        if (mine !== generation) return null;
        return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (items) {
          if (mine !== generation) return;
          var list = el("ol", { class: "inr-search-list" });
          items.forEach(function (item) {
            var li = el("li", { class: "inr-search-item" });
            var link = el("a", { href: item.url, class: "inr-search-link" });
            link.appendChild(el("span", { class: "inr-search-title" }, (item.meta && item.meta.title) || item.url));
            link.appendChild(excerpt(item.excerpt || ""));
            li.appendChild(link);
            list.appendChild(li);
          });
          var count = search.results.length;
          var summary = el("p", { class: "inr-search-count" }, count === 0 ? "No matching pages" : count + " matching page" + (count === 1 ? "" : "s"));
          panel.replaceChildren(summary, list);
          panel.hidden = false;
          status.textContent = summary.textContent;
        });
      }).catch(function (error) {
        panel.replaceChildren(el("p", { class: "inr-search-count" }, "Search is unavailable here (" + error.message + ")."));
        panel.hidden = false;
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      timer = setTimeout(function () { render(query); }, 120);
    });
    input.addEventListener("focus", function () { load().catch(function () {}); if (input.value.trim()) panel.hidden = false; });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; render(""); input.blur(); }
      if (event.key === "ArrowDown") {
        var first = panel.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    panel.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var index = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && index < links.length - 1) { event.preventDefault(); links[index + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? links[index - 1] : input).focus(); }
      if (event.key === "Escape") { input.focus(); panel.hidden = true; }
    });
    document.addEventListener("click", function (event) {
      if (!wrap.contains(event.target)) panel.hidden = true;
    });
    return wrap;
  }

  function init() {
    var header = document.querySelector(".md-header__inner");
    if (header && !header.querySelector(".inr-search")) build(header);
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
    if (event.key === "/" && !typing) {
      var input = document.getElementById("inr-search-input");
      if (input) { event.preventDefault(); input.focus(); }
    }
  });

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
