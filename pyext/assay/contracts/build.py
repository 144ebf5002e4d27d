"""Build the contract model from the artifacts. The only module that knows both sides."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import msgspec

from assay.artifacts import Artifacts
from assay.artifacts import manifest as mf
from assay.artifacts.catalog import CatalogTable
from assay.artifacts.run_results import RunResult
from assay.artifacts.sources import FreshnessResult
from assay.contracts.enforcement import enforcement
from assay.contracts.model import Column, Constraint, DataTest, Enforcement, Exposure, Freshness, Node, Project, Status
from assay.contracts.types import types_differ
from assay.features import role_of

DOCUMENTED_TYPES = ("model", "seed", "snapshot")  # and sources, which the manifest keeps apart
TEST_TYPES = ("test", "unit_test")

_STATUS = {
    "pass": Status.PASS,
    "warn": Status.WARN,
    "fail": Status.FAIL,
    "error": Status.ERROR,
    "runtime error": Status.ERROR,
    "skipped": Status.SKIPPED,
}

# Arguments dbt passes to every generic test; they say nothing about this particular test.
_IMPLICIT_ARGUMENTS = ("model", "column_name")


def build_project(artifacts: Artifacts) -> Project:
    manifest = artifacts.manifest
    adapter = manifest.metadata.adapter_type
    outcomes = {result.unique_id: result for result in artifacts.run_results.results} if artifacts.run_results else {}
    freshness = {result.unique_id: result for result in artifacts.sources.results} if artifacts.sources else {}
    catalog = artifacts.catalog

    tests = {
        node.unique_id: _test(node, outcomes.get(node.unique_id))
        for node in (*manifest.nodes.values(), *manifest.unit_tests.values())
        if node.resource_type in TEST_TYPES
    }
    tests_of: dict[str, list[DataTest]] = defaultdict(list)
    for test in tests.values():
        for unique_id in test.attached_to:
            tests_of[unique_id].append(test)
    children = _children(manifest)

    nodes: dict[str, Node] = {}
    for node in manifest.nodes.values():
        if node.resource_type in DOCUMENTED_TYPES:
            table = catalog.nodes.get(node.unique_id) if catalog else None
            nodes[node.unique_id] = _node(node, manifest.groups, table, adapter, tests_of, children)
    for source in manifest.sources.values():
        table = catalog.sources.get(source.unique_id) if catalog else None
        nodes[source.unique_id] = _source(source, table, adapter, tests_of, children, freshness.get(source.unique_id))

    return Project(
        name=manifest.metadata.project_name or "dbt project",
        adapter_type=adapter,
        dbt_version=manifest.metadata.dbt_version,
        generated_at=manifest.metadata.generated_at,
        nodes=nodes,
        tests=tests,
        exposures={e.unique_id: _exposure(e) for e in manifest.exposures.values()},
        has_catalog=catalog is not None,
        has_run_results=artifacts.run_results is not None,
    )


def _node(
    node: mf.Node,
    groups: dict[str, mf.Group],
    table: CatalogTable | None,
    adapter: str | None,
    tests_of: dict[str, list[DataTest]],
    children: dict[str, list[str]],
) -> Node:
    materialization = node.config.materialized
    contracted = node.contract.enforced

    def constraints(declared: Iterable[mf.Constraint]) -> tuple[Constraint, ...]:
        return tuple(
            _constraint(c, enforcement(c.type, adapter=adapter, materialization=materialization, contracted=contracted))
            for c in declared
        )

    label = node.name if node.version is None else f"{node.name}.v{node.version}"
    return Node(
        unique_id=node.unique_id,
        name=node.name,
        label=label,
        resource_type=node.resource_type,
        package=node.package_name,
        file=node.original_file_path,
        database=node.database,
        schema=node.schema,
        identifier=node.alias or node.name,
        relation_name=node.relation_name,
        materialization=materialization,
        language=node.language,
        compiled_sql=node.compiled_code,
        description=node.description or "",
        columns=_columns(node.columns, table, adapter, constraints),
        constraints=constraints(node.constraints),
        contract_enforced=contracted,
        tags=tuple(node.tags),
        meta=_meta(node.meta, node.config.meta),
        owner=_owner(_meta(node.meta, node.config.meta).get("owner")) or _group_owner(groups, node.group),
        access=node.access,
        group=node.group,
        version=_text(node.version),
        latest_version=_text(node.latest_version),
        upstream=tuple(dict.fromkeys(node.depends_on.nodes)),
        downstream=_downstream(children, node.unique_id),
        tests=tuple(tests_of.get(node.unique_id, ())),
    )


def _source(
    source: mf.Source,
    table: CatalogTable | None,
    adapter: str | None,
    tests_of: dict[str, list[DataTest]],
    children: dict[str, list[str]],
    freshness: FreshnessResult | None,
) -> Node:
    # dbt never applies constraints to a source: they are documentation only.
    def constraints(declared: Iterable[mf.Constraint]) -> tuple[Constraint, ...]:
        return tuple(_constraint(c, enforcement(c.type, adapter=adapter, materialization=None, contracted=False)) for c in declared)

    return Node(
        unique_id=source.unique_id,
        name=source.name,
        label=f"{source.source_name}.{source.name}",
        resource_type="source",
        package=source.package_name,
        file=source.original_file_path,
        database=source.database,
        schema=source.schema,
        identifier=source.identifier or source.name,
        relation_name=source.relation_name,
        description=source.description or source.source_description or "",
        columns=_columns(source.columns, table, adapter, constraints),
        tags=tuple(source.tags),
        meta=source.meta,
        owner=_owner(source.meta.get("owner")),
        downstream=_downstream(children, source.unique_id),
        tests=tuple(tests_of.get(source.unique_id, ())),
        freshness_rule=_freshness_rule(source.freshness),
        freshness=_freshness(freshness) if freshness else None,
    )


def _columns(
    declared: dict[str, mf.Column],
    table: CatalogTable | None,
    adapter: str | None,
    constraints: Callable[[Iterable[mf.Constraint]], tuple[Constraint, ...]],
) -> tuple[Column, ...]:
    # Warehouses disagree on identifier case (Snowflake reports ORDER_ID for order_id).
    in_warehouse = {column.name.lower(): column for column in table.columns.values()} if table else {}
    columns = []
    for column in declared.values():
        found = in_warehouse.pop(column.name.lower(), None)
        meta = _meta(column.meta, column.config.meta)
        warehouse_type = found.type if found else None
        columns.append(
            Column(
                name=column.name,
                description=column.description or "",
                declared_type=column.data_type,
                warehouse_type=warehouse_type,
                type_mismatch=bool(column.data_type and warehouse_type and types_differ(column.data_type, warehouse_type, adapter)),
                in_warehouse=None if table is None else found is not None,
                constraints=constraints(column.constraints),
                tags=tuple(dict.fromkeys((*column.tags, *column.config.tags))),
                meta=meta,
                role=role_of(meta),
            )
        )
    columns.extend(
        Column(name=c.name, description=c.comment or "", warehouse_type=c.type, documented=False, in_warehouse=True)
        for c in in_warehouse.values()
    )
    if table is None:
        return tuple(columns)
    # The warehouse's order is the relation's real shape; columns it lacks go last.
    position = {column.name.lower(): column.index for column in table.columns.values() if column.index is not None}
    return tuple(sorted(columns, key=lambda column: position.get(column.name.lower(), float("inf"))))


def _constraint(constraint: mf.Constraint, enforced: Enforcement) -> Constraint:
    return Constraint(
        type=constraint.type,
        name=constraint.name,
        expression=constraint.expression,
        columns=tuple(constraint.columns or ()),
        to=constraint.to,
        to_columns=tuple(constraint.to_columns or ()),
        enforcement=enforced,
    )


def _test(node: mf.Node, outcome: RunResult | None) -> DataTest:
    metadata = node.test_metadata
    if node.resource_type == "unit_test":
        kind, test_name = "unit", node.name
    elif metadata is None:
        kind, test_name = "singular", node.name
    else:
        kind = "generic"
        test_name = f"{metadata.namespace}.{metadata.name}" if metadata.namespace else metadata.name
    attached_to = (node.attached_node,) if node.attached_node else tuple(dict.fromkeys(node.depends_on.nodes))
    arguments = {k: v for k, v in (metadata.kwargs if metadata else {}).items() if k not in _IMPLICIT_ARGUMENTS}
    test = DataTest(
        unique_id=node.unique_id,
        node_name=node.name,
        test_name=test_name,
        kind=kind,
        attached_to=attached_to,
        column_name=node.column_name,
        severity=node.config.severity.lower() if node.config.severity else None,
        arguments=arguments,
        # A status outside the test vocabulary ("success") comes from a command that only compiled the test.
        status=_STATUS.get(outcome.status, Status.NOT_RUN) if outcome else Status.NOT_RUN,
        failures=outcome.failures if outcome else None,
        message=outcome.message if outcome else None,
    )
    if test.attention and node.compiled_code:
        test = msgspec.structs.replace(test, compiled_sql=node.compiled_code.strip())
    return test


def _children(manifest: mf.Manifest) -> dict[str, list[str]]:
    if manifest.child_map is not None:
        return manifest.child_map
    children: dict[str, list[str]] = defaultdict(list)
    for node in (*manifest.nodes.values(), *manifest.exposures.values()):
        for parent in node.depends_on.nodes:
            children[parent].append(node.unique_id)
    return children


def _downstream(children: dict[str, list[str]], unique_id: str) -> tuple[str, ...]:
    # Tests are listed with their results, not as dependents.
    return tuple(child for child in children.get(unique_id, ()) if child.split(".", 1)[0] not in TEST_TYPES)


def _exposure(exposure: mf.Exposure) -> Exposure:
    return Exposure(
        unique_id=exposure.unique_id,
        name=exposure.name,
        label=exposure.label or exposure.name,
        package=exposure.package_name,
        file=exposure.original_file_path,
        type=exposure.type,
        maturity=exposure.maturity,
        description=exposure.description or "",
        owner=_owner(exposure.owner.name) or _owner(exposure.owner.email),
        url=exposure.url,
        tags=tuple(exposure.tags),
        meta=exposure.meta,
        upstream=tuple(dict.fromkeys(exposure.depends_on.nodes)),
    )


def _meta(meta: dict[str, Any], config_meta: dict[str, Any]) -> dict[str, Any]:
    """dbt 1.10+ writes meta both at the top level and under config; either may be missing."""
    if not config_meta or config_meta == meta:
        return meta
    return {**meta, **config_meta}


def _owner(value: object) -> str | None:
    """meta.owner is free-form: a name, an email, a list of them, or a mapping."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(filter(None, (_owner(item) for item in value))) or None
    if isinstance(value, dict):
        return _owner(value.get("name")) or _owner(value.get("email"))
    return str(value)


def _group_owner(groups: dict[str, mf.Group], group_name: str | None) -> str | None:
    if not group_name:
        return None
    for group in groups.values():
        if group.name == group_name:
            return _owner(group.owner.name) or _owner(group.owner.email) or f"group {group_name}"
    return f"group {group_name}"


def _freshness_rule(rule: mf.FreshnessRule | None) -> str | None:
    if rule is None:
        return None
    parts = [
        f"{level} after {period.count} {period.period}{'s' if period.count != 1 else ''}"
        for level, period in (("warn", rule.warn_after), ("error", rule.error_after))
        if period is not None and period.count
    ]
    return ", ".join(parts) or None


def _freshness(result: FreshnessResult) -> Freshness:
    return Freshness(
        status="error" if result.status == "runtime error" else result.status,
        max_loaded_at=result.max_loaded_at,
        snapshotted_at=result.snapshotted_at,
        age_seconds=result.max_loaded_at_time_ago_in_s,
        error=result.error,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
