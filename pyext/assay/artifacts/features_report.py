"""assay_features.json: the latest drift values and histograms of every drift test, written by
`assay features report` into dbt's target folder and read by `assay docs`.

Unlike dbt's artifacts this one is assay's own, so it is read strictly: a field of the wrong
type is an error naming the file and the field, and a schema version other than the one this
assay writes is refused instead of half-read.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from assay.artifacts.decode import describe_json_error, describe_validation_error, read_artifact_bytes
from assay.errors import ArtifactError

FILE_NAME = "assay_features.json"
SCHEMA = "assay-features-report"
SCHEMA_VERSION = 1


class _Struct(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    pass


class ReportMetadata(_Struct):
    schema: str
    schema_version: int
    generated_at: str  # UTC, ISO 8601
    assay_version: str
    dbt_version: str | None = None
    adapter_type: str | None = None
    project_name: str | None = None
    profile_name: str | None = None
    target_name: str | None = None
    invocation_id: str | None = None  # of the dbt invocation that computed the values
    manifest_generated_at: str | None = None  # the manifest the tests were read from


class DriftValue(_Struct):
    """One row of assay.drift_sql: what the test compares with its threshold."""

    statistic: str
    value: float | None = None  # None: undefined (see detail)
    threshold: float | None = None
    drifted: bool | None = None
    n_ref: int | None = None
    n_cur: int | None = None
    detail: str | None = None


class Bin(_Struct):
    """A histogram bar: a numeric bin (lo, hi] (None = unbounded) or a category."""

    bin_id: int | None = None
    lo: float | None = None
    hi: float | None = None
    category: str | None = None
    unseen: bool = False  # a category the reference never had
    folded: int = 0  # > 0: the sum of this many smaller categories
    ref_share: float | None = None
    cur_share: float | None = None  # None when the current data has no non-NULL value

    @property
    def label(self) -> str:
        if self.folded:
            return f"{self.folded} other categories"
        if self.category is not None:
            return self.category
        return f"({_edge(self.lo, '-∞')}, {_edge(self.hi, '∞')}]"


def _edge(value: float | None, unbounded: str) -> str:
    return unbounded if value is None else f"{value:.6g}"


class ColumnDrift(_Struct):
    column_name: str
    kind: str  # numeric | categorical
    statistics: list[DriftValue] = []
    bins: list[Bin] = []


class DriftTestReport(_Struct):
    unique_id: str
    name: str
    test_name: str  # expect_numeric_drift_to_be_below, ...
    model: str  # unique_id of the tested model
    reference: str  # as the test names it: ref('training_set'), profile 'train'
    computed_at: str  # UTC, ISO 8601
    severity: str | None = None
    error: str | None = None  # dbt could not compute it; no columns then
    columns: list[ColumnDrift] = []


class FeaturesReport(_Struct):
    metadata: ReportMetadata
    tests: list[DriftTestReport] = []

    def for_model(self, unique_id: str) -> list[DriftTestReport]:
        return [test for test in self.tests if test.model == unique_id]


def encode(report: FeaturesReport) -> bytes:
    return msgspec.json.format(msgspec.json.encode(report), indent=1)


class _Header(_Struct):
    class _Meta(_Struct):
        schema: str = ""
        schema_version: int | None = None

    metadata: _Meta = msgspec.field(default_factory=_Meta)


def load_features_report(path: Path) -> FeaturesReport:
    """Read `path`; any problem (missing, truncated, wrong version, bad field) is an ArtifactError."""
    data = read_artifact_bytes(path)
    try:
        header = msgspec.json.decode(data, type=_Header)
    except msgspec.DecodeError as error:
        raise ArtifactError(path, describe_json_error(str(error), len(data))) from None
    except msgspec.ValidationError as error:
        raise ArtifactError(path, describe_validation_error(str(error), data, _Header)) from None
    if header.metadata.schema != SCHEMA:
        raise ArtifactError(
            path, f"metadata.schema is {header.metadata.schema!r}, not {SCHEMA!r}: not written by `assay features report`"
        )
    if header.metadata.schema_version != SCHEMA_VERSION:
        raise ArtifactError(
            path,
            f"unsupported metadata.schema_version {header.metadata.schema_version!r} (this assay reads {SCHEMA_VERSION};"
            " run `assay features report` again)",
        )
    try:
        return msgspec.json.decode(data, type=FeaturesReport)
    except msgspec.ValidationError as error:
        raise ArtifactError(path, describe_validation_error(str(error), data, FeaturesReport)) from None
