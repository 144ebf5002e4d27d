{#-
  The predicted label agrees with the score and the decision threshold: score ≥ threshold
  (score > threshold with strictly) gives positive_label, anything lower negative_label.
  Attach it to the label column or pass label_column. Row-level (mostly, context_columns);
  failing rows show the label and the score.
  NULL rule: a row with a NULL score or a NULL label is skipped.
-#}
{% test expect_predicted_labels_to_match_scores(model, score_column, column_name=none, label_column=none,
        threshold=0.5, strictly=false, positive_label=1, negative_label=0, row_condition=none, mostly=1,
        context_columns=none) %}
  {{ return(adapter.dispatch("test_expect_predicted_labels_to_match_scores", "assay")(
      model, score_column, column_name, label_column, threshold, strictly, positive_label, negative_label,
      row_condition, mostly, context_columns)) }}
{% endtest %}

{% macro default__test_expect_predicted_labels_to_match_scores(model, score_column, column_name, label_column, threshold,
        strictly, positive_label, negative_label, row_condition, mostly, context_columns) %}
  {%- set test_name = "expect_predicted_labels_to_match_scores" -%}
  {%- set label = label_column or column_name -%}
  {{ assay.check_required(test_name, model, "score_column", score_column) }}
  {{ assay.check_required(test_name, model, "label_column", label) }}
  {{ assay.check_number(test_name, model, "threshold", threshold) }}
  {%- if execute and positive_label == negative_label -%}
    {{ assay.arg_error(test_name, model, "positive_label/negative_label", "must differ, both are " ~ (positive_label | tojson)) }}
  {%- endif -%}
  {%- set positive = assay.to_double(score_column) ~ (" > " if strictly else " >= ") ~ threshold -%}
  {{ assay.row_test(model, test_name,
      pass_expr="case when " ~ positive ~ " then " ~ label ~ " = " ~ assay.literal(positive_label)
                ~ " else " ~ label ~ " = " ~ assay.literal(negative_label) ~ " end",
      null_probe="case when " ~ label ~ " is not null then " ~ score_column ~ " end",
      show_columns=[label, score_column],
      row_condition=row_condition, mostly=mostly, context_columns=context_columns) }}
{% endmacro %}
