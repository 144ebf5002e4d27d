"""All four comparisons of the benchmarks in one run, side by side (issue #7).

    python bench/run.py [--rows 20000000] [--drift-rows 1000000] [--models 5000]
                        [--only checks,drift,artifacts] [--repeat N] [--python .venv/bin/python]

Runs the three benches, each as a child process in its own venv, creating a missing venv with
its setup script first:

1. checks     bench/checks/run.py in the project venv (--python): 30 checks on a --rows table,
              on DuckDB and PostgreSQL, as separate tests, one batched test and the floor;
2. drift      bench/drift/run.py in bench/.venv-bench (evidently in bench/.venv-evidently):
              assay vs pandas/scipy vs evidently vs a hand-written DuckDB floor, --drift-rows;
3. artifacts  bench/artifacts/run.py in the project venv (dbt-artifacts-parser in
              bench/.venv-artifacts): loading the artifacts of a --models project, and
4.            the site build for that manifest.

Each bench's own output is streamed as it runs (and kept in --out/<bench>.log); each writes
its figures with `--json` (bench/comparisons.py), and the final table is built from those
files only: every comparison, its measured ratio (time and, where measured, memory), the
target and met / MISSED. The table is also written to --out/summary.txt. Exit status 1 when a
bench failed (a missed target is a result, not a failure).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "all"
BENCHES = ("checks", "drift", "artifacts")


@dataclass
class Venv:
    """A venv a bench runs in, ready when its python imports `modules` (a venv whose setup was
    interrupted has a python but not the packages)."""
    python: Path
    modules: list[str]
    setup: list[str]  # the command that creates it
    pythonpath: str = ""

    def ready(self) -> bool:
        if not self.python.exists():
            return False
        env = {**os.environ, "PYTHONPATH": self.pythonpath} if self.pythonpath else None
        check = subprocess.run([str(self.python), "-c", "import " + ", ".join(self.modules)],
                               env=env, capture_output=True)
        return check.returncode == 0


@dataclass
class Bench:
    name: str
    title: str
    script: Path
    venvs: list[Venv]
    args: list[str]
    out: Path = OUT
    seconds: float | None = None
    failure: str | None = None
    results: dict = field(default_factory=dict)

    @property
    def json_path(self) -> Path:
        return self.out / f"{self.name}.json"


def ensure(venv: Venv, log) -> None:
    if venv.ready():
        return
    log(f"--- {venv.python.parents[1].relative_to(ROOT) if venv.python.is_relative_to(ROOT) else venv.python}"
        f" is missing or incomplete: {' '.join(venv.setup)}")
    done = subprocess.run(venv.setup, cwd=ROOT)
    if done.returncode != 0 or not venv.ready():
        raise RuntimeError(f"setting up {venv.python} failed ({' '.join(venv.setup)}): "
                           f"it still cannot import {', '.join(venv.modules)}")


class Child:
    """The running child, so that a SIGTERM to this process stops it too (the checks bench then
    stops its PostgreSQL server)."""
    proc: subprocess.Popen | None = None


def stream(cmd: list[str], log_path: Path) -> int:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    with open(log_path, "w") as log:
        Child.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      text=True, bufsize=1)
        for line in Child.proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            log.write(line)
        code = Child.proc.wait()
        Child.proc = None
    return code


def on_sigterm(*_) -> None:
    if Child.proc is not None and Child.proc.poll() is None:
        Child.proc.terminate()
        try:
            Child.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            Child.proc.kill()
    sys.exit(143)


# ---------------------------------------------------------------------------------------------
# the final table


def number(value: float) -> str:
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def shown(cond: dict | None) -> str:
    if cond is None:
        return "-"
    if cond["value"] is None:
        return "n/a"
    return f"{number(cond['value'])}{cond['unit']}"


def target(cond: dict | None, what: str) -> str | None:
    if cond is None or cond["op"] is None:
        return None
    suffix = "x" if cond["unit"].startswith("x") else cond["unit"]
    return f"{what} {cond['op']} {cond['bound']:.3g}{suffix}"


def row_verdict(comp: dict) -> str:
    conds = {what: comp[what] for what in ("time", "memory") if comp[what] is not None}
    missed = [what for what, c in conds.items() if c["met"] is False]
    if missed:
        return "MISSED (" + ", ".join(missed) + ")"
    if any(c["met"] for c in conds.values()):
        return "met"
    return "not run" if all(c["value"] is None for c in conds.values()) else "no target"


def table(benches: list[Bench]) -> str:
    """Each bench a heading, then per comparison one line of cells and one of its figures."""
    rows: list[tuple[str, list[str] | str]] = []  # (heading, "") or ("", cells) or ("figures", text)
    for bench in benches:
        took = f", {bench.seconds / 60:.1f} min" if bench.seconds is not None else ""
        rows.append(("heading", bench.title + took))
        if bench.failure:
            rows.append(("cells", [bench.name + ": no figures", "-", "-", "-", "FAILED"]))
            rows.append(("figures", bench.failure))
            continue
        for comp in bench.results["comparisons"]:
            targets = [t for t in (target(comp["time"], "time"), target(comp["memory"], "memory")) if t]
            rows.append(("cells", [comp["label"], shown(comp["time"]), shown(comp["memory"]),
                                   ", ".join(targets) or "-", row_verdict(comp)]))
            rows.append(("figures", comp["figures"]))
    head = ["comparison", "time", "memory", "target", "verdict"]
    widths = [max([len(head[i])] + [len(cells[i]) for kind, cells in rows if kind == "cells"]) for i in range(4)]
    line = lambda cells, indent: indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths + [0])).rstrip()  # noqa: E731
    lines = [line(head, "  "), "  " + "-" * (sum(widths) + 2 * 4 + len("MISSED (time, memory)"))]
    for kind, value in rows:
        lines.append(value if kind == "heading" else line(value, "  ") if kind == "cells" else "      " + value)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=20_000_000,
                    help="rows of the checks table (default: the issue's 20M; ~2.6 GB in PostgreSQL)")
    ap.add_argument("--drift-rows", type=int, default=1_000_000,
                    help="rows on each side of the drift bench (default 1M, where evidently fits in memory)")
    ap.add_argument("--models", type=int, default=5000, help="models of the generated project of the artifacts bench")
    ap.add_argument("--only", default=",".join(BENCHES), help="which benches to run, comma-separated")
    ap.add_argument("--repeat", type=int,
                    help="timed runs per method in every bench (default: each bench's own: checks 3, drift 1, artifacts 5)")
    ap.add_argument("--python", type=Path, default=ROOT / ".venv" / "bin" / "python",
                    help="the project venv's python (dbt, dbt-duckdb, dbt-postgres, psycopg2; default .venv, made by `make setup`)")
    ap.add_argument("--engines", default="duckdb,postgres", help="checks: engines")
    ap.add_argument("--timeout", type=float, help="checks: seconds after which one query is cancelled (its default: 600)")
    ap.add_argument("--skip-evidently", action="store_true", help="drift: leave out evidently")
    ap.add_argument("--reuse-data", action="store_true", help="drift: keep its Parquet files of the same --drift-rows")
    ap.add_argument("--skip-parser", action="store_true", help="artifacts: leave out dbt-artifacts-parser")
    ap.add_argument("--out", type=Path, default=OUT, help="logs, the benches' JSON and summary.txt (default bench/out/all)")
    args = ap.parse_args()

    only = [b.strip() for b in args.only.split(",") if b.strip()]
    unknown = sorted(set(only) - set(BENCHES))
    if unknown or not only:
        ap.error(f"--only: unknown bench(es) {unknown}: choose from {', '.join(BENCHES)}")
    for name in ("rows", "drift_rows", "models", "repeat"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be at least 1, got {getattr(args, name)}")
    python = args.python.absolute()
    repeat = ["--repeat", str(args.repeat)] if args.repeat else []
    if python == ROOT / ".venv" / "bin" / "python":
        project_setup = ["make", "setup"]
    else:
        project_setup = ["sh", "-c", f"echo '{python} cannot import the project packages: run make setup"
                                     " in the repository it belongs to, or pass another --python'; exit 1"]
    project = Venv(python, ["duckdb", "psycopg2", "yaml", "msgspec", "assay.site"], project_setup,
                   pythonpath=str(ROOT / "pyext"))
    bench_venv = Venv(HERE / ".venv-bench" / "bin" / "python", ["duckdb", "pandas", "scipy", "pyarrow", "dbt.adapters.duckdb"],
                      ["bash", str(HERE / "drift" / "setup.sh")])
    evidently = Venv(HERE / ".venv-evidently" / "bin" / "python", ["evidently", "pandas", "pyarrow"],
                     ["bash", str(HERE / "drift" / "setup_evidently.sh")])
    parser_venv = Venv(HERE / ".venv-artifacts" / "bin" / "python", ["dbt_artifacts_parser"],
                       ["bash", str(HERE / "artifacts" / "setup.sh")])

    timeout = ["--timeout", str(args.timeout)] if args.timeout else []
    all_benches = {
        "checks": Bench("checks", f"1. checks: 30 checks on {args.rows:,} rows, three ways ({args.engines})",
                        HERE / "checks" / "run.py", [project],
                        ["--rows", str(args.rows), "--engines", args.engines, *repeat, *timeout]),
        "drift": Bench("drift", f"2. drift: {args.drift_rows:,} rows a side, 60 features",
                       HERE / "drift" / "run.py", [bench_venv] + ([] if args.skip_evidently else [evidently]),
                       ["--rows", str(args.drift_rows), *repeat]
                       + (["--skip-evidently"] if args.skip_evidently else [])
                       + (["--reuse-data"] if args.reuse_data else [])),
        "artifacts": Bench("artifacts", f"3-4. artifacts of a {args.models:,}-model project: loading them, and the site build",
                           HERE / "artifacts" / "run.py", [project] + ([] if args.skip_parser else [parser_venv]),
                           ["--models", str(args.models), *repeat] + (["--skip-parser"] if args.skip_parser else [])),
    }
    benches = [all_benches[name] for name in BENCHES if name in only]
    args.out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, on_sigterm)
    log = lambda m: print(m, flush=True)  # noqa: E731
    log(f"assay benchmarks, all in one run: {', '.join(b.name for b in benches)}; "
        f"{os.cpu_count()} cpus, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    for bench in benches:
        bench.out = args.out
        bench.json_path.unlink(missing_ok=True)  # never read a previous run's figures
        log(f"\n=== {bench.title}")
        started = time.perf_counter()
        try:
            for venv in bench.venvs:
                ensure(venv, log)
        except RuntimeError as e:
            bench.failure = str(e)
            log(f"--- {bench.name}: {bench.failure}")
            continue
        cmd = [str(bench.venvs[0].python), str(bench.script), *bench.args, "--json", str(bench.json_path)]
        log(f"--- {' '.join(cmd)}")
        code = stream(cmd, args.out / f"{bench.name}.log")
        bench.seconds = time.perf_counter() - started
        if code != 0:
            bench.failure = f"exit status {code}; its output: {args.out / (bench.name + '.log')}"
        elif not bench.json_path.exists():
            bench.failure = f"it wrote no {bench.json_path}"
        else:
            bench.results = json.loads(bench.json_path.read_text())

    summary = table(benches)
    print("\n=== all comparisons, side by side (from the benches' own figures)\n" + summary, flush=True)
    (args.out / "summary.txt").write_text(summary + "\n")
    sys.exit(1 if any(b.failure for b in benches) else 0)


if __name__ == "__main__":
    main()
