"""Benchmark: 30 assay checks on one table, three ways, on DuckDB and PostgreSQL.

    python bench/checks/run.py [--rows N] [--engines duckdb,postgres] [--repeat 3]

1. separate: the 30 checks as 30 assay tests, each the SQL dbt compiles for it, wrapped the
   way dbt wraps a test (`select count(*) as failures ... from (<test sql>) dbt_internal_test`);
2. batched:  one `assay.checks` test holding the same 30 checks, wrapped the same way;
3. floor:    one hand-written aggregate query computing the 30 outcomes in one pass.

The test SQL comes from `dbt compile` of a generated project that uses this repository as a
`local:` package (never hand-written). The table is generated deterministically by the same
SQL formula on both engines, so both hold identical data. PostgreSQL is a throwaway server
started (and stopped) here, tuned for the benchmark.

Prints: which checks fail by each way (and whether they agree), then per engine and way the
median / best wall time over --repeat warm runs and the number of table scans in the plan
(from EXPLAIN), and the ratios batched/floor and separate/batched. `--json PATH` also writes
them there (bench/comparisons.py), for bench/run.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "dbt"))
sys.path.insert(0, str(ROOT / "bench"))
from comparisons import comparison, condition, write_json  # noqa: E402
from postgres_server import postgres_server  # noqa: E402

DBT = str(Path(sys.executable).with_name("dbt"))
DEFAULT_ROWS = 5_000_000
TABLE = "events"
ENGINE_NAMES = {"duckdb": "DuckDB", "postgres": "PostgreSQL"}

# The issue's targets, as (operator, bound) on a ratio of median times.
BATCHED_VS_FLOOR = ("<=", 1.5)                                      # batched / floor
SEPARATE_VS_BATCHED = {"postgres": (">=", 5.0), "duckdb": (">", 1.0)}  # separate / batched: it must be faster

# Settings of the throwaway PostgreSQL server (2 cores, 24 GiB machine).
PG_SETTINGS = {
    "shared_buffers": "6GB",            # the 20M-row table (~2.6 GB) stays in shared buffers
    "effective_cache_size": "16GB",
    "work_mem": "256MB",                # sorts/hashes of one aggregate; per node, per worker
    "maintenance_work_mem": "1GB",
    "max_parallel_workers_per_gather": "2",
    # PostgreSQL's default: a worker's slot is freed only once the postmaster has reaped it, so
    # with 2 the batch's next Gather often launched no workers (4M rows: 3.9 s vs 3.4 s).
    "max_parallel_workers": "8",
    "max_worker_processes": "8",
    "jit": "off",                       # JIT compile cost is paid per query and varies; off for stable timings
    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
    "wal_level": "minimal", "max_wal_senders": "0", "max_wal_size": "8GB",
    "autovacuum": "off",                # VACUUM ANALYZE is run explicitly after loading
}


# ---------------------------------------------------------------------------------------------
# Data: one SQL formula, valid on DuckDB and PostgreSQL, over i = 1..N.
# u(a, b): a deterministic pseudo-uniform in [0, 1) (a multiplicative congruential stream).
# ---------------------------------------------------------------------------------------------
P = 1000003


def u(a: int, b: int) -> str:
    return f"(cast((i * {a} + {b}) % {P} as double precision) / {P})"


def data_select(rows: int, series: str) -> str:
    customers = max(rows // 10, 1)
    amount = f"(20 + 20 * ({u(7919, 11)} + {u(104723, 17)} + {u(15485863 % P, 29)}))"
    countries = "USDEFRGBITESNLBEATCHSEDKNOPLCZPTIEFIGRJP"  # 20 two-letter codes
    ts = f"(timestamp '2024-01-01 00:00:00' + ((i * 104729) % 31536000) * interval '1 second')"
    return f"""
