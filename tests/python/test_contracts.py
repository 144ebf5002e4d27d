from __future__ import annotations

import pytest
from conftest import ORDERS, SEED, SOURCE, STG_ORDERS

from assay.artifacts import load_artifacts
from assay.contracts import Enforcement, Status, build_project
from assay.contracts.types import types_differ

ACCEPTED_VALUES = "accepted_values_orders_status__placed__shipped__returned"


def build(project):
    return build_project(load_artifacts(project / "target"))


def test_contracted_model(project):
    orders = build(project).nodes[ORDERS]

    assert (orders.label, orders.resource_type, orders.materialization) == ("orders", "model", "table")
    assert orders.contract_enforced
    assert orders.relation_name == '"assay_fixture"."main"."orders"'
    assert orders.owner == "data-platform@example.com"
    assert orders.tags == ("core", "contracted")
    assert orders.access == "protected"
    assert [(c.type, c.name, c.expression, c.columns, c.enforcement) for c in orders.constraints] == [
        ("check", "amount_not_negative", "amount >= 0", (), Enforcement.ENFORCED),
        ("primary_key", None, None, ("order_id",), Enforcement.ENFORCED),
    ]
    order_id = orders.columns[0]
    assert (order_id.name, order_id.declared_type, order_id.warehouse_type) == ("order_id", "integer", "INTEGER")
    assert [c.type for c in order_id.constraints] == ["not_null", "unique"]
    assert [c.name for c in orders.columns] == ["order_id", "customer_id", "amount", "status", "order_date"]
    assert not any(c.type_mismatch for c in orders.columns)
    assert orders.upstream == (STG_ORDERS,)


def test_tests_carry_their_latest_outcome(project):
    orders = build(project).nodes[ORDERS]
    tests = {t.node_name: t for t in orders.tests}

    warned = tests[ACCEPTED_VALUES]
    assert (warned.test_name, warned.kind, warned.column_name) == ("accepted_values", "generic", "status")
    assert (warned.status, warned.failures, warned.severity) == (Status.WARN, 1, "warn")
    assert warned.message == "Got 1 result, configured to warn if != 0"
    assert warned.arguments == {"values": ["placed", "shipped", "returned"]}
    assert tests["not_null_orders_order_id"].status is Status.PASS
    unit = tests["orders_dates_each_order_by_its_load_day"]
    assert (unit.kind, unit.status, unit.attached_to) == ("unit", Status.PASS, (ORDERS,))
    singular = tests["orders_amounts_are_positive"]
    assert (singular.kind, singular.test_name, singular.status) == ("singular", "orders_amounts_are_positive", Status.PASS)


def test_view_columns_flag_type_mismatch_and_undocumented_columns(project):
    staging = build(project).nodes[STG_ORDERS]
    columns = {c.name: c for c in staging.columns}

    assert not staging.contract_enforced
    assert (columns["amount"].declared_type, columns["amount"].warehouse_type) == ("integer", "DECIMAL(10,2)")
    assert columns["amount"].type_mismatch
    assert staging.type_mismatches == 1
    assert not columns["loaded_at"].documented and columns["loaded_at"].in_warehouse
    # The warehouse's column order wins over the YAML's.
    assert [c.name for c in staging.columns] == ["order_id", "customer_id", "amount", "status", "loaded_at"]
    assert set(staging.upstream) == {SOURCE, SEED}
    assert staging.downstream == (ORDERS,)
    assert {t.status for t in staging.tests} == {Status.PASS}


def test_source_freshness_and_label(project):
    source = build(project).nodes[SOURCE]
    assert (source.label, source.resource_type) == ("shop.raw_orders", "source")
    assert source.freshness_rule == "warn after 1 day"
    assert source.freshness.status == "warn"
    assert source.freshness.max_loaded_at == "2024-01-04T10:15:00+00:00"


def test_project_counts_each_test_once(project):
    assert build(project).test_counts() == {
        Status.PASS: 5, Status.WARN: 1, Status.FAIL: 0, Status.ERROR: 0, Status.SKIPPED: 0, Status.NOT_RUN: 0,
    }


def test_without_run_results_every_test_is_not_run(project):
    (project / "target/run_results.json").unlink()
    project_model = build(project)
    assert not project_model.has_run_results
    assert {t.status for t in project_model.tests.values()} == {Status.NOT_RUN}


def test_without_catalog_warehouse_facts_are_unknown(project):
    (project / "target/catalog.json").unlink()
    orders = build(project).nodes[ORDERS]
    assert {(c.warehouse_type, c.in_warehouse, c.type_mismatch) for c in orders.columns} == {(None, None, False)}


