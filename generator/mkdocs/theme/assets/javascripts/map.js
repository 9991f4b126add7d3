/*
 * Corpus map: draws every paper as a point on a canvas (generator/render/map_page.py).
 *
 * The page holds <div class="ps-map" data-src="…" data-root="…">: data-src is the point
 * data JSON (parallel arrays: x, y on a `scale` grid, topic index, title, url; areas;
 * topics with their area, colour, shape, label point and papers) and data-root the site root,
 * both relative to the page. Points are coloured by area, with a palette per scheme,
 * redrawn when the scheme changes; topic labels sit at their papers' densest spot, drawn
 * at one size whatever the zoom, larger topics first, never overlapping. The legend lists
 * areas (pick some to show only their papers) and, under a picked area, its topics.
 * An area's style is a colour and a marker shape (a circle unless colours must repeat).
 * The points are fitted to the canvas by their extent, turned a quarter clockwise when
 * that draws them larger (a phone's tall canvas), and a phone's canvas is cut to them.
 * Clicking a topic label highlights the topic, as its button in the legend does.
 * `#topic=<slug>` highlights a topic; `#paper=<slug>` (a paper page's "Show on map", or
 * the find box) zooms to that paper and rings it. Corpus text is inserted as text only.
 * After drawing, the container has data-ready="ready", data-points=<points drawn>,
 * data-labels=<labels drawn> and data-turned ("true" if the points are turned).
 */
