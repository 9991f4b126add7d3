"""Slugs and page paths, in one place: templates and other modules never build URLs."""

from __future__ import annotations

import functools
import itertools
import posixpath
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import TypeVar
from urllib.parse import quote_plus, urlsplit

from slugify import slugify

MAX_SLUG_LENGTH = 80
# What a slug may hold: it is a file name and a URL path segment, the same everywhere.
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The topic of papers that fit no other: its page lists them, but it is not a subject.
OTHER_TOPIC_SLUG = "other"
# Slugs no paper or topic may have: `index.md` is the page of the folder itself.
RESERVED_SLUGS = frozenset({"index"})
K = TypeVar("K", bound=Hashable)


def is_web_address(url: str) -> bool:
    """Whether a URL from the corpus may be linked: http(s), a host, no spaces or
    control characters (`javascript:...` and `files/x.pdf` may not), and no user name or
    password before the host: `https://arxiv.org@evil.example/` leads to evil.example
    (a button read "Web page (user:pass@evil.example)")."""
    address = url.strip()
    try:
        parts = urlsplit(address)
    except ValueError:  # "http://[oops": a host that cannot be read
        return False
    scheme = parts.scheme.lower()
    return (
        scheme in ("http", "https")
        and bool(parts.netloc)
        and "@" not in parts.netloc
        and not _SPACE_RE.search(address)
    )


_SPACE_RE = re.compile(r"[\x00-\x20]")


def base_slug(text: str, fallback: str) -> str:
    """Return a lower-case ASCII slug of at most MAX_SLUG_LENGTH characters."""
    slug = slugify(
        text,
        max_length=MAX_SLUG_LENGTH,
        word_boundary=True,
        save_order=True,
        replacements=[["++", "pp"]],
    )
    return slug or fallback


def area_anchors(areas: Iterable[str]) -> dict[str, str]:
    """The id of each area's heading on the topics index ("area-segmentation"), which a
    topic page's "Area:" link points at; unique, in the order given ("Vision & Language"
    and "Vision-Language" make "area-vision-language" and "area-vision-language-2")."""
    return numbered_anchors(((area, area) for area in areas), "area-", "topics")


def numbered_anchors(items: Iterable[tuple[K, str]], prefix: str, fallback: str) -> dict[K, str]:
    """An id for each (key, text): `prefix` and the text's slug, numbered from 2 when
    taken by an earlier item (in the order given); a key given twice keeps its first."""
    anchors: dict[K, str] = {}
    taken: set[str] = set()
    for key, text in items:
        if key in anchors:
            continue
        base = prefix + base_slug(text, fallback)
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        anchors[key] = anchor
        taken.add(anchor)
    return anchors


