-- Column names that need quoting: a space, a reserved word, mixed case.
select
    1 as id,
    2 as {{ adapter.quote("Order Total") }},
    3 as {{ adapter.quote("select") }},
    4 as {{ adapter.quote("MixedCase") }}
