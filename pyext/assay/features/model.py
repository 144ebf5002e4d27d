"""ML roles of columns, read from dbt's manifest (column meta) and typed from the catalog.

A column takes part when its meta says `assay: {role: ...}` (put it under `config: meta:` in
dbt >= 1.10; the manifest carries it as the column's `meta`). `kind: numeric|categorical` next
to the role overrides what the column's type says (e.g. integer codes that are categories).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assay.artifacts.catalog import Catalog
from assay.artifacts.decode import decode_artifact
from assay.artifacts.manifest import Manifest, Node
from assay.artifacts.versions import CATALOG, MANIFEST
from assay.errors import ArtifactError, AssayError
from assay.features.roles import ROLES

CHECKED_ROLES = ("feature", "label", "prediction")  # the roles `coverage` holds to account
KINDS = ("numeric", "categorical", "temporal", "unknown")

_NUMERIC = re.compile(
    r"^(u?(tiny|small|big|huge)?int(eger)?\d*|int[248]|u?hugeint|long|short|byte|serial\d*|bigserial|smallserial"
    r"|float\d*|double( precision)?|real|decimal|numeric|number|dec|money)\b"
)
_CATEGORICAL = re.compile(r"^(varchar|nvarchar|char|nchar|character( varying)?|text|string|bool(ean)?|enum|uuid|bpchar|citext)\b")
_TEMPORAL = re.compile(r"^(date|datetime\d*|time|timestamp|timestamptz|interval)\b")


class FeatureError(AssayError):
    """Bad input to `assay features`: a bad role, an unknown check kind, a bad option."""


def classify(data_type: str | None) -> str:
    """numeric, categorical, temporal or unknown, from a warehouse or declared type name."""
    if not data_type:
        return "unknown"
    name = data_type.strip().lower().strip('"')
    if _NUMERIC.match(name):
        return "numeric"
    if _CATEGORICAL.match(name):
        return "categorical"
    if _TEMPORAL.match(name):
        return "temporal"
    return "unknown"


def parse_role(meta: dict[str, Any] | None, where: str) -> tuple[str | None, str | None]:
    """(role, forced kind) from a column's meta; (None, None) when it has no assay role."""
    assay = (meta or {}).get("assay")
    if assay is None:
        return None, None
    if not isinstance(assay, dict):
        raise FeatureError(f"{where}: meta 'assay' must be a mapping like {{role: feature}}, got {assay!r}")
    role = assay.get("role")
    kind = assay.get("kind")
    if role is None:
        if kind is not None:
            raise FeatureError(f"{where}: meta assay.kind is set but assay.role is missing")
        return None, None
    if not isinstance(role, str) or role.lower() not in ROLES:
        raise FeatureError(f"{where}: unknown assay role {role!r} (expected one of: {', '.join(ROLES)})")
    if kind is not None and (not isinstance(kind, str) or kind.lower() not in ("numeric", "categorical")):
        raise FeatureError(f"{where}: unknown assay kind {kind!r} (expected numeric or categorical)")
    return role.lower(), kind.lower() if kind else None


@dataclass(frozen=True)
class FeatureColumn:
    name: str
    role: str
    data_type: str | None
    kind: str  # one of KINDS
    not_null_enforced: bool = False  # a not_null constraint under an enforced contract


@dataclass(frozen=True)
class FeatureModel:
    unique_id: str
    name: str
    database: str | None
    schema: str | None
    alias: str | None
    relation_name: str | None
    patch_path: str | None  # project-relative path of the properties YAML describing it
    columns: tuple[FeatureColumn, ...]

    @property
    def relation(self) -> str:
        """database.schema.identifier, unquoted (what assay.capture_profile resolves)."""
        return ".".join(part for part in (self.database, self.schema, self.alias or self.name) if part)

    def with_role(self, *roles: str) -> list[FeatureColumn]:
        return [column for column in self.columns if column.role in roles]


@dataclass(frozen=True)
class Project:
    manifest: Manifest
    catalog: Catalog | None
    models: tuple[FeatureModel, ...]  # models with at least one role column, sorted by name

    def model(self, name: str) -> FeatureModel:
        for model in self.models:
            if model.name == name:
                return model
        raise FeatureError(f"no model named {name!r} with assay roles in the manifest")


def load_project(project_dir: Path, target_path: Path = Path("target")) -> Project:
    target = project_dir / target_path
    manifest_path = target / MANIFEST.file_name
    if not manifest_path.is_file():
        raise ArtifactError(manifest_path, "not found (run `dbt parse` or `dbt build` first)")
    manifest = decode_artifact(manifest_path, MANIFEST, Manifest)
    catalog_path = target / CATALOG.file_name
    catalog = decode_artifact(catalog_path, CATALOG, Catalog) if catalog_path.is_file() else None
    return Project(manifest, catalog, feature_models(manifest, catalog))


def feature_models(manifest: Manifest, catalog: Catalog | None) -> tuple[FeatureModel, ...]:
    project = manifest.metadata.project_name
    models = []
    for node in manifest.nodes.values():
        if node.resource_type != "model" or not node.config.enabled:
            continue
        if project and node.package_name and node.package_name != project:
            continue  # a package's own models are not the project's features
        model = _feature_model(node, catalog)
        if model.columns:
            models.append(model)
    return tuple(sorted(models, key=lambda model: (model.name, model.unique_id)))


def _feature_model(node: Node, catalog: Catalog | None) -> FeatureModel:
    warehouse: dict[str, str | None] = {}
    if catalog is not None and node.unique_id in catalog.nodes:
        warehouse = {name.lower(): column.type for name, column in catalog.nodes[node.unique_id].columns.items()}
    columns = []
    for name, column in node.columns.items():
        where = f"{_patch_file(node.patch_path) or node.original_file_path}: {node.name}.{name}"
        role, forced = parse_role(column.meta, where)
        if role is None:
            continue
        data_type = warehouse.get(name.lower()) or column.data_type
        enforced = node.contract.enforced and (
            any(c.type == "not_null" for c in column.constraints)
            or any(c.type == "not_null" and bare(name) in map(bare, c.columns or []) for c in node.constraints)
        )
        columns.append(FeatureColumn(name, role, data_type, forced or classify(data_type), enforced))
    return FeatureModel(
        unique_id=node.unique_id, name=node.name, database=node.database, schema=node.schema, alias=node.alias,
        relation_name=node.relation_name, patch_path=_patch_file(node.patch_path), columns=tuple(columns),
    )


def _patch_file(patch_path: str | None) -> str | None:
    # dbt writes "project_name://models/x.yml".
    return patch_path.split("://", 1)[-1] if patch_path else None


def bare(name: str) -> str:
    """A column or relation name compared without quotes and case."""
    return name.replace('"', "").replace("`", "").strip().lower()
