"""Installing assay into an empty project adds macros and nothing else: the repository's own
integration project, examples and Python tests must stay invisible to users."""

from __future__ import annotations

import json
from pathlib import Path

from dbt_project_runner import dbt

REPO = Path(__file__).resolve().parents[2]


def _output(engine: str, tmp_path: Path) -> str:
    """A profile output for `engine` (parse never connects, so no server is needed)."""
    if engine == "duckdb":
        return f"type: duckdb\n      path: {tmp_path / 'empty.duckdb'}\n"
    if engine == "postgres":
        return "type: postgres\n      host: 127.0.0.1\n      port: 5432\n      user: x\n      password: ''\n" \
               "      dbname: x\n      schema: x\n"
    return "type: spark\n      method: session\n      host: localhost\n      schema: x\n"


def test_installing_assay_adds_only_macros(tmp_path, engine):
    project = tmp_path / "empty_project"
    project.mkdir()
    (project / "dbt_project.yml").write_text(
        "name: empty_project\nversion: '1.0'\nconfig-version: 2\nprofile: empty_project\n"
    )
    (project / "profiles.yml").write_text(
        f"empty_project:\n  target: dev\n  outputs:\n    dev:\n      {_output(engine, tmp_path)}"
    )
    (project / "packages.yml").write_text(f"packages:\n  - local: {REPO}\n")
    for command in (["deps"], ["parse"]):
        done = dbt(command, project, {})
        assert done.returncode == 0, done.stdout + done.stderr

    manifest = json.loads((project / "target" / "manifest.json").read_text())
    for section in ("nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests"):
        assert manifest.get(section, {}) == {}, f"{section}: {list(manifest[section])[:5]}"
    assay_macros = [m for m in manifest["macros"].values() if m["package_name"] == "assay"]
    assert any(m["name"] == "test_expect_column_values_to_be_between" for m in assay_macros)
    assert all(m["original_file_path"].startswith("macros/") for m in assay_macros)
    # Package models exist but stay disabled until a project opts in.
    disabled = [n for nodes in manifest.get("disabled", {}).values() for n in nodes]
    assert all(n["package_name"] == "assay" and n["resource_type"] == "model" for n in disabled)
