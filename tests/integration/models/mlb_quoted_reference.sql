select f_normal as "Feature Value", cat as "Segment", label as "select" from {{ ref('mlb_reference') }}
