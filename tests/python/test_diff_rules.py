"""The diff's rules on hand-built contract models and its bad-input errors: no dbt needed."""

from __future__ import annotations

import pytest

from assay.contracts import Column, Constraint, Enforcement, Node, Project
from assay.contracts.diff import ChangeKind, Severity, diff_projects
from assay.contracts.diff_types import TypeChange, compare_types


@pytest.mark.parametrize(
    ("old", "new", "adapter", "expected"),
    [
        ("int4", "integer", "duckdb", TypeChange.SAME),
        ("int4", "integer", "postgres", TypeChange.SAME),
        ("INTEGER", "int", None, TypeChange.SAME),
        ("numeric(10,2)", "decimal(10, 2)", "duckdb", TypeChange.SAME),
        ("character varying(20)", "varchar(20)", "postgres", TypeChange.SAME),
        ("varchar(10)", "varchar(20)", "duckdb", TypeChange.RESIZED),  # sqlglot drops DuckDB's size
        ("varchar(10)", "varchar(20)", "postgres", TypeChange.RESIZED),
        ("numeric(10,2)", "numeric(12,4)", "postgres", TypeChange.RESIZED),
        ("varchar", "varchar(256)", "snowflake", TypeChange.RESIZED),
        ("integer", "varchar", "duckdb", TypeChange.CHANGED),
        ("integer", "bigint", "postgres", TypeChange.CHANGED),
        ("timestamp", "timestamptz", "duckdb", TypeChange.CHANGED),
        ("integer[]", "varchar[]", "duckdb", TypeChange.CHANGED),  # element types are no size
        ("integer[]", "int4[]", "duckdb", TypeChange.SAME),
        ("my type", "My  Type", "duckdb", TypeChange.SAME),
    ],
)
def test_type_changes(old, new, adapter, expected):
    assert compare_types(old, new, adapter) is expected


def _project(*nodes: Node, adapter: str = "duckdb", catalog: bool = False) -> Project:
    return Project(name="p", adapter_type=adapter, nodes={n.unique_id: n for n in nodes}, has_catalog=catalog)


def _model(name: str, *columns: Column, **fields) -> Node:
    return Node(unique_id=f"model.p.{name}", name=name, label=name, resource_type="model", package="p", columns=columns, **fields)


def _changes(old: Project, new: Project) -> set[tuple[ChangeKind, Severity, str | None]]:
    return {(c.kind, c.severity, c.column) for _, c in diff_projects(old, new).changes()}


def test_constraint_of_unknown_enforcement_is_a_warning():
    not_null = Constraint(type="not_null", enforcement=Enforcement.UNKNOWN)
    old = _model("m", Column(name="id", declared_type="int", constraints=(not_null,)), contract_enforced=True, materialization="table")
    new = _model("m", Column(name="id", declared_type="int"), contract_enforced=True, materialization="table")

    diff = diff_projects(_project(old, adapter="exasol"), _project(new, adapter="exasol"))
    (node,) = diff.nodes
    (change,) = node.changes
    assert (change.kind, change.severity) == (ChangeKind.CONSTRAINT_REMOVED, Severity.WARNING)
    assert "enforcement by exasol unknown" in change.message


def test_constraint_moved_between_column_and_model_level_is_no_change():
    pk = Constraint(type="primary_key", enforcement=Enforcement.ENFORCED)
    old = _model("m", Column(name="id", declared_type="int", constraints=(pk,)), contract_enforced=True, materialization="table")
    new = _model(
        "m", Column(name="id", declared_type="int"), contract_enforced=True, materialization="table",
        constraints=(Constraint(type="primary_key", columns=("ID",), name="pk_m", enforcement=Enforcement.ENFORCED),),
    )
    assert _changes(_project(old), _project(new)) == set()


def test_uncontracted_without_catalog_compares_documented_columns():
    old = _model("m", Column(name="id", declared_type="int"), Column(name="note", declared_type="text"))
    new = _model("m", Column(name="id", declared_type="bigint"))
    diff = diff_projects(_project(old), _project(new))

    assert _changes(_project(old), _project(new)) == {
        (ChangeKind.COLUMN_REMOVED, Severity.WARNING, "note"),
        (ChangeKind.COLUMN_TYPE_CHANGED, Severity.WARNING, "id"),
    }
    assert not diff.breaking
    assert "no catalog.json for the base and target" in diff.notes[0]


def test_contract_removed_with_column_removed_reports_both():
    old = _model("m", Column(name="id", declared_type="int"), Column(name="x", declared_type="int"), contract_enforced=True)
    new = _model("m", Column(name="id", declared_type="int"))
    assert _changes(_project(old), _project(new)) == {
        (ChangeKind.CONTRACT_REMOVED, Severity.BREAKING, None),
        (ChangeKind.COLUMN_REMOVED, Severity.BREAKING, "x"),
    }


def test_unrelated_models_are_not_taken_for_a_rename():
    old = _model("a", Column(name="id", declared_type="int"), contract_enforced=True)
    new = _model("b", Column(name="id", declared_type="int"))
    other = _model("c", Column(name="id", declared_type="int"))
    # Two candidates with the same columns: no rename guessed.
    kinds = {kind for kind, _, _ in _changes(_project(old), _project(new, other))}
    assert kinds == {ChangeKind.MODEL_DELETED, ChangeKind.MODEL_ADDED}
    # Models without declared columns never look alike.
    assert {k for k, _, _ in _changes(_project(_model("a")), _project(_model("b")))} == {ChangeKind.MODEL_DELETED, ChangeKind.MODEL_ADDED}


def test_access_widened_is_info():
    changes = _changes(_project(_model("m", access="private")), _project(_model("m", access="public")))
    assert changes == {(ChangeKind.ACCESS_CHANGED, Severity.INFO, None)}


# --- bad input ---------------------------------------------------------------------------------


def test_missing_base_folder_names_the_manifest(tmp_path, assay):
    result = assay("diff", "--base", str(tmp_path / "nope"), "--target", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"assay: error: {tmp_path / 'nope' / 'manifest.json'}: not found: no folder {tmp_path / 'nope'}\n"


def test_base_folder_without_manifest(tmp_path, assay):
    result = assay("diff", "--base", str(tmp_path), "--target", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"assay: error: {tmp_path / 'manifest.json'}: not found")


def test_invalid_manifest_names_the_file(tmp_path, project, assay):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text("{not json")
    result = assay("diff", "--base", str(broken))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"assay: error: {broken / 'manifest.json'}: not valid JSON")
    assert result.stdout == ""


def test_fixture_project_against_itself(project, assay):
    # The shared fixture artifacts (contracted table, view, seed, source) diff cleanly with themselves,
    # and a manifest path is accepted for a folder.
    result = assay("diff", "--base", "target/manifest.json")
    assert (result.exit_code, result.stdout.splitlines()[1]) == (0, "no contract changes")


def test_invalid_format(project, assay):
    assert assay("diff", "--base", "target", "--format", "html").exit_code == 2
