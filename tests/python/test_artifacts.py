from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import ORDERS

from assay.artifacts import load_artifacts
from assay.errors import ArtifactError

MANIFEST_V12 = "https://schemas.getdbt.com/dbt/manifest/v12.json"


def set_version(url: str):
    def change(document: dict) -> None:
        document["metadata"]["dbt_schema_version"] = url

    return change


def load_error(target: Path) -> str:
    with pytest.raises(ArtifactError) as raised:
        load_artifacts(target)
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_loads_every_artifact_of_a_dbt_run(project):
    artifacts = load_artifacts(project / "target")

    assert artifacts.manifest.metadata.dbt_schema_version == MANIFEST_V12
    assert artifacts.manifest.metadata.adapter_type == "duckdb"
    orders = artifacts.manifest.nodes[ORDERS]
    assert orders.contract.enforced
    assert [c.type for c in orders.constraints] == ["check", "primary_key"]
    assert orders.columns["amount"].data_type == "decimal(10, 2)"
    assert artifacts.catalog.nodes[ORDERS].columns["amount"].type == "DECIMAL(10,2)"
    assert artifacts.run_results.command == "build"
    assert {r.status for r in artifacts.run_results.results} == {"success", "pass", "warn"}
    assert [r.status for r in artifacts.sources.results] == ["warn"]


def test_ignores_fields_it_does_not_know(project, edit_artifact):
    def add_unknowns(document: dict) -> None:
        document["from_the_future"] = {"anything": [1, 2]}
        document["metadata"]["new_metadata"] = True
        node = document["nodes"][ORDERS]
        node["new_node_field"] = {"deep": {"deeper": None}}
        node["columns"]["amount"]["new_column_field"] = 42
        node["constraints"][0]["new_constraint_field"] = "x"
        document["nodes"]["function.assay_fixture.f"] = {
            "unique_id": "function.assay_fixture.f",
            "name": "f",
            "resource_type": "function",
            "returns": {"data_type": "int"},
        }

    edit_artifact("manifest.json", add_unknowns)
    edit_artifact("run_results.json", lambda d: d["results"][0].update(new_result_field=[]))

    artifacts = load_artifacts(project / "target")
    assert artifacts.manifest.nodes[ORDERS].columns["amount"].data_type == "decimal(10, 2)"
    assert artifacts.manifest.nodes["function.assay_fixture.f"].resource_type == "function"


def test_tolerates_missing_optional_parts(project, edit_artifact):
    def strip(document: dict) -> None:
        for key in ("child_map", "parent_map", "exposures", "groups", "unit_tests", "sources"):
            document.pop(key)
        node = document["nodes"][ORDERS]
        for key in ("constraints", "contract", "config", "access", "version", "meta", "description"):
            node.pop(key)

    edit_artifact("manifest.json", strip)
    manifest = load_artifacts(project / "target").manifest
    assert manifest.child_map is None
    assert not manifest.nodes[ORDERS].contract.enforced


@pytest.mark.parametrize("version", [10, 11, 12])
def test_reads_manifest_v10_to_v12(project, edit_artifact, version):
    edit_artifact("manifest.json", set_version(f"https://schemas.getdbt.com/dbt/manifest/v{version}.json"))
    assert ORDERS in load_artifacts(project / "target").manifest.nodes


@pytest.mark.parametrize("version", [9, 13])
def test_rejects_other_manifest_versions(project, edit_artifact, version):
    edit_artifact("manifest.json", set_version(f"https://schemas.getdbt.com/dbt/manifest/v{version}.json"))
    assert load_error(project / "target") == (
        f"{project / 'target/manifest.json'}: unsupported manifest version v{version} (assay reads v10–v12)"
    )


def test_reports_the_version_before_the_fields_of_an_old_manifest(project, edit_artifact):
    def older(document: dict) -> None:
        document["metadata"]["dbt_schema_version"] = "https://schemas.getdbt.com/dbt/manifest/v9.json"
        document["nodes"][ORDERS]["columns"] = ["a shape assay cannot read"]

    edit_artifact("manifest.json", older)
    assert "unsupported manifest version v9" in load_error(project / "target")


def test_names_the_field_path_of_a_wrong_type(project, edit_artifact):
    edit_artifact("manifest.json", lambda d: d["nodes"][ORDERS]["columns"]["amount"].update(data_type=5))
    assert load_error(project / "target") == (
        f"{project / 'target/manifest.json'}: expected str | null, got int"
        f' at nodes["{ORDERS}"].columns["amount"].data_type'
    )


def test_names_list_positions_in_the_field_path(project, edit_artifact):
    edit_artifact("run_results.json", lambda d: d["results"][2].update(status=None))
    assert load_error(project / "target").endswith("run_results.json: expected str, got null at results[2].status")


def test_truncated_manifest(project):
    path = project / "target/manifest.json"
    path.write_bytes(path.read_bytes()[:1234])
    assert load_error(project / "target") == f"{path}: not valid JSON (truncated at byte 1234?)"


def test_malformed_manifest(project):
    path = project / "target/manifest.json"
    path.write_text('{"metadata": {]')
    assert load_error(project / "target") == f"{path}: not valid JSON (object keys must be strings at byte 14)"


def test_missing_manifest(project):
    (project / "target/manifest.json").unlink()
    assert "manifest.json: not found" in load_error(project / "target")


def test_a_catalog_is_not_a_manifest(project):
    target = project / "target"
    (target / "manifest.json").write_bytes((target / "catalog.json").read_bytes())
    assert load_error(target).endswith("manifest.json: is a dbt catalog artifact, not a manifest")


def test_optional_artifacts_must_still_be_readable(project, edit_artifact):
    edit_artifact("run_results.json", set_version("https://schemas.getdbt.com/dbt/run-results/v3.json"))
    assert load_error(project / "target").endswith(
        "run_results.json: unsupported run-results version v3 (assay reads v4–v6)"
    )


def test_missing_optional_artifacts_warn_and_continue(project, caplog):
    for name in ("catalog.json", "run_results.json", "sources.json"):
        (project / "target" / name).unlink()

    with caplog.at_level(logging.WARNING, logger="assay"):
        artifacts = load_artifacts(project / "target")

    assert (artifacts.catalog, artifacts.run_results, artifacts.sources) == (None, None, None)
    warnings = [record.getMessage() for record in caplog.records]
    assert any("catalog.json: not found; warehouse types are unknown" in w for w in warnings)
    assert any('run_results.json: not found; tests are shown as "not run"' in w for w in warnings)
    # The fixture's source declares a freshness rule, so the missing check is worth a word.
    assert any("sources.json: not found; source freshness is unknown" in w for w in warnings)


def test_no_word_about_freshness_when_no_source_asks_for_it(project, edit_artifact, caplog):
    (project / "target/sources.json").unlink()
    edit_artifact("manifest.json", lambda d: [s.update(freshness=None) for s in d["sources"].values()])
    with caplog.at_level(logging.WARNING, logger="assay"):
        load_artifacts(project / "target")
    assert caplog.records == []


def test_warns_when_run_results_hold_no_test_outcomes(project, edit_artifact, caplog):
    edit_artifact("run_results.json", lambda d: d["args"].update(which="generate"))
    with caplog.at_level(logging.WARNING, logger="assay"):
        load_artifacts(project / "target")
    assert "written by `dbt docs generate`, which runs no tests" in caplog.text
