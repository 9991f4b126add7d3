/* papersite: typeset math-like fragments of abstracts with the bundled KaTeX.
   The page already shows each fragment as text; KaTeX, loaded only on pages that have
   one, replaces the text with typeset math, and leaves it as it is if it cannot. */
(function () {
  "use strict";
  var script = document.currentScript;
  var katexUrl = script && script.dataset.katex;

  function typeset() {
    var nodes = document.querySelectorAll(".ps-math[data-tex]:not([data-typeset])");
    if (!nodes.length || !window.katex) return;
    nodes.forEach(function (node) {
      node.setAttribute("data-typeset", "");
      try {
        var holder = document.createElement("span");
        window.katex.render(node.getAttribute("data-tex"), holder, { throwOnError: true });
        node.title = node.textContent;
        node.textContent = "";
        node.appendChild(holder);
      } catch (error) {
        /* not valid TeX after all: keep the original text */
      }
    });
  }

  function load() {
    if (!document.querySelector(".ps-math[data-tex]")) return;
    if (window.katex) return typeset();
    if (!katexUrl || document.querySelector("script[data-ps-katex]")) return;
    var tag = document.createElement("script");
    tag.src = katexUrl;
    tag.setAttribute("data-ps-katex", "");
    tag.onload = typeset;
    document.head.appendChild(tag);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(load);  /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", load);
  }
})();