def test_package_test_names_carry_their_namespace(project, edit_artifact):
    def namespaced(document: dict) -> None:
        test = next(n for n in document["nodes"].values() if n["name"] == ACCEPTED_VALUES)
        test["test_metadata"].update(namespace="assay", name="expect_column_values_to_be_in_set")

    edit_artifact("manifest.json", namespaced)
    names = {t.node_name: t.test_name for t in build(project).nodes[ORDERS].tests}
    assert names[ACCEPTED_VALUES] == "assay.expect_column_values_to_be_in_set"


def test_owner_falls_back_to_the_group(project, edit_artifact):
    def grouped(document: dict) -> None:
        document["groups"]["group.assay_fixture.finance"] = {
            "name": "finance", "unique_id": "group.assay_fixture.finance", "owner": {"name": "Finance team"},
        }
        document["nodes"][STG_ORDERS]["group"] = "finance"

    edit_artifact("manifest.json", grouped)
    staging = build(project).nodes[STG_ORDERS]
    assert (staging.group, staging.owner) == ("finance", "Finance team")


def test_a_status_outside_the_test_vocabulary_means_not_run(project, edit_artifact):
    edit_artifact("run_results.json", lambda d: [r.update(status="success") for r in d["results"]])
    assert {t.status for t in build(project).tests.values()} == {Status.NOT_RUN}


@pytest.mark.parametrize(
    ("declared", "actual", "adapter", "differ"),
    [
        ("integer", "INTEGER", "duckdb", False),
        ("int4", "integer", "postgres", False),
        ("varchar", "VARCHAR", "duckdb", False),
        ("character varying", "text", "duckdb", False),
        ("varchar", "character varying(256)", "postgres", False),
        ("decimal(10, 2)", "DECIMAL(10,2)", "duckdb", False),
        ("timestamp without time zone", "TIMESTAMP", "postgres", False),
        ("integer", "DECIMAL(10,2)", "duckdb", True),
        ("decimal(10, 2)", "DECIMAL(12,2)", "duckdb", True),
        ("timestamp", "timestamp with time zone", "postgres", True),
        ("my_enum", "my_enum", "duckdb", False),
        ("integer", "bigint", "no-such-adapter", True),
    ],
)
def test_types_differ(declared, actual, adapter, differ):
    assert types_differ(declared, actual, adapter) is differ


def test_compiled_sql_is_kept_for_models_and_for_tests_that_did_not_pass(project):
    orders = build(project).nodes[ORDERS]
    assert "from" in (orders.compiled_sql or "").lower()
    tests = {t.node_name: t for t in orders.tests}
    warned = tests[ACCEPTED_VALUES]
    assert warned.attention and "status" in (warned.compiled_sql or "")
    assert tests["not_null_orders_order_id"].compiled_sql is None  # passed: nothing to investigate


def test_ml_roles_and_config_meta(project, edit_artifact):
    def declare(document: dict) -> None:
        columns = document["nodes"][ORDERS]["columns"]
        # dbt >= 1.10 writes column meta under config too; older manifests only at the top.
        columns["order_id"]["config"] = {"meta": {"assay": {"role": "entity"}}, "tags": ["key"]}
        columns["amount"]["meta"] = {"assay": {"role": " Label "}}
        columns["status"]["meta"] = {"assay": "feature"}  # not a mapping: no role

    edit_artifact("manifest.json", declare)
    orders = build(project).nodes[ORDERS]
    columns = {c.name: c for c in orders.columns}
    assert (columns["order_id"].role, columns["amount"].role, columns["status"].role) == ("entity", "label", None)
    assert columns["order_id"].meta == {"assay": {"role": "entity"}}
    assert "key" in columns["order_id"].tags
    assert orders.has_roles


def test_exposures_carry_their_details_and_dependencies(project, edit_artifact):
    exposure = {
        "unique_id": "exposure.assay_fixture.dashboard", "name": "dashboard", "label": "Orders dashboard",
        "type": "dashboard", "maturity": "high", "description": "Daily **orders**.", "url": "https://bi.example.com/1",
        "owner": {"name": "BI team", "email": "bi@example.com"}, "tags": ["bi"], "meta": {"tier": 1},
        "depends_on": {"nodes": [ORDERS]}, "resource_type": "exposure", "package_name": "assay_fixture",
        "original_file_path": "models/exposures.yml",
    }

    def add(document: dict) -> None:
        document["exposures"][exposure["unique_id"]] = exposure
        document["child_map"].setdefault(ORDERS, []).append(exposure["unique_id"])

    edit_artifact("manifest.json", add)
    built = build(project)
    dashboard = built.exposures["exposure.assay_fixture.dashboard"]
    assert (dashboard.label, dashboard.type, dashboard.maturity, dashboard.owner) == ("Orders dashboard", "dashboard", "high", "BI team")
    assert (dashboard.upstream, dashboard.tags, dashboard.meta) == ((ORDERS,), ("bi",), {"tier": 1})
    assert "exposure.assay_fixture.dashboard" in built.nodes[ORDERS].downstream
    assert built.node("exposure.assay_fixture.dashboard") is dashboard
