/* papersite: the Paper finder (finder.md.j2), on Pagefind's search API.

   A query (every word must match) narrowed by topic, area, a year range and "has code",
   sorted by relevance, newest, most upvoted or title. Without a query there is nothing to
   rank by relevance: the papers come newest first (title A-Z when fewer than half of them
   have a date), and the sort control says so (it offers Relevance only while there is a
   query). Each option shows how many papers it
   would leave, given the other choices. The state lives in the page's URL (query,
   topic, area, from, to, code, sort), so a copied link opens the same view; the header
   search reads none of these keys. A filter or sort on a field that fewer than half of
   the papers have says how many have it. Corpus text is inserted as text only. */
(function () {
  "use strict";
  var papersite = window.papersite;
  var PAGE_SIZE = 20;
  var SMALL_REST = 5;
  var DEBOUNCE_MS = 150;
  var KEYS = ["query", "topic", "area", "from", "to", "code", "sort"];

  var element = papersite.element;
  var excerptNodes = papersite.excerptNodes;

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* The view's state from the URL (unknown values are dropped later, once options are known). */
  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    KEYS.forEach(function (key) { state[key] = params.get(key) || ""; });
    if (!state.query && params.get("q")) state.query = params.get("q");  /* older links */
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var search = params.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
  }

  function yearsBetween(state, years) {
    return years.filter(function (year) {
      return (!state.from || year >= state.from) && (!state.to || year <= state.to);
    });
  }

  /* Pagefind filters for the state, leaving out the facet `except` (for its counts). */
  function filtersFor(state, years, except) {
    var filters = { not: { kind: "topic" } };  /* papers only */
    if (state.topic && except !== "topic") filters.topic = state.topic;
    if (state.area && except !== "area") filters.area = state.area;
    if ((state.from || state.to) && except !== "year") {
      filters.year = { any: yearsBetween(state, years) };
    }
    if (state.code && except !== "code") filters.code = "yes";
    return filters;
  }

  var ORDERS = { newest: { date: "desc" }, upvotes: { upvotes: "desc" }, title: { title: "asc" } };

  /* Pagefind's sort for a view; without a query (nothing to rank by) the `plain` order. */
  function sortFor(state, plain) {
    if (ORDERS[state.sort]) return ORDERS[state.sort];
    return state.query.trim() ? {} : ORDERS[plain];
  }

  function Finder(container, api, all) {
    this.container = container;
    this.api = api;
    this.all = all;  /* every filter value with its total count */
    this.years = Object.keys(all.year || {}).sort();
    this.papers = Number(container.getAttribute("data-papers")) || 0;
    this.state = readState();
    this.shown = 0;
    this.results = [];
    this.generation = 0;
    this.place = savedPlace();  /* put back once the first results are drawn (refresh) */
    current = this;
    this.build();
    this.sanitize();
    this.refresh();
  }

  /* Back to the finder shows the results shown before, at the place read: Material (or
     the browser) puts the scroll back before the results are drawn, on a page still too
     short. Kept for the history entry (papersite.remember) at every click while the
     finder is on the page: the click may lead away. */
  var current = null;  /* the finder on the page, if any */

  function viewKey() {
    return window.location.pathname + window.location.search;
  }

  function savedPlace() {
    var place = window.papersite.recall("finder");
    return place && place.view === viewKey() ? place : null;  /* the view may have changed */
  }

  /* Scroll to `y`, and again while the page still grows for a moment after its results
     are drawn (the scroll stopped short, at the end of a page not yet laid out whole),
     unless the reader scrolls meanwhile. */
  function scrollBack(y) {
    window.scrollTo(0, y);
    if (Math.abs(window.scrollY - y) < 2 || !window.ResizeObserver) return;
    var observer = new ResizeObserver(function () {
      window.scrollTo(0, y);
      if (Math.abs(window.scrollY - y) < 2) stop();
    });
    function stop() {
      observer.disconnect();
      ["wheel", "touchstart", "keydown"].forEach(function (name) {
        window.removeEventListener(name, stop, true);
      });
    }
    ["wheel", "touchstart", "keydown"].forEach(function (name) {
      window.addEventListener(name, stop, true);
    });
    observer.observe(document.body);
    setTimeout(stop, 1000);
  }

  document.addEventListener("click", function () {
    if (current && document.body.contains(current.container)) {
      window.papersite.remember("finder", {
        view: viewKey(), shown: current.shown, y: window.scrollY
      });
    }
  }, true);

  /* "Only 62 of 554 papers have a date." when under half of the papers have the field. */
  /* Whether fewer than half of the papers have a field (`count` of them do). */
  Finder.prototype.fewHave = function (count) {
    return !!this.papers && count * 2 < this.papers;
  };

  Finder.prototype.coverageNote = function (count, what) {
    if (!this.fewHave(count)) return "";
    return "Only " + count + " of " + this.papers + " papers " + what + ".";
  };

  /* The form and result list: papersite's own markup (no corpus text), written once. */
  var FORM =
    '<form class="ps-finder__form" role="search"><label class="ps-finder__field">' +
    '<span class="ps-finder__label">Search</span><input class="ps-finder__query" type="search"' +
    ' name="query" placeholder="Words in titles and abstracts" aria-label="Search papers"' +
    ' autocomplete="off"></label><details class="ps-finder__panel"><summary>Filters and sort' +
    '<span class="ps-finder__tally" aria-hidden="true"></span></summary>' +
    '<div class="ps-finder__filters"><label class="ps-finder__field">' +
    '<span class="ps-finder__label">Topic</span><select class="ps-finder__select" name="topic"' +
    ' aria-label="Topic"></select></label><label class="ps-finder__field" data-ps-area>' +
    '<span class="ps-finder__label">Area</span><select class="ps-finder__select" name="area"' +
    ' aria-label="Area"></select></label><div class="ps-finder__field">' +
    '<span class="ps-finder__label">Year</span><span class="ps-finder__range">' +
    '<select class="ps-finder__select" name="from" aria-label="From year"></select>' +
    '<span class="ps-finder__dash">\u2013</span><select class="ps-finder__select" name="to"' +
    ' aria-label="To year"></select></span><span class="ps-finder__note" data-ps-note="year">' +
    '</span></div><div class="ps-finder__field ps-finder__field--check">' +
    '<span class="ps-finder__label">Code</span><label class="ps-finder__checkrow"><input' +
    ' class="ps-finder__check" type="checkbox" name="code"><span data-ps-code>Has code' +
    '</span></label></div><label class="ps-finder__field">' +
    '<span class="ps-finder__label">Sort</span><select class="ps-finder__select" name="sort"' +
    ' aria-label="Sort"><option value="">Relevance</option><option value="newest">Newest' +
    ' first</option><option value="upvotes">Most upvoted</option><option value="title">Title' +
    ' A\u2013Z</option></select>' +
    '<span class="ps-finder__note" data-ps-note="sort"></span></label></div></details></form>' +
    '<div class="ps-finder__bar"><p class="ps-finder__status" aria-live="polite"></p>' +
    '<button type="button" class="ps-finder__clear">Clear all</button></div>' +
    '<ol class="ps-finder__results"></ol>' +
    '<button type="button" class="ps-finder__more md-button" hidden>Show more</button>';

  Finder.prototype.build = function () {
    var self = this;
    var c = this.container;
    var dated = Number(c.getAttribute("data-dated")) || 0;
    var upvoted = Number(c.getAttribute("data-upvoted")) || 0;
    c.innerHTML = FORM;
    function find(selector) { return c.querySelector(selector); }
    find("form").addEventListener("submit", function (event) { event.preventDefault(); });
    this.query = find("input[name=query]");
    this.topic = find("select[name=topic]");
    this.area = find("select[name=area]");
    this.from = find("select[name=from]");
    this.to = find("select[name=to]");
    this.code = find("input[name=code]");
    this.sort = find("select[name=sort]");
    this.relevance = find("select[name=sort] option[value='']");  /* offered with a query */
    this.codeLabel = find("[data-ps-code]");
    this.panel = find(".ps-finder__panel");  /* folds away on phones (see showState) */
    this.sortNote = find("[data-ps-note=sort]");
    this.status = find(".ps-finder__status");
    this.tally = find(".ps-finder__tally");  /* the count beside the phone's filters */
    this.clear = find(".ps-finder__clear");
    this.list = find(".ps-finder__results");
    this.more = find(".ps-finder__more");
    find("[data-ps-note=year]").textContent = this.coverageNote(dated, "have a date");
    /* Without a query: newest first, unless most papers have no date (then A-Z). */
    this.plainOrder = this.fewHave(dated) ? "title" : "newest";
    find("[data-ps-area]").hidden = !Object.keys(this.all.area || {}).length;
    this.sortNotes = {
      /* The count is under the year fields already (the same condition). */
      newest: this.coverageNote(dated, "have a date") && "The papers with a date come first.",
      upvotes: this.coverageNote(upvoted, "have upvotes: they come first")
    };

    var timer = null;
    this.query.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.change(); }, DEBOUNCE_MS);
    });
    [this.topic, this.area, this.from, this.to, this.sort, this.code].forEach(function (control) {
      control.addEventListener("change", function () { self.change(control); });
    });
    this.clear.addEventListener("click", function () {
      self.state = { query: "", topic: "", area: "", from: "", to: "", code: "", sort: "" };
      self.showState();
      self.refresh();
    });
    /* the first new result takes the focus: the button went below them (or away), and
       Tab from it led past the results read next */
    this.more.addEventListener("click", function () {
      var first = self.list.children.length;
      var mine = self.generation;
      self.showMore().then(function () {
        if (mine !== self.generation) return;  /* a new search drew other results */
        var link = self.list.children[first] && self.list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
  };

  /* Drop URL values that name no option (a stale or edited link); a range that ends
     before it starts ends where it starts (it searched every year, undated papers too). */
  Finder.prototype.sanitize = function () {
    var s = this.state;
    if (s.topic && !(this.all.topic || {})[s.topic]) s.topic = "";
    if (s.area && !(this.all.area || {})[s.area]) s.area = "";
    if (s.from && this.years.indexOf(s.from) < 0) s.from = "";
    if (s.to && this.years.indexOf(s.to) < 0) s.to = "";
    if (s.from && s.to && s.from > s.to) s.to = s.from;  /* as the menus do: no empty range */
    if (s.code && s.code !== "1") s.code = "1";
    if (!ORDERS[s.sort]) s.sort = "";
    this.showState();
  };

  Finder.prototype.showState = function () {
    var s = this.state;
    if (s.topic || s.area || s.from || s.to || s.code || s.sort || !window.matchMedia ||
        !window.matchMedia("(max-width: 44.9375em)").matches) {
      this.panel.open = true;
    }
    this.query.value = this.state.query;
    this.code.checked = !!this.state.code;
    this.showSort();
  };

  /* The sort control names the order the results are in: Relevance is an option only
     with a query; without one the default order (state "") is `plainOrder`. */
  Finder.prototype.showSort = function () {
    var ranked = !!this.state.query.trim();
    if (ranked && !this.relevance.parentNode) {
      this.sort.insertBefore(this.relevance, this.sort.firstChild);
    } else if (!ranked && this.relevance.parentNode) {
      this.sort.removeChild(this.relevance);
    }
    this.sort.value = this.state.sort || (ranked ? "" : this.plainOrder);
    this.sortNote.textContent = this.sortNotes[this.sort.value] || "";
  };

  /* The view after a control changed. The order shown by default (no query) is not a
     choice: typing a query then ranks by relevance. Picked in the sort control, it sticks. */
  Finder.prototype.change = function (source) {
    var sort = this.sort.value;
    if (sort === this.plainOrder && source !== this.sort && !this.state.sort) sort = "";
    this.state = {
      query: this.query.value,
      topic: this.topic.value,
      area: this.area.value,
      from: this.from.value,
      to: this.to.value,
      code: this.code.checked ? "1" : "",
      sort: sort
    };
    if (this.state.from && this.state.to && this.state.from > this.state.to) {
      this.state.to = this.state.from;
    }
    this.showState();
    this.refresh();
  };

  /* The query's words as the papers hold them (papersite.searchHeld: a compound Pagefind
     finds by its parts, the words no paper has), checked once per query, among papers as
     the header search checks them: a word only a topic page holds is no paper's. */
  var PAPERS = { filters: { not: { kind: "topic" } } };
  Finder.prototype.held = function () {
    var query = this.state.query.trim();
    if (!query) return Promise.resolve({ query: "", unknown: [] });
    if (this.heldQuery && this.heldQuery.typed === query) return this.heldQuery.answer;
    var self = this;
    var api = this.api;
    var answer = papersite.searchHeld(api, query, PAPERS).then(function (held) {
      /* Nothing found, and so nothing to judge the words by: each is searched alone,
         and those no paper has are named (as the header search does), not "No paper
         matches these words". */
      var words = papersite.queryWords(held.query);
      if (held.found.results.length || held.unknown.length || !words.length) return held;
      return papersite.searchEachAlone(api, words, PAPERS).then(function (alone) {
        return Object.assign({}, held, { unknown: alone.unknown });
      });
    });
    this.heldQuery = { typed: query, answer: answer };
    answer.catch(function () { self.heldQuery = null; });  /* a failure is tried again */
    return answer;
  };

  Finder.prototype.search = function (except) {
    var query = this.searched || null;
    return this.api.search(query, {
      filters: filtersFor(this.state, this.years, except),
      sort: sortFor(this.state, this.plainOrder)
    });
  };

  Finder.prototype.refresh = function () {
    var self = this;
    var mine = ++this.generation;
    var place = this.place;  /* only for the first results: a changed view starts anew */
    this.place = null;
    this.container.setAttribute("data-ready", "loading");
    writeState(this.state);
    var facets = ["topic", "area", "year", "code"];
    var active = { topic: this.state.topic, area: this.state.area,
      year: this.state.from || this.state.to, code: this.state.code };
    this.held().then(function (held) {
      /* the corpus's word for each unknown one that looks like a typo (not kept with the
         query's words: a word list that failed to load is asked for again) */
      return papersite.nearestOf(held.unknown).then(function (nearest) {
        return Object.assign({ nearest: nearest }, held);
      });
    }).then(function (held) {
      if (mine !== self.generation) return null;
      self.searched = held.query;
      self.unknown = held.unknown;
      self.nearest = held.nearest;
      var searches = [self.search(null)].concat(facets.map(function (facet) {
        return active[facet] ? self.search(facet) : null;
      }));
      return Promise.all(searches);
    }).then(function (found) {
      if (!found || mine !== self.generation) return;
      var main = found[0];
      if (self.unknown.length) {  /* Pagefind's results are for another word: none */
        main = { results: [], filters: {} };
        found = [main];
      }
      var counts = {};
      facets.forEach(function (facet, i) {
        counts[facet] = (found[i + 1] || main).filters[facet] || {};
      });
      /* the guessed years among the papers the year menus count */
      counts.year_inferred = (found[facets.indexOf("year") + 1] || main).filters.year_inferred || {};
      self.fillOptions(counts);
      self.results = main.results;
      self.shown = 0;
      self.list.textContent = "";
      var filtered = facets.some(function (facet) { return active[facet]; });
      self.clear.hidden = !filtered && !self.state.query && !self.state.sort;
      var count = main.results.length;
      var unknown = self.unknown.map(function (word) { return "\u201c" + word + "\u201d"; });
      if (unknown.length) {
        self.status.textContent = "No paper has the word" + (unknown.length > 1 ? "s " : " ") +
          unknown.join(", ") + ".";
        papersite.didYouMean(self.status, self.state.query, self.nearest, "ps-finder__suggest", function (corrected) {
          self.query.value = corrected;
          self.query.dispatchEvent(new Event("input"));
        });
      } else if (count) {
        self.status.textContent = plural(count, "paper", "papers") +
          (self.state.query.trim() || filtered ? (count === 1 ? " matches" : " match") : "");
      } else {
        self.status.textContent = "No paper matches" + (filtered ? " these words and filters." : " these words.");
      }
      /* On a phone the open filters fill the screen and the status is below it: the
         count is said beside them too (the status alone is read out). */
      self.tally.textContent = " \u00b7 " + plural(count, "paper", "papers");
      self.container.setAttribute("data-results", String(main.results.length));
      return self.showMore(place && place.shown).then(function () {
        if (place && mine === self.generation) scrollBack(place.y);
      });
    }).catch(function (error) {
      if (mine !== self.generation) return;
      self.status.textContent = "The finder could not search: " + (error && error.message || error);
    });
  };

  function setOptions(select, entries, current, anyLabel) {
    select.textContent = "";
    var any = element("option", "", anyLabel);
    any.value = "";
    select.appendChild(any);
    entries.forEach(function (entry) {
      var note = entry[2] ? ", " + entry[2] : "";
      var option = element("option", "", entry[0] + " (" + entry[1] + note + ")");
      option.value = entry[0];
      if (!entry[1] && entry[0] !== current) option.disabled = true;
      select.appendChild(option);
    });
    select.value = current;
  }

  Finder.prototype.fillOptions = function (counts) {
    var all = this.all;
    function entries(facet, order) {
      var names = Object.keys(all[facet] || {});
      names.sort(order || function (a, b) { return a.localeCompare(b); });
      return names.map(function (name) { return [name, (counts[facet] || {})[name] || 0]; });
    }
    setOptions(this.topic, entries("topic"), this.state.topic, "Any topic");
    setOptions(this.area, entries("area"), this.state.area, "Any area");
    /* A year the listings did not print (read as the one after the newest printed) says
       so: "2025 (14, inferred)", "2024 (20, 3 inferred)". */
    var guessed = counts.year_inferred || {};
    var years = entries("year").map(function (entry) {
      var inferred = guessed[entry[0]] || 0;
      if (!inferred) return entry;
      return [entry[0], entry[1], inferred === entry[1] ? "inferred" : inferred + " inferred"];
    });
    setOptions(this.from, years, this.state.from, "Any");
    setOptions(this.to, years.slice().reverse(), this.state.to, "Any");
    var withCode = (counts.code || {}).yes || 0;
    this.codeLabel.textContent = "Has code (" + withCode + ")";
  };

  /* The next PAGE_SIZE results, or `count` of them (at least a page); with the rest
     too when no more than SMALL_REST would be left (no "Show more" for one result). */
  Finder.prototype.showMore = function (count) {
    var self = this;
    var mine = this.generation;
    var end = this.shown + Math.max(count || 0, PAGE_SIZE);
    if (this.results.length - end <= SMALL_REST) end = this.results.length;
    var slice = this.results.slice(this.shown, end);
    /* Ranked by relevance, the first rows come as the header search lists them (titles
       that name the query first); a page restored on Back reorders the same rows. */
    var titledFirst = !this.shown && this.state.query.trim() && !ORDERS[this.state.sort];
    this.shown += slice.length;
    this.more.hidden = this.shown >= this.results.length;
    return Promise.all(slice.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== self.generation) return;
      if (titledFirst) pages = papersite.titledFirst(pages, self.state.query);
      pages.forEach(function (data) { self.list.appendChild(self.item(data)); });
      self.container.setAttribute("data-ready", "ready");
    });
  };

  Finder.prototype.item = function (data) {
    var item = element("li", "ps-finder__result");
    var link = element("a", "ps-finder__title");
    papersite.titleNodes(papersite.shownTitle(data)).forEach(function (node) {
      link.appendChild(node);
    });
    link.href = data.url;
    item.appendChild(papersite.markInferred(link, data.filters));
    var facts = [];
    if (data.filters.year) facts.push(papersite.yearOf(data.filters));
    if (data.filters.upvotes) facts.push(plural(Number(data.filters.upvotes[0]), "upvote", "upvotes"));
    if (data.filters.code) facts.push("has code");
    facts = facts.concat(papersite.topicNames(data.filters));
    if (facts.length) item.appendChild(element("span", "ps-finder__meta", facts.join(" · ")));
    var excerpt = element("span", "ps-finder__summary");
    excerptNodes(papersite.excerptFor(this.searched || "", data), data.content).forEach(function (node) {
      excerpt.appendChild(node);
    });
    item.appendChild(excerpt);
    return item;
  };

  function setUp() {
    var container = document.querySelector(".ps-finder");
    if (!container || container.hasAttribute("data-ps-finder")) return;
    container.setAttribute("data-ps-finder", "");
    var status = element("p", "ps-finder__status", "Loading the search index…");
    container.appendChild(status);
    papersite.pagefind().then(function (api) {
      return api.filters().then(function (all) { new Finder(container, api, all); });
    }).catch(function (error) {
      status.textContent = "The finder could not load its index: " + (error && error.message || error);
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
