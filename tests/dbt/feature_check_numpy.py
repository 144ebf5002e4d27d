"""numpy implementations of the mlb checks' statistics, computed from the seed CSVs."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np

SEEDS = Path(__file__).resolve().parents[1] / "integration" / "seeds"


def load(name: str) -> dict[str, list]:
    with open(SEEDS / f"{name}.csv") as f:
        rows = list(csv.DictReader(f))
    return {k: [r[k] if r[k] != "" else None for r in rows] for k in rows[0]}


def numeric(values) -> np.ndarray:
    return np.array([float(v) for v in values if v is not None], dtype=float)


def null_rate(values) -> float:
    return sum(v is None for v in values) / len(values)


def smd(cur, ref) -> float | None:
    c, r = numeric(cur), numeric(ref)
    if not len(c) or not len(r):
        return None
    sr = r.std(ddof=1)
    if sr > 0:
        return (c.mean() - r.mean()) / sr
    return 0.0 if c.mean() == r.mean() else None


def std_ratio(cur, ref) -> float | None:
    c, r = numeric(cur), numeric(ref)
    if len(c) < 2 or len(r) < 2:
        return None
    sc, sr = c.std(ddof=1), r.std(ddof=1)
    if sr > 0:
        return sc / sr
    return 1.0 if sc == 0 else None


def out_of_range_share(cur, ref) -> float | None:
    c, r = numeric(cur), numeric(ref)
    if not len(c) or not len(r):
        return None
    return float(((c < r.min()) | (c > r.max())).mean())


def new_category_rate(cur, ref) -> float | None:
    seen = {v for v in ref if v is not None}
    c = [v for v in cur if v is not None]
    return sum(v not in seen for v in c) / len(c) if c else None


def max_quantile_diff(cur, ref, quantiles) -> float | None:
    c, r = numeric(cur), numeric(ref)
    if not len(c) or not len(r):
        return None
    return float(max(abs(np.quantile(c, u) - np.quantile(r, u)) for u in quantiles))


def distinct_ratio(cur, ref, share=False) -> float | None:
    c, r = [v for v in cur if v is not None], [v for v in ref if v is not None]
    if not r or (share and not c):
        return None
    dc, dr = len(set(c)), len(set(r))
    return (dc / len(c)) / (dr / len(r)) if share else dc / dr


def z_two_proportions(cur, ref, positive="1") -> float | None:
    c, r = [v for v in cur if v is not None], [v for v in ref if v is not None]
    if not c or not r:
        return None
    x1, x2 = sum(v == positive for v in c), sum(v == positive for v in r)
    n1, n2 = len(c), len(r)
    pooled = (x1 + x2) / (n1 + n2)
    if pooled * (1 - pooled) == 0:
        return 0.0
    return (x1 / n1 - x2 / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))


def mean_shift(cur, ref) -> float | None:
    c, r = numeric(cur), numeric(ref)
    return float(c.mean() - r.mean()) if len(c) and len(r) else None


def positive_rate(values, threshold=0.5) -> float | None:
    x = numeric(values)
    return float((x >= threshold).mean()) if len(x) else None


def positive_rate_from_grid(values, threshold=0.5) -> float | None:
    """The reference positive rate a stored profile gives: 1 − the largest grid u whose
    quantile lies below the threshold."""
    x = numeric(values)
    if not len(x):
        return None
    below = [u / 100 for u in range(101) if np.quantile(x, u / 100) < threshold]
    return 1 - (max(below) if below else 0.0)
