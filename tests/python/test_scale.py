"""A project of 5,000 models and 20,000 tests, parsed by real dbt: the site builds and stays small.

`dbt parse` of the generated project takes about two minutes the first time; the project lives
in pytest's cache folder so later runs re-parse it partially (seconds) unless the generator
changed. Set ASSAY_SCALE_DBT_DOCS=1 to also measure `dbt docs generate --static` on it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from big_project import write_project
from conftest import SCALE_KEY

from assay.artifacts import load_artifacts
from assay.contracts import build_project
from assay.site import publish_site

MODELS = 5000
MAX_PAGE = 1_000_000
DBT = Path(sys.executable).with_name("dbt")


def _dbt(*args: str, cwd: Path) -> None:
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    done = subprocess.run([str(DBT), *args, "--profiles-dir", "."], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="session")
def big_project(request: pytest.FixtureRequest) -> Path:
    if not DBT.exists():
        pytest.fail(f"no dbt next to {sys.executable}: run `make setup`")
    generator = (Path(__file__).parent / "big_project.py").read_bytes()
    stamp = hashlib.sha256(generator + str(MODELS).encode()).hexdigest()
    root = request.config.cache.mkdir("assay-big-project")
    if (root / "stamp").exists() and (root / "stamp").read_text() == stamp:
        pass
    else:
        shutil.rmtree(root)
        write_project(root, MODELS)
        (root / "stamp").write_text(stamp)
    started = time.perf_counter()
    _dbt("parse", cwd=root)  # partial parsing makes a re-parse of an unchanged project quick
    request.config.stash.setdefault(SCALE_KEY, []).append(f"assay scale: dbt parse {time.perf_counter() - started:.1f} s")
    return root


def test_site_for_5000_models_and_20000_tests(big_project, tmp_path, request):
    report = request.config.stash.setdefault(SCALE_KEY, [])

    started = time.perf_counter()
    artifacts = load_artifacts(big_project / "target")
    loaded = time.perf_counter()
    project = build_project(artifacts)
    built = time.perf_counter()
    out = tmp_path / "site"
    publish_site(project, out)
    published = time.perf_counter()

    models = sum(node.resource_type == "model" for node in project.nodes.values())
    assert models == MODELS
    assert len(project.tests) >= 20_000
    sizes = {path: path.stat().st_size for path in out.rglob("*") if path.is_file()}
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] <= MAX_PAGE, f"{largest.relative_to(out)} is {sizes[largest]:,} bytes"
    search = {path: size for path, size in sizes.items() if path.parent.name == "search"}
    assert max(search.values()) <= MAX_PAGE
    assert len(list((out / "models").iterdir())) == len(project.nodes)

    manifest_size = (big_project / "target/manifest.json").stat().st_size
    report += [
        f"assay scale: {models:,} models, {len(project.tests):,} tests, manifest {manifest_size / 1e6:.1f} MB",
        f"assay scale: load artifacts {loaded - started:.2f} s, contract model {built - loaded:.2f} s, "
        f"site {published - built:.2f} s ({len(sizes):,} files, {sum(sizes.values()) / 1e6:.1f} MB)",
        f"assay scale: largest file {largest.relative_to(out)} {sizes[largest] / 1e3:.0f} KB; search index "
        f"{len(search)} files, {sum(search.values()) / 1e6:.2f} MB in all, largest {max(search.values()) / 1e3:.0f} KB",
    ]
    if os.environ.get("ASSAY_SCALE_DBT_DOCS"):
        # Its own target folder, seeded with the parse state, so it leaves the cached one as it was.
        docs_target = big_project / "target-docs"
        docs_target.mkdir(exist_ok=True)
        shutil.copyfile(big_project / "target/partial_parse.msgpack", docs_target / "partial_parse.msgpack")
        started = time.perf_counter()
        _dbt("docs", "generate", "--static", "--empty-catalog", "--no-compile", "--target-path", "target-docs", cwd=big_project)
        static = (docs_target / "static_index.html").stat().st_size
        report.append(f"assay scale: dbt docs generate --static {time.perf_counter() - started:.1f} s, one page of {static / 1e6:.1f} MB")
