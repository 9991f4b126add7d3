"""Where each method is listed: on the methods page, or on its letter's page once the
list is split, in a row with its own id, so that a paper page can link to the whole list
of a method's mentions."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from generator.ingest.clean import normalize_key
from generator.links import METHODS_DOC, methods_doc, numbered_anchors
from generator.model import Method

METHODS_SINGLE_LIMIT = 500  # above this many methods, the methods page is split by letter


@dataclass(frozen=True)
class MethodPlace:
    doc: str  # the Markdown page that lists the method
    anchor: str  # the id of its row there
    group: str = ""  # its letter's page ("a", "0-9", "other"), once the list is split


def listed_methods(methods: Iterable[Method], papers: Collection[str]) -> list[Method]:
    """The methods the methods pages list (those whose paper is on the site), by name."""
    return [
        m for m in sorted(methods, key=lambda m: (m.name.casefold(), m.name)) if m.paper in papers
    ]


def method_places(listed: list[Method]) -> dict[Method, MethodPlace]:
    """Each listed method's page and row id ("method-vit"; namesakes numbered)."""
    split = len(listed) > METHODS_SINGLE_LIMIT
    anchors = numbered_anchors(((m, m.name) for m in listed), "method-", "method")
    places = {}
    for method in listed:
        group = method_group(method.name) if split else ""
        doc = methods_doc(group) if group else METHODS_DOC
        places[method] = MethodPlace(doc, anchors[method], group)
    return places


def method_group(name: str) -> str:
    """The group of a method name: its first letter (accents folded), `0-9` or `other`."""
    folded = normalize_key(name)[:1]
    if folded.isascii() and folded.isalpha():
        return folded
    return "0-9" if folded.isdigit() else "other"
