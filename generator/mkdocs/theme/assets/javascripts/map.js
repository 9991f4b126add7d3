/*
 * Corpus map: draws every paper as a point on a canvas (generator/render/map_page.py).
 *
 * The page holds <div class="ps-map" data-src="…" data-root="…">: data-src is the point
 * data JSON (parallel arrays: x, y on a `scale` grid, topic colour index, title, url) and
 * data-root the site root, both relative to the page. Colours are read from Material's
 * palette (CSS variables) and redrawn when the scheme changes. `#topic=<slug>` in the URL
 * highlights a topic, as does the legend; `#paper=<slug>` (a paper page's "Show on map")
 * zooms to that paper and rings it. Corpus text is inserted with textContent only.
 * After drawing, the container has data-ready="ready" and data-points=<points drawn>.
 */
(function () {
  "use strict";

  var FORMAT_VERSION = 1;
  var SAFE_URL_RE = /^[A-Za-z0-9][A-Za-z0-9._~\/-]*$/;
  var GOLDEN_ANGLE = 137.508;
  var PAD = 12;            /* CSS pixels around the points */
  var HIT_RADIUS = 8;      /* CSS pixels: how close the pointer must be to a point */
  var GRID = 64;           /* hit-test buckets per side */
  var MAX_ZOOM = 40;
  var DRAG_SLOP = 5;
  var loading = {};
  var current = null;

  function loadData(url) {
    if (!loading[url]) {
      loading[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        if (data.format !== FORMAT_VERSION) throw new Error("unsupported map format");
        return data;
      });
      loading[url].catch(function () { delete loading[url]; });
    }
    return loading[url];
  }

  var element = window.papersite.element;  /* papersite.js loads this script */

  /* ---- colours ---- */

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function cssVar(el, name, fallback) {
    var value = getComputedStyle(el).getPropertyValue(name).trim();
    return value || fallback;
  }

  function readPalette(el) {
    return {
      dark: isDark(),
      faint: cssVar(el, "--md-default-fg-color--lighter", "rgba(0,0,0,.32)"),
      fg: cssVar(el, "--md-default-fg-color", "#000"),
    };
  }

  /** Topic i's colour: hues a golden angle apart, two lightnesses, tuned per scheme. */
  function topicColour(i, palette) {
    if (i < 0) return palette.faint;
    var hue = Math.round((i * GOLDEN_ANGLE) % 360);
    var light = palette.dark ? (i % 2 ? 72 : 60) : (i % 2 ? 56 : 40);
    return "hsl(" + hue + ", " + (palette.dark ? 70 : 75) + "%, " + light + "%)";
  }

  /* ---- geometry ---- */

  /** Base transform (fit the square grid in the canvas), then zoom k and offset t. */
  function toScreen(state, i) {
    var v = state.view;
    var bx = state.ox + state.xs[i] * state.unit;
    var by = state.oy + state.ys[i] * state.unit;
    return [bx * v.k + v.tx, by * v.k + v.ty];
  }

  function buildGrid(state) {
    var cells = new Array(GRID * GRID);
    for (var i = 0; i < state.n; i++) {
      var c = cell(state.xs[i]) + GRID * cell(state.ys[i]);
      (cells[c] || (cells[c] = [])).push(i);
    }
    state.grid = cells;
  }

  function cell(unitValue) {
    return Math.min(GRID - 1, Math.max(0, Math.floor(unitValue * GRID)));
  }

  /** The point nearest to canvas position (px, py) within HIT_RADIUS, or -1. */
  function hitTest(state, px, py) {
    var v = state.view;
    var scale = state.unit * v.k;
    if (!scale) return -1;
    var ux = ((px - v.tx) / v.k - state.ox) / state.unit;
    var uy = ((py - v.ty) / v.k - state.oy) / state.unit;
    var r = HIT_RADIUS / scale;
    var best = -1;
    var bestD = HIT_RADIUS * HIT_RADIUS;
    for (var gy = cell(uy - r); gy <= cell(uy + r); gy++) {
      for (var gx = cell(ux - r); gx <= cell(ux + r); gx++) {
        var bucket = state.grid[gx + GRID * gy];
        if (!bucket) continue;
        for (var b = 0; b < bucket.length; b++) {
          var i = bucket[b];
          var s = toScreen(state, i);
          var d = (s[0] - px) * (s[0] - px) + (s[1] - py) * (s[1] - py);
          if (d <= bestD) { bestD = d; best = i; }
        }
      }
    }
    return best;
  }

  /* ---- drawing ---- */

  function resize(state) {
    var frame = state.frame;
    var width = Math.max(200, Math.floor(frame.clientWidth));
    var height = Math.round(Math.min(width, Math.max(280, window.innerHeight * 0.7)));
    var dpr = window.devicePixelRatio || 1;
    state.canvas.style.height = height + "px";
    state.canvas.width = Math.round(width * dpr);
    state.canvas.height = Math.round(height * dpr);
    state.width = width;
    state.height = height;
    state.dpr = dpr;
    state.unit = Math.min(width, height) - 2 * PAD;
    state.ox = (width - state.unit) / 2;
    state.oy = (height - state.unit) / 2;
    draw(state);
  }

  function schedule(state) {
    if (state.pending) return;
    state.pending = true;
    window.requestAnimationFrame(function () {
      state.pending = false;
      draw(state);
    });
  }

  function dots(ctx, state, indices, radius) {
    ctx.beginPath();
    for (var j = 0; j < indices.length; j++) {
      var s = toScreen(state, indices[j]);
      if (s[0] < -radius || s[1] < -radius || s[0] > state.width + radius || s[1] > state.height + radius) continue;
      ctx.moveTo(s[0] + radius, s[1]);
      ctx.arc(s[0], s[1], radius, 0, 2 * Math.PI);
    }
    ctx.fill();
  }

  function draw(state) {
    var started = window.performance.now();
    var ctx = state.ctx;
    var palette = state.palette = readPalette(state.container);
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    ctx.clearRect(0, 0, state.width, state.height);
    var zoomBoost = Math.min(2, Math.sqrt(state.view.k));
    var radius = (state.n > 3000 ? 1.8 : 3) * zoomBoost;
    var lit = state.highlight;
    state.byColour.forEach(function (indices, colour) {
      ctx.globalAlpha = lit >= 0 ? 1 : 0.85;
      ctx.fillStyle = lit >= 0 ? palette.faint : topicColour(colour - 1, palette);
      dots(ctx, state, indices, radius);
    });
    if (lit >= 0) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = topicColour(lit, palette);
      dots(ctx, state, state.data.topics[lit].papers, radius * 1.5);
    }
    ctx.globalAlpha = 1;
    [state.pinned, state.hover].forEach(function (index) {
      if (index < 0) return;
      var s = toScreen(state, index);
      ctx.beginPath();
      ctx.arc(s[0], s[1], radius + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = palette.fg;
      ctx.stroke();
    });
    state.swatches.forEach(function (swatch, i) {
      swatch.style.background = topicColour(i, palette);
    });
    if (state.hover < 0 && state.pinned >= 0) showTip(state, state.pinned, false);
    state.container.setAttribute("data-points", String(state.n));
    state.drawMs = window.performance.now() - started;
  }

  /* ---- interaction ---- */

  function showTip(state, index, touch) {
    var tip = state.tip;
    if (index < 0) { tip.hidden = true; return; }
    tip.textContent = "";
    window.papersite.titleNodes(state.data.title[index]).forEach(function (node) {
      tip.appendChild(node);
    });
    if (touch) tip.appendChild(element("span", "ps-map__tip-hint", "Tap again to open"));
    tip.hidden = false;
    var s = toScreen(state, index);
    var left = Math.min(Math.max(0, s[0] + 12), Math.max(0, state.width - tip.offsetWidth));
    var top = s[1] + 14 + tip.offsetHeight > state.height ? s[1] - 14 - tip.offsetHeight : s[1] + 14;
    tip.style.left = left + "px";
    tip.style.top = Math.max(0, top) + "px";
  }

  function setHover(state, index, touch) {
    if (index === state.hover) return;
    state.hover = index;
    state.canvas.style.cursor = index >= 0 ? "pointer" : "";
    showTip(state, index >= 0 ? index : state.pinned, touch);
    schedule(state);
  }

  /** Open a paper through a link click, so Material's instant navigation can serve it. */
  function open(state, index) {
    var url = state.data.url[index];
    if (!SAFE_URL_RE.test(url)) return;
    var link = element("a");
    link.href = state.root + url;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function zoomAt(state, factor, px, py) {
    var v = state.view;
    var k = Math.min(MAX_ZOOM, Math.max(1, v.k * factor));
    factor = k / v.k;
    v.tx = px - (px - v.tx) * factor;
    v.ty = py - (py - v.ty) * factor;
    v.k = k;
    if (k === 1) { v.tx = 0; v.ty = 0; }
    setHover(state, -1, false);
    schedule(state);
  }

  function canvasPoint(state, event) {
    var box = state.canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }

  function wirePointer(state) {
    var canvas = state.canvas;
    var pointers = {};
    var press = null;
    var pinch = null;

    canvas.addEventListener("pointerdown", function (event) {
      var p = canvasPoint(state, event);
      pointers[event.pointerId] = p;
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = { d: Math.hypot(a[0] - b[0], a[1] - b[1]) || 1 };
        press = null;
      } else if (ids.length === 1) {
        press = { x: p[0], y: p[1], tx: state.view.tx, ty: state.view.ty, moved: false };
      }
      canvas.setPointerCapture(event.pointerId);
    });

    canvas.addEventListener("pointermove", function (event) {
      var p = canvasPoint(state, event);
      if (pointers[event.pointerId]) pointers[event.pointerId] = p;
      var ids = Object.keys(pointers);
      if (pinch && ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var d = Math.hypot(a[0] - b[0], a[1] - b[1]) || 1;
        zoomAt(state, d / pinch.d, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
        pinch.d = d;
        return;
      }
      if (press) {
        var dx = p[0] - press.x, dy = p[1] - press.y;
        if (!press.moved && Math.hypot(dx, dy) > DRAG_SLOP) press.moved = true;
        if (press.moved && state.view.k > 1) {
          state.view.tx = press.tx + dx;
          state.view.ty = press.ty + dy;
          setHover(state, -1, false);
          schedule(state);
        }
        return;
      }
      if (event.pointerType === "mouse") setHover(state, hitTest(state, p[0], p[1]), false);
    });

    function release(event) {
      var wasPress = press;
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) pinch = null;
      press = null;
      if (!wasPress || wasPress.moved || event.type !== "pointerup") return;
      var p = canvasPoint(state, event);
      var hit = hitTest(state, p[0], p[1]);
      if (hit < 0) { setHover(state, -1, false); return; }
      if (event.pointerType === "mouse" || state.hover === hit) {
        open(state, hit);
      } else {
        setHover(state, hit, true);  /* touch: the first tap shows the title */
      }
    }
    canvas.addEventListener("pointerup", release);
    canvas.addEventListener("pointercancel", release);
    canvas.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse" && !press) setHover(state, -1, false);
    });
    canvas.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = canvasPoint(state, event);
      zoomAt(state, Math.exp(-event.deltaY * 0.002), p[0], p[1]);
    }, { passive: false });
  }

  function wireZoomButtons(state) {
    var box = state.container.querySelector(".ps-map__zoom");
    if (!box) return;
    box.hidden = false;
    box.addEventListener("click", function (event) {
      var button = event.target.closest("[data-zoom]");
      if (!button) return;
      var what = button.getAttribute("data-zoom");
      if (what === "reset") {
        state.view = { k: 1, tx: 0, ty: 0 };
        setHover(state, -1, false);
        schedule(state);
      } else {
        zoomAt(state, what === "in" ? 1.6 : 1 / 1.6, state.width / 2, state.height / 2);
      }
    });
  }

  /* ---- legend and highlight ---- */

  function buildLegend(state) {
    var legend = state.container.querySelector(".ps-map__legend");
    var groups = [];
    state.data.topics.forEach(function (topic, i) {
      var last = groups[groups.length - 1];
      if (!last || last.area !== topic.area) groups.push(last = { area: topic.area, items: [] });
      last.items.push(i);
    });
    var nodes = [];
    groups.forEach(function (group) {
      var section = element("div", "ps-map__group");
      if (groups.length > 1 || group.area) {
        section.appendChild(element("p", "ps-map__area", group.area || "More topics"));
      }
      var list = element("ul", "ps-map__topics");
      group.items.forEach(function (i) {
        var topic = state.data.topics[i];
        var item = element("li");
        var button = element("button", "ps-map__topic");
        button.type = "button";
        button.setAttribute("data-topic", topic.slug);
        button.setAttribute("aria-pressed", "false");
        var swatch = element("span", "ps-map__swatch");
        state.swatches[i] = swatch;
        button.appendChild(swatch);
        button.appendChild(element("span", "ps-map__label", topic.label));
        button.appendChild(element("span", "ps-map__count", String(topic.papers.length)));
        button.addEventListener("click", function () {
          highlight(state, state.highlight === i ? -1 : i, true);
        });
        state.buttons[i] = button;
        item.appendChild(button);
        list.appendChild(item);
      });
      section.appendChild(list);
      nodes.push(section);
    });
    legend.replaceChildren.apply(legend, nodes);
  }

  function highlight(state, index, fromLegend) {
    state.highlight = index;
    state.buttons.forEach(function (button, i) {
      button.setAttribute("aria-pressed", i === index ? "true" : "false");
    });
    var topic = index >= 0 ? state.data.topics[index] : null;
    if (topic) revealInLegend(state, state.buttons[index]);
    state.container.setAttribute("data-highlight", topic ? topic.slug : "");
    showStatus(state, topic);
    if (fromLegend) {
      var url = window.location.pathname + window.location.search + (topic ? "#topic=" + encodeURIComponent(topic.slug) : "");
      window.history.replaceState(window.history.state, "", url);
    }
    schedule(state);
  }

  /** Scroll the legend (not the page) so that a topic's button is in view. */
  function revealInLegend(state, button) {
    var legend = state.container.querySelector(".ps-map__legend");
    if (!button || legend.scrollHeight <= legend.clientHeight) return;
    var top = button.offsetTop;
    if (top < legend.scrollTop || top > legend.scrollTop + legend.clientHeight - button.offsetHeight) {
      legend.scrollTop = Math.max(0, top - legend.clientHeight / 3);
    }
  }

  function showStatus(state, topic) {
    var status = state.status;
    if (!topic) {
      status.textContent = state.n.toLocaleString("en") + " papers in " + state.data.topics.length + " topics.";
      return;
    }
    status.textContent = "Highlighted: " + topic.label + " (" + topic.papers.length + " papers) · ";
    var link = element("a", "ps-map__topic-link", "open the topic page");
    if (SAFE_URL_RE.test(topic.url)) link.href = state.root + topic.url;
    status.appendChild(link);
    status.appendChild(document.createTextNode(" · "));
    var clear = element("button", "ps-map__clear", "show all topics");
    clear.type = "button";
    clear.addEventListener("click", function () { highlight(state, -1, true); });
    status.appendChild(clear);
  }

  function topicFromHash(state) {
    var match = /(?:^#|&)topic=([^&]*)/.exec(window.location.hash);
    if (!match) return -1;
    var slug;
    try { slug = decodeURIComponent(match[1]); } catch (error) { return -1; }
    for (var i = 0; i < state.data.topics.length; i++) {
      if (state.data.topics[i].slug === slug) return i;
    }
    return -1;
  }

  /** The paper `#paper=<slug>` names, or -1. */
  function paperFromHash(state) {
    var match = /(?:^#|&)paper=([^&]*)/.exec(window.location.hash);
    if (!match) return -1;
    var url;
    try { url = "papers/" + decodeURIComponent(match[1]) + "/"; } catch (error) { return -1; }
    return state.data.url.indexOf(url);
  }

  /** Zoom in on paper `index` (-1: none), ring it and name it. */
  function pinPaper(state, index) {
    state.pinned = index;
    state.container.setAttribute("data-pinned", index >= 0 ? state.data.url[index] : "");
    if (index < 0) { showTip(state, -1, false); schedule(state); return; }
    var v = state.view;
    v.k = 4;
    v.tx = state.width / 2 - (state.ox + state.xs[index] * state.unit) * v.k;
    v.ty = state.height / 2 - (state.oy + state.ys[index] * state.unit) * v.k;
    draw(state);
  }

  /* ---- set-up ---- */

  function prepare(container, data) {
    var n = data.x.length;
    var xs = new Float32Array(n), ys = new Float32Array(n);
    var byColour = [];
    for (var c = 0; c <= data.topics.length; c++) byColour.push([]);
    for (var i = 0; i < n; i++) {
      xs[i] = data.x[i] / data.scale;
      ys[i] = data.y[i] / data.scale;
      byColour[data.topic[i] + 1].push(i);
    }
    var canvas = container.querySelector(".ps-map__canvas");
    return {
      container: container,
      frame: container.querySelector(".ps-map__frame"),
      canvas: canvas,
      ctx: canvas.getContext("2d"),
      tip: container.querySelector(".ps-map__tip"),
      status: container.querySelector(".ps-map__status"),
      root: container.getAttribute("data-root") || "",
      data: data, n: n, xs: xs, ys: ys, byColour: byColour,
      view: { k: 1, tx: 0, ty: 0 },
      highlight: -1, hover: -1, pinned: -1, swatches: [], buttons: [],
      width: 0, height: 0, dpr: 1, unit: 0, ox: 0, oy: 0,
    };
  }

  function setup(container) {
    if (container.getAttribute("data-ready")) return;
    container.setAttribute("data-ready", "loading");
    var status = container.querySelector(".ps-map__status");
    status.textContent = "Loading the map…";
    var url = new URL(container.getAttribute("data-src") || "", window.location.href).href;
    loadData(url).then(function (data) {
      if (!document.body.contains(container)) return;
      var state = prepare(container, data);
      if (current && current.observer) current.observer.disconnect();
      current = state;
      buildGrid(state);
      buildLegend(state);
      wirePointer(state);
      wireZoomButtons(state);
      resize(state);
      highlight(state, topicFromHash(state), false);
      pinPaper(state, paperFromHash(state));
      if (window.ResizeObserver) {
        var width = state.frame.clientWidth;
        state.observer = new ResizeObserver(function () {
          if (state.frame.clientWidth !== width) { width = state.frame.clientWidth; resize(state); }
        });
        state.observer.observe(state.frame);
      }
      container.setAttribute("data-ready", "ready");
    }).catch(function (error) {
      status.textContent = "The map could not be loaded (" + error.message + ").";
      container.setAttribute("data-ready", "failed");
    });
  }

  function setupAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".ps-map[data-src]"), setup);
  }

  /** Client (viewport) coordinates of point i of the current map, for tests. */
  function clientPoint(i) {
    if (!current) return null;
    var s = toScreen(current, i);
    var box = current.canvas.getBoundingClientRect();
    return [box.left + s[0], box.top + s[1]];
  }

  window.papersiteMap = {
    clientPoint: clientPoint,
    drawMs: function () { return current ? current.drawMs : null; },
    zoom: function () { return current ? current.view.k : null; },
    hitTest: function (x, y) {
      if (!current) return -1;
      var box = current.canvas.getBoundingClientRect();
      return hitTest(current, x - box.left, y - box.top);
    },
  };

  window.addEventListener("hashchange", function () {
    if (current && document.body.contains(current.container)) {
      highlight(current, topicFromHash(current), false);
      pinPaper(current, paperFromHash(current));
    }
  });
  new MutationObserver(function () {
    if (current && document.body.contains(current.container)) schedule(current);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setupAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
