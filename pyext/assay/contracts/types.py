"""Compare a declared column type with the one the warehouse reports.

Both sides are parsed with sqlglot in the adapter's dialect, so spellings of the same type
(`integer` / `INT4` / `INTEGER`, `character varying` / `varchar`) compare equal. Sizes are
compared only when both sides state one: `varchar` declared for a `VARCHAR(256)` column is fine.
"""

from __future__ import annotations

import functools

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError

# dbt adapter names that differ from sqlglot dialect names.
_DIALECT_OF_ADAPTER = {"sqlserver": "tsql", "fabric": "tsql", "synapse": "tsql"}


# Projects repeat a handful of type pairs across thousands of columns: parse each pair once.
@functools.lru_cache(maxsize=4096)
def types_differ(declared: str, actual: str, adapter: str | None) -> bool:
    dialect = sql_dialect(adapter)
    left, right = parse_type(declared, dialect), parse_type(actual, dialect)
    if left is None or right is None:
        return _squash(declared) != _squash(actual)
    if _base(left, dialect) != _base(right, dialect):
        return True
    return bool(left.expressions and right.expressions) and left.sql(dialect) != right.sql(dialect)


@functools.lru_cache(maxsize=None)
def sql_dialect(adapter: str | None) -> str | None:
    """The sqlglot dialect for a dbt adapter name, or None when sqlglot has no such dialect."""
    if not adapter:
        return None
    name = _DIALECT_OF_ADAPTER.get(adapter, adapter)
    try:
        Dialect.get_or_raise(name)
    except ValueError:
        return None
    return name


@functools.lru_cache(maxsize=4096)
def parse_type(type_: str, dialect: str | None) -> exp.DataType | None:
    try:
        return exp.DataType.build(type_, dialect=dialect, udt=True)
    except (ParseError, ValueError):
        return None


def _base(data_type: exp.DataType, dialect: str | None) -> str:
    bare = data_type.copy()
    bare.set("expressions", [])
    return bare.sql(dialect)


def _squash(type_: str) -> str:
    return "".join(type_.lower().split())
