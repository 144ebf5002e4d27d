#!/usr/bin/env bash
# A separate environment for the comparison point: dbt-artifacts-parser (pydantic models of every
# artifact schema), kept apart so its pydantic pin never touches the project's venv. run.py needs
# only the standard library here: it runs itself in this venv as the parser's child process.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv-artifacts"
python3 -m venv "$venv"
printf "*\n" > "$venv/.gitignore"  # a venv is never committed
"$venv/bin/pip" install --quiet --disable-pip-version-check "dbt-artifacts-parser>=0.8"
"$venv/bin/python" -c "import dbt_artifacts_parser, pydantic; print('dbt-artifacts-parser', getattr(dbt_artifacts_parser, '__version__', '?'), 'pydantic', pydantic.VERSION)"
echo "bench venv ready: $venv"
