"""Writes the mlb_* seeds: a reference (training) sample, a drifted current sample, and the
stored profile of the reference in the profile-table contract. Deterministic (numpy
default_rng); rerun after editing: python tests/integration/seeds/mlb_generate.py

Column roles (reference -> current), chosen so each check's outcome is clear-cut:
  f_normal   N(50, 10) -> N(51, 10)                       no shift
  f_skewed   lognormal(0, 0.5) -> lognormal(0, 1.2)       std ratio ~6, skewed
  f_heavy    t(3) -> t(3)                                 heavy tails
  f_const    7 -> 7                                       constant (std 0)
  f_sparse   N(0,1), 5% NULL -> N(3,1), 30% NULL          null-rate shift, SMD ~3
  f_allnull  all NULL on both sides
  cat        a/b/c/d -> a/b/c/d plus unseen e (~5%), f (~1%)
  cat_id     600 ids -> 60 ids                            cardinality collapse
  label      Bernoulli(0.3) -> Bernoulli(0.45)            label drift
  score      Beta(2, 5) -> Beta(2, 5)                     no prediction drift
  score_shifted Beta(2, 5) -> Beta(4, 4)                  prediction drift
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
COLUMNS = ["id", "f_normal", "f_skewed", "f_heavy", "f_const", "f_sparse", "f_allnull", "cat", "cat_id",
           "label", "score", "score_shifted"]
NUMERIC = ["f_normal", "f_skewed", "f_heavy", "f_const", "f_sparse", "f_allnull", "score", "score_shifted"]
CATEGORICAL = ["cat", "cat_id", "label"]
GRID = [0.0] + [round(k / 100, 2) for k in range(1, 100)] + [1.0]
PROFILE_COLUMNS = ["profile_label", "captured_at", "source_relation", "column_name", "kind", "record_type", "bin_id",
                   "lo", "hi", "category", "ref_share", "quantile_u", "q_value", "n", "n_null", "mean", "std",
                   "null_rate", "distinct_count", "min_value", "max_value"]


def sample(rng: np.random.Generator, n: int, current: bool) -> dict[str, list]:
    def with_nulls(values, rate):
        mask = rng.random(n) < rate
        return [None if m else v for v, m in zip(values, mask)]

    cats = ["a", "b", "c", "d", "e", "f"] if current else ["a", "b", "c", "d"]
    cat_p = [0.38, 0.28, 0.18, 0.10, 0.05, 0.01] if current else [0.4, 0.3, 0.2, 0.1]
    return {
        "id": list(range(1, n + 1)),
        "f_normal": list(rng.normal(51 if current else 50, 10, n)),
        "f_skewed": list(rng.lognormal(0, 1.2 if current else 0.5, n)),
        "f_heavy": list(rng.standard_t(3, n)),
        "f_const": [7.0] * n,
        "f_sparse": with_nulls(rng.normal(3 if current else 0, 1, n), 0.30 if current else 0.05),
        "f_allnull": [None] * n,
        "cat": list(rng.choice(cats, n, p=cat_p)),
        "cat_id": [f"u{k}" for k in rng.integers(0, 60 if current else 600, n)],
        "label": list(rng.binomial(1, 0.45 if current else 0.3, n)),
        "score": list(rng.beta(2, 5, n)),
        "score_shifted": list(rng.beta(4, 4, n) if current else rng.beta(2, 5, n)),
    }


def fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(v)


def write(name: str, header: list[str], rows: list[list]) -> None:
    with open(HERE / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([fmt(v) for v in row])


def profile_rows(data: dict[str, list], label: str, captured_at: str, scale: float = 1.0) -> list[list]:
    """The profile of `data` in the contract's long format; `scale` distorts a stale capture."""
    rows = []
    n = len(data["id"])

    def row(column, kind, record_type, **values):
        out = {k: None for k in PROFILE_COLUMNS}
        out.update(profile_label=label, captured_at=captured_at, source_relation="mlb_reference",
                   column_name=column, kind=kind, record_type=record_type, **values)
        return [out[k] for k in PROFILE_COLUMNS]

    for column in NUMERIC:
        x = np.array([v for v in data[column] if v is not None], dtype=float) * scale
        summary = dict(n=n, n_null=n - len(x), null_rate=(n - len(x)) / n, distinct_count=len(np.unique(x)))
        if len(x):
            summary.update(mean=x.mean(), std=x.std(ddof=1) if len(x) > 1 else None, min_value=x.min(), max_value=x.max())
        rows.append(row(column, "numeric", "summary", **summary))
        if not len(x):
            continue
        for u in GRID:
            rows.append(row(column, "numeric", "quantile", quantile_u=u, q_value=float(np.quantile(x, u))))
        edges = sorted(set(float(np.quantile(x, k / 10)) for k in range(1, 10)))
        bounds = [None] + edges + [None]
        for b in range(len(bounds) - 1):
            lo, hi = bounds[b], bounds[b + 1]
            inside = np.ones(len(x), bool)
            if lo is not None:
                inside &= x > lo
            if hi is not None:
                inside &= x <= hi
            rows.append(row(column, "numeric", "bin", bin_id=b + 1, lo=lo, hi=hi, ref_share=inside.mean()))
    for column in CATEGORICAL:
        values = [str(v) for v in data[column] if v is not None]
        cats, counts = np.unique(values, return_counts=True)
        rows.append(row(column, "categorical", "summary", n=n, n_null=n - len(values),
                        null_rate=(n - len(values)) / n, distinct_count=len(cats)))
        for c, k in zip(cats, counts):
            rows.append(row(column, "categorical", "category", category=str(c), ref_share=k / len(values)))
    return rows


def main() -> None:
    rng = np.random.default_rng(20261127)
    reference = sample(rng, 1000, current=False)
    current = sample(rng, 800, current=True)
    for name, data in [("mlb_reference", reference), ("mlb_current", current)]:
        write(name, COLUMNS, [list(r) for r in zip(*(data[c] for c in COLUMNS))])
    # The label is captured twice: the newer capture is the real profile, the older one is
    # distorted so a test that read it would fail.
    rows = profile_rows(reference, "mlb_ref_v1", "2026-11-01 00:00:00")
    rows += profile_rows(reference, "mlb_ref_v1", "2026-10-01 00:00:00", scale=3.0)
    write("mlb_profiles", PROFILE_COLUMNS, rows)


if __name__ == "__main__":
    main()
