"""mkdocs.yml values Material prints into every page stay text, and links stay links."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from cli_run import papersite
from sitebuild import project_with_mkdocs_lines
from sitehtml import palette_switch

from generator.mkdocs.page_settings import as_text, link_problem, make_safe, settings_problem


def test_text_settings_become_text_but_keep_character_references() -> None:
    assert as_text('"><script>alert(1)</script>') == (
        "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert as_text("&copy; 2024 Lab & friends, &#169; &#xA9;") == (
        "&copy; 2024 Lab &amp; friends, &#169; &#xA9;"
    )
    assert as_text("it's") == "it&#39;s"


@pytest.mark.parametrize(
    "url", ["https://github.com/lab/papers", "mailto:lab@example.org", "about/", "../x/", "/p"]
)
def test_web_mail_and_site_links_are_fine(url: str) -> None:
    assert link_problem("repo_url", url) == ""


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("javascript:alert(1)", "http(s) or mailto"),
        ("JavaScript:alert(1)", "http(s) or mailto"),
        ("data:text/html,<b>", "cannot hold"),
        ("vbscript:x", "http(s) or mailto"),
        ('https://x.org/"onmouseover="alert(5)', "cannot hold"),
        ("https://x.org/ x", "cannot hold"),
        ("https://x.org/\nx", "cannot hold"),
    ],
)
def test_scripts_and_attribute_breaks_are_refused(url: str, why: str) -> None:
    assert why in link_problem("repo_url", url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript&#58;alert(1)",
        "&#x6A;avascript:alert(2)",
        "java&#9;script:alert(3)",
        "&#32;javascript:alert(4)",
        "https://x.org/&#34; onmouseover=&#34;alert(5)",
    ],
)
def test_a_link_is_judged_as_the_browser_decodes_it(url: str) -> None:
    """A character reference in an href is decoded by the browser: the scheme test saw
    no ':' in `javascript&#58;alert(1)`, and a click on the header's logo ran it."""
    assert link_problem("extra.homepage", url) != ""


def test_a_reference_a_browser_leaves_alone_in_an_attribute_is_no_problem() -> None:
    """`&lt` with no ";" before "=" is no "<" in an href: the link was refused for it."""
    assert link_problem("extra.homepage", "https://x.org/?a=1&lt=2&copy=3") == ""


@pytest.mark.parametrize(
    ("template", "code"),
    [
        ("blob/main/docs/{path}", 0),
        ("edit/main/{path_noext}.md?plain=1", 0),
        ('x/{path}" autofocus onfocus="alert(12)', 2),
        ("javascript:alert(11)//{path}", 2),
    ],
)
def test_check_reads_the_edit_link_template_as_mkdocs_loads_it(
    tmp_path: Path, template: str, code: int
) -> None:
    """MkDocs loads edit_uri_template as its own Template (no str): every template was
    refused as "no address"."""
    quoted = "'" + template.replace("'", "''") + "'"
    extra = f"repo_url: https://github.com/lab/papers\nedit_uri_template: {quoted}\n"
    root = project_with_mkdocs_lines(tmp_path / "p", extra)
    result = papersite(root, "check")
    assert result.exit_code == code, result.output
    if code:
        assert f"edit_uri_template {template!r}" in result.output, result.output


def test_a_control_character_written_as_a_reference_is_shown_as_written() -> None:
    """`&#x202E;` in the footer reversed it, as the raw character (refused) would."""
    assert as_text("Copy &#x202E;gnp.exe &#8238;x &copy;") == (
        "Copy &amp;#x202E;gnp.exe &amp;#8238;x &copy;"
    )


def test_keys_and_values_that_print_their_raw_text_are_escaped() -> None:
    """A mapping (keys printed raw), bytes (`!!binary`), a set or pairs where Material
    prints text ran a script on every page: `palette: {primary: {'"><script>...': 1}}`
    went into the body tag."""
    hostile = '"><script>alert(7)</script>'
    config = {
        "theme": {"palette": {"primary": {hostile: 1}}},
        "extra": {
            "consent": {
                "title": {"<img src=x onerror=alert(15)>": 1},
                "description": b"<img src=x onerror=alert(16)>",
                "actions": {("<b>", 1), ("<i>", 2)},
            },
            "when": [("<u>", 1)],
            "count": 3,
            "on": True,
        },
    }
    make_safe(config)
    printed = str(config)
    for marker in ("<script>", "<img", "<b>", "<i>", "<u>", '">'):
        assert marker not in printed, marker
    assert config["extra"]["count"] == 3 and config["extra"]["on"] is True
    assert str(config["extra"]["consent"]["description"]).startswith("b&#39;&lt;img")


