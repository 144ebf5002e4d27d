select * from {{ ref('mlb_training_pit') }}
