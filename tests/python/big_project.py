"""Generate a large dbt project (default 5,000 models and 20,000 tests) for scale tests.

Models form layers: a tenth read one of the 50 sources, the rest read one or two models of
earlier layers, so lineage has depth and fan-out. Every model has a YAML entry with a
description, six documented columns (one with an ML role) and four tests.

    python tests/python/big_project.py /tmp/big 5000
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCES = 50
PER_FILE = 100  # models per YAML file, as a real project splits them


def write_project(root: Path, models: int = 5000) -> Path:
    (root / "models").mkdir(parents=True, exist_ok=True)
    (root / "dbt_project.yml").write_text(
        "name: big\nversion: '1.0.0'\nconfig-version: 2\nprofile: big\n"
        "models:\n  big:\n    +materialized: view\n"
    )
    (root / "profiles.yml").write_text("big:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ':memory:'\n")
    tables = "\n".join(
        f"      - name: table_{t}\n        description: Raw table {t} as loaded.\n"
        f"        columns:\n          - name: id\n            data_tests: [not_null]"
        for t in range(SOURCES)
    )
    (root / "models" / "sources.yml").write_text(f"version: 2\nsources:\n  - name: raw\n    schema: main\n    tables:\n{tables}\n")
    for start in range(0, models, PER_FILE):
        entries = []
        for i in range(start, min(start + PER_FILE, models)):
            (root / "models" / f"m_{i:05d}.sql").write_text(_sql(i))
            entries.append(_yaml(i))
        (root / "models" / f"schema_{start // PER_FILE:03d}.yml").write_text("version: 2\nmodels:\n" + "".join(entries))
    return root


def _sql(i: int) -> str:
    if i < 500:
        upstream = f"{{{{ source('raw', 'table_{i % SOURCES}') }}}}"
        return f"select id, id % 7 as amount, 'a' as status, current_date as day, id as feature_{i}, 0 as label from {upstream}\n"
    first = f"{{{{ ref('m_{(i * 7919) % i:05d}') }}}}"
    second = f"{{{{ ref('m_{(i * 104729) % i:05d}') }}}}"
    return (
        f"select a.id, a.amount + b.amount as amount, a.status, a.day, a.amount as feature_{i}, b.label\n"
        f"from {first} as a join {second} as b using (id)\n"
    )


def _yaml(i: int) -> str:
    owner = f"team-{i % 12}"
    return f"""  - name: m_{i:05d}
    description: Model {i} of the generated project, owned by {owner}; it keeps one row per id and joins its upstream on id.
    config:
      meta: {{owner: {owner}}}
      tags: [layer_{i // 500}]
    columns:
      - name: id
        description: The row's key.
        data_tests: [not_null, unique]
        config: {{meta: {{assay: {{role: entity}}}}}}
      - name: amount
        description: An amount in EUR, never negative.
        data_tests:
          - accepted_values:
              arguments: {{values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}}
              config: {{severity: warn}}
      - name: status
        description: Lifecycle status.
      - name: day
        description: The day of the row.
      - name: feature_{i}
        description: A feature only this model has, to make the search index grow with the project.
        config: {{meta: {{assay: {{role: feature}}}}}}
      - name: label
        description: The label.
        data_tests: [not_null]
"""


if __name__ == "__main__":
    write_project(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
