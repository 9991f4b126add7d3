{#- papersite: the colour-palette switch and Material's palette script, as a file every
    page shares and the browser caches instead of 1.6 KB in every page. MkDocs renders it
    once per build (a theme static template, added by the plugin); the header loads it
    where Material wrote the switch (partials/javascripts/palette.html), so the script
    writes the switch (Material's partials/palette.html, rendered here) in that place
    before the page shows and before Material's bundle looks for it (unless the page has
    one: a project's own copy of Material's header writes it). Without scripts nothing
    is lost: Material shows the switch's buttons from its script only.
    The last line is Material's inline script (partials/javascripts/palette.html of
    mkdocs-material 9.8.2, MIT licence), unchanged: it applies the palette the reader
    chose (kept by Material under __palette); __md_get comes from scope.js. -#}
{% if config.theme.palette and config.theme.palette is not mapping -%}
{% import "partials/language.html" as lang with context -%}
{% set switch %}{% include "partials/palette.html" %}{% endset -%}
document.querySelector("[data-md-component=palette]")||document.currentScript.insertAdjacentHTML("beforebegin",{{ switch | papersite_compact_html | trim | tojson }});
{% endif -%}
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