(function () {
  "use strict";

  var FORMAT_VERSION = 3;
  var SAFE_URL_RE = /^[A-Za-z0-9][A-Za-z0-9._~\/-]*$/;
  var PAD = 12;            /* CSS pixels around the points */
  var HIT_RADIUS = 8;      /* CSS pixels: how close the pointer must be to a point */
  var GRID = 64;           /* hit-test buckets per side */
  var MAX_ZOOM = 40;
  var PIN_ZOOM = 4;
  var FIT_ZOOM = 6;        /* the most a topic is zoomed to from its link */
  var FIT_MARGIN = 40;     /* CSS pixels around a topic's papers when zoomed to (a label's room) */
  var TIP_INSET = 4;       /* the least room between a tip and the map's left edge */
  var DRAG_SLOP = 5;
  var LABEL_FONT = "600 12px ";
  var POINT_REACH = 3;     /* px from a point's centre that its mark covers */
  var LABEL_SHIFTS = [0, -18, 18, -30, 30];  /* px a highlighted label may move off its papers */
  var LABEL_MARGIN = 10;   /* px between a label and the map's edge: on a phone, the screen's */
  var TURN_GAIN = 1.1;     /* turn the points a quarter when that draws them this much larger */
  var FOUND_MAX = 8;       /* papers the find box lists */
  /* Paul Tol's "muted" scheme (colour-blind safe), with rose, sand, cyan, teal and olive
     darkened to stand 3:1 against the light scheme's white (WCAG 1.4.11, even as drawn,
     at 90% opacity), and the same hues lifted to read on the dark scheme's background
     (some from his "light" scheme), 3:1 there too; map_page.COLOURS says how many. */
  var COLOURS = {
    light: ["#B04A5E", "#332288", "#A8841A", "#117733", "#3388BB", "#882255", "#318B7C", "#77771E", "#AA4499"],
    dark: ["#EE8899", "#8877DD", "#EEDD88", "#33994D", "#99DDFF", "#C4508A", "#44BB99", "#AAAA44", "#CC66BB"]
  };
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
    var dark = isDark();
    return {
      dark: dark,
      colours: dark ? COLOURS.dark : COLOURS.light,
      grey: dark ? "#7d828c" : "#84878d",
      faint: cssVar(el, "--md-default-fg-color--lightest", "rgba(0,0,0,.07)"),
      fg: cssVar(el, "--md-default-fg-color", "#000"),
      accent: cssVar(el, "--md-accent-fg-color", "#526cfe"),
      bg: cssVar(el, "--md-default-bg-color", "#fff"),
      font: getComputedStyle(el).fontFamily || "sans-serif",
    };
  }

  /** Colour number c of the palette (-1: grey, for "Other" and papers without a topic). */
  function colour(c, palette) {
    return c >= 0 ? palette.colours[c % palette.colours.length] : palette.grey;
  }

  /** A swatch showing a topic's (or an area's) marker: its colour, its shape. */
  function swatch(topic, palette) {
    var node = element("span", "ps-map__swatch");
    node.style.background = colour(topic ? topic.colour : -1, palette);
    node.setAttribute("data-shape", String(topic ? topic.shape : 0));
    return node;
  }

  /** A swatch's background: its colours side by side ("More topics" has several). */
  function swatchBackground(colours, palette) {
    if (colours.length === 1) return colour(colours[0], palette);
    var stops = colours.slice(0, 4).map(function (c, k, all) {
      return colour(c, palette) + " " + (100 * k / all.length) + "% " + (100 * (k + 1) / all.length) + "%";
    });
    return "linear-gradient(90deg, " + stops.join(", ") + ")";
  }

  /* ---- geometry ---- */

  /** Base transform (the points' extent fitted in the canvas, maybe turned a quarter
      clockwise), then zoom k and offset t. */
  function toScreen(state, i) {
    return unitToScreen(state, state.xs[i], state.ys[i]);
  }

  function unitToScreen(state, ux, uy) {
    var v = state.view;
    var b = toBase(state, ux, uy);  /* a new array: reused, as this runs per point per frame */
    b[0] = b[0] * v.k + v.tx;
    b[1] = b[1] * v.k + v.ty;
    return b;
  }

  function toBase(state, ux, uy) {
    var e = state.extent;
    if (state.turned) return [state.ox + (e[3] - uy) * state.unit, state.oy + (ux - e[0]) * state.unit];
    return [state.ox + (ux - e[0]) * state.unit, state.oy + (uy - e[1]) * state.unit];
  }

  /** Unit coordinates of canvas position (px, py). */
  function fromScreen(state, px, py) {
    var v = state.view, e = state.extent;
    var bx = ((px - v.tx) / v.k - state.ox) / state.unit;
    var by = ((py - v.ty) / v.k - state.oy) / state.unit;
    return state.turned ? [e[0] + by, e[3] - bx] : [e[0] + bx, e[1] + by];
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
    var u = fromScreen(state, px, py);
    var ux = u[0], uy = u[1];
    var r = HIT_RADIUS / scale;
    var best = -1;
    var bestD = HIT_RADIUS * HIT_RADIUS;
    for (var gy = cell(uy - r); gy <= cell(uy + r); gy++) {
      for (var gx = cell(ux - r); gx <= cell(ux + r); gx++) {
        var bucket = state.grid[gx + GRID * gy];
        if (!bucket) continue;
        for (var b = 0; b < bucket.length; b++) {
          var i = bucket[b];
          if (!shown(state, i)) continue;  /* left out by the legend's picks */
          var s = toScreen(state, i);
          var d = (s[0] - px) * (s[0] - px) + (s[1] - py) * (s[1] - py);
          if (d <= bestD) { bestD = d; best = i; }
        }
      }
    }
    return best;
  }

  /* ---- drawing ---- */

  /** Size the canvas to its frame and fit the points' extent in it: beside the legend
      when the legend floats over the map and there is room, so that it hides none at
      first; turned a quarter when that draws them larger. Where the legend is below
      (phones), the canvas is cut to the points, leaving no empty bands. */
  function resize(state) {
    var frame = state.frame;
    var width = Math.max(200, Math.floor(frame.clientWidth));
    /* 62% of the window's height (a phone's map, as wide as the screen, has room to pan
       when zoomed), 70% where the map is wider than that; at least 280 px. Below the
       legend (phones) it is cut to the points' height. */
    var share = width < window.innerHeight * 0.7 ? 0.62 : 0.7;
    var height = Math.round(Math.max(280, window.innerHeight * share));
    var legend = state.legend;
    var floating = getComputedStyle(legend).position === "absolute";
    /* Open beside the map, folded below it (a phone), until the reader picks: the map
       can be laid out before its style is back (an edited #fragment, instant navigation)
       and again when it is. */
    if (!state.legendPicked) {
      legend.querySelector(".ps-map__legend-head").setAttribute("aria-expanded", floating ? "true" : "false");
    }
    var fit = fitPoints(state, 0, width, height);
    state.floating = floating;
    if (floating) {
      var left = legend.offsetLeft + legend.offsetWidth;
      var beside = fitPoints(state, left, width - left, height);
      if (beside.unit >= 0.85 * fit.unit) fit = beside;
    } else {
      height = Math.max(280, Math.min(height, Math.ceil(fit.h + 2 * PAD)));
      fit = fitPoints(state, 0, width, height);
    }
    var dpr = window.devicePixelRatio || 1;
    state.canvas.style.height = height + "px";
    state.canvas.width = Math.round(width * dpr);
    state.canvas.height = Math.round(height * dpr);
    state.width = width;
    state.height = height;
    state.dpr = dpr;
    state.unit = fit.unit;
    state.turned = fit.turned;
    state.ox = fit.ox;
    state.oy = fit.oy;
    state.container.setAttribute("data-turned", fit.turned ? "true" : "false");
    draw(state);
  }

  /** The largest fit of the points' extent in the box from `left`, `width` by `height`,
      inside PAD: scale (`unit`), whether turned, offsets and the drawn size (w, h). */
  function fitPoints(state, left, width, height) {
    var e = state.extent;
    var spanX = e[2] - e[0], spanY = e[3] - e[1];
    var room = [Math.max(1, width - 2 * PAD), Math.max(1, height - 2 * PAD)];
    var straight = Math.min(room[0] / spanX, room[1] / spanY);
    var quarter = Math.min(room[0] / spanY, room[1] / spanX);
    var turned = quarter > TURN_GAIN * straight;
    var unit = turned ? quarter : straight;
    var w = (turned ? spanY : spanX) * unit, h = (turned ? spanX : spanY) * unit;
    return {
      unit: unit, turned: turned, w: w, h: h,
      ox: left + (width - w) / 2, oy: (height - h) / 2,
    };
  }

  function schedule(state) {
    if (state.pending) return;
    state.pending = true;
    window.requestAnimationFrame(function () {
      state.pending = false;
      draw(state);
    });
  }

  /** Points `indices` as markers of `shape` (0 circle, 1 square, 2 triangle, 3 diamond,
      map_page.SHAPES), each of the area of a circle of `radius`. */
  function dots(ctx, state, indices, radius, shape) {
    var half = 0.886 * radius;                  /* square */
    var top = 1.555 * radius, foot = 0.777 * radius, wing = 1.347 * radius;  /* triangle */
    var tip = 1.253 * radius;                   /* diamond */
    var reach = 1.6 * radius;
    ctx.beginPath();
    for (var j = 0; j < indices.length; j++) {
      var s = toScreen(state, indices[j]);
      var x = s[0], y = s[1];
      if (x < -reach || y < -reach || x > state.width + reach || y > state.height + reach) continue;
      if (shape === 1) {
        ctx.rect(x - half, y - half, 2 * half, 2 * half);
      } else if (shape === 2) {
        ctx.moveTo(x, y - top); ctx.lineTo(x + wing, y + foot); ctx.lineTo(x - wing, y + foot); ctx.closePath();
      } else if (shape === 3) {
        ctx.moveTo(x, y - tip); ctx.lineTo(x + tip, y); ctx.lineTo(x, y + tip); ctx.lineTo(x - tip, y); ctx.closePath();
      } else {
        ctx.moveTo(x + radius, y);
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
      }
    }
    ctx.fill();
  }

  /** Whether paper i is shown in full: one of its areas is picked, or no area is. */
  function shown(state, i) {
    if (!state.picked.length) return true;
    var areas = state.areasOf[i];
    for (var k = 0; k < areas.length; k++) if (state.picked.indexOf(areas[k]) >= 0) return true;
    return false;
  }

  /** The style a shown paper is drawn in while areas are picked: its own (`g`) when its
      own area is picked, else that of the first of its topics (in the site's order of
      topics) whose area is picked, so that every point shown has a colour of the
      legend's picks (a paper shown under Segmentation by a second topic was drawn in
      its own area's colour). */
  function pickedStyle(state, i, g) {
    var t = state.data.topic[i];
    if (t >= 0 && state.picked.indexOf(state.data.topics[t].area) >= 0) return g;
    var topics = state.topicsOf[i];
    for (var k = 0; k < topics.length; k++) {
      if (state.picked.indexOf(state.data.topics[topics[k]].area) >= 0) return state.topicStyle[topics[k]];
    }
    return g;
  }

  /** The topics of each paper, in the site's order of topics. */
  function paperTopics(data, n) {
    var topics = [];
    for (var i = 0; i < n; i++) topics.push([]);
    data.topics.forEach(function (topic, t) {
      topic.papers.forEach(function (i) { topics[i].push(t); });
    });
    return topics;
  }

  /** The areas of each paper: those of all its topics, not only of the one that colours
      it, so that an area counts and shows every paper of its topics (as the finder's
      area filter does, and as its topics' own counts in the legend imply). */
  function paperAreas(data, topicsOf) {
    return topicsOf.map(function (topics) {
      var areas = [];
      topics.forEach(function (t) {
        if (areas.indexOf(data.topics[t].area) < 0) areas.push(data.topics[t].area);
      });
      return areas;
    });
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
    var faint = [];  /* by shape: faded points share one colour */
    var byStyle = state.byStyle.map(function (group) { return group.indices; });
    if (lit >= 0 || state.picked.length) {
      byStyle = state.byStyle.map(function () { return []; });
      state.byStyle.forEach(function (group, g) {
        group.indices.forEach(function (i) {
          if (lit < 0 && shown(state, i)) byStyle[pickedStyle(state, i, g)].push(i);
          else (faint[group.shape] = faint[group.shape] || []).push(i);
        });
      });
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.faint;
    faint.forEach(function (indices, shape) { dots(ctx, state, indices, radius, shape); });
    ctx.globalAlpha = 0.9;
    byStyle.forEach(function (indices, g) {
      ctx.fillStyle = colour(state.byStyle[g].colour, palette);
      dots(ctx, state, indices, radius, state.byStyle[g].shape);
    });
    ctx.globalAlpha = 1;
    if (lit >= 0) {
      var topic = state.data.topics[lit];  /* "Other" is grey: lit, it takes the accent */
      ctx.fillStyle = topic.colour >= 0 ? colour(topic.colour, palette) : palette.accent;
      dots(ctx, state, topic.papers, radius * 1.5, topic.shape);
    }
    [state.pinned, state.hover].forEach(function (index) {
      if (index < 0) return;
      var s = toScreen(state, index);
      ctx.beginPath();
      ctx.arc(s[0], s[1], radius + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = palette.fg;
      ctx.stroke();
    });
    drawLabels(ctx, state, palette);
    state.swatches.forEach(function (swatch) {
      swatch.node.style.background = swatchBackground(swatch.colours, palette);
    });
    if (state.hover < 0 && state.pinned >= 0) showTip(state, state.pinned, false);
    state.container.setAttribute("data-points", String(state.n));
    state.drawMs = window.performance.now() - started;
  }

  /** Topic labels at one size whatever the zoom: the highlighted topic first, then the
      largest; a label that would overlap one already drawn is left out (zoom in to see
      it). Each is outlined in the background colour, to read over the points; the one
      under the pointer is in the accent colour, underlined (a click highlights it). */
  function drawLabels(ctx, state, palette) {
    var font = LABEL_FONT + palette.font;
    if (state.labelFont !== font) { state.labelFont = font; state.labelWidths = []; }
    ctx.font = font;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = palette.bg;
    ctx.fillStyle = palette.fg;
    var lit = state.highlight;
    var order = lit >= 0 ? [lit] : state.labelOrder.filter(function (t) {
      return !state.picked.length || state.picked.indexOf(state.data.topics[t].area) >= 0;
    });
    var boxes = [];
    state.labelsDrawn = [];
    var legend = state.legend;  /* where it floats over the canvas, labels keep out */
    var cover = state.floating && !legend.hidden ?
      [legend.offsetLeft, legend.offsetTop, legend.offsetLeft + legend.offsetWidth, legend.offsetTop + legend.offsetHeight] : null;
    order.forEach(function (t) {
      var topic = state.data.topics[t];
      var s = unitToScreen(state, topic.at[0] / state.data.scale, topic.at[1] / state.data.scale);
      var w = state.labelWidths[t] || (state.labelWidths[t] = ctx.measureText(topic.label).width);
      if (s[0] < 0 || s[0] > state.width || s[1] < 9 || s[1] > state.height - 9) return;
      var y = Math.min(Math.max(s[1], 6 + LABEL_MARGIN), state.height - 6 - LABEL_MARGIN);
      /* a label near the edge, or the floating legend, is moved in, not cut; one whose
         papers are under the legend is left out */
      var beside = cover && y + 9 > cover[1] && y - 9 < cover[3];
      if (beside && s[0] < cover[2]) return;
      var x = Math.min(Math.max(s[0], w / 2 + LABEL_MARGIN + (beside ? cover[2] : 0)),
        state.width - w / 2 - LABEL_MARGIN);
      var placed = t === lit ? offOwnPoints(state, topic, x, y, w, cover) : y;
      var shift = placed - y;
      y = placed;
      var box = [x - w / 2 - 3, y - 9, x + w / 2 + 3, y + 9];
      for (var b = 0; b < boxes.length; b++) {
        var o = boxes[b];
        if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return;
      }
      boxes.push(box);
      var pointed = t === state.hoverLabel;
      ctx.fillStyle = pointed ? palette.accent : palette.fg;
      ctx.strokeText(topic.label, x, y);
      ctx.fillText(topic.label, x, y);
      if (pointed) ctx.fillRect(x - w / 2, y + 6, w, 1.5);
      state.labelsDrawn.push({ topic: t, box: box, shift: shift });
    });
    state.container.setAttribute("data-labels", String(state.labelsDrawn.length));
  }

  /** The height for the highlighted topic's label at `x`, `y` (w wide): at its place or
      just above or below it, wherever it hides fewest of the topic's own papers (the
      label of a small topic covered the very points it names), never under the
      floating legend (`cover`: its box, or null). */
  function offOwnPoints(state, topic, x, y, w, cover) {
    var best = y, fewest = Infinity;
    LABEL_SHIFTS.forEach(function (shift) {
      var at = y + shift;
      if (at < 6 + LABEL_MARGIN || at > state.height - 6 - LABEL_MARGIN) return;
      if (shift && cover && x - w / 2 - 3 < cover[2] && cover[0] < x + w / 2 + 3 &&
          at - 9 < cover[3] && cover[1] < at + 9) return;
      var hidden = 0;
      topic.papers.forEach(function (i) {
        var p = toScreen(state, i);
        /* under the label's box (as drawLabels makes it), or touching it */
        if (Math.abs(p[0] - x) <= w / 2 + 3 + POINT_REACH && Math.abs(p[1] - at) <= 9 + POINT_REACH) hidden++;
      });
      if (hidden < fewest) { fewest = hidden; best = at; }
    });
    return best;
  }

  /* ---- interaction ---- */

  function showTip(state, index, touch) {
    var tip = state.tip;
    if (index < 0) { tip.hidden = true; return; }
    tip.textContent = "";
    var title = element("span", "ps-map__tip-title");
    window.papersite.titleNodes(state.data.title[index]).forEach(function (node) {
      title.appendChild(node);
    });
    tip.appendChild(title);
    var t = state.data.topic[index];
    if (t >= 0) {
      var topic = state.data.topics[t];
      var line = element("span", "ps-map__tip-topic");
      line.appendChild(swatch(topic, state.palette));
      /* Every topic of the paper, its own first (the tip named one of two); then its
         area, unless that says nothing more: the group of topics without one ("More
         topics"), or an area named after a topic listed ("Image classification ·
         Image classification and ResNets"). */
      var labels = [topic.label].concat(state.topicsOf[index].filter(function (u) {
        return u !== t;
      }).map(function (u) { return state.data.topics[u].label; }));
      var area = state.data.areas[topic.area];
      var more = topic.area !== state.data.loose && !labels.some(function (label) {
        return namesPhrase(area, label);
      });
      line.appendChild(document.createTextNode(labels.join(", ") + (more ? " · " + area : "")));
      tip.appendChild(line);
    }
    if (touch) tip.appendChild(element("span", "ps-map__tip-hint", "Tap again to open"));
    /* Left of the zoom buttons' column: on a phone a tip as wide as the map hid them. */
    var right = zoomColumnLeft(state) - 6;
    tip.style.maxWidth = right > 160 ? right - TIP_INSET + "px" : "";
    tip.hidden = false;
    var s = toScreen(state, index);
    var left = Math.min(Math.max(TIP_INSET, s[0] + 12), Math.max(TIP_INSET, Math.min(right, state.width) - tip.offsetWidth));
    var top = s[1] + 14 + tip.offsetHeight > state.height ? s[1] - 14 - tip.offsetHeight : s[1] + 14;
    tip.style.left = left + "px";
    tip.style.top = Math.max(0, top) + "px";
  }

  /** Where the zoom buttons' column starts, in canvas pixels (its width when hidden). */
  function zoomColumnLeft(state) {
    var zoom = state.container.querySelector(".ps-map__zoom");
    return zoom && !zoom.hidden ? Math.min(state.width, zoom.offsetLeft) : state.width;
  }

  /** Whether `text` holds the words of `phrase` in a row ("GAN" is no word of
      "Organs"), case aside. */
  function namesPhrase(text, phrase) {
    function words(value) { return value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
    var all = words(text), part = words(phrase);
    for (var i = 0; part.length && i + part.length <= all.length; i++) {
      if (part.every(function (word, k) { return all[i + k] === word; })) return true;
    }
    return false;
  }

  function setHover(state, index, touch) {
    if (index === state.hover) return;
    state.hover = index;
    pointerCursor(state);
    showTip(state, index >= 0 ? index : state.pinned, touch);
    schedule(state);
  }

  /** The topic whose label is drawn at canvas position (px, py), or -1. */
  function labelAt(state, px, py) {
    for (var j = state.labelsDrawn.length - 1; j >= 0; j--) {
      var b = state.labelsDrawn[j].box;
      if (px >= b[0] && px <= b[2] && py >= b[1] && py <= b[3]) return state.labelsDrawn[j].topic;
    }
    return -1;
  }

  function setHoverLabel(state, t) {
    if (t === state.hoverLabel) return;
    state.hoverLabel = t;
    pointerCursor(state);
    schedule(state);
  }

  function pointerCursor(state) {
    state.canvas.style.cursor = state.hover >= 0 || state.hoverLabel >= 0 ? "pointer" : "";
  }

  /** A click on topic t's label: highlight it (a second click shows every topic). */
  function pickLabel(state, t) {
    setHover(state, -1, false);
    if (state.picked.length && state.picked.indexOf(state.data.topics[t].area) < 0) state.picked = [];
    highlight(state, state.highlight === t ? -1 : t, true);
  }

  /** Open a paper through a link click, so Material's instant navigation can serve it. */
  function open(state, index) {
    var url = state.data.url[index];
    if (SAFE_URL_RE.test(url)) window.papersite.follow(state.root + url);
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
      if (event.pointerType !== "mouse") return;
      var label = labelAt(state, p[0], p[1]);
      setHoverLabel(state, label);
      setHover(state, label >= 0 ? -1 : hitTest(state, p[0], p[1]), false);
    });

    function release(event) {
      var wasPress = press;
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) pinch = null;
      press = null;
      if (!wasPress || wasPress.moved || event.type !== "pointerup") return;
      var p = canvasPoint(state, event);
      var label = labelAt(state, p[0], p[1]);  /* labels lie over the points */
      if (label >= 0) { pickLabel(state, label); return; }
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
      if (event.pointerType === "mouse" && !press) { setHover(state, -1, false); setHoverLabel(state, -1); }
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

  /* ---- legend: areas to pick, and the topics of a picked area ---- */

  /** A legend button; its swatch has `shape` (none: a square of several colours). */
  function legendButton(className, shape, label, count) {
    var button = element("button", className);
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    var mark = element("span", "ps-map__swatch");
    if (shape !== null) mark.setAttribute("data-shape", String(shape));
    button.appendChild(mark);
    button.appendChild(element("span", "ps-map__label", label));
    button.appendChild(element("span", "ps-map__count", count.toLocaleString("en")));
    return button;
  }

  function buildLegend(state) {
    var data = state.data;
    var legend = state.legend;
    var counts = data.areas.map(function () { return 0; });
    state.areasOf.forEach(function (areas) { areas.forEach(function (a) { counts[a]++; }); });
    var items = data.areas.map(function (name, a) {
      var members = [];
      data.topics.forEach(function (topic, t) { if (topic.area === a) members.push(t); });
      var colours = [], styles = [];
      members.forEach(function (t) {
        var topic = data.topics[t];
        if (colours.indexOf(topic.colour) < 0) colours.push(topic.colour);
        if (styles.indexOf(topic.colour + " " + topic.shape) < 0) styles.push(topic.colour + " " + topic.shape);
      });
      var item = element("li", "ps-map__area-item");
      var shape = styles.length === 1 ? data.topics[members[0]].shape : null;
      var button = legendButton("ps-map__area", shape, name, counts[a]);
      button.setAttribute("data-area", String(a));
      button.title = counts[a].toLocaleString("en") + (counts[a] === 1 ? " paper in " : " papers in ") +
        members.length + (members.length === 1 ? " topic" : " topics");
      state.swatches.push({ node: button.firstChild, colours: colours });
      button.addEventListener("click", function () { pickArea(state, a); });
      state.areaButtons[a] = button;
      item.appendChild(button);
      var list = element("ul", "ps-map__topics");
      list.hidden = true;
      members.forEach(function (t) {
        var topic = data.topics[t];
        var li = element("li");
        var tb = legendButton("ps-map__topic", topic.shape, topic.label, topic.papers.length);
        tb.setAttribute("data-topic", topic.slug);
        state.swatches.push({ node: tb.firstChild, colours: [topic.colour] });
        tb.addEventListener("click", function () {
          highlight(state, state.highlight === t ? -1 : t, true);
        });
        state.buttons[t] = tb;
        li.appendChild(tb);
        list.appendChild(li);
      });
      state.topicLists[a] = list;
      item.appendChild(list);
      return item;
    });
    var areas = legend.querySelector(".ps-map__areas");
    areas.replaceChildren.apply(areas, items);
    var head = legend.querySelector(".ps-map__legend-head");
    /* Areas: an area is often named by its largest topic, with more papers than it
       ("Activation functions 43" holds the topic's 27 and two others) */
    head.textContent = countAreas(data) ? "Areas" : "Topics";
    head.addEventListener("click", function () {
      state.legendPicked = true;
      var open = head.getAttribute("aria-expanded") !== "true";
      head.setAttribute("aria-expanded", open ? "true" : "false");
      resize(state);
    });
    legend.hidden = false;
  }

  /** Show only the papers of the picked areas (a second click on an area unpicks it). */
  function pickArea(state, a) {
    var at = state.picked.indexOf(a);
    if (at >= 0) state.picked.splice(at, 1); else state.picked.push(a);
    if (state.highlight >= 0 && state.picked.length &&
        state.picked.indexOf(state.data.topics[state.highlight].area) < 0) {
      highlight(state, -1, true);
    }
    showPicked(state);
  }

  /** The map after the picked areas changed: zoomed to the papers shown (a view zoomed
      in elsewhere, say on a paper found, showed none of them), and a paper pinned or
      hovered that is no longer shown let go of, its tip with it. */
  function showPicked(state) {
    var papers = [];
    if (state.picked.length) for (var i = 0; i < state.n; i++) if (shown(state, i)) papers.push(i);
    fitPapers(state, papers);
    setHover(state, -1, false);
    if (state.pinned >= 0 && !shown(state, state.pinned)) {
      pinPaper(state, -1);
      if (paperFromHash(state) >= 0) {
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
        saveView();
      }
    }
    syncLegend(state);
    showStatus(state);
    schedule(state);
  }

  /** Pressed buttons and open topic lists follow the picked areas and highlight. */
  function syncLegend(state) {
    var lit = state.highlight;
    var litArea = lit >= 0 ? state.data.topics[lit].area : -1;
    state.areaButtons.forEach(function (button, a) {
      var picked = state.picked.indexOf(a) >= 0;
      button.setAttribute("aria-pressed", picked ? "true" : "false");
      state.topicLists[a].hidden = !picked && a !== litArea;
    });
    state.buttons.forEach(function (button, i) {
      button.setAttribute("aria-pressed", i === lit ? "true" : "false");
    });
    state.container.setAttribute("data-areas", state.picked.slice().sort(function (p, q) { return p - q; }).join(" "));
  }

  function highlight(state, index, fromLegend) {
    state.highlight = index;
    syncLegend(state);
    var topic = index >= 0 ? state.data.topics[index] : null;
    if (topic) revealInLegend(state, state.buttons[index]);
    state.container.setAttribute("data-highlight", topic ? topic.slug : "");
    showStatus(state);
    if (fromLegend) {
      var url = window.location.pathname + window.location.search + (topic ? "#topic=" + encodeURIComponent(topic.slug) : "");
      window.history.replaceState(window.history.state, "", url);
      saveView();
    }
    schedule(state);
  }

  /** Scroll the legend (not the page) so that a topic's button is in view. */
  function revealInLegend(state, button) {
    var legend = state.legend.querySelector(".ps-map__areas");
    if (!button || legend.scrollHeight <= legend.clientHeight) return;
    var top = button.offsetTop - legend.offsetTop;
    if (top < legend.scrollTop || top > legend.scrollTop + legend.clientHeight - button.offsetHeight) {
      legend.scrollTop = Math.max(0, top - legend.clientHeight / 3);
    }
  }

  function showStatus(state) {
    var status = state.status;
    var data = state.data;
    var topic = state.highlight >= 0 ? data.topics[state.highlight] : null;
    status.textContent = "";
    if (topic) {
      status.textContent = "Highlighted: " + topic.label + " (" + topic.papers.length + " papers) · ";
      var link = element("a", "ps-map__topic-link", "open the topic page");
      if (SAFE_URL_RE.test(topic.url)) link.href = state.root + topic.url;
      status.appendChild(link);
      status.appendChild(clearButton("show all topics", function () { highlight(state, -1, true); }));
      return;
    }
    /* A paper found or arrived at is named with a link to its page: the ring on the
       canvas was reachable by no key, and a screen reader heard nothing of it. */
    if (state.pinned >= 0) {
      status.appendChild(document.createTextNode("Paper: "));
      window.papersite.titleNodes(data.title[state.pinned]).forEach(function (node) {
        status.appendChild(node);
      });
      status.appendChild(document.createTextNode(" · "));
      var page = element("a", "ps-map__paper-link", "open the paper page");
      if (SAFE_URL_RE.test(data.url[state.pinned])) page.href = state.root + data.url[state.pinned];
      status.appendChild(page);
      if (state.picked.length) status.appendChild(document.createTextNode(" · "));
    }
    if (state.picked.length) {
      var count = 0;
      for (var i = 0; i < state.n; i++) if (shown(state, i)) count++;
      var names = state.picked.map(function (a) { return data.areas[a]; });
      status.appendChild(document.createTextNode("Showing " + count.toLocaleString("en") + " of " +
        state.n.toLocaleString("en") + " papers: " + names.join(", ")));
      status.appendChild(clearButton("show all areas", function () {
        state.picked = [];
        showPicked(state);
      }));
    } else if (state.pinned < 0) {
      var topicCount = data.topics.filter(function (t) { return t.colour >= 0; }).length;
      var areaCount = countAreas(data);
      status.textContent = state.n.toLocaleString("en") + " papers in " + topicCount +
        (topicCount === 1 ? " topic" : " topics") +
        (areaCount ? " and " + areaCount + (areaCount === 1 ? " area." : " areas.") : ".");
    }
  }

  /** Areas of the legend, without its group of topics that have none ("More topics"). */
  function countAreas(data) {
    return data.areas.length - (data.loose >= 0 ? 1 : 0);
  }

  /* " · " and a button that undoes the status line's choice, together: a printed map
     leaves both out (map.css), not a dot before nothing. */
  function clearButton(text, action) {
    var part = element("span", "ps-map__clear-part", " · ");
    var clear = element("button", "ps-map__clear", text);
    clear.type = "button";
    clear.addEventListener("click", action);
    part.appendChild(clear);
    return part;
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

  /** Zoom to the papers of topic `t`, beside a legend that floats over the map, at
      most FIT_ZOOM (a small topic is not blown up to a few dots across the screen). */
  function fitTopic(state, t) {
    fitPapers(state, state.data.topics[t].papers);
  }

  /** Zoom to `papers` (indices) as fitTopic does; none: the whole map. */
  function fitPapers(state, papers) {
    if (!papers.length) { state.view = { k: 1, tx: 0, ty: 0 }; return; }
    var lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
    papers.forEach(function (i) {
      var b = toBase(state, state.xs[i], state.ys[i]);
      for (var d = 0; d < 2; d++) { lo[d] = Math.min(lo[d], b[d]); hi[d] = Math.max(hi[d], b[d]); }
    });
    /* Between the legend floating at the left and the zoom buttons at the right: a
       paper under either went unseen. */
    var left = state.floating ? state.legend.offsetLeft + state.legend.offsetWidth : 0;
    var right = zoomColumnLeft(state);
    var room = [right - left - 2 * FIT_MARGIN, state.height - 2 * FIT_MARGIN];
    var k = Math.min(FIT_ZOOM, room[0] / Math.max(1, hi[0] - lo[0]), room[1] / Math.max(1, hi[1] - lo[1]));
    var v = state.view;
    if (k <= 1) { state.view = { k: 1, tx: 0, ty: 0 }; return; }
    v.k = k;
    v.tx = left + (right - left) / 2 - (lo[0] + hi[0]) / 2 * k;
    v.ty = state.height / 2 - (lo[1] + hi[1]) / 2 * k;
  }

  /** A reader who arrives at a topic or paper of the map, the page still at its top,
      sees the map whole: on a phone it began below the first screen, and what the link
      showed went unseen. */
  function bringIntoView(state) {
    if (window.scrollY > 0) return;  /* Back, or the reader has scrolled: theirs */
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var box = state.frame.getBoundingClientRect();
    if (box.bottom > window.innerHeight) window.scrollBy(0, box.top - top - 8);
  }

  /** Zoom in on paper `index` (-1: none), ring it and name it. */
  function pinPaper(state, index) {
    state.pinned = index;
    state.container.setAttribute("data-pinned", index >= 0 ? state.data.url[index] : "");
    showStatus(state);
    if (index < 0) { showTip(state, -1, false); schedule(state); return; }
    var v = state.view;
    v.k = Math.max(v.k, PIN_ZOOM);
    var b = toBase(state, state.xs[index], state.ys[index]);
    v.tx = state.width / 2 - b[0] * v.k;
    v.ty = state.height / 2 - b[1] * v.k;
    draw(state);
  }

  /* ---- find a paper by its title ---- */

  /** Text to match: lower case, without accents or the carets of raised scripts. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\^{}]/g, "").toLowerCase();
  }

  /** Papers whose title holds every word of the query; titles that start with it first,
      then those where it comes earliest, then the shorter. */
  function findPapers(state, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    if (!state.folded) state.folded = state.data.title.map(fold);
    var phrase = words.join(" ");
    var found = [];
    for (var i = 0; i < state.n; i++) {
      var title = state.folded[i];
      var all = true;
      for (var w = 0; w < words.length && all; w++) all = title.indexOf(words[w]) >= 0;
      if (!all) continue;
      var at = title.indexOf(phrase);
      found.push([at === 0 ? 0 : 1, at < 0 ? 1e6 : at, title.length, i]);
    }
    found.sort(function (p, q) { return p[0] - q[0] || p[1] - q[1] || p[2] - q[2] || p[3] - q[3]; });
    return found.slice(0, FOUND_MAX).map(function (f) { return f[3]; });
  }

  function wireFind(state) {
    var box = state.container.querySelector(".ps-map__find");
    if (!box) return;
    var input = box.querySelector(".ps-map__find-input");
    var list = box.querySelector(".ps-map__found");
    var results = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(k) {
      active = k;
      Array.prototype.forEach.call(list.children, function (li, j) {
        li.setAttribute("aria-selected", j === k ? "true" : "false");
      });
      if (k >= 0 && list.children[k]) {
        input.setAttribute("aria-activedescendant", list.children[k].id);
        list.children[k].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      close();
      var slug = state.data.url[index].replace(/^papers\//, "").replace(/\/$/, "");
      if (!shown(state, index)) {
        state.picked = [];
        showStatus(state);
      }
      if (state.highlight >= 0) highlight(state, -1, false);
      syncLegend(state);
      window.history.replaceState(window.history.state, "",
        window.location.pathname + window.location.search + "#paper=" + encodeURIComponent(slug));
      saveView();
      pinPaper(state, index);
      if (window.matchMedia("(pointer: coarse)").matches) input.blur();  /* the keyboard hides the map */
    }

    input.addEventListener("input", function () {
      results = findPapers(state, input.value);
      var nodes = results.map(function (index, k) {
        var li = element("li", "ps-map__found-item");
        li.id = "ps-map-found-" + k;
        li.setAttribute("role", "option");
        var t = state.data.topic[index];
        li.appendChild(swatch(t >= 0 ? state.data.topics[t] : null, state.palette));
        var title = element("span", "ps-map__found-title");
        window.papersite.titleNodes(state.data.title[index]).forEach(function (node) { title.appendChild(node); });
        li.appendChild(title);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { choose(index); });
        return li;
      });
      if (input.value.trim() && !results.length) {
        nodes = [element("li", "ps-map__found-none", "No paper's title holds all these words.")];
      }
      list.replaceChildren.apply(list, nodes);
      list.hidden = !nodes.length;
      input.setAttribute("aria-expanded", nodes.length ? "true" : "false");
      mark(results.length ? 0 : -1);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!results.length) return;
        event.preventDefault();
        list.hidden = false;
        var step = event.key === "ArrowDown" ? 1 : -1;
        mark((active + step + results.length) % results.length);
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (active >= 0 && results[active] !== undefined) choose(results[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
    input.addEventListener("focus", function () {
      if (results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    });
    box.hidden = false;
  }

  /* ---- set-up ---- */

  function prepare(container, data) {
    var n = data.x.length;
    var xs = new Float32Array(n), ys = new Float32Array(n);
    /* Points by style (colour and shape), in the order styles first appear. */
    var byStyle = [{ colour: -1, shape: 0, indices: [] }];
    var styleIndex = { "-1 0": 0 };
    var topicStyle = data.topics.map(function (topic) {
      var key = topic.colour + " " + topic.shape;
      if (!(key in styleIndex)) {
        styleIndex[key] = byStyle.length;
        byStyle.push({ colour: topic.colour, shape: topic.shape, indices: [] });
      }
      return styleIndex[key];
    });
    var extent = [Infinity, Infinity, -Infinity, -Infinity];  /* x, y least; x, y most */
    for (var i = 0; i < n; i++) {
      var ux = xs[i] = data.x[i] / data.scale;
      var uy = ys[i] = data.y[i] / data.scale;
      extent = [Math.min(extent[0], ux), Math.min(extent[1], uy), Math.max(extent[2], ux), Math.max(extent[3], uy)];
      var t = data.topic[i];
      byStyle[t >= 0 ? topicStyle[t] : 0].indices.push(i);
    }
    /* No points, or all in a line: the whole square (or a square around them). */
    if (!n) extent = [0, 0, 1, 1];
    for (var axis = 0; axis < 2; axis++) {
      var missing = 0.5 - (extent[axis + 2] - extent[axis]) / 2;
      if (extent[axis + 2] - extent[axis] < 0.05) { extent[axis] -= missing; extent[axis + 2] += missing; }
    }
    /* Labels of the larger topics win a place first; "Other" lies everywhere: no label. */
    var primary = data.topics.map(function () { return 0; });
    data.topic.forEach(function (t) { if (t >= 0) primary[t]++; });
    var labelOrder = [];
    data.topics.forEach(function (topic, t) { if (topic.at && topic.colour >= 0) labelOrder.push(t); });
    labelOrder.sort(function (p, q) { return primary[q] - primary[p] || p - q; });
    var canvas = container.querySelector(".ps-map__canvas");
    var topicsOf = paperTopics(data, n);
    return {
      container: container,
      frame: container.querySelector(".ps-map__frame"),
      legend: container.querySelector(".ps-map__legend"),
      canvas: canvas,
      ctx: canvas.getContext("2d"),
      tip: container.querySelector(".ps-map__tip"),
      status: container.querySelector(".ps-map > .ps-map__status"),
      root: container.getAttribute("data-root") || "",
      data: data, n: n, xs: xs, ys: ys, byStyle: byStyle, labelOrder: labelOrder, extent: extent,
      areasOf: paperAreas(data, topicsOf),
      topicsOf: topicsOf,
      topicStyle: topicStyle,
      view: { k: 1, tx: 0, ty: 0 },
      highlight: -1, hover: -1, hoverLabel: -1, pinned: -1, picked: [],
      swatches: [], buttons: [], areaButtons: [], topicLists: [], labelsDrawn: [], labelWidths: [],
      width: 0, height: 0, dpr: 1, unit: 0, ox: 0, oy: 0, turned: false, floating: false,
    };
  }

  /* Back to the map shows the topic or paper it showed: under Material's instant
     navigation the page can come back without its #topic= or #paper= (seen at phone
     width, the page scrolled). The map keeps its fragment for the history entry
     (papersite.remember) and puts it back when the entry's address lost it. */
  function saveView() {
    window.papersite.remember("map", window.location.hash);
  }

  function restoreView() {
    var hash = window.papersite.recall("map");
    if (typeof hash !== "string" || !/^#(?:topic|paper)=/.test(hash)) return;
    if (/(?:^#|&)(?:topic|paper)=/.test(window.location.hash)) return;
    window.history.replaceState(window.history.state, "",
      window.location.pathname + window.location.search + hash);
  }

  function setup(container) {
    if (container.getAttribute("data-ready")) return;
    container.setAttribute("data-ready", "loading");
    var status = container.querySelector(".ps-map > .ps-map__status");
    status.textContent = "Loading the map…";
    var url = new URL(container.getAttribute("data-src") || "", window.location.href).href;
    loadData(url).then(function (data) {
      if (!document.body.contains(container)) return;
      var state = prepare(container, data);
      if (current && current.observer) current.observer.disconnect();
      current = state;
      state.palette = readPalette(container);
      buildGrid(state);
      buildLegend(state);
      wirePointer(state);
      wireZoomButtons(state);
      wireFind(state);
      resize(state);
      restoreView();
      arrive(state);
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
    namesPhrase: namesPhrase,
    zoom: function () { return current ? current.view.k : null; },
    /* The labels drawn, largest topic first: slug, box [left, top, right, bottom]
       in client coordinates, and how far it was moved off its papers (px down). */
    labels: function () {
      if (!current) return [];
      var frame = current.canvas.getBoundingClientRect();
      return current.labelsDrawn.map(function (label) {
        var b = label.box;
        return {
          slug: current.data.topics[label.topic].slug,
          box: [frame.left + b[0], frame.top + b[1], frame.left + b[2], frame.top + b[3]],
          shift: label.shift
        };
      });
    },
    hitTest: function (x, y) {
      if (!current) return -1;
      var box = current.canvas.getBoundingClientRect();
      return hitTest(current, x - box.left, y - box.top);
    },
  };

  /** Show what the address names: a topic (highlighted, zoomed to) or a paper. */
  function arrive(state) {
    var topic = topicFromHash(state), paper = paperFromHash(state);
    highlight(state, topic, false);
    if (topic >= 0 && paper < 0) fitTopic(state, topic);
    pinPaper(state, paper);
    saveView();
    if (topic >= 0 || paper >= 0) bringIntoView(state);
  }

  /* papersite.js says so when it put the map's style back: the legend may float now. */
  window.addEventListener("resize", function () {
    if (current && document.body.contains(current.container)) resize(current);
  });
  window.addEventListener("hashchange", function () {
    if (current && document.body.contains(current.container)) arrive(current);
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
