"""Command-line interface: thin commands over the pipeline (generator/pipeline.py) and
the site build (generator/build.py)."""

from __future__ import annotations

import logging
import shlex
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn, TypeVar

import click
from rich.console import Console

from generator import __version__
from generator.config import (
    DEFAULT_TOPICS_FILE,
    MAX_WORKERS,
    Config,
    ConfigError,
    load_config,
)
from generator.errors import PipelineError
from generator.ingest.report import quality_report
from generator.mkdocs.config_file import config_file_problem
from generator.mkdocs.project_settings import docs_dir_warning
from generator.mkdocs.theme_checks import template_failure
from generator.model import Corpus, Problem, Severity
from generator.pipeline import Generated, Pipeline
from generator.redirects import notes
from generator.render.export import export_json, is_replaceable_export
from generator.render.rich_text import unicode_scripts
from generator.scaffold import ScaffoldError, init_project
from generator.search.terminal import (
    SEARCH_DOCUMENTS,
    TITLED_AMONG,
    TerminalIndex,
    corrected_query,
    load_documents,
    query_words,
)
from generator.stage_times import StageTimes
from generator.write import write_text_atomic

T = TypeVar("T")
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
STAGE_LABELS = {
    "ingest": "Reading the corpus",
    "analyze": "Finding related papers, topics and methods",
    "render": "Rendering pages",
    "write": "Writing docs/",
    "mkdocs": "Building the site with MkDocs",
}


@dataclass
class Context:
    """Options shared by every command; the project's settings are read when needed."""

    root: Path
    config_path: Path | None
    listing_year: int | None
    workers: int | None
    strict: bool
    quiet: bool
    verbose: bool
    _config: Config | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        """papersite.yml with the command line's overrides (exit 2 when unusable)."""
        if self._config is None:
            try:
                config = load_config(self.root, self.config_path)
            except ConfigError as error:
                _fail(str(error), EXIT_USAGE)
            if self.listing_year is not None:
                config = replace(config, listing_year=self.listing_year)
            if self.workers is not None:
                config = replace(config, workers=self.workers)
            for notice in config.notices:
                self.say(f"notice: {notice}")
            self._config = config
        return self._config

    def say(self, message: str) -> None:
        """Print a progress or result line unless --quiet."""
        if not self.quiet:
            click.echo(message, err=True)

    def print_problems(self, problems: tuple[Problem, ...]) -> None:
        """Data problems as they are found (errors even when --quiet)."""
        for problem in problems:
            if problem.severity is Severity.ERROR or not self.quiet:
                click.echo(str(problem), err=True)

    def pipeline(self, report: bool = True) -> Pipeline:
        """The project's pipeline, with a spinner per stage on a terminal."""
        times = StageTimes()
        if not self.quiet:
            console = Console(stderr=True)

            def show(name: str) -> AbstractContextManager[object]:
                return console.status(f"{STAGE_LABELS.get(name, name)}…", spinner="dots")

            times = StageTimes(show=show)
        config = self.config
        topics_file = config.topics_file
        if topics_file != DEFAULT_TOPICS_FILE and not (config.root / topics_file).is_file():
            self.say(f"warning: topics file {topics_file} not found: topics are not curated")
        return Pipeline(
            config,
            strict=self.strict,
            times=times,
            report=self.print_problems if report else lambda _problems: None,
            warn=self.say,
        )

    def timings(self, times: StageTimes) -> None:
        """One line of seconds per stage."""
        if times.seconds:
            parts = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in times.seconds.items())
            self.say(f"Timings: {parts}")


