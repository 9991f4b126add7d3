"""Read and check `topics.yml`, the user's curation of topics; errors name file and line.

The format is documented in manual/topics-file.md. Every problem raises
`TopicsFileError` with `path:line: message`, never a bare traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from generator.analyze.features.tokens import Tokenizer, phrase_key
from generator.links import MAX_SLUG_LENGTH, SLUG_RE
from generator.setting_values import text_problem
from generator.yaml_files import SAFE_LOADER, yaml_message

SECTIONS = ("topics", "exclude", "rename", "merge", "split", "areas")
TOPIC_KEYS = ("label", "keywords", "slug", "area", "papers")
T = TypeVar("T")


class TopicsFileError(ValueError):
    """A topics file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class TopicRule:
    """A topic the user pins or adds: always present, its papers matched by keywords."""

    label: str
    keywords: tuple[str, ...]
    line: int
    slug: str | None = None
    area: str | None = None
    papers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rename:
    """Give a discovered topic a new label (and, optionally, a fixed slug)."""

    topic: str
    label: str
    line: int
    slug: str | None = None


@dataclass(frozen=True)
class Merge:
    """Join several topics into one."""

    label: str
    topics: tuple[str, ...]
    line: int
    slug: str | None = None


@dataclass(frozen=True)
class Split:
    """Divide one topic into parts, each defined by keywords."""

    topic: str
    parts: tuple[TopicRule, ...]
    line: int


@dataclass(frozen=True)
class AreaRule:
    """Put topics in a named area."""

    area: str
    topics: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class TopicsSpec:
    """Everything a topics file asks for; empty when there is no file."""

    path: str = "topics.yml"
    topics: tuple[TopicRule, ...] = ()
    exclude: tuple[tuple[str, int], ...] = ()
    rename: tuple[Rename, ...] = ()
    merge: tuple[Merge, ...] = ()
    split: tuple[Split, ...] = field(default=())
    areas: tuple[AreaRule, ...] = ()

    def error(self, line: int, message: str) -> TopicsFileError:
        """An error about this file at `line`."""
        return TopicsFileError(f"{self.path}:{line}: {message}")

    def excluded_keys(self, tokenizer: Tokenizer) -> frozenset[str]:
        """Phrase keys the user never wants as discovered topics."""
        keys = (phrase_key(text, tokenizer) for text, _ in self.exclude)
        return frozenset(k for k in keys if k)


def load_topics_file(path: Path | None) -> TopicsSpec:
    """Read a topics file; None or a missing file gives an empty spec."""
    if path is None or not path.exists():
        return TopicsSpec(str(path) if path else "topics.yml")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TopicsFileError(f"{path}: cannot read topics file: {error}") from None
    return parse_topics(text, str(path))


def parse_topics(text: str, path: str = "topics.yml") -> TopicsSpec:
    """Parse the text of a topics file."""
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise TopicsFileError(yaml_message(path, error)) from None
    if root is None:
        return TopicsSpec(path)
    return _Reader(path).spec(root)


