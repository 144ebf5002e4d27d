"""Which constraints the warehouse enforces, as opposed to merely recording them.

dbt writes constraints into the DDL only for contracted models materialized as tables or
incremental tables; views, ephemeral models, seeds, snapshots and sources get none. What the
warehouse then does with each type is adapter-specific: the table copies the adapters'
CONSTRAINT_SUPPORT for the adapters assay is tested on; for others it answers "unknown" rather
than guess.
"""

from __future__ import annotations

from assay.contracts.model import Enforcement

_ALL_FIVE = frozenset({"check", "not_null", "unique", "primary_key", "foreign_key"})

_ENFORCED_TYPES = {
    "duckdb": _ALL_FIVE,  # dbt-duckdb 1.11
    "postgres": _ALL_FIVE,  # dbt-postgres 1.11
}

_MATERIALIZATIONS_WITH_DDL = frozenset({"table", "incremental"})


def enforcement(constraint_type: str, *, adapter: str | None, materialization: str | None, contracted: bool) -> Enforcement:
    if not contracted or materialization not in _MATERIALIZATIONS_WITH_DDL:
        return Enforcement.NOT_ENFORCED
    enforced = _ENFORCED_TYPES.get(adapter or "")
    if enforced is None or constraint_type not in _ALL_FIVE:
        return Enforcement.UNKNOWN
    return Enforcement.ENFORCED if constraint_type in enforced else Enforcement.NOT_ENFORCED
