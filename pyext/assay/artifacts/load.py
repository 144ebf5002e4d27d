"""Load the artifacts of one dbt target folder. Only the manifest is required."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from assay.artifacts.catalog import Catalog
from assay.artifacts.decode import decode_artifact
from assay.artifacts.manifest import FreshnessRule, Manifest
from assay.artifacts.run_results import RunResults
from assay.artifacts.sources import Sources
from assay.artifacts.struct import Artifact
from assay.artifacts.versions import CATALOG, MANIFEST, RUN_RESULTS, SOURCES, ArtifactKind
from assay.errors import ArtifactError

log = logging.getLogger(__name__)

T = TypeVar("T", bound=Artifact)

# Commands whose run_results.json records test outcomes; any other leaves every test "not run".
_TEST_COMMANDS = {"build", "test", "retry"}
# run_results.json records only the last word of nested commands.
_FULL_COMMAND = {"generate": "docs generate", "freshness": "source freshness"}


@dataclass(frozen=True)
class Artifacts:
    manifest: Manifest
    catalog: Catalog | None = None
    run_results: RunResults | None = None
    sources: Sources | None = None


def load_artifacts(target: Path) -> Artifacts:
    manifest_path = target / MANIFEST.file_name
    if not manifest_path.is_file():
        raise ArtifactError(manifest_path, "not found (run `dbt parse` or `dbt build` first)")
    manifest = decode_artifact(manifest_path, MANIFEST, Manifest)

    catalog = _load_optional(target, CATALOG, Catalog, "warehouse types are unknown (run `dbt docs generate`)")
    if catalog and catalog.errors:
        for problem in catalog.errors:
            log.warning("%s: dbt reported: %s", target / CATALOG.file_name, problem)

    run_results = _load_optional(target, RUN_RESULTS, RunResults, 'tests are shown as "not run"')
    if run_results and run_results.command and run_results.command not in _TEST_COMMANDS:
        log.warning(
            '%s: written by `dbt %s`, which runs no tests; tests are shown as "not run"',
            target / RUN_RESULTS.file_name,
            _FULL_COMMAND.get(run_results.command, run_results.command),
        )

    # Most projects never run `dbt source freshness`: its absence is only worth a word when
    # some source declares a freshness rule.
    wants_freshness = any(_has_rule(source.freshness) for source in manifest.sources.values())
    sources = _load_optional(
        target, SOURCES, Sources, "source freshness is unknown (run `dbt source freshness`)", warn=wants_freshness
    )
    return Artifacts(manifest=manifest, catalog=catalog, run_results=run_results, sources=sources)


def _load_optional(target: Path, kind: ArtifactKind, type_: type[T], consequence: str, warn: bool = True) -> T | None:
    path = target / kind.file_name
    if not path.exists():
        if warn:
            log.warning("%s: not found; %s", path, consequence)
        return None
    return decode_artifact(path, kind, type_)


def _has_rule(rule: FreshnessRule | None) -> bool:
    return rule is not None and any(period is not None and period.count for period in (rule.warn_after, rule.error_after))
