{#-
  Many checks on one model in one scan (the `checks` test).

  Each check is rendered through its own test macro with a collector in place of the model.
  The row and aggregate builders see the collector and hand back what they would check (the
  row outcome, or the aggregate expression and its condition) instead of SQL, so a batched
  check runs exactly the logic of the test it names. Tests that need their own relation
  (window functions, another model, the catalog) cannot be collected and are refused.

  The scan: row checks become count/sum pairs; aggregate checks become their expression. An
  aggregate check with group_by or row_condition is evaluated in its own grouping set (its
  row_condition is a grouping key), so grouped and filtered aggregates still share the one
  scan. A single join with the list of checks then turns the measures into one failing row
  per failing check.
-#}

{% macro is_batch_collector(model) -%}
  {{ return(model is mapping and "assay_batch" in model) }}
{%- endmacro %}

{% macro collect_checks(model, checks) %}
  {%- set specs = [] -%}
  {%- for check in checks -%}
    {%- set position = "checks[" ~ loop.index0 ~ "]" -%}
    {%- if check is not mapping or not check.get("test") -%}
      {{ assay.arg_error("checks", model, position, "must be a mapping with a `test` key, got " ~ (check | tojson)) }}
    {%- endif -%}
    {%- set test_name = check["test"] | replace("assay.", "") -%}
    {%- set test_macro = assay.get("test_" ~ test_name) if assay.get is defined else none -%}
    {%- if test_macro is none -%}
      {{ assay.arg_error("checks", model, position ~ ".test", "names no assay test: " ~ (check["test"] | tojson)) }}
    {%- endif -%}
    {%- set arguments = {} -%}
    {%- for key, value in check.items() if key not in ("test", "name") -%}
      {%- do arguments.update({key: value}) -%}
    {%- endfor -%}
    {%- set collector = {"assay_batch": [], "relation": model} -%}
    {%- do test_macro(model=collector, **arguments) -%}
    {%- set collected = collector["assay_batch"] -%}
    {%- if (collected | length) != 1 or "assay_batch" in (collected | tojson) -%}
      {{ assay.arg_error("checks", model, position ~ ".test",
          "cannot run in a batch: " ~ test_name ~ " needs a query of its own (run it as a separate test)") }}
    {%- endif -%}
    {%- set spec = collected[0] -%}
    {%- set label = check.get("name") or (test_name ~ ("(" ~ check["column_name"] ~ ")" if check.get("column_name") else "")) -%}
    {%- do spec.update({"name": label, "test": test_name}) -%}
    {%- do specs.append(spec) -%}
  {%- endfor -%}
  {{ return(specs) }}
{% endmacro %}

{#- The grouping keys of an aggregate check: its row_condition as a 0/1 key, then its groups. -#}
{% macro batch_keys(spec) -%}
  {%- set keys = [] -%}
  {%- if spec.kind == "aggregate" -%}
    {%- if spec.row_condition -%}{%- do keys.append("case when (" ~ spec.row_condition ~ ") then 1 else 0 end") -%}{%- endif -%}
    {%- do keys.extend(spec.groups) -%}
  {%- endif -%}
  {{ return(keys) }}
{%- endmacro %}

{% macro batch_sql(model, specs) %}
  {%- set all_keys = [] -%}
  {%- for spec in specs -%}
    {%- for key in assay.batch_keys(spec) if key not in all_keys -%}{%- do all_keys.append(key) -%}{%- endfor -%}
  {%- endfor -%}
  {#- grouping(k) is 1 where k is rolled up: a set's mask has the bits of the keys it lacks. -#}
  {%- set full_mask = 2 ** (all_keys | length) - 1 -%}
  {%- set sets = [] -%}
  {%- for spec in specs -%}
    {%- set mask = namespace(value=full_mask) -%}
    {%- for key in assay.batch_keys(spec) -%}{%- set mask.value = mask.value - 2 ** all_keys.index(key) -%}{%- endfor -%}
    {%- do spec.update({"mask": mask.value}) -%}
    {%- if assay.batch_keys(spec) not in sets -%}{%- do sets.append(assay.batch_keys(spec)) -%}{%- endif -%}
  {%- endfor -%}
  {%- if [] not in sets -%}{%- do sets.append([]) -%}{%- endif %}
with assay_measures as (
    select
        {%- if all_keys %}
        {%- for key in all_keys %}
        {{ key }} as assay_key_{{ loop.index0 }},
        {%- endfor %}
        {% for key in all_keys %}grouping({{ key }}) * {{ 2 ** loop.index0 }}{{ " + " if not loop.last }}{% endfor %} as assay_set,
        {%- else %}
        0 as assay_set,
        {%- endif %}
        {%- for spec in specs %}
        {%- if spec.kind == "row" %}
        count({{ assay.batch_row_value(spec) }}) as assay_n_{{ loop.index0 }},
        sum({{ assay.batch_row_value(spec) }}) as assay_f_{{ loop.index0 }}{{ "," if not loop.last }}
        {%- else %}
        {{ spec.expression }} as assay_v_{{ loop.index0 }}{{ "," if not loop.last }}
        {%- endif %}
        {%- endfor %}
    from {{ model }}
    {%- if all_keys %}
    group by grouping sets (
        {%- for keys in sets %}
        ({{ keys | join(", ") }}){{ "," if not loop.last }}
        {%- endfor %}
    )
    {%- endif %}
),
assay_checks as (
    {%- for spec in specs %}
    select {{ loop.index0 }} as assay_check, {{ assay.string_literal(spec.name) }} as check_name,
           {{ assay.string_literal(spec.test) }} as test_name, {{ spec.mask if all_keys else 0 }} as assay_set,
           {{ assay.batch_empty_failing(model, spec) }} as assay_empty_failing
    {{- "\n    union all" if not loop.last }}
    {%- endfor %}
),
assay_failures as (
    select
        assay_checks.check_name,
        assay_checks.test_name,
        case assay_checks.assay_check
            {%- for spec in specs %}
            when {{ loop.index0 }} then {{ "assay_f_" ~ loop.index0 if spec.kind == "row" else "1" }}
            {%- endfor %}
        end as failures
    from assay_checks
    left join assay_measures
      on assay_measures.assay_set = assay_checks.assay_set
     and case assay_checks.assay_check
        {%- for spec in specs %}
        when {{ loop.index0 }} then {{ assay.batch_scope(spec, all_keys) }}
        {%- endfor %}
     end
    where case
        when assay_measures.assay_set is null then assay_checks.assay_empty_failing
        {%- for spec in specs %}
        when assay_checks.assay_check = {{ loop.index0 }} then {{ assay.batch_failing(spec, loop.index0) }}
        {%- endfor %}
    end
)
select {{ assay.failing_shape(["check_name", "test_name", "sum(failures) as failures"]) }}
from assay_failures
group by check_name, test_name
{% endmacro %}

{#- A row check's outcome (1 failing, 0 passing, NULL not counted) within its row_condition. -#}
{% macro batch_row_value(spec) -%}
  {%- if spec.row_condition -%}case when ({{ spec.row_condition }}) then {{ spec.outcome }} end
  {%- else -%}{{ spec.outcome }}{%- endif -%}
{%- endmacro %}

{#- The rows of a check's grouping set that belong to it: those inside its row_condition. -#}
{% macro batch_scope(spec, all_keys) -%}
  {%- if spec.kind == "aggregate" and spec.row_condition -%}
    assay_measures.assay_key_{{ all_keys.index(assay.batch_keys(spec)[0]) }} = 1
  {%- else -%}
    true
  {%- endif -%}
{%- endmacro %}

{% macro batch_failing(spec, index) -%}
  {%- if spec.kind == "row" -%}
    (assay_f_{{ index }} > 0 and assay_n_{{ index }} - assay_f_{{ index }} < {{ spec.mostly }} * assay_n_{{ index }})
  {%- else -%}
    not coalesce({{ spec.condition | replace("observed_value", "assay_v_" ~ index) }}, {{ "true" if spec.null_passes else "false" }})
  {%- endif -%}
{%- endmacro %}

{#-
  When no row meets an ungrouped check's row_condition, its grouping set has no row at all,
  while the check on its own would aggregate an empty input (count 0, avg NULL...). That value
  comes from the same expression over `where 1 = 0`, which reads nothing.
-#}
{% macro batch_empty_failing(model, spec) -%}
  {{- return(adapter.dispatch("batch_empty_failing", "assay")(model, spec)) -}}
{%- endmacro %}

{% macro default__batch_empty_failing(model, spec) -%}
  {%- if spec.kind == "aggregate" and spec.row_condition and not spec.groups -%}
    {{ assay.batch_empty_value(model, spec) }}
  {%- else -%}
    false
  {%- endif -%}
{%- endmacro %}

{#-
  Spark returns no row for the grand-total grouping set () when the model is empty (DuckDB and
  PostgreSQL return one), so every ungrouped aggregate check takes its empty-input value,
  with or without row_condition.
-#}
{% macro spark__batch_empty_failing(model, spec) -%}
  {%- if spec.kind == "aggregate" and not spec.groups -%}
    {{ assay.batch_empty_value(model, spec) }}
  {%- else -%}
    false
  {%- endif -%}
{%- endmacro %}

{% macro batch_empty_value(model, spec) -%}
    (select not coalesce({{ spec.condition }}, {{ "true" if spec.null_passes else "false" }})
     from (select {{ spec.expression }} as observed_value from {{ model }} where 1 = 0) as assay_empty)
{%- endmacro %}
