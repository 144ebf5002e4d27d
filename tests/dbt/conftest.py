from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from dbt_project_runner import INTEGRATION_DIR, EngineRun  # noqa: E402
from postgres_server import postgres_server  # noqa: E402

ALL_ENGINES = ["duckdb", "postgres", "spark"]
DEFAULT_ENGINES = "duckdb,postgres"


def pytest_addoption(parser):
    parser.addoption(
        "--engines", default=DEFAULT_ENGINES,
        help=f"comma-separated engines to build the integration project on ({', '.join(ALL_ENGINES)}); "
             f"default {DEFAULT_ENGINES}. Spark needs dbt-spark[session] and pyspark: see `make test-spark`.")


def selected_engines(config) -> list[str]:
    engines = [e.strip() for e in config.getoption("--engines").split(",") if e.strip()]
    unknown = sorted(set(engines) - set(ALL_ENGINES))
    if unknown or not engines:
        raise pytest.UsageError(f"--engines: unknown engine(s) {unknown}; choose from {ALL_ENGINES}")
    return engines


def pytest_generate_tests(metafunc):
    if "engine_run" in metafunc.fixturenames:
        metafunc.parametrize("engine_run", selected_engines(metafunc.config), indirect=True, scope="session")
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", selected_engines(metafunc.config)[:1])


@pytest.fixture(scope="session")
def postgres_port():
    with postgres_server() as port:
        yield port


@pytest.fixture(scope="session")
def engine_run(request, tmp_path_factory) -> EngineRun:
    engine = request.param
    target = INTEGRATION_DIR / "target" / engine
    shutil.rmtree(target, ignore_errors=True)
    shutil.rmtree(target.with_name(target.name + "_where"), ignore_errors=True)
    env = {}
    if engine == "duckdb":
        env["ASSAY_DUCKDB_PATH"] = str(tmp_path_factory.mktemp("duckdb") / "integration.duckdb")
    elif engine == "postgres":
        env["ASSAY_PG_PORT"] = str(request.getfixturevalue("postgres_port"))
    else:
        # The Derby metastore_db/ and spark-warehouse/ go here instead of the working directory.
        env["ASSAY_SPARK_DIR"] = str(tmp_path_factory.mktemp("spark"))
    run = EngineRun(engine, env, target).run()
    yield run
    run.close()
