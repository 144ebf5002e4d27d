"""Column lineage from compiled SQL, one test per known trap."""

from __future__ import annotations

import pytest

from assay.contracts import Column, Node, Project
from assay.lineage import Origin, column_lineage

DB = "warehouse"


def relation(name: str, columns: dict[str, str] | None, sql: str | None = None, documented: tuple[str, ...] = ()) -> Node:
    """A node as the contract model holds it; `columns` None means the catalog does not describe it."""
    found = [Column(name=c, warehouse_type=t, in_warehouse=True) for c, t in (columns or {}).items()]
    found += [Column(name=c) for c in documented]
    return Node(
        unique_id=f"model.shop.{name}", name=name, label=name, resource_type="model", package="shop",
        database=DB, schema="main", identifier=name, compiled_sql=sql, columns=tuple(found),
    )


def trace(*nodes: Node, adapter: str = "duckdb") -> dict[str, dict[str, tuple[Origin, ...]]]:
    project = Project(name="shop", adapter_type=adapter, nodes={n.unique_id: n for n in nodes})
    traced = column_lineage(project)
    return {uid.removeprefix("model.shop."): lineage.columns for uid, lineage in traced.items()}


def o(node: str, column: str | None) -> Origin:
    return Origin(f"model.shop.{node}", column)


ORDERS = relation("orders", {"order_id": "INTEGER", "amount": "DECIMAL(10,2)", "customer_id": "INTEGER"})


def test_renamed_and_computed_columns_trace_to_their_inputs():
    model = relation("m", None, f'select order_id as id, amount * 2 as double_amount from "{DB}"."main"."orders"')
    assert trace(ORDERS, model)["m"] == {"id": (o("orders", "order_id"),), "double_amount": (o("orders", "amount"),)}


def test_select_star_with_catalog_expands_to_every_column():
    model = relation("m", None, f"select * from {DB}.main.orders")
    assert trace(ORDERS, model)["m"] == {c: (o("orders", c),) for c in ("order_id", "amount", "customer_id")}


def test_select_star_without_schema_matches_documented_columns_by_name():
    # `raw` is not in the catalog, so the star cannot be expanded; the model's own columns are
    # matched to the one relation it reads, by name.
    raw = relation("raw", None)
    model = relation("m", None, f"select * from {DB}.main.raw", documented=("a", "b"))
    traced = column_lineage(Project(name="shop", adapter_type="duckdb", nodes={n.unique_id: n for n in (raw, model)}))
    assert traced["model.shop.m"].columns == {"a": (o("raw", "a"),), "b": (o("raw", "b"),)}


def test_select_star_over_two_undescribed_relations_is_reported_not_guessed():
    model = relation("m", None, f"select * from {DB}.main.x join {DB}.main.y using (id)", documented=("id",))
    traced = column_lineage(Project(name="shop", adapter_type="duckdb", nodes={"model.shop.m": model}))
    assert traced["model.shop.m"].columns == {}
    assert "SELECT *" in (traced["model.shop.m"].problem or "")


def test_cte_with_star_passes_names_through():
    sql = f"with o as (select * from {DB}.main.orders), t as (select * from o) select customer_id, amount from t"
    assert trace(ORDERS, relation("m", None, sql))["m"] == {
        "customer_id": (o("orders", "customer_id"),),
        "amount": (o("orders", "amount"),),
    }


def test_cte_with_star_over_an_undescribed_relation_still_names_the_column():
    sql = f"with r as (select * from {DB}.main.raw) select id from r"
    assert trace(relation("raw", None), relation("m", None, sql))["m"] == {"id": (o("raw", "id"),)}


def test_quoted_mixed_case_identifiers_keep_their_case_on_postgres():
    source = relation("src", {"CustomerId": "integer", "customerid": "text"})
    model = relation("m", None, f'select "CustomerId" as a, customerid as b from {DB}.main.src')
    assert trace(source, model, adapter="postgres")["m"] == {"a": (o("src", "CustomerId"),), "b": (o("src", "customerid"),)}


def test_quoted_mixed_case_identifiers_on_a_case_insensitive_dialect():
    source = relation("src", {"CustomerId": "INTEGER"})
    model = relation("m", None, f'select "CUSTOMERID" as a from {DB}.main."SRC"')
    assert trace(source, model, adapter="duckdb")["m"] == {"a": (o("src", "CustomerId"),)}


def test_count_star_depends_on_rows_not_on_a_column():
    model = relation("m", None, f"select customer_id, count(*) as n_orders from {DB}.main.orders group by 1")
    assert trace(ORDERS, model)["m"] == {
        "customer_id": (o("orders", "customer_id"),),
        "n_orders": (o("orders", None),),
    }


def test_output_columns_take_the_documented_spelling():
    model = relation("m", None, f"select order_id as ORDER_ID from {DB}.main.orders", documented=("order_id",))
    assert list(trace(ORDERS, model)["m"]) == ["order_id"]


@pytest.mark.parametrize("sql", ["select from where", "insert into x values (1)"])
def test_sql_that_cannot_be_analysed_is_a_problem_not_a_crash(sql):
    traced = column_lineage(Project(name="shop", adapter_type="duckdb", nodes={"model.shop.m": relation("m", None, sql)}))
    assert traced["model.shop.m"].columns == {}
    assert traced["model.shop.m"].problem


def test_models_without_compiled_sql_are_skipped():
    assert column_lineage(Project(name="shop", adapter_type="duckdb", nodes={ORDERS.unique_id: ORDERS})) == {}
