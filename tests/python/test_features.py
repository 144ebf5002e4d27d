"""`assay features`: roles, types, suggested YAML, the merge into properties files, coverage.

No warehouse here: artifacts are written by the tests (one small manifest), and suggestions
against a model reference need no dbt. test_features_e2e.py runs the real thing.
"""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from assay.features import names
from assay.features.coverage import DEFAULT_REQUIRED, coverage_gaps, required_checks
from assay.features.dbt import ProfiledColumn
from assay.features.merge import insert_tests
from assay.features.model import FeatureError, classify, load_project, parse_role
from assay.features.suggest import Reference, plan, properties_yaml, render_tests

FIXTURES = Path(__file__).parent / "fixtures" / "features"
SCHEMA = "https://schemas.getdbt.com/dbt/manifest/v12.json"


def _role(role: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"assay": {"role": role, **extra}} if role else {}


def _column(name: str, role: str | None = None, data_type: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "data_type": data_type, "meta": _role(role, **extra), "constraints": []}


def _model(name: str, columns: list[dict[str, Any]], patch: str | None = "models/_ml.yml", **extra: Any) -> dict[str, Any]:
    return {
        "unique_id": f"model.shop.{name}", "name": name, "resource_type": "model", "package_name": "shop",
        "original_file_path": f"models/{name}.sql", "patch_path": f"shop://{patch}" if patch else None,
        "database": "db", "schema": "main", "alias": name, "relation_name": f'"db"."main"."{name}"',
        "columns": {column["name"]: column for column in columns}, **extra,
    }


def _test(name: str, model: str, test: str, namespace: str | None = "assay", column: str | None = None, **kwargs: Any) -> dict[str, Any]:
    return {
        "unique_id": f"test.shop.{name}", "name": name, "resource_type": "test", "package_name": "shop",
        "attached_node": f"model.shop.{model}", "column_name": column,
        "depends_on": {"nodes": [f"model.shop.{model}"]},
        "test_metadata": {"name": test, "namespace": namespace, "kwargs": {"column_name": column, **kwargs} if column else kwargs},
    }


