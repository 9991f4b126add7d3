"""Command-line interface: thin commands over the library functions."""

from __future__ import annotations

import logging
import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console

from generator import __version__
from generator.config import DEFAULT_TOPICS_FILE, Config, ConfigError, load_config
from generator.export import export_json
from generator.fingerprint import (
    GeneratedState,
    inputs_fingerprint,
    saved_state,
    unchanged_state,
)
from generator.ingest import ingest_files
from generator.ingest.readers import ReadOptions
from generator.links import SEARCH_INDEX_DOC
from generator.model import Analysis, Corpus, Severity
from generator.report import quality_report
from generator.search import load_index_json, search
from generator.search_backend import PAGEFIND
from generator.site import StageTimes, default_analyzer, generate, mkdocs_build
from generator.write import write_text_atomic

EXIT_DATA_ERROR = 1
STAGE_LABELS = {
    "ingest": "Reading the corpus",
    "analyze": "Finding related papers, topics and methods",
    "render": "Rendering pages",
    "write": "Writing docs/",
    "mkdocs": "Building the site with MkDocs",
}


@dataclass(frozen=True)
class Context:
    """Options shared by every command."""

    config: Config
    strict: bool
    quiet: bool
    verbose: bool

    def say(self, message: str) -> None:
        """Print a progress or result line unless --quiet."""
        if not self.quiet:
            click.echo(message, err=True)

    def stage_times(self) -> StageTimes:
        """Stage timer that shows a spinner per stage on a terminal (never when --quiet)."""
        if self.quiet:
            return StageTimes()
        console = Console(stderr=True)

        def show(name: str) -> AbstractContextManager[object]:
            return console.status(f"{STAGE_LABELS.get(name, name)}…", spinner="dots")

        return StageTimes(show=show)


