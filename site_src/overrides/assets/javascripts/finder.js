/*
 * Paper finder: searches the lunr index that papersite prebuilds (generator/search.py).
 *
 * The page holds <div class="ps-finder" data-index="…" data-root="…">: data-index is the
 * index JSON and data-root the site root, both relative to the page. The browser loads the
 * index (lunr.Index.load), it never builds one. The query normalisation below must match
 * generator/search.py (fold, word_parts, query_terms). Corpus text is inserted with
 * textContent only. Works with Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var FORMAT_VERSION = 1;
  var WORD_BOOST = 1.0;
  var PART_BOOST = 0.2;
  var PREFIX_BOOST = 0.1;
  var MIN_PREFIX_LENGTH = 3;
  var MAX_RESULTS = 50;
  var FOLDS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i" };
  var FOLD_RE = /[ßæœøłđı]/g;
  var WORD_RE = /[\p{L}\p{N}]+(?:\+\+)?(?:[-\u2010\u2011^_'\u2019]+[\p{L}\p{N}]+(?:\+\+)?)*/gu;
  var PART_RE = /[\p{L}\p{N}]+(?:\+\+)?/gu;
  var SAFE_URL_RE = /^[A-Za-z0-9][A-Za-z0-9._~\/-]*$/;
  var loading = {};

  /** Lower-case and fold accents and ligatures (generator.search.fold). */
  function fold(text) {
    var lower = text.normalize("NFKD").toLowerCase().replace(FOLD_RE, function (c) { return FOLDS[c]; });
    return lower.normalize("NFKD").replace(/\p{Mn}/gu, "").normalize("NFC");
  }

  /** A word part as a token: `unet++` is spelled `unetpp`. */
  function spell(part) {
    return part.slice(-2) === "++" ? part.slice(0, -2) + "pp" : part;
  }

  /** Words of the folded text, each a list of parts (generator.search.word_parts). */
  function wordParts(text) {
    return (fold(text).match(WORD_RE) || []).map(function (word) {
      return word.match(PART_RE) || [];
    });
  }

  /** Query clauses: each word joined, its parts weaker, the last word as a prefix. */
  function queryTerms(query) {
    var words = wordParts(query);
    var terms = [];
    words.forEach(function (parts, number) {
      var joined = parts.map(spell).join("");
      terms.push({ term: joined, boost: WORD_BOOST, prefix: false });
      if (parts.length > 1) {
        parts.forEach(function (part) {
          terms.push({ term: spell(part), boost: PART_BOOST, prefix: false });
        });
      }
      if (number === words.length - 1 && parts.length === 1 && joined.length >= MIN_PREFIX_LENGTH) {
        terms.push({ term: joined, boost: PREFIX_BOOST, prefix: true });
      }
    });
    return terms;
  }

  /** Ranked [document, score] pairs, best first, ties by slug (as generator.search.search). */
  function rank(state, query) {
    var terms = queryTerms(query);
    if (!terms.length) return [];
    var results = state.index.query(function (q) {
      terms.forEach(function (t) {
        if (t.prefix) {
          q.term(t.term, { boost: t.boost, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
        } else {
          q.term(t.term, { boost: t.boost });
        }
      });
    });
    return results.map(function (r) {
      return [state.documents[Number(r.ref)], r.score];
    }).sort(function (a, b) {
      return b[1] - a[1] || (a[0].slug < b[0].slug ? -1 : a[0].slug > b[0].slug ? 1 : 0);
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function option(value, label) {
    var el = element("option", "", label);
    el.value = value;
    return el;
  }

  function labelled(text, control) {
    var label = element("label", "ps-finder__field");
    label.appendChild(element("span", "ps-finder__label", text));
    label.appendChild(control);
    return label;
  }

  /** Build the search box, the filters, the status line and the result list. */
  function buildForm(container, data) {
    var form = element("form", "ps-finder__form");
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var input = element("input", "ps-finder__query md-typeset");
    input.type = "search";
    input.placeholder = "Search titles and abstracts";
    input.autocomplete = "off";
    input.spellcheck = false;
    var topic = element("select", "ps-finder__topic");
    topic.appendChild(option("", "All topics"));
    data.topics.slice().sort(function (a, b) {
      return a.label.localeCompare(b.label);
    }).forEach(function (t) { topic.appendChild(option(t.slug, t.label)); });
    var year = element("select", "ps-finder__year");
    year.appendChild(option("", "All years"));
    var years = {};
    var undated = false;
    data.documents.forEach(function (d) {
      if (d.year === null) undated = true; else years[d.year] = true;
    });
    Object.keys(years).sort().reverse().forEach(function (y) { year.appendChild(option(y, y)); });
    if (undated) year.appendChild(option("undated", "Undated"));
    form.appendChild(labelled("Words", input));
    if (data.topics.length) form.appendChild(labelled("Topic", topic));
    form.appendChild(labelled("Year", year));
    var status = element("p", "ps-finder__status");
    status.setAttribute("aria-live", "polite");
    var list = element("ol", "ps-finder__results");
    container.replaceChildren(form, status, list);
    return { input: input, topic: topic, year: year, status: status, list: list };
  }

  function matchesFilters(doc, topic, year) {
    if (topic && doc.topics.indexOf(topic) < 0) return false;
    if (year === "undated") return doc.year === null;
    return !year || String(doc.year) === year;
  }

  function resultItem(doc, root, topicLabels) {
    var item = element("li", "ps-finder__result");
    var link = element("a", "ps-finder__title", doc.title);
    if (SAFE_URL_RE.test(doc.url)) link.href = root + doc.url;
    item.appendChild(link);
    var meta = doc.year === null ? [] : [String(doc.year)];
    doc.topics.forEach(function (slug) { if (topicLabels[slug]) meta.push(topicLabels[slug]); });
    if (meta.length) item.appendChild(element("span", "ps-finder__meta", meta.join(" · ")));
    item.appendChild(element("p", "ps-finder__summary", doc.summary));
    return item;
  }

  /** Run the query and filters, and show the results. */
  function update(state, ui) {
    var query = ui.input.value;
    var topic = ui.topic.value;
    var year = ui.year.value;
    var docs;
    if (queryTerms(query).length) {
      docs = rank(state, query).map(function (pair) { return pair[0]; });
    } else if (topic || year) {
      docs = state.documents.slice().sort(function (a, b) {
        return (b.year || 0) - (a.year || 0) || a.title.localeCompare(b.title);
      });
    } else {
      docs = [];
    }
    docs = docs.filter(function (d) { return matchesFilters(d, topic, year); });
    var shown = docs.slice(0, MAX_RESULTS);
    ui.list.replaceChildren.apply(ui.list, shown.map(function (d) {
      return resultItem(d, state.root, state.topicLabels);
    }));
    var empty = !query.trim() && !topic && !year;
    ui.status.textContent = empty
      ? "Type words of a title or abstract, or pick a topic or year (" + state.documents.length + " papers)."
      : docs.length === 0
        ? "No paper matches."
        : docs.length + (docs.length === 1 ? " paper matches" : " papers match")
          + (docs.length > shown.length ? "; the first " + shown.length + " are shown." : ".");
    saveState(query, topic, year);
  }

  function saveState(query, topic, year) {
    var params = new URLSearchParams(window.location.search);
    [["q", query], ["topic", topic], ["year", year]].forEach(function (pair) {
      if (pair[1]) params.set(pair[0], pair[1]); else params.delete(pair[0]);
    });
    var search = params.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function restoreState(ui) {
    var params = new URLSearchParams(window.location.search);
    ui.input.value = params.get("q") || "";
    [["topic", ui.topic], ["year", ui.year]].forEach(function (pair) {
      var value = params.get(pair[0]) || "";
      if (Array.prototype.some.call(pair[1].options, function (o) { return o.value === value; })) {
        pair[1].value = value;
      }
    });
  }

  function loadIndex(url) {
    if (!loading[url]) {
      loading[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        if (data.format !== FORMAT_VERSION) throw new Error("unsupported index format");
        return data;
      });
      loading[url].catch(function () { delete loading[url]; });
    }
    return loading[url];
  }

  /** Set up one finder container: load the index, build the form, wire the events. */
  function setup(container) {
    if (container.getAttribute("data-ready")) return;
    container.setAttribute("data-ready", "loading");
    var status = element("p", "ps-finder__status", "Loading the paper index…");
    container.replaceChildren(status);
    if (typeof lunr === "undefined") {
      status.textContent = "The search library did not load, so the finder cannot run.";
      return;
    }
    var url = new URL(container.getAttribute("data-index") || "", window.location.href).href;
    var root = container.getAttribute("data-root") || "";
    loadIndex(url).then(function (data) {
      var topicLabels = {};
      data.topics.forEach(function (t) { topicLabels[t.slug] = t.label; });
      var state = {
        index: lunr.Index.load(data.index),
        documents: data.documents,
        root: root,
        topicLabels: topicLabels,
      };
      var ui = buildForm(container, data);
      restoreState(ui);
      var refresh = function () { update(state, ui); };
      ui.input.addEventListener("input", refresh);
      ui.topic.addEventListener("change", refresh);
      ui.year.addEventListener("change", refresh);
      refresh();
      container.setAttribute("data-ready", "ready");
    }).catch(function (error) {
      status.textContent = "The paper index could not be loaded (" + error.message + ").";
      container.setAttribute("data-ready", "failed");
    });
  }

  function setupAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".ps-finder[data-index]"), setup);
  }

  window.papersiteFinder = { fold: fold, wordParts: wordParts, queryTerms: queryTerms, rank: rank };

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setupAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