def test_the_edit_link_template_and_extra_links_of_any_type_are_checked(tmp_path: Path) -> None:
    """edit_uri_template went into every page's edit button unchecked; a mapping as
    extra.homepage printed its keys into an href."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n")
    for template, why in (
        ('x/{path}" autofocus onfocus="alert(12)', "cannot hold"),
        ("javascript:alert(11)//{path}", "http(s) or mailto"),
    ):
        found = settings_problem({"edit_uri_template": template}, config_file)
        assert "edit_uri_template" in found and why in found, found
    for fine in ("edit/main/docs/{path}", "blob/main/{path_noext}.md?plain=1", "e/{path!q}"):
        assert settings_problem({"edit_uri_template": fine}, config_file) == "", fine
    homepage = {"extra": {"homepage": {"<script>": 1}}}
    assert "extra.homepage must be an address" in settings_problem(homepage, config_file)
    social = {"extra": {"social": [{"link": ["x"]}]}}
    assert "extra.social[0].link must be an address" in settings_problem(social, config_file)


def test_every_link_setting_is_checked_at_its_line(tmp_path: Path) -> None:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nextra:\n  social:\n    - link: javascript:alert(7)\n")
    social = {"extra": {"social": [{"link": "javascript:alert(7)"}]}}
    assert settings_problem(social, config_file).startswith(
        f"{config_file}:4: extra.social[0].link 'javascript:alert(7)'"
    )
    nav = {"nav": [{"Home": "index.md"}, {"Lab": [{"Evil": "javascript:alert(1)"}]}]}
    assert "nav 'Lab' entry 'Evil'" in settings_problem(nav, config_file)
    assert "edit_uri" in settings_problem({"edit_uri": "javascript:x"}, config_file)
    fine = {"repo_url": "https://github.com/lab/p", "nav": [{"Home": "index.md"}, "map.md"]}
    assert settings_problem(fine, config_file) == ""


def test_text_settings_and_navigation_titles_are_escaped_in_place() -> None:
    config = {
        "site_author": "<b>A</b>",
        "copyright": "&copy; <i>Lab</i>",
        "site_description": 'x"y',
        "repo_name": "lab/papers",
        "nav": [{"<b>Home</b>": "index.md"}, {"Lab": [{"A & B": "a.md"}]}, "map.md"],
    }
    make_safe(config)
    assert config["site_author"] == "&lt;b&gt;A&lt;/b&gt;"
    assert config["copyright"] == "&copy; &lt;i&gt;Lab&lt;/i&gt;"
    assert config["site_description"] == "x&#34;y"
    assert config["repo_name"] == "lab/papers"
    assert config["nav"] == [
        {"&lt;b&gt;Home&lt;/b&gt;": "index.md"},
        {"Lab": [{"A &amp; B": "a.md"}]},
        "map.md",
    ]


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_refuse_a_script_link(tmp_path: Path, command: str) -> None:
    extra = "extra:\n  social:\n    - icon: fontawesome/brands/github\n      link: javascript:x\n"
    root = project_with_mkdocs_lines(tmp_path / "p", extra)
    result = papersite(root, command)
    assert result.exit_code == 2, result.output
    line = len((root / "mkdocs.yml").read_text(encoding="utf-8").splitlines())
    assert f"{root / 'mkdocs.yml'}:{line}: extra.social[0].link" in result.output
    assert not (root / "site").exists()


@pytest.mark.slow
def test_a_built_site_shows_text_settings_as_text(tmp_path: Path) -> None:
    extra = (
        'site_author: "\\"><script>alert(6)</script>"\ncopyright: "<img src=x onerror=alert(4)>"\n'
    )
    root = project_with_mkdocs_lines(tmp_path / "p", extra)
    result = papersite(root, "-q", "build")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(6)" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(4)&gt;" in page


def test_theme_and_extra_links_are_checked_too(tmp_path: Path) -> None:
    """theme.favicon, theme.logo, extra.homepage, extra.alternate and extra_css were
    printed into every page unchecked."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n")
    cases = {
        "theme.favicon": {"theme": {"favicon": "javascript:alert(1)"}},
        "theme.logo": {"theme": {"logo": 'x" onerror="alert(2)'}},
        "extra.homepage": {"extra": {"homepage": "javascript:alert(3)"}},
        "extra.alternate[0].link": {"extra": {"alternate": [{"link": "javascript:x"}]}},
        "extra_css[0]": {"extra_css": ['"><script>alert(4)</script>']},
    }
    for name, config in cases.items():
        assert f" {name} " in settings_problem(config, config_file), name
    fine = {"theme": {"favicon": "assets/images/favicon.svg"}, "extra_css": ["css/x.css"]}
    assert settings_problem(fine, config_file) == ""


