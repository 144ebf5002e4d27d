"""Runs the integration dbt project on one engine and reads back what happened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

INTEGRATION_DIR = Path(__file__).resolve().parents[1] / "integration"
DBT = str(Path(sys.executable).with_name("dbt"))


# The where: repeat is a third dbt command that doubles the test phase; on Spark its drift tests
# take 10-40 s each, and the suite would not fit beside the others (README "Spark").
SPARK_SKIPS_WHERE_REPEAT = "the where: repeat is left out on Spark: it doubles a test phase of slow drift tests (README \"Spark\")"


def dbt(args: list[str], project_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [DBT, *args, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)],
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", **env},
        capture_output=True, text=True,
    )


def dbt_in_one_process(commands: list[list[str]], project_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Runs dbt commands one after another in one Python process (dbt's programmatic runner),
    stopping with exit code 3 when the first (the build) fails; the later ones' failing tests
    are expected, so they only fail the process (code 2) when dbt raised."""
    script = (
        "import sys, json\n"
        "from dbt.cli.main import dbtRunner\n"
        "runner = dbtRunner()\n"
        "commands = json.loads(sys.argv[1])\n"
        "for i, args in enumerate(commands):\n"
        "    result = runner.invoke(args)\n"
        "    if result.exception is not None:\n"
        "        sys.exit(2)\n"
        "    if not result.success and i == 0:\n"
        "        sys.exit(3)\n"
    )
    tail = ["--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    return subprocess.run(
        [sys.executable, "-c", script, json.dumps([[*c, *tail] for c in commands])],
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", **env},
        capture_output=True, text=True,
    )


def spark_session_conf(spark_dir: str) -> dict[str, str]:
    """The settings of profiles.yml's spark target, for the harness's own session."""
    return {
        "spark.master": "local[2]",
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "1",
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.sql.warehouse.dir": f"{spark_dir}/warehouse",
        "spark.hadoop.javax.jdo.option.ConnectionURL": f"jdbc:derby:;databaseName={spark_dir}/metastore_db;create=true",
        "spark.driver.extraJavaOptions": f"-Dderby.system.home={spark_dir}",
    }


def _text(value) -> str:
    """A Spark value as the text the other engines' clients print (timestamps with a space)."""
    return str(value)


@dataclass
class TestCase:
    name: str
    test: str  # the generic test, e.g. "assay.expect_column_values_to_be_between"
    meta: dict

    def expected(self, engine: str) -> tuple[str, int | None]:
        status = self.meta.get(f"expect_{engine}", self.meta["expect"])
        failures = self.meta.get(f"failures_{engine}", self.meta.get("failures", 0 if status == "pass" else None))
        return status, failures


def _tests_in(entries) -> list[dict]:
    tests = []
    for entry in entries or []:
        if isinstance(entry, dict):
            ((test, args),) = entry.items()
            tests.append((test, args))
    return tests


def collect_cases(project_dir: Path = INTEGRATION_DIR) -> list[TestCase]:
    """Every generic test in the project's YAML, with the outcome it declares in meta."""
    cases = []
    for path in sorted((project_dir / "models").rglob("*.yml")):
        doc = yaml.safe_load(path.read_text()) or {}
        for model in doc.get("models", []) + doc.get("seeds", []):
            entries = list(_tests_in(model.get("data_tests")))
            for column in model.get("columns", []):
                entries += _tests_in(column.get("data_tests"))
            for test, args in entries:
                meta = (args.get("config") or {}).get("meta") or {}
                if "name" not in args or "expect" not in meta:
                    raise ValueError(f"{path}: every test case needs a name and config.meta.expect: {args}")
                cases.append(TestCase(args["name"], test, meta))
    names = [c.name for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"duplicate test case names: {sorted(duplicates)}")
    return cases


