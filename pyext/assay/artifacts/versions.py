"""Which artifact schema versions assay reads, and how to tell which one a file has."""

from __future__ import annotations

import re
from dataclasses import dataclass

# metadata.dbt_schema_version looks like https://schemas.getdbt.com/dbt/manifest/v12.json
_SCHEMA_URL = re.compile(r"/dbt/(?P<schema>[a-z-]+)/v(?P<version>\d+)\.json$")


@dataclass(frozen=True)
class ArtifactKind:
    """One kind of artifact: its file name, its schema name in the version URL, the versions read."""

    file_name: str
    schema: str
    versions: tuple[int, ...]

    @property
    def supported(self) -> str:
        first, last = self.versions[0], self.versions[-1]
        return f"v{first}" if first == last else f"v{first}–v{last}"


MANIFEST = ArtifactKind("manifest.json", "manifest", (10, 11, 12))  # dbt 1.6 – 1.11
CATALOG = ArtifactKind("catalog.json", "catalog", (1,))
RUN_RESULTS = ArtifactKind("run_results.json", "run-results", (4, 5, 6))
SOURCES = ArtifactKind("sources.json", "sources", (3,))


def version_problem(kind: ArtifactKind, schema_url: str) -> str | None:
    """Why a file whose metadata says `schema_url` cannot be read as `kind`, or None if it can."""
    if not schema_url:
        return f"no metadata.dbt_schema_version: is this a dbt {kind.schema} file?"
    match = _SCHEMA_URL.search(schema_url)
    if not match:
        return f"unrecognized metadata.dbt_schema_version {schema_url!r}"
    if match["schema"] != kind.schema:
        return f"is a dbt {match['schema']} artifact, not a {kind.schema}"
    version = int(match["version"])
    if version not in kind.versions:
        return f"unsupported {kind.schema} version v{version} (assay reads {kind.supported})"
    return None