select
    i as id,
    cast(1 + (i * 7919) % {customers} as integer) as customer_id,
    {ts} as event_ts,
    cast({ts} as date) as event_date,
    case when i % 100 = 37 then null when i % 1000000 = 777 then 5000.0 else {amount} end as amount,
    cast(1 + (i * 13) % 20 as integer) as quantity,
    {u(31337, 7)} as score,
    case (i * 17) % 6 when 0 then null when 1 then 'alpha' when 2 then 'beta' when 3 then 'gamma'
         when 4 then 'delta' else 'epsilon' end as category,
    substr('{countries}', cast(1 + 2 * ((i * 7) % 20) as integer), 2) as country,
    case when i % 50 = 19 then null when i % 500000 = 11 then 'n/a'
         else 'user' || cast(1 + (i * 7919) % {customers} as varchar) || '@example.'
              || case when i % 3 = 0 then 'org' else 'com' end end as email,
    case when {u(611953, 3)} < 0.7 then 'active' when {u(611953, 3)} < 0.95 then 'churned' else 'trial' end as status,
    case when i % 10 = 3 or i % 100 = 37 then null
         else ({amount}) * {u(9973, 5)} * 0.3 end as discount
from {series}
"""


# ---------------------------------------------------------------------------------------------
# The 30 checks: the assay test with its arguments, and the floor's hand-written outcome
# (a boolean "fails" expression over aggregates of the whole table, one pass).
# ---------------------------------------------------------------------------------------------
EMAIL_RE = r"^user[0-9]+@example[.](com|org)$"
CATEGORIES = ["alpha", "beta", "gamma", "delta", "epsilon"]
STATUSES = ["active", "churned", "trial"]
COUNTRIES = [("USDEFRGBITESNLBEATCHSEDKNOPLCZPTIEFIGRJP"[k:k + 2]) for k in range(0, 40, 2)]


def q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


COUNTRY_LIST = ", ".join(q(c) for c in COUNTRIES)  # the floor's SQL list, for both mixes


def regex(engine: str, col: str, pattern: str) -> str:
    return f"regexp_matches({col}, {q(pattern)})" if engine == "duckdb" else f"({col} ~ {q(pattern)})"


def row_fails(bad: str, probe: str | None = None, mostly: float = 1.0, where: str | None = None) -> str:
    """A row check fails when some row is bad and (with mostly) too few rows are good.
    `bad` is NULL for rows the check skips; `probe` is the column whose NULLs are skipped."""
    scope = f" and ({where})" if where else ""
    f = f"count(*) filter (where ({bad}){scope})"
    if mostly >= 1:
        return f"{f} > 0"
    n = f"count(*) filter (where {probe} is not null{scope})"
    return f"({f} > 0 and {n} - {f} < {mostly} * {n})"


def not_null(column: str, name: str | None = None) -> dict:
    return dict(name=name or f"nn_{column}", test="expect_column_values_to_not_be_null", args={"column_name": column},
                floor=lambda e: f"count({column}) < count(*)")


def per_group(values: list[str], column: str, agg: str, bad: str, where: str | None = None) -> str:
    """A grouped aggregate check by hand: the groups are known, each is a FILTER."""
    scope = f" and ({where})" if where else ""
    parts = []
    for v in values:
        g = f"{agg} filter (where {column} = {q(v)}{scope})"
        parts.append(f"coalesce(not ({bad.format(g)}), true)")
    return "(" + " or ".join(parts) + ")"


# The checks whose cost is per-row work rather than reading the table: a regex, a sort (median,
# quantile, distinct count) or a hash of every key (compound uniqueness). Batching saves a scan,
# not that work, so the scan-bound mix swaps them for the cheap checks below.
PER_ROW_WORK = {"regex_email", "regex_email_mostly", "median_amount", "p95_score", "distinct_country",
                "distinct_customer", "unique_customer_ts"}
MIXES = ("broad", "scan")


def checks(rows: int, mix: str = "broad") -> list[dict]:
    """name, test, args (assay's), floor(engine) -> SQL boolean 'fails'.

    broad: the vocabulary's range, every kind of check the batch engine handles, per-row work
    included; scan: the same minus PER_ROW_WORK plus seven more scan-bound checks (a model's
    usual not-null / range / set / pattern checks), still 30."""
    if mix == "scan":
        return [c for c in checks(rows) if c["name"] not in PER_ROW_WORK] + scan_bound_extras()
    if mix != "broad":
        raise ValueError(f"unknown mix {mix!r}: one of {MIXES}")
    cats = ", ".join(q(c) for c in CATEGORIES)
    stats = ", ".join(q(s) for s in STATUSES[:2])
    return [
        not_null("id"),
        not_null("amount"),
        dict(name="nn_email_mostly", test="expect_column_values_to_not_be_null",
             args={"column_name": "email", "mostly": 0.95},
             floor=lambda e: "(count(*) > count(email) and count(email) < 0.95 * count(*))"),
        dict(name="between_score", test="expect_column_values_to_be_between",
             args={"column_name": "score", "min_value": 0, "max_value": 1},
             floor=lambda e: row_fails("score < 0 or score > 1")),
        dict(name="between_quantity", test="expect_column_values_to_be_between",
             args={"column_name": "quantity", "min_value": 1, "max_value": 20},
             floor=lambda e: row_fails("quantity < 1 or quantity > 20")),
        dict(name="between_amount_mostly", test="expect_column_values_to_be_between",
             args={"column_name": "amount", "min_value": 0, "max_value": 100, "mostly": 0.999},
             floor=lambda e: row_fails("amount < 0 or amount > 100", "amount", 0.999)),
        dict(name="between_amount", test="expect_column_values_to_be_between",
             args={"column_name": "amount", "min_value": 0, "max_value": 100},
             floor=lambda e: row_fails("amount < 0 or amount > 100")),
        dict(name="in_set_category", test="expect_column_values_to_be_in_set",
             args={"column_name": "category", "value_set": CATEGORIES},
             floor=lambda e: row_fails(f"category not in ({cats})")),
        dict(name="in_set_status", test="expect_column_values_to_be_in_set",
             args={"column_name": "status", "value_set": STATUSES[:2]},
             floor=lambda e: row_fails(f"status not in ({stats})")),
        dict(name="in_set_country_active", test="expect_column_values_to_be_in_set",
             args={"column_name": "country", "value_set": COUNTRIES, "row_condition": "status = 'active'"},
             floor=lambda e: row_fails(f"country not in ({COUNTRY_LIST})", where="status = 'active'")),
        dict(name="regex_email", test="expect_column_values_to_match_regex",
             args={"column_name": "email", "regex": EMAIL_RE},
             floor=lambda e: row_fails(f"not {regex(e, 'email', EMAIL_RE)}")),
        dict(name="regex_email_mostly", test="expect_column_values_to_match_regex",
             args={"column_name": "email", "regex": EMAIL_RE, "mostly": 0.99},
             floor=lambda e: row_fails(f"not {regex(e, 'email', EMAIL_RE)}", "email", 0.99)),
        dict(name="like_country", test="expect_column_values_to_match_like_pattern",
             args={"column_name": "country", "like_pattern": "__"},
             floor=lambda e: row_fails("country not like '__'")),
        dict(name="lengths_email", test="expect_column_value_lengths_to_be_between",
             args={"column_name": "email", "min_value": 3, "max_value": 40},
             floor=lambda e: row_fails("length(email) < 3 or length(email) > 40")),
        dict(name="mean_amount", test="expect_column_mean_to_be_between",
             args={"column_name": "amount", "min_value": 45, "max_value": 55},
             floor=lambda e: "coalesce(not (avg(amount) between 45 and 55), true)"),
        dict(name="mean_score_by_category", test="expect_column_mean_to_be_between",
             args={"column_name": "score", "min_value": 0.45, "max_value": 0.55, "group_by": ["category"]},
             floor=lambda e: per_group(CATEGORIES, "category", "avg(score)", "{} between 0.45 and 0.55")
             + " or coalesce(not (avg(score) filter (where category is null) between 0.45 and 0.55), true)"),
        dict(name="mean_amount_us", test="expect_column_mean_to_be_between",
             args={"column_name": "amount", "min_value": 45, "max_value": 55, "row_condition": "country = 'US'"},
             floor=lambda e: "coalesce(not (avg(amount) filter (where country = 'US') between 45 and 55), true)"),
        dict(name="min_quantity_by_status", test="expect_column_min_to_be_between",
             args={"column_name": "quantity", "min_value": 1, "group_by": ["status"],
                   "row_condition": "category is not null"},
             floor=lambda e: per_group(STATUSES, "status", "min(quantity)", "{} >= 1", "category is not null")),
        dict(name="max_amount", test="expect_column_max_to_be_between",
             args={"column_name": "amount", "max_value": 1000},
             floor=lambda e: "coalesce(not (max(amount) <= 1000), true)"),
        dict(name="stdev_amount", test="expect_column_stdev_to_be_between",
             args={"column_name": "amount", "min_value": 5, "max_value": 25},
             floor=lambda e: "coalesce(not (stddev_samp(amount) between 5 and 25), true)"),
        dict(name="median_amount", test="expect_column_median_to_be_between",
             args={"column_name": "amount", "min_value": 45, "max_value": 55},
             floor=lambda e: "coalesce(not (percentile_cont(0.5) within group (order by amount) between 45 and 55), true)"),
        dict(name="p95_score", test="expect_column_quantile_values_to_be_between",
             args={"column_name": "score", "quantile": 0.95, "min_value": 0.9, "max_value": 1},
             floor=lambda e: "coalesce(not (percentile_cont(0.95) within group (order by score) between 0.9 and 1), true)"),
        dict(name="row_count", test="expect_table_row_count_to_be_between", args={"min_value": rows},
             floor=lambda e: f"not (count(*) >= {rows})"),
        dict(name="row_count_by_status", test="expect_table_row_count_to_be_between",
             args={"min_value": rows // 25, "group_by": ["status"]},
             floor=lambda e: per_group(STATUSES, "status", "count(*)", "{} >= " + str(rows // 25))),
        dict(name="distinct_country", test="expect_column_distinct_count_to_equal",
             args={"column_name": "country", "value": 20},
             floor=lambda e: "count(distinct country) <> 20"),
        dict(name="distinct_customer", test="expect_column_distinct_count_to_be_greater_than",
             args={"column_name": "customer_id", "value": rows // 20},
             floor=lambda e: f"not (count(distinct customer_id) > {rows // 20})"),
        dict(name="unique_customer_ts", test="expect_compound_columns_to_be_unique",
             args={"column_list": ["customer_id", "event_ts"]},
             # both columns are never NULL, so every row is kept
             floor=lambda e: "count(distinct (customer_id, event_ts)) < count(*)"),
        dict(name="expr_ts_date", test="expression_is_true",
             args={"expression": "cast(event_ts as date) = event_date"},
             floor=lambda e: row_fails("not (cast(event_ts as date) = event_date)")),
        dict(name="expr_discount", test="expression_is_true",
             args={"expression": "discount <= amount", "row_condition": "discount is not null"},
             floor=lambda e: row_fails("not (discount <= amount)", where="discount is not null")),
        dict(name="nn_prop_discount", test="not_null_proportion",
             args={"column_name": "discount", "at_least": 0.95},
             floor=lambda e: "coalesce(not (cast(count(discount) as double precision) / count(*) between 0.95 and 1), true)"),
    ]


def scan_bound_extras() -> list[dict]:
    return [
        not_null("customer_id", "nn_customer"),
        not_null("event_ts"),
        not_null("quantity"),
        not_null("score"),
        dict(name="between_discount", test="expect_column_values_to_be_between",
             args={"column_name": "discount", "min_value": 0, "max_value": 100},
             floor=lambda e: row_fails("discount < 0 or discount > 100")),
        dict(name="in_set_country", test="expect_column_values_to_be_in_set",
             args={"column_name": "country", "value_set": COUNTRIES},
             floor=lambda e: row_fails(f"country not in ({COUNTRY_LIST})")),
        dict(name="like_email", test="expect_column_values_to_match_like_pattern",
             args={"column_name": "email", "like_pattern": "%@example.%"},
             floor=lambda e: row_fails("email not like '%@example.%'")),
    ]


# ---------------------------------------------------------------------------------------------
# The generated dbt project: the 30 tests on a source, and one `assay.checks` with all 30.
# ---------------------------------------------------------------------------------------------
def write_project(project: Path, rows: int, duckdb_path: Path, pg_port: int | None, assay_root: Path = ROOT) -> None:
    import yaml

    project.mkdir(parents=True, exist_ok=True)
    (project / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "assay_bench", "version": "1.0", "config-version": 2, "profile": "assay_bench",
        "model-paths": ["models"],
    }))
    (project / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(assay_root)}]}))
    outputs = {"duckdb": {"type": "duckdb", "path": str(duckdb_path), "threads": 2}}
    if pg_port is not None:
        outputs["postgres"] = {"type": "postgres", "host": "127.0.0.1", "port": pg_port, "user": "postgres",
                               "password": "", "dbname": "assay", "schema": "public", "threads": 2}
    (project / "profiles.yml").write_text(yaml.safe_dump({"assay_bench": {"target": "duckdb", "outputs": outputs}}))
    columns: dict[str, list] = {}
    table_tests = []
    written = set()
    for mix in MIXES:
        batch = []
        for c in checks(rows, mix):
            args = dict(c["args"])
            batch.append({"test": c["test"], "name": c["name"], **args})
            if c["name"] in written:
                continue
            written.add(c["name"])
            column = args.pop("column_name", None)
            entry = {f"assay.{c['test']}": {"name": c["name"], "arguments": args}}
            (columns.setdefault(column, []) if column else table_tests).append(entry)
        table_tests.append({"assay.checks": {"name": batched_name(mix), "arguments": {"checks": batch}}})
        # The same batch with store_failures, compiled only to read which checks fail (without it,
        # a failing row is a bare `1`); the timed query is the batch without it, as dbt runs it.
        table_tests.append({"assay.checks": {"name": batched_name(mix) + "_verdict", "arguments": {"checks": batch},
                                             "config": {"store_failures": True}}})
    source = {
        "name": "bench", "schema": "{{ 'main' if target.type == 'duckdb' else 'public' }}",
        "tables": [{"name": TABLE, "data_tests": table_tests,
                    "columns": [{"name": col, "data_tests": tests} for col, tests in columns.items()]}],
    }
    (project / "models").mkdir(exist_ok=True)
    (project / "models" / "sources.yml").write_text(yaml.safe_dump({"version": 2, "sources": [source]}, sort_keys=False))


def batched_name(mix: str) -> str:
    return "batched_checks" if mix == "broad" else f"batched_checks_{mix}"


def dbt(args: list[str], project: Path) -> None:
    done = subprocess.run([DBT, *args, "--project-dir", str(project), "--profiles-dir", str(project)],
                          env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"dbt {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def compile_tests(project: Path, target: str) -> dict[str, str]:
    """The compiled SQL of every test of the generated project, by test name."""
    target_path = project / f"target_{target}"
    dbt(["compile", "--target", target, "--target-path", str(target_path), "--select", "test_type:generic"], project)
    manifest = json.loads((target_path / "manifest.json").read_text())
    return {n["name"]: n["compiled_code"] for n in manifest["nodes"].values()
            if n["resource_type"] == "test" and n.get("compiled_code")}


def dbt_wrapped(sql: str) -> str:
    """As dbt's default get_test_sql wraps a test (fail_calc count(*), warn_if/error_if != 0)."""
    return (f"select count(*) as failures, count(*) != 0 as should_warn, count(*) != 0 as should_error\n"
            f"from (\n{sql}\n) dbt_internal_test")


# ---------------------------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------------------------
class QueryTimeout(Exception):
    pass


class DuckDB:
    name = "duckdb"

    def __init__(self, path: Path):
        import duckdb
        self.path = path
        self.duckdb = duckdb
        self.con = None

    def load(self, rows: int) -> None:
        con = self.duckdb.connect(str(self.path))
        con.execute(f"create or replace table main.{TABLE} as {data_select(rows, f'range(1, {rows + 1}) as t(i)')}")
        con.execute("checkpoint")
        con.close()

    def open(self) -> None:
        self.con = self.duckdb.connect(str(self.path))
        self.con.execute("set threads = 2")

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def query(self, sql: str, timeout: float | None = None) -> list[tuple]:
        import threading
        timer = threading.Timer(timeout, self.con.interrupt) if timeout else None
        if timer:
            timer.start()
        try:
            return self.con.execute(sql).fetchall()
        except self.duckdb.InterruptException as e:
            raise QueryTimeout() from e
        finally:
            if timer:
                timer.cancel()

    def scans(self, sql: str) -> int:
        plan = self.con.execute("explain (format json) " + sql).fetchall()
        count = 0

        def walk(node):
            nonlocal count
            if isinstance(node, dict):
                name = str(node.get("name", "")).strip()
                info = json.dumps(node.get("extra_info", ""))
                if name in ("SEQ_SCAN", "TABLE_SCAN") and TABLE in info:
                    count += 1
                for child in node.get("children", []):
                    walk(child)
            elif isinstance(node, list):
                for child in node:
                    walk(child)

        for _, text in plan:
            walk(json.loads(text))
        return count

    def settings(self) -> str:
        threads, memory = self.con.execute(
            "select current_setting('threads'), current_setting('memory_limit')").fetchone()
        return f"threads={threads}, memory_limit={memory}"


class Postgres:
    name = "postgres"

    def __init__(self, port: int):
        import psycopg2
        self.port = port
        self.psycopg2 = psycopg2
        self.con = None

    def connect(self):
        con = self.psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="assay")
        con.autocommit = True
        return con

    def load(self, rows: int) -> None:
        con = self.connect()
        cur = con.cursor()
        cur.execute(f"drop table if exists public.{TABLE}")
        cur.execute(f"create table public.{TABLE} as {data_select(rows, f'generate_series(cast(1 as bigint), {rows}) as t(i)')}")
        cur.execute(f"vacuum analyze public.{TABLE}")
        con.close()

    def open(self) -> None:
        self.con = self.connect()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def query(self, sql: str, timeout: float | None = None) -> list[tuple]:
        cur = self.con.cursor()
        cur.execute(f"set statement_timeout = {int(timeout * 1000) if timeout else 0}")
        try:
            cur.execute(sql)
            return cur.fetchall()
        except self.psycopg2.errors.QueryCanceled as e:
            raise QueryTimeout() from e

    def scans(self, sql: str) -> int:
        (plan,) = self.query("explain (format json) " + sql)[0]
        count = 0

        def walk(node):
            nonlocal count
            if node.get("Node Type") in ("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan") \
                    and node.get("Relation Name") == TABLE:
                count += 1
            for child in node.get("Plans", []):
                walk(child)

        walk(plan[0]["Plan"])
        return count

    def settings(self) -> str:
        names = ["shared_buffers", "work_mem", "max_parallel_workers_per_gather", "jit", "effective_cache_size"]
        values = self.query("select name, setting, unit from pg_settings where name in ("
                            + ", ".join(q(n) for n in names) + ")")
        size = self.query(f"select pg_size_pretty(pg_table_size('public.{TABLE}'))")[0][0]
        return ", ".join(f"{n}={s}{u or ''}" for n, s, u in values) + f"; table {size}"


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------
def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def measure(engine, rows: int, mix: str, compiled: dict[str, str], repeat: int, timeout: float | None, log) -> dict:
    specs = checks(rows, mix)
    names = [c["name"] for c in specs]
    separate_sql = {n: dbt_wrapped(compiled[n]) for n in names}
    batched_sql = dbt_wrapped(compiled[batched_name(mix)])
    floor_cols = [f"({c['floor'](engine.name)}) as {c['name']}" for c in specs]
    floor_sql = "select\n    " + ",\n    ".join(floor_cols) + f"\nfrom {TABLE}"
    if engine.name == "postgres":
        floor_sql = floor_sql.replace(f"from {TABLE}", f"from public.{TABLE}")

    scans = {
        "separate": sum(engine.scans(separate_sql[n]) for n in names),
        "batched": engine.scans(batched_sql),
        "floor": engine.scans(floor_sql),
    }
    failing: dict[str, set | None] = {}
    times: dict[str, tuple | None] = {}
    per_test = {n: [] for n in names}

    def run_separate(t=None):
        for n in names:
            s = time.perf_counter()
            engine.query(separate_sql[n], t)
            per_test[n].append(time.perf_counter() - s)

    # Each way: one warm-up run that also gives its verdict (not timed), then `repeat` timed runs.
    log(f"  [{engine.name}, {mix} mix] separate: warm-up/verdict, then {repeat} timed runs")
    try:
        failing["separate"] = {n for n in names if engine.query(separate_sql[n], timeout)[0][0] > 0}
        times["separate"] = timed(run_separate, repeat)
    except QueryTimeout:
        failing["separate"] = times["separate"] = None
    log(f"  [{engine.name}, {mix} mix] batched")
    try:
        failing["batched"] = {r[0] for r in engine.query(compiled[batched_name(mix) + "_verdict"], timeout)}
        engine.query(batched_sql, timeout)
        times["batched"] = timed(lambda: engine.query(batched_sql, timeout), repeat)
    except QueryTimeout:
        failing["batched"] = times["batched"] = None
    log(f"  [{engine.name}, {mix} mix] floor")
    try:
        (floor_row,) = engine.query(floor_sql, timeout)
        failing["floor"] = {n for n, v in zip(names, floor_row) if v}
        times["floor"] = timed(lambda: engine.query(floor_sql, timeout), repeat)
    except QueryTimeout:
        failing["floor"] = times["floor"] = None
    return {
        "names": names, "failing": failing, "scans": scans, "times": times,
        "per_test": {n: statistics.median(v) for n, v in per_test.items() if v},
        "sql": {"batched": compiled[batched_name(mix)], "floor": floor_sql, "separate": separate_sql},
        "settings": engine.settings(), "timeout": timeout,
    }


