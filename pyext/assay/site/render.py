"""Render the contract model as static HTML: an index and one self-contained page per node."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import jinja2
import msgspec
from markdown_it import MarkdownIt
from markupsafe import Markup

from assay.contracts import DataTest, Node, Project
from assay.site.paths import node_page

# Raw HTML in descriptions is shown as text, never interpreted: the project is not trusted.
_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")

# Most descriptions are one plain sentence; markdown-it would spend most of a page's time on them.
_PLAIN_TEXT = re.compile(r"(?:[^\W_]|[ .,;:'\"()?/%$@])*")
_LIST_ITEM = re.compile(r"\d+[.)](\s|$)")

_TYPE_ORDER = {"model": 0, "seed": 1, "snapshot": 2, "source": 3}


def render_site(project: Project, dest: Path) -> None:
    """Write the site into `dest`, an existing empty folder."""
    env = _environment(project)
    _copy_assets(dest / "assets")
    nodes = sorted(project.nodes.values(), key=lambda node: (_TYPE_ORDER.get(node.resource_type, 9), node.label.lower()))
    _write(dest / "index.html", env.get_template("index.html").render(project=project, nodes=nodes, root=""))
    (dest / "models").mkdir()
    node_template = env.get_template("node.html")
    for node in nodes:
        _write(dest / node_page(node.unique_id), render_node_page(node_template, project, node))


def render_node_page(template: jinja2.Template, project: Project, node: Node) -> str:
    tests_on: dict[str | None, list[DataTest]] = defaultdict(list)
    for test in node.tests:
        tests_on[test.column_name].append(test)
    return template.render(project=project, node=node, tests_on=tests_on, root="../")


@functools.lru_cache(maxsize=8192)
def markdown(text: str) -> Markup:
    """A description as HTML. Cached: doc blocks repeat the same text across many columns."""
    text = text.strip()
    if not text:
        return Markup("")
    if _PLAIN_TEXT.fullmatch(text) and not _LIST_ITEM.match(text):
        return Markup("<p>{}</p>\n").format(text)
    return Markup(_markdown.render(text))


def _environment(project: Project) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("assay.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = lambda text: markdown(text or "")
    env.filters["as_json"] = lambda value: msgspec.json.encode(value).decode()

    def href(unique_id: str, root: str) -> str | None:
        return root + node_page(unique_id) if unique_id in project.nodes else None

    env.globals["href"] = href
    return env


def _copy_assets(dest: Path) -> None:
    dest.mkdir()
    for asset in resources.files("assay.site").joinpath("assets").iterdir():
        if asset.is_file():
            (dest / asset.name).write_bytes(asset.read_bytes())


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
