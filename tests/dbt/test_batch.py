"""The `checks` test runs many checks in one scan; each batched check must report exactly what
the same case reports as its own test (run_results' failure count, zero when it passes)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from dbt_project_runner import INTEGRATION_DIR, collect_cases

BATCHES = [c for c in collect_cases() if "batch_of" in c.meta]


def test_batches_are_generated_from_the_current_cases(tmp_path):
    generated = INTEGRATION_DIR / "models" / "batch" / "batch.yml"
    before = generated.read_text()
    subprocess.run([sys.executable, str(INTEGRATION_DIR / "generate_batches.py")], check=True, capture_output=True)
    assert generated.read_text() == before, "run tests/integration/generate_batches.py and commit its output"


@pytest.mark.parametrize("batch", BATCHES, ids=[b.name for b in BATCHES])
def test_batched_checks_match_separate_tests(engine_run, batch):
    import yaml

    spec = yaml.safe_load((INTEGRATION_DIR / "models" / "batch" / "batch.yml").read_text())
    (checks,) = [m["data_tests"][0]["assay.checks"]["checks"] for m in spec["models"] if m["name"] == batch.name]
    separate = {}
    for check in checks:
        result = engine_run.results[check["name"]]
        separate[check["name"]] = result["failures"] if result["status"] in ("fail", "warn") else 0
    rows = engine_run.query(f"select check_name, failures from {engine_run.audit_table(batch.name)}")
    batched = {name: int(failures) for name, failures in rows}
    assert batched == {name: n for name, n in separate.items() if n}


def test_row_conditions_share_the_scan_of_their_group_by(engine_run):
    """An aggregate check's row_condition is a FILTER on its aggregates, not a query of its own:
    the only set with a WHERE is the check whose expression calls a function the batch does
    not know (concat)."""
    compiled = next((engine_run.target_path / "compiled").rglob("batch/batch.yml"))
    with_where = {}
    for path in compiled.glob("*.sql"):
        sets = path.read_text().split("assay_failures as (")[0]
        count = len(re.findall(r"^\s*where\b", sets, re.M))
        if count:
            with_where[path.stem] = count
    assert with_where == {"batch__vc1_quoted": 1}
