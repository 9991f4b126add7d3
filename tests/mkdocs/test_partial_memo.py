"""The partial memo: rendered once per folder for pages outside the navigation only."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import DictLoader, Environment

from generator.mkdocs.partial_memo import MEMO_GLOBAL, PartialMemo

TEMPLATE = '{% call papersite_memo("nav") %}{{ render_count() }}{% endcall %}'


@dataclass
class FakeFile:
    src_uri: str


@dataclass
class FakePage:
    url: str
    file: FakeFile


@dataclass
class FakeLink:
    url: str


@dataclass
class FakeSection:
    children: list[object]


@dataclass
class FakeNav:
    pages: list[FakePage] = field(default_factory=list)
    links: list[object] = field(default_factory=list)

    @property
    def items(self) -> list[object]:
        return [*self.pages, *self.links]


def page(url: str, src_uri: str | None = None) -> FakePage:
    return FakePage(url, FakeFile(src_uri or (url.rstrip("/") or "index") + ".md"))


def renderer() -> tuple[Environment, list[str]]:
    """An environment whose memoised partial records each time it really renders."""
    env = Environment(loader=DictLoader({"page.html": TEMPLATE}))
    rendered: list[str] = []

    def render_count() -> str:
        rendered.append("x")
        return f"render {len(rendered)}"

    env.globals[MEMO_GLOBAL] = PartialMemo()
    env.globals["render_count"] = render_count
    return env, rendered


def render(env: Environment, current: FakePage, nav: FakeNav, base_url: str = "../..") -> str:
    return env.get_template("page.html").render(page=current, nav=nav, base_url=base_url)


def test_pages_outside_the_navigation_share_their_folders_render() -> None:
    env, rendered = renderer()
    nav = FakeNav([page(""), page("topics/")])
    first = render(env, page("papers/a/"), nav)
    assert render(env, page("papers/b/"), nav) == first == "render 1"
    assert render(env, page("topics/t/"), nav) == "render 2"  # another folder
    assert render(env, page("papers/c/"), nav, base_url="..") == "render 3"  # another base
    assert len(rendered) == 3


def test_navigation_pages_render_every_time() -> None:
    env, rendered = renderer()
    topics = page("topics/")
    nav = FakeNav([page(""), topics])
    render(env, topics, nav)
    render(env, topics, nav)
    assert len(rendered) == 2


def test_a_page_holding_navigation_pages_in_its_folder_is_not_memoised() -> None:
    env, rendered = renderer()
    nav = FakeNav([page(""), page("papers/a/guide/")])
    render(env, page("papers/a/"), nav)
    render(env, page("papers/a/"), nav)
    assert len(rendered) == 2


def test_another_navigation_starts_afresh() -> None:
    env, rendered = renderer()
    render(env, page("papers/a/"), FakeNav([page("")]))
    render(env, page("papers/a/"), FakeNav([page("")]))
    assert len(rendered) == 2


def test_pages_with_file_urls_are_not_memoised() -> None:
    env, rendered = renderer()
    nav = FakeNav([page("")])
    render(env, page("papers/a.html"), nav)
    render(env, page("papers/a.html"), nav)
    assert len(rendered) == 2


def test_a_page_holding_a_navigation_link_in_its_folder_is_not_memoised() -> None:
    """A relative link of the navigation (papers/a/data.csv) is `data.csv` from
    papers/a/ only."""
    env, rendered = renderer()
    nav = FakeNav([page("")], [FakeSection([FakeLink("papers/a/data.csv")])])
    render(env, page("papers/a/"), nav)
    render(env, page("papers/a/"), nav)
    render(env, page("papers/b/"), nav)
    render(env, page("papers/c/"), nav)
    assert len(rendered) == 3  # papers/a/ every time; b and c share one rendering
