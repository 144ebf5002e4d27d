from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from dbt_project_runner import INTEGRATION_DIR, EngineRun  # noqa: E402
from postgres_server import postgres_server  # noqa: E402

ENGINES = ["duckdb", "postgres"]


@pytest.fixture(scope="session")
def postgres_port():
    with postgres_server() as port:
        yield port


@pytest.fixture(scope="session", params=ENGINES)
def engine_run(request, tmp_path_factory) -> EngineRun:
    engine = request.param
    target = INTEGRATION_DIR / "target" / engine
    shutil.rmtree(target, ignore_errors=True)
    env = {}
    if engine == "duckdb":
        env["ASSAY_DUCKDB_PATH"] = str(tmp_path_factory.mktemp("duckdb") / "integration.duckdb")
    else:
        env["ASSAY_PG_PORT"] = str(request.getfixturevalue("postgres_port"))
    return EngineRun(engine, env, target).run()