def manifest() -> dict[str, Any]:
    features = _model("features", [
        _column("customer_id", "entity", "bigint"),
        _column("feature_ts", "timestamp", "timestamp"),
        _column("age", "feature", "integer"),
        _column("income", "feature", "double precision"),
        _column("country", "feature", "varchar(2)"),
        _column("signup_date", "feature", "date"),
        _column("region_code", "feature", "integer", kind="categorical"),
        _column("note"),
    ])
    training = _model("training", [
        _column("customer_id", "entity", "bigint"), _column("age", "feature", "integer"),
        _column("income", "feature", "double"), _column("country", "feature", "text"),
        _column("region_code", "feature", "integer", kind="categorical"), _column("churned", "label", "integer"),
    ], patch=None)
    scores = _model("scores", [
        {**_column("customer_id", "entity", "bigint"), "constraints": [{"type": "not_null"}]},
        _column("p_churn", "prediction", "double"), _column("segment", "prediction", "varchar"),
    ], patch="models/scores.yml", contract={"enforced": True})
    nodes = [features, training, scores,
             _test("nn_customer", "features", "not_null", namespace=None, column="customer_id"),
             _test("nr_age", "features", "expect_column_null_rate_shift_to_be_below", column_list=["age", '"Income"']),
             _test("existing_drift", "features", "expect_numeric_drift_to_be_below", column_list=["age"], reference="ref('training')"),
             _test("probs", "scores", "expect_column_values_to_be_probabilities", column="p_churn"),
             # A package's own model never takes part.
             {**_model("assay_reference_profile", [_column("x", "feature", "double")]), "package_name": "assay",
              "unique_id": "model.assay.assay_reference_profile"}]
    return {"metadata": {"dbt_schema_version": SCHEMA, "project_name": "shop", "adapter_type": "duckdb"},
            "nodes": {node["unique_id"]: node for node in nodes}}


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "target").mkdir()
    (tmp_path / "target" / "manifest.json").write_text(json.dumps(manifest()))
    (tmp_path / "dbt_project.yml").write_text("name: shop\nprofile: shop\n")
    (tmp_path / "models").mkdir()
    shutil.copy(FIXTURES / "_ml.yml", tmp_path / "models" / "_ml.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Roles and types ---------------------------------------------------------------------------

def test_parse_role_reads_role_and_kind():
    assert parse_role({"assay": {"role": "Feature"}}, "x") == ("feature", None)
    assert parse_role({"assay": {"role": "feature", "kind": "categorical"}}, "x") == ("feature", "categorical")
    assert parse_role({"owner": "me"}, "x") == (None, None)
    assert parse_role({}, "x") == (None, None)
    assert parse_role(None, "x") == (None, None)


@pytest.mark.parametrize(("meta", "message"), [
    ({"assay": {"role": "featur"}}, "unknown assay role 'featur' (expected one of: entity, timestamp, feature, label, prediction)"),
    ({"assay": "feature"}, "meta 'assay' must be a mapping"),
    ({"assay": {"role": "feature", "kind": "ordinal"}}, "unknown assay kind 'ordinal'"),
    ({"assay": {"kind": "numeric"}}, "assay.kind is set but assay.role is missing"),
])
def test_parse_role_rejects_bad_meta_naming_the_column(meta, message):
    with pytest.raises(FeatureError, match="^models/x.yml: m.c: ") as error:
        parse_role(meta, "models/x.yml: m.c")
    assert message in str(error.value)


@pytest.mark.parametrize(("data_type", "kind"), [
    ("integer", "numeric"), ("BIGINT", "numeric"), ("int4", "numeric"), ("INT64", "numeric"), ("HUGEINT", "numeric"),
    ("double precision", "numeric"), ("DOUBLE", "numeric"), ("float64", "numeric"), ("numeric(10,2)", "numeric"),
    ("DECIMAL(18,3)", "numeric"), ("number(38,0)", "numeric"), ("real", "numeric"),
    ("varchar", "categorical"), ("character varying(20)", "categorical"), ("TEXT", "categorical"),
    ("string", "categorical"), ("boolean", "categorical"), ("bool", "categorical"),
    ("date", "temporal"), ("timestamp with time zone", "temporal"), ("TIMESTAMP_NTZ", "unknown"),
    ("timestamptz", "temporal"), ("interval", "temporal"),
    ("struct<a int>", "unknown"), ("", "unknown"), (None, "unknown"),
])
def test_classify(data_type, kind):
    assert classify(data_type) == kind


def test_project_reads_roles_from_the_manifest(shop):
    project = load_project(shop)
    assert [m.name for m in project.models] == ["features", "scores", "training"]  # sorted; the package's model left out
    features = project.model("features")
    assert features.patch_path == "models/_ml.yml"
    assert features.relation == "db.main.features"
    kinds = {c.name: (c.role, c.kind) for c in features.columns}
    assert kinds == {
        "customer_id": ("entity", "numeric"), "feature_ts": ("timestamp", "temporal"), "age": ("feature", "numeric"),
        "income": ("feature", "numeric"), "country": ("feature", "categorical"), "signup_date": ("feature", "temporal"),
        "region_code": ("feature", "categorical"),
    }
    assert project.model("scores").columns[0].not_null_enforced


def test_catalog_types_win_over_declared_ones(shop):
    catalog = {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json"},
               "nodes": {"model.shop.features": {"metadata": {}, "columns": {"AGE": {"name": "AGE", "type": "VARCHAR"}}}}}
    (shop / "target" / "catalog.json").write_text(json.dumps(catalog))
    age = next(c for c in load_project(shop).model("features").columns if c.name == "age")
    assert (age.data_type, age.kind) == ("VARCHAR", "categorical")


def test_a_bad_role_stops_the_command_with_exit_2(shop, assay):
    document = manifest()
    document["nodes"]["model.shop.features"]["columns"]["age"]["meta"] = {"assay": {"role": "feeture"}}
    (shop / "target" / "manifest.json").write_text(json.dumps(document))
    result = assay("features", "coverage")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "assay: error: models/_ml.yml: features.age: unknown assay role 'feeture'"
        " (expected one of: entity, timestamp, feature, label, prediction)"
    )


