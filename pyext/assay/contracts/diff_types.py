"""How a column's type changed between two versions of a contract.

dbt's rule: a change of the *base* data type breaks a contract, a change of size, precision or
scale does not. Both sides are parsed with sqlglot in the adapter's dialect, so spellings of the
same type (`int4` / `integer`, `numeric` / `decimal`) are no change at all.
"""

from __future__ import annotations

import enum
import functools
import re

from sqlglot import exp

from assay.contracts.types import parse_type, sql_dialect

# The size written at the end of a type, for dialects where sqlglot drops it (DuckDB's varchar(10)).
_TRAILING_SIZE = re.compile(r"\(\s*([\d\s,]+)\)\s*$")


class TypeChange(enum.Enum):
    SAME = "same"
    RESIZED = "resized"  # same base type, other size / precision / scale: not breaking
    CHANGED = "changed"  # another base type: breaking


@functools.lru_cache(maxsize=4096)
def compare_types(old: str, new: str, adapter: str | None) -> TypeChange:
    if _squash(old) == _squash(new):
        return TypeChange.SAME
    dialect = sql_dialect(adapter)
    left, right = parse_type(old, dialect), parse_type(new, dialect)
    if left is None or right is None:
        return TypeChange.CHANGED
    if _base(left, dialect) != _base(right, dialect):
        return TypeChange.CHANGED
    if left.sql(dialect) != right.sql(dialect) or _size(old, left, dialect) != _size(new, right, dialect):
        return TypeChange.RESIZED
    return TypeChange.SAME


def _base(data_type: exp.DataType, dialect: str | None) -> str:
    """The type without its size parameters; element types of arrays and structs are kept."""
    bare = data_type.copy()
    bare.set("expressions", [e for e in bare.expressions if not isinstance(e, exp.DataTypeParam)])
    return bare.sql(dialect)


def _size(written: str, data_type: exp.DataType, dialect: str | None) -> tuple[str, ...]:
    params = tuple(e.sql(dialect) for e in data_type.expressions if isinstance(e, exp.DataTypeParam))
    if params:
        return params
    match = _TRAILING_SIZE.search(written)
    return tuple(part.strip() for part in match[1].split(",")) if match else ()


def _squash(type_: str) -> str:
    return "".join(type_.lower().split())
