"""The feature-check report of a model: per feature, label and prediction column, its checks,
its latest drift values and the histograms behind them.

Joins the contract model (tests and their statuses from run_results) with the drift values of
assay_features.json (`assay features report`), when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assay.artifacts.features_report import Bin, DriftTestReport, DriftValue, FeaturesReport
from assay.contracts.model import Column, DataTest, Node, Project
from assay.features.coverage import checked_columns
from assay.features.model import bare

REPORTED_ROLES = ("feature", "label", "prediction")


@dataclass(frozen=True)
class DriftResult:
    value: DriftValue
    test: DriftTestReport
    status: DataTest | None  # the test in the contract model, for its latest status


@dataclass(frozen=True)
class Histogram:
    kind: str
    reference: str
    bins: tuple[Bin, ...]
    tests: list[str] = field(default_factory=list)  # the drift tests computed on these bins


@dataclass(frozen=True)
class ColumnChecks:
    column: Column
    tests: list[DataTest]
    drift: list[DriftResult]
    histograms: list[Histogram]


@dataclass(frozen=True)
class ModelChecks:
    node: Node
    columns: list[ColumnChecks]
    report: FeaturesReport | None
    failed: list[DriftTestReport]  # drift tests `assay features report` could not compute


def feature_checks(project: Project, node: Node, report: FeaturesReport | None) -> ModelChecks:
    drift_tests = report.for_model(node.unique_id) if report is not None else []
    columns = []
    for column in node.columns:
        if column.role not in REPORTED_ROLES:
            continue
        name = bare(column.name)
        drift: list[DriftResult] = []
        histograms: list[Histogram] = []
        for test in drift_tests:
            for checked in test.columns:
                if bare(checked.column_name) != name:
                    continue
                drift += [DriftResult(value, test, project.tests.get(test.unique_id)) for value in checked.statistics]
                _add_histogram(histograms, Histogram(checked.kind, test.reference, tuple(checked.bins)), test.name)
        columns.append(ColumnChecks(column, [t for t in node.tests if _checks(t, name)], drift, histograms))
    return ModelChecks(node, columns, report, [test for test in drift_tests if test.error])


def _add_histogram(histograms: list[Histogram], new: Histogram, test: str) -> None:
    # Two tests on the same bins (same reference, same bin count) draw one histogram.
    if not new.bins:
        return
    for known in histograms:
        if (known.kind, known.reference, known.bins) == (new.kind, new.reference, new.bins):
            known.tests.append(test)
            return
    new.tests.append(test)
    histograms.append(new)


def _checks(test: DataTest, column: str) -> bool:
    # The rule `assay features coverage` counts a test by.
    return column in checked_columns(test.column_name, test.arguments)
