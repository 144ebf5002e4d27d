"""`assay features report`: the latest drift values and histograms of every drift test.

For each assay drift test in the manifest, dbt runs `assay.drift_report_sql` (macros/ml/report.sql)
with the test's own arguments (test_metadata.kwargs), so the values are the very rows the test
compares with its thresholds, for every column and not only the failing ones. assay opens no
connection: dbt does, with the project's profiles.yml. The result is target/assay_features.json.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from assay import __version__
from assay.artifacts.features_report import (
    SCHEMA,
    SCHEMA_VERSION,
    Bin,
    ColumnDrift,
    DriftTestReport,
    DriftValue,
    FeaturesReport,
    ReportMetadata,
)
from assay.artifacts.manifest import Manifest, Node
from assay.dbt_runner import DbtError
from assay.features.dbt import DbtProject, show_rows
from assay.features.model import bare

log = logging.getLogger("assay")

# The tests built on assay.drift_sql. (prediction_shift and label_distribution_shift compute
# means and rates, not binned distributions: their values are in their failing rows.)
DRIFT_TESTS = (
    "expect_numeric_drift_to_be_below",
    "expect_categorical_drift_to_be_below",
    "expect_share_of_drifted_features_to_be_below",
)
TESTS_PER_QUERY = 20  # drift tests computed by one `dbt show`; a failure is retried test by test

# dbt renders a test argument that looks like one of these calls as Jinja (add_rendered_test_kwargs).
_LOOKS_LIKE_CALL = re.compile(r"^\s*(env_var|ref|var|source|doc)\s*\(.+\)\s*$", re.DOTALL)
_ONE_EXPRESSION = re.compile(r"^\s*\{\{(?P<expr>(?:(?!\}\}).)*)\}\}\s*$", re.DOTALL)


def drift_tests(manifest: Manifest, models: Iterable[str] = ()) -> list[Node]:
    """The enabled assay drift tests, of the named models only when `models` is given."""
    wanted = set(models)
    found = []
    for node in manifest.nodes.values():
        meta = node.test_metadata
        if node.resource_type != "test" or meta is None or not node.config.enabled:
            continue
        if meta.namespace != "assay" or meta.name not in DRIFT_TESTS or not node.attached_node:
            continue
        if wanted and node.attached_node.split(".")[-1] not in wanted:
            continue
        found.append(node)
    return sorted(found, key=lambda node: node.unique_id)


def build_report(dbt: DbtProject, manifest: Manifest, tests: list[Node]) -> FeaturesReport:
    target = _target(dbt)
    reports: list[DriftTestReport] = []
    for start in range(0, len(tests), TESTS_PER_QUERY):
        reports += _run_batch(dbt, tests[start : start + TESTS_PER_QUERY])
    return FeaturesReport(
        metadata=ReportMetadata(
            schema=SCHEMA, schema_version=SCHEMA_VERSION, generated_at=_now(), assay_version=__version__,
            dbt_version=target.get("dbt_version"), adapter_type=target.get("adapter_type"),
            project_name=manifest.metadata.project_name, profile_name=target.get("profile_name"),
            target_name=target.get("target_name"), invocation_id=target.get("invocation_id"),
            manifest_generated_at=manifest.metadata.generated_at,
        ),
        tests=reports,
    )


def _target(dbt: DbtProject) -> dict[str, Any]:
    rows = show_rows(dbt, (
        "select {{ assay.literal(target.name) }} as target_name, {{ assay.literal(target.profile_name) }} as profile_name,"
        " {{ assay.literal(target.type) }} as adapter_type, {{ assay.literal(invocation_id) }} as invocation_id,"
        " {{ assay.literal(dbt_version) }} as dbt_version"
    ))
    return rows[0] if rows else {}


def _run_batch(dbt: DbtProject, tests: list[Node]) -> list[DriftTestReport]:
    try:
        rows = show_rows(dbt, "\nunion all\n".join(_test_sql(index, test) for index, test in enumerate(tests)))
    except DbtError as error:
        if len(tests) == 1:
            log.warning("%s: %s", tests[0].name, error)
            return [_report(tests[0], [], _now(), error=str(error))]
        return [report for test in tests for report in _run_batch(dbt, [test])]
    computed_at = _now()
    by_test: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_test.setdefault(int(row["assay_test"]), []).append(row)
    return [_report(test, by_test.get(index, []), computed_at) for index, test in enumerate(tests)]


def _test_sql(index: int, test: Node) -> str:
    assert test.test_metadata is not None
    kwargs = dict(test.test_metadata.kwargs)
    captures: list[str] = []
    model = _jinja(kwargs.pop("model", None), captures, f"m{index}")
    args = "{" + ", ".join(f"{_jinja(key, [], '')}: {_jinja(value, captures, f'a{index}_{n}')}" for n, (key, value) in enumerate(kwargs.items())) + "}"
    severity = _jinja((test.config.severity or "error").lower(), [], "")
    call = f"assay.drift_report_sql({_jinja(test.test_metadata.name, [], '')}, {model}, {args}, {severity})"
    return "".join(captures) + f"select {index} as assay_test, assay_r.* from (\n{{{{ {call} }}}}\n) as assay_r"


def _jinja(value: Any, captures: list[str], name: str) -> str:
    """`value`, a rendered test argument, as a Jinja expression: what dbt would pass the test."""
    if isinstance(value, str):
        if _LOOKS_LIKE_CALL.match(value):
            return f"({value})"
        whole = _ONE_EXPRESSION.match(value)
        if whole:
            return f"({whole['expr']})"
        if "{{" in value or "{%" in value:
            # Text with Jinja inside: rendered by a set block, as dbt renders it for the test.
            captures.append(f"{{% set assay_arg_{name} %}}{value}{{% endset %}}")
            return f"assay_arg_{name}"
        return _string(value)
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_jinja(item, captures, f"{name}_{n}") for n, item in enumerate(value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(
            f"{_string(str(key))}: {_jinja(item, captures, f'{name}_{n}')}" for n, (key, item) in enumerate(value.items())
        ) + "}"
    return _string(str(value))


def _string(text: str) -> str:
    # A Jinja string literal: backslashes and quotes escaped, nothing else interpreted.
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _report(test: Node, rows: list[dict[str, Any]], computed_at: str, error: str | None = None) -> DriftTestReport:
    assert test.test_metadata is not None and test.attached_node is not None
    columns: dict[tuple[str, str], ColumnDrift] = {}
    for row in rows:
        column = columns.setdefault((row["column_name"], row["kind"]), ColumnDrift(column_name=row["column_name"], kind=row["kind"]))
        if row["record"] == "statistic":
            column.statistics.append(DriftValue(
                statistic=row["statistic"], value=_float(row["value"]), threshold=_float(row["threshold"]),
                drifted=row["drifted"], n_ref=_int(row["n_ref"]), n_cur=_int(row["n_cur"]), detail=row["detail"],
            ))
        else:
            column.bins.append(Bin(
                bin_id=_int(row["bin_id"]), lo=_float(row["lo"]), hi=_float(row["hi"]), category=row["category"],
                unseen=bool(row["unseen"]), folded=_int(row["folded"]) or 0,
                ref_share=_float(row["ref_share"]), cur_share=_float(row["cur_share"]),
            ))
    for column in columns.values():
        column.bins.sort(key=_bin_order)
    kwargs = test.test_metadata.kwargs
    listed = [kwargs.get("column_name"), *(name for key in ("column_list", "numeric_columns", "categorical_columns")
                                          for name in kwargs.get(key) or ())]
    order = {bare(str(name)): position for position, name in enumerate(listed) if name is not None}
    profile = kwargs.get("reference_profile")
    reference = f"profile '{profile}'" if profile is not None else _written(kwargs.get("reference"))
    return DriftTestReport(
        unique_id=test.unique_id, name=test.name, test_name=test.test_metadata.name, model=test.attached_node,
        reference=reference, computed_at=computed_at, severity=(test.config.severity or "error").lower(), error=error,
        columns=sorted(columns.values(), key=lambda column: order.get(bare(column.column_name), len(order))),
    )


def _bin_order(item: Bin) -> tuple:
    # Numeric bins in order; categories largest first, the unseen after them, the folded rest last.
    if item.category is None and not item.folded:
        return (0, item.bin_id or 0, 0.0, "")
    return (1, item.folded, -max(item.ref_share or 0.0, item.cur_share or 0.0), item.category or "")


def _written(reference: Any) -> str:
    if reference is None:
        return "?"
    text = str(reference)
    whole = _ONE_EXPRESSION.match(text)
    return whole["expr"].strip() if whole else text


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


__all__ = ["DRIFT_TESTS", "build_report", "drift_tests"]
