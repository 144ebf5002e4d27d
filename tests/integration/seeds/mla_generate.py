"""Deterministic seed data of the ML drift cases (group mla). Run from anywhere:
python tests/integration/seeds/mla_generate.py  (rewrites mla_reference.csv and mla_current.csv)

Columns: skewed (lognormal; drifts), heavy (Student t, 2 df: heavy tails; stable), stable
(normal; stable), counts (Poisson: many ties, so duplicate decile edges collapse), const (5.0 in
both), flag (0/1; the positive share moves from 0.30 to 0.45), segment (categories; the shares
move and the current data has an unseen category 'e'), region (categories; stable)."""

from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def frame(rng, n, drift):
    return {
        "skewed": rng.lognormal(0.3 if drift else 0.0, 1.1 if drift else 1.0, n),
        "heavy": rng.standard_t(2, n),
        "stable": rng.normal(0.0, 1.0, n),
        "counts": rng.poisson(1.5, n).astype(float),
        "const": np.full(n, 5.0),
        "flag": (rng.random(n) < (0.45 if drift else 0.30)).astype(int),
        "segment": rng.choice(["a", "b", "c", "d", "e"], n,
                              p=[0.25, 0.15, 0.3, 0.2, 0.1] if drift else [0.4, 0.3, 0.2, 0.1, 0.0]),
        "region": rng.choice(["north", "south", "east", "west"], n, p=[0.4, 0.3, 0.2, 0.1]),
    }


def write(path, data, n):
    names = list(data)
    with path.open("w") as f:
        f.write(",".join(["id", *names]) + "\n")
        for i in range(n):
            row = [str(i + 1)]
            for name in names:
                v = data[name][i]
                row.append(repr(float(v)) if isinstance(v, (float, np.floating)) else str(v))
            f.write(",".join(row) + "\n")


def main():
    rng = np.random.default_rng(20261127)
    write(HERE / "mla_reference.csv", frame(rng, 2000, drift=False), 2000)
    write(HERE / "mla_current.csv", frame(rng, 1500, drift=True), 1500)


if __name__ == "__main__":
    main()