def test_an_extra_css_or_script_that_is_no_path_is_refused(tmp_path: Path) -> None:
    """`extra_css: [5]` passed `papersite check`, then the build ended in MkDocs'
    TypeError; a script given as an object with a path stays fine."""
    config_file = tmp_path / "mkdocs.yml"
    assert settings_problem({"extra_css": [5]}, config_file) == (
        f"{config_file}: extra_css[0] must be a path, not 5"
    )
    script = SimpleNamespace(path="js/x.js")
    assert settings_problem({"extra_javascript": ["a.js", script]}, config_file) == ""
    assert "extra_javascript[1] must be a path" in settings_problem(
        {"extra_javascript": ["a.js", {"defer": True}]}, config_file
    )


def test_a_nav_page_out_of_the_docs_folder_is_refused_by_check(tmp_path: Path) -> None:
    """`- Out: ../../etc/passwd` (or an extra template there) passed `papersite check`;
    the build then failed on MkDocs' strict warning. Addresses, site paths and pages in
    subfolders stay fine."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("nav:\n  - Home: index.md\n  - Out: ../../etc/passwd\n")
    nav = [{"Home": "index.md"}, {"More": [{"Out": "topics/../../etc/passwd"}]}]
    assert settings_problem({"nav": nav}, config_file) == (
        f"{config_file}: nav 'More' entry 'Out' 'topics/../../etc/passwd' leads out of the "
        "docs folder"
    )
    assert settings_problem({"nav": [{"Out": "../../etc/passwd"}]}, config_file).startswith(
        f"{config_file}:3: nav entry 'Out'"
    )
    fine = [
        "index.md",
        {"A": "topics/../map.md"},
        {"B": "https://example.org/../x"},
        {"C": "/papers/"},
        {"D": "./finder.md"},
    ]
    assert settings_problem({"nav": fine}, config_file) == ""
    templates = {"extra_templates": ["robots.txt", "../secret.html"]}
    assert settings_problem(templates, config_file) == (
        f"{config_file}: extra_templates[1] '../secret.html' leads out of the docs folder"
    )


def test_theme_texts_and_every_text_under_extra_are_escaped_but_links_and_names() -> None:
    script = "<script>alert(1)</script>"
    config = {
        "theme": {
            "palette": [{"media": f'"{script}', "toggle": {"name": script, "icon": "a/b"}}],
            "font": {"text": f"Roboto</style>{script}"},
            "favicon": "assets/x.svg",
        },
        "extra": {
            "consent": {"title": script, "description": "<img src=x onerror=alert(2)>"},
            "alternate": [{"name": script, "lang": 'en"', "link": "/en/"}],
            "analytics": {"provider": "google", "property": 'G-1");alert("x'},
            "homepage": "https://lab.example.org/?a=1&b=2",
            "generator": False,
        },
    }
    make_safe(config)
    text = repr(config)
    assert "<script>" not in text and "<img" not in text and '");' not in text
    assert config["theme"]["palette"][0]["toggle"]["icon"] == "a/b"
    assert config["extra"]["alternate"][0]["link"] == "/en/"
    assert config["extra"]["analytics"]["provider"] == "google"
    assert config["extra"]["homepage"] == "https://lab.example.org/?a=1&b=2"
    assert config["extra"]["generator"] is False
    assert config["extra"]["analytics"]["property"] == "G-1&#34;);alert(&#34;x"


def _project_with_theme_lines(root: Path, lines: str, extra: str = "") -> Path:
    """A project whose mkdocs.yml theme section has `lines` added (indented two spaces);
    lines that set a key the theme section has take its place (its value stays, under
    the key renamed: YAML's last duplicate key would win)."""
    project = project_with_mkdocs_lines(root, extra)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    key = lines.split(":")[0].strip()
    if key and f"\n  {key}:" in text:
        text = text.replace(f"\n  {key}:", f"\n{lines}  {key}_as_written:", 1)
    else:
        text = text.replace("  font: false", "  font: false\n" + lines, 1)
    config_file.write_text(text)
    return project


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("theme", "extra", "said"),
    [
        ("  icon: abc\n", "", "theme icon"),
        ("  icon:\n    menu: 5\n", "", "the icon 5"),
        ("  icon:\n    menu: material/nosuchicon\n", "", "'material/nosuchicon' is not in"),
        ("  icon:\n    repo: material/../../x\n", "", "'material/../../x' is not an icon"),
        ("  palette: 5\n", "", "theme palette"),
        ("  palette:\n    - 1\n", "", "theme palette: 1 is no palette"),
        ("  palette:\n    - scheme: 5\n", "", "theme palette scheme: 5 is no name"),
        ("  palette:\n    primary: {'<b>': 1}\n", "", "theme palette primary: {'<b>': 1}"),
        ("  palette:\n    primary:\n  font:\n    text: [x]\n    code:\n", "", "theme font"),
        ("  features: 5\n", "", "theme features: 5 is no list"),
        ("  features: [1, 2]\n", "", "theme features: [1, 2] is no list"),
        ("  font: 5\n", "", "theme font: 5 is neither"),
        ("  font:\n    text: [a]\n", "", "theme font: {'text': ['a']} is neither"),
        ("  favicon: 5\n", "", "theme favicon: 5 is no file name"),
        ("  logo: [a]\n", "", "theme logo: ['a'] is no file name"),
        ("", "extra:\n  analytics:\n    provider: nosuch\n", "analytics provider 'nosuch'"),
        ("", "extra:\n  social: abc\n", "extra social"),
        ("", "extra:\n  alternate: 5\n", "extra alternate"),
    ],
)
def test_check_and_build_name_theme_settings_the_theme_cannot_draw(
    tmp_path: Path, command: str, theme: str, extra: str, said: str
) -> None:
    """check passed and build stopped with a traceback or a Material template's name."""
    root = _project_with_theme_lines(tmp_path / "p", theme, extra)
    result = papersite(root, command)
    assert result.exit_code == 2, result.output
    assert f"{root / 'mkdocs.yml'}: " in result.output and said in result.output
    assert "Traceback" not in result.output
    assert not (root / "site").exists()


