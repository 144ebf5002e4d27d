"""Which checks each feature, label and prediction column has, and which the project requires.

A test covers a column when it is attached to it (`column_name`) or names it in one of its
column-list arguments (`column_list`, `columns`, `numeric_columns`, `categorical_columns`,
`label_column`). Required checks come from `vars: {assay_required_checks: {role: [kinds]}}` in
dbt_project.yml (top level or under the project's name); a kind is a name in CHECK_KINDS or a
test name (`assay.expect_column_mean_std_shift_to_be_within`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assay.artifacts.manifest import Manifest
from assay.features.model import CHECKED_ROLES, FeatureError, Project, bare
from assay.features.names import CHECK_KINDS

DEFAULT_REQUIRED: dict[str, tuple[str, ...]] = {
    "feature": ("null_rate_shift", "drift"),
    "label": ("label_distribution_shift",),
    "prediction": ("probabilities",),
}
_COLUMN_ARGS = ("column_name", "label_column")
_COLUMN_LIST_ARGS = ("column_list", "numeric_columns", "categorical_columns")


@dataclass(frozen=True)
class Gap:
    model: str
    column: str
    role: str
    missing: tuple[str, ...]


def required_checks(project_dir: Path) -> dict[str, tuple[str, ...]]:
    """The project's `assay_required_checks`, or DEFAULT_REQUIRED; validated."""
    path = project_dir / "dbt_project.yml"
    try:
        document = yaml.safe_load(path.read_text()) or {}
    except OSError as error:
        raise FeatureError(f"{path}: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise FeatureError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    variables = document.get("vars") or {}
    configured = variables.get("assay_required_checks")
    scoped = variables.get(document.get("name")) if isinstance(variables.get(document.get("name")), dict) else {}
    if configured is None:
        configured = scoped.get("assay_required_checks")
    if configured is None:
        return dict(DEFAULT_REQUIRED)
    where = f"{path}: vars.assay_required_checks"
    if not isinstance(configured, dict):
        raise FeatureError(f"{where} must map roles to lists of checks, got {configured!r}")
    required: dict[str, tuple[str, ...]] = {}
    for role, kinds in configured.items():
        if role not in CHECKED_ROLES:
            raise FeatureError(f"{where}: unknown role {role!r} (expected one of: {', '.join(CHECKED_ROLES)})")
        if isinstance(kinds, str) or not isinstance(kinds, list | None):
            raise FeatureError(f"{where}.{role} must be a list, got {kinds!r}")
        for kind in kinds or []:
            if not isinstance(kind, str) or (kind not in CHECK_KINDS and "." not in kind):
                raise FeatureError(
                    f"{where}.{role}: unknown check {kind!r} (expected one of: {', '.join(sorted(CHECK_KINDS))},"
                    " or a test name like assay.expect_column_mean_std_shift_to_be_within)"
                )
        required[role] = tuple(kinds or ())
    return required


def tests_by_column(manifest: Manifest) -> dict[tuple[str, str], set[tuple[str | None, str]]]:
    """(model unique_id, bare column) -> the (namespace, name) of every test covering it."""
    covered: dict[tuple[str, str], set[tuple[str | None, str]]] = defaultdict(set)
    for node in manifest.nodes.values():
        if node.resource_type != "test" or node.test_metadata is None or not node.config.enabled:
            continue
        model = node.attached_node or _only_model(node.depends_on.nodes)
        if model is None:
            continue
        test = (node.test_metadata.namespace, node.test_metadata.name)
        for column in checked_columns(node.column_name, node.test_metadata.kwargs):
            covered[(model, column)].add(test)
    return covered


def _only_model(nodes: list[str]) -> str | None:
    models = [node for node in nodes if node.startswith("model.")]
    return models[0] if len(models) == 1 else None


def checked_columns(column_name: str | None, kwargs: dict[str, Any]) -> set[str]:
    """The bare names of the columns a test checks (the rule of this module's docstring)."""
    names = [column_name] if column_name else []
    names += [kwargs[arg] for arg in _COLUMN_ARGS if isinstance(kwargs.get(arg), str)]
    for arg in _COLUMN_LIST_ARGS:
        value = kwargs.get(arg)
        if isinstance(value, list):
            names += [item for item in value if isinstance(item, str)]
        elif isinstance(value, str):
            names.append(value)
    return {bare(name) for name in names}


def satisfied(kind: str, tests: set[tuple[str | None, str]]) -> bool:
    if kind in CHECK_KINDS:
        return bool(CHECK_KINDS[kind] & tests)
    namespace, _, name = kind.rpartition(".")
    return (namespace or None, name) in tests


def coverage_gaps(project: Project, required: dict[str, tuple[str, ...]]) -> list[Gap]:
    covered = tests_by_column(project.manifest)
    gaps = []
    for model in project.models:
        for column in model.with_role(*CHECKED_ROLES):
            tests = covered.get((model.unique_id, bare(column.name)), set())
            missing = tuple(kind for kind in required.get(column.role, ()) if not satisfied(kind, tests))
            if missing:
                gaps.append(Gap(model.name, column.name, column.role, missing))
    return gaps
