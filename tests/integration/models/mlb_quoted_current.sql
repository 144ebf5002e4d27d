-- Quoted, mixed-case, space-containing column names, to prove the checks quote nothing themselves.
select f_normal as "Feature Value", cat as "Segment", label as "select" from {{ ref('mlb_current') }}
