#!/usr/bin/env bash
# evidently in an environment of its own: 0.7.x fails to import with pandas 3
# (infer_dtype_from_object), so pandas is pinned below 3 here and nowhere else.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.venv-evidently"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "evidently==0.7.23" "pandas<3" "pyarrow>=15"
echo "evidently venv ready: $venv"