def unique_slugs(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each (id, text) to a unique slug; colliding slugs all get an id suffix.

    Suffixing every member of a collision (not all but the first) keeps a slug
    independent of the order in which papers were read. A reserved slug (`index`, the
    name of a folder's own page) always gets a suffix. Ids must be unique.
    """
    wanted: dict[str, list[str]] = defaultdict(list)
    for item_id, text in items:
        wanted[base_slug(text, item_id)].append(item_id)
    slugs = {
        ids[0]: slug for slug, ids in wanted.items() if len(ids) == 1 and slug not in RESERVED_SLUGS
    }
    taken = set(slugs.values()) | RESERVED_SLUGS
    for slug, ids in sorted(wanted.items()):
        for item_id in sorted(ids) if len(ids) > 1 or slug in RESERVED_SLUGS else ():
            slugs[item_id] = _suffixed(slug, item_id, taken)
            taken.add(slugs[item_id])
    if len(set(slugs.values())) != len(slugs) or len(slugs) != sum(map(len, wanted.values())):
        raise ValueError("duplicate ids given to unique_slugs")
    return slugs


def _suffixed(slug: str, item_id: str, taken: set[str]) -> str:
    """`slug` plus the shortest id prefix (then a counter) that no other slug uses.

    The slug is shortened first when needed, so the result stays within MAX_SLUG_LENGTH.
    """
    counted = (f"{item_id}-{n}" for n in itertools.count(2))
    for suffix in itertools.chain((item_id[:8], item_id), counted):
        keep = max(0, MAX_SLUG_LENGTH - len(suffix) - 1)
        candidate = f"{slug[:keep].rstrip('-')}-{suffix}".lstrip("-")
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")


def paper_url(slug: str) -> str:
    """Path of a paper's page relative to the site root."""
    return f"papers/{slug}/"


def topic_url(slug: str) -> str:
    """Path of a topic's page relative to the site root."""
    return f"topics/{slug}/"


HOME_DOC = "index.md"
TOPICS_INDEX_DOC = "topics/index.md"
BROWSE_INDEX_DOC = "browse/index.md"
METHODS_DOC = "methods.md"
HEALTH_DOC = "health.md"
FINDER_DOC = "finder.md"
PAPERS_FOLDER = "papers"  # under docs/: one page per paper, nothing else
MAP_DOC = "map.md"
MAP_DATA_DOC = "assets/map/points.json"
SEARCH_WORDS_DOC = "assets/search/words.json"  # the corpus's words, for "Did you mean"
# The Atom feeds: the site's and one per topic, linked from page heads as rel="alternate".
# Material reads every such link as another language's site and fetches sitemap.xml
# beside it, so each folder of linked feeds holds an empty one (FEED_SITEMAP_NAME): at the
# root that fetch downloaded the site's whole sitemap a second time on every first visit.
FEEDS_FOLDER = "feeds"
SITE_FEED_DOC = f"{FEEDS_FOLDER}/newest.xml"
SITE_FEED_FIRST_DOC = "feed.xml"  # its first address: a copy, for readers subscribed there
FEED_SITEMAP_NAME = "sitemap.xml"
# Slugs no topic may have besides: a topic's feed, feeds/topics/SLUG.xml, would be that
# folder's sitemap.
RESERVED_TOPIC_SLUGS = RESERVED_SLUGS | {FEED_SITEMAP_NAME.removesuffix(".xml")}
# The pages generated whatever the corpus holds, and the folders whose pages come and go
# with its size (All papers' further pages, methods' and the health lists' parts).
FIXED_DOCS = (
    HOME_DOC,
    TOPICS_INDEX_DOC,
    BROWSE_INDEX_DOC,
    METHODS_DOC,
    HEALTH_DOC,
    FINDER_DOC,
    MAP_DOC,
)
DATA_SIZED_FOLDERS = ("browse", "methods", "health")


def paper_doc(slug: str) -> str:
    """Markdown source path (under docs/) of a paper's page."""
    return f"{PAPERS_FOLDER}/{slug}.md"


def topic_feed_doc(slug: str) -> str:
    """docs/-relative path of a topic's Atom feed."""
    return f"{FEEDS_FOLDER}/topics/{slug}.xml"


def topic_doc(slug: str) -> str:
    """Markdown source path (under docs/) of a topic's page."""
    return f"topics/{slug}.md"


def methods_doc(group: str) -> str:
    """Markdown source path of one part of a large methods index (a letter, `0-9`, `other`)."""
    return f"methods/{group}.md"


def health_part_doc(list_slug: str, number: int) -> str:
    """Markdown source path of one page of a long corpus-health list."""
    return f"health/{list_slug}-{number}.md"


def browse_page_doc(order: str, number: int, first_order: str = "newest") -> str:
    """Markdown source path of page `number` of the all-papers list in `order`
    (`newest`, `title`, `upvotes`); the first page of `first_order` (the order the list
    opens in) is the All papers page."""
    if order == first_order and number == 1:
        return BROWSE_INDEX_DOC
    return f"browse/{order}.md" if number == 1 else f"browse/{order}-{number}.md"


def markdown_link(from_doc: str, to_doc: str) -> str:
    """Link from one docs page to another, as MkDocs expects (relative .md path)."""
    return _relative_path(to_doc, posixpath.dirname(from_doc) or ".")


@functools.lru_cache(maxsize=65536)
def _relative_path(to_doc: str, start: str) -> str:
    """relative_path, remembered: pages link to the same few folders over and over."""
    return relative_path(to_doc, start)


def relative_path(path: str, start: str) -> str:
    """posixpath.relpath for normalised relative paths (`.` the root), without its
    calls to os.getcwd: `relative_path("papers/b", "topics/t")` is `../../papers/b`."""
    to_parts = [] if path == "." else path.split("/")
    from_parts = [] if start == "." else start.split("/")
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


# Words of a generated title's abstract that arXiv looks for in abstracts: enough to
# single a paper out, few enough that a listing's rare glitch seldom falls among them.
LOOKUP_ABSTRACT_WORDS = 12
_WORD_RE = re.compile(r"\w[\w'’-]*")


def lookup_links(title: str, abstract: str = "") -> tuple[tuple[str, str], ...]:
    """(site name, URL) pairs that search a paper's title on the big paper indexes (a
    title drawn from the abstract without its "…": the indexes would look for it).
    Given the `abstract` of a record whose title was generated, arXiv searches the
    abstracts for its opening words instead: the generated title is the paper's own
    phrase, not its title, and matches many papers' text (the indexes' other searches
    take any words, and keep it)."""
    query = quote_plus(" ".join(title.replace("…", " ").split()))
    arxiv = f"https://arxiv.org/search/?query={query}&searchtype=all"
    opening = _WORD_RE.findall(abstract)[:LOOKUP_ABSTRACT_WORDS]  # no brackets: syntax
    if opening:
        arxiv = (
            f"https://arxiv.org/search/?query={quote_plus(' '.join(opening))}&searchtype=abstract"
        )
    return (
        ("arXiv", arxiv),
        ("Semantic Scholar", f"https://www.semanticscholar.org/search?q={query}"),
        ("Hugging Face", f"https://huggingface.co/papers?q={query}"),
    )


def doc_url(doc: str) -> str:
    """Site URL (relative to the root) of a docs file: `a/index.md` -> `a/`, `a/b.md` -> `a/b/`."""
    if not doc.endswith(".md"):
        return doc
    stem = doc.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@functools.lru_cache(maxsize=4096)  # a paper page asks for each related paper twice
def html_link(from_doc: str, target: str) -> str:
    """Link from a built page to a docs file, for raw HTML that MkDocs does not rewrite."""
    here = doc_url(from_doc) or "."
    there = doc_url(target)
    link = relative_path(there.rstrip("/") or ".", here.rstrip("/") or ".")
    return link + "/" if there.endswith("/") or not there else link
