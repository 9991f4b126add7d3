// papersite: Material's settings helpers (partials/javascripts/base.html of
// mkdocs-material 9.8.2, MIT licence) as a file every page shares. Material writes them
// inline with the scope new URL(base_url, location): the site's root. This file is at
// assets/javascripts/ under that root, so the root is two folders up from its own URL.
// partials/javascripts/base.html loads it where Material wrote the inline script.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
