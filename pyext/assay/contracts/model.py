"""The contract model: what a dbt project promises about each relation, and how its tests fare.

Built once from the artifacts (see `build.py`); every renderer and export reads only this.
"""

from __future__ import annotations

import enum
from typing import Any

import msgspec


class Status(enum.Enum):
    """Outcome of a test in the last dbt invocation that ran it. Declaration order is display order."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"
    SKIPPED = "skipped"
    NOT_RUN = "not run"

    @property
    def css(self) -> str:
        return self.value.replace(" ", "-")


class Enforcement(enum.Enum):
    """Whether the warehouse itself rejects rows that break a constraint."""

    ENFORCED = "enforced"
    NOT_ENFORCED = "not enforced"
    UNKNOWN = "unknown"


class _Model(msgspec.Struct, frozen=True, kw_only=True):
    pass


class Constraint(_Model):
    type: str
    name: str | None = None
    expression: str | None = None
    columns: tuple[str, ...] = ()
    to: str | None = None
    to_columns: tuple[str, ...] = ()
    enforcement: Enforcement = Enforcement.UNKNOWN


class Column(_Model):
    name: str
    description: str = ""
    declared_type: str | None = None
    warehouse_type: str | None = None
    type_mismatch: bool = False
    documented: bool = True  # declared in the project's YAML, not only found in the warehouse
    in_warehouse: bool | None = None  # None when the catalog says nothing about the relation
    constraints: tuple[Constraint, ...] = ()
    tags: tuple[str, ...] = ()
    meta: dict[str, Any] = {}
    role: str | None = None  # ML role from meta.assay.role: entity | timestamp | feature | label | prediction


class DataTest(_Model):
    """A data test (generic or singular) or a unit test, with its latest outcome."""

    unique_id: str
    node_name: str
    test_name: str  # `namespace.name` for generic tests from a package, e.g. assay.expect_column_values_to_be_between
    kind: str  # generic | singular | unit
    attached_to: tuple[str, ...] = ()
    column_name: str | None = None
    severity: str | None = None
    arguments: dict[str, Any] = {}
    status: Status = Status.NOT_RUN
    failures: int | None = None
    message: str | None = None
    # Kept only for tests that did not pass: it is what a reader runs to see the failing rows.
    compiled_sql: str | None = None

    @property
    def attention(self) -> bool:
        return self.status in (Status.FAIL, Status.WARN, Status.ERROR)


class Freshness(_Model):
    status: str
    max_loaded_at: str | None = None
    snapshotted_at: str | None = None
    age_seconds: float | None = None
    error: str | None = None


class Node(_Model):
    """A relation the project documents: a model, seed, snapshot or source."""

    unique_id: str
    name: str
    label: str  # what people call it: `orders.v2`, `shop.raw_orders`
    resource_type: str
    package: str
    file: str | None = None
    database: str | None = None
    schema: str | None = None
    identifier: str | None = None  # the relation's own name: alias for models, identifier for sources
    relation_name: str | None = None
    materialization: str | None = None
    language: str | None = None
    compiled_sql: str | None = None  # what the warehouse runs; the source of column lineage
    description: str = ""
    columns: tuple[Column, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    contract_enforced: bool = False
    tags: tuple[str, ...] = ()
    meta: dict[str, Any] = {}
    owner: str | None = None
    access: str | None = None
    group: str | None = None
    version: str | None = None
    latest_version: str | None = None
    upstream: tuple[str, ...] = ()
    downstream: tuple[str, ...] = ()
    tests: tuple[DataTest, ...] = ()
    freshness_rule: str | None = None
    freshness: Freshness | None = None

    @property
    def type_mismatches(self) -> int:
        return sum(column.type_mismatch for column in self.columns)

    @property
    def has_roles(self) -> bool:
        return any(column.role for column in self.columns)

    def test_counts(self) -> dict[Status, int]:
        return count_statuses(self.tests)


class Exposure(_Model):
    unique_id: str
    name: str
    label: str
    resource_type: str = "exposure"
    package: str = ""
    file: str | None = None
    type: str | None = None
    maturity: str | None = None
    description: str = ""
    owner: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    meta: dict[str, Any] = {}
    upstream: tuple[str, ...] = ()


class Project(_Model):
    name: str
    adapter_type: str | None = None
    dbt_version: str | None = None
    generated_at: str | None = None
    nodes: dict[str, Node] = {}
    tests: dict[str, DataTest] = {}
    exposures: dict[str, Exposure] = {}
    has_catalog: bool = False
    has_run_results: bool = False

    def label(self, unique_id: str) -> str:
        """A readable name for any node id, including ones assay does not document (metrics…)."""
        known = self.nodes.get(unique_id) or self.exposures.get(unique_id)
        if known:
            return known.label
        return unique_id.split(".", 2)[-1]

    def test_counts(self) -> dict[Status, int]:
        return count_statuses(self.tests.values())

    def node(self, unique_id: str) -> Node | Exposure | None:
        return self.nodes.get(unique_id) or self.exposures.get(unique_id)


def count_statuses(tests: Any) -> dict[Status, int]:
    counts = dict.fromkeys(Status, 0)
    for test in tests:
        counts[test.status] += 1
    return counts
