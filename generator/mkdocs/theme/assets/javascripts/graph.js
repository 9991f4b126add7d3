/* papersite: draws a paper's local graph (loaded by papersite.js on paper pages).

   The build computed the layout (generator/render/graph.py) and left it on the figure as
   JSON (data-graph): positions, line widths, label lines, the links between related
   papers. The nodes' links and full titles are those of the page's related-papers list,
   in its order, and the paper's own title is the one search shows (its math in Unicode)
   or reads (its heading, or the heading's plain copy), so the page does not carry them
   twice. Every line is drawn
   before every label, and each dot after its label (whose halo must not cover it).
   Corpus text is set as text only. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var XLINK = "http://www.w3.org/1999/xlink";
  var LINE_HEIGHT = 16;  /* graph.py's LINE_HEIGHT */

  function make(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  /* A label's lines, over a halo of the page's colour drawn apart beneath them: as one
     text, a line's halo covered the foot of the line above it (the centre's wide one cut
     "Fully Convolutional" in half on a phone). */
  function label(parent, x, y, lines) {
    [{ "class": "ps-graph__halo", "aria-hidden": "true" }, {}].forEach(function (attributes) {
      var text = make("text", attributes, parent);
      lines.forEach(function (line, i) {
        make("tspan", { x: x, y: y + LINE_HEIGHT * i }, text).textContent = line;
      });
    });
  }

  function line(parent, from, to, width) {
    var attributes = { x1: from[0], y1: from[1], x2: to[0], y2: to[1] };
    if (width) attributes["stroke-width"] = width;
    make("line", attributes, parent);
  }

  function draw(figure, layout, links, title) {
    var nodes = layout.n;
    var self = layout.s;
    var svg = make("svg", {
      "class": "ps-graph", role: "img", width: layout.v[0], height: layout.v[1],
      viewBox: "0 0 " + layout.v[0] + " " + layout.v[1],
      "aria-label": title + " and " + nodes.length + " related papers"
    });
    if (layout.l.length) {
      var between = make("g", { "class": "ps-graph__links" }, svg);
      layout.l.forEach(function (pair) { line(between, nodes[pair[0]], nodes[pair[1]]); });
    }
    var spokes = make("g", { "class": "ps-graph__edges" }, svg);
    nodes.forEach(function (node) { line(spokes, self, node, node[2]); });
    nodes.forEach(function (node, i) {
      /* xlink:href, not href: Material's instant navigation assigns `el.href` of every
         [href] element, which throws for SVG links (their href is read-only) */
      /* Out of the tab order: the picture (role img) repeats the related list's links,
         which keyboards and screen readers use; a focus inside it went unannounced. */
      var link = make("a", { "class": "ps-graph__node", tabindex: "-1" }, svg);
      link.setAttributeNS(XLINK, "xlink:href", links[i].getAttribute("href"));
      make("title", {}, link).textContent = links[i].textContent;
      label(link, node[0], node[3], node[4]);
      make("circle", { cx: node[0], cy: node[1], r: 7 }, link);
    });
    svg.addEventListener("click", followByHtmlLink);
    var centre = make("g", { "class": "ps-graph__self" }, svg);
    make("title", {}, centre).textContent = title;
    label(centre, self[0], self[2], self[3]);
    make("circle", { cx: self[0], cy: self[1], r: 10 }, centre);
    figure.insertBefore(svg, figure.firstChild);
    figure.hidden = false;
  }

  /* A related paper's node opens it as its HTML link would (papersite.follow). */
  function followByHtmlLink(event) {
    var node = event.target instanceof Element && event.target.closest("a.ps-graph__node");
    if (!node || !window.papersite.plainClick(event)) return;
    event.preventDefault();
    window.papersite.follow(node.getAttributeNS(XLINK, "href"));
  }

  window.papersite.drawGraphs = function () {
    var figures = document.querySelectorAll(".ps-graph-figure[data-graph]");
    Array.prototype.forEach.call(figures, function (figure) {
      if (figure.querySelector("svg")) return;
      var links = document.querySelectorAll(".ps-related > li > a");
      var layout = JSON.parse(figure.getAttribute("data-graph"));
      /* The title as shown in plain text (ℓ₁ for ell_1), else as listed: the heading
         when it is plain text, else its hidden copy (a heading with math has KaTeX's
         output in its text once typeset). */
      var named = document.querySelector("article [data-pagefind-filter=shown]") ||
        document.querySelector("article [data-pagefind-meta=title]");
      if (layout.n.length === links.length) {
        draw(figure, layout, links, named ? named.textContent.trim() : "This paper");
      } else if (window.console) {  /* a page template that lists other related papers */
        console.warn("papersite: the graph names " + layout.n.length + " related papers, " +
          "the page lists " + links.length + ": not drawn");
      }
    });
  };
})();