class _Reader:
    """Turn a composed YAML node tree into a `TopicsSpec`, checking every value."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> TopicsFileError:
        """An error at the node's line."""
        return TopicsFileError(f"{self.path}:{node.start_mark.line + 1}: {message}")

    def spec(self, root: yaml.Node) -> TopicsSpec:
        """The whole file: a mapping of known sections."""
        sections = dict(self.mapping(root, "the topics file", SECTIONS))
        topics = self.items(sections.get("topics"), "topics", self.topic_rule)
        exclude = self.items(sections.get("exclude"), "exclude", self.excluded)
        self.check_pins_not_excluded(topics, exclude)
        return TopicsSpec(
            path=self.path,
            topics=topics,
            exclude=exclude,
            rename=self.renames(sections.get("rename")),
            merge=self.items(sections.get("merge"), "merge", self.merge_rule),
            split=self.items(sections.get("split"), "split", self.split_rule),
            areas=self.area_rules(sections.get("areas")),
        )

    def mapping(
        self, node: yaml.Node, what: str, known: tuple[str, ...] | None = None
    ) -> list[tuple[str, yaml.Node]]:
        """Key/value pairs of a mapping node; with `known`, unknown keys are errors."""
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping (key: value lines)")
        pairs: list[tuple[str, yaml.Node]] = []
        for key_node, value in node.value:
            key = self.string(key_node, f"a key of {what}")
            if known is not None and key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise self.fail(key_node, f"unknown key {key!r} in {what}{suggestion}")
            if any(key == seen for seen, _ in pairs):
                raise self.fail(key_node, f"{key!r} appears twice in {what}")
            pairs.append((key, value))
        return pairs

    def items(
        self, node: yaml.Node | None, what: str, read: Callable[[yaml.Node], T]
    ) -> tuple[T, ...]:
        """A list section, each item read by `read`; a missing section is empty."""
        if node is None or _is_null(node):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list (lines starting with '- ')")
        return tuple(read(item) for item in node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        """A non-empty text value."""
        if not isinstance(node, yaml.ScalarNode) or _is_null(node):
            raise self.fail(node, f"{what} must be a text value")
        value = str(node.value).strip()
        if not value:
            raise self.fail(node, f"{what} must not be empty")
        problem = text_problem(what, value)
        if problem:
            raise self.fail(node, problem)
        return value

    def slug(self, node: yaml.Node) -> str:
        """A topic's fixed slug: it names the page topics/<slug>/, so only lower-case
        letters, digits and single hyphens, as slugs papersite makes itself."""
        slug = self.string(node, "slug")
        if not SLUG_RE.fullmatch(slug) or len(slug) > MAX_SLUG_LENGTH:
            raise self.fail(
                node,
                f"slug {slug!r} must be lower-case letters and digits joined by single "
                f"hyphens, at most {MAX_SLUG_LENGTH} characters (it names topics/<slug>/)",
            )
        return slug

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """One text value or a list of them."""
        if isinstance(node, yaml.SequenceNode):
            return tuple(self.string(item, f"each entry of {what}") for item in node.value)
        return (self.string(node, what),)

    def topic_rule(self, node: yaml.Node) -> TopicRule:
        """A pinned or added topic: a label, or a mapping with label, keywords and more."""
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            label = self.string(node, "a topic")
            return TopicRule(label, (label,), line)
        fields = dict(self.mapping(node, "a topic", TOPIC_KEYS))
        if "label" not in fields:
            raise self.fail(node, "a topic needs a 'label'")
        label = self.string(fields["label"], "label")
        words = self.strings(fields["keywords"], "keywords") if "keywords" in fields else (label,)
        return TopicRule(
            label=label,
            keywords=words,
            line=line,
            slug=self.slug(fields["slug"]) if "slug" in fields else None,
            area=self.string(fields["area"], "area") if "area" in fields else None,
            papers=self.strings(fields["papers"], "papers") if "papers" in fields else (),
        )

    def excluded(self, node: yaml.Node) -> tuple[str, int]:
        """A phrase or topic that must never be a discovered topic."""
        return self.string(node, "an exclude entry"), node.start_mark.line + 1

    def check_pins_not_excluded(
        self, topics: tuple[TopicRule, ...], exclude: tuple[tuple[str, int], ...]
    ) -> None:
        """A topic both pinned and excluded is a contradiction: an error at the exclude
        line, not a pin that silently wins (compared by phrase key, as exclusion matches)."""
        tokenizer = Tokenizer()
        pinned = {phrase_key(rule.label, tokenizer): rule for rule in topics}
        pinned.pop(None, None)  # a label of stop words only is refused later, at its line
        for text, line in exclude:
            rule = pinned.get(phrase_key(text, tokenizer))
            if rule is not None:
                raise TopicsFileError(
                    f"{self.path}:{line}: {text!r} is excluded, but topic {rule.label!r} is "
                    f"pinned at line {rule.line}: remove one of the two"
                )

    def renames(self, node: yaml.Node | None) -> tuple[Rename, ...]:
        """`old: new label` or `old: {label: ..., slug: ...}` pairs."""
        if node is None or _is_null(node):
            return ()
        out: list[Rename] = []
        for topic, value in self.mapping(node, "rename"):
            line = value.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):
                fields = dict(self.mapping(value, f"rename of {topic!r}", ("label", "slug")))
                if "label" not in fields:
                    raise self.fail(value, f"rename of {topic!r} needs a 'label'")
                label = self.string(fields["label"], "label")
                slug = self.slug(fields["slug"]) if "slug" in fields else None
                out.append(Rename(topic, label, line, slug))
            else:
                out.append(Rename(topic, self.string(value, f"new label of {topic!r}"), line))
        return tuple(out)

    def merge_rule(self, node: yaml.Node) -> Merge:
        """`{into: label, topics: [a, b, ...], slug: optional}`."""
        fields = dict(self.mapping(node, "a merge", ("into", "topics", "slug")))
        for needed in ("into", "topics"):
            if needed not in fields:
                raise self.fail(node, f"a merge needs '{needed}'")
        topics = self.strings(fields["topics"], "topics")
        if len(topics) < 2:
            raise self.fail(fields["topics"], "a merge needs at least two topics")
        slug = self.slug(fields["slug"]) if "slug" in fields else None
        return Merge(self.string(fields["into"], "into"), topics, node.start_mark.line + 1, slug)

    def split_rule(self, node: yaml.Node) -> Split:
        """`{topic: label, into: [{label, keywords}, ...]}`."""
        fields = dict(self.mapping(node, "a split", ("topic", "into")))
        for needed in ("topic", "into"):
            if needed not in fields:
                raise self.fail(node, f"a split needs '{needed}'")
        parts = self.items(fields["into"], "into", self.topic_rule)
        if len(parts) < 2:
            raise self.fail(fields["into"], "a split needs at least two parts")
        for part_node in fields["into"].value:
            keys = (
                [k.value for k, _ in part_node.value]
                if isinstance(part_node, yaml.MappingNode)
                else []
            )
            if "keywords" not in keys:
                raise self.fail(part_node, "each part of a split needs a 'label' and 'keywords'")
        topic = self.string(fields["topic"], "topic")
        return Split(topic, parts, node.start_mark.line + 1)

    def area_rules(self, node: yaml.Node | None) -> tuple[AreaRule, ...]:
        """`Area name: [topic, topic, ...]` pairs."""
        if node is None or _is_null(node):
            return ()
        return tuple(
            AreaRule(
                area, self.strings(value, f"topics of area {area!r}"), value.start_mark.line + 1
            )
            for area, value in self.mapping(node, "areas")
        )


def _is_null(node: yaml.Node) -> bool:
    """True for an empty YAML value (`key:` with nothing after it, or `null`)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"
