"""`assay export markdown|odcs`: one contract file per relation, ODCS validated against its schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ORDERS, STG_ORDERS

from assay.artifacts import load_artifacts
from assay.contracts import build_project
from assay.contracts.odcs import odcs_contract
from assay.names import safe_name


@pytest.fixture(scope="session")
def odcs_validator() -> jsonschema.protocols.Validator:
    # The official ODCS v3 JSON schema, as shipped by the standard's own Python package.
    schema = json.loads(resources.files("open_data_contract_standard").joinpath("schema.json").read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def assert_valid(validator: jsonschema.protocols.Validator, document: dict) -> None:
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_odcs_export_writes_a_valid_contract_per_relation(project, assay, odcs_validator):
    result = assay("export", "odcs")

    assert result.exit_code == 0, result.output
    out = project / "contracts/odcs"
    files = sorted(out.glob("*.odcs.yaml"))
    assert result.stdout == f"assay: wrote {len(files)} odcs contract(s) to contracts/odcs\n"
    assert len(files) == 4  # two models, a seed, a source
    for path in files:
        assert_valid(odcs_validator, yaml.safe_load(path.read_text()))

    orders = yaml.safe_load((out / f"{safe_name(ORDERS)}.odcs.yaml").read_text())
    assert (orders["apiVersion"], orders["kind"], orders["id"], orders["status"]) == ("v3.1.0", "DataContract", ORDERS, "active")
    assert orders["team"] == {"name": "data-platform@example.com"}
    [table] = orders["schema"]
    assert table["physicalType"] == "table"
    columns = {p["name"]: p for p in table["properties"]}
    assert columns["order_id"]["required"] and columns["order_id"]["unique"]
    assert (columns["order_id"]["primaryKey"], columns["order_id"]["primaryKeyPosition"]) == (True, 1)
    assert (columns["amount"]["physicalType"], columns["amount"]["logicalType"]) == ("DECIMAL(10,2)", "number")
    assert columns["order_date"]["logicalType"] == "date"
    # dbt's not_null is the standard's nullValues metric; other tests are custom dbt rules.
    assert columns["order_id"]["quality"][0] | {"customProperties": None} == {
        "name": "not_null_orders_order_id", "type": "library", "metric": "nullValues", "mustBe": 0,
        "severity": "error", "customProperties": None,
    }
    [accepted] = columns["status"]["quality"]
    assert (accepted["type"], accepted["engine"], accepted["severity"]) == ("custom", "dbt", "warn")
    assert accepted["implementation"]["test"] == "accepted_values"
    assert {"property": "lastStatus", "value": "warn"} in accepted["customProperties"]
    enforced = {c["property"]: c["value"] for c in table["customProperties"]}
    assert enforced["contractEnforced"] is True
    assert {c["type"]: c["enforcement"] for c in enforced["constraints"]} == {"check": "enforced", "primary_key": "enforced"}

    staging = yaml.safe_load((out / f"{safe_name(STG_ORDERS)}.odcs.yaml").read_text())
    assert staging["status"] == "draft" and staging["schema"][0]["physicalType"] == "view"


def test_odcs_export_of_the_ml_example_is_valid_and_carries_roles(demo_project, odcs_validator):
    project = build_project(load_artifacts(demo_project / "target"))
    roles = {}
    for node in project.nodes.values():
        document = odcs_contract(project, node)
        assert_valid(odcs_validator, json.loads(json.dumps(document)))
        for prop in document["schema"][0]["properties"]:
            for custom in prop.get("customProperties", []):
                if custom["property"] == "mlRole":
                    roles[(node.name, prop["name"])] = custom["value"]
    assert roles[("training_set", "churned_30d")] == "label"
    assert roles[("predictions", "churn_probability")] == "prediction"


def test_odcs_export_can_pick_resource_types(project, assay):
    result = assay("export", "odcs", "--resource-type", "model", "--out", "odcs-models")
    assert result.exit_code == 0, result.output
    assert len(list((project / "odcs-models").glob("*.yaml"))) == 2


def test_markdown_export(project, assay):
    result = assay("export", "markdown")

    assert result.exit_code == 0, result.output
    page = (project / "contracts/markdown" / f"{safe_name(ORDERS)}.md").read_text()
    assert page.startswith("# orders\n")
    assert "- **Contract:** enforced" in page
    assert "| `order_id` |  | integer | INTEGER | not_null, unique | Order key. |" in page
    assert "| primary_key | order_id | enforced |" in page
    assert "| warn | accepted_values | `status` |" in page


def test_markdown_export_keeps_project_text_as_text(project, edit_artifact, assay):
    def inject(document: dict) -> None:
        orders = document["nodes"][ORDERS]
        orders["description"] = "Totals <script>alert(1)</script> use `amount < 0` | never"
        orders["columns"]["status"]["description"] = "a | b\nc <img src=x onerror=alert(1)>"

    edit_artifact("manifest.json", inject)
    assert assay("export", "markdown").exit_code == 0
    page = (project / "contracts/markdown" / f"{safe_name(ORDERS)}.md").read_text()
    assert "<script>" not in page and "<img" not in page
    assert "Totals &lt;script>alert(1)&lt;/script> use `amount < 0` | never" in page
    assert "| a \\| b c &lt;img src=x onerror=alert(1)> |" in page


def test_exports_refuse_to_replace_a_folder_assay_did_not_write(project, assay):
    (project / "mine").mkdir()
    (project / "mine/notes.md").write_text("keep")
    result = assay("export", "markdown", "--out", "mine")
    assert result.exit_code == 2
    assert (project / "mine/notes.md").read_text() == "keep"


def test_export_needs_a_known_format(project, assay):
    assert assay("export", "pdf").exit_code == 2
