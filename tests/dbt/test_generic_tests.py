"""Every generic-test case in tests/integration declares its outcome; this proves each one on
every engine from run_results.json: the status and the exact number of failing rows."""

from __future__ import annotations

import pytest

from dbt_project_runner import collect_cases

CASES = collect_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(engine_run, case):
    result = engine_run.results.get(case.name)
    assert result is not None, f"{case.name} did not run on {engine_run.engine}"
    status, failures = case.expected(engine_run.engine)
    message = result.get("message") or ""
    assert result["status"] == status, f"{case.name} on {engine_run.engine}: {result['status']} ({message[:500]})"
    if status == "error":
        assert case.meta["message"] in message, message
    else:
        assert result["failures"] == failures, f"{case.name} on {engine_run.engine}: {result['failures']} failing rows"


def test_every_test_node_is_a_declared_case(engine_run):
    declared = {c.name for c in CASES}
    ran = {name for name, r in engine_run.results.items() if r["unique_id"].startswith("test.")}
    assert ran == declared
