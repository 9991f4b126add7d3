"""Compiled Jinja templates kept for the life of the process.

Jinja compiles a template anew for every new Environment, and MkDocs makes a new one for
every build: `papersite serve` recompiled Material's forty templates on every edit, a
third of a small site's rebuild. A template's code depends on its source, its name and
the compile-time settings of its environment, and all three make the key here: an
edited template, or an environment set up differently, compiles afresh. Of Jinja's
extensions only those whose effect the key sees are allowed (MkDocs installs i18n);
an environment with any other extension is never cached.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from types import CodeType
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

# Jinja's own extensions, each with what its compiled code depends on: `{% trans %}`
# compiles to old- or new-style gettext calls, trimmed or not.
KNOWN_EXTENSIONS: dict[str, Callable[[Environment], Hashable]] = {
    "jinja2.ext.InternationalizationExtension": lambda env: (
        getattr(env, "newstyle_gettext", False),
        env.policies.get("ext.i18n.trimmed", False),
    ),
    "jinja2.ext.ExprStmtExtension": lambda env: None,
    "jinja2.ext.LoopControlExtension": lambda env: None,
}

# Plenty for the templates of a theme, a project and their edits during one `serve`.
MOST_KEPT = 2000


class _KeyedBucket(Bucket):
    """A bucket that carries the full key of its template (Bucket's own key is a string)."""

    def __init__(self, environment: Environment, checksum: str, key: Hashable) -> None:
        super().__init__(environment, "", checksum)
        self.full_key = key


class CompiledTemplates(BytecodeCache):
    """Code objects of compiled templates, in memory, by (name, file, source, settings)."""

    def __init__(self) -> None:
        self._code: dict[Hashable, CodeType] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        checksum = self.get_source_checksum(source)
        settings = compile_settings(environment, name)
        if settings is None:
            return Bucket(environment, "", checksum)  # compiled, never kept
        bucket = _KeyedBucket(environment, checksum, (name, filename, checksum, settings))
        bucket.code = self._code.get(bucket.full_key)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Unused: get_bucket looks the code up itself."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        if isinstance(bucket, _KeyedBucket) and bucket.code is not None:
            if len(self._code) >= MOST_KEPT:
                self._code.clear()
            self._code[bucket.full_key] = bucket.code


def compile_settings(environment: Environment, name: str) -> tuple[Any, ...] | None:
    """What the code Jinja compiles for template `name` depends on besides its source:
    the environment's syntax, whitespace and escaping settings, its finalize function,
    its filters and tests themselves (the optimiser calls them on constants, and the
    call depends on what they ask to be passed), its policies (filters read them), a
    sandbox's intercepted operators and its extensions' settings; None when an
    extension outside KNOWN_EXTENSIONS takes part."""
    env = environment
    extensions = []
    for extension in sorted(env.extensions):
        if extension not in KNOWN_EXTENSIONS:
            return None
        extensions.append((extension, KNOWN_EXTENSIONS[extension](env)))
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return (
        type(env),
        env.code_generator_class,
        env.optimized,
        env.is_async,
        bool(autoescape),
        env.finalize,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        _frozen(env.filters),
        _frozen(env.tests),
        _frozen(env.policies),
        _frozen(getattr(env, "intercepted_binops", None)),
        _frozen(getattr(env, "intercepted_unops", None)),
        tuple(extensions),
    )


def _frozen(value: Any) -> Hashable:
    """`value` as a key: mappings and sequences as tuples, other objects themselves (a
    function by its identity: the key keeps it alive, so no other takes its place)."""
    if isinstance(value, Mapping):
        return tuple((key, _frozen(value[key])) for key in sorted(value, key=repr))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, set | frozenset):
        return frozenset(_frozen(item) for item in value)
    try:
        hash(value)
    except TypeError:
        return ("unhashable", type(value), repr(value))
    return value  # type: ignore[no-any-return]


COMPILED_TEMPLATES = CompiledTemplates()