def _fail(message: str, code: int = EXIT_DATA_ERROR) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _run(work: Callable[[], T]) -> T:
    """Run pipeline work; a PipelineError ends the command with its message and code."""
    try:
        return work()
    except PipelineError as error:
        _fail(str(error), error.exit_code)


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
@click.option(
    "--workers",
    type=click.IntRange(1, MAX_WORKERS),
    help="Worker processes (default: `workers` in papersite.yml, else one per core).",
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
    workers: int | None,
    strict: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build a searchable, cross-linked site from research-paper listings."""
    ctx.obj = Context(root, config_path, listing_year, workers, strict, quiet, verbose)


@main.command()
@click.argument("folder", metavar="DIRECTORY")
@click.pass_obj
def init(context: Context, folder: str) -> None:
    """Create a new project in DIRECTORY: mkdocs.yml, papersite.yml and site_src/."""
    if not folder.strip():  # `papersite init "$DIR"` with DIR unset: not the current folder
        _fail(
            "no DIRECTORY named (an empty argument: is a variable unset?); use . for here",
            EXIT_USAGE,
        )
    directory = Path(folder)
    try:
        written = init_project(directory)
    except ScaffoldError as error:
        _fail(str(error), EXIT_USAGE)
    for path in written:
        context.say(f"created {path}")
    # Quoted, as a path that cannot read as an option: the command is to be pasted into a
    # shell ("my papers", "-weird" would be an option: "./-weird").
    shown = f"./{directory}" if str(directory).startswith("-") else str(directory)
    context.say(
        f"Put corpus files in {directory / 'site_src' / 'corpus'}, then run "
        f"`papersite --root {shlex.quote(shown)} build`."
    )


@main.command()
@click.pass_obj
def check(context: Context) -> None:
    """Read the corpus and print a data-quality report; exit 1 on errors."""
    pipeline = context.pipeline(report=context.quiet)
    corpus = _run(pipeline.ingest)  # without failing on problems: the report comes first
    if not context.quiet:
        click.echo(quality_report(corpus, verbose=context.verbose), nl=False)
    _run(lambda: _settings_check(pipeline, corpus))
    if not corpus.papers:
        _fail("no paper could be read from the corpus")
    if context.strict and corpus.problems:
        _fail(f"--strict: the corpus has {len(corpus.problems)} data problems (see above)")
    if corpus.has_errors():
        _fail("some input could not be read (see Errors above)")


def _settings_check(pipeline: Pipeline, corpus: Corpus) -> None:
    """Use the topics file and mkdocs.yml as the build will, so that a passing `check`
    means a build that does not fail on them: the analysis applies the topics file to
    the topics it finds (a pinned slug may collide with one), and mkdocs.yml is loaded
    and checked when the project has one (its nav too: every page it names must be one
    the build will have)."""
    analysis = pipeline.analyze(corpus) if corpus.papers else None
    if analysis is not None:
        for line in pipeline.redirects(corpus, analysis=analysis).unused:
            click.echo(f"note: {line}", err=True)
    if (pipeline.config.root / "mkdocs.yml").is_file():  # else a project that only generates
        pipeline.use_build_settings()
        if analysis is not None:
            pipeline.check_nav(corpus, analysis)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace PATH even if it is not an earlier export.")
@click.pass_obj
def export(context: Context, path: Path, force: bool) -> None:
    """Write the corpus as JSON (papers, topics) to PATH, or to standard output for -."""
    problem = context.config.export_problem(path) if str(path) != "-" else ""
    if problem:
        _fail(f"{problem}: choose a path outside the corpus, site_src/ and docs/", EXIT_USAGE)
    if str(path) != "-" and not force and not is_replaceable_export(path):
        _fail(
            f"{path} exists and is not an earlier papersite export; "
            "choose another path or pass --force to replace it",
            EXIT_USAGE,
        )
    pipeline = context.pipeline()
    corpus = _run(pipeline.read_corpus)
    text = export_json(corpus, _run(lambda: pipeline.analyze(corpus)))
    if str(path) == "-":
        click.echo(text, nl=False)
        return
    try:
        changed = write_text_atomic(path, text, through_links=True)
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    state = "written" if changed else "unchanged"
    context.say(f"{len(corpus.papers)} papers exported to {path} ({state})")


FORCE_HELP = "Regenerate docs/ even when no input changed since the last run."


def _say_generated(context: Context, generated: Generated) -> None:
    """One line on what `generate` did, and notes on moved pages."""
    config = context.config
    if not generated.fresh:
        context.say(
            f"{config.docs_dir}/ is up to date: corpus, topics file, settings and templates "
            "are unchanged, nothing rewritten (--force regenerates)"
        )
        return
    # Counted as the site counts them: "Other" (the papers no topic describes) is no topic.
    topics = generated.analysis.named_topics if generated.analysis else []
    context.say(
        f"{generated.pages} pages, {len(topics)} topic{'' if len(topics) == 1 else 's'}: "
        f"{generated.written} of "
        f"{generated.files} files in {config.docs_dir}/ rewritten, {generated.removed} removed"
    )
    for line in notes(generated.redirects) if generated.redirects else ():
        context.say(f"note: {line}")


@main.command(name="generate")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.pass_obj
def generate_command(context: Context, force: bool) -> None:
    """Ingest, analyze and render the corpus into docs/ (no MkDocs build)."""
    pipeline = context.pipeline()
    _say_generated(context, _run(lambda: pipeline.generate(force)))
    context.timings(pipeline.times)


@main.command()
@click.option("--site-url", help="Public URL of the site (e.g. https://user.github.io/repo/).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.pass_obj
def build(context: Context, site_url: str | None, force: bool) -> None:
    """Generate docs/ and build the site into site/ with MkDocs (strict: warnings fail)."""
    from generator.build import build_site

    pipeline = context.pipeline()
    with _mkdocs_log(context):
        built = _run(
            lambda: build_site(pipeline, site_url, force, lambda g: _say_generated(context, g))
        )
    context.timings(pipeline.times)
    site = pipeline.site_dir or context.config.root / "site"
    if built:
        context.say(f"Site built in {site}")
    else:
        context.say(
            f"{site} is up to date: docs/, mkdocs.yml, the theme and the site are unchanged "
            "since the last build, nothing rebuilt (--force rebuilds)"
        )


@contextmanager
def _mkdocs_log(context: Context) -> Iterator[None]:
    """Show MkDocs' own warnings (and with -v its notes) while it builds."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    handler.setLevel(logging.INFO if context.verbose else logging.WARNING)
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(handler.level, previous or logging.WARNING))
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


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

    if context.config_path is not None or context.listing_year is not None:
        _fail(
            "serve reads papersite.yml beside mkdocs.yml: --config and --listing-year "
            "apply to generate and build only",
            EXIT_USAGE,
        )
    from mkdocs.exceptions import MkDocsException

    problem = address_problem(dev_addr)
    if problem:
        _fail(f"--dev-addr {dev_addr!r}: {problem}", EXIT_USAGE)
    config = context.config
    # MkDocs loads mkdocs.yml itself here: what `build` refuses before loading it (code
    # tags, hooks and settings files outside the project) is refused first, as there.
    problem = config_file_problem(config.root / "mkdocs.yml", config.root)
    if problem:
        _fail(problem, EXIT_USAGE)
    config.docs.mkdir(parents=True, exist_ok=True)  # MkDocs wants it before the plugin runs
    warning = docs_dir_warning(config)
    if warning:
        context.say(warning)
    logging.basicConfig(
        level=logging.WARNING if context.quiet else logging.INFO,
        format="%(levelname)-7s -  %(message)s",
    )
    context.say(f"Serving on http://{dev_addr}/ (Ctrl+C to stop)")
    try:
        mkdocs_serve(
            config_file=str(config.root / "mkdocs.yml"),
            docs_dir=str(config.docs),  # papersite.yml's, whatever mkdocs.yml says (as build)
            dev_addr=dev_addr,
            livereload=True,
            strict=False,
        )
    except OSError as error:  # the address (checked above, but taken since), or a file
        place = f"on {dev_addr}" if error.filename is None else f"({error.filename})"
        _fail(f"cannot serve {place}: {error.strerror or error}")
    except MkDocsException as error:
        _fail(f"cannot serve: {error}")
    except Exception as error:  # the first build: a theme override that does not render
        where = template_failure(error, [str(config.root)])
        if where is None:
            raise
        _fail(f"cannot serve: {where}")


