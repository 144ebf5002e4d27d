"""Trace each output column of each model back to the columns of the relations it reads.

Each model's compiled SQL is parsed and qualified once (stars expanded, every column bound to
its table), then every output column is traced through CTEs and subqueries with sqlglot's
lineage walker reusing that one scope. The traps, and what is done about each:

- `SELECT *` from a relation the catalog does not describe cannot be expanded: the model's
  columns are matched to it by name when it is the only such relation, else left unknown;
- a CTE that selects `*` passes names through: a leaf reached through a star is the column of
  the name that was asked for, not a column called `*`;
- quoted mixed-case identifiers keep their case where the dialect does (see schema.py);
- `count(*)` reads rows, not columns: it depends on the relation, with no column.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlglot import exp, parse_one
from sqlglot.errors import SqlglotError
from sqlglot.lineage import Node as LineageNode
from sqlglot.lineage import lineage
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, build_scope
from sqlglot.schema import MappingSchema

from assay.contracts import Node, Project
from assay.contracts.types import sql_dialect
from assay.lineage.schema import RelationKey, build_schema, normalized, relation_key

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class Origin(NamedTuple):
    """Where a column's values come from: a column of a dbt node, or its rows (column None)."""

    unique_id: str
    column: str | None


@dataclass(frozen=True)
class ModelLineage:
    # Output column, spelled as the model documents it when it does, -> where it comes from.
    columns: dict[str, tuple[Origin, ...]] = field(default_factory=dict)
    problem: str | None = None  # why the lineage is missing or partial


def column_lineage(project: Project, progress: Progress | None = None) -> dict[str, ModelLineage]:
    """Lineage of every SQL model that has compiled code (none after a bare `dbt parse`)."""
    dialect = sql_dialect(project.adapter_type)
    schema, ids = build_schema(project.nodes.values(), dialect)
    # sqlglot reports normalized names (`customerid`); pages show the warehouse's (`CustomerId`).
    spelling = {
        node.unique_id: {normalized(column.name, dialect): column.name for column in node.columns}
        for node in project.nodes.values()
    }
    models = [node for node in project.nodes.values() if node.compiled_sql and (node.language or "sql") == "sql"]
    traced: dict[str, ModelLineage] = {}
    for done, node in enumerate(models, 1):
        traced[node.unique_id] = trace_model(node, schema, ids, dialect, spelling)
        if progress:
            progress(done, len(models))
    return traced


def trace_model(
    node: Node,
    schema: MappingSchema,
    ids: dict[RelationKey, str],
    dialect: str | None,
    spelling: dict[str, dict[str, str]] | None = None,
) -> ModelLineage:
    try:
        expression = qualify(
            parse_one(node.compiled_sql or "", dialect=dialect),
            dialect=dialect,
            schema=schema,
            validate_qualify_columns=False,
            identify=False,
        )
        scope = build_scope(expression)
    except (SqlglotError, RecursionError, ValueError) as error:
        return ModelLineage(problem=f"the compiled SQL could not be analysed: {_first_line(error)}")
    if scope is None or not isinstance(expression, exp.Query):
        return ModelLineage(problem="the compiled SQL is not a query")

    documented = {column.name.lower(): column.name for column in node.columns}
    columns: dict[str, tuple[Origin, ...]] = {}
    problems: list[str] = []
    for select in expression.selects:
        name = select.alias_or_name
        if isinstance(select, exp.Star) or name == "*":
            # A top-level star the catalog could not expand (see the module's docstring).
            star_columns, problem = _unexpanded_star(select, scope, node, ids, dialect)
            columns.update(star_columns)
            if problem:
                problems.append(problem)
            continue
        try:
            # The scope is reused and only read: no copy of the tree per column, no trimmed
            # copies of each SELECT (both are sqlglot's defaults and most of its time).
            root = lineage(
                exp.column(exp.to_identifier(name, quoted=True)),
                expression,
                schema,
                scope=scope,
                dialect=dialect,
                copy=False,
                trim_selects=False,
            )
        except (SqlglotError, RecursionError, ValueError, KeyError) as error:
            problems.append(f"{name}: {_first_line(error)}")
            continue
        columns[documented.get(name.lower(), name)] = _origins(root, name, ids, dialect)
    if spelling:
        columns = {
            name: tuple(
                Origin(o.unique_id, spelling.get(o.unique_id, {}).get(o.column, o.column) if o.column else None)
                for o in origins
            )
            for name, origins in columns.items()
        }
    return ModelLineage(columns=columns, problem="; ".join(problems) or None)


def _origins(root: LineageNode, name: str, ids: dict[RelationKey, str], dialect: str | None) -> tuple[Origin, ...]:
    found: dict[Origin, None] = {}
    # Depth-first, carrying the last real column name seen: a star passes that name through.
    stack: list[tuple[LineageNode, str]] = [(root, name)]
    seen: set[int] = set()
    while stack:
        current, wanted = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        column = current.name.rsplit(".", 1)[-1].strip('"')
        if column != "*":
            wanted = column
        if current.downstream:
            stack.extend((child, wanted) for child in current.downstream)
            continue
        if isinstance(current.expression, exp.Table):
            unique_id = ids.get(_table_key(current.expression, dialect))
            if unique_id:
                found[Origin(unique_id, wanted)] = None
        elif current.expression.find(exp.Star):
            # count(*) and friends: the rows of every relation the query reads.
            for table in current.source.find_all(exp.Table):
                unique_id = ids.get(_table_key(table, dialect))
                if unique_id:
                    found[Origin(unique_id, None)] = None
    return tuple(found)


def _unexpanded_star(
    select: exp.Expression, scope: Scope, node: Node, ids: dict[RelationKey, str], dialect: str | None
) -> tuple[dict[str, tuple[Origin, ...]], str | None]:
    tables = [source for source in _leaf_tables(scope)]
    resolved = [ids.get(_table_key(table, dialect)) for table in tables]
    if len(resolved) == 1 and resolved[0] and node.columns:
        # A star over one relation passes its columns through by name.
        return {column.name: (Origin(resolved[0], column.name),) for column in node.columns}, None
    return {}, "SELECT * over relations the catalog does not describe: its columns are unknown"


def _leaf_tables(scope: Scope) -> Iterable[exp.Table]:
    for source in scope.sources.values():
        if isinstance(source, exp.Table):
            yield source
        elif isinstance(source, Scope):
            yield from _leaf_tables(source)


def _table_key(table: exp.Table, dialect: str | None) -> RelationKey:
    return relation_key((table.catalog, table.db, table.name), dialect)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