def _results_by_name(target_path: Path) -> dict[str, dict]:
    run_results = json.loads((target_path / "run_results.json").read_text())
    return {result["unique_id"].split(".")[2]: result for result in run_results["results"]}


@dataclass
class EngineRun:
    engine: str
    env: dict[str, str]
    target_path: Path
    results: dict[str, dict] = field(default_factory=dict)
    # The same tests under dbt's `where:` config (a filter that keeps every row).
    where_results: dict[str, dict] = field(default_factory=dict)
    log: str = ""

    _spark = None

    def run(self) -> "EngineRun":
        common = ["--target", self.engine, "--target-path", str(self.target_path)]
        deps = dbt(["deps"], INTEGRATION_DIR, self.env)
        assert deps.returncode == 0, deps.stdout + deps.stderr
        # Models first, then tests: in one `dbt build` a failing test on a seed would skip
        # the models below it, and with them their cases.
        build_args = ["build", "--exclude", "resource_type:test", *common]
        if self.engine == "spark":
            # Both commands in one process, so the JVM and the SparkSession start once. No
            # where: repeat on Spark (SPARK_SKIPS_WHERE_REPEAT).
            test = dbt_in_one_process([build_args, ["test", *common]], INTEGRATION_DIR, self.env)
            assert test.returncode == 0, test.stdout[-8000:] + test.stderr[-3000:]
        else:
            build = dbt(build_args, INTEGRATION_DIR, self.env)
            assert build.returncode == 0, build.stdout[-5000:]
            test = dbt(["test", *common], INTEGRATION_DIR, self.env)
            where_path = self.target_path.with_name(self.target_path.name + "_where")
            dbt(["test", "--target", self.engine, "--target-path", str(where_path),
                 "--vars", json.dumps({"assay_test_where": "1 = 1"})], INTEGRATION_DIR, self.env)
            self.where_results = _results_by_name(where_path)
        self.log = test.stdout
        self.results = _results_by_name(self.target_path)
        return self

    def spark(self):
        """A SparkSession on the run's warehouse and metastore (after dbt has exited: Derby
        admits one JVM at a time)."""
        if self._spark is None:
            from pyspark.sql import SparkSession

            builder = SparkSession.builder.enableHiveSupport()
            for key, value in spark_session_conf(self.env["ASSAY_SPARK_DIR"]).items():
                builder = builder.config(key, value)
            self._spark = builder.getOrCreate()
        return self._spark

    def close(self) -> None:
        if self._spark is not None:
            self._spark.stop()
            self._spark = None

    def query(self, sql: str) -> list[tuple]:
        """Rows of a query against the engine, as text tuples (to read stored failures)."""
        if self.engine == "spark":
            return [tuple(None if v is None else _text(v) for v in row) for row in self.spark().sql(sql).collect()]
        if self.engine == "duckdb":
            import duckdb

            with duckdb.connect(self.env["ASSAY_DUCKDB_PATH"], read_only=True) as con:
                return [tuple(None if v is None else str(v) for v in row) for row in con.execute(sql).fetchall()]
        out = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", self.env["ASSAY_PG_PORT"], "-U", "postgres", "-d", "assay",
             "-At", "-F", "\t", "-c", sql],
            check=True, capture_output=True, text=True,
        ).stdout
        return [tuple(None if v == "" else v for v in line.split("\t")) for line in out.splitlines()]

    def audit_table(self, test_name: str) -> str:
        schema = "main_dbt_test__audit" if self.engine == "duckdb" else "assay_it_dbt_test__audit"
        return f"{schema}.{test_name}"

    def columns_of(self, test_name: str) -> list[str]:
        if self.engine == "spark":
            return self.spark().table(self.audit_table(test_name)).columns
        schema, table = self.audit_table(test_name).split(".")
        rows = self.query(
            "select column_name from information_schema.columns "
            f"where table_schema = '{schema}' and table_name = '{table}' order by ordinal_position"
        )
        return [r[0] for r in rows]
