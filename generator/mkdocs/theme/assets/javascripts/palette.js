// papersite: Material's palette script (partials/javascripts/palette.html of
// mkdocs-material 9.8.2, MIT licence), unchanged, as a file every page shares: it applies
// the palette the reader chose (kept by Material under __palette) before the page shows.
// partials/javascripts/palette.html loads it right after the palette switch, where
// Material wrote it inline; __md_get comes from Material's script in the page's head.
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
