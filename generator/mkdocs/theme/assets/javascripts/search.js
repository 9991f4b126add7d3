/* papersite: the header's search dialog, on Pagefind's search API. Loaded by
   papersite.js on first use; it builds the dialog then (partials/search-button.html
   holds only the button that opens it).

   Every word of a query must match; when no paper has them all, papers with some of
   them are shown, and labelled so. One result per paper: its title, an excerpt of its
   abstract with the query's words marked, its topics and year. Topic pages that match
   come after the papers; one the query names ("diffusion models") comes first. Arrow
   keys move through the results, Enter opens one, Esc closes. Corpus text is inserted
   as text only (never as HTML). */
(function () {
  "use strict";
  var papersite = window.papersite;
  var element = papersite.element;
  var excerptNodes = papersite.excerptNodes;
  var MAX_PAPERS = 8;
  var MAX_TOPICS = 3;
  var DEBOUNCE_MS = 120;
  var SETTLE_MS = 600;    /* a short last word is searched once typing pauses this long */
  var MIN_PREFIX = 3;     /* shorter last words would fetch index chunks for many words */
  var generation = 0;
  var timer = null;
  var settle = null;
  var typedAt = 0;

  /* A span of a result's title, its name scripts raised. */
  function titled(className, text) {
    var span = element("span", className);
    papersite.titleNodes(text).forEach(function (node) { span.appendChild(node); });
    return span;
  }

  function svg(path) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="' + path + '"/></svg>';
  }

  /* The dialog: a search field, a status line, the results, a key hint. Its markup is
     papersite's own (no corpus text), so it is written as HTML once. */
  var DIALOG =
    '<div class="ps-search__bar"><span class="ps-search__icon md-icon">' +
    svg("M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5") +
    '</span><input class="ps-search__input" type="search" placeholder="Search papers"' +
    ' aria-label="Search papers" autocomplete="off" spellcheck="false" role="combobox"' +
    ' aria-expanded="false" aria-controls="ps-search-results" aria-autocomplete="list"' +
    ' data-ps-search-input><button type="button" class="ps-search__close md-icon"' +
    ' title="Close (Esc)" aria-label="Close search" data-ps-search-close>' +
    svg("M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z") +
    '</button></div><p class="ps-search__status" aria-live="polite" data-ps-search-status></p>' +
    '<ul class="ps-search__results" id="ps-search-results" role="listbox" aria-label="Results"' +
    ' tabindex="-1" data-ps-search-results></ul><p class="ps-search__keys" aria-hidden="true"><kbd>\u2191</kbd>' +
    '<kbd>\u2193</kbd> move \u00b7 <kbd>Enter</kbd> open \u00b7 <kbd>Esc</kbd> close</p>';

  function buildDialog() {
    var dialog = element("dialog", "ps-search");
    dialog.setAttribute("aria-label", "Search papers");
    dialog.setAttribute("data-ps-search-dialog", "");
    dialog.innerHTML = DIALOG;
    document.body.appendChild(dialog);
    return dialog;
  }

  function parts() {
    var dialog = document.querySelector("[data-ps-search-dialog]") || buildDialog();
    return {
      dialog: dialog,
      input: dialog.querySelector("[data-ps-search-input]"),
      status: dialog.querySelector("[data-ps-search-status]"),
      list: dialog.querySelector("[data-ps-search-results]")
    };
  }

  var words = papersite.queryWords;

  /* Paper or topic pages (`kind`) with every word; if none, with any word (each searched
     alone). A word no page holds (papersite.searchHeld) is left out and named in
     `unknown`, as is a query's one word that finds no paper. Papers are searched as the
     finder searches them (not topic pages), so that papers of equal score come in the
     same order in both. */
  function find(api, query, kind) {
    var filters = kind === "topic" ? { kind: "topic" } : { not: { kind: "topic" } };
    var options = { filters: filters };
    return papersite.searchHeld(api, query, options).then(function (held) {
      var all = held.found;
      var known = words(held.query).filter(function (term) {
        return held.unknown.indexOf(papersite.wordOf(term)) < 0;
      });
      /* the words to look for alone: not "the", "of" … (they say nothing of a subject:
         "the trasnformer" listed the papers with "the") */
      var terms = papersite.distinctWords(known.filter(function (term) {
        return !papersite.stopWord(term);
      }));
      var result = { results: all.results, allWords: true, unknown: held.unknown };
      if (all.results.length && !held.unknown.length) return result;
      result.results = [];
      if (!terms.length) return result;
      if (known.length < 2 && !held.unknown.length) {  /* one word, and it found nothing */
        if (kind === "paper") result.unknown = [papersite.wordOf(known[0])];
        return result;
      }
      result.allWords = false;
      return papersite.searchEachAlone(api, terms, options).then(function (alone) {
        var merged = {};
        result.unknown = result.unknown.concat(alone.unknown);
        alone.each.forEach(function (held) {
          if (held.unknown.length) return;
          held.found.results.forEach(function (found) {
            var entry = merged[found.id] || (merged[found.id] = { result: found, words: 0, score: 0 });
            entry.words += 1;
            entry.score += found.score;
          });
        });
        var ranked = Object.keys(merged).map(function (id) { return merged[id]; });
        ranked.sort(function (a, b) { return b.words - a.words || b.score - a.score; });
        result.results = ranked.map(function (entry) { return entry.result; });
        result.held = ranked.map(function (entry) { return entry.words; });  /* words each holds */
        result.terms = terms;
        return result;
      });
    });
  }

  /* Papers and topics for a query: the best papers (every result that is not a topic
     page), then the topic pages that match, each list fetched apart so that papers
     outrank topics and a popular topic is never crowded out by papers; a topic whose
     label the query names comes first (`named`). The words no paper has are named, with
     the corpus's word for each that looks like a typo of it (`nearest`). */
  function findAll(api, query) {
    return Promise.all([find(api, query, "paper"), find(api, query, "topic")])
      .then(function (found) {
        return papersite.nearestOf(found[0].unknown).then(function (nearest) {
          /* A topic without every word is offered only with most of them: "nested
             U-structure salient" offered Label noise, whose page says "nested dropout".
             A word no paper has (a typo, named in the status) is not counted. */
          function counted(terms) {
            return (terms || []).filter(function (term) {
              return found[0].unknown.indexOf(papersite.wordOf(term)) < 0;
            }).length;
          }
          var topics = found[1].results.filter(function (result, i) {
            return found[1].allWords || 2 * found[1].held[i] > counted(found[1].terms);
          });
          return {
            papers: found[0].results,
            topics: topics,
            allWords: found[0].allWords,
            /* beside a word no paper has, no paper has all of the other words either */
            someOthers: !!found[0].held && found[0].held[0] < counted(found[0].terms),
            unknown: found[0].unknown,
            nearest: nearest
          };
        });
      });
  }

  /* A query whose every word no paper has has a look-alike in the corpus ("optimal
     transprot", "segmntation": nearestOf) is answered by the corrected query, as a
     search engine answers a typo, when some paper holds all of its words: the typed
     query would have found none, or papers with the other words only. `correctedFrom`
     keeps the words no paper has, which the status names with the query searched. */
  function corrected(api, query, found) {
    var nearest = found.nearest;
    var typos = found.unknown.filter(function (word) { return word in nearest; });
    if (!typos.length || typos.length < found.unknown.length) return found;
    var fixed = papersite.correctedQuery(query, nearest);
    return findAll(api, fixed).then(function (again) {
      if (!again.papers.length || !again.allWords || again.unknown.length) return found;
      again.searched = fixed;
      again.correctedFrom = found.unknown;
      return again;
    }, function () { return found; });  /* the typed query's answer stands */
  }

  /* The data of the results shown (each result's data is one small file). */
  function collect(found) {
    var shown = found.papers.slice(0, MAX_PAPERS).concat(found.topics.slice(0, MAX_TOPICS));
    return Promise.all(shown.map(function (result) { return result.data(); })).then(function (all) {
      var papers = Math.min(found.papers.length, MAX_PAPERS);
      return { papers: all.slice(0, papers), topics: all.slice(papers) };
    });
  }

  function paperItem(data, query) {
    var link = element("a", "ps-search__link");
    link.href = data.url;
    var title = titled("ps-search__title", papersite.shownTitle(data));
    link.appendChild(papersite.markInferred(title, data.filters));
    var excerpt = element("span", "ps-search__excerpt");
    excerptNodes(papersite.excerptFor(query, data), data.content).forEach(function (node) {
      excerpt.appendChild(node);
    });
    link.appendChild(excerpt);
    var facts = papersite.topicNames(data.filters);
    if (data.filters.year) facts.push(papersite.yearOf(data.filters));
    if (facts.length) link.appendChild(element("span", "ps-search__meta", facts.join(" · ")));
    return link;
  }

  function topicItem(data) {
    var link = element("a", "ps-search__link ps-search__link--topic");
    link.href = data.url;
    link.appendChild(element("span", "ps-search__kind", "Topic"));
    link.appendChild(titled("ps-search__title", data.meta.title || data.url));
    var count = Number(data.meta.papers || 0);
    if (count) link.appendChild(element("span", "ps-search__meta", count + (count === 1 ? " paper" : " papers")));
    return link;
  }

  function finderLink(query, count) {
    var link = element("a", "ps-search__link ps-search__more",
      "All " + count + " results in the Paper finder");
    var url = new URL("finder/", papersite.root);
    url.searchParams.set("query", query);
    link.href = url.href;
    return link;
  }

  /* Whether the query names a topic: its label or one of its aliases (the label's
     acronym, or the phrase of the acronym it is: "vit" names "Vision transformers"),
     as papersite.namesLabel reads them. */
  function named(query, data) {
    var names = [data.meta.title || ""].concat((data.meta.aliases || "").split(" · "));
    return names.some(function (name) { return name && papersite.namesLabel(query, name); });
  }

  function show(ui, typed, found, picked) {
    var query = found.searched || typed;  /* the query the results are for */
    var items = [];
    ui.list.textContent = "";
    var first = picked.topics.filter(function (data) { return named(query, data); });
    var rest = picked.topics.filter(function (data) { return !named(query, data); });
    first.forEach(function (data) { items.push(topicItem(data)); });
    papersite.titledFirst(picked.papers, query).forEach(function (data) { items.push(paperItem(data, query)); });
    rest.forEach(function (data) { items.push(topicItem(data)); });
    /* The finder lists papers with every word: after any-word results it would list none. */
    var finderHasThem = found.allWords && !found.unknown.length;
    if (finderHasThem && found.papers.length > picked.papers.length) {
      items.push(finderLink(query, found.papers.length));
    }
    items.forEach(function (link, i) {
      /* The link is the option (an option may hold nothing focusable); the input keeps
         the focus and moves through the options (Tab passes over them and the list). */
      var item = element("li", "ps-search__result");
      item.setAttribute("role", "none");
      link.id = "ps-search-option-" + i;
      link.setAttribute("role", "option");
      link.tabIndex = -1;
      item.appendChild(link);
      ui.list.appendChild(item);
    });
    var count = found.papers.length;
    var status;
    var unknown = (found.correctedFrom || found.unknown).map(function (word) {
      return "\u201c" + word + "\u201d";
    });
    var missing = unknown.length === 1 ? "No paper has the word " + unknown[0]
      : "No paper has the words " + unknown.join(", ");
    var others = (found.someOthers ? "some of " : "") + "the other words.";
    if (found.correctedFrom) status = missing + "; showing papers for \u201c" + query + "\u201d.";
    else if (unknown.length && count) status = missing + "; showing papers with " + others;
    else if (unknown.length) status = missing + ".";
    else if (!count && !found.topics.length) status = "No paper matches \u201c" + query.trim() + "\u201d.";
    else if (!found.allWords) status = "No paper has all of these words; showing papers with some of them.";
    else status = count === 1 ? "1 paper" : count + " papers";
    ui.status.textContent = status;
    papersite.didYouMean(ui.status, query, found.nearest, "ps-search__suggest", function (fixed) {
      ui.input.value = fixed;
      ui.input.focus();
      run(ui, true);
    });
    ui.status.classList.toggle("ps-search__status--fallback",
      (!found.allWords || unknown.length > 0) && count > 0);
    ui.input.setAttribute("aria-expanded", items.length ? "true" : "false");
    select(ui, items.length ? 0 : -1);
    ui.list.setAttribute("data-ps-search-ms", String(Math.round(performance.now() - typedAt)));
    ui.dialog.setAttribute("data-ps-search-done", typed);
  }

  /* The query to search now: while typing, a last word shorter than MIN_PREFIX waits
     (its prefix matches too many words to be worth fetching) unless typing settled. */
  function current(ui, settled) {
    var query = ui.input.value;
    var last = query.replace(/\s+$/, "").split(/\s+/).pop() || "";
    if (settled || /\s$/.test(query) || last.length >= MIN_PREFIX) return query;
    return query.slice(0, query.length - last.length);
  }

  function run(ui, settled) {
    var query = current(ui, settled);
    if (!settled && query === ui.dialog.getAttribute("data-ps-search-done")) return;
    var mine = ++generation;
    if (!query.trim()) {
      ui.list.textContent = "";
      ui.status.textContent = "";
      ui.input.setAttribute("aria-expanded", "false");
      return;
    }
    papersite.pagefind().then(function (api) {
      return findAll(api, query).then(function (found) {
        return corrected(api, query, found);
      }).then(function (found) {
        if (mine !== generation) return null;
        return collect(found).then(function (picked) {
          if (mine === generation) show(ui, query, found, picked);
        });
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      ui.status.textContent = "Search could not load: " + (error && error.message || error);
    });
  }

  function options(ui) {
    return ui.list.querySelectorAll("[role=option]");
  }

  function select(ui, index) {
    var all = options(ui);
    Array.prototype.forEach.call(all, function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0 && all[index]) {
      ui.input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      ui.input.removeAttribute("aria-activedescendant");
    }
  }

  function selected(ui) {
    var all = options(ui);
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("aria-selected") === "true") return i;
    }
    return -1;
  }

  function onKey(ui, event) {
    var count = options(ui).length;
    var at = selected(ui);
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      select(ui, (at + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      select(ui, at <= 0 ? count - 1 : at - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current(ui, false) !== ui.input.value && !options(ui).length) {
        run(ui, true);
        return;
      }
      var option = options(ui)[at >= 0 ? at : 0];
      if (option) option.click();
    }
  }

  function samePageOtherQuery(link) {
    return link.pathname === window.location.pathname && link.search !== window.location.search;
  }

  function wire(ui) {
    if (ui.dialog.hasAttribute("data-ps-wired")) return;
    ui.dialog.setAttribute("data-ps-wired", "");
    ui.input.addEventListener("input", function () {
      typedAt = performance.now();
      clearTimeout(timer);
      clearTimeout(settle);
      timer = setTimeout(function () { run(ui, false); }, DEBOUNCE_MS);
      if (current(ui, false) !== ui.input.value) {
        settle = setTimeout(function () { run(ui, true); }, SETTLE_MS);
      }
    });
    ui.input.addEventListener("keydown", function (event) { onKey(ui, event); });
    /* Escape closes here, not by the browser's own close request: after Material's
       instant navigation Chromium let the first Escape pass without closing. */
    ui.dialog.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      ui.dialog.close();
    });
    ui.list.addEventListener("mousemove", function (event) {
      var option = event.target instanceof Element && event.target.closest("[role=option]");
      if (option) select(ui, Array.prototype.indexOf.call(options(ui), option));
    });
    ui.dialog.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      /* the close button, the backdrop around the dialog, or a result (its page opens) */
      var link = target.closest("a[href]");
      if (target === ui.dialog || target.closest("[data-ps-search-close]") || link) {
        ui.dialog.close();
      }
      if (link && papersite.plainClick(event) && samePageOtherQuery(link) &&
          !event.defaultPrevented) {
        /* the finder's "All results" from the finder itself: Material's instant
           navigation keeps a page whose path does not change, so the page loads anew */
        event.preventDefault();
        event.stopPropagation();
        window.location.assign(link.href);
      }
    });
    /* Back or Forward while the dialog is open: the page under it changes, so it closes */
    window.addEventListener("popstate", function () { ui.dialog.close(); });
  }

  papersite.openSearch = function () {
    var ui = parts();
    if (!ui) return;
    wire(ui);
    if (!ui.dialog.open) ui.dialog.showModal();
    ui.input.focus();
    ui.input.select();
    papersite.pagefind();  /* start loading the index while the visitor types */
  };
})();
