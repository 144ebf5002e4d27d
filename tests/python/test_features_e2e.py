"""`assay features` on a copy of examples/ with real dbt and DuckDB (about two minutes).

profile -> coverage fails -> suggest --merge -> dbt build runs the suggested tests -> coverage
passes. Needs the package's renamed ML tests (expect_numeric_drift_to_be_below, ...,
`column_list` / `reference_profile` everywhere): see assay.features.names.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from assay.dbt_runner import run_dbt
from assay.features.names import SPELLING

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "example"
    shutil.copytree(REPO / "examples", root, ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", "*.duckdb"))
    (root / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(REPO)}]}))
    monkeypatch.setenv("ASSAY_DEMO_DB", str(tmp_path / "example.duckdb"))
    monkeypatch.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    monkeypatch.delenv("DBT_PROFILES_DIR", raising=False)
    monkeypatch.chdir(root)
    common = ["--project-dir", str(root), "--profiles-dir", str(root)]
    run_dbt(["deps", *common])
    built = run_dbt(["build", *common])
    assert not built.errored_nodes
    return root


def test_profile_suggest_build_coverage(example, assay):
    captured = assay("features", "profile", "--select", "training_set", "--label", "train")
    assert captured.exit_code == 0, captured.output
    assert captured.stdout.splitlines() == [
        "captured profile 'train' of training_set: 2 categorical, 8 numeric columns (11725 rows)"
        ' into "example"."main"."assay_profiles"'
    ]

    before = assay("features", "coverage")
    assert before.exit_code == 1, before.output
    # serving_features carries hand-written drift checks; the feature table and training set do not.
    assert "serving_features." not in before.stdout
    assert "fct_customer_features.spend_30d" in before.stdout and "missing: null_rate_shift, drift" in before.stdout

    def ml_tests() -> dict[str, str]:
        ml = yaml.safe_load((example / "models/ml/_ml.yml").read_text())
        return {
            body["name"]: test
            for model in ml["models"] for item in model.get("data_tests", []) for test, body in item.items()
            if isinstance(body, dict) and "name" in body
        }

    hand_written = ml_tests()
    suggested = assay("features", "suggest", "--profile", "train", "--merge")
    assert suggested.exit_code == 0, suggested.output
    names = {name: test for name, test in ml_tests().items() if name not in hand_written}
    assert names["training_set_numeric_drift"] == f"assay.{SPELLING['numeric_drift'].test}"
    assert names["training_set_label_distribution_shift"] == "assay.expect_label_distribution_shift_to_be_within"

    run_dbt(["build", "--project-dir", str(example), "--profiles-dir", str(example)])
    run_results = json.loads((example / "target/run_results.json").read_text())
    manifest = json.loads((example / "target/manifest.json").read_text())
    status = {manifest["nodes"][r["unique_id"]]["name"]: r["status"] for r in run_results["results"] if r["unique_id"].startswith("test.")}
    suggested_names = {name for name in status if name in names}
    assert suggested_names == set(names)  # every suggested test ran ...
    assert {status[name] for name in suggested_names} <= {"pass", "warn"}  # ... none errored (severity warn)
    # The example's own checks find what it planted in serving: session lengths in seconds, a new country.
    assert status["serving_features_drift_vs_training"] == "warn"
    assert status["serving_features_unseen_categories"] == "warn"
    assert status["training_set_null_rate_shift"] == "pass"  # the training set is still its profile

    after = assay("features", "coverage")
    assert (after.exit_code, after.stdout.strip()) == (
        0, "assay: all 30 feature, label and prediction columns have their required checks"
    )
    again = assay("features", "suggest", "--profile", "train", "--merge")
    assert again.exit_code == 0 and "nothing to suggest" in again.stderr
