"""What sqlglot needs to resolve a model's SQL: the columns of every relation, and which dbt
node each relation is.

Catalog names are the warehouse's real names, so they enter the schema as quoted identifiers
and are then normalized the dialect's way: a case-insensitive dialect (DuckDB) lower-cases
them all, a lower-casing one (PostgreSQL) keeps `"CustomerId"` as written, exactly as the
warehouse resolves them. Unquoted identifiers in the SQL are normalized the same way by
sqlglot's qualify, so both sides meet.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sqlglot import exp
from sqlglot.optimizer.normalize_identifiers import normalize_identifiers
from sqlglot.schema import MappingSchema

from assay.contracts import Node

RelationKey = tuple[str, ...]  # normalized (database, schema, name), or a shorter suffix of it


# Projects repeat the same few thousand names in every model: normalize each once.
@functools.lru_cache(maxsize=1 << 16)
def normalized(name: str, dialect: str | None) -> str:
    return normalize_identifiers(exp.to_identifier(name, quoted=True), dialect=dialect).name


def relation_key(parts: Iterable[str | None], dialect: str | None) -> RelationKey:
    return tuple(normalized(part, dialect) for part in parts if part)


def build_schema(nodes: Iterable[Node], dialect: str | None) -> tuple[MappingSchema, dict[RelationKey, str]]:
    """The schema of every relation whose columns are known, and each relation's dbt id.

    The id index holds the full (database, schema, name) key and its shorter suffixes, so SQL
    that names a relation without its database still resolves, unless two nodes share the suffix.
    """
    mapping: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    ids: dict[RelationKey, str] = {}
    ambiguous: set[RelationKey] = set()
    for node in nodes:
        if not node.identifier or not node.schema:
            continue
        key = relation_key((node.database, node.schema, node.identifier), dialect)
        for start in range(len(key)):
            suffix = key[start:]
            if suffix in ids and ids[suffix] != node.unique_id:
                ambiguous.add(suffix)
            ids[suffix] = node.unique_id
        # Only the warehouse's columns: YAML may document columns the relation does not have.
        columns = {_quoted(c.name): c.warehouse_type or "UNKNOWN" for c in node.columns if c.in_warehouse}
        if columns and len(key) == 3:
            mapping.setdefault(_quoted(node.database or ""), {}).setdefault(_quoted(node.schema), {})[
                _quoted(node.identifier)
            ] = columns
    for key in ambiguous:
        del ids[key]
    return MappingSchema(mapping, dialect=dialect, normalize=True), ids


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