def agreement(failing: dict[str, set | None]) -> str:
    known = [v for v in failing.values() if v is not None]
    if len(known) == 3 and all(v == known[0] for v in known):
        return "AGREE"
    return "DISAGREE" if len(known) > 1 and any(v != known[0] for v in known) else "INCOMPLETE"


def median_ratio(result: dict, a: str, b: str) -> float | None:
    """Median time of way a over way b; None when either timed out."""
    t = {w: (v[0] if v else None) for w, v in result["times"].items()}
    return t[a] / t[b] if t[a] and t[b] else None


def run_label(engine: str, mix: str) -> str:
    return engine if mix == "broad" else f"{engine}/{mix}"


def report(rows: int, results: dict[tuple[str, str], dict], out) -> None:
    p = lambda *a: print(*a, file=out, flush=True)  # noqa: E731
    w = max(len(run_label(*key)) for key in results) if results else 9
    p(f"\n== verdicts ({rows:,} rows): failing checks by each way")
    for key, r in results.items():
        f = r["failing"]
        for way in ("separate", "batched", "floor"):
            shown = sorted(f[way]) if f[way] is not None else f"(timed out after {r['timeout']:.0f}s)"
            p(f"{run_label(*key) if way == 'separate' else '':{w}} {way + ':':9} {shown}")
        p(f"{'':{w}} {agreement(f)}")
    p(f"\n== timings ({rows:,} rows, warm; median and best of the repeats)")
    p(f"{'engine':{w}} {'way':9} {'median s':>9} {'best s':>8} {'scans':>6}")
    for key, r in results.items():
        for way in ("separate", "batched", "floor"):
            t = r["times"][way]
            cell = f"{t[0]:9.3f} {t[1]:8.3f}" if t else f"{'> ' + format(r['timeout'], '.0f'):>9} {'-':>8}"
            p(f"{run_label(*key):{w}} {way:9} {cell} {r['scans'][way]:6d}")
    p("")
    for (name, mix), r in results.items():
        ratio = lambda a, b: "n/a" if median_ratio(r, a, b) is None else f"{median_ratio(r, a, b):.2f}x"  # noqa: E731
        (op, bound), (sop, sbound) = BATCHED_VS_FLOOR, SEPARATE_VS_BATCHED[name]
        p(f"{run_label(name, mix):{w}} batched/floor = {ratio('batched', 'floor')} (target {op} {bound:g}x)   "
          f"separate/batched = {ratio('separate', 'batched')} "
          f"(target {sop} {sbound:g}x)")
    for key, r in results.items():
        p(f"\n{run_label(*key)} settings: {r['settings']}")
        slow = sorted(r["per_test"].items(), key=lambda kv: -kv[1])
        if slow:
            p(f"{run_label(*key)} separate tests, slowest first (median s): " + ", ".join(f"{n} {s:.3f}" for n, s in slow))


