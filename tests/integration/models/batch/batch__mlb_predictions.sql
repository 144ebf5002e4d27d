select * from {{ ref('mlb_predictions') }}
