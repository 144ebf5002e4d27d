"""The `checks` test runs many checks in one scan; each batched check must report exactly what
the same case reports as its own test (run_results' failure count, zero when it passes)."""

from __future__ import annotations

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