def write_results(path: Path, rows: int, repeat: int, results: dict[tuple[str, str], dict]) -> None:
    """The report's figures as JSON (bench/comparisons.py): two comparisons per engine and mix."""
    comparisons = []
    for (name, mix), r in results.items():
        def way(w: str) -> str:
            t, n = r["times"][w], r["scans"][w]
            took = f"{t[0]:.2f} s" if t else f"> {r['timeout']:.0f} s (timed out)"
            return f"{w} {took}, {n} scan{'s' if n != 1 else ''}"
        engine = ENGINE_NAMES[name] + ("" if mix == "broad" else f", {mix}-bound mix")
        comparisons.append(comparison(
            f"{engine}: batched vs floor", f"{way('batched')}; {way('floor')}; verdicts {agreement(r['failing'])}",
            time=condition(median_ratio(r, "batched", "floor"), "x the time", *BATCHED_VS_FLOOR)))
        comparisons.append(comparison(
            f"{engine}: batched vs separate", f"{way('separate')}; {way('batched')}",
            time=condition(median_ratio(r, "separate", "batched"), "x faster", *SEPARATE_VS_BATCHED[name])))
    raw = {run_label(*key): {
        "times": {w: None if t is None else {"median_s": t[0], "best_s": t[1]} for w, t in r["times"].items()},
        "scans": r["scans"], "agreement": agreement(r["failing"]),
        "failing": {w: None if f is None else sorted(f) for w, f in r["failing"].items()},
        "separate_tests_median_s": r["per_test"], "settings": r["settings"], "timeout_s": r["timeout"],
    } for key, r in results.items()}
    write_json(path, "checks", comparisons, rows=rows, repeat=repeat, engines=raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--engines", default="duckdb,postgres")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mixes", default=",".join(MIXES),
                        help="which 30 checks: broad (per-row work included), scan (scan-bound); default both")
    parser.add_argument("--assay-root", type=Path, default=ROOT,
                        help="the assay package to benchmark (default: this repository), e.g. a scratch copy with a changed engine")
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds after which one query is cancelled and its way reported as timed out")
    parser.add_argument("--workdir", help="keep the generated project, data and SQL here (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the results here as JSON (bench/comparisons.py)")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(engines) - {"duckdb", "postgres"}
    if unknown:
        sys.exit(f"unknown engines: {sorted(unknown)}")
    mixes = [m.strip() for m in args.mixes.split(",") if m.strip()]
    if not mixes or set(mixes) - set(MIXES):
        sys.exit(f"--mixes: one or more of {list(MIXES)}, got {args.mixes!r}")
    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    # A plain SIGTERM would skip the cleanup below and leave the PostgreSQL server running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print(f"assay checks benchmark: {args.rows:,} rows"
          f"{' (default size)' if args.rows == DEFAULT_ROWS else ''}, engines {engines}, mixes {mixes}, repeat {args.repeat}"
          f"{'' if args.assay_root.resolve() == ROOT else f', assay from {args.assay_root}'}",
          flush=True)
    log = lambda m: print(m, flush=True)  # noqa: E731
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="assay-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    try:
        with contextlib.ExitStack() as stack:
            port = stack.enter_context(postgres_server(settings=PG_SETTINGS)) if "postgres" in engines else None
            duck_path = work / "bench.duckdb"
            project = work / "project"
            write_project(project, args.rows, duck_path, port, args.assay_root.resolve())
            dbt(["deps"], project)
            for name in engines:
                engine = DuckDB(duck_path) if name == "duckdb" else Postgres(port)
                s = time.perf_counter()
                engine.load(args.rows)
                log(f"  [{name}] loaded {args.rows:,} rows in {time.perf_counter() - s:.1f}s")
                s = time.perf_counter()
                compiled = compile_tests(project, name)
                log(f"  [{name}] dbt compile: {len(compiled)} tests in {time.perf_counter() - s:.1f}s")
                engine.open()
                try:
                    for mix in mixes:
                        results[name, mix] = measure(engine, args.rows, mix, compiled, args.repeat, args.timeout, log)
                finally:
                    engine.close()
                for mix in mixes:
                    sql_dir = work / "sql" / run_label(name, mix)
                    sql_dir.mkdir(parents=True, exist_ok=True)
                    (sql_dir / "batched.sql").write_text(results[name, mix]["sql"]["batched"])
                    (sql_dir / "floor.sql").write_text(results[name, mix]["sql"]["floor"])
                    for n, sql in results[name, mix]["sql"]["separate"].items():
                        (sql_dir / f"separate_{n}.sql").write_text(sql)
                if name == "duckdb":
                    duck_path.unlink(missing_ok=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    report(args.rows, results, sys.stdout)
    if args.json:
        write_results(args.json, args.rows, args.repeat, results)
    if args.workdir:
        print(f"\nSQL of each way: {work / 'sql'}")


if __name__ == "__main__":
    main()
