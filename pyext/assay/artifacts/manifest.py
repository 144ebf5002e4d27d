"""manifest.json v10–v12 (dbt 1.6–1.11): the fields assay reads.

Models, seeds, snapshots, tests and unit tests share one struct: they differ only in which
optional fields are present, and a tagged union would add nothing but a failure mode when dbt
introduces a new resource type.
"""

from __future__ import annotations

from typing import Any

import msgspec

from assay.artifacts.struct import Artifact, ArtifactStruct, Metadata

# dbt allows versions like 2, "2" and 1.5.
Version = str | int | float


class ManifestMetadata(Metadata):
    project_name: str | None = None
    adapter_type: str | None = None


class Constraint(ArtifactStruct):
    type: str
    name: str | None = None
    expression: str | None = None
    columns: list[str] | None = None  # model-level constraints only
    to: str | None = None
    to_columns: list[str] | None = None


class ColumnConfig(ArtifactStruct):
    meta: dict[str, Any] = {}
    tags: list[str] = []


class Column(ArtifactStruct):
    name: str
    description: str | None = None
    data_type: str | None = None
    constraints: list[Constraint] = []
    meta: dict[str, Any] = {}
    tags: list[str] = []
    # dbt >= 1.10 keeps column meta and tags under `config:` too (and older files may have only one side).
    config: ColumnConfig = msgspec.field(default_factory=ColumnConfig)


class DependsOn(ArtifactStruct):
    nodes: list[str] = []


class Contract(ArtifactStruct):
    enforced: bool = False


class NodeConfig(ArtifactStruct):
    enabled: bool = True
    materialized: str | None = None
    severity: str | None = None
    meta: dict[str, Any] = {}


class TestMetadata(ArtifactStruct):
    name: str
    namespace: str | None = None
    kwargs: dict[str, Any] = {}


class Node(ArtifactStruct):
    unique_id: str
    name: str
    resource_type: str
    package_name: str = ""
    original_file_path: str | None = None
    patch_path: str | None = None  # the properties YAML describing the node ("pkg://models/x.yml")
    database: str | None = None
    schema: str | None = None
    alias: str | None = None
    relation_name: str | None = None
    description: str | None = None
    columns: dict[str, Column] = {}
    config: NodeConfig = msgspec.field(default_factory=NodeConfig)
    tags: list[str] = []
    meta: dict[str, Any] = {}
    group: str | None = None
    access: str | None = None
    version: Version | None = None
    latest_version: Version | None = None
    contract: Contract = msgspec.field(default_factory=Contract)
    constraints: list[Constraint] = []
    depends_on: DependsOn = msgspec.field(default_factory=DependsOn)
    language: str | None = None
    # Present once dbt compiled the node (compile, run, build, docs generate); absent after `dbt parse`.
    compiled_code: str | None = None
    # Tests only: what is tested and how.
    test_metadata: TestMetadata | None = None
    column_name: str | None = None
    attached_node: str | None = None


class Period(ArtifactStruct):
    count: int | None = None
    period: str | None = None


class FreshnessRule(ArtifactStruct):
    warn_after: Period | None = None
    error_after: Period | None = None
    filter: str | None = None


class Source(ArtifactStruct):
    unique_id: str
    name: str
    source_name: str
    resource_type: str = "source"
    package_name: str = ""
    original_file_path: str | None = None
    database: str | None = None
    schema: str | None = None
    identifier: str | None = None
    relation_name: str | None = None
    description: str | None = None
    source_description: str | None = None
    columns: dict[str, Column] = {}
    tags: list[str] = []
    meta: dict[str, Any] = {}
    loaded_at_field: str | None = None
    freshness: FreshnessRule | None = None


class Owner(ArtifactStruct):
    name: str | None = None
    email: str | list[str] | None = None


class Group(ArtifactStruct):
    name: str
    owner: Owner = msgspec.field(default_factory=Owner)


class Exposure(ArtifactStruct):
    unique_id: str
    name: str
    package_name: str = ""
    original_file_path: str | None = None
    label: str | None = None
    type: str | None = None
    maturity: str | None = None
    description: str | None = None
    url: str | None = None
    tags: list[str] = []
    meta: dict[str, Any] = {}
    owner: Owner = msgspec.field(default_factory=Owner)
    depends_on: DependsOn = msgspec.field(default_factory=DependsOn)


class Manifest(Artifact):
    metadata: ManifestMetadata = msgspec.field(default_factory=ManifestMetadata)
    nodes: dict[str, Node] = {}
    sources: dict[str, Source] = {}
    exposures: dict[str, Exposure] = {}
    groups: dict[str, Group] = {}
    unit_tests: dict[str, Node] = {}  # v12 only
    child_map: dict[str, list[str]] | None = None
