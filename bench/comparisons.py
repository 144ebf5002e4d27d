"""The shape of a bench's `--json` results, shared by the three benches and by bench/run.py.

Each bench writes {"bench": ..., "comparisons": [...], ...its raw figures}. A comparison is one
row of bench/run.py's final table: a label, a time condition and a memory condition (either may
be absent), and the figures it was computed from. A condition holds the measured value, its
unit, and the target (`op` and `bound`, absent when the issue sets none) with its verdict, so
the targets are written once, in the bench that measures them.

Standard library only: bench/artifacts/run.py imports this inside the dbt-artifacts-parser venv.
"""

from __future__ import annotations

import json
import operator
from pathlib import Path

OPS = {"<=": operator.le, ">=": operator.ge, ">": operator.gt}


def condition(value: float | None, unit: str, op: str | None = None, bound: float | None = None) -> dict:
    """A measured value (None: not measured, e.g. a timed-out query) and its target, if any."""
    if op is not None and op not in OPS:
        raise ValueError(f"unknown target operator {op!r}: one of {sorted(OPS)}")
    met = None if op is None else (value is not None and OPS[op](value, bound))
    return {"value": value, "unit": unit, "op": op, "bound": bound, "met": met}


def comparison(label: str, figures: str, time: dict | None = None, memory: dict | None = None) -> dict:
    return {"label": label, "figures": figures, "time": time, "memory": memory}


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def write_json(path: Path, bench: str, comparisons: list[dict], **raw) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"bench": bench, "comparisons": comparisons, **raw}, indent=1, default=str) + "\n")
