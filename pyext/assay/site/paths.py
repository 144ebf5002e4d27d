"""Where each page of the site lives."""

from __future__ import annotations

from assay.names import safe_name as _safe


def page_of(unique_id: str) -> str:
    """The page of any documented id: exposures have their own folder, everything else is a relation."""
    return exposure_page(unique_id) if unique_id.startswith("exposure.") else node_page(unique_id)


def exposure_page(unique_id: str) -> str:
    return "exposures/" + _safe(unique_id) + ".html"


def list_page(name: str, number: int) -> str:
    """Page `number` (from 1) of a long list: the first is `<name>.html`, the rest `<name>-<n>.html`."""
    return f"{name}.html" if number == 1 else f"{name}-{number}.html"


def column_anchor(name: str) -> str:
    return "col-" + _safe(name)


def node_page(unique_id: str) -> str:
    """`models/<unique_id>.html`, made safe for any file system and URL (see names.py)."""
    return f"models/{_safe(unique_id)}.html"


def feature_report_page(unique_id: str, number: int = 1) -> str:
    """Page `number` of a model's feature-check report: `features/<unique_id>.html`, then `-<n>`."""
    return "features/" + list_page(_safe(unique_id), number)


def change_anchor(unique_id: str) -> str:
    """The anchor of one node's changes on changelog.html."""
    return "changes-" + _safe(unique_id)
