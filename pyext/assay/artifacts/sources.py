"""sources.json v3 (`dbt source freshness`): how fresh each source was when last checked."""

from __future__ import annotations

from assay.artifacts.struct import Artifact, ArtifactStruct


class FreshnessResult(ArtifactStruct):
    unique_id: str
    status: str
    max_loaded_at: str | None = None
    snapshotted_at: str | None = None
    max_loaded_at_time_ago_in_s: float | None = None
    error: str | None = None


class Sources(Artifact):
    results: list[FreshnessResult] = []
