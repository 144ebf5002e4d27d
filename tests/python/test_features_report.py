"""The feature-check report: the assay_features.json artifact, its reader, and the site's
report pages, on the fixture artifacts (fast; no dbt). The values against the warehouse are
proven on the demo in test_features_report_demo.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import msgspec
import pytest
from conftest import ORDERS
from site_pages import tables

from assay.artifacts.features_report import (
    SCHEMA,
    SCHEMA_VERSION,
    Bin,
    ColumnDrift,
    DriftTestReport,
    DriftValue,
    FeaturesReport,
    ReportMetadata,
    encode,
    load_features_report,
)
from assay.features.report import _jinja
from assay.site.paths import feature_report_page, node_page

HOSTILE = '<script>window.__pwned=1</script>"&\'<b>'
STATUS_TEST = "test.assay_fixture.accepted_values_orders_status__placed__shipped__returned.6cbf42f106"


def _report(column: str = "status", category: str = "shipped") -> FeaturesReport:
    return FeaturesReport(
        metadata=ReportMetadata(schema=SCHEMA, schema_version=SCHEMA_VERSION, generated_at="2026-11-27T10:00:00+00:00",
                                assay_version="0.1.0", target_name="dev", dbt_version="1.11.0"),
        tests=[DriftTestReport(
            unique_id="test.assay_fixture.drift", name="orders_drift", test_name="expect_categorical_drift_to_be_below",
            model=ORDERS, reference="ref('stg_orders')", computed_at="2026-11-27T10:00:00+00:00", severity="warn",
            columns=[ColumnDrift(
                column_name=column, kind="categorical",
                statistics=[DriftValue(statistic="psi", value=0.31, threshold=0.1, drifted=True, n_ref=10, n_cur=8,
                                       detail=f"top unseen category '{category}'")],
                bins=[Bin(category=category, unseen=True, ref_share=0.0, cur_share=0.25),
                      Bin(category="placed", ref_share=1.0, cur_share=0.75)],
            )],
        )],
    )


@pytest.fixture
def with_roles(project, edit_artifact):
    """The fixture project with `status` and `amount` of orders declared features."""

    def add_roles(document: dict) -> None:
        columns = document["nodes"][ORDERS]["columns"]
        for name in ("status", "amount"):
            columns[name]["meta"] = {"assay": {"role": "feature"}}

    edit_artifact("manifest.json", add_roles)
    return project


def test_report_page_shows_checks_drift_values_and_histogram(with_roles, assay):
    (with_roles / "target/assay_features.json").write_bytes(encode(_report()))
    result = assay("docs")
    assert result.exit_code == 0, result.output

    page = with_roles / "site" / feature_report_page(ORDERS)
    found = tables(page)
    # Checks: the accepted_values test on status, with its run_results status.
    assert [row[:2] for row in found["checks"]] == [["warn", f"accepted_values {STATUS_TEST.split('.')[2]}"]]
    assert found["drift"] == [[
        "psi", "0.31", "0.1", "drifted", "10", "8", "top unseen category 'shipped'",
        "orders_drift vs ref('stg_orders')", "2026-11-27T10:00:00+00:00",
    ]]
    html = page.read_text()
    assert html.count('<svg class="histogram" role="img"') == 1
    assert "shipped (new)" in html  # unseen, in words
    # amount has no check and no drift test: said so, without an empty drawing.
    assert "No test checks this column." in html and "No drift test checks this column." in html
    # Reached from the feature catalog and from the model's page.
    link = "../" + feature_report_page(ORDERS)
    assert f'href="{link}"' in (with_roles / "site" / node_page(ORDERS)).read_text()
    assert f'href="{feature_report_page(ORDERS)}"' in (with_roles / "site/features.html").read_text()


def test_without_the_artifact_the_page_says_how_to_produce_it(with_roles, assay):
    assert assay("docs").exit_code == 0
    html = (with_roles / "site" / feature_report_page(ORDERS)).read_text()
    assert 'id="no-report"' in html and "assay features report" in html
    assert "<svg" not in html


def test_hostile_names_and_categories_stay_text(with_roles, edit_artifact, assay):
    def rename(document: dict) -> None:
        columns = document["nodes"][ORDERS]["columns"]
        columns[HOSTILE] = {"name": HOSTILE, "meta": {"assay": {"role": "feature"}}}

    edit_artifact("manifest.json", rename)
    (with_roles / "target/assay_features.json").write_bytes(encode(_report(column=HOSTILE, category=HOSTILE)))
    assert assay("docs").exit_code == 0
    html = (with_roles / "site" / feature_report_page(ORDERS)).read_text()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    svg = re.search(r"<svg class=\"histogram\".*?</svg>", html, re.DOTALL)
    assert svg is not None and "&lt;script&gt;" in svg.group(0)  # the category's label and tooltip


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda text: text[: len(text) // 2], "not valid JSON (truncated"),
        (lambda text: text.replace(f'"schema_version": {SCHEMA_VERSION}', '"schema_version": 99'),
         "unsupported metadata.schema_version 99"),
        (lambda text: text.replace(f'"{SCHEMA}"', '"something-else"'), "metadata.schema is 'something-else'"),
        (lambda text: text.replace('"value": 0.31', '"value": "high"'), "expected `float | null`, got `str` at tests[0].columns[0].statistics[0].value"),
    ],
)
def test_bad_artifact_is_an_error_naming_the_file_and_field(with_roles, assay, change, problem):
    path = with_roles / "target/assay_features.json"
    path.write_text(change(encode(_report()).decode()))
    result = assay("docs")
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert message.startswith(f"assay: error: {Path('target') / 'assay_features.json'}: "), message
    assert problem.replace("`", "") in message.replace("`", ""), message


def test_an_explicit_report_path_must_exist(with_roles, assay):
    result = assay("docs", "--features-report", "nowhere.json")
    assert result.exit_code == 2 and "nowhere.json: No such file or directory" in result.stderr


def test_the_artifact_round_trips(tmp_path):
    path = tmp_path / "assay_features.json"
    path.write_bytes(encode(_report()))
    assert load_features_report(path) == _report()
    assert json.loads(path.read_text())["metadata"]["schema_version"] == SCHEMA_VERSION
    assert msgspec.json.decode(path.read_bytes())["tests"][0]["columns"][0]["bins"][0]["unseen"] is True


def test_test_arguments_become_the_jinja_dbt_would_render():
    captures: list[str] = []
    assert _jinja("ref('training_set')", captures, "a") == "(ref('training_set'))"
    assert _jinja("{{ get_where_subquery(ref('x')) }}", captures, "m") == "( get_where_subquery(ref('x')) )"
    assert _jinja(["a", 1, 0.5, True, None], captures, "l") == "['a', 1, 0.5, true, none]"
    assert _jinja("it's a \\ path", captures, "s") == "'it\\'s a \\\\ path'"
    assert _jinja({"k": "v"}, captures, "d") == "{'k': 'v'}"
    assert captures == []
    # Text with Jinja inside is rendered by a set block, as dbt renders the test's argument.
    assert _jinja("day = '{{ var('d') }}'", captures, "c") == "assay_arg_c"
    assert captures == ["{% set assay_arg_c %}day = '{{ var('d') }}'{% endset %}"]


def test_report_macro_uses_the_drift_tests_defaults():
    """drift_report_parts fills in the arguments a test was not given: with that test's defaults."""
    root = Path(__file__).resolve().parents[2] / "macros"
    report = (root / "ml/report.sql").read_text()
    for test in ("ml_drift/expect_numeric_drift_to_be_below", "ml_drift/expect_share_of_drifted_features_to_be_below"):
        signature = re.search(r"{% test \w+\((.*?)\) %}", (root / f"generic_tests/{test}.sql").read_text(), re.DOTALL)
        assert signature is not None
        defaults = dict(re.findall(r"(\w+)=([^,\s)]+)", signature.group(1)))
        for argument in ("statistic", "categorical_statistic", "bins", "alpha"):
            if argument in defaults:
                used = re.findall(rf'args\.get\("{argument}", ([^)]+)\)', report)
                assert used and set(used) == {defaults[argument]}, (test, argument, used)