@pytest.mark.slow
def test_a_built_site_shows_theme_and_extra_texts_as_text(tmp_path: Path) -> None:
    extra = (
        "extra:\n  consent:\n    title: \"<script>alert('CONSENT')</script>\"\n"
        "    description: \"<img src=x onerror=alert('C2')>\"\n"
        "  analytics:\n    provider: google\n"
        '    property: \'G-1");alert("AN");</script><script>alert("AN3")</script>\'\n'
    )
    root = project_with_mkdocs_lines(tmp_path / "p", extra)
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    hostile = 'name: "\\"><script>alert(\'TOGGLE\')</script>"'
    config_file.write_text(text.replace("name: Switch to dark mode", hostile, 1))
    result = papersite(root, "-q", "build")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    switch = palette_switch(root / "site")  # the palette script's HTML, and its code
    script = (root / "site" / "assets" / "javascripts" / "palette.js").read_text("utf-8")
    for marker in ("<script>alert(", "<img src=x", '");alert('):
        assert marker not in page, marker
        assert marker not in switch and marker not in script, marker
    assert "&lt;script&gt;alert(&#39;TOGGLE&#39;)" in switch


@pytest.mark.slow
def test_a_built_site_shows_keys_and_binary_values_as_text(tmp_path: Path) -> None:
    """Texts given as a mapping or as `!!binary` went into every page raw: a script ran
    on load from the cookie consent's heading (and from the body's colour attribute: a
    palette's colour that is no name is refused, theme_checks)."""
    extra = (
        "extra:\n  consent:\n    title: {\"<img src=x onerror=alert('K1')>\": 1}\n"
        "    description: !!binary PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDE2KT4=\n"
    )
    root = project_with_mkdocs_lines(tmp_path / "p", extra)
    result = papersite(root, "-q", "build")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    for marker in ("<script>alert(", "<img src=x"):
        assert marker not in page, marker
    assert "&lt;img src=x onerror=alert(16)&gt;" in page  # the decoded bytes, as text


def test_values_material_writes_as_json_or_links_are_not_escaped_but_checked(
    tmp_path: Path,
) -> None:
    """`extra.annotate` goes into a JSON script (entities stayed in it: "div &gt; .s2"),
    `extra.polyfills` through MkDocs' script_tag, which escapes (a URL with "&" became
    "&amp;amp;"): they stay as written; polyfills and scope are links, checked as such."""
    config = {
        "extra": {
            "annotate": {"json": ["div > .s2"]},
            "polyfills": ["https://cdn.example/p.js?a=1&b=2"],
            "scope": "/",
        }
    }
    make_safe(config)
    assert config["extra"]["annotate"] == {"json": ["div > .s2"]}
    assert config["extra"]["polyfills"] == ["https://cdn.example/p.js?a=1&b=2"]
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n")
    for key, value in (("polyfills", ["javascript:alert(1)"]), ("scope", '"/><script>')):
        assert f"extra.{key}" in settings_problem({"extra": {key: value}}, config_file)


def test_an_empty_theme_icon_is_materials_default(tmp_path: Path) -> None:
    """Material draws its own icon for `repo:` left empty; check refused it."""
    root = _project_with_theme_lines(tmp_path / "p", "  icon:\n    repo:\n")
    result = papersite(root, "check")
    assert result.exit_code == 0, result.output
