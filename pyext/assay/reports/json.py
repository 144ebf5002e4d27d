"""The JSON report: `ContractDiff.to_json()`, documented in docs/diff.md."""

from __future__ import annotations

import json

from assay.contracts.diff import ContractDiff


def render_json(diff: ContractDiff) -> str:
    return json.dumps(diff.to_json(), indent=2, ensure_ascii=False) + "\n"
