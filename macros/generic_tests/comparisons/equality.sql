{% test equality(model, compare_model=none, compare_columns=none, exclude_columns=none, precision=none,
                 row_condition=none, compare_row_condition=none) %}
  {{ return(adapter.dispatch("test_equality", "assay")(
      model, compare_model, compare_columns, exclude_columns, precision, row_condition, compare_row_condition)) }}
{% endtest %}

{#-
  The two relations hold the same rows, compared as multisets: a row present twice in one and
  once in the other fails (dbt-utils compares with EXCEPT, which cannot see duplicates). One
  failing row per distinct differing row, with how often it occurs on each side.

  compare_columns: the columns to compare (a name, or a [model column, compare_model column]
  pair); exclude_columns: compare all columns but these. Without either, both relations must
  have the same columns (matched by name, case-insensitively), else the test errors.
  precision: numeric (non-integer) columns are rounded to that many decimals on both sides.
  NULL rule: NULLs compare equal to NULLs (a row with a NULL matches the same row with a NULL).
-#}
{% macro default__test_equality(model, compare_model, compare_columns, exclude_columns, precision,
                                 row_condition, compare_row_condition) %}
  {%- set test_name = "equality" -%}
  {{ assay.check_required(test_name, model, "compare_model", compare_model) }}
  {{ assay.check_list(test_name, model, "compare_columns", compare_columns, required=false) }}
  {{ assay.check_list(test_name, model, "exclude_columns", exclude_columns, required=false) }}
  {%- if execute and compare_columns and exclude_columns -%}
    {{ assay.arg_error(test_name, model, "compare_columns/exclude_columns", "takes one of compare_columns or exclude_columns, not both") }}
  {%- endif -%}
  {%- if execute and precision is not none and (precision is not number or precision is boolean or precision < 0) -%}
    {{ assay.arg_error(test_name, model, "precision", "must be a non-negative number of decimals, got " ~ (precision | tojson)) }}
  {%- endif -%}
  {%- if not execute -%}{{ return("select 1 as assay_failure where 1 = 0") }}{%- endif -%}

  {%- set model_columns = assay.relation_columns(model) -%}
  {%- set other_columns = assay.relation_columns(compare_model) -%}
  {%- set model_names = model_columns | map(attribute="name") | list -%}
  {%- set other_names = other_columns | map(attribute="name") | list -%}
  {#- pairs: [model expression, compare_model expression, output name, model index, compare_model index] -#}
  {%- set pairs = [] -%}
  {%- if compare_columns -%}
    {%- for entry in compare_columns -%}
      {%- if entry is string -%}
        {%- set pair = [entry, entry] -%}
      {%- elif assay.is_list(entry) and (entry | length) == 2 -%}
        {%- set pair = [entry[0], entry[1]] -%}
      {%- else -%}
        {{ assay.arg_error(test_name, model, "compare_columns", "entries must be a column name or a [model column, compare_model column] pair, got " ~ (entry | tojson)) }}
      {%- endif -%}
      {%- do pairs.append([pair[0], pair[1], assay.output_column_name(pair[0], loop.index),
                           assay.find_column_index(pair[0], model_names, "lower"), assay.find_column_index(pair[1], other_names, "lower")]) -%}
    {%- endfor -%}
  {%- else -%}
    {%- set kept_model = [] -%}
    {%- set kept_other = [] -%}
    {%- for name in model_names -%}
      {%- if assay.find_column_index(name, exclude_columns or [], "lower") < 0 -%}{%- do kept_model.append(name) -%}{%- endif -%}
    {%- endfor -%}
    {%- for name in other_names -%}
      {%- if assay.find_column_index(name, exclude_columns or [], "lower") < 0 -%}{%- do kept_other.append(name) -%}{%- endif -%}
    {%- endfor -%}
    {%- set only_model = [] -%}
    {%- for name in kept_model -%}
      {%- set found = assay.find_column_index(name, kept_other, "lower") -%}
      {%- if found < 0 -%}
        {%- do only_model.append(name) -%}
      {%- else -%}
        {%- do pairs.append([adapter.quote(name), adapter.quote(kept_other[found]), adapter.quote(name),
                             model_names.index(name), other_names.index(kept_other[found])]) -%}
      {%- endif -%}
    {%- endfor -%}
    {%- set only_other = [] -%}
    {%- for name in kept_other -%}
      {%- if assay.find_column_index(name, kept_model, "lower") < 0 -%}{%- do only_other.append(name) -%}{%- endif -%}
    {%- endfor -%}
    {%- if only_model or only_other -%}
      {{ exceptions.raise_compiler_error(
          "assay.equality on model '" ~ assay.model_label(model) ~ "': the two relations have different columns (only in the model: "
          ~ (only_model | join(", ") or "none") ~ "; only in compare_model: " ~ (only_other | join(", ") or "none")
          ~ "); name them with compare_columns or exclude_columns") }}
    {%- endif -%}
  {%- endif -%}

  {%- set model_side = [] -%}
  {%- set other_side = [] -%}
  {%- set keys = [] -%}
  {%- set shown = [] -%}
  {%- for pair in pairs -%}
    {#- Rounded when the column is fractional on either side (a list: loop scopes drop `set`). -#}
    {%- set fractional = [] -%}
    {%- if precision is not none -%}
      {%- for found in [[model_columns, pair[3]], [other_columns, pair[4]]] -%}
        {%- if found[1] >= 0 -%}
          {%- set column = found[0][found[1]] -%}
          {%- if (column.is_float() or column.is_numeric()) and not column.is_integer() -%}{%- do fractional.append(1) -%}{%- endif -%}
        {%- endif -%}
      {%- endfor -%}
    {%- endif -%}
    {%- set rounded = fractional | length > 0 -%}
    {%- set key = "assay_column_" ~ loop.index -%}
    {%- do keys.append(key) -%}
    {%- do shown.append(key ~ " as " ~ pair[2]) -%}
    {%- do model_side.append((assay.round_number(pair[0], precision) if rounded else pair[0]) ~ " as " ~ key) -%}
    {%- do other_side.append((assay.round_number(pair[1], precision) if rounded else pair[1]) ~ " as " ~ key) -%}
  {%- endfor %}
with assay_rows as (
    select {{ model_side | join(", ") }}, 1 as assay_in_model, 0 as assay_in_compare
    from {{ model }}
    {{ assay.where_clause([row_condition]) }}
    union all
    select {{ other_side | join(", ") }}, 0 as assay_in_model, 1 as assay_in_compare
    from {{ compare_model }}
    {{ assay.where_clause([compare_row_condition]) }}
),
assay_counted as (
    select {{ keys | join(", ") }},
        sum(assay_in_model) as n_in_model,
        sum(assay_in_compare) as n_in_compare
    from assay_rows
    group by {{ keys | join(", ") }}
)
select {{ assay.failing_shape(shown + ["n_in_model", "n_in_compare"]) }}
from assay_counted
where n_in_model <> n_in_compare
{% endmacro %}
