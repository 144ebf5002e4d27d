"""The ML role a column plays, declared in its meta: `meta: {assay: {role: feature}}`.

Roles let assay tell apart the keys, the point-in-time column, the inputs, the target and the
model output of a feature table without a separate registry: the dbt YAML is the registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Display order, too: keys first, then time, inputs, the target, and what the model says.
ROLES = ("entity", "timestamp", "feature", "label", "prediction")


def role_of(meta: Mapping[str, Any]) -> str | None:
    """The column's role, or None. An unknown role is kept as written, lower-cased, rather
    than dropped, so a typo shows up on the site instead of silently vanishing."""
    settings = meta.get("assay")
    if not isinstance(settings, Mapping):
        return None
    role = settings.get("role")
    if not isinstance(role, str) or not role.strip():
        return None
    return role.strip().lower()
