"""Turn the contract model and the column lineage into the boxes and edges svg.py draws."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from assay.contracts import Node, Project
from assay.lineage import ModelLineage
from assay.site.svg import Box, column_graph, model_graph

Href = Callable[[str], "str | None"]


def box_of(project: Project, unique_id: str, href: Href) -> Box:
    kind = unique_id.split(".", 1)[0]
    return Box(project.label(unique_id), kind, href(unique_id), title=f"{kind} {project.label(unique_id)}")


def model_lineage_svg(project: Project, node_id: str, upstream: tuple[str, ...], downstream: tuple[str, ...], href: Href) -> Markup:
    center = box_of(project, node_id, lambda _: None)
    return model_graph(
        center,
        [box_of(project, uid, href) for uid in upstream],
        [box_of(project, uid, href) for uid in downstream],
    )


def column_lineage_svg(project: Project, node: Node, lineage: ModelLineage, href: Href) -> Markup | None:
    if not lineage.columns:
        return None
    used: dict[str, dict[str | None, None]] = {}
    for origins in lineage.columns.values():
        for origin in origins:
            used.setdefault(origin.unique_id, {})[origin.column] = None
    if not used:
        return None
    order = list(used)
    groups = [(box_of(project, uid, href), list(used[uid])) for uid in order]
    index = {uid: position for position, uid in enumerate(order)}
    documented = [column.name for column in node.columns]
    names = documented + [name for name in lineage.columns if name not in set(documented)]
    edges = [
        (index[origin.unique_id], origin.column, name)
        for name, origins in lineage.columns.items()
        for origin in origins
    ]
    return column_graph(groups, names, edges)