def _fail(message: str, code: int = EXIT_DATA_ERROR) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="papersite")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file (default: papersite.yml in the project folder).",
)
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="Project folder: where mkdocs.yml, papersite.yml and site_src/ live.",
)
@click.option(
    "--listing-year",
    type=click.IntRange(1000, 9999),
    help="Year of listing dates printed without one.",
)
@click.option("--strict", is_flag=True, help="Fail on any data problem, warnings included.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print every entry of long lists.")
@click.pass_context
def main(
    ctx: click.Context,
    config_path: Path | None,
    root: Path,
    listing_year: int | None,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build a searchable, cross-linked site from research-paper listings."""
    try:
        config = load_config(root, config_path)
    except ConfigError as error:
        _fail(str(error), 2)
    if listing_year is not None:
        config = Config(**{**config.__dict__, "listing_year": listing_year})
    ctx.obj = Context(config, strict, quiet, verbose)


def load_corpus(context: Context) -> Corpus:
    """Ingest the configured corpus; print problems; exit on fatal ones or under --strict."""
    try:
        files = context.config.corpus_files()
    except ConfigError as error:
        _fail(str(error), 2)
    if not files:
        _fail(f"no corpus files found in {', '.join(context.config.corpus)}")
    topics_file = context.config.topics_file
    if topics_file != DEFAULT_TOPICS_FILE and not (context.config.root / topics_file).is_file():
        context.say(f"warning: topics file {topics_file} not found: topics are not curated")
    return ingest_files(files, ReadOptions(listing_year=context.config.listing_year))


def _problem_exit(context: Context, corpus: Corpus) -> None:
    """Exit non-zero when problems are fatal: any under --strict, errors in `check`."""
    if not corpus.papers:
        _fail("no paper could be read from the corpus")
    if context.strict and corpus.problems:
        errors = sum(1 for p in corpus.problems if p.severity is Severity.ERROR)
        _fail(
            f"--strict: {len(corpus.problems)} data problems ({errors} errors); "
            "see `papersite check`"
        )


def _print_problems(context: Context, corpus: Corpus) -> None:
    for problem in corpus.problems:
        if problem.severity is Severity.ERROR or not context.quiet:
            click.echo(str(problem), err=True)


@main.command()
@click.pass_obj
def check(context: Context) -> None:
    """Read the corpus and print a data-quality report; exit 1 on errors."""
    corpus = load_corpus(context)
    if context.quiet:
        _print_problems(context, corpus)
    else:
        click.echo(quality_report(corpus, verbose=context.verbose), nl=False)
    _problem_exit(context, corpus)
    if corpus.has_errors():
        _fail("some input could not be read (see Errors above)")


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_obj
def export(context: Context, path: Path) -> None:
    """Write the corpus as JSON (papers, topics) to PATH, or to standard output for -."""
    corpus = load_corpus(context)
    _print_problems(context, corpus)
    _problem_exit(context, corpus)
    text = export_json(corpus, _analyze(context, corpus))
    if str(path) == "-":
        click.echo(text, nl=False)
        return
    try:
        changed = write_text_atomic(path, text)
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    state = "written" if changed else "unchanged"
    context.say(f"{len(corpus.papers)} papers exported to {path} ({state})")


def _analyze(context: Context, corpus: Corpus) -> Analysis:
    """Run the analysis; a bad topics file is a configuration error (exit 2)."""
    from generator.analyze import TopicsFileError  # loads the analysis: only when needed

    try:
        return default_analyzer(corpus, context.config)
    except TopicsFileError as error:
        _fail(str(error), 2)


def _run_generate(context: Context, times: StageTimes, force: bool) -> GeneratedState:
    """Regenerate docs/ unless nothing it reads changed (or `force`); say what happened."""
    config = context.config
    try:
        fingerprint = inputs_fingerprint(config)
    except ConfigError as error:
        _fail(str(error), 2)
    except OSError as error:
        _fail(f"cannot read an input: {error}")
    docs = config.root / config.docs_dir
    state = None if force else unchanged_state(docs, fingerprint)
    if state is not None:
        context.say(
            f"{config.docs_dir}/ is up to date: corpus, topics file, settings and templates "
            "are unchanged, nothing rewritten (--force regenerates)"
        )
        return state
    from generator.analyze import TopicsFileError  # loads the analysis: only when needed

    corpus = times.run("ingest", lambda: load_corpus(context))
    _print_problems(context, corpus)
    _problem_exit(context, corpus)
    try:
        result = generate(config, corpus, times, fingerprint=fingerprint)
    except TopicsFileError as error:
        _fail(str(error), 2)
    context.say(
        f"{result.pages} pages in {config.docs_dir}/ "
        f"({result.written} rewritten, {result.removed} removed); "
        f"{len(result.analysis.topics)} topics; search: {result.search_backend}"
    )
    return result.state


def _timings(context: Context, times: StageTimes) -> None:
    if not context.quiet and times.seconds:
        parts = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in times.seconds.items())
        context.say(f"Timings: {parts}")


FORCE_HELP = "Regenerate docs/ even when no input changed since the last run."


@main.command(name="generate")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.pass_obj
def generate_command(context: Context, force: bool) -> None:
    """Ingest, analyze and render the corpus into docs/ (no MkDocs build)."""
    times = context.stage_times()
    _run_generate(context, times, force)
    _timings(context, times)


@main.command()
@click.option("--site-url", help="Public URL of the site (e.g. https://user.github.io/repo/).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.pass_obj
def build(context: Context, site_url: str | None, force: bool) -> None:
    """Generate docs/ and build the site into site/ with MkDocs (strict: warnings fail)."""
    times = context.stage_times()
    state = _run_generate(context, times, force)
    try:
        times.run("mkdocs", lambda: mkdocs_build(context.config, state, True, site_url))
    except Exception as error:  # MkDocs reports its own errors through logging
        _fail(f"MkDocs build failed: {error}")
    _timings(context, times)
    context.say(f"Site built in {context.config.root / 'site'}")


@main.command()
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address to serve on (IP:PORT).",
)
@click.pass_obj
def serve(context: Context, dev_addr: str) -> None:
    """Serve the site locally; the corpus, templates, topics file and config are watched."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(
        level=logging.WARNING if context.quiet else logging.INFO,
        format="%(levelname)-7s -  %(message)s",
    )
    context.say(f"Serving on http://{dev_addr}/ (Ctrl+C to stop)")
    mkdocs_serve(
        config_file=str(context.config.root / "mkdocs.yml"),
        dev_addr=dev_addr,
        livereload=True,
        strict=False,
    )


@main.command(name="search")
@click.argument("query")
@click.option(
    "-n",
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many papers to list.",
)
@click.pass_obj
def search_command(context: Context, query: str, limit: int) -> None:
    """Search the prebuilt paper index (from `generate`/`build`): rank, score, slug, title."""
    docs = context.config.root / context.config.docs_dir
    path = docs / SEARCH_INDEX_DOC
    if not path.is_file():
        state = saved_state(docs)
        if state is not None and state.search_backend == PAGEFIND:
            _fail(
                "this site searches with Pagefind (search: in papersite.yml is "
                f"{context.config.search!r}), so no lunr index was built at {path}; "
                "`papersite search` reads that index: set `search: material` to build it"
            )
        _fail(f"no search index at {path}; run `papersite generate` first")
    try:
        index = load_index_json(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError) as error:
        _fail(f"{path}: not a papersite search index ({error}); run `papersite generate`")
    hits = search(index, query, limit)
    if not hits:
        context.say("No paper matches.")
    for rank, hit in enumerate(hits, 1):
        click.echo(f"{rank:>3}  {hit.score:8.3f}  {hit.slug}  {hit.title}")
