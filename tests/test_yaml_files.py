"""The YAML files papersite reads: alias bombs are refused without expanding them, and a
file that is not YAML is named at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hostile_corpora import YAML_BOMB

from generator.yaml_files import (
    MAX_YAML_VALUES,
    SAFE_LOADER,
    alias_growth,
    all_nodes,
    yaml_message,
)


def test_alias_growth_counts_aliases_once_each_and_cycles_as_too_many() -> None:
    assert alias_growth(yaml.compose("a: &x [1, 2]\nb: *x\nc: *x\n")) == 6  # 13 - 7 written
    long_list = "corpus:\n" + "".join(f"  - f{i}.txt\n" for i in range(MAX_YAML_VALUES + 5))
    assert alias_growth(yaml.compose(long_list, Loader=SAFE_LOADER)) == 0  # nothing expands
    assert alias_growth(yaml.compose("&a [*a]")) == MAX_YAML_VALUES + 1
    assert alias_growth(yaml.compose(YAML_BOMB)) == MAX_YAML_VALUES + 1
    assert alias_growth(None) == 0


def test_every_node_is_walked_once_even_through_a_cycle() -> None:
    nodes = all_nodes(yaml.compose("a: &x [1, *x]\nb: *x\n"))
    assert sorted(n.value for n in nodes if isinstance(n, yaml.ScalarNode)) == ["1", "a", "b"]
    assert all_nodes(None) == []


def test_a_file_that_is_not_yaml_is_named_at_its_line_and_column() -> None:
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.compose("papers: {a: b\n", Loader=SAFE_LOADER)
    message = yaml_message(Path("redirects.yml"), raised.value)
    assert message.startswith("redirects.yml:2:1: not valid YAML: ") and "\n" not in message
