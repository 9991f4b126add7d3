/* papersite: the one script every page loads. It loads what a page uses when the page
   needs it: the search dialog's code on the first `/`, `s` or click on the search button;
   the Paper finder and the map on their pages; a paper's graph; KaTeX where an abstract
   holds math. Pages reached by Material's instant navigation are handled too (document$). */
(function () {
  "use strict";
  /* This script is assets/javascripts/papersite.js; Pagefind's files are beside assets/.
     Its address ends in the assets' version mark (`?v=…`: generator/mkdocs/asset_version.py),
     which the files it loads carry too, so that none comes from an older build's cache. */
  var own = new URL(document.currentScript.src);
  var assets = new URL("../", own);
  var pagefind = new URL("../../pagefind/", own);
  var version = own.search;
  var loaded = {};

  /* Load a script or style of assets/ once; `done` runs when it is ready. A style that
     left the page (Material's instant navigation swaps the head, e.g. when only the
     address's #fragment is edited) is added again, and the page told to lay out anew;
     so is one that left while still loading (a reader who moved on at once: it would
     never finish). One that failed is tried again by the next page that asks. */
  function load(path, done) {
    var entry = loaded[path];
    var url = new URL(path, assets).href + version;
    var isStyle = /\.css$/.test(path);
    if (entry === true && isStyle && !document.querySelector('link[href="' + url + '"]')) {
      entry = undefined;
      var relaid = done;
      done = function () {
        if (relaid) relaid();
        window.dispatchEvent(new Event("resize"));
      };
    }
    if (entry === true) { if (done) done(); return; }
    if (entry && (entry.tag.isConnected || !isStyle)) {
      if (done) entry.waiting.push(done);
      return;
    }
    var waiting = entry ? entry.waiting : [];
    if (done) waiting.push(done);
    var tag;
    if (isStyle) {
      tag = document.createElement("link");
      tag.rel = "stylesheet";
      tag.href = url;
    } else {
      tag = document.createElement("script");
      tag.src = url;
    }
    loaded[path] = { tag: tag, waiting: waiting };
    function current() { return loaded[path] && loaded[path].tag === tag; }
    tag.onload = function () {
      if (!current()) return;  /* a newer tag took its place */
      loaded[path] = true;
      waiting.forEach(function (callback) { callback(); });
    };
    tag.onerror = function () { if (current()) delete loaded[path]; };
    document.head.appendChild(tag);
  }

  /* Pagefind's search API (pagefind/pagefind.js, written by the build), started once.
     On the main thread (noWorker): for an index this size its worker only adds bytes.
     A paper's search aliases (what an acronym it writes stands for, or the acronym of a
     phrase it writes) weigh as its title does (Pagefind's title weight, 5): at the
     default 1, `resnet` listed He et al.'s ResNet paper 38th of 44 (5th now). The
     terminal search mirrors it (search/terminal.py: ALIAS_WEIGHT). */
  var RANKING = { metaWeights: { aliases: 5 } };
  var engine = null;
  function pagefindApi() {
    if (!engine) {
      engine = import(new URL("pagefind.js" + version, pagefind).href).then(function (api) {
        var root = new URL("..", pagefind).pathname;
        return api.options({
          basePath: pagefind.pathname, baseUrl: root, excerptLength: 30, noWorker: true,
          ranking: RANKING
        }).then(function () { return api.init(); }).then(function () { return api; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  /* An element with a class and text (never HTML: corpus text is inserted as text). */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A title as nodes, with a name's superscript raised (U^2-Net reads U²-Net), as the
     site's pages show it (render/rich_text.py: same pattern); text nodes only. */
  var NAME_SCRIPT = /([A-Za-z0-9)])\^(?:\{([^{}\s]{1,10})\}|(\d{1,3})|([A-Za-z])(?![A-Za-z]))/g;
  function titleNodes(text) {
    var out = [], position = 0, match;
    NAME_SCRIPT.lastIndex = 0;
    while ((match = NAME_SCRIPT.exec(text)) !== null) {
      var script = match[2] || match[3] || match[4];
      if (/^[A-Za-z]{2,}$/.test(script)) continue;  /* ^{dagger}: a symbol word, kept */
      out.push(document.createTextNode(text.slice(position, match.index + 1)));
      var sup = element("sup", "ps-sup");  /* caret and braces kept, hidden: the text */
      sup.appendChild(element("span", "ps-caret", match[2] ? "^{" : "^"));  /* is as written */
      sup.appendChild(document.createTextNode(script));
      if (match[2]) sup.appendChild(element("span", "ps-caret", "}"));
      out.push(sup);
      position = match.index + match[0].length;
    }
    out.push(document.createTextNode(text.slice(position)));
    return out;
  }

  /* The title a Pagefind result shows: with its math in Unicode where the page has
     such a form ("Beyond ℓ₁ sparse coding": the `shown` filter), else as listed, else
     the page's address. */
  function shownTitle(data) {
    return (data.filters.shown || [])[0] || data.meta.title || data.url;
  }

  /* A result's title set apart when the listing gave none (the `inferred` filter of
     paper.md.j2: a filter, since Pagefind searches metadata and "yes" would match), as
     the site's lists set it apart (render/context.title_html). */
  function markInferred(node, filters) {
    if (!filters.inferred) return node;
    node.classList.add("ps-inferred-title");
    node.title = "No title in the listing: drawn from the abstract";
    return node;
  }

  /* A result's topics as its page's tags name them: "close to" a topic the paper is in
     by resemblance alone (the `close` filter, render/paper_page._search_filters). */
  function topicNames(filters) {
    var close = filters.close || [];
    return (filters.topic || []).map(function (topic) {
      return close.indexOf(topic) >= 0 ? "close to " + topic : topic;
    });
  }

  /* A result's year, as its page gives it: a year the listing did not print says so. */
  function yearOf(filters) {
    if (!filters.year) return "";
    return filters.year[0] + (filters.year_inferred ? " (year inferred)" : "");
  }

  /* The words of a query that a result does not hold. Pagefind, finding no indexed word
     that starts with a query word's stem, searches the longest start of the word that is
     one instead: "bert" finds "be" and "being", "llama" finds "LLMs" (Pagefind's
     longest-prefix fallback), which would list unrelated papers as matches. A query word
     is held when a word the result matched (in its text, title, aliases or glued parts:
     glued_words.py; as Pagefind splits it too: "MultiBox", "18kbps", "AILab-CVC") starts
     with the query word's core, the word without the endings English stemming may take
     off ("studies" -> "stud", "using" -> "us", "scalability" -> "scal"; a final i read
     as y: "remedial" is found as "remedy"), or with its last letter aside when no word
     held is one slip from it
     ("convolve" as "convolution"; "transfomer" is a typo of "transformer"); a word of
     three letters by its core whole ("rag" is not "ra…"). Shorter words, or words of
     four or five letters whose core is shorter than three ("using"), are not judged.
     Pagefind's fallback is all or nothing for a word (taken only when no page has it),
     so the first result tells for all; a compound whose long parts are found is held. */
  var ENDINGS = ("abilities ibilities alities ivities ities ability ibility ality ivity " +
    "icity ity ational tional izations ization ations ation atively ative ator alism " +
    "aliti alli fulness ousli ousness iveness nesses ness iviti biliti bli ogi ogy fulli " +
    "lessli encies ancies ency ancy enci anci ably ibly abli entli izer izing ized alize " +
    "icate iciti ical ful ance ence able ible ement ment ent ism ate iti ous ive ize ion " +
    "al er ic ant eedly ingly edly eed ing ed sses ied ies us ss s li ly at iz bl y e")
    .split(" ").sort(function (a, b) { return b.length - a.length; });
  var IRREGULAR = new Map([["dying", "die"], ["lying", "lie"], ["tying", "tie"], ["skies", "sky"], ["skis", "ski"]]);
  var SUBWORDS = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

  function folded(word) {
    return word.normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
  }

  /* A word less the endings English stemming may take off, down to `least` letters (2). */
  function core(word, least) {
    var stem = IRREGULAR.get(word) || word;  /* (a Map: "constructor" is a word too) */
    for (var round = 0; round < 3; round++) {
      var ending = ENDINGS.filter(function (end) {
        return stem.length - end.length >= (least || 2) && stem.slice(-end.length) === end;
      })[0];
      if (!ending) break;
      stem = stem.slice(0, -ending.length);
    }
    return /([^aeiou])\1$/.test(stem) ? stem.slice(0, -1) : stem;  /* "hopp" -> "hop" */
  }

  /* A matched word as Pagefind may have indexed it: whole, and each run of its parts. */
  function heldForms(word, into) {
    var parts = partsOf(word).map(folded).filter(Boolean);
    for (var i = 0; i < parts.length; i++) {
      for (var j = i + 1; j <= parts.length; j++) into[parts.slice(i, j).join("")] = true;
    }
    into[folded(word)] = true;
  }

  function unknownWords(query, data) {
    var content = (data.content || "").split(/\s+/);
    var meta = data.meta || {};
    var held = {};
    (data.locations || []).map(function (i) { return content[i] || ""; })
      .concat((meta.title || "").split(/\s+/), (meta.aliases || "").split(/\s+/),
              (meta.parts || "").split(/\s+/))
      .forEach(function (word) { if (word.length < 200) heldForms(word, held); });
    /* "tying" holds "tie", as the query word "tying" is judged as "tie" */
    Object.keys(held).forEach(function (form) { if (IRREGULAR.has(form)) held[IRREGULAR.get(form)] = true; });
    var forms = Object.keys(held);
    function unheld(word) {
      var start = core(word);
      /* a word of six letters or more keeps three ("nueral" as "nuer…", not "nu…") */
      if (start.length < 3 && word.length > 5) start = core(word, 3);
      if (word.length === 3) {  /* "rag" (found as "ra…"), "gan"; "its" as "it…" */
        var whole = start.length >= 2 ? start : word;
        return !forms.some(function (form) { return form.indexOf(whole) === 0; });
      }
      if (word.length < 3 || start.length < 3) return false;  /* too short to judge */
      var asY = /i$/.test(start) && start.length > 3 ? start.slice(0, -1) + "y" : start;
      if (forms.some(function (form) { return form.indexOf(start) === 0 || form.indexOf(asY) === 0; })) {
        return false;
      }
      /* One slip from a word the result holds: a typo ("transfomer"). Else all but the
         core's last letter may start another form of the word ("convolve" as
         "convolution", "catalogue" as "catalog"). */
      if (forms.some(function (form) { return editDistance(word, form, 1) <= 1; })) return true;
      var shorter = start.slice(0, Math.max(start.length - 1, 3));
      return !forms.some(function (form) { return form.indexOf(shorter) === 0; });
    }
    /* A compound is held whole ("multi-modal" as "multimodal") or by its parts: Pagefind
       finds "SpineNet" or "wide-residual-networks" by a part. */
    return query.split(/\s+/).filter(function (word) {
      var parts = partsOf(word).map(folded);
      return unheld(folded(word)) && (parts.length < 2 || parts.some(unheld));
    }).map(wordOf);
  }

  /* A query token as a word, to be named: "bert", not '"bert",'. */
  function wordOf(token) {
    return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, "") || token;
  }

  /* The query's words that no result of a Pagefind search holds (see unknownWords). */
  function unknownIn(query, results) {
    var none = { unknown: [] };
    if (!results.length || !query.trim()) return Promise.resolve(none);
    return results[0].data().then(function (data) {
      return { unknown: unknownWords(query, data) };
    }, function () { return none; });  /* a fragment that does not load: judge nothing */
  }

  /* The corpus's words, the most common first (render/search_words.py), each with its
     folded form, and the folded forms as a set (`known`): fetched at the first word
     named as no page's (and again after a failure). Results cannot say which word a
     typo meant: Pagefind answers "trasnformer" with the words of its start ("tra…":
     training, transfer), and the word meant is in none of the first. */
  var corpusWords = null;

  function wordList() {
    if (!corpusWords) {
      corpusWords = fetch(new URL("search/words.json", assets).href)
        .then(function (response) {
          if (!response.ok) throw new Error("search/words.json: " + response.status);
          return response.json();
        })
        .then(function (words) {
          var list = words.map(function (word) { return { word: word, folded: folded(word) }; });
          return { list: list, known: new Set(list.map(function (entry) { return entry.folded; })) };
        })
        .catch(function () {  /* asked again next time */
          corpusWords = null;
          return { list: [], known: new Set() };
        });
    }
    return corpusWords;
  }

  /* For each of `words` (typed words no page holds) of at least five letters ("bert" is no
     typo of "best"), the corpus's word nearest to it, one letter away (two for a word of
     seven or more); of those as near, one that starts as the typed word does, then the
     more common: { typed: word }, the typo Pagefind's fallback would have answered
     ("segmentaton": "segmentation"). A word the corpus has ("segmentations", which
     Pagefind may answer by its stem) is offered nothing. */
  function nearestOf(words) {
    var typos = words.filter(function (word) { return folded(word).length >= 5; });
    if (!typos.length) return Promise.resolve({});
    return wordList().then(function (corpus) {
      var list = corpus.list;
      var nearest = Object.create(null);  /* typed words are keys: "constructor" too */
      typos.forEach(function (word) {
        var typed = folded(word);
        if (corpus.known.has(typed)) return;  /* a corpus word: no typo */
        var most = typed.length >= 7 ? 2 : 1;
        /* fewer slips first, then a word that starts as the typed one does (a slip is
           seldom in the first letter: "sorces" is "sources" rather than "forces") */
        var best = "", bestRank = 2 * most + 2;
        for (var i = 0; i < list.length && bestRank > 2; i++) {
          var distance = editDistance(typed, list[i].folded, most);
          var rank = 2 * distance + (list[i].folded[0] === typed[0] ? 0 : 1);
          if (distance <= most && rank < bestRank) {
            best = list[i].word;
            bestRank = rank;
          }
        }
        if (best) nearest[word] = best;
      });
      return nearest;
    });
  }

  /* Edit distance of two words, two letters swapped counting as one slip ("trasnformer"
     is one from "transformer": optimal string alignment), or `most` + 1 once it is over
     `most` (two rows over it: a swap reaches back two rows). */
  function editDistance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null, row = [], lastLow = 0;
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var next = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          cost = Math.min(cost, before[j - 2] + 1);  /* two letters swapped: one slip */
        }
        next.push(cost);
        low = Math.min(low, cost);
      }
      if (low > most && lastLow > most) return most + 1;
      lastLow = low;
      before = row;
      row = next;
    }
    return Math.min(row[b.length], most + 1);
  }

  /* A word's parts as Pagefind splits it: at punctuation, a small letter before a
     capital, and a letter beside a digit ("MultiBox", "18kbps", "AILab-CVC"). */
  function partsOf(word) {
    var parts = [];
    word.split(/[^\p{L}\p{N}]+/u).forEach(function (part) {
      parts.push.apply(parts, part.split(SUBWORDS));
    });
    return parts.filter(Boolean);
  }

  /* Search `query` for the words the pages hold: { query, found, unknown }. A compound
     Pagefind does not find whole ("decision-boundary": it indexed the parts) is searched
     as its parts; `unknown` lists the words no page holds, whose results Pagefind would
     have drawn from another word. */
  function searchHeld(api, query, options) {
    return api.search(query, options).then(function (found) {
      return unknownIn(query, found.results).then(function (judged) {
        var held = { query: query, found: found, unknown: judged.unknown };
        /* split only into words long enough to be judged: "k-means" as "k" and "means"
           would pass unjudged and list papers with "means" */
        var compounds = judged.unknown.filter(function (word) {
          var parts = partsOf(word);
          return parts.length > 1 && parts.every(function (part) { return folded(part).length > 3; });
        });
        if (!compounds.length) return held;
        var split = query.split(/\s+/).map(function (word) {
          return compounds.indexOf(wordOf(word)) >= 0 ? partsOf(word).join(" ") : word;
        }).join(" ");
        return api.search(split, options).then(function (again) {
          return unknownIn(split, again.results).then(function (left) {
            return { query: split, found: again, unknown: left.unknown };
          });
        });
      });
    });
  }

  /* A query's words: its tokens that hold a letter or digit. */
  function queryWords(query) {
    return query.split(/\s+/).filter(function (word) { return /[\p{L}\p{N}]/u.test(word); });
  }

  /* Letters, digits and plus signs of a text in lower case, accents off: "U-Net" and
     "unet" alike, "UNet++" apart. */
  function plain(text) {
    return text.normalize("NFKD").replace(/[^\p{L}\p{N}\s+]/gu, "").toLowerCase();
  }

  /* Query words, each once ("sparse Sparse network" counted "sparse" twice where the
     search ranks papers by the words they hold; the terminal reads each once too). */
  function distinctWords(terms) {
    var seen = {};
    return terms.filter(function (term) {
      var key = plain(wordOf(term));
      if (Object.prototype.hasOwnProperty.call(seen, key)) return false;
      seen[key] = true;
      return true;
    });
  }

  /* Whether a query names a label: each of its words (but "of", "the" ...) is a word of
     the label, or its plural or singular, and the last, while typed, may be the start of
     one ("diffus"). "diffusion models" and "u-net" name "Diffusion models" and "U-Net";
     "d", "net" ("networks") and "unet" ("UNet++") name neither. */
  var STOP_WORDS = ["a", "an", "and", "for", "in", "of", "on", "the", "to", "with"];
  function stopWord(word) {
    return STOP_WORDS.indexOf(plain(word)) >= 0;
  }

  function termsOf(query) {
    return queryWords(plain(query)).filter(function (term) { return !stopWord(term); });
  }

  function namesLabel(query, name) {
    var label = queryWords(plain(name));
    var terms = termsOf(query);
    return terms.length > 0 && terms.every(function (term, i) {
      var last = i === terms.length - 1;
      return label.some(function (word) {
        if (sameWord(word, term)) return true;
        return last && term.length >= 4 && word.indexOf(term) === 0 &&
          /^\p{L}/u.test(word.slice(term.length));
      });
    });
  }

  /* A word or its plural or singular: "model" and "models", "study" and "studies". */
  function sameWord(word, term) {
    return word === term || word === term + "s" || term === word + "s" ||
      (/ies$/.test(word) && term === word.slice(0, -3) + "y") ||
      (/ies$/.test(term) && word === term.slice(0, -3) + "y");
  }

  /* Among a query's first TITLED_AMONG papers (the header search's list, and the finder's
     first rows ranked by relevance), those whose title names the query come first, each
     group in Pagefind's order. Pagefind ranks by the abstract and boosts a title's words
     one by one: "sparse coding" put a "Sparse-View CT" paper whose abstract gives its
     "source code" above "Beyond ell_1 sparse coding in V1". A query of one word is left
     in Pagefind's order: its title boost is that word's, and it matches other forms
     ("sparse" finds "Sparsity-Constrained …", whose abstract says it most) that a word
     as typed would put last. A title is read as listed, as shown (math in Unicode) and
     with the words its punctuation joins apart ("Sparse-View", "artery/vein").
     `papers`: the results' data; search/terminal.py does the same. */
  var TITLED_AMONG = 8;
  function titledFirst(papers, query) {
    if (termsOf(query).length < 2) return papers;
    var head = papers.slice(0, TITLED_AMONG);
    var titled = head.map(function (data) {
      var title = [data.meta.title || ""].concat(data.filters.shown || []).join(" ");
      return namesLabel(query, title + " " + title.replace(/[^\p{L}\p{M}\p{N}\s+]/gu, " "));
    });
    return head.filter(function (data, i) { return titled[i]; })
      .concat(head.filter(function (data, i) { return !titled[i]; }), papers.slice(TITLED_AMONG));
  }

  /* Each word searched alone (searchHeld), for a query whose words together found
     nothing or held a word no page has: `each` the answers, `unknown` the words no page
     has (alone, Pagefind answered with another word, or found nothing; of a compound,
     the parts no page has). Both the header search and the finder name such words. */
  function searchEachAlone(api, words, options) {
    return Promise.all(words.map(function (word) { return searchHeld(api, word, options); }))
      .then(function (each) {
        var unknown = [];
        each.forEach(function (alone, i) {
          if (alone.found.results.length && !alone.unknown.length) return;
          unknown.push.apply(unknown, alone.unknown.length ? alone.unknown : [wordOf(words[i])]);
        });
        return { each: each, unknown: unknown };
      });
  }

  /* `query` with each unknown word the corpus has a look-alike of (nearestOf:
     `nearest`) replaced by it, capitalised as typed: in "NeuralNetworsk" the part
     "Networsk" becomes "Networks", so that the compound still splits there. */
  function correctedQuery(query, nearest) {
    return Object.keys(nearest || {}).reduce(function (text, word) {
      var by = nearest[word];
      if (/^\p{Lu}/u.test(word)) by = by.charAt(0).toUpperCase() + by.slice(1);
      return replaceWord(text, word, by);
    }, query.trim());
  }

  /* "Did you mean …?" after a search's status: one button holding the corrected query
     (correctedQuery), as a search engine offers one; `pick(corrected)` searches it. */
  function didYouMean(status, query, nearest, className, pick) {
    if (!Object.keys(nearest || {}).length) return;
    var corrected = correctedQuery(query, nearest);
    var button = element("button", className, corrected);
    button.type = "button";
    button.addEventListener("click", function () { pick(corrected); });
    status.appendChild(document.createTextNode(" Did you mean "));
    status.appendChild(button);
    status.appendChild(document.createTextNode("?"));
  }

  /* The query with `word` (a token's word, as unknownWords names it, or a part of a
     compound searched as its parts, as partsOf splits it: "semantic-segmentaton",
     "SemanticSegmentaton") replaced. */
  function replaceWord(query, word, by) {
    return query.split(/(\s+)/).map(function (token) {
      if (wordOf(token) === word) return token.replace(word, by);
      return token.split(/([^\p{L}\p{N}]+)/u).map(function (run) {
        return run.split(SUBWORDS).map(function (part) { return part === word ? by : part; }).join("");
      }).join("");
    }).join("");
  }

  /* Pagefind's excerpt as nodes: its <mark>s kept, everything else as plain text; an
     excerpt cut inside a sentence (not at the end of the page's text, `content`) ends
     with "…", and one that does not start where the text does starts with "…", so it
     does not read as the whole.
     Pagefind marks a word with the punctuation around it ("distribution,"): that stays
     outside the mark, but for the signs that end a name ("C++", "C#").
     The excerpt is the page's text with "<" and ">" written "&lt;" and "&gt;" and marks
     put in, nothing else escaped: read as HTML, an abstract's "&#x3C;b&#x3E;" or
     "&amp;" showed as "<b>" and "&". So only those two are undone here. A name's
     superscript is raised outside the marks, as the page shows it (titleNodes). */
  var AROUND_WORD = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}+#]*)$/u;

  function excerptText(escaped) {
    return escaped.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  }

  function excerptNodes(html, content) {
    var out = [];
    var text = "";
    html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (piece, index) {
      var marked = index % 2 === 1;
      var words = excerptText(marked ? piece.slice(6, -7) : piece);
      text += words;
      var parts = marked ? AROUND_WORD.exec(words) : null;
      if (!parts || !parts[2]) {
        if (words) out.push.apply(out, titleNodes(words));  /* SP^2OT raised, as on its page */
        return;
      }
      if (parts[1]) out.push(document.createTextNode(parts[1]));
      out.push(element("mark", "", parts[2]));
      if (parts[3]) out.push(document.createTextNode(parts[3]));
    });
    text = text.trim();
    var start = text.split(/\s+/).slice(0, 6).join(" ");
    if (text && content && content.replace(/\s+/g, " ").trim().indexOf(start) !== 0) {
      out.unshift(document.createTextNode("… "));
    }
    var flat = text.replace(/\s+/g, " ");
    var whole = content ? content.replace(/\s+/g, " ").trim() : "";
    /* the text's own end, not words that the text also opens with */
    var atEnd = whole && whole.slice(-flat.length) === flat &&
      (whole.length === flat.length || whole.indexOf(flat) !== 0);
    if (text && !atEnd && !/[.!?…)"”]$/.test(text)) out.push(document.createTextNode(" …"));
    return out;
  }

  /* The excerpt to show for a result: Pagefind's, unless it marks nothing because the
     result was found by a search alias alone ("vit" for a paper that writes "vision
     transformers": analyze/acronym_aliases.py). Then the words the alias stands for in
     the paper (its source: the filter alias_source, "ViT = vision transformers", which
     Pagefind never searches) are found in the page's text (sourceIn) and shown marked
     with the words around them, as Pagefind's excerpt shows a word it matched. A query
     word names an alias as it holds a matched word (unknownWords): the alias has a word
     starting with its core. A result found by math typed in ASCII ("l1") shows the
     math as the page does ("ℓ₁"), marked. An excerpt that marks words but not every
     query word gives way to the source of an alias that names them all (a search for
     "computed tomography" marked "computational" in a paper that writes "CT"). */
  var EXCERPT_WORDS = 30;  /* Pagefind's excerptLength (the options above) */
  var WORDS_BEFORE = 8;

  function excerptFor(query, data) {
    var excerpt = data.excerpt || "";
    var pairs = (data.filters || {}).alias_source || [];
    var cores = query.split(/\s+/).map(folded).filter(function (word) { return word.length > 1; })
      .map(function (word) { return core(word); });
    var marks = (excerpt.match(/<mark>[\s\S]*?<\/mark>/g) || []).map(function (mark) {
      return folded(mark.slice(6, -7));
    });
    if (marks.length && everyStarts(cores, marks)) return excerpt;
    var typed = marks.length ? null : typedMathIn(query, data.content || "");
    if (typed) return excerptAround(data.content, typed);
    for (var i = 0; i < pairs.length; i++) {
      var at = pairs[i].indexOf(" = ");
      var pair = at < 0 ? [pairs[i]] : [pairs[i].slice(0, at), pairs[i].slice(at + 3)];
      var words = pair[0].split(/[\s\u2010\u2011-]+/).map(folded);
      /* with words marked, only an alias the whole query names ("computed tomography"
         for a paper that writes "CT", whose excerpt marked "computational") */
      var named = marks.length ? everyStarts(cores, words) : cores.some(function (start) {
        return startsOne(start, words);
      });
      var found = named && pair[1] ? sourceIn(pair[1], data.content || "") : null;
      if (found) return excerptAround(data.content, found);
    }
    return excerpt;
  }

  /* Whether each of `starts` starts one of `words`. */
  function everyStarts(starts, words) {
    return starts.every(function (start) { return startsOne(start, words); });
  }

  function startsOne(start, words) {
    return words.some(function (word) { return word.indexOf(start) === 0; });
  }

  /* Where the page's text shows, in Unicode, math a query word types ("ℓ₁" for "l1",
     "CO₂" for "co2"): [start, end], or null. As render/plain_math.py's typed_math_words
     (which gives the page these words to be found by): subscripts, ℓ and a norm's
     index (ℓ¹) read as typed, one character for one; a word of ASCII letters then
     digits, holding such a character. A power is no part of one (10², m²). */
  var TYPED = { "ℓ": "l", "ₐ": "a", "ₑ": "e", "ᵢ": "i", "ₒ": "o", "ᵤ": "u", "ₓ": "x" };
  "₀₁₂₃₄₅₆₇₈₉".split("").forEach(function (c, i) { TYPED[c] = String(i); });
  var RAISED_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  function typedMathIn(query, content) {
    var words = query.split(/\s+/).map(folded).filter(function (word) { return /\d/.test(word); });
    if (!words.length || !/[ℓ₀-₉ₐₑᵢₒᵤₓ]/.test(content)) return null;
    var typed = content.replace(/ℓ[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, function (norm) {
      return "l" + norm.slice(1).split("").map(function (c) { return RAISED_DIGITS.indexOf(c); }).join("");
    }).replace(/[ℓ₀-₉ₐₑᵢₒᵤₓ]/g, function (c) { return TYPED[c]; });
    var word = /(?<![A-Za-z0-9])[A-Za-z]+[0-9]+(?![A-Za-z0-9])/g;
    for (var match = word.exec(typed); match; match = word.exec(typed)) {
      var end = match.index + match[0].length;
      if (content.slice(match.index, end) !== match[0] && words.indexOf(match[0].toLowerCase()) >= 0) {
        return [match.index, end];
      }
    }
    return null;
  }

  /* Where the page's text writes `source`: [start, end], or null. Words joined by spaces,
     hyphens or nothing ("multilayer perceptron" for "multi-layer perceptrons"), in any
     case, singular or plural ("policy" for "policies"), a long word in any form
     ("convolution" for "convolutional"); an acronym's capital S is no
     plural ("CS"), and an acronym is never found in lower case only: "cs" of an address
     is no "CS" (analyze/acronym_aliases.py gives no alias for it either), "BRATS" is
     "BraTS". */
  function sourceIn(source, content) {
    var parts = source.split(/[\s\u2010\u2011-]+/).filter(Boolean);
    if (!parts.length) return null;
    var acronym = parts.some(isAcronym);
    var pattern = new RegExp("(?<![\\p{L}\\p{N}])" + parts.map(wordPattern).join("[\\s\u2010\u2011-]*") +
      "(?![\\p{L}\\p{N}])", "gu");
    for (var match = pattern.exec(content); match; match = pattern.exec(content)) {
      if (!acronym || /\p{Lu}/u.test(match[0])) return [match.index, match.index + match[0].length];
    }
    return null;
  }

  var LONG_WORD = 6;  /* letters from which a source's word is found in its other forms */

  function isAcronym(word) {  /* "ViT", "CNNs", "CS" */
    return (word.match(/\p{Lu}/gu) || []).length > 1 || /\p{Ll}\p{Lu}/u.test(word);
  }

  function wordPattern(word) {
    var stem = word, ending = "(?:e?s)?";
    if (isAcronym(word)) stem = word.replace(/(\p{Lu})s$/u, "$1");  /* CNNs; not the S of CS */
    else if (word.length >= LONG_WORD) {
      /* a long word in any of its forms, as the analysis's word families join them:
         "convolution neural network" for "convolutional neural networks" */
      stem = word.slice(0, core(word.toLowerCase(), LONG_WORD - 1).length);
      ending = "\\p{L}*";
    }
    else if (/ies$/i.test(word)) { stem = word.slice(0, -3); ending = "(?:y|ies)"; }
    else if (/[^aeiou]y$/i.test(word)) { stem = word.slice(0, -1); ending = "(?:y|ies)"; }
    else if (/[^s]s$/i.test(word)) stem = word.slice(0, -1);
    return Array.from(stem).map(function (ch) {
      var lower = ch.toLowerCase(), upper = ch.toUpperCase();
      return lower === upper ? ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : "[" + lower + upper + "]";
    }).join("") + ending;
  }

  /* EXCERPT_WORDS words of `content` around [start, end], that part marked, in the form
     of Pagefind's excerpts ("<" and ">" escaped, excerptText). */
  function excerptAround(content, found) {
    function escaped(text) { return text.replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
    var before = content.slice(0, found[0]).split(/\s+/);
    var middle = content.slice(found[0], found[1]);
    var after = content.slice(found[1]).split(/\s+/);
    var lead = before.pop();  /* a word the mark starts inside ("(vision") */
    var tail = after.shift();
    before = before.filter(Boolean).slice(-WORDS_BEFORE);
    var room = Math.max(0, EXCERPT_WORDS - before.length - middle.split(/\s+/).length);
    after = after.filter(Boolean).slice(0, room);
    return [escaped(before.join(" ")), " ", escaped(lead), "<mark>", escaped(middle), "</mark>",
      escaped(tail), " ", escaped(after.join(" "))].join("").trim();
  }

  /* What a page's script keeps for one history entry, for Back and Forward to find in
     this tab: the finder's results shown and place read, the map's topic. Material (or
     the browser) brings a page back without them: the finder's results are drawn after
     the scroll is put back, the map's fragment can be lost. Keyed by the Navigation
     API's entry key, which history writes on the entry keep; without that API nothing
     is kept (the page starts as its address says). */
  var ENTRIES = "papersite.entries";
  var ENTRIES_KEPT = 50;

  function entryKey() {
    var entry = window.navigation && window.navigation.currentEntry;
    return entry && entry.key ? entry.key : null;
  }

  function keptEntries() {
    try {
      var kept = JSON.parse(window.sessionStorage.getItem(ENTRIES) || "[]");
      return Array.isArray(kept) ? kept : [];
    } catch (error) {
      return [];  /* storage off */
    }
  }

  function remember(name, value) {
    var key = entryKey();
    if (!key) return;
    var kept = keptEntries().filter(function (e) { return e.key !== key || e.name !== name; });
    kept.push({ key: key, name: name, value: value });
    try {
      window.sessionStorage.setItem(ENTRIES, JSON.stringify(kept.slice(-ENTRIES_KEPT)));
    } catch (error) { /* storage off or full: nothing kept */ }
  }

  function recall(name) {
    var key = entryKey();
    var found = key && keptEntries().filter(function (e) {
      return e && e.key === key && e.name === name;
    })[0];
    return found ? found.value : null;
  }

  /* Open `href` as a click on an HTML link would: Material's instant navigation follows
     HTML links only (the map's canvas and the graph's SVG links reloaded the page). */
  function follow(href) {
    var link = element("a");
    link.href = href;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /* A plain left click: with a modifier or another button the browser's own action
     (a new tab, a download) is the reader's choice and is left alone. */
  function plainClick(event) {
    return !event.button && !event.ctrlKey && !event.metaKey && !event.shiftKey &&
      !event.altKey;
  }

  window.papersite = {
    follow: follow,
    plainClick: plainClick,
    remember: remember,
    recall: recall,
    pagefind: pagefindApi,
    root: new URL("..", pagefind).href,
    element: element,
    titleNodes: titleNodes,
    shownTitle: shownTitle,
    markInferred: markInferred,
    topicNames: topicNames,
    yearOf: yearOf,
    excerptNodes: excerptNodes,
    excerptFor: excerptFor,
    unknownIn: unknownIn,
    searchHeld: searchHeld,
    queryWords: queryWords,
    distinctWords: distinctWords,
    namesLabel: namesLabel,
    stopWord: stopWord,
    titledFirst: titledFirst,
    searchEachAlone: searchEachAlone,
    nearestOf: nearestOf,
    correctedQuery: correctedQuery,
    didYouMean: didYouMean,
    wordOf: wordOf,
    typeset: typeset  /* math added to a page after it was set up */
  };

  /* The header search: open on the button, `/` or `s` (as Material's search did). */
  function openSearch() {
    closeDrawer();  /* the open drawer holds the focus */
    load("javascripts/search.js", function () { window.papersite.openSearch(); });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("[data-ps-search-open]")) openSearch();
    var drawer = document.getElementById("__drawer");
    if (drawer && target && target.closest("[data-ps-menu]")) drawer.click();
    var copy = target && target.closest("button[data-copy]");
    if (copy) copyText(copy);
    closeCitation(target);
  });

  /* Tabbing out of the open citation closes it: it would cover what the focus reaches. */
  document.addEventListener("focusin", function (event) {
    var open = document.querySelector("details.ps-cite[open]");
    if (open && event.target instanceof Node && !open.contains(event.target)) open.open = false;
  });

  /* The open citation drops down over the page: a click outside it or Escape closes it
     (the focus inside goes back to its button); true when one was open. */
  function closeCitation(target) {
    var open = document.querySelector("details.ps-cite[open]");
    if (!open || (target && open.contains(target))) return false;
    var inside = open.contains(document.activeElement);
    open.open = false;
    if (inside) open.querySelector("summary").focus();
    return true;
  }

  /* A paper page prints with its citation: a closed <details> prints nothing, whatever
     the style, so it is opened while the page prints and closed again after. The print
     media query also tells when printing is only emulated (a preview, a test). */
  var openedToPrint = null;  /* while printing: the citations opened for it */
  function printing(on) {
    if (on === (openedToPrint !== null)) return;  /* both events of one print */
    if (on) {
      openedToPrint = Array.prototype.filter.call(document.querySelectorAll("details.ps-cite"), function (cite) {
        return !cite.open;
      });
      openedToPrint.forEach(function (cite) { cite.open = true; });
    } else {
      openedToPrint.forEach(function (cite) { cite.open = false; });
      openedToPrint = null;
    }
  }
  window.addEventListener("beforeprint", function () { printing(true); });
  window.addEventListener("afterprint", function () { printing(false); });
  var printMedia = window.matchMedia ? window.matchMedia("print") : null;
  if (printMedia && printMedia.addEventListener) {
    printMedia.addEventListener("change", function (event) { printing(event.matches); });
  }

  /* A Copy button copies the text of the element its data-copy names (a citation). */
  function copyText(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.textContent;
    function done(ok) {
      button.textContent = ok ? "Copied" : "Select and copy";
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(selectText(source)); });
    } else {
      done(selectText(source));
    }
  }

  /* Without the clipboard API (a page opened over plain http): select, then copy. */
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { return document.execCommand("copy"); } catch (error) { return false; }
  }

  /* On a phone, Material's navigation drawer and a page's contents inside it open from
     <label for=checkbox>es that Tab never reaches, while the closed drawer's links, off
     screen, stay tab stops. Here the header's menu label becomes a button, the contents'
     labels tab stops (Enter, Space), what is off screen inert, and an open drawer keeps
     the focus until it is closed (Escape, its Close button, a link, the overlay).
     Without this script, Material's labels still work by pointer. The widths are Material's: a drawer below 76.25em, a
     contents panel below 60em. */
  var DRAWER_WIDTH = window.matchMedia("(max-width: 76.234375em)");
  var CONTENTS_WIDTH = window.matchMedia("(max-width: 59.984375em)");
  var heldInert = [];

  /* Material's toggles are checkboxes: a click changes one and tells Material's code. */
  function closeDrawer() {
    var drawer = document.getElementById("__drawer");
    if (drawer && drawer.checked) drawer.click();
  }

  /* The header's <label for=__drawer>, swapped for a button with its icon. */
  function menuButton() {
    var label = document.querySelector('.md-header label[for="__drawer"]');
    if (!label) return document.querySelector(".md-header [data-ps-menu]");
    var button = element("button", label.className + " ps-menu");
    button.type = "button";
    button.setAttribute("data-ps-menu", "");
    button.setAttribute("aria-label", "Menu");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    return button;
  }

  function drawerParts() {
    var sidebar = document.querySelector(".md-sidebar--primary");
    var inSidebar = function (selector) { return sidebar && sidebar.querySelector(selector); };
    return {
      drawer: document.getElementById("__drawer"),
      toc: document.getElementById("__toc"),
      sidebar: sidebar,
      contents: inSidebar(".md-nav--secondary"),
      menu: menuButton(),
      opener: inSidebar('label.md-nav__link[for="__toc"]'),
      back: inSidebar('label.md-nav__title[for="__toc"]')
    };
  }

  /* Everything outside `keep` leaves the tab order and the accessibility tree, but the
     overlay (a click on it closes the drawer) and the toggles' checkboxes. */
  function holdFocusIn(keep) {
    for (var node = keep; node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (other) {
        if (other === node || other.inert || other.matches("input, script, .md-overlay")) return;
        other.inert = true;
        heldInert.push(other);
      });
    }
  }

  /* A button that closes the drawer from inside it: a screen reader on a touch screen
     has no Escape key, and the menu button is under the open drawer. Seen on focus. */
  function addCloseButton(sidebar) {
    if (sidebar.querySelector(".ps-drawer-close")) return;
    var close = element("button", "ps-drawer-close", "Close menu");
    close.type = "button";
    close.addEventListener("click", closeDrawer);
    var inner = sidebar.querySelector(".md-sidebar__inner") || sidebar;
    inner.insertBefore(close, inner.firstChild);
  }

  function syncDrawer() {
    var parts = drawerParts();
    if (!parts.drawer || !parts.sidebar) return parts;
    addCloseButton(parts.sidebar);
    heldInert.forEach(function (node) { node.inert = false; });
    heldInert = [];
    var open = DRAWER_WIDTH.matches && parts.drawer.checked;
    var contentsIn = CONTENTS_WIDTH.matches && parts.toc && parts.toc.checked;
    parts.sidebar.inert = DRAWER_WIDTH.matches && !parts.drawer.checked;
    if (parts.contents) parts.contents.inert = CONTENTS_WIDTH.matches && !contentsIn;
    if (open) holdFocusIn(contentsIn ? parts.contents : parts.sidebar);
    if (parts.menu) parts.menu.setAttribute("aria-expanded", String(parts.drawer.checked));
    [parts.opener, parts.back].forEach(function (label) { if (label) label.tabIndex = 0; });
    return parts;
  }

  function firstShown(root, selector) {
    var found = root ? root.querySelectorAll(selector) : [];
    for (var i = 0; i < found.length; i++) {
      if (found[i].getClientRects().length) return found[i];
    }
    return null;
  }

  function focus(node) {
    if (node) node.focus({ preventScroll: true });
  }

  /* Whether the last click came from a key (a pointer's has a count: detail > 0) and
     whether it followed a link. The toggles' own clicks (Material closes the drawer with
     one after a link is followed) leave both as they were. */
  var clickByKey = false;
  var followedLink = false;
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || target.matches("#__drawer, #__toc")) return;
    clickByKey = event.detail === 0;
    followedLink = target.closest("a[href]") !== null;
  }, true);

  /* Opened from the keyboard, a panel takes the focus (its first link, or the contents'
     back label); closed, it gives the focus back to what opened it, unless a link was
     followed (its target has the focus then). */
  document.addEventListener("change", function (event) {
    var id = event.target && event.target.id;
    if (id !== "__drawer" && id !== "__toc") return;
    var parts = syncDrawer();
    if (!DRAWER_WIDTH.matches) return;
    var active = document.activeElement;
    var lost = !active || active === document.body || parts.sidebar.contains(active);
    if (!parts.drawer.checked) {
      if (id === "__drawer" && lost && !followedLink) focus(parts.menu);
    } else if (id === "__drawer") {
      if (clickByKey) {
        focus(parts.toc && parts.toc.checked && CONTENTS_WIDTH.matches ? parts.back
          : firstShown(parts.sidebar, ".md-nav--primary > .md-nav__list .md-nav__link"));
      }
    } else if (CONTENTS_WIDTH.matches) {
      if (parts.toc.checked && clickByKey) focus(parts.back);
      if (!parts.toc.checked && (clickByKey || lost)) focus(parts.opener);
    }
  });

  /* A panel the width no longer has is closed (Material leaves it checked: the drawer
     would open again, holding the focus, when the window narrows back). */
  function widthChanged() {
    var parts = drawerParts();
    if (parts.drawer && parts.drawer.checked && !DRAWER_WIDTH.matches) parts.drawer.click();
    if (parts.toc && parts.toc.checked && !CONTENTS_WIDTH.matches) parts.toc.click();
    syncDrawer();
  }
  [DRAWER_WIDTH, CONTENTS_WIDTH].forEach(function (width) {
    if (width.addEventListener) width.addEventListener("change", widthChanged);
    else width.addListener(widthChanged);  /* Safari before 14 */
  });

  function closeDrawerPanel() {
    var parts = drawerParts();
    if (!parts.drawer || !DRAWER_WIDTH.matches || !parts.drawer.checked) return false;
    if (parts.toc && parts.toc.checked && CONTENTS_WIDTH.matches) {
      parts.toc.click();
    } else {
      parts.drawer.click();
      focus(parts.menu);
    }
    return true;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && (closeCitation(null) || closeDrawerPanel())) {
      event.preventDefault();
      return;
    }
    /* Material clicks a focused label on Enter (from window): claimed here, so once */
    var label = target && target.closest("label[for][tabindex]");
    if (label && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      event.stopPropagation();
      label.click();
      return;
    }
    var editing = target && target.closest("input, textarea, select, [contenteditable]");
    if (editing) return;
    if (event.key === "/" || event.key === "s") {
      event.preventDefault();
      openSearch();
    }
  });

  /* KaTeX typesets the math-like fragments of abstracts; without it they stay text.
     An abstract is untrusted: sizes are capped (`\rule{400em}{400em}` covered the page)
     and so are macro expansions; `trust` stays off (no links, classes or styles). */
  var KATEX_OPTIONS = { throwOnError: true, maxSize: 5, maxExpand: 100, trust: false };

  function typeset() {
    var nodes = document.querySelectorAll(".ps-math[data-tex]:not([data-typeset])");
    Array.prototype.forEach.call(nodes, function (node) {
      node.setAttribute("data-typeset", "");
      try {
        var holder = document.createElement("span");
        window.katex.render(node.getAttribute("data-tex"), holder, KATEX_OPTIONS);
        node.title = node.title || node.textContent; /* the text as the listing wrote it */
        node.textContent = "";
        node.appendChild(holder);
      } catch (error) {
        /* not valid TeX after all: keep the original text */
      }
    });
  }

  function setUpPage() {
    syncDrawer();
    if (document.querySelector(".ps-math[data-tex]")) {
      load("vendor/katex/katex.min.css");
      load("vendor/katex/katex.min.js", typeset);
    }
    /* their styles first: the map measures its frame when it draws */
    if (document.querySelector(".ps-finder")) {
      load("stylesheets/finder.css", function () { load("javascripts/finder.js"); });
    }
    if (document.querySelector(".ps-map")) {
      load("stylesheets/map.css", function () { load("javascripts/map.js"); });
    }
    if (document.querySelector(".ps-not-found")) {
      load("javascripts/not_found.js", function () { window.papersite.listPagesNamed(); });
    }
    if (document.querySelector(".ps-graph-figure[data-graph]")) {
      load("javascripts/graph.js", function () { window.papersite.drawGraphs(); });
    }
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUpPage);  /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }
})();
