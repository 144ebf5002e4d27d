"""The static contract site. Reads the contract model only, never an artifact."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assay.contracts import Project
from assay.lineage import ModelLineage, column_lineage
from assay.site.publish import publish_atomically
from assay.site.render import Progress, render_site

if TYPE_CHECKING:
    from assay.artifacts.features_report import FeaturesReport
    from assay.contracts.diff import ContractDiff


def publish_site(
    project: Project,
    out: Path,
    lineage: dict[str, ModelLineage] | None = None,
    progress: Progress | None = None,
    changes: ContractDiff | None = None,
    features_report: FeaturesReport | None = None,
) -> Path:
    """Render the site and swap it in at `out`; returns the path of its index page.

    Column lineage is traced here unless the caller already did. `changes`, the contract diff
    from a base version to `project`, adds the changelog page; `features_report` the drift values of
    the feature-check reports.
    """
    if lineage is None:
        lineage = column_lineage(project)
    publish_atomically(out, lambda staging: render_site(
        project, staging, lineage=lineage, progress=progress, changes=changes, features_report=features_report,
    ))
    return out / "index.html"


__all__ = ["publish_site", "render_site"]
