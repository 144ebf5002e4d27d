"""dbt's `where:` config hands a test a filtered subquery, `(select * from ... where ...)
dbt_subquery`, instead of the relation. The integration run repeats every test under a `where:`
that keeps every row (tests/integration/dbt_project.yml), so each case must report exactly what
it reports without one; type tests, which read the relation's catalog, refuse it instead."""

from __future__ import annotations

import pytest

from dbt_project_runner import SPARK_SKIPS_WHERE_REPEAT, collect_cases

CASES = collect_cases()
TYPE_TESTS = {"expect_column_values_to_be_of_type", "expect_column_values_to_be_in_type_list"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_under_where_config(engine_run, case):
    if engine_run.engine == "spark":
        pytest.skip(SPARK_SKIPS_WHERE_REPEAT)
    result = engine_run.where_results.get(case.name)
    assert result is not None, f"{case.name} did not run under where: on {engine_run.engine}"
    message = result.get("message") or ""
    status, failures = case.expected(engine_run.engine)
    if case.test.split(".")[-1] in TYPE_TESTS and status != "error":
        assert result["status"] == "error" and "a `where:` config does not apply" in message, message[:500]
        return
    assert result["status"] == status, f"{case.name} under where: on {engine_run.engine}: {result['status']} ({message[:500]})"
    if status == "error":
        assert case.meta["message"] in message, message
    else:
        assert result["failures"] == failures, f"{case.name} under where: on {engine_run.engine}: {result['failures']} failing rows"
