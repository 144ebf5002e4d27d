"""catalog.json v1 (`dbt docs generate`): what the warehouse says each relation holds."""

from __future__ import annotations

import msgspec

from assay.artifacts.struct import Artifact, ArtifactStruct


class CatalogColumn(ArtifactStruct):
    name: str
    type: str | None = None
    index: int | None = None
    comment: str | None = None


class TableMetadata(ArtifactStruct):
    type: str | None = None
    database: str | None = None
    schema: str | None = None
    name: str | None = None
    comment: str | None = None
    owner: str | None = None


class CatalogTable(ArtifactStruct):
    metadata: TableMetadata = msgspec.field(default_factory=TableMetadata)
    columns: dict[str, CatalogColumn] = {}


class Catalog(Artifact):
    nodes: dict[str, CatalogTable] = {}
    sources: dict[str, CatalogTable] = {}
    errors: list[str] | None = None
