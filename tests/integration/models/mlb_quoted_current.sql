-- Quoted, mixed-case, space-containing column names, to prove the checks quote nothing themselves.
select f_normal as {{ adapter.quote("Feature Value") }}, cat as {{ adapter.quote("Segment") }}, label as {{ adapter.quote("select") }} from {{ ref('mlb_current') }}
