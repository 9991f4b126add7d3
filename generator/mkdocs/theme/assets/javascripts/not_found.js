/* papersite: the "Page not found" page lists the pages whose words the broken address
   holds. A paper's address is its title's words ("papers/deep-residual-learning-for-
   image/" copied in part, or made before the title was corrected): searched as words,
   they find the paper the link meant. Loaded by papersite.js on that page only, which calls
   listPagesNamed on each visit (Material's instant navigation keeps the script). */
(function () {
  "use strict";
  var papersite = window.papersite;
  var SHOWN = 5;

  /* The words of the address's last named part, below the site's root: "papers/
     deep-residual-learning-for-image/" gives "deep residual learning for image". */
  function addressWords(href, root) {
    var path = href.indexOf(root) === 0 ? href.slice(root.length) : new URL(href).pathname;
    var parts = path.split(/[?#]/)[0].split("/").filter(function (part) {
      return part && !/^index\.html?$/i.test(part);
    });
    var last = parts.length ? parts[parts.length - 1] : "";
    try { last = decodeURIComponent(last); } catch (error) { /* as written */ }
    return papersite.queryWords(last.replace(/\.html?$/i, "").replace(/[-_+.]+/g, " "))
      .filter(function (word) { return !papersite.stopWord(word); })
      .slice(0, 12);
  }

  /* Pagefind's results for the words; when together they find nothing, those that some
     page holds (a misspelt or since-corrected word is left out). */
  function search(api, words) {
    var query = words.join(" ");
    return papersite.searchHeld(api, query, {}).then(function (held) {
      var known = words.filter(function (word) {
        return held.unknown.indexOf(papersite.wordOf(word)) < 0;
      });
      if (held.found.results.length || !known.length || known.length === words.length) return held;
      return papersite.searchHeld(api, known.join(" "), {});
    });
  }

  function setUp() {
    var box = document.querySelector(".ps-not-found");
    if (!box || box.hasAttribute("data-ps-ready")) return;
    box.setAttribute("data-ps-ready", "");
    var words = addressWords(window.location.href, papersite.root);
    if (!words.length) { box.setAttribute("data-ps-ready", "searched"); return; }
    papersite.pagefind().then(function (api) {
      return search(api, words);
    }).then(function (held) {
      var first = held.found.results.slice(0, 8);
      return Promise.all(first.map(function (result) { return result.data(); })).then(function (pages) {
        return papersite.titledFirst(pages, held.query).slice(0, SHOWN);
      });
    }).then(function (pages) {
      box.setAttribute("data-ps-ready", "searched");
      if (!pages.length) return;
      var list = box.querySelector("ol");
      pages.forEach(function (data) {
        var link = papersite.element("a");
        papersite.titleNodes(papersite.shownTitle(data))
          .forEach(function (node) { link.appendChild(node); });
        link.href = data.url;
        var item = papersite.element("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      box.hidden = false;
    }).catch(function () {  /* no index (a site built without search): nothing to offer */
      box.setAttribute("data-ps-ready", "searched");
    });
  }

  papersite.listPagesNamed = setUp;
})();
