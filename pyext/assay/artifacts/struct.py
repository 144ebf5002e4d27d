"""The base every artifact struct derives from.

dbt adds fields to its artifacts in almost every release, so a strict schema would break on
each upgrade. Every struct here ignores fields it does not declare and declares only what assay
reads; msgspec then skips the rest of the document without building Python objects for it.
"""

from __future__ import annotations

import msgspec


class ArtifactStruct(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    pass


class Metadata(ArtifactStruct):
    dbt_schema_version: str = ""
    dbt_version: str | None = None
    generated_at: str | None = None
    invocation_id: str | None = None


class Artifact(ArtifactStruct):
    """A whole artifact file. Each starts with metadata naming its schema and version."""

    metadata: Metadata = msgspec.field(default_factory=Metadata)
