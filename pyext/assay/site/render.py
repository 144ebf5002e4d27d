"""Render the contract model as a static site.

    index.html, relations-<n>.html   every relation, a page of them at a time, and the search box
    status.html, status-<n>.html     test outcomes by owner and by relation
    features.html                    the models whose columns carry ML roles
    features/<id>.html               a model's feature-check report: checks, drift values, histograms
    changelog.html                   every contract change since a base version (`assay docs --base`)
    models/<id>.html                 one contract page per model, seed, snapshot and source
    exposures/<id>.html              one page per exposure
    search/                          the split search index (see search.py)

Every page carries only what it shows, so no page grows with the project: long lists are paged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import msgspec
from markupsafe import Markup

from assay.artifacts.features_report import FeaturesReport
from assay.contracts import DataTest, Exposure, Node, Project, Status
from assay.contracts.feature_checks import REPORTED_ROLES, ColumnChecks, Histogram, feature_checks
from assay.features import ROLES
from assay.lineage import ModelLineage
from assay.site.graphs import column_lineage_svg, model_lineage_svg
from assay.site.paths import change_anchor, column_anchor, feature_report_page, list_page, node_page, page_of
from assay.site import svg
from assay.site.search import Document, write_search_index
from assay.site.text import markdown

if TYPE_CHECKING:
    from assay.contracts.diff import ContractDiff, NodeDiff

_TYPE_ORDER = {"model": 0, "seed": 1, "snapshot": 2, "source": 3}
PAGE_ROWS = 400  # rows per list page: ~150 KB of HTML at most
MAX_LISTED = 300  # upstream/downstream ids listed in full on a node page
REPORT_COLUMNS = 40  # columns per feature-check report page, each with its checks and histograms

Progress = Callable[[int, int], None]


def render_site(
    project: Project,
    dest: Path,
    lineage: dict[str, ModelLineage] | None = None,
    progress: Progress | None = None,
    changes: ContractDiff | None = None,
    features_report: FeaturesReport | None = None,
) -> None:
    """Write the site into `dest`, an existing empty folder.

    With `changes` (the diff from a base version to `project`), the site gains changelog.html and
    each changed model's page a short list of its changes. `features_report` (assay_features.json)
    fills the feature-check reports with drift values and histograms.
    """
    lineage = lineage or {}
    env = _environment(project, changelog=changes is not None)
    _copy_assets(dest / "assets")
    nodes = sorted(project.nodes.values(), key=lambda node: (_TYPE_ORDER.get(node.resource_type, 9), node.label.lower()))

    _paged(env, dest, "index.html", "relations", nodes, title="All relations")
    _render_status(env, project, nodes, dest)
    _render_features(env, [node for node in nodes if node.has_roles], dest)
    _render_feature_reports(env, project, [node for node in nodes if _reported(node)], features_report, dest)
    if changes is not None:
        _render_changelog(env, changes, dest)

    (dest / "models").mkdir()
    (dest / "exposures").mkdir()
    node_template = env.get_template("node.html")
    total = len(nodes) + len(project.exposures)
    for done, node in enumerate(nodes, 1):
        node_changes = changes.for_node(node.unique_id) if changes is not None else None
        page = render_node_page(node_template, project, node, lineage.get(node.unique_id), changes=node_changes)
        _write(dest / node_page(node.unique_id), page)
        if progress:
            progress(done, total)
    exposure_template = env.get_template("exposure.html")
    for done, exposure in enumerate(project.exposures.values(), len(nodes) + 1):
        _write(dest / page_of(exposure.unique_id), exposure_template.render(project=project, node=exposure, root="../"))
        if progress:
            progress(done, total)
    write_search_index(_documents(project, nodes), dest / "search")


def render_node_page(
    template: jinja2.Template,
    project: Project,
    node: Node,
    lineage: ModelLineage | None = None,
    changes: NodeDiff | None = None,
) -> str:
    tests_on: dict[str | None, list[DataTest]] = defaultdict(list)
    for test in node.tests:
        tests_on[test.column_name].append(test)

    def href(unique_id: str) -> str | None:
        return "../" + page_of(unique_id) if project.node(unique_id) else None

    graph = model_lineage_svg(project, node.unique_id, node.upstream, node.downstream, href)
    columns_graph = column_lineage_svg(project, node, lineage, href) if lineage else None
    return template.render(
        project=project,
        node=node,
        tests_on=tests_on,
        lineage=lineage,
        graph=graph,
        columns_graph=columns_graph,
        max_listed=MAX_LISTED,
        changes=changes,
        root="../",
    )


def _paged(env: jinja2.Environment, dest: Path, first: str, name: str, nodes: Sequence[Node], title: str) -> None:
    template = env.get_template("index.html")
    pages = _pages(nodes)
    for number, rows in enumerate(pages, 1):
        file = first if number == 1 else list_page(name, number)
        pager = _pager(name, number, len(pages), first)
        _write(dest / file, template.render(project=env.globals["project"], nodes=rows, pager=pager, page=number, title=title, root=""))


def _render_status(env: jinja2.Environment, project: Project, nodes: Sequence[Node], dest: Path) -> None:
    by_owner: dict[str, dict[Status, int]] = defaultdict(lambda: dict.fromkeys(Status, 0))
    for node in nodes:
        for test in node.tests:
            by_owner[node.owner or ""][test.status] += 1
    owners = sorted(by_owner.items(), key=lambda item: (item[0] == "", item[0].lower()))
    # Worst first: a reader opens this page to find what is failing.
    tested = sorted(
        (node for node in nodes if node.tests),
        key=lambda node: tuple(-node.test_counts()[status] for status in (Status.ERROR, Status.FAIL, Status.WARN)) + (node.label.lower(),),
    )
    template = env.get_template("status.html")
    pages = _pages(tested)
    for number, rows in enumerate(pages, 1):
        pager = _pager("status", number, len(pages), "status.html")
        _write(
            dest / list_page("status", number),
            template.render(project=project, owners=owners if number == 1 else None, nodes=rows, pager=pager, root=""),
        )


def _render_features(env: jinja2.Environment, featured: Sequence[Node], dest: Path) -> None:
    # Paged by rows drawn, not by models: one model may declare hundreds of features.
    pages: list[list[Node]] = [[]]
    rows = 0
    for node in featured:
        size = sum(1 for column in node.columns if column.role)
        if pages[-1] and rows + size > PAGE_ROWS:
            pages.append([])
            rows = 0
        pages[-1].append(node)
        rows += size
    template = env.get_template("features.html")
    for number, page in enumerate(pages, 1):
        pager = _pager("features", number, len(pages), "features.html")
        _write(dest / list_page("features", number), template.render(nodes=page, roles=ROLES, pager=pager, root=""))


def _reported(node: Node) -> bool:
    return any(column.role in REPORTED_ROLES for column in node.columns)


def _render_feature_reports(
    env: jinja2.Environment, project: Project, nodes: Sequence[Node], report: FeaturesReport | None, dest: Path
) -> None:
    (dest / "features").mkdir()
    template = env.get_template("feature_report.html")
    for node in nodes:
        checks = feature_checks(project, node, report)
        pages = [checks.columns[start : start + REPORT_COLUMNS] for start in range(0, len(checks.columns), REPORT_COLUMNS)]
        for number, columns in enumerate(pages, 1):
            pager = _pager(node.unique_id, number, len(pages), "", url=lambda n: "../" + feature_report_page(node.unique_id, n))
            html = template.render(checks=checks, columns=columns, pager=pager, draw=_histogram_svg, root="../")
            _write(dest / feature_report_page(node.unique_id, number), html)


def _histogram_svg(column: ColumnChecks, histogram: Histogram) -> Markup:
    label = f"Histogram of {column.column.name}: reference ({histogram.reference}) against current shares"
    # Unseen categories are marked in words too, not by colour alone.
    rows = [(item.label + (" (new)" if item.unseen else ""), item.ref_share, item.cur_share, "unseen" if item.unseen else "")
            for item in histogram.bins]
    return svg.histogram(label, rows)


def _render_changelog(env: jinja2.Environment, changes: ContractDiff, dest: Path) -> None:
    from assay.contracts.diff import Severity

    groups = []
    for severity in Severity:
        rows = [(node, change) for node, change in changes.changes() if change.severity is severity]
        groups.append((severity, rows))
    template = env.get_template("changelog.html")
    _write(dest / "changelog.html", template.render(diff=changes, groups=groups, counts=changes.counts(), root=""))


def _pages(items: Sequence[Any]) -> list[Sequence[Any]]:
    return [items[start : start + PAGE_ROWS] for start in range(0, len(items), PAGE_ROWS)] or [[]]


def _pager(name: str, number: int, count: int, first: str, url: Callable[[int], str] | None = None) -> dict[str, Any] | None:
    if count == 1:
        return None

    def list_url(n: int) -> str:
        return first if n == 1 else list_page(name, n)

    url = url or list_url

    return {
        "number": number,
        "count": count,
        "previous": url(number - 1) if number > 1 else None,
        "next": url(number + 1) if number < count else None,
        "pages": [(n, url(n)) for n in range(1, count + 1)],
    }


def _documents(project: Project, nodes: Iterable[Node]) -> Iterable[Document]:
    for node in nodes:
        url = node_page(node.unique_id)
        extra = " ".join((*node.tags, node.owner or "", node.group or ""))
        yield Document(node.label, node.resource_type, url, f"{node.label} {node.name}", f"{node.description} {extra}")
        for column in node.columns:
            yield Document(
                f"{node.label}.{column.name}",
                "column",
                f"{url}#{column_anchor(column.name)}",
                column.name,
                f"{column.description} {column.role or ''} {' '.join(column.tags)}",
            )
    for exposure in project.exposures.values():
        yield Document(exposure.label, "exposure", page_of(exposure.unique_id), f"{exposure.label} {exposure.name}", exposure.description)


def _environment(project: Project, changelog: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("assay.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = lambda text: markdown(text or "")
    env.filters["as_json"] = lambda value: msgspec.json.encode(value).decode()
    env.filters["anchor"] = column_anchor
    env.filters["change_anchor"] = change_anchor
    env.filters["num"] = lambda value: "—" if value is None else f"{value:.4g}"

    def href(unique_id: str, root: str) -> str | None:
        return root + page_of(unique_id) if project.node(unique_id) else None

    env.globals["href"] = href
    env.globals["report_href"] = lambda unique_id, root: root + feature_report_page(unique_id)
    env.globals["reported"] = _reported
    env.globals["project"] = project
    env.globals["Status"] = Status
    env.globals["changelog"] = changelog
    return env


def _copy_assets(dest: Path) -> None:
    dest.mkdir()
    for asset in resources.files("assay.site").joinpath("assets").iterdir():
        if asset.is_file():
            (dest / asset.name).write_bytes(asset.read_bytes())


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


__all__ = ["Exposure", "markdown", "render_node_page", "render_site"]