@pytest.mark.parametrize("command", [["coverage"], ["suggest"], ["profile"]])
def test_missing_manifest_is_one_line_naming_the_file(tmp_path, assay, command):
    (tmp_path / "dbt_project.yml").write_text("name: shop\n")
    result = assay("features", *command, "--project-dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"assay: error: {tmp_path / 'target' / 'manifest.json'}: not found (run `dbt parse` or `dbt build` first)"
    ]


# Suggest -----------------------------------------------------------------------------------

def test_suggest_against_a_reference_model(shop):
    project = load_project(shop)
    suggested = plan(project, [Reference.model(project, "training")])
    assert [(s.model, s.check, s.columns) for s in suggested.suggestions] == [
        ("features", "not_null", ["feature_ts"]),  # customer_id has not_null already
        ("features", "freshness", ["feature_ts"]),
        ("features", "null_rate_shift", ["country", "region_code"]),  # age and income ('"Income"') have one
        ("features", "numeric_drift", ["income"]),  # age has one already
        ("features", "out_of_range", ["age", "income"]),
        ("features", "new_category", ["country", "region_code"]),  # region_code: kind categorical in meta
        ("features", "categorical_drift", ["country", "region_code"]),
        # scores: customer_id is not null by an enforced constraint, p_churn has its probabilities
        # test, and neither prediction is in training. training is the reference: not compared
        # with itself, and a reference is not asked to be fresh.
        ("training", "not_null", ["customer_id"]),
    ]
    assert suggested.notes == [
        "features.signup_date (feature): not in model training; not suggested: null_rate_shift",
        "scores.p_churn (prediction): not in model training; not suggested: prediction_shift",
        "scores.segment (prediction): not in model training; not suggested: categorical_drift",
        "training: it is the reference (model training): no reference checks suggested for it",
    ]
    assert [s.name for s in suggested.suggestions][:3] == [
        "features_feature_ts_not_null", "features_feature_ts_freshness", "features_null_rate_shift",
    ]


def test_suggested_names_avoid_existing_tests(shop):
    document = manifest()
    document["nodes"]["test.shop.x"] = {**_test("features_numeric_drift", "features", "unique", None, column="note")}
    (shop / "target" / "manifest.json").write_text(json.dumps(document))
    project = load_project(shop)
    names_ = [s.name for s in plan(project, [Reference.model(project, "training")]).suggestions]
    assert "features_numeric_drift_2" in names_ and "features_numeric_drift" not in names_


def test_suggest_from_profiles_uses_profiled_kinds_and_ranges(shop):
    project = load_project(shop)
    rows = [
        ProfiledColumn("train", '"db"."main"."training"', "age", "numeric", 18, 90, 60),
        ProfiledColumn("train", '"db"."main"."training"', "churned", "numeric", 0, 1, 2),
        ProfiledColumn("scores", '"db"."main"."scores"', "p_churn", "numeric", -3.0, 4.0, 900),
        ProfiledColumn("scores", '"db"."main"."scores"', "segment", "categorical", None, None, 3),
    ]
    references = [Reference.profile("train", rows), Reference.profile("scores", rows)]
    suggested = plan(project, references)
    checks = {(s.model, s.check, tuple(s.columns)): s.reference.describe if s.reference else None for s in suggested.suggestions}
    # A profile of the model itself is worth comparing with; freshness is not asked of its source.
    assert checks[("training", "label_distribution_shift", ("churned",))] == "profile 'train'"
    assert checks[("training", "null_rate_shift", ("age",))] == "profile 'train'"
    # p_churn reaches outside [0, 1] in its profile: a score, not a probability -> numeric drift.
    assert checks[("scores", "numeric_drift", ("p_churn",))] == "profile 'scores'"
    assert checks[("scores", "categorical_drift", ("segment",))] == "profile 'scores'"
    assert not any(check == "freshness" for model, check, _ in checks if model == "scores")
    test = next(s for s in suggested.suggestions if s.check == "numeric_drift").test("warn")
    assert test == {"assay.expect_numeric_drift_to_be_below": {
        "name": "scores_numeric_drift",
        "arguments": {"column_list": ["p_churn"], "reference_profile": "scores"},
        "config": {"severity": "warn"},
    }}


