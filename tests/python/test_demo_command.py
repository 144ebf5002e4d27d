"""`assay demo` runs dbt in-process on a real DuckDB project (the fixture project, a few seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_PROJECT, ORDERS
from site_pages import statuses_by_test, tables

from assay.site.paths import node_page


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURE_PROJECT, tmp_path / "example")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASSAY_FIXTURE_DUCKDB", str(tmp_path / "demo.duckdb"))
    monkeypatch.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    return tmp_path


def test_demo_builds_and_publishes(workdir, assay):
    result = assay("demo", "--project-dir", "example")

    assert result.exit_code == 0, result.output
    index = workdir / "site" / "index.html"
    lines = result.stdout.splitlines()
    assert lines[-2:] == [str(index), "tests: 5 passed, 1 warned, 0 failed, 0 errored"]
    assert "WARNING:assay" not in result.output  # dbt's own log handlers do not echo assay's warnings
    statuses = statuses_by_test(workdir / "site" / node_page(ORDERS))
    assert statuses["accepted_values accepted_values_orders_status__placed__shipped__returned"] == "warn"
    # The catalog came from the same run: warehouse types are on the page.
    columns = {row[0]: row for row in tables(workdir / "site" / node_page(ORDERS))["columns"]}
    assert columns["amount"][2] == "DECIMAL(10,2)"


def test_demo_fails_when_dbt_cannot_build_a_model(workdir, assay):
    (workdir / "example/models/broken.sql").write_text("select * from no_such_table\n")

    result = assay("demo", "--project-dir", "example", "--out", "published")

    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "assay: error: dbt build: 1 node(s) errored: broken"
    # What did build is still published, so the failure can be read in context.
    assert (workdir / "published" / "index.html").is_file()
