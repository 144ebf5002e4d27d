"""Export a relation's contract as an Open Data Contract Standard (ODCS) v3 document.

ODCS tools (datacontract-cli and others) then read what assay publishes. The mapping:
the relation is one schema object; each column a property with its physical (warehouse, else
declared) type, a logical type derived from it, required/unique/primaryKey from constraints
and dbt's not_null/unique tests; dbt tests become quality rules (not_null and unique as the
standard's library metrics, every other test as a `custom` rule run by the `dbt` engine);
what ODCS has no field for (ML role, meta, enforcement, lineage) goes into customProperties.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlglot import exp
from sqlglot.errors import ParseError

from assay.contracts.model import Column, DataTest, Node, Project
from assay.contracts.types import sql_dialect

API_VERSION = "v3.1.0"

_LOGICAL = [
    (exp.DataType.INTEGER_TYPES, "integer"),
    (exp.DataType.REAL_TYPES, "number"),
    (exp.DataType.TEXT_TYPES, "string"),
    (exp.DataType.TEMPORAL_TYPES, "timestamp"),
]
_EXACT = {
    exp.DataType.Type.DATE: "date",
    exp.DataType.Type.DATE32: "date",
    exp.DataType.Type.TIME: "time",
    exp.DataType.Type.TIMETZ: "time",
    exp.DataType.Type.BOOLEAN: "boolean",
    exp.DataType.Type.ARRAY: "array",
    exp.DataType.Type.LIST: "array",
    exp.DataType.Type.MAP: "map",
    exp.DataType.Type.STRUCT: "object",
    exp.DataType.Type.JSON: "object",
    exp.DataType.Type.UUID: "string",
}
_MATERIALIZED_AS = {"table": "table", "incremental": "table", "view": "view", "seed": "table", "snapshot": "table"}


def odcs_contract(project: Project, node: Node) -> dict[str, Any]:
    """The ODCS document of one relation, as plain data ready for YAML."""
    dialect = sql_dialect(project.adapter_type)
    primary_key = _primary_key(node)
    document: dict[str, Any] = {
        "apiVersion": API_VERSION,
        "kind": "DataContract",
        "id": node.unique_id,
        "name": node.label,
        "version": node.version or "1.0.0",
        "status": "active" if node.contract_enforced else "draft",
    }
    if node.description:
        document["description"] = {"purpose": node.description}
    if node.group:
        document["domain"] = node.group
    if node.tags:
        document["tags"] = list(node.tags)
    if node.owner:
        document["team"] = {"name": node.owner}
    schema: dict[str, Any] = {
        "name": node.identifier or node.name,
        "physicalName": node.relation_name or node.identifier or node.name,
        "logicalType": "object",
    }
    physical = "table" if node.resource_type in ("seed", "snapshot", "source") else _MATERIALIZED_AS.get(node.materialization or "")
    if physical:
        schema["physicalType"] = physical
    if node.description:
        schema["description"] = node.description
    schema["properties"] = [_property(node, column, primary_key, dialect) for column in node.columns]
    quality = [_quality(test) for test in node.tests if test.column_name is None]
    if quality:
        schema["quality"] = quality
    schema["customProperties"] = _custom(
        dbtUniqueId=node.unique_id,
        dbtResourceType=node.resource_type,
        materialization=node.materialization,
        contractEnforced=node.contract_enforced,
        access=node.access,
        constraints=[_constraint(c) for c in node.constraints] or None,
        upstream=list(node.upstream) or None,
        downstream=list(node.downstream) or None,
        meta=node.meta or None,
    )
    document["schema"] = [schema]
    return document


def _property(node: Node, column: Column, primary_key: list[str], dialect: str | None) -> dict[str, Any]:
    prop: dict[str, Any] = {"name": column.name}
    physical = column.warehouse_type or column.declared_type
    if physical:
        prop["physicalType"] = physical
        logical = logical_type(physical, dialect)
        if logical:
            prop["logicalType"] = logical
    if column.description:
        prop["description"] = column.description
    types = {c.type for c in column.constraints}
    tests = [t for t in node.tests if t.column_name == column.name]
    test_names = {t.test_name.rsplit(".", 1)[-1] for t in tests}
    if "not_null" in types or "primary_key" in types or "not_null" in test_names:
        prop["required"] = True
    if "unique" in types or "primary_key" in types or "unique" in test_names:
        prop["unique"] = True
    if column.name in primary_key:
        prop["primaryKey"] = True
        prop["primaryKeyPosition"] = primary_key.index(column.name) + 1
    if column.tags:
        prop["tags"] = list(column.tags)
    if tests:
        prop["quality"] = [_quality(test) for test in tests]
    custom = _custom(
        mlRole=column.role,
        declaredType=column.declared_type,
        warehouseType=column.warehouse_type,
        typeMismatch=column.type_mismatch or None,
        constraints=[_constraint(c) for c in column.constraints] or None,
        meta=column.meta or None,
    )
    if custom:
        prop["customProperties"] = custom
    return prop


def _primary_key(node: Node) -> list[str]:
    for constraint in node.constraints:
        if constraint.type == "primary_key" and constraint.columns:
            return list(constraint.columns)
    return [column.name for column in node.columns if any(c.type == "primary_key" for c in column.constraints)]


def _quality(test: DataTest) -> dict[str, Any]:
    short = test.test_name.rsplit(".", 1)[-1]
    rule: dict[str, Any] = {"name": test.node_name}
    if short in ("not_null", "unique") and test.kind == "generic":
        # The standard's own metrics, so ODCS tools can run them without dbt.
        rule.update(type="library", metric="nullValues" if short == "not_null" else "duplicateValues", mustBe=0)
    else:
        rule.update(type="custom", engine="dbt", implementation={"test": test.test_name, "arguments": test.arguments} if test.arguments else test.test_name)
    if test.severity:
        rule["severity"] = test.severity
    rule["customProperties"] = _custom(
        dbtUniqueId=test.unique_id, lastStatus=test.status.value, failures=test.failures
    )
    return rule


def _constraint(constraint: Any) -> dict[str, Any]:
    data = {"type": constraint.type, "enforcement": constraint.enforcement.value}
    for key in ("name", "expression", "to"):
        if getattr(constraint, key):
            data[key] = getattr(constraint, key)
    if constraint.columns:
        data["columns"] = list(constraint.columns)
    return data


def _custom(**values: Any) -> list[dict[str, Any]]:
    return [{"property": key, "value": value} for key, value in values.items() if value is not None]


@functools.lru_cache(maxsize=1024)
def logical_type(physical: str, dialect: str | None) -> str | None:
    """ODCS's logical type for a warehouse type, or None when it is not clear."""
    try:
        data_type = exp.DataType.build(physical, dialect=dialect, udt=True)
    except (ParseError, ValueError):
        return None
    kind = data_type.this
    if kind in _EXACT:
        return _EXACT[kind]
    for group, logical in _LOGICAL:
        if kind in group:
            return logical
    if kind in (exp.DataType.Type.DECIMAL, exp.DataType.Type.BIGDECIMAL):
        return "number"
    return None
