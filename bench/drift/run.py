"""Drift benchmark: assay's drift tests (DuckDB, against a stored profile) vs pandas/scipy vs
evidently's DataDriftPreset vs one hand-written DuckDB query (the floor), side by side.

    bash bench/drift/setup.sh && bash bench/drift/setup_evidently.sh    # once
    bench/.venv-bench/bin/python bench/drift/run.py --rows 1000000
    bench/.venv-bench/bin/python bench/drift/run.py --rows 5000000 --skip-evidently

Data: 50 numeric + 10 categorical features, `--rows` rows on each side (reference, current), as
Parquet; drift is injected into numeric x0..x9 and categorical c0..c2 (c2 gains a category the
reference never saw). Statistics: decile PSI for all 60 features and binned KS (101 reference
quantiles) for the 50 numeric ones. assay, pandas and the floor read the current Parquet and the
stored reference profile; evidently has no stored profile and reads both sides (PSI for every
column, method='psi'). The reference profile is captured once with assay.capture_profile and
timed on its own line. Every method runs in a child process of its own; its peak memory is that
child's own peak RSS (VmHWM in /proc/self/status). `--json PATH` also writes the figures
and the ratios against the issue's targets there (bench/comparisons.py), for bench/run.py."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PROJECT = HERE / "project"
BENCH_VENV = ROOT / "bench" / ".venv-bench"
EVIDENTLY_VENV = ROOT / "bench" / ".venv-evidently"
N_NUM, N_CAT = 50, 10
sys.path.insert(0, str(ROOT / "bench"))
from comparisons import comparison, condition, write_json  # noqa: E402

# The targets for assay against each method: time as their time over assay's ("x faster";
# for the floor, assay's over the floor's: "x the time"), memory as assay's peak RSS over theirs.
TARGETS = {
    "evidently": {"time": (">=", 20.0), "memory": ("<=", 1 / 3)},
    "pandas": {"time": (">=", 2.0), "memory": ("<=", 0.5)},
    "floor": {"time": ("<=", 1.3), "memory": ()},
}
NUMERIC = [f"x{i}" for i in range(N_NUM)]
CATEGORICAL = [f"c{i}" for i in range(N_CAT)]

# ---------------------------------------------------------------------------------------------
# data


def generate(out: Path, rows: int, seed: int = 7, chunk: int = 500_000) -> None:
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    def frame(rng, n, drift):
        cols = {}
        for i in range(N_NUM):
            kind = i % 4
            shift = 0.25 if (drift and i < 10) else 0.0
            if kind == 0:
                v = rng.normal(shift, 1.0, n)
            elif kind == 1:
                v = rng.lognormal(shift, 1.0, n)
            elif kind == 2:
                v = rng.exponential(1.0 + shift, n)
            else:
                v = rng.standard_t(3, n) + shift
            cols[f"x{i}"] = v
        for j in range(N_CAT):
            k = 5 + j
            labels = np.array([f"v{t}" for t in range(k + 1)])
            p = np.linspace(2.0, 1.0, k)
            p = np.append(p, 0.0)
            if drift and j < 3:
                p[:k] = p[:k][::-1]
                if j == 2:
                    p[k] = 0.5
            p = p / p.sum()
            cols[f"c{j}"] = labels[rng.choice(k + 1, n, p=p)]
        return pa.table(cols)

    rng = np.random.default_rng(seed)
    for side, drift in (("reference", False), ("current", True)):
        path = out / f"{side}.parquet"
        writer = None
        for start in range(0, rows, chunk):
            table = frame(rng, min(chunk, rows - start), drift)
            writer = writer or pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
        writer.close()


# ---------------------------------------------------------------------------------------------
# children: each prints one JSON line {"seconds": ..., "peak_rss_mb": ..., "values": {...}}

# Peak RSS is the child's own high-water mark (VmHWM): getrusage's ru_maxrss survives exec, so a
# child started by this (large) parent would report the parent's peak instead of its own.
CHILD_PRELUDE = """
import json, sys, time
def done(seconds, values):
    with open("/proc/self/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    print(json.dumps({"seconds": seconds, "peak_rss_mb": rss, "values": values}))
"""

ASSAY_CHILD = CHILD_PRELUDE + """
import duckdb
spec = json.load(open(sys.argv[1]))
con = duckdb.connect(spec["db"], read_only=True)
start = time.perf_counter()
for sql in spec["timed"]:
    con.execute("select count(*) from (" + sql + ") as assay_t").fetchall()
seconds = time.perf_counter() - start
values = {}
for sql in spec["values"]:
    for column, statistic, value in con.execute("select column_name, statistic, value from (" + sql + ") as v").fetchall():
        values[column + ":" + statistic] = value
done(seconds, values)
"""

FLOOR_CHILD = CHILD_PRELUDE + """
import duckdb
spec = json.load(open(sys.argv[1]))
con = duckdb.connect()
start = time.perf_counter()
rows = con.execute(spec["sql"]).fetchall()
seconds = time.perf_counter() - start
done(seconds, {c + ":" + s: v for c, s, v in rows})
"""

PANDAS_CHILD = CHILD_PRELUDE + """
import numpy as np, pandas as pd
spec = json.load(open(sys.argv[1]))
prof = spec["profile"]
start = time.perf_counter()
cur = pd.read_parquet(spec["current"])
eps = 1e-4
values = {}
for c in spec["numeric"]:
    x = cur[c].to_numpy()
    x = x[~np.isnan(x)]
    edges = np.array(prof[c]["edges"])
    q = np.bincount(np.searchsorted(edges, x, side="left"), minlength=len(edges) + 1) / len(x)
    p = np.array(prof[c]["shares"])
    pe, qe = np.maximum(p, eps), np.maximum(q, eps)
    values[c + ":psi"] = float(np.sum((qe - pe) * np.log(qe / pe)))
    points = np.array(prof[c]["points"])
    xs = np.sort(x)
    f_cur = np.searchsorted(xs, points, side="right") / len(xs)
    values[c + ":ks"] = float(np.max(np.abs(f_cur - np.array(prof[c]["cdf"]))))
for c in spec["categorical"]:
    counts = cur[c].value_counts(dropna=True)
    q = counts / counts.sum()
    ref = pd.Series(prof[c]["shares"])
    cats = ref.index.union(q.index)
    p = ref.reindex(cats, fill_value=0).to_numpy()
    qq = q.reindex(cats, fill_value=0).to_numpy()
    pe, qe = np.maximum(p, eps), np.maximum(qq, eps)
    values[c + ":psi"] = float(np.sum((qe - pe) * np.log(qe / pe)))
done(time.perf_counter() - start, values)
"""

EVIDENTLY_CHILD = CHILD_PRELUDE + """
import pandas as pd
from evidently import Report
from evidently.presets import DataDriftPreset
spec = json.load(open(sys.argv[1]))
start = time.perf_counter()
ref = pd.read_parquet(spec["reference"])
cur = pd.read_parquet(spec["current"])
report = Report([DataDriftPreset(method="psi")])
snapshot = report.run(reference_data=ref, current_data=cur)
result = snapshot.dict()
seconds = time.perf_counter() - start
values = {}
for metric in result.get("metrics", []):
    name = str(metric.get("metric_id", ""))
    if "ValueDrift" in name and isinstance(metric.get("value"), (int, float)):
        column = name.split("column=")[1].split(",")[0].strip(")") if "column=" in name else name
        values[column + ":psi_evidently"] = metric["value"]
done(seconds, values)
"""


def child(python: Path, code: str, spec: dict) -> dict:
    spec_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"assay_drift_bench_{os.getpid()}.json"
    spec_path.write_text(json.dumps(spec))
    out = subprocess.run([str(python), "-c", code, str(spec_path)], capture_output=True, text=True)
    spec_path.unlink()
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-4000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------
# assay: the bench dbt project, profile capture, compiled test SQL


def dbt(args: list[str], env: dict) -> subprocess.CompletedProcess:
    exe = BENCH_VENV / "bin" / "dbt"
    res = subprocess.run([str(exe), *args, "--project-dir", str(PROJECT), "--profiles-dir", str(PROJECT)],
                         env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", **env},
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(" ".join(args) + "\n" + res.stdout[-4000:])
    return res


def write_tests_yml() -> None:
    doc = {"version": 2, "models": [{"name": "bench_cur", "data_tests": [
        {"assay.expect_numeric_drift_to_be_below": {"name": "bench_numeric_psi_ks", "column_list": NUMERIC,
                                 "reference_profile": "bench", "statistic": ["psi", "ks"]}},
        {"assay.expect_categorical_drift_to_be_below": {"name": "bench_categorical_psi", "column_list": CATEGORICAL,
                                     "reference_profile": "bench"}},
        # every row returned with its value (threshold -1, failures stored), to compare the
        # values with pandas and the floor; never timed
        {"assay.expect_numeric_drift_to_be_below": {"name": "bench_numeric_values", "column_list": NUMERIC, "reference_profile": "bench",
                                 "statistic": ["psi", "ks"], "threshold": -1, "config": {"store_failures": True}}},
        {"assay.expect_categorical_drift_to_be_below": {"name": "bench_categorical_values", "column_list": CATEGORICAL,
                                     "reference_profile": "bench", "threshold": -1,
                                     "config": {"store_failures": True}}},
    ]}]}
    (PROJECT / "models" / "bench.yml").write_text(
        "# Written by bench/drift/run.py.\n" + json.dumps(doc, indent=1) + "\n")


def compiled(name: str) -> str:
    [path] = list((PROJECT / "target" / "compiled").rglob(f"{name}.sql"))
    return path.read_text()


def read_profile(db: str) -> dict:
    import duckdb

    con = duckdb.connect(db, read_only=True)
    prof: dict = {}
    for c in NUMERIC:
        bins = con.execute("select hi, ref_share from assay_profiles where profile_label = 'bench' and column_name = ? "
                           "and record_type = 'bin' order by bin_id", [c]).fetchall()
        qs = con.execute("select q_value, ref_share from assay_profiles where profile_label = 'bench' and column_name = ? "
                         "and record_type = 'quantile' order by quantile_u", [c]).fetchall()
        prof[c] = {"edges": [h for h, _ in bins if h is not None], "shares": [s for _, s in bins],
                   "points": [q for q, _ in qs], "cdf": [s for _, s in qs]}
    for c in CATEGORICAL:
        rows = con.execute("select category, ref_share from assay_profiles where profile_label = 'bench' "
                           "and column_name = ? and record_type = 'category'", [c]).fetchall()
        prof[c] = {"shares": dict(rows)}
    con.close()
    return prof


def floor_sql(current: str, prof: dict) -> str:
    """The hand-written floor: one DuckDB query over the current Parquet binning every column
    (histogram with the stored edges; the string columns in an aggregate of their own, which
    DuckDB runs several times faster than one aggregate mixing both), then the arithmetic on
    the small result."""
    aggs, ref_rows, edge_lists = [], [], []
    for c in NUMERIC:
        # edge lists from a one-row CTE: DuckDB's histogram runs faster with them than with
        # literal lists inline (measured 3.9 s vs 6.5 s for 50 columns x 99 edges at 1M rows)
        edge_lists.append(f"{prof[c]['edges']!r}::double[] as be_{c}")
        edge_lists.append(f"{sorted(set(prof[c]['points']))!r}::double[] as ke_{c}")
        aggs.append(f"histogram({c}, e.be_{c}) as b_{c}")
        aggs.append(f"histogram({c}, e.ke_{c}) as k_{c}")
        edges = prof[c]["edges"] + [None]
        for hi, share in zip(edges, prof[c]["shares"]):
            ref_rows.append(f"('{c}', 'b', {'NULL' if hi is None else repr(hi)}, {share!r})")
        for point, cdf in zip(prof[c]["points"], prof[c]["cdf"]):
            ref_rows.append(f"('{c}', 'k', {point!r}, {cdf!r})")
    cat_aggs = [f"histogram({c}) as h_{c}" for c in CATEGORICAL]
    unnest = []
    for c in NUMERIC:
        unnest.append(f"select '{c}' as col, 'b' as kind, unnest(map_keys(b_{c})) as k, unnest(map_values(b_{c})) as n from h")
        unnest.append(f"select '{c}', 'k', unnest(map_keys(k_{c})), unnest(map_values(k_{c})) from h")
    cat_unnest = [f"select '{c}' as col, unnest(map_keys(h_{c})) as cat, unnest(map_values(h_{c})) as n from hc" for c in CATEGORICAL]
    cat_ref = [f"('{c}', {k!r}, {v!r})" for c in CATEGORICAL for k, v in prof[c]["shares"].items()]
    return textwrap.dedent(f"""
    with e as (select {", ".join(edge_lists)}),
    h as materialized (select {", ".join(aggs)} from read_parquet('{current}'), e),
    hc as materialized (select {", ".join(cat_aggs)} from read_parquet('{current}')),
    cnt as ({" union all ".join(unnest)}),
    ref(col, kind, key, share) as (values {", ".join(ref_rows)}),
    tot as (select col, sum(n)::double as m from cnt where kind = 'b' group by col),
    bins as (
      select r.col, greatest(r.share, 1e-4) as p, greatest(coalesce(c.n, 0) / t.m, 1e-4) as q
      from ref r join tot t using (col)
      left join cnt c on c.col = r.col and c.kind = 'b' and (c.k = r.key or (isinf(c.k) and r.key is null))
      where r.kind = 'b'),
    ks as (
      select r.col, abs(sum(c.n) / t.m - r.share) as d
      from ref r join tot t using (col) join cnt c on c.col = r.col and c.kind = 'k' and c.k <= r.key
      where r.kind = 'k' group by r.col, r.key, r.share, t.m),
    ccnt as ({" union all ".join(cat_unnest)}),
    cref(col, cat, share) as (values {", ".join(cat_ref)}),
    ctot as (select col, sum(n)::double as m from ccnt group by col),
    cbins as (
      select coalesce(r.col, c.col) as col, greatest(coalesce(r.share, 0), 1e-4) as p,
             greatest(coalesce(c.n, 0) / t.m, 1e-4) as q
      from cref r full join ccnt c on c.col = r.col and c.cat = r.cat
      join ctot t on t.col = coalesce(r.col, c.col))
    select col, 'psi', sum((q - p) * ln(q / p)) from bins group by col
    union all select col, 'ks', max(d) from ks group by col
    union all select col, 'psi', sum((q - p) * ln(q / p)) from cbins group by col
    """)


# ---------------------------------------------------------------------------------------------


def write_results(path: Path, rows: int, repeat: int, results: dict, capture_seconds: float, agreement: dict) -> None:
    a = results["assay"]
    comparisons = []
    for key, target in TARGETS.items():
        label = f"drift ({rows:,} rows): assay vs {key}"
        if key not in results:
            comparisons.append(comparison(label, "not run (--skip-evidently)",
                                          time=condition(None, "x faster"), memory=condition(None, "x its memory")))
            continue
        r = results[key]
        if key == "floor":
            time = condition(a["seconds"] / r["seconds"], "x the time", *target["time"])
        else:
            time = condition(r["seconds"] / a["seconds"], "x faster", *target["time"])
        figures = (f"assay {a['seconds']:.2f} s, {a['peak_rss_mb']:.0f} MB; {key} {r['seconds']:.2f} s, {r['peak_rss_mb']:.0f} MB"
                   + (f"; {agreement[key]}" if key in agreement else ""))
        comparisons.append(comparison(label, figures, time=time,
                                      memory=condition(a["peak_rss_mb"] / r["peak_rss_mb"], "x its memory", *target["memory"])))
    write_json(path, "drift", comparisons, rows=rows, repeat=repeat, capture_seconds=capture_seconds,
               methods={k: {x: v for x, v in r.items() if x != "values"} for k, r in results.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows on each side")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "drift")
    parser.add_argument("--skip-evidently", action="store_true")
    parser.add_argument("--reuse-data", action="store_true", help="keep Parquet files of the same --rows")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run assay, the floor and pandas this many times each, keep the fastest (evidently runs once)")
    parser.add_argument("--json", type=Path, help="also write the figures and ratios here as JSON (bench/comparisons.py)")
    args = parser.parse_args()

    out = args.out / str(args.rows)
    out.mkdir(parents=True, exist_ok=True)
    db = str(out / "assay.duckdb")
    current, reference = str(out / "current.parquet"), str(out / "reference.parquet")
    lines = [f"drift bench: {args.rows:,} rows a side, {N_NUM} numeric + {N_CAT} categorical features"]

    if not (args.reuse_data and Path(current).exists()):
        t = time.perf_counter()
        generate(out, args.rows)
        lines.append(f"  data generated in {time.perf_counter() - t:.1f} s")

    for suffix in ("", ".wal"):
        Path(db + suffix).unlink(missing_ok=True)
    env = {"ASSAY_BENCH_DUCKDB": db}
    variables = json.dumps({"bench_dir": str(out)})
    write_tests_yml()
    dbt(["deps"], env)
    dbt(["run", "--vars", variables], env)
    capture_args = json.dumps({"relation": "bench_ref", "label": "bench", "column_list": NUMERIC,
                               "categorical_columns": CATEGORICAL})
    t = time.perf_counter()
    dbt(["run-operation", "assay.capture_profile", "--args", capture_args, "--vars", variables], env)
    capture_seconds = time.perf_counter() - t
    dbt(["compile", "--select", "bench_cur", "--vars", variables], env)

    prof = read_profile(db)
    python = BENCH_VENV / "bin" / "python"
    runs = {
        "assay": (ASSAY_CHILD, {
            "db": db, "timed": [compiled("bench_numeric_psi_ks"), compiled("bench_categorical_psi")],
            "values": [compiled("bench_numeric_values"), compiled("bench_categorical_values")]}),
        "floor": (FLOOR_CHILD, {"sql": floor_sql(current, prof)}),
        "pandas": (PANDAS_CHILD, {"current": current, "profile": prof, "numeric": NUMERIC, "categorical": CATEGORICAL}),
    }
    results = {}
    # interleaved repeats, fastest kept: the machine may be shared, and a slow neighbour then
    # hits every method alike
    for _ in range(max(args.repeat, 1)):
        for key, (code, spec) in runs.items():
            res = child(python, code, spec)
            if key not in results or res["seconds"] < results[key]["seconds"]:
                results[key] = res
    if not args.skip_evidently:
        ev_python = EVIDENTLY_VENV / "bin" / "python"
        if not ev_python.exists():
            raise SystemExit("run bench/drift/setup_evidently.sh first (or pass --skip-evidently)")
        results["evidently"] = child(ev_python, EVIDENTLY_CHILD, {"reference": reference, "current": current})

    lines.append(f"  reference profile capture (assay.capture_profile, once): {capture_seconds:.1f} s (dbt run-operation wall time)")
    lines.append(f"  {'method':<34}{'seconds':>10}{'peak RSS MB':>14}   (best of {max(args.repeat, 1)}; evidently once)")
    labels = {"assay": "assay drift tests (DuckDB)", "floor": "hand-written DuckDB query (floor)",
              "pandas": "pandas/numpy (in memory)", "evidently": "evidently DataDriftPreset (psi)"}
    for key, res in results.items():
        lines.append(f"  {labels[key]:<34}{res['seconds']:>10.2f}{res['peak_rss_mb']:>14.0f}")
    a = results["assay"]
    for key in ("evidently", "pandas", "floor"):
        if key in results:
            r = results[key]
            lines.append(f"  assay vs {key:<10} time {r['seconds'] / a['seconds']:6.2f}x faster"
                         f"   memory {a['peak_rss_mb'] / r['peak_rss_mb']:5.2f} of theirs")
    # the same statistics? assay against pandas and the floor, value by value
    agreement = {}
    for key in ("pandas", "floor"):
        diffs = [abs(a["values"][k] - v) / max(abs(v), 1e-300) for k, v in results[key]["values"].items()
                 if k in a["values"] and v is not None]
        agreement[key] = f"{len(diffs)} statistics, max relative difference {max(diffs):.1e}"
        lines.append(f"  values: assay vs {key}: {agreement[key]}")
    report = "\n".join(lines)
    print(report)
    (out / "report.txt").write_text(report + "\n")
    (out / "results.json").write_text(json.dumps({k: {x: v for x, v in r.items() if x != "values"} for k, r in results.items()}
                                                 | {"capture_seconds": capture_seconds}, indent=2))
    if args.json:
        write_results(args.json, args.rows, max(args.repeat, 1), results, capture_seconds, agreement)


if __name__ == "__main__":
    main()
