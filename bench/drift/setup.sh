#!/usr/bin/env bash
# The bench's own environment: DuckDB to run assay's rendered SQL and the hand-written floor,
# pandas/scipy for the in-memory comparison, pyarrow for the Parquet files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv-bench"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "duckdb>=1.1" "pandas>=2.2" "pyarrow>=15" "numpy>=1.26" "scipy>=1.11" \
  "dbt-core>=1.10,<1.12" "dbt-duckdb~=1.11.0"
echo "bench venv ready: $venv"