def test_generated_yaml_uses_the_final_names_and_dbt_arguments(shop):
    project = load_project(shop)
    text = properties_yaml(plan(project, [Reference.model(project, "training")]), "error", "header")
    document = yaml.safe_load(text)
    assert text.startswith("# header\nversion: 2\nmodels:\n  - name: features\n    data_tests:\n      - not_null:\n")
    tests = document["models"][0]["data_tests"]
    assert tests[3] == {"assay.expect_numeric_drift_to_be_below": {
        "name": "features_numeric_drift", "arguments": {"column_list": ["income"], "reference": "ref('training')"}}}
    assert "      - assay.expect_categorical_drift_to_be_below:\n" in text
    assert "            column_list: [country, region_code]\n" in text  # columns inline
    assert tests[1]["assay.expect_feature_freshness_to_be_within"]["arguments"] == {
        "column_name": "feature_ts", "interval": 1, "datepart": "day"}
    assert all("config" not in next(iter(t.values())) for t in tests)  # severity error is dbt's default


def test_suggested_tests_use_the_package_spelling(shop):
    rows = [ProfiledColumn("train", "x", "age", "numeric", 0, 9, 9), ProfiledColumn("train", "x", "country", "categorical", None, None, 3)]
    suggested = plan(load_project(shop), [Reference.profile("train", rows)], ["features"])
    tests = {s.check: s.test("error") for s in suggested.suggestions if s.reference is not None}
    assert tests["categorical_drift"] == {"assay.expect_categorical_drift_to_be_below": {
        "name": "features_categorical_drift", "arguments": {"column_list": ["country"], "reference_profile": "train"}}}
    assert tests["new_category"]["assay.expect_column_new_category_rate_to_be_below"]["arguments"] == {
        "column_list": ["country"], "reference_profile": "train"}


def test_drift_covers_both_drift_tests():
    for check in ("numeric_drift", "categorical_drift", "share_of_drifted_features"):
        assert ("assay", names.SPELLING[check].test) in names.CHECK_KINDS[check]
    assert names.CHECK_KINDS["drift"] == names.CHECK_KINDS["numeric_drift"] | names.CHECK_KINDS["categorical_drift"]


def test_suggest_cli_is_deterministic_and_never_overwrites(shop, assay):
    first = assay("features", "suggest", "--reference", "training", "--select", "features", "--out", "out.yml")
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[-1] == "assay: wrote out.yml (7 tests on 1 models)"
    assert "features is already described in models/_ml.yml" in first.stderr
    text = (shop / "out.yml").read_text()
    again = assay("features", "suggest", "--reference", "training", "--select", "features", "--out", "out.yml")
    assert again.exit_code == 2
    assert again.stderr.strip() == "assay: error: out.yml: already exists (use --force to overwrite it)"
    forced = assay("features", "suggest", "--reference", "training", "--select", "features", "--out", "out.yml", "--force")
    assert forced.exit_code == 0, forced.output
    assert (shop / "out.yml").read_text() == text  # byte for byte
    stdout = assay("features", "suggest", "--reference", "training", "--select", "features")
    assert stdout.stdout == text


def test_suggest_bad_input(shop, assay):
    result = assay("features", "suggest", "--reference", "nope")
    assert (result.exit_code, result.stderr.strip()) == (2, "assay: error: --reference nope: no such model in the manifest")
    result = assay("features", "suggest", "--select", "nope")
    assert (result.exit_code, result.stderr.strip()) == (2, "assay: error: no model named 'nope' with assay roles in the manifest")


