/* papersite: search with Pagefind on sites too big for Material's search (see
   generator/search_backend.py). Pagefind's own search box (pagefind-ui.js, written into
   site/pagefind/ by the build) is mounted in every .ps-pagefind container: the header's
   search dialog, and the Paper finder page (with topic and year filters). Nothing loads
   until a search box is needed; only the index chunks a query needs are fetched. */
(function () {
  "use strict";

  var waiting = [];

  function siteRoot(container) {
    return new URL(container.getAttribute("data-root") || "./", window.location.href);
  }

  function loadUi(root, done) {
    if (window.PagefindUI) return done();
    waiting.push(done);
    if (document.querySelector("script[data-ps-pagefind]")) return;
    var bundle = new URL("pagefind/", root);
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("pagefind-ui.css", bundle).href;
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = new URL("pagefind-ui.js", bundle).href;
    script.setAttribute("data-ps-pagefind", "");
    script.onload = function () {
      waiting.splice(0).forEach(function (callback) { callback(); });
    };
    document.head.appendChild(script);
  }

  function mount(container, query) {
    if (container.ps_ui) {
      if (query) container.ps_ui.triggerSearch(query);
      return;
    }
    var root = siteRoot(container);
    var finder = container.classList.contains("ps-pagefind--finder");
    loadUi(root, function () {
      if (container.ps_ui) return;
      container.ps_ui = new window.PagefindUI({
        element: container,
        bundlePath: new URL("pagefind/", root).pathname,
        baseUrl: root.pathname,
        showSubResults: false,
        showImages: false,
        showEmptyFilters: false,  /* the finder lists only topics and years with results */
        resetStyles: false,
        autofocus: true,
        pageSize: finder ? 10 : 8,
        excerptLength: 24,
        translations: { placeholder: finder ? "Search papers" : "Search" }
      });
      if (query) container.ps_ui.triggerSearch(query);
    });
  }

  function dialog() {
    return document.querySelector("[data-ps-search-dialog]");
  }

  function openSearch() {
    var box = dialog();
    if (!box) return;
    if (!box.open) box.showModal();
    var container = box.querySelector(".ps-pagefind");
    mount(container);
    var input = container.querySelector("input");
    if (input) input.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest("[data-ps-search-open]")) {
      openSearch();
    } else if (target.closest("[data-ps-search-close]") || target === dialog()) {
      dialog().close();  /* the close button, or the backdrop around the dialog */
    } else if (target.closest("[data-ps-search-dialog] a[href]")) {
      dialog().close();  /* a result: its page opens */
    }
  });

  document.addEventListener("keydown", function (event) {
    var editing = event.target instanceof Element &&
      event.target.closest("input, textarea, select, [contenteditable]");
    if (!editing && !event.ctrlKey && !event.metaKey && !event.altKey &&
        (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      openSearch();
    }
  });

  function mountFinder() {
    var finder = document.querySelector(".ps-pagefind--finder");
    if (finder) mount(finder, new URLSearchParams(window.location.search).get("q"));
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(mountFinder);  /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", mountFinder);
  }
})();
