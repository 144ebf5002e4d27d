"""Write one export file per relation into a folder, published atomically like the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from assay.contracts.markdown import markdown_contract
from assay.contracts.model import Node, Project
from assay.contracts.odcs import odcs_contract
from assay.names import safe_name

FORMATS: dict[str, tuple[str, Callable[[Project, Node], str]]] = {
    "markdown": (".md", markdown_contract),
    "odcs": (".odcs.yaml", lambda project, node: _yaml(odcs_contract(project, node))),
}


def write_exports(project: Project, fmt: str, dest: Path, resource_types: tuple[str, ...] = ()) -> list[Path]:
    """Write every relation (or those of `resource_types`) into the existing folder `dest`."""
    suffix, render = FORMATS[fmt]
    written = []
    for node in project.nodes.values():
        if resource_types and node.resource_type not in resource_types:
            continue
        path = dest / (safe_name(node.unique_id) + suffix)
        path.write_text(render(project, node), encoding="utf-8")
        written.append(path)
    return written


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> Any:
    # Multi-line text (descriptions, SQL) as block scalars: readable in review.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
