"""What `assay features` asks dbt to do, in-process. assay never connects to the warehouse itself:
dbt does, with the project's profiles.yml, so connection settings live in one place."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assay.dbt_runner import DbtError
from assay.errors import AssayError
from assay.features.model import FeatureError, FeatureModel


@dataclass(frozen=True)
class DbtProject:
    project_dir: Path
    profiles_dir: Path | None = None

    def common_args(self) -> list[str]:
        args = ["--project-dir", str(self.project_dir)]
        profiles_dir = self.profiles_dir
        # Like `assay demo`: a profiles.yml kept in the project is the one meant, unless the
        # user pointed dbt elsewhere.
        if profiles_dir is None and "DBT_PROFILES_DIR" not in os.environ and (self.project_dir / "profiles.yml").is_file():
            profiles_dir = self.project_dir
        if profiles_dir is not None:
            args += ["--profiles-dir", str(profiles_dir)]
        return args

    def invoke(self, command: list[str]) -> Any:
        try:
            from dbt.cli.main import dbtRunner
        except ImportError:
            raise AssayError("dbt is not installed: pip install 'assay-dbt[dbt]'") from None
        os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
        # dbt logs to stdout (and `show` prints its table): that would mix with what assay
        # prints, YAML included. Its log file keeps the details; errors come back in the result.
        outcome = dbtRunner().invoke(["--log-level", "none", *command, *self.common_args()])
        if outcome.exception is not None:
            lines = str(outcome.exception).strip().splitlines() or [type(outcome.exception).__name__]
            raise DbtError(f"dbt {command[0]} failed: {lines[0].strip()}")
        if not outcome.success:
            raise DbtError(f"dbt {command[0]} failed: {_first_message(outcome.result)}")
        return outcome.result


def _first_message(result: Any) -> str:
    for item in getattr(result, "results", None) or ():
        message = getattr(item, "message", None)
        if message:
            lines = [line.strip() for line in str(message).splitlines() if line.strip()]
            return " ".join(lines[:3])
    return "see dbt's log (logs/dbt.log)"


# The profile table as the package resolves it (argument, var assay_profiles_relation, default).
_PROFILE_TABLE = (
    "{%- set assay_r = assay.stored_profile_relation(none) -%}"
    "{%- if assay_r is string -%}{%- set assay_r = assay.relation_from_name(assay_r, must_exist=false) -%}{%- endif -%}"
)


def capture_profile(dbt: DbtProject, model: FeatureModel, label: str, columns: list[str], categorical: list[str]) -> None:
    args: dict[str, Any] = {"relation": model.relation, "label": label, "column_list": columns}
    if categorical:
        args["categorical_columns"] = categorical
    dbt.invoke(["run-operation", "assay.capture_profile", "--args", json.dumps(args)])


@dataclass(frozen=True)
class ProfiledColumn:
    label: str
    source_relation: str
    column: str
    kind: str  # numeric | categorical, as profiled
    min_value: float | None
    max_value: float | None
    distinct_count: int | None


def _sql_list(labels: list[str]) -> str:
    return ", ".join("'" + label.replace("'", "''") + "'" for label in labels)


def show_rows(dbt: DbtProject, sql: str) -> list[dict[str, Any]]:
    """The rows of a query run by `dbt show`, as dicts.

    --no-write-json: `dbt show` would otherwise replace run_results.json (and the manifest) of
    the last build with its own, and the site would lose every test's status."""
    result = dbt.invoke(["show", "--inline", sql, "--limit", "-1", "--no-write-json"])
    return [dict(zip(row.keys(), row.values())) for row in result.results[0].agate_table.rows]


def read_profiles(dbt: DbtProject, labels: list[str]) -> list[ProfiledColumn]:
    """The summary row of every column of the given profile labels (newest capture of each)."""
    quoted = _sql_list(labels)
    sql = (
        _PROFILE_TABLE
        + "select p.profile_label, p.source_relation, p.column_name, p.kind, p.min_value, p.max_value, p.distinct_count"
        " from {{ assay_r }} as p"
        f" where p.record_type = 'summary' and p.profile_label in ({quoted})"
        " and p.captured_at = (select max(l.captured_at) from {{ assay_r }} as l where l.profile_label = p.profile_label)"
    )
    try:
        rows = show_rows(dbt, sql)
    except DbtError as error:
        raise FeatureError(f"cannot read profiles {', '.join(labels)} from the profile table: {error}") from None
    profiled = [
        ProfiledColumn(
            label=row["profile_label"], source_relation=row["source_relation"] or "", column=row["column_name"],
            kind=row["kind"], min_value=_number(row["min_value"]), max_value=_number(row["max_value"]),
            distinct_count=None if row["distinct_count"] is None else int(row["distinct_count"]),
        )
        for row in rows
    ]
    missing = sorted(set(labels) - {column.label for column in profiled})
    if missing:
        raise FeatureError(
            f"no stored profile labelled {', '.join(repr(label) for label in missing)}"
            " (capture one with `assay features profile --label ...`)"
        )
    return profiled


def profile_summary(dbt: DbtProject, labels: list[str]) -> list[dict[str, Any]]:
    """(label, source, kind, columns) of what the profile table holds for `labels`."""
    quoted = _sql_list(labels)
    sql = (
        _PROFILE_TABLE
        + "select profile_label, source_relation, kind, count(distinct column_name) as n_columns,"
        " max(n) as n_rows, '{{ assay_r }}' as profile_table from {{ assay_r }}"
        f" where record_type = 'summary' and profile_label in ({quoted})"
        " group by profile_label, source_relation, kind order by profile_label, kind"
    )
    return show_rows(dbt, sql)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