def test_suggest_merge_into_the_describing_file(shop, assay):
    before = (shop / "models" / "_ml.yml").read_text()
    result = assay("features", "suggest", "--reference", "training", "--select", "features", "--merge", "--severity", "error")
    assert result.exit_code == 0, result.output
    after = (shop / "models" / "_ml.yml").read_text()
    assert "# keep this comment" in after and "# the key" in after and "# trailing comment" in after
    model = yaml.safe_load(after)["models"][0]
    assert [next(iter(t)) for t in model["data_tests"]] == [
        "not_null", "not_null", "assay.expect_feature_freshness_to_be_within",
        "assay.expect_column_null_rate_shift_to_be_below", "assay.expect_numeric_drift_to_be_below",
        "assay.expect_column_out_of_range_share_to_be_below", "assay.expect_column_new_category_rate_to_be_below",
        "assay.expect_categorical_drift_to_be_below",
    ]
    # Only lines were added.
    opcodes = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False).get_opcodes()
    assert {tag for tag, *_ in opcodes} == {"equal", "insert"}
    # Running it again (before dbt parsed the file) adds nothing.
    again = assay("features", "suggest", "--reference", "training", "--select", "features", "--merge")
    assert again.exit_code == 0, again.output
    assert "assay: nothing to add: the properties files hold every suggested test" in again.stderr
    assert (shop / "models" / "_ml.yml").read_text() == after


def test_merge_into_flow_list_and_missing_key():
    text = (FIXTURES / "_ml.yml").read_text()
    items = "- not_null:\n    arguments:\n      column_name: p_churn\n"
    flowed = insert_tests(text, "scores", items, "f.yml")
    assert "    data_tests:  # flow list\n      - unique_scores\n      - \"other\"\n      - not_null:\n" in flowed
    assert yaml.safe_load(flowed)["models"][1]["data_tests"][:2] == ["unique_scores", "other"]
    added = insert_tests(text, "bare", items, "f.yml")
    bare = yaml.safe_load(added)["models"][2]
    assert bare["data_tests"] == [{"not_null": {"arguments": {"column_name": "p_churn"}}}]
    assert bare["columns"][0]["description"] == "multi\nline\n"
    with pytest.raises(FeatureError, match="^f.yml: no entry for model 'ghost' under models:$"):
        insert_tests(text, "ghost", items, "f.yml")


# Coverage ----------------------------------------------------------------------------------

def test_required_checks_default_and_configured(shop):
    assert required_checks(shop) == DEFAULT_REQUIRED
    (shop / "dbt_project.yml").write_text(
        "name: shop\nvars:\n  shop:\n    assay_required_checks:\n      feature: [drift, assay.expect_column_mean_std_shift_to_be_within]\n"
    )
    assert required_checks(shop) == {"feature": ("drift", "assay.expect_column_mean_std_shift_to_be_within")}


@pytest.mark.parametrize(("config", "message"), [
    ("{feature: [driftt]}", "vars.assay_required_checks.feature: unknown check 'driftt' (expected one of: cardinality_shift,"),
    ("{features: [drift]}", "vars.assay_required_checks: unknown role 'features'"),
    ("{feature: drift}", "vars.assay_required_checks.feature must be a list"),
    ("[drift]", "vars.assay_required_checks must map roles to lists of checks"),
])
def test_required_checks_bad_config(shop, assay, config, message):
    (shop / "dbt_project.yml").write_text(f"name: shop\nvars:\n  assay_required_checks: {config}\n")
    result = assay("features", "coverage")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"assay: error: dbt_project.yml: {message}")


def test_coverage_reads_attached_and_listed_columns(shop, assay):
    gaps = {(g.model, g.column): g.missing for g in coverage_gaps(load_project(shop), DEFAULT_REQUIRED)}
    assert ("features", "age") not in gaps  # null rate via column_list, drift under the old name
    assert gaps[("features", "income")] == ("drift",)  # listed as '"Income"': quotes and case do not matter
    assert gaps[("features", "country")] == ("null_rate_shift", "drift")
    assert ("scores", "p_churn") not in gaps  # attached probabilities test
    assert gaps[("scores", "segment")] == ("probabilities",)
    assert gaps[("training", "churned")] == ("label_distribution_shift",)
    result = assay("features", "coverage")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "assay: 10 of 12 feature, label and prediction columns lack required checks"
    assert lines[1].split() == ["features.income", "feature", "missing:", "drift"]


def test_coverage_passes_when_configured_checks_exist(shop, assay):
    (shop / "dbt_project.yml").write_text(
        "name: shop\nvars:\n  assay_required_checks: {feature: [], label: [], prediction: []}\n"
    )
    result = assay("features", "coverage")
    assert (result.exit_code, result.stdout.strip()) == (0, "assay: all 12 feature, label and prediction columns have their required checks")
