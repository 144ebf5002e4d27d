"""Run dbt in-process. Only `assay demo` drives dbt; everything else reads its artifacts."""

from __future__ import annotations

import os
from dataclasses import dataclass

from assay.errors import AssayError

_ERROR_STATUSES = {"error", "runtime error"}


class DbtError(AssayError):
    """dbt itself failed, as opposed to a test it ran."""

    exit_code = 1


@dataclass(frozen=True)
class DbtOutcome:
    errored_nodes: tuple[str, ...] = ()


def run_dbt(args: list[str]) -> DbtOutcome:
    """Run one dbt command. Raises DbtError if dbt could not run at all."""
    try:
        from dbt.cli.main import dbtRunner
    except ImportError:
        raise AssayError("dbt is not installed: pip install 'assay-dbt[dbt]'") from None
    # A demo should not report usage on the user's behalf; they can still opt in.
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    outcome = dbtRunner().invoke(args)
    if outcome.exception is not None:
        lines = str(outcome.exception).strip().splitlines() or [type(outcome.exception).__name__]
        raise DbtError(f"dbt {args[0]} failed: {lines[0]}")
    results = getattr(outcome.result, "results", None) or ()
    errored = tuple(
        result.node.unique_id for result in results if str(getattr(result.status, "value", result.status)) in _ERROR_STATUSES
    )
    return DbtOutcome(errored_nodes=errored)
