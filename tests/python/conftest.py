from __future__ import annotations

import importlib.util
import json
import os
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


REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ built by `assay demo` once per session: real dbt on DuckDB, artifacts in target/.

    The copy installs assay from this checkout (its packages.yml says `local: ..`).
    """
    root = tmp_path_factory.mktemp("demo") / "examples"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", "*.duckdb"))
    (root / "packages.yml").write_text(f"packages:\n  - local: {REPO}\n")
    (root / "package-lock.yml").unlink(missing_ok=True)
    site = root.parent / "site"
    previous = {key: os.environ.get(key) for key in ("ASSAY_DEMO_DB", "DBT_SEND_ANONYMOUS_USAGE_STATS")}
    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    os.environ.pop("ASSAY_DEMO_DB", None)
    try:
        result = CliRunner().invoke(main, ["demo", "--project-dir", str(root), "--out", str(site)])
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="session")
def demo_site(demo_project: Path) -> Path:
    """The contract site `assay demo` published for examples/."""
    return demo_project.parent / "site"


def _load_variants_module():
    spec = importlib.util.spec_from_file_location("diff_variants", FIXTURES / "diff" / "variants.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def targets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The `assay diff` project pairs (fixtures/diff/variants.py), each variant built once with dbt run + dbt docs generate: name → its target folder."""
    variants = _load_variants_module()
    root = tmp_path_factory.mktemp("diff-variants")
    return {name: variants.build_variant(name, root / name) for name in variants.VARIANTS}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Say where the kept copies of browser screenshots and the scale figures are."""
    from test_site_browser import SCREENSHOTS_KEY

    for folder in sorted(config.stash.get(SCREENSHOTS_KEY, set())):
        terminalreporter.write_line(f"assay: site screenshots kept in {folder}")
    for line in config.stash.get(SCALE_KEY, []):
        terminalreporter.write_line(line)


SCALE_KEY = pytest.StashKey[list]()