def address_problem(address: str) -> str:
    """Why `address` (IP:PORT) cannot be served on, or "": a malformed address, a port
    out of range, or one another program holds (checked before the first build)."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        return "expected IP:PORT with a port from 1 to 65535"
    host = host.strip("[]")
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, int(port)))
    except OSError as error:
        return error.strerror or str(error)
    return ""


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
    """Search the papers as the site's search does: rank, score, slug, title."""
    if not query_words(query):
        _fail("the query has no word to search for (letters or digits)")
    path = context.config.docs / SEARCH_DOCUMENTS
    if not path.is_file():
        _fail(f"no search data at {path}; run `papersite generate` first")
    try:
        documents = load_documents(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        _fail(f"{path}: cannot read it ({error}); run `papersite generate --force`")
    result = TerminalIndex(documents).search(query, limit)
    named = ", ".join(f"\u201c{word}\u201d" for word in result.unknown)
    missing = f"No paper has the word{'s' if len(result.unknown) > 1 else ''} {named}"
    offer = corrected_query(query, result.nearest) if result.nearest else ""
    offered = f" Did you mean {offer}?" if offer else ""
    if result.searched:
        context.say(f"{missing}; papers for \u201c{result.searched}\u201d:")
    elif result.unknown and result.hits:
        context.say(f"{missing}; papers with the other words:{offered}")
    elif result.unknown:
        context.say(f"{missing}.{offered}")
    elif not result.hits:
        context.say("No paper matches.")
    elif not result.all_words:
        context.say("No paper has all of these words; papers with the most of them first:")
    for rank, hit in enumerate(result.hits, 1):
        click.echo(f"{rank:>3}  {hit.score:8.3f}  {hit.slug}  {unicode_scripts(hit.title)}")
    if result.lifted:
        context.say(
            f"Among the first {TITLED_AMONG}, papers whose title names the query come first, "
            "above higher scores (as on the site)."
        )
