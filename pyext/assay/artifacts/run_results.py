"""run_results.json v4–v6: the outcome of each node in the last dbt invocation."""

from __future__ import annotations

from typing import Any

from assay.artifacts.struct import Artifact, ArtifactStruct


class RunResult(ArtifactStruct):
    unique_id: str
    status: str
    message: str | None = None
    failures: int | None = None
    execution_time: float | None = None


class RunResults(Artifact):
    results: list[RunResult] = []
    elapsed_time: float | None = None
    args: dict[str, Any] = {}

    @property
    def command(self) -> str | None:
        """The dbt sub-command that wrote the file (`build`, `test`, `generate`…), if recorded."""
        which = self.args.get("which")
        return which if isinstance(which, str) else None
