"""The static contract site. Reads the contract model only, never an artifact."""

from __future__ import annotations

from pathlib import Path

from assay.contracts import Project
from assay.site.publish import publish_atomically
from assay.site.render import render_site


def publish_site(project: Project, out: Path) -> Path:
    """Render the site and swap it in at `out`; returns the path of its index page."""
    publish_atomically(out, lambda staging: render_site(project, staging))
    return out / "index.html"


__all__ = ["publish_site", "render_site"]
