"""YAML files papersite reads (papersite.yml, topics.yml, redirects.yml, mkdocs.yml and
the files it inherits): one safe loader, one guard against alias bombs, one message
for a file that is not YAML."""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's loader when PyYAML was built with it (30 times faster on a long corpus list).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Aliases (`*a`) that add more values than this to a YAML file make it a "billion laughs"
# file, which would fill memory wherever its values are walked. Values written out are
# not counted: a long corpus list or redirects.yml of a large site is fine.
MAX_YAML_VALUES = 100_000
TOO_MANY_VALUES = (
    f"its aliases (*name) expand to more than {MAX_YAML_VALUES:,} values: "
    "not a settings file papersite reads"
)
_ENDLESS = 1 << 62  # the size of an alias that holds itself


def alias_growth(root: yaml.Node | None) -> int:
    """How many values a composed YAML document's aliases add when expanded, counted
    without expanding anything (each node's size is computed once, children first);
    past MAX_YAML_VALUES, or for an alias that holds itself, MAX_YAML_VALUES + 1."""
    sizes: dict[int, int] = {}
    started: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, children_done = stack.pop()
        if children_done:
            children = [sizes.get(id(child), _ENDLESS) for child in children_of(node)]
            sizes[id(node)] = min(1 + sum(children), _ENDLESS)  # not sized yet: a cycle
            continue
        if id(node) in started:
            continue
        started.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children_of(node) if id(child) not in started)
    expanded = sizes[id(root)] if root is not None else 0
    return min(expanded - len(started), MAX_YAML_VALUES + 1)


def children_of(node: yaml.Node) -> list[yaml.Node]:
    """The nodes directly inside a sequence or mapping (keys and values), else none."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def all_nodes(root: yaml.Node | None) -> list[yaml.Node]:
    """Every node of a composed document, once each (iteratively: deep files cannot
    overflow, and an alias is not walked again)."""
    found, stack, seen = [], [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        found.append(node)
        stack.extend(children_of(node))
    return found


def yaml_message(path: Path | str, error: yaml.YAMLError) -> str:
    """`file:line:column: not valid YAML: problem`, on one line."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
    return f"{where}: not valid YAML: {' '.join(str(problem).split())}"
