"""`assay diff` on project pairs built with real dbt (dbt-duckdb): fixtures/diff/variants.py.

`base` is the old version; `changed` applies every kind of change (breaking and not), one model
per change; `nonbreaking` applies only the changes that break no enforced contract.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assay.contracts.diff import ChangeKind, ContractDiff, NodeStatus, Severity, diff_projects, load_project

pytest.importorskip("dbt.adapters.duckdb")

B, W, I = Severity.BREAKING, Severity.WARNING, Severity.INFO
K = ChangeKind

# Every change in base → changed: (node label, kind, severity, column). Nothing else may appear.
EXPECTED = {
    # Breaking under dbt's rule.
    ("c_contract_removed", K.CONTRACT_REMOVED, B, None),
    ("c_column_removed", K.COLUMN_REMOVED, B, "note"),
    ("c_type_changed", K.COLUMN_TYPE_CHANGED, B, "amount"),
    ("c_column_constraint_removed", K.CONSTRAINT_REMOVED, B, "id"),
    ("c_model_constraint_removed", K.CONSTRAINT_REMOVED, B, None),
    ("c_to_view", K.MATERIALIZATION_CHANGED, B, None),
    ("c_deleted", K.MODEL_DELETED, B, None),
    ("c_renamed_new", K.MODEL_RENAMED, B, None),
    ("c_versions.v1", K.VERSION_REMOVED, B, None),
    # Of a breaking kind, but no enforced contract or constraint covered it.
    ("u_changes", K.COLUMN_REMOVED, W, "note"),
    ("u_changes", K.COLUMN_TYPE_CHANGED, W, "amount"),
    ("u_deleted", K.MODEL_DELETED, W, None),
    ("deleted_child", K.MODEL_DELETED, W, None),
    ("child_a", K.COLUMN_REMOVED, W, "note"),  # `select *` from c_column_removed, seen in the catalog
    ("c_view_constraint_removed", K.CONSTRAINT_REMOVED, W, "id"),
    ("c_access", K.ACCESS_CHANGED, W, None),
    # Not breaking.
    ("c_additions", K.COLUMN_ADDED, I, "label"),
    ("c_additions", K.CONSTRAINT_ADDED, I, "id"),
    ("c_additions", K.CONSTRAINT_ADDED, I, None),
    ("c_additions", K.DESCRIPTION_CHANGED, I, None),
    ("c_additions", K.DESCRIPTION_CHANGED, I, "id"),
    ("c_additions", K.TAGS_CHANGED, I, None),
    ("c_additions", K.META_CHANGED, I, None),
    ("c_additions", K.TEST_ADDED, I, "id"),
    ("child_b", K.TEST_REMOVED, I, "id"),
    ("c_type_resized", K.COLUMN_TYPE_RESIZED, I, "code"),
    ("c_type_resized", K.COLUMN_TYPE_RESIZED, I, "amount"),
    ("c_to_view_unconstrained", K.MATERIALIZATION_CHANGED, I, None),
    ("u_to_table", K.MATERIALIZATION_CHANGED, I, None),
    ("u_newly_contracted", K.CONTRACT_ENFORCED, I, None),
    ("u_grouped", K.GROUP_CHANGED, I, None),
    ("n_new", K.MODEL_ADDED, I, None),
    ("c_versioned.v2", K.VERSION_ADDED, I, None),
    ("c_versioned.v1", K.LATEST_VERSION_CHANGED, I, None),
    ("c_to_versioned.v1", K.MODEL_VERSIONED, I, None),
}
NODES_CHANGED = len({label for label, _, _, _ in EXPECTED})
# Warnings that only follow from a breaking change upstream (its dependents lose a column or go too).
CONSEQUENCES = {("deleted_child", K.MODEL_DELETED, W, None), ("child_a", K.COLUMN_REMOVED, W, "note")}


def _diff(targets: dict[str, Path], old: str, new: str) -> ContractDiff:
    (base, base_side), (target, target_side) = load_project(targets[old]), load_project(targets[new])
    return diff_projects(base, target, base_side=base_side, target_side=target_side)


def _rows(diff: ContractDiff) -> set[tuple[str, ChangeKind, Severity, str | None]]:
    return {(node.label, change.kind, change.severity, change.column) for node, change in diff.changes()}


def test_every_change_is_classified_by_dbts_rule(targets):
    diff = _diff(targets, "base", "changed")

    assert _rows(diff) == EXPECTED
    assert diff.breaking
    # The test really covers every kind assay knows.
    assert {kind for _, kind, _, _ in EXPECTED} == set(ChangeKind)


def test_respelled_types_are_no_change(targets):
    # c_type_alias: int4 → integer, numeric(10,2) → decimal(10, 2).
    diff = _diff(targets, "base", "changed")
    assert diff.for_node("model.assay_diff.c_type_alias") is None


def test_change_details(targets):
    diff = _diff(targets, "base", "changed")
    by_label = {node.label: node for node in diff.nodes}

    typed = by_label["c_type_changed"].changes[0]
    assert (typed.old, typed.new) == ("integer", "varchar")
    resized = {c.column: (c.old, c.new) for c in by_label["c_type_resized"].changes}
    assert resized == {"code": ("varchar(10)", "varchar(20)"), "amount": ("numeric(10,2)", "numeric(12,4)")}
    # Uncontracted models are compared by the warehouse's columns (the YAML still lists `note`).
    warehouse = {c.column: (c.old, c.new) for c in by_label["u_changes"].changes}
    assert warehouse == {"note": ("VARCHAR", None), "amount": ("INTEGER", "VARCHAR")}
    assert by_label["c_model_constraint_removed"].changes[0].old == "check (amount >= 0)"
    assert "not_null on id" in by_label["c_to_view"].changes[0].message

    renamed = diff.for_node("model.assay_diff.c_renamed")
    assert renamed is diff.for_node("model.assay_diff.c_renamed_new")
    assert (renamed.status, renamed.old_unique_id) == (NodeStatus.RENAMED, "model.assay_diff.c_renamed")
    deleted = by_label["c_deleted"]
    assert (deleted.status, deleted.unique_id, deleted.new_unique_id) == (NodeStatus.DELETED, "model.assay_diff.c_deleted", None)
    assert (by_label["c_contract_removed"].contract_enforced_before, by_label["c_contract_removed"].contract_enforced_after) == (True, False)
    # A new version is not the deletion of the old one: c_versioned.v1 only learns its new latest version.
    assert {c.kind for c in by_label["c_versioned.v1"].changes} == {K.LATEST_VERSION_CHANGED}


def test_breaking_changes_name_their_downstream_nodes_and_exposures(targets):
    diff = _diff(targets, "base", "changed")
    by_label = {node.label: node for node in diff.nodes}

    removed = by_label["c_column_removed"]
    assert [d.label for d in removed.downstream_models] == ["child_a", "child_b"]  # transitively, nearest first
    assert [(d.unique_id, d.label) for d in removed.downstream_exposures] == [
        ("exposure.assay_diff.weekly_dashboard", "Weekly dashboard")
    ]
    # A deleted model's dependents come from the old manifest.
    deleted = by_label["c_deleted"]
    assert [d.unique_id for d in deleted.downstream] == ["model.assay_diff.deleted_child", "exposure.assay_diff.deleted_feed"]
    # Only breaking and warning changes list their dependents.
    assert by_label["c_additions"].downstream == ()


def test_nonbreaking_changes_only(targets):
    diff = _diff(targets, "base", "nonbreaking")
    assert not diff.breaking
    assert _rows(diff) == {row for row in EXPECTED if row[2] is not B} - CONSEQUENCES


def test_same_project_has_no_changes(targets):
    diff = _diff(targets, "base", "base")
    assert diff.nodes == () and not diff.breaking


# --- the command -------------------------------------------------------------------------------


def test_exit_1_on_breaking_changes_and_text_report(targets, assay):
    result = assay("diff", "--base", str(targets["base"]), "--target", str(targets["changed"]))

    assert result.exit_code == 1, result.output
    text = result.stdout
    assert text.splitlines()[1] == f"9 breaking changes, 7 warnings, 19 non-breaking in {NODES_CHANGED} nodes"
    breaking = text.split("Breaking changes:\n")[1].split("\n\n")[0]
    assert "  c_column_removed (model, contracted)\n    ✗ column note removed\n" in breaking
    assert "    downstream: child_a, child_b; exposures: Weekly dashboard" in breaking
    assert "  u_changes (model, no contract)\n    ! column note removed (no enforced contract)" in text
    assert "    · column code type varchar(10) → varchar(20) (size or precision only)" in text
    assert result.stderr == ""


def test_warn_only_exits_0_with_the_same_report(targets, assay):
    strict = assay("diff", "--base", str(targets["base"]), "--target", str(targets["changed"]))
    lenient = assay("diff", "--base", str(targets["base"]), "--target", str(targets["changed"]), "--warn-only")
    assert (strict.exit_code, lenient.exit_code) == (1, 0)
    assert lenient.stdout == strict.stdout


def test_exit_0_without_breaking_changes(targets, assay):
    warnings_only = assay("diff", "--base", str(targets["base"]), "--target", str(targets["nonbreaking"]))
    assert warnings_only.exit_code == 0, warnings_only.output
    assert "Breaking changes:" not in warnings_only.stdout and "Warnings" in warnings_only.stdout

    unchanged = assay("diff", "--base", str(targets["base"]), "--target", str(targets["base"]))
    assert unchanged.exit_code == 0
    assert unchanged.stdout.splitlines()[1] == "no contract changes"


def test_target_defaults_to_target_folder(targets, assay, monkeypatch):
    monkeypatch.chdir(targets["changed"].parent)
    result = assay("diff", "--base", str(targets["base"]), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["target"]["path"] == "target"


def test_json_report(targets, assay):
    result = assay("diff", "--base", str(targets["base"]), "--target", str(targets["changed"]), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)

    assert set(doc) == {"schema_version", "breaking", "summary", "base", "target", "notes", "nodes"}
    assert (doc["schema_version"], doc["breaking"]) == (1, True)
    assert doc["summary"] == {"breaking": 9, "warning": 7, "info": 19, "nodes_changed": NODES_CHANGED}
    assert doc["base"]["adapter_type"] == "duckdb" and doc["base"]["has_catalog"] is True
    assert doc["notes"] == []
    rows = set()
    for node in doc["nodes"]:
        assert set(node) == {
            "unique_id", "label", "resource_type", "status", "old_unique_id", "new_unique_id",
            "contract_enforced_before", "contract_enforced_after", "severity", "breaking", "changes", "downstream",
        }
        for change in node["changes"]:
            assert set(change) == {"kind", "severity", "breaking", "would_break_if_contracted", "column", "old", "new", "message"}
            assert change["breaking"] == (change["severity"] == "breaking")
            assert change["would_break_if_contracted"] == (change["severity"] == "warning")
            rows.add((node["label"], ChangeKind(change["kind"]), Severity(change["severity"]), change["column"]))
    assert rows == EXPECTED
    # Most severe first.
    ranks = [Severity(node["severity"]).rank for node in doc["nodes"]]
    assert ranks == sorted(ranks)
    removed = next(node for node in doc["nodes"] if node["label"] == "c_column_removed")
    assert removed["downstream"][-1] == {
        "unique_id": "exposure.assay_diff.weekly_dashboard", "label": "Weekly dashboard", "resource_type": "exposure",
    }


def test_markdown_report(targets, assay):
    result = assay("diff", "--base", str(targets["base"]), "--target", str(targets["changed"]), "--format", "markdown")
    assert result.exit_code == 1
    md = result.stdout

    assert md.startswith("## assay: contract changes\n\n**Breaking contract changes.** 9 breaking changes")
    assert "### Breaking changes (9)\n\n| Model | Contract | Change | Downstream |\n|---|---|---|---|\n" in md
    assert "| `c_column_removed` | contracted | column note removed | `child_a`, `child_b`, exposure `Weekly dashboard` |" in md
    assert "| `c_deleted` | contracted | contracted model deleted | `deleted_child`, exposure `deleted_feed` |" in md
    assert re.search(r"<details><summary>Non-breaking changes \(19\)</summary>\n\n\| Model \| Contract \| Change \|", md)
    # Every table row has as many cells as its header.
    for table in re.findall(r"(?:^\|.*\|\n)+", md, flags=re.M):
        widths = {line.count(" | ") - line.count("\\|") for line in table.splitlines() if not line.startswith("|---")}
        assert len(widths) == 1, table


def test_markdown_without_changes(targets, assay):
    result = assay("diff", "--base", str(targets["base"]), "--target", str(targets["base"]), "--format", "markdown")
    assert result.exit_code == 0
    assert "No breaking contract changes. no contract changes" in result.stdout
    assert "|" not in result.stdout.replace("`", "")
