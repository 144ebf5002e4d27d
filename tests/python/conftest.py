from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from assay.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = FIXTURES / "dbt-1.11"
# Real artifacts written by each dbt minor version assay supports (regenerate.py rebuilds them).
DBT_VERSIONS = ("dbt-1.10", "dbt-1.11")
FIXTURE_PROJECT = FIXTURES / "project"
ORDERS = "model.assay_fixture.orders"
STG_ORDERS = "model.assay_fixture.stg_orders"
SEED = "seed.assay_fixture.raw_orders"
SOURCE = "source.assay_fixture.shop.raw_orders"


@pytest.fixture(params=DBT_VERSIONS)
def project(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding one dbt version's fixture artifacts in target/, and the working directory."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / request.param, root / "target")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def edit_artifact(project: Path) -> Callable[[str, Callable[[dict[str, Any]], None]], None]:
    """Change one artifact of `project` in place: edit("manifest.json", lambda doc: ...)."""

    def edit(name: str, change: Callable[[dict[str, Any]], None]) -> None:
        path = project / "target" / name
        document = json.loads(path.read_text())
        change(document)
        path.write_text(json.dumps(document))

    return edit


@pytest.fixture
def assay() -> Callable[..., Result]:
    def run(*args: str) -> Result:
        return CliRunner().invoke(main, list(args))

    return run
