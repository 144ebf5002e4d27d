"""Artifact-loading and site-build benchmark on a generated dbt project parsed by real dbt.

    bash bench/artifacts/setup.sh                                  # once: dbt-artifacts-parser venv
    PYTHONPATH=pyext:tests/python .venv/bin/python bench/artifacts/run.py [--models 5000] [--repeat 5]

The project comes from tests/python/big_project.py (imported, the same generator as the scale
test): by default 5,000 models, 50 sources, 20,000+ tests. It is written under bench/out/ with
a stamp of the generator and model count, and `dbt parse` runs once to write its manifest; later
runs reuse both until the generator changes. The generator writes no run_results or catalog, so
the manifest is the only artifact (assay's loader then loads the manifest only).

Side by side, each in a child process of its own (a fresh interpreter per run, methods
interleaved so that machine load hits all of them alike), median of --repeat runs:

- assay      `assay.artifacts.load_artifacts(target)`: typed msgspec decode of the fields assay reads
- json       `json.load` of the same file(s)
- msgspec    untyped `msgspec.json.decode` of the same bytes (a reference point: a C parser
             building the same dicts json.load builds)
- parser     dbt-artifacts-parser: `parse_manifest(json.load(f))` (pydantic v2 models), run in
             bench/.venv-artifacts; its json.load share is reported too

Time is the load alone (imports excluded and shown apart); memory is the child's peak RSS
(VmHWM in the child) and its growth over the RSS after imports.

Then the site build (`assay docs` without the CLI: load -> contract model -> column lineage ->
publish into a temporary folder), per stage, with the site's size and its largest files.
`--json PATH` also writes the ratios against the issue's targets and the raw figures there
(bench/comparisons.py), for bench/run.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "bench" / "out"
PARSER_VENV = ROOT / "bench" / ".venv-artifacts"
CHILD_PATH = os.pathsep.join([str(ROOT / "pyext"), str(ROOT / "tests" / "python")])
sys.path.insert(0, str(HERE.parent))
from comparisons import comparison, condition, verdict, write_json  # noqa: E402

# The targets, on median load times.
LOADER_VS_JSON = ("<=", 1.5)      # assay / json.load
PARSER_VS_LOADER = (">=", 5.0)    # dbt-artifacts-parser / assay

# ---------------------------------------------------------------------------------------------
# the project


def prepare(models: int) -> Path:
    """The generated project's folder, with target/manifest.json from one real `dbt parse`."""
    sys.path[:0] = CHILD_PATH.split(os.pathsep)
    import big_project  # the scale test's generator, unchanged

    root = OUT / f"big-{models}"
    stamp = hashlib.sha256(Path(big_project.__file__).read_bytes() + str(models).encode()).hexdigest()
    manifest = root / "target" / "manifest.json"
    if (root / "stamp").exists() and (root / "stamp").read_text() == stamp and manifest.exists():
        return root
    if root.exists():
        shutil.rmtree(root)
    print(f"generating {models:,} models under {root.relative_to(ROOT)} and running dbt parse once...", flush=True)
    big_project.write_project(root, models)
    dbt = Path(sys.executable).with_name("dbt")
    if not dbt.exists():
        sys.exit(f"no dbt next to {sys.executable}: run this with the project's venv")
    started = time.perf_counter()
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    done = subprocess.run([str(dbt), "parse", "--profiles-dir", "."], cwd=root, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"dbt parse failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    (root / "parse.json").write_text(json.dumps({"seconds": time.perf_counter() - started}))
    (root / "stamp").write_text(stamp)  # last: an interrupted run regenerates
    return root


# ---------------------------------------------------------------------------------------------
# children: `run.py --child METHOD TARGET` prints one JSON line. Stdlib only at module level, so
# the parser venv (which has no assay) can run this file too.


def _rss_mb() -> float:
    """This process's own peak RSS (VmHWM): getrusage's ru_maxrss survives exec and so would
    start from the parent's peak."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def child(method: str, target: Path) -> dict:
    manifest = target / "manifest.json"
    files = [p for p in (target / n for n in ("manifest.json", "catalog.json", "run_results.json", "sources.json")) if p.exists()]
    started = time.perf_counter()
    if method == "assay":
        from assay.artifacts import load_artifacts
    elif method == "msgspec":
        import msgspec
    elif method == "parser":
        from dbt_artifacts_parser.parser import parse_manifest
    imported = time.perf_counter()
    base = _rss_mb()
    extra: dict = {}

    t0 = time.perf_counter()
    if method == "assay":
        loaded = load_artifacts(target)
        nodes = len(loaded.manifest.nodes) + len(loaded.manifest.sources)
    elif method == "json":
        loaded = []
        for path in files:
            with open(path, "rb") as f:
                loaded.append(json.load(f))
        nodes = len(loaded[0]["nodes"]) + len(loaded[0]["sources"])
    elif method == "msgspec":
        loaded = [msgspec.json.decode(path.read_bytes()) for path in files]
        nodes = len(loaded[0]["nodes"]) + len(loaded[0]["sources"])
    elif method == "parser":
        with open(manifest, "rb") as f:
            raw = json.load(f)
        extra["json_s"] = time.perf_counter() - t0
        loaded = parse_manifest(raw)
        nodes = len(loaded.nodes) + len(loaded.sources)
    else:
        raise SystemExit(f"unknown method {method}")
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "import_s": imported - started, "base_mb": base, "peak_mb": _rss_mb(), "nodes": nodes, **extra}


def site_child(target: Path) -> dict:
    from assay.artifacts import load_artifacts
    from assay.contracts import build_project
    from assay.lineage import column_lineage
    from assay.site import publish_site

    base = _rss_mb()
    with tempfile.TemporaryDirectory(prefix="assay-bench-site-") as tmp:
        out = Path(tmp) / "site"
        t0 = time.perf_counter()
        artifacts = load_artifacts(target)
        t1 = time.perf_counter()
        project = build_project(artifacts)
        t2 = time.perf_counter()
        lineage = column_lineage(project)
        t3 = time.perf_counter()
        publish_site(project, out, lineage=lineage)
        t4 = time.perf_counter()
        sizes = {path: path.stat().st_size for path in out.rglob("*") if path.is_file()}
        search = {path: size for path, size in sizes.items() if path.parent.name == "search"}
        largest = max(sizes, key=sizes.__getitem__)
        largest_search = max(search, key=search.__getitem__) if search else None
        models = sum(node.resource_type == "model" for node in project.nodes.values())
        return {
            "load_s": t1 - t0, "contracts_s": t2 - t1, "lineage_s": t3 - t2, "publish_s": t4 - t3, "total_s": t4 - t0,
            "base_mb": base, "peak_mb": _rss_mb(),
            "models": models, "tests": len(project.tests), "files": len(sizes), "bytes": sum(sizes.values()),
            "largest": [str(largest.relative_to(out)), sizes[largest]],
            "largest_search": [str(largest_search.relative_to(out)), search[largest_search]] if search else None,
            "search_bytes": sum(search.values()), "search_files": len(search),
        }


def run_child(python: Path, args: list[str], pyext: str | None = None) -> dict:
    path = CHILD_PATH if pyext is None else os.pathsep.join([pyext, CHILD_PATH])
    env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "0"}
    done = subprocess.run([str(python), str(Path(__file__).resolve()), "--child", *args], env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"child {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------
# the report


def med(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def growth(runs: list[dict]) -> float:
    return statistics.median(r["peak_mb"] - r["base_mb"] for r in runs)


def write_results(path: Path, args, results: dict, manifest_mb: float) -> None:
    runs = results["load"]
    assay = runs["assay"]
    scale = f"{args.models:,} models"
    load = lambda name, rs: f"{name} {med(rs, 'seconds'):.2f} s, peak {med(rs, 'peak_mb'):.0f} MB (+{growth(rs):.0f} MB)"  # noqa: E731
    nodes = f"{assay[0]['nodes']:,} nodes + sources, manifest {manifest_mb:.1f} MB"
    comparisons = [comparison(
        f"artifacts ({scale}): assay loader vs json.load", f"{load('assay', assay)}; {load('json.load', runs['json'])}; {nodes}",
        time=condition(med(assay, "seconds") / med(runs["json"], "seconds"), "x the time", *LOADER_VS_JSON),
        memory=condition(growth(assay) / growth(runs["json"]), "x its RSS growth"))]
    label = f"artifacts ({scale}): assay loader vs dbt-artifacts-parser"
    if "parser" in runs:
        comparisons.append(comparison(
            label, f"{load('assay', assay)}; {load('dbt-artifacts-parser', runs['parser'])}",
            time=condition(med(runs["parser"], "seconds") / med(assay, "seconds"), "x faster", *PARSER_VS_LOADER),
            memory=condition(growth(assay) / growth(runs["parser"]), "x its RSS growth")))
    else:
        comparisons.append(comparison(label, "not run (--skip-parser)", time=condition(None, "x faster")))
    label = f"site build ({scale}, assay docs)"
    if "site" in results:
        site = results["site"]["site"]
        last = site[-1]
        comparisons.append(comparison(
            label, f"load {med(site, 'load_s'):.2f} + contract model {med(site, 'contracts_s'):.2f} + column lineage"
            f" {med(site, 'lineage_s'):.2f} + publish {med(site, 'publish_s'):.2f} s; {last['files']:,} files, {last['bytes'] / 1e6:.1f} MB",
            time=condition(med(site, "total_s"), " s"), memory=condition(med(site, "peak_mb"), " MB peak RSS")))
    else:
        comparisons.append(comparison(label, "not run (--skip-site)", time=condition(None, " s")))
    write_json(path, "artifacts", comparisons, **results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5, help="runs per method (>= 5 for reported figures)")
    ap.add_argument("--skip-parser", action="store_true", help="leave out dbt-artifacts-parser")
    ap.add_argument("--skip-site", action="store_true", help="leave out the site build")
    ap.add_argument(
        "--compare-pyext", metavar="PATH",
        help="also time assay from another copy of pyext/ (a proposed loader change), load and site alike",
    )
    ap.add_argument("--json", type=Path, help="also write the ratios and raw figures here as JSON (bench/comparisons.py)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        method, target = args.child[0], Path(args.child[1])
        print(json.dumps(site_child(target) if method == "site" else child(method, target)))
        return

    root = prepare(args.models)
    target = root / "target"
    parse = json.loads((root / "parse.json").read_text())
    files = [p for p in sorted(target.glob("*.json")) if p.name in ("manifest.json", "catalog.json", "run_results.json", "sources.json")]
    print(f"project: {args.models:,} models, {root.relative_to(ROOT)} (dbt parse, once: {parse['seconds']:.0f} s)")
    print("artifacts: " + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in files))
    print(f"machine: {os.cpu_count()} cpus, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {args.repeat} runs per method, median")

    parser_python = PARSER_VENV / "bin" / "python"
    here = Path(sys.executable)
    methods = [("assay", "assay", here, None), ("json", "json", here, None), ("msgspec", "msgspec", here, None)]
    if args.compare_pyext:
        methods.insert(1, ("assay*", "assay", here, str(Path(args.compare_pyext).resolve())))
    if not args.skip_parser:
        if not parser_python.exists():
            sys.exit(f"{parser_python} missing: run bash bench/artifacts/setup.sh (or pass --skip-parser)")
        methods.append(("parser", "parser", parser_python, None))
    runs: dict[str, list[dict]] = {name: [] for name, *_ in methods}
    for _ in range(args.repeat):
        for name, method, python, pyext in methods:
            runs[name].append(run_child(python, [method, str(target)], pyext))
    counts = {name: {r["nodes"] for r in rs} for name, rs in runs.items()}
    if len(set().union(*counts.values())) != 1:
        sys.exit(f"methods disagree on the number of nodes + sources: {counts}")

    labels = {
        "assay": "assay load_artifacts (msgspec, typed)",
        "assay*": "assay load_artifacts, --compare-pyext",
        "json": "json.load",
        "msgspec": "msgspec.json.decode (untyped)",
        "parser": "dbt-artifacts-parser parse_manifest",
    }
    print(f"\n1. loading the artifacts ({next(iter(counts['assay'])):,} nodes + sources)")
    print(f"   {'method':<40} {'load s':>8} {'min s':>8} {'import s':>9} {'peak RSS MB':>12} {'RSS growth MB':>14}")
    for name, rs in runs.items():
        print(
            f"   {labels[name]:<40} {med(rs, 'seconds'):>8.3f} {min(r['seconds'] for r in rs):>8.3f} {med(rs, 'import_s'):>9.3f}"
            f" {med(rs, 'peak_mb'):>12.0f} {statistics.median(r['peak_mb'] - r['base_mb'] for r in rs):>14.0f}"
        )
    if "parser" in runs:
        json_s = med(runs["parser"], "json_s")
        print(f"   (dbt-artifacts-parser: {json_s:.3f} s of it is its json.load, {med(runs['parser'], 'seconds') - json_s:.3f} s pydantic)")
    assay_s, json_s = med(runs["assay"], "seconds"), med(runs["json"], "seconds")
    print("\n   ratios (median time; target in brackets)")
    op, bound = LOADER_VS_JSON
    met = condition(assay_s / json_s, "x", op, bound)["met"]
    print(f"   assay / json.load               {assay_s / json_s:5.2f}x the time   [{op} {bound:g}x: {verdict(met)}]")
    if "parser" in runs:
        parser_s = med(runs["parser"], "seconds")
        op, bound = PARSER_VS_LOADER
        met = condition(parser_s / assay_s, "x", op, bound)["met"]
        print(f"   dbt-artifacts-parser / assay    {parser_s / assay_s:5.1f}x faster      [{op} {bound:g}x: {verdict(met)}]")
    if "assay*" in runs:
        print(f"   assay* / assay                  {med(runs['assay*'], 'seconds') / assay_s:5.2f}x the time (assay* = --compare-pyext)")
    print(f"   assay / msgspec untyped         {assay_s / med(runs['msgspec'], 'seconds'):5.2f}x the time")
    print(f"   peak RSS growth assay / json    {growth(runs['assay']) / growth(runs['json']):5.2f}x")

    results = {"models": args.models, "repeat": args.repeat, "load": runs, "loadavg": os.getloadavg(), "dbt_parse_s": parse["seconds"]}
    if not args.skip_site:
        variants = {"site": None}
        if args.compare_pyext:
            variants["site*"] = str(Path(args.compare_pyext).resolve())
        sites: dict[str, list[dict]] = {name: [] for name in variants}
        for _ in range(args.repeat):
            for name, pyext in variants.items():
                sites[name].append(run_child(Path(sys.executable), ["site", str(target)], pyext))
        results["site"] = sites
        site = sites["site"]
        last = site[-1]
        print(f"\n2. site build ({last['models']:,} models, {last['tests']:,} tests), median of {len(site)}")
        for name, site in sites.items():
            print(
                f"   {'assay*' if name == 'site*' else 'assay '}: load {med(site, 'load_s'):.2f} s + contract model"
                f" {med(site, 'contracts_s'):.2f} s + column lineage {med(site, 'lineage_s'):.2f} s + publish"
                f" {med(site, 'publish_s'):.2f} s = {med(site, 'total_s'):.2f} s (min {min(r['total_s'] for r in site):.2f} s);"
                f" peak RSS {med(site, 'peak_mb'):.0f} MB"
            )
        print(f"   site: {last['files']:,} files, {last['bytes'] / 1e6:.1f} MB; largest {last['largest'][0]} {last['largest'][1] / 1e3:.0f} KB")
        if last["largest_search"]:
            print(
                f"   search index: {last['search_files']} files, {last['search_bytes'] / 1e6:.2f} MB, largest"
                f" {last['largest_search'][0]} {last['largest_search'][1] / 1e3:.0f} KB"
            )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"artifacts-{args.models}.json").write_text(json.dumps(results, indent=1, default=str))
    print(f"\nraw figures: {(OUT / f'artifacts-{args.models}.json').relative_to(ROOT)}")
    if args.json:
        write_results(args.json, args, results, (target / "manifest.json").stat().st_size / 1e6)


if __name__ == "__main__":
    main()
